"""What checking an actuals file needs to know about its plan, in a form that is cheap to cache and to import."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from gapcalc.plan.keys import normal_key

if TYPE_CHECKING:  # pragma: no cover - the model (pydantic) is imported only where a plan is validated
    from gapcalc.plan.model import PlanFile


@dataclass(frozen=True)
class PlanFacts:
    """What checking an actuals file needs to know about its plan: indicator units, breakdown keys, the period."""

    units: dict[str, str]
    breakdowns: dict[str, frozenset[str]]
    base_year: int
    period: tuple[int, int]
    id: str = ""
    stated: dict[tuple[str, str], dict[int, Decimal]] = field(default_factory=dict)
    """The baselines the plan states, by (indicator, breakdown or ``""``) and year: what actuals chain onto."""
    rate_keys: frozenset[tuple[str, str]] = frozenset()
    """(indicator, breakdown or ``""``) of the keys whose every target is an annual growth rate on no stated level:
    published growth rates of them are judged as rates (:mod:`gapcalc.engine.rates`), not placed on a level."""

    def as_data(self) -> list[tuple[str, str, int, str]]:
        """The stated baselines as plain rows (for a cache)."""
        return [(i, b, y, format(v, "f")) for (i, b), years in self.stated.items() for y, v in years.items()]

    @staticmethod
    def stated_of(rows: list[tuple[str, str, int, str]]) -> dict[tuple[str, str], dict[int, Decimal]]:
        """Back from :meth:`as_data`."""
        out: dict[tuple[str, str], dict[int, Decimal]] = {}
        for indicator, breakdown, year, text in rows:
            out.setdefault((indicator, breakdown), {})[int(year)] = Decimal(text)
        return out

    def breakdown_key(self, indicator: str, typed: str) -> str | None:
        """The declared breakdown key of ``indicator`` that ``typed`` names (compared by :func:`normal_key`)."""
        if typed in self.breakdowns.get(indicator, frozenset()):
            return typed
        return self._normal_breakdowns.get((indicator, normal_key(typed)))

    @cached_property
    def _normal_breakdowns(self) -> dict[tuple[str, str], str]:
        return {(indicator, normal_key(key)): key for indicator, keys in self.breakdowns.items()
                for key in sorted(keys, reverse=True)}

    @classmethod
    def of(cls, plan: PlanFile) -> PlanFacts:
        """The facts of a validated plan."""
        from gapcalc.plan.resolve import stated_baselines

        header = plan.plan
        stated = {(i.id, b or ""): found for i in plan.indicators for b in (None, *(m.key for m in i.breakdowns))
                  if (found := stated_baselines(i, b))}
        rate_keys = frozenset(
            (i.id, b or "") for i in plan.indicators for b in (None, *(m.key for m in i.breakdowns))
            if rate_key([s.kind for s in i.series if s.breakdown == b and s.kind not in ("baseline", "qualitative")],
                        bool(stated.get((i.id, b or "")))))
        return cls({i.id: i.unit for i in plan.indicators},
                   {i.id: frozenset(b.key for b in i.breakdowns) for i in plan.indicators},
                   header.base_year, (header.period[0], header.period[1]), header.id, stated, rate_keys)


def rate_key_positions(keys: Iterable[int], kinds: Iterable[str], with_levels: Iterable[int]) -> set[int]:
    """The keys whose targets are growth rates on no level: every numeric target of the key (``keys`` and ``kinds``
    pair each statement with its key) an annual growth rate, and no level stated for it (``with_levels``: the keys
    with a stated baseline). The one rule of :attr:`PlanFacts.rate_keys`, for one key, one plan or a batch."""
    growth: set[int] = set()
    other: set[int] = set()
    for key, kind in zip(keys, kinds, strict=True):
        (growth if kind == "annual_growth" else other).add(key)
    return growth - other - set(with_levels)


def rate_key(kinds: list[str], levels_known: bool) -> bool:
    """Whether one key's targets (of ``kinds``) are growth rates on no level (:func:`rate_key_positions`)."""
    return bool(rate_key_positions([0] * len(kinds), kinds, [0] if levels_known else []))
