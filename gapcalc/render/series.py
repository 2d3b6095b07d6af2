"""The data of each indicator's chart, from report rows and — where available — the plan's targets and actuals.

:func:`chart_from_row` uses the report row alone (baseline, latest actual, final target). :func:`plan_charts` adds
every milestone the plan states (``gapcalc.api.targets``) and every observed value (``gapcalc.api.load_actuals``).
:func:`workspace_charts` is for renderers given rows only: it reads the plan's files from the default locations and
uses them for a row only when they agree with it (same final target, same latest actual), so a chart never shows
figures other than the table's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from gapcalc.render.cells import cell_text
from gapcalc.render.rows import Row, frame_rows, row_key
from gapcalc.render.svg import ChartData, Mark

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
    if final is not None and not any(m.year == final.year and m.value == final.value for m in chart.milestones):
        return False
    actual = _mark(row.get("actual_year"), row.get("actual"))
    if actual is None:
        return not chart.actuals or all(m.year > int(row.get("year") or 0) for m in chart.actuals)
    shown = [*chart.actuals, *([chart.baseline] if chart.baseline else [])]
    latest = max((m for m in shown if m.year <= actual.year), key=lambda m: m.year, default=None)
    return latest is not None and latest.year == actual.year and latest.value == actual.value


def workspace_charts(rows: Sequence[Row]) -> dict[tuple[str, str, str], ChartData]:
    """Charts keyed ``(plan, indicator, breakdown)``, using the plan's files where they agree with the rows."""
    charts: dict[tuple[str, str, str], ChartData] = {}
    for plan in sorted({str(r.get("plan") or "") for r in rows}):
        mine = [r for r in rows if r.get("plan") == plan]
        full = _plan_files_charts(plan, mine)
        for row in mine:
            chart = full.get(row_key(row)) if full else None
            use = chart if chart is not None and agrees(row, chart) else chart_from_row(row)
            indicator, breakdown = row_key(row)
            charts[(plan, indicator, breakdown)] = use
    return charts


def _plan_files_charts(plan: str, rows: Sequence[Row]) -> dict[Key, ChartData] | None:
    from gapcalc import api
    from gapcalc.errors import GapcalcError

    try:
        targets = frame_rows(api.targets(plan))
        actuals = frame_rows(api.load_actuals(plan))
    except (GapcalcError, OSError, ValueError):
        return None
    return plan_charts(rows, targets, actuals)
