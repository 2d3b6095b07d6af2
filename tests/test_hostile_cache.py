"""Finding 15: the cache removed under a running gapcalc (``cache --clear``, ``cache --prune``, another run pruning
past the bound, a user deleting the folder) never breaks the run — the README promises that deleting the cache is
always safe. Walks of the cache take a vanished folder or entry as empty; ``Cache.put`` never raises an OSError (the
entry is written again once when its folder vanished, else simply not cached); ``Cache.get`` of a vanished or damaged
entry is None.

The stress test runs ``cache --clear`` and ``cache --prune`` beside ``report --all`` runs, in processes of their own,
for ``$GAPCALC_STRESS_ROUNDS`` rounds (12 by default, to keep the suite quick: the deterministic tests of this file hold
the root cause; the issue's 500 by hand:
``GAPCALC_STRESS_ROUNDS=500 pytest tests/test_hostile_cache.py -k stress``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli
from gapcalc.infra import cache as cache_module
from gapcalc.infra.cache import Cache, clear, content_key, own_folder, prune, usage

REPO = Path(__file__).resolve().parent.parent
ROUNDS_ENV = "GAPCALC_STRESS_ROUNDS"
HEX2 = re.compile(r"[0-9a-f]{2}")


def _filled(root: Path, monkeypatch: pytest.MonkeyPatch, count: int = 6) -> list[str]:
    """``count`` entries of kind plans under ``root`` (no pruning meanwhile); their keys."""
    monkeypatch.setattr(cache_module, "_bound_checked", True)
    store = Cache("plans", root)
    keys = [content_key("test", str(i).encode()) for i in range(count)]
    for key in keys:
        store.put(key, f"value {key}")
    assert all(store.get(key) == f"value {key}" for key in keys)
    return keys


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


LEVELS: dict[str, Callable[[Path], bool]] = {
    "own folder": lambda path: path.name == "gapcalc-v2",
    "kind folder": lambda path: path.name == "plans" and path.parent.name == "gapcalc-v2",
    "shard folder": lambda path: bool(HEX2.fullmatch(path.name)) and path.parent.parent.name == "gapcalc-v2",
}


def _vanishing(monkeypatch: pytest.MonkeyPatch, removed: Callable[[Path], bool]) -> list[Path]:
    """Each folder that ``removed`` names disappears (another gapcalc clears it) just as it is about to be listed."""
    listing = Path.iterdir
    gone: list[Path] = []

    def iterdir(self: Path) -> Iterator[Path]:
        if removed(self) and self.is_dir():
            shutil.rmtree(self)
            gone.append(self)
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    return gone


@pytest.mark.parametrize("operation", ["clear", "prune", "usage"])
@pytest.mark.parametrize("level", list(LEVELS))
def test_cache_walks_take_a_folder_removed_meanwhile_as_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             level: str, operation: str) -> None:
    _filled(tmp_path, monkeypatch)
    gone = _vanishing(monkeypatch, LEVELS[level])
    if operation == "clear":
        done = clear(tmp_path)
        assert (done.failed, done.reasons, done.left) == (0, [], 0)
    elif operation == "prune":
        pruned = prune(tmp_path, 1, unused_days=0)
        assert (pruned.failed, pruned.reasons) == (0, [])
    else:
        usage(tmp_path)
    assert gone, "the folder was listed"


@pytest.mark.parametrize("moment", ["making the temporary file", "renaming it into place"])
def test_cache_put_writes_again_when_its_folder_was_removed_meanwhile(tmp_path: Path, moment: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "_bound_checked", True)
    store = Cache("plans", tmp_path)
    store.put(content_key("test", b"first"), "first")  # the folders exist, then a --clear removes them
    calls: list[str] = []
    if moment == "making the temporary file":
        original_mkstemp = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if not calls:
                calls.append("cleared")
                shutil.rmtree(own_folder(tmp_path))
            made: tuple[int, str] = original_mkstemp(*args, **kwargs)
            return made

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    else:
        original_replace = os.replace

        def replace(source: str, target: str) -> None:
            if not calls:
                calls.append("cleared")
                shutil.rmtree(own_folder(tmp_path))
            original_replace(source, target)

        monkeypatch.setattr(os, "replace", replace)
    key = content_key("test", b"second")
    store.put(key, "second")
    assert calls == ["cleared"]
    assert store.folder is not None, "a folder removed meanwhile does not turn the cache off"
    assert Cache("plans", tmp_path).get(key) == "second"
    assert not [name for name in _files(tmp_path) if ".tmp-" in name]


FAILURES = {  # what goes wrong as an entry is written: what a later read of the entry gives
    "folder not made": None, "disk full": None, "rename fails": None, "removed twice": None,
    "cache removed while its bound is checked": None, "bound check fails": "second"}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_cache_put_never_raises_an_oserror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    monkeypatch.setattr(cache_module, "_bound_checked", True)
    monkeypatch.setenv("GAPCALC_CACHE_MAX_MB", "1")
    store = Cache("plans", tmp_path)
    store.put(content_key("test", b"first"), "first")  # the folders exist
    monkeypatch.setattr(cache_module, "_bound_checked", "bound" not in failure)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failure == "folder not made":
        def refuse(self: Path, *_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "mkdir", refuse)
    elif failure == "disk full":
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    elif failure == "rename fails":
        monkeypatch.setattr(os, "replace", fail)
    elif failure == "removed twice":
        original_mkstemp = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            shutil.rmtree(own_folder(tmp_path), ignore_errors=True)
            made: tuple[int, str] = original_mkstemp(*args, **kwargs)
            return made

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    elif failure == "cache removed while its bound is checked":
        _vanishing(monkeypatch, LEVELS["own folder"])
    else:
        monkeypatch.setattr(cache_module, "prune", fail)
    key = content_key("test", b"second")
    store.put(key, "second")  # no exception
    monkeypatch.undo()
    assert Cache("plans", tmp_path).get(key) == FAILURES[failure]
    assert not [name for name in _files(tmp_path) if ".tmp-" in name]


def test_cache_get_of_an_entry_removed_or_damaged_meanwhile_is_none(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (key,) = _filled(tmp_path, monkeypatch, 1)
    store = Cache("plans", tmp_path)
    entry = own_folder(tmp_path) / "plans" / key[:2] / key
    shutil.rmtree(entry.parent)
    assert store.get(key) is None
    entry.mkdir(parents=True)  # a folder where the entry was
    assert store.get(key) is None
    entry.rmdir()
    entry.write_bytes(b"gapcalc\0")  # cut short as it was read
    assert store.get(key) is None and not entry.exists()
    shutil.rmtree(own_folder(tmp_path))
    assert store.get(key) is None
    assert (store.hits, store.misses, store.discarded) == (0, 4, 1)


def test_cache_clear_counts_no_failure_for_an_entry_removed_meanwhile(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _filled(tmp_path, monkeypatch)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    original_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name in keys:  # another --clear was faster
            original_unlink(self)
        original_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = CliRunner().invoke(cli, ["cache", "--clear"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith(f"cache: {own_folder(tmp_path)}: removed 0 entries (")
    assert _files(tmp_path) == []


def test_cache_clear_does_not_call_an_entry_written_meanwhile_a_users_file(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _filled(tmp_path, monkeypatch, 1)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    original_rmdir = Path.rmdir
    written = content_key("test", b"meanwhile")
    written = keys[0][:2] + written[2:]  # in the same shard

    def rmdir(self: Path) -> None:
        if HEX2.fullmatch(self.name) and not (self / written).exists():  # a report writes an entry meanwhile
            Cache("plans", tmp_path).put(written, "meanwhile")
        original_rmdir(self)

    monkeypatch.setattr(Path, "rmdir", rmdir)
    result = CliRunner().invoke(cli, ["cache", "--clear"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert Cache("plans", tmp_path).get(written) == "meanwhile"


# -- the stress test: cache --clear and --prune beside report --all, in processes of their own ----------------------
CLEANUPS: tuple[tuple[str, ...], ...] = (("cache", "--clear"), ("cache", "--prune", "--days", "0"))
REPORT = ("report", "--all", "2021", "-f", "csv")
FILLER = 400
"""Entries of another kind put in the cache before each round: walks of a cache of some size take long enough to
meet the clean-ups (as in a cache used for a while)."""


def _environment(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GAPCALC_", "FORCE_COLOR", "NO_COLOR"))}
    environment.update(extra)
    return environment


def _start(args: tuple[str, ...], cwd: Path, environment: dict[str, str], out: IO[bytes] | None = None,
           err: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    """gapcalc in a process of its own, stdout and stderr to the files given (a report's output does not fit in a
    pipe left unread while it runs), else to pipes."""
    return subprocess.Popen([sys.executable, "-m", "gapcalc", *args], cwd=cwd, env=environment,
                            stdout=out or subprocess.PIPE, stderr=err or subprocess.PIPE)


def _round(number: int, workspace: Path, environment: dict[str, str], expected: tuple[bytes, bytes]) -> \
        tuple[int, list[str]]:
    """Two ``report --all`` runs at once, and ``cache --clear`` and ``cache --prune --days 0`` started again and
    again as long as a report runs; how many clean-ups ran, and what went wrong."""
    broken: list[str] = []
    outputs = [tempfile.TemporaryFile() for _ in range(4)]
    reports = [_start(REPORT, workspace, environment, outputs[2 * i], outputs[2 * i + 1]) for i in range(2)]
    cleaning: dict[tuple[str, ...], subprocess.Popen[bytes]] = {}
    cleaned = 0

    def finish(args: tuple[str, ...]) -> None:
        run = cleaning.pop(args)
        _, err = run.communicate(timeout=120)
        if (run.returncode, err) != (0, b""):
            broken.append(f"round {number}: {' '.join(args)} exit {run.returncode}: {err.decode()!r}")

    while any(run.poll() is None for run in reports):
        for args in CLEANUPS:
            if args in cleaning and cleaning[args].poll() is not None:
                finish(args)
            if args not in cleaning:
                cleaning[args] = _start(args, workspace, environment)
                cleaned += 1
        running = next((run for run in reports if run.poll() is None), None)
        with contextlib.suppress(subprocess.TimeoutExpired):
            if running is not None:
                running.wait(timeout=0.02)
    for args in list(cleaning):
        finish(args)
    for run, out, err in zip(reports, outputs[::2], outputs[1::2], strict=True):
        run.wait(timeout=120)
        printed = []
        for stream in (out, err):
            stream.seek(0)
            printed.append(stream.read())
            stream.close()
        if (run.returncode, *printed) != (0, *expected):
            broken.append(f"round {number}: report exit {run.returncode}: {printed[1].decode()[-300:]!r}")
    return cleaned, broken


def test_cache_clear_and_prune_during_report_all_stress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every round runs two ``report --all`` at once on one cache directory, with ``cache --clear`` and ``cache --prune
    --days 0`` running all the while: every report exits 0 with the output of a run without the cache (stdout and
    stderr), every clean-up exits 0 and says nothing on stderr."""
    rounds = int(os.environ.get(ROUNDS_ENV, "12"))
    workspace = tmp_path / "workspace"
    for folder in ("targets", "actuals"):
        shutil.copytree(REPO / folder, workspace / folder)
    uncached = subprocess.run([sys.executable, "-m", "gapcalc", *REPORT], cwd=workspace, capture_output=True,
                              env=_environment(GAPCALC_NO_CACHE="1"), check=False)
    assert uncached.returncode == 0 and uncached.stdout.count(b"\n") > 100, uncached.stderr
    cached = _environment(GAPCALC_CACHE_DIR=str(tmp_path / "cache"))
    cleaned, broken = 0, list[str]()
    monkeypatch.setattr(cache_module, "_bound_checked", True)
    filler = Cache("checks", tmp_path / "cache")
    for number in range(rounds):
        for index in range(FILLER):
            filler.put(content_key("filler", str(index).encode()), "x" * 100)
        done, wrong = _round(number, workspace, cached, (uncached.stdout, uncached.stderr))
        cleaned, broken = cleaned + done, broken + wrong
    print(f"{rounds} rounds: {2 * rounds} reports, {cleaned} clean-ups; {len(broken)} broken", *broken, sep="\n")
    assert broken == []
