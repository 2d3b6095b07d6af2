"""Excel workbooks (.xlsx) of gapcalc rows: one sheet per table, numbers as numbers, a word for every colour.

:func:`render_xlsx` turns :class:`Sheet` objects (a title, the columns, plain-dict rows and a kind) into the bytes
of a workbook: a bold, filled, frozen header with an autofilter; numbers stored as numbers and never rounded
(Decimals become int or float, displayed with the decimal places they were stated with); status and outlook
cells of report and compare sheets filled with the palette of :mod:`gapcalc.render.words` while keeping their
word (a sheet given a language shows the word of each code, its headings the words given); column widths that count
Chinese characters as two; formula-like text neutralised with a leading
apostrophe; and, when asked, a "Sources" sheet listing where each actual comes from. The output is
byte-for-byte deterministic (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import datetime
import io
import math
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped, unused-ignore]

from gapcalc.render.cells import cell_text, format_float, neutralise, xml_text
from gapcalc.render.i18n import status_word
from gapcalc.render.words import CLASS_FILL

SheetKind = Literal["report", "targets", "summary", "compare", "plain"]
SHEET_KINDS: tuple[str, ...] = get_args(SheetKind)
COLOURED_KINDS = ("report", "compare")
"""Kinds whose status and outlook cells are filled by colour."""

SOURCE_COLUMNS = ("indicator", "year", "source", "source_title", "note")
SOURCES_TITLE = "Sources"
LINK_PREFIXES = ("https://", "http://")
HEADER_FILL = "DDEBF7"
MAX_WIDTH = 60
MIN_WIDTH = 6
FIXED_TIME = datetime.datetime(2000, 1, 1)
"""Document creation and modification time, so the same rows always give the same bytes."""

PERCENT_FORMAT, RATE_FORMAT, COUNT_FORMAT, YEAR_FORMAT = "0.0", "0.00", "#,##0", "0"
_INVALID_TITLE = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its title, its columns in order, its rows (plain dicts) and what kind of table it is."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Any]]
    kind: SheetKind = "plain"
    headings: Mapping[str, str] | None = None
    """Header text by column, for a sheet people read; None: the column names themselves (for scripts)."""
    lang: str | None = None
    """Set: status and outlook codes are written as their words in this language (still filled by colour)."""

    def __post_init__(self) -> None:
        if self.kind not in SHEET_KINDS:
            raise ValueError(f"unknown sheet kind {self.kind!r}; expected one of {', '.join(SHEET_KINDS)}")


def render_xlsx(sheets: Sequence[Sheet], sources: Sequence[Mapping[str, Any]] | None = None) -> bytes:
    """The bytes of a workbook with one worksheet per sheet, plus a "Sources" sheet built from ``sources``.

    ``sources`` are report rows; those with a ``source`` are listed (indicator, year of the actual, source, its
    title and the note on the figure), each distinct entry once.
    """
    workbook = Workbook()
    default = workbook.active
    titles: set[str] = set()
    all_sheets = list(sheets)
    if sources is not None:
        all_sheets.append(Sheet(SOURCES_TITLE, SOURCE_COLUMNS, source_rows(sources), "plain"))
    for sheet in all_sheets:
        _write_sheet(workbook.create_sheet(_unique_title(sheet.title, titles)), sheet)
    if all_sheets:
        workbook.remove(default)
    workbook.properties.creator = "gapcalc"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return _save(workbook)


def source_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The distinct (indicator, year, source, source_title, note) of the report rows that have a source."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        if not row.get("source"):
            continue
        year = row.get("actual_year") if row.get("actual_year") is not None else row.get("year")
        entry = {"indicator": row.get("indicator"), "year": year, "source": row.get("source"),
                 "source_title": row.get("source_title"), "note": row.get("note")}
        seen.setdefault(tuple(entry.values()), entry)
    return list(seen.values())


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: East-Asian wide and full-width characters count as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def number_format(column: str, value: Any) -> str | None:
    """The Excel number format of a numeric value in ``column``; None for a value that is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, Decimal) and value.is_finite():
        places = _places(value)
        if places > 0:
            return "0." + "0" * places
    if isinstance(value, float):
        return PERCENT_FORMAT if _is_percent(column) else RATE_FORMAT
    return YEAR_FORMAT if _is_year(column) else COUNT_FORMAT


