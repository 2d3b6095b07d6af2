"""Excel-safe and pipe-friendly: a BOM for Excel, ``-`` for standard input and output, ``--quiet``, NDJSON,
check findings in Chinese and English, and a progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO

from gapcalc.cli.main import cli
from gapcalc.cli.progress import progress_bar, shows_progress


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_csv_for_excel_has_a_bom_that_pandas_and_excel_read(in_demo: Path, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    target = tmp_path / "report.csv"
    assert invoke("report", "demo", "2019", "-f", "csv", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfplan,indicator,")
    frame = pandas.read_csv(target, encoding="utf-8-sig")
    assert list(frame.columns)[:3] == ["plan", "indicator", "name_zh"]
    assert frame["name_zh"].iloc[0] == "关键工序数控化率"


def test_no_bom_on_stdout_unless_asked(in_demo: Path) -> None:
    assert invoke("report", "demo", "2019", "-f", "csv")[1].startswith("plan,")
    assert invoke("report", "demo", "2019", "-f", "csv", "--bom")[1].startswith("\ufeffplan,")


def test_no_bom_option_for_a_file(in_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    invoke("report", "demo", "2019", "-f", "csv", "-o", str(target), "--no-bom")
    assert target.read_bytes().startswith(b"plan,")


def test_dash_output_is_stdout(in_demo: Path) -> None:
    code, out, err = invoke("report", "demo", "2019", "-f", "csv", "-o", "-")
    assert code == 0 and out == (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")
    assert not Path("-").exists() and "wrote" not in err


def test_actuals_from_stdin(in_demo: Path) -> None:
    text = (DEMO / "actuals" / "demo.csv").read_text(encoding="utf-8")
    code, out, _ = invoke("report", "demo", "2019", "-f", "csv", "--actuals", "-", stdin=text)
    assert code == 0 and out == (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")


def test_check_reads_stdin(in_demo: Path) -> None:
    code, out, err = invoke("check", "-", "--plan", "demo", "--lang", "en",
                            stdin="indicator,year,value\nnc_rate_key_processes,2019,4x\n")
    assert code == 1
    assert out.startswith("-:2:3: GC302 error: '4x' is not a number — ")
    assert "checked 1 file: 1 error, 0 warnings" in err


def test_check_of_a_target_file_on_stdin(in_demo: Path) -> None:
    text = (DEMO / "targets" / "demo.toml").read_text(encoding="utf-8").replace("unit =", "unnit =", 1)
    code, out, _ = invoke("check", "-", "--lang", "en", "--no-quotes", stdin=text)
    assert code == 1 and "-:" in out and "GC101" in out


@pytest.mark.parametrize(("lang", "message", "summary"), [
    ("en", "'4x' is not a number — type a number such as 26", "checked 1 file: 1 error, 0 warnings"),
    ("zh", "“4x”不是数字 — 填写 26、26.5 或 1,234 这样的数字", "已检查 1 个文件：错误 1 个，警告 0 个"),
])
def test_check_speaks_the_language(in_demo: Path, tmp_path: Path, lang: str, message: str, summary: str) -> None:
    broken = tmp_path / "demo.csv"
    broken.write_text("indicator,year,value\nnc_rate_key_processes,2019,4x\n", encoding="utf-8")
    code, out, err = invoke("check", str(broken), "--lang", lang)
    assert code == 1 and f"GC302 error: {message}" in out and summary in err


def test_quiet_prints_only_data(in_demo: Path) -> None:
    code, out, err = invoke("report", "demo", "2019", "-f", "csv", "--quiet")
    assert code == 0 and out.startswith("plan,") and err == ""


def test_ndjson_one_object_per_line(in_demo: Path) -> None:
    code, out, _ = invoke("report", "demo", "2019", "-f", "ndjson")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 6 and list(rows[0])[:2] == ["plan", "indicator"]
    code, out, _ = invoke("targets", "demo", "-f", "ndjson")
    assert code == 0 and all(json.loads(line)["plan"] == "demo" for line in out.splitlines())


def test_progress_bar_is_absent_when_piped(tmp_path: Path) -> None:
    """A cold check of many files through a pipe (as in CI or ``2> log``) prints no bar and no escape codes."""
    for index in range(12):
        shutil.copy(DEMO / "targets" / "demo.toml", tmp_path / f"p{index}.toml")
    environment = {**os.environ, "GAPCALC_CACHE_DIR": str(tmp_path / "cache"), "GAPCALC_JOBS": "1"}
    environment.pop("CI", None)
    done = subprocess.run([sys.executable, "-m", "gapcalc", "check", str(tmp_path), "--no-quotes"],
                          capture_output=True, text=True, env=environment, check=False)
    assert "checked 12 files" in done.stderr
    assert "━" not in done.stderr and "\x1b[" not in done.stderr and "\r" not in done.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GAPCALC_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert shows_progress()
    with progress_bar("checking files") as progress:
        assert progress is not None
        progress.expect(10)
        for _ in range(10):
            progress.advance()
    assert "checking files" in terminal.getvalue()


def test_no_progress_bar_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    monkeypatch.setenv("CI", "true")
    assert not shows_progress()


def test_chart_follows_gapcalc_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcalc.cli.chart_cmd import requested_lang

    monkeypatch.setenv("GAPCALC_LANG", "en")
    assert requested_lang(None) == "en" and requested_lang("zh") == "zh"
    monkeypatch.setenv("GAPCALC_LANG", "fr")
    assert requested_lang(None) is None


def _complete(words: str, index: int) -> str:
    environment = {**os.environ, "_GAPCALC_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(index)}
    return subprocess.run([sys.executable, "-m", "gapcalc"], capture_output=True, text=True, env=environment,
                          check=False, cwd=DEMO).stdout


def test_completion_of_plan_and_indicator_ids() -> None:
    assert _complete("gapcalc report de", 2) == "plain,demo\n"
    assert _complete("gapcalc chart demo nc_", 3) == "plain,nc_rate_key_processes\n"
    assert _complete("gapcalc compare green", 2) == "plain,green_factories\n"
