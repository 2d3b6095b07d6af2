"""One named fixture per actuals fault: encodings, Excel cells, duplicates, unknown ids — code, row, column, exit."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcalc.actuals.parse import column_name, load_actuals_file
from gapcalc.cli.main import cli
from gapcalc.errors import GapcalcError
from gapcalc.usecases.open import open_plan_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).parent / "fixtures"
ACTUALS = HERE / "actuals"
DEMO_TARGETS = HERE / "demo" / "targets"
CASES = tomllib.loads((ACTUALS / "cases.toml").read_text(encoding="utf-8"))["case"]


def test_every_fixture_has_a_case() -> None:
    assert {p.name for p in ACTUALS.glob("*.csv")} == {case["file"] for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_actuals_fault(case: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(cli, ["check", "--verbose", f"actuals/{case['file']}", "--plan", "demo",
                                      "--targets-dir", str(DEMO_TARGETS)])
    output = result.stdout + result.stderr
    assert result.exit_code == case["exit"], output
    assert "Traceback" not in output
    if "code" in case:
        location = f"actuals/{case['file']}"
        if case["row"]:
            location += f":{case['row']}:{case['col']}"
        start = f"{location}: {case['code']} "
        lines = [line for line in result.stdout.splitlines() if line.startswith(start)]
        assert lines, f"no line starting {start!r} in:\n{output}"
        assert any(str(case["message"]) in line for line in lines)


@pytest.mark.parametrize("case", [c for c in CASES if "used" in c], ids=lambda c: c["file"])
def test_accounting_and_values(case: dict[str, object]) -> None:
    plan = open_plan_file(DEMO_TARGETS / "demo.toml").plan
    parsed = load_actuals_file(ACTUALS / str(case["file"]), plan)
    assert parsed.accounting.used == case["used"]
    assert len(parsed.values) == case["used"]
    if "values" in case:
        assert [format(v.value, "f") for v in parsed.values] == case["values"]
    reported = sum(parsed.accounting.reported.values())
    assert parsed.accounting.read == parsed.accounting.used + parsed.accounting.missing + reported


def test_missing_values_are_never_zero() -> None:
    plan = open_plan_file(DEMO_TARGETS / "demo.toml").plan
    parsed = load_actuals_file(ACTUALS / "yearbook_symbols.csv", plan)
    assert parsed.values == [] and parsed.accounting.missing == 4
    assert parsed.accounting.summary() == "4 rows read, 0 used, 4 missing values"


def test_forced_wrong_encoding_is_an_error_not_mojibake() -> None:
    with pytest.raises(GapcalcError, match="not valid utf-8"):
        load_actuals_file(ACTUALS / "gbk_excel.csv", None, encoding="utf-8")


def test_gbk_text_is_decoded_as_gb18030() -> None:
    parsed = load_actuals_file(ACTUALS / "gbk_excel.csv", None)
    assert parsed.encoding == "gb18030"
    assert parsed.values[1].note == "超300家"


def test_utf8_is_never_read_as_gb18030() -> None:
    parsed = load_actuals_file(ACTUALS / "utf8_plain.csv", None)
    assert parsed.encoding == "utf-8"


def test_infos_are_listed_only_with_verbose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    args = ["check", "actuals/yearbook_symbols.csv", "--plan", "demo", "--targets-dir", str(DEMO_TARGETS)]
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert quiet.stderr == ("actuals/yearbook_symbols.csv: 4 rows read, 0 used, 4 missing values\n"
                            "checked 1 file: 0 errors, 0 warnings\n")
    assert CliRunner().invoke(cli, [*args, "--verbose"]).stdout.count("GC310") == 4


def test_encoding_guess_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(cli, ["check", "actuals/gbk_excel.csv", "actuals/utf16_excel_unicode_text.csv",
                                      "actuals/utf8_bom.csv", "--plan", "demo", "--targets-dir", str(DEMO_TARGETS)])
    assert result.stderr.splitlines()[:3] == [
        "actuals/gbk_excel.csv (read as gb18030): 2 rows read, 2 used",
        "actuals/utf16_excel_unicode_text.csv (read as utf-16): 2 rows read, 2 used",
        "actuals/utf8_bom.csv: 2 rows read, 2 used",
    ]


CARRIED = {  # fixture: (indicator, what its report row for 2019 carries)
    "scope_column.csv": ("enterprises_on_cloud", {"scope": "全行业，规划为制造业领域",
                                                  "note": "近似值（原文“全行业上云企业300家”）", "note_en": ""}),
    "note_en_column.csv": ("enterprises_on_cloud", {"scope": "", "note": "下限值，由3万户折算为户",
                                                    "note_en": "Lower bound, scaled from 3万户 to 户"}),
    "scope_header_alias.csv": ("high_tech_mfg_share", {
        "scope": "增加值占比，规划为产值占比", "note": "",
        "note_en": "Approximation: share of value added, not of output"}),
}


@pytest.mark.parametrize("name", sorted(CARRIED))
def test_scope_and_note_en_reach_the_report(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """口径 (scope) and the English note are carried, stripped, from the file to the report's last two columns."""
    monkeypatch.chdir(HERE)
    indicator, carried = CARRIED[name]
    result = CliRunner().invoke(cli, ["report", "demo", "2019", "--targets-dir", str(DEMO_TARGETS), "--actuals",
                                      f"actuals/{name}", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(
        ",actual_comparator,as_of,scope,note_en,published,revision,in_year_kind,elapsed_pct,done_pct,in_year_expected,"
        "pace_pp,warning,in_year_method,in_year_start")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(result.stdout)) if not r["breakdown"]}
    assert {column: rows[indicator][column] for column in carried} == carried
    parsed = load_actuals_file(ACTUALS / name, open_plan_file(DEMO_TARGETS / "demo.toml").plan)
    first = parsed.values[0]
    assert (first.scope, first.note_en) == (carried["scope"], carried["note_en"])
    assert all((v.scope, v.note_en) == ("", "") for v in parsed.values[1:])


@pytest.mark.parametrize(("header", "column"), [("口径", "scope"), ("统计口径", "scope"), ("scope", "scope"),
                                                ("英文说明", "note_en"), ("Note_EN", "note_en"),
                                                ("计量方式", "measure")])
def test_scope_and_note_en_header_names(header: str, column: str) -> None:
    assert column_name(header) == column


def test_scope_naming_a_measure_is_never_read_as_a_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """口径 once named the measure column: 新增 under it is refused (GC321), not read as a level of 1."""
    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(cli, ["report", "demo", "2019", "--targets-dir", str(DEMO_TARGETS), "--actuals",
                                      "actuals/scope_names_a_measure.csv", "-f", "csv"])
    assert result.exit_code == 1
    assert "GC321" in result.stderr and "give new in the measure column" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["actual"] for r in rows if r["indicator"] == "green_factories"] == [""]
    assert [r["actual"] for r in rows if r["indicator"] == "nc_rate_key_processes"] == ["44"]

