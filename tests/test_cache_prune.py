"""Pruning the cache: entries not used for some days, and the least recently used past the size bound — only
gapcalc's own entries, never a user's file."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcalc.actuals.fast import decode
from gapcalc.cli.main import cli
from gapcalc.infra import cache
from gapcalc.infra.cache import TOUCH_AFTER, Cache, content_key, encode_entry, own_folder, prune, size_bound
from gapcalc.usecases import open as open_module

DEMO = Path(__file__).resolve().parent / "fixtures" / "demo"
DAY = 86400.0
NOW = 1_700_000_000.0


def entry(store: Cache, name: str, used: float, size: int = 1000) -> Path:
    """An entry of ``size`` payload bytes last used at ``used``."""
    key = content_key("test", name.encode())
    store.put(key, "x" * size)
    assert store.folder is not None
    path = store.folder / key[:2] / key
    os.utime(path, (used, used))
    return path


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cache:
    monkeypatch.setattr(cache, "_bound_checked", True)  # no automatic pruning while the fixture entries are made
    return Cache("plans", tmp_path)


def test_entries_not_used_for_the_days_given_are_removed(store: Cache, tmp_path: Path) -> None:
    old = entry(store, "old", NOW - 31 * DAY)
    recent = entry(store, "recent", NOW - 29 * DAY)
    done = prune(tmp_path, None, 30, now=NOW)
    assert (done.unused, done.beyond_bound, done.kept, done.failed) == (1, 0, 1, 0)
    assert not old.exists() and recent.exists()


def test_past_the_bound_the_least_recently_used_go_first_down_to_three_quarters(store: Cache,
                                                                                tmp_path: Path) -> None:
    paths = [entry(store, f"e{n}", NOW - (10 - n) * DAY) for n in range(10)]  # e0 used longest ago
    size = paths[0].stat().st_size
    done = prune(tmp_path, 8 * size, None, now=NOW)  # 10 entries over a bound of 8: keep 6 (three quarters)
    assert (done.unused, done.beyond_bound, done.kept) == (0, 4, 6)
    assert [path.exists() for path in paths] == [False] * 4 + [True] * 6
    assert done.size == 4 * size


def test_within_the_bound_nothing_is_removed(store: Cache, tmp_path: Path) -> None:
    paths = [entry(store, f"e{n}", NOW - 100 * DAY) for n in range(3)]
    assert prune(tmp_path, 3 * paths[0].stat().st_size, None, now=NOW).removed == 0
    assert all(path.exists() for path in paths)


def test_reading_an_entry_records_its_use(store: Cache) -> None:
    stale = entry(store, "stale", time.time() - 2 * TOUCH_AFTER)
    fresh_time = time.time() - TOUCH_AFTER / 2
    fresh = entry(store, "fresh", fresh_time)
    assert store.get(content_key("test", b"stale")) == "x" * 1000
    assert store.get(content_key("test", b"fresh")) == "x" * 1000
    assert time.time() - stale.stat().st_mtime < 60
    assert fresh.stat().st_mtime == pytest.approx(fresh_time)  # used within the hour: no write


def new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started: it has used no entry and not yet listed the cache."""
    monkeypatch.setattr(cache, "_run", cache._Run())
    monkeypatch.setattr(cache, "_bound_checked", False)


def test_a_run_that_writes_prunes_past_the_bound_when_it_ends(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_bound_checked", True)
    store = Cache("plans", tmp_path)
    old = [entry(store, f"old{n}", NOW - (4 - n) * DAY, size=300_000) for n in range(4)]
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "1")
    new_run(monkeypatch)
    Cache("checks", tmp_path).put(content_key("test", b"new"), "y")
    assert all(path.exists() for path in old), "nothing is pruned while the run works"
    assert cache._bound_checked
    cache.finish()
    assert [path.exists() for path in old] == [False, False, True, True]  # 1.2 MB → at most 0.75 MB


