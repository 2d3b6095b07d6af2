"""``gapcalc plans``: the plans found, with their period and indicator counts.

Plans come compiled from the cache (:func:`gapcalc.workspace.open.load_many`): a warm run parses no file, and a cold
one compiles the plans ``report`` then reuses. A file that cannot be read or compiled is parsed once more on its
own, to say why in its row (unreadable, or how many errors it has); a plan that parses but breaks one of the plan's
rules is still listed with its header. With the cache off, every file is only parsed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from gapcalc.cli.common import choose_format, table_options
from gapcalc.cli.emit import emit
from gapcalc.cli.progress import progress_bar
from gapcalc.engine.contracts import PLAN_COLUMNS
from gapcalc.errors import GapcalcError
from gapcalc.messages import say, t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.render.document import Document
from gapcalc.render.i18n import detect_lang
from gapcalc.workspace.cache import Cache, cache_dir
from gapcalc.workspace.open import load_many
from gapcalc.workspace.paths import display_path, plan_files
from gapcalc.workspace.pool import cli_pool

if TYPE_CHECKING:  # pragma: no cover - the plan model imports pydantic: only for a file that does not compile
    from gapcalc.plan.load import LoadedPlan

Row = dict[str, object]
BATCH = 64
"""Plans compiled (or read from the cache) at a time: memory stays that of one batch, whatever the number of files."""


@click.command(name="plans")
@table_options
def command(targets_dir: Path, fmt: str | None, color: str, lang: str | None, output: Path | None) -> None:
    """List the plans found, with their period and indicator counts."""
    chosen = choose_format(fmt, output)
    language = detect_lang(lang)
    rows = plan_rows(plan_files(targets_dir), language)
    emit(Document(f"Plans in {targets_dir}", PLAN_COLUMNS, rows), chosen, color, output, language)


def plan_rows(paths: list[Path], language: str) -> list[Row]:
    """One row per target file, in order: compiled plans from the cache, a batch at a time (a bar on a terminal
    while many are compiled); every file parsed when the cache is off (nothing to reuse: parsing costs less)."""
    root = cache_dir()
    if root is None:
        return [parsed_row(path) for path in paths]
    store = Cache("plans", root)
    rows: list[Row] = []
    with progress_bar(say(t("reading plans"), language)) as progress, cli_pool(progress) as pool:
        for start in range(0, len(paths), BATCH):
            batch = paths[start:start + BATCH]
            rows += [compiled_row(plan, path) if isinstance(plan, CompiledPlan) else parsed_row(path)
                     for path, plan in zip(batch, load_many(batch, store, pool), strict=True)]
    return rows


def compiled_row(plan: CompiledPlan, path: Path) -> Row:
    """The row of a plan that compiled."""
    return {
        "plan": plan.id, "region_zh": plan.region_zh, "region_en": plan.region_en, "document": plan.document,
        "period_start": plan.period[0], "period_end": plan.period[1], "baseline_year": plan.base_year,
        "subplans": len(plan.subplans), "indicators": len(plan.units), "numbers": plan.numbers, "file": str(path),
    }


def parsed_row(path: Path) -> Row:
    """The row of a file parsed afresh (one that did not compile, or any file when the cache is off): why it cannot
    be listed (unreadable, or its count of errors), or its header — a plan that breaks one of the rules included."""
    from gapcalc.plan.load import load_plan_file

    try:
        loaded, problems = load_plan_file(path)
    except GapcalcError as error:  # one unreadable file (a directory, binary, no permission) is one row
        reason = error.message.removeprefix(f"{path}: ").removeprefix(f"{display_path(path)}: ")
        return {"plan": path.stem, "file": str(path), "document": f"unreadable: {reason}"}
    if loaded is None:
        return {"plan": path.stem, "file": str(path), "document": f"invalid: {len(problems)} errors"}
    return _model_row(loaded, path)


def _model_row(loaded: LoadedPlan, path: Path) -> Row:
    plan = loaded.plan
    return {
        "plan": plan.plan.id, "region_zh": plan.plan.region_zh, "region_en": plan.plan.region_en,
        "document": plan.plan.document, "period_start": plan.plan.period[0], "period_end": plan.plan.period[1],
        "baseline_year": plan.plan.base_year, "subplans": len(plan.subplans), "indicators": len(plan.indicators),
        "numbers": sum(len(s.values) for i in plan.indicators for s in i.series), "file": str(path),
    }
