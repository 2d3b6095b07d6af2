"""An actuals template for one year: a row per indicator/breakdown that needs a value, ready to fill in Excel."""

from __future__ import annotations

from typing import Any

from gapcalc.engine.perplan import breakdowns_of
from gapcalc.plan.model import PlanFile

TEMPLATE_COLUMNS = ("indicator", "breakdown", "year", "value", "unit", "name_zh", "name_en", "breakdown_name",
                    "source", "source_title", "note", "plan")
"""Columns of ``gapcalc template``; ``indicator, year, value`` are what ``check`` and ``report`` read."""


def template_rows(plan: PlanFile, year: int) -> list[dict[str, Any]]:
    """One empty-valued row per numeric indicator/breakdown of the plan."""
    rows: list[dict[str, Any]] = []
    for indicator in plan.indicators:
        names = {b.key: b.name_zh for b in indicator.breakdowns}
        for breakdown in breakdowns_of(indicator):
            numeric = any(s.kind != "qualitative" for s in indicator.series if s.breakdown == breakdown)
            if not numeric:
                continue
            rows.append({
                "indicator": indicator.id, "breakdown": breakdown, "year": year, "value": None,
                "unit": indicator.unit, "name_zh": indicator.name_zh, "name_en": indicator.name_en,
                "breakdown_name": names.get(breakdown or "", None), "plan": plan.plan.id,
            })
    return rows
