"""Renderers: one module per output format, each behind the same interface (:data:`~gapcalc.render.document.Renderer`:
a :class:`~gapcalc.render.document.Document` written to a stream).

The machine formats (csv, tsv, json, ndjson, markdown) need only the standard library; ``table`` imports rich,
``xlsx`` openpyxl, each only when it is used (:func:`renderer` imports a format's module on demand).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, cast

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


RENDERERS: dict[str, dict[str, tuple[str, str]]] = {
    "document": {
        OutputFormat.TABLE.value: ("gapcalc.render.table", "write_table"),
        OutputFormat.CSV.value: ("gapcalc.render.delimited", "write_csv"),
        OutputFormat.TSV.value: ("gapcalc.render.delimited", "write_tsv"),
        OutputFormat.JSON.value: ("gapcalc.render.jsonout", "write_json"),
        OutputFormat.NDJSON.value: ("gapcalc.render.jsonout", "write_ndjson"),
        OutputFormat.MARKDOWN.value: ("gapcalc.render.markdown", "write_markdown"),
        OutputFormat.XLSX.value: ("gapcalc.render.workbook", "write_xlsx"),
        OutputFormat.HTML.value: ("gapcalc.render.html", "write_html"),
    },
    "findings": {
        "text": ("gapcalc.render.findings", "findings_text"),
        "json": ("gapcalc.render.findings", "findings_json"),
        "github": ("gapcalc.render.findings", "findings_github"),
        "sarif": ("gapcalc.render.findings", "findings_sarif"),
        "junit": ("gapcalc.render.findings", "findings_junit"),
    },
    "brief": {
        "docx": ("gapcalc.render.brief", "brief_docx"),
        "markdown": ("gapcalc.render.brief", "brief_markdown"),
    },
    "chart": {
        "png": ("gapcalc.render.chart", "chart_png"),
        "svg": ("gapcalc.render.chart", "chart_svg"),
    },
}
"""Every output a renderer makes, by kind and format: the module and function that make it. A kind's functions share
one signature: a document is written to a stream (:data:`~gapcalc.render.document.Renderer`), findings give text,
a brief gives its bytes or text, a chart its PNG or SVG bytes. Each module is imported only when its format is used
(rich, openpyxl, python-docx and matplotlib are heavy)."""


def formats(kind: str) -> tuple[str, ...]:
    """The formats of ``kind``, in the order they are offered."""
    return tuple(RENDERERS[kind])


def render_function(kind: str, fmt: str) -> Callable[..., Any]:
    """The function that renders ``kind`` in ``fmt`` (its module imported now)."""
    module, name = RENDERERS[kind][fmt]
    return cast("Callable[..., Any]", getattr(importlib.import_module(module), name))


def renderer(fmt: OutputFormat) -> Renderer:
    """The renderer of a document in ``fmt``."""
    return cast("Renderer", render_function("document", fmt.value))
