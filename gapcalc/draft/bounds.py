"""Bounds on what ``gapcalc draft`` reads out of a document, so that drafting ends in seconds whatever it is given.

The readers bound what they decode (pages, parts, cells: see ``read_docx``, ``read_html``, ``read_pdf_bounds``); the
HTML and Word readers also count the elements of the markup before parsing it (:data:`MAX_HTML_ELEMENTS`,
:data:`MAX_WORD_ELEMENTS`). These bound the text the recogniser then reads, and what it finds in it. A document's
text is checked before recognition:
at most :data:`MAX_TEXT_CHARS` characters (the plain-text reader checks right after decoding), :data:`MAX_LINES`
lines and :data:`MAX_NUMBERS` numbers (runs of digits and Chinese numerals: what the recogniser spends its time on).
While reading, the recogniser stops once it has found more than :data:`MAX_STATEMENTS` targets, and the writer
refuses an indicator of more than :data:`MAX_INDICATOR_SERIES` targets (``gapcalc check``, which ``draft`` runs on
the draft, looks every quote up in the whole text and compares the series of an indicator pairwise: its time grows
with targets × characters and with the square of an indicator's series). Within the bounds a draft, checked, takes
a few seconds and under 300 MiB (``bench/hostile_sizes.py``). Real plans are far inside them: the five seed plans
(``docs/sources``) have at most 42,070 characters, 1,184 lines, 1,662 numbers, 347 targets and 7 targets of one
indicator. Beyond a bound the document is refused (exit 2), naming the bound and what to do: give the part of the
plan with its targets, or split the document.
"""

from __future__ import annotations

import re

from gapcalc.errors import GapcalcError
from gapcalc.messages import t

MAX_TEXT_CHARS = 1_000_000
"""Characters of a document's text (a page of a plan prints about a thousand)."""
MAX_LINES = 100_000
"""Lines of a document's text (a plan has a few thousand; the recogniser spends some microseconds on each)."""
MAX_NUMBERS = 50_000
"""Numbers printed in a document's text (runs of digits and Chinese numerals; a plan prints a few thousand)."""
MAX_STATEMENTS = 5_000
"""Targets the recogniser reads out of one document (a plan states a few hundred)."""
MAX_INDICATOR_SERIES = 1_000
"""Targets (series) of one indicator (a plan states one a few times: per year, breakdown and kind)."""
MAX_WORD_ELEMENTS = 1_000_000
"""Elements of the XML parts of a Word document, counted before they are parsed (about 200 bytes and a microsecond
each; Word writes some tens of elements a paragraph: a plan of a hundred pages has some 100,000)."""
MAX_HTML_ELEMENTS = 250_000
"""Elements (start tags) of an HTML page, counted before it is parsed (the HTML reader spends some microseconds on
each; a plan's page on a government site has some tens of thousands)."""
NUMBER = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]+")
HTML_ELEMENT = re.compile(r"<[A-Za-z]")
LINE_BREAK = re.compile("[\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029]")
"""What ends a line for the recogniser (``str.splitlines``)."""
SPLIT_HINT = t("give the part of the plan with its targets (the chapter of main targets and its tables), or split "
               "the document and draft each part under its own --plan")


class TooLarge(GapcalcError):
    """A document beyond one of the bounds; the message says which, without naming the file (:meth:`named` does)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, SPLIT_HINT)
        self.reason = reason

    def named(self, path: str) -> GapcalcError:
        """The same refusal, naming the document."""
        return GapcalcError(t("{path}: {what}", path=path, what=self.reason), self.hint)


def check_text_size(text: str) -> None:
    """Refuse a text of more than :data:`MAX_TEXT_CHARS` characters."""
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(t("the document's text has {count} characters, more than the {bound} gapcalc draft reads",
                         count=f"{len(text):,}", bound=f"{MAX_TEXT_CHARS:,}"))


def check_text(text: str) -> None:
    """Refuse a text beyond :data:`MAX_TEXT_CHARS` characters, :data:`MAX_LINES` lines or :data:`MAX_NUMBERS`
    numbers; the numbers are counted up to the bound only (time linear in the text, memory constant)."""
    check_text_size(text)
    if _more_than(LINE_BREAK, text, MAX_LINES - 1):
        raise TooLarge(t("the document's text has more than {bound} lines, more than gapcalc draft reads",
                         bound=f"{MAX_LINES:,}"))
    if _more_than(NUMBER, text, MAX_NUMBERS):
        raise TooLarge(t("the document prints more than {bound} numbers, more than gapcalc draft reads",
                         bound=f"{MAX_NUMBERS:,}"))


def check_html(text: str) -> None:
    """Refuse an HTML page of more than :data:`MAX_HTML_ELEMENTS` elements (start tags), before it is parsed."""
    if _more_than(HTML_ELEMENT, text, MAX_HTML_ELEMENTS):
        raise too_much_markup(MAX_HTML_ELEMENTS)


def too_much_markup(bound: int) -> TooLarge:
    """The refusal of a document whose markup has more than ``bound`` elements."""
    return TooLarge(t("the document's markup has more than {bound} elements, more than gapcalc draft reads",
                      bound=f"{bound:,}"))


def _more_than(pattern: re.Pattern[str], text: str, bound: int) -> bool:
    """Whether ``pattern`` occurs more than ``bound`` times in ``text``, counting up to the bound only."""
    count = 0
    for _ in pattern.finditer(text):
        count += 1
        if count > bound:
            return True
    return False


def check_statements(count: int) -> None:
    """Refuse once more than :data:`MAX_STATEMENTS` targets have been read."""
    if count > MAX_STATEMENTS:
        raise TooLarge(t("the document states more than {bound} targets, more than gapcalc draft reads",
                         bound=f"{MAX_STATEMENTS:,}"))


def check_indicator(name: str, count: int) -> None:
    """Refuse an indicator of more than :data:`MAX_INDICATOR_SERIES` targets."""
    if count > MAX_INDICATOR_SERIES:
        raise TooLarge(t("the document states more than {bound} targets of one indicator ({name}), more than gapcalc "
                         "draft reads", bound=f"{MAX_INDICATOR_SERIES:,}", name=name))
