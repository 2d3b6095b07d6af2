"""``gapcalc diff``: what changed between two reports — the pure comparison (figures added, revised with their exact
change, removed; statuses and outlooks flipped; rows only one report has), its sentence in Chinese and English, and
the command on report files, on actuals files and on the plan's actuals as known on a day, with its exit codes."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO

from gapcalc.cli.main import cli
from gapcalc.engine.diff import DIFF_COLUMNS, Change, Counts, Diff, change_of, diff_reports
from gapcalc.render.diff import bare_word, diff_sentence, diff_title, table_cells
from gapcalc.usecases.diff import read_report, side_of, sniff

DIFF = FIXTURES / "diff"
OLD_REPORT, NEW_REPORT = DIFF / "old_report.csv", DIFF / "new_report.csv"
"""``gapcalc report chongqing 2024 -f csv`` with ``old_actuals.csv`` and with ``new_actuals.csv``."""
OLD_ACTUALS, NEW_ACTUALS = "tests/fixtures/diff/old_actuals.csv", "tests/fixtures/diff/new_actuals.csv"
USAGE_ZH = ("  提示: 用法：gapcalc diff --reports 旧报告 新报告，"
            "或 gapcalc diff 规划 年份 --old 文件或日期 [--new 文件或日期]\n")
HEADER = "change,plan,indicator,breakdown,year,name_zh,name_en,field,old,new,delta,delta_pct\n"
OUTPUT = "Total industrial scale of the municipality"
HIGH_TECH = "High-tech enterprises in manufacturing"
CLOUD = "Enterprises on the cloud (cumulative)"
CHANGES_CSV = HEADER + (
    f"revised,chongqing,industrial_output,,2024,全市工业总规模,{OUTPUT},actual,2.9,2.8,-0.1,-3.4483\n"
    f"status,chongqing,industrial_output,,2024,全市工业总规模,{OUTPUT},status,met,not_met,,\n"
    f"revised,chongqing,high_tech_enterprises,,2024,制造业领域高新技术企业,{HIGH_TECH},actual,6348,5109,-1239,-19.518\n"
    f"revised,chongqing,high_tech_enterprises,,2024,制造业领域高新技术企业,{HIGH_TECH},actual_year,2022,2021,,\n"
    f"outlook,chongqing,high_tech_enterprises,,2024,制造业领域高新技术企业,{HIGH_TECH},outlook,on_track,"
    "insufficient_data,,\n"
    f"added,chongqing,enterprises_on_cloud,,2024,企业“上云”,{CLOUD},actual,,130000,,\n"
    f"status,chongqing,enterprises_on_cloud,,2024,企业“上云”,{CLOUD},status,not_assessed,no_data,,\n"
    f"outlook,chongqing,enterprises_on_cloud,,2024,企业“上云”,{CLOUD},outlook,insufficient_data,on_track,,\n"
    f"warning,chongqing,enterprises_on_cloud,,2024,企业“上云”,{CLOUD},warning,,green,,\n"
    "removed,chongqing,green_factories,,2024,绿色工厂,Green factories,actual,171,,,\n"
    "status,chongqing,green_factories,,2024,绿色工厂,Green factories,status,no_data,not_assessed,,\n")
"""The changes from ``old_report.csv`` to ``new_report.csv``, as ``gapcalc diff -f csv`` writes them."""
SENTENCE_EN = (
    f"1 figure added, 2 revised, 1 removed; status changes: {OUTPUT} from met to not met, {CLOUD} from not assessed "
    f"to no data, Green factories from no data to not assessed; outlook changes: {HIGH_TECH} from on track to "
    f"insufficient data, {CLOUD} from insufficient data to on track; in-year warning changes: {CLOUD} newly "
    "monitored in-year: green (on pace).")
SENTENCE_ZH = (
    "本期新增数据1项，修订2项，删除1项；状态变化：全市工业总规模由达标转为未达标，企业“上云”由不评估转为无数据，"
    "绿色工厂由无数据转为不评估；展望变化：制造业领域高新技术企业由符合进度转为数据不足，企业“上云”由数据不足转为符合进度；"
    "年内预警变化：企业“上云”新纳入年内监测，为绿色（正常）。")


def row(indicator: str = "green_factories", actual: Any = "", status: str = "no_data", outlook: str = "",
        **cells: Any) -> dict[str, Any]:
    """A report row of chongqing for 2024, as a report's CSV gives it (text cells, blank ``""``)."""
    names = {"green_factories": ("绿色工厂", "Green factories"), "green_parks": ("绿色园区", "Green industrial parks"),
             "enterprise_rnd_institutions": ("企业研发机构", "Enterprise R&D institutions (recognised)")}
    name_zh, name_en = names.get(indicator, (indicator, indicator))
    actual_year = "2024" if actual not in ("", None) else ""
    return {"plan": "chongqing", "indicator": indicator, "breakdown": "", "year": "2024", "name_zh": name_zh,
            "name_en": name_en, "unit": "个", "actual": actual, "actual_year": actual_year, "actual_comparator": "",
            "as_of": "", "status": status, "outlook": outlook, **cells}


