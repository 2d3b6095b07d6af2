"""Human tables with rich: colour-coded, CJK-aligned, with a word for every colour.

Colour never carries meaning alone: every status and outlook is also a word with an ASCII-width symbol (``✓ ✗``
have narrow East-Asian width, so Chinese tables stay aligned). Notes on actuals (proxies, lower bounds) get a
numbered marker and a footnote with the source. The gap table fits the terminal's width (:data:`_COLUMNS` says
which columns go or wrap first); a target stated in words is one line, cut with …; the lines under the table wrap
between words (Chinese between characters), never inside a Latin word, a number or a URL (:func:`wrap_text`).
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import IO, Any, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gapcalc.chinese import to_simplified
from gapcalc.engine.statement import COUNT_UNITS, counted, words_unit
from gapcalc.render.cells import cell_text
from gapcalc.render.document import Document, RenderOptions
from gapcalc.render.i18n import LEGENDS, ROWS_LEFT_OUT, WARNING_LEGENDS, heading, status_word
from gapcalc.render.numerals import (
    computed_value,
    plain_text,
    rate_text,
    signed_difference,
    unit_label,
    whole_target,
)
from gapcalc.render.prose import per_year_change
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
        return rate_text(value)  # rounded half up, as the brief and the page round
    return cell_text(value)


def _target_text(row: dict[str, Any]) -> str:
    if row.get("target") is None:
        return to_simplified(row.get("target_text") or "")
    comparator = row.get("comparator") or "="
    prefix = {"=": "", "~": "≈", "range": ""}.get(comparator, comparator)
    target = row["target"]
    computed = row.get("target_source") == "interpolated" and str(row.get("unit") or "") not in COUNT_UNITS
    text = prefix + (plain_text(computed_value(target, str(row.get("unit") or ""))) if computed else cell_text(target))
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
    """What is still needed a year: percentage points for a share, things for a count (``+2家/年``: a count's
    change is never a growth rate), else a growth rate."""
    if row.get("status") == "not_assessed" or row.get("outlook") == "achieved":
        return ""
    unit, change = str(row.get("unit") or ""), row.get("required_change_per_year")
    if counted(unit):
        if change is None:
            return ""
        return signed_difference(per_year_change(change, unit), unit, lang) + heading("per_year", lang)
    if unit == "%" and change is not None:
        return f"{rate_text(row['required_change_per_year'])} {heading('pp_per_year', lang)}"
    if row.get("required_cagr_pct") is not None:
        return f"{rate_text(row['required_cagr_pct'])}%{heading('per_year', lang)}"
    return ""


def _progress_text(row: dict[str, Any]) -> str:
    """Progress against time, to one decimal; nothing where no time has passed since the base (the figure is the
    base itself: nothing is measured yet)."""
    progress, elapsed = row.get("progress_pct"), row.get("time_elapsed_pct")
    if progress is None or not elapsed:
        return ""
    return f"{rate_text(progress)}% / {rate_text(elapsed)}%"


def _styled(key: Any, lang: str) -> Text:
    if key is None:
        return Text("")
    return Text(status_word(str(key), lang), style=RICH_STYLE.get(str(key), ""))


def _indicator_text(row: dict[str, Any], lang: str = "zh") -> str:
    name = (row.get("name_zh") if lang == "zh" else row.get("name_en")) or row.get("name_zh") or row.get("indicator")
    name = str(name or "")
    breakdown = row.get("breakdown_zh" if lang == "zh" else "breakdown_en") or row.get("breakdown")
    return f"{name} · {breakdown}" if breakdown else name



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
    if not isinstance(target, Decimal) or row.get("unit") not in COUNT_UNITS:
        return target if isinstance(target, Decimal) else None
    return whole_target(target, str(row.get("direction") or "up"))


def _count_gap(row: dict[str, Any]) -> Any:
    """The gap against the target as shown: a count's rounded target gives a whole-number gap."""
    target, actual = count_target(row), row.get("actual")
    if target is not None and target != row.get("target") and isinstance(actual, Decimal):
        return actual - target
    gap = row.get("gap")
    return None if gap is None else plain_text(computed_value(gap, str(row.get("unit") or "")))


def _unit_text(row: dict[str, Any], lang: str) -> str:
    unit = str(row.get("unit") or "")
    return heading("qualitative", lang) if unit == "qualitative" else ("" if unit == "-" else unit_label(unit, lang))


