"""The formulas of :mod:`gapcalc.engine.formulas` on float64 arrays: NaN where a formula is undefined.

Each function performs the same floating-point operations in the same order as its scalar counterpart, so both
engines give the same bits (``tests/test_rollup_reference.py`` compares them).
"""

from __future__ import annotations

import numpy as np

from gapcalc.engine.formulas import ACCELERATION, APPROX_TOLERANCE, LIMITED, ON_TRACK, Outlook

OUTLOOK_CODES = tuple(o.value for o in Outlook)
_ACHIEVED, _ON_TRACK, _ACCELERATION, _LIMITED, _DETERIORATION, _INSUFFICIENT = range(6)


def meets(actual: np.ndarray, target: np.ndarray, comparator: np.ndarray, up: np.ndarray,
          upper: np.ndarray) -> np.ndarray:
    """:func:`gapcalc.engine.formulas.meets`, element-wise (False where a value is missing)."""
    with np.errstate(invalid="ignore"):
        slack = APPROX_TOLERANCE * np.abs(target)
        towards = np.where(up, actual >= target, actual <= target)
        approx = np.where(up, actual >= target - slack, actual <= target + slack)
        ceiling = actual <= np.where(np.isnan(upper), target, upper)
        choices = [actual > target, actual >= target, actual < target, actual <= target, approx, ceiling]
    conditions = [comparator == ">", comparator == ">=", comparator == "<", comparator == "<=", comparator == "~",
                  (comparator == "range") & ~up]
    met: np.ndarray = np.select(conditions, choices, towards).astype(bool)
    return met


def cagr(start: np.ndarray, end: np.ndarray, years: np.ndarray) -> np.ndarray:
    """:func:`gapcalc.engine.formulas.cagr`: NaN for non-positive values or no elapsed years."""
    with np.errstate(invalid="ignore"):
        defined = (years > 0) & (start > 0) & (end > 0)
    out = np.full(start.shape, np.nan)
    out[defined] = (end[defined] / start[defined]) ** (1.0 / years[defined]) - 1.0
    return out


def per_year(start: np.ndarray, end: np.ndarray, years: np.ndarray) -> np.ndarray:
    """:func:`gapcalc.engine.formulas.arithmetic_rate`: NaN without elapsed years."""
    with np.errstate(invalid="ignore"):
        defined = years > 0
    out = np.full(start.shape, np.nan)
    out[defined] = (end[defined] - start[defined]) / years[defined]
    return out


def scaled_ratio(scale: float, numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``scale·numerator/denominator``, NaN where the denominator is zero or missing."""
    with np.errstate(invalid="ignore"):
        defined = denominator != 0
    defined &= ~np.isnan(denominator)
    out = np.full(numerator.shape, np.nan)
    out[defined] = scale * numerator[defined] / denominator[defined]
    return out


def _band(ratio: np.ndarray) -> np.ndarray:
    """:func:`gapcalc.engine.formulas.band` as outlook codes."""
    return np.select([ratio >= ON_TRACK, ratio >= ACCELERATION, ratio >= LIMITED],
                     [_ON_TRACK, _ACCELERATION, _LIMITED], _DETERIORATION)


def outlook(actual: np.ndarray, actual_year: np.ndarray, baseline: np.ndarray, baseline_year: np.ndarray,
            final: np.ndarray, final_year: np.ndarray, final_comparator: np.ndarray, final_upper: np.ndarray,
            up: np.ndarray, arithmetic: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`gapcalc.engine.formulas.outlook`, element-wise: outlook codes (into :data:`OUTLOOK_CODES`) and
    growth ratios."""
    observed_years, planned_years = actual_year - baseline_year, final_year - baseline_year
    observed, required = cagr(baseline, actual, observed_years), cagr(baseline, final, planned_years)
    compound = ~arithmetic & ~np.isnan(observed) & ~np.isnan(required)
    observed = np.where(compound, observed, per_year(baseline, actual, observed_years))
    required = np.where(compound, required, per_year(baseline, final, planned_years))
    ratio = scaled_ratio(1.0, np.where(up, 1, -1) * observed, np.abs(required))
    achieved = ~np.isnan(actual) & ~np.isnan(final) & meets(actual, final, final_comparator, up, final_upper)
    with np.errstate(invalid="ignore"):
        datable = ~np.isnan(actual) & ~np.isnan(baseline) & (observed_years > 0) & ~np.isnan(ratio)
    codes = np.where(achieved, _ACHIEVED, np.where(datable, _band(np.nan_to_num(ratio)), _INSUFFICIENT))
    return codes, np.where(datable & ~achieved, ratio, np.nan)
