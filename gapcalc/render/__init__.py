"""Renderers: one module per output format, each behind the same interface (:data:`~gapcalc.render.document.Renderer`:
a :class:`~gapcalc.render.document.Document` written to a stream).

The machine formats (csv, tsv, json, ndjson, markdown) need only the standard library; ``table`` imports rich,
``xlsx`` openpyxl, each only when it is used (:func:`renderer` imports a format's module on demand).
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.render.document import Renderer


class OutputFormat(str, Enum):
    """The output formats of ``report``, ``targets``, ``summary`` and ``compare``."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    NDJSON = "ndjson"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    HTML = "html"

    @property
    def is_machine(self) -> bool:
        """True for formats meant for scripts (no colour, no wrapping)."""
        return self in (OutputFormat.CSV, OutputFormat.TSV, OutputFormat.JSON, OutputFormat.NDJSON)

    @property
    def writes_file(self) -> bool:
        """Formats that are files, not streams to a terminal: they need ``--output``."""
        return self in (OutputFormat.XLSX, OutputFormat.HTML)

    @property
    def binary(self) -> bool:
        """Formats written as bytes."""
        return self is OutputFormat.XLSX

    @property
    def streams(self) -> bool:
        """Formats written a batch at a time, never holding the whole table."""
        return self in (OutputFormat.CSV, OutputFormat.TSV, OutputFormat.JSON, OutputFormat.NDJSON)


_RENDERERS = {
    OutputFormat.TABLE: ("gapcalc.render.table", "write_table"),
    OutputFormat.CSV: ("gapcalc.render.delimited", "write_csv"),
    OutputFormat.TSV: ("gapcalc.render.delimited", "write_tsv"),
    OutputFormat.JSON: ("gapcalc.render.jsonout", "write_json"),
    OutputFormat.NDJSON: ("gapcalc.render.jsonout", "write_ndjson"),
    OutputFormat.MARKDOWN: ("gapcalc.render.markdown", "write_markdown"),
    OutputFormat.XLSX: ("gapcalc.render.workbook", "write_xlsx"),
    OutputFormat.HTML: ("gapcalc.render.html", "write_html"),
}


def renderer(fmt: OutputFormat) -> Renderer:
    """The renderer of ``fmt`` (its module imported now)."""
    module, name = _RENDERERS[fmt]
    return cast("Renderer", getattr(importlib.import_module(module), name))
