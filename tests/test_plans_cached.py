"""``gapcalc plans`` from the cache: the same rows warm, cold and with the cache off, without parsing a file warm."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.cli.main import cli
from gapcalc.plan import load

DEMO = Path(__file__).resolve().parent / "fixtures" / "demo"
HEADER = ("plan,region_zh,region_en,document,period_start,period_end,baseline_year,subplans,indicators,numbers,"
          "file\n")


@pytest.fixture()
def targets(tmp_path: Path) -> Path:
    """The demo plan, a plan that parses but names an unknown subplan (a rule error), and an unreadable file."""
    folder = tmp_path / "targets"
    folder.mkdir()
    shutil.copy(DEMO / "targets" / "demo.toml", folder)
    text = (DEMO / "targets" / "demo.toml").read_text(encoding="utf-8")
    broken = text.replace('id = "demo"', 'id = "ruled"').replace('direction = "up"\n',
                                                                  'direction = "up"\nsubplan = "nowhere"\n', 1)
    (folder / "ruled.toml").write_text(broken, encoding="utf-8")
    (folder / "binary.toml").write_bytes(b"\x00\x01")
    return folder


def expected(folder: Path) -> str:
    return (HEADER + f"binary,,,unreadable: binary file (contains NUL bytes),,,,,,,{folder}/binary.toml\n"
            f"demo,演示市,Demo City,演府发〔2018〕1号,2018,2020,2017,0,6,17,{folder}/demo.toml\n"
            f"ruled,演示市,Demo City,演府发〔2018〕1号,2018,2020,2017,0,6,17,{folder}/ruled.toml\n")


def plans(folder: Path) -> str:
    result = CliRunner().invoke(cli, ["plans", "--targets-dir", str(folder), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_cold_and_warm_give_the_same_rows(targets: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))
    assert plans(targets) == expected(targets)
    assert plans(targets) == expected(targets)


def test_a_warm_run_parses_only_the_files_that_do_not_compile(targets: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))
    plans(targets)
    parsed: list[str] = []
    original = load.load_plan_file

    def counted(path: Path) -> object:
        parsed.append(path.name)
        return original(path)

    monkeypatch.setattr(load, "load_plan_file", counted)
    assert plans(targets) == expected(targets)
    assert "demo.toml" not in parsed
    assert sorted(set(parsed)) == ["binary.toml", "ruled.toml"]


def test_with_the_cache_off_every_file_is_parsed(targets: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_NO_CACHE", "1")
    assert plans(targets) == expected(targets)


def test_the_compiled_plan_counts_what_plans_shows() -> None:
    from gapcalc.plan.compiler import compile_plan
    from gapcalc.usecases.open import open_plan_file

    compiled = compile_plan(open_plan_file(DEMO / "targets" / "demo.toml"))
    assert (len(compiled.subplans), len(compiled.units), compiled.numbers) == (0, 6, 17)


@given(st.lists(st.one_of(st.none(), st.integers(min_value=-(2**31) + 1, max_value=2**31 - 1))))
def test_packed_ints_come_back_as_stored_and_widen_for_the_engine(values: list[int | None]) -> None:
    from gapcalc.engine.report import _widened
    from gapcalc.plan.compiled import MISSING_INT, _unpacked, pack_ints

    packed = pack_ints(values)
    assert _unpacked("year", packed) == tuple(values)
    wide = _widened(np.frombuffer(packed, dtype=np.int32))
    assert wide.dtype == np.int64
    assert wide.tolist() == [MISSING_INT if v is None else v for v in values]

