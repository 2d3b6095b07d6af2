"""Writing a :class:`~gapcalc.render.document.Document` in the chosen format, to stdout or ``--output``.

Text formats (csv, tsv, json, markdown) are streamed to stdout or the output file; ``table`` is rich on the terminal;
``xlsx`` and ``html`` are files and need ``--output``. Each renderer is imported only when its format is used.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from gapcalc.cli.common import bom_choice, note
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.render import OutputFormat
from gapcalc.render.document import Document
from gapcalc.workspace.atomic import atomic_output, write_atomic


def emit(document: Document, fmt: OutputFormat, color: str, output: Path | None, lang: str) -> None:
    """Write ``document`` in ``fmt``."""
    if fmt in (OutputFormat.XLSX, OutputFormat.HTML):
        _write_file(document.materialised(), fmt, output, lang)
    elif fmt is OutputFormat.TABLE:
        _print_table(document.materialised(), color, output, lang)
    else:
        with _text_output(output) as stream:
            if wants_bom(fmt, output):
                stream.write("\ufeff")
            write_text(document, fmt, stream)
        if output is not None:
            note(t("wrote {path}", path=str(output)))


def wants_bom(fmt: OutputFormat, output: Path | None) -> bool:
    """Whether CSV/TSV starts with a byte-order mark, so that Excel reads it as UTF-8: as ``--bom`` / ``--no-bom``
    say, else yes for a file written with ``--output`` and no on stdout (scripts and pipes)."""
    if fmt not in (OutputFormat.CSV, OutputFormat.TSV):
        return False
    chosen = bom_choice()
    return output is not None if chosen is None else chosen


def write_text(document: Document, fmt: OutputFormat, stream: TextIO) -> None:
    """A text format's renderer over ``document``."""
    if fmt in (OutputFormat.CSV, OutputFormat.TSV):
        from gapcalc.render.delimited import write_delimited

        write_delimited(document, stream, "," if fmt is OutputFormat.CSV else "\t")
    elif fmt is OutputFormat.JSON:
        from gapcalc.render.jsonout import write_json

        write_json(document, stream)
    elif fmt is OutputFormat.NDJSON:
        from gapcalc.render.jsonout import write_ndjson

        write_ndjson(document, stream)
    elif fmt is OutputFormat.MARKDOWN:
        from gapcalc.render.markdown import render_markdown

        stream.write(render_markdown(list(document.iter_rows()), document.columns))
    else:  # pragma: no cover - emit dispatches the others
        raise ValueError(f"not a text format: {fmt}")


@contextlib.contextmanager
def _text_output(output: Path | None) -> Iterator[TextIO]:
    """stdout, or ``output`` written to a temporary file that replaces it only when everything was written."""
    if output is None:
        yield sys.stdout
        return
    with atomic_output(output, encoding="utf-8", newline="") as handle:
        yield cast(TextIO, handle)


def _write_file(document: Document, fmt: OutputFormat, output: Path | None, lang: str) -> None:
    if output is None:
        raise GapcalcError(f"--format {fmt.value} writes a file", f"add --output FILE.{fmt.value}")
    from gapcalc.engine.contracts import SUMMARY_COLUMNS

    if fmt is OutputFormat.XLSX:
        from gapcalc.render.xlsx import Sheet, render_xlsx

        sheets = [Sheet(document.title, document.columns, document.rows, document.kind)]  # type: ignore[arg-type]
        if document.summary:
            sheets.append(Sheet("Summary", SUMMARY_COLUMNS, document.summary, "summary"))
        sources = document.rows if document.kind in ("report", "compare") else None
        data = render_xlsx(sheets, sources)
    else:
        from gapcalc.render.html import render_html, report_footnotes

        page = render_html(document.title, document.rows, document.columns, document.summary,
                           SUMMARY_COLUMNS if document.summary else None, report_footnotes(document.rows), lang)
        data = page.encode("utf-8")
    write_atomic(output, data)
    note(t("wrote {path}", path=str(output)))


def _print_table(document: Document, color: str, output: Path | None, lang: str) -> None:
    from gapcalc.render.table import make_console, print_rows

    def draw(console: Any) -> None:
        if document.table is None:
            print_rows(console, document.rows, document.columns, document.title)
        else:
            document.table(console, document.rows, document.title, lang)

    if output is not None:
        with atomic_output(output, encoding="utf-8") as handle:
            draw(make_console(handle, "never", width=200))
        return
    draw(make_console(sys.stdout, color, None if sys.stdout.isatty() else 200))
