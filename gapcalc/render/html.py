"""Self-contained HTML pages of gapcalc rows: one file to mail, open offline, print or read on a phone.

:func:`render_html` turns a :class:`~gapcalc.render.document.Document` into a page: a gap report becomes the report
page of :mod:`gapcalc.render.page`; other rows (targets, summary, compare, plans) a plain table. For those,
:func:`table_page` writes an HTML5 page with inline CSS only — no scripts, no external
fonts, stylesheets, images or links other than the footnotes' own source addresses — so opening it never touches
the network. The summary table (when given) comes first, then the table; status and outlook cells carry their word
and symbol from :mod:`gapcalc.render.words` as well as its colour, numbers are right-aligned, and every piece of text is
HTML-escaped. Footnotes (notes on approximate or lower-bound actuals and their sources) end the page, with
``http(s)://`` addresses as links.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import IO, Any

from gapcalc.render.cells import cell_text
from gapcalc.render.document import Document, RenderOptions
from gapcalc.render.numerals import rate_text
from gapcalc.render.words import CLASS_FILL, class_word

FONT_STACK = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
HEADINGS = {"en": ("Summary", "Gap table", "Notes"), "zh": ("汇总", "差距表", "注释")}
"""Section headings (summary, gap table, notes) by language."""

_URL = re.compile(r"https?://[^\s<>\"'）】」]+")
_URL_TRAILING = ".,;:!?)]}。，；：！？"

CSS = "body { font-family: " + FONT_STACK + """; margin: 1.5rem; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.3rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #ddebf7; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.class { white-space: nowrap; }
footer { margin-top: 1.5rem; font-size: 0.8rem; color: #404040; }
footer ul { list-style: none; padding-left: 0; }
a { color: #0b57a4; word-break: break-all; }
@media print {
  body { margin: 0; font-size: 9pt; }
  .scroll { overflow: visible; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
}
"""


def render_html(document: Document) -> str:
    """The page of a document: the report page of :mod:`gapcalc.render.page` for a gap report (its charts, plans
    and subplans from ``document.extra``, see :func:`gapcalc.usecases.charts.report_extra`), else a plain table page."""
    rows = list(document.iter_rows())
    if is_report(document.columns):
        return report_html(document, rows)
    from gapcalc.engine.contracts import SUMMARY_COLUMNS

    return table_page(document.title, rows, document.columns, document.summary,
                      SUMMARY_COLUMNS if document.summary else None, report_footnotes(rows), document.lang)


def table_page(title: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str],
               summary_rows: Sequence[Mapping[str, Any]] | None = None,
               summary_columns: Sequence[str] | None = None, footnotes: Sequence[str] = (),
               lang: str = "en") -> str:
    """A complete HTML page of ``rows``: ``title``, the summary table (if given), the table, then the footnotes."""
    summary_heading, table_heading, notes_heading = headings(lang)
    parts = [_head(title, lang), f"<h1>{_esc(title)}</h1>\n"]
    if summary_rows is not None:
        shown = list(summary_columns) if summary_columns is not None else _keys(summary_rows)
        parts.append(_section(summary_heading, summary_rows, shown, lang))
    parts.append(_section(table_heading, rows, columns, lang))
    if footnotes:
        parts.append(_footer(notes_heading, footnotes))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def is_report(columns: Sequence[str]) -> bool:
    """True for the columns of a gap report."""
    from gapcalc.engine.contracts import REPORT_COLUMNS

    return set(REPORT_COLUMNS) <= set(columns)


def report_html(document: Document, rows: Sequence[Mapping[str, Any]]) -> str:
    """The report page of gap-report rows. Charts come from ``document.extra["charts"]`` (the engine's, computed with
    the rows); a row without one gets the chart its own figures give (baseline, latest actual, final target)."""
    from gapcalc.render.page import PageContext, report_heading, report_page
    from gapcalc.render.rows import clean_rows

    language = "zh" if document.lang.lower().startswith("zh") else "en"
    clean = clean_rows(rows)
    extra = document.extra
    names = {key: pair[0 if language == "zh" else 1] for key, pair in extra.get("subplans", {}).items()}
    context = PageContext(language, charts=extra.get("charts", {}), subplan_names=names,
                          statements=extra.get("statements", {}))
    title, subtitle = report_heading(document.title, extra.get("plans", {}), clean, language)
    return report_page(title, clean, clean_rows(document.summary or ()), context, subtitle)


def headings(lang: str) -> tuple[str, str, str]:
    """The section headings for ``lang`` (Chinese for ``zh…``, else English)."""
    return HEADINGS["zh"] if lang.lower().startswith("zh") else HEADINGS["en"]


def report_footnotes(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """``[1] enterprises_on_cloud 2019: lower bound (超300家) — Demo bulletin, https://…`` for rows with a note."""
    notes: list[str] = []
    for row in [r for r in rows if r.get("note")]:
        name = str(row.get("indicator") or "")
        if row.get("breakdown"):
            name += f" · {row['breakdown']}"
        sources = ", ".join(str(row[k]) for k in ("source_title", "source") if row.get(k))
        text = f"[{len(notes) + 1}] {name} {cell_text(row.get('actual_year'))}: {row['note']}"
        notes.append(f"{text} — {sources}" if sources else text)
    return notes


def cell_html(column: str, value: Any, lang: str = "en") -> str:
    """One ``<td>``: numbers right-aligned, statuses and outlooks as word + symbol on their colour, text escaped."""
    if value is None:
        return "<td></td>"
    if _is_number(value):
        return f'<td class="num">{_esc(number_text(column, value))}</td>'
    text = cell_text(value)
    if _is_class_column(column) and text in CLASS_FILL:
        return f'<td class="class" style="background:#{CLASS_FILL[text]}">{_esc(class_word(text, lang))}</td>'
    return f"<td>{_esc(text)}</td>"


def number_text(column: str, value: Any) -> str:
    """Decimals as stated; computed floats to 1 place in ``*_pct`` columns, else as in CSV (4 places at most)."""
    if isinstance(value, float) and column.endswith("_pct"):
        return rate_text(value)  # rounded half up, as the brief and the page round
    return cell_text(value)


def linkify(text: str) -> str:
    """``text`` escaped, with each ``http(s)://`` address made a link (trailing punctuation left outside)."""
    out, position = [], 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(_URL_TRAILING)
        out.append(_esc(text[position:match.start()]))
        out.append(f'<a href="{_esc(url)}">{_esc(url)}</a>')
        position = match.start() + len(url)
    out.append(_esc(text[position:]))
    return "".join(out)


def table_html(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], lang: str = "en") -> str:
    """A ``<table>`` of the rows in a horizontally scrolling wrapper."""
    numeric = {c for c in columns if any(_is_number(r.get(c)) for r in rows)}
    header = "".join(_header_cell(c, c in numeric) for c in columns)
    body = "".join("<tr>" + "".join(cell_html(c, row.get(c), lang) for c in columns) + "</tr>\n" for row in rows)
    return (f'<div class="scroll">\n<table>\n<thead>\n<tr>{header}</tr>\n</thead>\n'
            f"<tbody>\n{body}</tbody>\n</table>\n</div>\n")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _is_class_column(column: str) -> bool:
    return "status" in column or "outlook" in column


def _keys(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return list(rows[0]) if rows else []


def _head(title: str, lang: str) -> str:
    return ("<!DOCTYPE html>\n"
            f'<html lang="{_esc(lang)}">\n'
            "<head>\n"
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="gapcalc">\n'
            f"<title>{_esc(title)}</title>\n"
            f"<style>\n{CSS}</style>\n"
            "</head>\n"
            "<body>\n")


def _section(heading: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str], lang: str = "en") -> str:
    return f"<section>\n<h2>{_esc(heading)}</h2>\n{table_html(rows, columns, lang)}</section>\n"


def _header_cell(column: str, numeric: bool) -> str:
    """A ``<th>``; the count columns of a summary (``met``, ``not_met``, …) get their status colour."""
    attributes = ' class="num"' if numeric else ""
    if column in CLASS_FILL:
        attributes += f' style="background:#{CLASS_FILL[column]}"'
    return f"<th{attributes}>{_esc(column)}</th>"


def _footer(heading: str, footnotes: Sequence[str]) -> str:
    items = "".join(f"<li>{linkify(note)}</li>\n" for note in footnotes)
    return f"<footer>\n<h2>{_esc(heading)}</h2>\n<ul>\n{items}</ul>\n</footer>\n"


def write_html(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The HTML renderer (see :func:`render_html`), in the language of ``options``."""
    stream.write(render_html(dataclasses.replace(document, lang=options.lang)))
