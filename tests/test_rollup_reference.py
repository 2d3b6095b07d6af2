"""The engine on arrays gives the reference engine's report: the same CSV, byte for byte, and the same typed rows.

The reference (``tests/reference_engine.py``, not shipped) works one indicator at a time, with decimals and plain
Python. The engine (:mod:`gapcalc.usecases.run`) must give the same CSV for the shipped plans, for the synthetic
national dataset of the benchmark, and for random plans and actuals (hypothesis), including zero and negative values,
every kind of statement, comparators, breakdowns, targets that depend on actuals, and period totals
(``GAPCALC_FUZZ=N`` runs N random cases instead of 300).
"""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import load_bench
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_engine import build_report, summarise_rows

from gapcalc.actuals.columns import Accounting, PlanActuals, batch_of
from gapcalc.actuals.fast import columns_of_values
from gapcalc.actuals.parse import Actual
from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.engine.report import report_batch
from gapcalc.engine.summary import plan_summaries
from gapcalc.errors import GapcalcError
from gapcalc.infra.paths import plan_files
from gapcalc.plan.compiler import compile_plan
from gapcalc.plan.load import LoadedPlan
from gapcalc.plan.locate import TomlLocator
from gapcalc.plan.model import CHANGE_KINDS, COMPARATORS, PlanFile
from gapcalc.render.delimited import render_delimited, write_delimited
from gapcalc.render.document import Document
from gapcalc.usecases.open import open_actuals, open_plan_file
from gapcalc.usecases.run import Rollup, iter_batches

REPO = Path(__file__).resolve().parent.parent
TARGET_KINDS = ("level", "cumulative", "new_in_year", "change_vs_baseline", "pp_change", "annual_growth",
                "period_total")


