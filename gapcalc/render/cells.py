"""Turning cell values into text, the same way in every machine format.

Decimals print exactly as stated (``7.0`` stays ``7.0``); floats (percentages and rates computed by gapcalc) are
rounded to :data:`FLOAT_DECIMALS` places with trailing zeros removed; None is an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from gapcalc.engine.contracts import EXACT_COLUMNS, YEAR_COLUMNS, exact_text

FLOAT_DECIMALS = 4
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")


def format_float(number: float, decimals: int = FLOAT_DECIMALS) -> str:
    """``85.71428571`` → ``85.7143``; ``100.0`` → ``100``; NaN → ``""`` (:func:`format_floats` of one number)."""
    return format_floats([number], decimals)[0]


def format_floats(numbers: Sequence[float], decimals: int = FLOAT_DECIMALS) -> list[str]:
    """Numbers rounded to ``decimals`` places with trailing zeros removed, ``-0`` as ``0`` and NaN as an empty cell.

    The whole column is printed by one ``%`` operation (in C) and split; only the trailing zeros are removed one
    cell at a time."""
    if not len(numbers):
        return []
    printed = (f"%.{decimals}f\n" * len(numbers)) % tuple(numbers)
    texts = printed.split("\n")
    texts.pop()  # after the last newline
    if decimals > 0:  # every finite number has a point: ``inf`` and ``nan`` end in no zero
        texts = [t.rstrip("0").rstrip(".") for t in texts]
    if "nan" in printed:
        texts = ["" if t == "nan" else t for t in texts]
    return ["0" if t == "-0" else t for t in texts] if "-0" in texts else texts


def cell_text(value: Any) -> str:
    """The text of one cell in machine output: a float rounded (:func:`format_float`), anything else as
    :func:`~gapcalc.engine.contracts.exact_text` writes it."""
    return format_float(value) if isinstance(value, float) else exact_text(value)


def exact_texts(numbers: Sequence[Decimal | None]) -> list[str]:
    """Decimals printed as stated, in plain notation (``format(d, "f")``), None as an empty cell.

    ``str`` gives the same text, faster, unless it chooses scientific notation (a positive exponent, or more than six
    zeros after the point), which always shows an ``E``: a column with one is printed with ``format`` instead."""
    texts = ["" if d is None else str(d) for d in numbers]
    if "E" in "".join(texts):
        texts = ["" if d is None else format(d, "f") for d in numbers]
    return texts


_TEXT_TYPES = frozenset({str, type(None)})


def column_texts(name: str, values: Sequence[Any]) -> list[str]:
    """A whole column's cell texts, as :func:`cell_text` gives them one by one: floats (a float64 array) rounded,
    Decimals printed as stated, years as digits, None as an empty cell."""
    if getattr(values, "dtype", None) == "float64":
        if values.size and values.dtype.kind == "f" and not (values == values).any():  # type: ignore[attr-defined]
            return [""] * values.size  # type: ignore[attr-defined]  # every cell NaN (most in-year columns)
        return format_floats(values.tolist())  # type: ignore[attr-defined]
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    if name in EXACT_COLUMNS:
        return exact_texts(items)
    if name in YEAR_COLUMNS:
        return ["" if y is None else str(y) for y in items]
    types = set(map(type, items))  # one pass in C
    if types == {type(None)}:
        return [""] * len(items)
    if types == {str}:
        return items
    if types <= _TEXT_TYPES:  # a column of text with missing cells
        return ["" if v is None else v for v in items]
    return [cell_text(v) for v in items]


def json_value(value: Any) -> Any:
    """A JSON-ready value: Decimals become int or float keeping their printed form (``7.0`` stays ``7.0``), floats
    are rounded as in CSV, NaN is null."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent >= 0 else float(value)  # type: ignore[operator]
    if isinstance(value, float):
        return json_floats([value])[0]
    return value


def json_floats(numbers: Sequence[float]) -> list[float | None]:
    """Floats as JSON carries them: rounded as in CSV (:func:`format_floats`), NaN (missing) as None."""
    return [float(text) if text else None for text in format_floats(numbers)]


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; lone surrogates)."""


def xml_text(text: str) -> str:
    """``text`` as the XML of a workbook or a Word document can hold it: characters XML cannot hold are left out
    (a control character pasted from a web page would otherwise make the file unwritable)."""
    return _NOT_IN_XML.sub("", text)


def neutralise(text: str) -> str:
    """Prefix ``'`` to text that a spreadsheet would run as a formula (numbers are never touched, nor a lone sign
    such as the comparator ``=``: there is no formula to run)."""
    if len(text) > 1 and text.startswith(FORMULA_PREFIXES) and not _is_number(text):
        return "'" + text
    return text


_LINE_STARTS = tuple("\n" + prefix for prefix in FORMULA_PREFIXES)


def neutralise_column(texts: list[str]) -> list[str]:
    """:func:`neutralise` of every cell of a column; a column where no cell begins with a formula prefix (tested
    once, on the column joined by line breaks) is given back as it is."""
    joined = "\n" + "\n".join(texts)
    if not any(start in joined for start in _LINE_STARTS):
        return texts
    return [neutralise(text) for text in texts]


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True
