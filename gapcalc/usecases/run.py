"""Reporting: one plan, or every plan of a targets directory a batch at a time — the one path of every command and
of the Python API.

A single plan is a batch of one. Plans come compiled from the cache (:mod:`gapcalc.usecases.open`), actuals are read
and checked column-wise (:mod:`gapcalc.actuals.fast`), and the pure engine (:mod:`gapcalc.engine.batch`) computes the
report on arrays. Memory is bounded by the batch, and time grows linearly with the number of plans. Library callers
compute in this process; the command line passes a :class:`~gapcalc.infra.pool.Pool` of worker processes for the
files the cache has not seen: every one of them is handed to the workers at once, before the first batch, and the
batches are computed and written in order as their plans come back — this process works on one batch while the
workers compile the next.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from gapcalc.actuals.columns import Accounting, PlanActuals
from gapcalc.actuals.fast import read_plan_actuals
from gapcalc.engine.batch import BatchReport, report_of
from gapcalc.engine.summary import plan_summaries, summarise
from gapcalc.errors import GapcalcError
from gapcalc.infra.cache import Cache, cache_dir
from gapcalc.infra.paths import default_actuals_path, plan_files, plan_path
from gapcalc.infra.pool import Item, Pool, Result
from gapcalc.messages import t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.usecases.open import Afresh, Job, compile_and_read, load_compiled, load_many, plan_given

if TYPE_CHECKING:  # pragma: no cover - the plan model imports pydantic
    from gapcalc.plan.load import LoadedPlan

BATCH_PLANS = 32
"""Plans computed together: enough for work on arrays to pay, few enough to bound memory (a batch of 32 plans of
100 indicators holds about 30 MB; larger batches were no faster in the benchmark)."""
STREAM_CHUNK = 4
"""Target files a worker compiles at a time in a roll-up: few, so that the first batch is ready soon and no worker
is left with a long chunk at the end."""


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
                encoding: str | None = None, shown: str | None = None,
                as_known_on: datetime.date | None = None) -> PlanReport:
    """One plan's report for ``year``. Its actuals come from ``actuals_path`` (which must exist; ``shown``: how
    messages name it) or the default file beside the targets directory (none: no actuals); with ``as_known_on``,
    only the versions of figures known on that day."""
    path = actuals_path or default_actuals_path(plan.id, directory)
    cache = Cache("actuals", cache_dir()) if encoding is None else None
    actuals = read_plan_actuals(plan, path, cache, encoding, required=actuals_path is not None, shown=shown,
                                as_known_on=as_known_on.isoformat() if as_known_on else "")
    batch = report_of([plan], [actuals], year)
    return PlanReport(batch.columns, batch.plans, batch.actuals, year, actuals_path is not None)


def report_given(plan: str | Path | LoadedPlan, directory: Path, year: int, actuals_path: Path | None = None,
                 encoding: str | None = None, as_known_on: datetime.date | None = None) -> PlanReport:
    """The report of a plan given as the Python API takes it: a validated plan, a target file's path (its folder is
    then the targets directory) or an id of ``directory``; with ``as_known_on``, as known on that day."""
    from gapcalc.plan.compiler import compile_plan
    from gapcalc.plan.load import LoadedPlan

    if isinstance(plan, LoadedPlan):
        return report_plan(compile_plan(plan), directory, year, actuals_path, encoding, as_known_on=as_known_on)
    if Path(plan).suffix == ".toml":
        return report_plan(compile_plan(plan_given(plan, directory)), Path(plan).parent, year, actuals_path,
                           encoding, as_known_on=as_known_on)
    return report_plan(open_compiled(str(plan), directory), directory, year, actuals_path, encoding,
                       as_known_on=as_known_on)


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
    ``rollup`` before it is given (plans that fail to load go to its failures).

    Every target file the cache does not hold is handed to ``pool`` at once, before the first batch, to be compiled
    and its plan's actuals read (:func:`compile_and_read`); the results are taken in order, batch by batch, as they
    come. The plans the cache holds are read here, and so are their actuals."""
    root = cache_dir()
    store, readings = Cache("plans", root), Cache("actuals", root)
    paths = plan_files(directory)
    named = _named(paths, root)
    afresh = [(str(path), name[0], str(directory)) for path, name in zip(paths, named, strict=True)
              if isinstance(name, tuple) and not name[1]]
    compiled = iter((pool or Pool()).map(compile_and_read, afresh, chunk=STREAM_CHUNK))
    for start in range(0, len(paths), batch_plans):
        batch: list[CompiledPlan] = []
        read: list[PlanActuals | None] = []
        for path, name in zip(paths[start:start + batch_plans], named[start:start + batch_plans], strict=True):
            loaded, part = (name, None) if isinstance(name, GapcalcError) else _load(
                (str(path), name[0], str(directory)), name[1], store, readings, compiled)
            if isinstance(loaded, GapcalcError):
                rollup.failures.append(loaded.text())
            else:
                batch.append(loaded)
                read.append(part)
        if batch:
            parts = [part if part is not None else
                     read_plan_actuals(plan, default_actuals_path(plan.id, directory), readings)
                     for plan, part in zip(batch, read, strict=True)]
            report = report_of(batch, parts, rollup.year)
            rollup.add(report)
            yield report


