"""Languages of the human-facing output: Chinese (zh) and English (en).

Headings, status and outlook words, legends and the main messages come from the catalogues below; indicator names
come from the target file (``name_zh`` / ``name_en``). Machine formats keep their stable English column names and
vocabulary codes whatever the language. The default is ``--lang``, else ``GAPCALC_LANG``, else the locale
(``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` starting with ``zh``), else English.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
LANG_ENV = "GAPCALC_LANG"

STATUS_WORDS: dict[str, dict[str, str]] = {
    "en": {"met": "✓ met", "not_met": "✗ not met", "no_data": "· no data", "not_assessed": "– not assessed",
           "inconclusive": "≷ inconclusive", "warning_red": "!! red warning", "warning_yellow": "! yellow warning",
           "warning_green": "+ green (on pace)"},
    "zh": {"met": "✓ 达标", "not_met": "✗ 未达标", "no_data": "· 无数据", "not_assessed": "– 不评估",
           "inconclusive": "≷ 无法判定", "warning_red": "!! 红色预警", "warning_yellow": "! 黄色预警",
           "warning_green": "+ 绿色（正常）"},
}
"""Status words; a figure of part of the year shows its in-year warning level in their place."""
OUTLOOK_WORDS: dict[str, dict[str, str]] = {
    "en": {"achieved": "✓ achieved", "on_track": "+ on track", "acceleration_needed": "! accelerate",
           "limited_progress": "- limited progress", "deterioration": "✗ deteriorating",
           "insufficient_data": "? insufficient data"},
    "zh": {"achieved": "✓ 已完成", "on_track": "+ 符合进度", "acceleration_needed": "! 需加快",
           "limited_progress": "- 进展有限", "deterioration": "✗ 倒退", "insufficient_data": "? 数据不足"},
}
HEADINGS: dict[str, dict[str, str]] = {
    "en": {"indicator": "Indicator", "unit": "Unit", "target": "Target", "actual": "Actual", "gap": "Gap",
           "attainment": "Attain.", "progress": "Progress / time", "needed": "Needed", "status": "Status",
           "outlook": "Outlook", "summary": "Summary", "share": "met / assessed", "plan": "Plan / subplan",
           "all": "all", "per_year": "/yr", "pp_per_year": "pp/yr", "qualitative": "in words"},
    "zh": {"indicator": "指标", "unit": "单位", "target": "目标", "actual": "实际", "gap": "差距",
           "attainment": "完成率", "progress": "进度 / 时间", "needed": "今后需年均", "status": "状态",
           "outlook": "展望", "summary": "汇总", "share": "达标 / 评估", "plan": "计划 / 子计划",
           "all": "全部", "per_year": "/年", "pp_per_year": "个百分点/年", "qualitative": "定性"},
}
LEGENDS: dict[str, str] = {
    "en": "Target: (i) interpolated between milestones, (f) final target carried past its year. Progress / time: "
          "share of the baseline→final distance covered vs share of the period elapsed (时间过半、任务过半). "
          "Needed: growth per year still required to reach the final target.",
    "zh": "目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完成的比例与已过时间的比例"
          "（时间过半、任务过半）。今后需年均：实现最终目标每年仍需的增长。",
}
WARNING_LEGENDS: dict[str, str] = {
    "en": "In-year (a figure for part of the year, against the share of the year elapsed): red, no headway this year "
          "(growth of the wrong sign, or below where the plan's path begins the year); yellow, behind time; green, on "
          "pace: at or ahead of it (the NDRC barometer's three levels).",
    "zh": "年内预警（年内数据对照序时进度）：红色，年内未向目标推进（增速方向相反，或低于上年末规划路径水平）；黄色，"
          "慢于序时进度；绿色（正常），达到或快于序时进度（参照能耗双控晴雨表的三级预警）。",
}
"""The line under a terminal table with in-year warnings."""
ROWS_LEFT_OUT: dict[str, str] = {
    "en": "{count} more not shown (--show {show}); --show all shows every row.",
    "zh": "另有 {count} 行未显示（--show {show}）；--show all 显示全部。",
}
"""The line under a terminal table that leaves rows out."""
MESSAGE_LABELS: dict[str, tuple[str, str]] = {"en": ("error", "hint"), "zh": ("错误", "提示")}
"""The labels of error messages on stderr (from GAPCALC_LANG or the locale, as errors can precede --lang)."""

SUMMARY_LINES: dict[str, str] = {
    "en": "{plan} {year}: {met} of {assessed} assessed targets met{share}; {no_data} no data; "
          "{not_assessed} not assessed",
    "zh": "{plan} {year}年：评估 {assessed} 项，达标 {met} 项{share}；无数据 {no_data} 项；不评估 {not_assessed} 项",
}

SUMMARY_TITLES: dict[str, str] = {
    "en": "Summary {year} — share met = met / assessed",
    "zh": "{year}年汇总 — 指标完成率 = 达标 / 评估",
}


def requested_lang(option: str | None = None) -> str | None:
    """The language asked for: the option, else ``GAPCALC_LANG``; None when neither names one of :data:`LANGS`."""
    for candidate in (option, os.environ.get(LANG_ENV)):
        if candidate in LANGS:
            return candidate
    return None


def detect_lang(option: str | None = None, default: str | None = None) -> str:
    """The language to use: the one asked for (:func:`requested_lang`), else ``default`` (an output with a language
    of its own: the brief is written in Chinese), else the locale's, else English."""
    asked = requested_lang(option) or default
    if asked is not None:
        return asked
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def status_word(key: str | None, lang: str) -> str:
    """The word (with symbol) of a status or outlook code; unknown codes are returned as they are."""
    if key is None:
        return ""
    return STATUS_WORDS[lang].get(key) or OUTLOOK_WORDS[lang].get(key) or key


