"""``gapcalc check [PATH…]``: validate target and actuals files."""

from __future__ import annotations

import os
from pathlib import Path

import click

from gapcalc.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, note, targets_dir_option, write_output
from gapcalc.errors import Severity, sort_findings
from gapcalc.render.findings import CheckFormat, render_findings
from gapcalc.workspace.check import check_paths
from gapcalc.workspace.pool import cli_pool


@click.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice([f.value for f in CheckFormat]), default=None,
              help="Output format [default: github under GitHub Actions, else text].")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option("--verbose", "-v", is_flag=True,
              help="Also list infos (e.g. every blank value) in text and github output.")
@click.option("--encoding", default=None, help="Encoding of actuals files [default: detect].")
@click.option("--plan", "plan_id", default=None, help="Plan of the actuals files given [default: from the file name].")
@click.option("--no-quotes", "no_quotes", is_flag=True, help="Skip the quote-in-document traceability check.")
@targets_dir_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the findings to FILE.")
def command(paths: tuple[Path, ...], fmt: str | None, strict: bool, verbose: bool, encoding: str | None,
            plan_id: str | None, no_quotes: bool, targets_dir: Path, output: Path | None) -> None:
    """Validate target files (*.toml) and actuals files (*.csv); PATHS may be files or directories.

    Without PATHS, checks the targets directory. Exit 0 clean, 1 findings (errors; warnings too with --strict),
    2 unreadable input. Findings print as `file:line:col: CODE severity: message — hint`.
    """
    chosen = CheckFormat(fmt) if fmt else (CheckFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true"
                                           else CheckFormat.TEXT)
    with cli_pool() as pool:
        result = check_paths(list(paths) or [targets_dir], targets_dir, encoding, traceability=not no_quotes,
                             plan_id=plan_id, pool=pool)
    findings = sort_findings(result.findings)
    if not verbose and chosen in (CheckFormat.TEXT, CheckFormat.GITHUB):
        findings = [f for f in findings if f.severity is not Severity.INFO]
    write_output(render_findings(findings, result.files, chosen), output)
    for message in result.notes:
        note(message)
    for summary in result.summaries:
        note(summary)
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    note(f"checked {len(result.files)} file{'s' if len(result.files) != 1 else ''}: "
         f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    if result.io_error:
        raise SystemExit(EXIT_USAGE)
    if errors or (strict and warnings):
        raise SystemExit(EXIT_FINDINGS)
    raise SystemExit(EXIT_OK)
