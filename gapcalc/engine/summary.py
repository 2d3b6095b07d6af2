"""Summaries of a report: counts by status and outlook per subplan and for the whole plan, and 指标完成率.

指标完成率 (the share of assessed targets met) follows the NDRC mid-term evaluations: indicators meeting their target
divided by the indicators assessed — here the rows with status ``met`` or ``not_met`` for the report year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from gapcalc.engine.contracts import OUTLOOK_KEYS, STATUS_KEYS, WARNING_KEYS

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.batch import BatchReport
    from gapcalc.engine.report import ReportColumns

WHOLE_PLAN = "*"
"""The ``subplan`` of a summary row that counts the whole plan."""


def plan_summaries(report: BatchReport, year: int) -> list[dict[str, Any]]:
    """Each plan's whole-plan summary row (the last row :func:`summarise` gives), counted for the whole batch at
    once."""
    columns, plans = report.columns, len(report.plans)
    status = _table(columns.plan_pos, columns.status_code, plans, len(STATUS_KEYS))
    counted = columns.outlook_code >= 0
    outlooks = _table(columns.plan_pos[counted], columns.outlook_code[counted], plans, len(OUTLOOK_KEYS))
    rows = np.bincount(columns.plan_pos, minlength=plans).tolist()
    return [{"plan": plan.id, "subplan": WHOLE_PLAN, "subplan_name": plan.name_zh, "year": year,
             **_counts_of(status[index], outlooks[index], rows[index]),
             **_warnings(columns, np.flatnonzero(columns.plan_pos == index))}
            for index, plan in enumerate(report.plans)]


def summarise(report: BatchReport, year: int, index: int = 0) -> list[dict[str, Any]]:
    """Counts by status and outlook per subplan (in the plan's order) and for the whole plan, with 指标完成率: the
    share of assessed targets met (``met / (met + not_met)``), as in the NDRC mid-term evaluations."""
    plan = report.plans[index]
    columns = report.columns
    mine = np.flatnonzero(columns.plan_pos == index)
    subplans = columns.columns["subplan"][mine]
    names = {subplan[0]: subplan[1] for subplan in plan.subplans}
    seen = {s for s in subplans.tolist() if s}
    order = [s for s in names if s in seen] + sorted(seen - set(names))
    out = [{"plan": plan.id, "subplan": subplan, "subplan_name": names.get(subplan, subplan), "year": year,
            **_counts(columns, mine[subplans == subplan])} for subplan in order]
    out.append({"plan": plan.id, "subplan": WHOLE_PLAN, "subplan_name": plan.name_zh, "year": year,
                **_counts(columns, mine)})
    return out


def _table(group: np.ndarray, code: np.ndarray, groups: int, codes: int) -> list[list[int]]:
    """A groups × codes table of how many rows of each group have each code."""
    counts: list[list[int]] = np.bincount(group * codes + code, minlength=groups * codes).reshape(
        groups, codes).tolist()
    return counts


def _counts(columns: ReportColumns, rows: np.ndarray) -> dict[str, Any]:
    outlook = columns.outlook_code[rows]
    return {**_counts_of(np.bincount(columns.status_code[rows], minlength=len(STATUS_KEYS)).tolist(),
                         np.bincount(outlook[outlook >= 0], minlength=len(OUTLOOK_KEYS)).tolist(), len(rows)),
            **_warnings(columns, rows)}


def _warnings(columns: ReportColumns, rows: np.ndarray) -> dict[str, int]:
    """How many of ``rows`` have each in-year warning level."""
    levels = columns.columns["warning"][rows].tolist()
    return {f"warning_{level}": levels.count(level) for level in WARNING_KEYS}


def _counts_of(status: list[int], outlooks: list[int], rows: int) -> dict[str, Any]:
    """The counts of a summary row, from the rows' counts by status and by outlook."""
    counts: dict[str, Any] = dict(zip(STATUS_KEYS, status, strict=True))
    counts.update(zip(OUTLOOK_KEYS, outlooks, strict=True))
    assessed = counts["met"] + counts["not_met"]
    counts.update(rows=rows, assessed=assessed,
                  met_share_pct=100.0 * counts["met"] / assessed if assessed else None)
    return counts
