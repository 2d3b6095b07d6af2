"""Compiled plans: the tables the engine reads, as plain columns that cache cheaply.

A :class:`CompiledPlan` is made by :mod:`gapcalc.plan.compiler` and cached by :mod:`gapcalc.usecases.open`. This module
is kept light (no pydantic, no numpy): a warm run reads compiled plans without importing the plan model.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from gapcalc.plan.facts import PlanFacts, rate_key_positions

KEY_FIELDS = ("indicator", "breakdown", "name_zh", "unit", "direction", "subplan", "name_en", "breakdown_zh",
              "breakdown_en", "target_text", "stated", "numeric")
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
                        "depends", "depends_year", "stated_year", "sign", "years", "stated", "numeric"})
FLOAT_FIELDS = frozenset({"level_value", "upper_value"})
"""Fields stored packed (int32, with :data:`MISSING_PACKED` for None; float64, with NaN for None): a batch of plans
joins them as bytes, without Python work per row. Every int field is a year (1949–2100), a code, a count or a row
number of one target file, so 32 bits hold it: half the bytes of int64 to read, check and join."""
MISSING_PACKED = -(2**31)
MISSING_INT = -(2**63)
"""None in the int64 columns the engine computes with."""

LAYOUT = 9
"""Version of the compiled layout, part of every cache key: bump it whenever the fields above change."""


@dataclass(frozen=True)
class CompiledPlan:
    """A plan reduced to tuples: header facts, and report keys, target statements and stated baselines as columns.

    ``keys``, ``statements`` and ``baselines`` map each field of :data:`KEY_FIELDS`, :data:`STATEMENT_FIELDS` and
    :data:`BASELINE_FIELDS` to its column: packed bytes for :data:`INT_FIELDS` and :data:`FLOAT_FIELDS`, else a
    tuple.
    """

    id: str
    name_zh: str
    name_en: str
    document: str
    region_zh: str
    region_en: str
    base_year: int
    period: tuple[int, int]
    units: Mapping[str, str]
    breakdowns: Mapping[str, tuple[str, ...]]
    """Each indicator's unit and breakdown keys (read from the cache only when used: :class:`Packed`)."""
    subplans: tuple[tuple[str, str, str], ...]
    """(id, name_zh, name_en) of each subplan."""
    keys: dict[str, Any]
    statements: dict[str, Any]
    baselines: dict[str, Any]
    sizes: tuple[int, int, int]
    numbers: int
    """How many numbers the plan states (baselines and targets, every breakdown): what ``gapcalc plans`` counts."""
    key: str = field(default="", compare=False)  # the cache key of the target file it was compiled from

    def size(self, part: str) -> int:
        """How many rows ``keys``, ``statements`` or ``baselines`` has."""
        return self.sizes[("keys", "statements", "baselines").index(part)]

    def key_rows(self) -> list[dict[str, Any]]:
        """The report keys as one dict per row (packed fields unpacked)."""
        return self.part_rows("keys")

    def part_rows(self, part: str) -> list[dict[str, Any]]:
        """The rows of ``keys``, ``statements`` or ``baselines`` as dicts (packed fields unpacked)."""
        fields = {"keys": KEY_FIELDS, "statements": STATEMENT_FIELDS, "baselines": BASELINE_FIELDS}[part]
        table = getattr(self, part)
        columns = [_unpacked(name, table[name]) for name in fields]
        return [dict(zip(fields, row, strict=True)) for row in zip(*columns, strict=True)]

    @property
    def facts(self) -> PlanFacts:
        """What checking its actuals needs."""
        keys = self.key_rows()
        rows = [(keys[key]["indicator"], keys[key]["breakdown"] or "", year, value) for key, year, value in zip(
            *(_unpacked(name, self.baselines[name]) for name in ("key", "year", "value")), strict=True)]
        return PlanFacts(dict(self.units), {k: frozenset(v) for k, v in self.breakdowns.items()}, self.base_year,
                         self.period, self.id, PlanFacts.stated_of(rows), self.rate_keys(keys))

    def rate_keys(self, keys: list[dict[str, Any]] | None = None) -> frozenset[tuple[str, str]]:
        """(indicator, breakdown or ``""``) of the keys whose targets are growth rates on no level
        (:func:`gapcalc.plan.facts.rate_key`)."""
        keys = self.key_rows() if keys is None else keys
        found = rate_key_positions(_unpacked("key", self.statements["key"]),
                                   [KIND_CODES[c] for c in _unpacked("kind", self.statements["kind"])],
                                   _unpacked("key", self.baselines["key"]))
        return frozenset((keys[k]["indicator"], keys[k]["breakdown"] or "") for k in found)

    def as_data(self) -> tuple[Any, ...]:
        """The plain-data form that is cached."""
        return (self.id, self.name_zh, self.name_en, self.document, self.region_zh, self.region_en, self.base_year,
                self.period, Packed.bytes_of(self.units), Packed.bytes_of(self.breakdowns), self.subplans, self.keys,
                self.statements, self.baselines, self.sizes, self.numbers)

    @classmethod
    def from_data(cls, data: tuple[Any, ...], key: str = "") -> CompiledPlan:
        """Back from :meth:`as_data`."""
        (plan_id, name_zh, name_en, document, region_zh, region_en, base_year, period, units, breakdowns, subplans,
         keys, statements, baselines, sizes, numbers) = data
        return cls(plan_id, name_zh, name_en, document, region_zh, region_en, base_year, period, Packed(units),
                   Packed(breakdowns), subplans, keys, statements, baselines, sizes, numbers, key)


def pack_ints(values: Sequence[int | bool | None]) -> bytes:
    """An int field as stored: int32 bytes, :data:`MISSING_PACKED` for None (a bool as 0 or 1)."""
    known = values if None not in values else [MISSING_PACKED if v is None else v for v in values]
    return array("i", cast("Sequence[int]", known)).tobytes()


def _unpacked(name: str, column: Any) -> tuple[Any, ...]:
    """A stored column as a tuple of Python values (None for a missing int)."""
    if name in INT_FIELDS:
        return tuple(None if v == MISSING_PACKED else v for v in array("i", column))
    if name in FLOAT_FIELDS:
        return tuple(array("d", column))
    return tuple(column)


class Packed(Mapping[str, Any]):
    """A mapping kept as the bytes it was cached as (``marshal``) until it is first read: a roll-up loads every
    plan's units and breakdown keys but, warm, reads none of them."""

    __slots__ = ("_data", "_mapping")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._mapping: dict[str, Any] | None = None

    @staticmethod
    def bytes_of(mapping: Mapping[str, Any]) -> bytes:
        """The cached form of ``mapping``."""
        return mapping._data if isinstance(mapping, Packed) else marshal.dumps(dict(mapping))

    def _read(self) -> dict[str, Any]:
        if self._mapping is None:
            self._mapping = marshal.loads(self._data)
        return self._mapping

    def __getitem__(self, key: str) -> Any:
        return self._read()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return repr(self._read())
