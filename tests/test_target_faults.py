"""One named fixture per target-file fault: the finding code, its file:line:col and the exit code of `check`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAULTS = Path(__file__).parent / "fixtures" / "faults"
CASES = tomllib.loads((FAULTS / "cases.toml").read_text(encoding="utf-8"))["case"]


def run_check(runner: CliRunner, name: str, *extra: str) -> tuple[int, str, str]:
    target = FAULTS / "targets" / name
    result = runner.invoke(cli, ["check", str(target), "--targets-dir", str(FAULTS / "targets"), *extra])
    return result.exit_code, result.stdout, result.stderr


def test_every_fixture_has_a_case() -> None:
    files = {p.name for p in (FAULTS / "targets").glob("*.toml")}
    assert files == {case["file"] for case in CASES}
    assert len(CASES) >= 40
    assert len({case.get("code") for case in CASES if case.get("code")}) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_fault(case: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAULTS)
    runner = CliRunner()
    cold = run_check(runner, str(case["file"]))
    exit_code, stdout, stderr = run_check(runner, str(case["file"]))  # the result cached by the first run
    assert (exit_code, stdout, stderr) == cold
    assert exit_code == case["exit"], stdout + stderr
    assert "Traceback" not in stdout + stderr
    if not case.get("code"):
        assert stdout == ""
        return
    location = f"targets/{case['file']}"
    if case["line"]:
        location += f":{case['line']}"
        if case["col"]:
            location += f":{case['col']}"
    expected_start = f"{location}: {case['code']} "
    matching = [line for line in stdout.splitlines() if line.startswith(expected_start)]
    assert matching, f"no line starting {expected_start!r} in:\n{stdout}"
    assert any(str(case["message"]) in line for line in matching), matching


def test_warnings_fail_only_with_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAULTS)
    runner = CliRunner()
    assert run_check(runner, "milestones_fall.toml")[0] == 0
    code, stdout, stderr = run_check(runner, "milestones_fall.toml", "--strict")
    assert code == 1
    assert stderr.endswith("checked 1 file: 0 errors, 1 warning\n")


def test_all_errors_of_a_file_are_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FAULTS)
    code, stdout, _ = run_check(CliRunner(), "misspelt_key.toml")
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in stdout.splitlines()] == ["GC102", "GC101"]


@pytest.mark.parametrize(("rate", "numerator", "denominator", "holds"), [
    ("10.8", "156600", "1450000", True),   # 10.80 %
    ("15", "887", "5915", True),           # 14.996 % printed without decimals
    ("11", "5.94", "49.28", False),        # 12.05 %
    ("10.3", "53.57", "520.3", True),      # 10.296 %
    ("10.2", "53.57", "520.3", False),
])
def test_rate_holds_at_the_printed_decimals(rate: str, numerator: str, denominator: str, holds: bool) -> None:
    from decimal import Decimal

    from gapcalc.plan.consistency import rate_holds

    assert rate_holds(Decimal(rate), Decimal(numerator), Decimal(denominator)) is holds
