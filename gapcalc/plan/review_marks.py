"""Readings of a drafted plan not reviewed yet: the values ``gapcalc draft`` marked ``draft:``, grouped by statement.

``gapcalc draft`` begins every reading it is unsure of with ``draft:`` (``name_en = "draft: Mfg clusters"``,
``note = "draft: no year in the sentence; …"``; several readings of one note are joined, each with its own mark).
A mark is ``draft:`` at the start of a value or after a space inside it — not the words of the drafter's own
explanation in the plan's note (``every note beginning with draft: is …``) — in any text of the file but a quote
(a quote is the document's wording, never a reading). Reviewing a reading means removing its mark.

The marks are grouped so that a draft of 40 marks is a short list: the plan header (``[plan]`` and the subplans) is
one group, and every statement (a ``[[indicators.series]]``) another, with the marks of its indicator (its names,
its note, its breakdowns) in the group of the indicator's first statement. :func:`check_marks` gives one GC130
warning per group, at its first mark; the review page (:mod:`gapcalc.usecases.review`) shows the same groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gapcalc.errors import Finding
from gapcalc.messages import Joined, t
from gapcalc.plan.load import LoadedPlan

MARK = re.compile(r"(?:^\s*|(?<=\s))(?<!with )draft:\s*")
"""``draft:`` opening a value or a reading inside it (not ``… beginning with draft: is …``)."""
_NOT_READINGS = frozenset({"quote"})
"""Fields that hold the document's wording, never a reading."""
_QUOTE_SHOWN = 60
"""Characters of a quote a finding shows."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """One value that carries a ``draft:`` mark: where it is, and the readings it holds."""

    path: Path
    line: int
    col: int
    value: str

    @property
    def field(self) -> str:
        """The key's name relative to its statement or indicator (``name_en``, ``note``, ``values[0].note``)."""
        return relative_name(self.path)

    @property
    def readings(self) -> list[str]:
        """What each ``draft:`` of the value says (the text after the mark, up to the next one)."""
        return [text for marked, text in split_readings(self.value) if marked]


@dataclass(frozen=True)
class MarkGroup:
    """The marks of the plan header (``indicator`` None), or of one statement with its indicator's marks."""

    indicator: int | None
    series: int | None
    marks: tuple[Mark, ...]

    @property
    def line(self) -> int:
        """The line of its first mark."""
        return self.marks[0].line


def has_mark(value: str) -> bool:
    """Whether a text carries a ``draft:`` mark."""
    return "draft:" in value and MARK.search(value) is not None


def split_readings(value: str) -> list[tuple[bool, str]]:
    """A text as its readings, in order: ``(True, text)`` for each one marked ``draft:``, ``(False, text)`` for text
    before the first mark (already reviewed)."""
    found: list[tuple[bool, str]] = []
    start, marked = 0, False
    for match in MARK.finditer(value):
        piece = value[start:match.start()].strip()
        if piece:
            found.append((marked, piece))
        start, marked = match.end(), True
    piece = value[start:].strip()
    if piece or marked:
        found.append((marked, piece))
    return found


def relative_name(path: Path) -> str:
    """``values[0].note`` for ``("indicators", 2, "series", 1, "values", 0, "note")``."""
    if path and path[0] == "indicators":
        path = path[4:] if len(path) > 4 and path[2] == "series" else path[2:]
    elif path and path[0] == "subplans":
        path = path[2:]
    elif path and path[0] == "plan":
        path = path[1:]
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}
_HOLDS_TEXT = re.compile(r"\bstr\b|\bgapcalc\.plan\.model\.")


def _text_fields(kind: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that may hold a text or a model (not numbers, years, flags or code words)."""
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(name for name, info in kind.model_fields.items()
                                      if name not in _NOT_READINGS and _HOLDS_TEXT.search(repr(info.annotation)))
    return names


def _texts(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Every text of a validated model, with its key path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in _text_fields(type(node)):
            value = getattr(node, name)
            if value is not None:
                yield from _texts(value, path + (name,))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from _texts(item, path + (index,))


def marks_of(loaded: LoadedPlan) -> list[Mark]:
    """Every marked value of a plan, in file order."""
    found: list[Mark] = []
    for path, value in _texts(loaded.plan, ()):
        if has_mark(value):
            line, col = loaded.where(*path)
            found.append(Mark(path, line, col, value))
    return sorted(found, key=lambda mark: (mark.line, mark.col))


def mark_groups(loaded: LoadedPlan) -> list[MarkGroup]:
    """The marks grouped by statement (:class:`MarkGroup`), in the order of their first mark."""
    grouped: dict[tuple[int | None, int | None], list[Mark]] = {}
    for mark in marks_of(loaded):
        path = mark.path
        if path[0] != "indicators":
            key: tuple[int | None, int | None] = (None, None)
        elif len(path) > 3 and path[2] == "series":
            key = (int(path[1]), int(path[3]))
        else:
            key = (int(path[1]), 0)  # the indicator's own marks: reviewed with its first statement
        grouped.setdefault(key, []).append(mark)
    groups = [MarkGroup(indicator, series, tuple(marks)) for (indicator, series), marks in grouped.items()]
    return sorted(groups, key=lambda group: group.line)


def _fields(group: MarkGroup) -> Joined:
    return Joined([t("{field} line {line}", field=mark.field, line=mark.line) for mark in group.marks])


def check_marks(loaded: LoadedPlan) -> list[Finding]:
    """GC130: one warning per statement (and one for the plan header) that still carries a ``draft:`` mark."""
    found: list[Finding] = []
    for group in mark_groups(loaded):
        first = group.marks[0]
        if group.indicator is None or group.series is None:
            found.append(loaded.at("GC130", t("draft plan header not reviewed ({fields})", fields=_fields(group)),
                                   first.path, t("review it against the document, then remove `draft:`")))
            continue
        indicator = loaded.plan.indicators[group.indicator]
        quote = indicator.series[group.series].quote
        shown = quote if len(quote) <= _QUOTE_SHOWN else quote[:_QUOTE_SHOWN] + "…"
        found.append(loaded.at("GC130", t("draft statement not reviewed: '{quote}' ({id}: {fields})", quote=shown,
                                          id=indicator.id, fields=_fields(group)),
                               first.path, t("review it against the quote, then remove `draft:`")))
    return found
