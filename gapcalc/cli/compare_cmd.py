"""``gapcalc compare INDICATOR YEAR``: one indicator across every plan that states it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..render import OutputFormat
from ..rollup import COMPARE_COLUMNS, compare
from .common import choose_format, color_option, format_option, note, output_option, targets_dir_option
from .emit import emit


@click.command(name="compare")
@click.argument("indicator")
@click.argument("year", type=click.IntRange(1949, 2100))
@targets_dir_option
@format_option([f.value for f in OutputFormat])
@color_option
@output_option
def command(indicator: str, year: int, targets_dir: Path, fmt: str | None, color: str, output: Path | None) -> None:
    """INDICATOR (a shared id such as nc_rate_key_processes) in every plan that has it, side by side for YEAR.

    CSV columns: indicator, plan, region_zh, region_en, breakdown, name_zh, unit, direction, year, target,
    comparator, target_source, actual, actual_year, gap, attainment_pct, progress_pct, time_elapsed_pct, final_year,
    final_target, required_cagr_pct, required_change_per_year, observed_cagr_pct, status, outlook, source, note.
    """
    result = compare(targets_dir, indicator, year)
    for failure in result.failures:
        note(f"skipped: {failure}")

    def table(console: Any, rows: list[dict[str, Any]], title: str) -> None:
        from ..render.table import print_report

        named = [{**row, "name_zh": f"{row['region_zh']} {row['name_zh']}"} for row in rows]
        print_report(console, named, title)

    emit(result.rows, COMPARE_COLUMNS, choose_format(fmt), f"{indicator} — {year}", color, output, table=table)
