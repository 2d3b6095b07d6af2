"""Traceability: every quote occurs in its document, and every number occurs in its quote.

Matching ignores whitespace (tables are tab-separated in the documents, and PDFs put spaces around numbers) and
applies NFKC (full-width digits and punctuation become their ASCII forms), and nothing else: a mistyped number, a
wrong character or a paraphrase fails the check. A quote typed in simplified characters from a document printed in
traditional ones fails too, and its hint gives the document's own wording to copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from gapcalc.chinese import has_traditional, to_simplified
from gapcalc.errors import Finding
from gapcalc.infra.textio import read_bytes
from gapcalc.messages import t
from gapcalc.plan.load import LoadedPlan
from gapcalc.plan.model import Series, Value

_WHITESPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def normalise(text: str) -> str:
    """NFKC, without any whitespace: the form quotes and documents are compared in."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def numbers_in(text: str) -> set[str]:
    """The numbers printed in ``text`` (thousands separators removed, decimals kept as printed)."""
    return {token.replace(",", "") for token in _NUMBER.findall(unicodedata.normalize("NFKC", text))}


@dataclass
class _Document:
    """A source document in the form quotes are compared in (:func:`normalise`)."""

    text: str

    @cached_property
    def simplified(self) -> str | None:
        """The text with its traditional characters as simplified ones (same length); None when it has none."""
        return to_simplified(self.text) if has_traditional(self.text) else None

    def traditional_wording(self, quote: str) -> str | None:
        """The document's own wording of a (normalised) quote found only once both are in simplified characters."""
        if self.simplified is None:
            return None
        at = self.simplified.find(to_simplified(quote))
        return self.text[at:at + len(quote)] if at >= 0 else None


def _document(path: Path) -> _Document:
    return _Document(normalise(read_bytes(path).decode("utf-8-sig", errors="replace")))


def source_candidates(loaded: LoadedPlan) -> list[Path]:
    """Where the plan's ``source_text`` is looked for, in order: relative to the repository (the targets
    directory's parent), to the target file, to the working directory."""
    relative = Path(loaded.plan.plan.source_text)
    here = loaded.path.resolve().parent
    return [root / relative for root in (here.parent, here, Path.cwd())]


def source_document(loaded: LoadedPlan) -> Path | None:
    """The plan's ``source_text`` document: the first candidate that exists."""
    return next((candidate for candidate in source_candidates(loaded) if candidate.is_file()), None)


def _longest_found_prefix(quote: str, document: str) -> str:
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in document:
            low = middle
        else:
            high = middle - 1
    return quote[:low]


def check_quotes(loaded: LoadedPlan) -> list[Finding]:
    """GC116/GC117/GC118 findings for one plan."""
    document_path = source_document(loaded)
    if document_path is None:
        source = loaded.plan.plan.source_text
        return [loaded.at("GC116", t("source document '{source}' not found", source=source), ("plan", "source_text"),
                          t("source_text is relative to the repository root, e.g. docs/sources/<plan>.txt"))]
    document = _document(document_path)
    found: list[Finding] = []
    for i_index, indicator in enumerate(loaded.plan.indicators):
        for s_index, series in enumerate(indicator.series):
            found.extend(_series_quotes(loaded, document, ("indicators", i_index, "series", s_index), series))
    return found


def _quote_problem(loaded: LoadedPlan, document: _Document, quote: str,
                   where: tuple[str | int, ...]) -> Finding | None:
    wanted = normalise(quote)
    if wanted in document.text:
        return None
    traditional = document.traditional_wording(wanted)
    if traditional is not None:
        hint = t("the document is printed in traditional characters; copy the quote as printed: '{printed}'",
                 printed=traditional)
    else:
        found = _longest_found_prefix(wanted, document.text)
        hint = (t("the document has '{found}' but not what follows it", found=found) if len(found) >= 2
                else t("copy the fragment from the document verbatim"))
    return loaded.at("GC117", t("quote not found in the document: '{quote}'", quote=quote), where, hint)


def _series_quotes(loaded: LoadedPlan, document: _Document, base: tuple[str | int, ...],
                   series: Series) -> Iterator[Finding]:
    problem = _quote_problem(loaded, document, series.quote, base + ("quote",))
    if problem:
        yield problem
    for v_index, value in enumerate(series.values):
        where = base + ("values", v_index)
        quote = series.quote
        if value.quote is not None:
            quote = value.quote
            problem = _quote_problem(loaded, document, quote, where + ("quote",))
            if problem:
                yield problem
        yield from _value_in_quote(loaded, value, quote, where)


def _value_in_quote(loaded: LoadedPlan, value: Value, quote: str, where: tuple[str | int, ...]) -> Iterator[Finding]:
    if value.printed is not None:
        if normalise(value.printed) not in normalise(quote):
            yield loaded.at("GC118", t("printed '{printed}' does not occur in the quote '{quote}'",
                                       printed=value.printed, quote=quote),
                            where + ("printed",), t("printed is how the number appears in the quote"))
    elif value.value is not None:
        yield from _number_in_quote(loaded, value.value, quote, where + ("value",))
    if value.upper is not None:
        yield from _number_in_quote(loaded, value.upper, quote, where + ("upper",))
    if value.text is not None and normalise(value.text) not in normalise(quote):
        yield loaded.at("GC118", t("text '{text}' does not occur in the quote '{quote}'",
                                   text=value.text, quote=quote), where + ("text",),
                        t("text is the wording of the quote"))


def _number_in_quote(loaded: LoadedPlan, number: Decimal, quote: str,
                     where: tuple[str | int, ...]) -> Iterator[Finding]:
    shown = format(number, "f")
    printed_numbers = numbers_in(quote)
    if shown in printed_numbers or (number < 0 and format(-number, "f") in printed_numbers):
        return
    listed = ", ".join(sorted(printed_numbers, key=lambda s: (len(s), s))) or t("none")
    yield loaded.at("GC118", t("{shown} is not printed in the quote '{quote}' (it prints: {listed})",
                               shown=shown, quote=quote, listed=listed), where,
                    t("type the number exactly as printed (7.0 stays 7.0), or give printed = \"…\" for 2万, 翻番"))
