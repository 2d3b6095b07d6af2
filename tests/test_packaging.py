"""Lean start-up, the committed JSON Schema, the public API and the docs stay in step with the code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gapcalc.plan.schema import schema_text

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from gapcalc.cli.main import cli
try:
    cli({args!r}, prog_name="gapcalc")
except SystemExit:
    pass
heavy = ("pandas", "rich", "numpy", "openpyxl", "matplotlib", "pydantic", "concurrent.futures")
print("MODULES", " ".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def heavy_modules(*args: str) -> str:
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True,
                            cwd=REPO, check=False)
    line = [line for line in result.stderr.splitlines() if line.startswith("MODULES")][-1]
    return line.removeprefix("MODULES").strip()


@pytest.mark.parametrize("args", [("--help",), ("plans", "-f", "csv"), ("check", "targets/zibo.toml"),
                                  ("report", "mianyang", "2019", "-f", "csv")])
def test_machine_commands_do_not_import_pandas_or_rich(args: tuple[str, ...]) -> None:
    assert heavy_modules(*args) in ("", "pydantic", "numpy", "numpy pydantic")


def test_a_warm_report_reads_the_compiled_plan_without_the_model() -> None:
    """An unchanged plan comes compiled from the cache: the engine needs numpy, not pydantic."""
    heavy_modules("report", "mianyang", "2019", "-f", "csv")
    assert heavy_modules("report", "mianyang", "2019", "-f", "csv") == "numpy"


def test_help_imports_nothing_heavy() -> None:
    assert heavy_modules("--help") == ""


def test_a_warm_check_imports_nothing_heavy() -> None:
    """Unchanged target files: their findings come from the cache, without the validation model."""
    heavy_modules("check", "targets")
    assert heavy_modules("check", "targets") == ""


def test_table_imports_rich_only_when_used() -> None:
    heavy_modules("report", "mianyang", "2019", "-f", "table")
    assert heavy_modules("report", "mianyang", "2019", "-f", "table") == "numpy rich"


def test_roll_up_imports_numpy_only_and_validates_only_changed_plans() -> None:
    """Cold, plans are parsed and validated (pydantic); warm, they come compiled from the cache. Never pandas."""
    assert heavy_modules("report", "--all", "2021", "-f", "csv") in ("numpy pydantic", "numpy")
    assert heavy_modules("report", "--all", "2021", "-f", "csv") == "numpy"


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / "schemas" / "targets.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "regenerate with: python -m gapcalc.plan.schema"


def test_every_target_file_points_editors_at_the_schema() -> None:
    paths = sorted((REPO / "targets").glob("*.toml"))
    assert paths
    for path in paths:
        assert path.read_text(encoding="utf-8").startswith("#:schema ../schemas/targets.schema.json\n\n"), path


def test_schema_keeps_to_keywords_editors_understand() -> None:
    schema = json.loads(schema_text())
    assert schema["additionalProperties"] is False
    assert "Decimal" not in json.dumps(schema)


def test_api_returns_dataframes(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    import gapcalc

    monkeypatch.chdir(REPO)
    report = gapcalc.report("mianyang", 2019)
    assert isinstance(report, pd.DataFrame) and len(report) > 20
    assert isinstance(gapcalc.targets("mianyang"), pd.DataFrame)
    actuals = gapcalc.load_actuals("chongqing")
    assert isinstance(actuals, pd.DataFrame) and set(actuals["indicator"]) >= {"nc_rate_key_processes"}


def test_readme_documents_every_command_and_the_csv_columns() -> None:
    from gapcalc.cli.main import COMMANDS
    from gapcalc.engine.contracts import REPORT_COLUMNS, TARGET_COLUMNS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"gapcalc {command}" in readme
    assert ", ".join(REPORT_COLUMNS) in readme
    assert ", ".join(TARGET_COLUMNS) in readme


def test_every_finding_code_is_documented() -> None:
    from gapcalc.errors import CODES

    faults = (REPO / "docs" / "faults.md").read_text(encoding="utf-8")
    assert CODES
    for code in CODES:
        assert f"| {code} |" in faults, code


def test_api_summary_and_compare(monkeypatch: pytest.MonkeyPatch) -> None:
    import gapcalc

    monkeypatch.chdir(REPO)
    summary = gapcalc.summary("chongqing", 2022)
    whole = summary[summary.subplan == "*"].iloc[0]
    assert whole.met + whole.not_met == whole.assessed
    compared = gapcalc.compare("nc_rate_key_processes", 2022)
    assert set(compared.plan) == {"mianyang", "chongqing"}


def test_benchmark_dataset_is_valid(tmp_path: Path) -> None:
    import importlib.util

    from gapcalc.usecases.check import check_paths

    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = bench
    spec.loader.exec_module(bench)
    for folder in ("targets", "docs", "actuals"):
        (tmp_path / folder).mkdir()
    bench._plan(7, tmp_path)
    result = check_paths([tmp_path / "targets", tmp_path / "actuals"], tmp_path / "targets")
    assert result.findings == []
    read, used = result.summaries[0].split(": ")[1].split(", ")
    assert read.split()[0] == used.split()[0] and used.endswith("used")


def test_a_worker_imports_the_job_without_the_engine_or_the_command_line() -> None:
    """A worker process re-imports the main module (``gapcalc.__main__``: nothing, when not run as the program) and
    the module of its job (:func:`gapcalc.usecases.open.compile_and_read`): neither numpy nor click."""
    probe = ("import sys, gapcalc.__main__, gapcalc.usecases.open; "
             "print(' '.join(m for m in ('numpy', 'click', 'gapcalc.cli.main', 'gapcalc.engine.report') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == ""