def test_a_run_that_only_reads_never_prunes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_bound_checked", True)
    store = Cache("plans", tmp_path)
    old = [entry(store, f"old{n}", NOW - (4 - n) * DAY, size=300_000) for n in range(4)]
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "1")
    new_run(monkeypatch)
    assert Cache("plans", tmp_path).get(content_key("test", b"old3")) == "x" * 300_000
    cache.finish()
    assert all(path.exists() for path in old)


def test_an_entry_used_by_another_process_after_the_listing_is_kept(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_bound_checked", True)
    store = Cache("plans", tmp_path)
    old = [entry(store, f"old{n}", NOW - (4 - n) * DAY, size=300_000) for n in range(4)]
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "1")
    new_run(monkeypatch)
    Cache("checks", tmp_path).put(content_key("test", b"new"), "y")  # lists the cache
    os.utime(old[0])  # another process read it (its time of last use refreshed) while this one ran
    cache.finish()
    assert [path.exists() for path in old] == [True, False, False, True]


def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: int = 3) -> Path:
    """A workspace of ``plans`` copies of the demo plan (ids demo, demo1, …) with their actuals, and its own cache;
    the cache directory."""
    work = tmp_path / "work"
    for folder in ("targets", "actuals"):
        (work / folder).mkdir(parents=True)
    shutil.copytree(DEMO / "docs", work / "docs")
    text = (DEMO / "targets" / "demo.toml").read_text(encoding="utf-8")
    for number in range(plans):
        plan_id = "demo" if number == 0 else f"demo{number}"
        (work / "targets" / f"{plan_id}.toml").write_text(text.replace('id = "demo"', f'id = "{plan_id}"'),
                                                           encoding="utf-8")
        shutil.copy(DEMO / "actuals" / "demo.csv", work / "actuals" / f"{plan_id}.csv")
    monkeypatch.chdir(work)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GAPCALC_JOBS", "1")
    return tmp_path / "cache"


def _report() -> str:
    result = CliRunner().invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _entries(root: Path) -> dict[str, Path]:
    return {path.name: path for path in own_folder(root).rglob("*") if path.is_file() and path.name != "CACHEDIR.TAG"}


