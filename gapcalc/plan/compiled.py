"""Compiled plans: what the roll-up engine needs from a target file, as plain columns that cache cheaply.

Compiling a plan (:mod:`gapcalc.plan.compile`) resolves every stated number that does not depend on observed data,
with the functions the per-plan engine uses, and records what the others depend on (a quota series whose stock or a
relative change whose base the plan does not state), so that the roll-up can finish resolving them against the
actuals. A compiled plan is cached by the hash of the target file's bytes (:mod:`gapcalc.workspace.cache`), so
an unchanged file is neither parsed nor validated again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gapcalc.errors import GapcalcError
from gapcalc.plan.facts import PlanFacts
from gapcalc.workspace.cache import Cache, content_key
from gapcalc.workspace.pool import Pool
from gapcalc.workspace.textio import MAX_TARGET_BYTES, read_bytes

KEY_FIELDS = ("indicator", "breakdown", "name_zh", "unit", "direction", "subplan", "name_en", "breakdown_zh",
              "breakdown_en", "target_text", "stated")
"""One row per report row: which indicator and breakdown, and what identifies it."""

STATEMENT_FIELDS = ("key", "order", "priority", "kind", "year", "level", "level_value", "comparator", "upper",
                    "upper_value", "series_base_year", "period_start", "period_end", "depends", "depends_year",
                    "stated_year", "number", "sign", "years")
"""One row per stated target number (baselines and qualitative statements excluded).

``priority`` orders statements of the same year (explicit levels 0, relative changes 1, quotas 2); ``kind`` is a
code into :data:`KIND_CODES`. ``level`` is the exact text of the resolved level and ``level_value`` its float, both
missing where the level depends on observed data: ``depends`` is then :data:`STOCK` (a quota series; its stock is
the last observation before ``depends_year``; ``stated_year`` is the plan's own last baseline before it) or
:data:`BASE` (a relative change measured from ``depends_year``, which the plan states no baseline for). ``number``,
``sign`` and ``years`` are the arguments of :func:`gapcalc.plan.levels.derive_level`.
"""

BASELINE_FIELDS = ("key", "year", "value")

KIND_CODES = ("level", "cumulative", "new_in_year", "change_vs_baseline", "pp_change", "annual_growth",
              "period_total")
FIXED, STOCK, BASE = 0, 1, 2

INT_FIELDS = frozenset({"key", "order", "priority", "kind", "year", "series_base_year", "period_start", "period_end",
                        "depends", "depends_year", "stated_year", "sign", "years", "stated"})
FLOAT_FIELDS = frozenset({"level_value", "upper_value"})
"""Fields stored packed (int64, with ``MISSING_INT`` for None; float64, with NaN for None): a batch of plans joins
them as bytes, without Python work per row."""
MISSING_INT = -(2**63)

LAYOUT = 5
"""Version of the compiled layout, part of every cache key: bump it whenever the fields above change."""


@dataclass(frozen=True)
class CompiledPlan:
    """A plan reduced to tuples: header facts, and report keys, target statements and stated baselines as columns.

    ``keys``, ``statements`` and ``baselines`` map each field of :data:`KEY_FIELDS`, :data:`STATEMENT_FIELDS` and
    :data:`BASELINE_FIELDS` to its column: packed int64 bytes for :data:`INT_FIELDS`, else a tuple.
    """

    id: str
    name_zh: str
    region_zh: str
    region_en: str
    base_year: int
    period: tuple[int, int]
    units: dict[str, str]
    breakdowns: dict[str, tuple[str, ...]]
    keys: dict[str, Any]
    statements: dict[str, Any]
    baselines: dict[str, Any]
    sizes: tuple[int, int, int]
    key: str = field(default="", compare=False)  # the cache key of the target file it was compiled from

    def size(self, part: str) -> int:
        """How many rows ``keys``, ``statements`` or ``baselines`` has."""
        return self.sizes[("keys", "statements", "baselines").index(part)]

    @property
    def facts(self) -> PlanFacts:
        """What checking its actuals needs."""
        return PlanFacts(self.units, {k: frozenset(v) for k, v in self.breakdowns.items()}, self.base_year,
                         self.period, self.id)

    def as_data(self) -> tuple[Any, ...]:
        """The plain-data form that is cached."""
        return (self.id, self.name_zh, self.region_zh, self.region_en, self.base_year, self.period, self.units,
                self.breakdowns, self.keys, self.statements, self.baselines, self.sizes)

    @classmethod
    def from_data(cls, data: tuple[Any, ...], key: str = "") -> CompiledPlan:
        """Back from :meth:`as_data`."""
        return replace(cls(*data), key=key)


def load_compiled(path: Path, cache: Cache) -> CompiledPlan:
    """The compiled plan of a target file, from the cache when the file is unchanged.

    A plan with errors raises :class:`~gapcalc.errors.GapcalcError`, as :func:`gapcalc.workspace.open.open_plan_file`
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
        try:
            key = content_key(f"plan-{LAYOUT}", read_bytes(path, MAX_TARGET_BYTES), path.name.encode())
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
    from gapcalc.plan.compile import compile_plan
    from gapcalc.workspace.open import open_plan_file

    try:
        return compile_plan(open_plan_file(Path(path))).as_data(), "", ""
    except GapcalcError as error:
        return None, error.message, error.hint
