"""``gapcalc brief PLAN YEAR``: the written progress report of a plan, as a Word document or Markdown."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from gapcalc.cli.common import (
    YearType,
    as_known_on_option,
    dash_is_stdout,
    fail_on_actuals_errors,
    lang_option_saying,
    note,
    say_actuals,
    targets_dir_option,
    write_output,
)
from gapcalc.cli.complete import complete_plan
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.messages import t
from gapcalc.render import formats, render_function
from gapcalc.render.i18n import detect_lang

FORMATS = formats("brief")


@click.command(name="brief")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("year", type=YearType(example=2022))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="docx (a Word file, needs --output) or markdown [default: from the output's suffix, else docx].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              callback=dash_is_stdout, help="FILE.docx, or FILE.md for markdown [markdown default: stdout; - is "
                                            "stdout].")
@click.option("--force", is_flag=True, help="Replace the pictures of a Markdown brief (FILE-chart-N.png) if they "
                                            "exist.")
@lang_option_saying("Language of the brief [default: GAPCALC_LANG, else Chinese].")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@as_known_on_option
@targets_dir_option
def command(plan: str, year: int, fmt: str | None, output: Path | None, force: bool, lang: str | None,
            actuals_path: Path | None, as_known_on: datetime.date | None, targets_dir: Path) -> None:
    """Write the progress report (进展情况报告) of PLAN for YEAR, as a bureau head signs it.

    一、总体评价 with every target counted in its class (提前实现, 快于预期, 基本符合预期, 滞后) and the
    主要指标完成情况表; 二、主要指标进展; 三、存在问题; 四、下一步建议; 数据说明; 附件. At and after the plan's
    final year, a final evaluation. The charts of the lagging targets are inside the Word file; for Markdown
    written with -o FILE.md, PNG files beside it (FILE-chart-1.png, …). Markdown on stdout has no charts.
    Numbers are the CSV's (`gapcalc report PLAN YEAR -f csv`), written as reports write them (docs/methodology.md
    §10).
    """
    chosen = fmt or ("markdown" if output is not None and output.suffix.lower() == ".md" else "docx")
    if chosen == "docx" and output is None:
        raise GapcalcError(t("a Word brief is written to a file"),
                           t("add --output FILE.docx, or -f markdown for text"))
    language = detect_lang(lang, default="zh")
    brief_markdown = render_function("brief", "markdown")
    from gapcalc.usecases.brief import brief_of

    made = brief_of(plan, targets_dir, year, language, actuals_path, as_known_on)
    say_actuals(made.report)
    if chosen == "markdown" and output is None:
        write_output(brief_markdown(made.brief), output)
        fail_on_actuals_errors(made.report.errors)
        return
    assert output is not None
    charts = made.pictures()
    if charts and made.font_note:
        note(made.font_note)
    if chosen == "markdown":
        images = [(caption, chart_file(output, number)) for number, (caption, _) in enumerate(charts, 1)]
        for (_, png), (_, name) in zip(charts, images, strict=True):
            write_atomic(output.with_name(name), png, exclusive=not force)
            note(t("wrote {path} (a picture the brief shows)", path=str(output.with_name(name))))
        write_output(brief_markdown(made.brief, images), output)
        fail_on_actuals_errors(made.report.errors)
        return
    write_atomic(output, render_function("brief", "docx")(made.brief, charts))
    note(t("wrote {path}", path=str(output)))
    fail_on_actuals_errors(made.report.errors)


def chart_file(output: Path, number: int) -> str:
    """The name of the ``number``-th chart written beside a Markdown brief: ``cq-2022-chart-1.png``."""
    return f"{output.stem}-chart-{number}.png"
