"""Report rows as plain dicts, whatever they came from: the engine's rows or a DataFrame of :mod:`gapcalc.api`.

The pages and the brief read rows as ``dict[str, Any]`` in which a missing value is ``None`` (a DataFrame holds it
as NaN or ``pd.NA``), a year is an ``int`` (a DataFrame holds it as a float or a nullable integer) and an exact
number stays a :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

Row = dict[str, Any]

YEAR_COLUMNS = frozenset({"year", "actual_year", "baseline_year", "final_year"})
"""Columns holding a year; shown as integers."""


def clean_value(column: str, value: Any) -> Any:
    """``value`` with NaN / NA as None and years as int; Decimals and text unchanged."""
    if value is None or isinstance(value, (str, Decimal, bool)):
        return value
    if _is_missing(value):
        return None
    if column in YEAR_COLUMNS:
        return int(value)
    if isinstance(value, float):
        return value
    if hasattr(value, "item"):  # a numpy scalar
        return clean_value(column, value.item())
    return value


def _is_missing(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN-like scalars, pd.NA raises
    except TypeError:
        return True


def clean_rows(rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Every row as a plain dict of clean values."""
    return [{column: clean_value(column, value) for column, value in row.items()} for row in rows]


def row_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """``(indicator, breakdown)`` with ``""`` for the headline figure."""
    return str(row.get("indicator") or ""), str(row.get("breakdown") or "")


def is_numeric_target(row: Mapping[str, Any]) -> bool:
    """True for rows with a number to compare against (a target for the year or a final target)."""
    return row.get("target") is not None or row.get("final_target") is not None
