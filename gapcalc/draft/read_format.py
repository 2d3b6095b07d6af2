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
from gapcalc.messages import t

SAVE_AS = t("save the plan as .docx, PDF, HTML or plain text (UTF-8) and give that file")
OCR_FIRST = t("run OCR on it first (e.g. ocrmypdf) and give the PDF with a text layer, or give the plan as text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
UNPACK = t("unpack it and give the plan document inside")
SNIFF_BYTES = 4096
PDF_HEADER_WINDOW = 1024
"""The ``%PDF-`` header may follow some junk bytes; readers accept it within the first KiB."""

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     t("an old binary Office file (.doc, .xls, .wps) or a password-protected one"), SAVE_AS),
    (b"\x89PNG\r\n\x1a\n", t("a PNG image"), OCR_FIRST),
    (b"\xff\xd8\xff", t("a JPEG image"), OCR_FIRST),
    (b"GIF87a", t("a GIF image"), OCR_FIRST),
    (b"GIF89a", t("a GIF image"), OCR_FIRST),
    (b"II*\x00", t("a TIFF image"), OCR_FIRST),
    (b"MM\x00*", t("a TIFF image"), OCR_FIRST),
    (b"{\\rtf", t("an RTF document"), SAVE_AS),
    (b"Rar!", t("a RAR archive"), UNPACK),
    (b"7z\xbc\xaf\x27\x1c", t("a 7-Zip archive"), UNPACK),
    (b"\x1f\x8b", t("a gzip archive"), UNPACK),
)
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/", t("an Excel workbook (.xlsx)")),
    ("ppt/", t("a PowerPoint presentation (.pptx)")),
    ("content.xml", t("an OpenDocument file (.odt, .ods)")),
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
            raise GapcalcError(t("{path}: {kind}, not a format gapcalc reads", path=name, kind=kind), hint)
    head = _ascii_head(data)
    if head.lstrip().lower().startswith(b"mime-version:"):
        raise GapcalcError(t("{path}: a web archive (.mht), not a format gapcalc reads", path=name),
                           t("save the page as a complete web page (.html), or as text"))
    if _looks_like_html(head, PurePath(name).suffix.lower()):
        return "html"
    return "text"


def _zip_format(data: bytes, name: str) -> str:
    """``docx`` for a Word package; a :class:`GapcalcError` naming any other zip file."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise GapcalcError(t("{path}: a damaged zip file (a .docx that was cut off?)", path=name), SAVE_AS) from None
    if "word/document.xml" in names:
        return "docx"
    for prefix, kind in _ZIP_KINDS:
        if any(entry.startswith(prefix) for entry in names):
            raise GapcalcError(t("{path}: {kind}, not a format gapcalc reads", path=name, kind=kind), SAVE_AS)
    raise GapcalcError(t("{path}: a zip archive, not a format gapcalc reads", path=name), UNPACK)


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
