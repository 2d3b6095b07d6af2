"""``gapcalc chart PLAN INDICATOR``: draw one indicator as PNG or SVG (matplotlib only for a chart not cached)."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import fail_on_actuals_errors, lang_option_saying, note, say_actuals, targets_dir_option
from gapcalc.cli.complete import complete_indicator, complete_plan
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.messages import t
from gapcalc.render import formats
from gapcalc.render.i18n import requested_lang
from gapcalc.usecases.chart import drawn_charts, final_year_report, trajectory_of

SUFFIXES = tuple(f".{fmt}" for fmt in formats("chart"))


@click.command(name="chart")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("indicator", shell_complete=complete_indicator)
@click.option("--breakdown", default=None, help="Breakdown key to draw [default: the headline figure].")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@targets_dir_option
@lang_option_saying("Label language [default: GAPCALC_LANG, else zh when matplotlib has a CJK font, else en].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.png or FILE.svg.")
def command(plan: str, indicator: str, breakdown: str | None, actuals_path: Path | None, targets_dir: Path,
            lang: str | None, output: Path) -> None:
    """Draw INDICATOR of PLAN: baseline, milestones, plan path, actuals, required path, projection.

    The plan path joins the baseline and the milestones as the gap report interpolates; the required path (dashed)
    runs from the latest actual to the final target at the growth still needed; the projection (dotted) carries the
    latest actual to the final year at the growth observed since the baseline. Lower-bound and approximate actuals
    are marked (≥, ≈). Labels are Chinese when matplotlib has a CJK font, English otherwise.
    """
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise GapcalcError(t("cannot draw {path}: a chart is written as PNG or SVG", path=str(output)),
                           t("name the output FILE.png or FILE.svg"))
    report = final_year_report(plan, targets_dir, actuals_path)
    say_actuals(report)
    trajectory = trajectory_of(report, indicator, breakdown)

    (data,), warning = drawn_charts([trajectory], requested_lang(lang), suffix.removeprefix("."))
    if warning:
        note(warning)
    write_atomic(output, data)
    note(t("wrote {path}", path=str(output)))
    fail_on_actuals_errors(report.errors)
