"""``gapcalc template PLAN YEAR --output FILE.csv``: an actuals file to fill in, for Excel."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import YearType, note, targets_dir_option, write_output
from gapcalc.cli.complete import complete_plan
from gapcalc.engine.contracts import TEMPLATE_COLUMNS
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.messages import t
from gapcalc.render.delimited import render_delimited
from gapcalc.usecases.plans import template_for


@click.command(name="template")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("year", type=YearType())
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), required=True,
              help="The CSV to write (UTF-8 with BOM, so Excel shows Chinese correctly; - is stdout, without BOM).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option("--as-of", "as_of", metavar="MONTH", default="",
              help="A template of figures for part of the year, up to MONTH (2024-09: 1—9月) [default: the whole "
                   "year].")
@click.option("--published", metavar="DATE", default="", help="The release date of the figures (2024-10-20).")
@targets_dir_option
def command(plan: str, year: int, output: Path, force: bool, as_of: str, published: str, targets_dir: Path) -> None:
    """Write an actuals template for PLAN and YEAR: one row per indicator/breakdown with a numeric target, with
    name and unit columns to guide the typist. Fill the value column (26, 26%, 1,234 and full-width digits are
    read; leave blank or — where there is no figure), add source and note (in Chinese; note_en for an English
    note), and scope (口径) where the figure measures something other than the indicator exactly
    (全行业，规划为制造业领域), then `gapcalc check FILE` and `gapcalc report PLAN YEAR --actuals FILE`. With
    --as-of, the rows are of figures to date (1—N月), which the report reads against 序时进度; a target of growth
    on no level asks for the growth rate (measure 同比).
    """
    rows = template_for(plan, targets_dir, year, as_of, published)
    if str(output) == "-":
        write_output(render_delimited(rows, TEMPLATE_COLUMNS, excel=True), None)
        return
    if output.exists() and not force:
        raise GapcalcError(t("{path} exists", path=str(output)),
                           t("pass --force to overwrite it, or choose another --output"))
    text = render_delimited(rows, TEMPLATE_COLUMNS, excel=True)
    write_atomic(output, text, encoding="utf-8-sig", newline="", exclusive=not force)
    note(t("wrote {path}: {count} rows to fill for {id} {year}", path=str(output), count=len(rows), id=plan,
           year=year))
