"""Human tables with rich: colour-coded, CJK-aligned, with a word for every colour.

Colour never carries meaning alone: every status and outlook is also a word with an ASCII-width symbol (``✓ ✗``
have narrow East-Asian width, so Chinese tables stay aligned). Notes on actuals (proxies, lower bounds) get a
numbered marker and a footnote with the source.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gapcalc.render.cells import cell_text, format_float
from gapcalc.render.i18n import LEGENDS, heading, status_word
from gapcalc.render.words import RICH_STYLE


class _Console(Console):
    """rich's console, but a reader that stops reading (``| head``) ends the command quietly with exit 0, as the
    CSV output does, instead of rich's exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0)


def colour_environment() -> dict[str, str]:
    """The environment rich sees: ``FORCE_COLOR`` set to ``0`` or to nothing counts as not set."""
    environment = dict(os.environ)
    if environment.get("FORCE_COLOR", "").strip() in ("", "0"):
        environment.pop("FORCE_COLOR", None)
    return environment


def make_console(file: IO[str], color: str = "auto", width: int | None = None) -> Console:
    """A console for ``file``; ``color`` is auto (NO_COLOR turns colour off, FORCE_COLOR other than 0 or empty
    turns it on), always or never."""
    options: dict[str, Any] = {"file": file, "highlight": False, "emoji": False, "_environ": colour_environment()}
    if color == "never":
        options["no_color"] = True
        options["color_system"] = None
    elif color == "always":
        options["force_terminal"] = True
    if width is not None:
        options.update(width=width, height=50)
    return _Console(**options)


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
    bound = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}.get(row.get("actual_comparator") or "", "")
    text = bound + cell_text(row["actual"])
    if row.get("as_of"):
        text += f" ({row['as_of']})"
    elif row.get("actual_year") != row.get("year"):
        text += f" ({row['actual_year']})"
    return text + marker


def _required_text(row: dict[str, Any], lang: str) -> str:
    if row.get("status") == "not_assessed" or row.get("outlook") == "achieved":
        return ""
    if row.get("unit") == "%" and row.get("required_change_per_year") is not None:
        return f"{format_float(row['required_change_per_year'], 2)} {heading('pp_per_year', lang)}"
    if row.get("required_cagr_pct") is not None:
        return f"{format_float(row['required_cagr_pct'], 1)}%{heading('per_year', lang)}"
    return ""


def _progress_text(row: dict[str, Any]) -> str:
    progress, elapsed = row.get("progress_pct"), row.get("time_elapsed_pct")
    if progress is None:
        return ""
    text = f"{format_float(progress, 0)}%"
    return text + (f" / {format_float(elapsed, 0)}%" if elapsed is not None else "")


def _styled(key: Any, lang: str) -> Text:
    if key is None:
        return Text("")
    return Text(status_word(str(key), lang), style=RICH_STYLE.get(str(key), ""))


def _indicator_text(row: dict[str, Any], lang: str = "zh") -> str:
    name = (row.get("name_zh") if lang == "zh" else row.get("name_en")) or row.get("name_zh") or row.get("indicator")
    name = str(name or "")
    breakdown = row.get("breakdown_zh" if lang == "zh" else "breakdown_en") or row.get("breakdown")
    return f"{name} · {breakdown}" if breakdown else name


def report_table(rows: Sequence[dict[str, Any]], title: str, lang: str = "en") -> tuple[Table, list[str]]:
    """The gap table and its footnotes."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, title_justify="left", expand=False)
    table.add_column(heading("indicator", lang), overflow="fold", min_width=12, max_width=34 if lang == "zh" else 46)
    table.add_column(heading("unit", lang), overflow="fold", max_width=10)
    table.add_column(heading("target", lang), justify="right", overflow="fold", max_width=18)
    for key in ("actual", "gap", "attainment", "progress", "needed"):
        table.add_column(heading(key, lang), justify="right", no_wrap=True)
    table.add_column(heading("status", lang), no_wrap=True)
    table.add_column(heading("outlook", lang), no_wrap=True)
    footnotes: list[str] = []
    for row in rows:
        marker = ""
        if row.get("note"):
            footnotes.append(_footnote(row, len(footnotes) + 1))
            marker = f" [{len(footnotes)}]"
        attainment = row.get("attainment_pct")
        table.add_row(
            _indicator_text(row, lang), str(row.get("unit") or ""), _target_text(row), _actual_text(row, marker),
            _num(row.get("gap")), f"{format_float(attainment, 1)}%" if attainment is not None else "",
            _progress_text(row), _required_text(row, lang), _styled(row.get("status"), lang),
            _styled(row.get("outlook"), lang),
        )
    return table, footnotes


def _footnote(row: dict[str, Any], number: int) -> str:
    source = row.get("source_title") or row.get("source") or ""
    text = f"[{number}] {row.get('indicator')} {row.get('actual_year')}: {row.get('note')}"
    return f"{text} — {source}" if source else text


def print_report(console: Console, rows: Sequence[dict[str, Any]], title: str, lang: str = "en") -> None:
    """Print the gap table, its footnotes and the legend."""
    table, footnotes = report_table(rows, title, lang)
    console.print(table)
    for note in footnotes:
        console.print(note, style="dim", soft_wrap=True)
    console.print(LEGENDS[lang], style="dim")


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
