"""Across plans: every plan's report for one year (``report --all``), and one indicator side by side (``compare``).

Plans are read from one targets directory; each plan's actuals from its default file. A plan that fails to load is
reported (with its error) rather than silently skipped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapcalc.actuals.parse import Accounting
from gapcalc.errors import GapcalcError

COMPARE_COLUMNS = ("indicator", "plan", "region_zh", "region_en", "breakdown", "name_zh", "unit", "direction", "year",
                   "target", "comparator", "target_source", "actual", "actual_year", "gap", "attainment_pct",
                   "progress_pct", "time_elapsed_pct", "final_year", "final_target", "required_cagr_pct",
                   "required_change_per_year", "observed_cagr_pct", "status", "outlook", "source", "note")
"""Columns of ``gapcalc compare``: one row per plan (and breakdown) that has the indicator."""


@dataclass
class Rollup:
    """Report rows of several plans, their summaries, and what could not be loaded."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    accounting: list[str] = field(default_factory=list)


def report_all(directory: Path, year: int) -> Rollup:
    """Every plan's report rows for ``year`` (computed by the roll-up engine), with one summary row (whole plan)
    each, all in memory: for the formats that need the whole table (terminal, JSON, Markdown, Excel, HTML)."""
    from gapcalc.engine.run import iter_batches, plan_summaries, typed_rows

    result = Rollup()
    total = Accounting()
    for batch in iter_batches(directory, year, result.failures):
        result.rows += typed_rows(batch.columns)
        result.summaries += plan_summaries(batch, year)
        for accounting, notes in zip(batch.accounting, batch.notes, strict=True):
            total.merge(accounting)
            result.accounting += notes
    if total.read:
        result.accounting.append(f"actuals of {len(result.summaries)} plans: {total.summary()}")
    return result


def compare(directory: Path, indicator_id: str, year: int) -> Rollup:
    """One row per plan (and breakdown) stating ``indicator_id`` (from the roll-up engine), with the plan's region;
    a GapcalcError when no plan has it."""
    from gapcalc.engine.run import iter_batches, typed_rows

    result = Rollup()
    known: set[str] = set()
    for batch in iter_batches(directory, year, result.failures):
        regions = {plan.id: (plan.region_zh, plan.region_en) for plan in batch.plans}
        known |= {indicator for plan in batch.plans for indicator in plan.units}
        for row in typed_rows(batch.columns):
            if row["indicator"] == indicator_id:
                row["region_zh"], row["region_en"] = regions[row["plan"]]
                result.rows.append(row)
    if not result.rows:
        close = sorted(k for k in known if k.startswith(indicator_id))[:1] or difflib.get_close_matches(
            indicator_id, sorted(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see `gapcalc targets PLAN` for indicator ids"
        raise GapcalcError(f"no plan has an indicator '{indicator_id}'", hint)
    return result
