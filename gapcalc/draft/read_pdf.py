"""PDF plan documents with a text layer: text lines joined into paragraphs, and ruled tables.

pdfplumber finds each page's ruled tables (``find_tables``); the page's text outside them is read as visual lines, and
tables and lines are put in their order on the page. Visual lines are joined back into paragraphs: a line continues
the one before when that one runs to the right margin, and this one is not indented, nor set off by a gap, nor a
heading or list item (``一、``, ``（二）``, ``——`` …) after a finished sentence (``。；！？：``); across a page break
too. Page numbers (``— 3 —``, ``第3页``) at the top or bottom of a page are dropped. A table that goes on at the top of
the next page with the same number of columns is one table (a repeated header row is dropped). Merged cells are kept
once, as in the other readers: pdfplumber gives the covered positions as empty cells.

A PDF without any text (a scan) or that needs a password is refused with a :class:`GapcalcError`; a PDF that only
restricts editing or copying (an owner password) opens without one and is read. So is a PDF whose page tree is nested
too deeply to read (it would exhaust Python's stack). A page too large to read in bounded time and memory
(:mod:`gapcalc.draft.read_pdf_bounds`: content that inflates to megabytes, a vector map) is skipped, or read without
its tables, with a note; the other pages are read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from gapcalc.draft.document import SourceDocument
from gapcalc.draft.read_format import OCR_FIRST
from gapcalc.draft.read_layout import Block, Row, TableBlock, assemble, join_wrapped
from gapcalc.errors import GapcalcError
from gapcalc.infra.pool import told
from gapcalc.messages import t

if TYPE_CHECKING:
    from pdfplumber.page import Page

    from gapcalc.infra.pool import Progress

SENTENCE_END = "。；！？：!?;:"
ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十百\d]+[章节条部分]"
    r"|——|[-•·●■◆]|附件|附表|表\s*\d)"
)
"""``一、``, ``（二）``, ``3.``, ``第二章``, ``——``, ``附件``, ``表1``: how a heading or list item begins."""
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_·\s]*\d{1,4}[-—–－_·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)
PAGE_MARGIN_SHARE = 0.12
"""Page numbers are dropped only in this top or bottom share of the page's height."""
FULL_LINE_SLACK = 1.5
"""A line runs to the right margin when it ends within this many character widths of it."""
INDENT = 0.5
"""A line is indented when it starts more than this many character widths right of the left margin."""
PARAGRAPH_GAP = 0.5
"""A vertical gap larger than the page's usual gap between lines by this many line heights separates paragraphs."""
DAMAGED_HINT = t("open it in a PDF viewer and print or export it to a new PDF, or give the plan as .docx or text")


