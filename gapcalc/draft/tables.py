"""Tables typed as lines of a plain text (cells separated by tabs or runs of spaces) and what their rows state.

A table whose columns are years (``2018年 2019年 2020年``, ``基期 2020年``) gives one statement per row and
measure; a header of two rows (a year spanning ``新增`` and ``累计``) is read column by column. The kind follows
the header (``新增`` → new_in_year, ``累计`` → cumulative, ``现有``/``基期`` → baseline), the cells (``提高8%`` →
change_vs_baseline), or the unit (``%`` → level; counts that never fall → cumulative, else new_in_year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from gapcalc.draft.cells import COUNT_UNITS, Cell, read_cell
from gapcalc.draft.extraction import Statement, ValueReading
from gapcalc.draft.lexicon import LEXICON, alternation
from gapcalc.messages import t

_CELL_SPLIT = re.compile(r"\t| {2,}")
_NUMBERED_ROW = re.compile(r"\d{1,3}\t\S")
"""A row of a numbered list (序号 first): a row of the table above even when a cell holds a sentence."""
_YEAR = LEXICON.compiled("table.year_column")
_UNIT_IN_NAME = LEXICON.compiled("table.unit_in_name")
_FOOTNOTE = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩*※¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_CAPTION = LEXICON.compiled("table.caption")
_CAPTION_TITLE = LEXICON.compiled("table.caption_title")
_TABLE_UNIT = LEXICON.compiled("table.unit_line")
_UNIT_WORDS = frozenset(LEXICON.words("table.unit_word"))
_PLACE = LEXICON.compiled("table.place")
_BASELINE = LEXICON.compiled("table.baseline")
_NEW = LEXICON.compiled("table.new")
_TOTAL = LEXICON.compiled("table.total")
_BINDING_COLUMN = LEXICON.compiled("table.binding_column")
_BINDING_VALUE = LEXICON.compiled("table.binding_value")
_HEADER_NOISE = re.compile(rf"{LEXICON.alternation('table.header_noise')}|[()\s]")
_LEVEL_LABELS: dict[str, str] = {label: str(key) for label, key in LEXICON.rule("level").map.items()}
_SUBJECT_STRIP = LEXICON.compiled("table.caption_subject")


@dataclass
class TypedTable:
    """A run of table lines found in the text."""

    first_line: int
    rows: list[list[str]]
    caption: str = ""
    unit: str = ""


@dataclass
class Column:
    """What a column of a table means."""

    index: int
    label: str
    year: int | None = None
    baseline: bool = False
    new: bool = False
    total: bool = False
    binding: bool = False
    unit_column: bool = False
    unit: str = ""
    measure: str = ""


def split_cells(line: str) -> list[str]:
    """The cells of a table line (tabs keep empty cells; runs of spaces do not)."""
    if "\t" in line:
        return [cell.strip() for cell in line.rstrip("\n").split("\t")]
    return [cell.strip() for cell in _CELL_SPLIT.split(line.strip())]


def is_table_line(line: str) -> bool:
    """A line of at least two cells that is not prose (no sentence punctuation in its cells)."""
    if "\t" not in line and not re.search(r"\S {2,}\S", line):
        return False
    cells = [c for c in split_cells(line) if c]
    return len(cells) >= 2 and not any("。" in c for c in cells)


def find_tables(lines: list[str]) -> list[TypedTable]:
    """Runs of table lines, each with the caption and unit line printed just above it."""
    tables: list[TypedTable] = []
    index = 0
    while index < len(lines):
        if not is_table_line(lines[index]):
            index += 1
            continue
        start = index
        rows: list[list[str]] = []
        while index < len(lines) and (is_table_line(lines[index]) or lines[index].startswith("\t")
                                      or _NUMBERED_ROW.match(lines[index])):
            rows.append(split_cells(lines[index]))
            index += 1
        caption, unit = _caption_above(lines, start)
        tables.append(TypedTable(start + 1, rows, caption, unit))
    return tables


def _caption_above(lines: list[str], start: int) -> tuple[str, str]:
    caption, unit = "", ""
    for back in range(start - 1, max(-1, start - 5), -1):
        text = lines[back].strip()
        if not text:
            continue
        unit_match = _TABLE_UNIT.match(text)
        if unit_match:
            unit = unit_match.group(1)
            continue
        if _CAPTION.match(text) or (len(text) <= 40 and _CAPTION_TITLE.search(text)):
            caption = text
        break
    return caption, unit


def _header_rows(rows: list[list[str]]) -> int:
    count = 0
    for row in rows[:3]:
        values = [c for c in row[1:] if c and not _YEAR.fullmatch(c.replace(" ", "")) and re.search(r"\d", c)
                  and not re.search(r"年|[(].*[)]", c)]
        if values:
            break
        count += 1
    return count


def _columns(header: list[list[str]], width: int) -> list[Column]:
    filled: list[list[str]] = []
    above: list[str] = [""] * width
    for row in header:
        current, spans = "", []
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            if cell:
                current = cell
            elif above[j]:
                current = ""  # under a label of the row above: that label spans down, not this row's left one
            spans.append(cell or (current if j > 0 else ""))
        filled.append(spans)
        above = [row[j] if j < len(row) else "" for j in range(width)]
    columns = []
    for j in range(width):
        parts = list(dict.fromkeys(r[j] for r in filled if r[j]))
        columns.append(_column(j, parts))
    return columns


def _column(index: int, parts: list[str]) -> Column:
    label = " ".join(parts).strip()
    column = Column(index, label)
    year = _YEAR.search(label)
    if year:
        column.year = int(year.group(1))
    column.baseline = bool(_BASELINE.search(label))
    column.new = bool(_NEW.search(label))
    column.total = bool(_TOTAL.search(label))
    column.binding = bool(_BINDING_COLUMN.search(label))
    column.unit_column = label in _UNIT_WORDS
    units = [_unit_of(m) for m in map(_UNIT_IN_NAME.search, parts) if m]
    if units:
        column.unit = units[-1]
    elif _RANK.search(label):
        column.unit = _RANK_UNIT  # 排位: places
    measure = "".join(_UNIT_IN_NAME.sub("", part) for part in parts)
    measure = _YEAR.sub("", measure)
    column.measure = _HEADER_NOISE.sub("", measure)
    return column


@dataclass
class TableContext:
    """What a table reading needs from the rest of the document."""

    period: tuple[int, int]
    base_year: int
    section: str
    notes: list[str] = field(default_factory=list)
    region: str = ""
    """The plan's own region (``绵阳``): in a table comparing places, only its row is read."""


