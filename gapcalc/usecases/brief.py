"""The written progress report of a plan for a year: the plan reported as ``gapcalc report`` reports it, the brief
built from its rows (:mod:`gapcalc.render.brief`), and the pictures of the indicators furthest behind, drawn as
``gapcalc chart`` draws them from the points of each row's chart on the report page."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapcalc.engine.statement import counted, overview_of, plan_facts, statements_of
from gapcalc.engine.trajectory import (
    ActualPoint,
    IndicatorNames,
    Milestone,
    Point,
    Trajectory,
    plan_path,
    projection,
    required_path,
)
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.render.brief import TEXT, Brief, build_brief
from gapcalc.render.page import indicator_name
from gapcalc.render.rows import clean_rows, row_key
from gapcalc.render.svg import ChartData
from gapcalc.usecases.charts import report_extra
from gapcalc.usecases.run import PlanReport, open_compiled, report_plan


@dataclass
class BriefReport:
    """A brief and what it was made from: the plan's report (its actuals notes and errors among it) and each
    row's chart."""

    brief: Brief
    report: PlanReport
    charts: Mapping[tuple[str, str, str], ChartData] = field(default_factory=dict)
    lang: str = "zh"
    font_note: str | None = None
    """Set by :meth:`pictures` when the charts cannot be labelled in the brief's language (no CJK font)."""

    def pictures(self) -> list[tuple[str, bytes]]:
        """PNG pictures of the indicators furthest behind, each with its caption; a row whose chart ends on a total
        rather than a level is left out. Drawn by :func:`drawn_charts`: matplotlib is imported only when a picture
        is to be drawn that the cache does not hold."""
        from gapcalc.usecases.chart import drawn_charts

        captions: list[str] = []
        trajectories: list[Trajectory] = []
        for row in self.brief.behind:
            indicator, breakdown = row_key(row)
            trajectory = chart_trajectory(self.report.plan, row, self.charts[(str(row["plan"]), indicator, breakdown)])
            if trajectory is None:
                continue
            trajectories.append(trajectory)
            captions.append(str(TEXT[self.lang]["chart_caption"]).format(number=len(captions) + 1,
                                                                         name=indicator_name(row, self.lang)))
        if not trajectories:
            return []
        pictures, self.font_note = drawn_charts(trajectories, self.lang, "png")
        return list(zip(captions, pictures, strict=True))


def brief_of(plan_id: str, directory: Path, year: int, lang: str, actuals_path: Path | None = None,
             as_known_on: datetime.date | None = None) -> BriefReport:
    """The brief of plan ``plan_id`` for ``year`` in ``lang`` (with what was known on ``as_known_on``)."""
    report = report_plan(open_compiled(plan_id, directory), directory, year, actuals_path,
                         as_known_on=as_known_on)
    extra = report_extra(report)
    rows: Sequence[dict[str, Any]] = clean_rows(report.columns.rows())
    facts = plan_facts(report.plan)
    statements = statements_of(facts, rows)
    brief = build_brief(report.plan, year, statements, overview_of(facts, statements, year), lang, facts.draft)
    return BriefReport(brief, report, extra["charts"], lang)


def chart_trajectory(plan: CompiledPlan, row: Mapping[str, Any], chart: ChartData) -> Trajectory | None:
    """What ``gapcalc chart`` draws, made of the points of ``chart`` (the page's chart of ``row``) and the rates of
    ``row``: the required path and the projection start from the row's latest actual. None when the chart has no
    milestone, or ends on a final target that is not a level (a period total)."""
    if not chart.milestones or chart.final is None or chart.milestones[-1].year != chart.final.year:
        return None
    milestones = tuple(Milestone(m.year, m.value, m.comparator or "=", m.upper) for m in chart.milestones)
    baseline = Point(chart.baseline.year, chart.baseline.value) if chart.baseline else None
    actuals = tuple(ActualPoint(m.year, m.value, m.note) for m in chart.actuals)
    last = actuals[-1] if actuals else None
    latest = last if last and (last.year, last.value) == (row.get("actual_year"), row.get("actual")) else None
    final, direction, breakdown = milestones[-1], str(row.get("direction") or "up"), row.get("breakdown")
    names = IndicatorNames(str(row.get("indicator")), str(row.get("name_zh") or ""),
                           str(row.get("name_en") or row.get("name_zh") or ""), str(row.get("unit") or ""), direction)
    return Trajectory(
        plan=plan, indicator=names, breakdown=breakdown, breakdown_name_zh=row.get("breakdown_zh") or breakdown,
        breakdown_name_en=row.get("breakdown_en") or breakdown, baseline=baseline, milestones=milestones,
        plan_path=plan_path(baseline, milestones), actuals=actuals,
        required_path=required_path(latest, final, direction, counted(names.unit)) if latest else (),
        required_cagr_pct=row.get("required_cagr_pct"), required_change_per_year=row.get("required_change_per_year"),
        projection=projection(baseline, latest, final.year) if latest else (),
        observed_cagr_pct=row.get("observed_cagr_pct") if latest else None)
