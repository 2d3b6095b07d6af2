"""CSV and TSV output, written by the standard library's ``csv.writer`` (RFC 4180 quoting), a batch at a time."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Sequence
from typing import IO, Any

from gapcalc.render.cells import column_texts, neutralise_column
from gapcalc.render.document import Document, Pending, RenderOptions

_BARE_CR_UNQUOTED = sys.version_info < (3, 13)
"""Whether ``csv.writer`` leaves a cell with a bare CR unquoted (it quotes one from Python 3.13 on)."""


def write_delimited(document: Document, stream: IO[Any], delimiter: str = ",", excel: bool = False,
                    header: bool = True) -> None:
    """The document as CSV (``delimiter=","``) or TSV (``"\\t"``), streamed a batch at a time; ``excel`` neutralises
    formula-like text cells. Cells are formatted a column at a time (:func:`~gapcalc.render.cells.column_texts`)."""
    pending = Pending(stream)
    writer = csv.writer(pending, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(document.columns)
    for batch in document.iter_batches():
        texts = [column_texts(name, batch[name]) for name in document.columns]
        if excel:
            texts = [neutralise_column(column) for column in texts]
        plain = _plain_rows(texts, delimiter)
        if plain is not None:
            pending.write(plain)
        elif _BARE_CR_UNQUOTED and any("\r" in "".join(column) for column in texts):
            _write_rows_with_cr(pending, delimiter, texts)
        else:
            writer.writerows(zip(*texts, strict=True))
        pending.flush()
    pending.flush()


_NEEDS_QUOTES = ('"', "\n", "\r")
"""Characters that make ``csv.writer`` quote a cell (with the delimiter)."""


def _plain_rows(texts: list[list[str]], delimiter: str) -> str | None:
    """The rows of a batch joined a column at a time, when no cell needs quoting (no delimiter, quote or line break
    in any column, tested once per joined column): the bytes ``csv.writer`` writes, without its per-cell work. None
    otherwise, and for a single column (where ``csv.writer`` quotes an empty cell)."""
    if len(texts) < 2 or not texts[0]:
        return None
    for column in texts:
        joined = "".join(column)
        if delimiter in joined or any(character in joined for character in _NEEDS_QUOTES):
            return None
    return "\n".join(map(delimiter.join, zip(*texts, strict=True))) + "\n"


def _write_rows_with_cr(pending: Pending, delimiter: str, texts: list[list[str]]) -> None:
    """Rows of which some hold a bare CR. Before Python 3.13, ``csv.writer`` quotes only the characters of its line
    terminator, so such a cell would be written bare and split the row: these rows are written by a writer whose
    terminator is CRLF (which quotes CR and LF alike), and each row's CRLF becomes the LF of every other row."""
    buffer = io.StringIO()
    quoting = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in zip(*texts, strict=True):
        buffer.seek(0)
        buffer.truncate()
        quoting.writerow(row)
        pending.write(buffer.getvalue()[:-2] + "\n")


def render_delimited(rows: Sequence[dict[str, Any]], columns: Sequence[str], delimiter: str = ",",
                     excel: bool = False, header: bool = True) -> str:
    """Rows as CSV/TSV text (see :func:`write_delimited`)."""
    buffer = io.StringIO()
    write_delimited(Document("", columns, rows), buffer, delimiter, excel, header)
    return buffer.getvalue()


def write_csv(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The CSV renderer. With ``options.bom`` the file is for Excel: a byte-order mark first, so that Excel reads
    UTF-8, and formula-like text neutralised (:func:`~gapcalc.render.cells.neutralise`), as in the workbook."""
    if options.bom:
        stream.write("\ufeff")
    write_delimited(document, stream, ",", excel=options.bom)


def write_tsv(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The TSV renderer (for Excel with ``options.bom``, as :func:`write_csv`)."""
    if options.bom:
        stream.write("\ufeff")
    write_delimited(document, stream, "\t", excel=options.bom)
