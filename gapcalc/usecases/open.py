"""Opening plans and their actuals on disk: validated plans, and compiled plans from the cache.

This is the layer the commands and the Python API share: ``open_plan("mianyang")`` returns a validated plan or
raises :class:`~gapcalc.errors.GapcalcError` saying how many problems the file has; ``load_many`` gives compiled
plans, parsing and validating only the files the cache has not seen. The plan model (pydantic) is imported only when
a file must be parsed. ``gapcalc check`` is in :mod:`gapcalc.usecases.check`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcalc.errors import Finding, FindingLine, GapcalcError, Severity, finding
from gapcalc.infra.cache import Cache, cache_dir, content_key
from gapcalc.infra.paths import default_actuals_path, display_path, plan_path, targets_dir
from gapcalc.infra.pool import Pool
from gapcalc.infra.textio import MAX_TARGET_BYTES, read_bytes
from gapcalc.messages import plural, t
from gapcalc.plan.compiled import LAYOUT, CompiledPlan

if TYPE_CHECKING:  # pragma: no cover - the plan model imports pydantic: only when a file is parsed
    from gapcalc.actuals.columns import PlanActuals
    from gapcalc.actuals.parse import ActualsFile
    from gapcalc.plan.load import LoadedPlan


def plan_findings(loaded: LoadedPlan, traceability: bool = True) -> list[Finding]:
    """Rule, traceability and consistency findings of a plan that validated."""
    from gapcalc.plan.consistency import check_consistency
    from gapcalc.plan.quotes import check_quotes
    from gapcalc.plan.rules import check_plan

    found = check_plan(loaded)
    if traceability:
        found += check_quotes(loaded)
    if not any(f.severity is Severity.ERROR for f in found):
        found += check_consistency(loaded)
    return found


def open_plan(plan_id: str, directory: str | Path | None = None) -> LoadedPlan:
    """The validated plan ``plan_id``; a GapcalcError when the file is missing or has errors."""
    path = plan_path(targets_dir(str(directory) if directory else None), plan_id)
    return open_plan_file(path)


def plan_given(plan: str | Path | LoadedPlan, directory: Path) -> LoadedPlan:
    """A validated plan given as the Python API takes it: a validated plan, a target file's path, or an id looked up
    in ``directory``."""
    from gapcalc.plan.load import LoadedPlan

    if isinstance(plan, LoadedPlan):
        return plan
    if Path(plan).suffix == ".toml":
        return open_plan_file(Path(plan))
    return open_plan(str(plan), directory)


def open_plan_file(path: Path) -> LoadedPlan:
    """A validated plan from a file path; a GapcalcError when it has errors."""
    from gapcalc.plan.load import load_plan_file
    from gapcalc.plan.rules import check_plan

    loaded, problems = load_plan_file(path)
    if loaded is not None:
        problems = [f for f in check_plan(loaded) if f.severity is Severity.ERROR]
    if loaded is None or problems:
        first = FindingLine(problems[0]) if problems else ""
        raise GapcalcError(t("{path} has {count} error{s}; first: {first}", path=display_path(path),
                             count=len(problems), s=plural(len(problems)), first=first),
                           t("run `gapcalc check {path}`", path=display_path(path)))
    return loaded


def open_actuals(loaded: LoadedPlan, path: Path | None, directory: Path, encoding: str | None = None,
                 required: bool = False) -> ActualsFile:
    """The plan's actuals: ``path`` if given (must exist), else the default file (an empty set when absent)."""
    from gapcalc.actuals.columns import Accounting
    from gapcalc.actuals.parse import ActualsFile, load_actuals_file

    chosen = path or default_actuals_path(loaded.id, directory)
    if path is None and not chosen.exists() and not required:
        shown = display_path(chosen)
        missing = finding("GC004", t("no actuals file: every actual is blank"), shown,
                          hint=t("write one with `gapcalc template {id} YEAR -o {shown}`, or pass --actuals FILE",
                                 id=loaded.id, shown=shown))
        return ActualsFile(shown, [], [missing], Accounting())
    return load_actuals_file(chosen, loaded.plan, display_path(chosen), encoding)


def load_compiled(path: Path, cache: Cache) -> CompiledPlan:
    """The compiled plan of a target file, from the cache when the file is unchanged.

    A plan with errors raises :class:`~gapcalc.errors.GapcalcError`, as :func:`gapcalc.usecases.open.open_plan_file`
    does; only valid plans are cached.
    """
    found = load_many([path], cache)[0]
    if isinstance(found, GapcalcError):
        raise found
    return found


