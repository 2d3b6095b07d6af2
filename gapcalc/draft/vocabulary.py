"""Indicator ids: the shared vocabulary of docs/target-format.md, and readable ascii ids for everything else.

A name that matches a shared concept (``shared.<id>`` in the lexicon) gets its shared id when its unit and measure
agree with it, so ``gapcalc compare`` puts a drafted plan beside the others at once: 工业机器人使用密度 in 台/万人 is
no count of robots, and gets a plan-local id. Any other name gets an id built from English words for the keywords it
contains (``智能制造示范园区`` → ``smart_mfg_demo_parks``, the lexicon's ``english`` map), or ``indicator_<n>`` when
none is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gapcalc.draft.cells import COUNT_UNITS
from gapcalc.draft.lexicon import LEXICON, Rule

_RATIO = LEXICON.compiled("measure.ratio")


@dataclass(frozen=True)
class SharedConcept:
    """One entry of the shared vocabulary (``shared.<id>`` in the lexicon)."""

    id: str
    name_en: str
    pattern: re.Pattern[str]
    measure: str
    """``rate`` (a % indicator), ``count`` (a count unit), ``amount`` (money) or ``any``."""
    units: frozenset[str] = frozenset()
    """Units the shared indicator is kept in, besides those its measure allows."""

    def agrees(self, name_zh: str, unit: str) -> bool:
        """Whether a name matching :attr:`pattern` is this indicator: its unit fits the measure (or is one of
        :attr:`units`), and a count or an amount is named without a ratio the pattern does not name (工业机器人使用
        密度 is no count of robots)."""
        if self.measure == "rate":
            return unit == "%"
        if self.measure == "any":
            return True
        if "/" in unit or not self._unit_fits(unit):
            return False
        match = self.pattern.search(name_zh)
        rest = name_zh[:match.start()] + " " + name_zh[match.end():] if match else name_zh
        return _RATIO.search(rest) is None

    def _unit_fits(self, unit: str) -> bool:
        if unit == "-" or unit in self.units:
            return True
        if self.measure == "count":
            return unit in COUNT_UNITS
        return unit.endswith("元")


def _concept(rule: Rule) -> SharedConcept:
    return SharedConcept(rule.name.split(".", 1)[1], str(rule.get("name_en")), LEXICON.compiled(rule.name),
                         str(rule.get("measure", "any")), frozenset(rule.get("units", ())))


SHARED: tuple[SharedConcept, ...] = tuple(_concept(rule) for rule in LEXICON.section("shared"))
"""The shared vocabulary of docs/target-format.md, in the order of the lexicon (the first that fits wins)."""

KEYWORDS: dict[str, str] = {word: str(english) for word, english in LEXICON.rule("english").map.items()}
"""Chinese keyword → English word, for ids and rough English names."""
_KEYWORD_RE = re.compile(LEXICON.alternation("english"))
_MAX_WORDS = 4


def shared_concept(name_zh: str, unit: str) -> SharedConcept | None:
    """The shared concept a name stands for, if any: the first whose pattern matches and that agrees with the unit
    and measure (:meth:`SharedConcept.agrees`)."""
    return next((c for c in SHARED if c.pattern.search(name_zh) and c.agrees(name_zh, unit)), None)


def resembled_concept(name_zh: str, unit: str) -> SharedConcept | None:
    """The shared concept whose pattern a name matches though its unit or measure differ (工业机器人使用密度 in
    台/万人 resembles industrial_robots, a count), when no concept fits it."""
    if shared_concept(name_zh, unit) is not None:
        return None
    return next((c for c in SHARED if c.pattern.search(name_zh)), None)


def english_words(name_zh: str) -> list[str]:
    """English words for the known keywords of a Chinese name, in order, without repeats."""
    words: list[str] = []
    for match in _KEYWORD_RE.finditer(name_zh):
        word = KEYWORDS[match.group()]
        if word not in words:
            words.append(word)
    return words


def readable_id(name_zh: str, unit: str) -> str:
    """An ascii id for a name outside the shared vocabulary (``indicator`` when no keyword is known)."""
    words = english_words(name_zh)[-_MAX_WORDS:]
    if unit == "%" and not any(w.endswith(("rate", "share", "coverage")) for w in words):
        words.append("rate")
    return "_".join(words) if words else "indicator"


def english_name(name_zh: str) -> str | None:
    """A rough English name from keywords, for a reviewer to correct, or None when nothing is known."""
    words = english_words(name_zh)
    if not words:
        return None
    text = " ".join(words).replace("_", " ")
    return text[:1].upper() + text[1:]


class IdAllocator:
    """Hands out indicator ids, every one unique in the file."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._counter = 0

    def taken(self, wanted: str) -> bool:
        """Whether ``wanted`` is already the id of an indicator of the file."""
        return wanted in self._used

    def allocate(self, wanted: str) -> str:
        """``wanted`` if free, else ``wanted_2``, ``wanted_3``…; ``indicator`` becomes ``indicator_<n>``."""
        if wanted == "indicator":
            self._counter += 1
            wanted = f"indicator_{self._counter}"
        if not wanted[:1].isalpha():
            wanted = f"n{wanted}"
        candidate, suffix = wanted[:60], 2
        while candidate in self._used:
            candidate = f"{wanted[:56]}_{suffix}"
            suffix += 1
        self._used.add(candidate)
        return candidate
