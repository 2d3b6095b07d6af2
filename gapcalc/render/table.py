"""Human tables with rich: colour-coded, CJK-aligned, with a word for every colour.

Colour never carries meaning alone: every status and outlook is also a word with an ASCII-width symbol (``✓ ✗``
have narrow East-Asian width, so Chinese tables stay aligned). Notes on actuals (proxies, lower bounds) get a
numbered marker and a footnote with the source.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import IO, Any, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gapcalc.render.cells import cell_text, format_float
from gapcalc.render.document import Document, RenderOptions
from gapcalc.render.i18n import LEGENDS, ROWS_LEFT_OUT, heading, status_word
from gapcalc.render.words import RICH_STYLE


class _Console(Console):
    """rich's console, but a reader that stops reading (``| head``) is a :class:`BrokenPipeError`, which the
    command line ends quietly with exit 0 (:func:`gapcalc.cli.main.reader_gone`), as for the CSV output, instead of
    rich's exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


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


COUNT_UNITS = frozenset("个家户条项台种次场只位件人座所")
"""Units that count things: a target of such a unit is a whole number of them."""

def shown_rows(rows: Sequence[dict[str, Any]], show: str) -> list[dict[str, Any]]:
    """The rows of the terminal table for ``show``: ``targets`` (default) every row with a target for the year,
    stated in numbers or in words; ``assessed`` only rows met or not met; ``all`` every row."""
    if show == "all":
        return list(rows)
    if show == "assessed":
        return [row for row in rows if row.get("status") in ("met", "not_met")]
    return [row for row in rows if row.get("status") != "not_assessed" or row.get("target_text")
            or row.get("unit") == "qualitative"]


def count_target(row: dict[str, Any]) -> Decimal | None:
    """An interpolated target of a count unit as a whole number: rounded up where more is better (at least that many
    are needed to be on the path), down where less is better; other targets as they are."""
    target = row.get("target")
    if not isinstance(target, Decimal) or row.get("unit") not in COUNT_UNITS or target == target.to_integral_value():
        return target if isinstance(target, Decimal) else None
    rounding = ROUND_CEILING if row.get("direction") != "down" else ROUND_FLOOR
    return target.to_integral_value(rounding=rounding)


def _count_gap(row: dict[str, Any]) -> Any:
    """The gap against the target as shown: a count's rounded target gives a whole-number gap."""
    target, actual = count_target(row), row.get("actual")
    if target is not None and target != row.get("target") and isinstance(actual, Decimal):
        return actual - target
    return row.get("gap")


def _unit_text(row: dict[str, Any], lang: str) -> str:
    unit = str(row.get("unit") or "")
    return heading("qualitative", lang) if unit == "qualitative" else ("" if unit == "-" else unit)


class _Column(NamedTuple):
    key: str
    rank: int
    """Which goes first when the terminal is narrow: the highest rank; rank 0 columns always stay."""
    right: bool


_COLUMNS = (
    _Column("indicator", 0, False), _Column("unit", 3, False), _Column("target", 0, True),
    _Column("actual", 0, True), _Column("gap", 0, True), _Column("attainment", 4, True),
    _Column("progress", 5, True), _Column("needed", 6, True), _Column("status", 0, False),
    _Column("outlook", 2, False),
)
_NAME_MIN = {"zh": 16, "en": 20}
"""The narrowest the indicator column gets before secondary columns are dropped (display cells)."""


def _cells(row: dict[str, Any], marker: str, lang: str) -> dict[str, str | Text]:
    attainment = row.get("attainment_pct")
    return {
        "indicator": _indicator_text(row, lang), "unit": _unit_text(row, lang),
        "target": _target_text({**row, "target": count_target(row)}), "actual": _actual_text(row, marker),
        "gap": _num(_count_gap(row)), "attainment": f"{format_float(attainment, 1)}%" if attainment is not None else "",
        "progress": _progress_text(row), "needed": _required_text(row, lang),
        "status": _styled(row.get("status"), lang), "outlook": _styled(row.get("outlook"), lang),
        "words": "x" if row.get("target") is None and row.get("target_text") else "",
    }


