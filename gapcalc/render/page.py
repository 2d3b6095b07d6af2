"""The report page people read: the gap table of a plan grouped by subplan, with a chart per indicator.

:func:`report_page` writes a complete, self-contained HTML5 page (inline CSS and SVG; no scripts, nothing fetched)
from report rows and summary rows: the summary on top, then per subplan a table of the columns a reader needs —
indicator, target, actual and its year, gap, 完成率, progress against time, growth still needed, status, outlook
and a small chart — with every other field in a ``<details>`` of the row, the targets stated in words listed after
the table, and the source of every actual as a numbered note at the end. It fits a 1366 px screen without
horizontal scrolling and prints on A4 landscape. :func:`page_shell` and :func:`report_body` are shared with the site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gapcalc.chinese import to_simplified
from gapcalc.engine.contracts import COMPARATOR_SIGNS, RATE_UNIT
from gapcalc.engine.statement import Statement, counted
from gapcalc.render.figures import difference, percent, signed, with_unit
from gapcalc.render.i18n import page_word, status_word
from gapcalc.render.numerals import (
    difference_text,
    plain_text,
    quantity,
    rate_text,
    rounded,
    signed_difference,
    unit_label,
)
from gapcalc.render.prose import (
    figure_quantity,
    goal_text,
    per_year_change,
    period_text,
    shown_gap,
    statement_sentences,
    verdict_word,
)
from gapcalc.render.rows import Row, is_numeric_target, row_key
from gapcalc.render.series import chart_from_row
from gapcalc.render.svg import ChartData, indicator_svg, progress_svg
from gapcalc.render.words import CLASS_FILL

FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
              '"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", system-ui, sans-serif')
"""Fonts installed with the common systems; nothing is downloaded."""

ChartKey = tuple[str, str, str]
LinkMaker = Callable[[Mapping[str, Any]], "str | None"]
TARGET_MARKERS = {"interpolated": " (i)", "final": " (f)"}

CSS = "body { font-family: " + FONT_STACK + """; font-size: 14px; color: #1a1a1a; line-height: 1.45;
  max-width: 1320px; margin: 0 auto; padding: 12px 16px 32px; }
