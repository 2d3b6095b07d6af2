"""The written progress report (进展情况报告) of a plan for a year, as a bureau head signs it, from the statements.

:func:`build_brief` turns the plan's statements (:mod:`gapcalc.engine.statement`) and their overview into a
:class:`Brief` laid out as Chinese evaluation reports are (NDRC mid-term evaluations): 一、总体评价 with the
counts of each evaluation class and the 主要指标完成情况表; 二、主要指标进展, a paragraph per target with a figure;
三、存在问题, the lagging targets named with a 原因 line to complete; 四、下一步建议, what each still needs a year;
数据说明 (data cut-off, 口径, bounds, dates, sources, a draft plan); and the long lists in 附件. Every sentence comes
from :mod:`gapcalc.render.prose`, every number from :mod:`gapcalc.render.numerals`; nothing is computed here.
:func:`brief_markdown` writes it as Markdown, :func:`brief_docx` as a Word document laid out after GB/T 9704
(仿宋 body, 黑体 and 楷体 headings).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from gapcalc.engine.statement import Overview, Statement
from gapcalc.render.cells import xml_text
from gapcalc.render.markdown import markdown_cell, markdown_inline
from gapcalc.render.numerals import derived_scale, difference_text, growth_text, quantity, rate_text
from gapcalc.render.page import shown
from gapcalc.render.prose import (
    figure_clause,
    figure_quantity,
    goal_text,
    in_year_clause,
    name_of,
    need_words,
    outlook_clause,
    period_text,
    rate_figure_clause,
    scope_clause,
    shown_gap,
    stated_goal_text,
    statement_sentences,
    target_phrase,
    verdict_word,
    word,
    wrong_way,
    year_goal_text,
)

MID_TERM = ("achieved_early", "ahead", "as_expected", "lagging", "undetermined")
FINAL = ("completed", "not_completed", "undetermined")
"""The evaluation classes a brief counts, in the order it names them: during the plan, and at its end."""

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "《{name}》{year}年实施进展情况报告", "title_final": "《{name}》实施情况终期评估报告（{year}年）",
        "title_draft": "对照《{name}》目标的进展测算（{year}年）",
        "overview_heading": "一、总体评价", "table_heading": "主要指标完成情况表",
        "progress_heading": "二、主要指标进展", "problems_heading": "三、存在问题",
        "advice_heading": "四、下一步建议", "data_heading": "数据说明", "missing_heading": "附件1：尚无数据的量化目标",
        "words_heading": "附件2：定性目标及暂无法评估的目标", "charts_heading": "附件3：进度滞后指标走势图",
        "targets": "《{name}》{document}提出目标{targets}项，其中量化目标{quantified}项、定性目标{qualitative}项。",
        "during": "{year}年为规划实施第{nth}年，规划期时间进度{time}%。",
        "final": "{year}年为规划期末年，本报告为终期评价。",
        "after": "规划期已于{final}年结束，本报告按规划期末目标评价至{year}年的最新数据。",
        "before": "{year}年规划尚未开始实施（规划期{start}—{final}年）。",
        "assessed": "量化目标中，{year}年有全年数据可评估的{assessed}项（规划未设年度目标的，按规划路径推算值评估），"
                    "达标{met}项，指标完成率{share}%"
                    "（可评估的仅占量化目标的{coverage}%）。",
        "assessed_none": "量化目标中，{year}年尚无可评估年度目标的全年数据。",
        "classes": "按最新数据判断，{parts}。", "class_item": "{word}{count}项",
        "class_named": "{word}{count}项（{names}）",
        "no_figure": "另有{count}项量化目标暂无数据。", "list_sep": "、", "part_sep": "，",
        "in_year": "按年内数据监测{count}项，{parts}。", "in_year_named": "{word}{count}项（{names}）",
        "warned_short_red": "红色预警", "warned_short_yellow": "黄色预警", "warned_short_green": "绿色（正常）",
        "in_year_cell": "；年内{word}",
        "problem_in_year": "（{n}）{name}：{facts}。原因：＿＿＿＿（待补充）。",
        "advice_in_year": "（{n}）{name}：年内进度慢于序时进度，需加快推进，确保完成{year}年度目标{goal}。",
        "advice_in_year_rate": "（{n}）{name}：累计增速低于目标增速，需加快推进，力争全年{growth}以上，确保实现"
                               "{goal}的目标。",
        "advice_in_year_red": "（{n}）{name}：年内{way}，须查明原因，尽快扭转{trend}态势。",
        "advice_in_year_below": "（{n}）{name}：{way}，须查明原因，加快推进，确保完成{year}年度目标{goal}。",
        "data_gap_none": "（{n}）部分指标缺少数据：{quantified}项量化目标中，{missing}项暂无任何数据。",
        "period_dates": "（{n}）年内数据：{items}，均不代表全年。", "item_period": "{name}（{period}）",
        "period_dates_one": "（{n}）年内数据：{items}，不代表全年。",
        "none_lagging": "暂无进度滞后的量化目标。",
        "data_gap": "（{n}）部分指标缺少数据：{quantified}项量化目标中，仅{assessed}项有{year}年全年数据，"
                    "{missing}项暂无数据。",
        "none_lagging_final": "量化目标中暂无未完成的目标。",
        "final_incomplete": "（{n}）期末评价尚不完整：{quantified}项量化目标中，{parts}。",
        "final_missing": "{count}项暂无数据",
        "final_undetermined": "{count}项暂无法判断是否完成", "final_none_missed": "尚未发现确认未完成的目标",
        "final_sep": "，",
        "problem": "（{n}）{name}：{facts}。原因：＿＿＿＿（待补充）。",
        "problem_year": "{year}年未完成年度目标，差{d}", "problem_attainment": "（完成率{a}%）",
        "problem_path": "{year}年低于规划路径推算值{d}", "path_mark": "（路径推算）",
        "problem_pace": "至{end}年完成规划任务的{task}%，慢于时间进度{d}个百分点",
        "problem_final": "规划目标{goal}未完成（期末{figure}）", "problem_sep": "；", "problem_need": "{need}",
        "advice": "（{n}）{name}：{need}。",
        "advice_need": "（{n}）{name}：加快推进，{need}，确保实现{target}的目标。",
        "advice_final": "（{n}）{name}：期末{figure}，距规划目标{goal}尚差{d}，建议纳入后续规划继续推进。",
        "advice_data": "（{n}）补齐统计数据：{count}项量化目标暂无数据，建议明确统计口径和数据来源，按年度采集。",
        "advice_none": "保持现有推进力度，按年度跟踪各项指标。",
        "cutoff": "（一）数据截至{year}年，取各指标{year}年及以前已公布的最新数据；{earlier}项指标无{year}年数据，"
        "按较早年度数据分析。",
        "cutoff_all": "（一）数据截至{year}年，取各指标{year}年及以前已公布的最新数据。",
        "scopes": "（{n}）口径差异：{items}。",
        "bounds": "（{n}）按下限（或上限）计的数据：{items}，按界限值判断。",
        "dates": "（{n}）时点数据：{items}，不代表全年。",
        "sources": "（{n}）数据来源见脚注，多为政府网站、新闻报道等公开资料；正式评估请以统计部门公布数为准。",
        "draft": "（{n}）规划文本为征求意见稿（{document}），目标以正式印发文本为准。",
        "draft_named": "（{n}）规划文本为{document}，目标以正式印发文本为准。",
        "derived": "（{n}）{items}的数据以变化率或新增量公布，本报告以指数或累计新增量表示。",
        "item_scope": "{name}（{scope}）", "item_date": "{name}（截至{date}）",
        "missing": "{name}：{goal}", "missing_year": "{year}年{goal}",
        "unresolved": "目标以基期值为基准，基期值尚未掌握，暂无法评估",
        "notes_heading": "注：", "note_marker": "[{number}]", "note_source": "来源：{source}",
        "note_text": "说明：{note}",
        "note_sep": "；", "none": "无。", "chart_caption": "图{number}  {name}",
        "binding_true": "约束性", "binding_false": "预期性", "latest_of": "（{year}）", "scope_differs": "（口径不同）",
    },
    "en": {
        "title": "{name}: progress report, {year}", "title_final": "{name}: final evaluation, {year}",
        "title_draft": "{name}: progress measured against the draft's targets, {year}",
        "overview_heading": "1. Overall assessment", "table_heading": "Main indicators",
        "progress_heading": "2. Progress by indicator", "problems_heading": "3. Problems",
        "advice_heading": "4. Next steps", "data_heading": "Notes on the data",
        "missing_heading": "Annex 1. Quantified targets without data",
        "words_heading": "Annex 2. Targets stated in words or not assessable",
        "charts_heading": "Annex 3. Charts of the targets behind schedule",
        "targets": "The {name}{document} sets {targets} targets: {quantified} quantified and {qualitative} in words. ",
        "during": "{year} is year {nth} of the plan; {time}% of the plan period has elapsed. ",
        "final": "{year} is the plan's final year: this is a final evaluation. ",
        "after": "The plan period ended in {final}; the final targets are judged on the latest figures to {year}. ",
        "before": "In {year} the plan ({start}–{final}) has not started. ",
        "assessed": "Quantified targets with a whole-year figure for {year}: {assessed} ({coverage}% of them); "
                    "meeting the year's target: {met} ({share}%). ",
        "assessed_none": "No quantified target has a whole-year figure for {year}. ",
        "classes": "On the latest figures: {parts}.", "class_item": "{count} {word}",
        "class_named": "{count} {word} ({names})", "no_figure": " {count} quantified targets have no data yet.",
        "list_sep": ", ", "part_sep": "; ",
        "none_lagging": "No quantified target is behind schedule.",
        "in_year": " In-year figures for {count}: {parts}.", "in_year_named": "{count} {word} ({names})",
        "warned_short_red": "at red warning", "warned_short_yellow": "at yellow warning",
        "warned_short_green": "green (on pace)", "in_year_cell": "; in-year: {word}",
        "problem_in_year": "({n}) {name}: {facts}. Reasons: ____ (to complete).",
        "advice_in_year": "({n}) {name}: behind the in-year pace; speed up to meet the {year} target of {goal}.",
        "advice_in_year_rate": "({n}) {name}: growth to date below the target rate; aim for {growth} or more this "
                               "year, to reach the target of {goal}.",
        "advice_in_year_red": "({n}) {name}: {way} this year; find out why and turn it round.",
        "advice_in_year_below": "({n}) {name}: {way}; find out why and speed up to meet the {year} target of {goal}.",
        "data_gap_none": "({n}) Data: of {quantified} quantified targets, {missing} have no figure at all.",
        "period_dates": "({n}) In-year figures: {items}; none is the whole year.", "item_period": "{name} ({period})",
        "period_dates_one": "({n}) In-year figure: {items}; not the whole year.",
        "data_gap": "({n}) Data: of {quantified} quantified targets, only {assessed} have a whole-year figure for "
                    "{year}; {missing} have no data.",
        "none_lagging_final": "No quantified target was missed.",
        "final_incomplete": "({n}) The final evaluation is incomplete: of {quantified} quantified targets, {parts}.",
        "final_missing": "{count} have no data",
        "final_undetermined": "{count} cannot be judged yet", "final_none_missed": "none is known to be missed",
        "final_sep": "; ",
        "problem": "({n}) {name}: {facts}. Reasons: ____ (to complete).",
        "problem_year": "the {year} target missed by {d}", "problem_attainment": " (attainment {a}%)",
        "problem_path": "{d} below the plan's path in {year}", "path_mark": " (on the plan's path)",
        "problem_pace": "{task}% of the task done by {end}, {d} pp behind time",
        "problem_final": "the target of {goal} not completed ({figure} at the end)", "problem_sep": "; ",
        "problem_need": "{need} still needed",
        "advice": "({n}) {name}: {need}.",
        "advice_need": "({n}) {name}: speed up: {need} needed to reach {target}.",
        "advice_final": "({n}) {name}: {figure} at the end, {d} short of the target of {goal}; carry it into the "
                        "next plan.",
        "advice_data": "({n}) Data: {count} quantified targets have no figure; agree their statistical scope and "
                       "source, and collect them every year.",
        "advice_none": "Keep the present pace and follow every indicator each year.",
        "cutoff": "(1) Figures up to {year}: the latest published for each indicator; {earlier} have no {year} "
                  "figure and are assessed on an earlier one.",
        "cutoff_all": "(1) Figures up to {year}: the latest published for each indicator.",
        "scopes": "({n}) Scope differs: {items}.", "bounds": "({n}) Taken as bounds: {items}; judged on the "
                                                            "bound.",
        "dates": "({n}) Part-year figures: {items}; not the whole year.",
        "sources": "({n}) Sources are in the notes, mostly government sites and press reports; a formal "
                   "evaluation should use the statistics bureau's figures.",
        "draft": "({n}) The plan text is a draft for comment ({document}); targets may change in the final text.",
        "draft_named": "({n}) The plan text is a {document}; targets may change in the final text.",
        "derived": "({n}) {items} are published as changes or additions and shown on an index or as additions.",
        "item_scope": "{name} ({scope})", "item_date": "{name} (as of {date})",
        "missing": "{name}: {goal}", "missing_year": "{goal} by {year}",
        "unresolved": "relative to a baseline not known yet: not assessed",
        "notes_heading": "Notes:", "note_marker": "[{number}]", "note_source": "Source: {source}",
        "note_text": "Note: {note}", "note_sep": "; ", "none": "None.", "chart_caption": "Figure {number}. {name}",
        "binding_true": "binding", "binding_false": "indicative", "latest_of": " ({year})",
        "scope_differs": " (other scope)",
    },
}
"""The fixed texts of the brief, in Chinese (the register of evaluation reports) and English."""

TABLE_HEADINGS: dict[str, tuple[str, ...]] = {
    "zh": ("指标", "属性", "基期值", "规划目标（年份）", "年度目标", "实际值（年份）", "完成率", "进度判断", "来源"),
    "en": ("Indicator", "Type", "Base", "Final target (year)", "Target for the year", "Actual (year)", "Attainment",
           "Assessment", "Source"),
}
"""The columns of the 主要指标完成情况表."""

ORDINALS = "一二三四五六七八九十"


@dataclass
class Section:
    """One part of the brief: a heading, its paragraphs, bullet items and an optional table."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    level: int = 1


