"""HTML plan documents, as saved from a government web site: the article's text and its tables.

Page chrome is dropped: scripts, styles, navigation, header, footer, asides, hidden elements, and elements whose
class or id says they are chrome (``nav``, ``menu``, ``footer``, ``header``, ``breadcrumb``, ``share`` …) unless
they hold most of the page's text. The article is then the best-known content container (``div.TRS_Editor``,
``#zoom``, ``article`` …) holding most of the page's text, else the deepest element holding nearly all of it (text
inside links — menus, lists of related articles — does not count; the search does not go into a data table). The
article's title, when it stands before the article outside it (the last ``<h1>``, else an element named ``title``), is
the first line.

Block elements (``p``, ``div``, ``h1`` …, ``li``, table cells) become lines, ``<br>`` a line break; runs of white
space become one space, and a line break in the HTML source between two CJK characters becomes nothing. A ``<table>``
is a data table unless it is layout (see :func:`gapcalc.draft.read_layout.looks_like_layout`); its merged cells are
kept once: a cell's text stands at its first row and column, and the positions a ``colspan`` or ``rowspan`` covers
are empty cells, so that every cell stays in its column.

The charset is the one the page declares (``<meta charset>`` or ``http-equiv``; GB2312 and GBK are read as their
superset GB18030), else UTF-8, else GB18030; a declared charset that names no known encoding (``undefined``) is read
as if none were declared, with a note. A page of more than :data:`gapcalc.draft.bounds.MAX_HTML_ELEMENTS` elements
is refused before it is parsed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gapcalc.draft import bounds
from gapcalc.draft.document import SourceDocument
from gapcalc.draft.read_layout import Block, TableBlock, assemble, cjk_count, is_wide, join_wrapped, looks_like_layout
from gapcalc.draft.read_text import TEXT_HINT, decode_text
from gapcalc.errors import GapcalcError
from gapcalc.messages import t

if TYPE_CHECKING:
    from lxml.html import HtmlElement
else:
    HtmlElement = Any

DROPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "select", "option", "button",
    "input", "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "head", "title", "meta", "link",
})
CHROME_WORDS = ("nav", "menu", "footer", "header", "breadcrumb", "crumb", "share", "copyright", "sidebar", "toolbar")
CHROME_KEEP_SHARE = 0.5
"""An element named like chrome is kept when it holds more than this share of the page's text."""
CONTENT_XPATH = (
    "//*[contains(@class, 'TRS_Editor') or contains(@class, 'TRS_UEDITOR') or contains(@class, 'pages_content')"
    " or @id = 'zoom' or @id = 'Zoom' or @id = 'fontzoom' or @id = 'UCAP-CONTENT'] | //article"
)
CONTENT_MIN_SHARE = 0.5
"""A known content container is the article when it holds at least this share of the page's text."""
DESCEND_SHARE = 0.9
"""The article search goes into a child element that holds at least this share of its parent's text."""
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt", "figcaption", "figure",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)
GB_CHARSETS = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030", "x-euc-cn"})
PSEUDO_CODECS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7",
                           "palmos", "mbcs", "oem"})
"""Python codecs no web page is written in: a ``<meta charset>`` naming one is read as if it named none."""
SEGMENT_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")
SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
MAX_COLSPAN = 64
"""A ``colspan`` counts up to this many columns (a data table of a plan has a few dozen at most)."""
MAX_TABLE_CELLS = 100_000
"""A table is read up to this many cells, merged cells counted once per position they cover."""
TITLE_MAX_CHARS = 100


def read_html(data: bytes, name: str) -> SourceDocument:
    """An HTML document: the article's paragraphs as lines and its data tables (see the module docstring)."""
    import lxml.etree
    import lxml.html

    text, warnings = decode_html(data, name)
    try:
        bounds.check_html(text)
    except bounds.TooLarge as exc:
        raise exc.named(name) from None
    try:
        root = lxml.html.document_fromstring(
            text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        )
    except (lxml.etree.ParserError, ValueError):
        return SourceDocument(text="", format="html", warnings=tuple(warnings))
    body = root.find("body")
    if body is None:
        return SourceDocument(text="", format="html", warnings=tuple(warnings))
    drop_chrome(body)
    content = article(body)
    title = page_title(body, content)
    found = blocks(content, warnings)
    document_text, tables = assemble([title, *found] if title else found)
    return SourceDocument(text=document_text, tables=tables, format="html", warnings=tuple(warnings))


