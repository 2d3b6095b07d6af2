"""Reading observed values: long-format CSV files typed in Excel by busy people.

Columns ``indicator, year, value`` and optionally ``breakdown, source, source_title, quote, note``, the shape of a
published figure (``measure, comparator, as_of``: see :mod:`gapcalc.actuals.shapes`; Chinese header names such as
比较符 and 截至 are accepted), what it measures when it only approximates the indicator (``scope``, 口径), the note in
English (``note_en``) and the guide columns of a template (``name_zh, name_en, unit, plan``). Every cell is parsed
explicitly so that every problem can name ``file:row:column``; nothing is dropped without a finding, and the
accounting (read / used / reported) says what happened to every row.
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gapcalc.actuals import shapes
from gapcalc.actuals.columns import SCOPE_COLUMNS, SHAPE_COLUMNS, VINTAGE_COLUMNS, Accounting
from gapcalc.errors import CODES, Finding, Severity, finding
from gapcalc.infra.textio import read_text
from gapcalc.messages import plural, t
from gapcalc.plan.facts import PlanFacts
from gapcalc.plan.keys import fold_width, normal_key

if TYPE_CHECKING:  # pragma: no cover - the model (pydantic) is imported only where a plan is validated
    from gapcalc.plan.model import PlanFile

REQUIRED_COLUMNS = ("indicator", "year", "value")
OPTIONAL_COLUMNS = ("breakdown", "source", "source_title", "quote", "note", "name_zh", "name_en", "unit", "plan",
                    "breakdown_name", *SHAPE_COLUMNS, *SCOPE_COLUMNS, *VINTAGE_COLUMNS)
MISSING_MARKERS = frozenset({"", "-", "--", "—", "——", "…", "...", "……", "na", "n/a", "nan", "null", "none", "#n/a"})
_PLAIN = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_ASCII_NUMBER = _PLAIN
_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_YEAR = re.compile(r"([0-9]{4})\s*(?:年)?")
_MARKER = re.compile(
    r"(?:\s*(?:[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]|[\u00b2\u00b3\u00b9\u2070-\u2079]+|\*+|[†‡§]+"
    r"|注\s*[0-9]*|\[[0-9]{1,2}\]|[(（][0-9]{1,2}[)）]))+$")
"""Footnote markers after a number: circled and parenthesised numbers, superscripts, asterisks, daggers, 注1, [1]."""
OUTSIDE_SLACK = 5
MAX_DIGITS = 40
"""More digits than this is no statistic (and 1e400 does not fit a float): refused with GC318."""
MAX_FINDINGS_PER_CODE = 100
"""Findings of one kind listed per file; the rest are counted (GC320), so memory stays bounded."""
MAX_QUOTED_CHARS = 10_000
MAX_QUOTED_LINES = 20
"""A quoted cell longer than this (characters, or line breaks) is a quote that was never closed."""


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
    measure: str = shapes.LEVEL
    comparator: str = "="
    as_of: str = ""
    scope: str = ""
    note_en: str = ""
    published: str = ""
    revision: str = ""

    @property
    def version(self) -> tuple[str, str, int]:
        """Where this row stands among the versions of its figure (:func:`gapcalc.actuals.shapes.version_order`)."""
        return shapes.version_order(self.year, self.as_of, self.published, self.revision)


@dataclass
class ActualsFile:
    """The values of one actuals file, its findings and its accounting."""

    path: str
    values: list[Actual]
    findings: list[Finding]
    accounting: Accounting
    encoding: str = "utf-8"
    lines: LineAccount | None = None

    def summary(self) -> str:
        """``actuals/x.csv (read as gb18030): 12 rows read, …`` — the encoding is named unless it is UTF-8."""
        decoded = "" if self.encoding in ("utf-8", "utf-8-sig") else t(" (read as {encoding})", encoding=self.encoding)
        return t("{path}{decoded}: {summary}", path=self.path, decoded=decoded, summary=self.accounting.summary())


class CellError(ValueError):
    """A cell that cannot be read as what its column holds; the message says what it is, ``code`` which finding."""

    def __init__(self, message: str, code: str = "GC302") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Number(NamedTuple):
    """A parsed value cell: the number (None for a blank or a yearbook symbol) and the footnote marker dropped."""

    value: Decimal | None
    marker: str = ""


def parse_number(cell: str, percent_allowed: bool) -> Number:
    """A number as typed in Excel — the one place value cells are read.

    Full-width digits and punctuation are folded (``２６．５％``), surrounding spaces and NBSP stripped, ``1,234``
    accepted only with proper thousands groups, and ``26%`` only where the indicator's unit is a percentage. A
    footnote marker after the number (``61.5①``, ``61.5²``, ``61.5*``, ``61.5注1``) is dropped and returned, so that
    the caller can say so; it never becomes a digit. A circled or superscript number alone (``⑩``) is not a number,
    and neither is a figure too large to compute with (``1e400``, hundreds of digits).
    """
    if _ASCII_NUMBER.fullmatch(cell):  # the common case, typed cleanly: no folding needed
        return Number(_bounded(Decimal(cell), cell))
    text = fold_width(cell).strip()
    if text.lower() in MISSING_MARKERS:
        return Number(None)
    marker = ""
    found = _MARKER.search(text)
    if found and found.start() > 0:
        marker, text = found.group().strip(), text[:found.start()].rstrip()
    if text.endswith("%"):
        if not percent_allowed:
            raise CellError(t("'{cell}' has a percent sign but the indicator's unit is not %", cell=cell), "GC303")
        text = text[:-1].strip()
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):
        raise CellError(t("'{cell}' is not a number", cell=cell))
    return Number(_bounded(Decimal(text), cell), marker)


def _bounded(value: Decimal, cell: str) -> Decimal:
    """``value``, unless it has more digits than any statistic or does not fit a float (JSON, the engine)."""
    if len(value.as_tuple().digits) > MAX_DIGITS or not math.isfinite(float(value)):
        raise CellError(t("'{cell}' is too large to be a figure", cell=cell[:40] + ("…" if len(cell) > 40 else "")),
                        "GC318")
    return value


def parse_year(cell: str) -> int:
    """A four-digit year (``2019`` or ``2019年``, full-width digits folded; never a circled or superscript digit)."""
    if len(cell) == 4 and cell.isdigit() and cell.isascii():
        return int(cell)
    match = _YEAR.fullmatch(fold_width(cell).strip())
    if not match:
        raise CellError(t("'{cell}' is not a year", cell=cell), "GC304")
    return int(match.group(1))


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first line: tab (Excel's 'Unicode text'), semicolon (Excel in locales with a decimal
    comma), else comma."""
    end = text.find("\n")
    first = text[: end if end >= 0 else 4096]
    counts = {delimiter: first.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _Lines:
    """The physical lines of a text (``\n``, ``\r\n`` or ``\r`` ended), fed to the CSV reader one at a time; it can
    go back to the line after one it has already given, so that a quote that never closes swallows nothing."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.count = 0
        self._ends = re.compile(r"\r\n|\r|\n") if "\r" in text else None

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.text):
            raise StopIteration
        start, end = self.pos, self._end_of(self.pos)
        self.pos = end
        self.count += 1
        return self.text[start:end]

    def _end_of(self, start: int) -> int:
        if self._ends is None:
            end = self.text.find("\n", start)
            return len(self.text) if end < 0 else end + 1
        found = self._ends.search(self.text, start)
        return len(self.text) if found is None else found.end()

    @property
    def done(self) -> bool:
        """Every line has been given."""
        return self.pos >= len(self.text)

    def restart_after(self, start: int, number: int) -> None:
        """Go back to the line after line ``number``, which starts at ``start``."""
        self.pos, self.count = self._end_of(start), number


@dataclass
class LineAccount:
    """Where every physical line of a file went: the header, blank lines, or a data row (of one or more lines)."""

    physical: int = 0
    header: int = 0
    blank: int = 0
    in_rows: int = 0


@dataclass
class _Record:
    """One CSV record: its cells and the lines it spans; ``problem`` when it could not be read as a row."""

    cells: list[str]
    first: int
    last: int
    problem: str = ""
    col: int = 1


class _Records:
    """The records of a text, each accounted to its lines. A quoted cell may hold line breaks (a note over several
    lines), but not one that never closes or runs on for pages, nor one that takes in lines that look like rows:
    that is a stray quote, reported on the line where it opened, and reading goes on with the next line."""

    def __init__(self, text: str, delimiter: str) -> None:
        self.lines = _Lines(text)
        self.delimiter = delimiter
        self.rows = csv.reader(self.lines, delimiter=delimiter)
        self.width = 0

    def __iter__(self) -> Iterator[_Record]:
        lines = self.lines
        while not lines.done:
            start, first = lines.pos, lines.count + 1
            try:
                cells = next(self.rows)
            except StopIteration:
                return
            except csv.Error as exc:
                yield self._broken(start, first, str(exc))
                continue
            if lines.count > first and self._stray_quote(start):
                yield self._broken(start, first, "")
                continue
            yield _Record(cells, first, lines.count)

    def _stray_quote(self, start: int) -> bool:
        raw = self.lines.text[start:self.lines.pos]
        if self.lines.done and raw.count('"') % 2:
            return True
        if self.width == 0 or len(raw) > MAX_QUOTED_CHARS or raw.count("\n") + raw.count("\r") > MAX_QUOTED_LINES:
            return True
        return any(len(_cells_of(line, self.delimiter)) >= max(self.width, 3) for line in raw.splitlines()[1:])

    def _broken(self, start: int, first: int, error: str) -> _Record:
        """A record that is not a row: the first line is reported, reading goes on with the next one."""
        text = self.lines.text
        self.lines.restart_after(start, first)
        line = text[start:self.lines.pos].rstrip("\r\n")
        opened = _cells_of(line, self.delimiter)
        if error and not ('"' in line and line.count('"') % 2):
            return _Record([], first, first, f"unreadable CSV: {error}", 1)
        return _Record([], first, first, "unclosed", max(len(opened), 1))


def _cells_of(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


class _Reader:
    """Parses the rows of one file against one plan, collecting findings and accounting."""

    def __init__(self, display: str, plan: PlanFacts | None, as_known_on: str = "") -> None:
        self.display = display
        self.plan = plan
        self.as_known_on = as_known_on
        self.units: dict[str, str] = plan.units if plan else {}
        self.findings: list[Finding] = []
        self.accounting = Accounting()
        self.values: list[Actual] = []
        self.seen: dict[tuple[str, str | None, int], Actual] = {}
        self.versions: dict[tuple[str, str | None, int], list[Actual]] = {}
        self.conflicts: set[tuple[tuple[str, str | None, int], tuple[str, str, int]]] = set()
        """(key, version) of figures given twice with different values: neither row is used."""
        self.per_code: Counter[str] = Counter()

    def report(self, code: str, message: str, row: int, col: int, hint: str = "", reason: str = "") -> None:
        if reason:
            self.accounting.reported[reason] += 1
        self.per_code[code] += 1
        if self.per_code[code] <= MAX_FINDINGS_PER_CODE:
            self.findings.append(finding(code, message, self.display, row, col, hint))

    def cut_notice(self) -> None:
        """One finding per kind whose list was cut, saying how many more there are."""
        for code, count in sorted(self.per_code.items()):
            if count > MAX_FINDINGS_PER_CODE and CODES[code][1] is not Severity.INFO:
                more = count - MAX_FINDINGS_PER_CODE
                self.findings.append(finding(
                    "GC320", t("{more} more {code} finding{s} not listed",
                               more=more, code=code, s=plural(more)), self.display,
                    hint=t("the first {limit} are listed; fix those and check again", limit=MAX_FINDINGS_PER_CODE)))

    def header(self, names: list[str]) -> dict[str, int] | None:
        keys = [column_name(n) for n in names]
        first_at: dict[str, int] = {}
        allowed = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
        twice = False
        for i, name in enumerate(keys):
            if name in first_at:
                self.report("GC315", t("column '{name}' appears twice: columns {first_at} and {i}",
                                       name=name, first_at=first_at[name] + 1, i=i + 1), 1,
                            i + 1, t("keep one of the two columns (Excel may have copied it); each column once"))
                twice = True
                continue
            first_at[name] = i
            if name not in allowed:
                self.report("GC301", t("unknown column '{name}'",
                                       name=name), 1, i + 1, t("columns are: {allowed}",
                                                                                          allowed=', '.join(allowed)))
        missing = [c for c in REQUIRED_COLUMNS if c not in first_at]
        if missing:
            self.report("GC300", t("missing column{s} {missing}",
                                   s=plural(len(missing)), missing=", ".join(missing)), 1, 1,
                        t("the first row must name the columns: indicator,year,value[,breakdown,source,note]"))
            return None
        return None if twice else first_at

    def row(self, cells: list[str], line: int, columns: dict[str, int], width: int) -> None:
        self.accounting.read += 1
        if len(cells) != width:
            self.report("GC312", t("row has {cells} cells, the header has {width}",
                                   cells=len(cells), width=width), line, 1,
                        t("check for a stray delimiter or quote"), reason="malformed")
            return
        get = {name: cells[index] for name, index in columns.items()}
        if not self._for_this_plan(get, line, columns):
            return
        self._draft_note(get, line, columns)
        indicator_id = normal_key(get["indicator"])
        if not indicator_id:
            self.report("GC311", t("empty indicator"), line, columns["indicator"] + 1, t("name the indicator id"),
                        reason="malformed")
            return
        try:
            year = parse_year(get["year"])
        except CellError as exc:
            self.report("GC304", exc.message, line, columns["year"] + 1, t("write the year as 2019"),
                        reason="malformed")
            return
        unit = self.units.get(indicator_id)
        if self.plan is not None and unit is None:
            self.report("GC305", t("unknown indicator '{indicator_id}'", indicator_id=indicator_id), line,
                        columns["indicator"] + 1,
                        t("{suggestion}see `gapcalc targets {id}` for the ids",
                          suggestion=did_you_mean(indicator_id, self.units), id=self.plan.id or "PLAN"),
                        reason="unknown indicator")
            return
        declared, breakdown = self._breakdown(get.get("breakdown", ""), indicator_id, line, columns)
        if not declared:
            return
        if self.plan is not None:
            if not self.plan.base_year - OUTSIDE_SLACK <= year <= self.plan.period[1] + OUTSIDE_SLACK:
                self.report("GC307", t("year {year} is far outside the plan period {period}",
                                       year=year, period=list(self.plan.period)), line,
                            columns["year"] + 1, t("check the year"), reason="year outside plan")
                return
        shape = self._shape(get, unit, year, line, columns)
        if shape is None:
            return
        vintage = self._vintage(get, line, columns)
        if vintage is None:
            return
        measure, comparator, as_of = shape
        cell, sign = shapes.signed_change(get["value"]) if measure != shapes.LEVEL else (get["value"], 1)
        percent = unit is None or "%" in unit or measure in (shapes.CHANGE_PCT, shapes.CHANGE_PCT_VS_BASE)
        value = self._value(cell, percent, indicator_id, year, line, columns["value"] + 1)
        if value is None:
            return
        self.add(Actual(indicator_id, breakdown, year, sign * value, get.get("source", "").strip(),
                        get.get("source_title", "").strip(), get.get("note", "").strip(), line, measure, comparator,
                        as_of, get.get("scope", "").strip(), get.get("note_en", "").strip(), *vintage), columns)

    def _vintage(self, get: dict[str, str], line: int, columns: dict[str, int]) -> tuple[str, str] | None:
        """(published, revision) of a row, or None when a cell names no date or release kind (reported)."""
        cells: dict[str, str] = {}
        hints = {"published": t("write the release date as 2024-08-09 (or leave it blank)"),
                 "revision": t("leave it blank, or write the release kind: 预计数, 快报, 初步数, 核实数 or 年鉴")}
        for column, parse in (("published", shapes.parse_date), ("revision", shapes.parse_revision)):
            try:
                cells[column] = parse(get.get(column, ""))
            except shapes.ShapeError as exc:
                self.report("GC321", exc.args[0], line, columns[column] + 1, hints[column], reason="bad shape")
                return None
        return cells["published"], cells["revision"]

    def _draft_note(self, get: dict[str, str], line: int, columns: dict[str, int]) -> None:
        """GC330: a row whose note begins ``draft:`` (written by a drafter, not reviewed yet); the row is read as
        any other."""
        note = get.get("note", "").strip()
        if note.startswith("draft:"):
            series = _series(normal_key(get["indicator"]), normal_key(get.get("breakdown", "")) or None)
            self.report("GC330", t("{series} {year}: row not reviewed: '{note}'", series=series,
                                   year=get["year"].strip(), note=note), line, columns["note"] + 1,
                        t("check the figure against its source, then remove `draft:` from the note"))

    def _shape(self, get: dict[str, str], unit: str | None, year: int, line: int,
               columns: dict[str, int]) -> tuple[str, str, str] | None:
        """(measure, comparator, as_of) of a row, or None when a cell names none, or the scope cell names a measure
        (reported)."""
        cells: dict[str, str] = {}
        for column, parse in (("measure", shapes.parse_measure), ("comparator", shapes.parse_comparator),
                              ("as_of", lambda cell: shapes.parse_as_of(cell, year))):
            try:
                cells[column] = parse(get.get(column, ""))
            except shapes.ShapeError as exc:
                self.report("GC321", exc.args[0], line, columns[column] + 1,
                            t("leave it blank for a level, exact, for the whole year"), reason="bad shape")
                return None
        measure, comparator, as_of = cells["measure"], cells["comparator"], cells["as_of"]
        named = shapes.measure_named(get.get("scope", ""))
        if named is not None:
            self.report("GC321", t("scope (口径) '{cell}' is a measure, not what the figure counts",
                                   cell=get["scope"].strip()), line, columns["scope"] + 1,
                        t("give {measure} in the measure column (计量方式); 口径 says what the figure counts where it "
                          "differs from the indicator, e.g. 全行业，规划为制造业领域", measure=named),
                        reason="bad shape")
            return None
        if measure == shapes.NEW and unit is not None and "%" in unit:
            self.report("GC324", t("'new' (additions) on a percentage indicator (unit {unit})", unit=unit), line,
                        columns["measure"] + 1, t("additions are for counts; give the level or a change_pct"),
                        reason="bad shape")
            return None
        return measure, comparator, as_of

    def _for_this_plan(self, get: dict[str, str], line: int, columns: dict[str, int]) -> bool:
        """False (and reported) when the row's ``plan`` cell names another plan than the one checked against."""
        named = normal_key(get.get("plan", ""))
        if not named or self.plan is None or not self.plan.id or named == self.plan.id:
            return True
        self.report("GC317", t("row is for plan '{named}', but this file is read for plan '{id}'",
                               named=named, id=self.plan.id), line,
                    columns["plan"] + 1, t("keep one plan per actuals file (split the file), or correct the plan cell"),
                    reason="other plan")
        return False

    def _breakdown(self, cell: str, indicator_id: str, line: int,
                   columns: dict[str, int]) -> tuple[bool, str | None]:
        """``(True, the declared key the cell names, or None for none)``; ``(False, None)`` when it names none."""
        typed = normal_key(cell)
        if not typed or self.plan is None:
            return True, typed or None
        key = self.plan.breakdown_key(indicator_id, typed)
        if key is None:
            declared = self.plan.breakdowns.get(indicator_id, frozenset())
            self.report("GC306", t("unknown breakdown '{typed}' for indicator '{indicator_id}'",
                                   typed=typed, indicator_id=indicator_id), line,
                        columns["breakdown"] + 1,
                        t("{suggestion}use a breakdown key declared in the target file ({declared})",
                          suggestion=did_you_mean(typed, declared), declared=", ".join(sorted(declared)))
                        if declared else t("{suggestion}the target file declares no breakdown for it",
                                           suggestion=did_you_mean(typed, declared)),
                        reason="unknown breakdown")
            return False, None
        return True, key

    def _value(self, cell: str, percent: bool, indicator_id: str, year: int, line: int,
               col: int) -> Decimal | None:
        """The value of a row, or None when it is missing or not a number (both reported)."""
        try:
            number = parse_number(cell, percent)
        except CellError as exc:
            hints = {"GC303": t("type the number in the indicator's unit without %"),
                     "GC318": t("type the figure in the indicator's unit, e.g. 1234.5")}
            self.report(exc.code, exc.message, line, col,
                        hints.get(exc.code, t("type a number such as 26, 26.5 or 1,234; leave blank or — when there "
                                              "is no value")), reason="bad value")
            return None
        if number.value is None:
            self.accounting.missing += 1
            self.report("GC310", t("no value for {indicator_id} {year} ('{strip}')",
                                   indicator_id=indicator_id, year=year, strip=cell.strip()), line, col)
            return None
        if number.marker:
            self.report("GC316", t("footnote marker '{marker}' after {value} was dropped",
                                   marker=number.marker, value=format(number.value, 'f')),
                        line, col, t("the number is read as typed; put the footnote in the note column"))
        return number.value

    def add(self, actual: Actual, columns: dict[str, int]) -> None:
        key = (actual.indicator, actual.breakdown, actual.year)
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = actual
            self.values.append(actual)
            self.accounting.used += 1
            return
        if first.version != actual.version:  # another version of the figure
            same = [v for v in self.versions.get(key, [first]) if v.version == actual.version]
            if not same:
                self.versions.setdefault(key, [first]).append(actual)
                self.values.append(actual)
                self.accounting.used += 1
                return
            first = same[0]
        label = f"{actual.indicator}{f' [{actual.breakdown}]' if actual.breakdown else ''} {actual.year}"
        if _same_figure(first, actual):
            self.report("GC309", t("{label} repeats row {row} with the same value", label=label, row=first.row),
                        actual.row, columns["value"] + 1, t("delete one of the rows"), reason="duplicate")
            return
        self.report("GC308", t("{label}: row {row} says {value}, row {row2} says {value2}; neither is used",
                               label=label, row=first.row, value=_shown(first), row2=actual.row,
                               value2=_shown(actual)), actual.row, columns["value"] + 1,
                    t("give each version its release date (published) or kind (revision), or delete the wrong row")
                    if key in self.versions or actual.published or actual.revision
                    else t("keep the right value and delete the other row"),
                    reason="conflicting duplicate")
        if (key, first.version) not in self.conflicts:  # the first row, counted used, is withdrawn too
            self.conflicts.add((key, first.version))
            self.accounting.used -= 1
            self.accounting.reported["conflicting duplicate"] += 1

    def finish(self, columns: dict[str, int]) -> None:
        """After the last row: withdraw conflicting rows, and place each key's figures on one scale — a figure that
        cannot be placed is reported and not used; a level an order of magnitude off the one before is flagged."""
        self.values[:] = [a for a in self.values
                          if ((a.indicator, a.breakdown, a.year), a.version) not in self.conflicts]
        self._choose_versions()
        if self.plan is None:
            return
        by_key: dict[tuple[str, str | None], list[Actual]] = {}
        for actual in self.values:
            by_key.setdefault((actual.indicator, actual.breakdown), []).append(actual)
        dropped: set[int] = set()
        for (indicator, breakdown), mine in by_key.items():
            if shapes.judged_on_rates((indicator, breakdown or "") in self.plan.rate_keys, [a.measure for a in mine]):
                continue  # growth rates against a growth target: nothing to place
            stated = self.plan.stated.get((indicator, breakdown or ""), {})
            figures = [shapes.Figure(a.year, a.value, a.measure, a.row) for a in mine]
            placed = shapes.place(stated, figures, self.plan.base_year)
            for figure in placed.unplaced:
                dropped.add(figure.row)
                self.accounting.used -= 1
                anchor = figure.year - 1 if figure.measure != shapes.CHANGE_PCT_VS_BASE else self.plan.base_year
                self.report("GC323", t("{series} {year}: {measure} {value} has no level to apply to (no figure for "
                                       "{anchor} and no stated level)", series=_series(indicator, breakdown),
                                       year=figure.year, measure=figure.measure, value=figure.value, anchor=anchor),
                            figure.row, columns["value"] + 1,
                            t("add the level (or the change) of that year, or give this figure as a level"),
                            reason="cannot be placed")
            if shapes.checks_jumps(self.units.get(indicator)):
                self._jumps(indicator, breakdown, stated, mine, columns)
        self.values[:] = [a for a in self.values if a.row not in dropped]

    def _choose_versions(self) -> None:
        """One figure per indicator, breakdown and year: of its versions known on ``as_known_on`` (all, without
        it), the latest (:func:`gapcalc.actuals.shapes.version_order`); the others are set aside and counted."""
        day = self.as_known_on
        known = [a for a in self.values if not day or shapes.known_on(a.published, a.year, a.as_of, day)]
        later = len(self.values) - len(known)
        latest: dict[tuple[str, str | None, int], Actual] = {}
        for actual in known:
            key = (actual.indicator, actual.breakdown, actual.year)
            if key not in latest or actual.version > latest[key].version:
                latest[key] = actual
        chosen = {id(a) for a in latest.values()}
        earlier = len(known) - len(chosen)
        self.values[:] = [a for a in self.values if id(a) in chosen]
        self.accounting.used -= later + earlier
        for reason, count in (("not yet published", later), ("earlier version", earlier)):
            if count:
                self.accounting.reported[reason] += count

    def _jumps(self, indicator: str, breakdown: str | None, stated: dict[int, Decimal], mine: list[Actual],
               columns: dict[str, int]) -> None:
        """Flag a level typed an order of magnitude off the level observed or stated before it."""
        levels = dict(stated)
        for actual in sorted(mine, key=lambda a: a.year):
            if actual.measure != shapes.LEVEL:
                continue
            before = [y for y in levels if y < actual.year]
            if before and shapes.jumps(levels[max(before)], actual.value):
                previous = max(before)
                self.report("GC322", t("{series} {year}: {value} is an order of magnitude off {previous_value} "
                                       "({previous})", series=_series(indicator, breakdown), year=actual.year,
                                       value=actual.value, previous_value=levels[previous], previous=previous),
                            actual.row, columns["value"] + 1,
                            t("a published change (下降4.04%) or a year's additions go in with measure = change_pct "
                              "or new; else check the unit"))
            levels[actual.year] = actual.value

    def broken(self, record: _Record, width: int) -> None:
        """A record that could not be read as a row: a stray quote, or a CSV error."""
        self.accounting.read += 1
        if record.problem == "unclosed":
            self.report("GC314", t("a quote opened on line {first} (column {col}) is not closed where its cell ends",
                                   first=record.first, col=record.col), record.first, record.col,
                        t("remove the stray \" or close it; the following lines are read as rows of their own"),
                        reason="malformed")
            return
        self.report("GC312", record.problem, record.first, 1, t("check quotes in the row"), reason="malformed")


def parse_actuals(text: str, display: str, plan: PlanFile | PlanFacts | None, as_known_on: str = "") -> ActualsFile:
    """Parse the text of an actuals file against ``plan`` (None: no indicator checks). With ``as_known_on``
    (``YYYY-MM-DD``), only the versions of figures known on that day are used."""
    reader = _Reader(display, plan if plan is None or isinstance(plan, PlanFacts) else PlanFacts.of(plan),
                     as_known_on)
    delimiter = sniff_delimiter(text)
    records = _Records(text, delimiter)
    lines = LineAccount()
    result = ActualsFile(display, reader.values, reader.findings, reader.accounting, lines=lines)
    columns: dict[str, int] | None = None
    width = 0
    for record in records:
        lines.physical = record.last
        if columns is None:
            lines.header += record.last - record.first + 1
            if record.problem or (record.last > record.first):
                reader.report("GC314", t("the header row has a quote that is not closed"), 1, record.col,
                              t("the first row names the columns, without quotes"))
                break
            if not any(cell.strip() for cell in record.cells):
                lines.header -= record.last - record.first + 1
                lines.blank += record.last - record.first + 1
                continue
            columns = reader.header(record.cells)
            if columns is None:
                break
            width = records.width = len(record.cells)
            if delimiter == ";":
                reader.report("GC319", t("the file is separated by semicolons (;), not commas"), 1, 1,
                              t("it is read with ';'; Excel writes this in locales with a decimal comma — save as CSV "
                                "UTF-8 (comma delimited) to be safe"))
            continue
        if record.problem:
            lines.in_rows += 1
            reader.broken(record, width)
            continue
        if not any(cell.strip() for cell in record.cells):
            lines.blank += record.last - record.first + 1
            continue
        lines.in_rows += record.last - record.first + 1
        reader.row(record.cells, record.first, columns, width)
    if columns is None and not reader.findings:
        reader.report("GC300", t("empty file"), 1, 1, t("the first row must name the columns: indicator,year,value"))
    if columns is None:
        del reader.values[:]
    else:
        reader.finish(columns)
    reader.cut_notice()
    lines.physical = max(lines.physical, records.lines.count)
    return result


def column_name(name: str) -> str:
    """The column a header cell names: its folded form, or the column a Chinese header name stands for."""
    key = normal_key(name).lstrip("\ufeff").lower()
    return shapes.COLUMN_ALIASES.get(key, key)


def did_you_mean(typed: str, known: Iterable[str]) -> str:
    """``did you mean 'x' or 'y'? `` for the ids ``typed`` begins, else the closest of ``known``, or ``""``."""
    close = _close_ids(typed, frozenset(known))
    return t("did you mean {choices}? ", choices=" / ".join(repr(c) for c in close)) if close else ""


@functools.lru_cache(maxsize=1024)
def _close_ids(typed: str, known: frozenset[str]) -> tuple[str, ...]:
    """The ids of ``known`` that ``typed`` begins (at most three), else the closest three: found once for each id
    typed (a file that repeats an unknown id on many rows asks for it on every one)."""
    ordered = sorted(known)
    return tuple([k for k in ordered if k.startswith(typed)][:3] or difflib.get_close_matches(typed, ordered, n=3,
                                                                                                cutoff=0.6))


def _series(indicator: str, breakdown: str | None) -> str:
    """``indicator`` or ``indicator [breakdown]``, as findings name a series."""
    return f"{indicator} [{breakdown}]" if breakdown else indicator


def _same_figure(first: Actual, second: Actual) -> bool:
    return (first.value, first.measure, first.comparator, first.as_of, first.published, first.revision) == (
        second.value, second.measure, second.comparator, second.as_of, second.published, second.revision)


def _shown(actual: Actual) -> str:
    """A figure as a message names it: ``4.04``, ``change_pct -4.04``, ``>= 20000``."""
    parts = [actual.measure] if actual.measure != shapes.LEVEL else []
    parts += [actual.comparator] if actual.comparator != "=" else []
    return " ".join([*parts, format(actual.value, "f")])


def load_actuals_file(path: Path, plan: PlanFile | PlanFacts | None, display: str | None = None,
                      encoding: str | None = None, as_known_on: str = "") -> ActualsFile:
    """Read and parse an actuals file (raises GapcalcError when it cannot be read or decoded)."""
    text, used = read_text(path, encoding)
    result = parse_actuals(text, display or str(path), plan, as_known_on)
    result.encoding = used
    return result
