"""The workbook of a document: for a gap report, sheets people read in their language, and the data for scripts.

A gap report's workbook (:func:`report_sheets`) opens on the gap table with the page's headings in the chosen
language (指标, 目标, 实际, 差距, 完成率 …), indicator and subplan names in that language, status and outlook as
words on their colour, numbers as numbers; then the summary with the same words; then a ``data`` sheet with the
report's contracted English columns and codes, for scripts; then the sources. Other documents keep one sheet with
their column names (:func:`document_sheets`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import IO, Any

from gapcalc.engine.contracts import ALL_COLUMNS, SUMMARY_COLUMNS
from gapcalc.engine.statement import Statement
from gapcalc.render.document import Document, RenderOptions
from gapcalc.render.figures import unit_text
from gapcalc.render.i18n import page_word, status_word
from gapcalc.render.page import indicator_name, shown
from gapcalc.render.prose import statement_sentences, verdict_word
from gapcalc.render.rows import clean_rows, row_key
from gapcalc.render.xlsx import Sheet, render_xlsx

REPORT_HEADINGS = {
    "subplan_title": "subplan", "indicator_title": "indicator", "unit": "unit", "target": "target",
    "target_source": "target_source", "actual": "actual", "actual_year": "actual_year", "gap": "gap",
    "attainment_pct": "attainment", "progress_pct": "progress_pct", "time_elapsed_pct": "time_elapsed_pct",
    "required_cagr_pct": "required_cagr", "required_change_per_year": "required_change", "status": "status",
    "outlook": "outlook", "verdict": "verdict", "said": "statement",
    "baseline": "baseline", "baseline_year": "baseline_year", "final_target": "final_target",
    "final_year": "final_year", "observed_cagr_pct": "observed_cagr", "direction": "direction",
    "source_title": "source_title", "source": "source", "note": "note", "indicator": "indicator_id",
}
"""The main sheet's columns (report fields, and the names derived for readers) and the word of each heading."""

SUMMARY_SHOWN = ("plan", "subplan_name", "rows", "assessed", "met", "not_met", "no_data", "not_assessed",
                 "met_share_pct", "achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration",
                 "insufficient_data")
SUMMARY_WORDS = {"plan": "plan", "subplan_name": "subplan", "rows": "rows", "assessed": "assessed",
                 "met_share_pct": "met_share"}
"""Summary columns headed by a page word; the others (status and outlook counts) by their status word."""

TARGET_SOURCE_WORDS = {"plan": "plan_source"}


def render_workbook(document: Document) -> bytes:
    """The xlsx bytes of a (materialised) document."""
    sheets = report_sheets(document) if document.kind == "report" else document_sheets(document)
    sources = document.rows if document.kind in ("report", "compare") else None
    return render_xlsx(sheets, sources)


def document_sheets(document: Document) -> list[Sheet]:
    """One sheet of the rows under their column names, and the summary (if any)."""
    sheets = [Sheet(document.title, document.columns, document.rows, document.kind)]  # type: ignore[arg-type]
    if document.summary:
        sheets.append(Sheet("Summary", SUMMARY_COLUMNS, document.summary, "summary"))
    return sheets


def report_sheets(document: Document) -> list[Sheet]:
    """The gap table and the summary in ``document.lang``, then the ``data`` sheet with the contracted columns."""
    lang = "zh" if document.lang.startswith("zh") else "en"
    subplans: Mapping[tuple[str, str], tuple[str, str]] = document.extra.get("subplans", {})
    plans: Mapping[str, Mapping[str, Any]] = document.extra.get("plans", {})
    rows = clean_rows(document.rows)
    statements: Mapping[tuple[str, str, str], Statement] = document.extra.get("statements", {})
    shown_rows = [reader_row(r, subplans, lang, statements.get((str(r.get("plan") or ""), *row_key(r))))
                  for r in rows]
    sheets = [Sheet(page_word("report_page", lang), tuple(REPORT_HEADINGS), shown_rows, "report",
                    {k: page_word(v, lang) for k, v in REPORT_HEADINGS.items()}, lang)]
    if document.summary:
        summary = [summary_row(s, subplans, plans, lang) for s in clean_rows(document.summary)]
        headings = {k: _capital(page_word(SUMMARY_WORDS[k], lang)) if k in SUMMARY_WORDS else status_word(k, lang)
                    for k in SUMMARY_SHOWN}
        sheets.append(Sheet(page_word("summary", lang), SUMMARY_SHOWN, summary, "summary", headings, lang))
    sheets.append(Sheet(page_word("data", lang), ALL_COLUMNS, document.rows, "report"))
    return sheets


def _capital(word: str) -> str:
    """A page word as a heading: ``assessed`` → ``Assessed`` (Chinese unchanged)."""
    return word[:1].upper() + word[1:]


def reader_row(row: Mapping[str, Any], subplans: Mapping[tuple[str, str], tuple[str, str]], lang: str,
               statement: Statement | None = None) -> dict[str, Any]:
    """A report row as the main sheet shows it: names, unit, target source and direction in words, its evaluation
    class and what the report says of it (its statement), texts displayed simplified; numbers kept."""
    subplan = str(row.get("subplan") or "")
    names = subplans.get((str(row.get("plan") or ""), subplan))
    source = str(row.get("target_source") or "none")
    note = row.get("note") if lang == "zh" or not row.get("note_en") else row.get("note_en")
    said = ""
    if statement is not None and statement.figure is not None and statement.quantified:
        stop = "。" if lang == "zh" else ". "
        said = stop.join(statement_sentences(statement, lang)) + stop.strip()
    return {**row, "subplan_title": names[0 if lang == "zh" else 1] if names else subplan,
            "indicator_title": indicator_name(row, lang), "unit": unit_text(row.get("unit"), lang),
            "target_source": page_word(TARGET_SOURCE_WORDS.get(source, source), lang),
            "direction": page_word(str(row.get("direction") or "up"), lang),
            "verdict": verdict_word(statement.verdict, lang) if statement is not None else None,
            "said": said or None, "note": shown(note, lang) or None,
            "source_title": shown(row.get("source_title"), lang) or None}


def summary_row(row: Mapping[str, Any], subplans: Mapping[tuple[str, str], tuple[str, str]],
                plans: Mapping[str, Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """A summary row with the subplan's (or, for ``*``, the plan's) name in ``lang``."""
    plan, subplan = str(row.get("plan") or ""), str(row.get("subplan") or "")
    name = row.get("subplan_name")
    if subplan == "*" and plan in plans:
        name = plans[plan]["name_zh" if lang == "zh" else "name_en"] or name
    elif (plan, subplan) in subplans:
        name = subplans[(plan, subplan)][0 if lang == "zh" else 1]
    return {**row, "subplan_name": name}


def write_xlsx(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The xlsx renderer (see :func:`render_workbook`), in the language of ``options``."""
    stream.write(render_workbook(dataclasses.replace(document, lang=options.lang)))
