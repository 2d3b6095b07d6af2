"""Resolving what a plan states into levels in the indicator's own unit.

A document states numbers in many ways: a level ("32%"), a stock ("600家"), a quota of additions ("新增3个"), a
relative change ("下降18%"), a change in percentage points ("提高5个百分点"), an average growth rate ("年均增长10%"),
a period total. :func:`resolve_indicator` turns every stated number into a :class:`Statement` whose ``level`` is the
target expressed in the indicator's unit, so that it can be compared with an observed value. Formulas are documented
in ``docs/methodology.md`` §2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .model import CHANGE_KINDS, Indicator, PlanHeader, Series, Value

Observed = Mapping[int, Decimal]
LEVEL_DECIMALS = 6
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
_EXPLICIT_PRIORITY = {"level": 0, "cumulative": 0, "period_total": 0, "change_vs_baseline": 1, "pp_change": 1,
                      "annual_growth": 1, "new_in_year": 2}


@dataclass(frozen=True)
class Statement:
    """One number of the document, with its resolved level."""

    indicator: Indicator
    series_index: int
    value_index: int
    series: Series
    value: Value
    level: Decimal | None
    comparator: str

    @property
    def year(self) -> int:
        """The year the number is for."""
        return self.value.year

    @property
    def kind(self) -> str:
        """The kind of the statement (baseline, level, new_in_year, …)."""
        return self.series.kind

    @property
    def breakdown(self) -> str | None:
        """The breakdown key, or None for the headline figure."""
        return self.series.breakdown

    @property
    def path(self) -> tuple[str | int, ...]:
        """Key path of the value (without the indicator index), for locating it."""
        return ("series", self.series_index, "values", self.value_index)


def stated_baselines(indicator: Indicator, breakdown: str | None) -> dict[int, Decimal]:
    """The baselines the plan states for one breakdown: ``{year: value}`` (the first statement wins)."""
    found: dict[int, Decimal] = {}
    for series in indicator.series:
        if series.kind == "baseline" and series.breakdown == breakdown:
            for value in series.values:
                if value.value is not None:
                    found.setdefault(value.year, value.value)
    return found


def effective_comparator(series: Series, value: Value) -> str:
    """The comparator that applies to the resolved level.

    "下降18%以上" (decrease, ``>=`` on the size of the change) means the level must be *at most* baseline×0.82.
    """
    if series.kind in CHANGE_KINDS and series.change == "decrease":
        return _FLIP.get(value.comparator, value.comparator)
    return value.comparator


def _base(baselines: Mapping[int, Decimal], observed: Observed, year: int) -> Decimal | None:
    if year in baselines:
        return baselines[year]
    return observed.get(year)


def _stock_before(baselines: Mapping[int, Decimal], observed: Observed, first_year: int) -> Decimal | None:
    years = [y for y in set(baselines) | set(observed) if y < first_year]
    if not years:
        return None
    return _base(baselines, observed, max(years))


def _sign(series: Series) -> int:
    return -1 if series.change == "decrease" else 1


def resolve_level(series: Series, value: Value, plan: PlanHeader, baselines: Mapping[int, Decimal],
                  observed: Observed) -> Decimal | None:
    """The level in the indicator's unit that one stated number means, or None when it cannot be resolved."""
    if value.value is None or series.kind == "qualitative":
        return None
    number = value.value
    if series.kind in ("baseline", "level", "cumulative", "period_total"):
        return number
    if series.kind == "new_in_year":
        first = min(v.year for v in series.values)
        stock = _stock_before(baselines, observed, first)
        if stock is None:
            return None
        added = sum((v.value for v in series.values if v.year <= value.year and v.value is not None), Decimal(0))
        return tidy(stock + added)
    base_year = series.base_year if series.base_year is not None else plan.base_year
    base = _base(baselines, observed, base_year)
    if base is None:
        return None
    if series.kind == "change_vs_baseline":
        return tidy(base * (1 + _sign(series) * number / 100))
    if series.kind == "pp_change":
        years = value.year - base_year if series.per_year else 1
        return tidy(base + _sign(series) * number * years)
    if series.kind == "annual_growth":
        return tidy(base * (1 + _sign(series) * number / 100) ** (value.year - base_year))
    return None  # pragma: no cover - every kind is handled above


def tidy(number: Decimal) -> Decimal:
    """A derived level without spurious trailing zeros or digits (``82.00`` → ``82``)."""
    return Decimal(format_decimal(number))


def resolve_indicator(indicator: Indicator, plan: PlanHeader,
                      observed: Mapping[str | None, Observed] | None = None) -> list[Statement]:
    """Every stated number of ``indicator`` with its level; ``observed`` supplies baselines the plan only refers to."""
    statements: list[Statement] = []
    cache: dict[str | None, dict[int, Decimal]] = {}
    for s_index, series in enumerate(indicator.series):
        breakdown = series.breakdown
        if breakdown not in cache:
            cache[breakdown] = stated_baselines(indicator, breakdown)
        seen = (observed or {}).get(breakdown, {})
        for v_index, value in enumerate(series.values):
            level = resolve_level(series, value, plan, cache[breakdown], seen)
            statements.append(Statement(indicator, s_index, v_index, series, value, level,
                                        effective_comparator(series, value)))
    return statements


def target_points(statements: list[Statement], breakdown: str | None) -> dict[int, Statement]:
    """The target that counts for each year of one breakdown.

    Explicit levels and stocks take precedence over relative changes, which take precedence over levels derived
    from quotas of additions; among equals the first statement in the file wins (disagreements are ``GC202``).
    """
    chosen: dict[int, Statement] = {}
    for statement in statements:
        if statement.breakdown != breakdown or statement.kind in ("baseline", "qualitative"):
            continue
        if statement.level is None:
            continue
        current = chosen.get(statement.year)
        if current is None or _EXPLICIT_PRIORITY[statement.kind] < _EXPLICIT_PRIORITY[current.kind]:
            chosen[statement.year] = statement
    return chosen


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
