"""Growth-rate targets judged against published growth rates, with no level: "年均增长5%" against "同比增长6.1%".

A plan often states a growth target (年均增长, 增长x%以上) without the level it grows from, and the statistics
bureau publishes only the year's growth rate. Such a key (a *rate key*: its every numeric target is an annual growth
rate, and the plan states no level for it) is judged on rates when its figures are rates too:

* the year: the growth published for the report year against the target rate (met or not);
* the average: where the rates since the target's base year form a complete chain, their geometric mean
  (:func:`gapcalc.actuals.shapes.place` on an index, base year = 100) against the target rate, with the growth ratio
  and outlook of ``docs/methodology.md`` §6, and the rate every remaining year needs for the average to be met.

Rules and worked examples: ``docs/methodology.md`` §11. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import gapcalc.actuals.shapes as shapes
from gapcalc.engine import formulas
from gapcalc.engine.contracts import RATE_UNIT

__all__ = ["RATE_UNIT", "RateCheck", "RateFigure", "RateTarget", "check"]
RATE_SOURCE = "rate"
"""``target_source`` of a row judged on rates."""


@dataclass(frozen=True)
class RateTarget:
    """A growth target as the plan states it: ``rate`` % a year (signed: −3 for 年均下降3%) from ``since`` to
    ``year``, read with ``comparator`` (``>=`` for 以上)."""

    rate: Decimal
    since: int
    year: int
    comparator: str = "="
    upper: Decimal | None = None


@dataclass(frozen=True)
class RateFigure:
    """A published growth rate: on the previous year (``change_pct``) or on the base year
    (``change_pct_vs_base``); ``as_of`` for part of the year; ``comparator`` for a bound (增长10%以上)."""

    year: int
    value: Decimal
    measure: str
    row: int
    as_of: str = ""
    comparator: str = "="


@dataclass(frozen=True)
class RateCheck:
    """What the rates say of one rate key in one report year."""

    target: RateTarget
    figure: RateFigure | None
    """The latest growth rate of a year (or part of it) up to the report year, on the previous year."""
    status: formulas.Status
    average_pct: float | None = None
    """The average growth since the base year, where the chain of yearly rates is complete."""
    average_year: int | None = None
    """The last year the average covers."""
    required_pct: float | None = None
    """The growth each remaining year needs for the average to reach the target."""
    growth_ratio: float | None = None
    outlook: formulas.Outlook = formulas.Outlook.INSUFFICIENT_DATA

    @property
    def gap_pp(self) -> Decimal | None:
        """The year's rate minus the target rate, in percentage points."""
        return None if self.figure is None else self.figure.value - self.target.rate


def check(target: RateTarget, figures: Sequence[RateFigure], year: int, direction: str) -> RateCheck:
    """The judgement of ``figures`` (any order) against ``target`` in report year ``year``."""
    known = [f for f in figures if f.year <= year]
    whole = [f for f in known if not f.as_of]
    latest = max((f for f in known if f.measure == shapes.CHANGE_PCT), key=lambda f: (f.year, not f.as_of),
                 default=None)
    status = _status(target, latest, year, direction)
    chain = shapes.place({}, [shapes.Figure(f.year, f.value, f.measure, f.row) for f in whole], target.since)
    levels = {y: level for y, (level, _) in chain.levels.items() if y > target.since}
    last = _chain_end(latest, whole)
    if last is None or last not in levels or len(chain.unplaced):
        return RateCheck(target, latest, status)
    average = formulas.cagr(shapes.INDEX_BASE, levels[last], last - target.since)
    if average is None:
        return RateCheck(target, latest, status)
    goal = float(target.rate) / 100
    ratio = formulas.growth_ratio(average, goal, direction)
    required = _required(levels[last], last, target)
    outlook = _outlook(average, goal, ratio, last, target, direction)
    return RateCheck(target, latest, status, 100 * average, last, required, ratio, outlook)


def _chain_end(latest: RateFigure | None, whole: Sequence[RateFigure]) -> int | None:
    """The year the average runs to: the latest whole year with a figure, which must be the year of the latest rate
    (or the year before it, when that is of part of a year): an average is stated only up to the latest figure."""
    if not whole:
        return None
    end = max(f.year for f in whole)
    if latest is not None and end != (latest.year - 1 if latest.as_of else latest.year):
        return None
    return end


def _status(target: RateTarget, figure: RateFigure | None, year: int, direction: str) -> formulas.Status:
    """Met or not by the report year's whole-year rate; no data without one; inconclusive for a bound that cannot
    tell."""
    if figure is None or figure.year != year or figure.as_of:
        return formulas.Status.NO_DATA
    met = formulas.meets(figure.value, target.rate, target.comparator, direction, target.upper)
    if figure.comparator in ("=", ""):
        return formulas.Status.MET if met else formulas.Status.NOT_MET
    if (figure.comparator in (">=", ">")) == (direction == "up"):  # a bound on the favourable side
        return formulas.Status.MET if met else formulas.Status.INCONCLUSIVE
    return formulas.Status.INCONCLUSIVE if met else formulas.Status.NOT_MET


def _required(level: Decimal, last: int, target: RateTarget) -> float | None:
    """The growth in % each year from ``last`` to the target year needs for the average to reach the target."""
    if last >= target.year:
        return None
    goal = float(shapes.INDEX_BASE) * (1 + float(target.rate) / 100) ** (target.year - target.since)
    return formulas.required_cagr_pct(level, goal, last, target.year)


def _outlook(average: float, goal: float, ratio: float | None, last: int, target: RateTarget,
             direction: str) -> formulas.Outlook:
    """Achieved when the average over the whole period meets the target; else the band of the growth ratio."""
    if last >= target.year:
        met = formulas.meets(100 * average, target.rate, target.comparator, direction, target.upper)
        return formulas.Outlook.ACHIEVED if met else formulas.band(ratio if ratio is not None else -1.0)
    if formulas.meets(100 * average, 100 * goal, target.comparator, direction, target.upper):
        return formulas.Outlook.ON_TRACK
    return formulas.band(ratio) if ratio is not None else formulas.Outlook.INSUFFICIENT_DATA
