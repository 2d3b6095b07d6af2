"""``gapcalc report PLAN YEAR`` and ``gapcalc report --all YEAR``: the gap table, then its summary."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gapcalc.cli.common import (
    as_known_on_option,
    choose_format,
    fail_on_actuals_errors,
    fail_on_failures,
    note,
    read_stdin_to,
    say_actuals,
    table_options,
    use_lang,
)
from gapcalc.cli.complete import complete_plan_then_year
from gapcalc.cli.emit import emit
from gapcalc.cli.progress import progress_bar
from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.messages import say, t
from gapcalc.render import OutputFormat
from gapcalc.render.document import Document
from gapcalc.render.i18n import SUMMARY_TITLES
from gapcalc.render.words import summary_line
from gapcalc.usecases.arguments import year_of

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.batch import BatchReport
    from gapcalc.infra.pool import Pool


@click.command(name="report")
@click.argument("args", nargs=-1, metavar="PLAN YEAR", shell_complete=complete_plan_then_year)
@click.option("--all", "all_plans", is_flag=True, help="Every plan of the targets directory (give only YEAR).")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default=None, help="Actuals CSV (- reads standard input) [default: actuals/<plan>.csv beside the "
                                 "targets directory].")
@click.option("--encoding", default=None, help="Encoding of the actuals file [default: detect].")
@click.option("--show", type=click.Choice(["targets", "assessed", "all"]), default="targets", show_default=True,
              help="Rows of the terminal table: those with a target for the year (in numbers or words), only those "
                   "met or not met, or all; machine formats always have every row.")
@as_known_on_option
@table_options
def command(args: tuple[str, ...], all_plans: bool, actuals_path: Path | None, encoding: str | None, show: str,
            as_known_on: datetime.date | None, targets_dir: Path, fmt: str | None, color: str, lang: str | None,
            output: Path | None) -> None:
    """The gap table of PLAN for YEAR: target, actual, gap, progress against time, growth still needed, outlook.

    CSV columns (scripts may rely on them, in this order): plan, indicator, name_zh, breakdown, unit, direction,
    year, target, comparator, target_source, actual, actual_year, gap, attainment_pct, baseline, baseline_year,
    progress_pct, time_elapsed_pct, final_year, final_target, required_cagr_pct, required_change_per_year,
    observed_cagr_pct, status, outlook; then source, source_title, note, target_text, subplan, name_en,
    growth_ratio, breakdown_zh, breakdown_en. A summary (counts by status and outlook, share of assessed targets
    met) follows the table, or goes to stderr with machine formats.
    """
    plan, year = _arguments(args, all_plans)
    chosen = choose_format(fmt, output)
    language = use_lang(lang)
    if plan is None:
        if as_known_on is not None:
            raise click.UsageError(t("--as-known-on reports one plan: give PLAN YEAR"))
        _report_all(targets_dir, year, chosen, color, output, language, show)
        return
    from gapcalc.usecases.run import open_compiled, report_plan

    compiled = open_compiled(plan, targets_dir)
    if actuals_path is not None and str(actuals_path) == "-":
        import tempfile  # only for actuals read from standard input

        with tempfile.TemporaryDirectory(prefix="gapcalc-stdin-") as folder:
            piped = read_stdin_to(Path(folder), f"{compiled.id}.csv")
            report = report_plan(compiled, targets_dir, year, piped, encoding, shown="-", as_known_on=as_known_on)
    else:
        report = report_plan(compiled, targets_dir, year, actuals_path, encoding, as_known_on=as_known_on)
    say_actuals(report)
    summary = report.summary()
    title = f"{compiled.name_zh} — {compiled.document} — {year}"

    def table(console: Any, table_rows: Sequence[dict[str, Any]], table_title: str, lang: str) -> None:
        from gapcalc.render.summary_table import print_summary
        from gapcalc.render.table import print_report

        units = {(compiled.id, indicator): unit for indicator, unit in compiled.units.items()}
        print_report(console, table_rows, table_title, lang, show, units)
        print_summary(console, summary, SUMMARY_TITLES[lang].format(year=year), lang)

    document = Document(title, ALL_COLUMNS, batches=[report.columns.columns], kind="report", summary=summary,
                        table=table, lang=language, extra=_page_extra(report, chosen))
    emit(document, chosen, color, output, language)
    if chosen is not OutputFormat.TABLE:
        note(summary_line(summary[-1], language))
    fail_on_actuals_errors(report.errors)


def _page_extra(report: BatchReport, chosen: OutputFormat) -> dict[str, Any]:
    """The charts and names the html page and the xlsx workbook show beside the rows; nothing for other formats."""
    if chosen not in (OutputFormat.HTML, OutputFormat.XLSX):
        return {}
    from gapcalc.usecases.charts import report_extra

    return report_extra(report)


def _arguments(args: tuple[str, ...], all_plans: bool) -> tuple[str | None, int]:
    expected = 1 if all_plans else 2
    if len(args) != expected:
        usage = "gapcalc report --all YEAR" if all_plans else "gapcalc report PLAN YEAR"
        raise click.UsageError(f"expected {'YEAR' if all_plans else 'PLAN YEAR'}; usage: {usage}")
    return (None if all_plans else args[0]), year_of(args[-1])


def _report_all(targets_dir: Path, year: int, chosen: OutputFormat, color: str, output: Path | None,
                language: str, show: str) -> None:
    """Every plan's rows, computed a batch of plans at a time; streamed formats write each batch as it comes."""
    from gapcalc.infra.pool import cli_pool
    from gapcalc.usecases.run import Rollup, iter_batches

    rollup = Rollup(year)
    summaries = rollup.summaries
    extra: dict[str, Any] = {}
    units: dict[tuple[str, str], str] = {}

    def batches(pool: Pool) -> Iterator[dict[str, Any]]:
        for batch in iter_batches(targets_dir, rollup, pool):
            for notes in batch.notes:
                for line in notes:
                    note(line)
            extra.update({k: {**extra.get(k, {}), **v} for k, v in _page_extra(batch, chosen).items()})
            if chosen is OutputFormat.TABLE:
                units.update({(plan.id, key): unit for plan in batch.plans for key, unit in plan.units.items()})
            yield batch.columns.columns

    def table(console: Any, table_rows: Sequence[dict[str, Any]], table_title: str, lang: str) -> None:
        from gapcalc.render.summary_table import print_summary
        from gapcalc.render.table import print_report

        for plan_id in dict.fromkeys(r["plan"] for r in table_rows):
            print_report(console, [r for r in table_rows if r["plan"] == plan_id], f"{plan_id} — {year}", lang, show,
                         units)
        print_summary(console, summaries, table_title, lang)

    with progress_bar(say(t("reading plans"), language)) as progress, cli_pool(progress) as pool:
        document = Document(f"All plans — {year}", ALL_COLUMNS, batches=batches(pool), kind="report",
                            summary=summaries, table=table, lang=language, extra=extra)
        emit(document, chosen, color, output, language)
    if rollup.accounting.read:
        note(t("actuals of {count} plans: {summary}", count=len(summaries), summary=rollup.accounting.summary()))
    if chosen is not OutputFormat.TABLE:
        for summary in summaries:
            note(summary_line(summary, language))
    fail_on_failures(rollup.failures)
    fail_on_actuals_errors(rollup.errors)