def read_table(table: TypedTable, context: TableContext) -> list[Statement]:
    """The statements of one table (none when it has no year or target columns)."""
    rows = [r for r in table.rows if any(r)]
    if len(rows) < 2:
        return []
    width = max(len(r) for r in rows)
    header_count = max(1, _header_rows(rows))
    columns = _columns(rows[:header_count], width)
    caption_year = _caption_year(table.caption)
    if not any(c.year or c.baseline for c in columns[1:]) and caption_year is None:
        return []
    statements: list[Statement] = []
    others = _other_places(rows[header_count:], context.region)
    for offset, row in enumerate(rows[header_count:], start=header_count):
        if row[0] in others:
            continue
        statements.extend(_read_row(table, columns, row, table.first_line + offset, caption_year, context))
    return statements


def _other_places(rows: list[list[str]], region: str) -> set[str]:
    """Row names of other places, when the rows compare places (``成都市``, ``德阳市``…) and one is the plan's."""
    places = {r[0] for r in rows if r and _PLACE.fullmatch(r[0])}
    if not region or len(places) < 2 or not any(region in p for p in places):
        return set()
    return {p for p in places if region not in p}


def _caption_year(caption: str) -> int | None:
    years = _YEAR.findall(caption)
    return int(years[-1]) if years else None


def _subject(caption: str) -> str:
    previous = None
    subject = caption
    while previous != subject:
        previous = subject
        subject = _SUBJECT_STRIP.sub("", subject).strip()
    return subject


