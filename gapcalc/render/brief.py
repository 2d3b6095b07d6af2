"""The written progress report (进展情况报告) of a plan for a year: a draft an analyst edits rather than writes.

:func:`build_brief` turns report and summary rows (from :mod:`gapcalc.api`) into a :class:`Brief`: an overview
paragraph (targets, assessed, met, on track, behind), one short paragraph per indicator with a figure — actual
against target, gap, 完成率, time elapsed against progress (时间过半、任务过半), growth still needed (尚需年均增长),
the source of the figure — the targets without data, the targets stated in words, and the gap table.
:func:`brief_markdown` writes it as Markdown (with the charts of the indicators furthest behind as images beside
it, when it goes to a file), :func:`brief_docx` as a Word document (python-docx, imported only there) with those
charts inside. Every number is the report CSV's text
(:func:`gapcalc.render.cells.cell_text`), so a reader can find it in the CSV.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from gapcalc.render.cells import cell_text, format_float, xml_text
from gapcalc.render.figures import difference, with_unit
from gapcalc.render.i18n import status_word
from gapcalc.render.markdown import markdown_cell, markdown_inline
from gapcalc.render.page import indicator_name
from gapcalc.render.rows import Row, is_numeric_target
from gapcalc.render.words import foreign

BEHIND = ("acceleration_needed", "limited_progress", "deterioration")
"""Outlooks of indicators that will miss their final target at the pace observed."""

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{region}{name}进展情况报告（{year}年）",
        "overview_heading": "一、总体情况", "progress_heading": "二、主要指标进展",
        "earlier_intro": "以下指标{year}年尚无数据，按最近年度数据分析：",
        "missing_heading": "三、尚无数据的目标", "words_heading": "四、定性目标及暂无法评估的目标",
        "table_heading": "五、差距表", "charts_heading": "六、进度落后指标走势",
        "overview": "《{name}》{document}共提出{rows}项目标，其中量化目标{numeric}项。"
                    "截至{year}年，有当年数据可评估的{assessed}项，{verdict}，指标完成率{share}；{no_data}项目标当年无数据，"
                    "{not_assessed}项为定性目标或暂无法评估。",
        "verdict": "达标{met}项、未达标{not_met}项", "verdict_all": "全部达标",
        "verdict_none": "{not_met}项均未达标",
        "pace": "按已实现的增速，{parts}。", "pace_achieved": "{count}项已实现最终目标", "pace_on_track":
        "{count}项符合进度", "pace_behind": "{count}项进度落后（{detail}）", "pace_no_behind": "暂无进度落后的指标",
        "behind_acceleration_needed": "需加快{count}项", "behind_limited_progress": "进展有限{count}项",
        "behind_deterioration": "倒退{count}项", "list_sep": "、", "clause_sep": "，",
        "at_baseline": "该数据为规划基期（{year}年）数值，尚无基期后的数据衡量进度",
        "baseline_cell": "基期值", "no_data_cell": "{year}年无数据",
        "unresolved": "目标以基期值为基准，基期值尚未掌握，暂无法评估",
        "notes_heading": "注：", "note_marker": "[{number}]", "note_source": "来源：{source}",
        "note_text": "说明：{note}", "note_foreign": "说明（原文注释为英文）：{note}", "note_sep": "；",
        "actual": "{year}年为{actual}", "actual_earlier": "最新数据为{actual_year}年的{actual}",
        "target_plan": "规划年度目标为{target}", "target_interpolated": "按规划路径插值的年度目标为{target}",
        "target_final": "最终目标为{target}", "gap": "差距{gap}", "attainment": "完成率{attainment}%",
        "met": "已达到年度目标", "not_met": "未达到年度目标",
        "time": "规划期时间进度{time}%，任务进度{progress}%，", "ahead": "任务进度快于时间进度",
        "level": "任务进度与时间进度持平", "behind": "任务进度落后于时间进度",
        "half_yes": "，实现“时间过半、任务过半”", "half_no": "，未实现“时间过半、任务过半”",
        "need_cagr": "实现{final_year}年{final}的目标，尚需年均增长{rate}%", "need_decline":
        "实现{final_year}年{final}的目标，尚需年均下降{rate}%", "need_change": "实现{final_year}年{final}的目标，"
        "尚需年均{verb}{change}", "up": "增加", "down": "减少", "pp_up": "提高", "pp_down": "降低",
        "with_change": "（每年{verb}{change}）", "achieved_final": "已实现{final_year}年{final}的目标",
        "source": "数据来源：{source}", "sep": "，", "stop": "。", "between": "。",
        "missing_item": "{name}：{year}年目标{target}", "missing_final": "{name}：{final_year}年目标{final}",
        "chart_caption": "图{number}  {name}", "none": "无。",
    },
    "en": {
        "title": "{region}: progress report on the {name}, {year}",
        "overview_heading": "1. Overview", "progress_heading": "2. Progress by indicator",
        "earlier_intro": "No figure for {year} yet; the latest figures are assessed below:",
        "missing_heading": "3. Targets without data", "words_heading": "4. Targets stated in words or not assessable",
        "table_heading": "5. Gap table", "charts_heading": "6. Indicators furthest behind",
        "overview": "The {name}{document} sets {rows} targets, {numeric} of them quantified. For {year}, {assessed} "
                    "can be assessed against a figure of the year: {verdict} (met / assessed: "
                    "{share}); {no_data} have no figure for the year and {not_assessed} are stated in words or cannot "
                    "be assessed yet.",
        "verdict": "{met} met and {not_met} not met", "verdict_all": "all met",
        "verdict_none": "none of the {not_met} met",
        "pace": "At the pace observed, {parts}.", "pace_achieved": "{count} have reached their final target",
        "pace_on_track": "{count} are on track", "pace_behind": "{count} are behind ({detail})",
        "pace_no_behind": "none is behind", "behind_acceleration_needed": "{count} need to accelerate",
        "behind_limited_progress": "{count} show limited progress",
        "behind_deterioration": "{count} are moving away from the target", "list_sep": ", ", "clause_sep": ", ",
        "at_baseline": "this figure is the plan's baseline ({year}); there is no later figure yet to measure "
                       "progress by",
        "baseline_cell": "baseline", "no_data_cell": "no {year} figure",
        "unresolved": "the target is relative to a baseline that is not known yet: not assessed",
        "notes_heading": "Notes:", "note_marker": " [{number}]", "note_source": "Source: {source}",
        "note_text": "Note: {note}", "note_foreign": "Note (in Chinese in the original): {note}", "note_sep": "; ",
        "actual": "the {year} figure is {actual}",
        "actual_earlier": "the latest figure, for {actual_year}, is {actual}",
        "target_plan": "against a target of {target} for the year",
        "target_interpolated": "against {target} on the plan's path for the year",
        "target_final": "against the final target of {target}", "gap": "a gap of {gap}",
        "attainment": "attainment {attainment}%", "met": "the target for the year is met",
        "not_met": "the target for the year is not met",
        "time": "{time}% of the plan period has elapsed and {progress}% of the distance has been covered: ",
        "ahead": "progress is ahead of time", "level": "progress keeps pace with time",
        "behind": "progress lags behind time", "half_yes": " (时间过半、任务过半 achieved)",
        "half_no": " (时间过半、任务过半 not achieved)",
        "need_cagr": "reaching {final} by {final_year} still needs growth of {rate}% a year",
        "need_decline": "reaching {final} by {final_year} still needs a decline of {rate}% a year",
        "need_change": "reaching {final} by {final_year} still needs a {verb} of {change} a year",
        "up": "rise", "down": "fall", "pp_up": "rise", "pp_down": "fall", "with_change": " ({verb} of {change} a year)",
        "achieved_final": "the {final_year} target of {final} is already reached",
        "source": "Source: {source}", "sep": "; ", "stop": ".", "between": ". ",
        "missing_item": "{name}: {target} for {year}", "missing_final": "{name}: {final} by {final_year}",
        "chart_caption": "Figure {number}. {name}", "none": "None.",
    },
}
"""The sentences of the brief, in Chinese (the register of evaluation reports) and English."""

OUTLOOK_SENTENCES: dict[str, dict[str, str]] = {
    "zh": {"on_track": "按已实现增速可如期实现目标", "acceleration_needed": "按已实现增速需加快推进",
           "limited_progress": "按已实现增速进展有限", "deterioration": "指标向偏离目标方向变化"},
    "en": {"on_track": "at the pace observed the target will be reached",
           "acceleration_needed": "the pace must quicken to reach the target",
           "limited_progress": "progress is limited", "deterioration": "the indicator is moving away from its target"},
}
"""What the outlook says, as the end of an indicator's paragraph."""

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "zh": ("指标", "目标", "实际（年份）", "差距", "完成率", "任务进度 / 时间进度", "尚需年均增长", "状态"),
    "en": ("Indicator", "Target", "Actual (year)", "Gap", "Attainment", "Progress / time", "Growth needed", "Status"),
}
"""The headings of the gap table."""


