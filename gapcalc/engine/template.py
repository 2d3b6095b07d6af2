"""An actuals template for one year: a row per indicator/breakdown that needs a value, ready to fill in Excel."""

from __future__ import annotations

from typing import Any

from gapcalc.plan.compiled import CompiledPlan


def template_rows(plan: CompiledPlan, year: int, as_of: str = "", published: str = "") -> list[dict[str, Any]]:
    """One empty-valued row per report key of the plan that states a number (qualitative-only keys are left out).
    ``as_of`` (``YYYY-MM``) makes it a template of figures for part of the year, and ``published`` fills their
    release date; a key whose targets are growth rates on no level asks for the growth (``measure`` 同比)."""
    rates = plan.rate_keys()
    return [{
        "indicator": key["indicator"], "breakdown": key["breakdown"], "year": year, "value": None,
        "unit": key["unit"], "name_zh": key["name_zh"], "name_en": key["name_en"],
        "breakdown_name": key["breakdown_zh"], "plan": plan.id, "as_of": as_of or None, "published": published or None,
        "measure": "同比" if (key["indicator"], key["breakdown"] or "") in rates else None,
    } for key in plan.key_rows() if key["numeric"]]