def only(diff: Diff) -> Change:
    assert len(diff.changes) == 1, diff.changes
    return diff.changes[0]


# 1. the pure comparison

def test_a_figure_added() -> None:
    change = only(diff_reports([row()], [row(actual="171", status="no_data")]))
    assert (change.change, change.field, change.old, change.new, change.delta) == ("added", "actual", "", "171", None)


def test_a_figure_revised_says_by_how_much_exactly() -> None:
    diff = diff_reports([row("industrial_output", "2.9", "met")], [row("industrial_output", "2.8", "met")])
    change = only(diff)
    assert (change.change, change.field, change.old, change.new) == ("revised", "actual", "2.9", "2.8")
    assert change.delta == Decimal("-0.1") and str(change.delta) == "-0.1"
    assert change.delta_pct == Decimal("-3.4483")
    assert diff.counts() == Counts(revised=1)


def test_a_revision_is_exact_where_floats_are_not() -> None:
    assert change_of("0.3", "0.1") == (Decimal("-0.2"), Decimal("-66.6667"))
    assert change_of("0.1", "0.3") == (Decimal("0.2"), Decimal("200"))
    assert change_of("123456789012345678901234567890.1", "123456789012345678901234567890.3")[0] == Decimal("0.2")


def test_no_percentage_from_zero_or_from_what_is_not_a_number() -> None:
    assert change_of("0", "5") == (Decimal("5"), None)
    assert change_of("n/a", "5") == (None, None)


def test_a_revision_of_the_year_the_date_or_the_bound_of_a_figure() -> None:
    old = row(actual="6348", actual_year="2022")
    new = row(actual="6348", actual_year="2023", as_of="2023-06", actual_comparator=">=")
    diff = diff_reports([old], [new])
    assert [(c.change, c.field, c.old, c.new, c.delta) for c in diff.changes] == [
        ("revised", "actual_comparator", "", ">=", None), ("revised", "actual_year", "2022", "2023", None),
        ("revised", "as_of", "", "2023-06", None)]
    assert diff.counts() == Counts(revised=1)  # one figure, three cells


def test_a_figure_removed() -> None:
    change = only(diff_reports([row(actual="171")], [row(actual=None)]))
    assert (change.change, change.field, change.old, change.new) == ("removed", "actual", "171", "")


def test_a_status_flip() -> None:
    diff = diff_reports([row(actual="300", status="not_met")], [row(actual="300", status="met")])
    assert only(diff).row() == {
        "change": "status", "plan": "chongqing", "indicator": "green_factories", "breakdown": None, "year": 2024,
        "name_zh": "绿色工厂", "name_en": "Green factories", "field": "status", "old": "not_met", "new": "met",
        "delta": None, "delta_pct": None}
    assert diff.counts() == Counts(status=1)


