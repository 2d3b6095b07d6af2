"""Growth-rate targets against growth rates, in-year pace with its warning levels, and vintages of figures: the worked
examples of docs/methodology.md §11–13, on the small plan of tests/fixtures/pace and on shipped plans."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.actuals.parse import parse_actuals
from gapcalc.actuals.shapes import known_on, parse_date, parse_revision, period_end, version_order
from gapcalc.cli.main import cli
from gapcalc.engine import pace, rates
from gapcalc.engine.formulas import Outlook, Status
from gapcalc.plan.facts import PlanFacts

HERE = Path(__file__).parent / "fixtures" / "pace"
TARGETS = HERE / "targets"
ACTUALS = HERE / "actuals"
REPO = Path(__file__).resolve().parent.parent


def report(plan: str, year: int, actuals: Path, *options: str, targets: Path | None = TARGETS) -> dict[str, dict]:
    """The report rows of ``plan`` as CSV cells, by indicator."""
    args = ["report", plan, str(year), "--actuals", str(actuals), "-f", "csv", *options]
    if targets is not None:
        args += ["--targets-dir", str(targets)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    return {row["indicator"]: row for row in csv.DictReader(io.StringIO(result.stdout)) if not row["breakdown"]}


def brief(plan: str, year: int, actuals: Path, tmp_path: Path, lang: str = "zh",
          targets: Path | None = TARGETS) -> str:
    out = tmp_path / f"{plan}-{lang}.md"
    args = ["brief", plan, str(year), "--actuals", str(actuals), "-f", "markdown", "-o", str(out), "--lang", lang]
    if targets is not None:
        args += ["--targets-dir", str(targets)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


# §11: rates against rates ------------------------------------------------------------------------------------------

def test_one_yearly_rate_and_no_level_is_judged_on_the_rate(tmp_path: Path) -> None:
    """金华 亩均增加值 年均增长10% (2020–2022, base 2019): 2021 增长12.5% meets it; with 2020 missing, no average."""
    rows = report("jinhua", 2021, ACTUALS / "jinhua_rate_2021.csv", targets=None)
    row = rows["value_added_per_mu"]
    assert {k: row[k] for k in ("unit", "target", "comparator", "target_source", "actual", "gap", "status",
                                "outlook", "observed_cagr_pct", "baseline_year", "final_year")} == {
        "unit": "growth rate (%)", "target": "10", "comparator": "=", "target_source": "rate", "actual": "12.5",
        "gap": "2.5", "status": "met", "outlook": "insufficient_data", "observed_cagr_pct": "", "baseline_year": "2019",
        "final_year": "2022"}
    text = brief("jinhua", 2021, ACTUALS / "jinhua_rate_2021.csv", tmp_path, targets=None)
    assert ("规模以上工业亩均增加值：2021年增长12.5%，规划目标为2020—2022年年均增长10%，高于目标增速2.5个百分点，"
            "达到目标增速。2020年以来各年增速尚不完整，暂无法计算年均增速。") in text
    assert "| 规模以上工业亩均增加值 |  |  | 年均增长10%（2022） | 增长10% | 增长12.5%（2021） |" in text


def test_a_rate_published_as_a_bound_decides_only_when_it_can() -> None:
    """年均增长10%以上 against 增长8%以上: the rate may be above 10 or not."""
    row = report("jinhua", 2021, ACTUALS / "jinhua_rate_2021.csv", targets=None)["related_equipment_mfg_value_added"]
    assert (row["target"], row["comparator"], row["actual"], row["actual_comparator"], row["status"]) == (
        "10", ">=", "8", ">=", "inconclusive")


def test_a_complete_chain_gives_the_average_and_the_rate_still_needed(tmp_path: Path) -> None:
    """年均增长7% over 2021–2025: 9.0, 6.0, 5.5 average 6.8222 %, R = 0.9746 (on track), 7.2672 % a year needed."""
    row = report("pace", 2024, ACTUALS / "all.csv")["value_added"]
    assert (row["observed_cagr_pct"], row["growth_ratio"], row["outlook"], row["required_cagr_pct"]) == (
        "6.8222", "0.9746", "on_track", "7.2672")
    average = (Decimal("1.09") * Decimal("1.06") * Decimal("1.055")) ** (Decimal(1) / 3) - 1
    assert round(float(average) * 100, 4) == 6.8222
    assert round(((1.07 ** 5 / 1.218947) ** 0.5 - 1) * 100, 4) == 7.2672
    text = brief("pace", 2024, ACTUALS / "all.csv", tmp_path)
    assert ("2021—2023年年均增长6.8%，低于目标增速0.2个百分点；要实现2021—2025年年均增长7%的目标，2024—2025年需"
            "年均增长7.3%，按2021—2023年年均增长6.8%测算，略低于所需增速，需稍加快方能如期实现") in text


def test_rates_check_is_the_rule() -> None:
    target = rates.RateTarget(Decimal(7), 2020, 2025)
    figures = [rates.RateFigure(2021, Decimal("9.0"), "change_pct", 1), rates.RateFigure(2023, Decimal("5"),
                                                                                         "change_pct", 2)]
    judged = rates.check(target, figures, 2023, "up")
    assert (judged.status, judged.average_pct, judged.outlook) == (Status.NOT_MET, None, Outlook.INSUFFICIENT_DATA)
    assert judged.gap_pp == Decimal(-2)
    down = rates.check(rates.RateTarget(Decimal(-3), 2020, 2022, "<="), [
        rates.RateFigure(2021, Decimal(-4), "change_pct", 1), rates.RateFigure(2022, Decimal(-2.5), "change_pct", 2)],
        2022, "down")
    assert down.status is Status.NOT_MET and down.outlook is Outlook.ACHIEVED  # (0.96·0.975)^½ − 1 = −3.25 %
    assert down.average_pct is not None and round(down.average_pct, 4) == -3.2529


def test_rates_on_base_year_count_in_the_chain() -> None:
    """比2020年累计增长14.49% by 2022 and 同比5% in 2023: the chain is complete from the base year."""
    judged = rates.check(rates.RateTarget(Decimal(7), 2020, 2025), [
        rates.RateFigure(2022, Decimal("14.49"), "change_pct_vs_base", 1),
        rates.RateFigure(2023, Decimal(5), "change_pct", 2)], 2023, "up")
    assert judged.average_pct is not None and round(judged.average_pct, 4) == round(
        ((1.1449 * 1.05) ** (1 / 3) - 1) * 100, 4)


def test_a_rate_key_with_a_level_figure_stays_on_levels() -> None:
    """A level among the figures gives the key a level: §2–6 judge it, not the rates."""
    facts = PlanFacts({"g": "亿元"}, {"g": frozenset()}, 2020, (2021, 2025), "p", {}, frozenset({("g", "")}))
    parsed = parse_actuals("indicator,year,value,measure\ng,2020,100,\ng,2021,7,同比\n", "a.csv", facts)
    assert [a.measure for a in parsed.values] == ["level", "change_pct"]
    only_rates = parse_actuals("indicator,year,value,measure\ng,2022,7,同比\n", "a.csv", facts)
    assert [f.code for f in only_rates.findings] == [] and len(only_rates.values) == 1  # no GC323: a rate


# §12: in-year pace -------------------------------------------------------------------------------------------------

def in_year(row: dict) -> tuple:
    return tuple(row[k] for k in ("in_year_kind", "elapsed_pct", "done_pct", "in_year_expected", "pace_pp",
                                  "warning", "in_year_method", "in_year_start"))


def test_a_flow_at_nine_months(tmp_path: Path) -> None:
    row = report("pace", 2024, ACTUALS / "all.csv")["investment"]
    assert in_year(row) == ("flow", "75", "79.1667", "900", "4.1667", "green", "linear", "")
    assert (row["status"], row["outlook"], row["gap"], row["observed_cagr_pct"]) == (
        "no_data", "insufficient_data", "", "")  # a sum to date is not the year's amount
    text = brief("pace", 2024, ACTUALS / "all.csv", tmp_path)
    assert ("工业投资：2024年1—9月累计为950亿元（不作全年评价），按规划路径推算2024年应达到1200亿元。"
            "年内进度：完成全年目标的79.2%，序时进度75%，快于序时进度4.2个百分点，三级预警（绿色）。") in text


def test_a_growth_target_with_a_half_year_figure(tmp_path: Path) -> None:
    row = report("pace", 2024, ACTUALS / "all.csv")["value_added"]
    assert in_year(row) == ("rate", "50", "", "7", "-0.9", "yellow", "linear", "")
    text = brief("pace", 2024, ACTUALS / "all.csv", tmp_path)
    assert ("规模以上工业增加值：2024年1—6月累计增长6.1%（不作全年评价），规划目标为2021—2025年年均增长7%。"
            "年内进度：累计增速低于目标增速0.9个百分点，二级预警（黄色）。") in text
    red = report("pace", 2024, ACTUALS / "rate_red.csv")["value_added"]
    assert in_year(red) == ("rate", "50", "", "7", "-8.2", "red", "linear", "")
    red_text = brief("pace", 2024, ACTUALS / "rate_red.csv", tmp_path)
    assert "年内进度：累计增速低于目标增速8.2个百分点，不增反降，一级预警（红色）" in red_text
    assert "（一）规模以上工业增加值：年内不增反降，须查明原因，尽快扭转下滑态势。" in red_text
    assert "（二）部分指标缺少数据：4项量化目标中，3项暂无任何数据。" in red_text


def test_a_stock_below_where_the_path_begins_the_year(tmp_path: Path) -> None:
    text = brief("pace", 2024, ACTUALS / "stock_red.csv", tmp_path)
    assert ("年内进度：按规划路径推算，2023年末应为1.6万户，截至2024年6月低于该水平500户，年度任务尚未起步，一级预警"
            "（红色）。") in text
    assert "（一）企业上云：低于上年末规划路径水平，须查明原因，加快推进，确保完成2024年度目标1.8万户。" in text
    assert "扭转下滑" not in text  # below the path, not known to have fallen


@pytest.mark.parametrize(("name", "expected"), [
    ("all.csv", ("stock", "50", "25", "17000", "-25", "yellow", "linear", "16000")),
    ("stock_green.csv", ("stock", "50", "75", "17000", "25", "green", "linear", "16000")),
    ("stock_red.csv", ("stock", "50", "-25", "17000", "-75", "red", "linear", "16000")),
])
def test_a_stock_against_the_path_at_the_month(name: str, expected: tuple) -> None:
    assert in_year(report("pace", 2024, ACTUALS / name)["cloud"]) == expected


def test_an_intensity_to_date_stands_for_the_year(tmp_path: Path) -> None:
    """单位能耗 0.89 in 1—6月 against the path 0.91 (end-2023) → 0.88 (2024): two thirds of the year's reduction, due
    in full (the barometer's reading), so yellow."""
    row = report("pace", 2024, ACTUALS / "all.csv")["energy_intensity"]
    assert in_year(row) == ("ratio", "100", "66.6667", "0.88", "-33.3333", "yellow", "linear", "0.91")
    assert ("年内进度：按规划路径推算，2023年末应为0.91吨标准煤/万元、2024年应为0.88吨标准煤/万元，年内比值已完成年度"
            "任务的66.7%，低于年度要求33.3个百分点，二级预警（黄色）。") in brief("pace", 2024, ACTUALS / "all.csv",
                                                                                tmp_path)


def test_a_percentage_change_target_is_read_by_log_share(tmp_path: Path) -> None:
    """规上企业 1000家 (2020), 年均增长5% to 2025: the path 1165.7689 (2023) → 1221.02525 (2024) at June runs by
    equal ratios: √(1165.7689 × 1221.02525) = 1193.0772; 1200 is 61.9 % of the year's step against 49.4 % due."""
    row = report("firms", 2024, ACTUALS / "firms.csv")["above_scale_firms"]
    assert in_year(row) == ("stock", "49.4212", "61.9496", "1193.0772", "12.5284", "green", "log_share", "1165.7689")
    assert math.isclose((1165.7689 * 1221.02525) ** 0.5, 1193.0772, abs_tol=1e-3)
    text = brief("firms", 2024, ACTUALS / "firms.csv", tmp_path)
    assert ("按规划路径推算，2023年末应为1166家、2024年6月末应达到1193家，年内已完成年度任务的61.9%，序时进度（按对数"
            "比例折算）49.4%，快于序时进度12.5个百分点，三级预警（绿色）") in text


def test_the_overview_counts_the_warnings_and_the_summary_has_them(tmp_path: Path) -> None:
    text = brief("pace", 2024, ACTUALS / "all.csv", tmp_path)
    assert ("按年内数据监测4项，黄色预警3项（企业上云、规模以上工业增加值、单位工业增加值能耗）、绿色（正常）1项（工业"
            "投资）。") in text
    assert ("| 企业上云 |  | 1万户（2020） | 2万户（2025） | 1.8万户（路径推算） | 1.65万户（2024年6月末） |  | "
            "暂无法判断；年内黄色预警 |") in text
    assert "（一）企业上云：年内进度慢于序时进度，需加快推进，确保完成2024年度目标1.8万户。" in text
    assert ("（二）规模以上工业增加值：累计增速低于目标增速，需加快推进，力争全年增长7.3%以上，确保实现年均增长7%的"
            "目标。") in text
    assert ("（二）年内数据：工业投资（2024年1—9月）、企业上云（2024年6月末）、规模以上工业增加值（2024年1—6月）、"
            "单位工业增加值能耗（截至2024年6月），均不代表全年。") in text
    result = CliRunner().invoke(cli, ["summary", "pace", "2024", "--targets-dir", str(TARGETS), "--actuals",
                                      str(ACTUALS / "all.csv"), "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    whole = list(csv.DictReader(io.StringIO(result.stdout)))[-1]
    assert (whole["warning_red"], whole["warning_yellow"], whole["warning_green"]) == ("0", "3", "1")
    assert "年内预警 3 项（黄色 3 项）" in CliRunner().invoke(cli, [
        "report", "pace", "2024", "--targets-dir", str(TARGETS), "--actuals", str(ACTUALS / "all.csv"), "-f", "csv",
        "--lang", "zh"]).stderr


def test_the_terminal_table_shows_the_warning_in_words() -> None:
    result = CliRunner().invoke(cli, ["report", "pace", "2024", "--targets-dir", str(TARGETS), "--actuals",
                                      str(ACTUALS / "all.csv"), "-f", "table", "--lang", "en", "--color", "never"],
                                env={"COLUMNS": "120"})
    assert result.exit_code == 0
    lines = {line.split(" (")[0]: line for line in result.stdout.splitlines() if " (a " in line}
    assert "! yellow warning" in lines["Enterprises on the cloud"]
    assert "+ green (on pace)" in lines["Industrial investment"]
    assert "In-year (a figure for part of the year" in result.stdout


def test_chongqing_2024_mid_year_figures_are_judged_in_year(tmp_path: Path) -> None:
    """The shipped 2024-06 figure of enterprises on the cloud (≥130000) against the path 112000 → 131000."""
    rows = report("chongqing", 2024, REPO / "actuals" / "chongqing.csv", targets=None)
    assert in_year(rows["enterprises_on_cloud"]) == ("stock", "50", "94.7368", "121500", "44.7368", "green",
                                                     "linear", "112000")
    assert rows["specialised_sme"]["warning"] == ""  # no target for 2024: nothing to pace against


@pytest.mark.parametrize(("as_of", "share"), [("2024-06", 0.5), ("2024-09", 0.75), ("2024-02-15", (1 + 15 / 29) / 12),
                                              ("2023-02-28", 2 / 12)])
def test_elapsed_share(as_of: str, share: float) -> None:
    assert math.isclose(pace.elapsed_share(as_of), share)


@given(st.decimals(-1000, 1000, places=2), st.decimals(1, 1000, places=2), st.integers(1, 11),
       st.sampled_from(["up", "down"]))
def test_flow_pace_is_done_minus_elapsed_and_the_warning_follows_it(figure: Decimal, target: Decimal, month: int,
                                                                    direction: str) -> None:
    judged = pace.flow(figure, target, f"2024-{month:02d}", direction)
    assert judged is not None
    assert math.isclose(judged.pace_pp, (judged.done_pct - 100 * month / 12) * (1 if direction == "up" else -1),
                        abs_tol=1e-9)
    assert judged.warning == ("red" if figure <= 0 else "green" if judged.pace_pp >= 0 else "yellow")


@given(st.floats(1, 1000), st.floats(1, 1000), st.floats(0, 1), st.sampled_from(["linear", "log_share"]))
def test_the_path_runs_from_the_start_to_the_target(before: float, target: float, share: float, method: str) -> None:
    value = pace.path_at(before, target, share, method)  # type: ignore[arg-type]
    assert min(before, target) - 1e-9 <= value <= max(before, target) + 1e-9
    assert math.isclose(pace.path_at(before, target, 0, method), before)  # type: ignore[arg-type]
    assert math.isclose(pace.path_at(before, target, 1, method), target)  # type: ignore[arg-type]


# §13: vintages -----------------------------------------------------------------------------------------------------

def test_as_known_on_before_and_after_a_revision() -> None:
    before = report("chongqing", 2024, ACTUALS / "vintages.csv", "--as-known-on", "2025-06-30", targets=None)
    after = report("chongqing", 2024, ACTUALS / "vintages.csv", "--as-known-on", "2025-09-01", targets=None)
    latest = report("chongqing", 2024, ACTUALS / "vintages.csv", targets=None)
    pick = ("actual", "status", "published", "revision")
    assert tuple(before["industrial_output"][k] for k in pick) == ("2.9", "met", "2025-03-01", "preliminary")
    assert tuple(after["industrial_output"][k] for k in pick) == ("2.8", "not_met", "2025-08-29", "final")
    assert latest == after


def test_versions_are_set_aside_and_counted() -> None:
    result = CliRunner().invoke(cli, ["report", "chongqing", "2024", "--actuals", str(ACTUALS / "vintages.csv"),
                                      "-f", "csv", "--as-known-on", "2025-06-30", "--lang", "zh"])
    assert result.stderr.splitlines()[0].endswith("读取 21 行，使用 20 行，另有 当时尚未发布 1 行 未采用")
    result = CliRunner().invoke(cli, ["report", "chongqing", "2024", "--actuals", str(ACTUALS / "vintages.csv"),
                                      "-f", "csv", "--lang", "en"])
    assert result.stderr.splitlines()[0].endswith("21 rows read, 20 used, set aside: 1 earlier version")


def test_two_rows_of_one_version_still_conflict() -> None:
    result = CliRunner().invoke(cli, ["report", "chongqing", "2024", "--actuals",
                                      str(ACTUALS / "vintages_conflict.csv"), "-f", "csv", "--lang", "en"])
    assert result.exit_code == 1
    assert ("vintages_conflict.csv:3:3: GC308 error: industrial_output 2024: row 2 says 2.9, row 3 says 2.95; neither "
            "is used — give each version its release date (published) or kind (revision), or delete the wrong row"
            ) in result.stderr
    row = next(r for r in csv.DictReader(io.StringIO(result.stdout)) if r["indicator"] == "industrial_output")
    assert (row["actual"], row["revision"]) == ("2.8", "final")


def test_a_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["report", "chongqing", "2024", "--as-known-on", "2025-13-01", "--lang", "en"])
    assert result.exit_code == 2 and "'2025-13-01' is not a date" in result.stderr
    result = CliRunner().invoke(cli, ["report", "--all", "2024", "--as-known-on", "2025-01-01", "--lang", "en"])
    assert result.exit_code == 2 and "--as-known-on reports one plan" in result.stderr


@pytest.mark.parametrize(("cell", "parsed"), [("2025-03-01", "2025-03-01"), ("2025/3/1", "2025-03-01"),
                                              ("2025年3月1日", "2025-03-01"), ("2025年3月", "2025-03"), ("", "")])
def test_release_dates(cell: str, parsed: str) -> None:
    assert parse_date(cell) == parsed


@pytest.mark.parametrize(("cell", "parsed"), [("初步数", "preliminary"), ("最终核实数", "final"), ("快报", "flash"),
                                              ("年鉴", "yearbook"), ("预计数", "estimate"), ("", "")])
def test_release_kinds(cell: str, parsed: str) -> None:
    assert parse_revision(cell) == parsed


def test_a_bad_release_cell_names_its_row_and_column() -> None:
    parsed = parse_actuals("indicator,year,value,published,revision\ng,2024,1,2025-13-40,\ng,2023,1,,草稿\n",
                           "a.csv", None)
    assert [(f.code, f.line, f.col) for f in parsed.findings] == [("GC321", 2, 4), ("GC321", 3, 5)]
    assert parsed.values == []


def test_known_on_and_version_order() -> None:
    assert period_end(2024, "2024-02") == "2024-02-29" and period_end(2024, "") == "2024-12-31"
    assert not known_on("", 2024, "", "2024-12-31") and known_on("", 2024, "", "2025-01-01")
    assert known_on("2025-03", 2024, "", "2025-03-31") and not known_on("2025-03", 2024, "", "2025-03-30")
    assert version_order(2024, "2024-06", "2025-01-01", "") < version_order(2024, "", "", "")
    assert version_order(2024, "", "", "preliminary") < version_order(2024, "", "", "final")


# the template and draft-actuals fill periods and releases --------------------------------------------------------

def test_the_template_of_part_of_a_year(tmp_path: Path) -> None:
    path = tmp_path / "jinhua-2024-06.csv"
    result = CliRunner().invoke(cli, ["template", "jinhua", "2024", "--as-of", "2024年6月", "--published",
                                      "2024-07-20", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))}
    assert {(r["as_of"], r["published"]) for r in rows.values()} == {("2024-06", "2024-07-20")}
    assert rows["value_added_per_mu"]["measure"] == "同比" and rows["listed_companies"]["measure"] == ""
    bad = CliRunner().invoke(cli, ["template", "jinhua", "2024", "--as-of", "2023-06", "-o", "-"],
                             env={"GAPCALC_LANG": "en"})
    assert bad.exit_code == 2 and "as_of '2023-06' is not in the row's year 2024" in bad.stderr


MONTHLY = """# source: 2024年1—6月步调市经济运行情况, 步调市统计局, 2024-07-18
2024年1—6月步调市经济运行情况
上半年，全市规模以上工业增加值增长6.1%，完成工业投资590亿元。
"""


def test_draft_actuals_fills_the_period_and_the_release(tmp_path: Path) -> None:
    document = tmp_path / "monthly.txt"
    document.write_text(MONTHLY, encoding="utf-8")
    out = tmp_path / "pace.csv"
    result = CliRunner().invoke(cli, ["draft-actuals", "pace", str(document), "--targets-dir", str(TARGETS), "-q",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    picked = {k: (r["value"], r["measure"], r["as_of"], r["published"], r["revision"]) for k, r in rows.items()}
    assert picked == {"value_added": ("6.1", "change_pct", "2024-06", "2024-07-18", "快报"),
                      "investment": ("590", "", "2024-06", "2024-07-18", "快报")}
    report = CliRunner().invoke(cli, ["report", "pace", "2024", "--targets-dir", str(TARGETS), "--actuals", str(out),
                                      "-f", "csv"])
    row = next(r for r in csv.DictReader(io.StringIO(report.stdout)) if r["indicator"] == "investment")
    assert (row["in_year_kind"], row["warning"], row["revision"]) == ("flow", "yellow", "flash")


def test_a_new_version_is_appended_only_where_the_file_has_the_columns(tmp_path: Path) -> None:
    document = tmp_path / "monthly.txt"
    document.write_text(MONTHLY, encoding="utf-8")
    with_columns = tmp_path / "with.csv"
    with_columns.write_text("indicator,year,value,measure,as_of,published,revision,source,source_title,note\n"
                            "investment,2024,600,,2024-06,2024-07-10,预计数,工作通报,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft-actuals", "pace", str(document), "--targets-dir", str(TARGETS),
                                      "-o", str(with_columns), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert with_columns.read_text(encoding="utf-8").count("investment,2024,") == 2  # a later version
    without = tmp_path / "without.csv"
    without.write_text("indicator,year,value,measure,as_of,source,source_title,note\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft-actuals", "pace", str(document), "--targets-dir", str(TARGETS),
                                      "-o", str(without), "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    assert "has no column published, revision: the rows' release date and kind were not written" in result.stderr
    assert without.read_text(encoding="utf-8").count("\n") == 3


def test_diff_says_which_in_year_warning_changed(tmp_path: Path) -> None:
    new = tmp_path / "new.csv"
    new.write_text((ACTUALS / "all.csv").read_text(encoding="utf-8").replace("cloud,2024,16500", "cloud,2024,17500"),
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", "pace", "2024", "--targets-dir", str(TARGETS), "--old",
                                      str(ACTUALS / "all.csv"), "--new", str(new), "-f", "csv", "--lang", "zh"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["change"], r["indicator"], r["old"], r["new"]) for r in rows] == [
        ("revised", "cloud", "16500", "17500"), ("outlook", "cloud", "acceleration_needed", "on_track"),
        ("warning", "cloud", "yellow", "green")]
    assert result.stderr.splitlines()[-1] == (
        "本期新增数据0项，修订1项，删除0项；展望变化：企业上云由需加快转为符合进度；年内预警变化：企业上云由黄色预警转为绿色"
        "（正常）。")


@pytest.mark.parametrize("path", sorted((REPO / "targets").glob("*.toml")) + [TARGETS / "pace.toml"],
                         ids=lambda p: p.stem)
def test_a_plan_file_and_its_compiled_plan_name_the_same_rate_keys(path: Path) -> None:
    from gapcalc.plan.compiler import compile_plan
    from gapcalc.plan.load import load_plan_file

    loaded, _ = load_plan_file(path)
    assert loaded is not None
    compiled = compile_plan(loaded).rate_keys()
    assert PlanFacts.of(loaded.plan).rate_keys == compiled
    assert (("value_added", "") in compiled) == (path.stem == "pace")


def test_the_terminal_summary_counts_the_warning_levels() -> None:
    args = ["summary", "pace", "2024", "--targets-dir", str(TARGETS), "--actuals", str(ACTUALS / "all.csv"), "-f",
            "table", "--lang", "en", "--color", "never"]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if "Plan / subplan" in line)
    assert "!! red warning" in header and "! yellow warning" in header and "+ green (on pace)" in header
    row = next(line for line in result.stdout.splitlines() if "pace (all)" in line).split()
    assert row[-4:-1] == ["0", "3", "1"]
    plain = CliRunner().invoke(cli, ["summary", "chongqing", "2022", "-f", "table", "--lang", "en", "--color",
                                     "never"], env={"COLUMNS": "200"})
    assert "warning" not in plain.stdout  # no figure of part of the year: no columns for it
