"""The summary as a rich table: counts by status and outlook per subplan, and 指标完成率."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from gapcalc.engine.contracts import OUTLOOK_KEYS, STATUS_KEYS
from gapcalc.render.cells import format_float
from gapcalc.render.i18n import heading, status_word
from gapcalc.render.words import RICH_STYLE


def _shown_keys(rows: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    """Status and outlook columns; ``inconclusive`` only where some row has one."""
    keys = STATUS_KEYS[:4] + OUTLOOK_KEYS
    return (*keys, "inconclusive") if any(row.get("inconclusive") for row in rows) else keys


def print_summary(console: Console, rows: Sequence[dict[str, Any]], title: str, lang: str = "en") -> None:
    """One line per subplan and one for the whole plan (``*``)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(heading("plan", lang), overflow="fold", max_width=46)
    shown = _shown_keys(rows)
    for key in shown:
        table.add_column(status_word(key, lang), justify="right", header_style=RICH_STYLE[key], overflow="fold",
                         max_width=12)
    table.add_column(heading("share", lang), justify="right", no_wrap=True)
    for row in rows:
        name = row["subplan_name"] if row["subplan"] != "*" else f"{row['plan']} ({heading('all', lang)})"
        share = row.get("met_share_pct")
        met = f"{row['met']}/{row['assessed']}" + (f" = {format_float(share, 1)}%" if share is not None else "")
        cells = [str(row.get(key, 0)) for key in shown]
        table.add_row(name, *cells, met, style="bold" if row["subplan"] == "*" else "")
    console.print(table)
