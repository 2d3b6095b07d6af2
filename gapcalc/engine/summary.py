"""Summaries of a report: counts by status and outlook per subplan and for the whole plan, and 指标完成率.

指标完成率 (the share of assessed targets met) follows the NDRC mid-term evaluations: indicators meeting their target
divided by the indicators assessed — here the rows with status ``met`` or ``not_met`` for the report year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from gapcalc.engine.formulas import Outlook, Status
from gapcalc.render.i18n import SUMMARY_LINES, status_word

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.plan.model import PlanFile

STATUS_KEYS = tuple(s.value for s in Status)
OUTLOOK_KEYS = tuple(o.value for o in Outlook)
SUMMARY_COLUMNS = ("plan", "subplan", "subplan_name", "year", "rows", *STATUS_KEYS, "assessed", "met_share_pct",
                   *OUTLOOK_KEYS)
"""Columns of ``gapcalc summary`` (one row per subplan, then one with ``subplan = *`` for the whole plan)."""

WHOLE_PLAN = "*"


def _count(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    counts: dict[str, Any] = dict.fromkeys(STATUS_KEYS + OUTLOOK_KEYS, 0)
    for row in rows:
        if row.get("status") in counts:
            counts[row["status"]] += 1
        if row.get("outlook") in counts:
            counts[row["outlook"]] += 1
    assessed = counts["met"] + counts["not_met"]
    counts["rows"] = len(rows)
    counts["assessed"] = assessed
    counts["met_share_pct"] = 100.0 * counts["met"] / assessed if assessed else None
    return counts


def summarise(plan: PlanFile, year: int, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counts per subplan (in the plan's order) and for the whole plan, from report rows."""
    rows = list(rows)
    names = {s.id: s.name_zh for s in plan.subplans}
    order = [s.id for s in plan.subplans] + sorted({r.get("subplan") or "" for r in rows} - set(names) - {""})
    out: list[dict[str, Any]] = []
    for subplan in order:
        mine = [r for r in rows if r.get("subplan") == subplan]
        if mine:
            out.append({"plan": plan.plan.id, "subplan": subplan, "subplan_name": names.get(subplan, subplan),
                        "year": year, **_count(mine)})
    out.append({"plan": plan.plan.id, "subplan": WHOLE_PLAN, "subplan_name": plan.plan.name_zh, "year": year,
                **_count(rows)})
    return out


def summary_line(row: dict[str, Any], lang: str = "en") -> str:
    """One line for a plan: ``mianyang 2019: 3 of 5 assessed targets met (60.0%); 12 no data; outlook …``."""
    share = row.get("met_share_pct")
    shown = f" ({share:.1f}%)" if share is not None else ""
    line = SUMMARY_LINES[lang].format(share=shown, **row)
    outlooks = ", ".join(f"{row[k]} {k.replace('_', ' ')}" if lang == "en" else f"{status_word(k, lang)} {row[k]}"
                         for k in OUTLOOK_KEYS if row.get(k))
    if outlooks:
        line += f"; outlook: {outlooks}" if lang == "en" else f"；展望：{outlooks}"
    return line
