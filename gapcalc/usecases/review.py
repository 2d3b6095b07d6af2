"""The review page of a drafted plan: its target file and the document's saved text read, each statement placed in
its sentence, the page rendered (:mod:`gapcalc.render.review`) and written exclusively.

A statement is placed by finding its quote in the text as ``check`` does (NFKC, whitespace ignored); the sentence
around it runs to the nearest 。！？；or line break, shortened at a comma when it is long; the numbers of the
statement (as printed, else as typed) are highlighted inside the quote. The ``draft:`` marks and their grouping are
those of ``check`` (GC130, :mod:`gapcalc.plan.review_marks`), so the page and the check count the same statements.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.infra.paths import display_path, plan_path
from gapcalc.infra.textio import read_text
from gapcalc.messages import t
from gapcalc.plan.load import LoadedPlan, load_plan_file
from gapcalc.plan.model import Series, Value
from gapcalc.plan.quotes import source_document
from gapcalc.plan.review_marks import Mark, MarkGroup, mark_groups, split_readings
from gapcalc.render.review import (
    MarkedField,
    Passage,
    Reading,
    ReadValue,
    ReviewIndicator,
    ReviewPlan,
    ReviewStatement,
    review_page,
)

_ENDS = "。！？；!?;\n"
"""Characters that end the sentence a quote is shown in."""
_BREAKS = "，,、：:"
"""Where a long sentence is shortened."""
_CONTEXT = 80
"""Characters of the sentence shown on each side of the quote, at most."""


@dataclass
class _Folded:
    """A text folded as quotes are compared (NFKC, no whitespace), with the index in the text of each character."""

    text: str
    where: list[int]

    @classmethod
    def of(cls, text: str) -> _Folded:
        chars: list[str] = []
        where: list[int] = []
        for index, char in enumerate(text):
            folded = char if char.isascii() else unicodedata.normalize("NFKC", char)
            for part in folded:
                if not part.isspace():
                    chars.append(part)
                    where.append(index)
        return cls("".join(chars), where)

    def joined(self, index: int) -> bool:
        """Whether folded characters ``index`` and ``index + 1`` stand side by side in the text (no space between:
        ``2	4`` of a table row are two numbers, not 24)."""
        return self.where[index + 1] - self.where[index] <= 1

    def span(self, start: int, length: int) -> tuple[int, int]:
        """The span of the original text that ``length`` folded characters from ``start`` come from."""
        return self.where[start], self.where[start + length - 1] + 1


def _fold(text: str) -> str:
    return _Folded.of(text).text


def _numbers(value: Value) -> list[list[str]]:
    """The numbers of a value, each as the ways it may be printed: as ``printed`` says (one text for all of the
    value), else as typed and without trailing zeros (``7.0``, ``7``); a target in words as its words."""
    if value.printed:
        return [[value.printed]]
    found: list[list[str]] = []
    for number in (value.value, value.upper):
        if number is not None:
            ways = [format(number, "f")]
            if number == number.to_integral_value():
                ways.append(format(number.quantize(Decimal(1)), "f"))
            found.append(list(dict.fromkeys(ways)))
    if value.text:
        found.append([value.text])
    return found


def _find(folded: _Folded, needle: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first free span of the quote where ``needle`` stands on its own (a number never matches inside a longer
    one: ``2`` is not found in ``2025`` or ``2.3``; ``2	4`` of a table row are two numbers)."""
    start = folded.text.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        before = folded.text[start - 1:start] if start and folded.joined(start - 1) else ""
        after = folded.text[end:end + 2] if end < len(folded.text) and folded.joined(end - 1) else ""
        inside = (needle[0].isdigit() and (before.isdigit() or before == ".")) or \
            (needle[-1].isdigit() and (after[:1].isdigit() or (after[:1] == "." and after[1:].isdigit())))
        span = folded.span(start, len(needle))
        if not inside and all(span[1] <= s or span[0] >= e for s, e in spans):
            return span
        start = folded.text.find(needle, start + 1)
    return None


def _highlighted(quote: str, numbers: list[list[str]]) -> tuple[tuple[tuple[str, bool], ...], tuple[str, ...]]:
    """The quote as pieces with each number read marked where it is printed (``True``), and the numbers read that
    are not printed in it."""
    folded = _Folded.of(quote)
    spans: list[tuple[int, int]] = []
    missing: list[str] = []
    for ways in numbers:
        span = next((found for found in (_find(folded, _fold(way), spans) for way in ways) if found), None)
        if span is None:
            missing.append(ways[0])
        else:
            spans.append(span)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        if start > at:
            pieces.append((quote[at:start], False))
        pieces.append((quote[start:end], True))
        at = end
    if at < len(quote):
        pieces.append((quote[at:], False))
    return tuple(pieces), tuple(missing)


def _shortened_before(text: str) -> str:
    if len(text) <= _CONTEXT:
        return text.lstrip()
    tail = text[-_CONTEXT:]
    cut = min((tail.find(mark) for mark in _BREAKS if mark in tail), default=-1)
    return "…" + (tail[cut + 1:] if cut >= 0 else tail)


