"""Bounds on reading one PDF page, so that a hostile or merely huge page costs bounded time and memory.

A page's content streams (and the forms it draws, each time it draws them) are measured before pdfminer inflates
them: a page whose content inflates beyond :data:`MAX_PAGE_CONTENT_BYTES` is skipped (a stream of zeros that inflates
a hundredfold, a vector map). A page of more than :data:`MAX_PAGE_CHARS` characters is skipped too. Drawn lines and
shapes are kept up to :data:`MAX_PAGE_PATH_SEGMENTS` segments; beyond that the page's text is read without its tables.
The table finder is only run when its work is bounded: at most :data:`MAX_TABLE_EDGE_PAIRS` pairs of vertical and
horizontal ruled lines, and :data:`MAX_TABLE_INTERSECTIONS` crossings (pdfplumber's search is quadratic in them).

This module imports pdfminer and pdfplumber: it is imported only when a PDF is read.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
    stream_value,
)
from pdfminer.runlength import rldecode
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)

from gapcalc.messages import t

if TYPE_CHECKING:
    from pdfplumber.page import Page

MAX_PAGE_CONTENT_BYTES = 4 * 2**20
"""The most a page's content streams (with the forms it draws) may inflate to; a page of text is tens of KiB."""
MAX_PAGE_CHARS = 50_000
"""The most characters a page may print (a dense page prints a few thousand)."""
MAX_PAGE_PATH_SEGMENTS = 100_000
"""Drawn path segments (lines, curves, rectangle sides) kept of a page; ruled tables need a few thousand."""
MAX_TABLE_EDGE_PAIRS = 250_000
"""Tables are looked for when (vertical ruled lines) × (horizontal ruled lines), after merging, is at most this."""
MAX_TABLE_INTERSECTIONS = 5_000
"""Tables are looked for when the ruled lines cross at most this many times (a table of 60 × 80 cells)."""
_CHUNK = 1 << 16


class PageTooLarge(Exception):
    """A page beyond a bound; ``reason`` (a message) says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooManyLines(Exception):
    """Too many ruled lines on a page to look for tables in them."""


class BoundedDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's page device, counting what a page costs: inflated content, characters, drawn path segments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.content_bytes = 0
        self.chars = 0
        self.segments = 0

    @property
    def graphics_cut(self) -> bool:
        """Whether drawn lines and shapes beyond :data:`MAX_PAGE_PATH_SEGMENTS` were left out."""
        return self.segments > MAX_PAGE_PATH_SEGMENTS

    def spend_content(self, stream: PDFStream) -> None:
        """Count ``stream`` (a content stream or a form, about to be run) against the page's bound."""
        self.content_bytes += decoded_size(stream, MAX_PAGE_CONTENT_BYTES - self.content_bytes)
        if self.content_bytes > MAX_PAGE_CONTENT_BYTES:
            raise PageTooLarge(t("its content inflates to more than {limit} MiB (a map or a drawing?)",
                                 limit=MAX_PAGE_CONTENT_BYTES // 2**20))

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.chars += 1
        if self.chars > MAX_PAGE_CHARS:
            raise PageTooLarge(t("it prints more than {count} characters", count=f"{MAX_PAGE_CHARS:,}"))
        advance: float = super().render_char(*args, **kwargs)
        return advance

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        path = args[4] if len(args) > 4 else kwargs.get("path", ())
        self.segments += max(len(path), 1)
        if not self.graphics_cut:
            super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self.segments += 1
        if not self.graphics_cut:
            super().render_image(*args, **kwargs)


class BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, measuring every content stream and form against its device's bound before
    running it (a form drawn again is measured again)."""

    def execute(self, streams: Sequence[object]) -> None:
        if isinstance(self.device, BoundedDevice):
            for item in streams:
                self.device.spend_content(stream_value(item))
        super().execute(streams)


def read_layout(page: Page) -> BoundedDevice:
    """Interpret ``page`` within the bounds and give its layout to pdfplumber (as ``page.layout`` would, unbounded);
    :class:`PageTooLarge` when the page is beyond one. The device returned tells what was counted."""
    device = BoundedDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    BoundedInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()
    return device


def find_tables(page: Page) -> list[Table]:
    """pdfplumber's ``page.find_tables()`` (default settings), or :class:`TooManyLines` before a search that would
    take too long."""
    return BoundedTableFinder(page).tables


class BoundedTableFinder(TableFinder):
    """pdfplumber's table finder, refusing (:class:`TooManyLines`) before a quadratic step over too many lines."""

    def __init__(self, page: Page, settings: dict[str, Any] | None = None) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        vertical = sum(1 for edge in self.edges if edge["orientation"] == "v")
        if vertical * (len(self.edges) - vertical) > MAX_TABLE_EDGE_PAIRS:
            raise TooManyLines
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
        )
        if len(self.intersections) > MAX_TABLE_INTERSECTIONS:
            raise TooManyLines
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, cell_group) for cell_group in cells_to_tables(self.cells)]


def decoded_size(stream: PDFStream, limit: int) -> int:
    """How many bytes ``stream`` inflates to, found without holding more than ``limit`` + 1 of them: a number above
    ``limit`` means "more than ``limit``". Filters other than the text ones (images, unknown) end the measure there:
    pdfminer does not inflate those for a content stream either."""
    if stream.data is not None:
        return len(stream.data)
    try:
        data = stream.rawdata or b""
        if stream.decipher and stream.objid is not None and stream.genno is not None:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        for name, _ in stream.get_filters():
            if name in LITERALS_FLATE_DECODE:
                data = _inflate(data, limit)
            elif name in LITERALS_LZW_DECODE:
                data = _unlzw(data, limit)
            elif name in LITERALS_ASCII85_DECODE:
                if 4 * data.count(b"z") > limit:
                    return limit + 1
                data = ascii85decode(data)
            elif name in LITERALS_ASCIIHEX_DECODE:
                data = asciihexdecode(data)
            elif name in LITERALS_RUNLENGTH_DECODE:
                if _runlength_size(data) > limit:
                    return limit + 1
                data = rldecode(data)
            else:
                break
            if len(data) > limit:
                break
    except Exception:  # a damaged stream: pdfminer reads (or refuses) it as it can, and says so
        return len(stream.rawdata or b"")
    return len(data)


def _inflate(data: bytes, limit: int) -> bytes:
    """``data`` inflated, up to ``limit`` + 1 bytes; a damaged stream up to the damage (as pdfminer reads it)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    try:
        for start in range(0, len(data), _CHUNK):
            pending = data[start:start + _CHUNK]
            while pending and len(out) <= limit:
                out += inflater.decompress(pending, limit + 1 - len(out))
                pending = inflater.unconsumed_tail
            if len(out) > limit or inflater.eof:
                break
    except zlib.error:
        pass
    return bytes(out)


def _unlzw(data: bytes, limit: int) -> bytes:
    out = bytearray()
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        out += chunk
        if len(out) > limit:
            break
    return bytes(out)


def _runlength_size(data: bytes) -> int:
    """How many bytes RunLength-encoded ``data`` decodes to."""
    size, index = 0, 0
    while index < len(data) and data[index] != 128:
        length = data[index]
        if length < 128:
            size += length + 1
            index += length + 2
        else:
            size += 257 - length
            index += 2
    return size
