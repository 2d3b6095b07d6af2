"""``extract(document) -> Extraction``: the plan header, headings and typed statements of a plan document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gapcalc.draft import bounds
from gapcalc.draft.charmap import fold, has_traditional
from gapcalc.draft.document import SourceDocument
from gapcalc.draft.extraction import Extraction, Heading, PlanReading, Statement, ValueReading
from gapcalc.draft.headers import comment_date, find_headings, furniture, heading_of, read_plan
from gapcalc.draft.lexicon import LEXICON
from gapcalc.draft.sentences import TextContext, YearState, read_line
from gapcalc.draft.tables import TableContext, complete_open_rows, complete_shortened_rows, find_tables, read_table
from gapcalc.infra.pool import told
from gapcalc.messages import t

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.infra.pool import Progress

_BASELINE_SECTION = LEXICON.compiled("document.section.baseline")
_TARGET_SECTION = LEXICON.compiled("document.section.target")
_NOTICE_TITLE = LEXICON.compiled("not_target.notice_title")
_PINYIN_READING = LEXICON.compiled("document.pinyin_reading")
_BROKEN_END = LEXICON.compiled("document.broken_number")
_BROKEN_ON = LEXICON.compiled("document.broken_number", "continued")
_BROKEN_GAP = 3
_BARE_LINE = LEXICON.compiled("document.headline_repeat")
"""Lines a sentence broken after its number may skip (blank ones) before the line that goes on with its unit."""
_DEFAULT_SPAN = 4
LINES_PER_STEP = 500
"""Lines of a document read between two steps of the progress bar (a long document has thousands)."""


def extract(doc: SourceDocument, progress: Progress | None = None) -> Extraction:
    """Everything the recogniser reads out of ``doc``: see :class:`Extraction`. Every :data:`LINES_PER_STEP` lines
    read are told to ``progress``. Reading stops, with :class:`gapcalc.draft.bounds.TooLarge`, once it has found more
    targets than :data:`gapcalc.draft.bounds.MAX_STATEMENTS`."""
    lines = doc.text.splitlines()
    readings = [_without_readings(line) for line in lines]
    folded = [reading[1] for reading in readings]
    skipped, url = furniture(folded, doc.format == "text")
    commented = comment_date(folded) if doc.format == "text" else None
    folded = ["" if index in skipped else line for index, line in enumerate(folded)]
    folded_text = "\n".join(folded)
    plan = read_plan(folded, folded_text, commented)
    plan.url = url
    plan.traditional = has_traditional(doc.text)
    period_printed = plan.period is not None and not plan.period_guessed
    period = _period(plan)
    headings = find_headings(folded)
    tables = find_tables(folded)
    table_lines = {t.first_line + i for t in tables for i in range(len(t.rows))}
    sections = _section_paths(headings, len(lines))
    statements: list[Statement] = []
    targets = 0
    for table in tables:
        section, _, _ = sections[table.first_line - 1]
        for statement in read_table(table, TableContext(period, period[0] - 1, section, region=plan.region_zh)):
            statement.quote = lines[statement.line - 1].strip() if statement.line else statement.quote
            statements.append(statement)
            targets += bool(statement.values)
        bounds.check_statements(targets)
    prose: dict[str, list[str]] = {}
    for index, line in enumerate(folded):
        if index + 1 not in table_lines and line.strip():
            prose.setdefault(sections[index][0].split(" / ", 1)[0], []).append(line)
    complete_shortened_rows(statements, {top: "\n".join(text) for top, text in prose.items()})
    state = YearState()
    last_top = ""
    broken = _broken_numbers(folded, readings, table_lines)
    carried = set(broken.values())
    for start in told(range(0, len(lines), LINES_PER_STEP), progress):
        for index in range(start, min(start + LINES_PER_STEP, len(lines))):
            number, (line, _, kept), folded_line = index + 1, readings[index], folded[index]
            if number in table_lines or not folded_line.strip() or _NOTICE_TITLE.match(folded_line) \
                    or index in carried:
                continue
            if index in broken:  # 达到1 / 个、省级2个: the line goes on after the break
                rest, rest_folded = readings[broken[index]][0], folded[broken[index]]
                indent = len(rest_folded) - len(rest_folded.lstrip())
                line, folded_line = line + rest[indent:], folded_line + rest_folded[indent:]
            section, top, target = sections[index]
            if top != last_top:
                state = YearState(stages=state.stages)  # a goal named in one section may be spelled out in the next
                last_top = top
            text_context = TextContext(period, period[0] - 1, section, bool(_BASELINE_SECTION.search(top)), target,
                                       plan.year_targets, period_printed)
            read = read_line(line, folded_line, number, text_context, state)
            if kept:
                for statement in read:
                    statement.quote = _as_printed(statement.quote, line, lines[index], kept)
            statements.extend(read)
            targets += sum(1 for statement in read if statement.values)
            bounds.check_statements(targets)
    complete_open_rows(statements)
    statements = _without_restated_counts(statements)
    statements = _without_headline_repeats(statements, folded)
    for statement in statements:
        _verbatim(statement)
    return Extraction(plan, headings, [s for s in statements if s.values])


def _broken_numbers(folded: list[str], readings: list[tuple[str, str, list[int]]],
                    table_lines: set[int]) -> dict[int, int]:
    """Lines of running text that break a sentence between a number and its unit (a copy of a PDF page:
    ``…达到1`` / ``个、省级2个…``), each with the line it goes on in."""
    broken: dict[int, int] = {}
    for index, line in enumerate(folded):
        if index + 1 in table_lines or readings[index][2] or not _BROKEN_END.search(line):
            continue
        for following in range(index + 1, min(index + 1 + _BROKEN_GAP, len(folded))):
            if not folded[following].strip():
                continue
            if following + 1 not in table_lines and not readings[following][2] \
                    and _BROKEN_ON.match(folded[following]):
                broken[index] = following
            break
    return broken


def _without_readings(line: str) -> tuple[str, str, list[int]]:
    """The line without the pinyin readings a web copy prints after characters (``工业(yè)``), folded, and the
    positions in ``line`` of the characters kept (empty when there is no reading)."""
    folded = fold(line)
    spans = [match.span() for match in _PINYIN_READING.finditer(folded)]
    if not spans:
        return line, folded, []
    dropped = {index for start, end in spans for index in range(start, end)}
    kept = [index for index in range(len(line)) if index not in dropped]
    return "".join(line[i] for i in kept), "".join(folded[i] for i in kept), kept


def _as_printed(quote: str, line: str, printed: str, kept: list[int]) -> str:
    """A quote cut from the ``line`` read without readings, as ``printed`` prints it (readings kept)."""
    start = line.find(quote) if quote else -1
    if start < 0:
        return quote
    end = start + len(quote)
    return printed[kept[start]:kept[end] if end < len(kept) else len(printed)].rstrip()


def _without_restated_counts(statements: list[Statement]) -> list[Statement]:
    """``逐一落实33条重点产业链链长``, after ``打造…33条重点产业链``: the same count of a thing already counted
    (its noun begins with the noun counted before), restated in a sentence of no year of its own, refers to the
    count read before; it is no second target."""
    seen: dict[tuple[object, str], list[str]] = {}
    kept = []
    for statement in statements:
        value = statement.values[0].value if statement.values else None
        if value is None or statement.kind == "baseline":
            kept.append(statement)
            continue
        nouns = seen.setdefault((value, statement.unit), [])
        if len(statement.counted) >= _RESTATED_NAME and any(statement.counted.startswith(n) for n in nouns):
            continue
        nouns.extend(name for name in (statement.name_zh, statement.counted) if len(name) >= _RESTATED_NAME)
        kept.append(statement)
    return kept


def _without_headline_repeats(statements: list[Statement], folded: list[str]) -> list[Statement]:
    """``2025年规上工业营收突破1万亿元`` above the report that states ``规模以上工业营业收入突破1万亿元``: a target read
    from a line printed without a mark of a sentence (a headline, a title) that a sentence of the text states again
    (same value, year, unit, kind and comparator) is that one target, read from the sentence."""
    def bare(statement: Statement) -> bool:
        line = folded[statement.line - 1] if 0 < statement.line <= len(folded) else ""
        return not statement.table and bool(_BARE_LINE.match(line.strip()))

    def key(statement: Statement) -> tuple[object, ...]:
        value = statement.values[0]
        return value.value, value.year, value.comparator, statement.unit, statement.kind

    stated = {key(s) for s in statements if s.values and not bare(s)}
    return [s for s in statements if not (s.values and bare(s) and key(s) in stated)]


_RESTATED_NAME = 2
"""Characters a counted noun must have to be recognised when restated."""


def _period(plan: PlanReading) -> tuple[int, int]:
    if plan.period is None:
        end = int(plan.published[:4]) + _DEFAULT_SPAN if plan.published else 2025
        plan.period = (end - _DEFAULT_SPAN, end)
        plan.notes.append(t("draft: the document states no period; period and years are guesses"))
    return plan.period


def _section_paths(headings: list[Heading], count: int) -> list[tuple[str, str, bool]]:
    """For every line: the section path (``二、主要目标 / (一)…``), its top heading, whether it is a target section."""
    by_line = {h.line: h for h in headings}
    path: dict[int, str] = {}
    result: list[tuple[str, str, bool]] = []
    for number in range(1, count + 1):
        heading = by_line.get(number)
        if heading and heading.level <= 3:
            path = {level: text for level, text in path.items() if level < heading.level}
            path[heading.level] = heading.text
        parts = [path[level] for level in sorted(path)]
        section = " / ".join(parts) or "全文"
        top = path.get(1, "")
        target = any(_TARGET_SECTION.search(p) for p in parts[:2])
        result.append((section, top, target))
    return result


def _verbatim(statement: Statement) -> None:
    """Quote, printed forms and texts as the document prints them (matching was done on folded text)."""
    statement.values = [_verbatim_value(v, statement.quote) for v in statement.values]


def _verbatim_value(value: ValueReading, quote: str) -> ValueReading:
    folded_quote = fold(quote)
    printed, text = value.printed, value.text
    if printed is not None:
        index = folded_quote.find(printed)
        printed = quote[index:index + len(printed)] if index >= 0 else printed
    if text is not None:
        index = folded_quote.find(text)
        text = quote[index:index + len(text)] if index >= 0 else text
    return ValueReading(value.year, value.value, value.comparator, value.upper, printed, text)


__all__ = ["extract", "heading_of"]