def _shortened_after(text: str) -> str:
    if len(text) <= _CONTEXT:
        return text.rstrip()
    head = text[:_CONTEXT]
    cut = max((head.rfind(mark) for mark in _BREAKS), default=-1)
    return (head[:cut + 1] if cut >= 0 else head) + "…"


def passage(document: str, folded: _Folded, quote: str, numbers: list[list[str]]) -> Passage:
    """The sentence of ``document`` the quote stands in, with the numbers read highlighted in the quote."""
    needle = _fold(quote)
    at = folded.text.find(needle) if needle and document else -1
    if at < 0:
        return Passage("", *_highlighted(quote, numbers), "", found=False)
    start, end = folded.span(at, len(needle))
    begin = max((document.rfind(mark, 0, start) for mark in _ENDS), default=-1) + 1
    stops = [found for found in (document.find(mark, end) for mark in _ENDS) if found >= 0]
    stop = min(stops) + 1 if stops else len(document)
    after = document[end:stop].rstrip("\n")
    line = document.count("\n", 0, start) + 1
    return Passage(_shortened_before(document[begin:start]), *_highlighted(document[start:end], numbers),
                   _shortened_after(after), found=True, line=line)


def _marked(mark: Mark) -> MarkedField:
    return MarkedField(mark.field, mark.line, tuple(Reading(text, marked) for marked, text in
                                                    split_readings(mark.value)))


def _read_value(value: Value) -> ReadValue:
    def text(number: Decimal | None) -> str:
        return "" if number is None else format(number, "f")

    return ReadValue(value.year, text(value.value), value.comparator, text(value.upper), value.printed or "",
                     value.text or "")


def _notes(series: Series) -> tuple[Reading, ...]:
    texts = [series.note] + [value.note for value in series.values]
    return tuple(Reading(text, marked) for note in texts if note for marked, text in split_readings(note))


def review_data(loaded: LoadedPlan) -> ReviewPlan:
    """What the review page shows of a validated plan: each statement in its sentence of the saved text."""
    source = source_document(loaded)
    document = read_text(source)[0] if source is not None else ""
    folded = _Folded.of(document)
    groups: dict[tuple[int | None, int | None], MarkGroup] = {(g.indicator, g.series): g
                                                              for g in mark_groups(loaded)}
    indicators: list[ReviewIndicator] = []
    for i_index, indicator in enumerate(loaded.plan.indicators):
        statements: list[ReviewStatement] = []
        for s_index, series in enumerate(indicator.series):
            group = groups.get((i_index, s_index))
            numbers = [ways for value in series.values for ways in _numbers(value)]
            found = passage(document, folded, series.quote, numbers)
            place = " · ".join(part for part in (series.source.section, series.source.table) if part)
            statements.append(ReviewStatement(
                loaded.where("indicators", i_index, "series", s_index, "quote")[0], series.kind, series.quote, place,
                tuple(_read_value(value) for value in series.values), _notes(series),
                tuple(_marked(mark) for mark in group.marks) if group else (), found,
                breakdown=series.breakdown or "", change=series.change or ""))
        indicators.append(ReviewIndicator(indicator.id, indicator.name_zh, indicator.name_en, indicator.unit,
                                          loaded.where("indicators", i_index, "id")[0], tuple(statements)))
    header = groups.get((None, None))
    return ReviewPlan(loaded.id, loaded.plan.plan.name_zh, loaded.display,
                      display_path(source) if source is not None else "",
                      tuple(_marked(mark) for mark in header.marks) if header else (), tuple(indicators))


def open_for_review(path: Path) -> LoadedPlan:
    """A target file that parses and validates (the rules' findings do not stop a review); a GapcalcError naming
    its first problem otherwise."""
    loaded, problems = load_plan_file(path, display_path(path))
    if loaded is None:
        first = problems[0]
        raise GapcalcError(t("{path} cannot be reviewed: {problem}", path=first.location(), problem=first.message),
                           t("fix it first (gapcalc check {path} lists every problem)", path=display_path(path)))
    return loaded


def review_html(path: Path, lang: str) -> tuple[str, ReviewPlan]:
    """The review page of the target file at ``path``, and what it shows."""
    data = review_data(open_for_review(path))
    return review_page(data, lang), data


def plan_review(plan_id: str, directory: Path, lang: str) -> tuple[str, ReviewPlan]:
    """The review page of plan ``plan_id`` of the targets directory."""
    return review_html(plan_path(directory, plan_id), lang)


def refuse_existing(path: Path, force: bool) -> None:
    """A GapcalcError when ``path`` exists and ``force`` is not given: said before anything is written."""
    if path.exists() and not force:
        raise GapcalcError(t("{path} already exists", path=str(path)),
                           t("pass --force to replace it, or choose another file for the page"))


def write_review(page: str, path: Path, force: bool) -> None:
    """Write the page atomically; never over an existing file unless ``force``."""
    refuse_existing(path, force)
    write_atomic(path, page, newline="\n", exclusive=not force)
