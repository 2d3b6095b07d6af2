"""Writing a :class:`~gapcalc.render.document.Document` in the chosen format, to stdout or ``--output``.

Every format has one renderer behind the same interface (:func:`gapcalc.render.renderer`); this module only chooses
where it writes: stdout, or a file that replaces ``--output`` atomically once it is complete. Streaming formats (csv,
tsv, json) are written a batch at a time; the others get the whole table.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from gapcalc.cli.common import bom_choice, note
from gapcalc.cli.streams import data_on_stdout
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import atomic_output
from gapcalc.messages import t
from gapcalc.render import OutputFormat, renderer
from gapcalc.render.document import Document, RenderOptions

FILE_TABLE_WIDTH = 200
"""Width of a terminal table written to a file or a pipe (no terminal to measure)."""


def emit(document: Document, fmt: OutputFormat, color: str, output: Path | None, lang: str) -> None:
    """Write ``document`` in ``fmt``."""
    if fmt.writes_file and output is None:
        raise GapcalcError(t("--format {format} writes a file", format=fmt.value),
                           t("add --output FILE.{format}", format=fmt.value))
    write = renderer(fmt)
    content = document if fmt.streams else document.materialised()
    if output is None:
        width = None if sys.stdout.isatty() else FILE_TABLE_WIDTH
        kind = "json" if fmt in (OutputFormat.JSON, OutputFormat.NDJSON) else "delimited" if fmt.is_machine else ""
        with data_on_stdout(kind) if kind else contextlib.nullcontext():
            write(content, sys.stdout, RenderOptions(lang, color, width, wants_bom(fmt, output)))
        return
    options = RenderOptions(lang, "never", FILE_TABLE_WIDTH, wants_bom(fmt, output))
    if fmt.binary:
        with atomic_output(output, text=False) as binary:
            write(content, binary, options)
    else:
        with atomic_output(output, encoding="utf-8", newline="") as text:
            write(content, text, options)
    note(t("wrote {path}", path=str(output)))


def wants_bom(fmt: OutputFormat, output: Path | None) -> bool:
    """Whether CSV/TSV starts with a byte-order mark, so that Excel reads it as UTF-8: as ``--bom`` / ``--no-bom``
    say, else yes for a file written with ``--output`` and no on stdout (scripts and pipes)."""
    if fmt not in (OutputFormat.CSV, OutputFormat.TSV):
        return False
    chosen = bom_choice()
    return output is not None if chosen is None else chosen
