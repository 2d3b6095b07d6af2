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
    "en": {"met": "✓ met", "not_met": "✗ not met", "no_data": "· no data", "not_assessed": "– not assessed"},
    "zh": {"met": "✓ 达标", "not_met": "✗ 未达标", "no_data": "· 无数据", "not_assessed": "– 不评估"},
}
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
           "all": "all", "per_year": "/yr", "pp_per_year": "pp/yr"},
    "zh": {"indicator": "指标", "unit": "单位", "target": "目标", "actual": "实际", "gap": "差距",
           "attainment": "完成率", "progress": "进度 / 时间", "needed": "今后需年均", "status": "状态",
           "outlook": "展望", "summary": "汇总", "share": "达标 / 评估", "plan": "计划 / 子计划",
           "all": "全部", "per_year": "/年", "pp_per_year": "个百分点/年"},
}
LEGENDS: dict[str, str] = {
    "en": "Target: (i) interpolated between milestones, (f) final target carried past its year. Progress / time: "
          "share of the baseline→final distance covered vs share of the period elapsed (时间过半、任务过半). "
          "Needed: growth per year still required to reach the final target.",
    "zh": "目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完成的比例与已过时间的比例"
          "（时间过半、任务过半）。今后需年均：实现最终目标每年仍需的增长。",
}
MESSAGE_LABELS: dict[str, tuple[str, str]] = {"en": ("error", "hint"), "zh": ("错误", "提示")}
"""The labels of error messages on stderr (from GAPCALC_LANG or the locale, as errors can precede --lang)."""

SUMMARY_LINES: dict[str, str] = {
    "en": "{plan} {year}: {met} of {assessed} assessed targets met{share}; {no_data} no data; "
          "{not_assessed} not assessed",
    "zh": "{plan} {year}年：评估 {assessed} 项，达标 {met} 项{share}；无数据 {no_data} 项；不评估 {not_assessed} 项",
}

SUMMARY_TITLES: dict[str, str] = {
    "en": "Summary {year} — 指标完成率 = met / assessed",
    "zh": "{year}年汇总 — 指标完成率 = 达标 / 评估",
}


def detect_lang(option: str | None = None) -> str:
    """The language to use: the option, ``GAPCALC_LANG``, the locale, else English."""
    for candidate in (option, os.environ.get(LANG_ENV)):
        if candidate in LANGS:
            return candidate
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
