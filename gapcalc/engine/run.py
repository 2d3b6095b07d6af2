"""Running the engine: one plan or every plan of a targets directory, a batch at a time.

A single plan is a batch of one. Plans come compiled from the cache (:mod:`gapcalc.workspace.open`), actuals are read
and checked column-wise (:mod:`gapcalc.actuals.fast`), and the report is computed on arrays
(:mod:`gapcalc.engine.report`). Memory is bounded by the batch, and time grows linearly with the number of plans.
Library callers compute in this process; the command line passes a :class:`~gapcalc.workspace.pool.Pool` of worker
processes for the files the cache has not seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gapcalc.actuals.fast import PlanActuals, batch_of, read_plan_actuals
from gapcalc.actuals.parse import Accounting
from gapcalc.engine.report import ReportColumns, report_batch
from gapcalc.engine.summary import plan_summaries as plan_summaries
from gapcalc.engine.summary import summarise as summarise
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.workspace.cache import Cache, cache_dir
from gapcalc.workspace.open import load_compiled, load_many
from gapcalc.workspace.paths import default_actuals_path, plan_files, plan_path
from gapcalc.workspace.pool import Pool

BATCH_PLANS = 32
"""Plans computed together: enough for work on arrays to pay, few enough to bound memory (a batch of 32 plans of
100 indicators holds about 30 MB; larger batches were no faster in the benchmark)."""

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


def iter_batches(directory: Path, year: int, failures: list[str], pool: Pool | None = None,
                 batch_plans: int = BATCH_PLANS) -> Iterator[BatchReport]:
    """The reports of every plan of ``directory``, a batch at a time; plans that fail to load go to ``failures``."""
    root = cache_dir()
    store, readings = Cache("plans", root), Cache("actuals", root)
    paths = plan_files(directory)
    for start in range(0, len(paths), batch_plans):
        batch: list[CompiledPlan] = []
        for loaded in load_many(paths[start:start + batch_plans], store, pool):
            if isinstance(loaded, GapcalcError):
                failures.append(loaded.text())
            else:
                batch.append(loaded)
        if batch:
            parts = [read_plan_actuals(plan, default_actuals_path(plan.id, directory), readings) for plan in batch]
            yield report_of(batch, parts, year)


def report_of(plans: list[CompiledPlan], actuals: list[PlanActuals], year: int) -> BatchReport:
    """The report of ``plans`` given each plan's actuals."""
    return BatchReport(report_batch(plans, batch_of(actuals), year), plans, actuals)


def open_compiled(plan_id: str, directory: Path) -> CompiledPlan:
    """The compiled plan ``plan_id`` of ``directory`` (from the cache when its file is unchanged)."""
    return load_compiled(plan_path(directory, plan_id), Cache("plans", cache_dir()))


def report_plan(plan: CompiledPlan, directory: Path, year: int, actuals_path: Path | None = None,
                encoding: str | None = None) -> BatchReport:
    """One plan's report for ``year``: a batch of one. Its actuals come from ``actuals_path`` (which must exist) or
    the default file beside the targets directory (none: no actuals)."""
    path = actuals_path or default_actuals_path(plan.id, directory)
    cache = Cache("actuals", cache_dir()) if encoding is None else None
    actuals = read_plan_actuals(plan, path, cache, encoding, required=actuals_path is not None)
    return report_of([plan], [actuals], year)


@dataclass
class Rollup:
    """Report rows of several plans, their summaries, and what could not be loaded."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    accounting: list[str] = field(default_factory=list)
    actuals_errors: int = 0


def compare(directory: Path, indicator_id: str, year: int, pool: Pool | None = None) -> Rollup:
    """One row per plan (and breakdown) stating ``indicator_id``, with the plan's region; a GapcalcError when no plan
    has it."""
    result = Rollup()
    known: set[str] = set()
    for batch in iter_batches(directory, year, result.failures, pool):
        result.actuals_errors += sum(a.errors for a in batch.actuals)
        regions = {plan.id: (plan.region_zh, plan.region_en) for plan in batch.plans}
        known |= {indicator for plan in batch.plans for indicator in plan.units}
        wanted = np.flatnonzero(batch.columns.columns["indicator"] == indicator_id)
        for row in batch.columns.take(wanted).rows():
            row["region_zh"], row["region_en"] = regions[row["plan"]]
            result.rows.append(row)
    if not result.rows:
        import difflib  # only to suggest a name

        close = sorted(k for k in known if k.startswith(indicator_id))[:1] or difflib.get_close_matches(
            indicator_id, sorted(known), n=1)
        hint = t("did you mean '{close}'?", close=close[0]) if close else \
            t("see `gapcalc targets PLAN` for indicator ids")
        raise GapcalcError(t("no plan has an indicator '{indicator_id}'", indicator_id=indicator_id), hint)
    return result
