"""Reading observed values: long-format CSV files typed in Excel by busy people.

Columns ``indicator, year, value`` and optionally ``breakdown, source, source_title, quote, note`` (and the guide
columns of a template: ``name_zh, name_en, unit, plan``). Every cell is parsed explicitly so that every problem can
name ``file:row:column``; nothing is dropped without a finding, and the accounting (read / used / reported) says what
happened to every row.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from gapcalc.errors import Finding, finding
from gapcalc.plan.facts import PlanFacts
from gapcalc.workspace.textio import read_text

if TYPE_CHECKING:  # pragma: no cover - the model (pydantic) is imported only where a plan is validated
    from gapcalc.plan.model import PlanFile

REQUIRED_COLUMNS = ("indicator", "year", "value")
OPTIONAL_COLUMNS = ("breakdown", "source", "source_title", "quote", "note", "name_zh", "name_en", "unit", "plan",
                    "breakdown_name")
MISSING_MARKERS = frozenset({"", "-", "--", "—", "——", "…", "...", "……", "na", "n/a", "nan", "null", "none", "#n/a"})
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_ASCII_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_YEAR = re.compile(r"^(\d{4})(年)?$")
OUTSIDE_SLACK = 5


@dataclass(frozen=True)
class Actual:
    """One observed value."""

    indicator: str
    breakdown: str | None
    year: int
    value: Decimal
    source: str
    source_title: str
    note: str
    row: int


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
        parts = [f"{self.read} rows read", f"{self.used} used"]
        if self.missing:
            parts.append(f"{self.missing} missing value{'s' if self.missing != 1 else ''}")
        total = sum(self.reported.values())
        if total:
            reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.reported.items()))
            parts.append(f"{total} reported ({reasons})")
        return ", ".join(parts)


@dataclass
class ActualsFile:
    """The values of one actuals file, its findings and its accounting."""

    path: str
    values: list[Actual]
    findings: list[Finding]
    accounting: Accounting
    encoding: str = "utf-8"

    def summary(self) -> str:
        """``actuals/x.csv (read as gb18030): 12 rows read, …`` — the encoding is named unless it is UTF-8."""
        decoded = "" if self.encoding in ("utf-8", "utf-8-sig") else f" (read as {self.encoding})"
        return f"{self.path}{decoded}: {self.accounting.summary()}"


class CellError(ValueError):
    """A cell that is not a number; the message says what it is."""


def parse_number(cell: str, percent_allowed: bool) -> Decimal | None:
    """A number as typed in Excel: None for blanks and yearbook symbols, CellError for anything else not a number.

    Full-width digits and punctuation are folded (NFKC), surrounding spaces and NBSP stripped, ``1,234`` accepted
    only with proper thousands groups, and ``26%`` only where the indicator's unit is a percentage.
    """
    if _ASCII_NUMBER.fullmatch(cell):  # the common case, typed cleanly: no folding needed
        return Decimal(cell)
    text = unicodedata.normalize("NFKC", cell).strip()
    if text.lower() in MISSING_MARKERS:
        return None
    if text.endswith("%"):
        if not percent_allowed:
            raise CellError(f"'{cell}' has a percent sign but the indicator's unit is not %")
        text = text[:-1].strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN.match(text):
        raise CellError(f"'{cell}' is not a number")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise CellError(f"'{cell}' is not a number") from None


def parse_year(cell: str) -> int:
    """A four-digit year (``2019`` or ``2019年``)."""
    if len(cell) == 4 and cell.isdigit() and cell.isascii():
        return int(cell)
    match = _YEAR.match(unicodedata.normalize("NFKC", cell).strip())
    if not match:
        raise CellError(f"'{cell}' is not a year")
    return int(match.group(1))


def sniff_delimiter(text: str) -> str:
    """Tab for Excel's 'Unicode text' (tab-separated), else comma."""
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


