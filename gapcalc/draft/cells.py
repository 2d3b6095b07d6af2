"""Reading one quantity from a short piece of text: a table cell (``>72%``, ``提高8%``, ``-``, ``1—2``) or a
number with its unit and comparator in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gapcalc.draft.numbers import ARABIC, CHINESE_NUMERAL, Number, read_number, strip_magnitude

MONEY_UNIT = (r"(?:万亿元|亿元|万元/人|万元/亩|万元|"
              r"元/人|元/亩|元/吨|元)")
MEASURE_UNIT = (r"(?:个百分点|百分点|%|‰|吨标准煤/万元|万吨标准煤|吨标准煤|万吨|吨|万亩|亩|公顷|"
                r"平方公里|平方米|立方米/万元|立方米|万千瓦|千瓦|公里|件/亿元|倍|万人次|人次|万人)")
COUNT_UNIT = r"(?:家|个|户|条|项|台|套|件|种|款|场|次|人|名|只|所|座|辆|栋|部|张|处|批)"
UNIT = f"(?:{MONEY_UNIT}|{MEASURE_UNIT}|{COUNT_UNIT})"
COUNT_UNITS = frozenset("家个户条项台套件种款场次人名只所座辆栋部张处批")
_MAGNITUDE = r"(?:万亿|万|亿|千)"
_DASH = r"[-—–~～至]"

QUANTITY_RE = re.compile(
    rf"(?P<num>{ARABIC}|{CHINESE_NUMERAL})(?:\s*{_DASH}{{1,2}}\s*(?P<num2>{ARABIC}|{CHINESE_NUMERAL}))?"
    rf"\s*(?P<mag>{_MAGNITUDE})?\s*(?P<unit>{UNIT})?")
_AFTER = re.compile(r"\s*(?P<after>及以上|以上|以内|以下|左右|上下)?")
_BEFORE_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("不超过", "<="), ("不高于", "<="), ("控制在", "<="),
    ("超过", ">"), ("超出", ">"), ("突破", ">"), ("大于", ">"), ("高于", ">"), ("多于", ">"), ("超", ">"),
    ("低于", "<"), ("少于", "<"), ("小于", "<"), ("大约", "~"), ("约", "~"), ("近", "~"),
    (">=", ">="), ("≥", ">="), ("<=", "<="), ("≤", "<="), (">", ">"), ("<", "<"),
)
_AFTER_COMPARATORS = {"及以上": ">=", "以上": ">=", "以内": "<=", "以下": "<=", "左右": "~", "上下": "~"}
CHANGE_WORDS: tuple[tuple[str, str], ...] = (
    ("下降", "decrease"), ("降低", "decrease"), ("减少", "decrease"), ("缩短", "decrease"), ("压减", "decrease"),
    ("减排", "decrease"), ("提高", "increase"), ("提升", "increase"), ("增长", "increase"), ("增加", "increase"),
    ("上升", "increase"),
)


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
    elif chinese and unit and unit[0] == "元" and first.printed and first.printed[-1] in "万亿":
        tail = "万亿" if first.printed.endswith("万亿") else first.printed[-1]
        number = strip_magnitude(first, tail)
        unit = tail + unit
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
    if comparator == "=":
        comparator = _comparator_before(text, match.start())
    printed = number.printed
    return Quantity(number.value, _unit_name(unit), comparator, printed, upper, match.start(), end, unit_end,
                    chinese)


def _money_or_measure(unit: str) -> bool:
    return unit[0] not in COUNT_UNITS and unit not in ("%", "个百分点", "百分点")


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
    return "个百分点" if unit == "百分点" else unit


_VERBS_BEFORE = re.compile(r"(?:开展|实现|完成|建设|建成|培育|新增|引进|组织|举办|达到|达)+$")


def _comparator_before(text: str, start: int) -> str:
    before = _VERBS_BEFORE.sub("", text[max(0, start - 8):start].rstrip())
    for word, comparator in _BEFORE_COMPARATORS:
        if before.endswith(word):
            return comparator
    return "="


_CELL_EMPTY = re.compile(r"^\s*[-—–/×xX无]*\s*$")


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
