"""Shipped actuals drafted from a saved text stay traceable to it.

`gapcalc draft-actuals` saves each document it drafted rows from under `actuals/sources/`, its first line
`# source: title, issuer, date, URL`. A shipped row whose `source` is the address of such a text must quote, in its
note (`原文“…”`), words that the saved text holds (after NFKC width folding, whitespace ignored; a `…` in the quote
stands for words left out), and its value must be one of the quote's numbers (allowing 万/亿 scaling). So a figure can
always be checked against the text it was read from.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ACTUALS = REPO / "actuals"
SOURCES = ACTUALS / "sources"

QUOTE = re.compile(r"原文“(.*?)”")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
SCALES = (Decimal(1), Decimal(10_000), Decimal(100_000_000))


def fold(text: str) -> str:
    """NFKC width folding, without whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def saved_texts() -> dict[str, str]:
    """Saved document texts by the address on their `# source:` line (texts without an address are skipped)."""
    texts = {}
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        first = text.split("\n", 1)[0]
        if not first.startswith("# source:"):
            continue
        address = first.rsplit(",", 1)[-1].strip()
        if address.startswith(("http://", "https://")):
            texts[address] = text
    return texts


def rows_from_saved_texts() -> list[tuple[str, dict[str, str]]]:
    texts = saved_texts()
    rows = []
    for path in sorted(ACTUALS.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("source", "").strip() in texts:
                    rows.append((f"{path.stem}:{row['indicator']}:{row.get('breakdown') or '-'}:{row['year']}", row))
    return rows


ROWS = rows_from_saved_texts()


def test_some_shipped_rows_cite_a_saved_text() -> None:
    assert ROWS, "no shipped row cites a text saved under actuals/sources/"


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_quote_is_in_the_saved_text(name: str, row: dict[str, str]) -> None:
    text = fold(saved_texts()[row["source"].strip()])
    quotes = QUOTE.findall(row["note"])
    assert quotes, f"{name}: the note has no 原文“…”"
    for quote in quotes:
        position = 0
        for part in (fold(piece) for piece in quote.split("…")):
            if not part:
                continue
            found = text.find(part, position)
            assert found >= 0, f"{name}: “{part}” is not in the saved text (in this order)"
            position = found + len(part)


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_value_is_in_the_quote(name: str, row: dict[str, str]) -> None:
    try:
        value = abs(Decimal(row["value"]))
    except InvalidOperation:
        pytest.fail(f"{name}: value {row['value']!r} is not a number")
    quotes = [THOUSANDS.sub("", fold(quote)) for quote in QUOTE.findall(row["note"])]
    numbers = [Decimal(n) for quote in quotes for n in NUMBER.findall(quote)]
    candidates = {n * scale for n in numbers for scale in SCALES} | {n / scale for n in numbers for scale in SCALES}
    assert value in candidates, f"{name}: {row['value']} is not a number of its quote (numbers: {numbers})"


def test_value_check_allows_wan_scaling() -> None:
    quote = fold("服務企業「上雲」5.5萬餘戶")
    numbers = [Decimal(n) for n in NUMBER.findall(quote)]
    assert Decimal(55000) in {n * scale for n in numbers for scale in SCALES}
