"""Dispatching rows to the renderer of the chosen format."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..render import OutputFormat
from ..render.delimited import render_delimited
from ..render.jsonout import render_json
from ..render.markdown import render_markdown
from .common import write_output


def render_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: OutputFormat) -> str:
    """Rows in a machine or markdown format."""
    if fmt is OutputFormat.CSV:
        return render_delimited(rows, columns)
    if fmt is OutputFormat.TSV:
        return render_delimited(rows, columns, "\t")
    if fmt is OutputFormat.JSON:
        return render_json(rows, columns)
    if fmt is OutputFormat.MARKDOWN:
        return render_markdown(rows, columns)
    raise ValueError(f"not a text format: {fmt}")  # pragma: no cover - table is handled by the caller


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: OutputFormat, title: str, color: str,
         output: Path | None = None, table: Callable[..., None] | None = None) -> None:
    """Write rows in ``fmt``; ``table`` prints the rich form (default: a plain table of ``columns``)."""
    if fmt is not OutputFormat.TABLE:
        write_output(render_text(rows, columns, fmt), output)
        return
    from ..render.table import make_console, print_rows

    if output is not None:
        with output.open("w", encoding="utf-8") as handle:
            console = make_console(handle, "never", width=200)
            (table or print_rows)(console, rows, columns, title) if table is None else table(console, rows, title)
        return
    width = None if sys.stdout.isatty() else 200
    console = make_console(sys.stdout, color, width)
    if table is None:
        print_rows(console, rows, columns, title)
    else:
        table(console, rows, title)
