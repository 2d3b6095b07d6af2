"""An actuals template for one year: a row per indicator/breakdown that needs a value, ready to fill in Excel."""

from __future__ import annotations

from typing import Any

from gapcalc.plan.compiled import CompiledPlan


def template_rows(plan: CompiledPlan, year: int) -> list[dict[str, Any]]:
    """One empty-valued row per report key of the plan that states a number (qualitative-only keys are left out)."""
    return [{
        "indicator": key["indicator"], "breakdown": key["breakdown"], "year": year, "value": None,
        "unit": key["unit"], "name_zh": key["name_zh"], "name_en": key["name_en"],
        "breakdown_name": key["breakdown_zh"], "plan": plan.id,
    } for key in plan.key_rows() if key["numeric"]]
