"""Exact decimal levels: the formulas that turn a relative statement into a level, and how levels print.

Pure decimal arithmetic with no heavy imports, shared by the plan compiler (:mod:`gapcalc.plan.resolve`) and the
engine (:mod:`gapcalc.engine.report`), so both give the same digits.
"""

from __future__ import annotations

from decimal import Decimal

LEVEL_DECIMALS = 6
PRIORITY = {"level": 0, "cumulative": 0, "period_total": 0, "change_vs_baseline": 1, "pp_change": 1,
            "annual_growth": 1, "new_in_year": 2}
"""Which statement counts when several state a target for the same year: explicit levels and stocks, then relative
changes, then levels derived from quotas of additions; among equals the first in the file."""


def derive_level(kind: str, number: Decimal, sign: int, base: Decimal, years: int) -> Decimal:
    """The level a relative statement means given its base (methodology §2).

    ``new_in_year``: base + additions so far (``number``); ``change_vs_baseline``: base·(1 ± n/100);
    ``pp_change``: base ± n·years; ``annual_growth``: base·(1 ± n/100)^years.
    """
    if kind == "new_in_year":
        return tidy(base + number)
    if kind == "change_vs_baseline":
        return tidy(base * (1 + sign * number / 100))
    if kind == "pp_change":
        return tidy(base + sign * number * years)
    if kind == "annual_growth":
        if years == 0:  # the base year itself (0 ** 0 is undefined in Decimal: a decline of 100 % would raise)
            return tidy(base)
        return tidy(base * (1 + sign * number / 100) ** years)
    raise ValueError(f"not a relative kind: {kind}")


def level_or_none(kind: str, number: Decimal, sign: int, base: Decimal, years: int) -> Decimal | None:
    """:func:`derive_level`, or None where the level is undefined: a total decline (a factor of 0) taken back to a
    year before its base (0 to a negative power)."""
    try:
        return derive_level(kind, number, sign, base, years)
    except ArithmeticError:
        return None


def tidy(number: Decimal) -> Decimal:
    """A derived level without spurious trailing zeros or digits (``82.00`` → ``82``)."""
    return Decimal(format_decimal(number))


def format_decimal(number: Decimal | None) -> str:
    """A decimal without exponent and without trailing zeros beyond what it states (``82.00`` → ``82``)."""
    if number is None:
        return ""
    if number == number.to_integral_value():
        return format(number.quantize(Decimal(1)), "f")
    if number.as_tuple().exponent < -LEVEL_DECIMALS:  # type: ignore[operator]
        number = round(number, LEVEL_DECIMALS)
    return format(number.normalize(), "f")


def printed(number: Decimal | None) -> str:
    """A stated number exactly as typed in the target file (``7.0`` stays ``7.0``)."""
    return "" if number is None else format(number, "f")
