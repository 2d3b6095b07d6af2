"""Published shapes of actuals (a change on the year before, a year's additions, a bound, a figure as of a month, two
scopes), each a fixture of ``tests/fixtures/shapes`` with its exact report row, exit code and messages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from gapcalc.actuals import shapes
from gapcalc.cli.main import cli
from gapcalc.engine import arrays
from gapcalc.engine import report as array_engine
from gapcalc.engine.contracts import STATUS_KEYS

SHAPES = Path(__file__).parent / "fixtures" / "shapes"
SHOWN = ("indicator", "breakdown", "unit", "target", "actual", "actual_year", "gap", "attainment_pct", "baseline",
         "baseline_year", "status", "actual_comparator", "as_of")


def report(name: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str], str]:
    """Exit code, the shown columns of the rows with an actual (or a breakdown without target), and stderr."""
    monkeypatch.chdir(SHAPES)
    result = CliRunner().invoke(cli, ["report", "shapes", "2019", "--targets-dir", "targets", "--actuals",
                                      f"actuals/{name}", "-f", "csv"])
    rows = [",".join(r[c] for c in SHOWN) for r in csv.DictReader(io.StringIO(result.stdout))
            if r["actual"] or r["breakdown"] == "all"]
    return result.exit_code, rows, result.stderr


CASES = {
    "yoy_on_index.csv": ["energy_index,,index (2017=100),88,91.2,2019,3.2,73.3333,100,2017,not_met,,"],
    "yoy_on_stated_level.csv": ["water_level,,立方米/万元,34.666667,36.48,2019,1.813333,66,40,2017,not_met,,"],
    "flow_from_stock.csv": ["green_factories,,家,5,5,2019,0,100,3,2017,met,,"],
    "bound_met.csv": ["nc_rate,,%,46,47,2019,1,102.1739,26,2017,met,>=,"],
    "bound_failed.csv": ["nc_rate,,%,46,40,2019,-6,86.9565,26,2017,not_met,<=,"],
    "bound_inconclusive.csv": ["nc_rate,,%,46,40,2019,-6,86.9565,26,2017,inconclusive,>=,"],
    "as_of_partial.csv": ["nc_rate,,%,46,47,2019,1,102.1739,26,2017,no_data,,2019-09"],
    "two_scopes.csv": ["digital_rate,above_scale,%,55,55.3,2019,0.3,100.5455,55.3,2019,met,,",
                       "digital_rate,all,%,,51.3,2019,,,51.3,2019,not_assessed,,"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code, rows, stderr = report(name, monkeypatch)
    typed = len((SHAPES / "actuals" / name).read_text(encoding="utf-8").splitlines()) - 1
    assert code == 0, stderr
    assert [r for r in rows if not r.startswith("digital_rate,all,%,,,")] == CASES[name]
    assert stderr.startswith(f"actuals/{name}: {typed} rows read, {typed} used\n")


FAULTS = {
    "decline_typed_as_level.csv": (0, "actuals/decline_typed_as_level.csv:3:3: GC322 warning: water_level 2019: 3.6 "
                                      "is an order of magnitude off 38 (2018) — a published change (下降4.04%) or a "
                                      "year's additions go in with measure = change_pct or new; else check the unit"),
    "misspelt_id.csv": (1, "actuals/misspelt_id.csv:2:1: GC305 error: unknown indicator 'nc_rat' — did you mean "
                           "'nc_rate'? see `gapcalc targets shapes` for the ids"),
    "conflicting_duplicate.csv": (1, "actuals/conflicting_duplicate.csv:3:3: GC308 error: nc_rate 2019: row 2 says "
                                     "47, row 3 says 44; neither is used — keep the right value and delete the "
                                     "other row"),
    "breakdown_without_target.csv": (0, "actuals/breakdown_without_target.csv: 1 rows read, 1 used"),
    "change_without_level.csv": (1, "actuals/change_without_level.csv:2:3: GC323 error: water_level 2019: "
                                    "change_pct -5 has no level to apply to (no figure for 2018 and no stated "
                                    "level) — add the level (or the change) of that year, or give this figure as a "
                                    "level"),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_fault_report_and_check(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``report`` prints what it can, names the problem, and exits 1 on an error; ``check`` says the same."""
    code, rows, stderr = report(name, monkeypatch)
    expected_code, message = FAULTS[name]
    assert code == expected_code
    assert stderr.splitlines()[0] == message
    if expected_code:
        assert stderr.splitlines()[-1].endswith("exit 1")
    assert "digital_rate,all,%" in "\n".join(rows)  # the table is printed all the same
    checked = CliRunner().invoke(cli, ["check", f"actuals/{name}", "--plan", "shapes", "--targets-dir", "targets"])
    assert checked.exit_code == expected_code
    assert message in checked.stdout + checked.stderr


