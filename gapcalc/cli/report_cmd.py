"""``gapcalc report PLAN YEAR`` and ``gapcalc report --all YEAR``: the gap table, then its summary."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from gapcalc.cli.common import choose_format, note, table_options
from gapcalc.cli.emit import Document, emit
from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.engine.summary import summary_line
from gapcalc.errors import GapcalcError
from gapcalc.render import OutputFormat
from gapcalc.render.i18n import SUMMARY_TITLES, detect_lang


@click.command(name="report")
@click.argument("args", nargs=-1, metavar="PLAN YEAR")
@click.option("--all", "all_plans", is_flag=True, help="Every plan of the targets directory (give only YEAR).")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@click.option("--encoding", default=None, help="Encoding of the actuals file [default: detect].")
@table_options
def command(args: tuple[str, ...], all_plans: bool, actuals_path: Path | None, encoding: str | None,
            targets_dir: Path, fmt: str | None, color: str, lang: str | None, output: Path | None) -> None:
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
    language = detect_lang(lang)
    if plan is None:
        _report_all(targets_dir, year, chosen, color, output, language)
        return
    from gapcalc.engine.perplan import build_report
    from gapcalc.engine.summary import summarise
    from gapcalc.workspace.open import open_actuals, open_plan

    loaded = open_plan(plan, targets_dir)
    actuals = open_actuals(loaded, actuals_path, targets_dir, encoding, required=actuals_path is not None)
    for problem in actuals.findings:
        note(problem.as_text())
    if actuals.accounting.read or actuals_path is not None:
        note(actuals.summary())
    rows = build_report(loaded.plan, year, actuals.values)
    summary = summarise(loaded.plan, year, rows)
    header = loaded.plan.plan
    title = f"{header.name_zh} — {header.document} — {year}"

    def table(console: Any, table_rows: Sequence[dict[str, Any]], table_title: str, lang: str) -> None:
        from gapcalc.render.summary_table import print_summary
        from gapcalc.render.table import print_report

        print_report(console, table_rows, table_title, lang)
        print_summary(console, summary, SUMMARY_TITLES[lang].format(year=year), lang)

    emit(Document(rows, ALL_COLUMNS, title, "report", summary, table), chosen, color, output, language)
    if chosen is not OutputFormat.TABLE:
        note(summary_line(summary[-1], language))


def _arguments(args: tuple[str, ...], all_plans: bool) -> tuple[str | None, int]:
    expected = 1 if all_plans else 2
    if len(args) != expected:
        usage = "gapcalc report --all YEAR" if all_plans else "gapcalc report PLAN YEAR"
        raise click.UsageError(f"expected {'YEAR' if all_plans else 'PLAN YEAR'}; usage: {usage}")
    year_text = args[-1]
    if not year_text.isdigit() or not 1949 <= int(year_text) <= 2100:
        raise GapcalcError(f"'{year_text}' is not a year", "give a year such as 2019")
    return (None if all_plans else args[0]), int(year_text)


def _report_all(targets_dir: Path, year: int, chosen: OutputFormat, color: str, output: Path | None,
                language: str) -> None:
    if chosen in (OutputFormat.CSV, OutputFormat.TSV):
        summaries, failures = _stream_all(targets_dir, year, "," if chosen is OutputFormat.CSV else "\t", output)
    else:
        from gapcalc.engine.rollup import report_all

        rollup = report_all(targets_dir, year)
        summaries, failures = rollup.summaries, rollup.failures
        for line in rollup.accounting:
            note(line)

        def table(console: Any, table_rows: Sequence[dict[str, Any]], table_title: str, lang: str) -> None:
            from gapcalc.render.summary_table import print_summary
            from gapcalc.render.table import print_report

            for plan_id in dict.fromkeys(r["plan"] for r in table_rows):
                print_report(console, [r for r in table_rows if r["plan"] == plan_id], f"{plan_id} — {year}", lang)
            print_summary(console, rollup.summaries, table_title, lang)

        document = Document(rollup.rows, ALL_COLUMNS, f"All plans — {year}", "report", rollup.summaries, table)
        emit(document, chosen, color, output, language)
    if chosen is not OutputFormat.TABLE:
        for summary in summaries:
            note(summary_line(summary, language))
    for failure in failures:
        note(f"skipped: {failure}")
    if failures:
        raise GapcalcError(f"{len(failures)} plan(s) could not be loaded", "run `gapcalc check`")


def _stream_all(targets_dir: Path, year: int, delimiter: str,
                output: Path | None) -> tuple[list[dict[str, Any]], list[str]]:
    """Every plan's rows, computed column-wise a batch of plans at a time and written as soon as computed."""
    from gapcalc.actuals.parse import Accounting
    from gapcalc.engine.run import iter_batches, plan_summaries, write_delimited
    from gapcalc.render.delimited import render_delimited

    failures: list[str] = []
    summaries: list[dict[str, Any]] = []
    total = Accounting()
    try:
        handle: TextIO = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        raise GapcalcError(f"cannot write {output}: {exc.strerror}") from None
    try:
        handle.write(render_delimited([], ALL_COLUMNS, delimiter))
        for batch in iter_batches(targets_dir, year, failures):
            write_delimited(batch.columns, handle, delimiter)
            summaries += plan_summaries(batch, year)
            for accounting, notes in zip(batch.accounting, batch.notes, strict=True):
                total.merge(accounting)
                for line in notes:
                    note(line)
    finally:
        if output:
            handle.close()
    if total.read:
        note(f"actuals of {len(summaries)} plans: {total.summary()}")
    return summaries, failures
