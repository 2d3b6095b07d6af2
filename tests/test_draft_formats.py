"""The same plan excerpt saved as text (GB18030), HTML, Word and PDF drafts into the same statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapcalc.draft.read import read_document
from gapcalc.draft.recognise import extract

INPUTS = Path(__file__).resolve().parent / "fixtures" / "draft" / "inputs"
FORMATS = ("plan.txt", "plan.html", "plan.docx", "plan.pdf")


def statements_of(name: str) -> list[tuple[object, ...]]:
    """What a reviewer compares: indicator wording, unit, kind, breakdown and each (year, value, comparator)."""
    found = extract(read_document(INPUTS / name)).statements
    return [(s.name_zh, s.unit, s.kind, s.breakdown, s.change,
             tuple((v.year, v.value, v.comparator, v.upper, v.text) for v in s.values)) for s in found]


def test_the_text_fixture_holds_targets() -> None:
    statements = statements_of("plan.txt")
    assert len(statements) >= 3
    assert any(values and values[-1][2] == ">" for *_, values in statements)  # the ">50%" cell


@pytest.mark.parametrize("name", FORMATS[1:])
def test_every_format_drafts_the_same_statements(name: str) -> None:
    assert statements_of(name) == statements_of("plan.txt")