def per_plan_reports(directory: Path, year: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Every plan's rows and whole-plan summary, computed one plan at a time by the per-plan engine (the reference),
    and the plans that could not be loaded."""
    rows: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    failures: list[str] = []
    for path in plan_files(directory):
        try:
            loaded = open_plan_file(path)
        except GapcalcError as error:
            failures.append(str(error))
            continue
        plan_rows = build_report(loaded.plan, year, open_actuals(loaded, None, directory).values)
        rows += plan_rows
        summaries.append(summarise_rows(loaded.plan, year, plan_rows)[-1])
    return rows, summaries, failures


def per_plan_csv(directory: Path, year: int) -> tuple[str, list[str]]:
    """``report --all`` computed by the per-plan engine (the reference)."""
    rows, _, failures = per_plan_reports(directory, year)
    return render_delimited(rows, ALL_COLUMNS, header=False), failures


def columnar_csv(directory: Path, year: int, batch_plans: int = 500) -> tuple[str, list[str]]:
    """``report --all`` computed by the roll-up engine."""
    rollup = Rollup(year)
    out = io.StringIO()
    batches = (batch.columns.columns for batch in iter_batches(directory, rollup, batch_plans=batch_plans))
    write_delimited(Document("", ALL_COLUMNS, batches=batches), out, header=False)
    return out.getvalue(), rollup.failures


FLOAT_TOLERANCE = 1e-9
"""Floats (rates, ratios) may differ from the reference in the last bits (numpy and Python round alike only where the
operations are the same); they are compared to this relative tolerance. Printed text is compared exactly."""


def assert_same_rows(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """The same columns in the same order and, cell by cell, the same value and type (floats within tolerance)."""
    assert [list(row) for row in got] == [list(row) for row in expected]
    for number, (mine, theirs) in enumerate(zip(got, expected, strict=True)):
        for column, value in mine.items():
            other = theirs[column]
            if isinstance(value, float) and isinstance(other, float):
                assert math.isclose(value, other, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE), (number, column)
            else:
                assert repr(value) == repr(other), (number, column, value, other)


def engine_reports(directory: Path, year: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Every plan's typed rows and whole-plan summary from the engine, and the plans that could not be loaded."""
    rollup = Rollup(year)
    rows: list[dict[str, Any]] = []
    for batch in iter_batches(directory, rollup):
        rows += batch.columns.rows()
    return rows, rollup.summaries, rollup.failures


@pytest.mark.parametrize("year", [2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2025, 2026, 2030])
def test_shipped_plans_give_the_same_report(in_repo: Path, year: int) -> None:
    expected, expected_failures = per_plan_csv(Path("targets"), year)
    got, failures = columnar_csv(Path("targets"), year)
    assert got == expected
    assert failures == expected_failures == []
    assert expected.count("\n") == 325  # mianyang: 26 enterprise purchase amounts (表3), 2 declared breakdowns


@pytest.mark.parametrize("year", [2018, 2021, 2025])
def test_batch_summaries_are_each_plans_whole_plan_row(in_repo: Path, year: int) -> None:
    from gapcalc.engine.summary import summarise

    batches = list(iter_batches(Path("targets"), Rollup(year), batch_plans=3))
    assert len(batches) == 2
    for batch in batches:
        expected = [summarise(batch, year, index)[-1] for index in range(len(batch.plans))]
        assert plan_summaries(batch, year) == expected


def test_batches_do_not_change_the_report(in_repo: Path) -> None:
    assert columnar_csv(Path("targets"), 2021, batch_plans=2) == columnar_csv(Path("targets"), 2021)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve plans of the benchmark's synthetic national dataset."""
    bench = load_bench()
    root = tmp_path_factory.mktemp("national")
    for folder in ("targets", "docs", "actuals"):
        (root / folder).mkdir()
    for number in range(12):
        bench._plan(number, root)
    return root / "targets"


@pytest.mark.parametrize("year", [2016, 2017, 2019, 2021, 2024, 2025, 2027])
def test_synthetic_national_plans_give_the_same_report(national: Path, year: int) -> None:
    expected, _ = per_plan_csv(national, year)
    got, _ = columnar_csv(national, year, batch_plans=5)
    assert got == expected and expected.count("\n") == 1200


# -- random plans ----------------------------------------------------------------------------------------------------
numbers = st.one_of(st.just(Decimal(0)), st.integers(0, 2).flatmap(
    lambda places: st.decimals(min_value=-20, max_value=900, places=places, allow_nan=False, allow_infinity=False)))


@st.composite
def plan_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plan: a few indicators, each with series of every kind, on and off breakdowns."""
    start = draw(st.integers(2016, 2021))
    end = start + draw(st.integers(0, 6))
    baseline_year = draw(st.none() | st.integers(start - 3, start - 1))
    base_year = baseline_year if baseline_year is not None else start - 1
    indicators = []
    for number in range(draw(st.integers(1, 3))):
        keys = draw(st.lists(st.sampled_from(["a", "b", "Ａ"]), unique=True, max_size=2))
        series = [draw(_series(keys, start, end, base_year)) for _ in range(draw(st.integers(1, 5)))]
        indicators.append({
            "id": f"ind_{number}", "name_zh": f"指标{number}", "name_en": f"Indicator {number}",
            "unit": draw(st.sampled_from(["%", "家"])), "direction": draw(st.sampled_from(["up", "down"])),
            "breakdowns": [{"key": k, "name_zh": f"分项{k}"} for k in keys], "series": series,
        })
    header = {"id": "random", "name_zh": "随机", "name_en": "Random", "region_zh": "某市", "region_en": "City",
              "admin_level": "municipal", "document": "某府发〔2020〕1号", "period": [start, end],
              "source_text": "docs/random.txt"}
    if baseline_year is not None:
        header["baseline_year"] = baseline_year
    return {"plan": header, "indicators": indicators}


@st.composite
def _series(draw: st.DrawFn, keys: list[str], start: int, end: int, base_year: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(("baseline", "baseline", *TARGET_KINDS, "qualitative")))
    low, high = (base_year - 2, start) if kind == "baseline" else (start, end + 1)
    years = draw(st.lists(st.integers(low, high), unique=True, min_size=1, max_size=4))
    series: dict[str, Any] = {"kind": kind, "source": {"table": "表1"}, "quote": "…", "values": []}
    breakdown = draw(st.sampled_from([None, *keys]))
    if breakdown is not None:
        series["breakdown"] = breakdown
    for year in years:
        if kind == "qualitative":
            series["values"].append({"year": year, "text": "基本建立"})
            continue
        value = draw(numbers)
        comparator = "=" if kind == "baseline" else draw(st.sampled_from(COMPARATORS))
        stated: dict[str, Any] = {"year": year, "value": value, "comparator": comparator}
        if comparator == "range":
            stated["upper"] = value + draw(st.integers(1, 50))
        series["values"].append(stated)
    if kind in CHANGE_KINDS:
        series["change"] = draw(st.sampled_from(["increase", "decrease"]))
        if draw(st.booleans()):
            series["base_year"] = draw(st.integers(base_year - 1, start + 1))
    if kind == "pp_change":
        series["per_year"] = draw(st.booleans())
    if kind == "period_total":
        series["period"] = [start, end]
    return series


@st.composite
def observed_values(draw: st.DrawFn, document: dict[str, Any]) -> list[Actual]:
    """Actuals for some indicators, breakdowns and years (zero and negative values included)."""
    start, end = document["plan"]["period"]
    cells = st.tuples(st.sampled_from(document["indicators"]), st.integers(start - 4, end + 2))
    found: dict[tuple[str, str | None, int], Actual] = {}
    for row, (indicator, year) in enumerate(draw(st.lists(cells, max_size=25)), start=2):
        breakdown = draw(st.sampled_from([None, *(b["key"] for b in indicator["breakdowns"])]))
        note = draw(st.sampled_from(["", "估计", "下限"]))  # as read: the reader strips cells
        measure = draw(st.sampled_from(["level", "level", "level", "change_pct", "change_pct_vs_base", "new"]))
        comparator = draw(st.sampled_from(["=", "=", ">=", ">", "<=", "<"]))
        as_of = draw(st.sampled_from(["", "", "", f"{year}-06"]))
        scope = draw(st.sampled_from(["", "", "全行业，规划为制造业领域"]))
        note_en = draw(st.sampled_from(["", "Lower bound"]))
        found.setdefault((indicator["id"], breakdown, year), Actual(
            indicator["id"], breakdown, year, draw(numbers), f"https://example.org/{row}", "公报", note, row, measure,
            comparator, as_of, scope, note_en))
    return list(found.values())


@settings(max_examples=int(os.environ.get("GAPCALC_FUZZ") or 0) or 300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_plans_give_the_same_report(data: st.DataObject) -> None:
    document = data.draw(plan_documents())
    plan = PlanFile.model_validate(document)
    values = data.draw(observed_values(document))
    start, end = document["plan"]["period"]
    year = data.draw(st.integers(start - 2, end + 2))
    expected = render_delimited(build_report(plan, year, values), ALL_COLUMNS, header=False)
    compiled = compile_plan(LoadedPlan(Path("random.toml"), "random.toml", plan, TomlLocator("")))
    reference_rows = build_report(plan, year, values)
    columns = report_batch([compiled], batch_of([PlanActuals(columns_of_values(values), Accounting())]), year)
    out = io.StringIO()
    write_delimited(Document("", ALL_COLUMNS, batches=[columns.columns]), out, header=False)
    assert out.getvalue() == expected
    assert_same_rows(columns.rows(), reference_rows)


# -- reading actuals column-wise -------------------------------------------------------------------------------------
DEMO = REPO / "tests" / "fixtures" / "demo" / "targets" / "demo.toml"
CELLS = {
    "indicator": ["nc_rate_key_processes", "enterprises_on_cloud", "green_factories", " green_factories",
                  "ｎｃ_rate_key_processes", "unknown_indicator", ""],
    "breakdown": ["", "", "national", "national ", "provincial", "ｎａｔｉｏｎａｌ"],
    "year": ["2018", "2019", "2020", "2019年", " 2019", "２０１９", "19", "2040", "year"],
    "value": ["30", "44.5", "0", "-3", "-0", "+3", "007", "1,234", "12%", "—", "", "abc", "5.", "1e3"],
    "source": ["", "https://example.org/x", " 公报 "],
    "note": ["", "下限", " 估计 "],
    "scope": ["", "", "", "", "", "全行业，规划为制造业领域", " 增加值占比 ", "新增"],
    "note_en": ["", " Lower bound ", "Proxy, not gross output"],
}


@st.composite
def actuals_files(draw: st.DrawFn) -> str:
    """An actuals file as typed: mostly clean rows, some with what people type into Excel."""
    rows = ["indicator,year,value,breakdown,source,note,口径,note_en"]
    for _ in range(draw(st.integers(0, 8))):
        cells = {name: draw(st.sampled_from(choices)) for name, choices in CELLS.items()}
        rows.append(",".join(cells[n] if "," not in cells[n] else f'"{cells[n]}"'
                             for n in ("indicator", "year", "value", "breakdown", "source", "note", "scope",
                                       "note_en")))
    if draw(st.booleans()):
        rows.append("")
    return "\n".join(rows) + "\n"


@settings(max_examples=int(os.environ.get("GAPCALC_FUZZ") or 0) or 300, deadline=None)
@given(actuals_files())
def test_clean_and_dirty_actuals_read_the_same_as_row_by_row(tmp_path_factory: pytest.TempPathFactory,
                                                             text: str) -> None:
    from gapcalc.actuals.fast import read_plan_actuals
    from gapcalc.actuals.parse import parse_actuals
    from gapcalc.infra.cache import Cache
    from gapcalc.usecases.open import load_compiled

    compiled = load_compiled(DEMO, Cache("plans", None))
    root = tmp_path_factory.mktemp("workspace")
    (root / "actuals").mkdir()
    (root / "actuals" / "demo.csv").write_text(text, encoding="utf-8")
    read = read_plan_actuals(compiled, root / "actuals" / "demo.csv")
    reference = parse_actuals(text, "x", compiled.facts)
    assert {name: list(column) for name, column in read.columns.items()} == columns_of_values(reference.values)
    assert (read.accounting.read, read.accounting.used) == (reference.accounting.read, reference.accounting.used)
    assert bool(read.notes) == bool(reference.findings)


@given(st.lists(st.lists(st.text(alphabet=' ,"\n\r\tab中=', max_size=6), min_size=3, max_size=3), min_size=1,
                max_size=6), st.sampled_from([",", "\t"]))
def test_delimited_output_reads_back_as_the_cells(rows: list[list[str]], delimiter: str) -> None:
    """Whatever a text cell holds (quotes, delimiters, CR, LF), a CSV reader gets the same cells back."""
    columns = ("a", "b", "c")
    out = io.StringIO()
    write_delimited(Document("", columns, [dict(zip(columns, row, strict=True)) for row in rows]), out, delimiter)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))
    assert back == [list(columns), *rows]


# -- the command -----------------------------------------------------------------------------------------------------
ROLLUP = REPO / "tests" / "fixtures" / "rollup"


def test_roll_up_command_reports_problems_and_skips_broken_plans(monkeypatch: pytest.MonkeyPatch,
                                                                 private_cache: Path) -> None:
    """Cold (nothing cached) and warm (everything cached) give the same rows, notes and exit code."""
    from click.testing import CliRunner

    from gapcalc.cli.main import cli

    monkeypatch.chdir(ROLLUP)
    runner = CliRunner()
    shutil.rmtree(private_cache, ignore_errors=True)
    cold = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    warm = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert cold.exit_code == 2
    assert cold.stdout == (ROLLUP / "expected_report_2019.csv").read_text(encoding="utf-8")
    assert cold.stderr == (ROLLUP / "expected_report_2019.stderr").read_text(encoding="utf-8")
    reference, failures = per_plan_csv(Path("targets"), 2019)
    assert cold.stdout.split("\n", 1)[1] == reference
    assert len(failures) == 1 and "GC106" in failures[0]


@pytest.mark.parametrize("year", [2017, 2019, 2021, 2026])
def test_roll_up_rows_for_every_format_are_the_per_plan_rows(in_repo: Path, year: int) -> None:
    """The typed rows behind the table, JSON, Markdown, Excel and HTML output of ``report --all``."""
    expected_rows, expected_summaries, _ = per_plan_reports(Path("targets"), year)
    rows, summaries, _ = engine_reports(Path("targets"), year)
    assert_same_rows(rows, expected_rows)
    assert [{k: s[k] for k in sorted(s)} for s in summaries] == \
        [{k: s[k] for k in sorted(s)} for s in expected_summaries]


# -- the Python API --------------------------------------------------------------------------------------------------
def _cell(value: Any) -> Any:
    """A cell compared across DataFrames: every kind of missing value as None."""
    if value is None or (isinstance(value, float) and value != value) or value is getattr(pd, "NA", None):
        return None
    return value


def test_report_all_frame_is_every_plans_report_frame(in_repo: Path) -> None:
    import gapcalc

    every = gapcalc.report_all(2021)
    plans = sorted(p.stem for p in Path("targets").glob("*.toml"))
    one_by_one = pd.concat([gapcalc.report(plan, 2021) for plan in plans], ignore_index=True)
    assert list(every.columns) == list(ALL_COLUMNS) == list(one_by_one.columns)
    assert len(every) == len(one_by_one) == 325
    assert every.attrs["failures"] == []
    for column in ALL_COLUMNS:
        got = [_cell(v) for v in every[column].tolist()]
        expected = [_cell(v) for v in one_by_one[column].tolist()]
        if column in ("year", "actual_year", "baseline_year", "final_year"):
            expected = [None if v is None else int(v) for v in expected]
        assert got == expected, column
    assert every["target"].map(type).isin([Decimal, type(None)]).all()
    assert str(every["actual_year"].dtype) == "Int64"


def test_compare_rows_are_the_per_plan_rows_of_the_indicator(in_repo: Path) -> None:
    from gapcalc.usecases.run import compare

    expected, _, _ = per_plan_reports(Path("targets"), 2022)
    mine = [row for row in expected if row["indicator"] == "nc_rate_key_processes"]
    got, _ = compare(Path("targets"), "nc_rate_key_processes", 2022)
    assert len(got) == len(mine) >= 2
    assert [[repr(row[c]) for c in ALL_COLUMNS] for row in got] == [[repr(row[c]) for c in ALL_COLUMNS] for row in mine]
    assert {(row["plan"], row["region_zh"]) for row in got} >= {("chongqing", "重庆"), ("mianyang", "绵阳")}
