"""Reading one quantity from a short piece of text: a table cell (``>72%``, ``提高8%``, ``-``, ``1—2``) or a
number with its unit and comparator in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gapcalc.draft.lexicon import LEXICON, alternation
from gapcalc.draft.numbers import ARABIC, CHINESE_NUMERAL, MIXED, Number, read_number, strip_magnitude

UNIT = LEXICON.regex("unit.printed")
"""Every unit a number may be printed with (``unit.printed``), compound units (``台/万人``) first."""
COUNT_UNITS = frozenset(LEXICON.words("unit.count"))
POINTS = str(LEXICON.rule("unit.points").get("name"))
"""The unit of a change in percentage points, however printed (``百分点`` → ``个百分点``)."""
_POINTS = frozenset(LEXICON.words("unit.points"))
_MAGNITUDE = r"(?:万亿|万|亿|千)"
_DASH = r"[-—–~～至]"
_COUNT_UNIT = alternation(COUNT_UNITS)

_MORE = alternation(LEXICON.words("unit.more"))
_MORE_COMPARATOR = str(LEXICON.rule("unit.more").get("comparator"))
QUANTITY_RE = re.compile(
    rf"(?P<num>{MIXED}|{ARABIC}|{CHINESE_NUMERAL})(?:\s*(?P<unit1>{_COUNT_UNIT})?\s*{_DASH}{{1,2}}\s*"
    rf"(?P<num2>{ARABIC}|{CHINESE_NUMERAL})(?(unit1)(?=\s*(?P=unit1))))?"
    rf"\s*(?P<mag>{_MAGNITUDE})?\s*(?:(?P<more>{_MORE})(?=\s*(?:{UNIT})))?\s*(?P<unit>{UNIT})?")
"""A number, or a range (``1—2家``; ``3家至5家``, its count unit printed with both ends), its magnitude and unit."""
_AFTER_COMPARATORS = dict(LEXICON.pairs("comparator", "comparator", place="after"))
_NOT_BEFORE = "".join(c for rule in LEXICON.section("comparator") for c in rule.get("not_before", ()))
_AFTER = re.compile(rf"\s*(?P<after>{alternation(_AFTER_COMPARATORS)})?(?![{re.escape(_NOT_BEFORE) or ' '}])")
_BEFORE_COMPARATORS: tuple[tuple[str, str], ...] = tuple(LEXICON.pairs("comparator", "comparator", place="before"))
CHANGE_WORDS: tuple[tuple[str, str], ...] = tuple(LEXICON.pairs("fall", "change", longest_first=False)) + tuple(
    LEXICON.pairs("rise.change", "change", longest_first=False))
"""The verbs of a change and its direction (``下降`` → decrease), those of falling first."""


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and comparator, and where it stands in the text it was read from."""

    value: Decimal
    unit: str
    comparator: str
    printed: str | None
    upper: Decimal | None
    start: int
    end: int
    """End of the number, unit and any trailing comparator (``以上``)."""
    unit_end: int
    """End of the number and its unit, before a trailing comparator."""
    chinese: bool


def quantity_at(text: str, match: re.Match[str]) -> Quantity | None:
    """The quantity of a :data:`QUANTITY_RE` match, or None when the match is not a number."""
    first = read_number(text, match.start("num"))
    if first is None:
        return None
    unit = match.group("unit") or ""
    magnitude = match.group("mag") or ""
    chinese = not match.group("num")[0].isdigit()
    number = _with_magnitude(first, magnitude, unit)
    if unit and magnitude and _money_or_measure(unit):
        unit = magnitude + unit
    elif not unit and magnitude in ("亿", "万亿"):
        unit = magnitude
    elif chinese and not unit and not magnitude and first.printed and first.printed.endswith("亿") \
            and first.printed != "亿":
        # 产值突破万亿, 增加值超千亿, without 元: 10000 and 1000 in 亿 (元 follows from the name), as 超万亿元
        number, unit = strip_magnitude(first, "亿"), "亿"
    elif chinese and unit and unit[0] == "元" and first.printed and first.printed[-1] in "万亿":
        tail = "万亿" if first.printed.endswith("万亿") else first.printed[-1]
        number = strip_magnitude(first, tail)
        unit = tail + unit
        if first.printed == "万亿":  # 超万亿元: 10000 in 亿元, printed 万, as 超千亿元 is 1000 in 亿元
            number, unit = Number(Decimal(10_000), "万", first.start, first.start + 1), "亿元"
    upper = None
    comparator = "="
    if match.group("num2"):
        second = read_number(text, match.start("num2"))
        if second is None:
            return None
        second = _with_magnitude(second, magnitude, unit if not magnitude else unit[len(magnitude):])
        if second.value > number.value:
            upper, comparator = second.value, "range"
    unit_end = match.end()
    after = _AFTER.match(text, unit_end)
    end = unit_end
    if after and after.group("after") and comparator == "=":
        comparator = _AFTER_COMPARATORS[after.group("after")]
        end = after.end()
    if comparator == "=" and match.group("more"):
        comparator = _MORE_COMPARATOR  # 70余户: more than 70
    if comparator == "=":
        comparator = _comparator_before(text, match.start())
    printed = number.printed
    return Quantity(number.value, _unit_name(unit), comparator, printed, upper, match.start(), end, unit_end,
                    chinese)


def _money_or_measure(unit: str) -> bool:
    return unit[0] not in COUNT_UNITS and unit != "%" and unit not in _POINTS


def _with_magnitude(number: Number, magnitude: str, unit: str) -> Number:
    """Digits followed by a magnitude: multiplied for counts (4.5万家 → 45000), kept in the unit for money (3万亿元)."""
    if not magnitude:
        return number
    if unit and _money_or_measure(unit):
        return strip_magnitude(number, magnitude)
    if not unit and magnitude in ("亿", "万亿"):
        return strip_magnitude(number, magnitude)
    return number


def _unit_name(unit: str) -> str:
    return POINTS if unit in _POINTS else unit


_VERBS_BEFORE = re.compile(rf"(?:{LEXICON.alternation('making.verbs', 'making.doing', 'reach.to')})+$")


def _comparator_before(text: str, start: int) -> str:
    before = _VERBS_BEFORE.sub("", text[max(0, start - 8):start].rstrip())
    for word, comparator in _BEFORE_COMPARATORS:
        if before.endswith(word):
            return comparator
    return "="


_CELL_EMPTY = LEXICON.compiled("table.empty_cell")


@dataclass(frozen=True)
class Cell:
    """A table cell read as a number (with change words) or as text."""

    quantity: Quantity | None
    change: str | None
    text: str


def read_cell(cell: str) -> Cell | None:
    """A table cell: None when empty or a dash; a quantity (with ``提高``/``下降`` read as a change) or text."""
    if _CELL_EMPTY.match(cell):
        return None
    change = next((direction for word, direction in CHANGE_WORDS if word in cell), None)
    match = QUANTITY_RE.search(cell)
    if match is None or not match.group("num")[0].isdigit():
        return Cell(None, None, cell.strip())
    quantity = quantity_at(cell, match)
    return Cell(quantity, change, cell.strip())
