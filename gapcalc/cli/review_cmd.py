"""``gapcalc review PLAN``: the review page of a drafted plan, from its target file and the document's saved text."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import EXIT_OK, lang_option, note, targets_dir_option, use_lang, write_output
from gapcalc.cli.complete import complete_plan
from gapcalc.messages import t


@click.command(name="review")
@click.argument("plan", shell_complete=complete_plan)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="The page to write [default: PLAN-review.html in the working directory; - is stdout].")
@click.option("--force", is_flag=True, help="Replace the page if it exists.")
@lang_option
@targets_dir_option
def command(plan: str, output: Path | None, force: bool, lang: str | None, targets_dir: Path) -> None:
    """Write the review page of PLAN: every statement beside its sentence in the saved document, the number read
    highlighted, what was read, why (the drafter's note) and what to check; statements still marked draft: are
    flagged, so after a partial review the page shows what is left.

    One self-contained HTML file (inline CSS, no scripts, nothing fetched). An existing page is replaced only with
    --force. Exit 0 when written, 2 when the plan is unknown or its file does not validate.
    """
    from gapcalc.usecases.review import plan_review, write_review

    language = use_lang(lang)
    page, data = plan_review(plan, targets_dir, language)
    if output is not None and str(output) == "-":
        write_output(page, None)
        raise SystemExit(EXIT_OK)
    path = output or Path(f"{plan}-review.html")
    write_review(page, path, force)
    todo = sum(1 for statement in data.statements if statement.to_review)
    note(t("wrote {path}: {count} statements, {todo} to review", path=str(path), count=len(data.statements),
           todo=todo))
    raise SystemExit(EXIT_OK)