@dataclass
class Brief:
    """The text of a brief, in the order it is written."""

    title: str
    lang: str
    year: int
    sections: list[Section]
    notes: list[str] = field(default_factory=list)
    """The footnotes: where each figure comes from and its note, numbered from 1."""
    behind: list[Mapping[str, Any]] = field(default_factory=list)
    """The report rows of the targets furthest behind (their charts are drawn)."""

    def text(self, key: str) -> str:
        """A fixed text of the brief's language."""
        return TEXT[self.lang][key]

    def section(self, heading_key: str) -> Section | None:
        """The section headed by the text ``heading_key``, if the brief has it."""
        heading = self.text(heading_key)
        return next((s for s in self.sections if s.heading == heading), None)


@dataclass
class Footnotes:
    """The numbered notes of a brief; the same text keeps its number."""

    texts: list[str] = field(default_factory=list)

    def add(self, text: str) -> int:
        """The number of the note ``text``."""
        if text not in self.texts:
            self.texts.append(text)
        return self.texts.index(text) + 1


def plan_title(name: str) -> str:
    """The plan's own name: the title of the notice that issues it without ``…关于印发`` and ``的通知``."""
    found = re.search(r"关于印发(.+?)的通知$", name)
    return found.group(1) if found else name


def _t(lang: str, key: str) -> str:
    return TEXT[lang][key]


