"""The data of each indicator's chart, from report rows and the plan's targets and actuals.

:func:`chart_from_row` uses the report row alone (baseline, latest actual, final target). :func:`plan_charts` adds
every milestone the plan states (``gapcalc.api.targets``) and every observed value (``gapcalc.api.load_actuals``).
:func:`report_extra` is what the report command hands the page renderer with its
:class:`~gapcalc.render.document.Document`: each row's chart computed by the engine from the same compiled plan and
actuals as the row (:func:`gapcalc.engine.report.batch_series`), the plans' names and their subplans' names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gapcalc.plan.compiled import KIND_CODES
from gapcalc.render.cells import cell_text
from gapcalc.render.rows import Row, row_key
from gapcalc.render.svg import ChartData, Mark

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.report import KeySeries
    from gapcalc.engine.run import BatchReport

Key = tuple[str, str]
COMPARATOR_SIGNS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "≈", "range": ""}
UNCHARTED_KINDS = frozenset({"baseline", "qualitative", "period_total"})
KIND_PREFERENCE = {"level": 0, "cumulative": 0}
"""Several statements for one year: explicit levels and stocks first, as the report does."""
_HOLLOW = re.compile(r"lower bound|下限|approximat|proxy|estimate|近似|预计", re.IGNORECASE)


def is_hollow(note: str | None) -> bool:
    """True when an actual's note says it is a lower bound, an approximation, a proxy or an estimate."""
    return bool(note and _HOLLOW.search(note))


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _mark(year: Any, value: Any, label: str = "", hollow: bool = False) -> Mark | None:
    number = _decimal(value)
    if year is None or number is None:
        return None
    return Mark(int(year), number, label, hollow)


def final_mark(row: Mapping[str, Any]) -> Mark | None:
    """The final target of a row, labelled ``2025: ≥65``."""
    comparator = COMPARATOR_SIGNS.get(str(row.get("comparator") or "="), "")
    label = f"{row.get('final_year')}: {comparator}{cell_text(row.get('final_target'))}"
    return _mark(row.get("final_year"), row.get("final_target"), label)


def chart_from_row(row: Mapping[str, Any]) -> ChartData:
    """Baseline, the latest actual and the final target of one report row."""
    baseline = _mark(row.get("baseline_year"), row.get("baseline"))
    actual = _mark(row.get("actual_year"), row.get("actual"), cell_text(row.get("actual")), is_hollow(row.get("note")))
    final = final_mark(row)
    actuals = () if actual is None or (baseline is not None and actual == baseline) else (actual,)
    milestones = (final,) if final is not None else ()
    return ChartData(baseline, milestones, actuals, final, _int(row.get("year")))


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def milestone_marks(target_rows: Iterable[Mapping[str, Any]]) -> dict[Key, tuple[Mark, ...]]:
    """Per indicator and breakdown, one resolved level per year (levels and stocks before derived ones)."""
    chosen: dict[Key, dict[int, tuple[int, Mark]]] = {}
    for order, row in enumerate(target_rows):
        if row.get("kind") in UNCHARTED_KINDS or row.get("level") is None or row.get("year") is None:
            continue
        sign = COMPARATOR_SIGNS.get(str(row.get("comparator") or "="), "")
        mark = _mark(row["year"], row["level"], f"{row['year']}: {sign}{cell_text(row['level'])}")
        assert mark is not None
        rank = KIND_PREFERENCE.get(str(row.get("kind")), 1) * 100000 + order
        years = chosen.setdefault(row_key(row), {})
        if mark.year not in years or rank < years[mark.year][0]:
            years[mark.year] = (rank, mark)
    return {key: tuple(years[y][1] for y in sorted(years)) for key, years in chosen.items()}


def actual_marks(actual_rows: Iterable[Mapping[str, Any]]) -> dict[Key, tuple[Mark, ...]]:
    """Per indicator and breakdown, the observed values in year order (the last row of a year wins)."""
    found: dict[Key, dict[int, Mark]] = {}
    for row in actual_rows:
        mark = _mark(row.get("year"), row.get("value"), cell_text(row.get("value")), is_hollow(row.get("note")))
        if mark is not None:
            found.setdefault(row_key(row), {})[mark.year] = mark
    return {key: tuple(years[y] for y in sorted(years)) for key, years in found.items()}


