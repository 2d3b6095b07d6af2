"""Draft actuals rows from published statistics texts: the plan opened, each document read
(:mod:`gapcalc.draft.read`) and its figures read (:mod:`gapcalc.draft.actuals_text`), one figure kept per indicator,
breakdown and year, and the rows printed as CSV or appended to an actuals file — never rewriting a row it has, never
writing one that conflicts with it — with each document's text saved beside the file so that every quote can be
checked.

The command line (``gapcalc draft-actuals``) is a thin layer over :func:`draft_actuals`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcalc.actuals import shapes
from gapcalc.actuals.columns import VINTAGE_COLUMNS
from gapcalc.actuals.parse import CellError, column_name, parse_number, parse_year, sniff_delimiter
from gapcalc.draft.actuals_text import PlanContext, PlanIndicator, Reading, Refusal, Row, choose, plain_value, read_text
from gapcalc.draft.bounds import TooLarge, check_text
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.infra.paths import default_actuals_path, display_path
from gapcalc.infra.textio import decode, read_bytes
from gapcalc.messages import t
from gapcalc.plan.keys import normal_key

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.draft.document import SourceDocument
    from gapcalc.plan.model import PlanFile

COLUMNS = ("indicator", "year", "value", "breakdown", "source", "source_title", "note", "measure", "comparator",
           "as_of", "scope", "note_en", "published", "revision")
"""The columns of a new actuals file, in the order of actuals/README.md."""
_NOT_NUMBERS = frozenset({"qualitative", "-", ""})
"""Units of indicators no figure measures (a qualitative target; one of unit ``-`` states no number)."""
_STOCK_KINDS = ("level", "cumulative", "baseline")


@dataclass(frozen=True)
class Drafted:
    """A row drafted from one document, with what it is written as."""

    row: Row
    document: str
    source: str
    source_title: str

    def cells(self) -> dict[str, str]:
        """The row's cells by column."""
        row = self.row
        return {"indicator": row.indicator, "year": str(row.year), "value": plain_value(row.value),
                "breakdown": row.breakdown, "source": self.source, "source_title": self.source_title,
                "note": row.note, "measure": row.measure, "comparator": row.comparator, "as_of": row.as_of,
                "scope": row.scope, "note_en": "", "published": _release_date(row.published),
                "revision": shapes.REVISION_WORDS[row.revision][1] if row.revision else ""}

    @property
    def version(self) -> tuple[str, str, str]:
        """(as_of, published, revision) of the row: what tells it from another version of its figure."""
        cells = self.cells()
        return self.row.as_of, cells["published"], self.row.revision


def _release_date(date: str) -> str:
    """A document's date as the ``published`` cell writes it (``2024-08-09``), or blank when it is no date."""
    try:
        return shapes.parse_date(date)
    except shapes.ShapeError:
        return ""


@dataclass(frozen=True)
class Existing:
    """A row the actuals file has: its line and figure."""

    line: int
    indicator: str
    breakdown: str
    year: int
    value: Decimal | None
    measure: str
    comparator: str
    as_of: str
    published: str = ""
    revision: str = ""

    @property
    def version(self) -> tuple[str, str, str]:
        """(as_of, published, revision) of the row."""
        return self.as_of, self.published, self.revision


@dataclass
class DraftActualsResult:
    """What a run drafted, wrote and left out, and the review list of each document."""

    rows: list[Drafted] = field(default_factory=list)
    written: list[Drafted] = field(default_factory=list)
    identical: list[tuple[Drafted, Existing]] = field(default_factory=list)
    conflicts: list[tuple[Drafted, Existing]] = field(default_factory=list)
    missing_columns: list[tuple[Drafted, list[str]]] = field(default_factory=list)
    refused: list[tuple[str, Refusal]] = field(default_factory=list)
    saved: list[tuple[Path, bool]] = field(default_factory=list)
    output: Path | None = None
    created: bool = False
    csv_text: str = ""
    warnings: list[str] = field(default_factory=list)


CONTEXT_LAYOUT = 1
"""The layout of a plan context's cache entry (:func:`context_data`): a new layout names new entries."""