def _unit_of(match: re.Match[str]) -> str:
    """The unit of an :data:`_UNIT_IN_NAME` match: ``(亿元)``, ``(单位:万辆)``; a word in brackets
    (``(新增)``, ``(企业)``, ``(国家级)``) is not a unit and does not match."""
    return (match.group("named") or match.group("unit")).strip()


def _row_name(row: list[str], table: TypedTable) -> tuple[str, str, str | None]:
    raw = _FOOTNOTE.sub("", row[0]).strip()
    unit = ""
    match = _UNIT_IN_NAME.search(raw)
    if match and not re.search(r"[\u4e00-\u9fff]{4,}", _unit_of(match)):
        unit = _unit_of(match)
        raw = raw[:match.start()].strip()
    breakdown = None
    if raw in _LEVEL_LABELS:
        breakdown = raw
        raw = _subject(table.caption) or raw
    return raw, unit, breakdown


def _read_row(table: TypedTable, columns: list[Column], row: list[str], line: int, caption_year: int | None,
              context: TableContext) -> list[Statement]:
    if not row or not row[0]:
        return []
    name, unit, breakdown = _row_name(row, table)
    if not name or re.fullmatch(r"\d+", name):
        return []
    row_unit = unit or table.unit or next((row[c.index] for c in columns if c.unit_column and c.index < len(row)), "")
    binding = next((bool(_BINDING_VALUE.search(row[c.index])) for c in columns if c.binding and c.index < len(row)),
                   None)
    groups: dict[tuple[str, str], list[tuple[Column, Cell]]] = {}
    for column in columns[1:]:
        if column.index >= len(row) or column.unit_column or column.binding:
            continue
        cell = read_cell(row[column.index])
        if cell is None:
            continue
        kind = _cell_kind(column)
        groups.setdefault((column.measure if column.measure not in ("", name) else "", kind), []).append(
            (column, cell))
    quote = "\t".join(c for c in row if c).strip() if len(row) > 1 else row[0]
    statements = []
    for (measure, kind), cells in groups.items():
        for part_kind, part in _split_before_period(kind, cells, caption_year, context):
            statement = _statement(name, measure, part_kind, part, row_unit, caption_year, context, cells)
            if statement is not None:
                statements.append(statement)
    statements = _baselines_of_targets(statements)
    for statement in statements:
        statement.quote, statement.line, statement.table = quote, line, table.caption
        statement.binding = binding
        if breakdown:
            statement.breakdown_name = breakdown
    return statements


def _baselines_of_targets(statements: list[Statement]) -> list[Statement]:
    """In a row that also states targets, a baseline printed without a unit takes the targets' unit; a baseline
    column in another unit (the amounts a rate is computed from) is the baseline of its own indicator, kept."""
    target_units = {s.unit for s in statements if s.kind not in ("baseline", "qualitative")} - {"-"}
    if len(target_units) != 1:
        return statements
    for statement in statements:
        if statement.kind == "baseline" and statement.unit == "-":
            statement.unit = next(iter(target_units))
            statement.notes = [n for n in statement.notes if "no unit" not in n]
    return statements


def _split_before_period(kind: str, cells: list[tuple[Column, Cell]], caption_year: int | None,
                         context: TableContext) -> list[tuple[str, list[tuple[Column, Cell]]]]:
    """A column of a year before the plan period states the situation: its cells are the baseline."""
    if kind in ("baseline", "new_in_year", "cumulative"):
        return [(kind, cells)]
    def earlier(column: Column) -> bool:
        return (column.year or caption_year or context.period[0]) < context.period[0]

    before = [(c, cell) for c, cell in cells if earlier(c)]
    after = [(c, cell) for c, cell in cells if not earlier(c)]
    return [(k, part) for k, part in (("baseline", before), (kind, after)) if part]


def _cell_kind(column: Column) -> str:
    if column.baseline:
        return "baseline"
    if column.new:
        return "new_in_year"
    if column.total:
        return "cumulative"
    return ""


