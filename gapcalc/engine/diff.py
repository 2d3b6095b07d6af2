"""What changed between two reports of the same plans: figures added, revised or removed, statuses and outlooks that
changed, and rows only one report has. Pure: it is given the rows; nothing here reads a file.

Rows are report rows (dicts keyed by the report's columns, :data:`gapcalc.engine.contracts.ALL_COLUMNS`), their
cells text as a CSV gives them or values as the engine or a JSON file gives them; a blank cell is ``""`` or None.
They are matched by plan, indicator, breakdown and year. Figures are compared as exact decimals, so ``2.80`` is no
revision of ``2.8``, and the change of a revised figure is exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext
from typing import Any

from gapcalc.engine.contracts import exact_text

DIFF_COLUMNS = ("change", "plan", "indicator", "breakdown", "year", "name_zh", "name_en", "field", "old", "new",
                "delta", "delta_pct")
"""The columns of ``gapcalc diff``, in this order: one row per change."""
CHANGE_KINDS = ("added", "revised", "removed", "status", "outlook", "warning", "row_added", "row_removed")
"""What a change is: a figure added, revised or removed; a status or outlook changed; a row only in the new report
(an indicator the plan gained) or only in the old one."""
FIGURE_FIELDS = ("actual", "actual_comparator", "actual_year", "as_of")
"""The cells that make a figure: a revision is a change of any of them (one change per cell that differs)."""
PCT_PLACES = Decimal("0.0001")
"""A relative change is rounded to 4 decimal places, as every percentage gapcalc computes."""

Key = tuple[str, str, str, str]
"""(plan, indicator, breakdown, year) as text: what matches a row of one report with a row of the other."""


@dataclass(frozen=True)
class Change:
    """One change, for one row: what kind, in which cell, from what to what, and by how much (for a figure)."""

    change: str
    plan: str
    indicator: str
    breakdown: str
    year: str
    name_zh: str
    name_en: str
    field: str = ""
    old: str = ""
    new: str = ""
    delta: Decimal | None = None
    delta_pct: Decimal | None = None
    breakdown_zh: str = ""
    breakdown_en: str = ""

    @property
    def key(self) -> Key:
        """The row changed."""
        return self.plan, self.indicator, self.breakdown, self.year

    def row(self) -> dict[str, Any]:
        """The change as a row of :data:`DIFF_COLUMNS`: blank cells None, the year an int."""
        values = {name: getattr(self, name) for name in DIFF_COLUMNS}
        values["year"] = int(self.year) if self.year.isdigit() else self.year or None
        return {name: None if value == "" else value for name, value in values.items()}


@dataclass(frozen=True)
class Counts:
    """How many of each change: figures (a revised figure counts once, whatever cells changed), statuses,
    outlooks and rows."""

    added: int = 0
    revised: int = 0
    removed: int = 0
    status: int = 0
    outlook: int = 0
    warning: int = 0
    """In-year warning levels that changed (a figure of part of the year, :mod:`gapcalc.engine.pace`)."""
    rows_added: int = 0
    rows_removed: int = 0


@dataclass(frozen=True)
class Diff:
    """Every change between two reports, in the order of the new report's rows (rows removed last)."""

    changes: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the two reports differ."""
        return bool(self.changes)

    def of_kind(self, kind: str) -> list[Change]:
        """The changes of one kind (:data:`CHANGE_KINDS`), in order."""
        return [change for change in self.changes if change.change == kind]

    def counts(self) -> Counts:
        """How many of each change."""
        def rows(kind: str) -> int:
            return len({change.key for change in self.of_kind(kind)})

        return Counts(rows("added"), rows("revised"), rows("removed"), rows("status"), rows("outlook"),
                      rows("warning"), rows("row_added"), rows("row_removed"))

    def rows(self) -> list[dict[str, Any]]:
        """The changes as rows of :data:`DIFF_COLUMNS`."""
        return [change.row() for change in self.changes]


def diff_reports(old_rows: Iterable[Mapping[str, Any]], new_rows: Iterable[Mapping[str, Any]]) -> Diff:
    """What changed from the report ``old_rows`` to the report ``new_rows``."""
    old, new = _by_key(old_rows), _by_key(new_rows)
    changes: list[Change] = []
    for key, row in new.items():
        before = old.get(key)
        changes.extend(_row_changes(before, row) if before is not None else [_change("row_added", row)])
    changes.extend(_change("row_removed", row) for key, row in old.items() if key not in new)
    return Diff(tuple(changes))


def cell(row: Mapping[str, Any], column: str) -> str:
    """A cell as text, every digit kept (:func:`~gapcalc.engine.contracts.exact_text`), a text without the spaces
    around it."""
    return exact_text(row.get(column)).strip()


def _by_key(rows: Iterable[Mapping[str, Any]]) -> dict[Key, Mapping[str, Any]]:
    """The rows by their key; a key given twice keeps its first row."""
    keyed: dict[Key, Mapping[str, Any]] = {}
    for row in rows:
        keyed.setdefault(_key(row), row)
    return keyed


def _key(row: Mapping[str, Any]) -> Key:
    return cell(row, "plan"), cell(row, "indicator"), cell(row, "breakdown"), cell(row, "year")


def _change(kind: str, row: Mapping[str, Any], field: str = "", old: str = "", new: str = "",
            delta: Decimal | None = None, delta_pct: Decimal | None = None) -> Change:
    plan, indicator, breakdown, year = _key(row)
    return Change(kind, plan, indicator, breakdown, year, cell(row, "name_zh"), cell(row, "name_en"), field, old,
                  new, delta, delta_pct, cell(row, "breakdown_zh"), cell(row, "breakdown_en"))


def _row_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """The changes of one row present in both reports: its figure, then its status, its outlook and its in-year
    warning level."""
    changes = _figure_changes(old, new)
    for column in ("status", "outlook", "warning"):
        before, after = cell(old, column), cell(new, column)
        if before != after:
            changes.append(_change(column, new, column, before, after))
    return changes


def _figure_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    before, after = cell(old, "actual"), cell(new, "actual")
    if not before and not after:
        return []
    if not before:
        return [_change("added", new, "actual", "", after)]
    if not after:
        return [_change("removed", old, "actual", before, "")]
    return [_revision(new, column, cell(old, column), cell(new, column)) for column in FIGURE_FIELDS
            if not _same(column, cell(old, column), cell(new, column))]


def _revision(row: Mapping[str, Any], column: str, before: str, after: str) -> Change:
    """A cell of a figure revised; a revised value says by how much."""
    if column != "actual":
        return _change("revised", row, column, before, after)
    delta, delta_pct = change_of(before, after)
    return _change("revised", row, column, before, after, delta, delta_pct)


def _same(column: str, before: str, after: str) -> bool:
    """Whether two cells say the same: values as numbers (``2.80`` is ``2.8``), other cells as text."""
    if column == "actual":
        first, second = number(before), number(after)
        if first is not None and second is not None:
            return first == second
    return before == after


def number(text: str) -> Decimal | None:
    """The exact number of a cell, or None when it holds none."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def change_of(before: str, after: str) -> tuple[Decimal | None, Decimal | None]:
    """``after − before``, exact, and that change as a percentage of ``|before|`` to 4 places (None when ``before``
    is zero, or either is not a number)."""
    first, second = number(before), number(after)
    if first is None or second is None:
        return None, None
    with localcontext() as context:
        context.prec = 60
        delta = second - first
        pct = None if first == 0 else _plain((delta / abs(first) * 100).quantize(PCT_PLACES, ROUND_HALF_EVEN))
    return delta, pct


def _plain(value: Decimal) -> Decimal:
    """``-3.4500`` → ``-3.45``, ``10.0000`` → ``10``, ``-0.0000`` → ``0``: a rounded number without the zeros its
    rounding added."""
    if value == 0:
        return Decimal(0)
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