class _Column(NamedTuple):
    key: str
    right: bool
    dropped: int | None
    """The step of :data:`_COLUMNS` at which the column goes (None: never)."""
    squeezed: int | None
    """The step from which its cells may wrap between words, never inside a word or a number (None: never); the
    indicator's name always wraps, and from this step gets narrower than ``least``."""
    least: int = 0
    """Cells the indicator's name keeps until its squeezed step; for the target, cells a target stated in words
    keeps (one line, cut with … beyond)."""


_COLUMNS = (
    # key, right-aligned, dropped at step, squeezed from step, least cells
    _Column("indicator", False, None, 9, 20),
    _Column("unit", False, 3, None),
    _Column("target", True, None, 8, 10),
    _Column("actual", True, None, 6),
    _Column("gap", True, None, None),
    _Column("attainment", True, 2, None),
    _Column("progress", True, 5, None),
    _Column("needed", True, 4, None),
    _Column("status", False, None, None),
    _Column("outlook", False, 7, None),
)
"""The columns of the gap table and how it narrows. Every column starts on one line at its natural width; while the
table is wider than the terminal it narrows one step at a time: step 1 lets the headings wrap between words, and at
each further step the column with that number is dropped or squeezed. So attainment and unit go first; growth
needed and progress next (about 132 columns keep them); an actual such as ``≥130000 (2024-06) [8]`` then wraps
before the outlook goes (about 100 columns keep indicator, target, actual, gap, status and outlook); the last steps
wrap a target such as ``57.9 (i)`` and narrow the indicator below its ``least``. A column that can be dropped is
left out when no row has anything in it."""
_HEADINGS_WRAP = 1
_LAST_STEP = max(step for column in _COLUMNS for step in (column.dropped, column.squeezed) if step is not None)
_NAME_LEAST = 8
"""The narrowest the indicator gets at its squeezed step."""
_WORDS_ROOM = 16
"""Cells a target in words is given from the room left before the indicator's name gets more than ``least``."""
_GAP = 2
"""Cells between two columns (padding one cell on the right, and the separator)."""


class _Measure(NamedTuple):
    heading: int
    """The heading on one line."""
    heading_word: int
    """The longest word of the heading."""
    line: int
    """The longest cell on one line (targets in words left out)."""
    word: int
    """The longest word of a cell (targets in words left out)."""
    words: int
    """The longest target in words."""


def _cells(row: dict[str, Any], marker: str, lang: str, own: str = "") -> dict[str, str | Text]:
    attainment = row.get("attainment_pct")
    row = {**row, "unit": words_unit(str(row.get("unit") or ""), own)}  # +36家/年, not +36/年
    words = row.get("target") is None and bool(row.get("target_text"))
    return {
        "indicator": _indicator_text(row, lang), "unit": _unit_text(row, lang),
        "target": "" if words else _target_text({**row, "target": count_target(row)}),
        "actual": _actual_text(row, marker),
        "gap": _num(_count_gap(row)), "attainment": f"{rate_text(attainment)}%" if attainment is not None else "",
        "progress": _progress_text(row), "needed": _required_text(row, lang),
        "status": _styled(f"warning_{row['warning']}" if row.get("warning") else row.get("status"), lang),
        "outlook": _styled(row.get("outlook"), lang),
        "words": " ".join(to_simplified(str(row.get("target_text") or "")).split()) if words else "",
    }


def _longest_word(text: str) -> int:
    return max([0] + [cell_len(word) for word in text.split()])


def _measure(key: str, cells: list[dict[str, str | Text]], lang: str) -> _Measure:
    texts = [str(cell[key]) for cell in cells]
    title = heading(key, lang)
    words = max([0] + [cell_len(str(cell["words"])) for cell in cells]) if key == "target" else 0
    return _Measure(cell_len(title), _longest_word(title), max([0] + [cell_len(text) for text in texts]),
                    max([0] + [_longest_word(text) for text in texts]), words)


def _least(column: _Column, measure: _Measure, step: int) -> int:
    """The width of ``column`` at ``step`` of the narrowing: its heading, and its cells one line or wrapped."""
    squeezed = column.squeezed is not None and step >= column.squeezed
    if column.key == "indicator":
        cells = min(measure.line, _NAME_LEAST if squeezed else column.least)
    else:
        cells = measure.word if squeezed else measure.line
    cells = max(cells, min(measure.words, column.least))
    return max(cells, measure.heading_word if step >= _HEADINGS_WRAP else measure.heading)


