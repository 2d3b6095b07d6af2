"""``gapcalc plans``: the plans found, with their period and indicator counts."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.cli.common import choose_format, table_options
from gapcalc.cli.emit import emit
from gapcalc.engine.contracts import PLAN_COLUMNS
from gapcalc.errors import GapcalcError
from gapcalc.plan.load import load_plan_file
from gapcalc.render.document import Document
from gapcalc.render.i18n import detect_lang
from gapcalc.workspace.paths import display_path, plan_files


@click.command(name="plans")
@table_options
def command(targets_dir: Path, fmt: str | None, color: str, lang: str | None, output: Path | None) -> None:
    """List the plans found, with their period and indicator counts."""
    chosen = choose_format(fmt, output)
    rows: list[dict[str, object]] = []
    for path in plan_files(targets_dir):
        try:
            loaded, problems = load_plan_file(path)
        except GapcalcError as error:  # one unreadable file (a directory, binary, no permission) is one row
            reason = error.message.removeprefix(f"{path}: ").removeprefix(f"{display_path(path)}: ")
            rows.append({"plan": path.stem, "file": str(path), "document": f"unreadable: {reason}"})
            continue
        if loaded is None:
            rows.append({"plan": path.stem, "file": str(path), "document": f"invalid: {len(problems)} errors"})
            continue
        plan = loaded.plan
        rows.append({
            "plan": plan.plan.id, "region_zh": plan.plan.region_zh, "region_en": plan.plan.region_en,
            "document": plan.plan.document, "period_start": plan.plan.period[0], "period_end": plan.plan.period[1],
            "baseline_year": plan.plan.base_year, "subplans": len(plan.subplans), "indicators": len(plan.indicators),
            "numbers": sum(len(s.values) for i in plan.indicators for s in i.series), "file": str(path),
        })
    emit(Document(f"Plans in {targets_dir}", PLAN_COLUMNS, rows), chosen, color, output, detect_lang(lang))
