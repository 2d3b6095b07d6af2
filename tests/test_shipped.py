"""The shipped plans and actuals: they load, pass `check`, and state what their documents state."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli
from gapcalc.engine.contracts import REPORT_COLUMNS
from gapcalc.engine.targets import build_targets
from gapcalc.errors import Severity
from gapcalc.usecases.check import check_paths
from gapcalc.usecases.open import open_actuals, open_plan

REPO = Path(__file__).resolve().parent.parent
PLANS = ("mianyang", "chongqing", "jinhua", "zibo", "sichuan")


def stated(plan: str) -> dict[tuple[str, str | None, str, int], tuple[str, str, str]]:
    rows = build_targets(open_plan(plan, REPO / "targets").plan)
    table = {}
    for row in rows:
        key = (row["indicator"], row["breakdown"], row["kind"], row["year"])
        value = "" if row["value"] is None else format(row["value"], "f")
        level = "" if row["level"] is None else format(row["level"], "f")
        table.setdefault(key, (value, row["comparator"] or "", level))
    return table


def test_every_shipped_file_passes_check() -> None:
    result = check_paths([REPO / "targets", REPO / "actuals"], REPO / "targets")
    errors = [f.as_text() for f in result.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert len(result.files) == 10


def test_documents_own_inconsistencies_are_warnings() -> None:
    result = check_paths([REPO / "targets"], REPO / "targets")
    codes = sorted(f.code for f in result.findings if f.severity is Severity.WARNING)
    assert codes.count("GC201") == 3  # Mianyang green factories, supply chains, key technologies
    assert "GC202" in codes and "GC204" in codes


@pytest.mark.parametrize(
    ("plan", "key", "expected"),
    [
        ("mianyang", ("nc_rate_key_processes", None, "baseline", 2017), ("26", "=", "26")),
        ("mianyang", ("nc_rate_key_processes", None, "level", 2019), ("46", "=", "46")),
        ("mianyang", ("nc_rate_key_processes", None, "level", 2020), ("50", ">", "50")),
        ("mianyang", ("digital_rnd_tools_rate", None, "level", 2020), ("72", ">", "72")),
        ("mianyang", ("enterprises_on_cloud", None, "cumulative", 2019), ("350", "=", "350")),
        ("mianyang", ("local_sourcing_rate", "electronics", "level", 2018), ("15.0", "=", "15.0")),
        ("mianyang", ("local_sourcing_rate", None, "baseline", 2017), ("20.5", "=", "20.5")),
        ("mianyang", ("local_sourcing_rate", None, "pp_change", 2020), ("4", "=", "32.5")),
        ("mianyang", ("local_sourcing_rate_key_enterprises", "四川长虹电子控股集团有限公司", "level", 2018),
         ("11.4", "=", "11.4")),
        ("mianyang", ("green_factories", "national", "new_in_year", 2019), ("1", "=", "5")),
        ("mianyang", ("well_known_trademarks", "industrial", "new_in_year", 2020), ("1", "=", "14")),
        ("mianyang", ("single_champions", None, "cumulative", 2020), ("3", "=", "3")),
        ("chongqing", ("nc_rate_key_processes", None, "level", 2025), ("65", "=", "65")),
        ("chongqing", ("digital_rnd_tools_rate", None, "level", 2025), ("86.7", "=", "86.7")),
        ("chongqing", ("enterprises_on_cloud", None, "cumulative", 2025), ("150000", "=", "150000")),
        ("chongqing", ("rnd_expenditure", None, "period_total", 2025), ("2500", ">=", "2500")),
        ("chongqing", ("energy_per_unit_iva", None, "change_vs_baseline", 2025), ("16", "=", "")),
        ("jinhua", ("industrial_robots", None, "new_in_year", 2021), ("2000", ">=", "")),
        ("jinhua", ("above_scale_enterprises", None, "cumulative", 2022), ("5000", ">=", "5000")),
        ("zibo", ("ii_integration_index", None, "level", 2025), ("75", "~", "75")),
        ("sichuan", ("high_tech_mfg_share", None, "pp_change", 2025), ("5", "=", "")),
        ("sichuan", ("mfg_labour_productivity", None, "level", 2025), ("60", ">=", "60")),
    ],
)
def test_pinned_numbers(plan: str, key: tuple[str, str | None, str, int], expected: tuple[str, str, str]) -> None:
    assert stated(plan)[key] == expected


@pytest.mark.parametrize("plan", PLANS)
def test_every_plan_reports_and_loads_its_actuals(plan: str) -> None:
    loaded = open_plan(plan, REPO / "targets")
    actuals = open_actuals(loaded, None, REPO / "targets")
    assert actuals.findings == []
    assert actuals.accounting.read == actuals.accounting.used
    assert len(build_targets(loaded.plan)) >= 18


def test_mianyang_2019_csv_parses_with_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["report", "mianyang", "2019", "--format", "csv"])
    assert result.exit_code == 0
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert tuple(frame.columns[: len(REPORT_COLUMNS)]) == REPORT_COLUMNS
    nc = frame[frame.indicator == "nc_rate_key_processes"].iloc[0]
    assert (nc.target, nc.final_target, nc.baseline, nc.baseline_year) == (46, 50, 26, 2017)
    assert len(frame) >= 60


def test_chongqing_2022_shows_published_figures_with_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["report", "chongqing", "2022", "--format", "csv"])
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(result.stdout)) if not r["breakdown"]}
    ii = rows["ii_integration_index"]
    assert (ii["actual"], ii["actual_year"], ii["status"]) == ("61.5", "2022", "met")
    assert ii["source"].startswith("http")
    nc = rows["nc_rate_key_processes"]
    assert (nc["actual"], nc["actual_year"], nc["status"]) == ("56.6", "2021", "no_data")
    cloud = rows["enterprises_on_cloud"]
    assert cloud["actual"] == "55000" and cloud["note"].startswith("下限值") and "Lower bound" in cloud["note_en"]
    assert not cloud["scope"]
    assert rows["high_tech_enterprises"]["scope"] == "全行业，规划为制造业领域"
    assert result.stderr.startswith("actuals/chongqing.csv: 20 rows read, 20 used\nchongqing 2022: ")
    rnd = rows["digital_rnd_tools_rate"]
    assert (rnd["actual"], rnd["actual_comparator"], rnd["status"]) == ("80", ">=", "inconclusive")
    table = CliRunner().invoke(cli, ["report", "chongqing", "2022", "-f", "table", "--color", "never"]).stdout
    assert "[6] Informatisation-industrialisation integration" in table  # the footnote names the indicator


def test_values_are_typed_as_printed() -> None:
    values = {format(row["value"], "f") for plan in PLANS for row in build_targets(open_plan(plan, REPO /
              "targets").plan) if row["value"] is not None}
    assert "15.0" in values and "35.0" in values  # Mianyang 表2 prints 15.0 and 35.0
    assert Decimal("15.0").as_tuple() != Decimal("15").as_tuple()


def test_targets_use_the_documented_vocabularies() -> None:
    from typing import get_args

    from gapcalc.plan.model import COMPARATORS, Kind

    rows = [row for plan in PLANS for row in build_targets(open_plan(plan, REPO / "targets").plan)]
    assert rows
    for row in rows:
        assert row["kind"] in get_args(Kind)
        assert row["comparator"] in (*COMPARATORS, None)
        assert row["direction"] in ("up", "down")


def test_a_count_on_the_additions_scale_keeps_its_unit_in_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A count on gapcalc's additions scale shows the things it counts in the unit column and the need, as the
    words say them (2020年以来新增（个）, +36个/年), and its footnote names the indicator, not its id."""
    monkeypatch.chdir(REPO)
    table = CliRunner().invoke(cli, ["report", "jinhua", "2021", "-f", "table", "--color", "never", "--lang", "zh"],
                               env={"COLUMNS": "160"}).stdout
    line = next(line for line in table.splitlines() if line.startswith("标杆智能工厂、数字车间"))
    assert "2020年以来新增（个）" in line and "+36个/年" in line
    assert any(line.startswith("[1] 规模以上工业企业数（2020年）：") for line in table.splitlines())
