"""Numbers as readers read them: the report's exact text with the indicator's unit, in Chinese or English.

The digits are always those of the report CSV (:func:`gapcalc.render.cells.cell_text`): ``6348`` with unit ``家``
reads ``6348家`` in Chinese and ``6348`` in English; a gap in ``%`` is in percentage points (``-2.1个百分点``,
``-2.1 pp``); an ``index`` has no unit word.
"""

from __future__ import annotations

from typing import Any

from gapcalc.render.cells import cell_text
from gapcalc.render.numerals import UNITS_EN, plain_text, rounded

COUNT_UNITS = frozenset("个家户条项台种次场只位件座所")
"""Counting words: written after the number in Chinese, left out in English."""

NO_UNIT = frozenset({"index", "qualitative", ""})


def unit_text(unit: str | None, lang: str) -> str:
    """The unit as written after a number (``家``, ``%``; in English ``trillion yuan``, nothing for counts)."""
    unit = unit or ""
    if unit in NO_UNIT:
        return ""
    if lang == "zh":
        return unit
    if unit in COUNT_UNITS:
        return ""
    return UNITS_EN.get(unit, unit)


def with_unit(value: Any, unit: str | None, lang: str) -> str:
    """``6348家`` / ``61.2%`` / ``2.19 trillion yuan``; empty for a missing value."""
    text = cell_text(value)
    if not text:
        return ""
    word = unit_text(unit, lang)
    if not word:
        return text
    return text + word if lang == "zh" or word == "%" else f"{text} {word}"


def difference(value: Any, unit: str | None, lang: str) -> str:
    """A difference of two levels: percentage points for ``%`` (``-2.1个百分点``, ``-2.1 pp``)."""
    text = cell_text(value)
    if not text:
        return ""
    if unit == "%":
        return f"{text}个百分点" if lang == "zh" else f"{text} pp"
    return with_unit(value, unit, lang)


def percent(value: float | None, decimals: int | None = None) -> str:
    """A computed percentage: as the CSV prints it, or to ``decimals`` places rounded half up as reports round
    (239.25 → 239.3, the brief's figure too); empty when undefined."""
    if value is None:
        return ""
    return cell_text(value) if decimals is None else plain_text(rounded(value, decimals))


def signed(text: str) -> str:
    """``2.1`` → ``+2.1``; negative and empty texts unchanged."""
    return text if not text or text.startswith("-") or text == "0" else "+" + text
