"""Numbers as plan documents print them: Arabic digits (full- or half-width, with thousands separators), Chinese
numerals (``五千``, ``两``, ``十二``) and magnitudes (``4.5万``, ``五千亿``).

All functions expect text folded by :func:`gapcalc.draft.charmap.fold` (full-width digits already ASCII).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MAGNITUDES = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000),
              "万亿": Decimal(1_000_000_000_000)}

CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]+"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
ARABIC_RE = re.compile(ARABIC)
MIXED = r"\d+[万亿]\d{1,4}(?![\d.,年])"
"""A whole number printed across a magnitude, its lower digits after it (``3万8000``, ``2亿5000``)."""
_MIXED_RE = re.compile(r"(?P<high>\d+)(?P<mag>[万亿])(?P<low>\d{1,4})(?![\d.,年])")
CHINESE_RE = re.compile(CHINESE_NUMERAL)


def parse_chinese(numeral: str) -> int | None:
    """The value of a Chinese numeral (``五千`` → 5000, ``十二`` → 12, ``两百`` → 200), or None if malformed."""
    if not numeral or any(ch not in CHINESE_DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS
                          for ch in numeral):
        return None
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row ("二三") is not a number
            digit = CHINESE_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            if section == 0:
                section = 1
            total = (total + section) * _BIG_UNITS[ch] if _BIG_UNITS[ch] > total else total + section * _BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_arabic(digits: str) -> Decimal:
    """``1,200.50`` → Decimal('1200.50'): the digits as printed, thousands separators dropped."""
    return Decimal(digits.replace(",", ""))


@dataclass(frozen=True)
class Number:
    """A number read from the text: its value and how it is printed when that is not its plain digits."""

    value: Decimal
    printed: str | None
    start: int
    end: int


def read_number(text: str, start: int) -> Number | None:
    """The number printed at ``text[start:]`` (digits with an optional magnitude, or a Chinese numeral).

    The magnitude (``万``, ``亿``) is multiplied in; the caller decides whether it belongs to a unit instead
    (``亿元``) and then uses :func:`strip_magnitude`.
    """
    mixed = _read_mixed(text, start)
    if mixed:
        return mixed
    match = ARABIC_RE.match(text, start)
    if match:
        value = parse_arabic(match.group())
        end = match.end()
        magnitude = _magnitude_at(text, end)
        if magnitude:
            return Number(integral(value * MAGNITUDES[magnitude]), text[start:end + len(magnitude)], start,
                          end + len(magnitude))
        return Number(value, None, start, end)
    match = CHINESE_RE.match(text, start)
    if match:
        numeral = match.group()
        parsed = parse_chinese(numeral)
        if parsed is None:
            return None
        return Number(Decimal(parsed), numeral, start, match.end())
    return None


def _read_mixed(text: str, start: int) -> Number | None:
    """``3万8000`` (38000), ``3万8000亿`` (38000亿), ``2亿5000万`` (250000000): one number, not two."""
    match = _MIXED_RE.match(text, start)
    if not match:
        return None
    high, low = int(match.group("high")), int(match.group("low"))
    if match.group("mag") == "万":
        value, end = high * 10_000 + low, match.end()
        if text.startswith("亿", end) and not text.startswith("亿", end + 1):
            value, end = value * 100_000_000, end + 1
    else:
        value, end = high * 100_000_000 + low, match.end()
        if text.startswith("万", end) and not text.startswith("万亿", end):
            value, end = high * 100_000_000 + low * 10_000, end + 1
    return Number(Decimal(value), text[start:end], start, end)


def _magnitude_at(text: str, index: int) -> str:
    for magnitude in ("万亿", "万", "亿", "千"):
        if text.startswith(magnitude, index):
            return magnitude
    return ""


def strip_magnitude(number: Number, magnitude: str) -> Number:
    """The number without a trailing magnitude that belongs to the unit (``3万亿元`` → 3 in 万亿元)."""
    printed = number.printed or ""
    if not printed.endswith(magnitude):
        return number
    head = printed[: -len(magnitude)]
    if not head:  # 万亿元 with no digit before it: one 万亿元
        return Number(Decimal(1), printed, number.start, number.end - len(magnitude))
    if ARABIC_RE.fullmatch(head):
        return Number(parse_arabic(head), None, number.start, number.end - len(magnitude))
    if _MIXED_RE.fullmatch(head):  # 3万8000亿元: 38000 in 亿元
        return Number(integral(number.value / MAGNITUDES[magnitude]), head, number.start, number.end - len(magnitude))
    parsed = parse_chinese(head) if head else None
    if parsed is None:
        return number
    return Number(Decimal(parsed), head, number.start, number.end - len(magnitude))


def integral(value: Decimal) -> Decimal:
    """A whole number without its decimal places (``45000.0`` → ``45000``); other values unchanged."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def plain(value: Decimal) -> str:
    """The value as TOML prints it (``45000``, ``7.0``, ``0.5``)."""
    return format(value, "f")
