"""Turning cell values into text, the same way in every machine format.

Decimals print exactly as stated (``7.0`` stays ``7.0``); floats (percentages and rates computed by gapcalc) are
rounded to :data:`FLOAT_DECIMALS` places with trailing zeros removed; None is an empty cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from gapcalc.engine.contracts import EXACT_COLUMNS, YEAR_COLUMNS

FLOAT_DECIMALS = 4
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")


def format_float(number: float, decimals: int = FLOAT_DECIMALS) -> str:
    """``85.71428571`` → ``85.7143``; ``100.0`` → ``100``."""
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_floats(numbers: list[float], decimals: int = FLOAT_DECIMALS) -> list[str]:
    """:func:`format_float` of many numbers at once, NaN as an empty cell (the same text, without a call each)."""
    texts = [f"{x:.{decimals}f}".rstrip("0").rstrip(".") if x == x else "" for x in numbers]  # noqa: PLR0124
    return ["0" if t == "-0" else t for t in texts] if "-0" in texts else texts


def cell_text(value: Any) -> str:
    """The text of one cell in machine output."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return format_float(value)
    return str(value)


_TEXT_TYPES = frozenset({str, type(None)})


def column_texts(name: str, values: Sequence[Any]) -> list[str]:
    """A whole column's cell texts, as :func:`cell_text` gives them one by one: floats (a float64 array) rounded,
    Decimals printed as stated, years as digits, None as an empty cell."""
    if getattr(values, "dtype", None) == "float64":
        return format_floats(values.tolist())  # type: ignore[attr-defined]
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    if name in EXACT_COLUMNS:
        return ["" if d is None else format(d, "f") for d in items]
    if name in YEAR_COLUMNS:
        return ["" if y is None else str(y) for y in items]
    if set(map(type, items)) <= _TEXT_TYPES:  # one pass in C: a column of text
        return ["" if v is None else v for v in items]
    return [cell_text(v) for v in items]


def json_value(value: Any) -> Any:
    """A JSON-ready value: Decimals become int or float keeping their printed form (``7.0`` stays ``7.0``)."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent >= 0 else float(value)  # type: ignore[operator]
    if isinstance(value, float):
        return float(format_float(value))
    return value


def neutralise(text: str) -> str:
    """Prefix ``'`` to text that a spreadsheet would run as a formula (numbers are never touched)."""
    if text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True
