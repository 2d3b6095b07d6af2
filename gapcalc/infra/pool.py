"""Spreading per-file work that the cache cannot spare (parsing and validating changed files) over the CPU cores.

Worker processes are started with ``spawn`` (the same on every platform, and safe whatever threads the parent
runs) and only when enough files need the work to pay for their start (about a quarter of a second each). Every item
of a call is handed to the workers at once, and results come back in the order of the inputs as soon as each is
ready: the caller works on the first results while the workers do the rest. ``GAPCALC_JOBS`` sets the number of
processes (``1``: no worker processes; at most :data:`MAX_JOBS_ALLOWED`, with a note when more are asked for).
Only the command line starts worker processes; library calls compute in the calling process.

Ctrl-C and SIGTERM are for the parent alone: workers are spawned with both blocked (so that even their start-up
cannot print a traceback) and ignore them once started; in the parent a signal that comes while workers are spawned
waits, blocked, and is delivered as soon as they are — never lost. The parent, on KeyboardInterrupt (SIGTERM is turned
into one by the command line), cancels what has not started and waits for each worker to end the chunk it is on (a
few files). Workers are not killed: a killed worker makes ``concurrent.futures`` report a broken pool with a
traceback of its own. A worker never outlives its parent, however the parent ends (even by SIGKILL): a thread of the
worker waits for the parent to be gone and ends the worker then (:func:`_exit_with_parent`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:  # pragma: no cover - concurrent.futures imports threading and queues: only when workers start
    from concurrent.futures import Executor

JOBS_ENV = "GAPCALC_JOBS"
MIN_FILES_PER_WORKER = 8
"""Fewer files than this per extra process are done in this process: starting a worker costs more."""
MAX_JOBS = 4
MAX_JOBS_ALLOWED = 32
"""``GAPCALC_JOBS`` above this is clamped: each worker costs a Python process (about 60 MB)."""

Item = TypeVar("Item")
Result = TypeVar("Result")


def jobs() -> int:
    """How many processes to use: ``$GAPCALC_JOBS`` (at most :data:`MAX_JOBS_ALLOWED`), else the CPU cores
    available (at most :data:`MAX_JOBS`). A value that is not a positive number is ignored, with a note."""
    chosen = os.environ.get(JOBS_ENV, "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        if int(chosen) > MAX_JOBS_ALLOWED:
            _note(f"{JOBS_ENV}={chosen} is more than {MAX_JOBS_ALLOWED}; using {MAX_JOBS_ALLOWED}")
            return MAX_JOBS_ALLOWED
        return int(chosen)
    if chosen:
        _note(f"{JOBS_ENV}={chosen[:20]!r} is not a positive number of processes; using the default")
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(available, MAX_JOBS))


class Pool:
    """Worker processes started on first use and shared by every call of :meth:`map`; close it when done.

    ``Pool()`` works in this process: library calls never start processes on their own. The command line uses
    :func:`cli_pool`, whose size is :func:`jobs`."""

    def __init__(self, size: int = 1, progress: Progress | None = None) -> None:
        self.size = size
        self.progress = progress
        self._executor: Executor | None = None

    def map(self, function: Callable[[Item], Result], items: Sequence[Item], chunk: int = 0) -> Iterator[Result]:
        """``function`` over ``items``, in order; in worker processes when there are enough items, every item handed
        over now and each result given as soon as it and those before it are done (in this process: each item when
        its result is asked for). ``chunk``: items a worker takes at a time (default: a quarter of its share; a
        caller that works on results as they come asks for small chunks, so that the first come soon). Each item
        done is told to ``progress`` (when given)."""
        results = self._map(function, items, chunk)
        if self.progress is None or not items:
            return results
        return _told(results, len(items), self.progress)

    def _map(self, function: Callable[[Item], Result], items: Sequence[Item], chunk: int) -> Iterator[Result]:
        if self.size < 2 or len(items) < 2 * MIN_FILES_PER_WORKER:
            return map(function, items)
        if self._executor is None:
            self._executor = start_workers(self.size)
        with _sigint_blocked():  # processes are spawned as the items are submitted
            return self._executor.map(function, items, chunksize=chunk or max(1, len(items) // (4 * self.size)))

    def close(self) -> None:
        """Stop the worker processes (if any were started): what has not started is cancelled, and each worker ends
        after the chunk it is on (a few files; after a Ctrl-C too). Waiting for them lets the pool's own thread end
        cleanly: one left running makes the interpreter's exit print a traceback (Python 3.13)."""
        if self._executor is None:
            return
        executor, self._executor = self._executor, None
        executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close()


