"""One plan's actuals, and a batch of plans' actuals, as columns: what reading an actuals file gives the engine,
and what happened to every row read (:class:`Accounting`). Plain data: nothing here reads a file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from gapcalc.errors import from_plain, to_plain
from gapcalc.messages import Joined, plural, t

if TYPE_CHECKING:  # pragma: no cover - numpy is imported where a batch is joined (the roll-up), not to read a file
    import numpy as np

SHAPE_COLUMNS = ("measure", "comparator", "as_of")
"""The optional columns that say how a figure was published (:mod:`gapcalc.actuals.shapes`)."""
SCOPE_COLUMNS = ("scope", "note_en")
"""Optional free text: ``scope`` (口径), what the figure measures when it only approximates the plan's indicator
(blank when it is the indicator itself); ``note_en``, the note in English (``note`` is the Chinese one)."""
VINTAGE_COLUMNS = ("published", "revision")
"""Which version of a figure a row is: its release date (``published``, ``YYYY-MM-DD``) and kind (``revision``:
``estimate``, ``flash``, ``preliminary``, ``final``, ``yearbook``). Rows of one indicator and year that differ in
these (or in ``as_of``) are versions of one figure, not conflicting rows
(:func:`gapcalc.actuals.shapes.version_order`)."""
TEXT_COLUMNS = ("source", "source_title", "note", *SCOPE_COLUMNS)
"""Free-text columns, kept without surrounding spaces."""
ACTUAL_FIELDS = ("indicator", "breakdown", "year", "value", "source", "source_title", "note", *SHAPE_COLUMNS,
                 *SCOPE_COLUMNS, *VINTAGE_COLUMNS)
"""The columns of a batch of actuals; the shape columns hold ``""`` for a whole-year exact level, the scope columns
``""`` when not given."""

@dataclass
class Accounting:
    """What happened to every data row of an actuals file."""

    read: int = 0
    used: int = 0
    missing: int = 0
    reported: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Accounting) -> None:
        """Add another file's counts to these."""
        self.read += other.read
        self.used += other.used
        self.missing += other.missing
        self.reported.update(other.reported)

    def summary(self) -> str:
        """``12 rows read, 10 used, 1 missing value, 1 reported (1 unknown indicator)``."""
        missing = t(", {count} missing value{s}", count=self.missing, s=plural(self.missing)) if self.missing else ""
        faults = {reason: n for reason, n in self.reported.items() if reason not in VERSION_REASONS}
        total = sum(faults.values())
        reported = ""
        if total:
            reasons = [t("{count} {reason}", count=n, reason=REASONS.get(reason, reason))
                       for reason, n in sorted(faults.items())]
            reported = t(", {total} reported ({reasons})", total=total, reasons=Joined(reasons))
        aside = [t("{count} {reason}", count=self.reported[reason], reason=REASONS[reason])
                 for reason in VERSION_REASONS if self.reported.get(reason)]
        versions = t(", set aside: {reasons}", reasons=Joined(aside)) if aside else ""
        return t("{read} rows read, {used} used{missing}{reported}{versions}", read=self.read, used=self.used,
                 missing=missing, reported=reported, versions=versions)


VERSION_REASONS = ("earlier version", "not yet published")
"""Rows set aside that are not faults: a figure's earlier versions, and versions released after ``--as-known-on``."""

REASONS = {"bad value": t("bad value"), "earlier version": t("earlier version"),
           "not yet published": t("not yet published"), "duplicate": t("duplicate"), "malformed": t("malformed"),
           "other plan": t("other plan"), "unknown breakdown": t("unknown breakdown"),
           "unknown indicator": t("unknown indicator"), "year outside plan": t("year outside plan")}
"""Why a row was not used, as the accounting names it."""


@dataclass
class PlanActuals:
    """One plan's actuals as columns of text, with what reading them said: ``notes`` (findings worth a line in a
    roll-up, and the summary when there were any), ``findings`` (every finding, as text) and ``summary`` (the file,
    its encoding and its accounting); ``summary`` is empty when there was no file."""

    columns: Mapping[str, Sequence[Any]]
    accounting: Accounting
    notes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    summary: str = ""
    errors: int = 0
    """Findings of severity error: the commands that read these actuals exit 1 after their output."""

    @property
    def size(self) -> int:
        """Number of values."""
        return len(self.columns["indicator"])

    def as_data(self) -> tuple[Any, ...]:
        """The plain-data form that is cached."""
        counts = self.accounting
        cells: dict[str, str] = {}  # one object per distinct cell: marshal writes a repeat as a short reference
        return ({name: tuple(map(cells.setdefault, self.columns[name], self.columns[name])) for name in ACTUAL_FIELDS},
                (counts.read, counts.used, counts.missing, dict(counts.reported)), to_plain(self.notes),
                to_plain(self.findings), to_plain(self.summary), self.errors)

    @classmethod
    def from_data(cls, data: tuple[Any, ...]) -> PlanActuals:
        """Back from :meth:`as_data`."""
        columns, (read, used, missing, reported), notes, findings, summary, errors = data
        return cls(columns, Accounting(read, used, missing, Counter(reported)), from_plain(list(notes)),
                   from_plain(list(findings)), from_plain(summary), errors)


@dataclass
class BatchActuals:
    """The actuals of a batch of plans: one array per field, the plan of each row, and each plan's reading."""

    columns: dict[str, np.ndarray]
    plan_pos: np.ndarray
    plans: list[PlanActuals]


def batch_of(parts: list[PlanActuals]) -> BatchActuals:
    """Several plans' actuals joined into one array per field."""
    import numpy as np

    total = sum(p.size for p in parts)
    columns = {name: _joined([p.columns[name] for p in parts], total) for name in ACTUAL_FIELDS}
    columns["year"] = columns["year"].astype(np.int64) if total else np.zeros(0, dtype=np.int64)
    return BatchActuals(columns, np.repeat(np.arange(len(parts)), [p.size for p in parts]), parts)


def _joined(chunks: list[Sequence[str]], total: int) -> np.ndarray:
    """Cells of several plans as one object array; a column whose every cell is empty (as most optional columns
    are) is filled at once."""
    import numpy as np

    if not any(map(any, chunks)):
        return np.full(total, "", dtype=object)
    return objects(chain.from_iterable(chunks), total)


def objects(items: Any, size: int) -> np.ndarray:
    """An object array of ``size`` items from an iterable (strings stay Python strings)."""
    import numpy as np

    return np.fromiter(items, dtype=object, count=size)