@dataclass
class Brief:
    """The text of a brief, in the order it is written."""

    title: str
    lang: str
    year: int
    overview: str
    paragraphs: list[str]
    earlier: list[str]
    missing: list[str]
    words: list[str]
    table: list[list[str]]
    behind: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """The footnotes of the paragraphs: where each figure comes from and its caveat, numbered from 1."""

    def text(self, key: str) -> str:
        """A fixed text (heading) of the brief's language."""
        return TEXT[self.lang][key]


def _t(lang: str, key: str) -> str:
    return TEXT[lang][key]


@dataclass
class Footnotes:
    """The numbered notes of a brief; the same text keeps its number."""

    texts: list[str] = field(default_factory=list)

    def add(self, text: str) -> int:
        """The number of the note ``text``."""
        if text not in self.texts:
            self.texts.append(text)
        return self.texts.index(text) + 1


def overview(plan: Any, year: int, rows: Sequence[Row], whole: Mapping[str, Any], lang: str) -> str:
    """The overview paragraph: how many targets, assessed, met, then the outlook of those with a figure (only the
    counts that are not zero)."""
    counts = {k: int(whole.get(k) or 0) for k in ("rows", "assessed", "met", "not_met", "no_data", "not_assessed",
                                                 "achieved", "on_track", *BEHIND)}
    share = whole.get("met_share_pct")
    name = plan.name_zh if lang == "zh" else plan.name_en
    verdict = "verdict_all" if counts["met"] and not counts["not_met"] else (
        "verdict_none" if counts["not_met"] and not counts["met"] else "verdict")
    text = _t(lang, "overview").format(
        name=name, document=_document_number(plan.document, (plan.name_zh, name), lang), year=year,
        numeric=sum(1 for r in rows if is_numeric_target(r)), share=f"{cell_text(share)}%" if share is not None
        else "–", verdict=_t(lang, verdict).format(**counts), **counts)
    return text + pace_sentence(counts, lang)


