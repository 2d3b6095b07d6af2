"""The reference engine: the gap report of one plan, one indicator at a time, in plain Python and decimals.

It is not shipped: it is the readable oracle the array engine (:mod:`gapcalc.engine.report`) is held to, byte for
byte, by ``tests/test_rollup_reference.py``.

:func:`build_report` joins what the plan states (resolved by :mod:`gapcalc.plan.resolve`) with what was observed
(:mod:`gapcalc.actuals.parse`) and applies the formulas of :mod:`gapcalc.engine.formulas`; the target that counts
for a year (:func:`target_points`), the attainment of a target stated as a change and the status of a bound are
written out here, as docs/methodology.md §2–4 and §9 give them. Rows are plain dicts in the column order of
:data:`REPORT_COLUMNS`; the public API turns them into a DataFrame, the renderers into text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from gapcalc.actuals import shapes
from gapcalc.actuals.parse import Actual
from gapcalc.engine import formulas, pace, rates
from gapcalc.engine.contracts import ALL_COLUMNS as ALL_COLUMNS
from gapcalc.engine.contracts import EXTRA_COLUMNS as EXTRA_COLUMNS
from gapcalc.engine.contracts import OUTLOOK_KEYS, STATUS_KEYS
from gapcalc.engine.contracts import REPORT_COLUMNS as REPORT_COLUMNS
from gapcalc.plan.compiler import breakdowns_of
from gapcalc.plan.facts import rate_key
from gapcalc.plan.levels import PRIORITY, tidy
from gapcalc.plan.model import Indicator, PlanFile, PlanHeader
from gapcalc.plan.resolve import Statement, change_base_year, change_sign, resolve_indicator, stated_baselines

Row = dict[str, Any]


@dataclass(frozen=True)
class Observation:
    """An observed value for one year (a level, the figure placed on the series' scale), from the actuals or from a
    baseline the plan states (or the index's base point, 100)."""

    year: int
    value: Decimal
    actual: Actual | None  # None: the plan's own baseline


INDEX = Decimal(100)


@dataclass
class Series:
    """A key's observations on one scale, and whether that scale is an index (base year = 100)."""

    observed: dict[int, Observation]
    scale: str  # "" (the indicator's own), "index" (base year = 100) or "additions" (since the base year)
    stated: dict[int, Observation]  # the plan's stated baselines (and the index's base point)


@dataclass(frozen=True)
class _Target:
    level: Decimal | None
    comparator: str
    source: str
    upper: Decimal | None = None


def observed_series(indicator: Indicator, breakdown: str | None, actuals: Mapping[int, Actual],
                    base_year: int) -> Series:
    """Observations of one indicator/breakdown: the plan's stated baselines, overridden by actuals placed on the
    indicator's scale.

    Year by year: a level is itself; a change on the year before (``change_pct``) or a year's additions (``new``)
    apply to the level of the year before (observed or stated); a change on the base year (``change_pct_vs_base``)
    applies to the level of the base year. When neither the plan nor the actuals give any level, changes are put on
    an index whose base year is 100. A figure with nothing to apply to is left out.
    """
    stated = stated_baselines(indicator, breakdown)
    measures = {a.measure for a in actuals.values()}
    own_scale = bool(stated) or "level" in measures
    index = not own_scale and bool(measures & {"change_pct", "change_pct_vs_base"})
    additions = not own_scale and not index and "new" in measures
    series = {year: Observation(year, value, None) for year, value in stated.items()}
    if index or additions:
        series[base_year] = Observation(base_year, INDEX if index else Decimal(0), None)
    stated_points = dict(series)
    levels = {year: o.value for year, o in series.items()}
    for year in sorted(actuals):
        actual = actuals[year]
        before = levels.get(base_year if actual.measure == "change_pct_vs_base" else year - 1)
        if actual.measure == "level":
            level: Decimal | None = actual.value
        elif before is None or (index and actual.measure == "new") or (
                actual.measure == "change_pct_vs_base" and year <= base_year):
            level = None
        elif actual.measure == "new":
            level = before + actual.value
        else:
            level = before * (1 + actual.value / 100)
        if level is not None:
            levels[year] = level
            series[year] = Observation(year, level if actual.measure == "level" else tidy(level), actual)
    return Series(series, "index" if index else "additions" if additions else "", stated_points)


def series_base_year(statements: list[Statement], breakdown: str | None, header: PlanHeader) -> int:
    """The earliest base year the breakdown's stated targets name, else the plan's base year."""
    named = [s.series.base_year for s in statements if s.breakdown == breakdown and s.series.base_year is not None
             and s.kind not in ("baseline", "qualitative") and s.value.value is not None]
    return min(named) if named else header.base_year


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
        if current is None or PRIORITY[statement.kind] < PRIORITY[current.kind]:
            chosen[statement.year] = statement
    return chosen


def _interpolate(year: int, anchors: dict[int, Decimal]) -> Decimal | None:
    earlier = [y for y in anchors if y < year]
    later = [y for y in anchors if y > year]
    if not earlier or not later:
        return None
    y0, y1 = max(earlier), min(later)
    v0, v1 = anchors[y0], anchors[y1]
    return tidy(v0 + (v1 - v0) * Decimal(year - y0) / Decimal(y1 - y0))


def _target_for(year: int, points: dict[int, Statement], baseline: Observation | None) -> _Target:
    if year in points:
        point = points[year]
        return _Target(point.level, point.comparator, "plan", point.value.upper)
    anchors = {y: p.level for y, p in points.items() if p.level is not None}
    if baseline is not None and all(baseline.year < y for y in anchors):
        anchors[baseline.year] = baseline.value
    interpolated = _interpolate(year, anchors)
    if interpolated is not None:
        return _Target(interpolated, "=", "interpolated")
    if points and year > max(points):
        final = points[max(points)]
        return _Target(final.level, final.comparator, "final", final.value.upper)
    return _Target(None, "", "none")


def baseline_observation(header: PlanHeader, points: dict[int, Statement], observed: dict[int, Observation],
                         report_year: int, stated: dict[int, Observation]) -> Observation | None:
    """The baseline: the plan's own stated baseline (of the base year, else the last before it, else the first
    after it up to ``report_year``); else the observation of the base year, else the first later one up to
    ``report_year``."""
    change_years = [p.series.base_year for p in points.values() if p.series.base_year is not None]
    base_year = min(change_years) if change_years else header.base_year
    if base_year in stated:
        return stated[base_year]
    if any(y < base_year for y in stated):
        return stated[max(y for y in stated if y < base_year)]
    for candidates in (stated, {y: o for y, o in observed.items() if o.actual is not None}):
        if base_year in candidates:
            return candidates[base_year]
        later = sorted(y for y in candidates if base_year < y <= report_year)
        if later:
            return candidates[later[0]]
    return None


def _latest(observed: dict[int, Observation], year: int) -> Observation | None:
    """The last observed figure up to ``year`` (never a baseline the plan states)."""
    years = [y for y, o in observed.items() if y <= year and o.actual is not None]
    return observed[max(years)] if years else None


def _period_total_observation(points: dict[int, Statement], observed: dict[int, Observation],
                              year: int) -> Observation | None:
    """For a period total, the actual is the sum of the period's flows so far (every year must be present)."""
    final = points[max(points)]
    period = final.series.period or [final.year, final.year]
    last = min(year, period[1])
    years = range(period[0], last + 1)
    if last < period[0] or any(y not in observed for y in years):
        return None
    return Observation(last, sum((observed[y].value for y in years), Decimal(0)), observed[last].actual)


def _fmt_row(values: Mapping[str, Any]) -> Row:
    return {column: values.get(column) for column in ALL_COLUMNS}


def _identity(plan: PlanFile, indicator: Indicator, breakdown: str | None, year: int) -> dict[str, Any]:
    """The columns that say which indicator, breakdown and year a row is about."""
    row: dict[str, Any] = {
        "plan": plan.plan.id, "indicator": indicator.id, "name_zh": indicator.name_zh, "breakdown": breakdown,
        "unit": indicator.unit, "direction": indicator.direction, "year": year, "subplan": indicator.subplan,
        "name_en": indicator.name_en,
    }
    member = next((b for b in indicator.breakdowns if b.key == breakdown), None)
    if member is not None:
        row.update(breakdown_zh=member.name_zh, breakdown_en=member.name_en or member.key)
    return row


def _anchors(header: PlanHeader, points: dict[int, Statement], observed: dict[int, Observation],
             year: int, stated: dict[int, Observation]
             ) -> tuple[Observation | None, Observation | None, Observation | None]:
    """(baseline, latest actual, actual of the year itself); for a period total, sums of the period's flows."""
    if points and points[max(points)].kind == "period_total":
        final = points[max(points)]
        start = final.series.period[0] if final.series.period else final.year
        actual = _period_total_observation(points, observed, year)
        exact = actual if actual is not None and actual.year == year and not (
            actual.actual is not None and actual.actual.as_of) else None
        return Observation(start - 1, Decimal(0), None), actual, exact
    exact = observed.get(year)
    return baseline_observation(header, points, observed, year, stated), _latest(observed, year), (
        exact if exact is not None and exact.actual is not None and not exact.actual.as_of else None)


def report_rows_for(plan: PlanFile, indicator: Indicator, breakdown: str | None, year: int,
                    actuals: Mapping[int, Actual]) -> Row:
    """The report row of one indicator/breakdown."""
    kinds = [s.kind for s in indicator.series if s.breakdown == breakdown and s.kind not in ("baseline", "qualitative")]
    if shapes.judged_on_rates(rate_key(kinds, bool(stated_baselines(indicator, breakdown))),
                              [a.measure for a in actuals.values()]):
        return _with_pace(_rate_row(plan, indicator, breakdown, year, actuals), None, {"annual_growth"}, True)
    base_year = series_base_year(resolve_indicator(indicator, plan.plan), breakdown, plan.plan)
    series = observed_series(indicator, breakdown, actuals, base_year)
    observed = series.observed
    statements = resolve_indicator(indicator, plan.plan, {breakdown: {y: o.value for y, o in observed.items()}})
    points = target_points(statements, breakdown)
    row = _identity(plan, indicator, breakdown, year)
    if series.scale:
        row["unit"] = f"index ({base_year}=100)" if series.scale == "index" else f"additions since {base_year}"
    qualitative = [s for s in statements if s.kind == "qualitative" and s.breakdown == breakdown]
    if qualitative:
        row["target_text"] = "; ".join(s.value.text or "" for s in qualitative)
    baseline, actual, exact = _anchors(plan.plan, points, observed, year, series.stated)
    target = _target_for(year, points, baseline)
    row.update(target=target.level, comparator=target.comparator or None, target_source=target.source)
    if actual is not None:
        row.update(actual=actual.value, actual_year=actual.year)
        if actual.actual is not None:
            row.update(source=actual.actual.source or None, source_title=actual.actual.source_title or None,
                       note=actual.actual.note or None, as_of=actual.actual.as_of or None,
                       actual_comparator=None if actual.actual.comparator == "=" else actual.actual.comparator,
                       scope=actual.actual.scope or None, note_en=actual.actual.note_en or None,
                       published=actual.actual.published or None, revision=actual.actual.revision or None)
    if baseline is not None:
        row.update(baseline=baseline.value, baseline_year=baseline.year)
    relative = bool(points) and points[max(points)].kind in RELATIVE_KINDS
    _status(row, target, exact, indicator, relative)
    if points:
        final = points[max(points)]
        row.update(final_year=final.year, final_target=final.level)
        _progress(row, indicator, final, baseline, actual)
    elif target.source == "none" and not qualitative:
        stated = any(s.kind != "baseline" for s in statements if s.breakdown == breakdown)
        row["target_source"] = "unresolved" if stated else "none"
    kinds_stated = {s.kind for s in statements if s.breakdown == breakdown
                    and s.kind not in ("baseline", "qualitative") and s.value.value is not None}
    return _with_pace(_fmt_row(row), _target_for(year - 1, points, baseline).level, kinds_stated, False)


def _rate_row(plan: PlanFile, indicator: Indicator, breakdown: str | None, year: int,
              actuals: Mapping[int, Actual]) -> Row:
    """The row of a growth target judged on growth rates (docs/methodology.md §11)."""
    statements = resolve_indicator(indicator, plan.plan)
    growth = sorted((s for s in statements
                     if s.breakdown == breakdown and s.kind == "annual_growth" and s.value.value is not None),
                    key=lambda s: s.year)
    chosen = next((s for s in growth if s.year >= year), growth[-1])
    assert chosen.value.value is not None
    target = rates.RateTarget(change_sign(chosen.series) * chosen.value.value,
                              change_base_year(chosen.series, plan.plan), chosen.year, chosen.comparator or "=",
                              chosen.value.upper)
    figures = [rates.RateFigure(a.year, a.value, a.measure, a.row, a.as_of, a.comparator) for a in actuals.values()]
    judged = rates.check(target, figures, year, indicator.direction)
    row = _identity(plan, indicator, breakdown, year)
    qualitative = [s for s in statements if s.kind == "qualitative" and s.breakdown == breakdown]
    if qualitative:
        row["target_text"] = "; ".join(s.value.text or "" for s in qualitative)
    row.update(unit=rates.RATE_UNIT, target=target.rate, comparator=target.comparator, target_source="rate",
               baseline_year=target.since, final_year=target.year, final_target=target.rate,
               status=judged.status.value, outlook=judged.outlook.value, gap=judged.gap_pp,
               required_cagr_pct=judged.required_pct, observed_cagr_pct=judged.average_pct,
               growth_ratio=judged.growth_ratio)
    figure = judged.figure
    if figure is not None:
        actual = next(a for a in actuals.values() if a.row == figure.row)
        row.update(actual=figure.value, actual_year=figure.year, as_of=figure.as_of or None,
                   actual_comparator=None if figure.comparator == "=" else figure.comparator,
                   source=actual.source or None, source_title=actual.source_title or None, note=actual.note or None,
                   scope=actual.scope or None, note_en=actual.note_en or None, published=actual.published or None,
                   revision=actual.revision or None)
    return _fmt_row(row)


def _with_pace(row: Row, before: Decimal | None, kinds: set[str], on_rates: bool) -> Row:
    """The in-year cells of a figure of part of the report year (docs/methodology.md §12)."""
    figure, target, as_of = row.get("actual"), row.get("target"), row.get("as_of")
    if not as_of or row.get("actual_year") != row["year"] or figure is None or target is None:
        return row
    judged = pace.reading(str(row["unit"]), on_rates, kinds, figure, target, before, as_of, str(row["direction"]))
    if judged is None:
        return row
    row.update(in_year_kind=judged.kind, elapsed_pct=judged.elapsed_pct, done_pct=judged.done_pct,
               in_year_expected=judged.expected, pace_pp=judged.pace_pp, warning=judged.warning,
               in_year_method=judged.method, in_year_start=judged.start)
    if judged.kind == "flow":
        row.update(attainment_pct=None, progress_pct=None, observed_cagr_pct=None, growth_ratio=None, gap=None,
                   required_cagr_pct=None, required_change_per_year=None, outlook="insufficient_data")
    return row


RELATIVE_KINDS = ("change_vs_baseline", "pp_change", "annual_growth")


def change_attainment_pct(actual: Decimal, baseline: Decimal, target: Decimal) -> float | None:
    """完成率 of a target stated as a change: the share of the stated change achieved, 100·(actual − baseline) /
    (target − baseline) — a target of −18 % with −16 % achieved is 88.9 %; None when the target is no change."""
    distance = float(target) - float(baseline)
    if distance == 0:
        return None
    return 100.0 * (float(actual) - float(baseline)) / distance


def bounded_status(met: bool, bound: str, direction: str) -> formulas.Status:
    """The status of a figure that is exact (``=``) or a bound: a lower bound (``>=``/``>``, 超/余/以上) of an
    indicator where higher is better decides only when it already meets the target (it can only be higher); where
    lower is better, only when it already fails it. An upper bound the other way round. Else ``inconclusive``."""
    if bound not in (">=", ">", "<=", "<"):
        return formulas.Status.MET if met else formulas.Status.NOT_MET
    favourable = (bound in (">=", ">")) == (direction == "up")
    if met == favourable:
        return formulas.Status.MET if met else formulas.Status.NOT_MET
    return formulas.Status.INCONCLUSIVE


def _status(row: Row, target: _Target, exact: Observation | None, indicator: Indicator, relative: bool) -> None:
    if target.level is None:
        row["status"] = formulas.Status.NOT_ASSESSED.value
        return
    actual = row.get("actual")
    if actual is not None:
        row["gap"] = actual - target.level
        if relative:
            baseline = row.get("baseline")
            row["attainment_pct"] = None if baseline is None else change_attainment_pct(
                actual, baseline, target.level)
        else:
            row["attainment_pct"] = formulas.attainment_pct(actual, target.level, indicator.direction)
    if exact is None:
        row["status"] = formulas.Status.NO_DATA.value
        return
    met = formulas.meets(exact.value, target.level, target.comparator, indicator.direction, target.upper)
    bound = exact.actual.comparator if exact.actual is not None else "="
    row["status"] = bounded_status(met, bound, indicator.direction).value


def _progress(row: Row, indicator: Indicator, final: Statement, baseline: Observation | None,
              actual: Observation | None) -> None:
    final_target = final.level
    assert final_target is not None
    if actual is not None and baseline is not None:
        row["progress_pct"] = formulas.progress_pct(actual.value, baseline.value, final_target)
        row["time_elapsed_pct"] = formulas.time_elapsed_pct(actual.year, baseline.year, final.year)
        row["observed_cagr_pct"] = formulas.observed_cagr_pct(baseline.value, actual.value, baseline.year, actual.year)
    if actual is not None:
        row["required_cagr_pct"] = formulas.required_cagr_pct(actual.value, final_target, actual.year, final.year)
        row["required_change_per_year"] = formulas.required_change_per_year(actual.value, final_target, actual.year,
                                                                            final.year)
    outlook, ratio = formulas.outlook(
        baseline=baseline.value if baseline else None, baseline_year=baseline.year if baseline else None,
        actual=actual.value if actual else None, actual_year=actual.year if actual else None,
        final_target=final_target, final_year=final.year, direction=indicator.direction,
        final_comparator=final.comparator, final_upper=final.value.upper, arithmetic=final.kind == "pp_change",
    )
    row["outlook"] = outlook.value
    row["growth_ratio"] = ratio


def build_report(plan: PlanFile, year: int, actuals: Iterable[Actual]) -> list[Row]:
    """The report rows of ``plan`` for ``year``."""
    index: dict[tuple[str, str | None], dict[int, Actual]] = {}
    for actual in actuals:
        index.setdefault((actual.indicator, actual.breakdown), {})[actual.year] = actual
    rows = []
    for indicator in plan.indicators:
        for breakdown in breakdowns_of(indicator):
            rows.append(report_rows_for(plan, indicator, breakdown, year, index.get((indicator.id, breakdown), {})))
    return rows


def summarise_rows(plan: PlanFile, year: int, rows: list[Row]) -> list[dict[str, Any]]:
    """Counts per subplan (in the plan's order) and for the whole plan, from report rows: the reference for
    :func:`gapcalc.engine.summary.summarise`."""
    def count(mine: list[Row]) -> dict[str, Any]:
        counts: dict[str, Any] = dict.fromkeys(STATUS_KEYS + OUTLOOK_KEYS, 0)
        for row in mine:
            counts[row["status"]] += 1
            if row.get("outlook") in counts:
                counts[row["outlook"]] += 1
        assessed = counts["met"] + counts["not_met"]
        counts.update(rows=len(mine), assessed=assessed,
                      met_share_pct=100.0 * counts["met"] / assessed if assessed else None)
        counts.update({f"warning_{level}": sum(r.get("warning") == level for r in mine)
                       for level in ("red", "yellow", "green")})
        return counts

    names = {s.id: s.name_zh for s in plan.subplans}
    order = [s.id for s in plan.subplans] + sorted({r.get("subplan") or "" for r in rows} - set(names) - {""})
    out = [{"plan": plan.plan.id, "subplan": s, "subplan_name": names.get(s, s), "year": year,
            **count([r for r in rows if r.get("subplan") == s])} for s in order
           if any(r.get("subplan") == s for r in rows)]
    out.append({"plan": plan.plan.id, "subplan": "*", "subplan_name": plan.plan.name_zh, "year": year,
                **count(rows)})
    return out
