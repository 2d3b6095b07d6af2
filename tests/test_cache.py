"""The cache of compiled plans: named by content, never stale, never in the way."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import REPO

from gapcalc.actuals.fast import read_plan_actuals
from gapcalc.cli.main import cli
from gapcalc.errors import GapcalcError
from gapcalc.infra.cache import Cache, cache_dir, content_key
from gapcalc.usecases.open import load_compiled

DEMO = Path(__file__).resolve().parent / "fixtures" / "demo"


def entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG")


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("GAPCALC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "gapcalc"
    monkeypatch.setenv("GAPCALC_NO_CACHE", "1")
    assert cache_dir() is None


def test_a_plan_is_compiled_once_then_read_back(tmp_path: Path) -> None:
    store = Cache("plans", tmp_path)
    first = load_compiled(DEMO / "targets" / "demo.toml", store)
    assert (store.hits, store.misses, len(entries(tmp_path))) == (0, 1, 1)
    again = load_compiled(DEMO / "targets" / "demo.toml", store)
    assert (store.hits, store.misses) == (1, 1)
    assert again == first


def test_a_changed_file_gets_a_new_entry(tmp_path: Path) -> None:
    plan = tmp_path / "targets" / "demo.toml"
    plan.parent.mkdir()
    shutil.copy(DEMO / "targets" / "demo.toml", plan)
    store = Cache("plans", tmp_path / "cache")
    before = load_compiled(plan, store)
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 46", "value = 47"), encoding="utf-8")
    after = load_compiled(plan, store)
    assert before != after and "47" in after.statements["level"]
    assert len(entries(tmp_path / "cache")) == 2


def test_a_corrupt_entry_is_compiled_again(tmp_path: Path) -> None:
    store = Cache("plans", tmp_path)
    first = load_compiled(DEMO / "targets" / "demo.toml", store)
    (entry,) = entries(tmp_path)
    entry.write_bytes(b"\x00not marshal")
    assert load_compiled(DEMO / "targets" / "demo.toml", store) == first
    assert store.misses == 2


def test_an_unwritable_cache_is_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    store = Cache("plans", blocker)
    assert load_compiled(DEMO / "targets" / "demo.toml", store).id == "demo"
    assert store.folder is None


def test_keys_depend_on_kind_and_content() -> None:
    assert content_key("plan-4", b"a") != content_key("plan-4", b"b")
    assert content_key("plan-4", b"a") != content_key("plan-5", b"a")
    assert content_key("plan-4", b"ab", b"c") != content_key("plan-4", b"a", b"bc")


def test_roll_up_works_without_a_cache(monkeypatch: pytest.MonkeyPatch, in_demo: Path, private_cache: Path) -> None:
    monkeypatch.setenv("GAPCALC_NO_CACHE", "1")
    shutil.rmtree(private_cache, ignore_errors=True)
    result = CliRunner().invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    assert result.exit_code == 0
    assert result.stdout == (DEMO / "expected_report_2019.csv").read_text(encoding="utf-8")
    assert not private_cache.exists()


def test_a_clean_actuals_file_is_not_read_row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("read row by row")

    compiled = load_compiled(DEMO / "targets" / "demo.toml", Cache("plans", None))
    monkeypatch.setattr("gapcalc.actuals.fast.parse_actuals", refuse)
    read = read_plan_actuals(compiled, DEMO / "actuals" / "demo.csv")
    assert read.notes == [] and read.accounting.read == read.accounting.used == len(read.columns["indicator"]) > 0


def _check(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["check", *args])
    return result.exit_code, result.stdout


def test_a_cached_check_follows_its_source_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO, tmp_path / "demo")
    monkeypatch.chdir(tmp_path / "demo")
    runner = CliRunner()
    clean = _check(runner, "targets")
    assert clean[0] == 0 and "GC117" not in clean[1]
    assert _check(runner, "targets") == clean
    document = Path("docs/demo.txt")
    document.write_text(document.read_text(encoding="utf-8").replace("26%", "62%"), encoding="utf-8")
    code, out = _check(runner, "targets")
    assert code == 1 and "GC117" in out
    assert _check(runner, "targets", "--no-quotes") == clean
    document.unlink()
    code, out = _check(runner, "targets")
    assert code == 1 and "GC116" in out


def test_a_cached_check_follows_the_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO, tmp_path / "demo")
    monkeypatch.chdir(tmp_path / "demo")
    runner = CliRunner()
    assert _check(runner, "targets/demo.toml")[0] == 0
    Path("targets/demo.toml").rename("targets/other.toml")
    code, out = _check(runner, "targets/other.toml")
    assert code == 1 and "GC113" in out


def test_warm_check_gives_the_cold_result_for_every_shipped_file(in_repo: Path, private_cache: Path) -> None:
    runner = CliRunner()
    shutil.rmtree(private_cache / "gapcalc-v2" / "checks", ignore_errors=True)
    cold = runner.invoke(cli, ["check", "targets", "actuals"])
    warm = runner.invoke(cli, ["check", "targets", "actuals"])
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert cold.exit_code == 0 and cold.stdout.count("warning") == 7  # GC205: 新材料 5.94 ÷ 49.28 is not 11 %


def test_a_renamed_plan_is_validated_again(tmp_path: Path) -> None:
    store = Cache("plans", tmp_path / "cache")
    assert load_compiled(DEMO / "targets" / "demo.toml", store).id == "demo"
    (tmp_path / "other.toml").write_bytes((DEMO / "targets" / "demo.toml").read_bytes())
    with pytest.raises(GapcalcError, match="GC113"):
        load_compiled(tmp_path / "other.toml", store)


def test_a_changed_actuals_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DEMO, tmp_path / "demo")
    monkeypatch.chdir(tmp_path / "demo")
    runner = CliRunner()
    before = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"]).stdout
    assert ",44,2019," in before
    actuals = Path("actuals/demo.csv")
    actuals.write_text(actuals.read_text(encoding="utf-8").replace(",2019,44,", ",2019,47,"), encoding="utf-8")
    after = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"]).stdout
    assert ",47,2019," in after and ",44,2019," not in after


def test_worker_processes_give_what_one_process_gives(monkeypatch: pytest.MonkeyPatch, private_cache: Path) -> None:
    """Changed files are parsed in worker processes when there are many: same findings, same report."""
    from gapcalc.infra import pool

    monkeypatch.setattr("gapcalc.infra.pool.MIN_FILES_PER_WORKER", 1)
    started: list[int] = []
    start = pool.start_workers

    def counting(size: int) -> Any:
        started.append(size)
        return start(size)

    monkeypatch.setattr("gapcalc.infra.pool.start_workers", counting)
    faults = Path(__file__).resolve().parent / "fixtures" / "faults"
    monkeypatch.chdir(faults)
    runner = CliRunner()
    outcomes = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("GAPCALC_JOBS", jobs)
        shutil.rmtree(private_cache, ignore_errors=True)
        result = runner.invoke(cli, ["check", "targets", "--targets-dir", "targets"])
        outcomes.append((result.exit_code, result.stdout, result.stderr))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 1 and outcomes[0][1].count("\n") > 40
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    reports = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("GAPCALC_JOBS", jobs)
        shutil.rmtree(private_cache, ignore_errors=True)
        result = runner.invoke(cli, ["report", "--all", "2021", "-f", "csv"])
        reports.append((result.exit_code, result.stdout, result.stderr))
    assert reports[0] == reports[1] and reports[0][0] == 0
    assert started == [2, 2]  # one pool of two workers for check, one for the roll-up; none with GAPCALC_JOBS=1


def test_a_plan_id_used_twice_is_located_cold_and_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "targets").mkdir()
    shutil.copytree(DEMO / "docs", tmp_path / "docs")
    for name in ("demo.toml", "other.toml"):
        shutil.copy(DEMO / "targets" / "demo.toml", tmp_path / "targets" / name)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    cold, warm = (_check(runner, "targets") for _ in range(2))
    assert cold == warm
    assert cold[0] == 1
    assert "targets/other.toml:4:1: GC123 error: plan id 'demo' is also used by targets/demo.toml" in cold[1]


def test_cache_command_shows_and_clears(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_demo: Path) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "c"))
    runner = CliRunner()
    result = runner.invoke(cli, ["cache"])
    empty = f"cache: {tmp_path / 'c' / 'gapcalc-v2'} (empty) — set GAPCALC_CACHE_DIR to move it\n"
    assert (result.exit_code, result.stdout) == (0, empty)
    runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    runner.invoke(cli, ["check", "targets"])
    lines = runner.invoke(cli, ["cache"]).stdout.splitlines()
    assert lines[0] == f"cache: {tmp_path / 'c' / 'gapcalc-v2'} — set GAPCALC_CACHE_DIR to move it"
    assert [line.split(":")[0] for line in lines[1:]] == ["actuals", "checks", "plans"]
    assert all(": 1 entry, " in line and line.endswith(" MB") for line in lines[1:])
    result = runner.invoke(cli, ["cache", "--clear"])
    assert result.stdout.startswith(f"cache: {tmp_path / 'c' / 'gapcalc-v2'}: removed 3 entries (")
    assert runner.invoke(cli, ["cache"]).stdout.splitlines()[1:] == []
    monkeypatch.setenv("GAPCALC_NO_CACHE", "1")
    assert runner.invoke(cli, ["cache"]).stdout == "cache: off (GAPCALC_NO_CACHE is set)\n"


def test_keys_depend_on_the_code_that_made_the_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcalc.infra import cache

    before = content_key("plan-5", b"a")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited")
    assert content_key("plan-5", b"a") != before


def _fresh_copy(tmp_path: Path) -> Path:
    plan = tmp_path / "targets" / "demo.toml"
    plan.parent.mkdir()
    shutil.copy(DEMO / "targets" / "demo.toml", plan)
    return plan


def _counting_hashes(monkeypatch: pytest.MonkeyPatch, plan: Path) -> list[bytes]:
    """The inputs hashed to name entries (other hashes, of the code for instance, are not counted)."""
    from gapcalc.infra import cache

    hashed: list[bytes] = []
    original = cache.digest_of

    def counting(data: bytes) -> str:
        if data.startswith(b"#") or b"[plan]" in data[:200]:
            hashed.append(data)
        return original(data)

    monkeypatch.setattr(cache, "digest_of", counting)
    return hashed


def test_the_file_index_spares_reading_and_hashing_an_unchanged_file(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcalc.infra import cache
    from gapcalc.usecases import open as open_module

    plan = _fresh_copy(tmp_path)
    later = time.time_ns() + 10 * 10**9
    monkeypatch.setattr(cache, "_now_ns", lambda: later)  # ten seconds on: the file is out of the racy window
    monkeypatch.setattr(cache, "_run", cache._Run())
    hashed = _counting_hashes(monkeypatch, plan)
    reads: list[Path] = []
    original_read = open_module.read_bytes
    monkeypatch.setattr(open_module, "read_bytes", lambda path, limit: reads.append(path) or original_read(path, limit))
    first = load_compiled(plan, Cache("plans", tmp_path / "cache"))
    assert (len(hashed), len(reads)) == (1, 1)
    store = Cache("plans", tmp_path / "cache")
    assert load_compiled(plan, store) == first and store.hits == 1
    assert (len(hashed), len(reads)) == (1, 1), "found by its signature: neither read nor hashed"
    cache.finish()  # the index is saved when the process ends; the next process reads it
    again = Cache("plans", tmp_path / "cache")
    assert load_compiled(plan, again) == first and again.hits == 1
    assert (len(hashed), len(reads)) == (1, 1)
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 46", "value = 470"), encoding="utf-8")
    assert "470" in load_compiled(plan, again).statements["level"]
    assert (len(hashed), len(reads)) == (2, 2)


def test_a_same_size_edit_within_the_racy_window_is_detected(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A file changed less than two seconds ago is hashed every time: an edit to the same size within the same tick
    of the clock (here: its modification time set back to the nanosecond, and change times not compared) is seen."""
    from gapcalc.infra import cache

    monkeypatch.setattr(cache, "_signature", lambda info: (info.st_size, info.st_mtime_ns, 0, info.st_ino,
                                                           info.st_dev))
    monkeypatch.setattr(cache, "_run", cache._Run())
    plan = _fresh_copy(tmp_path)
    hashed = _counting_hashes(monkeypatch, plan)
    store = Cache("plans", tmp_path / "cache")
    before = load_compiled(plan, store)
    assert "46" in before.statements["level"]
    was = plan.stat()
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 46", "value = 47"), encoding="utf-8")
    os.utime(plan, ns=(was.st_atime_ns, was.st_mtime_ns))
    now = plan.stat()
    assert (now.st_size, now.st_mtime_ns, now.st_ino) == (was.st_size, was.st_mtime_ns, was.st_ino)
    after = load_compiled(plan, store)
    assert "47" in after.statements["level"] and after.key != before.key
    assert len(hashed) == 2
    cache.finish()
    assert not [entry for entry in entries(tmp_path / "cache") if "index" in entry.parts], "never recorded"


