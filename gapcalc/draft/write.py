"""Statements → a target file in gapcalc's TOML format, and atomic writes.

Statements about the same name and unit become one indicator; level labels (``国家级``, ``省级``) become declared
breakdowns. Values the format cannot hold (a target year before the period, a year twice in one statement, a range
whose upper end is not above its lower end) are moved or dropped with a ``draft:`` note, so the draft passes
``gapcalc check``. Every ``draft:`` note is a review item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Protocol

from gapcalc.draft import bounds
from gapcalc.draft.extraction import Extraction, Statement, ValueReading
from gapcalc.draft.numbers import plain
from gapcalc.draft.tables import level_key
from gapcalc.draft.vocabulary import IdAllocator, english_name, readable_id, resembled_concept, shared_concept
from gapcalc.messages import Joined, Text, Trimmed, t


class _Emit(Protocol):
    def __call__(self, line: str, notes: list[str] | None = None) -> None: ...


SCHEMA_LINE = "#:schema ../schemas/targets.schema.json"
_BEYOND = 15


@dataclass
class DraftIndicator:
    """One indicator of the draft with its statements."""

    id: str
    name_zh: str
    name_en: str
    unit: str
    direction: str
    statements: list[Statement]
    breakdowns: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewItem:
    """A reading the drafter is unsure of: the TOML line it is on and why."""

    line: int
    why: str


@dataclass(frozen=True)
class Draft:
    """The TOML text of a draft and its review list."""

    text: str
    review: list[ReviewItem]
    indicator_count: int
    number_count: int


_YEARLESS = re.compile(r"(?:19|20)\d\d")


_TOML_ESCAPED = re.compile(r'[\x00-\x1f\x7f-\x9f\ud800-\udfff"\\]')
_TOML_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def toml_string(text: str) -> str:
    """A TOML basic string that always parses: quote and backslash escaped, every control character (U+0000–U+001F,
    U+007F, U+0080–U+009F) written as an escape, a lone surrogate (not a character TOML can hold) as U+FFFD."""
    return '"' + _TOML_ESCAPED.sub(_toml_escape, text) + '"'


def _toml_escape(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return _TOML_SHORT.get(char) or f"\\u{ord(char):04X}"


def build_indicators(statements: list[Statement], period: tuple[int, int]) -> list[DraftIndicator]:
    """Statements grouped into indicators, with ids unique in the file; an indicator of more statements than
    :data:`gapcalc.draft.bounds.MAX_INDICATOR_SERIES` is refused (:class:`gapcalc.draft.bounds.TooLarge`)."""
    allocator = IdAllocator()
    by_key: dict[tuple[str, str], DraftIndicator] = {}
    for candidate in statements:
        statement = _fit_to_period(candidate, period)
        if statement is None:
            continue
        key = (statement.name_zh, statement.unit)
        indicator = by_key.get(key)
        if indicator is None:
            indicator = _new_indicator(statement, allocator)
            by_key[key] = indicator
        indicator.statements.append(statement)
        bounds.check_indicator(indicator.name_zh, len(indicator.statements))
        if statement.breakdown_name:
            breakdown_key = level_key(statement.breakdown_name) or statement.breakdown_name
            statement.breakdown = breakdown_key
            if breakdown_key not in [k for k, _ in indicator.breakdowns]:
                indicator.breakdowns.append((breakdown_key, statement.breakdown_name))
    for indicator in by_key.values():
        _baselines_before_targets(indicator)
    return [i for i in by_key.values() if i.statements]


def _new_indicator(statement: Statement, allocator: IdAllocator) -> DraftIndicator:
    concept = shared_concept(statement.name_zh, statement.unit)
    notes: list[str] = []
    if concept and not allocator.taken(concept.id):
        ident, name_en = allocator.allocate(concept.id), concept.name_en
    else:
        ident = allocator.allocate(readable_id(statement.name_zh, statement.unit))
        guess = english_name(statement.name_zh)
        name_en = f"draft: {guess}" if guess else "draft: English name"
        notes.append(t("draft: name_en is a keyword guess; write the English name"))
        if concept:
            notes.append(t("draft: the shared id {shared} is already given to another indicator of this file; this "
                           "one has the plan-local id {ident}: merge the two or keep them apart", shared=concept.id,
                           ident=ident))
        elif resembled := resembled_concept(statement.name_zh, statement.unit):
            notes.append(t("draft: the name resembles the shared indicator {shared} ({measure}), but its unit or "
                           "measure differ; a plan-local id is given", shared=resembled.id,
                           measure=resembled.measure))
    if len(statement.name_zh) > 30:
        notes.append(t("draft: long name; shorten name_zh to the indicator itself"))
    return DraftIndicator(ident, statement.name_zh, name_en, statement.unit, statement.direction, [], notes=notes)


def _fit_to_period(statement: Statement, period: tuple[int, int]) -> Statement | None:
    low, high = period[0] - 10, period[1] + _BEYOND
    kept: list[ValueReading] = []
    seen: set[int] = set()
    for value in statement.values:
        if not low <= value.year <= high or value.year in seen:
            continue
        if statement.kind not in ("baseline", "period_total") and value.year < period[0]:
            continue
        if value.comparator == "range" and (value.upper is None or value.value is None or value.upper <= value.value):
            value = replace(value, comparator="=", upper=None)
        if statement.kind == "baseline" and value.comparator not in ("=", "~", ">", ">="):
            value = replace(value, comparator="=")
        seen.add(value.year)
        kept.append(value)
    if not kept:
        return None
    statement.values = kept
    if statement.kind in ("change_vs_baseline", "pp_change", "annual_growth") and statement.change is None:
        statement.change = "increase"
        statement.notes.append(t("draft: direction of the change not stated; increase assumed"))
    if statement.kind == "period_total" and statement.period is None:
        statement.period = period
    if not statement.section and not statement.table:
        statement.section = "全文"
    return statement


def _baselines_before_targets(indicator: DraftIndicator) -> None:
    for breakdown in {s.breakdown for s in indicator.statements}:
        targets = [v.year for s in indicator.statements if s.breakdown == breakdown
                   and s.kind not in ("baseline", "qualitative") for v in s.values]
        if not targets:
            continue
        first = min(targets)
        for statement in indicator.statements:
            if statement.kind == "baseline" and statement.breakdown == breakdown:
                statement.values = [v for v in statement.values if v.year <= first]
    indicator.statements = [s for s in indicator.statements if s.values]


def render(extraction: Extraction, plan_id: str, source_text: str) -> Draft:
    """The TOML text of the draft target file, and its review items with their line numbers."""
    plan = extraction.plan
    period = plan.period or (2021, 2025)
    out: list[str] = [SCHEMA_LINE, ""]
    review: list[ReviewItem] = []

    def emit(line: str, notes: list[str] | None = None) -> None:
        out.append(line)
        for note in notes or []:
            if note.startswith("draft:"):
                review.append(ReviewItem(len(out), Trimmed(note, "draft")))

    indicators = build_indicators(extraction.statements, period)
    grouped = group_notes(indicators)
    _render_plan(emit, extraction, plan_id, source_text, period, grouped)
    numbers = 0
    for indicator in indicators:
        start = len(review)
        numbers += _render_indicator(emit, indicator)
        review[start:] = _once_per_indicator(review[start:])
    return Draft("\n".join(out) + "\n", merge_repeated(review), len(indicators), numbers)


GROUP_AT = 3
"""Statements a note must be made for to be said once, in the plan's note, listing them."""
_YEARLESS_NOTES = frozenset({
    "draft: no year in the sentence; {year} is taken from an earlier sentence or the plan's end",
    "draft: no year in the sentence; {year} is taken from an earlier sentence",
})


