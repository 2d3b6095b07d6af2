"""The numbers a plan states: one row per statement (baselines included) with its resolved level, for
``gapcalc targets``."""

from __future__ import annotations

from typing import Any

from gapcalc.plan.model import Indicator, PlanFile
from gapcalc.plan.resolve import Statement, resolve_indicator


def source_label(plan: PlanFile, indicator: Indicator, statement: Statement) -> str:
    """``绵府办发〔2019〕5号 · 绵阳市制造业智能化发展行动计划（2018—2020年） · 表2 …``."""
    parts = [plan.plan.document]
    subplans = {s.id: s.name_zh for s in plan.subplans}
    if indicator.subplan in subplans:
        parts.append(subplans[indicator.subplan])
    source = statement.series.source
    parts += [p for p in (source.section, source.table) if p]
    return " · ".join(parts)


def build_targets(plan: PlanFile) -> list[dict[str, Any]]:
    """One row per number the plan states, baselines included, with its resolved level."""
    rows: list[dict[str, Any]] = []
    for indicator in plan.indicators:
        for statement in resolve_indicator(indicator, plan.plan):
            value = statement.value
            rows.append({
                "plan": plan.plan.id, "indicator": indicator.id, "name_zh": indicator.name_zh,
                "name_en": indicator.name_en, "breakdown": statement.breakdown, "unit": indicator.unit,
                "direction": indicator.direction, "kind": statement.kind, "year": statement.year,
                "value": value.value, "comparator": value.comparator if statement.kind != "qualitative" else None,
                "level": statement.level, "source": source_label(plan, indicator, statement), "upper": value.upper,
                "text": value.text, "quote": value.quote or statement.series.quote,
                "note": "; ".join(n for n in (statement.series.note, value.note) if n) or None,
                "subplan": indicator.subplan,
            })
    return rows
