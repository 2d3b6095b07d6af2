"""A plan none of the shipped five: ``draft`` → ``check`` (0 errors) → ``targets`` → ``report``, on the command line.

The document is the 主要目标 of Henan's 2023–2025 plan to build a manufacturing province, as published
(``fixtures/draft/henan.txt``, its source address on its last line).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gapcalc.cli.main import cli

DOCUMENT = Path(__file__).parent / "fixtures" / "draft" / "henan.txt"

# (indicator, breakdown, target, comparator) of every row the report must show for 2025
EXPECTED = {
    ("mfg_services_value_added_share", "", "40", "="),
    ("mfg_share_gdp", "", "30", ">="),
    ("industrial_value_added", "", "2.3", "="),
    ("mfg_value_added", "", "2", ">"),
    ("above_scale_enterprises", "", "28000", ">"),
    ("value_added_above_scale_industrial_share", "", "30", ">"),
    ("high_tech_mfg_share", "", "15", ">"),
    ("mfg_clusters", "世界级", "1", "range"),
    ("mfg_clusters", "万亿级", "7", "="),
    ("industrial_chains", "", "28", "="),
    ("rnd_intensity", "", "2", "="),
    ("national_innovation_platforms", "", "300", ">"),
    ("high_tech_enterprises", "", "20000", ">"),
    ("industrial_enterprises_rnd_coverage", "", "100", "="),
    ("mfg_quality", "", "86", ">="),
}


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(name="drafted")
def fixture_drafted(tmp_path: Path) -> Path:
    targets = tmp_path / "targets"
    result = _run("draft", str(DOCUMENT), "--targets-dir", str(targets))
    assert result.exit_code == 0, result.output
    assert "henan.toml (14 indicators, 15 numbers)" in result.output
    assert "check: 0 errors, 0 warnings" in result.output
    return targets


def test_drafted_plan_has_no_errors_but_is_not_reviewed(drafted: Path) -> None:
    """A fresh draft is valid (no error) and says it is not reviewed: a warning per statement still marked
    ``draft:`` (GC130), so ``--strict`` fails until the analyst has reviewed it."""
    result = _run("check", str(drafted), "--targets-dir", str(drafted))
    assert result.exit_code == 0
    assert " 0 errors, " in result.stderr and "GC130" in result.stdout + result.stderr
    assert _run("check", str(drafted), "--targets-dir", str(drafted), "--strict").exit_code == 1


def test_drafted_plan_lists_its_targets(drafted: Path) -> None:
    result = _run("targets", "henan", "--targets-dir", str(drafted), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["indicator"], r["breakdown"], r["value"], r["comparator"]) for r in rows} == EXPECTED
    assert {(r["kind"], r["year"]) for r in rows} <= {("level", "2025"), ("cumulative", "2025")}


def test_drafted_plan_reports(drafted: Path) -> None:
    result = _run("report", "henan", "2025", "--targets-dir", str(drafted), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["indicator"], r["breakdown"], r["target"], r["comparator"]) for r in rows} == EXPECTED
    assert {(r["target_source"], r["status"]) for r in rows} == {("plan", "no_data")}
    assert result.stderr.endswith("henan 2025: 0 of 0 assessed targets met; 15 no data; 0 not assessed; "
                                  "outlook: 15 insufficient data\n")
