"""Spreading per-file work that the cache cannot spare (parsing and validating changed files) over the CPU cores.

Worker processes are started with ``spawn`` (the same on every platform, and safe whatever threads the parent
runs) and only when enough files need the work to pay for their start (about a quarter of a second each). Results
come back in the order of the inputs. ``GAPCALC_JOBS`` sets the number of processes (``1``: no worker processes).
Only the command line starts worker processes; library calls compute in the calling process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pragma: no cover - concurrent.futures imports threading and queues: only when workers start
    from concurrent.futures import Executor

JOBS_ENV = "GAPCALC_JOBS"
MIN_FILES_PER_WORKER = 8
"""Fewer files than this per extra process are done in this process: starting a worker costs more."""
MAX_JOBS = 4

Item = TypeVar("Item")
Result = TypeVar("Result")


def jobs() -> int:
    """How many processes to use: ``$GAPCALC_JOBS``, else the CPU cores available (at most :data:`MAX_JOBS`)."""
    chosen = os.environ.get(JOBS_ENV, "")
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(available, MAX_JOBS))


class Pool:
    """Worker processes started on first use and shared by every call of :meth:`map`; close it when done.

    ``Pool()`` works in this process: library calls never start processes on their own. The command line uses
    :func:`cli_pool`, whose size is :func:`jobs`."""

    def __init__(self, size: int = 1) -> None:
        self.size = size
        self._executor: Executor | None = None

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        """``function`` over ``items``, in order; in worker processes when there are enough items."""
        if self.size < 2 or len(items) < 2 * MIN_FILES_PER_WORKER:
            return map(function, items)
        if self._executor is None:
            self._executor = start_workers(self.size)
        return self._executor.map(function, items, chunksize=max(1, len(items) // (4 * self.size)))

    def close(self) -> None:
        """Stop the worker processes (if any were started)."""
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def cli_pool() -> Pool:
    """The pool of the command line: :func:`jobs` processes, started only when enough files need work."""
    return Pool(jobs())


def start_workers(size: int) -> Executor:
    """``size`` worker processes, started with ``spawn``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"))
