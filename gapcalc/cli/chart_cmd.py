"""``gapcalc chart PLAN INDICATOR``: draw one indicator as PNG or SVG (matplotlib is imported only here)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gapcalc.cli.common import fail_on_actuals_errors, note, targets_dir_option
from gapcalc.cli.complete import complete_indicator, complete_plan
from gapcalc.engine.run import open_compiled, report_plan
from gapcalc.engine.trajectory import build_trajectory
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.workspace.atomic import write_atomic

SUFFIXES = (".png", ".svg")


@click.command(name="chart")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("indicator", shell_complete=complete_indicator)
@click.option("--breakdown", default=None, help="Breakdown key to draw [default: the headline figure].")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@targets_dir_option
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Label language [default: GAPCALC_LANG, else zh when matplotlib has a CJK font, else en].")
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
    compiled = open_compiled(plan, targets_dir)
    report = report_plan(compiled, targets_dir, compiled.period[1], actuals_path)
    read = report.actuals[0]
    for line in read.findings:
        note(line)
    if read.summary and (read.accounting.read or actuals_path is not None):
        note(read.summary)
    trajectory = build_trajectory(compiled, indicator, breakdown, read)

    from gapcalc.render.chart import choose_language, find_cjk_font, render_chart

    font = find_cjk_font()
    language, warning = choose_language(requested_lang(lang), font)
    if warning:
        note(warning)
    data = render_chart(trajectory, suffix.removeprefix("."), language, font)
    write_atomic(output, data)
    note(t("wrote {path}", path=str(output)))
    fail_on_actuals_errors(read.errors)


def requested_lang(option: str | None) -> str | None:
    """The label language asked for: ``--lang``, else ``GAPCALC_LANG`` (as every other command); None leaves the
    choice to the fonts found."""
    from gapcalc.render.i18n import LANG_ENV, LANGS

    chosen = option or os.environ.get(LANG_ENV)
    return chosen if chosen in LANGS else None
