"""stdout and stderr on a console whose encoding lacks characters (a GBK console, ``PYTHONIOENCODING``).

For people (tables, Markdown, messages), symbols degrade to ASCII (``✓`` → ``OK``, ``≥`` → ``>=``) and any other
character the encoding cannot write becomes ``?``. Data is never altered: JSON escapes such a character
(``\\ud842\\udfb7``, which reads back as the same text), and CSV or TSV stop with an error naming it (exit 2): it
cannot be written, so it is not replaced. Files written with ``--output`` are UTF-8 and hold everything.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
from collections.abc import Iterator

ERRORS = "gapcalc-degrade"
SYMBOLS = {
    "✓": "OK", "✗": "X", "·": "-", "–": "-", "—": "-", "…": "...", "≈": "~", "≥": ">=", "≤": "<=", "▲": "^",
    "○": "o", "×": "x", "→": "->", "›": ">", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
}
"""Symbols and their ASCII stand-ins, used only where the output encoding cannot write the symbol."""


def degrade(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character that cannot be written as its ASCII stand-in, else ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(SYMBOLS.get(char, "?") for char in text), error.end


codecs.register_error(ERRORS, degrade)

JSON_ERRORS = "gapcalc-json-escape"


def json_escape(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler for JSON text: each character that cannot be written as its JSON escape (a surrogate
    pair beyond the BMP), which every JSON reader turns back into the character."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error(JSON_ERRORS, json_escape)


@contextlib.contextmanager
def data_on_stdout(kind: str) -> Iterator[None]:
    """While data of ``kind`` (``json`` or ``delimited``) is written to stdout: characters its encoding lacks are
    escaped (JSON) or raise (CSV, TSV) instead of degrading; nothing changes on a UTF stdout."""
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper) or stream.errors != ERRORS:
        yield
        return
    stream.reconfigure(errors=JSON_ERRORS if kind == "json" else "strict")
    try:
        yield
    finally:
        stream.reconfigure(errors=ERRORS)


def protect_streams() -> None:
    """Make stdout and stderr degrade unwritable characters instead of raising, unless they write UTF."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        encoding = (stream.encoding or "").lower().replace("_", "-")
        if encoding.startswith("utf") or stream.errors != "strict":
            continue
        stream.reconfigure(errors=ERRORS)
