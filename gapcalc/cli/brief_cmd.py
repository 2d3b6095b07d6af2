"""``gapcalc brief PLAN YEAR``: the written progress report of a plan, as a Word document or Markdown."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gapcalc.cli.common import fail_on_actuals_errors, note, targets_dir_option, write_output
from gapcalc.cli.complete import complete_plan
from gapcalc.errors import GapcalcError
from gapcalc.messages import t
from gapcalc.render.i18n import LANG_ENV
from gapcalc.workspace.atomic import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.render.svg import ChartData

FORMATS = ("docx", "markdown")


@click.command(name="brief")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("year")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="docx (a Word file, needs --output) or markdown [default: from the output's suffix, else docx].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="FILE.docx, or FILE.md for markdown [markdown default: stdout].")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the brief [default: GAPCALC_LANG, else Chinese].")
@click.option("--actuals", "actuals_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Actuals CSV [default: actuals/<plan>.csv beside the targets directory].")
@targets_dir_option
def command(plan: str, year: str, fmt: str | None, output: Path | None, lang: str | None,
            actuals_path: Path | None, targets_dir: Path) -> None:
    """Write the progress report (进展情况报告) of PLAN for YEAR: a draft to edit.

    An overview (targets, assessed, met, on track, behind), a paragraph per indicator with a figure (actual against
    target, gap, 完成率, time elapsed against progress, growth still needed, source), the targets without data,
    the targets stated in words, the gap table and the charts of the indicators furthest behind: inside the Word
    file; for Markdown written with -o FILE.md, as PNG files beside it (FILE-chart-1.png, …) that the text refers
    to. Markdown on stdout has no charts (a stream cannot carry the pictures). Every number is printed as
    `gapcalc report PLAN YEAR -f csv` prints it.
    """
    chosen = fmt or ("markdown" if output is not None and output.suffix.lower() == ".md" else "docx")
    if chosen == "docx" and output is None:
        raise GapcalcError(t("a Word brief is written to a file"),
                           t("add --output FILE.docx, or -f markdown for text"))
    language = lang or (os.environ.get(LANG_ENV) if os.environ.get(LANG_ENV) in ("zh", "en") else None) or "zh"
    report_year = _year(year)
    from gapcalc.engine.run import open_compiled, report_plan, summarise
    from gapcalc.render.brief import brief_markdown, build_brief
    from gapcalc.render.rows import clean_rows
    from gapcalc.render.series import report_extra

    compiled = open_compiled(plan, targets_dir)
    report = report_plan(compiled, targets_dir, report_year, actuals_path)
    read = report.actuals[0]
    for line in read.findings:
        note(line)
    extra = report_extra(report)
    rows, summary = clean_rows(report.columns.rows()), clean_rows(summarise(report, report_year))
    brief = build_brief(_header(plan, targets_dir), report_year, rows, summary, language)
    if chosen == "markdown" and output is None:
        write_output(brief_markdown(brief), output)
        fail_on_actuals_errors(read.errors)
        return
    assert output is not None
    charts = _charts(compiled, brief.behind, extra["charts"], language)
    if chosen == "markdown":
        images = [(caption, chart_file(output, number)) for number, (caption, _) in enumerate(charts, 1)]
        for (_, png), (_, name) in zip(charts, images, strict=True):
            write_atomic(output.with_name(name), png)
        write_output(brief_markdown(brief, images), output)
        fail_on_actuals_errors(read.errors)
        return
    from gapcalc.render.brief import brief_docx

    write_atomic(output, brief_docx(brief, charts))
    note(t("wrote {path}", path=str(output)))
    fail_on_actuals_errors(read.errors)


def _header(plan: str, targets_dir: Path) -> Any:
    """The plan's header (names, region, document)."""
    from gapcalc.workspace.open import open_plan

    return open_plan(plan, targets_dir).plan.plan


def chart_file(output: Path, number: int) -> str:
    """The name of the ``number``-th chart written beside a Markdown brief: ``cq-2022-chart-1.png``."""
    return f"{output.stem}-chart-{number}.png"


def _year(text: str) -> int:
    if not text.isdigit() or not 1949 <= int(text) <= 2100:
        raise GapcalcError(t("'{text}' is not a year", text=text), t("give a year such as {year}", year=2022))
    return int(text)


def _charts(plan: Any, rows: Sequence[dict[str, Any]], charts: Mapping[tuple[str, str, str], ChartData],
            lang: str) -> list[tuple[str, bytes]]:
    """PNG pictures (gapcalc chart's drawing) of the given rows, each made of the points of the row's chart on the
    report page and the site; a row whose chart ends on a total rather than a level is left out."""
    from gapcalc.render.brief import TEXT
    from gapcalc.render.chart import choose_language, find_cjk_font, render_chart
    from gapcalc.render.page import indicator_name
    from gapcalc.render.rows import row_key
    from gapcalc.render.series import chart_trajectory

    font = find_cjk_font()
    language, _ = choose_language(lang, font)
    pictures: list[tuple[str, bytes]] = []
    for row in rows:
        indicator, breakdown = row_key(row)
        trajectory = chart_trajectory(plan, row, charts[(str(row["plan"]), indicator, breakdown)])
        if trajectory is None:
            continue
        caption = str(TEXT[lang]["chart_caption"]).format(number=len(pictures) + 1, name=indicator_name(row, lang))
        pictures.append((caption, render_chart(trajectory, "png", language, font)))
    return pictures
