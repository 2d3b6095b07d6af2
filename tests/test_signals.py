"""Finding 21: SIGTERM unwinds a run as Ctrl-C does — the temporary output file is removed, the worker processes are
stopped, one line "gapcalc: terminated", exit 143 — and worker processes never outlive their parent, even one killed
by SIGKILL.

The runs are cold roll-ups of many plans with two worker processes; the signal is sent once the workers run and the
output has begun (read from /proc, never after a guessed sleep).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gapcalc.cli import main as cli_main
from gapcalc.infra.atomic import atomic_output

DEMO = Path(__file__).resolve().parent / "fixtures" / "demo"
PLANS = 2000
"""Enough plans for a cold roll-up of a few seconds with two workers."""
LINUX_PROC = Path("/proc/self/task").is_dir() and Path("/proc/self/stat").is_file()
needs_proc = pytest.mark.skipif(not LINUX_PROC, reason="child processes are read from /proc (Linux)")


@pytest.fixture(scope="module")
def many_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many-plans")
    (root / "targets").mkdir()
    shutil.copytree(DEMO / "docs", root / "docs")
    text = (DEMO / "targets" / "demo.toml").read_text(encoding="utf-8")
    for i in range(PLANS):
        (root / "targets" / f"p{i:04d}.toml").write_text(text.replace('id = "demo"', f'id = "p{i:04d}"', 1),
                                                         encoding="utf-8")
    return root


def _stat(pid: int) -> tuple[str, int] | None:
    """State and start time of process ``pid``, or None when there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[19])


def _children(pid: int) -> dict[int, int]:
    """The child processes of ``pid`` (of any of its threads), with their start times."""
    found: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            listed = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, listed):
            stat = _stat(child)
            if stat is not None:
                found[child] = stat[1]
    return found


def _alive(processes: dict[int, int]) -> list[int]:
    """Those of ``processes`` (pid: start time) still running (a zombie has ended; a new process with a reused pid
    is another process)."""
    return [pid for pid, started in processes.items()
            if (stat := _stat(pid)) is not None and stat[1] == started and stat[0] not in ("Z", "X")]


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _temporaries(root: Path) -> list[Path]:
    return sorted(root.glob(".out.csv.*.tmp"))


@pytest.fixture()
def roll_up(many_plans: Path, tmp_path: Path) -> Iterator[Callable[[], tuple[subprocess.Popen[bytes], dict[int, int]]]]:
    """Start a cold ``report --all 2021 -o out.csv`` (two workers) and wait until it is busy: its workers and
    multiprocessing's resource tracker run and rows are being written to the temporary output file. Gives the
    process and its children; whatever is left of them is killed at the end of the test."""
    started: list[tuple[subprocess.Popen[bytes], dict[int, int]]] = []
    for stale in [*_temporaries(many_plans), many_plans / "out.csv"]:
        stale.unlink(missing_ok=True)

    def start() -> tuple[subprocess.Popen[bytes], dict[int, int]]:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("GAPCALC_")}
        environment.update(GAPCALC_NO_CACHE="1", GAPCALC_JOBS="2")
        with (tmp_path / "stderr").open("wb") as err:
            process = subprocess.Popen([sys.executable, "-m", "gapcalc", "report", "--all", "2021", "-o", "out.csv"],
                                       cwd=many_plans, env=environment, stdout=subprocess.DEVNULL, stderr=err,
                                       start_new_session=True)
        children: dict[int, int] = {}

        def busy() -> bool:
            children.update(_children(process.pid))
            written = any(path.stat().st_size > 0 for path in _temporaries(many_plans) if path.exists())
            return process.poll() is not None or (len(children) >= 3 and written)

        started.append((process, children))
        assert _wait_for(busy, 60) and process.poll() is None, "the roll-up ended before it could be signalled"
        children.update(_children(process.pid))
        return process, children

    yield start
    for process, children in started:  # nothing is left behind, whatever the test found
        for pid in ([process.pid] if process.poll() is None else []) + _alive(children):
            os.kill(pid, signal.SIGKILL)
        process.wait(timeout=30)


@needs_proc
@pytest.mark.parametrize("to", ["process", "process group"])
def test_sigterm_during_a_roll_up_removes_the_temporary_file_and_stops_the_workers(
        roll_up: Callable[[], tuple[subprocess.Popen[bytes], dict[int, int]]], many_plans: Path, tmp_path: Path,
        to: str) -> None:
    process, children = roll_up()
    if to == "process":
        process.send_signal(signal.SIGTERM)
    else:  # as `timeout` and service managers do
        os.killpg(process.pid, signal.SIGTERM)
    assert process.wait(timeout=60) == 143
    err = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert "Traceback" not in err and err.splitlines()[-1] == "gapcalc: terminated"
    assert err.count("gapcalc: terminated") == 1
    assert _temporaries(many_plans) == [] and not (many_plans / "out.csv").exists()
    assert _wait_for(lambda: not _alive(children), 10), f"left running: {_alive(children)} of {sorted(children)}"


@needs_proc
def test_workers_end_when_their_parent_is_killed(roll_up: Callable[[], tuple[subprocess.Popen[bytes],
                                                                               dict[int, int]]]) -> None:
    process, children = roll_up()
    process.kill()
    assert process.wait(timeout=30) == -signal.SIGKILL
    assert _wait_for(lambda: not _alive(children), 5), f"left running: {_alive(children)} of {sorted(children)}"


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="no SIGTERM")
def test_a_signal_as_the_temporary_file_is_made_leaves_no_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The instant between making the temporary file and knowing its name: a SIGTERM then is handled once the clean-up
    knows the file."""
    import tempfile

    making = tempfile.mkstemp

    def mkstemp_then_sigterm(*args: object, **kwargs: object) -> tuple[int, str]:
        made: tuple[int, str] = making(*args, **kwargs)  # type: ignore[call-overload]
        signal.raise_signal(signal.SIGTERM)
        return made

    previous = signal.signal(signal.SIGTERM, cli_main._on_sigterm)
    monkeypatch.setattr(cli_main, "_terminating", False)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_sigterm)
    try:
        with pytest.raises(cli_main.Terminated), atomic_output(tmp_path / "out.csv") as stream:
            stream.write("never")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert sorted(tmp_path.iterdir()) == []


def test_sigterm_is_said_in_one_line_and_exits_143(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    with pytest.raises(SystemExit) as leaving:
        cli_main.terminated()
    assert (leaving.value.code, capsys.readouterr().err) == (143, "gapcalc: 已终止\n")