def _fitting_columns(cells: list[dict[str, str | Text]], width: int,
                     lang: str) -> tuple[list[_Column], dict[str, int]]:
    """The columns that fit in ``width`` and the width of each: the first step of :data:`_COLUMNS` at which the table
    fits, then the room left given back, last squeezed first: wrapped cells back on one line, headings on one line,
    a target in words up to :data:`_WORDS_ROOM` cells, the indicator's name, then targets in words in full. Every
    width is set here, not left to rich's distribution, so the table is the same whatever rich's version."""
    measures = {column.key: _measure(column.key, cells, lang) for column in _COLUMNS}
    for step in range(_LAST_STEP + 1):
        kept = [column for column in _COLUMNS if column.dropped is None
                or (column.dropped > step and measures[column.key].line > 0)]
        widths = {column.key: _least(column, measures[column.key], step) for column in kept}
        if sum(widths.values()) + _GAP * (len(kept) - 1) <= width:
            break
    room = width - sum(widths.values()) - _GAP * (len(kept) - 1)
    unsqueezed = sorted((column for column in kept if column.squeezed is not None), key=lambda c: -(c.squeezed or 0))
    wanted = [(column.key, _least(column, measures[column.key], _HEADINGS_WRAP)) for column in unsqueezed]
    wanted += [(column.key, _least(column, measures[column.key], 0)) for column in kept]
    target = measures["target"]
    wanted += [("target", min(target.words, _WORDS_ROOM)), ("indicator", measures["indicator"].line),
               ("target", target.words)]
    for key, wants in wanted:
        grown = max(widths[key], min(wants, widths[key] + max(room, 0)))
        room -= grown - widths[key]
        widths[key] = grown
    return kept, widths


def _clip(text: str, width: int) -> tuple[str, bool]:
    """``text`` on one line of at most ``width`` cells: cut with … where it is longer (Chinese characters count two
    cells), never inside a Latin word or a number; and whether it was cut."""
    if cell_len(text) <= width:
        return text, False
    kept = _crop(text, width - 1)
    if kept and kept[-1] in _WORD_CHARS and text[len(kept)] in _WORD_CHARS:
        kept = kept.rstrip(_WORD_CHARS)
    return kept.rstrip() + "…", True


