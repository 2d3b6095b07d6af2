"""Bounded, encoding-aware reading of input files.

Every input goes through :func:`read_text`: it refuses files that are too large or binary with a clear
:class:`GapcalcError`, and decodes strictly (UTF-8 with or without BOM, UTF-16 with a BOM, then GB18030 — never the
reverse, since UTF-8 bytes decode without error as GB18030 mojibake).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from gapcalc.errors import GapcalcError

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_TARGET_BYTES = 8 * 1024 * 1024
"""Target files larger than this are refused."""
AUTO_ENCODINGS = ("utf-8", "gb18030")


def read_bytes(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, refusing missing, unreadable and oversized files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GapcalcError(f"{path}: no such file", "check the path") from None
    except OSError as exc:
        raise GapcalcError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise GapcalcError(f"{path}: is a directory, not a file")
    if size > limit:
        raise GapcalcError(
            f"{path}: file is {size / 1048576:.0f} MiB, larger than the {limit // 1048576} MiB gapcalc reads",
            "split the file or check that it is the right one",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GapcalcError(f"{path}: cannot read ({exc.strerror})") from None


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding used)``.

    With ``encoding`` given, only that one is tried. Otherwise a BOM decides (UTF-8 or UTF-16), then strict UTF-8,
    then GB18030 (Excel's "CSV" on Simplified-Chinese Windows).
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise GapcalcError(f"unknown encoding {encoding!r}", "use e.g. utf-8, gb18030, utf-16") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise GapcalcError(
                f"{path}: not valid {encoding} (byte {exc.start})", "try --encoding utf-8 or --encoding gb18030"
            ) from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data:
        raise GapcalcError(f"{path}: binary file (contains NUL bytes)", "give a text file (CSV or TOML)")
    for candidate in AUTO_ENCODINGS:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise GapcalcError(f"{path}: neither UTF-8 nor GB18030 text", "save it as CSV UTF-8, or pass --encoding")


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise GapcalcError(f"{path}: invalid {encoding} at byte {exc.start}", "re-save the file as CSV UTF-8") from None


def read_text(path: Path, encoding: str | None = None, limit: int = MAX_INPUT_BYTES) -> tuple[str, str]:
    """Read and decode a text file: ``(text, encoding used)``."""
    return decode(read_bytes(path, limit), path, encoding)