def test_an_outlook_flip() -> None:
    change = only(diff_reports([row(outlook="on_track")], [row(outlook="acceleration_needed")]))
    assert (change.change, change.field, change.old, change.new) == ("outlook", "outlook", "on_track",
                                                                      "acceleration_needed")


def test_rows_only_in_one_report() -> None:
    diff = diff_reports([row("green_parks"), row()], [row(), row("enterprise_rnd_institutions", breakdown="national")])
    assert [(c.change, c.indicator, c.breakdown) for c in diff.changes] == [
        ("row_added", "enterprise_rnd_institutions", "national"), ("row_removed", "green_parks", "")]
    assert diff.counts() == Counts(rows_added=1, rows_removed=1)


def test_rows_are_matched_by_plan_indicator_breakdown_and_year() -> None:
    diff = diff_reports([row(year="2023"), row(plan="jinhua")], [row(), row(plan="jinhua")])
    assert [(c.change, c.plan, c.year) for c in diff.changes] == [("row_added", "chongqing", "2024"),
                                                                  ("row_removed", "chongqing", "2023")]


def test_no_change() -> None:
    same = [row(actual="2.80", status="met", outlook="achieved"), row("green_parks", actual=None)]
    diff = diff_reports(same, [row(actual="2.8", status="met", outlook="achieved"), row("green_parks")])
    assert diff == Diff() and not diff.changed and diff.counts() == Counts() and diff.rows() == []


def test_values_as_the_engine_or_json_give_them_compare_as_their_text() -> None:
    typed = row(actual=Decimal("2.8"), year=2024, actual_year=2024, breakdown=None, status="met")
    assert diff_reports([row(actual="2.8", status="met")], [typed]) == Diff()
    assert only(diff_reports([row(actual=130000)], [row(actual=Decimal("131000.5"))])).delta == Decimal("1000.5")


def test_changes_come_in_the_new_reports_order_figure_status_outlook() -> None:
    old = [row("green_parks", "10", "not_met", "on_track"), row("green_factories", "171")]
    new = [row("green_factories", "300", "met"), row("green_parks", "30", "met", "achieved")]
    assert [(c.indicator, c.change) for c in diff_reports(old, new).changes] == [
        ("green_factories", "revised"), ("green_factories", "status"), ("green_parks", "revised"),
        ("green_parks", "status"), ("green_parks", "outlook")]


# 2. the sentence, in Chinese and English

def bureau_diff() -> Diff:
    """Three figures added, two revised, none removed, one status flipped."""
    old = [row("a"), row("b"), row("c"), row("d", "1"), row("e", "5"), row("green_factories", "260", "not_met")]
    new = [row("a", "1"), row("b", "2"), row("c", "3"), row("d", "2"), row("e", "6"),
           row("green_factories", "260", "met")]
    return diff_reports(old, new)


def test_the_sentence_as_a_bureau_writes_it() -> None:
    diff = bureau_diff()
    assert diff.counts() == Counts(added=3, revised=2, status=1)
    assert diff_sentence(diff, "zh") == "本期新增数据3项，修订2项，删除0项；状态变化：绿色工厂由未达标转为达标。"
    assert diff_sentence(diff, "en") == ("3 figures added, 2 revised, 0 removed; status changes: Green factories from "
                                         "not met to met.")


def test_the_sentence_of_outlooks_rows_and_breakdowns() -> None:
    old = [row(outlook="on_track"), row("green_parks")]
    new = [row(outlook="acceleration_needed"), row("enterprise_rnd_institutions", breakdown="national",
                                                   breakdown_zh="国家级", breakdown_en="national")]
    diff = diff_reports(old, new)
    assert diff_sentence(diff, "zh") == ("本期新增数据0项，修订0项，删除0项；展望变化：绿色工厂由符合进度转为需加快；"
                                         "新增指标1项：企业研发机构（国家级）；删除指标1项：绿色园区。")
    assert diff_sentence(diff, "en") == (
        "0 figures added, 0 revised, 0 removed; outlook changes: Green factories from on track to accelerate; "
        "1 indicator added: Enterprise R&D institutions (recognised) (national); 1 indicator removed: Green "
        "industrial parks.")


