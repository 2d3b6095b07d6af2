"""``gapcalc draft-actuals PLAN DOC...``: actuals rows drafted from published statistics texts, for review."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gapcalc.cli.common import EXIT_FINDINGS, EXIT_OK, lang_option, note, quiet_option, targets_dir_option, use_lang
from gapcalc.cli.complete import complete_plan
from gapcalc.messages import plural, say, t

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.usecases.draft_actuals import DraftActualsResult, Drafted

SHOWN = 60
"""Characters of a sentence the review list shows."""


@click.command(name="draft-actuals")
@click.argument("plan", shell_complete=complete_plan)
@click.argument("documents", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="Append the rows to this actuals file (made if missing) [default: CSV on stdout; - is stdout].")
@click.option("--force", is_flag=True, help="Replace a saved document text of the same name that differs.")
@targets_dir_option
@lang_option
@quiet_option
def command(plan: str, documents: tuple[Path, ...], output: Path | None, force: bool, targets_dir: Path,
            lang: str | None) -> None:
    """Read published statistics texts (统计公报, 政府工作报告, 1—N月 releases, press articles; text, HTML, Word, PDF;
    - reads standard input) and draft actuals rows for PLAN's indicators.

    Each row names the indicator (and breakdown), year, value, measure (level, change_pct, change_pct_vs_base,
    new), comparator, as_of and scope as the text words them; its note begins `draft: 原文“…”` (check warns of it:
    GC330). Without --output the rows print as CSV; with -o FILE they are appended to FILE, whose rows are never
    rewritten: a row it has is skipped, a different figure of the same indicator, breakdown and year is reported
    and not written. Each document's text is saved in sources/ beside the actuals file. The numbers that look close
    but are refused (targets, national or provincial figures, comparisons, other indicators) are listed on stderr
    with why. Exit 0 when rows were drafted, 1 when none was found or one conflicts with the file, 2 when a document
    or the plan cannot be read.
    """
    from gapcalc.usecases.draft_actuals import draft_actuals, open_context, read_documents, sources_dir_for

    language = use_lang(lang)
    if output is not None and str(output) == "-":
        output = None
    context = open_context(plan, targets_dir)
    read = read_documents(documents)
    result = draft_actuals(context, read, output, sources_dir_for(output, context.id, targets_dir), force)
    for warning in result.warnings:
        note(warning)
    if output is None and result.csv_text:
        click.echo(result.csv_text, nl=False)
    for path, new in result.saved:
        note(t("saved the document's text as {path}", path=_shown(path)) if new else
             t("the document's text is saved as {path}", path=_shown(path)))
    if output is not None:
        _said_file(result, output)
    else:
        note(t("drafted {count} row{s}", count=len(result.rows), s=plural(len(result.rows))))
    if result.refused:
        note(t("review ({count}):", count=len(result.refused)))
        for where, refusal in result.refused:
            quote = refusal.quote if len(refusal.quote) <= SHOWN else refusal.quote[:SHOWN] + "…"
            note("  " + say(t("{path}:{line}: {value} ({indicator}): {why} — “{quote}”", path=where,
                              line=refusal.line, value=refusal.printed, indicator=refusal.indicator,
                              why=refusal.reason, quote=quote), language))
    if not result.rows:
        note(t("no figure for the indicators of {plan} was found", plan=context.id))
        raise SystemExit(EXIT_FINDINGS)
    if result.conflicts or result.missing_columns:
        raise SystemExit(EXIT_FINDINGS)
    raise SystemExit(EXIT_OK)


def _said_file(result: DraftActualsResult, output: Path) -> None:
    """What happened to each drafted row in the actuals file."""
    shown = _shown(output)
    if result.created:
        note(t("wrote {path} ({count} row{s})", path=shown, count=len(result.written), s=plural(len(result.written))))
    elif result.written:
        note(t("appended {count} row{s} to {path}", count=len(result.written), s=plural(len(result.written)),
               path=shown))
    for drafted, existing in result.identical:
        note(t("skipped {series} {year}: line {line} of {path} has it", series=_series(drafted), year=drafted.row.year,
               line=existing.line, path=shown))
    for drafted, existing in result.conflicts:
        note(t("not written: {series} {year} {value} conflicts with line {line} of {path} ({other})",
               series=_series(drafted), year=drafted.row.year, value=_figure(drafted.row.value, drafted.row.measure,
                                                                             drafted.row.comparator),
               line=existing.line, path=shown,
               other=_figure(existing.value, existing.measure, existing.comparator)))
    for drafted, columns in result.missing_columns:
        note(t("not written: {series} {year}: {path} has no column {columns}", series=_series(drafted),
               year=drafted.row.year, path=shown, columns=", ".join(columns)))
    if not result.written and result.rows and not result.conflicts and not result.missing_columns:
        note(t("nothing new for {path}", path=shown))


def _series(drafted: Drafted) -> str:
    row = drafted.row
    return f"{row.indicator} [{row.breakdown}]" if row.breakdown else row.indicator


def _figure(value: Decimal | None, measure: str, comparator: str) -> str:
    """A figure as a message names it: ``new 224``, ``>= 2.6``."""
    shown = format(value, "f") if isinstance(value, Decimal) else "—"
    parts = [m for m in (measure if measure not in ("", "level") else "", comparator if comparator not in ("", "=")
                         else "") if m]
    return " ".join([*parts, shown])


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when it lies below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
