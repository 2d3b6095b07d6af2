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


@click.command(name="draft")
@click.argument("document", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--plan", "plan_id", default=None, help="Plan id [default: from the region in the title].")
@writable_targets_dir_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              callback=_a_file, help="Where to save the document's text [default: <targets-dir>/../docs/sources/"
                                     "<id>.txt].")
@click.option("--force", is_flag=True, help="Overwrite an existing target file or text.")
def command(document: Path, plan_id: str | None, targets_dir: Path, output: Path | None, force: bool) -> None:
    """Read a Chinese plan document (text, HTML, Word, PDF; - reads standard input) and write a draft target file
    and its text.

    The draft passes `gapcalc check`; every reading to review carries a note beginning `draft:` and is listed
    as `file:line: why`. Exit 0 when written, 2 when the document is unreadable, empty or states no target.
    A long document (8 PDF pages, 4,000 lines or more) shows a progress bar on a terminal.
    """
    from gapcalc.usecases.draft import draft_file

    language = detect_lang(None)
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
    findings = [f for f in sort_findings(checked.findings) if f.severity is not Severity.INFO]
    if findings:
        click.echo(render_findings(findings, checked.files, CheckFormat.TEXT), nl=False)
    errors, warnings = checked.count(Severity.ERROR), checked.count(Severity.WARNING)
    click.echo(say(t("check: {errors} error{s}, {warnings} warning{s2}", errors=errors, s=plural(errors),
                     warnings=warnings, s2=plural(warnings)), language))
    click.echo(say(t("review ({count}):", count=len(result.review)), language))
    for line in result.review:
        click.echo(f"  {say(line, language)}")
    raise SystemExit(EXIT_OK)


def _shown(path: Path) -> str:
    """A written file as the user would type it: relative to the working directory when it lies below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