def test_the_sentence_names_the_plan_when_the_reports_hold_several() -> None:
    diff = diff_reports([row(status="not_met"), row(plan="jinhua", status="met")],
                        [row(status="met"), row(plan="jinhua", status="not_met")])
    assert diff_sentence(diff, "zh") == ("本期新增数据0项，修订0项，删除0项；状态变化："
                                         "chongqing 绿色工厂由未达标转为达标，jinhua 绿色工厂由达标转为未达标。")


def test_the_sentence_when_nothing_changed() -> None:
    assert diff_sentence(Diff(), "zh") == "本期数据无变化。"
    assert diff_sentence(Diff(), "en") == "No changes."


def test_status_words_are_the_projects_own_without_their_symbol() -> None:
    assert [bare_word(key, "zh") for key in ("met", "not_met", "no_data", "not_assessed", "inconclusive")] == [
        "达标", "未达标", "无数据", "不评估", "无法判定"]
    assert [bare_word(key, "en") for key in ("achieved", "acceleration_needed", "insufficient_data", "")] == [
        "achieved", "accelerate", "insufficient data", "—"]


def test_table_cells_and_title() -> None:
    revised, status = diff_reports([row("industrial_output", "2.9", "met")],
                                   [row("industrial_output", "2.8", "not_met")]).changes
    assert table_cells(revised, "zh") == ("修订", "industrial_output", "实际", "2.9", "2.8", "-0.1", "-3.4483")
    assert table_cells(status, "en") == ("status", "industrial_output", "Status", "met", "not met", "", "")
    assert diff_title("重庆", 2024, "2025-03-01", None, "zh") == "重庆 2024年：2025-03-01 → 当前全部数据"


# 3. reading report files

def test_a_report_csv_is_read_as_text_cells() -> None:
    rows = read_report(OLD_REPORT)
    assert len(rows) == 65 and rows[0]["indicator"] == "industrial_output" and rows[0]["actual"] == "2.9"


@pytest.mark.parametrize(("text", "kind"), [("[\n {}]", "json"), ('{"plan": 1}\n', "json"),
                                             ("plan\tindicator\n", "tsv"), ("plan,indicator\n", "csv")])
def test_a_report_without_a_known_suffix_is_sniffed(text: str, kind: str) -> None:
    assert sniff(text) == kind


def test_a_side_is_a_day_or_an_actuals_file() -> None:
    assert side_of("--old", "2025-03-01").day is not None
    assert side_of("--old", str(DIFF / "old_actuals.csv")).path == DIFF / "old_actuals.csv"
    assert side_of("--new", None).path is None and side_of("--new", None).day is None


# 4. the command

def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="gapcalc")
    return result.exit_code, result.stdout, result.stderr


def write_report(tmp_path: Path, name: str, fmt: str, actuals: str = NEW_ACTUALS) -> Path:
    """A report written by the real ``gapcalc report`` (with ``-o``: CSV and TSV start with a byte-order mark)."""
    path = tmp_path / name
    code, _, _ = invoke("report", "chongqing", "2024", "--actuals", actuals, "-f", fmt, "-o", str(path), "-q")
    assert code == 0
    return path


def test_reports_as_csv(in_repo: Path) -> None:
    code, out, err = invoke("diff", "--reports", str(OLD_REPORT), str(NEW_REPORT), "-f", "csv")
    assert (code, out, err) == (1, CHANGES_CSV, SENTENCE_EN + "\n")


def test_reports_sentence_in_chinese(in_repo: Path) -> None:
    code, out, err = invoke("diff", "--reports", str(OLD_REPORT), str(NEW_REPORT), "-f", "csv", "--lang", "zh")
    assert (code, out, err) == (1, CHANGES_CSV, SENTENCE_ZH + "\n")


