"""What checking an actuals file needs to know about its plan, in a form that is cheap to cache and to import."""

from __future__ import annotations

from dataclasses import dataclass
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
        header = plan.plan
        return cls({i.id: i.unit for i in plan.indicators},
                   {i.id: frozenset(b.key for b in i.breakdowns) for i in plan.indicators},
                   header.base_year, (header.period[0], header.period[1]), header.id)