def _crop(text: str, width: int) -> str:
    """The longest start of ``text`` of at most ``width`` cells."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > width:
            return text[:index]
    return text


_WORD_CHARS = string.ascii_letters + string.digits + ".,%-_/'"
"""What a Latin word or a number is made of: a cut goes back to its start rather than into it."""
_NO_BREAK_AFTER = frozenset("([{“‘《〈「『【〔（［｛")
_NO_BREAK_BEFORE = frozenset(")]}”’》〉」』】〕）］｝，。、；：！？,.;:!?%…")


def _atoms(text: str) -> list[tuple[str, bool]]:
    """The pieces of ``text`` a line may break between, each with whether a space comes before it: the words between
    spaces, and within a word every Chinese character apart, but never a Latin word or a number, an opening bracket
    from what follows it, a closing one or a punctuation mark from what precedes it, or a URL."""
    atoms: list[tuple[str, bool]] = []
    for word in text.split():
        if "://" in word:
            atoms.append((word, True))
            continue
        pieces: list[str] = []
        for char in word:
            size = cell_len(char)
            glued = pieces and (pieces[-1][-1] in _NO_BREAK_AFTER or char in _NO_BREAK_BEFORE or size == 0
                                or (size == 1 and cell_len(pieces[-1][-1]) != 2 and not _after_chinese(pieces[-1])))
            if glued:
                pieces[-1] += char
            else:
                pieces.append(char)
        atoms += [(piece, index == 0) for index, piece in enumerate(pieces)]
    return atoms


def _after_chinese(piece: str) -> bool:
    """Whether ``piece`` ends with a comma, a semicolon or a colon written after a Chinese character (``网,2021``):
    a line may break after it, as after ``，``."""
    return len(piece) > 1 and piece[-1] in ",;:" and cell_len(piece[-2]) == 2


def wrap_text(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words (in Chinese, between characters), never
    inside a Latin word, a number or a URL: a word longer than a line is cut (a URL has a line of its own, however
    long)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for atom, spaced in _atoms(paragraph):
            size, space = cell_len(atom), 1 if spaced and line else 0
            if line and used + space + size > width:
                lines.append(line)
                line, used, space = "", 0, 0
            while not line and size > width and "://" not in atom and width > 1:
                head = _crop(atom, width) or atom[0]
                if head[-1] in _WORD_CHARS and atom[len(head)] in _WORD_CHARS:
                    head = head.rstrip(_WORD_CHARS) or head  # not inside a number or a word, where it can
                lines.append(head)
                atom = atom[len(head):]
                size = cell_len(atom)
            line += " " * space + atom
            used += space + size
        lines.append(line)
    return lines


def _wrapped(text: str, width: int) -> Text:
    return Text("\n".join(wrap_text(text, width)))


def report_table(rows: Sequence[dict[str, Any]], title: str, lang: str = "en",
                 width: int = 200, units: Mapping[tuple[str, str], str] | None = None) -> tuple[Table, list[str]]:
    """The gap table and its footnotes, fitted to ``width`` columns (:data:`_COLUMNS`): the indicator, its target,
    actual, gap and status always show; attainment, unit, growth needed, progress and outlook go first when it is
    narrow. Numbers and status words never wrap inside; the indicator's name wraps between words, and a target
    stated in words is one line, cut with … (a footnote says where it is in full). ``units``: each (plan,
    indicator)'s own unit, for the things a row on gapcalc's additions scale counts."""
    footnotes: list[str] = []
    units = units or {}
    cells = []
    for row in rows:
        marker = ""
        if row.get("note"):
            footnotes.append(_footnote(row, len(footnotes) + 1, lang))
            marker = f" [{len(footnotes)}]"
        cells.append(_cells(row, marker, lang, units.get((str(row.get("plan")), str(row.get("indicator"))), "")))
    kept, widths = _fitting_columns(cells, width, lang)
    table_width = sum(widths[column.key] for column in kept) + _GAP * (len(kept) - 1)
    fits = table_width <= width
    table_width = min(width, table_width)
    table = Table(title=_wrapped(title, table_width), box=box.SIMPLE_HEAD, show_lines=False, title_justify="left",
                  expand=False, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))
    for column in kept:
        table.add_column(heading(column.key, lang), justify="right" if column.right else "left", overflow="fold",
                         width=widths[column.key])
    cut = []
    for row, cell in zip(rows, cells, strict=True):
        if cell["words"]:
            cell["target"], clipped = _clip(str(cell["words"]), widths["target"])
            if clipped:
                cut.append(row)
        if fits:  # else rich narrows every column further, and wraps the name itself
            cell["indicator"] = _wrapped(str(cell["indicator"]), widths["indicator"])
        table.add_row(*(cell[column.key] if isinstance(cell[column.key], Text) else Text(str(cell[column.key]))
                        for column in kept))
    if cut:
        plans = {str(row.get("plan") or "PLAN") for row in cut}
        footnotes.append(WORDS_CUT[lang].format(plan=plans.pop() if len(plans) == 1 else "PLAN",
                                                year=cut[0].get("year")))
    return table, footnotes


WORDS_CUT: dict[str, str] = {
    "en": "Targets stated in words are cut to one line (…); gapcalc report {plan} {year} --show all -f markdown "
          "shows them in full (column target_text).",
    "zh": "文字表述的目标只显示一行（…）；完整内容见 gapcalc report {plan} {year} --show all -f markdown 的 "
          "target_text 列。",
}
"""The line under a gap table whose targets in words are cut."""


def _footnote(row: dict[str, Any], number: int, lang: str = "en") -> str:
    """The note on a row's actual, named by the indicator's name in the table's language (``[1] 规模以上工业企业数
    （2020年）：…``), with its source."""
    source = row.get("source_title") or row.get("source") or ""
    name, year = _indicator_text(row, lang), row.get("actual_year")
    if lang == "zh":
        text = f"[{number}] {name}（{year}年）：{row.get('note')}"
    else:
        text = f"[{number}] {name} ({year}): {row.get('note_en') or row.get('note')}"
    return f"{text} — {source}" if source else text


def print_report(console: Console, rows: Sequence[dict[str, Any]], title: str, lang: str = "en",
                 show: str = "targets", units: Mapping[tuple[str, str], str] | None = None) -> None:
    """Print the gap table of the rows ``show`` selects, a line on the rows left out, its footnotes and the
    legend (``units``: as :func:`report_table` takes them)."""
    shown = shown_rows(rows, show)
    table, footnotes = report_table(shown, to_simplified(title) if lang == "zh" else title, lang, console.width,
                                    units)
    console.print(table)
    if len(shown) < len(rows):
        _print_wrapped(console, ROWS_LEFT_OUT[lang].format(count=len(rows) - len(shown), show=show))
    for note in footnotes:
        _print_wrapped(console, note)
    _print_wrapped(console, LEGENDS[lang])
    if any(row.get("warning") for row in rows):
        _print_wrapped(console, WARNING_LEGENDS[lang])


def _print_wrapped(console: Console, text: str) -> None:
    """A line under the table, dim, wrapped to the console's width between words (:func:`wrap_text`)."""
    console.print(Text("\n".join(wrap_text(text, console.width)), style="dim"), soft_wrap=True)


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
