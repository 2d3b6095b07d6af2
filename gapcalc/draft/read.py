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

from gapcalc.draft.document import SourceDocument
from gapcalc.draft.read_format import detect_format
from gapcalc.errors import GapcalcError
from gapcalc.workspace import textio

Reader = Callable[[bytes, str], SourceDocument]
EMPTY_HINT = "check that it is the plan document; a scan needs OCR first"


def read_document(path: Path) -> SourceDocument:
    """Read the plan document at ``path``; a :class:`GapcalcError` names the file and what is wrong with it."""
    return read_bytes(textio.read_bytes(path), str(path))


def read_bytes(data: bytes, name: str) -> SourceDocument:
    """Read a plan document from its bytes; ``name`` (its file name) is a hint to the format and names it in errors."""
    document = _reader(detect_format(data, name))(data, name)
    if not document.text.strip():
        raise GapcalcError(f"{name}: the document has no text", EMPTY_HINT)
    return document


def _reader(document_format: str) -> Reader:
    """The reader of a format, its module imported only now."""
    if document_format == "html":
        from gapcalc.draft.read_html import read_html

        return read_html
    if document_format == "docx":
        from gapcalc.draft.read_docx import read_docx

        return read_docx
    if document_format == "pdf":
        from gapcalc.draft.read_pdf import read_pdf

        return read_pdf
    from gapcalc.draft.read_text import read_text

    return read_text
