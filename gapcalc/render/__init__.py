"""Renderers: one module per output format, each turning rows (plain dicts) into text.

The machine formats (csv, tsv, json, ndjson, markdown) need only the standard library; the ``table`` format
imports rich, and only when it is used.
"""

from __future__ import annotations

from enum import Enum


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