def test_a_run_that_edits_one_file_then_prunes_keeps_every_entry_it_used(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's own entries are the least recently used (read within the hour: their times are not refreshed)
    and the cache is past its bound: pruning by time alone would remove entries the run reads, and the next run
    would compile them again, and so on for ever. Pruned when the run ends, without them, it removes others."""
    root = _workspace(tmp_path, monkeypatch)
    new_run(monkeypatch)
    _report()
    cache.finish()
    made = _entries(root)
    half_an_hour_ago = time.time() - TOUCH_AFTER / 2
    for path in made.values():
        os.utime(path, (half_an_hour_ago, half_an_hour_ago))
    fillers = [entry(Cache("checks", root), f"filler{n}", time.time() - 600, size=2000) for n in range(20)]
    bound = sum(path.stat().st_size for path in made.values()) + 10 * fillers[0].stat().st_size
    monkeypatch.setattr(cache, "size_bound", lambda: bound)
    plan = Path("targets/demo1.toml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("value = 46", "value = 47"), encoding="utf-8")
    new_run(monkeypatch)
    edited = _report()
    used = set(cache._run.used[root])
    assert len(used) == len(made), "every plan and every actuals reading, two of them new"
    cache.finish()
    assert all(path.exists() for name, path in _entries(root).items() if name in used)
    assert used <= set(_entries(root))
    assert sum(path.exists() for path in fillers) < len(fillers), "the cache was pruned past its bound"
    new_run(monkeypatch)
    compiled: list[str] = []
    original = open_module.compile_file
    monkeypatch.setattr(open_module, "compile_file", lambda path: compiled.append(path) or original(path))
    assert _report() == edited
    assert compiled == [] and cache._run.written == {}


def test_a_bound_below_the_working_set_keeps_it_and_the_next_run_only_reads(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = _workspace(tmp_path, monkeypatch)
    monkeypatch.setattr(cache, "size_bound", lambda: 1000)  # far below the entries of three plans
    new_run(monkeypatch)
    cold = _report()
    written = dict(cache._run.written[root])
    cache.finish()
    assert len(written) == 6 and sum(size for _, size in written.values()) > 1000
    assert all(path.exists() for path, _ in written.values()), "the bound grew to the run's entries"
    new_run(monkeypatch)
    compiled: list[str] = []
    original = open_module.compile_file
    monkeypatch.setattr(open_module, "compile_file", lambda path: compiled.append(path) or original(path))
    parsed: list[object] = []
    monkeypatch.setattr("gapcalc.actuals.fast.decode", lambda *args: parsed.append(args) or decode(*args))
    assert _report() == cold
    cache.finish()
    assert (compiled, parsed, cache._run.written) == ([], [], {})
    assert all(path.exists() for path, _ in written.values())


def test_the_size_bound_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GAPCALC_CACHE_MAX_MB", raising=False)
    assert size_bound() == 256 * 1048576
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "64")
    assert size_bound() == 64 * 1048576
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "0")
    assert size_bound() is None
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "lots")
    assert size_bound() == 256 * 1048576


def test_pruning_never_touches_a_users_files(store: Cache, tmp_path: Path) -> None:
    """Files in the cache directory, in gapcalc's folder, and even named as entries inside it but not written by
    gapcalc, survive the hardest prune (every day, no room); gapcalc's entries do not."""
    ours = entry(store, "ours", NOW - 100 * DAY)
    shard = ours.parent
    outside = tmp_path / "outside.bin"
    outside.write_bytes(encode_entry("ab" * 20, "looks like an entry"))
    user_files = {
        tmp_path / "notes.txt": b"my notes",
        own_folder(tmp_path) / "README": b"mine",
        own_folder(tmp_path) / "plans" / "keep.txt": b"mine too",
        shard / ("0" * 40): b"named like an entry, not one",
        shard / "data.csv": b"a,b\n",
        own_folder(tmp_path) / "other" / "ab" / ("ab" * 20): b"not an entry",
    }
    for path, data in user_files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (NOW - 100 * DAY, NOW - 100 * DAY))
    (shard / ("1" * 40)).symlink_to(outside)
    done = prune(tmp_path, 1, 0, now=NOW)
    assert not ours.exists() and done.removed == 1
    assert {path: path.read_bytes() for path in user_files} == user_files
    assert outside.exists() and (shard / ("1" * 40)).is_symlink()


def test_an_untagged_folder_is_not_pruned(tmp_path: Path) -> None:
    folder = own_folder(tmp_path) / "plans" / "ab"
    folder.mkdir(parents=True)
    lookalike = folder / ("ab" * 20)
    lookalike.write_bytes(encode_entry("ab" * 20, 1))
    assert prune(tmp_path, 1, 0, now=time.time() + 100 * DAY).removed == 0
    assert lookalike.exists()


def test_cache_prune_says_what_it_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_bound_checked", True)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GAPCALC_CACHE_MAX_MB", raising=False)
    store = Cache("plans", tmp_path)
    gone = entry(store, "gone", time.time() - 40 * DAY, size=200_000)
    kept = entry(store, "kept", time.time() - DAY, size=100_000)
    folder = own_folder(tmp_path)
    result = CliRunner().invoke(cli, ["cache", "--prune"], env={"GAPCALC_LANG": "en"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"cache: {folder}: removed 1 (0.2 MB): 1 not used for 30 days, 0 least recently used "
                             "past the bound of 256.0 MB; kept 1 (0.1 MB)\n")
    assert not gone.exists() and kept.exists()
    result = CliRunner().invoke(cli, ["cache", "--prune", "--days", "1"], env={"GAPCALC_LANG": "zh",
                                                                             "GAPCALC_CACHE_MAX_MB": "0"})
    assert result.stdout == (f"缓存：{folder}：删除 1 项（0.1 MB）：1 项超过 1 天未用，"
                             "0 项因超出上限（无）按最久未用删除；保留 0 项（0.0 MB）\n")
    assert not kept.exists()
