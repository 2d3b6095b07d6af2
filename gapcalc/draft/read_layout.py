"""Turning what a reader found (paragraph lines and tables, in order) into a document's text and tables.

The structured readers (HTML, Word, PDF) produce a sequence of :data:`Block` s; :func:`assemble` writes them one
paragraph per line and one table row per line (cells joined by a tab), numbers the tables' lines and finds their
captions. The helpers here are shared by all readers, so that the same table reads the same in every format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gapcalc.draft.document import Table

Row = tuple[str, ...]

CAPTION = re.compile(r"^(?:[续續附]表\s*[0-9０-９一二三四五六七八九十百]*|表\s*[0-9０-９一二三四五六七八九十百]+)")
"""``表2 ……``, ``附表``, ``续表3``: the form of a table's title (``表明``, ``表彰`` are words, not titles)."""
CAPTION_MAX_CHARS = 60
CAPTION_LOOKBACK = 3
"""How many non-blank lines above a table are searched for its caption."""
LAYOUT_CELL_CHARS = 400
"""A table cell with more CJK characters than this is page layout holding an article, not a data cell."""


@dataclass(frozen=True)
class TableBlock:
    """A table as a reader found it: rows of cell texts (merged cells already resolved)."""

    rows: tuple[Row, ...]


Block = str | TableBlock
"""A paragraph (its text; a newline in it starts a new line) or a table."""


def is_wide(char: str) -> bool:
    """Whether ``char`` is a CJK (wide or fullwidth) character, which joins its neighbours without a space."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def needs_space(left: str, right: str) -> bool:
    """Whether a line break between ``left`` and ``right`` stood for a space (Latin words), not for nothing (CJK).

    A space is kept only between two ASCII letters or digits one of which is a letter: ``in`` / ``2020``. Chinese text
    and numbers broken across lines (``5`` / ``0%``) are joined without one.
    """
    if not (left and right):
        return False
    a, b = left[-1], right[0]
    both_alnum = a.isascii() and b.isascii() and a.isalnum() and b.isalnum()
    return both_alnum and (a.isalpha() or b.isalpha())


def join_wrapped(parts: Iterable[str]) -> str:
    """Join the visual lines of one paragraph or cell into one line (see :func:`needs_space`)."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        text = f"{text} {part}" if needs_space(text, part) else text + part
    return text


def cell_text(raw: str) -> str:
    """A cell's text on one line: its lines joined (:func:`join_wrapped`), tabs made spaces."""
    return join_wrapped(raw.replace("\t", " ").splitlines())


def clean_rows(rows: Iterable[Sequence[str]]) -> tuple[Row, ...]:
    """Rows as tuples of one-line cell texts, without the rows whose cells are all empty."""
    cleaned = (tuple(cell_text(cell) for cell in row) for row in rows)
    return tuple(row for row in cleaned if any(row))


def is_caption(line: str) -> bool:
    """Whether ``line`` reads like a table title (``表2 ……``, ``附表``)."""
    line = line.strip()
    return 0 < len(line) <= CAPTION_MAX_CHARS and CAPTION.match(line) is not None


def find_caption(lines: Sequence[str], first_row: int, row_indices: frozenset[int] | set[int]) -> str:
    """The caption of a table whose first row is ``lines[first_row]``: the nearest short ``表…`` line above it.

    Up to :data:`CAPTION_LOOKBACK` non-blank lines are searched, all of them short; the search stops at another
    table's row.
    """
    seen = 0
    for index in range(first_row - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            continue
        if index in row_indices or len(line) > CAPTION_MAX_CHARS or seen == CAPTION_LOOKBACK:
            return ""
        if is_caption(line):
            return line
        seen += 1
    return ""


def looks_like_layout(column_counts: Sequence[int], has_nested_table: bool, longest_cell_chars: int) -> bool:
    """Whether a table is page layout (a box around text) rather than data.

    Layout: it holds another table, it has a single column, or a cell holds a whole article
    (more than :data:`LAYOUT_CELL_CHARS` CJK characters).
    """
    return has_nested_table or max(column_counts, default=0) <= 1 or longest_cell_chars > LAYOUT_CELL_CHARS


def cjk_count(text: str) -> int:
    """How many CJK characters ``text`` has: the measure of how much of a document an element holds."""
    return sum(1 for char in text if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")


def assemble(blocks: Iterable[Block]) -> tuple[str, tuple[Table, ...]]:
    """The document's text (one paragraph or table row per line, ending with a newline) and its tables."""
    lines: list[str] = []
    row_indices: set[int] = set()
    tables: list[Table] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            rows = clean_rows(block.rows)
            if not rows:
                continue
            tables.append(Table(rows=rows, line=len(lines) + 1, caption=find_caption(lines, len(lines), row_indices)))
            row_indices.update(range(len(lines), len(lines) + len(rows)))
            lines.extend("\t".join(row) for row in rows)
        else:
            lines.extend(line.strip() for line in block.split("\n") if line.strip())
    return ("\n".join(lines) + "\n" if lines else ""), tuple(tables)