def _statement(name: str, measure: str, kind: str, cells: list[tuple[Column, Cell]], row_unit: str,
               caption_year: int | None, context: TableContext,
               row_cells: list[tuple[Column, Cell]]) -> Statement | None:
    values: list[ValueReading] = []
    units: set[str] = set()
    change = None
    notes: list[str] = []
    texts: list[tuple[int, str]] = []
    for column, cell in cells:
        year = column.year or (context.base_year if kind == "baseline" else caption_year)
        if column.total and not column.year:
            year = context.period[1]
        if year is None:
            continue
        if cell.quantity is None:
            texts.append((year, cell.text))
            continue
        q = cell.quantity
        units.add(q.unit or column.unit)
        change = change or cell.change
        values.append(ValueReading(year, q.value, q.comparator, q.upper, q.printed))
    full_name = f"{name}{measure}" if measure and measure not in name else name
    if not values:
        if texts and kind != "baseline":
            year, text = texts[-1]
            return Statement(full_name, "-", "qualitative", [ValueReading(year, text=text)], "", 0,
                             section=context.section)
        return None
    unit = next((u for u in units if u), "") or row_unit or next((c.unit for c, _ in cells if c.unit), "")
    if kind == "baseline":
        final_kind = "baseline"
    elif change:
        final_kind = "change_vs_baseline"
    elif kind:
        final_kind = kind
    elif unit == "%" or unit not in COUNT_UNITS:
        final_kind = "level"
    else:
        final_kind, note = _count_kind([cell.quantity.value for _, cell in row_cells if cell.quantity])
        notes.append(note)
    open_unit = not unit and final_kind == "level" and all(v.value == v.value.to_integral_value()
                                                          for v in values if v.value is not None)
    if not unit:
        unit = "-"
        notes.append(t("draft: no unit in the row or header; fill in unit"))
    values = _unique_years(values)
    statement = Statement(full_name, unit, final_kind, values, "", 0, section=context.section, change=change,
                          notes=notes, open_unit=open_unit)
    if final_kind == "change_vs_baseline" and change == "decrease":
        statement.direction = "down"
    return statement


def _count_kind(numbers: list[Decimal]) -> tuple[str, str]:
    rising = all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    if rising:
        return "cumulative", t("draft: counts that rise every year read as a running total (cumulative); "
                                "check the header")
    return "new_in_year", t("draft: counts that do not rise every year read as yearly additions (new_in_year)")


def complete_open_rows(statements: list[Statement]) -> None:
    """A table row of whole numbers printed without a unit (``国家级  0  2  3`` under ``2018-2020年绿色产品发展目标``)
    restates the targets written beside it under the same heading (``国家级绿色产品达到8款``): it takes the unit of the
    nearest such statement about the same thing (sharing :data:`SHARED_CHARACTERS` characters with the row's name),
    and is read as a count: yearly additions when its numbers add up to the total stated for its last year, or stay
    below it; a running total when its last number is that total; else as :func:`_count_kind` reads counts. A total
    that the additions add up to, of a stock the document states before the period, is the total of the additions
    (period_total)."""
    by_section: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.unit in COUNT_UNITS and statement.values and not statement.open_unit:
            by_section.setdefault(_top(statement.section), []).append(statement)
    stocks = [s for s in statements if s.kind == "baseline" and s.unit in COUNT_UNITS]
    for row in statements:
        if not row.open_unit:
            continue
        numbers = [v.value for v in row.values if v.value is not None]
        donors = [s for s in by_section.get(_top(row.section), []) if _about_same(row.name_zh, s.name_zh)]
        if not donors or not numbers:
            continue
        row.unit = min(donors, key=lambda s: abs(s.line - row.line)).unit
        row.notes = [t("draft: no unit in the row; {unit} taken from the text beside the table", unit=row.unit)]
        last = row.values[-1]
        level = row.breakdown_name or ""
        totals = [s for s in donors if s.kind in ("cumulative", "period_total") and s.values[-1].year == last.year
                  and s.values[-1].value is not None and _same_level(level, s)]
        summed = sum(numbers, Decimal(0))
        adding = next((s for s in totals if s.values[-1].value == summed), None)
        if adding is not None:
            row.kind = "new_in_year"
            if adding.kind == "cumulative" and any(_about_same(adding.name_zh, b.name_zh) and _same_level(level, b)
                                                    and (b.values[0].value or 0) > 0 for b in stocks):
                adding.kind, adding.period = "period_total", None
        elif any(s.values[-1].value == last.value for s in totals):
            row.kind = "cumulative"
        elif totals and all((s.values[-1].value or 0) > summed for s in totals):
            row.kind = "new_in_year"
        else:
            row.kind = _count_kind(numbers)[0]
        row.notes.append(t("draft: yearly counts read as {kind} by the total stated beside the table; check it",
                           kind=row.kind))