def decode_html(data: bytes, name: str) -> tuple[str, list[str]]:
    """The page's text in its declared charset (GB2312/GBK read as GB18030), else as detected; and any warning."""
    declared = declared_charset(data)
    if declared is None or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name), []
    if not is_known_charset(declared):
        unknown = t("declares charset {declared}, which is not a known encoding; read as detected (UTF-8, else "
                    "GB18030)", declared=declared)
        return decode_text(data, name), [unknown]
    try:
        return data.decode(declared).replace("\r\n", "\n").replace("\r", "\n"), []
    except (UnicodeError, LookupError):
        pass
    try:
        text = decode_text(data, name)
    except GapcalcError as exc:
        raise GapcalcError(t("{path}: declares charset {declared} but is not valid {declared}", path=name,
                             declared=declared), TEXT_HINT) from exc
    return text, [t("{path}: declares charset {declared} but is not valid {declared}; read as detected instead",
                    path=name, declared=declared)]


def is_known_charset(charset: str) -> bool:
    """Whether ``charset`` names a text encoding a page may be written in: a Python codec that decodes bytes to text,
    not one of Python's own pseudo-encodings (``undefined``, ``unicode_escape``, ``idna`` …)."""
    try:
        info = codecs.lookup(charset)
    except LookupError:
        return False
    return bool(getattr(info, "_is_text_encoding", True)) and info.name not in PSEUDO_CODECS


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares (a Python codec name), or ``None``."""
    found = META_CHARSET.search(data[:8192])
    if found is None:
        return None
    charset = found.group(1).decode("ascii").lower()
    return "gb18030" if charset in GB_CHARSETS else charset


def drop_chrome(body: HtmlElement) -> None:
    """Remove page chrome from ``body`` (see the module docstring)."""
    for element in [e for e in body.iter() if _tag(e) in DROPPED_TAGS or _is_hidden(e)]:
        _remove(element)
    total = cjk_count(body.text_content())
    for element in [e for e in body.iter() if _named_like_chrome(e)]:
        if element.getparent() is not None and cjk_count(element.text_content()) <= CHROME_KEEP_SHARE * total:
            _remove(element)


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _is_hidden(element: HtmlElement) -> bool:
    return element.get("hidden") is not None or HIDDEN_STYLE.search(element.get("style") or "") is not None


def _named_like_chrome(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(word in names for word in CHROME_WORDS)


def _remove(element: HtmlElement) -> None:
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def article(body: HtmlElement) -> HtmlElement:
    """The element holding the article (see the module docstring)."""
    total = own_weight(body)
    known = [e for e in body.xpath(CONTENT_XPATH) if isinstance(e.tag, str)]
    if known and total:
        best = max(known, key=own_weight)
        if own_weight(best) >= CONTENT_MIN_SHARE * total:
            return best
    element = body
    while not (_tag(element) == "table" and not is_layout_table(element)):
        weight = own_weight(element)
        children = [child for child in element if isinstance(child.tag, str)]
        if not weight or not children:
            return element
        heaviest = max(children, key=own_weight)
        if own_weight(heaviest) < DESCEND_SHARE * weight:
            return element
        element = heaviest
    return element


def page_title(body: HtmlElement, content: HtmlElement) -> str:
    """The article's title when it stands outside the article: the last ``<h1>`` before it, else the last element
    before it whose class or id says ``title`` (and that holds no other such element)."""
    if content is body:
        return ""
    order = {element: index for index, element in enumerate(body.iter())}
    start = order.get(content, 0)
    before = [element for element in body.iter() if order[element] < start and not _is_ancestor(element, content)]
    headings = [e for e in before if _tag(e) == "h1"] or [e for e in before if _named_title(e)]
    for heading in reversed(headings):
        text = inline_text(heading.text_content())
        if 0 < cjk_count(text) and len(text) <= TITLE_MAX_CHARS:
            return text
    return ""


def _is_ancestor(element: HtmlElement, descendant: HtmlElement) -> bool:
    return any(parent is element for parent in descendant.iterancestors())


def _named_title(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return "title" in names and not any(_named_title(child) for child in element if isinstance(child.tag, str))


def own_weight(element: HtmlElement) -> int:
    """CJK characters of ``element`` outside links: how much of the article it holds."""
    linked = sum(cjk_count(link.text_content()) for link in element.iter("a"))
    return cjk_count(element.text_content()) - linked


def blocks(element: HtmlElement, warnings: list[str] | None = None) -> Iterator[Block]:
    """The paragraphs and tables of ``element``, in order; what a table reader had to cut is noted in ``warnings``."""
    lines = _LineCollector(warnings)
    yield from lines.walk(element, with_tail=False)
    yield from lines.flush()


class _LineCollector:
    """Walks an element tree, collecting inline text into lines and yielding a block at every block boundary."""

    def __init__(self, warnings: list[str] | None = None) -> None:
        self.parts: list[str] = []
        self.warnings = warnings

    def flush(self) -> Iterator[Block]:
        line = inline_text("".join(self.parts))
        self.parts = []
        if line:
            yield line

    def walk(self, element: HtmlElement, with_tail: bool = True) -> Iterator[Block]:
        tag = _tag(element)
        if tag == "br":
            yield from self.flush()
        elif tag == "table" and not is_layout_table(element):
            yield from self.flush()
            yield TableBlock(table_rows(element, self.warnings))
        elif tag in BLOCK_TAGS:
            yield from self.flush()
            yield from self._content(element)
            yield from self.flush()
        else:
            yield from self._content(element)
        if with_tail and element.tail:
            self.parts.append(element.tail)

    def _content(self, element: HtmlElement) -> Iterator[Block]:
        if element.text:
            self.parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                yield from self.walk(child)
            elif child.tail:
                self.parts.append(child.tail)


def inline_text(raw: str) -> str:
    """Inline text as a browser shows it: a line break between CJK characters vanishes, other white space is a space."""
    def segment_break(match: re.Match[str]) -> str:
        before, after = raw[match.start() - 1: match.start()], raw[match.end(): match.end() + 1]
        return "" if before and after and is_wide(before) and is_wide(after) else " "

    return SPACES.sub(" ", SEGMENT_BREAK.sub(segment_break, raw)).strip()


def is_layout_table(table: HtmlElement) -> bool:
    """Whether a ``<table>`` lays out the page rather than holding data (see ``looks_like_layout``)."""
    rows = _rows(table)
    widths = [len(_cells(row)) for row in rows]
    longest = max((cjk_count(cell.text_content()) for row in rows for cell in _cells(row)), default=0)
    nested = any(True for _ in table.iterdescendants("table"))
    return looks_like_layout(widths, nested, longest)


def _rows(table: HtmlElement) -> list[HtmlElement]:
    return list(table.iter("tr"))


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in row if _tag(cell) in ("td", "th")]


def table_rows(table: HtmlElement, warnings: list[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The rows of a data table, merged cells kept once (see the module docstring).

    A ``colspan`` counts up to :data:`MAX_COLSPAN` columns and a ``rowspan`` up to the table's last row (as a browser
    reads it); a table is read up to :data:`MAX_TABLE_CELLS` cells, the rest dropped with a note in ``warnings``.
    """
    rows = _rows(table)
    grid: list[tuple[str, ...]] = []
    covered: dict[int, int] = {}
    """column -> how many more rows a ``rowspan`` from above covers it."""
    total = 0
    for index, row in enumerate(rows):
        cells: list[str] = []
        room = MAX_TABLE_CELLS - total
        below = len(rows) - index - 1
        for cell in _cells(row):
            _fill_covered(cells, covered, -1, room)
            if len(cells) >= room:
                break
            colspan = min(_span(cell, "colspan", MAX_COLSPAN), room - len(cells))
            rowspan = _span(cell, "rowspan", below + 1)
            start = len(cells)
            cells.append(cell_text_of(cell))
            cells.extend([""] * (colspan - 1))
            if rowspan > 1:
                covered.update(dict.fromkeys(range(start, start + colspan), rowspan - 1))
        _fill_covered(cells, covered, max((column for column, left in covered.items() if left > 0), default=-1), room)
        grid.append(tuple(cells))
        total += len(cells)
        if total >= MAX_TABLE_CELLS:
            if warnings is not None:
                warnings.append(t("a table of more than {cells} cells (merged cells counted) was cut after row "
                                  "{row}", cells=f"{MAX_TABLE_CELLS:,}", row=index + 1))
            break
    return tuple(grid)


def _fill_covered(cells: list[str], covered: dict[int, int], last: int, room: int) -> None:
    """Append an empty cell for each column at the row's end that a ``rowspan`` from above covers: up to the next
    free column, and on to column ``last`` (the free columns before it empty too), but not beyond ``room`` cells.
    Each covered column passed uses up one row of its ``rowspan``."""
    while len(cells) < room:
        column = len(cells)
        left = covered.get(column, 0)
        if left <= 0 and column > last:
            return
        if left == 1:
            del covered[column]
        elif left > 1:
            covered[column] = left - 1
        cells.append("")


def _span(cell: HtmlElement, attribute: str, most: int) -> int:
    digits = re.match(r"\s*(\d{1,9})", cell.get(attribute) or "")
    return min(max(int(digits.group(1)), 1), most) if digits else 1


def cell_text_of(cell: HtmlElement) -> str:
    """A cell's text on one line: its block lines joined without a space between CJK characters."""
    return join_wrapped(block for block in blocks(cell) if isinstance(block, str))
