"""Human tables with rich: colour-coded, CJK-aligned, with a word for every colour.

Colour never carries meaning alone: every status and outlook is also a word with an ASCII-width symbol (``✓ ✗``
have narrow East-Asian width, so Chinese tables stay aligned). Notes on actuals (proxies, lower bounds) get a
numbered marker and a footnote with the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .cells import cell_text, format_float
from .words import OUTLOOK_STYLE, STATUS_STYLE


def make_console(file: IO[str], color: str = "auto", width: int | None = None) -> Console:
    """A console for ``file``; ``color`` is auto (rich honours NO_COLOR / FORCE_COLOR), always or never."""
    options: dict[str, Any] = {"file": file, "highlight": False, "emoji": False}
    if color == "never":
        options["no_color"] = True
        options["color_system"] = None
    elif color == "always":
        options["force_terminal"] = True
    if width is not None:
        options.update(width=width, height=50)
    return Console(**options)


def _num(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_float(value, 1)
    return cell_text(value)


def _target_text(row: dict[str, Any]) -> str:
    if row.get("target") is None:
        return row.get("target_text") or ""
    comparator = row.get("comparator") or "="
    prefix = {"=": "", "~": "≈", "range": ""}.get(comparator, comparator)
    text = prefix + cell_text(row["target"])
    if row.get("target_source") == "interpolated":
        text += " (i)"
    elif row.get("target_source") == "final":
        text += " (f)"
    return text


def _actual_text(row: dict[str, Any], marker: str) -> str:
    if row.get("actual") is None:
        return ""
    text = cell_text(row["actual"])
    if row.get("actual_year") != row.get("year"):
        text += f" ({row['actual_year']})"
    return text + marker


def _required_text(row: dict[str, Any]) -> str:
    if row.get("status") == "not_assessed" or row.get("outlook") == "achieved":
        return ""
    if row.get("unit") == "%" and row.get("required_change_per_year") is not None:
        return f"{format_float(row['required_change_per_year'], 2)} pp/yr"
    if row.get("required_cagr_pct") is not None:
        return f"{format_float(row['required_cagr_pct'], 1)}%/yr"
    return ""


def _progress_text(row: dict[str, Any]) -> str:
    progress, elapsed = row.get("progress_pct"), row.get("time_elapsed_pct")
    if progress is None:
        return ""
    text = f"{format_float(progress, 0)}%"
    return text + (f" / {format_float(elapsed, 0)}%" if elapsed is not None else "")


def _styled(mapping: dict[str, tuple[str, str]], key: Any) -> Text:
    if key is None:
        return Text("")
    word, style = mapping.get(str(key), (str(key), ""))
    return Text(word, style=style)


def _indicator_text(row: dict[str, Any]) -> str:
    name = row.get("name_zh") or row.get("indicator") or ""
    breakdown = row.get("breakdown")
    return f"{name} · {breakdown}" if breakdown else name


def report_table(rows: Sequence[dict[str, Any]], title: str) -> tuple[Table, list[str]]:
    """The gap table and its footnotes."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, title_justify="left", expand=False)
    table.add_column("Indicator 指标", overflow="fold", min_width=12, max_width=34)
    table.add_column("Unit", no_wrap=True)
    for heading in ("Target", "Actual", "Gap", "Attain."):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("Progress / time", justify="right", no_wrap=True)
    table.add_column("Needed", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Outlook", no_wrap=True)
    footnotes: list[str] = []
    for row in rows:
        marker = ""
        if row.get("note"):
            footnotes.append(_footnote(row, len(footnotes) + 1))
            marker = f" [{len(footnotes)}]"
        attainment = row.get("attainment_pct")
        table.add_row(
            _indicator_text(row), str(row.get("unit") or ""), _target_text(row), _actual_text(row, marker),
            _num(row.get("gap")), f"{format_float(attainment, 1)}%" if attainment is not None else "",
            _progress_text(row), _required_text(row), _styled(STATUS_STYLE, row.get("status")),
            _styled(OUTLOOK_STYLE, row.get("outlook")),
        )
    return table, footnotes


def _footnote(row: dict[str, Any], number: int) -> str:
    source = row.get("source_title") or row.get("source") or ""
    text = f"[{number}] {row.get('indicator')} {row.get('actual_year')}: {row.get('note')}"
    return f"{text} — {source}" if source else text


LEGEND = ("Target: (i) interpolated between milestones, (f) final target carried past its year. "
          "Progress / time: share of the baseline→final distance covered vs share of the period elapsed "
          "(时间过半、任务过半). Needed: growth per year still required to reach the final target.")


def print_report(console: Console, rows: Sequence[dict[str, Any]], title: str) -> None:
    """Print the gap table, its footnotes and the legend."""
    table, footnotes = report_table(rows, title)
    console.print(table)
    for note in footnotes:
        console.print(note, style="dim", soft_wrap=True)
    console.print(LEGEND, style="dim")


def print_rows(console: Console, rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str) -> None:
    """A plain table of rows (used by ``targets`` and ``plans``)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        numeric = any(isinstance(r.get(column), (int, float, Decimal)) and not isinstance(r.get(column), bool)
                      for r in rows)
        table.add_column(column, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(row.get(column)) for column in columns))
    console.print(table)
