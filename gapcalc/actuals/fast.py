"""Reading the actuals of a batch of plans into columns, checked column-wise.

A clean file (the common case: ids, years and plain numbers typed verbatim, every figure a whole-year level) is read
by the C CSV reader and checked a whole column at a time — one regular expression over a joined column, set
operations for ids and repeats — so it costs no Python work per row. A file that fails any check is read again row
by row by :func:`gapcalc.actuals.parse.parse_actuals`, which names every problem with its row and column; both give
the same values.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gapcalc.actuals.columns import (
    ACTUAL_FIELDS,
    SHAPE_COLUMNS,
    TEXT_COLUMNS,
    VINTAGE_COLUMNS,
    Accounting,
    PlanActuals,
)
from gapcalc.actuals.parse import (
    OPTIONAL_COLUMNS,
    OUTSIDE_SLACK,
    REQUIRED_COLUMNS,
    Actual,
    column_name,
    parse_actuals,
    sniff_delimiter,
)
from gapcalc.actuals.shapes import JUMP_FACTOR, LEVEL, checks_jumps, measure_named
from gapcalc.errors import FindingLine, GapcalcError, Severity, finding
from gapcalc.infra.cache import Cache, content_key
from gapcalc.infra.paths import display_path
from gapcalc.infra.textio import decode, read_bytes
from gapcalc.messages import Trimmed, t
from gapcalc.plan.compiled import CompiledPlan

STRIPPED_FIELDS = TEXT_COLUMNS
"""Free-text columns, kept without surrounding spaces (as the row-by-row reader keeps them)."""
_NUMBERS = re.compile(r"(?:-?(?:0|[1-9][0-9]{0,20})(?:\.[0-9]{1,12})?\n)*-?(?:0|[1-9][0-9]{0,20})(?:\.[0-9]{1,12})?")
"""A column of plain numbers, one per line, each of which prints back unchanged as a Decimal."""
_YEARS = re.compile(r"(?:[0-9]{4}\n)*[0-9]{4}")
_KNOWN_COLUMNS = frozenset(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
LAYOUT = 6
"""Version of a cached actuals reading; part of its key."""
FAST_PATH_BYTES = 8 * 1024 * 1024
"""Files larger than this are read row by row: the column-wise reader holds every row at once."""


def _columns_of(text: str) -> dict[str, tuple[str, ...]] | None:
    """The columns of a well-formed file, read by the C CSV reader; None when it needs a closer look (a semicolon
    file, a repeated column, ragged rows, or a quoted cell over several lines: the row-by-row reader accounts for
    every line of those)."""
    delimiter = sniff_delimiter(text)
    if delimiter == ";":
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return None
    if not rows or len(rows) != _physical_lines(text):
        return None
    index = {column_name(n): i for i, n in enumerate(rows[0])}
    if len(index) != len(rows[0]) or not set(index) <= _KNOWN_COLUMNS:
        return None
    if any(c not in index for c in REQUIRED_COLUMNS):
        return None
    data = rows[1:]
    if data and set(map(len, data)) != {len(rows[0])}:
        return None
    columns = list(zip(*data, strict=True)) if data else [()] * len(rows[0])
    empty = ("",) * len(data)
    return {name: columns[index[name]] if name in index else empty for name in (*ACTUAL_FIELDS, "plan")}


def _physical_lines(text: str) -> int:
    """Lines of a text ended by ``\n``, ``\r\n`` or ``\r`` (the last one may have no end)."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and text[-1] not in "\r\n" else 0)


def _verbatim_keys(plan: CompiledPlan) -> set[tuple[str, str]]:
    """(indicator, breakdown cell) pairs that need no folding: ids, and breakdown keys that NFKC leaves as they are."""
    return {(indicator, breakdown) for indicator, keys in plan.breakdowns.items() for breakdown in ("", *keys)
            if unicodedata.normalize("NFKC", breakdown).strip() == breakdown}


def plainly_valid(columns: dict[str, tuple[str, ...]], plan: CompiledPlan) -> bool:
    """Whether every row is valid as typed: known ids and breakdown keys verbatim, four-digit years within the plan's
    range, plain numbers, whole-year exact levels (no shape cell, no scope that names a measure), no repeated
    indicator/breakdown/year."""
    years, values = columns["year"], columns["value"]
    if not years:
        return True
    if not set(columns.get("plan", ())) <= {"", plan.id}:
        return False
    if not (_YEARS.fullmatch("\n".join(years)) and _NUMBERS.fullmatch("\n".join(values))):
        return False
    if int(min(years)) < plan.base_year - OUTSIDE_SLACK or int(max(years)) > plan.period[1] + OUTSIDE_SLACK:
        return False
    if not set(zip(columns["indicator"], columns["breakdown"], strict=True)) <= _verbatim_keys(plan):
        return False
    if any(any(cells) for cells in (columns[name] for name in (*SHAPE_COLUMNS, *VINTAGE_COLUMNS))):
        return False
    if any(measure_named(cell) for cell in set(columns["scope"])):
        return False
    return len(set(zip(columns["indicator"], columns["breakdown"], years, strict=True))) == len(years) and (
        not _may_jump(columns, plan))