def _join(lang: str, items: Sequence[str]) -> str:
    return _t(lang, "list_sep").join(items)


def _classes(overview: Overview, lang: str) -> str:
    """``按最新数据判断，提前实现1项、…、滞后2项（A、B），暂无法判断3项。``: every class with its count."""
    order = FINAL if overview.phase in ("final", "after") else MID_TERM
    parts = []
    for verdict in order:
        members = overview.by_verdict.get(verdict, ())
        if not members:
            continue
        named = verdict in ("lagging", "not_completed")
        key = "class_named" if named else "class_item"
        parts.append(_t(lang, key).format(word=verdict_word(verdict, lang), count=len(members),
                                          names=_join(lang, [name_of(s, lang) for s in members])))
    if not parts:
        return ""
    return _t(lang, "classes").format(parts=_t(lang, "list_sep" if lang == "zh" else "part_sep").join(parts))


def overview_paragraphs(header: Any, overview: Overview, year: int, lang: str) -> list[str]:
    """The 总体评价: what the plan sets, where the year stands, the year's assessment and every class counted."""
    name = plan_title(shown(header.name_zh, lang)) if lang == "zh" else header.name_en
    document = shown(header.document, lang)
    if "征求意见稿" in name and document.startswith("征求意见稿"):  # said once: the name says it is a draft
        document = document.removeprefix("征求意见稿").strip("（）() ，,")
    document_text = "" if not document or document in (header.name_zh, name) else (
        f"（{document}）" if lang == "zh" else f" ({document})")
    first = _t(lang, "targets").format(name=name, document=document_text, targets=overview.targets,
                                       quantified=overview.quantified, qualitative=overview.qualitative)
    nth = year - header.base_year
    phase = overview.phase
    first += _t(lang, phase).format(year=year, nth=ORDINALS[nth - 1] if lang == "zh" and 0 < nth <= 10 else nth,
                                    time=rate_text(overview.time_elapsed_pct), final=header.period[1],
                                    start=header.period[0])
    coverage = rate_text(100.0 * overview.assessed / overview.quantified) if overview.quantified else "0"
    second = (_t(lang, "assessed").format(year=year, assessed=overview.assessed, met=overview.met,
                                          share=rate_text(overview.met_share_pct), coverage=coverage)
              if overview.assessed else _t(lang, "assessed_none").format(year=year))
    second += _classes(overview, lang)
    missing = overview.count("no_figure")
    if missing:
        second += _t(lang, "no_figure").format(count=missing)
    return [first.strip(), (second + _in_year_counts(overview, lang)).strip()]


