"""Plain-text plan documents: decoding, line endings, and the tables written in the text.

The text is kept as it is (only line endings become ``\\n``), so that quotes match the document character for
character. Tables are recognised where a document saved as text keeps them: consecutive lines whose cells are separated
by tabs (what copying a table out of Word or a browser gives), or by runs of two or more spaces or ideographic spaces
when every line of the block has the same number (three or more) of cells. A blank line ends a table, so row ``i`` of a
table always stands on line ``table.line + i``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from gapcalc.draft.bounds import TooLarge, check_text_size
from gapcalc.draft.document import SourceDocument, Table
from gapcalc.draft.read_layout import Row, find_caption
from gapcalc.errors import GapcalcError
from gapcalc.infra import textio
from gapcalc.messages import t

TEXT_HINT = t("save the plan as UTF-8 text (or give the .docx, PDF or HTML file)")
SPACE_GAP = re.compile(r"(?: {2,}|[\u3000\xa0]+)")
MIN_SPACED_COLUMNS = 3
ENUMERATION = re.compile(r"^[（(]?[0-9０-９一二三四五六七八九十]+[)）、.．]$")
"""``1.``, ``一、``, ``（一）``: a list number, which a tab after it does not make a table cell."""


def decode_text(data: bytes, name: str) -> str:
    """``data`` decoded (BOM, then UTF-8, then GB18030, as :func:`gapcalc.usecases.open.textio.decode`), line endings
    ``\\n``."""
    try:
        text, _ = textio.decode(data, Path(name))
    except GapcalcError as exc:
        raise GapcalcError(exc.message, TEXT_HINT) from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` as ``\\n``; every other character as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, name: str) -> SourceDocument:
    """A plain-text document: its text unchanged but for line endings, and its tab- or space-aligned tables. A text
    beyond :data:`gapcalc.draft.bounds.MAX_TEXT_CHARS` is refused as soon as it is decoded."""
    text = decode_text(data, name)
    try:
        check_text_size(text)
    except TooLarge as exc:
        raise exc.named(name) from None
    return SourceDocument(text=text, tables=find_text_tables(text.split("\n")), format="text")


def find_text_tables(lines: Sequence[str]) -> tuple[Table, ...]:
    """The tables written in ``lines``: blocks of consecutive table rows (see the module docstring).

    Every line is split once and the blocks are found from run lengths, so the time is linear in the number of lines
    (also for thousands of consecutive lines that split into cells but make no table).
    """
    blocks = _Blocks(lines)
    tables: list[Table] = []
    row_indices: set[int] = set()
    index = 0
    while index < len(lines):
        rows = blocks.at(index)
        if len(rows) < 2:
            index += 1
            continue
        tables.append(Table(rows=tuple(rows), line=index + 1, caption=find_caption(lines, index, row_indices)))
        row_indices.update(range(index, index + len(rows)))
        index += len(rows)
    return tuple(tables)


class _Blocks:
    """The table rows of every line (split once), and how far each run of rows goes on."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.tabbed = [tab_cells(line) for line in lines]
        self.spaced = [spaced_cells(line) for line in lines]
        count = len(lines)
        self.tab_run = [0] * (count + 1)
        """How many lines from this one on are tab-separated rows."""
        self.spaced_run = [0] * (count + 1)
        """How many lines from this one on are space-aligned rows."""
        self.same_width = [0] * (count + 1)
        """How many lines from this one on are space-aligned rows as wide as this one."""
        for index in range(count - 1, -1, -1):
            if self.tabbed[index] is not None:
                self.tab_run[index] = self.tab_run[index + 1] + 1
            row = self.spaced[index]
            if row is not None:
                self.spaced_run[index] = self.spaced_run[index + 1] + 1
                after = self.spaced[index + 1] if index + 1 < count else None
                self.same_width[index] = self.same_width[index + 1] + 1 if after and len(after) == len(row) else 1

    def at(self, start: int) -> list[Row]:
        """The rows of the table starting at line ``start``: tab-separated rows, else equally wide space-aligned rows
        of at least :data:`MIN_SPACED_COLUMNS` cells."""
        if self.tab_run[start] >= 2:
            return [row for row in self.tabbed[start:start + self.tab_run[start]] if row is not None]
        first, run = self.spaced[start], self.spaced_run[start]
        if first is None or self.same_width[start] != run or len(first) < MIN_SPACED_COLUMNS:
            return []
        return [row for row in self.spaced[start:start + run] if row is not None]


def tab_cells(line: str) -> Row | None:
    """The cells of a tab-separated table row, or ``None`` when ``line`` is not one.

    A row has at least two non-empty cells, and is not a numbered paragraph (``一、<tab>总体要求``: an enumeration
    mark followed by words; ``0.<tab>5`` is a row of numbers).
    """
    if "\t" not in line:
        return None
    cells = tuple(cell.strip() for cell in line.strip(" \u3000").split("\t"))
    if sum(1 for cell in cells if cell) < 2:
        return None
    return None if is_numbered_paragraph(cells) else cells


def is_numbered_paragraph(cells: tuple[str, ...]) -> bool:
    """``一、<tab>总体要求``, ``1.<tab>words``: an enumeration mark and words are a heading, not a table row
    (``0.<tab>5`` is a row of numbers)."""
    return len(cells) == 2 and ENUMERATION.match(cells[0]) is not None and any(ch.isalpha() for ch in cells[1])


def spaced_cells(line: str) -> Row | None:
    """The cells of a row aligned with runs of spaces, or ``None`` when ``line`` splits into fewer than two cells."""
    cells = tuple(cell for cell in SPACE_GAP.split(line.strip()) if cell)
    return cells if len(cells) >= 2 else None