h1 { font-size: 1.45rem; margin: 0.4rem 0 0.2rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; border-bottom: 2px solid #0b57a4; padding-bottom: 2px; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.sub { color: #555; margin: 0 0 0.6rem; }
nav { font-size: 0.85rem; display: flex; gap: 1rem; flex-wrap: wrap; border-bottom: 1px solid #ddd;
  padding-bottom: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 0.5rem 0; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 4px 12px; min-width: 88px; }
.card b { display: block; font-size: 1.35rem; }
.card span { font-size: 0.8rem; color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 0.86rem; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 5px; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #eef3f9; font-weight: 600; font-size: 0.8rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.small { font-size: 0.78rem; color: #555; }
.pill { display: inline-block; border-radius: 4px; padding: 0 5px; font-size: 0.8rem; }
.cards .pill { white-space: nowrap; }
.name a { color: #0b57a4; text-decoration: none; }
details { font-size: 0.78rem; color: #333; }
details summary { cursor: pointer; color: #0b57a4; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 2px 0; }
dt { color: #666; }
dd { margin: 0; }
svg.chart { max-width: 100%; height: auto; }
svg.bar { vertical-align: middle; }
.legend { font-size: 0.8rem; color: #444; background: #f7f7f7; padding: 6px 10px; border-radius: 4px; }
ul.words { font-size: 0.85rem; columns: 2; column-gap: 2rem; }
ol.notes { font-size: 0.78rem; color: #333; padding-left: 2rem; }
ol.notes li { margin-bottom: 2px; }
sup a { text-decoration: none; }
a { color: #0b57a4; }
.notes a, .src a { word-break: break-all; }
.lang { margin-left: auto; }
@media screen and (max-width: 760px) {
  table { display: block; overflow-x: auto; table-layout: auto; width: auto; max-width: 100%; }
  th, .num { white-space: nowrap; }
  td { overflow-wrap: normal; }
  td.name { min-width: 14em; }
  ul.words { columns: 1; }
}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  html { font-size: 9pt; }
  body { max-width: none; padding: 0; font-size: 8.5pt; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, .card { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  nav, details summary { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""

COLUMN_WIDTHS = (("indicator", "24%"), ("target", "8%"), ("actual", "9%"), ("gap", "7.5%"), ("attainment", "6%"),
                 ("progress", "13%"), ("needed", "8%"), ("status", "7.5%"), ("verdict", "7.5%"), ("chart", "9.5%"))
"""The table's columns and their share of the width (the page is at most 1320 px wide)."""

NUMERIC_COLUMNS = frozenset({"target", "actual", "gap", "attainment", "needed"})


@dataclass
class PageContext:
    """What a page needs besides the rows: language, charts, subplan names, links and the notes so far."""

    lang: str
    charts: Mapping[ChartKey, ChartData] = field(default_factory=dict)
    subplan_names: Mapping[tuple[str, str], str] = field(default_factory=dict)
    indicator_link: LinkMaker | None = None
    notes: list[str] = field(default_factory=list)
    statements: Mapping[ChartKey, Statement] = field(default_factory=dict)
    """Each row's statement (:mod:`gapcalc.engine.statement`): what the page says of it."""

    def statement(self, row: Mapping[str, Any]) -> Statement | None:
        """The statement of a row, when the page was given one."""
        return self.statements.get((str(row.get("plan") or ""), *row_key(row)))

    def chart(self, row: Mapping[str, Any], given: ChartData | None = None) -> ChartData:
        """The chart of a row: ``given``, else the one the page was given, else one from the row's own figures; none
        for a row judged on growth rates (a path of levels would put its rates on an index)."""
        if row.get("unit") == RATE_UNIT:
            return ChartData(None, (), (), None, None)
        found = given or self.charts.get((str(row.get("plan") or ""), *row_key(row)))
        return found if found is not None else chart_from_row(row)

    def add_note(self, text: str) -> int:
        """The number of the note ``text`` (the same text keeps its number)."""
        if text not in self.notes:
            self.notes.append(text)
        return self.notes.index(text) + 1


_QUOTED = re.compile(r"(原文“[^”]*”)")


def shown(text: Any, lang: str) -> str:
    """Text as displayed: simplified characters (in every language: Chinese text in an English page is shown
    simplified too), except inside a verbatim quote (原文“…”)."""
    if not text:
        return ""
    parts = _QUOTED.split(str(text))
    return "".join(part if index % 2 else to_simplified(part) for index, part in enumerate(parts))


def esc(text: Any) -> str:
    """HTML-escaped text of a value (empty for None)."""
    plain = "" if text is None else str(text)
    if "&" in plain or "<" in plain or ">" in plain or '"' in plain or "'" in plain:
        return html.escape(plain, quote=True)
    return plain


def page_shell(title: str, lang: str, body: str, nav: str = "") -> str:
    """A complete page: head with the inline stylesheet, then ``nav`` and ``body``."""
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="gapcalc">\n'
            f"<title>{esc(title)}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n"
            f"{nav}{body}</body>\n</html>\n")


def pill(key: str | None, lang: str) -> str:
    """A status or outlook as its word and symbol on its colour."""
    if not key:
        return ""
    colour = CLASS_FILL.get(key, "FFFFFF")
    return f'<span class="pill" style="background:#{colour}">{esc(status_word(key, lang))}</span>'


def indicator_name(row: Mapping[str, Any], lang: str) -> str:
    """The indicator's name in ``lang`` with its breakdown (``企业研发机构 · 国家级``)."""
    name = row.get("name_zh") if lang == "zh" else (row.get("name_en") or row.get("name_zh"))
    breakdown = row.get("breakdown_zh") if lang == "zh" else row.get("breakdown_en")
    breakdown = breakdown or row.get("breakdown")
    return f"{name} · {breakdown}" if breakdown else str(name or row.get("indicator") or "")


def target_text(row: Mapping[str, Any], lang: str) -> str:
    """``≥50%`` with ``(i)`` for an interpolated target and ``(f)`` for the final one carried past its year."""
    if row.get("target") is None:
        return ""
    sign = COMPARATOR_SIGNS.get(str(row.get("comparator") or "="), "")
    marker = TARGET_MARKERS.get(str(row.get("target_source") or ""), "")
    return sign + with_unit(row["target"], row.get("unit"), lang) + marker


def actual_year_text(row: Mapping[str, Any], lang: str) -> str:
    """``(2021)`` when the actual is of an earlier year than the report's, else empty."""
    year = row.get("actual_year")
    if year is None or year == row.get("year"):
        return ""
    return page_word("of_year", lang).format(year=year)


def needed_text(row: Mapping[str, Any], lang: str) -> str:
    """Growth still needed per year: in percentage points for a ``%`` indicator, else the CAGR in %."""
    per_year = page_word("per_year", lang)
    change = row.get("required_change_per_year")
    if row.get("unit") == "%" and change is not None:
        return per_year.format(value=signed(difference(float(rounded(change, 2)), "%", lang)))
    rate = row.get("required_cagr_pct")
    if rate is not None:
        return per_year.format(value=signed(percent(rate, 1)) + "%")
    if change is not None:
        return per_year.format(value=signed(with_unit(float(rounded(change, 2)), row.get("unit"), lang)))
    return ""


def progress_text(row: Mapping[str, Any], lang: str) -> str:
    """The progress bar against time and ``任务42.9%，时间25%``; where the latest figure is the baseline's, only that
    (nothing is measured yet)."""
    progress, elapsed = row.get("progress_pct"), row.get("time_elapsed_pct")
    if progress is None and elapsed is None:
        return ""
    if row.get("actual_year") is not None and row.get("actual_year") == row.get("baseline_year"):
        return f'<span class="small">{esc(page_word("at_baseline", lang))}</span>'
    text = page_word("progress_text", lang).format(progress=percent(progress, 1) or "–",
                                                   time=percent(elapsed, 1) or "–")
    return f'{progress_svg(progress, elapsed)}<br><span class="small">{esc(text)}</span>'


def source_note(row: Mapping[str, Any], lang: str) -> str:
    """The note of a row's actual: the indicator, the year, the caveat and where the figure comes from (HTML)."""
    parts = [f"{esc(indicator_name(row, lang))} {esc(row.get('actual_year') or '')}"]
    note = row.get("note") if lang == "zh" or not row.get("note_en") else row.get("note_en")
    if note:
        parts.append(esc(shown(note, lang)))
    source = row.get("source")
    if row.get("source_title"):
        parts.append(esc(shown(row["source_title"], lang)))
    if source:
        parts.append(link_or_text(str(source)))
    return " — ".join(parts)


def link_or_text(source: str) -> str:
    """An ``http(s)`` address as a link, anything else as text."""
    if source.startswith(("http://", "https://")):
        return f'<a href="{esc(source)}">{esc(source)}</a>'
    return esc(source)


def details_html(row: Mapping[str, Any], lang: str, statement: Statement | None = None) -> str:
    """Every other field of a row, in a ``<details>``, as reports write numbers (:mod:`gapcalc.render.numerals`);
    with the row's statement, a first observation is not called the baseline, a period total has none, and the
    final target keeps its comparator."""
    unit = str(row.get("unit") or "")
    base_key, final_text = "baseline", quantity(row.get("final_target"), unit, lang)
    if statement is not None:
        if statement.base is not None and not statement.base.stated:
            base_key = "first_figure_label"
        if statement.final is not None:
            final_text = goal_text(statement.final, unit, lang, statement.direction)
    period_total = statement is not None and statement.final is not None and statement.final.period is not None
    items = [
        ("unit", esc(page_word("qualitative_unit", lang) if unit == "qualitative" else unit_label(unit, lang))),
        ("direction", esc(page_word(str(row.get("direction") or "up"), lang))),
        ("target_source", esc(page_word("plan_source" if row.get("target_source") == "plan"
                                        else str(row.get("target_source") or "none"), lang))),
        (base_key, "" if period_total else esc(_with_year(quantity(row.get("baseline"), unit, lang),
                                                          row.get("baseline_year"), lang))),
        ("final_target", esc(_with_year(final_text, row.get("final_year"), lang))),
        _by_sign("required_cagr", row.get("required_cagr_pct"), _rate),
        _by_sign("required_change", _float(per_year_change(row.get("required_change_per_year"), unit)),
                 lambda value: difference_text(value, unit, lang)),
        _by_sign("observed_cagr", row.get("observed_cagr_pct"), _rate),
        ("growth_ratio", esc("" if row.get("growth_ratio") is None else plain_text(rounded(row["growth_ratio"], 2)))),
    ]
    if row.get("outlook") == "achieved":  # nothing is still needed
        items = [(k, v) for k, v in items if k.removesuffix("_down") not in ("required_cagr", "required_change")]
    if statement is not None and statement.figure is not None and statement.figure.as_of and not statement.on_rates:
        # a figure of part of the year is not the year's level: no growth (observed or needed) is drawn from it
        items = [(k, v) for k, v in items if k.removesuffix("_down") not in ("required_cagr", "required_change",
                                                                              "observed_cagr", "growth_ratio")]
    if counted(unit):  # a count's change is in things (每年+2家), not a growth rate of a few of them
        items = [(k, v) for k, v in items if k.removesuffix("_down") not in ("required_cagr", "observed_cagr")]
    shown_items = "".join(f"<dt>{esc(page_word(k, lang))}</dt><dd>{v}</dd>" for k, v in items if v)
    return f"<details><summary>{esc(page_word('more', lang))}</summary><dl>{shown_items}</dl></details>"


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _rate(value: float | None) -> str:
    return "" if value is None else rate_text(value) + "%"


def _by_sign(key: str, value: float | None, text: Callable[[float], str]) -> tuple[str, str]:
    """A growth or change as a report words it: a fall under its own label (尚需年均下降7.6%), never a negative
    growth (尚需年均增长-7.6%)."""
    if value is None:
        return key, ""
    return (f"{key}_down", esc(text(-value))) if value < 0 else (key, esc(text(value)))


def _pct(value: float | None) -> str:
    text = percent(value)
    return text + "%" if text else ""


def _with_year(text: str, year: Any, lang: str) -> str:
    if not text or year is None:
        return text
    return f"{text} {page_word('of_year', lang).format(year=year)}"


def name_cell(row: Mapping[str, Any], context: PageContext) -> str:
    """The indicator cell: name (a link on the site), unit and id, then the details."""
    name = esc(indicator_name(row, context.lang))
    link = context.indicator_link(row) if context.indicator_link else None
    if link:
        name = f'<a href="{esc(link)}">{name}</a>'
    ident = "" if context.lang == "zh" else f'<br><span class="small">{esc(row.get("indicator"))}</span>'
    statement = context.statement(row)
    said = ""
    if statement is not None and statement.figure is not None:
        stop = "。" if context.lang == "zh" else ". "
        sentences = [s if context.lang == "zh" else s[:1].upper() + s[1:]  # each English sentence opens capital
                     for s in statement_sentences(statement, context.lang) if s]
        said = f'<p class="small">{esc(stop.join(sentences) + stop.strip())}</p>'
    return f'<td class="name"><b>{name}</b>{ident}{said}{details_html(row, context.lang, statement)}</td>'


def actual_cell(row: Mapping[str, Any], context: PageContext) -> str:
    """The actual with its year when earlier than the report's, and the number of its source note."""
    text = with_unit(row.get("actual"), row.get("unit"), context.lang)
    if not text:
        return '<td class="num"></td>'
    return _actual_td(text, actual_year_text(row, context.lang), row, context)


def _actual_td(text: str, when: str, row: Mapping[str, Any], context: PageContext) -> str:
    """The cell of an actual: its text, the number of its source note, and its year or date under it."""
    marker = ""
    if row.get("source") or row.get("note"):
        number = context.add_note(source_note(row, context.lang))
        marker = f'<sup><a href="#note-{number}">[{number}]</a></sup>'
    when_html = f'<br><span class="small">{esc(when)}</span>' if when else ""
    return f'<td class="num">{esc(text)}{marker}{when_html}</td>'


def row_html(row: Mapping[str, Any], context: PageContext) -> str:
    """One table row of a numeric target: from its statement when the page has one."""
    lang, unit = context.lang, row.get("unit")
    chart = context.chart(row)
    title = page_word("chart_title", lang).format(name=indicator_name(row, lang))
    statement = context.statement(row)
    if statement is not None:
        numbers = statement_cells(statement, row, context)
    else:
        numbers = [
            f'<td class="num">{esc(target_text(row, lang))}</td>', actual_cell(row, context),
            f'<td class="num">{esc(signed(difference(row.get("gap"), unit, lang)))}</td>',
            f'<td class="num">{esc(_pct(_rounded(row.get("attainment_pct"))))}</td>',
            f"<td>{progress_text(row, lang)}</td>", f'<td class="num">{esc(needed_text(row, lang))}</td>',
            f"<td>{pill(row.get('status'), lang)}</td>", f"<td>{pill(row.get('outlook'), lang)}</td>"]
    cells = [name_cell(row, context), *numbers, f"<td>{indicator_svg(chart, title)}</td>"]
    return f'<tr data-indicator="{esc(row.get("indicator"))}">' + "".join(cells) + "</tr>\n"


VERDICT_FILL = {"achieved_early": "achieved", "ahead": "on_track", "as_expected": "on_track",
                "lagging": "acceleration_needed", "completed": "met", "not_completed": "not_met",
                "undetermined": "insufficient_data", "no_figure": "no_data", "qualitative": "not_assessed",
                "status_quo": "not_assessed"}
"""The colour of an evaluation class: that of the status or outlook it corresponds to."""


def verdict_pill(verdict: str, lang: str) -> str:
    """An evaluation class (提前实现, 滞后, …) as its word on its colour."""
    colour = CLASS_FILL.get(VERDICT_FILL.get(verdict, ""), "FFFFFF")
    return f'<span class="pill" style="background:#{colour}">{esc(verdict_word(verdict, lang))}</span>'


def statement_cells(statement: Statement, row: Mapping[str, Any], context: PageContext) -> list[str]:
    """The number cells of a row as its statement says them: the target with its comparator, the figure as
    published (a bound, a date), the gap and rates as reports write them, and the evaluation class."""
    lang, unit = context.lang, statement.unit
    goal, final = statement.target, statement.final
    target = goal_text(goal, unit, lang, statement.direction) + TARGET_MARKERS.get(goal.source, "") if goal else ""
    if goal is None and final is not None:  # no target for the year (no baseline to draw a path from): the final one
        target = goal_text(final, unit, lang, statement.direction) + page_word("of_year", lang).format(year=final.year)
    # the year's gap and 完成率 only where the figure decides the year (not another year's, a part year's or a bound's)
    same_year = statement.current and statement.status in ("met", "not_met")
    gap = shown_gap(statement) if same_year else None
    gap_text = "" if gap is None else signed_difference(gap, unit, lang, zero="")
    attainment = rate_text(statement.attainment_pct) if same_year else ""
    need = statement.need
    needed = ""
    if need is not None and statement.verdict not in ("achieved_early", "completed"):
        per_year = per_year_change(need.change_per_year, unit)
        if counted(unit) and per_year is not None:  # a count: the things to add a year, not a growth rate
            needed = signed_difference(per_year, unit, lang)
        elif unit == "%" and need.change_per_year is not None:
            needed = signed_difference(need.change_per_year, unit, lang)
        elif need.cagr_pct is not None:
            needed = ("+" if need.cagr_pct >= 0 else "-") + rate_text(abs(need.cagr_pct)) + "%"
        needed = page_word("per_year", lang).format(value=needed) if needed else ""
    elif statement.verdict in ("achieved_early", "completed"):
        needed = verdict_word("completed", lang)
    return [f'<td class="num">{esc(target)}</td>', statement_actual_cell(statement, row, context),
            f'<td class="num">{esc(gap_text)}</td>',
            f'<td class="num">{esc(attainment + "%" if attainment else "")}</td>',
            f"<td>{statement_progress(statement, lang)}</td>", f'<td class="num">{esc(needed)}</td>',
            f"<td>{pill(status_key(statement), lang)}</td>", f"<td>{verdict_pill(statement.verdict, lang)}</td>"]


def status_key(statement: Statement) -> str:
    """The status a row shows: the in-year warning level of a figure of part of the year, else the year's status."""
    return f"warning_{statement.in_year.warning}" if statement.in_year is not None else statement.status


def statement_actual_cell(statement: Statement, row: Mapping[str, Any], context: PageContext) -> str:
    """The figure as published, its year or date when not the report year's, and its note's number."""
    figure = statement.figure
    if figure is None:
        return '<td class="num"></td>'
    text = figure_quantity(figure, statement.unit, context.lang)
    when = period_text(statement, context.lang) if figure.as_of else (
        str(figure.year) if figure.year != statement.year else "")
    return _actual_td(text, when, row, context)


def statement_progress(statement: Statement, lang: str) -> str:
    """Progress against time, or what the figure is when nothing is measured yet."""
    if statement.at_first_point and statement.base is not None:
        key = "at_baseline" if statement.base.stated else "first_figure"
        return f'<span class="small">{esc(page_word(key, lang))}</span>'
    progress = statement.progress
    if progress is None:
        return ""
    text = page_word("progress_text", lang).format(progress=rate_text(progress.task_pct),
                                                   time=rate_text(progress.time_pct))
    return f'{progress_svg(progress.task_pct, progress.time_pct)}<br><span class="small">{esc(text)}</span>'


def _rounded(value: float | None) -> float | None:
    return None if value is None else float(rounded(value, 1))


def table_html(rows: Sequence[Mapping[str, Any]], context: PageContext) -> str:
    """The table of numeric targets, with fixed column widths."""
    columns = "".join(f'<col style="width:{width}">' for _, width in COLUMN_WIDTHS)
    header = "".join(f'<th class="num">{esc(page_word(k, context.lang))}</th>' if k in NUMERIC_COLUMNS
                     else f"<th>{esc(page_word(k, context.lang))}</th>" for k, _ in COLUMN_WIDTHS)
    body = "".join(row_html(r, context) for r in rows)
    return (f"<table>\n<colgroup>{columns}</colgroup>\n<thead>\n<tr>{header}</tr>\n</thead>\n"
            f"<tbody>\n{body}</tbody>\n</table>\n")


def words_html(rows: Sequence[Mapping[str, Any]], context: PageContext) -> str:
    """Targets without a number, each list under its own heading: those stated in words (their wording), and
    quantified ones that cannot be assessed (why: 基期值未知…)."""
    qualitative = [row for row in rows if row.get("target_text")]
    unscored = [row for row in rows if not row.get("target_text")]
    return _words_list(qualitative, "qualitative", context) + _words_list(unscored, "unscored", context)


def _words_list(rows: Sequence[Mapping[str, Any]], heading_key: str, context: PageContext) -> str:
    if not rows:
        return ""
    items = []
    for row in rows:
        wording = shown(row.get("target_text"), context.lang) or page_word(str(row.get("target_source") or "none"),
                                                                           context.lang)
        items.append(f"<li><b>{esc(indicator_name(row, context.lang))}</b>: {esc(wording)}</li>")
    return (f"<h3>{esc(page_word(heading_key, context.lang))}</h3>\n"
            f'<ul class="words">\n{"".join(i + chr(10) for i in items)}</ul>\n')


def summary_html(summary: Sequence[Mapping[str, Any]], context: PageContext) -> str:
    """Cards with the counts of the whole plan (or plans), the outlook counts and 指标完成率."""
    whole = [s for s in summary if s.get("subplan") == "*"] or list(summary)
    lang = context.lang
    total = {k: sum(int(s.get(k) or 0) for s in whole) for k in ("rows", "assessed", "met", "not_met", "no_data",
                                                                "not_assessed", "inconclusive")}
    share = f"{rate_text(100.0 * total['met'] / total['assessed'])}%" if total["assessed"] else "–"
    part_year, earlier = _figures_not_of_the_year(context)
    no_figure = total["no_data"] - part_year - earlier
    cards = [(total["rows"], page_word("targets", lang)), (total["assessed"], page_word("assessed", lang)),
             (pill("met", lang) + f" {total['met']}", ""), (pill("not_met", lang) + f" {total['not_met']}", ""),
             (pill("no_data", lang) + f" {no_figure}", "")]
    cards += [(count, page_word(key, lang)) for count, key in ((part_year, "in_year_only"),
                                                               (earlier, "earlier_only")) if count]
    cards.append((pill("not_assessed", lang) + f" {total['not_assessed']}", ""))
    if total["inconclusive"]:  # a bound that neither meets nor fails its target: shown only where there is one
        cards.append((pill("inconclusive", lang) + f" {total['inconclusive']}", ""))
    cards.append((share, page_word("met_share", lang)))
    card_html = "".join(f'<div class="card"><b>{value}</b><span>{esc(label)}</span></div>' for value, label in cards)
    outlooks = [(k, sum(int(s.get(k) or 0) for s in whole)) for k in
                ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration",
                 "insufficient_data")]
    outlook_html = " ".join(f"{pill(k, lang)} {n}" for k, n in outlooks if n)
    if getattr(context, "statements", None):
        counts: dict[str, int] = {}
        for statement in context.statements.values():
            counts[statement.verdict] = counts.get(statement.verdict, 0) + 1
        outlook_html = " ".join(f"{verdict_pill(k, lang)} {counts[k]}" for k in VERDICT_FILL if counts.get(k))
        warnings: dict[str, int] = {}
        for statement in context.statements.values():
            if statement.in_year is not None:
                key = f"warning_{statement.in_year.warning}"
                warnings[key] = warnings.get(key, 0) + 1
        warning_html = " ".join(f"{pill(k, lang)} {warnings[k]}" for k in
                                ("warning_red", "warning_yellow", "warning_green") if warnings.get(k))
        in_year = (f"<p>{esc(page_word('in_year_line', lang))}{esc(page_word('colon', lang))}{warning_html}</p>\n"
                   if warning_html else "")
        return (f"<h2>{esc(page_word('summary', lang))}</h2>\n<div class=\"cards\">{card_html}</div>\n"
                f"<p>{esc(page_word('verdict_line', lang))}{esc(page_word('colon', lang))}{outlook_html}</p>\n"
                + in_year)
    return (f"<h2>{esc(page_word('summary', lang))}</h2>\n<div class=\"cards\">{card_html}</div>\n"
            f"<p>{esc(page_word('outlook', lang))}: {outlook_html}</p>\n")


def _figures_not_of_the_year(context: PageContext) -> tuple[int, int]:
    """Of the targets without a whole-year figure of the year (status ``no_data``), how many have a figure of part
    of the year and how many one of an earlier year: they have data, only not the year's (0, 0 without the page's
    statements)."""
    statements = getattr(context, "statements", None) or {}
    waiting = [s for s in statements.values() if s.status == "no_data" and s.figure is not None]
    in_year = sum(1 for s in waiting if s.figure is not None and s.figure.as_of)
    return in_year, len(waiting) - in_year


def group_rows(rows: Sequence[Row]) -> list[tuple[tuple[str, str], list[Row]]]:
    """Rows grouped by plan and subplan, in the order they come."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((str(row.get("plan") or ""), str(row.get("subplan") or "")), []).append(row)
    return list(groups.items())


def subplan_title(key: tuple[str, str], summary: Sequence[Mapping[str, Any]], context: PageContext,
                  many_plans: bool) -> str:
    """The heading of a group: the subplan's name (with the plan's id when the page holds several plans)."""
    name = context.subplan_names.get(key)
    if name is None:
        wanted = (key[0], key[1] or "*")
        name = next((str(s.get("subplan_name")) for s in summary
                     if (s.get("plan"), s.get("subplan")) == wanted and s.get("subplan_name")), key[1] or key[0])
    return f"{key[0]} · {name}" if many_plans and key[1] else name


def notes_html(context: PageContext) -> str:
    """The numbered source notes collected while writing the tables."""
    if not context.notes:
        return ""
    items = "".join(f'<li id="note-{n}">{text}</li>\n' for n, text in enumerate(context.notes, 1))
    heading = esc(page_word("notes", context.lang))
    return f'<footer>\n<h2>{heading}</h2>\n<ol class="notes">\n{items}</ol>\n</footer>\n'


def report_body(title: str, subtitle: str, rows: Sequence[Row], summary: Sequence[Mapping[str, Any]],
                context: PageContext) -> str:
    """The page's content: title, summary, legend, one section per subplan, the notes."""
    many_plans = len({r.get("plan") for r in rows}) > 1
    parts = [f"<h1>{esc(title)}</h1>\n"]
    if subtitle:
        parts.append(f'<p class="sub">{esc(subtitle)}</p>\n')
    if summary:
        parts.append(summary_html(summary, context))
    parts.append(f'<p class="legend">{esc(page_word("legend", context.lang))}</p>\n')
    for key, group in group_rows(rows):
        numeric = [r for r in group if is_numeric_target(r)]
        words = [r for r in group if not is_numeric_target(r)]
        parts.append(f"<section>\n<h2>{esc(subplan_title(key, summary, context, many_plans))}</h2>\n")
        if numeric:
            parts.append(table_html(numeric, context))
        parts.append(words_html(words, context) + "</section>\n")
    parts.append(notes_html(context))
    return "".join(parts)


def plan_heading(names: Mapping[str, Any], year: Any, lang: str) -> tuple[str, str]:
    """The title (``重庆目标完成情况（2022年）``) and subtitle (document name · number · period) of a plan's page;
    ``names`` holds ``region_zh``, ``region_en``, ``name_zh``, ``name_en``, ``document`` and ``period``."""
    region = names["region_zh"] if lang == "zh" else names["region_en"]
    name = names["name_zh"] if lang == "zh" else (names["name_en"] or names["name_zh"])
    first, last = names["period"]
    return (page_word("report_title", lang).format(region=region, year=year),
            f"{shown(name, lang)} · {shown(names['document'], lang)} · "
            + (f"{first}—{last}年" if lang == "zh" else f"{first}–{last}"))


def report_heading(default: str, plans: Mapping[str, Mapping[str, Any]], rows: Sequence[Row],
                   lang: str) -> tuple[str, str]:
    """Title and subtitle of a report page in ``lang``: the plan's heading for one plan, the heading of all plans
    for several, else ``default`` without a subtitle."""
    year = next((r.get("year") for r in rows if r.get("year") is not None), None)
    shown = {str(r.get("plan") or "") for r in rows}
    if year is None or not plans:
        return default, ""
    if len(shown) == 1 and next(iter(shown)) in plans:
        return plan_heading(plans[next(iter(shown))], year, lang)
    return page_word("all_title", lang).format(year=year, count=len(shown)), ""


def report_page(title: str, rows: Sequence[Row], summary: Sequence[Mapping[str, Any]], context: PageContext,
                subtitle: str = "", nav: str = "") -> str:
    """A complete report page."""
    return page_shell(title, context.lang, report_body(title, subtitle, rows, summary, context), nav)