def open_context(plan_id: str, directory: Path) -> PlanContext:
    """What reading a statistics text needs of the plan ``plan_id`` of ``directory`` (:func:`context_of`): from the
    cache when its target file is unchanged (found without reading it, by the cache's file index: the plan model is
    not loaded), else from the validated plan, which is then kept. A plan with errors raises the GapcalcError of
    :func:`~gapcalc.usecases.open.open_plan`."""
    from gapcalc.infra.cache import Cache, cache_dir, content_key
    from gapcalc.infra.paths import plan_path, targets_dir
    from gapcalc.infra.textio import MAX_TARGET_BYTES
    from gapcalc.usecases.open import open_plan_file

    path = plan_path(targets_dir(str(directory)), plan_id)
    cache = Cache("contexts", cache_dir())
    digest, _ = cache.file_digest(path, lambda: read_bytes(path, MAX_TARGET_BYTES), MAX_TARGET_BYTES)
    key = content_key(f"context-{CONTEXT_LAYOUT}", digest.encode(), path.name.encode())
    found = cache.get(key)
    if found is not None:
        return context_from_data(found)
    context = context_of(open_plan_file(path).plan)
    cache.put(key, context_data(context))
    return context


def context_data(context: PlanContext) -> tuple[object, ...]:
    """A plan context as plain data (its levels as their decimal texts), for the cache."""
    return (context.id, context.region_zh, context.admin_level, context.period, context.base_year,
            tuple((i.id, i.name_zh, i.unit, i.breakdowns, tuple(sorted(i.kinds)), tuple(map(str, i.levels)))
                  for i in context.indicators))


def context_from_data(data: tuple[Any, ...]) -> PlanContext:
    """Back from :func:`context_data`."""
    plan_id, region_zh, admin_level, period, base_year, indicators = data
    return PlanContext(plan_id, region_zh, admin_level, tuple(period), base_year,
                       tuple(PlanIndicator(indicator_id, name_zh, unit, tuple(map(tuple, breakdowns)),
                                           frozenset(kinds), tuple(map(Decimal, levels)))
                             for indicator_id, name_zh, unit, breakdowns, kinds, levels in indicators))


def context_of(plan: PlanFile) -> PlanContext:
    """What reading a statistics text needs of a validated plan file: its region, level, period and numeric
    indicators."""
    header = plan.plan
    indicators = []
    for indicator in plan.indicators:
        kinds = frozenset(series.kind for series in indicator.series)
        if indicator.unit in _NOT_NUMBERS:
            continue
        levels = tuple(Decimal(str(value.value)) for series in indicator.series if series.kind in _STOCK_KINDS
                       for value in series.values if value.value is not None)
        indicators.append(PlanIndicator(indicator.id, indicator.name_zh, indicator.unit,
                                        tuple((b.key, b.name_zh) for b in indicator.breakdowns), kinds, levels))
    return PlanContext(header.id, header.region_zh, header.admin_level, (header.period[0], header.period[1]),
                       header.base_year, tuple(indicators))


def read_documents(paths: Sequence[Path], stdin: bytes | None = None) -> list[tuple[Path, SourceDocument]]:
    """Each document read (text, HTML, Word, PDF; ``-``: ``stdin``, given once)."""
    from gapcalc.draft.read import read_bytes as read_document_bytes
    from gapcalc.draft.read import read_document

    if sum(1 for path in paths if str(path) == "-") > 1:
        raise GapcalcError(t("standard input (-) is given more than once"), t("give - once, and files for the rest"))
    found = []
    for path in paths:
        if str(path) == "-":
            from gapcalc.infra.textio import read_stdin

            document = read_document_bytes(stdin if stdin is not None else read_stdin(), "-")
        else:
            document = read_document(path)
        try:
            check_text(document.text)
        except TooLarge as exc:
            raise exc.named(str(path)) from None
        found.append((path, document))
    return found


