"""Hostile input: each test names the fault it guards against and asserts exit code, message and location.

The per-file faults of target and actuals files are fixtures (``tests/fixtures/faults/cases.toml``,
``tests/fixtures/actuals/cases.toml``); this module covers the cache, output files, streams, signals, directories
and environment variables.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
import xml.dom.minidom
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli
from gapcalc.errors import GapcalcError
from gapcalc.infra import cache as cache_module
from gapcalc.infra.atomic import atomic_output, write_atomic, write_files
from gapcalc.infra.cache import Cache, clear, content_key
from gapcalc.usecases.open import load_compiled

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = FIXTURES / "demo"
REPO = Path(__file__).resolve().parent.parent


def gapcalc(*args: str, env: dict[str, str] | None = None, cwd: Path = DEMO,
            stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    """gapcalc in a process of its own (real streams, real signals)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GAPCALC_", "FORCE_COLOR", "NO_COLOR"))}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "gapcalc", *args], cwd=cwd, env=environment, capture_output=True,
                          check=False, input=stdin.encode() if stdin else None)


def copy_demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(DEMO, root)
    return root


# -- 1. cache --clear deletes only gapcalc's own entries -----------------------------------------------------------
def test_cache_clear_leaves_the_users_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_demo: Path) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "thesis.txt").write_text("mine")
    (home / "plans" / "ab").mkdir(parents=True)
    (home / "plans" / "ab" / "notes.txt").write_text("mine too")
    (home / "gapcalc-v2" / "mine").mkdir(parents=True)  # a user's file inside gapcalc's folder is still the user's
    (home / "gapcalc-v2" / "mine" / "x.txt").write_text("also mine")
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(home))
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "targets"]).exit_code == 0
    (home / "gapcalc-v2" / "checks" / "zz").mkdir(parents=True)
    (home / "gapcalc-v2" / "checks" / "zz" / "keep.me").write_text("a file gapcalc did not make")
    result = runner.invoke(cli, ["cache", "--clear"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"cache: {home / 'gapcalc-v2'}: removed 1 entry (")
    assert result.stderr == "cache: left 3 files that gapcalc did not make\n"
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()) == [
        "Documents/thesis.txt", "gapcalc-v2/CACHEDIR.TAG", "gapcalc-v2/checks/zz/keep.me", "gapcalc-v2/mine/x.txt",
        "plans/ab/notes.txt"]


def test_cache_clear_says_what_it_could_not_remove(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   in_demo: Path) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    runner = CliRunner()
    runner.invoke(cli, ["check", "targets"])

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    result = runner.invoke(cli, ["cache", "--clear"])
    assert result.exit_code == 2
    assert "removed 0 entries" in result.stdout
    assert result.stderr.startswith("cache: could not remove 1 entry: ") and "Permission denied" in result.stderr


# -- 7. entries are checksummed and keyed ---------------------------------------------------------------------------
def _one_entry(root: Path) -> Path:
    (entry,) = [p for p in root.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]
    return entry


def test_cache_flipped_bit_is_discarded_and_recomputed(tmp_path: Path) -> None:
    store = Cache("plans", tmp_path)
    first = load_compiled(DEMO / "targets" / "demo.toml", store)
    entry = _one_entry(tmp_path)
    data = bytearray(entry.read_bytes())
    data[-7] ^= 0x10
    entry.write_bytes(bytes(data))
    again = Cache("plans", tmp_path)
    assert load_compiled(DEMO / "targets" / "demo.toml", again) == first
    assert (again.discarded, again.misses) == (1, 1)
    assert Cache("plans", tmp_path).get(entry.name) is not None  # written afresh


def test_cache_entry_under_another_key_is_not_used(tmp_path: Path) -> None:
    store = Cache("plans", tmp_path)
    first, second = content_key("x", b"1"), content_key("x", b"2")
    store.put(first, ("findings of file one",))
    store.put(second, ("findings of file two",))
    one, two = (tmp_path / "gapcalc-v2" / "plans" / k[:2] / k for k in (first, second))
    data_one, data_two = one.read_bytes(), two.read_bytes()
    one.write_bytes(data_two)
    two.write_bytes(data_one)
    assert store.get(first) is None and store.get(second) is None
    assert store.discarded == 2


