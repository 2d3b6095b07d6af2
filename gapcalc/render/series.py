"""The data of each indicator's chart and of its actuals, from the engine's series: one way for the page, the site
and the brief.

:func:`gapcalc.usecases.charts.report_extra` gives the report page, the site and the brief, beside the report rows,
each row's chart (:func:`engine_chart`) and its actuals with their sources (:func:`observed_actuals`), both made here
from the engine's series of the row's key (:func:`gapcalc.engine.report.batch_series`). :func:`chart_from_row` is the
fallback of a row without one (baseline, latest actual, final target).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gapcalc.engine.contracts import COMPARATOR_SIGNS
from gapcalc.engine.report import actual_text
from gapcalc.plan.compiled import KIND_CODES
from gapcalc.render.cells import cell_text
from gapcalc.render.svg import ChartData, Mark

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.report import KeySeries

Key = tuple[str, str]
UNCHARTED_KINDS = frozenset({"baseline", "qualitative", "period_total"})
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


def plan_chart(row: Mapping[str, Any], milestones: Sequence[Mark], actuals: Sequence[Mark]) -> ChartData:
    """The chart of a row with every milestone and actual of its plan."""
    year = row.get("year")
    actuals = [a for a in actuals if year is None or a.year <= int(year)]
    if not milestones and not actuals:
        return chart_from_row(row)
    baseline = _mark(row.get("baseline_year"), row.get("baseline"))
    return ChartData(baseline, tuple(milestones), tuple(actuals), final_mark(row), _int(row.get("year")))


def engine_chart(row: Mapping[str, Any], series: KeySeries, columns: Mapping[str, Any]) -> ChartData:
    """The chart of a report row from the engine's series of its key: every milestone that counts (period totals,
    which are sums rather than levels, left out) and every observed value up to the report's year — the actuals
    and the values the plan states for years other than the row's baseline (``columns`` are the batch's actuals
    columns, indexed by actuals row)."""
    milestones = []
    for year, level, comparator, upper, kind in series.milestones:
        if KIND_CODES[kind] in UNCHARTED_KINDS:
            continue
        label = f"{year}: {COMPARATOR_SIGNS.get(comparator, '')}{cell_text(level)}"
        milestones.append(Mark(year, level, label, comparator=comparator, upper=upper))
    report_year, baseline = _int(row.get("year")), _int(row.get("baseline_year"))
    actuals = []
    for year, value, line in series.observed:
        if (line >= 0 or year != baseline) and (report_year is None or year <= report_year):
            note = (actual_text(str(columns["note"][line])) if line >= 0 else None) or ""
            actuals.append(Mark(year, value, cell_text(value), is_hollow(note), note=note))
    return plan_chart(row, milestones, actuals)


@dataclass(frozen=True)
class Observed:
    """An actual of a report key as the report reads it: its year, its exact value, and the source, title and note
    of its actuals row exactly as a report row carries them (stripped, None when empty)."""

    year: int
    value: Decimal
    source: str | None
    source_title: str | None
    note: str | None


def observed_actuals(row: Mapping[str, Any], series: KeySeries, columns: Mapping[str, Any]) -> tuple[Observed, ...]:
    """The actuals (not the values the plan states) of a report row's key up to the report's year, in year order."""
    report_year = _int(row.get("year"))
    return tuple(Observed(year, value, *(actual_text(str(columns[name][line])) for name in SOURCE_FIELDS))
                 for year, value, line in series.observed
                 if line >= 0 and (report_year is None or year <= report_year))


SOURCE_FIELDS = ("source", "source_title", "note")
"""Where an actual comes from: the fields a report row copies from the actuals row of its latest actual."""