def heading(key: str, lang: str) -> str:
    """A table heading."""
    return HEADINGS[lang][key]

PAGE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "report_title": "{region}: progress towards the targets, {year}",
        "all_title": "Progress towards the targets of {count} plans, {year}", "summary": "Summary",
        "targets": "targets", "assessed": "assessed", "met": "met", "not_met": "not met", "no_data": "no data",
        "not_assessed": "not assessed", "met_share": "met / assessed (指标完成率)", "outlook": "Outlook",
        "indicator": "Indicator", "target": "Target", "actual": "Actual", "gap": "Gap", "attainment": "Attainment",
        "progress": "Progress vs time", "needed": "Growth still needed", "status": "Status", "chart": "Path",
        "more": "more", "qualitative": "Targets stated in words (not scored)",
        "unscored": "Quantified targets that cannot be assessed (not scored)", "notes": "Sources and notes",
        "source": "Source", "note": "Note", "unit": "Unit", "target_source": "Target for the year",
        "baseline": "Baseline", "final_target": "Final target", "required_cagr": "Growth still needed per year",
        "required_change": "Increase still needed per year", "observed_cagr": "Growth observed per year",
        "required_cagr_down": "Fall still needed per year", "required_change_down": "Decrease still needed per year",
        "observed_cagr_down": "Fall observed per year",
        "growth_ratio": "Growth ratio (observed per year / the plan's per year over its period)",
        "direction": "Better when",
        "up": "higher", "down": "lower", "plan_source": "stated for the year", "interpolated": "interpolated",
        "final": "final target carried", "unresolved": "baseline unknown", "none": "no target",
        "rate": "the plan's growth rate, judged on published rates",
        "progress_text": "{progress}% done, {time}% of time", "per_year": "{value}/yr",
        "legend": "Target: the plan's level for the year ((i) interpolated between milestones, (f) final target). "
                  "Gap = actual − target. Attainment (完成率) = actual / target (target / actual where lower is "
                  "better). Progress vs time: the bar is the share of the baseline → final distance covered, the "
                  "black tick the share of the period elapsed (时间过半、任务过半). Growth still needed: per year, "
                  "to reach the final target. Chart: grey plan path and blue milestones, orange actuals (hollow: "
                  "approximation or lower bound), dashed line the final target.",
        "chart_title": "{name}: baseline, milestones, actuals and final target", "subplan": "Subplan",
        "plans": "Plans", "plan": "Plan", "region": "Region", "period": "Period", "document": "Document",
        "year": "Year", "shared": "Indicators shared by several plans", "milestones": "Milestones",
        "actuals": "Actuals", "quotes": "What the plan says", "value": "Value", "kind": "Kind",
        "comparator": "Comparator", "language": "中文", "home": "All plans", "no_actuals": "No actual yet.",
        "indicators": "Indicators", "site_title": "gapcalc: progress of the plans, {year}",
        "site_intro": "Every plan of the targets directory assessed for {year}: target, actual, gap, 完成率, "
                      "progress against time and the growth still needed.",
        "compare_title": "{name}: compared across plans, {year}", "stated_by": "stated by {count} plans",
        "breakdown": "Breakdown", "all_languages": "Languages", "report_page": "Gap table",
        "indicator_page": "indicator page", "of_year": "({year})", "none_stated": "—",
        "actual_year": "Year of actual", "baseline_year": "Baseline year", "final_year": "Final year",
        "progress_pct": "Progress", "time_elapsed_pct": "Time elapsed", "indicator_id": "Indicator id",
        "source_title": "Source title", "rows": "Targets", "data": "data",
        "at_baseline": "latest figure is the plan's base-year value",
        "first_figure": "first figure; nothing to compare yet",
        "verdict": "Assessment", "colon": ": ", "qualitative_unit": "in words",
        "verdict_line": "Assessment on the latest figures (every target in one class)",
        "in_year_line": "In-year figures against the share of the year elapsed (序时进度)",
        "shown_at": "shown at its final year, {year}", "first_figure_label": "First figure",
        "statement": "What the report says",
        "note_foreign": "(in Chinese in the original)",
        "in_year_only": "in-year figure only", "earlier_only": "earlier year's figure only",
    },
    "zh": {
        "report_title": "{region}目标完成情况（{year}年）",
        "all_title": "{count}个规划目标完成情况（{year}年）", "summary": "总体情况",
        "targets": "项目标", "assessed": "已评估", "met": "达标", "not_met": "未达标", "no_data": "无数据",
        "not_assessed": "不评估", "met_share": "指标完成率（达标 / 评估）", "outlook": "展望",
        "indicator": "指标", "target": "目标", "actual": "实际", "gap": "差距", "attainment": "完成率",
        "progress": "任务进度 / 时间进度", "needed": "尚需年均增速", "status": "状态", "chart": "走势",
        "more": "详情", "qualitative": "定性目标（不评分）", "unscored": "无法评估的量化目标（不评分）",
        "notes": "资料来源与注释",
        "source": "来源", "note": "说明", "unit": "单位", "target_source": "年度目标",
        "baseline": "基期值", "final_target": "最终目标", "required_cagr": "尚需年均增长",
        "required_change": "尚需年均增加", "observed_cagr": "已实现年均增长",
        "required_cagr_down": "尚需年均下降", "required_change_down": "尚需年均减少",
        "observed_cagr_down": "已实现年均下降",
        "growth_ratio": "增速比（已实现年均 / 规划期年均）", "direction": "方向",
        "up": "越高越好", "down": "越低越好", "plan_source": "规划明确", "interpolated": "线性插值",
        "final": "沿用最终目标", "unresolved": "基期值未知", "none": "无目标", "rate": "规划增速（按公布增速评价）",
        "progress_text": "任务{progress}%，时间{time}%", "per_year": "每年{value}",
        "legend": "目标：规划对该年的要求（(i) 按里程碑线性插值，(f) 沿用最终目标）。差距 = 实际 − 目标。"
                  "完成率 = 实际 / 目标（越低越好的指标为目标 / 实际）。"
                  "任务进度 / 时间进度：色条为自基期至最终目标已完成的比例，"
                  "黑色刻度为规划期已过时间的比例（时间过半、任务过半）。尚需年均增长：实现最终目标每年仍需的增长。"
                  "走势图：灰线为规划路径，蓝色菱形为目标节点，橙色为实际值（空心：近似或下限），虚线为最终目标。",
        "chart_title": "{name}：基期值、目标节点、实际值与最终目标", "subplan": "专项方案",
        "plans": "规划", "plan": "规划", "region": "地区", "period": "规划期", "document": "文号",
        "year": "年份", "shared": "多个规划共有的指标", "milestones": "目标节点",
        "actuals": "实际值", "quotes": "规划原文", "value": "数值", "kind": "类型",
        "comparator": "比较", "language": "English", "home": "全部规划", "no_actuals": "尚无实际值。",
        "indicators": "指标", "site_title": "gapcalc：规划目标完成情况（{year}年）",
        "site_intro": "目标目录中的每个规划按{year}年评估：目标、实际、差距、完成率、"
                      "任务进度与时间进度、尚需年均增长。",
        "compare_title": "{name}：各规划对比（{year}年）", "stated_by": "{count}个规划提出",
        "breakdown": "分项", "all_languages": "语言", "report_page": "差距表",
        "indicator_page": "指标页", "of_year": "（{year}年）", "none_stated": "—",
        "actual_year": "实际值年份", "baseline_year": "基期", "final_year": "目标年", "progress_pct": "任务进度",
        "time_elapsed_pct": "时间进度", "indicator_id": "指标代码", "source_title": "来源名称", "rows": "目标数",
        "data": "data", "at_baseline": "实际值为规划基期值", "first_figure": "首个可得数据，暂无比较",
        "verdict": "进度判断",
        "verdict_line": "按最新数据的进度判断（每项目标计入一类）", "qualitative_unit": "定性",
        "in_year_line": "年内数据对照序时进度",
        "shown_at": "按期末{year}年评价",
        "first_figure_label": "首个数据", "statement": "评价表述",
        "colon": "：",
        "note_foreign": "（原文注释为英文）",
        "in_year_only": "仅有年内数据", "earlier_only": "仅有往年数据",
    },
}
"""Words of the report page, the site, their charts and the headings of the workbook's main sheets."""


KIND_WORDS: dict[str, dict[str, str]] = {
    "en": {"level": "level", "cumulative": "cumulative", "new_in_year": "added in the year",
           "change_vs_baseline": "change on the baseline", "pp_change": "change in pp",
           "annual_growth": "annual growth", "period_total": "total over the period", "baseline": "baseline",
           "qualitative": "in words"},
    "zh": {"level": "水平值", "cumulative": "累计值", "new_in_year": "当年新增", "change_vs_baseline": "较基期变化",
           "pp_change": "百分点变化", "annual_growth": "年均增长", "period_total": "期间合计", "baseline": "基期值",
           "qualitative": "定性表述"},
}
"""What each kind of statement of a target file is, in words (``docs/target-format.md``)."""


def kind_word(kind: str, lang: str) -> str:
    """The kind of a statement in ``lang``; an unknown kind as its code."""
    return KIND_WORDS["zh" if lang == "zh" else "en"].get(kind, kind)


def page_word(key: str, lang: str) -> str:
    """A word of the report page or the site in ``lang`` (``zh`` or ``en``)."""
    return PAGE_WORDS["zh" if lang == "zh" else "en"][key]