def _natural(column: str, cells: list[dict[str, str | Text]], lang: str) -> int:
    """The display width a column needs: the longest cell (for the target, the longest number: targets stated in
    words wrap within it, at least :data:`_WORDS_MIN` cells wide)."""
    texts = [str(c[column]) for c in cells if column != "target" or not c["words"]]
    width = max([cell_len(heading(column, lang))] + [cell_len(text) for text in texts])
    return max(width, _WORDS_MIN) if column == "target" and any(c["words"] for c in cells) else width


_WORDS_MIN = 10


def _fitting_columns(cells: list[dict[str, str | Text]], width: int,
                     lang: str) -> tuple[list[_Column], dict[str, int]]:
    """The columns that fit in ``width`` and the width of each: secondary columns are dropped, highest rank first,
    until the indicator column keeps its minimum width. Every width is set here, not left to rich's distribution,
    so the table is the same whatever rich's version."""
    kept = list(_COLUMNS)
    widths = {c.key: _natural(c.key, cells, lang) for c in kept}
    while True:
        others = sum(widths[c.key] for c in kept if c.key != "indicator")
        room = width - others - 3 * len(kept) + 3  # a padding cell on each side of a column, a space between
        if room >= _NAME_MIN[lang] or all(c.rank == 0 for c in kept):
            widths["indicator"] = max(_NAME_MIN[lang], min(room, widths["indicator"]))
            return kept, widths
        kept.remove(max(kept, key=lambda c: c.rank))


def report_table(rows: Sequence[dict[str, Any]], title: str, lang: str = "en",
                 width: int = 200) -> tuple[Table, list[str]]:
    """The gap table and its footnotes, fitted to ``width`` columns: the indicator, its target, actual, gap and
    status always show; outlook, unit, attainment, progress and growth needed go first when it is narrow. Units,
    numbers and status words never wrap; only the indicator's name and a target stated in words do."""
    footnotes: list[str] = []
    cells = []
    for row in rows:
        marker = ""
        if row.get("note"):
            footnotes.append(_footnote(row, len(footnotes) + 1))
            marker = f" [{len(footnotes)}]"
        cells.append(_cells(row, marker, lang))
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, title_justify="left", expand=False,
                  pad_edge=False, show_edge=False)
    kept, widths = _fitting_columns(cells, width, lang)
    for column in kept:
        if column.key in ("indicator", "target"):
            table.add_column(heading(column.key, lang), justify="left" if column.key == "indicator" else "right",
                             overflow="fold", width=widths[column.key])
        else:
            table.add_column(heading(column.key, lang), justify="right" if column.right else "left", no_wrap=True,
                             width=widths[column.key])
    for cell in cells:
        table.add_row(*(cell[column.key] for column in kept))
    return table, footnotes


def _footnote(row: dict[str, Any], number: int) -> str:
    source = row.get("source_title") or row.get("source") or ""
    text = f"[{number}] {row.get('indicator')} {row.get('actual_year')}: {row.get('note')}"
    return f"{text} — {source}" if source else text


def print_report(console: Console, rows: Sequence[dict[str, Any]], title: str, lang: str = "en",
                 show: str = "targets") -> None:
    """Print the gap table of the rows ``show`` selects, a line on the rows left out, its footnotes and the
    legend."""
    shown = shown_rows(rows, show)
    table, footnotes = report_table(shown, title, lang, console.width)
    console.print(table)
    if len(shown) < len(rows):
        console.print(ROWS_LEFT_OUT[lang].format(count=len(rows) - len(shown), show=show), style="dim")
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


def write_table(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The terminal renderer: the command's own table printer, else a plain table of the document's columns."""
    console = make_console(stream, options.color, options.width)
    rows = list(document.iter_rows())
    if document.table is None:
        print_rows(console, rows, document.columns, document.title)
    else:
        document.table(console, rows, document.title, options.lang)
