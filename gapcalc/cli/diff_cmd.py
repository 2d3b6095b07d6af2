"""``gapcalc diff``: what changed between two reports — two report files, or a plan's report on two sides (an
actuals file, or the actuals as known on a day); exit 1 when something changed, as ``diff(1)``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gapcalc.cli.common import EXIT_FINDINGS, choose_format, note, table_options, use_lang
from gapcalc.cli.complete import complete_plan_then_year
from gapcalc.cli.emit import emit
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.render import OutputFormat
from gapcalc.render.diff import diff_sentence, diff_title
from gapcalc.render.document import Document
from gapcalc.usecases.arguments import year_of
from gapcalc.usecases.diff import COLUMNS, diff_files, diff_plan

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.diff import Diff

SIDE_HELP = "an actuals CSV, or a date YYYY-MM-DD: the plan's actuals as known on that day"


@click.command(name="diff")
@click.argument("args", nargs=-1, metavar="[PLAN YEAR]", shell_complete=complete_plan_then_year)
@click.option("--reports", nargs=2, type=click.Path(path_type=Path), default=None, metavar="OLD NEW",
              help="Two report files written by `gapcalc report PLAN YEAR -f csv` (or tsv, json).")
@click.option("--old", "old", metavar="SPEC", default=None, help=f"The old side of PLAN YEAR: {SIDE_HELP}.")
@click.option("--new", "new", metavar="SPEC", default=None,
              help=f"The new side of PLAN YEAR: {SIDE_HELP} [default: the plan's actuals, all that is known].")
@click.option("--encoding", default=None, help="Encoding of the files read [default: detect].")
@table_options
def command(args: tuple[str, ...], reports: tuple[Path, Path] | None, old: str | None, new: str | None,
            encoding: str | None, targets_dir: Path, fmt: str | None, color: str, lang: str | None,
            output: Path | None) -> None:
    """What changed between two reports: figures added, revised (by how much) or removed, statuses and outlooks
    that changed, indicators only one report has. Exit 0 when nothing changed, 1 when something did.

    gapcalc diff --reports OLD NEW compares two files written by `gapcalc report`; gapcalc diff PLAN YEAR --old
    SPEC [--new SPEC] reports PLAN for YEAR on both sides first.

    CSV columns: change (added, revised, removed, status, outlook, row_added, row_removed), plan, indicator,
    breakdown, year, name_zh, name_en, field, old, new, delta, delta_pct. A sentence saying what changed follows
    the table, or goes to stderr with machine formats.
    """
    _check_usage(args, reports, old, new)
    chosen = choose_format(fmt, output)
    language = use_lang(lang)
    if reports is not None:
        diff = diff_files(reports[0], reports[1], encoding)
        title = f"{reports[0]} → {reports[1]}"
    else:
        year = year_of(args[1])
        compared = diff_plan(args[0], targets_dir, year, old, new, encoding)
        for line in compared.said:
            note(line)
        diff = compared.diff
        name = compared.plan.region_zh if language == "zh" else compared.plan.region_en
        title = diff_title(name, year, old, new, language)
    _emit(diff, title, chosen, color, output, language)
    if diff.changed:
        raise SystemExit(EXIT_FINDINGS)


def _emit(diff: Diff, title: str, chosen: OutputFormat, color: str, output: Path | None, language: str) -> None:
    """The changes in the chosen format; the sentence under the table, or on stderr."""
    def table(console: Any, _rows: Sequence[dict[str, Any]], table_title: str, lang: str) -> None:
        from gapcalc.render.diff import print_diff

        print_diff(console, diff, table_title, lang)

    emit(Document(title, COLUMNS, diff.rows(), kind="plain", table=table, lang=language), chosen, color, output,
         language)
    if chosen is not OutputFormat.TABLE:
        note(diff_sentence(diff, language))


def _check_usage(args: tuple[str, ...], reports: tuple[Path, Path] | None, old: str | None, new: str | None) -> None:
    """Either ``--reports OLD NEW`` alone, or ``PLAN YEAR --old SPEC [--new SPEC]``."""
    usage = t("usage: gapcalc diff --reports OLD NEW, or gapcalc diff PLAN YEAR --old SPEC [--new SPEC]")
    if reports is not None:
        if args or old is not None or new is not None:
            raise GapcalcError(t("--reports compares two report files: give no PLAN YEAR, --old or --new"), usage)
        return
    if len(args) != 2:
        raise GapcalcError(t("expected PLAN YEAR with --old SPEC, or --reports OLD NEW"), usage)
    if old is None:
        raise GapcalcError(t("--old SPEC is missing: the side to compare with"), usage)