def test_conflicting_duplicate_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    _, rows, _ = report("conflicting_duplicate.csv", monkeypatch)
    assert rows
    assert not any(r.startswith("nc_rate,") for r in rows)


def test_template_fill_check_report_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SHAPES)
    path = tmp_path / "fill.csv"
    runner = CliRunner()
    made = runner.invoke(cli, ["template", "shapes", "2019", "--targets-dir", "targets", "-o", str(path)])
    assert made.exit_code == 0
    text = path.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].endswith(",plan,measure,comparator,as_of,scope,note_en,published,revision")
    filled = []
    for line in text.splitlines():
        if line.startswith("energy_index,,2019,,"):
            line = line.replace("energy_index,,2019,,", "energy_index,,2019,-8.5,").rstrip(",") + ",比基期,,,,,,"
        elif line.startswith("nc_rate,,2019,,"):
            line = (line.replace("nc_rate,,2019,,", "nc_rate,,2019,47,").rstrip(",")
                    + ",,超,2019年9月,全行业，规划为制造业领域,Lower bound,2019-10-20,快报")
        filled.append(line)
    path.write_bytes(("\n".join(filled) + "\n").encode("utf-8-sig"))
    checked = runner.invoke(cli, ["check", str(path), "--targets-dir", "targets"])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    result = runner.invoke(cli, ["report", "shapes", "2019", "--targets-dir", "targets", "--actuals", str(path),
                                 "-f", "csv"])
    assert result.exit_code == 0
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    energy, nc = rows["energy_index"], rows["nc_rate"]
    assert [energy[c] for c in SHOWN] == ["energy_index", "", "index (2017=100)", "88", "91.5", "2019", "3.5",
                                          "70.8333", "100", "2017", "not_met", "", ""]
    assert [nc[c] for c in SHOWN] == ["nc_rate", "", "%", "46", "47", "2019", "1", "102.1739", "26", "2017",
                                      "no_data", ">=", "2019-09"]
    assert (nc["scope"], nc["note_en"], energy["scope"], energy["note_en"]) == (
        "全行业，规划为制造业领域", "Lower bound", "", "")
    assert (nc["published"], nc["revision"], energy["published"]) == ("2019-10-20", "flash", "")


# -- the rules, as docs/methodology.md gives them ---------------------------------------------------------------------

def test_methodology_share_of_change() -> None:
    """A target of −18 % with −16 % achieved: 16 of 18 points, 88.9 %."""
    share = arrays.scaled_ratio(100.0, np.array([84.0 - 100.0]), np.array([82.0 - 100.0]))  # as the engine reads it
    assert share[0] == pytest.approx(88.8889, abs=1e-4)


def test_methodology_chain_and_index() -> None:
    """下降4.04% in 2018 with no level known: 2017 = 100, 2018 = 95.96; a stated 0.80 instead gives 0.76768."""
    figures = [shapes.Figure(2018, shapes.Decimal("-4.04"), shapes.CHANGE_PCT, 2)]
    on_index = shapes.place({}, figures, 2017)
    assert (on_index.scale, on_index.levels[2018][0]) == ("index", shapes.Decimal("95.96"))
    on_level = shapes.place({2017: shapes.Decimal("0.80")}, figures, 2017)
    assert (on_level.scale, on_level.levels[2018][0]) == ("", shapes.Decimal("0.76768"))


