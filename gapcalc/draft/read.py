"""Reading a plan document (plain text, HTML, Word .docx or PDF) into a :class:`SourceDocument`.

The format is decided by the content (:mod:`gapcalc.draft.read_format`); each format has its reader module
(``read_text``, ``read_html``, ``read_docx``, ``read_pdf``). Every reader writes tables into the text one row per line,
cells joined by a tab (the plain-text reader keeps the document's own separators), row ``i`` of a table on line
``table.line + i``. The libraries for HTML (lxml), Word (python-docx) and PDF (pdfplumber) are imported only when a
document of that format is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gapcalc.draft.document import SourceDocument
from gapcalc.draft.read_format import SAVE_AS, detect_format
from gapcalc.errors import GapcalcError
from gapcalc.infra import textio
from gapcalc.messages import t

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.infra.pool import Progress

Reader = Callable[[bytes, str], SourceDocument]
EMPTY_HINT = t("check that it is the plan document; a scan needs OCR first")


def read_document(path: Path, progress: Progress | None = None) -> SourceDocument:
    """Read the plan document at ``path``; a :class:`GapcalcError` names the file and what is wrong with it. The
    pages of a PDF read are told to ``progress``."""
    return read_bytes(textio.read_bytes(path), str(path), progress)


def read_bytes(data: bytes, name: str, progress: Progress | None = None) -> SourceDocument:
    """Read a plan document from its bytes; ``name`` (its file name) is a hint to the format and names it in errors.
    The pages of a PDF read are told to ``progress`` (the other formats are read at once)."""
    document_format = detect_format(data, name)
    try:
        if document_format == "pdf":
            from gapcalc.draft.read_pdf import read_pdf

            document = read_pdf(data, name, progress)
        else:
            document = _reader(document_format)(data, name)
    except RecursionError:  # the readers bound what they nest into; this is the last guard
        raise GapcalcError(t("{path}: the document is nested too deeply to read", path=name), SAVE_AS) from None
    if not document.text.strip():
        raise GapcalcError(t("{path}: the document has no text", path=name), EMPTY_HINT)
    return document


def _reader(document_format: str) -> Reader:
    """The reader of a format other than PDF (:func:`read_bytes` reads those itself, page by page), its module
    imported only now."""
    if document_format == "html":
        from gapcalc.draft.read_html import read_html

        return read_html
    if document_format == "docx":
        from gapcalc.draft.read_docx import read_docx

        return read_docx
    from gapcalc.draft.read_text import read_text

    return read_text