def test_reports_as_a_table_with_the_sentence_after_it(in_repo: Path) -> None:
    code, out, err = invoke("diff", "--reports", "tests/fixtures/diff/old_report.csv",
                            "tests/fixtures/diff/new_report.csv", "-f", "table")
    lines = [line.rstrip() for line in out.splitlines()]
    assert (code, err) == (1, "")
    assert lines == [
        "tests/fixtures/diff/old_report.csv → tests/fixtures/diff/new_report.csv",
        "",
        "  Change    Indicator                                    Cell              Old                 New"
        "                 Delta   Delta %",
        " " + "─" * 130,
        "  revised   Total industrial scale of the municipality   Actual            2.9                 2.8"
        "                  -0.1   -3.4483",
        "  status    Total industrial scale of the municipality   Status            met                 not met",
        "  revised   High-tech enterprises in manufacturing       Actual            6348                5109"
        "                -1239   -19.518",
        "  revised   High-tech enterprises in manufacturing       Year of actual    2022                2021",
        "  outlook   High-tech enterprises in manufacturing       Outlook           on track            insufficient"
        " data",
        "  added     Enterprises on the cloud (cumulative)        Actual                                130000",
        "  status    Enterprises on the cloud (cumulative)        Status            not assessed        no data",
        "  outlook   Enterprises on the cloud (cumulative)        Outlook           insufficient data   on track",
        "  warning   Enterprises on the cloud (cumulative)        In-year warning   —                   green (on"
        " pace)",
        "  removed   Green factories                              Actual            171",
        "  status    Green factories                              Status            no data             not assessed",
        "",
        SENTENCE_EN,
    ]


def test_reports_in_json_tsv_ndjson_or_without_a_suffix_give_the_same_changes(in_repo: Path,
                                                                              tmp_path: Path) -> None:
    old_tsv = write_report(tmp_path, "old.tsv", "tsv", OLD_ACTUALS)
    assert old_tsv.read_bytes().startswith(b"\xef\xbb\xbf")
    new_json = write_report(tmp_path, "new.json", "json")
    new_ndjson = write_report(tmp_path, "new.ndjson", "ndjson")
    bare = tmp_path / "new-report"
    bare.write_bytes(new_json.read_bytes())
    for new in (new_json, new_ndjson, bare):
        assert invoke("diff", "--reports", str(old_tsv), str(new), "-f", "csv")[:2] == (1, CHANGES_CSV)