def cell_value(value: Any) -> Any:
    """What to store in a cell: numbers as int or float of the same value, text neutralised, None as empty."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return int(value) if _places(value) <= 0 else float(value)
    return neutralise(xml_text(str(value)))


def header_text(column: str, headings: Mapping[str, str] | None = None) -> str:
    """The header of a column: its heading (else its name), with a ``(%)`` hint on percentage columns."""
    text = headings.get(column, column) if headings else column
    return f"{text} (%)" if _is_percent(column) else text


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _is_percent(column: str) -> bool:
    return column.endswith("_pct")


def _is_year(column: str) -> bool:
    return column == "year" or column.endswith("_year")


def _is_class_column(column: str) -> bool:
    return "status" in column or "outlook" in column


def _unique_title(title: str, taken: set[str]) -> str:
    """A valid worksheet title (no ``[]:*?/\\``, at most 31 characters) not yet used in the workbook."""
    base = title.translate(_INVALID_TITLE).strip("'")[:31] or "Sheet"
    candidate, number = base, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[:31 - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


def _write_sheet(worksheet: Any, sheet: Sheet) -> None:
    columns = list(sheet.columns)
    headers = [header_text(c, sheet.headings) for c in columns]
    _write_header(worksheet, headers)
    coloured = sheet.kind in COLOURED_KINDS
    for row_number, row in enumerate(sheet.rows, start=2):
        for col_number, column in enumerate(columns, start=1):
            _write_cell(worksheet.cell(row=row_number, column=col_number), column, row.get(column), coloured,
                        sheet.lang)
    if columns:
        last = get_column_letter(len(columns))
        worksheet.freeze_panes = "A2"
        worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    _set_widths(worksheet, columns, headers, sheet.rows, sheet.lang)


def _write_header(worksheet: Any, headers: Sequence[str]) -> None:
    fill = PatternFill(fill_type="solid", fgColor=HEADER_FILL)
    for number, header in enumerate(headers, start=1):
        cell = worksheet.cell(row=1, column=number, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill


def _write_cell(cell: Any, column: str, value: Any, coloured: bool, lang: str | None = None) -> None:
    stored = cell_value(_worded(column, value, lang))
    cell.value = stored
    fmt = number_format(column, value)
    if fmt is not None and not isinstance(stored, str):
        cell.number_format = fmt
    elif isinstance(stored, str) and display_width(stored) > MAX_WIDTH:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if coloured and _is_class_column(column) and isinstance(value, str) and value in CLASS_FILL:
        cell.fill = PatternFill(fill_type="solid", fgColor=CLASS_FILL[value])
    if column == "source" and isinstance(stored, str) and stored.startswith(LINK_PREFIXES):
        cell.hyperlink = stored
        cell.style = "Hyperlink"


def _worded(column: str, value: Any, lang: str | None) -> Any:
    """A status or outlook code as its word in ``lang`` (when set); any other value unchanged."""
    if lang is None or not _is_class_column(column) or not isinstance(value, str) or value not in CLASS_FILL:
        return value
    return status_word(value, lang)


def _shown(column: str, value: Any) -> str:
    """Roughly the text Excel displays for a value (for column widths)."""
    if isinstance(value, float):
        return format_float(value, 1 if _is_percent(column) else 2)
    if isinstance(value, int) and not isinstance(value, bool) and not _is_year(column):
        return f"{value:,}"
    return cell_text(value)


def _set_widths(worksheet: Any, columns: Sequence[str], headers: Sequence[str], rows: Sequence[Mapping[str, Any]],
                lang: str | None) -> None:
    for number, (column, header) in enumerate(zip(columns, headers, strict=True), start=1):
        widest = display_width(header) + 2  # room for the autofilter button
        for row in rows:
            for line in _shown(column, _worded(column, row.get(column), lang)).splitlines() or [""]:
                widest = max(widest, display_width(line))
        worksheet.column_dimensions[get_column_letter(number)].width = max(MIN_WIDTH, min(widest + 2, MAX_WIDTH))


def _save(workbook: Any) -> bytes:
    """The workbook's bytes, written without the current time (openpyxl's ``save`` stamps it)."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()
    return _fix_zip_times(buffer.getvalue())


def _fix_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated :data:`FIXED_TIME`, so equal workbooks are equal bytes."""
    out = io.BytesIO()
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info))
    return out.getvalue()
