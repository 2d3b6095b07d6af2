"""The chart of one indicator: the plan reported for its final year, and the indicator's trajectory (baseline,
milestones, plan path, actuals, required path, projection) computed from that report."""

from __future__ import annotations

from pathlib import Path

from gapcalc.engine.trajectory import Trajectory, build_trajectory
from gapcalc.usecases.run import PlanReport, open_compiled, report_plan


def final_year_report(plan_id: str, directory: Path, actuals_path: Path | None = None) -> PlanReport:
    """The plan's report for its final year (what reading its actuals said among it)."""
    compiled = open_compiled(plan_id, directory)
    return report_plan(compiled, directory, compiled.period[1], actuals_path)


def trajectory_of(report: PlanReport, indicator: str, breakdown: str | None) -> Trajectory:
    """The trajectory of ``indicator`` in ``report`` (``breakdown``: one of its breakdowns, else the headline
    figure); a GapcalcError for an unknown or qualitative indicator."""
    return build_trajectory(report.plan, indicator, breakdown, report.read)
