"""Errors (exit 2) and notes said in Chinese on bad input, with ``--lang zh`` or ``GAPCALC_LANG=zh``: the exact
message, hint and exit code; codes, file names and option names stay as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO

from gapcalc.cli.main import cli


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_unknown_plan_id_in_chinese(runner: CliRunner, in_demo: Path) -> None:
    assert invoke(runner, "report", "nowhere", "2019", "--lang", "zh") == (
        2, "", "gapcalc: 错误: targets 中没有规划“nowhere”\n  提示: 已有规划：demo\n")


def test_a_year_that_is_not_a_year_in_chinese(runner: CliRunner, in_demo: Path) -> None:
    assert invoke(runner, "report", "demo", "20x9", "--lang", "zh") == (
        2, "", "gapcalc: 错误: “20x9”不是年份\n  提示: 给出年份，例如 2019\n")


def test_the_same_error_in_english_is_unchanged(runner: CliRunner, in_demo: Path) -> None:
    assert invoke(runner, "report", "demo", "20x9", "--lang", "en") == (
        2, "", "gapcalc: error: '20x9' is not a year\n  hint: give a year such as 2019\n")


def test_a_missing_actuals_file_in_chinese(runner: CliRunner, in_demo: Path) -> None:
    assert invoke(runner, "report", "demo", "2019", "-f", "csv", "--lang", "zh", "--actuals", "none.csv") == (
        2, "", "gapcalc: 错误: none.csv：文件不存在\n  提示: 检查路径\n")


def test_a_format_that_writes_a_file_in_chinese(runner: CliRunner, in_demo: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    assert invoke(runner, "report", "demo", "2019", "-f", "xlsx") == (
        2, "", "gapcalc: 错误: --format xlsx 须写入文件\n  提示: 加上 --output 文件.xlsx\n")


def test_cache_clear_on_an_empty_cache_in_chinese(runner: CliRunner, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    folder = tmp_path / "gapcalc-v2"
    assert invoke(runner, "cache", "--clear") == (0, f"缓存：{folder}：删除 0 项（0.0 MB）\n", "")
    assert invoke(runner, "cache") == (0, f"缓存：{folder}（空）— 设置 GAPCALC_CACHE_DIR 可移动它\n", "")


def test_template_writes_then_refuses_to_overwrite_in_chinese(runner: CliRunner, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO / "targets", tmp_path / "targets")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    assert invoke(runner, "template", "demo", "2020", "-o", "t.csv") == (0, "", "已写入 t.csv：demo 2020 年待填 5 行\n")
    assert invoke(runner, "template", "demo", "2020", "-o", "t.csv") == (
        2, "", "gapcalc: 错误: t.csv 已存在\n  提示: 加上 --force 覆盖，或另选 --output\n")


def test_actuals_findings_are_said_in_chinese_also_from_the_cache(runner: CliRunner, in_demo: Path,
                                                                  tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,year,value\nnope,2019,3\n", encoding="utf-8")
    for _ in range(2):  # the second run reads the findings back from the cache
        code, _, err = invoke(runner, "report", "demo", "2019", "-f", "csv", "--lang", "zh", "--actuals", str(actuals))
        lines = err.splitlines()
        assert code == 1
        assert lines[0] == f"{actuals}:2:1: GC305 error: 未知指标“nope” — 指标 id 见 `gapcalc targets demo`"
        assert lines[-1] == "实际值有 1 个错误（见上；这些行未使用）：退出码 1"


def test_a_plan_that_cannot_be_loaded_is_skipped_in_chinese(runner: CliRunner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO / "targets", tmp_path / "targets")
    (tmp_path / "targets" / "broken.toml").write_text("x = [", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "report", "--all", "2019", "-f", "csv", "--lang", "zh")
    skipped = next(line for line in err.splitlines() if line.startswith("已跳过："))
    assert code == 2
    assert skipped.startswith("已跳过：targets/broken.toml 有 1 个错误；第一个：targets/broken.toml: GC100 error: ")
    assert skipped.endswith(" — 运行 `gapcalc check targets/broken.toml`")
    assert err.endswith("gapcalc: 错误: 1 个规划无法载入\n  提示: 运行 `gapcalc check`\n")