def group_notes(indicators: list[DraftIndicator]) -> list[str]:
    """A note made for :data:`GROUP_AT` or more statements (``no year in the sentence``, ``每年 read as a quota``)
    is taken off them and said once, listing the indicators it applies to: the notes a reviewer must act on stand
    out of the ones that only say how a common phrasing was read."""
    found: dict[str, list[tuple[DraftIndicator, Statement, str]]] = {}
    for indicator in indicators:
        for statement in indicator.statements:
            for note in dict.fromkeys(statement.notes):
                if note.startswith("draft:"):
                    found.setdefault(_note_key(note), []).append((indicator, statement, note))
    grouped: list[str] = []
    for key, uses in found.items():
        if len(uses) < GROUP_AT:
            continue
        years = {s.values[0].year for _, s, _ in uses}
        if key in _YEARLESS_NOTES and len(years) == 1:
            which = Joined(list(dict.fromkeys(i.id for i, _, _ in uses)))
            grouped.append(t("draft: no year in the sentence of {count} statements; {year} is taken from an earlier "
                             "sentence or the plan's end: {which}", count=len(uses), year=years.pop(), which=which))
        elif key in _YEARLESS_NOTES:
            which = Joined(list(dict.fromkeys(f"{i.id} ({s.values[0].year})" for i, s, _ in uses)))
            grouped.append(t("draft: no year in the sentence of {count} statements; each takes the year of an "
                             "earlier sentence or the plan's end: {which}", count=len(uses), which=which))
        elif len({note for _, _, note in uses}) == 1:
            which = Joined(list(dict.fromkeys(i.id for i, _, _ in uses)))
            grouped.append(t("draft: {why} (said once for {count} statements: {which})",
                             why=Trimmed(uses[0][2], "draft"), count=len(uses), which=which))
        else:
            continue
        for _, statement, note in uses:
            statement.notes = [n for n in statement.notes if n != note]
    return grouped


