"""The summary as a rich table: counts by status and outlook per subplan, and 指标完成率."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from gapcalc.engine.contracts import OUTLOOK_KEYS, STATUS_KEYS, WARNING_KEYS
from gapcalc.render.i18n import heading, status_word
from gapcalc.render.numerals import rate_text
from gapcalc.render.words import RICH_STYLE

WARNING_COLUMNS = tuple(f"warning_{level}" for level in WARNING_KEYS)
"""The in-year warning counts (red, yellow, green), shown where some row has a figure of part of the year."""


def _shown_keys(rows: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    """Status and outlook columns; ``inconclusive`` only where some row has one; the in-year warning levels only
    where some target was read in-year."""
    keys: tuple[str, ...] = STATUS_KEYS[:4] + OUTLOOK_KEYS
    if any(row.get("inconclusive") for row in rows):
        keys = (*keys, "inconclusive")
    if any(row.get(key) for row in rows for key in WARNING_COLUMNS):
        keys = (*keys, *WARNING_COLUMNS)
    return keys


def print_summary(console: Console, rows: Sequence[dict[str, Any]], title: str, lang: str = "en") -> None:
    """One line per subplan and one for the whole plan (``*``)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    keys = _fitting_keys(console.width, lang, _shown_keys(rows))
    short = _needed(keys, lang, short=False) + _NAME_MIN > console.width
    table.add_column(heading("plan", lang), overflow="fold", min_width=_NAME_MIN, max_width=46)
    for key in keys:
        word = status_word(key, lang)
        table.add_column(word.split(" ")[0] if short else word, justify="right", header_style=RICH_STYLE[key],
                         no_wrap=True)
    table.add_column(heading("share", lang), justify="right", no_wrap=True)
    for row in rows:
        name = row["subplan_name"] if row["subplan"] != "*" else f"{row['plan']} ({heading('all', lang)})"
        share = row.get("met_share_pct")
        met = f"{row['met']}/{row['assessed']}" + (f" = {rate_text(share)}%" if share is not None else "")
        cells = [str(row.get(key, 0)) for key in keys]
        table.add_row(name, *cells, met, style="bold" if row["subplan"] == "*" else "")
    console.print(table)


_NAME_MIN = 20


def _fitting_keys(width: int, lang: str, shown: Sequence[str]) -> list[str]:
    """Of the ``shown`` counts, the status counts always; the outlook counts too when the terminal leaves the plan's
    name room (:data:`_NAME_MIN` cells): a narrow summary keeps what 指标完成率 is made of (headed by symbols only
    when even their words do not fit; the legend of the gap table says what they mean)."""
    keys = list(shown)
    fits = width - _needed(keys, lang, short=False) >= _NAME_MIN
    return keys if fits else [key for key in keys if key in STATUS_KEYS or key in WARNING_COLUMNS]


def _needed(keys: list[str], lang: str, short: bool) -> int:
    """Cells the count and share columns take (headed by their word, or by its symbol only when ``short``)."""
    words = [status_word(key, lang).split(" ")[0] if short else status_word(key, lang) for key in keys]
    return sum(max(cell_len(word), 3) + 3 for word in words) + max(cell_len(heading("share", lang)), 12) + 6