def _may_jump(columns: dict[str, tuple[str, ...]], plan: CompiledPlan) -> bool:
    """Whether some key's levels (with the plan's stated ones) span an order of magnitude: the row-by-row reader
    then says which row, if any, jumps."""
    texts: dict[tuple[str, str], list[str]] = {}
    for key, value in zip(zip(columns["indicator"], columns["breakdown"], strict=True), columns["value"],
                          strict=True):
        texts.setdefault(key, []).append(value)
    spans = {key: [float(value) for value in values] for key, values in texts.items()
             if checks_jumps(plan.units.get(key[0]))}
    if not spans:
        return False
    for key, stated in plan.facts.stated.items():
        if key in spans:
            spans[key] += [float(v) for v in stated.values()]
    factor = float(JUMP_FACTOR)
    return any(max(v) >= factor * min(v) > 0 or (min(v) == 0 < max(v)) for v in spans.values() if len(v) > 1)


def _row_by_row(text: str, display: str, plan: CompiledPlan, encoding: str, as_known_on: str = "") -> PlanActuals:
    """A file that failed a column check (or is read as known on a day), parsed row by row: every problem is named
    with its row and column."""
    parsed = parse_actuals(text, display, plan.facts, as_known_on)
    parsed.encoding = encoding
    notes: list[str] = [FindingLine(f) for f in parsed.findings if f.severity is not Severity.INFO]
    if parsed.findings:
        notes.append(parsed.summary())
    return PlanActuals(columns_of_values(parsed.values), parsed.accounting, notes,
                       [FindingLine(f) for f in parsed.findings], parsed.summary(),
                       sum(f.severity is Severity.ERROR for f in parsed.findings))


def columns_of_values(values: Sequence[Actual]) -> dict[str, Sequence[Any]]:
    """Parsed values as the text columns a clean file gives."""
    return {
        "indicator": [a.indicator for a in values], "breakdown": [a.breakdown or "" for a in values],
        "year": [str(a.year) for a in values], "value": [format(a.value, "f") for a in values],
        "source": [a.source for a in values], "source_title": [a.source_title for a in values],
        "note": [a.note for a in values],
        "measure": ["" if a.measure == LEVEL else a.measure for a in values],
        "comparator": ["" if a.comparator == "=" else a.comparator for a in values],
        "as_of": [a.as_of for a in values],
        "scope": [a.scope for a in values], "note_en": [a.note_en for a in values],
        "published": [a.published for a in values], "revision": [a.revision for a in values],
    }


def read_plan_actuals(plan: CompiledPlan, path: Path, cache: Cache | None = None, encoding: str | None = None,
                      required: bool = False, shown: str | None = None, as_known_on: str = "") -> PlanActuals:
    """One plan's actuals file at ``path`` (a missing file is an empty set unless ``required``), from the cache when
    neither it nor the plan has changed. ``encoding`` forces the encoding (else it is detected); ``shown`` is how
    messages name the file (``-`` for standard input saved to a temporary file), else its display path;
    ``as_known_on`` (``YYYY-MM-DD``) keeps the versions of figures known on that day."""
    if not required and not path.exists():
        shown = display_path(path)
        missing = finding("GC004", t("no actuals file: every actual is blank"), shown,
                          hint=t("write one with `gapcalc template {id} YEAR -o {shown}`, or pass --actuals FILE",
                                 id=plan.id, shown=shown))
        return PlanActuals(dict.fromkeys(ACTUAL_FIELDS, ()), Accounting(), findings=[FindingLine(missing)])
    display = shown or display_path(path)
    try:
        data = read_bytes(path)
        key = content_key(f"actuals-{LAYOUT}", data, plan.key.encode(), display.encode(), (encoding or "").encode(),
                          as_known_on.encode())
        cached = cache.get(key) if cache is not None and plan.key else None
        if cached is not None:
            return PlanActuals.from_data(cached)
        text, used = decode(data, Path(display), encoding)
    except GapcalcError as error:  # this plan is reported without actuals; the other plans are not affected
        if required:
            raise
        note = t("{path}: GC002 error: {problem}; its plan is reported without actuals", path=display,
                 problem=Trimmed(error.text(), str(path)))
        return PlanActuals(dict.fromkeys(ACTUAL_FIELDS, ()), Accounting(), [note], [note])
    del data
    columns = _columns_of(text) if len(text) <= FAST_PATH_BYTES and not as_known_on else None
    if columns is not None and plainly_valid(columns, plan):
        size = len(columns["indicator"])
        counts = Accounting(read=size, used=size)
        decoded = "" if used in ("utf-8", "utf-8-sig") else t(" (read as {encoding})", encoding=used)
        kept = {name: tuple(map(str.strip, columns[name])) if name in STRIPPED_FIELDS else columns[name]
                for name in ACTUAL_FIELDS}
        read = PlanActuals(kept, counts,
                           summary=t("{path}{decoded}: {summary}", path=display, decoded=decoded,
                                     summary=counts.summary()))
    else:
        read = _row_by_row(text, display, plan, used, as_known_on)
    if cache is not None and plan.key:
        cache.put(key, read.as_data())
    return read
