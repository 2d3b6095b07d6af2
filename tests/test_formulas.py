"""The gap maths against the worked examples of the methodology references (docs/methodology.md §8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gapcalc.engine import formulas
from gapcalc.engine.formulas import Outlook


def sig4(x: float | None) -> str:
    assert x is not None
    return f"{x:.4g}"


def ratio(x0: float, t0: int, xt: float, t: int, target: float, target_year: int, direction: str) -> float:
    outlook, r = formulas.outlook(baseline=x0, baseline_year=t0, actual=xt, actual_year=t, final_target=target,
                                  final_year=target_year, direction=direction)
    assert r is not None, outlook
    return r


def test_open_sdg_1_5_4_on_track() -> None:
    assert sig4(ratio(5, 2015, 6, 2016, 9, 2030, "up")) == "5.005"
    assert formulas.band(ratio(5, 2015, 6, 2016, 9, 2030, "up")) is Outlook.ON_TRACK


def test_open_sdg_1_5_3_deterioration() -> None:
    r = ratio(10, 2015, 30, 2016, 1, 2030, "down")
    assert sig4(r) == "-14.05"
    assert formulas.band(r) is Outlook.DETERIORATION


def test_base_beats_target_is_deterioration_not_on_track() -> None:
    r = ratio(0.5, 2015, 2, 2016, 1, 2030, "down")
    assert sig4(r) == "-63.43"
    assert formulas.band(r) is Outlook.DETERIORATION


def test_unsd_2022_growth_ratio() -> None:
    assert sig4(ratio(40, 2015, 45, 2020, 60, 2030, "up")) == "0.8699"  # the reference prints 0.86995
    assert f"{ratio(40, 2015, 45, 2020, 60, 2030, 'up'):.5f}" == "0.86995"
    assert sig4(formulas.observed_cagr_pct(40, 45, 2015, 2020)) == "2.384"


def test_unsd_2023_projected_value() -> None:
    """The UNSD 2023 expected value x_T^e, the projection the trajectory chart draws."""
    assert formulas.projected_value(40, 45, 5, 10) == pytest.approx(56.953125)


def test_eurostat_moderate_progress() -> None:
    r = ratio(100, 2015, 92, 2018, 82, 2020, "down")
    assert sig4(r) == "0.7044"
    assert sig4(formulas.observed_cagr_pct(100, 92, 2015, 2018)) == "-2.741"
    assert formulas.band(r) is Outlook.ACCELERATION_NEEDED


def test_percentage_point_target() -> None:
    assert formulas.progress_pct(37.5, 35, 40) == pytest.approx(50)
    assert formulas.time_elapsed_pct(2018, 2015, 2020) == pytest.approx(60)
    assert formulas.required_change_per_year(37.5, 40, 2018, 2020) == pytest.approx(1.25)
    outlook, r = formulas.outlook(baseline=35, baseline_year=2015, actual=37.5, actual_year=2018, final_target=40,
                                  final_year=2020, direction="up", arithmetic=True)
    assert sig4(r) == "0.8333" and outlook is Outlook.ACCELERATION_NEEDED


def test_counts_cloud_enterprises() -> None:
    assert sig4(formulas.attainment_pct(300, 350, "up")) == "85.71"
    assert 300 - 350 == -50
    assert sig4(formulas.required_cagr_pct(300, 600, 2019, 2020)) == "100"


def test_milestone_percentage_points() -> None:
    assert 44 - 46 == -2
    assert formulas.required_change_per_year(44, 50, 2019, 2020) == pytest.approx(6)


def test_compounded_reduction_chinese_practice() -> None:
    # CO2 −18 % over 5 years, annual −6.6 % and −5.1 % achieved: still required 2.561 %/yr (methodology §6)
    required = formulas.required_cagr_pct(0.934 * 0.949, 1 - 0.18, 2, 5)
    assert sig4(required) == "-2.561"
    # 11th FYP: −20 % target, 15.61 % after 4 years → 5.202 % needed in the last year
    assert sig4(formulas.required_cagr_pct(1 - 0.1561, 0.8, 4, 5)) == "-5.202"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.95, Outlook.ON_TRACK), (0.9499, Outlook.ACCELERATION_NEEDED), (0.6, Outlook.ACCELERATION_NEEDED),
     (0.5999, Outlook.LIMITED_PROGRESS), (0.0, Outlook.LIMITED_PROGRESS), (-0.0001, Outlook.DETERIORATION)],
)
def test_band_edges_are_inclusive_upward(value: float, expected: Outlook) -> None:
    assert formulas.band(value) is expected


def test_undefined_rates_are_none_not_numbers() -> None:
    assert formulas.cagr(0, 5, 3) is None
    assert formulas.cagr(-1, 5, 3) is None
    assert formulas.cagr(1, 5, 0) is None
    assert formulas.time_elapsed_pct(2020, 2020, 2020) is None
    assert formulas.progress_pct(5, 3, 3) is None
    assert formulas.attainment_pct(5, 0, "up") is None
    assert formulas.growth_ratio(0.1, 0.0, "up") is None


def test_achieved_before_ratio() -> None:
    outlook, r = formulas.outlook(baseline=10, baseline_year=2017, actual=60, actual_year=2019, final_target=50,
                                  final_year=2020, direction="up", final_comparator=">")
    assert outlook is Outlook.ACHIEVED and r is None


def test_insufficient_data_without_two_observations() -> None:
    outlook, _ = formulas.outlook(baseline=None, baseline_year=None, actual=40, actual_year=2019, final_target=50,
                                  final_year=2020, direction="up")
    assert outlook is Outlook.INSUFFICIENT_DATA


@pytest.mark.parametrize(
    ("actual", "comparator", "direction", "expected"),
    [(50, "=", "up", True), (49.9, "=", "up", False), (50, ">", "up", False), (50.1, ">", "up", True),
     (50, ">=", "up", True), (0.8, "=", "down", True), (0.81, "=", "down", False), (0.8, "<", "down", False),
     (47.6, "~", "up", True), (47.4, "~", "up", False), (52.4, "~", "down", True), (52.6, "~", "down", False)],
)
def test_meets(actual: float, comparator: str, direction: str, expected: bool) -> None:
    target = 0.8 if direction == "down" and comparator in ("=", "<") else 50
    assert formulas.meets(actual, target, comparator, direction) is expected


def test_range_meets_lower_end_for_up_and_upper_end_for_down() -> None:
    assert formulas.meets(1, 1, "range", "up", 2)
    assert not formulas.meets(0, 1, "range", "up", 2)
    assert formulas.meets(2, 1, "range", "down", 2)
    assert not formulas.meets(3, 1, "range", "down", 2)


def test_annual_growth_in_its_base_year_is_the_base_even_for_a_total_decline() -> None:
    """``(1 − 100 %)⁰`` is undefined in Decimal arithmetic; in the base year no year of growth has passed."""
    from gapcalc.plan.levels import derive_level

    assert derive_level("annual_growth", Decimal("100"), -1, Decimal("0"), 0) == Decimal("0")
    assert derive_level("annual_growth", Decimal("100"), -1, Decimal("40"), 0) == Decimal("40")
    assert derive_level("annual_growth", Decimal("100"), -1, Decimal("40"), 1) == Decimal("0")


def test_a_total_decline_taken_back_before_its_base_has_no_level() -> None:
    """A target year before the base year of a total decline would need 0 to a negative power: no level (the row is
    unresolved), never an exception — found by the random plans of test_rollup_reference."""
    from gapcalc.plan.levels import level_or_none

    assert level_or_none("annual_growth", Decimal("100"), -1, Decimal("0"), -1) is None
    assert level_or_none("annual_growth", Decimal("10"), 1, Decimal("100"), 1) == Decimal("110")
