"""A batch of plans reported together: the engine's report columns with the compiled plans and actuals they came
from. Pure: the plans and actuals are given; nothing here reads a file."""

from __future__ import annotations

from dataclasses import dataclass

from gapcalc.actuals.columns import Accounting, PlanActuals, batch_of
from gapcalc.engine.report import ReportColumns, report_batch
from gapcalc.plan.compiled import CompiledPlan


@dataclass
class BatchReport:
    """The report of a batch of plans (typed columns) and, per plan, what reading its actuals said."""

    columns: ReportColumns
    plans: list[CompiledPlan]
    actuals: list[PlanActuals]

    @property
    def accounting(self) -> list[Accounting]:
        """Per plan, how many actuals rows were read and used."""
        return [a.accounting for a in self.actuals]

    @property
    def notes(self) -> list[list[str]]:
        """Per plan, what reading its actuals reported."""
        return [a.notes for a in self.actuals]


def report_of(plans: list[CompiledPlan], actuals: list[PlanActuals], year: int) -> BatchReport:
    """The report of ``plans`` given each plan's actuals."""
    return BatchReport(report_batch(plans, batch_of(actuals), year), plans, actuals)