def draft_actuals(context: PlanContext, documents: Sequence[tuple[Path, SourceDocument]], output: Path | None,
                  sources_dir: Path, force: bool = False, save_texts: bool = True) -> DraftActualsResult:
    """Read every document for the plan, keep one figure per indicator, breakdown and year, and print the rows
    (``output`` None: :attr:`DraftActualsResult.csv_text`) or append the new ones to ``output``; each document that
    gave a row has its text saved under ``sources_dir`` (unless not ``save_texts``). Nothing is written when a
    saved text would be replaced without ``force``, or the file cannot be read as an actuals file. ``context``: the
    plan's (:func:`open_context`, :func:`context_of`)."""
    result = DraftActualsResult(output=output)
    readings: list[tuple[Path, SourceDocument, Reading]] = []
    candidates: list[Row] = []
    origin: dict[int, tuple[Path, Reading]] = {}
    for path, document in documents:
        reading = read_text(document.text, context)
        readings.append((path, document, reading))
        for row in reading.rows:
            origin[id(row)] = (path, reading)
            candidates.append(row)
        result.refused += [(display_path(path) if str(path) != "-" else "-", refusal)
                           for refusal in reading.refused]
        result.warnings += [t("{path}: {warning}", path=str(path), warning=w) for w in document.warnings]
    merged: list[Refusal] = []
    chosen = choose(candidates, merged)
    for refusal in merged:
        if refusal.why == "actual.refuse.one_per_year":
            where = next((p for r in candidates if r.line == refusal.line and r.value == refusal.value
                          for p, _ in [origin[id(r)]]), Path("-"))
            result.refused.append((str(where), refusal))
    for row in chosen:
        path, reading = origin[id(row)]
        result.rows.append(Drafted(row, str(path), reading.publication.source, reading.publication.source_title))
    if not result.rows:
        return result
    texts = _texts_to_save(readings, {d.document for d in result.rows}, sources_dir, force) if save_texts else []
    if output is None:
        result.csv_text = render_rows(result.rows)
        result.written = list(result.rows)
        result.saved = _save(texts)
        return result
    existing_bytes = read_bytes(output) if output.exists() else None
    plan_facts = _breakdown_keys(context)
    if existing_bytes is None:
        result.created = True
        text = "\ufeff" + render_rows(result.rows)
        result.written = list(result.rows)
        result.saved = _save(texts)
        try:
            write_atomic(output, text.encode("utf-8"), parents=True, exclusive=True)
        except GapcalcError:
            _unsave(result.saved)
            raise
        return result
    appended = _append(existing_bytes, output, result, plan_facts)
    result.saved = _save(texts) if result.written or result.identical else []
    if result.written:
        try:
            write_atomic(output, appended)
        except GapcalcError:
            _unsave(result.saved)
            raise
    return result


def render_rows(rows: Sequence[Drafted]) -> str:
    """The rows as CSV with the header of a new actuals file (``\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for drafted in rows:
        cells = drafted.cells()
        writer.writerow([cells[name] for name in COLUMNS])
    return buffer.getvalue()


def sources_dir_for(output: Path | None, plan_id: str, targets_dir: Path) -> Path:
    """Where the documents' texts are saved: ``sources/`` beside the actuals file written, else beside the plan's
    default actuals file (``actuals/sources``), never inside gapcalc's installation."""
    if output is not None:
        return output.parent / "sources"
    from gapcalc.infra.paths import bundled_root

    bundled = bundled_root()
    default = default_actuals_path(plan_id, targets_dir).parent
    if bundled is not None and Path(__file__).resolve().parent.parent in default.resolve().parents:
        return Path("actuals") / "sources"
    return default / "sources"


# --------------------------------------------------------------------------------------------------------------
# the documents' texts
# --------------------------------------------------------------------------------------------------------------


def _text_name(path: Path, text: str) -> str:
    if str(path) == "-":
        return "stdin-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8] + ".txt"
    stem = re.sub(r"[^\w\-.]+", "_", path.stem).strip("._") or "document"
    return stem + ".txt"


def _texts_to_save(readings: Sequence[tuple[Path, SourceDocument, Reading]], used: set[str], folder: Path,
                   force: bool) -> list[tuple[Path, str, bool]]:
    """``(path, text, new)`` of every document that gave a row; a different text already saved under its name is
    refused without ``force``, before anything is written."""
    found = []
    for path, document, _ in readings:
        if str(path) not in used:
            continue
        text = document.text if document.text.endswith("\n") else document.text + "\n"
        target = folder / _text_name(path, text)
        if target.exists():
            if target.read_text(encoding="utf-8", errors="replace") == text:
                found.append((target, text, False))
                continue
            if not force:
                raise GapcalcError(t("{path} already exists with another text", path=str(target)),
                                   t("pass --force to replace it, or rename the document"))
        found.append((target, text, True))
    return found


def _save(texts: Sequence[tuple[Path, str, bool]]) -> list[tuple[Path, bool]]:
    saved = []
    for target, text, new in texts:
        if new:
            write_atomic(target, text, newline="\n", parents=True)
        saved.append((target, new))
    return saved


