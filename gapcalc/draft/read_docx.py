"""Word (.docx) plan documents: the body's paragraphs and tables, in document order.

python-docx opens the package; the body's XML is then walked directly, so that text inside tracked insertions,
hyperlinks, fields and content controls is read too (deleted text, field codes and text boxes are not). A tab in a
paragraph stays a tab, a line break (``<w:br/>``) starts a new line. Headers, footers, footnotes and comments are not
part of the text.

Merged cells are kept once: a cell's text stands at its first row and column; the columns a horizontal merge
(``gridSpan``) covers and the rows a vertical merge (``vMerge``) continues into are empty cells, so that every cell
stays in its column. A table holding another table, or with a single column, is layout: its content is read as
paragraphs (and the inner tables as tables).

Hostile packages are bounded: each cell is read once, however deep tables nest, and a table nested more than
:data:`MAX_TABLE_DEPTH` deep is read as its paragraphs (with a note); a merged cell counts up to :data:`MAX_SPAN`
columns, and a table is cut after :data:`MAX_TABLE_CELLS` cells (with a note); the package's parts are refused,
before any is inflated, when the zip directory says one of them (:data:`MAX_PART_BYTES`) or all together
(:data:`MAX_PACKAGE_BYTES`) would be too large, and before python-docx parses them, when their XML holds more than
:data:`gapcalc.draft.bounds.MAX_WORD_ELEMENTS` elements; XML nested deeper than lxml parses (256 elements: tables
some 80 deep) is "nested too deeply to read".
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from gapcalc.draft import bounds
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
CONTAINERS = WRAPPERS | {f"{W}tbl", f"{W}tr", f"{W}tc"}
"""What a table nested too deeply is made of, down to its paragraphs."""
MAX_TABLE_DEPTH = 8
"""Tables nested deeper than this are read as their paragraphs (Word documents nest two or three deep at most)."""
MAX_SPAN = 64
"""A merged cell (``gridSpan``, ``gridBefore``) counts up to this many columns (Word allows 63)."""
MAX_TABLE_CELLS = 100_000
"""A table is read up to the row in which it passes this many cells (merged cells counted once per column)."""
MAX_PART_BYTES = 200 * 2**20
"""The largest part (``word/document.xml``, an image …) a Word document may inflate to; a 1,000-page plan's text is
a few dozen MiB."""
MAX_PACKAGE_BYTES = 400 * 2**20
"""The most all parts of a Word document together may inflate to."""
TOO_LARGE_HINT = t("the file is damaged or not a plan (a zip bomb?); save the plan again from Word, or as PDF or text")


def read_docx(data: bytes, name: str) -> SourceDocument:
    """A Word document: its paragraphs as lines and its data tables (see the module docstring)."""
    import docx

    check_package_sizes(data, name)
    check_package_markup(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged package: python-docx and lxml raise many kinds of errors
        if "Excessive depth" in str(exc):  # lxml's own bound (256 elements): tables nested some 80 deep
            raise GapcalcError(t("{path}: the document is nested too deeply to read", path=name), SAVE_AS) from None
        raise GapcalcError(t("{path}: not a readable Word document ({reason})", path=name,
                             reason=f"{type(exc).__name__}: {exc}"), SAVE_AS) from None
    warnings: list[str] = []
    text, tables = assemble(body_blocks(document.element.body, 0, warnings))
    return SourceDocument(text=text, tables=tables, format="docx", warnings=tuple(dict.fromkeys(warnings)))


def check_package_sizes(data: bytes, name: str) -> None:
    """Refuse a package whose zip directory says a part, or all parts together, would inflate beyond the bounds
    (:data:`MAX_PART_BYTES`, :data:`MAX_PACKAGE_BYTES`), before any part is read (a zip bomb). A part is never read
    beyond the size its directory entry states, so the directory is what bounds the reading."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # damaged: python-docx says so
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise GapcalcError(t("{path}: the part {part} of the Word document inflates to {size} MiB, more than the "
                                 "{limit} MiB gapcalc reads", path=name, part=part.filename, size=_mib(part.file_size),
                                 limit=_mib(MAX_PART_BYTES)), TOO_LARGE_HINT)
        total += part.file_size
    if total > MAX_PACKAGE_BYTES:
        raise GapcalcError(t("{path}: the parts of the Word document inflate to {size} MiB, more than the {limit} MiB "
                             "gapcalc reads", path=name, size=_mib(total), limit=_mib(MAX_PACKAGE_BYTES)),
                           TOO_LARGE_HINT)


def check_package_markup(data: bytes, name: str) -> None:
    """Refuse a package whose XML parts hold more than :data:`gapcalc.draft.bounds.MAX_WORD_ELEMENTS` elements
    together, counted a chunk at a time as the parts inflate (up to the bound only), before python-docx parses them.
    A damaged package is left for python-docx to name."""
    count = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for part in package.infolist():
                if not part.filename.endswith((".xml", ".rels")):
                    continue
                with package.open(part) as stream:
                    while chunk := stream.read(2**20):
                        count += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
                        if count > bounds.MAX_WORD_ELEMENTS:
                            raise bounds.too_much_markup(bounds.MAX_WORD_ELEMENTS).named(name)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        return


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f}"