def pace_sentence(counts: Mapping[str, int], lang: str) -> str:
    """``按已实现的增速，2项符合进度，暂无进度落后的指标。``: the outlook counts that are not zero; nothing when no
    target has an outlook."""
    behind = sum(counts[k] for k in BEHIND)
    if not (counts["achieved"] or counts["on_track"] or behind):
        return ""
    parts = [_t(lang, f"pace_{k}").format(count=counts[k]) for k in ("achieved", "on_track") if counts[k]]
    if behind:
        detail = _t(lang, "list_sep").join(_t(lang, f"behind_{k}").format(count=counts[k]) for k in BEHIND
                                           if counts[k])
        parts.append(_t(lang, "pace_behind").format(count=behind, detail=detail))
    else:
        parts.append(_t(lang, "pace_no_behind"))
    sentence = _t(lang, "pace").format(parts=_t(lang, "clause_sep").join(parts))
    return sentence if lang == "zh" else " " + sentence


def _document_number(document: str, names: Sequence[str], lang: str) -> str:
    """``（渝府办发〔2021〕80号）`` after the plan's name; nothing where the document has no number of its own (a
    drafted plan's document is often its title)."""
    if not document or document in names:
        return ""
    return f"（{document}）" if lang == "zh" else f" ({document})"


def target_clause(row: Mapping[str, Any], lang: str) -> str:
    """``规划年度目标为46%`` / ``按规划路径插值的年度目标为58.7%``."""
    source = str(row.get("target_source") or "plan")
    key = {"interpolated": "target_interpolated", "final": "target_final"}.get(source, "target_plan")
    return _t(lang, key).format(target=with_unit(row.get("target"), row.get("unit"), lang))


def at_baseline(row: Mapping[str, Any]) -> bool:
    """True when the latest figure is the baseline's own year: nothing yet to measure progress by."""
    return row.get("actual_year") is not None and row.get("actual_year") == row.get("baseline_year")


def progress_clause(row: Mapping[str, Any], lang: str) -> str:
    """Time elapsed against progress, in the 时间过半、任务过半 test; that the figure is the baseline when it is."""
    if at_baseline(row):
        return _t(lang, "at_baseline").format(year=row["baseline_year"])
    progress, elapsed = row.get("progress_pct"), row.get("time_elapsed_pct")
    if progress is None or not elapsed:
        return ""  # no time elapsed since the baseline: nothing to compare
    verdict = "ahead" if progress > elapsed else "level" if progress == elapsed else "behind"
    text = _t(lang, "time").format(time=cell_text(elapsed), progress=cell_text(progress)) + _t(lang, verdict)
    if elapsed >= 50:
        text += _t(lang, "half_yes" if progress >= 50 else "half_no")
    return text


