"""Numbers as Chinese (and English) reports write them, in prose and human tables; machine formats keep exact values.

One rule per kind of number (docs/methodology.md §10):
* a **stated** number (a published figure, the plan's own target or baseline) keeps its digits; a count of 10,000
  or more is written in 万 (亿 from 100 million) when that needs at most two decimals (``130000户`` → ``13万户``);
* a **computed** level (an interpolated target, a gap, a change per year): ``%`` and 个百分点 to one decimal;
  counts whole — a target rounded towards the target (``5831.75家`` → ``5832家`` where more is better), as the
  terminal table does; other units to two decimals below 10, one below 1,000, none above;
* a **rate** gapcalc computes (完成率, 任务进度, 时间进度, growth rates): one decimal.
Trailing zeros are dropped (``80.0%`` → ``80%``).
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any, Literal

from gapcalc.engine.contracts import RATE_UNIT
from gapcalc.engine.statement import COUNT_UNITS

Role = Literal["stated", "computed", "rate"]

UNITS_EN = {
    "亿元": "100 million yuan", "万亿元": "trillion yuan", "万元": "10,000 yuan", "元": "yuan", "亩": "mu",
    "人": "persons", "万人": "10,000 persons", "吨标准煤/万元": "tce per 10,000 yuan",
    "立方米/万元": "m³ per 10,000 yuan", "万元/亩": "10,000 yuan per mu", "件/亿元": "per 100 million yuan",
    "万元/人": "10,000 yuan per person", "index": "", "%": "%",
}
"""Units spelt out in English; a unit not listed is printed as it is."""

_INDEX = re.compile(r"^index \((\d{4})=100\)$")
_ADDITIONS = re.compile(r"^additions since (\d{4})(?: \((.+)\))?$")
"""gapcalc's additions unit, with the unit of the things added where the words know it (``additions since 2019 (家)``:
:func:`gapcalc.engine.statement.statement_of`)."""


def plain_text(value: Decimal) -> str:
    """A decimal in plain notation without trailing zeros: ``80.0`` → ``80``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def rounded(value: Any, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rate_text(value: Any) -> str:
    """A rate gapcalc computes, to one decimal: ``108.8524`` → ``108.9``."""
    return "" if value is None else plain_text(rounded(value, 1))


def whole_target(value: Decimal, direction: str) -> Decimal:
    """A computed count target as a whole number, rounded towards the target: up where more is better."""
    if value == value.to_integral_value():
        return value
    return value.to_integral_value(rounding=ROUND_FLOOR if direction == "down" else ROUND_CEILING)


def computed_value(value: Any, unit: str) -> Decimal:
    """A computed level (or difference) rounded by the display rule of its unit."""
    number = Decimal(str(value))
    if unit in COUNT_UNITS:
        return rounded(number, 0)
    if unit in ("%", RATE_UNIT) or unit.startswith("index"):
        return rounded(number, 1)
    size = abs(number)
    places = 3 if size < 1 else 2 if size < 10 else 1 if size < 1000 else 0
    exact = number.normalize().as_tuple()
    if isinstance(exact.exponent, int) and -exact.exponent > places and len(exact.digits) <= _EXACT_DIGITS:
        places = -exact.exponent  # 2.838万亿元 on the plan's path, not 2.84: its gap to 2.8 is 380亿元
    return rounded(number, places)


_EXACT_DIGITS = 4
"""Significant digits up to which a computed amount is shown exactly (a path 2.838, a gap 0.038 beside it)."""


def _large_count(value: Decimal) -> tuple[Decimal, str] | None:
    for step, word in ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万")):
        if abs(value) >= step:
            scaled = value / step
            if scaled == scaled.quantize(Decimal("0.01")):
                return scaled, word
            return None
    return None


def number_text(value: Any, unit: str, role: Role = "stated", lang: str = "zh") -> str:
    """The digits of ``value`` (without its unit) as the display rule writes them; ``万``/``亿`` included for a large
    count in Chinese."""
    if value is None:
        return ""
    if role == "rate":
        return rate_text(value)
    number = Decimal(str(value)) if role == "stated" else computed_value(value, unit)
    if unit in COUNT_UNITS and lang == "zh":
        large = _large_count(number)
        if large is not None:
            return plain_text(large[0]) + large[1]
    if lang == "en" and unit in COUNT_UNITS and abs(number) >= 10_000 and number == number.to_integral_value():
        return f"{int(number):,}"
    return plain_text(number)


def index_base(unit: str) -> int | None:
    """The base year of gapcalc's index unit (``index (2017=100)`` → 2017); None for any other unit."""
    found = _INDEX.match(unit)
    return int(found.group(1)) if found else None


def derived_scale(unit: str) -> bool:
    """True for gapcalc's derived units (an index, additions since a year): their base is 100 or 0 by construction,
    not a level the plan or a source states."""
    return bool(_INDEX.match(unit) or _ADDITIONS.match(unit))


def additions_base(unit: str) -> int | None:
    """The base year of gapcalc's additions unit (``additions since 2019`` → 2019); None for any other unit."""
    found = _ADDITIONS.match(unit)
    return int(found.group(1)) if found else None


def unit_words(unit: str, lang: str) -> tuple[str, str]:
    """What is written before and after a number of ``unit``: ``("", "家")``; a derived unit of gapcalc (an index,
    additions since a year) in words: ``("", "（2017年=100）")``, ``("2019年以来累计新增", "")``."""
    index, additions = _INDEX.match(unit), _ADDITIONS.match(unit)
    if lang == "zh":
        if index:
            return "", f"（{index.group(1)}年=100）"
        if additions:  # the base year counts 0: additions start the year after it
            return f"{int(additions.group(1)) + 1}年以来累计新增", additions.group(2) or ""
        if unit in ("index", "qualitative", "", "-"):
            return "", ""
        return "", unit
    if index:
        return "", f" (index, {index.group(1)} = 100)"
    if additions:
        return "", f" added since {int(additions.group(1)) + 1}"
    if unit in COUNT_UNITS or unit in ("index", "qualitative", "", "-"):
        return "", ""
    word = UNITS_EN.get(unit, unit)
    return ("", word) if word == "%" else ("", (" " + word) if word else "")


def unit_label(unit: str, lang: str) -> str:
    """A unit as a table's unit column shows it: gapcalc's derived units in words in Chinese (``指数（2017年=100）``,
    ``2019年以来新增``); other units as they are."""
    index, additions = _INDEX.match(unit), _ADDITIONS.match(unit)
    if lang == "zh" and index:
        return f"指数（{index.group(1)}年=100）"
    if lang == "zh" and additions:
        added = f"（{additions.group(2)}）" if additions.group(2) else ""
        return f"{int(additions.group(1)) + 1}年以来新增{added}"
    if lang == "zh" and unit == "index":
        return "指数"
    if lang == "zh" and unit == RATE_UNIT:
        return "增速（%）"
    return unit


EN_SCALED = {"亿元": (Decimal("0.1"), "billion yuan"), "万元": (Decimal(10), "thousand yuan")}
"""Chinese money units written in English as billions and thousands: 2500亿元 is 250 billion yuan."""


def quantity(value: Any, unit: str, lang: str = "zh", role: Role = "stated") -> str:
    """``13万户``, ``2.84万亿元``, ``95.96（指数，2017年=100）``; in English ``130,000``, ``2.84 trillion yuan``,
    ``250 billion yuan``."""
    if lang == "en" and unit in EN_SCALED and value is not None:
        factor, words = EN_SCALED[unit]
        digits = number_text(Decimal(str(value)) * factor, "", role, lang)
        return f"{digits} {words}" if digits else ""
    if unit == RATE_UNIT:
        return growth_text(value, lang, role)
    digits = number_text(value, unit, role, lang)
    if not digits:
        return ""
    before, after = unit_words(unit, lang)
    return before + digits + after


def growth_text(value: Any, lang: str = "zh", role: Role = "stated") -> str:
    """A growth rate as a report writes it: ``增长9.0%``, ``下降3%``; ``9.0% growth``, ``a 3% fall``."""
    if value is None:
        return ""
    number = Decimal(str(value))
    digits = number_text(abs(number), "%", role, lang)
    if lang == "zh":
        return f"{'下降' if number < 0 else '增长'}{digits}%"
    return f"a {digits}% fall" if number < 0 else f"{digits}% growth"


def points(value: Any, lang: str = "zh", role: Role = "computed") -> str:
    """A difference of two percentages: ``2.1个百分点`` / ``2.1 pp`` (the absolute value)."""
    digits = number_text(abs(Decimal(str(value))), "%", role, lang)
    return f"{digits}个百分点" if lang == "zh" else f"{digits} pp"


def difference_text(value: Any, unit: str, lang: str = "zh", role: Role = "computed") -> str:
    """The size of a difference (no sign) in the unit's terms: percentage points for ``%``; a difference of
    gapcalc's derived units (an index, additions) as its digits."""
    if unit in ("%", RATE_UNIT) or _INDEX.match(unit):  # on an index (base = 100) a difference is in points
        return points(value, lang, role)
    additions = _ADDITIONS.match(unit)
    if additions:  # the things added, in their own unit where it is known (36家)
        digits = number_text(abs(Decimal(str(value))), unit, role, lang)
        return digits + (additions.group(2) or "" if lang == "zh" and digits else "")
    size = abs(Decimal(str(value)))
    if unit in SMALLER and size < 1:  # 低于年度目标380亿元 (38 billion yuan), not 0.038万亿元
        factor, smaller = SMALLER[unit]
        return quantity(size * factor, smaller, lang, role)
    return quantity(size, unit, lang, role)


def signed_difference(value: Any, unit: str, lang: str = "zh", zero: str = "+") -> str:
    """A difference with its sign, as a gap or a need a year is written: ``+2家``, ``-380亿元``, ``+1.2个百分点``
    (``zero``: the sign of a difference of nothing)."""
    sign = "-" if value < 0 else "+" if value > 0 else zero
    return sign + difference_text(value, unit, lang)


SMALLER = {"万亿元": (Decimal(10_000), "亿元")}
"""A difference of less than one of these units is written in the next smaller one, as reports write it."""
