"""Bounded, encoding-aware reading of input files.

Every input goes through :func:`read_text`: it refuses files that are too large (reading at most the limit, so a
device or pipe that never ends is refused too) or not text with a clear :class:`GapcalcError` saying what they are
(an xlsx workbook, UTF-16 without a byte-order mark, binary), and decodes strictly (UTF-8 with or without BOM,
UTF-16 with a BOM, then GB18030 — never the reverse, since UTF-8 bytes decode without error as GB18030 mojibake).
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import BinaryIO

from gapcalc.errors import GapcalcError
from gapcalc.messages import t

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_TARGET_BYTES = 8 * 1024 * 1024
"""Target files larger than this are refused."""
AUTO_ENCODINGS = ("utf-8", "gb18030")


def _read_at_most(stream: BinaryIO, size: int, most: int) -> bytes:
    """At most ``most`` bytes of ``stream``, whose size the system gives as ``size`` (0 for a device or a pipe).

    A regular file is read in one call the size of the file (a call asking for ``most`` bytes would allocate them
    first); whatever follows (a file that grew meanwhile, or one whose size is not known) is read up to the bound."""
    data = stream.read(size + 1) if size else b""
    if not size or len(data) > size:
        data += stream.read(most - len(data))
    return data


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable and oversized files.

    The read itself is bounded (at most ``limit`` + 1 bytes), so a device or a pipe that never ends (``/dev/zero``)
    is refused like a large file instead of filling the memory.
    """
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:  # a regular file: refused before reading
                raise GapcalcError(
                    t("{path}: file is {size} MiB, larger than the {limit} MiB gapcalc reads", path=str(path),
                      size=f"{size / 1048576:.0f}", limit=limit // 1048576),
                    t("split the file or check that it is the right one"))
            data = _read_at_most(stream, size, limit + 1)
    except FileNotFoundError:
        raise GapcalcError(t("{path}: no such file", path=str(path)), t("check the path")) from None
    except IsADirectoryError:
        raise GapcalcError(t("{path}: is a directory, not a file", path=str(path)),
                           t("give a file, or check the directory")) from None
    except OSError as exc:
        raise GapcalcError(t("{path}: cannot read ({reason})", path=str(path), reason=str(exc.strerror or exc)),
                           t("check the file's permissions")) from None
    if len(data) > limit:
        raise GapcalcError(
            t("{path}: file is larger than the {limit} MiB gapcalc reads", path=str(path), limit=limit // 1048576),
            t("split the file or check that it is the right one"),
        )
    return data


STDIN_CHUNK = 1024 * 1024


def read_stdin(limit: int = MAX_INPUT_BYTES, stream: BinaryIO | None = None) -> bytes:
    """Standard input (or ``stream``), bounded as a file is: a GapcalcError once it passes ``limit`` bytes, so a
    stream that never ends is refused instead of filling the memory. Read a chunk at a time: nothing the size of the
    bound is allocated before the data is there."""
    source = stream if stream is not None else sys.stdin.buffer
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = source.read(min(STDIN_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise GapcalcError(t("standard input is larger than the {limit} MiB gapcalc reads", limit=limit // 1048576),
                           t("split the input or check that it is the right one"))
    return b"".join(chunks)


def describe_binary(data: bytes) -> tuple[str, str] | None:
    """What a file that is not text is (message, hint), or None when it may be text."""
    if data.startswith(b"PK\x03\x04"):
        return (t("an Excel workbook or other zip archive (xlsx), not CSV text"),
                t("in Excel: File › Save As › CSV UTF-8 (comma delimited), then give that file"))
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return (t("an old Excel workbook (xls), not CSV text"),
                t("in Excel: File › Save As › CSV UTF-8 (comma delimited), then give that file"))
    if b"\x00" not in data:
        return None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return (t("UTF-16 text ({encoding}) without a byte-order mark", encoding=utf16),
                t("re-save the file as CSV UTF-8, or pass --encoding {encoding}", encoding=utf16.lower()))
    return t("binary file (contains NUL bytes)"), t("give a text file (CSV or TOML)")


def _utf16_without_bom(data: bytes) -> str | None:
    """``UTF-16-LE`` or ``UTF-16-BE`` when the NUL bytes sit where UTF-16 puts them for mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for name, zeros, text in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and text.count(0) <= 0.1 * len(text):
            try:
                data[: len(data) - len(data) % 2].decode(name.lower())
            except UnicodeDecodeError:
                continue
            return name
    return None


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding used)``.

    With ``encoding`` given, only that one is tried. Otherwise a BOM decides (UTF-8 or UTF-16), then strict UTF-8,
    then GB18030 (Excel's "CSV" on Simplified-Chinese Windows).
    """
    if encoding:
        try:
            known = codecs.lookup(encoding)
        except LookupError:
            known = None
        if known is None or not getattr(known, "_is_text_encoding", True):
            raise GapcalcError(t("unknown text encoding {encoding}", encoding=repr(encoding)),
                               t("use e.g. utf-8, gb18030, utf-16")) from None
        try:
            text = data.decode(encoding)
        except UnicodeError as exc:
            raise GapcalcError(
                t("{path}: not valid {encoding} (byte {byte})", path=str(path), encoding=encoding,
                  byte=getattr(exc, "start", 0)),
                t("try --encoding utf-8 or --encoding gb18030")
            ) from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    binary = describe_binary(data)
    if binary is not None:
        raise GapcalcError(t("{path}: {what}", path=str(path), what=binary[0]), binary[1])
    for candidate in AUTO_ENCODINGS:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise GapcalcError(t("{path}: neither UTF-8 nor GB18030 text", path=str(path)),
                       t("save it as CSV UTF-8, or pass --encoding"))


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise GapcalcError(t("{path}: invalid {encoding} at byte {byte}", path=str(path), encoding=encoding,
                             byte=exc.start), t("re-save the file as CSV UTF-8")) from None


def read_text(path: Path, encoding: str | None = None, limit: int = MAX_INPUT_BYTES) -> tuple[str, str]:
    """Read and decode a text file: ``(text, encoding used)``."""
    return decode(read_bytes(path, limit), path, encoding)
