"""One-for-one character folding for recognition: full-width forms to ASCII, traditional to simplified characters.

The folded text has exactly the length of the original, so a match found in it is a span of the original text and a
quote cut from the original stays verbatim. The traditional characters are those of :mod:`gapcalc.chinese`; a
character neither map knows is kept as it is.
"""

from __future__ import annotations

from functools import cache

from gapcalc.chinese import TO_SIMPLIFIED, traditional_characters

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SPACES = {0x3000: 0x20, 0xA0: 0x20}
FOLD_TABLE: dict[int, int] = {**TO_SIMPLIFIED, **_FULL_WIDTH, **_SPACES}


@cache
def regional_words() -> tuple[tuple[str, str], ...]:
    """The lexicon's words of a Taiwanese wording and the mainland words they stand for (``document.regional_words``),
    those of the same length only: folding keeps every offset."""
    from gapcalc.draft.lexicon import LEXICON

    return tuple((word, str(mainland)) for word, mainland in LEXICON.rule("document.regional_words").map.items()
                 if len(word) == len(str(mainland)))


def fold(text: str) -> str:
    """``text`` with full-width forms as ASCII and traditional characters as simplified ones, same length; the
    regional words of the lexicon as the mainland ones (資訊 → 信息)."""
    for word, mainland in regional_words():
        text = text.replace(word, mainland)
    return text.translate(FOLD_TABLE)


def has_traditional(text: str) -> bool:
    """Whether the document ``text`` is written in traditional script: its beginning holds at least three distinct
    traditional characters (a name or two in traditional characters in a simplified text do not count)."""
    return len(traditional_characters(text[:20000])) >= 3