def load_many(paths: list[Path], cache: Cache, pool: Pool | None = None) -> list[CompiledPlan | GapcalcError]:
    """The compiled plans of several target files, in order; a file that cannot be read or has errors gives its
    GapcalcError instead. Files not in the cache are compiled in ``pool``'s worker processes when there are many."""
    results: list[CompiledPlan | GapcalcError | None] = []
    missing: list[tuple[int, str]] = []
    for path in paths:
        try:  # an unchanged file is not read again: its digest comes from the cache's file index
            digest, _ = cache.file_digest(path, functools.partial(read_bytes, path, MAX_TARGET_BYTES),
                                          MAX_TARGET_BYTES)
            key = content_key(f"plan-{LAYOUT}", digest.encode(), path.name.encode())
        except GapcalcError as error:  # the plan id must match the file name: the name is part of the key
            results.append(error)
            continue
        cached = cache.get(key)
        results.append(None if cached is None else CompiledPlan.from_data(cached, key))
        if cached is None:
            missing.append((len(results) - 1, key))
    compiled = (pool or Pool()).map(compile_file, [str(paths[index]) for index, _ in missing])
    for (index, key), (data, message, hint) in zip(missing, compiled, strict=True):
        if data is None:
            results[index] = GapcalcError(message, hint)
            continue
        cache.put(key, data)
        results[index] = CompiledPlan.from_data(data, key)
    return [r for r in results if r is not None]


def compile_file(path: str) -> tuple[tuple[Any, ...] | None, str, str]:
    """Parse, validate and compile one target file (in a worker process, or this one): ``(data, "", "")``, or
    ``(None, message, hint)`` of the error that stops it."""
    from gapcalc.plan.compiler import compile_plan

    try:
        return compile_plan(open_plan_file(Path(path))).as_data(), "", ""
    except GapcalcError as error:
        return None, error.message, error.hint


Job = tuple[str, str, str]
"""A target file to compile afresh: its path, its key in the plans cache, and the targets directory."""
Afresh = tuple[tuple[Any, ...] | None, str, str, "tuple[str, Any] | PlanActuals | None"]
"""What :func:`compile_and_read` gives."""


def compile_and_read(job: Job) -> Afresh:
    """Compile a target file and read its plan's actuals (in a worker process, or this one): what
    :func:`compile_file` gives, then the actuals as the actuals cache is to store them (their key and data: the
    process that asked stores them), or as read when they are not to be cached (no file, unreadable), or None when
    the plan has errors. A worker imports this module, not the engine's: neither numpy nor the command line."""
    from gapcalc.actuals.fast import read_plan_actuals

    path, key, directory = job
    data, message, hint = compile_file(path)
    if data is None:
        return data, message, hint, None
    plan = CompiledPlan.from_data(data, key)
    kept = _Kept()
    read = read_plan_actuals(plan, default_actuals_path(plan.id, Path(directory)), kept)
    return data, message, hint, kept.entry if kept.entry is not None else read


class _Kept(Cache):
    """An actuals cache that keeps the entry it is given rather than writing it: the process that asked for the
    work stores it (worker processes write no cache)."""

    def __init__(self) -> None:
        super().__init__("actuals", None)
        self.entry: tuple[str, Any] | None = None

    def get(self, key: str) -> Any:
        return None

    def put(self, key: str, value: Any) -> None:
        self.entry = (key, value)


def actual_record_fields() -> list[str]:
    """The fields of an actuals record as the API's DataFrame has them: the file's columns and the row read."""
    import dataclasses

    from gapcalc.actuals.parse import Actual

    return [f.name for f in dataclasses.fields(Actual)]


STATED_LAYOUT = 1
"""The layout of a stated-numbers entry (:func:`stated_targets`); a new layout is a new key."""


def stated_targets(compiled: CompiledPlan, directory: Path) -> list[dict[str, Any]]:
    """Every number plan ``compiled`` states, baselines included, with its resolved level
    (:func:`gapcalc.engine.targets.build_targets`' rows), kept in the cache under the compiled plan's key: when its
    target file is unchanged, the plan is not validated again (pydantic is not imported)."""
    cache = Cache("stated", cache_dir() if compiled.key else None)
    key = content_key(f"stated-{STATED_LAYOUT}", compiled.key.encode())
    found = cache.get(key)
    if isinstance(found, tuple):
        return rows_from_data(found)
    from gapcalc.engine.targets import build_targets

    rows = build_targets(open_plan(compiled.id, directory).plan)
    cache.put(key, rows_data(rows))
    return rows


def rows_data(rows: list[dict[str, Any]]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """Rows of the same columns as plain data for the cache: the column names, then each row's values, a Decimal as
    a one-element tuple of its text (exact, and told apart from a string)."""
    from decimal import Decimal

    columns = tuple(rows[0]) if rows else ()
    return columns, [tuple((str(v),) if isinstance(v, Decimal) else v for v in row.values()) for row in rows]


def rows_from_data(data: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Back from :func:`rows_data`."""
    from decimal import Decimal

    columns, values = data
    return [dict(zip(columns, (Decimal(v[0]) if isinstance(v, tuple) else v for v in row), strict=True))
            for row in values]