def plan_chart(row: Mapping[str, Any], milestones: Sequence[Mark], actuals: Sequence[Mark]) -> ChartData:
    """The chart of a row with every milestone and actual of its plan."""
    year = row.get("year")
    actuals = [a for a in actuals if year is None or a.year <= int(year)]
    if not milestones and not actuals:
        return chart_from_row(row)
    baseline = _mark(row.get("baseline_year"), row.get("baseline"))
    return ChartData(baseline, tuple(milestones), tuple(actuals), final_mark(row), _int(row.get("year")))


def plan_charts(rows: Sequence[Row], target_rows: Sequence[Row], actual_rows: Sequence[Row]) -> dict[Key, ChartData]:
    """Every row's chart with the plan's milestones and actuals."""
    milestones, actuals = milestone_marks(target_rows), actual_marks(actual_rows)
    return {row_key(r): plan_chart(r, milestones.get(row_key(r), ()), actuals.get(row_key(r), ())) for r in rows}


def agrees(row: Mapping[str, Any], chart: ChartData) -> bool:
    """True when ``chart`` shows the row's own final target and latest actual."""
    final = final_mark(row)
    shown_finals = [*chart.milestones, *([chart.final] if chart.final else [])]
    if final is not None and not any(m.year == final.year and m.value == final.value for m in shown_finals):
        return False
    actual = _mark(row.get("actual_year"), row.get("actual"))
    if actual is None:
        return not chart.actuals or all(m.year > int(row.get("year") or 0) for m in chart.actuals)
    shown = [*chart.actuals, *([chart.baseline] if chart.baseline else [])]
    latest = max((m for m in shown if m.year <= actual.year), key=lambda m: m.year, default=None)
    return latest is not None and latest.year == actual.year and latest.value == actual.value


def engine_chart(row: Mapping[str, Any], series: KeySeries, notes: Sequence[str]) -> ChartData:
    """The chart of a report row from the engine's series of its key: every milestone that counts (period totals,
    which are sums rather than levels, left out) and every observed value up to the report's year — the actuals
    and the values the plan states for years other than the row's baseline (``notes`` are the batch's actuals
    notes, indexed by actuals row)."""
    milestones = []
    for year, level, comparator, _, kind in series.milestones:
        if KIND_CODES[kind] in UNCHARTED_KINDS:
            continue
        milestones.append(Mark(year, level, f"{year}: {COMPARATOR_SIGNS.get(comparator, '')}{cell_text(level)}"))
    report_year, baseline = _int(row.get("year")), _int(row.get("baseline_year"))
    actuals = tuple(Mark(year, value, cell_text(value), line >= 0 and is_hollow(notes[line]))
                    for year, value, line in series.observed
                    if (line >= 0 or year != baseline) and (report_year is None or year <= report_year))
    return plan_chart(row, milestones, actuals)


def report_extra(report: BatchReport) -> dict[str, Any]:
    """What a page needs besides the rows of ``report``: ``charts`` keyed ``(plan, indicator, breakdown)``,
    ``plans`` (each plan's names, document and period) and ``subplans`` keyed ``(plan, subplan)`` → (zh, en)."""
    from gapcalc.actuals.fast import batch_of
    from gapcalc.engine.report import batch_series

    rows = report.columns.rows()
    batch = batch_of(report.actuals)
    notes = [str(n or "") for n in batch.columns["note"]]
    charts = {(str(row["plan"]), *row_key(row)): engine_chart(row, series, notes)
              for row, series in zip(rows, batch_series(report.plans, batch), strict=True)}
    plans = {p.id: {"name_zh": p.name_zh, "name_en": p.name_en, "region_zh": p.region_zh,
                    "region_en": p.region_en, "document": p.document, "period": p.period} for p in report.plans}
    subplans = {(p.id, s[0]): (s[1], s[2]) for p in report.plans for s in p.subplans}
    return {"charts": charts, "plans": plans, "subplans": subplans}