def _unsave(saved: Sequence[tuple[Path, bool]]) -> None:
    for target, new in saved:
        if new:
            target.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------------------------
# appending to an actuals file
# --------------------------------------------------------------------------------------------------------------


def _breakdown_keys(context: PlanContext) -> dict[str, dict[str, str]]:
    return {i.id: {**{normal_key(k): k for k, _ in i.breakdowns}, **{normal_key(n): k for k, n in i.breakdowns}}
            for i in context.indicators}


def _append(data: bytes, output: Path, result: DraftActualsResult,
            breakdowns: dict[str, dict[str, str]]) -> bytes:
    """The file's bytes with the new rows after them (its bytes untouched: its encoding, BOM, delimiter, quoting and
    line ends kept; a missing last line end added); the rows it has, identical or conflicting, are said."""
    text, encoding = decode(data, output)
    delimiter = sniff_delimiter(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not records or not any(cell.strip() for cell in records[0]):
        raise GapcalcError(t("{path}: no header row", path=str(output)),
                           t("the first row must name the columns: indicator,year,value,…"))
    header = [column_name(cell) for cell in records[0]]
    missing = [name for name in ("indicator", "year", "value") if name not in header]
    if missing:
        raise GapcalcError(t("{path}: not an actuals file (no column {columns})", path=str(output),
                             columns=", ".join(missing)), t("give an actuals file, or a new file name"))
    rows = _existing(text, delimiter, header, breakdowns)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    unwritten: set[str] = set()
    for drafted in result.rows:
        row = drafted.row
        same = [e for e in rows if (e.indicator, e.breakdown, e.year) == (row.indicator, row.breakdown, row.year)]
        identical = next((e for e in same if e.value == row.value and e.measure == (row.measure or shapes.LEVEL)
                          and e.comparator == (row.comparator or "=") and e.as_of == row.as_of), None)
        if identical is not None:
            result.identical.append((drafted, identical))
            continue
        versions = all(column in header for column in VINTAGE_COLUMNS)
        if same and not (versions and all(e.version != drafted.version for e in same)):
            result.conflicts.append((drafted, same[0]))  # another version is written only where the file says so
            continue
        cells = drafted.cells()
        absent = [name for name, cell in cells.items() if cell and name not in header]
        if [name for name in absent if name not in VINTAGE_COLUMNS]:
            result.missing_columns.append((drafted, absent))
            continue
        if absent:
            unwritten.update(absent)
        writer.writerow([cells.get(name, "") for name in header])
        result.written.append(drafted)
    if unwritten:
        result.warnings.append(t("{path} has no column {columns}: the rows' release date and kind were not written; "
                                 "add the column to the header to keep them", path=str(output),
                                 columns=", ".join(sorted(unwritten))))
    added = buffer.getvalue()
    if not added:
        return data
    ending = "" if not text or text.endswith(("\n", "\r")) else newline
    codec = "utf-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    return data + (ending + added).encode(codec)


def _existing(text: str, delimiter: str, header: list[str], breakdowns: dict[str, dict[str, str]]) -> list[Existing]:
    """The rows of an actuals file as figures (rows that cannot be read are left to ``gapcalc check``)."""
    found = []
    position = {name: index for index, name in enumerate(header)}
    line = 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader, None)
    for cells in reader:
        line = reader.line_num
        if len(cells) != len(header):
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            return cells[position[name]] if name in position else ""

        indicator = normal_key(get("indicator"))
        try:
            year = parse_year(get("year"))
            measure = shapes.parse_measure(get("measure"))
            comparator = shapes.parse_comparator(get("comparator"))
            as_of = shapes.parse_as_of(get("as_of"), year)
            published, revision = shapes.parse_date(get("published")), shapes.parse_revision(get("revision"))
            cell, sign = shapes.signed_change(get("value")) if measure != shapes.LEVEL else (get("value"), 1)
            number = parse_number(cell, True).value
        except (CellError, shapes.ShapeError):
            continue
        typed = normal_key(get("breakdown"))
        breakdown = breakdowns.get(indicator, {}).get(typed, typed)
        value = None if number is None else sign * number
        found.append(Existing(line, indicator, breakdown, year, value, measure, comparator, as_of, published,
                              revision))
    return found