def _top(section: str) -> str:
    return section.split(" / ", 1)[0]


SHARED_CHARACTERS = 4
"""Consecutive characters two names must share to be taken for the same thing."""


def _about_same(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    return any(short[i:i + SHARED_CHARACTERS] in long for i in range(len(short) - SHARED_CHARACTERS + 1))


def _same_level(level: str, statement: Statement) -> bool:
    """Whether ``statement`` is of the level ``level`` (国家级…), by its breakdown or a level label in its name;
    a row of no level matches a statement of none."""
    found = statement.breakdown_name or next((label for label in _LEVEL_LABELS if label in statement.name_zh), "")
    return found == level


def _unique_years(values: list[ValueReading]) -> list[ValueReading]:
    seen: dict[int, ValueReading] = {}
    for value in values:
        seen.setdefault(value.year, value)
    return list(seen.values())


def level_key(label: str) -> str | None:
    """The shared level key of a level label (``省级`` → ``provincial``)."""
    return _LEVEL_LABELS.get(label)


SHORTENED_MIN = 6
"""Characters of a row's name the text around the table must repeat (around what it inserts) to complete it."""
_CHINESE_FIVE = re.compile(r"[\u4e00-\u9fff]{5}")
_RANK = LEXICON.compiled("table.rank")
_RANK_UNIT = str(LEXICON.rule("table.rank").get("unit"))
_LISTING = LEXICON.compiled("table.shortened_row")
_ORGANISATION = re.compile(alternation(LEXICON.rule("table.shortened_row").get("organisation")))


def complete_shortened_rows(rows: list[Statement], prose: dict[str, str]) -> None:
    """``进入全市培育名录库企业`` (a table row) beside ``纳入全市制造业单项冠军企业培育名录库`` (the text of the same
    part): a row's name that the running text prints with more words inside it is a shortened name; it takes the
    words the text inserts (进入全市制造业单项冠军企业培育名录库企业), when the text inserts them in one way only."""
    for row in rows:
        text = prose.get(_top(row.section), "")
        name = row.name_zh
        if len(name) < SHORTENED_MIN or not text or name in text or _ORGANISATION.search(name):
            continue
        found = {full for cut in range(2, len(name) - 2) if (full := _inserted_at(name, cut, text))}
        if len(found) == 1:
            row.name_zh = found.pop()
            row.notes.append(t("draft: the row's name completed from the text beside the table ({name}); check it",
                               name=name))


def _inserted_at(name: str, cut: int, text: str) -> str | None:
    """``name`` with the words the text prints between ``name[:cut]`` and ``name[cut:]``, or None."""
    before, after = name[cut - 2:cut], name[cut:cut + 3]
    if not _CHINESE_FIVE.fullmatch(before + after) or before not in text or after not in text:
        return None
    for found in re.finditer(rf"{re.escape(before)}([\u4e00-\u9fff]{{2,12}}?){re.escape(after)}", text):
        left, start, end = 2, found.start(), found.end(1)
        while left < cut and start - left + 1 >= 0 and text[start - left + 1] == name[cut - left - 1]:
            left += 1
        right = 3
        while cut + right < len(name) and text.startswith(name[cut:cut + right + 1], end):
            right += 1
        if left + right >= SHORTENED_MIN and not _LISTING.search(found.group(1)):
            return name[:cut] + found.group(1) + name[cut:]
    return None
