"""Writing a document (rows, columns, title, summary) in the chosen format.

Text formats (csv, tsv, json, markdown) go to stdout or ``--output``; ``table`` is rich on the terminal; ``xlsx`` and
``html`` are files and need ``--output``. Each renderer is imported only when its format is used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gapcalc.cli.common import write_output
from gapcalc.errors import GapcalcError
from gapcalc.render import OutputFormat
from gapcalc.render.delimited import render_delimited
from gapcalc.render.jsonout import render_json
from gapcalc.render.markdown import render_markdown

TablePrinter = Callable[[Any, Sequence[dict[str, Any]], str, str], None]


@dataclass
class Document:
    """What a command outputs: its rows, their columns, a title, and optionally a summary and a table printer."""

    rows: Sequence[dict[str, Any]]
    columns: Sequence[str]
    title: str
    kind: str = "plain"  # report | targets | summary | compare | plain (xlsx sheet kind)
    summary: Sequence[dict[str, Any]] | None = None
    table: TablePrinter | None = None


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
    raise ValueError(f"not a text format: {fmt}")  # pragma: no cover - the callers dispatch the others


def emit(document: Document, fmt: OutputFormat, color: str, output: Path | None, lang: str) -> None:
    """Write ``document`` in ``fmt``."""
    if fmt in (OutputFormat.XLSX, OutputFormat.HTML):
        _write_file(document, fmt, output, lang)
    elif fmt is OutputFormat.TABLE:
        _print_table(document, color, output, lang)
    else:
        write_output(render_text(document.rows, document.columns, fmt), output)


def _write_file(document: Document, fmt: OutputFormat, output: Path | None, lang: str) -> None:
    if output is None:
        raise GapcalcError(f"--format {fmt.value} writes a file", f"add --output FILE.{fmt.value}")
    if fmt is OutputFormat.XLSX:
        from gapcalc.engine.summary import SUMMARY_COLUMNS
        from gapcalc.render.xlsx import Sheet, render_xlsx

        sheets = [Sheet(document.title, document.columns, document.rows, document.kind)]  # type: ignore[arg-type]
        if document.summary:
            sheets.append(Sheet("Summary", SUMMARY_COLUMNS, document.summary, "summary"))
        sources = document.rows if document.kind in ("report", "compare") else None
        data = render_xlsx(sheets, sources)
    else:
        from gapcalc.engine.summary import SUMMARY_COLUMNS
        from gapcalc.render.html import render_html, report_footnotes

        page = render_html(document.title, document.rows, document.columns, document.summary,
                           SUMMARY_COLUMNS if document.summary else None, report_footnotes(document.rows), lang)
        data = page.encode("utf-8")
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise GapcalcError(f"cannot write {output}: {exc.strerror}") from None
    print(f"wrote {output}", file=sys.stderr)


def _print_table(document: Document, color: str, output: Path | None, lang: str) -> None:
    from gapcalc.render.table import make_console, print_rows

    def draw(console: Any) -> None:
        if document.table is None:
            print_rows(console, document.rows, document.columns, document.title)
        else:
            document.table(console, document.rows, document.title, lang)

    if output is not None:
        with output.open("w", encoding="utf-8") as handle:
            draw(make_console(handle, "never", width=200))
        return
    draw(make_console(sys.stdout, color, None if sys.stdout.isatty() else 200))