def needed_clause(row: Mapping[str, Any], lang: str) -> str:
    """The growth still needed to reach the final target (尚需年均增长…), or that it is reached."""
    unit, final_year = row.get("unit"), row.get("final_year")
    final = with_unit(row.get("final_target"), unit, lang)
    if final_year is None or not final:
        return ""
    if row.get("outlook") == "achieved":
        return _t(lang, "achieved_final").format(final_year=final_year, final=final)
    rate, change = row.get("required_cagr_pct"), row.get("required_change_per_year")
    change_text = _change(change, unit, lang)
    if unit == "%" and change_text:
        return _t(lang, "need_change").format(final_year=final_year, final=final, **change_text)
    if rate is not None:
        key = "need_decline" if rate < 0 else "need_cagr"
        text = _t(lang, key).format(final_year=final_year, final=final, rate=format_float(abs(rate)))
        return text + (_t(lang, "with_change").format(**change_text) if change_text else "")
    if change_text:
        return _t(lang, "need_change").format(final_year=final_year, final=final, **change_text)
    return ""


def _change(change: float | None, unit: Any, lang: str) -> dict[str, str]:
    if change is None:
        return {}
    pp = unit == "%"
    verb = _t(lang, ("pp_" if pp else "") + ("down" if change < 0 else "up"))
    return {"verb": verb, "change": difference(float(format_float(abs(change))), unit, lang)}


def source_clause(row: Mapping[str, Any], lang: str, notes: Footnotes) -> tuple[str, str]:
    """Where the figure comes from, as the report row has it: the sentence (``数据来源：<title>``, else the source) and
    the marker of its footnote (the source when the sentence gives the title, and the note, each verbatim)."""
    title, source, note = row.get("source_title"), row.get("source"), row.get("note")
    shown = title or source
    parts = [_t(lang, "note_source").format(source=source)] if title and source else []
    if note:
        parts.append(_t(lang, "note_foreign" if foreign(note, lang) else "note_text").format(note=note))
    marker = _t(lang, "note_marker").format(number=notes.add(_t(lang, "note_sep").join(parts))) if parts else ""
    return (_t(lang, "source").format(source=shown) if shown else ""), marker


def indicator_paragraph(row: Mapping[str, Any], lang: str, notes: Footnotes | None = None) -> str:
    """One paragraph: actual against target, gap, 完成率, status, progress against time, growth needed, source (its
    title, source and note as footnotes added to ``notes``)."""
    unit = row.get("unit")
    year, actual = row.get("year"), with_unit(row.get("actual"), unit, lang)
    earlier = row.get("actual_year") != year
    first = [_t(lang, "actual_earlier" if earlier else "actual").format(year=year, actual=actual,
                                                                         actual_year=row.get("actual_year"))]
    if row.get("target") is not None:
        first.append(target_clause(row, lang))
    if row.get("gap") is not None:
        first.append(_t(lang, "gap").format(gap=difference(row["gap"], unit, lang)))
    if row.get("attainment_pct") is not None:
        first.append(_t(lang, "attainment").format(attainment=cell_text(row["attainment_pct"])))
    status = str(row.get("status") or "")
    if status in ("met", "not_met"):
        first.append(_t(lang, status))
    sep, stop = _t(lang, "sep"), _t(lang, "stop")
    sentences = [sep.join(first)]
    outlook = OUTLOOK_SENTENCES[lang]
    if at_baseline(row):
        sentences.append(progress_clause(row, lang))
    later = [c for c in ("" if at_baseline(row) else progress_clause(row, lang), needed_clause(row, lang),
                         outlook.get(str(row.get("outlook") or ""), "")) if c]
    if later:
        sentences.append(sep.join(later))
    source, marker = source_clause(row, lang, notes if notes is not None else Footnotes())
    if source:
        sentences.append(source + marker)
    body = _t(lang, "between").join(_capital(s, lang) for s in sentences) + stop + ("" if source else marker.strip())
    head = indicator_name(row, lang)
    return f"{head}：{body}" if lang == "zh" else f"{head}: {body}"


def _capital(text: str, lang: str) -> str:
    return text[:1].upper() + text[1:] if lang == "en" else text


