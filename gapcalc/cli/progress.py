"""A progress bar on stderr for long work (many files parsed afresh), only on a terminal: never in a pipe, a file,
CI logs or with ``--quiet``. rich's progress display is imported only when a bar is shown."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

from gapcalc.cli.common import is_quiet

MIN_ITEMS = 8
"""Fewer files than this are quick: no bar."""


def shows_progress() -> bool:
    """True when stderr is a terminal a person watches: not redirected, not CI, not ``TERM=dumb``, not quiet,
    not ``GAPCALC_PROGRESS=0``."""
    if os.environ.get("GAPCALC_PROGRESS", "") == "0" or os.environ.get("CI", "") not in ("", "0", "false"):
        return False
    if os.environ.get("TERM") == "dumb" or is_quiet():
        return False
    return sys.stderr.isatty()


class TerminalProgress:
    """A bar that appears once :data:`MIN_ITEMS` items are expected, and disappears when the work is done."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.total = 0
        self._bar: Any = None
        self._task: Any = None

    def expect(self, count: int) -> None:
        """``count`` more items will be done."""
        self.total += count
        if self._bar is None and self.total >= MIN_ITEMS:
            self._start()
        elif self._bar is not None:
            self._bar.update(self._task, total=self.total)

    def advance(self) -> None:
        """One more item is done."""
        if self._bar is not None:
            self._bar.advance(self._task)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=Console(file=sys.stderr), transient=True)
        self._task = self._bar.add_task(self.label, total=self.total)
        self._bar.start()

    def close(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[TerminalProgress | None]:
    """A :class:`TerminalProgress` labelled ``label`` when :func:`shows_progress`, else None."""
    if not shows_progress():
        yield None
        return
    progress = TerminalProgress(label)
    try:
        yield progress
    finally:
        progress.close()
