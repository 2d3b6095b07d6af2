"""The data of an indicator's chart: baseline, milestones, plan path, actuals, required path and projection.

:func:`build_trajectory` computes, for one indicator (and breakdown) of a plan, every series ``gapcalc chart``
draws, from the engine: targets and observations of the report key (:func:`gapcalc.engine.report.key_series`), the
baseline of the report row, the growth rates of :mod:`gapcalc.engine.formulas` (``docs/methodology.md``).

* the plan path joins the baseline and the milestones with straight lines — the engine's linear interpolation;
* the required path runs from the latest actual to the final target, geometric at the required CAGR where that is
  defined, else linear at the required change per year; it is left out once the final target is met;
* the projection carries the latest actual forward to the final year at the CAGR observed since the baseline, and
  is left out where that rate is undefined.

Stated numbers stay :class:`~decimal.Decimal`; computed paths are floats. Nothing here draws.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

import numpy as np

from gapcalc.actuals.columns import PlanActuals, batch_of
from gapcalc.engine import formulas
from gapcalc.engine.contracts import COMPARATOR_SIGNS
from gapcalc.engine.report import key_series, report_batch
from gapcalc.engine.statement import counted
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.plan.compiled import KIND_CODES, CompiledPlan
from gapcalc.plan.levels import printed

_LOWER_BOUND = re.compile(r"lower bound|下限")
_APPROXIMATION = re.compile(r"approximat|proxy|estimate|近似")
RateFormula = Callable[[Decimal, Decimal, int, int], float | None]


class Point(NamedTuple):
    """A stated or observed value for one year."""

    year: int
    value: Decimal


class PathPoint(NamedTuple):
    """A computed value for one year (required path, projection)."""

    year: int
    value: float


class Milestone(NamedTuple):
    """A target the plan states for one year, resolved to a level, with its comparator (``=``, ``>``, …)."""

    year: int
    level: Decimal
    comparator: str
    upper: Decimal | None = None

    @property
    def label(self) -> str:
        """The target as a reader writes it: ``50``, ``>50``, ``≥30``, ``≈7``, ``1–2``."""
        if self.comparator == "range" and self.upper is not None:
            return f"{printed(self.level)}–{printed(self.upper)}"
        return COMPARATOR_SIGNS.get(self.comparator, self.comparator) + printed(self.level)


class ActualPoint(NamedTuple):
    """An observed value with the note of its actuals row (empty when it has none)."""

    year: int
    value: Decimal
    note: str

    @property
    def note_kind(self) -> str:
        """``lower_bound``, ``approximation``, ``note`` or ``""``: how far the figure can be taken literally."""
        return note_kind(self.note)


class IndicatorNames(NamedTuple):
    """What a chart says of its indicator."""

    id: str
    name_zh: str
    name_en: str
    unit: str
    direction: str


@dataclass(frozen=True)
class Trajectory:
    """Everything ``gapcalc chart`` draws for one indicator and breakdown."""

    plan: CompiledPlan
    indicator: IndicatorNames
    breakdown: str | None
    breakdown_name_zh: str | None
    breakdown_name_en: str | None
    baseline: Point | None
    milestones: tuple[Milestone, ...]
    plan_path: tuple[Point, ...]
    actuals: tuple[ActualPoint, ...]
    required_path: tuple[PathPoint, ...]
    required_cagr_pct: float | None
    required_change_per_year: float | None
    projection: tuple[PathPoint, ...]
    observed_cagr_pct: float | None

    @property
    def final(self) -> Milestone:
        """The final target: the last milestone."""
        return self.milestones[-1]

    @property
    def latest(self) -> ActualPoint | None:
        """The latest actual, the start of the required path and of the projection."""
        return self.actuals[-1] if self.actuals else None


def note_kind(note: str) -> str:
    """Classify the note of an actual: ``lower_bound`` (超300家), ``approximation`` (proxy, estimate), ``note``."""
    text = note.lower()
    if not text.strip():
        return ""
    if _LOWER_BOUND.search(text):
        return "lower_bound"
    if _APPROXIMATION.search(text):
        return "approximation"
    return "note"


def find_key(plan: CompiledPlan, indicator_id: str, breakdown: str | None) -> int:
    """The report key of ``indicator_id`` (and ``breakdown``: the headline figure by default) in ``plan``; a
    GapcalcError with a did-you-mean hint for an unknown indicator or breakdown."""
    keys = plan.key_rows()
    mine = {row["breakdown"]: index for index, row in enumerate(keys) if row["indicator"] == indicator_id}
    if not mine:
        names: dict[str, str] = {}
        for row in keys:
            for name in (row["name_zh"], row["name_en"], row["indicator"]):
                names[name] = row["indicator"]
        close = sorted({r["indicator"] for r in keys if indicator_id in r["indicator"]})[:1] or \
            difflib.get_close_matches(indicator_id, list(names), n=1)
        listing = t("`gapcalc targets {id}` lists every indicator", id=plan.id)
        hint = t("did you mean '{close}'? ({choices})", close=names[close[0]], choices=listing) if close else listing
        raise GapcalcError(t("no indicator '{indicator_id}' in plan {id}", indicator_id=indicator_id, id=plan.id),
                           hint)
    known = [b for b in mine if b is not None]
    if breakdown is None:
        if None in mine or not known:
            return mine[None]
        raise GapcalcError(t("indicator '{indicator_id}' of plan {id} has no headline figure",
                             indicator_id=indicator_id, id=plan.id),
                           t("choose one with --breakdown: {breakdowns}", breakdowns=", ".join(known)))
    if breakdown in known:
        return mine[breakdown]
    close = difflib.get_close_matches(breakdown, known, n=1)
    choices = t("breakdowns: {breakdowns}", breakdowns=", ".join(known)) if known else \
        t("it has none; leave out --breakdown")
    hint = t("did you mean '{close}'? ({choices})", close=close[0], choices=choices) if close else choices
    raise GapcalcError(t("no breakdown '{breakdown}' of indicator '{indicator_id}' in plan {id}",
                         breakdown=breakdown, indicator_id=indicator_id, id=plan.id), hint)


def no_target_error(plan: CompiledPlan, key: dict[str, Any], shown: str) -> GapcalcError:
    """Why there is nothing to draw: a qualitative target, a target relative to an unknown baseline, or none."""
    listing = t("`gapcalc targets {id}` shows the level of every target", id=plan.id)
    if key["target_text"] and not key["numeric"]:
        return GapcalcError(t("indicator '{shown}' is qualitative ({target_text}): there is no number to draw",
                              shown=shown, target_text=key["target_text"]),
                            t("chart an indicator with a numeric target; {listing}", listing=listing))
    if key["stated"]:
        return GapcalcError(t("indicator '{shown}' has no numeric target yet: its targets are relative to a "
                              "baseline or stock that is not known", shown=shown),
                            t("add the {base_year} value to the actuals file; {listing}",
                              base_year=plan.base_year, listing=listing))
    return GapcalcError(t("indicator '{shown}' has no numeric target: the plan states only its baseline",
                          shown=shown), listing)


def plan_path(baseline: Point | None, milestones: Iterable[Milestone]) -> tuple[Point, ...]:
    """Baseline → milestones: the anchors the engine interpolates between (the baseline only if it comes first)."""
    anchors = [Point(m.year, m.level) for m in milestones]
    if baseline is not None and all(baseline.year < a.year for a in anchors):
        anchors.insert(0, baseline)
    return tuple(sorted(anchors))


def required_path(latest: ActualPoint, final: Milestone, direction: str,
                  linear: bool = False) -> tuple[PathPoint, ...]:
    """Latest actual → final target, geometric where the required CAGR is defined, else (and for a count,
    ``linear``: things a year, never a growth rate) linear; empty once met."""
    years = final.year - latest.year
    if years <= 0 or formulas.meets(latest.value, final.level, final.comparator, direction, final.upper):
        return ()
    start = float(latest.value)
    rate = None if linear else formulas.cagr(latest.value, final.level, years)
    if rate is not None:
        return tuple(PathPoint(latest.year + k, start * (1.0 + rate) ** k) for k in range(years + 1))
    step = (float(final.level) - start) / years
    return tuple(PathPoint(latest.year + k, start + step * k) for k in range(years + 1))


def projection(baseline: Point | None, latest: ActualPoint, final_year: int) -> tuple[PathPoint, ...]:
    """Latest actual → final year at the CAGR observed since the baseline; empty where that rate is undefined."""
    if baseline is None or final_year <= latest.year:
        return ()
    observed = latest.year - baseline.year
    points = []
    for ahead in range(final_year - latest.year + 1):
        value = formulas.projected_value(baseline.value, latest.value, observed, ahead)
        if value is None:
            return ()
        points.append(PathPoint(latest.year + ahead, value))
    return tuple(points)


def build_trajectory(plan: CompiledPlan, indicator_id: str, breakdown: str | None,
                     actuals: PlanActuals) -> Trajectory:
    """The chart data of ``indicator_id`` (and ``breakdown``) of ``plan`` given the plan's actuals.

    A GapcalcError for an unknown indicator or breakdown, and for an indicator without a numeric target
    (qualitative, relative to a baseline not known yet, or a period total, which is not a level).
    """
    index = find_key(plan, indicator_id, breakdown)
    key = plan.key_rows()[index]
    shown = indicator_id if key["breakdown"] is None else f"{indicator_id} · {key['breakdown']}"
    batch = batch_of([actuals])
    series = key_series([plan], batch, index)
    if not series.milestones:
        raise no_target_error(plan, key, shown)
    if KIND_CODES[series.milestones[-1][4]] == "period_total":
        raise GapcalcError(t("indicator '{shown}' has a period total as its target: the chart "
                             "draws levels, not sums of annual flows", shown=shown),
                           t("`gapcalc report {id} YEAR` compares the sum so far with its pro-rata share",
                             id=plan.id))
    milestones = tuple(Milestone(year, level, comparator, upper) for year, level, comparator, upper, _ in
                       series.milestones)
    final = milestones[-1]
    notes = actuals.columns["note"]
    actual_points = tuple(ActualPoint(year, value, notes[row].strip()) for year, value, row in series.observed
                          if row >= 0)
    report_year = max([final.year, *(year for year, _, _ in series.observed)])
    row = report_batch([plan], batch, report_year).take(np.array([index])).rows()[0]
    baseline = Point(row["baseline_year"], row["baseline"]) if row["baseline"] is not None else None
    latest = actual_points[-1] if actual_points else None
    return Trajectory(
        plan=plan,
        indicator=IndicatorNames(key["indicator"], key["name_zh"], key["name_en"], key["unit"], key["direction"]),
        breakdown=key["breakdown"], breakdown_name_zh=key["breakdown_zh"] or key["breakdown"],
        breakdown_name_en=key["breakdown_en"] or key["breakdown"],
        baseline=baseline, milestones=milestones, plan_path=plan_path(baseline, milestones), actuals=actual_points,
        required_path=required_path(latest, final, key["direction"], counted(str(key["unit"]))) if latest else (),
        required_cagr_pct=_rate(latest, final, formulas.required_cagr_pct),
        required_change_per_year=_rate(latest, final, formulas.required_change_per_year),
        projection=projection(baseline, latest, final.year) if latest else (),
        observed_cagr_pct=(formulas.observed_cagr_pct(baseline.value, latest.value, baseline.year, latest.year)
                           if baseline and latest else None),
    )


def _rate(latest: ActualPoint | None, final: Milestone, formula: RateFormula) -> float | None:
    if latest is None:
        return None
    return formula(latest.value, final.level, latest.year, final.year)

