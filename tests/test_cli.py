"""CliRunner tests over the demo workspace: exact output, exit codes, stdout/stderr split."""

from __future__ import annotations

import gc
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO

from gapcalc.cli.main import cli
from gapcalc.engine.contracts import REPORT_COLUMNS, TARGET_COLUMNS


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_report_csv_is_exact(runner: CliRunner, in_demo: Path) -> None:
    code, out, err = invoke(runner, "report", "demo", "2019", "--format", "csv")
    assert code == 0
    assert out == (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")
    assert err == ("actuals/demo.csv: 7 rows read, 7 used\n"
                   "demo 2019: 1 of 4 assessed targets met (25.0%); 1 no data; 1 not assessed; "
                   "outlook: 1 achieved, 3 on track, 1 acceleration needed\n")


def test_report_csv_contracted_columns_first(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "csv")
    header = out.splitlines()[0].split(",")
    assert tuple(header[: len(REPORT_COLUMNS)]) == REPORT_COLUMNS


def test_report_rows_pin_the_worked_examples(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "json")
    rows = {row["indicator"]: row for row in json.loads(out)}
    nc = rows["nc_rate_key_processes"]
    assert (nc["target"], nc["actual"], nc["gap"], nc["required_change_per_year"]) == (46, 44, -2, 6)
    assert nc["status"] == "not_met" and nc["outlook"] == "on_track"
    cloud = rows["enterprises_on_cloud"]
    assert (cloud["gap"], cloud["attainment_pct"], cloud["required_cagr_pct"]) == (-50, 85.7143, 100)
    assert cloud["note"] == "lower bound (超300家)"
    energy = rows["energy_per_unit_iva"]
    assert (energy["final_target"], energy["target"], energy["target_source"]) == (0.656, 0.704, "interpolated")
    share = rows["high_tech_mfg_share"]
    assert (share["progress_pct"], share["time_elapsed_pct"], share["status"]) == (50, 33.3333, "no_data")
    assert rows["smart_mfg_talent"]["status"] == "not_assessed"
    assert rows["smart_mfg_talent"]["target_text"] == "基本建立"


def test_targets_csv_is_exact(runner: CliRunner, in_demo: Path) -> None:
    code, out, err = invoke(runner, "targets", "demo", "--format", "csv")
    assert code == 0 and err == ""
    assert out == (DEMO / "expected_targets.csv").read_text(encoding="utf-8")
    assert tuple(out.splitlines()[0].split(",")[: len(TARGET_COLUMNS)]) == TARGET_COLUMNS


def test_plans_csv(runner: CliRunner, in_demo: Path) -> None:
    code, out, _ = invoke(runner, "plans", "-f", "csv")
    assert code == 0
    assert out == ("plan,region_zh,region_en,document,period_start,period_end,baseline_year,subplans,indicators,"
                   "numbers,file\ndemo,演示市,Demo City,演府发〔2018〕1号,2018,2020,2017,0,6,17,targets/demo.toml\n")


def test_piped_output_defaults_to_csv(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019")
    assert out.startswith("plan,indicator,name_zh,breakdown,")


def test_format_from_environment(runner: CliRunner, in_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_FORMAT", "tsv")
    _, out, _ = invoke(runner, "report", "demo", "2019")
    assert out.startswith("plan\tindicator\tname_zh\t")


def test_table_has_words_not_only_colours(runner: CliRunner, in_demo: Path) -> None:
    code, out, _ = invoke(runner, "report", "demo", "2019", "--format", "table", "--color", "never", "--lang", "zh")
    assert code == 0
    assert "\x1b[" not in out
    lines = out.splitlines()
    nc = next(line for line in lines if line.lstrip().startswith("关键工序数控化率"))
    assert nc.split() == ["关键工序数控化率", "%", "46", "44", "-2", "95.7%", "75%", "/", "66.7%", "6", "个百分点/年",
                          "✗", "未达标", "+", "符合进度"]
    code, out, _ = invoke(runner, "report", "demo", "2019", "--format", "table", "--color", "never", "--lang", "en")
    nc = next(line for line in out.splitlines() if line.lstrip().startswith("NC machining"))
    assert nc.split()[-9:] == ["66.7%", "6", "pp/yr", "✗", "not", "met", "+", "on", "track"]
    assert any("[1] 企业上云（2019年）：lower bound (超300家)" in line for line in lines)  # named, not its id


def test_language_from_locale(runner: CliRunner, in_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "table", "--color", "never")
    assert "未达标" in out and "not met" not in out
    monkeypatch.setenv("GAPCALC_LANG", "en")
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "table", "--color", "never")
    assert "not met" in out


def test_xlsx_and_html_need_an_output_file(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "report", "demo", "2019", "-f", "xlsx")
    assert code == 2 and err == "gapcalc: error: --format xlsx writes a file\n  hint: add --output FILE.xlsx\n"
    target = tmp_path / "r.xlsx"
    assert invoke(runner, "report", "demo", "2019", "-f", "xlsx", "-o", str(target))[0] == 0
    from openpyxl import load_workbook

    book = load_workbook(target)
    assert book.sheetnames == ["Gap table", "Summary", "data", "Sources"]
    page = tmp_path / "r.html"
    assert invoke(runner, "report", "demo", "2019", "-f", "html", "-o", str(page), "--lang", "zh")[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "✗ 未达标" in html


def test_table_colour_forced(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "--format", "table", "--color", "always")
    assert "\x1b[" in out and "not met" in out


def test_table_honours_no_color(runner: CliRunner, in_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = invoke(runner, "report", "demo", "2019", "--format", "table")
    assert not re.search(r"\x1b\[[0-9;]*(3[0-8]|9[0-7])[;m]", out)  # no foreground colours; bold/dim may stay
    assert "not met" in out


def test_markdown_and_json_parse(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "markdown")
    assert out.splitlines()[0].startswith("| plan | indicator |")
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "json")
    assert len(json.loads(out)) == 6


def test_output_file(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    code, out, err = invoke(runner, "report", "demo", "2019", "-f", "csv", "-o", str(target))
    assert code == 0 and out == ""
    written = target.read_text(encoding="utf-8")
    assert written == "\ufeff" + (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")  # for Excel
    assert f"wrote {target}\n" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "nowhere", "2019"), "gapcalc: error: no plan 'nowhere' in targets\n  hint: known plans: demo\n"),
        (("report", "dem", "2019"), "gapcalc: error: no plan 'dem' in targets\n  hint: did you mean 'demo'?\n"),
        (("report", "../demo", "2019"), "gapcalc: error: '../demo' is not a plan id\n  hint: a plan id is lower-case "
                                        "letters, digits and '_' (see `gapcalc plans`)\n"),
        (("targets", "demo", "--targets-dir", "missing"), "gapcalc: error: missing: no targets directory\n"
                                                          "  hint: pass --targets-dir DIR or set GAPCALC_TARGETS\n"),
        (("report", "demo", "2019", "--actuals", "none.csv"), "gapcalc: error: none.csv: no such file\n"
                                                              "  hint: check the path\n"),
    ],
)
def test_usage_errors_exit_2_without_traceback(runner: CliRunner, in_demo: Path, args: tuple[str, ...],
                                               message: str) -> None:
    code, out, err = invoke(runner, *args)
    assert code == 2
    assert out == ""
    assert err == message
    assert "Traceback" not in err


def test_bad_year_is_a_usage_error(runner: CliRunner, in_demo: Path) -> None:
    code, _, err = invoke(runner, "report", "demo", "twenty")
    assert code == 2 and err == "gapcalc: error: 'twenty' is not a year\n  hint: give a year such as 2019\n"


def test_check_clean_demo_exits_0_with_warning_listed(runner: CliRunner, in_demo: Path) -> None:
    code, out, err = invoke(runner, "check", "targets", "actuals")
    assert code == 0
    assert out.startswith("targets/demo.toml:92:3: GC201 warning: green_factories [national] 2020: increments add up "
                          "to 3 + 1 + 1 + 1 = 6 at 表1 年度目标 (line 92), but 二、主要目标 (line 82) states 5")
    assert err == "actuals/demo.csv: 7 rows read, 7 used\nchecked 2 files: 0 errors, 1 warning\n"
    assert invoke(runner, "check", "targets", "--strict")[0] == 1


def test_check_without_paths_checks_targets_dir(runner: CliRunner, in_demo: Path) -> None:
    code, _, err = invoke(runner, "check")
    assert code == 0 and err.endswith("checked 1 file: 0 errors, 1 warning\n")


def test_check_missing_file_exits_2(runner: CliRunner, in_demo: Path) -> None:
    code, out, err = invoke(runner, "check", "targets/nothere.toml")
    assert code == 2
    assert out.startswith("targets/nothere.toml: GC001 error: no such file — check the path")


def test_check_json(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "check", "targets", "-f", "json")
    data = json.loads(out)
    assert data["files"] == ["targets/demo.toml"]
    assert [(f["code"], f["line"], f["col"], f["severity"]) for f in data["findings"]] == [("GC201", 92, 3, "warning")]


def test_check_github_is_default_under_actions(runner: CliRunner, in_demo: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = invoke(runner, "check", "targets")
    assert out.startswith("::warning file=targets/demo.toml,line=92,col=3,title=GC201 increments-do-not-add-up::")


def test_version_and_help(runner: CliRunner) -> None:
    assert invoke(runner, "--version")[1] == "gapcalc, version 0.1.0\n"
    code, out, _ = invoke(runner, "--help")
    assert code == 0
    for command in ("plans", "targets", "report", "check"):
        assert f"  {command} " in out


def test_summary_csv(runner: CliRunner, in_demo: Path) -> None:
    code, out, _ = invoke(runner, "summary", "demo", "2019", "-f", "csv")
    assert code == 0
    assert out == ("plan,subplan,subplan_name,year,rows,met,not_met,no_data,not_assessed,assessed,met_share_pct,"
                   "achieved,on_track,acceleration_needed,limited_progress,deterioration,insufficient_data,"
                   "inconclusive,warning_red,warning_yellow,warning_green\n"
                   "demo,*,演示市制造业行动计划,2019,6,1,3,1,1,4,25,1,3,1,0,0,0,0,0,0,0\n")


def test_report_table_ends_with_summary(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "table", "--color", "never")
    assert "Summary 2019" in out
    assert "demo (all)" in out and "1/4 = 25%" in out
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "table", "--color", "never", "--lang", "zh")
    assert "2019年汇总" in out and "demo (全部)" in out


def test_report_all(runner: CliRunner, in_demo: Path) -> None:
    code, out, err = invoke(runner, "report", "--all", "2019", "-f", "csv")
    assert code == 0
    assert out == (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")
    assert err.splitlines()[-1].startswith("demo 2019: 1 of 4 assessed targets met (25.0%)")


def test_report_arguments(runner: CliRunner, in_demo: Path) -> None:
    code, _, err = invoke(runner, "report", "--all", "demo", "2019")
    assert code == 2 and "usage: gapcalc report --all YEAR" in err
    code, _, err = invoke(runner, "report", "demo")
    assert code == 2 and "usage: gapcalc report PLAN YEAR" in err


def test_compare(runner: CliRunner, in_demo: Path) -> None:
    code, out, _ = invoke(runner, "compare", "nc_rate_key_processes", "2019", "-f", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("indicator,plan,region_zh,region_en,breakdown,name_zh,unit,direction,year,target,")
    assert lines[1].startswith("nc_rate_key_processes,demo,演示市,Demo City,,关键工序数控化率,%,up,2019,46,=,plan,44,")
    code, _, err = invoke(runner, "compare", "nc_rate", "2019")
    assert code == 2
    assert err == ("gapcalc: error: no plan has an indicator 'nc_rate'\n"
                   "  hint: did you mean 'nc_rate_key_processes'?\n")


def test_template_round_trip(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "fill.csv"
    code, _, err = invoke(runner, "template", "demo", "2020", "-o", str(path))
    assert code == 0 and err == f"wrote {path}: 5 rows to fill for demo 2020\n"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[1] == ("nc_rate_key_processes,,2020,,%,关键工序数控化率,"
                                    "NC machining rate of key processes,,,,,demo,,,,,,,")
    assert invoke(runner, "template", "demo", "2020", "-o", str(path))[0] == 2  # no silent overwrite
    filled = text.replace("nc_rate_key_processes,,2020,,", "nc_rate_key_processes,,2020,５１％,")
    path.write_bytes(filled.encode("utf-8-sig"))
    code, out, err = invoke(runner, "check", str(path))
    assert code == 0 and out == ""
    assert "5 rows read, 1 used, 4 missing values" in err
    code, out, _ = invoke(runner, "report", "demo", "2020", "--actuals", str(path), "-f", "json")
    row = next(r for r in json.loads(out) if r["indicator"] == "nc_rate_key_processes")
    assert (row["actual"], row["status"]) == (51, "met")


def test_summary_markdown_is_exact(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "summary", "demo", "2019", "-f", "markdown")
    assert out == (
        "| plan | subplan | subplan_name | year | rows | met | not_met | no_data | not_assessed | assessed "
        "| met_share_pct | achieved | on_track | acceleration_needed | limited_progress | deterioration "
        "| insufficient_data | inconclusive | warning_red | warning_yellow | warning_green |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        "| demo | * | 演示市制造业行动计划 | 2019 | 6 | 1 | 3 | 1 | 1 | 4 | 25 | 1 | 3 | 1 | 0 | 0 | 0 | 0 | 0 | 0 "
        "| 0 |\n")


def test_report_markdown_escapes_pipes(runner: CliRunner, in_demo: Path) -> None:
    _, out, _ = invoke(runner, "report", "demo", "2019", "-f", "markdown")
    row = next(line for line in out.splitlines() if "| enterprises_on_cloud |" in line)
    assert row.startswith("| demo | enterprises_on_cloud | 企业上云 |  | 家 | up | 2019 | 350 | = | plan | 300 "
                          "| 2019 |")


def test_messages_in_chinese(runner: CliRunner, in_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    code, _, err = invoke(runner, "report", "nowhere", "2019")
    assert code == 2 and err == "gapcalc: 错误: targets 中没有规划“nowhere”\n  提示: 已有规划：demo\n"
    _, _, err = invoke(runner, "report", "demo", "2019", "-f", "csv")
    assert err.splitlines()[-1] == ("demo 2019年：评估 4 项，达标 1 项 (25.0%)；无数据 1 项；不评估 1 项；"
                                    "展望：✓ 已完成 1, + 符合进度 3, ! 需加快 1")


@pytest.mark.parametrize("args", [("targets", "demo"), ("summary", "demo", "2019"),
                                  ("compare", "nc_rate_key_processes", "2019"), ("plans",)])
def test_every_table_command_writes_xlsx(runner: CliRunner, in_demo: Path, tmp_path: Path,
                                         args: tuple[str, ...]) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    code, out, _ = invoke(runner, *args, "-f", "xlsx", "-o", str(target))
    assert code == 0 and out == ""
    sheet = load_workbook(target).worksheets[0]
    assert sheet.freeze_panes is not None and sheet.max_row >= 2


@pytest.mark.parametrize(("given", "kept"), [(None, "1"), ("4", "4")])
def test_the_command_line_tunes_the_process_it_owns(monkeypatch: pytest.MonkeyPatch,
                                                              given: str | None, kept: str) -> None:
    from gapcalc.cli.main import BLAS_THREADS, GC_ALLOCATIONS, main

    if given is None:
        monkeypatch.delenv(BLAS_THREADS, raising=False)
    else:
        monkeypatch.setenv(BLAS_THREADS, given)
    monkeypatch.setattr("sys.argv", ["gapcalc", "--version"])
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as stopped:
            main()
        assert gc.get_threshold()[0] == GC_ALLOCATIONS
    finally:
        gc.set_threshold(*before)
    assert stopped.value.code == 0
    assert os.environ[BLAS_THREADS] == kept