def _in_year_counts(overview: Overview, lang: str) -> str:
    """``按年内数据监测4项，红色预警1项（A）、黄色预警1项（B）、进度正常2项。``: the in-year warnings counted, those
    behind named."""
    total = sum(len(v) for v in overview.warnings.values())
    if not total:
        return ""
    parts = [_t(lang, "in_year_named").format(word=_t(lang, f"warned_short_{level}"), count=len(members),
                                              names=_join(lang, [name_of(s, lang) for s in members]))
             for level in ("red", "yellow", "green") if (members := overview.warnings.get(level, ()))]
    return _t(lang, "in_year").format(count=total, parts=_t(lang, "list_sep" if lang == "zh" else "part_sep").join(
        parts))


def source_note(statement: Statement, lang: str, notes: Footnotes) -> str:
    """The marker of the footnote of a statement's figure: its source and its note, as displayed."""
    source, title = statement.source, shown(statement.source_title, lang)
    note = statement.note if lang == "zh" or not statement.note_en else statement.note_en
    parts = [part for part in (title, _t(lang, "note_source").format(source=source) if source else "",
                               _t(lang, "note_text").format(note=shown(note, lang)) if note else "") if part]
    if not parts:
        return ""
    return _t(lang, "note_marker").format(number=notes.add(_t(lang, "note_sep").join(parts)))


def indicator_paragraph(statement: Statement, lang: str, notes: Footnotes) -> str:
    """``名称：句子。句子。数据来源见[n]。`` for a target with a figure."""
    sentences = statement_sentences(statement, lang)
    stop = word("stop", lang)
    body = (stop if lang == "zh" else ". ").join(_capital(s, lang) for s in sentences if s) + stop
    marker = source_note(statement, lang, notes)
    head = name_of(statement, lang)
    return f"{head}{word('colon', lang)}{body}{marker}"


def _capital(text: str, lang: str) -> str:
    return text[:1].upper() + text[1:] if lang == "en" else text