def test_machine_formats_carry_exact_numbers(in_repo: Path) -> None:
    code, out, _ = invoke("diff", "--reports", str(OLD_REPORT), str(NEW_REPORT), "-f", "json")
    first = json.loads(out, parse_float=Decimal)[0]
    assert (code, first["delta"], first["delta_pct"], first["year"]) == (1, Decimal("-0.1"), Decimal("-3.4483"), 2024)
    assert list(first) == list(DIFF_COLUMNS)
    code, out, _ = invoke("diff", "--reports", str(OLD_REPORT), str(NEW_REPORT), "-f", "ndjson")
    assert [json.loads(line)["change"] for line in out.splitlines()][:2] == ["revised", "status"]


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_workbook_and_page_are_written(in_repo: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"changes.{fmt}"
    code, _, err = invoke("diff", "--reports", str(OLD_REPORT), str(NEW_REPORT), "-f", fmt, "-o", str(path))
    assert code == 1 and path.stat().st_size > 1000 and err == f"wrote {path}\n{SENTENCE_EN}\n"


def test_no_change_exits_0(in_repo: Path) -> None:
    assert invoke("diff", "--reports", str(OLD_REPORT), str(OLD_REPORT), "-f", "csv") == (0, HEADER, "No changes.\n")
    assert invoke("diff", "--reports", str(OLD_REPORT), str(OLD_REPORT), "-f", "table", "--lang", "zh") == (
        0, "本期数据无变化。\n", "")


def test_two_actuals_files_of_a_plan(in_repo: Path) -> None:
    code, out, err = invoke("diff", "chongqing", "2024", "--old", OLD_ACTUALS, "--new", NEW_ACTUALS, "-f", "csv")
    assert (code, out) == (1, CHANGES_CSV)
    assert err == (f"--old: {OLD_ACTUALS}: 5 rows read, 5 used\n--new: {NEW_ACTUALS}: 5 rows read, 5 used\n"
                   f"{SENTENCE_EN}\n")


def test_a_revised_figure_flips_the_status(in_repo: Path, tmp_path: Path) -> None:
    """industrial_output 2024: 2.9 (初步数) met the interpolated target 2.838; 2.8 (核实数) does not."""
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("indicator,year,value\nindustrial_output,2020,2.19\nindustrial_output,2024,2.9\n", "utf-8")
    new.write_text("indicator,year,value\nindustrial_output,2020,2.19\nindustrial_output,2024,2.8\n", "utf-8")
    code, out, err = invoke("diff", "chongqing", "2024", "--old", str(old), "--new", str(new), "-f", "csv", "-q",
                            "--lang", "zh")
    assert (code, err) == (1, "")
    assert [(r["change"], r["field"], r["old"], r["new"], r["delta"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("revised", "actual", "2.9", "2.8", "-0.1"), ("status", "status", "met", "not_met", "")]


def test_the_plans_actuals_as_known_on_a_day(in_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preliminary 2.9 (published 2025-02-01) is all that is known on 2025-03-01; the final 2.8 (2025-08-29)
    revises it; on 2025-01-01 the latest figure known is the 2020 one."""
    monkeypatch.setenv("GAPCALC_ACTUALS", str(DIFF / "versioned"))
    code, out, _ = invoke("diff", "chongqing", "2024", "--old", "2025-03-01", "-f", "csv", "-q")
    assert (code, out) == (1, HEADER + (
        f"revised,chongqing,industrial_output,,2024,全市工业总规模,{OUTPUT},actual,2.9,2.8,-0.1,-3.4483\n"
        f"status,chongqing,industrial_output,,2024,全市工业总规模,{OUTPUT},status,met,not_met,,\n"))
    code, out, err = invoke("diff", "chongqing", "2024", "--old", "2025-01-01", "--new", "2025-03-01", "-f", "csv",
                            "--lang", "zh")
    assert code == 1
    assert [(r["change"], r["field"], r["old"], r["new"], r["delta"], r["delta_pct"])
            for r in csv.DictReader(io.StringIO(out))] == [
        ("revised", "actual", "2.19", "2.9", "0.71", "32.4201"), ("revised", "actual_year", "2020", "2024", "", ""),
        ("status", "status", "no_data", "met", "", ""), ("outlook", "outlook", "insufficient_data", "on_track", "", "")]
    assert err.splitlines()[-1] == ("本期新增数据0项，修订1项，删除0项；状态变化：全市工业总规模由无数据转为达标；"
                                    "展望变化：全市工业总规模由数据不足转为符合进度。")
    assert err.splitlines()[0].endswith("：读取 3 行，使用 1 行，另有 当时尚未发布 2 行 未采用")
    assert invoke("diff", "chongqing", "2024", "--old", "2025-08-29", "-f", "csv")[:2] == (0, HEADER)


# 5. usage and input errors: exit 2, said in English and Chinese

@pytest.mark.parametrize(("args", "en", "zh"), [
    (("diff", "chongqing", "2024", "--old", "2024-13-01"),
     "gapcalc: error: --old 2024-13-01: not a date\n"
     "  hint: write the day as YYYY-MM-DD (e.g. 2024-06-30), or give an actuals CSV\n",
     "gapcalc: 错误: --old 2024-13-01：不是日期\n"
     "  提示: 日期写作 YYYY-MM-DD（如 2024-06-30），或给出实际值 CSV 文件\n"),
    (("diff", "chongqing", "2024", "--old", "2025-03-01", "--new", "missing.csv"),
     "gapcalc: error: --new missing.csv: no such actuals file\n"
     "  hint: give an actuals CSV, or a date YYYY-MM-DD for the plan's actuals as known on that day\n",
     "gapcalc: 错误: --new missing.csv：实际值文件不存在\n"
     "  提示: 给出实际值 CSV 文件，或给出日期 YYYY-MM-DD（按该日已知的规划实际值）\n"),
    (("diff", "--reports", "tests/fixtures/diff/old_report.csv", "missing.csv"),
     "gapcalc: error: report file missing.csv does not exist\n"
     "  hint: give two reports written by `gapcalc report PLAN YEAR -f csv` (or tsv, json): gapcalc diff --reports "
     "OLD NEW\n",
     "gapcalc: 错误: 报告文件 missing.csv 不存在\n"
     "  提示: 给出两个由 `gapcalc report 规划 年份 -f csv`（或 tsv、json）写出的报告："
     "gapcalc diff --reports 旧报告 新报告\n"),
    (("diff", "--reports", OLD_ACTUALS, "tests/fixtures/diff/new_report.csv"),
     f"gapcalc: error: {OLD_ACTUALS} is not a report of `gapcalc report`: missing columns plan, actual, status\n"
     "  hint: write it with `gapcalc report PLAN YEAR -f csv` (or tsv, json)\n",
     f"gapcalc: 错误: {OLD_ACTUALS} 不是 `gapcalc report` 写出的报告：缺少列 plan, actual, status\n"
     "  提示: 请用 `gapcalc report 规划 年份 -f csv`（或 tsv、json）写出\n"),
    (("diff", "chongqing", "2024"),
     "gapcalc: error: --old SPEC is missing: the side to compare with\n"
     "  hint: usage: gapcalc diff --reports OLD NEW, or gapcalc diff PLAN YEAR --old SPEC [--new SPEC]\n",
     "gapcalc: 错误: 缺少 --old：用来比较的一方（实际值文件或日期）\n" + USAGE_ZH),
    (("diff", "chongqing"),
     "gapcalc: error: expected PLAN YEAR with --old SPEC, or --reports OLD NEW\n"
     "  hint: usage: gapcalc diff --reports OLD NEW, or gapcalc diff PLAN YEAR --old SPEC [--new SPEC]\n",
     "gapcalc: 错误: 应给出 规划 年份 和 --old，或 --reports 旧报告 新报告\n" + USAGE_ZH),
    (("diff", "--reports", "a.csv", "b.csv", "--old", "2025-01-01"),
     "gapcalc: error: --reports compares two report files: give no PLAN YEAR, --old or --new\n"
     "  hint: usage: gapcalc diff --reports OLD NEW, or gapcalc diff PLAN YEAR --old SPEC [--new SPEC]\n",
     "gapcalc: 错误: --reports 比较两个报告文件：不要再给出 规划 年份、--old 或 --new\n" + USAGE_ZH),
])
def test_usage_and_input_errors_exit_2(in_repo: Path, args: tuple[str, ...], en: str, zh: str) -> None:
    assert invoke(*args, "--lang", "en") == (2, "", en)
    assert invoke(*args, "--lang", "zh") == (2, "", zh)


def test_a_json_report_that_is_not_one(in_repo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"plan": "chongqing"', encoding="utf-8")
    code, _, err = invoke("diff", "--reports", str(broken), str(NEW_REPORT))
    assert code == 2 and err.startswith(f"gapcalc: error: {broken} is not a report of `gapcalc report`: ")


def test_the_fixtures_are_reports_of_the_actuals_beside_them() -> None:
    """The report fixtures were written by ``gapcalc report chongqing 2024 --actuals {old,new}_actuals.csv -f csv``
    from the repository; regenerate them so if the report's columns change."""
    for side in ("old", "new"):
        assert (REPO / "tests" / "fixtures" / "diff" / f"{side}_actuals.csv").is_file()
        assert read_report(DIFF / f"{side}_report.csv")[0]["plan"] == "chongqing"
