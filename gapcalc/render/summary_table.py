"""The summary as a rich table: counts by status and outlook per subplan, and 指标完成率."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from .cells import format_float

_STATUS = (("met", "✓ met", "green"), ("not_met", "✗ not met", "red"), ("no_data", "· no data", "grey50"),
           ("not_assessed", "– n/a", "grey50"))
_OUTLOOK = (("achieved", "✓ achieved", "green"), ("on_track", "+ on track", "green"),
            ("acceleration_needed", "! accelerate", "yellow"), ("limited_progress", "- limited", "dark_orange"),
            ("deterioration", "✗ deteriorating", "red"), ("insufficient_data", "? no trend", "grey50"))


def print_summary(console: Console, rows: Sequence[dict[str, Any]], title: str) -> None:
    """One line per subplan and one for the whole plan (``*``)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Plan / subplan", overflow="fold", max_width=46)
    for _, label, style in _STATUS + _OUTLOOK:
        table.add_column(label, justify="right", header_style=style, no_wrap=True)
    table.add_column("met / assessed", justify="right", no_wrap=True)
    for row in rows:
        name = row["subplan_name"] if row["subplan"] != "*" else f"{row['plan']} (all)"
        share = row.get("met_share_pct")
        met = f"{row['met']}/{row['assessed']}" + (f" = {format_float(share, 1)}%" if share is not None else "")
        cells = [str(row.get(key, 0)) for key, _, _ in _STATUS + _OUTLOOK]
        table.add_row(name, *cells, met, style="bold" if row["subplan"] == "*" else "")
    console.print(table)
