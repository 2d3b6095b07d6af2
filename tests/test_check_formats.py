"""`gapcalc check` output formats (GitHub annotations, SARIF, JUnit) and input safety limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli
from gapcalc.errors import finding
from gapcalc.render.findings import CheckFormat, escape_data, escape_property, render_findings

FAULTS = Path(__file__).parent / "fixtures" / "faults"


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    item = finding("GC118", "7 is not printed, it prints: 7.0\nsee docs", "targets/a,b.toml", 3, 5, "type 7.0")
    assert render_findings([item], ["targets/a,b.toml"], CheckFormat.GITHUB) == (
        "::error file=targets/a%2Cb.toml,line=3,col=5,title=GC118 number-not-in-quote::"
        "7 is not printed, it prints: 7.0%0Asee docs — type 7.0\n")


def test_sarif_and_junit_are_well_formed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAULTS)
    runner = CliRunner()
    args = ["check", "targets/misspelt_key.toml", "targets/valid_base.toml", "--targets-dir", "targets"]
    sarif = json.loads(runner.invoke(cli, [*args, "-f", "sarif"]).stdout)
    results = sarif["runs"][0]["results"]
    assert sarif["version"] == "2.1.0"
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]) for r in results] == [
        ("GC102", {"startLine": 18, "startColumn": 1}), ("GC101", {"startLine": 24, "startColumn": 1})]
    assert {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]} == {"GC101", "GC102"}
    junit = ET.fromstring(runner.invoke(cli, [*args, "-f", "junit"]).stdout)
    assert junit.attrib == {"name": "gapcalc check", "tests": "2", "failures": "2"}
    cases = {case.attrib["name"]: len(case) for case in junit}
    assert cases == {"targets/misspelt_key.toml": 2, "targets/valid_base.toml": 0}


def test_oversized_input_is_refused_quickly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no real disk use
    result = CliRunner().invoke(cli, ["check", str(huge), "--plan", "demo", "--targets-dir",
                                      str(FAULTS.parent / "demo" / "targets")])
    assert result.exit_code == 2
    assert "file is 65 MiB, larger than the 64 MiB gapcalc reads" in result.stdout


def test_plan_names_are_identifiers_never_paths(tmp_path: Path) -> None:
    for name in ("../targets/demo", "/etc/passwd", "demo.toml", "Demo"):
        result = CliRunner().invoke(cli, ["targets", name, "--targets-dir", str(FAULTS.parent / "demo" / "targets")])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"gapcalc: error: '{name}' is not a plan id")


def test_python_dash_m() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-m", "gapcalc", "--version"], capture_output=True, text=True, env=env,
                          check=False)
    assert (done.returncode, done.stdout) == (0, "gapcalc, version 0.1.0\n")


def test_pre_commit_hook_runs_check_on_targets_and_actuals() -> None:
    hook = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: gapcalc-check" in hook
    assert "entry: gapcalc check" in hook
    assert "files: ^(targets|actuals)/.*\\.(toml|csv)$" in hook
