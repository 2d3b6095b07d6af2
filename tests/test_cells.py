"""Cell texts of machine output: the column-at-a-time printers give exactly what printing one value at a time gives."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gapcalc.render.cells import exact_texts, format_float, format_floats, neutralise, neutralise_column


def one_float(number: float, decimals: int) -> str:
    """The rule, one number at a time: rounded, trailing zeros and point removed, ``-0`` as ``0``, NaN empty."""
    if math.isnan(number):
        return ""
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True)), st.integers(min_value=0, max_value=8))
def test_format_floats_prints_each_number_as_the_rule_says(numbers: list[float], decimals: int) -> None:
    assert format_floats(numbers, decimals) == [one_float(x, decimals) for x in numbers]


def test_format_floats_edge_cases() -> None:
    numbers = [100.0, 85.714285714, -0.0, -0.00001, float("nan"), float("inf"), -float("inf"), 0.00005, 1e20]
    assert format_floats(numbers) == ["100", "85.7143", "0", "0", "", "inf", "-inf", "0.0001",
                                      "100000000000000000000"]
    assert format_floats([]) == []
    assert format_float(10.0, 0) == "10"  # no point: the zeros of a whole number stay
    assert format_float(-0.4, 0) == "0"


@given(st.lists(st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False))))
def test_exact_texts_print_decimals_in_plain_notation(numbers: list[Decimal | None]) -> None:
    assert exact_texts(numbers) == ["" if d is None else format(d, "f") for d in numbers]


def test_exact_texts_never_print_scientific_notation() -> None:
    numbers = [Decimal("58.7"), Decimal("7.0"), Decimal("1E+3"), Decimal("0.00000012"), None, Decimal("-0")]
    assert exact_texts(numbers) == ["58.7", "7.0", "1000", "0.00000012", "", "-0"]


_CELLS = st.text(alphabet=st.sampled_from(list('ab,"\n\r\t 1.-=中')), max_size=6)


@given(st.integers(1, 4).flatmap(lambda width: st.lists(st.lists(_CELLS, min_size=width, max_size=width),
                                                            min_size=1, max_size=6)),
       st.sampled_from([",", "\t"]))
def test_csv_and_tsv_are_the_bytes_of_csv_writer(rows: list[list[str]], delimiter: str) -> None:
    """The column-wise path (no cell needs quoting) and csv.writer's agree on every batch, whatever its cells."""
    import csv
    import io

    from gapcalc.render.delimited import _BARE_CR_UNQUOTED, write_delimited
    from gapcalc.render.document import Document

    if _BARE_CR_UNQUOTED and any("\r" in cell for row in rows for cell in row):
        return  # bare CRs before Python 3.13: written on purpose unlike csv.writer (tests/test_pipes.py)
    names = [f"c{i}" for i in range(len(rows[0]))]
    out = io.StringIO()
    write_delimited(Document("t", names, batches=[{n: [r[i] for r in rows] for i, n in enumerate(names)}]), out,
                    delimiter, header=False)
    expected = io.StringIO()
    csv.writer(expected, delimiter=delimiter, lineterminator="\n").writerows(rows)
    assert out.getvalue() == expected.getvalue()


_CELL = st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\x00", "\n", "1", ".", "a", "中", " "]),
                max_size=6)


@given(st.lists(_CELL))
def test_a_column_is_neutralised_as_its_cells_are_one_by_one(column: list[str]) -> None:
    assert neutralise_column(column) == [neutralise(cell) for cell in column]


def test_a_column_without_a_formula_start_is_given_back_as_it_is() -> None:
    column = ["12.5", "中文=公式", "a-b", ""]
    assert neutralise_column(column) is column
    assert neutralise_column(["1", "=SUM(A1)", "-3"]) == ["1", "'=SUM(A1)", "-3"]
