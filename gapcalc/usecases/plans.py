"""What is read from the plan files alone: the list of plans with their header, the numbers a plan states, an
actuals template for a year, and the indicator ids offered by shell completion.

Plans come compiled from the cache (:func:`gapcalc.usecases.open.load_many`): a warm run parses no file, and a cold
one compiles the plans ``report`` then reuses. A file that cannot be read or compiled is parsed once more on its
own, to say why in its row (unreadable, or how many errors it has); a plan that parses but breaks one of the plan's
rules is still listed with its header. With the cache off, every file is only parsed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcalc.engine.targets import build_targets
from gapcalc.engine.template import template_rows
from gapcalc.errors import GapcalcError
from gapcalc.infra.cache import Cache, cache_dir
from gapcalc.infra.paths import display_path
from gapcalc.infra.pool import Pool
from gapcalc.messages import t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.usecases.open import load_many, open_plan
from gapcalc.usecases.run import open_compiled

if TYPE_CHECKING:  # pragma: no cover - the plan model imports pydantic: only for a file that does not compile
    from gapcalc.plan.load import LoadedPlan
    from gapcalc.plan.model import PlanHeader

Row = dict[str, object]
BATCH = 64
"""Plans compiled (or read from the cache) at a time: memory stays that of one batch, whatever the number of files."""


def plan_rows(paths: list[Path], pool: Pool | None = None) -> list[Row]:
    """One row per target file, in order: compiled plans from the cache, a batch at a time (files the cache has not
    seen are compiled in ``pool``); every file parsed when the cache is off (nothing to reuse: parsing costs less)."""
    root = cache_dir()
    if root is None:
        return [parsed_row(path) for path in paths]
    store = Cache("plans", root)
    rows: list[Row] = []
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


def stated_numbers(plan_id: str, directory: Path) -> tuple[PlanHeader, list[dict[str, Any]]]:
    """The header of plan ``plan_id`` and every number it states, baselines included, with its resolved level."""
    loaded = open_plan(plan_id, directory)
    return loaded.plan.plan, stated_rows(loaded)


def stated_rows(loaded: LoadedPlan) -> list[dict[str, Any]]:
    """Every number a validated plan states, baselines included, with its resolved level."""
    return build_targets(loaded.plan)


def template_for(plan_id: str, directory: Path, year: int, as_of: str = "",
                 published: str = "") -> list[dict[str, Any]]:
    """The rows of an actuals template of plan ``plan_id`` for ``year``: for the whole year, or for part of it up to
    ``as_of`` (``2024-09``, ``2024年9月``), with the release date ``published``."""
    from gapcalc.actuals import shapes

    try:
        month = shapes.parse_as_of(as_of, year) if as_of else ""
        day = shapes.parse_date(published) if published else ""
    except shapes.ShapeError as error:
        raise GapcalcError(error.args[0], t("give --as-of as a month of the year (2024-09) and --published as a day "
                                            "(2024-10-20)")) from None
    return template_rows(open_compiled(plan_id, directory), year, month, day)


def indicator_ids(directory: Path, plan_ids: list[str]) -> list[str]:
    """The indicator ids stated in the given plans' files, read without validation (shell completion); a file that
    cannot be read offers none."""
    from gapcalc.plan.load import parse_toml

    ids: set[str] = set()
    for plan_id in plan_ids:
        with contextlib.suppress(Exception):
            text = (directory / f"{plan_id}.toml").read_text(encoding="utf-8")
            data: dict[str, Any] | None = parse_toml(text, plan_id)[0]
            ids.update(str(item["id"]) for item in (data or {}).get("indicators", []) if "id" in item)
    return sorted(ids)
