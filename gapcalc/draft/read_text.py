"""Plain-text plan documents: decoding, line endings, and the tables written in the text.

The text is kept as it is (only line endings become ``\\n``), so that quotes match the document character for
character. Tables are recognised where a document saved as text keeps them: consecutive lines whose cells are separated
by tabs (what copying a table out of Word or a browser gives), or by runs of two or more spaces or ideographic spaces
when every line of the block has the same number (three or more) of cells. A blank line ends a table, so row ``i`` of a
table always stands on line ``table.line + i``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from gapcalc.draft.document import SourceDocument, Table
from gapcalc.draft.read_layout import Row, find_caption
from gapcalc.errors import GapcalcError
from gapcalc.infra import textio
from gapcalc.messages import t

TEXT_HINT = t("save the plan as UTF-8 text (or give the .docx, PDF or HTML file)")
SPACE_GAP = re.compile(r"(?: {2,}|[\u3000\xa0]+)")
MIN_SPACED_COLUMNS = 3
_Splitter = Callable[[str], "Row | None"]
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
    """A plain-text document: its text unchanged but for line endings, and its tab- or space-aligned tables."""
    text = decode_text(data, name)
    return SourceDocument(text=text, tables=find_text_tables(text.split("\n")), format="text")


def find_text_tables(lines: Sequence[str]) -> tuple[Table, ...]:
    """The tables written in ``lines``: blocks of consecutive table rows (see the module docstring)."""
    tables: list[Table] = []
    row_indices: set[int] = set()
    index = 0
    while index < len(lines):
        rows = _block_at(lines, index)
        if len(rows) < 2:
            index += 1
            continue
        tables.append(Table(rows=tuple(rows), line=index + 1, caption=find_caption(lines, index, row_indices)))
        row_indices.update(range(index, index + len(rows)))
        index += len(rows)
    return tuple(tables)


def _block_at(lines: Sequence[str], start: int) -> list[Row]:
    """The rows of the table starting at ``lines[start]``: tab-separated rows, else equally wide space-aligned rows."""
    tabbed = _take_while(lines, start, tab_cells)
    if len(tabbed) >= 2:
        return tabbed
    spaced = _take_while(lines, start, spaced_cells)
    widths = {len(row) for row in spaced}
    return spaced if len(widths) == 1 and widths.pop() >= MIN_SPACED_COLUMNS else []


def _take_while(lines: Sequence[str], start: int, split: _Splitter) -> list[Row]:
    rows: list[Row] = []
    for line in lines[start:]:
        row = split(line)
        if row is None:
            break
        rows.append(row)
    return rows


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

