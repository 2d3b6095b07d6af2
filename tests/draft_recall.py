"""Recall and precision of ``gapcalc draft`` against the hand-written target files.

A number is a value of a series (qualitative texts are not numbers). A drafted number matches a hand-written one
when value and year are equal and their quotes overlap in the document (or one quote holds the other).
Recall is the share of hand-written numbers matched by some drafted number; precision the share of drafted numbers
matching some hand-written number; kind and comparator agreement are measured over the matched pairs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import tomli as tomllib

from gapcalc.draft.charmap import fold

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return fold(_SPACE.sub("", unicodedata.normalize("NFKC", text)))


@dataclass(frozen=True)
class Number:
    """One number of a target file with where its quote stands in the document."""

    value: Decimal
    year: int
    kind: str
    comparator: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Scores:
    """Recall, precision and agreement for one plan, in percent."""

    plan: str
    hand: int
    drafted: int
    recall: float
    precision: float
    kind: float
    comparator: float


def _spans(quote: str, document: str) -> tuple[tuple[int, int], ...]:
    wanted = _norm(quote)
    spans, start = [], document.find(wanted)
    while start >= 0 and wanted:
        spans.append((start, start + len(wanted)))
        start = document.find(wanted, start + 1)
    return tuple(spans)


def numbers_of(target_file: Path, document: str) -> list[Number]:
    """The numbers of a target file."""
    data = tomllib.loads(target_file.read_text(encoding="utf-8"), parse_float=Decimal)
    found = []
    for indicator in data["indicators"]:
        for series in indicator["series"]:
            for value in series["values"]:
                if value.get("value") is None:
                    continue
                spans = _spans(value.get("quote", series["quote"]), document)
                found.append(Number(Decimal(value["value"]), value["year"], series["kind"],
                                    value.get("comparator", "="), spans))
    return found


def _overlap(first: Number, second: Number) -> bool:
    return any(a < d and c < b for a, b in first.spans for c, d in second.spans)


def _matches(first: Number, second: Number) -> bool:
    return first.value == second.value and first.year == second.year and _overlap(first, second)


def score(plan: str, hand_file: Path, draft_file: Path, source: Path) -> Scores:
    """Recall, precision, kind and comparator agreement of a draft against the hand-written file."""
    document = _norm(source.read_text(encoding="utf-8"))
    hand = numbers_of(hand_file, document)
    drafted = numbers_of(draft_file, document)
    pairs = [(h, next((d for d in drafted if _matches(h, d)), None)) for h in hand]
    matched = [(h, d) for h, d in pairs if d is not None]
    precise = sum(1 for d in drafted if any(_matches(h, d) for h in hand))
    return Scores(
        plan, len(hand), len(drafted),
        _percent(len(matched), len(hand)), _percent(precise, len(drafted)),
        _percent(sum(1 for h, d in matched if d is not None and d.kind == h.kind), len(matched)),
        _percent(sum(1 for h, d in matched if d is not None and d.comparator == h.comparator), len(matched)),
    )


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def table(scores: list[Scores]) -> str:
    """The scores as a plain-text table."""
    lines = [f"{'plan':<10} {'hand':>5} {'draft':>6} {'recall':>7} {'precision':>9} {'kind':>6} {'comparator':>10}"]
    for s in scores:
        lines.append(f"{s.plan:<10} {s.hand:>5} {s.drafted:>6} {s.recall:>7.1f} {s.precision:>9.1f} {s.kind:>6.1f} "
                     f"{s.comparator:>10.1f}")
    return "\n".join(lines)
