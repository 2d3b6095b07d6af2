"""Arguments the commands and the Python API take, checked once for both: a year, a day."""

from __future__ import annotations

import datetime
import operator
from typing import SupportsIndex, cast

from gapcalc.errors import GapcalcError
from gapcalc.messages import t

FIRST_YEAR, LAST_YEAR = 1949, 2100
"""The years gapcalc reads: from the founding of the People's Republic to the end of the century."""


def year_of(value: object, example: int = 2019) -> int:
    """``value`` as a year: an int or a numpy integer, or a text of digits; a GapcalcError for anything else (a
    bool, a float, ``"20x9"``) and for a year outside :data:`FIRST_YEAR`–:data:`LAST_YEAR`."""
    year: int | None = None
    if isinstance(value, str):
        text = value.strip()
        year = int(text) if text.isascii() and text.isdigit() else None
    elif not isinstance(value, bool):
        try:
            year = operator.index(cast("SupportsIndex", value))
        except TypeError:
            year = None
    if year is None:
        raise GapcalcError(t("'{text}' is not a year", text=str(value)),
                           t("give a year such as {year}", year=example))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise GapcalcError(t("{year} is outside the years gapcalc reads ({first}–{last})", year=year,
                             first=FIRST_YEAR, last=LAST_YEAR), t("give a year such as {year}", year=example))
    return year


def day_of(value: object) -> datetime.date:
    """``value`` as a day: a date, or a text ``YYYY-MM-DD``; a GapcalcError for anything else."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    try:
        day = datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise GapcalcError(t("'{text}' is not a date", text=text), t("give a day such as 2024-06-30"))
    year_of(day.year)
    return day
