"""Findings: every problem gapcalc reports, with a stable code, a location and a fix hint.

A :class:`Finding` is what ``gapcalc check`` prints and what loaders return instead of raising. Codes are stable
(documented in ``docs/faults.md``): tools and people can grep for them. ``GC0xx`` are input/output problems (exit 2),
``GC1xx`` target-file errors, ``GC2xx`` inconsistencies of the plan document itself (warnings), ``GC3xx`` actuals
problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from gapcalc.messages import Joined, Text, Trimmed, say, t


class Severity(str, Enum):
    """How bad a finding is: errors fail ``check``; warnings only with ``--strict``; info never."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# code -> (short name, severity)
CODES: dict[str, tuple[str, Severity]] = {
    "GC001": ("file-not-found", Severity.ERROR),
    "GC002": ("unreadable-file", Severity.ERROR),
    "GC003": ("undecodable-file", Severity.ERROR),
    "GC004": ("actuals-file-missing", Severity.INFO),
    "GC100": ("toml-syntax", Severity.ERROR),
    "GC101": ("unknown-key", Severity.ERROR),
    "GC102": ("missing-key", Severity.ERROR),
    "GC103": ("wrong-type", Severity.ERROR),
    "GC104": ("invalid-value", Severity.ERROR),
    "GC105": ("duplicate-indicator", Severity.ERROR),
    "GC106": ("duplicate-year", Severity.ERROR),
    "GC107": ("year-outside-period", Severity.ERROR),
    "GC108": ("unknown-breakdown", Severity.ERROR),
    "GC109": ("unknown-subplan", Severity.ERROR),
    "GC110": ("comparator-misuse", Severity.ERROR),
    "GC111": ("change-direction-missing", Severity.ERROR),
    "GC112": ("baseline-after-target", Severity.ERROR),
    "GC113": ("plan-id-mismatch", Severity.ERROR),
    "GC114": ("invalid-period", Severity.ERROR),
    "GC115": ("breakdown-near-duplicate", Severity.WARNING),
    "GC116": ("source-text-missing", Severity.ERROR),
    "GC117": ("quote-not-in-document", Severity.ERROR),
    "GC118": ("number-not-in-quote", Severity.ERROR),
    "GC119": ("duplicate-breakdown", Severity.ERROR),
    "GC120": ("period-missing", Severity.ERROR),
    "GC121": ("subplan-missing", Severity.ERROR),
    "GC122": ("value-missing", Severity.ERROR),
    "GC123": ("duplicate-plan", Severity.ERROR),
    "GC124": ("negative-change", Severity.ERROR),
    "GC125": ("change-contradicts-quote", Severity.ERROR),
    "GC126": ("target-against-direction", Severity.WARNING),
    "GC127": ("ratio-of-invalid", Severity.ERROR),
    "GC130": ("draft-not-reviewed", Severity.WARNING),
    "GC201": ("increments-do-not-add-up", Severity.WARNING),
    "GC202": ("statements-disagree", Severity.WARNING),
    "GC203": ("non-monotonic-milestones", Severity.WARNING),
    "GC204": ("breakdowns-do-not-sum", Severity.WARNING),
    "GC205": ("rate-does-not-compute", Severity.WARNING),
    "GC300": ("actuals-header", Severity.ERROR),
    "GC301": ("actuals-unknown-column", Severity.ERROR),
    "GC302": ("actuals-bad-number", Severity.ERROR),
    "GC303": ("actuals-percent-on-non-percent", Severity.ERROR),
    "GC304": ("actuals-bad-year", Severity.ERROR),
    "GC305": ("actuals-unknown-indicator", Severity.ERROR),
    "GC306": ("actuals-unknown-breakdown", Severity.ERROR),
    "GC307": ("actuals-year-outside-plan", Severity.WARNING),
    "GC308": ("actuals-conflicting-duplicate", Severity.ERROR),
    "GC309": ("actuals-identical-duplicate", Severity.WARNING),
    "GC310": ("actuals-missing-value", Severity.INFO),
    "GC311": ("actuals-missing-indicator", Severity.ERROR),
    "GC312": ("actuals-ragged-row", Severity.ERROR),
    "GC313": ("actuals-without-plan", Severity.ERROR),
    "GC314": ("actuals-unclosed-quote", Severity.ERROR),
    "GC315": ("actuals-duplicate-column", Severity.ERROR),
    "GC316": ("actuals-footnote-marker", Severity.WARNING),
    "GC317": ("actuals-other-plan", Severity.ERROR),
    "GC318": ("actuals-number-out-of-range", Severity.ERROR),
    "GC319": ("actuals-semicolon-separated", Severity.WARNING),
    "GC320": ("actuals-findings-cut", Severity.WARNING),
    "GC321": ("actuals-bad-shape", Severity.ERROR),
    "GC322": ("actuals-level-jump", Severity.WARNING),
    "GC323": ("actuals-figure-not-placed", Severity.ERROR),
    "GC324": ("actuals-additions-on-percentage", Severity.ERROR),
    "GC330": ("actuals-draft-not-reviewed", Severity.WARNING),
}


