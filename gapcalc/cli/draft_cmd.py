"""``gapcalc draft DOCUMENT``: a target file drafted from a plan document, for review."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import EXIT_OK, note, writable_targets_dir_option
from gapcalc.cli.progress import progress_bar
from gapcalc.errors import GapcalcError, Severity, sort_findings
from gapcalc.messages import plural, say, t
from gapcalc.render.findings import CheckFormat, render_findings
from gapcalc.render.i18n import detect_lang
from gapcalc.usecases.check import check_paths


def _a_file(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """``--output`` names the file the document's text is saved to: ``-`` (standard output) is refused."""
    if value is not None and str(value) == "-":
        raise GapcalcError(t("--output - : the document's text is saved to a file, beside the plan"),
                           t("give a file name, or leave --output out"))
    return value


def _a_page(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """``--review`` names a file: ``-`` (standard output, which carries the review list) is refused."""
    if value is not None and str(value) == "-":
        raise GapcalcError(t("--review - : the review page is written to a file"), t("give a file name, e.g. --review "
                                                                                     "review.html"))
    return value


@click.command(name="draft")
@click.argument("document", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--plan", "plan_id", default=None, help="Plan id [default: from the region in the title].")
@writable_targets_dir_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              callback=_a_file, help="Where to save the document's text [default: <targets-dir>/../docs/sources/"
                                     "<id>.txt].")
@click.option("--review", "review", type=click.Path(dir_okay=False, path_type=Path), default=None,
              callback=_a_page, help="Also write the review page (HTML): each statement beside its sentence.")
@click.option("--force", is_flag=True, help="Overwrite an existing target file, text or review page.")
def command(document: Path, plan_id: str | None, targets_dir: Path, output: Path | None, review: Path | None,
            force: bool) -> None:
    """Read a Chinese plan document (text, HTML, Word, PDF; - reads standard input) and write a draft target file
    and its text.

    The draft has no errors for `gapcalc check`; every reading to review carries a mark `draft:` and is listed
    as `file:line: why` (`check` warns of each statement still marked: GC130). --review FILE also writes the
    review page (as `gapcalc review` does). Exit 0 when written, 2 when the document is unreadable, empty or
    states no target. A long document (8 PDF pages, 4,000 lines or more) shows a progress bar on a terminal.
    """
    from gapcalc.usecases.draft import draft_file

    language = detect_lang(None)
    if review is not None:  # the review page's modules are imported only when a page is asked for
        from gapcalc.usecases.review import refuse_existing

        refuse_existing(review, force)  # before anything is written
    made = not targets_dir.exists()
    with progress_bar(say(t("reading the document"), language)) as progress:
        doc, result = draft_file(document, plan_id, targets_dir, output, force, progress)
    if made:
        note(t("made the targets directory {path}", path=str(targets_dir)))
    for warning in doc.warnings:
        note(t("{path}: {warning}", path=str(document), warning=warning))
    click.echo(say(t("wrote {path} ({indicators} indicators, {numbers} numbers) and {source}",
                     path=str(result.target_file), indicators=result.draft.indicator_count,
                     numbers=result.draft.number_count, source=_shown(result.source_file)), language))
    checked = check_paths([result.target_file], targets_dir, None, traceability=True, plan_id=None)
    # the marks not reviewed (GC130) are the review list below, said once
    findings = [f for f in sort_findings(checked.findings) if f.severity is not Severity.INFO and f.code != "GC130"]
    if findings:
        click.echo(render_findings(findings, checked.files, CheckFormat.TEXT), nl=False)
    errors = checked.count(Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    click.echo(say(t("check: {errors} error{s}, {warnings} warning{s2}", errors=errors, s=plural(errors),
                     warnings=warnings, s2=plural(warnings)), language))
    click.echo(say(t("review ({count}):", count=len(result.review)), language))
    for line in result.review:
        click.echo(f"  {say(line, language)}")
    if review is not None:
        from gapcalc.usecases.review import review_html, write_review

        page, data = review_html(result.target_file, language)
        write_review(page, review, force)
        todo = sum(1 for statement in data.statements if statement.to_review)
        note(t("wrote {path}: {count} statements, {todo} to review", path=str(review), count=len(data.statements),
               todo=todo))
    raise SystemExit(EXIT_OK)


def _shown(path: Path) -> str:
    """A written file as the user would type it: relative to the working directory when it lies below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