def table_row(statement: Statement, lang: str, notes: Footnotes) -> list[str]:
    """A line of the 主要指标完成情况表."""
    unit = statement.unit
    binding = "" if statement.binding is None else _t(lang, f"binding_{str(statement.binding).lower()}")
    base = statement.base
    base_text = (quantity(base.value, unit, lang) + _t(lang, "latest_of").format(year=base.year)
                 if base is not None and base.stated and not derived_scale(unit) else "")
    final = statement.final
    final_text = (goal_text(final, unit, lang, statement.direction) + _t(lang, "latest_of").format(year=final.year)
                  if final is not None else "")
    goal = statement.target
    year_goal = year_goal_text(statement, lang) if goal is not None and goal.source != "final" else ""
    if year_goal and goal is not None and goal.source == "interpolated":
        year_goal += _t(lang, "path_mark")  # 2.838万亿元（路径推算）: the plan sets no target for the year
    figure = statement.figure
    actual = (figure_quantity(figure, unit, lang) + _t(lang, "latest_of").format(year=period_text(statement, lang))
              if figure is not None else "")
    attainment = (rate_text(statement.attainment_pct) + "%" if statement.attainment_pct is not None
                  and statement.current and statement.status in ("met", "not_met") else "")
    marker = source_note(statement, lang, notes)
    return [name_of(statement, lang), binding, base_text, final_text, year_goal, actual, attainment,
            verdict_word(statement.verdict, lang) + (_t(lang, "scope_differs") if figure and figure.scope else "")
            + (_t(lang, "in_year_cell").format(word=_t(lang, f"warned_short_{statement.in_year.warning}"))
               if statement.in_year is not None else ""),
            marker]


def missing_item(statement: Statement, lang: str) -> str:
    """A quantified target without any figure: its final target with its comparator (``2025年25%以上``)."""
    goal = statement.final or statement.target
    if goal is None:  # a change on an unknown base, quotas on an unknown stock: as the plan words it
        stated = statement.stated_final
        year = (stated.year if stated is not None and stated.year else None) or max(
            statement.row.get("final_year") or 0, 0) or statement.year
        text = stated_goal_text(stated, year, statement.unit, lang, statement.name_zh) if stated is not None else ""
        return _t(lang, "missing").format(name=name_of(statement, lang), goal=text or _t(lang, "unresolved"))
    text = _t(lang, "missing_year").format(year=goal.year, goal=goal_text(goal, statement.unit, lang,
                                                                           statement.direction))
    if goal.period is not None:
        text = goal_text(goal, statement.unit, lang, statement.direction)
    return _t(lang, "missing").format(name=name_of(statement, lang), goal=text)


def words_item(statement: Statement, lang: str) -> str:
    """A target without a number, with its wording (displayed simplified)."""
    texts = dict.fromkeys(t.strip() for t in (statement.target_text or "").split("; ") if t.strip())
    wording = ("；" if lang == "zh" else "; ").join(shown(t, lang) for t in texts) if texts else (
        _t(lang, "unresolved") if statement.unresolved else verdict_word("qualitative", lang))
    return f"{name_of(statement, lang)}{word('colon', lang)}{wording}"


def _in_year_facts(statement: Statement, lang: str) -> str:
    """What 三、存在问题 says of a target behind its in-year pace: the figure, and how far behind (no prefix)."""
    first = rate_figure_clause(statement, lang) if statement.on_rates else figure_clause(statement, lang)
    first += scope_clause(statement, lang)
    return word("sep", lang).join(part for part in (first, in_year_clause(statement, lang, prefix=False)) if part)


def _problem_facts(statement: Statement, lang: str) -> str:
    """What 三、存在问题 says of a target, in its own few words (二、主要指标进展 has said the rest): by how much it
    missed the year's target, how far it is behind time, what is still needed; at the end, that it was not
    completed."""
    figure, final, unit = statement.figure, statement.final, statement.unit
    if statement.phase in ("final", "after") and figure is not None and final is not None:
        return _t(lang, "problem_final").format(goal=goal_text(final, unit, lang, statement.direction),
                                                figure=figure_quantity(figure, unit, lang))
    parts = []
    gap = shown_gap(statement)
    if statement.current and statement.status == "not_met" and gap is not None:
        path = statement.target is not None and statement.target.source == "interpolated"
        missed = _t(lang, "problem_path" if path else "problem_year").format(
            year=statement.year, d=difference_text(gap, unit, lang))
        if statement.attainment_pct is not None:
            missed += _t(lang, "problem_attainment").format(a=rate_text(statement.attainment_pct))
        parts.append(missed)
    progress = statement.progress
    if progress is not None and progress.pace == "behind" and figure is not None:
        task, time = rate_text(progress.task_pct), rate_text(progress.time_pct)
        parts.append(_t(lang, "problem_pace").format(end=figure.year, task=task,
                                                     d=rate_text(abs(Decimal(task) - Decimal(time)))))
    need = need_words(statement, lang)
    if need:
        parts.append(_t(lang, "problem_need").format(need=need))
    if not parts:  # nothing lags but the outlook: the figure and what it takes
        parts = [part for part in (figure_clause(statement, lang), outlook_clause(statement, lang)) if part]
    return _t(lang, "problem_sep").join(parts)


