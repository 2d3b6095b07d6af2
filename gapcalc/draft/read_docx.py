"""Word (.docx) plan documents: the body's paragraphs and tables, in document order.

python-docx opens the package; the body's XML is then walked directly, so that text inside tracked insertions,
hyperlinks, fields and content controls is read too (deleted text, field codes and text boxes are not). A tab in a
paragraph stays a tab, a line break (``<w:br/>``) starts a new line. Headers, footers, footnotes and comments are not
part of the text.

Merged cells are kept once: a cell's text stands at its first row and column; the columns a horizontal merge
(``gridSpan``) covers and the rows a vertical merge (``vMerge``) continues into are empty cells, so that every cell
stays in its column. A table holding another table, or with a single column, is layout: its content is read as
paragraphs (and the inner tables as tables).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gapcalc.draft.document import SourceDocument
from gapcalc.draft.read_format import SAVE_AS
from gapcalc.draft.read_layout import Block, TableBlock, assemble, cjk_count, join_wrapped, looks_like_layout
from gapcalc.errors import GapcalcError
from gapcalc.messages import t

if TYPE_CHECKING:
    from lxml.etree import _Element as Element
else:
    Element = Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}instrText", f"{W}delText", MC_FALLBACK,
                     f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference"})
"""Elements whose text is not the paragraph's visible text."""
WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}ins", f"{W}moveTo", f"{W}customXml", f"{W}smartTag"})
"""Block-level elements that only wrap paragraphs and tables."""
CHARACTERS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def read_docx(data: bytes, name: str) -> SourceDocument:
    """A Word document: its paragraphs as lines and its data tables (see the module docstring)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged package: python-docx and lxml raise many kinds of errors
        raise GapcalcError(t("{path}: not a readable Word document ({reason})", path=name,
                             reason=f"{type(exc).__name__}: {exc}"), SAVE_AS) from None
    text, tables = assemble(body_blocks(document.element.body))
    return SourceDocument(text=text, tables=tables, format="docx")


def body_blocks(container: Element) -> Iterator[Block]:
    """The paragraphs and tables of a body or table cell, in document order."""
    for child in container:
        if child.tag == f"{W}p":
            yield paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield from table_blocks(child)
        elif child.tag in WRAPPERS:
            yield from body_blocks(child)


def paragraph_text(paragraph: Element) -> str:
    """A paragraph's visible text: tabs as ``\\t``, line breaks as ``\\n``."""
    return "".join(_characters(paragraph))


def _characters(element: Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag == f"{W}t":
            yield child.text or ""
        elif tag in CHARACTERS:
            yield CHARACTERS[tag]
        else:
            yield from _characters(child)


def table_blocks(table: Element) -> Iterator[Block]:
    """A data table as one block; a layout table as the blocks of its cells."""
    row_elements = _direct_rows(table)
    rows = [row.findall(f"{W}tc") for row in row_elements]
    nested = any(_owner(inner) is table for inner in table.iter(f"{W}tbl") if inner is not table)
    longest = max((cjk_count(paragraph_text_of_cell(cell)) for row in rows for cell in row), default=0)
    if looks_like_layout([_width(row) for row in rows], nested, longest):
        for row in rows:
            for cell in row:
                yield from body_blocks(cell)
        return
    yield TableBlock(tuple(_grid_row(row) for row in row_elements))


def _owner(element: Element) -> Element | None:
    """The nearest ``w:tbl`` enclosing ``element`` (not counting ``element`` itself)."""
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def _direct_rows(table: Element) -> list[Element]:
    return [row for row in table.iter(f"{W}tr") if _owner(row) is table]


def _width(cells: list[Element]) -> int:
    return sum(_grid_span(cell) for cell in cells)


def _grid_span(cell: Element) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    value = span.get(f"{W}val") if span is not None else None
    return max(int(value), 1) if value and value.isdigit() else 1


def _grid_row(row: Element) -> tuple[str, ...]:
    """A row's cells, a merged cell's text once and empty cells for what it covers (``gridBefore`` too)."""
    before = row.find(f"{W}trPr/{W}gridBefore")
    skipped = before.get(f"{W}val") if before is not None else None
    cells: list[str] = [""] * (int(skipped) if skipped and skipped.isdigit() else 0)
    for cell in row.findall(f"{W}tc"):
        cells.append("" if _continues_vertical_merge(cell) else paragraph_text_of_cell(cell))
        cells.extend([""] * (_grid_span(cell) - 1))
    return tuple(cells)


def _continues_vertical_merge(cell: Element) -> bool:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val", "continue") == "continue"


def paragraph_text_of_cell(cell: Element) -> str:
    """A cell's text on one line: its paragraphs (and any inner table's cells) joined."""
    return join_wrapped(_cell_lines(cell))


def _cell_lines(container: Element) -> Iterator[str]:
    for block in body_blocks(container):
        if isinstance(block, TableBlock):
            yield from (cell for row in block.rows for cell in row)
        else:
            yield from block.replace("\t", " ").split("\n")
