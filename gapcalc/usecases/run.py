"""Reporting: one plan, or every plan of a targets directory a batch at a time — the one path of every command and
of the Python API.

A single plan is a batch of one. Plans come compiled from the cache (:mod:`gapcalc.usecases.open`), actuals are read
and checked column-wise (:mod:`gapcalc.actuals.fast`), and the pure engine (:mod:`gapcalc.engine.batch`) computes the
report on arrays. Memory is bounded by the batch, and time grows linearly with the number of plans. Library callers
compute in this process; the command line passes a :class:`~gapcalc.infra.pool.Pool` of worker processes for the
files the cache has not seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from gapcalc.actuals.columns import Accounting, PlanActuals
from gapcalc.actuals.fast import read_plan_actuals
from gapcalc.engine.batch import BatchReport, report_of
from gapcalc.engine.summary import plan_summaries, summarise
from gapcalc.errors import GapcalcError
from gapcalc.infra.cache import Cache, cache_dir
from gapcalc.infra.paths import default_actuals_path, plan_files, plan_path
from gapcalc.infra.pool import Pool
from gapcalc.messages import t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.usecases.open import load_compiled, load_many, plan_given

if TYPE_CHECKING:  # pragma: no cover - the plan model imports pydantic
    from gapcalc.plan.load import LoadedPlan

BATCH_PLANS = 32
"""Plans computed together: enough for work on arrays to pay, few enough to bound memory (a batch of 32 plans of
100 indicators holds about 30 MB; larger batches were no faster in the benchmark)."""


@dataclass
class PlanReport(BatchReport):
    """One plan's report for a year (a batch of one), and whether its actuals file was named by the caller."""

    year: int = 0
    named_actuals: bool = False

    @property
    def plan(self) -> CompiledPlan:
        """The compiled plan."""
        return self.plans[0]

    @property
    def read(self) -> PlanActuals:
        """What reading the plan's actuals gave."""
        return self.actuals[0]

    @property
    def errors(self) -> int:
        """Actuals rows with errors (left out of the report): a command exits 1 after its output."""
        return self.read.errors

    @property
    def said(self) -> list[str]:
        """What reading the actuals says to the person, in this order: every finding, then the accounting when rows
        were read or the file was named."""
        read = self.read
        lines = list(read.findings)
        if read.summary and (read.accounting.read or self.named_actuals):
            lines.append(read.summary)
        return lines

    def summary(self) -> list[dict[str, Any]]:
        """Counts by status and outlook per subplan and for the whole plan."""
        return summarise(self, self.year)


def open_compiled(plan_id: str, directory: Path) -> CompiledPlan:
    """The compiled plan ``plan_id`` of ``directory`` (from the cache when its file is unchanged)."""
    return load_compiled(plan_path(directory, plan_id), Cache("plans", cache_dir()))


def report_plan(plan: CompiledPlan, directory: Path, year: int, actuals_path: Path | None = None,
                encoding: str | None = None, shown: str | None = None) -> PlanReport:
    """One plan's report for ``year``. Its actuals come from ``actuals_path`` (which must exist; ``shown``: how
    messages name it) or the default file beside the targets directory (none: no actuals)."""
    path = actuals_path or default_actuals_path(plan.id, directory)
    cache = Cache("actuals", cache_dir()) if encoding is None else None
    actuals = read_plan_actuals(plan, path, cache, encoding, required=actuals_path is not None, shown=shown)
    batch = report_of([plan], [actuals], year)
    return PlanReport(batch.columns, batch.plans, batch.actuals, year, actuals_path is not None)


def report_given(plan: str | Path | LoadedPlan, directory: Path, year: int, actuals_path: Path | None = None,
                 encoding: str | None = None) -> PlanReport:
    """The report of a plan given as the Python API takes it: a validated plan, a target file's path (its folder is
    then the targets directory) or an id of ``directory``."""
    from gapcalc.plan.compiler import compile_plan
    from gapcalc.plan.load import LoadedPlan

    if isinstance(plan, LoadedPlan):
        return report_plan(compile_plan(plan), directory, year, actuals_path, encoding)
    if Path(plan).suffix == ".toml":
        return report_plan(compile_plan(plan_given(plan, directory)), Path(plan).parent, year, actuals_path,
                           encoding)
    return report_one(str(plan), directory, year, actuals_path, encoding)


def report_one(plan_id: str, directory: Path, year: int, actuals_path: Path | None = None,
               encoding: str | None = None) -> PlanReport:
    """Open plan ``plan_id`` and report it for ``year``."""
    return report_plan(open_compiled(plan_id, directory), directory, year, actuals_path, encoding)


@dataclass
class Rollup:
    """What a run over every plan gathered beside the rows: per plan its summary, what reading its actuals said and
    how many errors it had; the plans that could not be loaded."""

    year: int
    failures: list[str] = field(default_factory=list)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    accounting: Accounting = field(default_factory=Accounting)
    errors: int = 0

    def add(self, batch: BatchReport) -> None:
        """Count one batch in."""
        self.summaries.extend(plan_summaries(batch, self.year))
        self.errors += sum(a.errors for a in batch.actuals)
        for accounting, notes in zip(batch.accounting, batch.notes, strict=True):
            self.accounting.merge(accounting)
            self.notes.extend(notes)


def iter_batches(directory: Path, rollup: Rollup, pool: Pool | None = None,
                 batch_plans: int = BATCH_PLANS) -> Iterator[BatchReport]:
    """The reports of every plan of ``directory`` for ``rollup.year``, a batch at a time, each counted into
    ``rollup`` before it is given (plans that fail to load go to its failures)."""
    root = cache_dir()
    store, readings = Cache("plans", root), Cache("actuals", root)
    paths = plan_files(directory)
    for start in range(0, len(paths), batch_plans):
        batch: list[CompiledPlan] = []
        for loaded in load_many(paths[start:start + batch_plans], store, pool):
            if isinstance(loaded, GapcalcError):
                rollup.failures.append(loaded.text())
            else:
                batch.append(loaded)
        if batch:
            parts = [read_plan_actuals(plan, default_actuals_path(plan.id, directory), readings) for plan in batch]
            report = report_of(batch, parts, rollup.year)
            rollup.add(report)
            yield report


def compare(directory: Path, indicator_id: str, year: int, pool: Pool | None = None) -> tuple[list[dict[str, Any]],
                                                                                             Rollup]:
    """One row per plan (and breakdown) stating ``indicator_id``, with the plan's region, and the run's rollup; a
    GapcalcError when no plan has it."""
    rollup = Rollup(year)
    rows: list[dict[str, Any]] = []
    known: set[str] = set()
    for batch in iter_batches(directory, rollup, pool):
        regions = {plan.id: (plan.region_zh, plan.region_en) for plan in batch.plans}
        known |= {indicator for plan in batch.plans for indicator in plan.units}
        wanted = np.flatnonzero(batch.columns.columns["indicator"] == indicator_id)
        for row in batch.columns.take(wanted).rows():
            row["region_zh"], row["region_en"] = regions[row["plan"]]
            rows.append(row)
    if not rows:
        import difflib  # only to suggest a name

        close = sorted(k for k in known if k.startswith(indicator_id))[:1] or difflib.get_close_matches(
            indicator_id, sorted(known), n=1)
        hint = t("did you mean '{close}'?", close=close[0]) if close else \
            t("see `gapcalc targets PLAN` for indicator ids")
        raise GapcalcError(t("no plan has an indicator '{indicator_id}'", indicator_id=indicator_id), hint)
    return rows, rollup