def problems(statements: Sequence[Statement], lang: str, final: bool, overview: Overview | None = None,
             year: int = 0) -> list[str]:
    """三、存在问题: each lagging (or missed) target named with its facts and a 原因 line to complete; a target that
    missed the year's target although its class is not 滞后; and, where few targets have data, that the data are
    the problem."""
    items = [_t(lang, "problem").format(n=_nth(n, lang), name=name_of(s, lang), facts=_problem_facts(s, lang))
             for n, s in enumerate(statements, 1)]
    if overview is not None and not final:
        missed = [s for s in overview.by_verdict.get("as_expected", ()) + overview.by_verdict.get("ahead", ())
                  if s.current and s.status == "not_met"]
        items += [_t(lang, "problem").format(n=_nth(len(items) + n, lang), name=name_of(s, lang),
                                             facts=_problem_facts(s, lang)) for n, s in enumerate(missed, 1)]
        warned = [s for level in ("red", "yellow") for s in overview.warnings.get(level, ())]
        items += [_t(lang, "problem_in_year").format(n=_nth(len(items) + n, lang), name=name_of(s, lang),
                                                     facts=_in_year_facts(s, lang)) for n, s in enumerate(warned, 1)]
        if overview.quantified and overview.assessed * 2 < overview.quantified and overview.count("no_figure"):
            whole_year = sum(1 for group in overview.by_verdict.values() for s in group if s.current)
            gap = _t(lang, "data_gap" if whole_year else "data_gap_none")
            items.append(gap.format(n=_nth(len(items) + 1, lang), quantified=overview.quantified,
                                    assessed=whole_year, year=year, missing=overview.count("no_figure")))
    if overview is not None and final:
        gap = _final_incomplete(overview, lang, len(items) + 1, none_missed=not items)
        items += [gap] if gap else []
    return items or [_t(lang, "none_lagging_final" if final else "none_lagging")]


def _final_incomplete(overview: Overview, lang: str, n: int, none_missed: bool) -> str:
    """After the plan's end, the targets that have no data or cannot be judged: the evaluation is not complete
    (empty when every quantified target was judged); ``none_missed``: and that no target is known to be missed."""
    missing, undetermined = overview.count("no_figure"), overview.count("undetermined")
    if not missing and not undetermined:
        return ""
    counts = [("final_missing", missing), ("final_undetermined", undetermined)]
    parts = [_t(lang, key).format(count=count) for key, count in counts if count]
    if none_missed:
        parts.append(_t(lang, "final_none_missed"))
    return _t(lang, "final_incomplete").format(n=_nth(n, lang), quantified=overview.quantified,
                                               parts=_t(lang, "final_sep").join(parts))


def advice(statements: Sequence[Statement], missing: int, lang: str, warned: Sequence[Statement] = ()) -> list[str]:
    """四、下一步建议: what each lagging target still needs a year; what each target behind in-year pace needs; data
    to collect."""
    items: list[str] = []
    for statement in statements:
        if statement.verdict == "not_completed" and statement.figure is not None and statement.final is not None:
            gap = shown_gap(statement)
            items.append(_t(lang, "advice_final").format(
                n=_nth(len(items) + 1, lang), name=name_of(statement, lang),
                figure=figure_quantity(statement.figure, statement.unit, lang),
                goal=goal_text(statement.final, statement.unit, lang, statement.direction),
                d=difference_text(gap, statement.unit, lang) if gap is not None else ""))
            continue
        need, final = need_words(statement, lang), statement.final
        if need and final is not None:  # what to do, not 二's sentence again
            items.append(_t(lang, "advice_need").format(
                n=_nth(len(items) + 1, lang), name=name_of(statement, lang), need=need,
                target=target_phrase(final, statement.unit, lang, statement.direction)))
            continue
        need = outlook_clause(statement, lang)
        if need:
            items.append(_t(lang, "advice").format(n=_nth(len(items) + 1, lang), name=name_of(statement, lang),
                                                   need=need))
    for statement in warned:
        items.append(_in_year_advice(statement, _nth(len(items) + 1, lang), lang))
    if missing:
        items.append(_t(lang, "advice_data").format(n=_nth(len(items) + 1, lang), count=missing))
    return items or [_t(lang, "advice_none")]


def _in_year_advice(statement: Statement, n: str, lang: str) -> str:
    """四、下一步建议 for a target behind its in-year pace: turn round a wrong way; else speed up to the year's target
    (for a growth target, the rate the remaining years need, at least the target rate)."""
    name, reading = name_of(statement, lang), statement.in_year
    goal = statement.target
    if reading is not None and reading.warning == "red":
        if reading.kind == "stock" and goal is not None:  # below the path's start: not known to have fallen
            return _t(lang, "advice_in_year_below").format(
                n=n, name=name, way=wrong_way(statement, lang), year=statement.year,
                goal=goal_text(goal, statement.unit, lang, statement.direction))
        trend = ("下滑" if statement.direction == "up" else "上升") if lang == "zh" else ""
        return _t(lang, "advice_in_year_red").format(n=n, name=name, way=wrong_way(statement, lang), trend=trend)
    if statement.on_rates and goal is not None and statement.final is not None:
        need = statement.need.cagr_pct if statement.need is not None else None
        rate = max(Decimal(rate_text(need)), goal.value) if need is not None else goal.value
        return _t(lang, "advice_in_year_rate").format(
            n=n, name=name, growth=growth_text(rate, lang),
            goal=goal_text(statement.final, statement.unit, lang, statement.direction))
    return _t(lang, "advice_in_year").format(n=n, name=name, year=statement.year,
                                             goal=goal_text(goal, statement.unit, lang, statement.direction)
                                             if goal is not None else "")