def _note_key(note: str) -> str:
    return note.template if isinstance(note, Text) else note


_MERGE_AT = 3
_LINES_SHOWN = 8


def _once_per_indicator(items: list[ReviewItem]) -> list[ReviewItem]:
    """A note repeated by several series of one indicator is reviewed once, at its first line."""
    first: dict[str, ReviewItem] = {}
    for item in items:
        first.setdefault(_YEARLESS.sub("YYYY", item.why), item)
    return list(first.values())


def merge_repeated(items: list[ReviewItem]) -> list[ReviewItem]:
    """A note made for more than a few indicators becomes one item at its first line, listing the others."""
    groups: dict[str, list[ReviewItem]] = {}
    for item in items:
        groups.setdefault(_YEARLESS.sub("YYYY", item.why), []).append(item)
    merged: list[ReviewItem] = []
    for item in items:
        group = groups[_YEARLESS.sub("YYYY", item.why)]
        if len(group) < _MERGE_AT:
            merged.append(item)
        elif item is group[0]:
            others = [str(i.line) for i in group[1:]]
            shown = Joined(others[:_LINES_SHOWN] + (["…"] if len(others) > _LINES_SHOWN else []))
            merged.append(ReviewItem(item.line, t("{why} (and {count} more: lines {lines})", why=item.why,
                                                    count=len(others), lines=shown)))
    return merged


def _render_plan(emit: _Emit, extraction: Extraction, plan_id: str, source_text: str,
                 period: tuple[int, int], grouped: list[str]) -> None:
    plan = extraction.plan
    emit("[plan]")
    emit(f"id = {toml_string(plan_id)}")
    title = plan.title or "draft: 标题"
    emit(f"name_zh = {toml_string(title)}", [n for n in plan.notes if "name_zh" in n] if plan.title
         else [t("draft: no title found; write name_zh")])
    emit(f"name_en = {toml_string('draft: ' + plan.region_en + ': ' + 'English title')}",
         [t("draft: write the English title")])
    emit(f"region_zh = {toml_string(plan.region_zh or '待定')}")
    emit(f"region_en = {toml_string(plan.region_en or 'Unknown')}",
         [n for n in plan.notes if "region" in n])
    emit(f"admin_level = {toml_string(plan.admin_level)}", [n for n in plan.notes if "admin_level" in n])
    document = plan.document_number or plan.title or plan_id
    emit(f"document = {toml_string(document)}",
         [] if plan.document_number else [t("draft: no document number found; give a short identification")])
    if plan.published:
        emit(f"published = {toml_string(plan.published)}")
    emit(f"period = [{period[0]}, {period[1]}]", [n for n in plan.notes if "period" in n])
    emit(f"source_text = {toml_string(source_text)}")
    if plan.url:
        emit(f"url = {toml_string(plan.url)}")
    note = "Drafted by gapcalc draft; every note beginning with draft: is a reading to review."
    if plan.traditional:
        note += " The document is printed in traditional characters; names are given in simplified characters."
    emit(f"note = {toml_string(' '.join([note, *grouped]))}", grouped)