class _Reader:
    """Parses the rows of one file against one plan, collecting findings and accounting."""

    def __init__(self, display: str, plan: PlanFacts | None) -> None:
        self.display = display
        self.plan = plan
        self.units: dict[str, str] = plan.units if plan else {}
        self.findings: list[Finding] = []
        self.accounting = Accounting()
        self.values: list[Actual] = []
        self.seen: dict[tuple[str, str | None, int], Actual] = {}

    def report(self, code: str, message: str, row: int, col: int, hint: str = "", reason: str = "") -> None:
        self.findings.append(finding(code, message, self.display, row, col, hint))
        if reason:
            self.accounting.reported[reason] += 1

    def header(self, names: list[str]) -> dict[str, int] | None:
        columns = {unicodedata.normalize("NFKC", n).strip().lstrip("\ufeff").lower(): i for i, n in enumerate(names)}
        for i, name in enumerate(columns):
            if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
                allowed = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
                self.report("GC301", f"unknown column '{name}'", 1, i + 1, f"columns are: {allowed}")
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            self.report("GC300", f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}", 1, 1,
                        "the first row must name the columns: indicator,year,value[,breakdown,source,note]")
            return None
        return columns

    def row(self, cells: list[str], line: int, columns: dict[str, int], width: int) -> None:
        self.accounting.read += 1
        if len(cells) != width:
            self.report("GC312", f"row has {len(cells)} cells, the header has {width}", line, 1,
                        "check for a stray delimiter or quote", reason="malformed")
            return
        get = {name: cells[index] for name, index in columns.items()}
        indicator_id = unicodedata.normalize("NFKC", get["indicator"]).strip()
        if not indicator_id:
            self.report("GC311", "empty indicator", line, columns["indicator"] + 1, "name the indicator id",
                        reason="malformed")
            return
        try:
            year = parse_year(get["year"])
        except CellError as exc:
            self.report("GC304", str(exc), line, columns["year"] + 1, "write the year as 2019", reason="malformed")
            return
        unit = self.units.get(indicator_id)
        if self.plan is not None and unit is None:
            known = ", ".join(sorted(self.units)[:8])
            self.report("GC305", f"unknown indicator '{indicator_id}'", line, columns["indicator"] + 1,
                        f"use an id from the plan (e.g. {known}…); see `gapcalc targets PLAN`",
                        reason="unknown indicator")
            return
        breakdown = unicodedata.normalize("NFKC", get.get("breakdown", "")).strip() or None
        if self.plan is not None and breakdown is not None and breakdown not in self.plan.breakdowns[indicator_id]:
            self.report("GC306", f"unknown breakdown '{breakdown}' for indicator '{indicator_id}'", line,
                        columns["breakdown"] + 1, "use a breakdown key declared in the target file",
                        reason="unknown breakdown")
            return
        if self.plan is not None:
            if not self.plan.base_year - OUTSIDE_SLACK <= year <= self.plan.period[1] + OUTSIDE_SLACK:
                self.report("GC307", f"year {year} is far outside the plan period {list(self.plan.period)}", line,
                            columns["year"] + 1, "check the year", reason="year outside plan")
                return
        percent = unit is None or "%" in unit
        try:
            value = parse_number(get["value"], percent)
        except CellError as exc:
            hint = ("type the number in the indicator's unit without %" if "percent" in str(exc)
                    else "type a number such as 26, 26.5 or 1,234; leave blank or — when there is no value")
            code = "GC303" if "percent" in str(exc) else "GC302"
            self.report(code, str(exc), line, columns["value"] + 1, hint, reason="bad value")
            return
        if value is None:
            self.accounting.missing += 1
            self.report("GC310", f"no value for {indicator_id} {year} ('{get['value'].strip()}')", line,
                        columns["value"] + 1)
            return
        self.add(Actual(indicator_id, breakdown, year, value, get.get("source", "").strip(),
                        get.get("source_title", "").strip(), get.get("note", "").strip(), line), columns)

    def add(self, actual: Actual, columns: dict[str, int]) -> None:
        key = (actual.indicator, actual.breakdown, actual.year)
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = actual
            self.values.append(actual)
            self.accounting.used += 1
            return
        label = f"{actual.indicator}{f' [{actual.breakdown}]' if actual.breakdown else ''} {actual.year}"
        if first.value == actual.value:
            self.report("GC309", f"{label} repeats row {first.row} with the same value", actual.row,
                        columns["value"] + 1, "delete one of the rows", reason="duplicate")
        else:
            self.report("GC308", f"{label}: row {first.row} says {first.value}, row {actual.row} says {actual.value}",
                        actual.row, columns["value"] + 1, "keep the right value and delete the other row",
                        reason="duplicate")


def parse_actuals(text: str, display: str, plan: PlanFile | PlanFacts | None) -> ActualsFile:
    """Parse the text of an actuals file against ``plan`` (None: no indicator checks)."""
    reader = _Reader(display, plan if plan is None or isinstance(plan, PlanFacts) else PlanFacts.of(plan))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        names = next(rows)
    except StopIteration:
        reader.report("GC300", "empty file", 1, 1, "the first row must name the columns: indicator,year,value")
        return ActualsFile(display, [], reader.findings, reader.accounting)
    columns = reader.header(names)
    if columns is None:
        return ActualsFile(display, [], reader.findings, reader.accounting)
    try:
        for cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            reader.row(cells, rows.line_num, columns, len(names))
    except csv.Error as exc:
        reader.report("GC312", f"unreadable CSV: {exc}", rows.line_num, 1, "check quotes in the row")
    return ActualsFile(display, reader.values, reader.findings, reader.accounting)


def load_actuals_file(path: Path, plan: PlanFile | PlanFacts | None, display: str | None = None,
                      encoding: str | None = None) -> ActualsFile:
    """Read and parse an actuals file (raises GapcalcError when it cannot be read or decoded)."""
    text, used = read_text(path, encoding)
    result = parse_actuals(text, display or str(path), plan)
    result.encoding = used
    return result


def observations(values: Iterable[Actual]) -> dict[tuple[str, str | None], dict[int, Actual]]:
    """Actuals indexed by ``(indicator, breakdown)`` then year."""
    index: dict[tuple[str, str | None], dict[int, Actual]] = {}
    for actual in values:
        index.setdefault((actual.indicator, actual.breakdown), {})[actual.year] = actual
    return index
