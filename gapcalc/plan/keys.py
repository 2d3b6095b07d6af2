"""The one normalisation of keys (indicator ids, breakdown keys, column names) and of the width of typed text.

A key typed in Excel may differ from the target file's only in width (``长虹(集团)`` for ``长虹（集团）``) or in
surrounding spaces; :func:`normal_key` maps both to the same form, and is applied to both sides of every comparison.
:func:`fold_width` is narrower: it folds only full-width ASCII, the ideographic space, no-break spaces and the minus
sign, and leaves circled numbers and superscripts as they are (NFKC would turn ``61.5①`` into ``61.51``).
"""

from __future__ import annotations

import unicodedata

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2007: 0x20, 0x202F: 0x20, 0x2212: 0x2D, 0xFEFF: None})  # type: ignore[dict-item]


def fold_width(text: str) -> str:
    """Full-width ASCII (``２６．５％``) as ASCII; ideographic and no-break spaces as spaces; ``−`` as ``-``."""
    return text.translate(_WIDTH) if not text.isascii() else text


def normal_key(text: str) -> str:
    """A key as compared: NFKC (width and compatibility forms folded), surrounding spaces stripped."""
    return unicodedata.normalize("NFKC", text).strip() if not text.isascii() else text.strip()
