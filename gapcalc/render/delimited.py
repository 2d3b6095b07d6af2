"""CSV and TSV output (RFC 4180 quoting; UTF-8, with a BOM for Excel on request)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from gapcalc.render.cells import cell_text, neutralise


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


def _quote_column(cells: Sequence[str], delimiter: str) -> Sequence[str]:
    """One column of text cells quoted as ``csv.writer`` quotes them (minimal quoting, quotes doubled)."""
    joined = "".join(cells)
    if delimiter not in joined and '"' not in joined and "\n" not in joined:
        return cells
    return [f'"{c.replace(chr(34), chr(34) * 2)}"' if delimiter in c or '"' in c or "\n" in c else c
            for c in cells]


def join_columns(columns: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    """Rows of text cells given column by column, as CSV/TSV lines: the same text ``csv.writer`` writes, built a
    column at a time (a column without a cell to quote is used as it is)."""
    if not columns or not columns[0]:
        return ""
    quoted = [_quote_column(column, delimiter) for column in columns]
    return "\n".join(map(delimiter.join, zip(*quoted, strict=True))) + "\n"