@pytest.mark.parametrize("content", [b"", b"\x00", os.urandom(64), b"gapcalc\x00\x02" + os.urandom(80)],
                         ids=["empty", "nul", "random", "header-then-random"])
def test_cache_random_bytes_give_a_fresh_result(tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch,
                                                in_demo: Path) -> None:
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path))
    runner = CliRunner()
    expected = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"]).stdout
    for entry in [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]:
        entry.write_bytes(content)
    result = runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    assert (result.exit_code, result.stdout) == (0, expected)


# -- 8. output files are replaced atomically -------------------------------------------------------------------------
def test_atomic_write_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new,表\n")
    assert target.read_text(encoding="utf-8") == "new,表\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_write_failure_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write("half of the new")
        raise RuntimeError("the writer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_atomic_write_to_a_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(GapcalcError, match="cannot write .*: No such file or directory") as caught:
        write_atomic(tmp_path / "nowhere" / "out.csv", b"x")
    assert caught.value.hint == "the directory does not exist: create it or choose another --output"


def test_a_set_of_files_is_written_whole(tmp_path: Path) -> None:
    old = tmp_path / "site" / "index.html"
    old.parent.mkdir()
    old.write_text("old")
    old.chmod(0o640)
    write_files({old: b"new", tmp_path / "site" / "en" / "a.html": "表".encode()}, parents=True)
    assert (old.read_text(), (tmp_path / "site" / "en" / "a.html").read_text(encoding="utf-8")) == ("new", "表")
    assert old.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.html", "en", "index.html", "site"]


def test_a_set_that_cannot_be_written_whole_names_nothing(tmp_path: Path) -> None:
    (tmp_path / "b.html").mkdir()  # the second file's name is a directory: the first is not published either
    with pytest.raises(GapcalcError, match="b.html"):
        write_files({tmp_path / "a.html": b"a", tmp_path / "b.html": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]


def test_an_exclusive_set_stops_at_a_taken_name_and_leaves_no_temporary(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("the user's")
    with pytest.raises(GapcalcError, match="already exists"):
        write_files({tmp_path / "a.html": b"a", tmp_path / "b.html": b"b", tmp_path / "c.html": b"c"},
                    exclusive=True)
    assert (tmp_path / "b.html").read_text() == "the user's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_a_set_larger_than_the_files_kept_open_is_written(tmp_path: Path) -> None:
    files = {tmp_path / f"{n}.html": str(n).encode() for n in range(300)}
    write_files(files)
    assert all(path.read_bytes() == data for path, data in files.items())
    assert len(list(tmp_path.iterdir())) == 300


def test_a_set_is_flushed_once_a_filesystem_where_the_system_can(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """One syncfs for the set's filesystem, not one fsync a file; where the system has no syncfs, each file is
    flushed by itself."""
    import gapcalc.infra.atomic as atomic

    calls: list[str] = []
    monkeypatch.setattr(atomic, "_syncfs", lambda: lambda handle: calls.append("syncfs") or 0)
    monkeypatch.setattr(atomic.os, "fsync", lambda handle: calls.append("fsync"))
    write_files({tmp_path / f"{n}.html": b"x" for n in range(5)} | {tmp_path / "en" / "a.html": b"y"}, parents=True)
    assert calls == ["syncfs"]
    calls.clear()
    monkeypatch.setattr(atomic, "_syncfs", lambda: None)
    write_files({tmp_path / f"{n}.txt": b"x" for n in range(3)})
    assert calls == ["fsync"] * 3


def test_a_set_whose_flush_fails_names_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes
    import errno as errors

    import gapcalc.infra.atomic as atomic

    def failing(handle: int) -> int:
        ctypes.set_errno(errors.EIO)
        return -1

    monkeypatch.setattr(atomic, "_syncfs", lambda: failing)
    with pytest.raises(GapcalcError, match="a.html"):
        write_files({tmp_path / "a.html": b"a", tmp_path / "b.html": b"b"})
    assert list(tmp_path.iterdir()) == []


def test_check_output_is_written_atomically(tmp_path: Path, in_demo: Path) -> None:
    out = tmp_path / "findings.json"
    out.write_text("previous")
    result = CliRunner().invoke(cli, ["check", "targets", "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert [f["code"] for f in json.loads(out.read_text(encoding="utf-8"))["findings"]] == ["GC201"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json"]


# -- 10. bounded memory -----------------------------------------------------------------------------------------------
def test_a_device_that_never_ends_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    result = gapcalc("report", "demo", "2019", "--actuals", "/dev/zero", "-f", "csv")
    assert result.returncode == 2
    assert result.stderr.decode() == ("gapcalc: error: /dev/zero: file is larger than the 64 MiB gapcalc reads\n"
                                      "  hint: split the file or check that it is the right one\n")


def test_findings_of_one_kind_are_listed_up_to_a_bound(in_demo: Path, tmp_path: Path) -> None:
    rows = "".join(f"unknown_{i},2019,{i}\n" for i in range(250))
    path = tmp_path / "demo.csv"
    path.write_text("indicator,year,value\n" + rows)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 101 and lines[0] == (f"{path}: GC320 warning: 150 more GC305 findings not listed — the first "
                                              "100 are listed; fix those and check again")
    assert "250 rows read, 0 used, 250 reported (250 unknown indicator)" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak RSS from getrusage in kilobytes (Linux)")
def test_checking_a_large_actuals_file_stays_within_bounded_memory(tmp_path: Path) -> None:
    rows = 300_000
    keys = ("nc_rate_key_processes", "enterprises_on_cloud", "unknown_indicator")
    with (tmp_path / "demo.csv").open("w", encoding="utf-8") as handle:
        handle.write("indicator,year,value,breakdown,source,note\n")
        for i in range(rows):
            handle.write(f"{keys[i % 3]},{2015 + i % 8},{i % 97}.5,,统计公报,\n")
    script = ("import resource, sys; from gapcalc.cli.main import main; sys.argv = ['gapcalc', 'check', sys.argv[1],"
              " '--plan', 'demo', '--targets-dir', sys.argv[2]]\n"
              "try:\n    main()\nexcept SystemExit as done:\n"
              "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, done.code, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "demo.csv"), str(DEMO / "targets")],
                            capture_output=True, check=False, env={**os.environ, "GAPCALC_NO_CACHE": "1"})
    peak_kb, code = result.stderr.decode().splitlines()[-1].split()
    assert code == "1"  # conflicting repeats and unknown indicators
    assert int(peak_kb) < 300 * 1024, f"peak RSS {int(peak_kb) // 1024} MB"
    assert result.stdout.count(b"\n") <= 4 * 101


# -- 11. an encoding without the symbols (GBK) -----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_gbk_stdout_degrades_for_people_and_never_alters_data(fmt: str, tmp_path: Path) -> None:
    """Tables and Markdown (for people) degrade symbols the console lacks; JSON escapes them (the data reads back
    the same); CSV cannot, so it stops with exit 2 and says why (third hostile round, finding 7)."""
    root = copy_demo(tmp_path)
    actuals = root / "actuals" / "demo.csv"
    text = actuals.read_text(encoding="utf-8")
    actuals.write_text(text.replace("Demo statistical bulletin 2019,", "Demo statistical bulletin 2019,统计局 ✓ 😀", 1),
                       encoding="utf-8")
    result = gapcalc("report", "demo", "2019", "-f", fmt, "--color", "never", cwd=root,
                     env={"PYTHONIOENCODING": "gbk"})
    out, err = result.stdout.decode("gbk"), result.stderr.decode("gbk")
    assert "Traceback" not in out + err
    if fmt == "csv":
        assert result.returncode == 2 and "cannot write the character" in err
        return
    assert result.returncode == 0, err
    if fmt == "json":
        assert "统计局 ✓ 😀" in [row["note"] for row in json.loads(out)]
    elif fmt == "markdown":
        assert "✓" not in out and "统计局 OK ?" in out
    else:
        assert "✓" not in out and "OK " in out


# -- 12. one bad file never takes down the files beside it ----------------------------------------------------------
def test_plans_lists_every_plan_beside_broken_files(tmp_path: Path) -> None:
    targets = tmp_path / "targets"
    targets.mkdir()
    shutil.copy(DEMO / "targets" / "demo.toml", targets)
    (targets / "folder.toml").mkdir()
    (targets / "binary.toml").write_bytes(b"\x00\x01\x02")
    (targets / "deep.toml").write_text("a = " + "[" * 30000 + "]" * 30000 + "\n")
    result = CliRunner().invoke(cli, ["plans", "--targets-dir", str(targets), "-f", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["binary", "deep", "demo", "folder"]
    assert ",unreadable: binary file (contains NUL bytes)," in lines[1]
    assert ",invalid: 1 errors," in lines[2]
    assert '"unreadable: is a directory, not a file"' in lines[4]


def test_a_deep_toml_file_does_not_stop_the_check_of_the_others(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_demo(tmp_path)
    (root / "targets" / "deep.toml").write_text("a = " + "{b = " * 20000 + "1" + "}" * 20000 + "\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "targets"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "targets/deep.toml:1:1: GC100 error: arrays or tables are nested too deeply to read — a target file nests a "
        "few levels at most; look for a run of [ or { brackets")
    assert result.stderr.endswith("checked 2 files: 1 error, 1 warning\n")


def test_an_undecodable_actuals_file_skips_only_its_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_demo(tmp_path)
    text = (root / "targets" / "demo.toml").read_text(encoding="utf-8")
    (root / "targets" / "other.toml").write_text(text.replace('id = "demo"', 'id = "other"', 1), encoding="utf-8")
    (root / "actuals" / "other.csv").write_bytes("indicator,year,value\n".encode("utf-16-le"))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["report", "--all", "2019", "-f", "csv"])
    assert result.exit_code == 0
    assert {line.split(",")[0] for line in result.stdout.splitlines()[1:]} == {"demo", "other"}
    assert ("actuals/other.csv: GC002 error: UTF-16 text (UTF-16-LE) without a byte-order mark — re-save the file as "
            "CSV UTF-8, or pass --encoding utf-16-le; its plan is reported without actuals\n") in result.stderr


# -- 13. Ctrl-C and a closed pipe -------------------------------------------------------------------------------------
def test_table_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    script = (f"{sys.executable} -m gapcalc report demo 2019 -f table --color never | head -c 10 > /dev/null; "
              "echo ${PIPESTATUS[0]}")
    result = subprocess.run(["bash", "-c", script], cwd=DEMO, capture_output=True, check=False,
                            env={**os.environ, "COLUMNS": "200"})
    assert result.stdout.decode().strip() == "0"
    assert result.stderr.decode() == "actuals/demo.csv: 7 rows read, 7 used\n"


def _blocked_writing_output(pid: int, stdout: IO[bytes]) -> bool:
    """``pid`` has written rows to ``stdout`` (a pipe left unread) and now waits in a write to the full pipe."""
    unread = struct.unpack("i", fcntl.ioctl(stdout.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
    try:
        waiting_in = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False
    return unread > 0 and waiting_in.endswith("pipe_write")


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="what a process waits in is read from /proc (Linux)")
def _sigint_as_on_a_terminal() -> None:
    """In the child, before gapcalc starts: SIGINT at its default. A shell without job control starts background
    jobs with SIGINT ignored, and gapcalc, like every program, keeps an ignored SIGINT ignored; the test runs gapcalc
    as a terminal would, whoever runs the test."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_roll_up_is_one_line_and_exit_130(tmp_path: Path) -> None:
    targets = tmp_path / "targets"
    targets.mkdir()
    shutil.copytree(DEMO / "docs", tmp_path / "docs")
    text = (DEMO / "targets" / "demo.toml").read_text(encoding="utf-8")
    for i in range(600):
        (targets / f"p{i:03d}.toml").write_text(text.replace('id = "demo"', f'id = "p{i:03d}"', 1), encoding="utf-8")
    environment = {**os.environ, "GAPCALC_NO_CACHE": "1", "GAPCALC_JOBS": "2"}
    process = subprocess.Popen([sys.executable, "-m", "gapcalc", "report", "--all", "2019", "-f", "csv"],
                               cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, preexec_fn=_sigint_as_on_a_terminal)
    # stdout is left unread: after the first batches of rows (megabytes of csv in all) the pipe is full and gapcalc
    # waits in a write to it, mid-roll-up, workers started, unable to finish: Ctrl-C comes then, not after a guessed
    # sleep (which could land before the roll-up starts, or after it ends).
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while not _blocked_writing_output(process.pid, process.stdout) and time.monotonic() < deadline \
            and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    lines = [line for line in err.decode().splitlines() if " 2019: " not in line]
    assert (process.returncode, lines) == (130, ["gapcalc: interrupted"])


# -- 14. input and output errors are exit 2 with a hint, never "internal error" -------------------------------------
@pytest.mark.parametrize(("args", "message", "hint"), [
    (["report", "demo", "2019", "-f", "csv", "-o", "/dev/full"],
     "cannot write /dev/full: No space left on device", "the disk is full: free some space or write elsewhere"),
    (["report", "demo", "2019", "-f", "csv", "-o", "/nonexistent/out.csv"],
     "cannot write /nonexistent/out.csv: No such file or directory",
     "the directory does not exist: create it or choose another --output"),
    (["report", "demo", "2019", "--actuals", "actuals/demo.csv", "--encoding", "rot13"],
     "unknown text encoding 'rot13'", "use e.g. utf-8, gb18030, utf-16"),
    (["report", "demo", "2019", "-f", "table", "-o", "/nonexistent/out.txt"],
     "cannot write /nonexistent/out.txt: No such file or directory",
     "the directory does not exist: create it or choose another --output"),
], ids=["full-disk", "missing-directory", "rot13", "table-to-missing-directory"])
def test_input_output_errors_are_usage_errors(args: list[str], message: str, hint: str) -> None:
    if args[-1] == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    result = gapcalc(*args)
    assert result.returncode == 2
    assert result.stderr.decode().endswith(f"gapcalc: error: {message}\n  hint: {hint}\n")


# -- 15. check DIR: what it reads, what it skips, and an empty directory -------------------------------------------
def test_check_dir_reads_upper_case_and_unicode_text_and_names_what_it_skips(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch,
                                                                             in_demo: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DEMO / "actuals" / "demo.csv", folder / "DEMO.CSV")
    (folder / "demo.txt").write_text("indicator\tyear\tvalue\nnc_rate_key_processes\t2019\t44\n", encoding="utf-8")
    (folder / "readme.txt").write_text("what these files are\n")
    (folder / "book.xlsx").write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(cli, ["check", str(folder), "--plan", "demo"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"{folder}: skipped book.xlsx, readme.txt (not a target .toml or an " \
                                            "actuals .csv/.tsv/.txt file)"
    assert result.stderr.endswith("checked 2 files: 0 errors, 0 warnings\n")


def test_check_of_an_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{tmp_path}: GC001 error: no target or actuals files in this directory — target files "
                             "end in .toml, actuals files in .csv; check the path\n")


def test_the_same_target_file_named_twice_is_checked_once(in_demo: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "targets/demo.toml", "targets/../targets/demo.toml", "targets"])
    assert result.exit_code == 0 and "GC123" not in result.stdout
    assert result.stdout.count("GC201") == 1
    assert result.stderr == "checked 1 file: 0 errors, 1 warning\n"


def test_a_missing_default_actuals_file_is_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_demo(tmp_path)
    (root / "actuals" / "demo.csv").unlink()
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["report", "demo", "2019", "-f", "csv"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "actuals/demo.csv: GC004 info: no actuals file: every actual is blank — write one with `gapcalc template "
        "demo YEAR -o actuals/demo.csv`, or pass --actuals FILE")


# -- 16. breakdown keys: one normalisation on both sides ------------------------------------------------------------
def test_a_full_width_breakdown_key_survives_template_and_check(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_demo(tmp_path)
    plan = root / "targets" / "demo.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('"national"', '"长虹（集团）"'), encoding="utf-8")
    monkeypatch.chdir(root)
    runner = CliRunner()
    assert runner.invoke(cli, ["template", "demo", "2020", "-o", "fill.csv"]).exit_code == 0
    text = Path("fill.csv").read_text(encoding="utf-8-sig")
    assert "green_factories,长虹（集团）,2020,," in text
    filled = text.replace("green_factories,长虹（集团）,2020,,", "green_factories,长虹(集团),2020,4,")
    Path("fill.csv").write_text(filled, encoding="utf-8-sig")
    result = runner.invoke(cli, ["check", "fill.csv"])
    assert result.exit_code == 0 and "GC306" not in result.stdout, result.output
    report = runner.invoke(cli, ["report", "demo", "2020", "--actuals", "fill.csv", "-f", "json"])
    row = next(r for r in json.loads(report.stdout) if r["breakdown"] == "长虹（集团）")
    assert row["actual"] == 4


# -- 17. XML and JSON output stay valid -----------------------------------------------------------------------------
def test_junit_output_is_valid_xml_with_control_characters(in_demo: Path) -> None:
    fixture = FIXTURES / "actuals" / "control_character.csv"
    result = CliRunner().invoke(cli, ["check", str(fixture), "--plan", "demo", "-f", "junit"])
    assert result.exit_code == 1
    document = xml.dom.minidom.parseString(result.stdout)
    (failure,) = document.getElementsByTagName("failure")
    assert failure.getAttribute("message") == "'4\\x074' is not a number"


# -- 18. colour, markdown, jobs ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["0", ""])
def test_force_color_zero_or_empty_is_no_colour(value: str) -> None:
    result = gapcalc("report", "demo", "2019", "-f", "table", env={"FORCE_COLOR": value, "COLUMNS": "200"})
    assert result.returncode == 0 and b"\x1b[" not in result.stdout


def test_force_color_one_is_colour() -> None:
    result = gapcalc("report", "demo", "2019", "-f", "table", env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.returncode == 0 and b"\x1b[" in result.stdout


def test_markdown_escapes_html_and_pipes() -> None:
    from gapcalc.render.markdown import render_markdown

    text = render_markdown([{"note": "<script>alert(1)</script> a|b & c"}], ["note"])
    assert text.splitlines()[2] == "| &lt;script&gt;alert(1)&lt;/script&gt; a\\|b &amp; c |"


def test_gapcalc_jobs_is_clamped_with_a_note(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from gapcalc.infra import pool

    monkeypatch.setenv("GAPCALC_JOBS", "100000")
    assert pool.jobs() == pool.MAX_JOBS_ALLOWED
    assert capsys.readouterr().err == "gapcalc: GAPCALC_JOBS=100000 is more than 32; using 32\n"
    monkeypatch.setenv("GAPCALC_JOBS", "lots")
    assert 1 <= pool.jobs() <= pool.MAX_JOBS
    assert capsys.readouterr().err == "gapcalc: GAPCALC_JOBS='lots' is not a positive number of processes; using the " \
                                      "default\n"


def test_cache_values_too_large_are_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", 100)
    store = Cache("actuals", tmp_path)
    store.put(content_key("x", b"big"), "x" * 1000)
    assert not (tmp_path / "gapcalc-v2" / "actuals").exists()


def test_clear_of_a_missing_directory_removes_nothing(tmp_path: Path) -> None:
    assert clear(tmp_path / "absent").removed == 0
