"""Which format a plan document is in, decided by its content (the file name's suffix is only a hint).

PDF, Word (.docx), HTML and plain text are read; other formats people are likely to hand over (Excel workbooks, old
binary Word files, images, archives, web archives) are refused with a message saying what the file is and how to save
the plan instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from gapcalc.errors import GapcalcError

SAVE_AS = "save the plan as .docx, PDF, HTML or plain text (UTF-8) and give that file"
OCR_FIRST = "run OCR on it first (e.g. ocrmypdf) and give the PDF with a text layer, or give the plan as text"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
UNPACK = "unpack it and give the plan document inside"
SNIFF_BYTES = 4096
PDF_HEADER_WINDOW = 1024
"""The ``%PDF-`` header may follow some junk bytes; readers accept it within the first KiB."""

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Office file (.doc, .xls, .wps) or a password-protected one",
     SAVE_AS),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", OCR_FIRST),
    (b"\xff\xd8\xff", "a JPEG image", OCR_FIRST),
    (b"GIF87a", "a GIF image", OCR_FIRST),
    (b"GIF89a", "a GIF image", OCR_FIRST),
    (b"II*\x00", "a TIFF image", OCR_FIRST),
    (b"MM\x00*", "a TIFF image", OCR_FIRST),
    (b"{\\rtf", "an RTF document", SAVE_AS),
    (b"Rar!", "a RAR archive", UNPACK),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", UNPACK),
    (b"\x1f\x8b", "a gzip archive", UNPACK),
)
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/", "an Excel workbook (.xlsx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt, .ods)"),
)
_MARKUP_START = re.compile(rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<", re.DOTALL)
_HTML_MARK = re.compile(rb"<!doctype\s+html|<html|<body|<table|<head", re.IGNORECASE)


def detect_format(data: bytes, name: str) -> str:
    """``text``, ``html``, ``docx`` or ``pdf``; a :class:`GapcalcError` for a format gapcalc does not read."""
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    for signature, kind, hint in _SIGNATURES:
        if data.startswith(signature):
            raise GapcalcError(f"{name}: {kind}, not a format gapcalc reads", hint)
    head = _ascii_head(data)
    if head.lstrip().lower().startswith(b"mime-version:"):
        raise GapcalcError(f"{name}: a web archive (.mht), not a format gapcalc reads",
                           "save the page as a complete web page (.html), or as text")
    if _looks_like_html(head, PurePath(name).suffix.lower()):
        return "html"
    return "text"


def _zip_format(data: bytes, name: str) -> str:
    """``docx`` for a Word package; a :class:`GapcalcError` naming any other zip file."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise GapcalcError(f"{name}: a damaged zip file (a .docx that was cut off?)", SAVE_AS) from None
    if "word/document.xml" in names:
        return "docx"
    for prefix, kind in _ZIP_KINDS:
        if any(entry.startswith(prefix) for entry in names):
            raise GapcalcError(f"{name}: {kind}, not a format gapcalc reads", SAVE_AS)
    raise GapcalcError(f"{name}: a zip archive, not a format gapcalc reads", UNPACK)


def _ascii_head(data: bytes) -> bytes:
    """The first bytes of ``data`` in an ASCII-compatible form (UTF-16 with a BOM is transcoded), for sniffing."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[: 2 * SNIFF_BYTES].decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")


def _looks_like_html(head: bytes, suffix: str) -> bool:
    """Markup first (after an XML declaration or comments) and an HTML tag early on, or an HTML suffix and markup."""
    if _MARKUP_START.match(head) is None:
        return False
    return suffix in HTML_SUFFIXES or _HTML_MARK.search(head) is not None