def body_blocks(container: Element, depth: int = 0, warnings: list[str] | None = None) -> Iterator[Block]:
    """The paragraphs and tables of a body or table cell, in document order; ``depth`` is how many tables enclose
    ``container``: a table nested deeper than :data:`MAX_TABLE_DEPTH` is read as its paragraphs, with a note in
    ``warnings``."""
    for child in container:
        if child.tag == f"{W}p":
            yield paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield from table_blocks(child, depth + 1, warnings)
        elif child.tag in WRAPPERS:
            yield from body_blocks(child, depth, warnings)


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


def table_blocks(table: Element, depth: int = 1, warnings: list[str] | None = None) -> Iterator[Block]:
    """A data table as one block; a layout table as the blocks of its cells. Each cell is read once (so nested tables
    take linear time); a table nested more than :data:`MAX_TABLE_DEPTH` deep is read as its paragraphs."""
    if depth > MAX_TABLE_DEPTH:
        if warnings is not None:
            warnings.append(t("tables nested more than {depth} deep were read as plain paragraphs",
                              depth=MAX_TABLE_DEPTH))
        yield from _flattened(table)
        return
    row_elements = _direct_rows(table)
    rows = [row.findall(f"{W}tc") for row in row_elements]
    contents = [[list(body_blocks(cell, depth, warnings)) for cell in row] for row in rows]
    texts = [[join_wrapped(_cell_lines(blocks)) for blocks in row] for row in contents]
    nested = any(cell.find(f".//{W}tbl") is not None for row in rows for cell in row)
    longest = max((cjk_count(text) for row in texts for text in row), default=0)
    if looks_like_layout([_width(row) for row in rows], nested, longest):
        for row in contents:
            for blocks in row:
                yield from blocks
        return
    grid: list[tuple[str, ...]] = []
    total = 0
    for row, cells, row_texts in zip(row_elements, rows, texts, strict=True):
        grid.append(_grid_row(row, cells, row_texts))
        total += len(grid[-1])
        if total > MAX_TABLE_CELLS and len(grid) < len(rows):
            if warnings is not None:
                warnings.append(t("a table of more than {cells} cells (merged cells counted) was cut after row "
                                  "{row}", cells=f"{MAX_TABLE_CELLS:,}", row=len(grid)))
            break
    yield TableBlock(tuple(grid))


def _descendants(element: Element, wanted: str, through: frozenset[str]) -> Iterator[Element]:
    """The descendants of ``element`` tagged ``wanted``, in document order, looking only inside those tagged one of
    ``through`` (iteratively: a deep nesting costs no recursion)."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == wanted:
            yield child
        elif child.tag in through:
            stack.append(iter(child))


def _flattened(table: Element) -> Iterator[str]:
    """The paragraphs of a table, in document order, the structure of it and of the tables in it ignored."""
    return (paragraph_text(paragraph) for paragraph in _descendants(table, f"{W}p", CONTAINERS))


def _direct_rows(table: Element) -> list[Element]:
    """The rows of ``table`` itself (also those inside content controls and other wrappers), not of inner tables."""
    return list(_descendants(table, f"{W}tr", WRAPPERS))


def _width(cells: list[Element]) -> int:
    return sum(_grid_span(cell) for cell in cells)


def _grid_span(cell: Element) -> int:
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    value = span.get(f"{W}val") if span is not None else None
    return min(max(int(value), 1), MAX_SPAN) if value and value.isdigit() and len(value) < 10 else 1


def _grid_row(row: Element, cells: list[Element], texts: list[str]) -> tuple[str, ...]:
    """A row's cells, a merged cell's text once and empty cells for what it covers (``gridBefore`` too)."""
    before = row.find(f"{W}trPr/{W}gridBefore")
    skipped = before.get(f"{W}val") if before is not None else None
    grid: list[str] = [""] * (min(int(skipped), MAX_SPAN) if skipped and skipped.isdigit() and len(skipped) < 10 else 0)
    for cell, text in zip(cells, texts, strict=True):
        grid.append("" if _continues_vertical_merge(cell) else text)
        grid.extend([""] * (_grid_span(cell) - 1))
    return tuple(grid)


def _continues_vertical_merge(cell: Element) -> bool:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val", "continue") == "continue"


def paragraph_text_of_cell(cell: Element) -> str:
    """A cell's text on one line: its paragraphs (and any inner table's cells) joined."""
    return join_wrapped(_cell_lines(body_blocks(cell)))


def _cell_lines(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, TableBlock):
            yield from (cell for row in block.rows for cell in row)
        else:
            yield from block.replace("\t", " ").split("\n")