def _nth(number: int, lang: str) -> str:
    return ORDINALS[number - 1] if lang == "zh" and number <= 10 else str(number)


def data_notes(header: Any, statements: Sequence[Statement], year: int, lang: str, draft: bool) -> list[str]:
    """数据说明: the cut-off, then each kind of caveat with the targets it concerns."""
    with_figure = [s for s in statements if s.figure is not None and s.quantified]
    earlier = sum(1 for s in with_figure if s.figure is not None and s.figure.year != year)
    lines = [_t(lang, "cutoff" if earlier else "cutoff_all").format(year=year, earlier=earlier)]

    def add(key: str, **values: Any) -> None:
        lines.append(_t(lang, key).format(n=_nth(len(lines) + 1, lang), **values))

    scoped = [_t(lang, "item_scope").format(name=name_of(s, lang), scope=shown(s.figure.scope, lang))
              for s in with_figure if s.figure is not None and s.figure.scope]
    if scoped:
        add("scopes", items=_join(lang, scoped))
    bounds = [name_of(s, lang) for s in with_figure if s.figure is not None and s.figure.is_bound]
    if bounds:
        add("bounds", items=_join(lang, bounds))

    dated = [_t(lang, "item_period").format(name=name_of(s, lang), period=period_text(s, lang))
             for s in with_figure if s.figure is not None and s.figure.as_of]
    if dated:
        add("period_dates" if len(dated) > 1 else "period_dates_one", items=_join(lang, dated))
    derived = [name_of(s, lang) for s in with_figure if s.has("derived_unit")]
    if derived:
        add("derived", items=_join(lang, derived))
    if any(s.source or s.source_title or s.note for s in with_figure):
        add("sources")
    if draft:
        document = shown(header.document, lang)
        add("draft_named" if "征求意见稿" in document or "draft" in document.lower() else "draft", document=document)
    return lines


def furthest_behind(statements: Sequence[Statement], count: int = 3) -> list[Statement]:
    """The lagging (or missed) targets with the lowest 完成率, at most ``count``."""
    behind = [s for s in statements if s.verdict in ("lagging", "not_completed") and s.attainment_pct is not None]
    return sorted(behind, key=lambda s: (float(s.attainment_pct or 0), s.indicator))[:count]


def build_brief(header: Any, year: int, statements: Sequence[Statement], overview: Overview, lang: str,
                draft: bool = False) -> Brief:
    """The brief of the plan of ``header`` (its compiled plan: names, document, period) for ``year`` from its
    statements."""
    final_phase = overview.phase in ("final", "after")
    name = plan_title(shown(header.name_zh, lang)) if lang == "zh" else header.name_en
    title = _t(lang, "title_draft" if draft else "title_final" if final_phase else "title").format(name=name,
                                                                                                  year=year)
    notes = Footnotes()
    order = FINAL if final_phase else MID_TERM
    with_figure = [s for s in statements if s.figure is not None and s.quantified and not s.status_quo]
    ranked = sorted(with_figure, key=lambda s: order.index(s.verdict) if s.verdict in order else len(order))
    table = [list(TABLE_HEADINGS[lang])]
    table += [table_row(s, lang, notes) for s in ranked]
    paragraphs = [indicator_paragraph(s, lang, notes) for s in ranked]
    lagging = [s for s in ranked if s.verdict in ("lagging", "not_completed")]
    missing = [s for s in statements if s.verdict == "no_figure"]
    words = [s for s in statements if not s.quantified and not s.status_quo]
    sections = [
        Section(_t(lang, "overview_heading"), overview_paragraphs(header, overview, year, lang)),
        Section(_t(lang, "table_heading"), table=table, level=2),
        Section(_t(lang, "progress_heading"), paragraphs),
        Section(_t(lang, "problems_heading"), problems(lagging, lang, final_phase, overview, year)),
        Section(_t(lang, "advice_heading"), advice(lagging + [s for s in ranked if s not in lagging and s.current
                                                              and s.status == "not_met" and not final_phase],
                                                   len(missing), lang,
                                                   [s for level in ("red", "yellow")
                                                    for s in overview.warnings.get(level, ())])),
        Section(_t(lang, "data_heading"), data_notes(header, statements, year, lang, draft)),
        Section(_t(lang, "missing_heading"), items=[missing_item(s, lang) for s in missing]),
        Section(_t(lang, "words_heading"), items=[words_item(s, lang) for s in words]),
    ]
    return Brief(title, lang, year, sections, notes.texts, [s.row for s in furthest_behind(ranked)])


def footnote_lines(brief: Brief) -> list[str]:
    """``[1] 标题；来源：https://…；说明：…`` per footnote."""
    return [brief.text("note_marker").format(number=n) + " " + text for n, text in enumerate(brief.notes, 1)]


