"""The drafter's lexicon: the words and phrasings of Chinese plans, one named rule each, read from ``lexicon.toml``.

Every rule of reading that rests on wording is an entry of ``gapcalc/draft/lexicon.toml``, named by its meaning
(``reach.rise_to``, ``comparator.above``, ``period.span``, ``unit.compound``, ``shared.smart_factories``), never by
the module that uses it: its ``words`` (or a ``map`` of words to what they mean, or a regular-expression
``pattern``), and at least one ``examples`` entry, a sentence or short document with the reading expected of it
(``tests/test_draft_lexicon.py`` drafts every example and compares). A pattern may name other rules in braces:
``{period.year}`` is that rule's pattern, ``{reach.to}`` the alternation of its words (longest first; and
``{period.annual:words}`` of a rule that also has a pattern), ``{reach}`` the words of every rule under ``reach``,
``{words}`` the rule's own words; a rule named in braces captures nothing (its named groups, ``(?P<year>…)``, are
plain groups there, so that two rules naming one group may be combined). The file is read, and each pattern
compiled, once per process.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

try:  # tomli ships compiled wheels: faster than the standard library's tomllib
    import tomli as tomllib
except ImportError:  # pragma: no cover - a platform without a tomli wheel
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        raise

PATH = Path(__file__).with_name("lexicon.toml")
_REFERENCE = re.compile(r"\{([a-z_]+(?:\.[a-z0-9_]+)*)(:words)?\}")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_RULE_KEYS = frozenset({"words", "map", "pattern", "examples"})


@dataclass(frozen=True)
class Rule:
    """One named rule of the lexicon: its words, its map or its pattern, what else it says, and its examples."""

    name: str
    data: Mapping[str, Any]
    examples: tuple[Mapping[str, Any], ...] = field(default=())

    @property
    def words(self) -> tuple[str, ...]:
        """The rule's words: its ``words``, else the keys of its ``map``."""
        return tuple(self.data.get("words", ())) or tuple(self.data.get("map", {}))

    @property
    def map(self) -> Mapping[str, Any]:
        """What each word means (``国家级`` → ``national``), when the rule maps its words."""
        return self.data.get("map", {})  # type: ignore[no-any-return]

    def get(self, key: str, default: Any = None) -> Any:
        """Any other value the rule states (``comparator``, ``hedge``, ``units``…)."""
        return self.data.get(key, default)


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest first (so ``提高到`` wins over ``提高``)."""
    unique = sorted(dict.fromkeys(w for w in words if w), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")" if unique else "(?!)"


class Lexicon:
    """The rules of the lexicon by name, in the order of the file, with their expanded and compiled patterns."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.rules: dict[str, Rule] = {}
        self._collect("", data)
        self._expanded: dict[str, str] = {}

    def _collect(self, prefix: str, table: Mapping[str, Any]) -> None:
        if prefix and _RULE_KEYS & set(table):
            self.rules[prefix] = Rule(prefix, table, tuple(table.get("examples", ())))
            return
        for key, value in table.items():
            if isinstance(value, Mapping):
                self._collect(f"{prefix}.{key}" if prefix else key, value)

    def rule(self, name: str) -> Rule:
        """The rule called ``name`` (a KeyError names a rule the lexicon does not have)."""
        return self.rules[name]

    def section(self, name: str) -> list[Rule]:
        """The rule ``name``, or every rule under it (``reach`` → ``reach.to``, ``reach.rise_to``…), in file order."""
        if name in self.rules:
            return [self.rules[name]]
        found = [rule for key, rule in self.rules.items() if key.startswith(name + ".")]
        if not found:
            raise KeyError(name)
        return found

    def words(self, *names: str) -> tuple[str, ...]:
        """The words of the rules or sections ``names``, in order, without repeats."""
        return tuple(dict.fromkeys(w for name in names for rule in self.section(name) for w in rule.words))

    def alternation(self, *names: str) -> str:
        """A regular expression matching any word of the rules or sections ``names``, the longest first."""
        return alternation(self.words(*names))

    def regex(self, name: str, key: str = "pattern") -> str:
        """The regular expression of a rule: its ``key`` (``pattern`` by default, or another pattern it states, such
        as ``unless``) with every ``{reference}`` expanded; a rule without a pattern matches its words."""
        cache_key = f"{name}:{key}"
        if cache_key not in self._expanded:
            self._expanded[cache_key] = ""  # a reference back to a rule being expanded fails below
            rule = self.rules.get(name)
            pattern = rule.get(key) if rule else None
            if pattern is None:
                if key != "pattern":
                    raise KeyError(cache_key)
                self._expanded[cache_key] = self.alternation(name)
            else:
                self._expanded[cache_key] = _REFERENCE.sub(
                    lambda m: self._reference(name, m.group(1), bool(m.group(2))), pattern)
        if not self._expanded[cache_key]:
            raise ValueError(f"lexicon rule {name} refers back to itself")
        return self._expanded[cache_key]

    def _reference(self, owner: str, name: str, words_only: bool) -> str:
        if name == "words":
            return self.alternation(owner)
        if words_only:
            return self.alternation(name)
        return "(?:" + _NAMED_GROUP.sub("(?:", self.regex(name)) + ")"

    def compiled(self, name: str, key: str = "pattern") -> re.Pattern[str]:
        """The compiled regular expression of a rule (:meth:`regex`)."""
        return _compile(self.regex(name, key))

    def pairs(self, name: str, key: str, longest_first: bool = True, **where: Any) -> list[tuple[str, Any]]:
        """Every word of the rules under ``name`` (those stating ``where``, e.g. ``place="after"``) with the value
        its rule gives ``key``; the longest words first (``不超过`` before ``超过``, for reading the word a text
        ends with), else in the order of the file."""
        found = [(word, rule.get(key)) for rule in self.section(name)
                 if all(rule.get(k) == v for k, v in where.items()) for word in rule.words]
        return sorted(found, key=lambda pair: -len(pair[0])) if longest_first else found


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def load(path: Path = PATH) -> Lexicon:
    """The lexicon of ``path`` (the one shipped beside this module by default)."""
    with path.open("rb") as handle:
        return Lexicon(tomllib.load(handle))


LEXICON = load()
"""The shipped lexicon, read once when the drafter is first imported."""
