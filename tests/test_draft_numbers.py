"""The number parser of gapcalc draft: Chinese numerals, magnitudes, full-width digits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.draft.charmap import fold
from gapcalc.draft.numbers import parse_chinese, read_number

_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """A reference spelling of 0 < n < 10000 (一千二百三十四, 十二 → 十二, 一百零五)."""
    parts, zero = [], False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit_value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(("" if (unit == "十" and n < 20) else _DIGITS[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_read_back(n: int) -> None:
    assert parse_chinese(_chinese(n)) == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10_000), ("亿", 100_000_000)]))
def test_chinese_magnitudes_multiply(n: int, magnitude: tuple[str, int]) -> None:
    assert parse_chinese(_chinese(n) + magnitude[0]) == n * magnitude[1]


@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_digits_read_as_ascii(n: int) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    number = read_number(fold(full), 0)
    assert number is not None and number.value == n and number.printed is None


@pytest.mark.parametrize(("text", "value", "printed"), [
    ("4.5万家", Decimal(45000), "4.5万"),
    ("15万户", Decimal(150000), "15万"),
    ("两次", Decimal(2), "两"),
    ("五千亿", Decimal(500_000_000_000), "五千亿"),
    ("1,200.50", Decimal("1200.50"), None),
    ("7.0%", Decimal("7.0"), None),
    ("1万2000家", Decimal(12000), "1万2000"),
    ("3万8000亿元", Decimal(3_800_000_000_000), "3万8000亿"),
    ("2亿5000万人", Decimal(250_000_000), "2亿5000万"),
])
def test_read_number_examples(text: str, value: Decimal, printed: str | None) -> None:
    number = read_number(text, 0)
    assert number is not None
    assert (number.value, number.printed) == (value, printed)
    assert str(number.value) == str(value)


@pytest.mark.parametrize("numeral", ["二三", "", "abc"])
def test_malformed_chinese_numerals(numeral: str) -> None:
    assert parse_chinese(numeral) is None