def _table_markdown(table: Sequence[Sequence[str]]) -> list[str]:
    header, *body = table
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in body]


def brief_markdown(brief: Brief, images: Sequence[tuple[str, str]] = ()) -> str:
    """The brief as Markdown; ``images`` (caption, relative path of a PNG) become the charts annex."""
    lines = [f"# {markdown_inline(brief.title)}", ""]
    for section in brief.sections:
        lines += [f"{'#' * (section.level + 1)} {markdown_inline(section.heading)}", ""]
        for paragraph in section.paragraphs:
            lines += [markdown_inline(paragraph), ""]
        if section.items:
            lines += [f"- {markdown_inline(item)}" for item in section.items] + [""]
        if section.table and len(section.table) > 1:
            lines += [*_table_markdown(section.table), ""]
        if not (section.paragraphs or section.items or len(section.table) > 1):
            lines += [brief.text("none"), ""]
        if section.heading == brief.text("data_heading") and brief.notes:
            lines += [brief.text("notes_heading"), ""]
            lines += [f"{markdown_inline(line)}  " for line in footnote_lines(brief)]
            lines[-1] = lines[-1].rstrip()
            lines.append("")
    if images:
        lines += [f"## {brief.text('charts_heading')}", ""]
        for caption, path in images:
            lines += [f"![{markdown_inline(caption)}]({quote(path)})", "", markdown_inline(caption), ""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


Chart = tuple[str, bytes]
"""A chart's caption and its PNG."""


def brief_docx(brief: Brief, charts: Sequence[Chart] = ()) -> bytes:
    """The brief as a Word document after GB/T 9704: 仿宋 body, 黑体 first-level and 楷体 second-level headings, the
    table, the footnotes and the charts."""
    from docx import Document
    from docx.shared import Cm, Pt

    brief = _xml_safe(brief)
    charts = [(xml_text(caption), png) for caption, png in charts]
    document = Document()
    _set_fonts(document, brief.lang)
    document.core_properties.author = "gapcalc"
    document.core_properties.title = brief.title
    styled = _Styled(document)
    styled.add(brief.title, "Title")
    for section in brief.sections:
        styled.add(section.heading, _heading_style(section.level))
        for text in section.paragraphs:
            _paragraph(document, text, brief.lang)
        for item in section.items:
            styled.add(item, "List Bullet")
        if section.table and len(section.table) > 1:
            _table(document, section.table)
        if not (section.paragraphs or section.items or len(section.table) > 1):
            _paragraph(document, brief.text("none"), brief.lang)
        if section.heading == brief.text("data_heading") and brief.notes:
            document.add_paragraph(brief.text("notes_heading"))
            for line in footnote_lines(brief):
                document.add_paragraph(line).runs[0].font.size = Pt(9)
    if charts:
        styled.add(brief.text("charts_heading"), _heading_style(1))
        for caption, png in charts:
            document.add_picture(io.BytesIO(png), width=Cm(15))
            document.add_paragraph(caption)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


class _Styled:
    """Paragraphs of a named style, each style's id looked up once (python-docx looks it up among all the styles of
    the document, and compares it with the default style, on every paragraph given a style)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.ids: dict[str, str] = {}

    def add(self, text: str, style: str) -> None:
        if style not in self.ids:
            self.ids[style] = self.document.add_paragraph(text, style=style).style.style_id
            return
        self.document.add_paragraph(text)._p.style = self.ids[style]


def _heading_style(level: int) -> str:
    """The style of a heading of ``level`` (0: the title), as python-docx's ``add_heading`` names it."""
    return "Title" if level == 0 else f"Heading {level}"


def _table(document: Any, rows: Sequence[Sequence[str]]) -> None:
    from docx.shared import Pt

    table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid")
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)


def _xml_safe(brief: Brief) -> Brief:
    """The brief with every text as a Word document can hold it (:func:`~gapcalc.render.cells.xml_text`)."""
    def each(texts: Sequence[str]) -> list[str]:
        return [xml_text(text) for text in texts]

    sections = [replace(s, heading=xml_text(s.heading), paragraphs=each(s.paragraphs), items=each(s.items),
                        table=[each(row) for row in s.table]) for s in brief.sections]
    return replace(brief, title=xml_text(brief.title), sections=sections, notes=each(brief.notes))


def _paragraph(document: Any, text: str, lang: str) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph(text)
    if lang == "zh":
        paragraph.paragraph_format.first_line_indent = Pt(32)


GBT_9704 = (("Normal", "FangSong", 16), ("Title", "SimHei", 22), ("Heading 1", "SimHei", 16),
            ("Heading 2", "KaiTi", 16))
"""Styles of an official document (GB/T 9704-2012): 仿宋 三号 body, 黑体 and 楷体 三号 headings, title 二号."""


def _set_fonts(document: Any, lang: str) -> None:
    """Chinese: the GB/T 9704 fonts and sizes; English: the default fonts at 11 pt."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    if lang != "zh":
        document.styles["Normal"].font.size = Pt(11)
        return
    for name, east_asian, size in GBT_9704:
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.name = "Times New Roman"
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), east_asian)