def _render_indicator(emit: _Emit, indicator: DraftIndicator) -> int:
    emit("")
    emit("[[indicators]]")
    emit(f"id = {toml_string(indicator.id)}")
    emit(f"name_zh = {toml_string(indicator.name_zh)}", [n for n in indicator.notes if "name_zh" in n])
    emit(f"name_en = {toml_string(indicator.name_en)}", [n for n in indicator.notes if "name_en" in n])
    emit(f"unit = {toml_string(indicator.unit)}")
    emit(f"direction = {toml_string(indicator.direction)}")
    bindings = {s.binding for s in indicator.statements if s.binding is not None}
    if len(bindings) == 1:
        emit(f"binding = {'true' if bindings.pop() else 'false'}")
    if indicator.breakdowns:
        keys = [k for k, _ in indicator.breakdowns]
        dimension = "level" if all(level_key(name) for _, name in indicator.breakdowns) else "category"
        emit(f"breakdown_dimension = {toml_string(dimension)}")
        members = ", ".join(f"{{ key = {toml_string(k)}, name_zh = {toml_string(n)} }}"
                            for k, n in indicator.breakdowns)
        emit(f"breakdowns = [{members}]", [] if dimension == "level" or all(k.isascii() for k in keys)
             else [t("draft: breakdown keys are the Chinese labels; give ascii keys")])
    draft_notes = [n for n in indicator.notes if "name_zh" not in n and "name_en" not in n]
    if draft_notes:
        emit(f"note = {toml_string(' '.join(draft_notes))}", draft_notes)
    count = 0
    for statement in indicator.statements:
        count += _render_series(emit, statement)
    return count


def _render_series(emit: _Emit, statement: Statement) -> int:
    emit("")
    emit("[[indicators.series]]")
    emit(f"kind = {toml_string(statement.kind)}")
    if statement.breakdown:
        emit(f"breakdown = {toml_string(statement.breakdown)}")
    if statement.change and statement.kind in ("change_vs_baseline", "pp_change", "annual_growth"):
        emit(f"change = {toml_string(statement.change)}")
    if statement.base_year and statement.kind in ("change_vs_baseline", "pp_change", "annual_growth"):
        emit(f"base_year = {statement.base_year}")
    if statement.kind == "period_total" and statement.period:
        emit(f"period = [{statement.period[0]}, {statement.period[1]}]")
    source = []
    if statement.section:
        source.append(f"section = {toml_string(statement.section)}")
    if statement.table:
        source.append(f"table = {toml_string(statement.table)}")
    emit(f"source = {{ {', '.join(source)} }}")
    emit(f"quote = {toml_string(statement.quote)}")
    notes = list(dict.fromkeys(statement.notes))
    if notes:
        emit(f"note = {toml_string(' '.join(notes))}", notes)
    rendered = [_value(v) for v in statement.values]
    if len(rendered) == 1:
        emit(f"values = [{rendered[0]}]")
    else:
        emit("values = [")
        for item in rendered:
            emit(f"  {item},")
        emit("]")
    return sum(1 for v in statement.values if v.value is not None)


def _value(value: ValueReading) -> str:
    parts = [f"year = {value.year}"]
    if value.value is not None:
        parts.append(f"value = {plain(value.value)}")
    if value.comparator != "=":
        parts.append(f"comparator = {toml_string(value.comparator)}")
    if value.upper is not None:
        parts.append(f"upper = {plain(value.upper)}")
    if value.printed:
        parts.append(f"printed = {toml_string(value.printed)}")
    if value.text:
        parts.append(f"text = {toml_string(value.text)}")
    return "{ " + ", ".join(parts) + " }"