def test_an_edit_that_sets_the_modification_time_back_is_detected(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Out of the racy window, a same-size edit whose modification time is restored (``cp -p``, ``touch -r``)
    still changes the file's change time, which the signature holds."""
    from gapcalc.infra import cache

    plan = _fresh_copy(tmp_path)
    later = time.time_ns() + 10 * 10**9
    monkeypatch.setattr(cache, "_now_ns", lambda: later)
    monkeypatch.setattr(cache, "_run", cache._Run())
    store = Cache("plans", tmp_path / "cache")
    before = load_compiled(plan, store)
    was = plan.stat()
    time.sleep(0.05)  # past the tick of the file system's clock
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 46", "value = 47"), encoding="utf-8")
    os.utime(plan, ns=(was.st_atime_ns, was.st_mtime_ns))
    after = load_compiled(plan, store)
    assert "47" in after.statements["level"] and after.key != before.key


def test_the_numbers_a_plan_states_come_back_exact_from_the_cache(monkeypatch: pytest.MonkeyPatch,
                                                                  private_cache: Path) -> None:
    from gapcalc.engine.targets import build_targets
    from gapcalc.usecases import open as opening

    targets = REPO / "targets"
    compiled = load_compiled(targets / "mianyang.toml", Cache("plans", cache_dir()))
    expected = build_targets(opening.open_plan("mianyang", targets).plan)
    assert opening.stated_targets(compiled, targets) == expected

    def no_validation(*_: Any) -> None:
        raise AssertionError("an unchanged plan is not validated again")

    monkeypatch.setattr(opening, "open_plan", no_validation)
    again = opening.stated_targets(compiled, targets)
    assert again == expected
    assert [type(row["value"]) for row in again] == [type(row["value"]) for row in expected]
