"""``gapcalc targets PLAN``: every number the plan states, with its resolved level."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import choose_format, table_options
from gapcalc.cli.complete import complete_plan
from gapcalc.cli.emit import emit
from gapcalc.engine.contracts import TARGET_COLUMNS, TARGET_EXTRA_COLUMNS, TARGET_TABLE_COLUMNS
from gapcalc.render import OutputFormat
from gapcalc.render.document import Document
from gapcalc.render.i18n import detect_lang
from gapcalc.usecases.plans import stated_numbers


@click.command(name="targets")
@click.argument("plan", shell_complete=complete_plan)
@table_options
def command(plan: str, targets_dir: Path, fmt: str | None, color: str, lang: str | None, output: Path | None) -> None:
    """Every number PLAN states, baselines included, with its level in the indicator's unit.

    CSV columns: plan, indicator, name_zh, name_en, breakdown, unit, direction, kind, year, value, comparator,
    level, source (then upper, text, quote, note, subplan).
    """
    header, rows = stated_numbers(plan, targets_dir)
    chosen = choose_format(fmt, output)
    columns = TARGET_TABLE_COLUMNS if chosen is OutputFormat.TABLE else TARGET_COLUMNS + TARGET_EXTRA_COLUMNS
    title = f"{header.name_zh} — {header.document} — {len(rows)} numbers"
    emit(Document(title, columns, rows, kind="targets"), chosen, color, output, detect_lang(lang))