@dataclass(frozen=True)
class Line:
    """A visual line of text on a page, and where it stands."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(frozen=True)
class PageContent:
    """A page's lines and tables in reading order, and the left and right edges of its text."""

    items: tuple[Line | TableBlock, ...]
    left: float
    right: float
    line_gap: float = 0.0
    """The usual (median) vertical gap between consecutive lines of the page."""

    def is_full(self, line: Line) -> bool:
        """Whether ``line`` runs to the right margin and starts at the left margin or a paragraph indent."""
        return line.x1 >= self.right - FULL_LINE_SLACK * line.height and line.x0 <= self.left + 2.5 * line.height

    def is_indented(self, line: Line) -> bool:
        return line.x0 > self.left + INDENT * line.height


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> SourceDocument:
    """A PDF document: its paragraphs as lines and its ruled tables (see the module docstring); each page read is
    told to ``progress``. A page beyond the bounds of :mod:`gapcalc.draft.read_pdf_bounds` is skipped (or read
    without its tables) with a note; the other pages are read."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _open_error(exc, name) from None
    except RecursionError:
        raise _too_deep(name) from None
    warnings: list[str] = []
    try:
        try:
            all_pages = pdf.pages
        except Exception as exc:  # a damaged page tree: pdfplumber wraps pdfminer's errors, a RecursionError too
            if _is_recursion(exc):
                raise _too_deep(name) from None
            raise GapcalcError(t("{path}: not a readable PDF ({reason})", path=name,
                                 reason=f"{type(exc).__name__}: {exc}"), DAMAGED_HINT) from None
        try:
            pages = [_bounded_page(page, warnings) for page in told(all_pages, progress)]
        except RecursionError:
            raise GapcalcError(t("{path}: the PDF nests its objects too deeply to read", path=name),
                               DAMAGED_HINT) from None
        except Exception as exc:  # a damaged content stream: pdfminer raises many kinds of errors
            raise GapcalcError(t("{path}: not a readable PDF ({reason})", path=name,
                                 reason=f"{type(exc).__name__}: {exc}"), DAMAGED_HINT) from None
    finally:
        _close(pdf)
    if not any(page.items for page in pages):
        if warnings:
            raise GapcalcError(t("{path}: no page of the PDF could be read: {reason}", path=name, reason=warnings[0]),
                               DAMAGED_HINT)
        raise GapcalcError(t("{path}: the PDF has no text layer (a scanned document?)", path=name), OCR_FIRST)
    text, tables = assemble(document_blocks(pages))
    return SourceDocument(text=text, tables=tables, format="pdf", warnings=tuple(warnings))


def _is_recursion(exc: BaseException) -> bool:
    """Whether ``exc`` is (or pdfplumber's wrapping of) a RecursionError: a page tree or object nested too deeply."""
    return isinstance(exc, RecursionError) or any(isinstance(arg, RecursionError) for arg in exc.args) or isinstance(
        exc.__cause__ or exc.__context__, RecursionError)


def _too_deep(name: str) -> GapcalcError:
    return GapcalcError(t("{path}: the PDF's page tree is nested too deeply to read", path=name), DAMAGED_HINT)


def _close(pdf: Any) -> None:
    """Close ``pdf``; pdfplumber lists the pages again to close them, which fails again on a broken page tree."""
    try:
        pdf.close()
    except Exception:
        stream = getattr(pdf, "stream", None)
        if stream is not None:
            stream.close()


def _bounded_page(page: Page, warnings: list[str]) -> PageContent:
    """:func:`page_content` of ``page`` within the bounds of :mod:`gapcalc.draft.read_pdf_bounds`: an empty page,
    with a note in ``warnings``, when it is beyond them. The page's caches are dropped once it is read."""
    from gapcalc.draft.read_pdf_bounds import PageTooLarge, read_layout

    try:
        device = read_layout(page)
    except PageTooLarge as exc:
        warnings.append(t("page {page} skipped: {reason}", page=page.page_number, reason=exc.reason))
        page.close()
        return PageContent(items=(), left=0.0, right=0.0)
    try:
        return page_content(page, warnings, tables=not device.graphics_cut)
    finally:
        page.close()


def _open_error(exc: Exception, name: str) -> GapcalcError:
    from pdfminer.pdfdocument import PDFEncryptionError

    cause = exc.args[0] if exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return GapcalcError(t("{path}: the PDF is encrypted (it needs a password to open)", path=name),
                            t("save an unprotected copy (print it to PDF from a viewer that has the password)"))
    if _is_recursion(exc):
        return _too_deep(name)
    return GapcalcError(t("{path}: not a readable PDF ({reason})", path=name, reason=str(cause)), DAMAGED_HINT)


def page_content(whole_page: Page, warnings: list[str] | None = None, tables: bool = True) -> PageContent:
    """The lines and tables of one page in reading order (top to bottom), page numbers dropped.

    Characters printed twice at the same place (bold faked by overprinting) are read once. Tables are not looked for
    when ``tables`` is false (a page with too many drawn shapes) or there are too many ruled lines to search in
    reasonable time; ``warnings`` then says so.
    """
    from gapcalc.draft.read_pdf_bounds import TooManyLines, find_tables

    page = whole_page.dedupe_chars()
    found = []
    if tables:
        try:
            found = find_tables(page)
        except TooManyLines:
            tables = False
    if not tables and warnings is not None:
        warnings.append(t("page {page}: too many drawn lines and shapes to look for tables in (a map or a chart?); "
                          "its text is read without tables", page=whole_page.page_number))
    boxes = [table.bbox for table in found]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    lines = [
        Line(str(found_line["text"]), float(found_line["x0"]), float(found_line["x1"]), float(found_line["top"]),
             float(found_line["bottom"]))
        for found_line in page.filter(outside_tables).extract_text_lines(return_chars=False)
        if str(found_line["text"]).strip()
    ]
    lines = [line for line in lines if not is_page_number(line, float(page.height))]
    placed: list[tuple[float, Line | TableBlock]] = [(line.top, line) for line in lines]
    placed += [(float(table.bbox[1]), TableBlock(_table_rows(table.extract()))) for table in found]
    placed.sort(key=lambda item: item[0])
    return PageContent(
        items=tuple(item for _, item in placed),
        left=min((line.x0 for line in lines), default=0.0),
        right=max((line.x1 for line in lines), default=0.0),
        line_gap=usual_gap(lines),
    )


def usual_gap(lines: Sequence[Line]) -> float:
    """The median vertical gap between consecutive lines (0 when there are fewer than two)."""
    gaps = sorted(max(after.top - before.bottom, 0.0) for before, after in pairwise(lines))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _table_rows(extracted: Sequence[Sequence[str | None]]) -> tuple[Row, ...]:
    return tuple(tuple(cell or "" for cell in row) for row in extracted)


def is_page_number(line: Line, page_height: float) -> bool:
    """A page number (``— 3 —``, ``第 3 页 共 9 页``, ``3/9``) in the top or bottom margin of the page."""
    in_margin = line.bottom <= PAGE_MARGIN_SHARE * page_height or line.top >= (1 - PAGE_MARGIN_SHARE) * page_height
    return in_margin and PAGE_NUMBER.match(line.text.strip()) is not None


def document_blocks(pages: Sequence[PageContent]) -> Iterator[Block]:
    """The document's paragraphs (visual lines joined) and tables, across page breaks."""
    paragraph: list[str] = []
    previous: tuple[PageContent, Line] | None = None
    for page, item in continued_tables(pages):
        if isinstance(item, Line) and previous is not None and continues(*previous, page, item):
            paragraph.append(item.text)
        else:
            if paragraph:
                yield join_wrapped(paragraph)
            paragraph = [item.text] if isinstance(item, Line) else []
        if isinstance(item, TableBlock):
            yield item
        previous = (page, item) if isinstance(item, Line) else None
    if paragraph:
        yield join_wrapped(paragraph)


def continued_tables(pages: Sequence[PageContent]) -> Iterator[tuple[PageContent, Line | TableBlock]]:
    """Every page's items in order, a table going on at the top of the next page joined to the one before."""
    pending: tuple[PageContent, Line | TableBlock] | None = None
    for page in pages:
        for index, item in enumerate(page.items):
            if pending is not None and index == 0 and isinstance(item, TableBlock):
                joined = join_tables(pending[1], item)
                if joined is not None:
                    pending = (pending[0], joined)
                    continue
            if pending is not None:
                yield pending
            pending = (page, item)
    if pending is not None:
        yield pending


def join_tables(before: Line | TableBlock, after: TableBlock) -> TableBlock | None:
    """``before`` and ``after`` as one table when ``after`` goes on with the same columns, else ``None``.

    A first row of ``after`` equal to the first row of ``before`` is a repeated header and is dropped.
    """
    if not isinstance(before, TableBlock) or not before.rows or not after.rows:
        return None
    if len(before.rows[-1]) != len(after.rows[0]):
        return None
    rows = after.rows[1:] if after.rows[0] == before.rows[0] else after.rows
    return TableBlock(before.rows + rows)


def continues(previous_page: PageContent, previous: Line, page: PageContent, line: Line) -> bool:
    """Whether ``line`` goes on with the paragraph of ``previous`` (the line before it, maybe on the page before)."""
    if not previous_page.is_full(previous) or page.is_indented(line):
        return False
    if previous.text.rstrip()[-1:] in tuple(SENTENCE_END) and ITEM_START.match(line.text.strip()):
        return False
    same_page = page is previous_page
    return not same_page or line.top - previous.bottom <= page.line_gap + PARAGRAPH_GAP * previous.height
