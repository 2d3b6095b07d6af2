"""stdout and stderr that never fail on a character their encoding lacks (a GBK console, ``PYTHONIOENCODING``).

Symbols gapcalc prints for people degrade to ASCII (``✓`` → ``OK``, ``≥`` → ``>=``); any other character the
encoding cannot write becomes ``?``. The data itself is unchanged in files written with ``--output`` (UTF-8).
"""

from __future__ import annotations

import codecs
import io
import sys

ERRORS = "gapcalc-degrade"
SYMBOLS = {
    "✓": "OK", "✗": "X", "·": "-", "–": "-", "—": "-", "…": "...", "≈": "~", "≥": ">=", "≤": "<=", "▲": "^",
    "○": "o", "×": "x", "→": "->", "›": ">", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
}
"""Symbols and their ASCII stand-ins, used only where the output encoding cannot write the symbol."""


def degrade(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character that cannot be written as its ASCII stand-in, else ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(SYMBOLS.get(char, "?") for char in text), error.end


codecs.register_error(ERRORS, degrade)


def protect_streams() -> None:
    """Make stdout and stderr degrade unwritable characters instead of raising, unless they write UTF."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        encoding = (stream.encoding or "").lower().replace("_", "-")
        if encoding.startswith("utf") or stream.errors != "strict":
            continue
        stream.reconfigure(errors=ERRORS)
