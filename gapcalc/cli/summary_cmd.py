"""``gapcalc summary PLAN YEAR``: counts by status and outlook per subplan, and 指标完成率."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from gapcalc.cli.common import YearType, choose_format, fail_on_actuals_errors, say_actuals, table_options
from gapcalc.cli.complete import complete_plan
from gapcalc.cli.emit import emit
from gapcalc.engine.contracts import SUMMARY_COLUMNS
from gapcalc.render.document import Document
from gapcalc.render.i18n import SUMMARY_TITLES, detect_lang
from gapcalc.usecases.run import report_one


@click.command(name="summary")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("year", type=YearType())
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv].")
@table_options
def command(plan: str, year: int, actuals_path: Path | None, targets_dir: Path, fmt: str | None, color: str,
            lang: str | None, output: Path | None) -> None:
    """Counts by status and outlook for each subplan of PLAN and for the whole plan (subplan "*"), with the share
    of assessed targets met (指标完成率, met_share_pct).

    CSV columns: plan, subplan, subplan_name, year, rows, met, not_met, no_data, not_assessed, assessed,
    met_share_pct, achieved, on_track, acceleration_needed, limited_progress, deterioration, insufficient_data.
    """
    chosen = choose_format(fmt, output)
    report = report_one(plan, targets_dir, year, actuals_path)
    say_actuals(report)
    rows = report.summary()

    def table(console: Any, table_rows: Sequence[dict[str, Any]], title: str, language: str) -> None:
        from gapcalc.render.summary_table import print_summary

        print_summary(console, table_rows, title, language)

    language = detect_lang(lang)
    name = report.plan.name_zh if language == "zh" else report.plan.name_en
    title = f"{name} — {SUMMARY_TITLES[language].format(year=year)}"
    emit(Document(title, SUMMARY_COLUMNS, rows, kind="summary", table=table), chosen, color, output, language)
    fail_on_actuals_errors(report.errors)
