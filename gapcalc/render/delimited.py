"""CSV and TSV output (RFC 4180 quoting; UTF-8, with a BOM for Excel on request)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from .cells import cell_text, neutralise


def render_delimited(rows: Sequence[dict[str, Any]], columns: Sequence[str], delimiter: str = ",",
                     excel: bool = False, header: bool = True) -> str:
    """Rows as CSV (``delimiter=","``) or TSV (``"\\t"``); ``excel`` neutralises formula-like text cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        cells = [cell_text(row.get(column)) for column in columns]
        writer.writerow([neutralise(c) for c in cells] if excel else cells)
    return buffer.getvalue()