class Progress(Protocol):
    """What the command line shows of long work: ``expect(n)`` more items to do, ``advance()`` one done."""

    def expect(self, count: int) -> None:
        """``count`` more items will be done."""

    def advance(self) -> None:
        """One more item is done."""


def told(items: Sequence[Item], progress: Progress | None) -> Iterator[Item]:
    """``items`` one by one; each is told to ``progress`` (when given) once the caller is done with it."""
    if progress is None:
        yield from items
        return
    progress.expect(len(items))
    for item in items:
        yield item
        progress.advance()


def _told(results: Iterator[Result], count: int, progress: Progress) -> Iterator[Result]:
    progress.expect(count)
    for result in results:
        progress.advance()
        yield result


_notes_given: set[str] = set()


def _note(message: str) -> None:
    if message not in _notes_given:
        _notes_given.add(message)
        print(f"gapcalc: {message}", file=sys.stderr)


_HELD_SIGNALS = ("SIGINT", "SIGTERM")
"""The signals meant for the parent alone: blocked while workers are spawned, ignored by the workers."""
PARENT_POLL_SECONDS = 0.5
"""How often a worker looks whether its parent is still there, where it cannot wait for the parent to end."""


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM blocked while worker processes are spawned: they inherit the blocked signals (the parent's
    Ctrl-C or SIGTERM is held until they ignore it), and a signal sent to the parent meanwhile is pending, delivered
    when the block ends. Where signals cannot be blocked (no ``pthread_sigmask``), nothing changes."""
    import signal  # only when workers start

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {getattr(signal, name) for name in _HELD_SIGNALS})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _quiet_worker(collection: tuple[int, ...] = ()) -> None:
    """Worker start-up: Ctrl-C and SIGTERM belong to the parent. Ignoring them drops one that is pending (blocked
    since the worker was spawned); then they are unblocked. The worker ends when its parent does. ``collection``:
    the parent's thresholds of the garbage collector (:func:`gc.get_threshold`), which the worker takes — the command
    line collects less often than Python's default, and parsing plans allocates as much in a worker (≈ 6 % of a
    worker's time at the default)."""
    import gc
    import signal

    if collection:
        gc.set_threshold(*collection)

    held = {getattr(signal, name) for name in _HELD_SIGNALS}
    for number in held:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)
    _watch_parent()


def _watch_parent() -> None:
    """Start a daemon thread that ends this worker as soon as its parent is gone."""
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    pid = parent.pid if parent is not None and parent.pid is not None else os.getppid()
    sentinel = parent.sentinel if parent is not None else None
    threading.Thread(target=_exit_with_parent, args=(pid, sentinel), name="gapcalc-parent-watch", daemon=True).start()


def _exit_with_parent(parent_pid: int, sentinel: int | None) -> None:
    """Wait until the parent process is gone, then end this process at once (``os._exit``: no clean-up of a pool
    whose parent is dead). ``sentinel`` (multiprocessing's pipe from the parent, closed by the kernel whenever the
    parent ends, even by SIGKILL) is waited on; without it, the parent's pid is polled: a worker whose parent died
    is adopted by another process."""
    if sentinel is not None:
        from multiprocessing.connection import wait

        try:
            wait([sentinel])
        except OSError:  # pragma: no cover - a sentinel that cannot be waited on: poll instead
            pass
        else:
            os._exit(1)
    import time

    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def cli_pool(progress: Progress | None = None) -> Pool:
    """The pool of the command line: :func:`jobs` processes, started only when enough files need work; the work
    done is told to ``progress``."""
    return Pool(jobs(), progress)


def start_workers(size: int) -> Executor:
    """``size`` worker processes, started with ``spawn``, collecting garbage as this process does."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"), initializer=_quiet_worker,
                               initargs=(gc.get_threshold(),))
