"""``gapcalc site OUTPUT_DIR``: the static progress site of every plan of the targets directory."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import (
    YearType,
    fail_on_actuals_errors,
    fail_on_failures,
    lang_option_saying,
    note,
    targets_dir_option,
)
from gapcalc.messages import t
from gapcalc.render.i18n import LANGS


@click.command(name="site")
@click.argument("output_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--year", type=YearType(), default=None,
              help="Year assessed [default: the latest year with any actual, else the current year].")
@lang_option_saying("Build one language only [default: zh and en, with a switch between them].")
@click.option("--force", is_flag=True, help="Replace the files of OUTPUT_DIR the site writes (a site built before).")
@targets_dir_option
def command(output_dir: Path, year: int | None, lang: str | None, force: bool, targets_dir: Path) -> None:
    """Write the progress site of every plan in the targets directory to OUTPUT_DIR.

    OUTPUT_DIR/index.html leads to OUTPUT_DIR/zh/ and OUTPUT_DIR/en/: an index of the plans with their summary, a
    page per plan (the gap table by subplan), a page per indicator (chart, milestones, actuals with sources, the
    plan's quotes) and a page per indicator stated by two plans or more. Static and offline; the same input gives
    the same bytes. Each file is written atomically; files already there are replaced only with --force. A target
    file that cannot be loaded is skipped, named, and makes the exit code 2 once the other plans' site is written.
    """
    from gapcalc.render.site import PlanData
    from gapcalc.usecases.site import build_site, default_year, write_site

    chosen = year if year is not None else default_year(targets_dir)
    langs = (lang,) if lang else LANGS
    read: list[PlanData] = []
    failures: list[str] = []
    pages = build_site(targets_dir, chosen, langs, read, failures)
    for plan in read:
        for line in plan.actuals_notes:
            note(line)
    write_site(pages, output_dir, force)
    plans = sum(1 for path in pages if path.count("/") == 2 and path.startswith(f"{langs[0]}/plans/"))
    note(t("wrote {pages} pages for {plans} plans ({langs}; year {year}) to {path}", pages=len(pages), plans=plans,
           langs=", ".join(langs), year=chosen, path=str(output_dir)))
    fail_on_failures(failures)
    fail_on_actuals_errors(sum(plan.actuals_errors for plan in read))
