"""The roll-up: every plan's report for one year (``gapcalc report --all YEAR``), computed on columns.

It gives the same rows as the per-plan engine (:mod:`gapcalc.engine.perplan`), byte for byte
(``tests/test_columnar.py``), but works a batch of plans at a time: plans come compiled from the cache
(:mod:`gapcalc.plan.compiled`), actuals are read and checked column-wise (:mod:`gapcalc.actuals.fast`), and the
report is computed on arrays (:mod:`gapcalc.engine.report`, :mod:`gapcalc.engine.arrays`).
Memory is bounded by the batch, and time grows linearly with the number of plans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from gapcalc.actuals.fast import read_batch_actuals
from gapcalc.actuals.parse import Accounting
from gapcalc.engine.arrays import OUTLOOK_CODES
from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.engine.formulas import Status
from gapcalc.engine.report import STATUS_CODES, Cells, report_batch
from gapcalc.errors import GapcalcError
from gapcalc.plan.compiled import CompiledPlan, load_many
from gapcalc.workspace.cache import Cache, cache_dir
from gapcalc.workspace.paths import plan_files
from gapcalc.workspace.pool import Pool

BATCH_PLANS = 32
"""Plans computed together: enough for work on arrays to pay, few enough to bound memory (a batch of 32 plans of
100 indicators holds about 30 MB; larger batches were no faster in the benchmark)."""


@dataclass
class BatchReport:
    """The report of a batch of plans (cell texts by column) and, per plan, what reading its actuals said."""

    columns: Cells
    plans: list[CompiledPlan]
    accounting: list[Accounting]
    notes: list[list[str]]


def iter_batches(directory: Path, year: int, failures: list[str],
                 batch_plans: int = BATCH_PLANS) -> Iterator[BatchReport]:
    """The reports of every plan of ``directory``, a batch at a time; plans that fail to load go to ``failures``."""
    root = cache_dir()
    store, readings = Cache("plans", root), Cache("actuals", root)
    paths = plan_files(directory)
    with Pool() as pool:
        for start in range(0, len(paths), batch_plans):
            batch: list[CompiledPlan] = []
            for loaded in load_many(paths[start:start + batch_plans], store, pool):
                if isinstance(loaded, GapcalcError):
                    failures.append(str(loaded))
                else:
                    batch.append(loaded)
            if batch:
                yield _report(batch, directory, year, readings)


def _report(plans: list[CompiledPlan], directory: Path, year: int, cache: Cache) -> BatchReport:
    actuals = read_batch_actuals(plans, directory, cache)
    columns = report_batch(plans, actuals, year)
    return BatchReport(columns, plans, [p.accounting for p in actuals.plans], [p.notes for p in actuals.plans])


def plan_summaries(report: BatchReport, year: int) -> list[dict[str, Any]]:
    """Each plan's whole-plan summary row (the last row :func:`gapcalc.engine.summary.summarise` gives)."""
    from gapcalc.engine.summary import WHOLE_PLAN

    plans = len(report.plans)
    position = report.columns["plan_pos"]
    statuses = _counts(position, report.columns["status_code"], plans, len(STATUS_CODES))
    outlook = report.columns["outlook_code"]
    outlooks = _counts(position[outlook >= 0], outlook[outlook >= 0], plans, len(OUTLOOK_CODES))
    rows = np.bincount(position, minlength=plans)
    out = []
    for index, plan in enumerate(report.plans):
        counts: dict[str, Any] = dict(zip(STATUS_CODES, statuses[index].tolist(), strict=True))
        counts.update(zip(OUTLOOK_CODES, outlooks[index].tolist(), strict=True))
        assessed = counts[Status.MET.value] + counts[Status.NOT_MET.value]
        out.append({"plan": plan.id, "subplan": WHOLE_PLAN, "subplan_name": plan.name_zh, "year": year, **counts,
                    "rows": int(rows[index]), "assessed": assessed,
                    "met_share_pct": 100.0 * counts[Status.MET.value] / assessed if assessed else None})
    return out


def _counts(position: np.ndarray, code: np.ndarray, plans: int, codes: int) -> np.ndarray:
    """A plans × codes table of how many rows of each plan have each code."""
    return np.bincount(position * codes + code, minlength=plans * codes).reshape(plans, codes)


def write_delimited(columns: Cells, stream: TextIO, delimiter: str) -> None:
    """The rows of a batch as CSV/TSV, quoted as :func:`gapcalc.render.delimited.render_delimited` quotes them."""
    from gapcalc.render.delimited import join_columns

    cells = [columns[c].tolist() if isinstance(columns[c], np.ndarray) else columns[c] for c in ALL_COLUMNS]
    stream.write(join_columns(cells, delimiter))


EXACT_COLUMNS = ("target", "actual", "gap", "baseline", "final_target")
"""Columns of numbers the plan or the actuals state exactly: Decimals, printed as stated."""
YEAR_COLUMNS = ("year", "actual_year", "baseline_year", "final_year")


def typed_columns(columns: Cells) -> dict[str, list[Any]]:
    """The cells of a batch as the Python values the per-plan engine gives: Decimal for stated and observed numbers,
    float for ratios and rates, int for years, None for an empty cell."""
    typed: dict[str, list[Any]] = {}
    for name in ALL_COLUMNS:
        if name in columns["floats"]:
            typed[name] = [None if x != x else x for x in columns["floats"][name].tolist()]  # noqa: PLR0124 - NaN
            continue
        texts = columns[name].tolist() if isinstance(columns[name], np.ndarray) else list(columns[name])
        if name in EXACT_COLUMNS:
            typed[name] = [Decimal(t) if t else None for t in texts]
        elif name in YEAR_COLUMNS:
            typed[name] = [int(t) if t else None for t in texts]
        else:
            typed[name] = [t if t != "" else None for t in texts]
    return typed


def typed_rows(columns: Cells) -> list[dict[str, Any]]:
    """The rows of a batch as dicts of typed values, like :func:`gapcalc.engine.perplan.build_report`'s."""
    typed = typed_columns(columns)
    return [dict(zip(ALL_COLUMNS, row, strict=True)) for row in zip(*(typed[c] for c in ALL_COLUMNS), strict=True)]