def _load(job: Job, held: bool, store: Cache, readings: Cache,
          compiled: Iterator[Afresh]) -> tuple[CompiledPlan | GapcalcError, PlanActuals | None]:
    """The compiled plan of the target file of ``job`` and, when it was compiled afresh, its actuals: from ``store``
    when it ``held`` the entry, else the next of ``compiled`` (the files not held, in order), which is then stored
    with its actuals. An entry gone since it was named (removed by another gapcalc, damaged) is compiled here."""
    _, key, _ = job
    data = store.get(key) if held else None
    if data is not None:
        return CompiledPlan.from_data(data, key), None
    data, message, hint, reading = next(compiled) if not held else compile_and_read(job)
    if data is None:
        return GapcalcError(message, hint), None
    store.put(key, data)
    if isinstance(reading, tuple):
        readings.put(*reading)
        reading = PlanActuals.from_data(reading[1])
    return CompiledPlan.from_data(data, key), reading


class _Names(Cache):
    """The plans cache as :func:`~gapcalc.usecases.open.load_many` sees it when it is only to name the entries of
    target files: each key asked for is noted, with whether the cache holds an entry under it; nothing is read or
    written."""

    def __init__(self, root: Path | None) -> None:
        super().__init__("plans", root)
        self.keys: list[tuple[str, bool]] = []

    def get(self, key: str) -> Any:
        self.keys.append((key, self.folder is not None and (self.folder / key[:2] / key).is_file()))
        return None

    def put(self, key: str, value: Any) -> None:  # pragma: no cover - nothing is compiled while naming
        return


class _Nothing(Pool):
    """A pool that compiles nothing: it notes the files load_many asks it to compile, and tells it each failed."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def map(self, function: Callable[[Item], Result], items: Sequence[Item], chunk: int = 0) -> Iterator[Result]:
        self.items += items
        return iter([cast(Result, (None, "", ""))] * len(items))


def _named(paths: list[Path], root: Path | None) -> list[tuple[str, bool] | GapcalcError]:
    """Each target file's entry in the plans cache under ``root`` as :func:`~gapcalc.usecases.open.load_many` names
    it — its key, and whether the cache holds it — or the error reading the file gives."""
    names, nothing = _Names(root), _Nothing()
    outcomes = load_many(paths, names, nothing)
    keys = dict(zip(map(str, nothing.items), names.keys, strict=True))  # each file named is one it would compile
    named: list[tuple[str, bool] | GapcalcError] = []
    for path, outcome in zip(paths, outcomes, strict=True):
        name = keys.get(str(path))
        if name is not None:
            named.append(name)
        elif isinstance(outcome, GapcalcError):  # the file cannot be read
            named.append(outcome)
        else:  # pragma: no cover - a cache that holds nothing gives no compiled plan
            raise AssertionError(f"{path}: compiled while only named")
    return named


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