class Later(str):
    """A message made when it is read, not when it is written: the template and fields of :func:`gapcalc.messages.t`,
    kept unformatted (:func:`later`). A :class:`Finding` given one as its message or hint formats it the first time
    that is read, so a finding never shown (a warning a report leaves out, a finding only counted) costs no
    formatting. Fields that are themselves ``Later`` are made with it.

    Only a finding (and :func:`to_plain`, :func:`gapcalc.messages.say`) reads one: as a ``str`` it is its template.
    """

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, fields: dict[str, Any]) -> Later:
        made = super().__new__(cls, template)
        made.template = template
        made.fields = fields
        return made

    def said(self) -> Text:
        """The message, formatted (as :func:`gapcalc.messages.t` would have made it)."""
        return Text(self.template, {name: value.said() if isinstance(value, Later) else value
                                    for name, value in self.fields.items()})

    def __str__(self) -> str:
        return str(self.said())

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self) -> tuple[Any, ...]:
        return Later, (self.template, self.fields)

    def in_lang(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.said().in_lang(lang)


def later(template: str, **fields: Any) -> Later:
    """:func:`gapcalc.messages.t`, formatted only when read: for the messages of findings that may never be shown."""
    return Later(template, fields)


class _Said:
    """A finding's message or hint as it is read: a :class:`Later` it was given is formatted when first read, then
    kept. ``default``: the field's default (none when not given)."""

    _NO_DEFAULT: Any = object()

    def __init__(self, default: Any = _NO_DEFAULT) -> None:
        self.default = default
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_said_{name}"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:  # the class's attribute: the dataclass field's default
            if self.default is _Said._NO_DEFAULT:
                raise AttributeError(self.slot)
            return self.default
        value = instance.__dict__[self.slot]
        if isinstance(value, Later):
            value = value.said()
            instance.__dict__[self.slot] = value
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.slot] = value


@dataclass(frozen=True)
class Finding:
    """One problem, where it is, and how to fix it. A message or hint given as :class:`Later` is formatted when
    first read."""

    code: str
    message: str
    file: str
    line: int = 0
    col: int = 0
    hint: str = ""
    path: str = ""
    severity: Severity = field(default=Severity.ERROR)
    if not TYPE_CHECKING:  # the fields as stored: formatted when read (the type checker sees the str fields)
        message = _Said()
        hint = _Said("")

    @property
    def name(self) -> str:
        """The code's short name (``unknown-key``)."""
        return CODES[self.code][0]

    def location(self) -> str:
        """``file:line:col`` (or ``file:line`` / ``file`` when finer positions are unknown)."""
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def as_text(self) -> str:
        """The one-line form ``file:line:col: CODE message (hint)``; control characters (from a cell quoted in the
        message) are shown as escapes, never sent to the terminal."""
        text = f"{self.location()}: {self.code} {self.severity.value}: {self.message}"
        return visible(f"{text} — {self.hint}" if self.hint else text)

    def in_lang(self, lang: str) -> Finding:
        """The same finding with its message and hint said in ``lang`` (``zh`` or ``en``); code and location
        unchanged."""
        return replace(self, message=say(self.message, lang), hint=say(self.hint, lang))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["message"], data["hint"] = str(self.message), str(self.hint)
        data["severity"] = self.severity.value
        data["name"] = self.name
        return data


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters (an escape sequence, a line break inside a cell) written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text) if _CONTROL.search(text) else text


def finding(code: str, message: str, file: str, line: int = 0, col: int = 0, hint: str = "", path: str = "") -> Finding:
    """Make a finding with the severity registered for ``code``."""
    return Finding(code, message, file, line, col, hint, path, CODES[code][1])


class FindingLine(str):
    """A finding's one-line form (:meth:`Finding.as_text`), kept as its finding so it is said in any language."""

    finding: Finding

    def __new__(cls, item: Finding) -> FindingLine:
        made = super().__new__(cls, item.as_text())
        made.finding = item
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return FindingLine, (self.finding,)

    def in_lang(self, lang: str) -> str:
        """The line in ``lang``: message and hint translated, code and location unchanged."""
        return self.finding.in_lang(lang).as_text()


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in file, then line, then column order."""
    return sorted(findings, key=lambda f: (f.file, f.line, f.col, f.code))


class GapcalcError(Exception):
    """An input/output or usage problem that stops a command (exit 2)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.text()

    def text(self) -> str:
        """Message and hint on one line (``message — hint``), to be said in the language of the output."""
        return t("{message} — {hint}", message=self.message, hint=self.hint) if self.hint else self.message


def to_plain(value: Any) -> Any:
    """``value`` as plain data the cache can store (marshal): a message becomes a tagged tuple, a number that is
    not an int or float its text; :func:`from_plain` gives the message back."""
    if isinstance(value, Later):
        value = value.said()
    if isinstance(value, Text):
        return ("\0t", value.template, {name: to_plain(item) for name, item in value.fields.items()})
    if isinstance(value, Joined):
        return ("\0j", tuple(to_plain(part) for part in value.parts))
    if isinstance(value, Trimmed):
        return ("\0p", to_plain(value.text), value.prefix)
    if isinstance(value, str) and hasattr(value, "finding"):  # a finding's line: its finding, to be said again
        item = value.finding
        return ("\0f", item.code, to_plain(item.message), item.file, item.line, item.col, to_plain(item.hint),
                item.path)
    if isinstance(value, (list, tuple)):
        return type(value)(to_plain(item) for item in value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)


def from_plain(value: Any) -> Any:
    """Back from :func:`to_plain`."""
    if isinstance(value, tuple) and value and value[0] == "\0t":
        return Text(value[1], {name: from_plain(item) for name, item in value[2].items()})
    if isinstance(value, tuple) and value and value[0] == "\0j":
        return Joined([from_plain(part) for part in value[1]])
    if isinstance(value, tuple) and value and value[0] == "\0p":
        return Trimmed(from_plain(value[1]), value[2])
    if isinstance(value, tuple) and value and value[0] == "\0f":
        _, code, message, file, line, col, hint, path = value
        return FindingLine(finding(code, from_plain(message), file, line, col, from_plain(hint), path))
    if isinstance(value, (list, tuple)):
        return type(value)(from_plain(item) for item in value)
    return value