def test_methodology_flows_from_the_stated_stock() -> None:
    """A stock of 3 (2017), 1 added in 2018, an observed stock of 6 in 2019, 2 added in 2020: 4, 6, 8."""
    figures = [shapes.Figure(2018, shapes.Decimal(1), shapes.NEW, 2),
               shapes.Figure(2019, shapes.Decimal(6), shapes.LEVEL, 3),
               shapes.Figure(2020, shapes.Decimal(2), shapes.NEW, 4)]
    placed = shapes.place({2017: shapes.Decimal(3)}, figures, 2017)
    assert [placed.levels[y][0] for y in (2018, 2019, 2020)] == [4, 6, 8]


@pytest.mark.parametrize(("met", "bound", "direction", "status"), [
    (True, ">=", "up", "met"), (False, ">=", "up", "inconclusive"), (False, "<=", "up", "not_met"),
    (True, "<=", "up", "inconclusive"), (True, "<=", "down", "met"), (False, ">=", "down", "not_met"),
    (True, ">=", "down", "inconclusive"), (True, "=", "up", "met"),
])
def test_methodology_bounds(met: bool, bound: str, direction: str, status: str) -> None:
    code = array_engine._status(np.array([True]), np.array([1.0]), np.array([met]),
                                np.array([bound], dtype=object), np.array([direction == "up"]))
    assert STATUS_KEYS[int(code[0])] == status


@pytest.mark.parametrize(("cell", "expected"), [
    ("", "level"), ("同比", "change_pct"), ("比上年", "change_pct"), ("较基期", "change_pct_vs_base"),
    ("新增", "new"), ("NEW", "new"), ("ｙｏｙ", "change_pct"),
])
def test_measure_words(cell: str, expected: str) -> None:
    assert shapes.parse_measure(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("", "="), ("超", ">="), ("余", ">="), ("以上", ">="), ("≥", ">="), ("不超过", "<="), ("<", "<"),
])
def test_comparator_words(cell: str, expected: str) -> None:
    assert shapes.parse_comparator(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("", ""), ("2024-09", "2024-09"), ("2024年9月", "2024-09"), ("2024-03-31", "2024-03-31"),
    ("2024年3月底", "2024-03"), ("2024-12", ""), ("2024年12月31日", ""),
])
def test_as_of_words(cell: str, expected: str) -> None:
    assert shapes.parse_as_of(cell, 2024) == expected


def test_as_of_in_another_year_is_refused() -> None:
    with pytest.raises(shapes.ShapeError, match="not in the row's year 2024"):
        shapes.parse_as_of("2023-09", 2024)


def test_brief_and_site_exit_1_when_the_actuals_had_errors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every command that reads actuals prints what it could, then exits 1 when the actuals had errors."""
    import shutil

    for folder in ("targets", "docs"):
        shutil.copytree(SHAPES / folder, tmp_path / folder)
    (tmp_path / "actuals").mkdir()
    shutil.copy(SHAPES / "actuals" / "misspelt_id.csv", tmp_path / "actuals" / "shapes.csv")
    monkeypatch.chdir(tmp_path)
    brief = CliRunner().invoke(cli, ["brief", "shapes", "2019", "-f", "markdown", "--lang", "en"])
    site = CliRunner().invoke(cli, ["site", "site", "--year", "2019", "--lang", "en"])
    for result in (brief, site):
        assert result.exit_code == 1, result.output
        assert "GC305 error: unknown indicator 'nc_rat'" in result.stderr
        assert result.stderr.endswith("the actuals had 1 error (listed above; those rows are not used): exit 1\n")
    assert brief.stdout.startswith("# ") and (tmp_path / "site" / "en" / "index.html").is_file()
