"""``gapcalc report PLAN YEAR``: the gap table."""

from __future__ import annotations

from pathlib import Path

import click

from ..engine import ALL_COLUMNS, build_report
from ..render import OutputFormat
from ..workspace import open_actuals, open_plan
from .common import choose_format, color_option, format_option, note, output_option, targets_dir_option
from .emit import emit


@click.command(name="report")
@click.argument("plan")
@click.argument("year", type=click.IntRange(1949, 2100))
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@click.option("--encoding", default=None, help="Encoding of the actuals file [default: detect].")
@targets_dir_option
@format_option([f.value for f in OutputFormat])
@color_option
@output_option
def command(plan: str, year: int, actuals_path: Path | None, encoding: str | None, targets_dir: Path,
            fmt: str | None, color: str, output: Path | None) -> None:
    """The gap table of PLAN for YEAR: target, actual, gap, progress against time, growth still needed, outlook.

    CSV columns (scripts may rely on them, in this order): plan, indicator, name_zh, breakdown, unit, direction,
    year, target, comparator, target_source, actual, actual_year, gap, attainment_pct, baseline, baseline_year,
    progress_pct, time_elapsed_pct, final_year, final_target, required_cagr_pct, required_change_per_year,
    observed_cagr_pct, status, outlook; then source, source_title, note, target_text, subplan, name_en,
    growth_ratio.
    """
    loaded = open_plan(plan, targets_dir)
    actuals = open_actuals(loaded, actuals_path, targets_dir, encoding, required=actuals_path is not None)
    for problem in actuals.findings:
        note(problem.as_text())
    if actuals.accounting.read or actuals_path is not None:
        note(f"{actuals.path}: {actuals.accounting.summary()}")
    rows = build_report(loaded.plan, year, actuals.values)
    header = loaded.plan.plan
    title = f"{header.name_zh} — {header.document} — {year}"
    emit(rows, ALL_COLUMNS, choose_format(fmt), title, color, output, table=_table)


def _table(console: object, rows: list[dict[str, object]], title: str) -> None:
    from ..render.table import print_report

    print_report(console, rows, title)  # type: ignore[arg-type]
