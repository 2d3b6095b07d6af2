"""``gapcalc check [PATH…]``: validate target and actuals files."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

import click

from gapcalc.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    lang_option,
    note,
    output_option,
    quiet_option,
    read_stdin_to,
    targets_dir_option,
    use_lang,
    write_output,
)
from gapcalc.cli.progress import progress_bar
from gapcalc.errors import Finding, Severity, sort_findings
from gapcalc.infra.pool import cli_pool
from gapcalc.messages import plural, say, t
from gapcalc.render.findings import CheckFormat, render_findings
from gapcalc.usecases.check import check_paths


@click.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice([f.value for f in CheckFormat]), default=None,
              help="Output format [default: github under GitHub Actions, else text].")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also list infos (e.g. every blank value) in text and github output.")
@click.option("--encoding", default=None, help="Encoding of actuals files [default: detect].")
@click.option("--plan", "plan_id", default=None, help="Plan of the actuals files given [default: from the file name].")
@click.option("--no-quotes", "no_quotes", is_flag=True, help="Skip the quote-in-document traceability check.")
@targets_dir_option
@output_option
@lang_option
@quiet_option
def command(paths: tuple[Path, ...], fmt: str | None, strict: bool, verbose: bool, encoding: str | None,
            plan_id: str | None, no_quotes: bool, targets_dir: Path, output: Path | None, lang: str | None) -> None:
    """Validate target files (*.toml) and actuals files (*.csv); PATHS may be files or directories.

    Without PATHS, checks the targets directory; - reads one file from standard input (a target file when it has a
    [plan] table, else an actuals file of --plan). Exit 0 clean, 1 findings (errors; warnings too with --strict),
    2 unreadable input. Findings print as `file:line:col: CODE severity: message — hint`.
    """
    chosen = CheckFormat(fmt) if fmt else (CheckFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true"
                                           else CheckFormat.TEXT)
    language = use_lang(lang)
    with tempfile.TemporaryDirectory(prefix="gapcalc-stdin-") as folder, \
            progress_bar(say(t("checking files"), language)) as progress, cli_pool(progress) as pool:
        given = [_stdin_file(Path(folder), plan_id) if str(p) == "-" else p for p in paths]
        result = check_paths(given or [targets_dir], targets_dir, encoding, traceability=not no_quotes,
                             plan_id=plan_id, pool=pool)
        findings = [_named_stdin(f, given) for f in sort_findings(result.findings)]
    if not verbose and chosen in (CheckFormat.TEXT, CheckFormat.GITHUB):
        findings = [f for f in findings if f.severity is not Severity.INFO]
    write_output(render_findings(findings, result.files, chosen, language), output)
    for message in result.notes:
        note(message)
    for summary in result.summaries:
        note(summary)
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    files = len(result.files)
    note(t("checked {files} file{s}: {errors} error{s2}, {warnings} warning{s3}", files=files, s=plural(files),
           errors=errors, s2=plural(errors), warnings=warnings, s3=plural(warnings)))
    if result.io_error:
        raise SystemExit(EXIT_USAGE)
    if errors or (strict and warnings):
        raise SystemExit(EXIT_FINDINGS)
    raise SystemExit(EXIT_OK)


STDIN_NAME = "-"
"""How findings name standard input."""


def _stdin_file(folder: Path, plan_id: str | None) -> Path:
    """Standard input saved under a name that says what it is: ``stdin.toml`` for a target file (it has a ``[plan]``
    table), else ``<plan>.csv`` (the plan of ``--plan``, else read from its ``plan`` column)."""
    path = read_stdin_to(folder, "stdin.data")
    head = path.read_bytes()[:65536].decode("utf-8", "replace")
    name = "stdin.toml" if "[plan]" in head else f"{plan_id or 'stdin'}.csv"
    return path.rename(folder / name)


def _named_stdin(item: Finding, given: list[Path]) -> Finding:
    """A finding of the file saved from standard input, located in ``-``."""
    for path in given:
        if path.parent.name.startswith("gapcalc-stdin-") and item.file.endswith(path.name) and \
                Path(item.file).name == path.name:
            return dataclasses.replace(item, file=STDIN_NAME)
    return item
