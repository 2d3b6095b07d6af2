"""Gap arithmetic: attainment, progress against time, required and observed growth, outlook bands.

Pure functions on numbers, no I/O. Every function returns ``None`` where its formula is undefined (a zero or
negative base for a growth rate, no elapsed years) rather than a made-up number. Formulas and references:
``docs/methodology.md``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

Num = int | float | Decimal

APPROX_TOLERANCE = 0.05
"""A target "about X" (左右, ``~``) counts as met within 5 % of X on the unfavourable side."""

ON_TRACK, ACCELERATION, LIMITED = 0.95, 0.6, 0.0
"""Growth-ratio bands (Eurostat; Open SDG / Statistics Canada)."""


class Outlook(str, Enum):
    """Where an indicator is heading, by the growth ratio R = d·g_observed/|g_required|."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    ACCELERATION_NEEDED = "acceleration_needed"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    INSUFFICIENT_DATA = "insufficient_data"


class Status(str, Enum):
    """Whether the value observed for the report year meets that year's target."""

    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NOT_ASSESSED = "not_assessed"
    INCONCLUSIVE = "inconclusive"
    """The figure is a bound on the side that cannot tell (at least 80 against a target of 90)."""


def sign(direction: str) -> int:
    """+1 for indicators where higher is better, −1 where lower is better."""
    return 1 if direction == "up" else -1


def meets(actual: Num, target: Num, comparator: str, direction: str, upper: Num | None = None) -> bool:
    """Whether ``actual`` satisfies ``comparator target`` for an indicator of ``direction``.

    ``=`` is read in the indicator's direction (a level to reach: at least for ``up``, at most for ``down``);
    ``~`` allows :data:`APPROX_TOLERANCE` on the unfavourable side; a ``range`` is met at its favourable-side
    bound's opposite end (reaching the lower end of 1—2 for ``up``).
    """
    a, t = float(actual), float(target)
    if comparator == ">":
        return a > t
    if comparator == ">=":
        return a >= t
    if comparator == "<":
        return a < t
    if comparator == "<=":
        return a <= t
    if comparator == "~":
        slack = APPROX_TOLERANCE * abs(t)
        return a >= t - slack if direction == "up" else a <= t + slack
    if comparator == "range" and direction == "down":
        return a <= float(upper if upper is not None else t)
    return a >= t if direction == "up" else a <= t


def attainment_pct(actual: Num, target: Num, direction: str) -> float | None:
    """完成率: 100·actual/target (up) or 100·target/actual (down); None for a zero denominator."""
    a, t = float(actual), float(target)
    numerator, denominator = (a, t) if direction == "up" else (t, a)
    if denominator == 0:
        return None
    return 100.0 * numerator / denominator


def progress_pct(actual: Num, baseline: Num, final_target: Num) -> float | None:
    """完成进度: share of the distance baseline → final target covered, in %; None when the distance is zero."""
    distance = float(final_target) - float(baseline)
    if distance == 0:
        return None
    return 100.0 * (float(actual) - float(baseline)) / distance


def time_elapsed_pct(actual_year: int, baseline_year: int, final_year: int) -> float | None:
    """时间进度: share of the years baseline → final year elapsed at the actual's year, in %."""
    span = final_year - baseline_year
    if span <= 0:
        return None
    return 100.0 * (actual_year - baseline_year) / span


def cagr(start: Num, end: Num, years: int) -> float | None:
    """Compound annual growth rate as a fraction; None for non-positive values or no elapsed years."""
    s, e = float(start), float(end)
    if years <= 0 or s <= 0 or e <= 0:
        return None
    return float((e / s) ** (1.0 / years) - 1.0)


def arithmetic_rate(start: Num, end: Num, years: int) -> float | None:
    """Average change per year (for percentage-point targets); None without elapsed years."""
    if years <= 0:
        return None
    return (float(end) - float(start)) / years


def as_pct(rate: float | None) -> float | None:
    """A fraction as a percentage."""
    return None if rate is None else 100.0 * rate


def required_cagr_pct(actual: Num, final_target: Num, actual_year: int, final_year: int) -> float | None:
    """今后需年均增长: the CAGR from the actual to the final target, in %."""
    return as_pct(cagr(actual, final_target, final_year - actual_year))


def required_change_per_year(actual: Num, final_target: Num, actual_year: int, final_year: int) -> float | None:
    """The arithmetic change per remaining year to reach the final target."""
    return arithmetic_rate(actual, final_target, final_year - actual_year)


def observed_cagr_pct(baseline: Num, actual: Num, baseline_year: int, actual_year: int) -> float | None:
    """The CAGR from the baseline to the latest actual, in %."""
    return as_pct(cagr(baseline, actual, actual_year - baseline_year))


def growth_ratio(observed_rate: float | None, required_rate: float | None, direction: str) -> float | None:
    """R = d·g_observed/|g_required| (Statistics Canada's corrected Open SDG ratio); None when undefined."""
    if observed_rate is None or required_rate is None or required_rate == 0:
        return None
    return sign(direction) * observed_rate / abs(required_rate)


def band(ratio: float) -> Outlook:
    """The outlook class of a growth ratio: ≥0.95, ≥0.6, ≥0, below 0."""
    if ratio >= ON_TRACK:
        return Outlook.ON_TRACK
    if ratio >= ACCELERATION:
        return Outlook.ACCELERATION_NEEDED
    if ratio >= LIMITED:
        return Outlook.LIMITED_PROGRESS
    return Outlook.DETERIORATION


def rates(baseline: Num, actual: Num, final_target: Num, years_observed: int, years_planned: int,
          arithmetic: bool) -> tuple[float | None, float | None]:
    """(g_observed, g_required) over baseline → actual and baseline → final target.

    Compound rates, except for percentage-point targets (``arithmetic``) or where a compound rate is undefined
    (a zero or negative value), where the arithmetic change per year is used.
    """
    if not arithmetic:
        observed = cagr(baseline, actual, years_observed)
        required = cagr(baseline, final_target, years_planned)
        if observed is not None and required is not None:
            return observed, required
    return arithmetic_rate(baseline, actual, years_observed), arithmetic_rate(baseline, final_target, years_planned)


def outlook(*, baseline: Num | None, baseline_year: int | None, actual: Num | None, actual_year: int | None,
            final_target: Num | None, final_year: int, direction: str, final_comparator: str = "=",
            final_upper: Num | None = None, arithmetic: bool = False) -> tuple[Outlook, float | None]:
    """The outlook class and the growth ratio behind it."""
    if actual is None or final_target is None:
        return Outlook.INSUFFICIENT_DATA, None
    if meets(actual, final_target, final_comparator, direction, final_upper):
        return Outlook.ACHIEVED, None
    if baseline is None or baseline_year is None or actual_year is None or actual_year <= baseline_year:
        return Outlook.INSUFFICIENT_DATA, None
    observed, required = rates(baseline, actual, final_target, actual_year - baseline_year,
                               final_year - baseline_year, arithmetic)
    ratio = growth_ratio(observed, required, direction)
    if ratio is None:
        return Outlook.INSUFFICIENT_DATA, None
    return band(ratio), ratio


def projected_value(baseline: Num, actual: Num, years_observed: int, years_ahead: int) -> float | None:
    """The actual carried forward ``years_ahead`` years at the observed CAGR (None where the CAGR is undefined)."""
    rate = cagr(baseline, actual, years_observed)
    if rate is None:
        return None
    return float(actual) * (1.0 + rate) ** years_ahead
