"""Map key paths of a TOML document to line and column numbers.

tomllib returns plain dicts without positions, and pydantic reports errors as key paths such as
``("indicators", 3, "series", 0, "values", 2, "value")``. This module scans the TOML text once and records where
every key, table header and array element starts, so that any path can be turned into ``line:col``. It assumes the
text already parsed with tomllib (syntax errors are reported from tomllib's own position) and never raises.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

Path = tuple[str | int, ...]
Position = tuple[int, int]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = re.compile(r"(?:[ \t\r]|#[^\n]*)*")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
_BASIC_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"?')
_SCALAR = re.compile(r"[^,\]}\n#]*")
_NEWLINE = re.compile("\n")


class _Scanner:
    """A single pass over the document that records the start of every key path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.positions: dict[Path, int] = {}
        self.array_counts: dict[Path, int] = {}
        self._line_starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]

    # -- low-level helpers -------------------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces, tabs, comments and (when ``newlines``) line breaks."""
        pattern = _BLANK_LINES if newlines else _BLANK
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()

    def record(self, path: Path, at: int) -> None:
        self.positions.setdefault(path, at)

    # -- keys --------------------------------------------------------------------------------------------------
    def read_key_part(self) -> str:
        ch = self.peek()
        if ch == '"':
            return self.read_basic_string()
        if ch == "'":
            end = self.text.find("'", self.pos + 1)
            end = len(self.text) if end < 0 else end
            part = self.text[self.pos + 1 : end]
            self.pos = end + 1
            return part
        start = self.pos
        match = _BARE_KEY.match(self.text, start)
        self.pos = match.end() if match else start + 1  # not a key: step over one character so the scan advances
        return self.text[start : self.pos]

    def read_dotted_key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_blank(newlines=False)
            at = self.pos
            parts.append((self.read_key_part(), at))
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.pos += 1

    # -- strings and scalars -----------------------------------------------------------------------------------
    def read_basic_string(self) -> str:
        match = _BASIC_STRING.match(self.text, self.pos)
        if match is None:  # pragma: no cover - the pattern matches any opening quote
            self.pos += 1
            return ""
        self.pos = match.end()
        return match.group(1)

    def skip_string(self) -> None:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.pos):
            end = self.text.find(quote * 3, self.pos + 3)
            while end >= 0 and quote == '"' and self._escaped(end):
                end = self.text.find(quote * 3, end + 1)
            end = len(self.text) if end < 0 else end + 3
            while end < len(self.text) and self.text[end] == quote:  # up to two quotes may close the string
                end += 1
            self.pos = end
        elif quote == '"':
            self.read_basic_string()
        else:
            end = self.text.find("'", self.pos + 1)
            self.pos = len(self.text) if end < 0 else end + 1

    def _escaped(self, index: int) -> bool:
        backslashes = 0
        while index - backslashes - 1 >= 0 and self.text[index - backslashes - 1] == "\\":
            backslashes += 1
        return backslashes % 2 == 1

    # -- values ------------------------------------------------------------------------------------------------
    def read_value(self, path: Path) -> None:
        ch = self.peek()
        if ch in "\"'":
            self.skip_string()
        elif ch == "[":
            self.read_array(path)
        elif ch == "{":
            self.read_inline_table(path)
        else:
            match = _SCALAR.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos

    def read_array(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() in ("]", ""):
                self.pos += 1
                return
            self.record(path + (index,), self.pos)
            before = self.pos
            self.read_value(path + (index,))
            index += 1
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.pos += 1
            elif self.pos == before:
                self.pos += 1

    def read_inline_table(self, path: Path) -> None:
        self.pos += 1
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() in ("}", ""):
                self.pos += 1
                return
            if self.peek() == ",":
                self.pos += 1
                continue
            self.read_key_value(path)

    def read_key_value(self, table: Path) -> None:
        parts = self.read_dotted_key()
        path = table
        for name, at in parts:
            path = path + (name,)
            self.record(path, at)
        self.skip_blank(newlines=False)
        if self.peek() == "=":
            self.pos += 1
            self.skip_blank(newlines=False)
            self.read_value(path)

    # -- tables ------------------------------------------------------------------------------------------------
    def resolve(self, parts: Sequence[tuple[str, int]]) -> Path:
        """The full path of a dotted header key, entering the latest element of each array of tables."""
        path: Path = ()
        for name, at in parts:
            path = path + (name,)
            self.record(path, at)
            if path in self.array_counts:
                path = path + (self.array_counts[path] - 1,)
        return path

    def read_header(self) -> Path:
        is_array = self.text.startswith("[[", self.pos)
        header_at = self.pos
        self.pos += 2 if is_array else 1
        parts = self.read_dotted_key()
        self.pos += 2 if is_array else 1
        if not is_array:
            path = self.resolve(parts)
            self.record(path, header_at)
            return path
        parent = self.resolve(parts[:-1])
        array = parent + (parts[-1][0],)
        self.record(array, header_at)
        count = self.array_counts.get(array, 0)
        self.array_counts[array] = count + 1
        path = array + (count,)
        self.record(path, header_at)
        return path

    def scan(self) -> dict[Path, int]:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.positions
            before = self.pos
            if self.peek() == "[":
                table = self.read_header()
            else:
                self.read_key_value(table)
            if self.pos == before:
                self.pos += 1

    def line_col(self, offset: int) -> Position:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


class TomlLocator:
    """Positions of the key paths of one TOML document (1-based line and column).

    The document is scanned on the first question, so a file without findings costs nothing.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._cache: dict[Path, Position] | None = None

    @property
    def _positions(self) -> dict[Path, Position]:
        if self._cache is None:
            scanner = _Scanner(self._text)
            try:
                offsets = scanner.scan()
            except Exception:  # noqa: BLE001 - a locator must never hide the real error it is asked to place
                offsets = scanner.positions
            self._cache = {path: scanner.line_col(at) for path, at in offsets.items()}
        return self._cache

    def paths(self) -> list[Path]:
        """Every path the scan found."""
        return list(self._positions)

    def exact(self, path: Path) -> Position | None:
        """The position of ``path`` itself, or None."""
        return self._positions.get(tuple(path))

    def find(self, path: Sequence[str | int]) -> Position:
        """The position of ``path``, else of its nearest enclosing key; ``(1, 1)`` when nothing matches."""
        candidate = tuple(path)
        positions = self._positions
        while candidate:
            found = positions.get(candidate)
            if found is not None:
                return found
            candidate = candidate[:-1]
        return (1, 1)
