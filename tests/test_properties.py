"""Property tests: the gap maths, and fuzzing of the loaders (only gapcalc's own errors may come out).

The fuzz tests run a quick 60 cases each by default; `GAPCALC_FUZZ=1` (or `GAPCALC_FUZZ=N` for N cases) runs the
large version: `GAPCALC_FUZZ=10000 python -m pytest -m fuzz`.
"""

from __future__ import annotations

import math
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gapcalc.actuals.parse import load_actuals_file, parse_actuals
from gapcalc.engine import formulas
from gapcalc.errors import Finding, GapcalcError
from gapcalc.plan.load import load_plan_file
from gapcalc.usecases.open import open_plan_file, plan_findings

FIXTURES = Path(__file__).parent / "fixtures"
DEMO_TOML = (FIXTURES / "demo" / "targets" / "demo.toml").read_text(encoding="utf-8")
DEMO_CSV = (FIXTURES / "demo" / "actuals" / "demo.csv").read_text(encoding="utf-8")
DEMO_PLAN = open_plan_file(FIXTURES / "demo" / "targets" / "demo.toml").plan

_requested = os.environ.get("GAPCALC_FUZZ", "")
FUZZ_CASES = (10_000 if _requested in ("1", "true", "yes") else int(_requested)) if _requested else 60
fuzz = pytest.mark.fuzz
FUZZ_SETTINGS = settings(max_examples=FUZZ_CASES, deadline=None, derandomize=not _requested,
                         suppress_health_check=list(HealthCheck))

positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=1, max_value=15)


# -- maths -------------------------------------------------------------------------------------------------------
@given(positive, positive, years)
def test_required_growth_reaches_the_final_target(actual: float, final: float, remaining: int) -> None:
    assume(0.01 < final / actual < 100)  # plans move within two orders of magnitude
    rate = formulas.required_cagr_pct(actual, final, 2020, 2020 + remaining)
    assert rate is not None
    assert math.isclose(actual * (1 + rate / 100) ** remaining, final, rel_tol=1e-9)
    step = formulas.required_change_per_year(actual, final, 2020, 2020 + remaining)
    assert step is not None and math.isclose(actual + step * remaining, final, rel_tol=1e-9, abs_tol=1e-9)


@given(st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False))
def test_gap_is_zero_and_target_met_when_actual_equals_target(value: Decimal) -> None:
    assert value - value == 0
    for direction in ("up", "down"):
        assert formulas.meets(value, value, "=", direction)
        assert formulas.meets(value, value, "~", direction)
    if value:
        assert formulas.attainment_pct(value, value, "up") == pytest.approx(100)


@given(st.floats(-1e6, 1e6, allow_nan=False), st.floats(-1e6, 1e6, allow_nan=False),
       st.sampled_from(["=", ">", ">=", "<", "<=", "~"]))
def test_up_and_down_are_mirror_images(actual: float, target: float, comparator: str) -> None:
    mirrored = {"=": "=", ">": "<", ">=": "<=", "<": ">", "<=": ">=", "~": "~"}[comparator]
    assert formulas.meets(actual, target, comparator, "up") == formulas.meets(-actual, -target, mirrored, "down")


@given(st.floats(-1e3, 1e3, allow_nan=False), st.floats(-1e3, 1e3, allow_nan=False),
       st.floats(-1e3, 1e3, allow_nan=False), years, years)
def test_outlook_is_symmetric_under_mirroring(x0: float, xt: float, target: float, seen: int, more: int) -> None:
    assume(abs(target - x0) > 1e-6)
    common = {"baseline_year": 2000, "actual_year": 2000 + seen, "final_year": 2000 + seen + more,
              "arithmetic": True}
    up = formulas.outlook(baseline=x0, actual=xt, final_target=target, direction="up", **common)
    down = formulas.outlook(baseline=-x0, actual=-xt, final_target=-target, direction="down", **common)
    assert up[0] is down[0]
    if up[1] is not None and down[1] is not None:
        assert math.isclose(up[1], down[1], rel_tol=1e-9, abs_tol=1e-12)


@given(positive, positive, positive, years, years)
def test_progress_and_time_reach_100_at_the_target(x0: float, xt: float, target: float, seen: int, more: int) -> None:
    assume(abs(target - x0) > 1e-6)
    assert formulas.progress_pct(target, x0, target) == pytest.approx(100)
    assert formulas.progress_pct(x0, x0, target) == pytest.approx(0)
    assert formulas.time_elapsed_pct(2000 + seen + more, 2000, 2000 + seen + more) == pytest.approx(100)
    ratio = formulas.growth_ratio(formulas.cagr(x0, xt, seen), formulas.cagr(x0, target, seen + more), "up")
    if ratio is not None:
        assert formulas.band(ratio) in set(formulas.Outlook)


@given(st.floats(-100, 100, allow_nan=False), st.floats(-100, 100, allow_nan=False))
def test_bands_are_monotonic(a: float, b: float) -> None:
    order = [formulas.Outlook.DETERIORATION, formulas.Outlook.LIMITED_PROGRESS, formulas.Outlook.ACCELERATION_NEEDED,
             formulas.Outlook.ON_TRACK]
    low, high = sorted((a, b))
    assert order.index(formulas.band(low)) <= order.index(formulas.band(high))


# -- fuzzing the loaders ---------------------------------------------------------------------------------------------
def _mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start, min(len(text), start + 12)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace", "duplicate", "swap-lines"]))
        alphabet = st.sampled_from(list('[]{}=",.\n #\'"0123456789-+e%年—…abc 一'))
        piece = data.draw(st.text(alphabet=alphabet, max_size=6))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + piece + text[start:]
        elif action == "replace":
            text = text[:start] + piece + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            lines = text.split("\n")
            i = data.draw(st.integers(0, len(lines) - 1))
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def _load_plan_text(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "targets").mkdir()
        (root / "docs").mkdir()
        (root / "docs" / "demo.txt").write_bytes((FIXTURES / "demo" / "docs" / "demo.txt").read_bytes())
        path = root / "targets" / "demo.toml"
        path.write_bytes(data)
        try:
            loaded, findings = load_plan_file(path)
        except GapcalcError:
            return
        assert all(isinstance(f, Finding) for f in findings)
        if loaded is not None:
            assert all(isinstance(f, Finding) for f in plan_findings(loaded))


@fuzz
@FUZZ_SETTINGS
@given(st.data())
def test_mutated_target_files_give_only_findings(data: st.DataObject) -> None:
    _load_plan_text(_mutate(DEMO_TOML, data).encode("utf-8"))


@fuzz
@FUZZ_SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_as_target_file(data: bytes) -> None:
    _load_plan_text(data)


@fuzz
@FUZZ_SETTINGS
@given(st.data())
def test_mutated_actuals_give_only_findings(data: st.DataObject) -> None:
    result = parse_actuals(_mutate(DEMO_CSV, data), "fuzz.csv", DEMO_PLAN)
    assert all(isinstance(f, Finding) for f in result.findings)
    reported = sum(result.accounting.reported.values())
    assert result.accounting.read == result.accounting.used + result.accounting.missing + reported


@fuzz
@FUZZ_SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_as_actuals_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        path.write_bytes(data)
        try:
            result = load_actuals_file(path, DEMO_PLAN)
        except GapcalcError:
            return
        assert all(isinstance(f, Finding) for f in result.findings)