def missing_item(row: Mapping[str, Any], lang: str) -> str:
    """A target without any figure: its target for the year, else its final target."""
    name, unit = indicator_name(row, lang), row.get("unit")
    if row.get("target") is not None:
        return _t(lang, "missing_item").format(name=name, year=row.get("year"),
                                               target=with_unit(row["target"], unit, lang))
    return _t(lang, "missing_final").format(name=name, final_year=row.get("final_year"),
                                            final=with_unit(row.get("final_target"), unit, lang))


def words_item(row: Mapping[str, Any], lang: str) -> str:
    """A target without a number, with its wording."""
    wording = row.get("target_text") or (_t(lang, "unresolved") if row.get("target_source") == "unresolved"
                                         else status_word(str(row.get("status") or ""), lang))
    return f"{indicator_name(row, lang)}：{wording}" if lang == "zh" else f"{indicator_name(row, lang)}: {wording}"


def table_row(row: Mapping[str, Any], lang: str) -> list[str]:
    """A line of the gap table, every number as the CSV prints it."""
    unit = row.get("unit")
    actual = with_unit(row.get("actual"), unit, lang)
    progress = row.get("progress_pct"), row.get("time_elapsed_pct")
    rate = row.get("required_cagr_pct")
    progress_cell = _t(lang, "baseline_cell") if at_baseline(row) else " / ".join(
        f"{cell_text(p)}%" if p is not None else "–" for p in progress) if any(p is not None for p in progress) else ""
    status = (_t(lang, "no_data_cell").format(year=row.get("year")) if row.get("status") == "no_data" and actual
              else status_word(row.get("status"), lang))
    return [indicator_name(row, lang), with_unit(row.get("target"), unit, lang),
            f"{actual} ({row.get('actual_year')})" if actual else "", difference(row.get("gap"), unit, lang),
            f"{cell_text(row.get('attainment_pct'))}%" if row.get("attainment_pct") is not None else "",
            progress_cell, f"{cell_text(rate)}%" if rate is not None else "", status]


def furthest_behind(rows: Sequence[Row], count: int = 3) -> list[Row]:
    """The indicators with a figure that are furthest from their target (lowest 完成率 below 100 %)."""
    behind = [r for r in rows if r.get("attainment_pct") is not None and r.get("actual") is not None
              and (r.get("status") == "not_met" or float(r["attainment_pct"]) < 100)]
    return sorted(behind, key=lambda r: (float(r["attainment_pct"]), str(r.get("indicator"))))[:count]


def build_brief(plan: Any, year: int, rows: Sequence[Row], summary: Sequence[Row], lang: str) -> Brief:
    """The brief of ``plan`` (a PlanHeader) for ``year`` from its report and summary rows."""
    whole = next((s for s in summary if s.get("subplan") == "*"), {})
    with_figure = [r for r in rows if r.get("actual") is not None and is_numeric_target(r)]
    assessed = [r for r in with_figure if r.get("actual_year") == year]
    earlier = [r for r in with_figure if r.get("actual_year") != year]
    missing = [r for r in rows if is_numeric_target(r) and r.get("actual") is None]
    words = [r for r in rows if not is_numeric_target(r)]
    region = plan.region_zh if lang == "zh" else plan.region_en
    title = _t(lang, "title").format(region=region, name=_short_name(plan, lang), year=year)
    notes = Footnotes()
    paragraphs = [indicator_paragraph(r, lang, notes) for r in assessed]
    earlier_paragraphs = [indicator_paragraph(r, lang, notes) for r in earlier]
    return Brief(title, lang, year, overview(plan, year, rows, whole, lang), paragraphs, earlier_paragraphs,
                 [missing_item(r, lang) for r in missing], [words_item(r, lang) for r in words],
                 [list(TABLE_COLUMNS[lang])] + [table_row(r, lang) for r in with_figure],
                 furthest_behind(with_figure), notes.texts)


def _short_name(plan: Any, lang: str) -> str:
    return "制造业规划目标" if lang == "zh" else "manufacturing plan's targets"


def _bullets(items: Sequence[str], none: str) -> list[str]:
    return [f"- {markdown_inline(i)}" for i in items] if items else [none]


