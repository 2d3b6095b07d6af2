"""Resolving what a plan states into levels in the indicator's own unit.

A document states numbers in many ways: a level ("32%"), a stock ("600家"), a quota of additions ("新增3个"), a
relative change ("下降18%"), a change in percentage points ("提高5个百分点"), an average growth rate ("年均增长10%"),
a period total. :func:`resolve_indicator` turns every stated number into a :class:`Statement` whose ``level`` is the
target expressed in the indicator's unit, so that it can be compared with an observed value. Formulas are documented
in ``docs/methodology.md`` §2.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from gapcalc.plan.levels import derive_level, level_or_none
from gapcalc.plan.model import CHANGE_KINDS, Indicator, PlanHeader, Series, Value

Observed = Mapping[int, Decimal]
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


class Statement(NamedTuple):
    """One number of the document, with its resolved level (a named tuple: a plan states hundreds of numbers, and
    the compiler makes one of each)."""

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


def change_sign(series: Series) -> int:
    """-1 for a stated decrease, else +1."""
    return -1 if series.change == "decrease" else 1


def resolve_level(series: Series, value: Value, plan: PlanHeader, baselines: Mapping[int, Decimal],
                  observed: Observed) -> Decimal | None:
    """The level in the indicator's unit that one stated number means, or None when it cannot be resolved."""
    if value.value is None or series.kind == "qualitative":
        return None
    if series.kind in ("baseline", "level", "cumulative", "period_total"):
        return value.value
    if series.kind == "new_in_year":
        stock = _stock_before(baselines, observed, first_quota_year(series))
        return None if stock is None else derive_level(series.kind, quota_total(series, value.year), 1, stock, 0)
    base_year = change_base_year(series, plan)
    base = _base(baselines, observed, base_year)
    if base is None:
        return None
    return level_or_none(series.kind, value.value, change_sign(series), base, change_years(series, value, base_year))


def first_quota_year(series: Series) -> int:
    """The first year of a quota series: its stock is the last observation before it."""
    return min(v.year for v in series.values)


def quota_total(series: Series, year: int) -> Decimal:
    """The additions a quota series states up to and including ``year``."""
    return sum((v.value for v in series.values if v.year <= year and v.value is not None), Decimal(0))


def change_base_year(series: Series, plan: PlanHeader) -> int:
    """The year a relative change is measured from: the series' ``base_year``, else the plan's."""
    return series.base_year if series.base_year is not None else plan.base_year


def change_years(series: Series, value: Value, base_year: int) -> int:
    """Years of compounding (``annual_growth``) or of per-year steps (``pp_change`` with ``per_year``)."""
    if series.kind == "pp_change" and not series.per_year:
        return 1
    return value.year - base_year


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
