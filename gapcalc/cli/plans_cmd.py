"""``gapcalc plans``: the plans found, with their period and indicator counts
(:func:`gapcalc.usecases.plans.plan_rows`)."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import choose_format, table_options
from gapcalc.cli.emit import emit
from gapcalc.cli.progress import progress_bar
from gapcalc.engine.contracts import PLAN_COLUMNS
from gapcalc.infra.paths import plan_files
from gapcalc.infra.pool import cli_pool
from gapcalc.messages import say, t
from gapcalc.render.document import Document
from gapcalc.render.i18n import detect_lang
from gapcalc.usecases.plans import plan_rows


@click.command(name="plans")
@table_options
def command(targets_dir: Path, fmt: str | None, color: str, lang: str | None, output: Path | None) -> None:
    """List the plans found, with their period and indicator counts."""
    chosen = choose_format(fmt, output)
    language = detect_lang(lang)
    with progress_bar(say(t("reading plans"), language)) as progress, cli_pool(progress) as pool:
        rows = plan_rows(plan_files(targets_dir), pool)
    emit(Document(f"Plans in {targets_dir}", PLAN_COLUMNS, rows), chosen, color, output, language)