def brief_markdown(brief: Brief, images: Sequence[tuple[str, str]] = ()) -> str:
    """The brief as Markdown; ``images`` (caption, relative path of a PNG) become the charts section."""
    none = brief.text("none")
    lines = [f"# {markdown_inline(brief.title)}", "", f"## {brief.text('overview_heading')}", "",
             markdown_inline(brief.overview), "", f"## {brief.text('progress_heading')}", ""]
    for paragraph in brief.paragraphs:
        lines += [markdown_inline(paragraph), ""]
    if brief.earlier:
        lines += [brief.text("earlier_intro").format(year=brief.year), ""]
        for paragraph in brief.earlier:
            lines += [markdown_inline(paragraph), ""]
    if brief.notes:
        lines += [brief.text("notes_heading"), ""]
        lines += [f"{markdown_inline(footnote)}  " for footnote in footnote_lines(brief)]
        lines[-1] = lines[-1].rstrip()
        lines.append("")
    lines += [f"## {brief.text('missing_heading')}", "", *_bullets(brief.missing, none), "",
              f"## {brief.text('words_heading')}", "", *_bullets(brief.words, none), "",
              f"## {brief.text('table_heading')}", ""]
    header, *body = brief.table
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 2) + ["---"]) + "|")
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in body]
    if images:
        lines += ["", f"## {brief.text('charts_heading')}", ""]
        for caption, path in images:
            lines += [f"![{markdown_inline(caption)}]({quote(path)})", "", markdown_inline(caption), ""]
        lines.pop()
    return "\n".join(lines) + "\n"


def footnote_lines(brief: Brief) -> list[str]:
    """``[1] 来源：https://…；说明：…`` per footnote."""
    return [brief.text("note_marker").strip().format(number=n) + " " + text for n, text in enumerate(brief.notes, 1)]


Chart = tuple[str, bytes]
"""A chart's caption and its PNG."""


def brief_docx(brief: Brief, charts: Sequence[Chart] = ()) -> bytes:
    """The brief as a Word document: headings, paragraphs, lists, the gap table and the charts."""
    from docx import Document
    from docx.shared import Cm, Pt

    brief = _xml_safe(brief)
    charts = [(xml_text(caption), png) for caption, png in charts]
    document = Document()
    _set_fonts(document, brief.lang)
    document.core_properties.author = "gapcalc"
    document.core_properties.title = brief.title
    document.add_heading(brief.title, 0)
    document.add_heading(brief.text("overview_heading"), 1)
    _paragraph(document, brief.overview, brief.lang)
    document.add_heading(brief.text("progress_heading"), 1)
    for text in brief.paragraphs:
        _paragraph(document, text, brief.lang)
    if brief.earlier:
        _paragraph(document, brief.text("earlier_intro").format(year=brief.year), brief.lang)
        for text in brief.earlier:
            _paragraph(document, text, brief.lang)
    if brief.notes:
        document.add_paragraph(brief.text("notes_heading"))
        for line in footnote_lines(brief):
            document.add_paragraph(line).runs[0].font.size = Pt(9)
    for heading, items in (("missing_heading", brief.missing), ("words_heading", brief.words)):
        document.add_heading(brief.text(heading), 1)
        for item in items or [brief.text("none")]:
            document.add_paragraph(item, style="List Bullet" if items else None)
    document.add_heading(brief.text("table_heading"), 1)
    table = document.add_table(rows=len(brief.table), cols=len(brief.table[0]), style="Table Grid")
    for cells, values in zip(table.rows, brief.table, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    if charts:
        document.add_heading(brief.text("charts_heading"), 1)
        for caption, png in charts:
            document.add_picture(io.BytesIO(png), width=Cm(15))
            document.add_paragraph(caption)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _xml_safe(brief: Brief) -> Brief:
    """The brief with every text as a Word document can hold it (:func:`~gapcalc.render.cells.xml_text`)."""
    def each(texts: list[str]) -> list[str]:
        return [xml_text(text) for text in texts]

    return replace(brief, title=xml_text(brief.title), overview=xml_text(brief.overview),
                   paragraphs=each(brief.paragraphs), earlier=each(brief.earlier), missing=each(brief.missing),
                   words=each(brief.words), table=[each(row) for row in brief.table], notes=each(brief.notes))


def _paragraph(document: Any, text: str, lang: str) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph(text)
    if lang == "zh":
        paragraph.paragraph_format.first_line_indent = Pt(24)


def _set_fonts(document: Any, lang: str) -> None:
    """Body text in SimSun (宋体), headings in SimHei (黑体) for Chinese characters."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name, east_asian in (("Normal", "SimSun"), ("Title", "SimHei"), ("Heading 1", "SimHei")):
        style = document.styles[name]
        style.font.name = "Times New Roman" if name == "Normal" else style.font.name
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), east_asian)
    document.styles["Normal"].font.size = Pt(12 if lang == "zh" else 11)
