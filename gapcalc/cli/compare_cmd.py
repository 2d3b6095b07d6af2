"""``gapcalc compare INDICATOR YEAR``: one indicator across every plan that states it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from gapcalc.cli.common import YearType, choose_format, fail_on_actuals_errors, fail_on_failures, note, table_options
from gapcalc.cli.complete import complete_indicator
from gapcalc.cli.emit import emit
from gapcalc.engine.contracts import COMPARE_COLUMNS
from gapcalc.infra.pool import cli_pool
from gapcalc.render.document import Document
from gapcalc.render.i18n import detect_lang
from gapcalc.usecases.run import compare


@click.command(name="compare")
@click.argument("indicator", shell_complete=complete_indicator)
@click.argument("year", type=YearType())
@table_options
def command(indicator: str, year: int, targets_dir: Path, fmt: str | None, color: str, lang: str | None,
            output: Path | None) -> None:
    """INDICATOR (a shared id such as nc_rate_key_processes) in every plan that has it, side by side for YEAR.

    CSV columns: indicator, plan, region_zh, region_en, breakdown, name_zh, unit, direction, year, target,
    comparator, target_source, actual, actual_year, gap, attainment_pct, progress_pct, time_elapsed_pct, final_year,
    final_target, required_cagr_pct, required_change_per_year, observed_cagr_pct, status, outlook, source, note.
    """
    chosen = choose_format(fmt, output)
    with cli_pool() as pool:
        rows, rollup = compare(targets_dir, indicator, year, pool)
    for line in rollup.notes:
        note(line)

    def table(console: Any, rows: Sequence[dict[str, Any]], title: str, language: str) -> None:
        from gapcalc.render.table import print_report

        named = [{**row, "name_zh": f"{row['region_zh']} {row['name_zh']}",
                  "name_en": f"{row['region_en']}: {row.get('name_en') or row['name_zh']}"} for row in rows]
        print_report(console, named, title, language)

    emit(Document(f"{indicator} — {year}", COMPARE_COLUMNS, rows, kind="compare", table=table),
         chosen, color, output, detect_lang(lang))
    fail_on_failures(rollup.failures)
    fail_on_actuals_errors(rollup.errors)
