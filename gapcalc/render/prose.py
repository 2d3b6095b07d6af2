"""Sentences from statements: what the brief, the page and the site say of a target, in Chinese as an evaluation
report writes it (and in English), rendered from :class:`gapcalc.engine.statement.Statement` and nothing else.

Every clause says only what the statement holds: a bound is written as a bound (``超过13万户``), a part-year figure
with its date (``截至2024年6月``), a first observation is never called the base year, a target keeps its comparator
(``25%以上``, ``2—3条``, ``2021—2025年累计2500亿元以上``), "可如期实现" only where the growth observed reaches the
target, and at the final year the target is completed or not, with no outlook. Numbers follow
:mod:`gapcalc.render.numerals`.
"""

from __future__ import annotations

from decimal import Decimal

from gapcalc.engine.contracts import RATE_UNIT
from gapcalc.engine.statement import COUNT_UNITS, Figure, Goal, Stated, Statement, counted
from gapcalc.render.numerals import (
    additions_base,
    computed_value,
    difference_text,
    growth_text,
    index_base,
    plain_text,
    quantity,
    rate_text,
    whole_target,
)

ZH: dict[str, str] = {
    "achieved_early": "提前实现", "ahead": "快于预期", "as_expected": "基本符合预期", "lagging": "滞后",
    "completed": "已完成", "not_completed": "未完成", "undetermined": "暂无法判断", "no_figure": "暂无数据",
    "qualitative": "定性目标", "status_quo": "现状描述",
    "bound_>=": "{q}以上", "bound_>": "超过{q}", "bound_<=": "{q}以下", "bound_<": "低于{q}",
    "goal_=": "{q}", "goal_>=": "{q}以上", "goal_>": "超过{q}", "goal_<=": "{q}以下", "goal_<": "低于{q}",
    "goal_~": "{q}左右", "goal_range": "{low}—{q}", "period_goal": "{start}—{end}年累计{goal}",
    "figure": "{year}年为{figure}", "figure_as_of": "截至{date}为{figure}",
    "figure_earlier": "最新数据为{year}年的{figure}", "date": "{year}年{month}月",
    "target_plan": "规划{year}年目标为{goal}", "target_interpolated": "按规划路径推算{year}年应{reach}",
    "target_period": "按累计目标序时推算，{start}—{year}年累计应达到{goal}", "target_final": "规划目标为{goal}",
    "above": "超出年度目标{d}", "below": "低于年度目标{d}", "equal": "与年度目标持平",
    "above_final": "超出规划目标{d}", "below_final": "低于规划目标{d}", "equal_final": "与规划目标持平",
    "above_down": "高于年度目标{d}", "above_down_final": "高于规划目标{d}",
    "above_path": "高于规划路径推算值{d}", "below_path": "低于规划路径推算值{d}", "equal_path": "与规划路径推算值持平",
    "above_down_path": "高于规划路径推算值{d}", "met_path": "达到规划路径要求", "not_met_path": "未达到规划路径要求",
    "attainment": "完成率{a}%", "met": "已完成年度目标", "not_met": "未完成年度目标",
    "inconclusive": "该数为{which}，尚不足以判断是否完成年度目标", "lower": "下限", "upper": "上限",
    "part_year": "为{date}时点数据，不作全年评价",
    "base_stated": "该数为规划基期（{year}年）数值，尚无基期后的数据衡量进度",
    "first_observation": "该数为首个可得数据（{year}年），尚无此后数据衡量进度",
    "progress": "{start}—{end}年完成规划任务的{task}%，同期时间进度{time}%",
    "progress_one": "{end}年完成规划任务的{task}%，同期时间进度{time}%",
    "progress_observed": "以{start}年首个可得数据为起点，至{end}年完成剩余任务的{task}%，同期时间进度{time}%",
    "pace_ahead": "快于时间进度{d}个百分点",
    "pace_behind": "慢于时间进度{d}个百分点", "pace_level": "与时间进度持平", "by_bound": "（按下限计）",
    "in_pace_ahead": "快于序时进度{d}个百分点", "in_pace_behind": "慢于序时进度{d}个百分点",
    "in_pace_level": "与序时进度持平",
    "half_yes": "实现“时间过半、任务过半”", "half_no": "未实现“时间过半、任务过半”",
    "achieved_final": "已提前实现{target}的目标",
    "target_level": "{year}年达到{goal}", "target_change": "{year}年{goal}", "reach_level": "达到{goal}",
    "need_for": "实现{target}的目标，{need}",
    "need_rate": "{start}—{year}年需年均{verb}{rate}%", "need_points": "{start}—{year}年需年均{verb}{change}",
    "need_rate_one": "{year}年需{verb}{rate}%", "need_points_one": "{year}年需{verb}{change}",
    "need_change": "（每年{verb}{change}）", "grow": "增长", "decline": "下降", "add": "增加", "cut": "减少",
    "raise": "提高", "lower_pp": "降低", "add_count": "新增", "cut_count": "减少",
    "index_change": "较{base}年{verb}{n}%", "index_level": "与{base}年持平",
    "figure_index": "{year}年{figure}", "figure_index_earlier": "最新数据为{year}年{figure}",
    "figure_additions_earlier": "最新数据为{figure}",
    "span": "{start}—{end}年", "span_one": "{end}年",
    "observed_rate": "{span}年均{verb}{rate}%", "observed_rate_one": "{span}{verb}{rate}%",
    "observed_points": "{span}年均{verb}{change}", "observed_points_one": "{span}{verb}{change}",
    "observed_count": "{span}累计{verb}{change}", "observed_count_one": "{span}{verb}{change}",
    "observed_none": "{span}未{verb}", "by_observed": "按{observed}测算，{reach}", "at_observed": "{observed}，{reach}",
    "reach_reaches": "可如期实现",
    "reach_close": "略低于所需增速，需稍加快方能如期实现",
    "reach_short": "难以如期实现，需加快推进", "reach_away": "指标向目标的反方向变化",
    "reach_close_count": "略低于所需年均新增数，需稍加快方能如期实现",
    "reach_close_even": "与所需基本持平，仍需稍加快方能如期实现",
    "final_done": "规划期末（{year}年）目标{goal}已完成", "final_missed": "规划期末（{year}年）目标{goal}未完成",
    "final_open": "规划期末（{year}年）目标为{goal}，尚未收集到期末数据，暂无法判断",
    "final_lower": "规划期末（{year}年）目标为{goal}，期末数据只能作为下限，暂无法判断是否完成",
    "final_upper": "规划期末（{year}年）目标为{goal}，期末数据只能作为上限，暂无法判断是否完成",
    "final_part_year": "规划期末（{year}年）目标为{goal}，期末年份仅有年内数据，暂无法判断是否完成",
    "final_scope": "规划期末（{year}年）目标为{goal}，期末数据口径与规划不同，暂无法判断是否完成",
    "after": "规划期已于{year}年结束", "scope": "口径：{scope}", "source": "数据来源：{source}",
    "sep": "，", "stop": "。", "colon": "：", "binding_true": "约束性", "binding_false": "预期性",
    "a_year": "年均{q}", "semi": "；", "rate_figure": "{year}年{figure}",
    "rate_figure_as_of": "{year}年1—{month}月累计{figure}",
    "rate_figure_earlier": "最新数据为{year}年{figure}", "rate_target": "规划目标为{start}—{year}年{goal}",
    "rate_above": "高于目标增速{d}", "rate_below": "低于目标增速{d}", "rate_equal": "与目标增速持平",
    "rate_met": "达到目标增速", "rate_not_met": "未达到目标增速",
    "rate_inconclusive": "该数为{which}，尚不足以判断是否达到目标增速",
    "rate_average": "{start}—{end}年年均{growth}",
    "rate_need": "要实现{start}—{year}年{goal}的目标，{from_}—{year}年需年均{growth}",
    "rate_need_one": "要实现{start}—{year}年{goal}的目标，{year}年需{growth}",
    "rate_average_done": "{start}—{end}年年均{growth}，已完成规划目标", "rate_average_missed":
    "{start}—{end}年年均{growth}，未完成规划目标",
    "rate_no_chain": "{start}年以来各年增速尚不完整，暂无法计算年均增速",
    "in_year": "年内进度：{text}",
    "in_year_stock": "按规划路径推算，{before_year}年末应为{start}、{date}末应达到{expected}，年内已完成年度任务的"
                     "{done}%，序时进度{method}{elapsed}%",
    "in_year_flow": "完成全年目标的{done}%，序时进度{elapsed}%",
    "in_year_rate": "累计增速{comparison}",
    "figure_flow": "{year}年1—{month}月累计为{figure}", "figure_rate_flow": "{year}年1—{month}月累计{figure}",
    "note_flow": "不作全年评价", "note_stock": "时点数，不作全年评价", "note_partial": "年内数据，不作全年评价",
    "in_year_stock_below": "按规划路径推算，{before_year}年末应为{start}，截至{date}低于该水平{short}，"
                           "年度任务尚未起步",
    "period_flow": "{year}年1—{month}月", "period_stock": "{year}年{month}月末",
    "period_partial": "截至{year}年{month}月",
    "log_share": "（按对数比例折算）", "wrong_way_stock": "低于上年末规划路径水平", "wrong_way_flow": "年内累计为负",
    "rate_vs_goal": "{comparison}",
    "in_year_ratio": "按规划路径推算，{before_year}年末应为{start}、{year}年应为{target}",
    "ratio_done": "年内比值已完成年度任务的{done}%", "ratio_ahead": "超过年度要求{d}个百分点",
    "ratio_behind": "低于年度要求{d}个百分点", "ratio_level": "达到年度要求",
    "reach_close_pp": "略低于所需增幅，需稍加快方能如期实现",
    "wrong_way_rate_up": "不增反降", "wrong_way_rate_down": "不降反升",
    "warning_red": "一级预警（红色）", "warning_yellow": "二级预警（黄色）", "warning_green": "三级预警（绿色）",
}

EN: dict[str, str] = {
    "achieved_early": "achieved early", "ahead": "ahead of schedule", "as_expected": "broadly on schedule",
    "lagging": "behind schedule", "completed": "completed", "not_completed": "not completed",
    "undetermined": "cannot be judged yet", "no_figure": "no data", "qualitative": "qualitative",
    "status_quo": "present value, no target",
    "bound_>=": "at least {q}", "bound_>": "more than {q}", "bound_<=": "at most {q}", "bound_<": "less than {q}",
    "goal_=": "{q}", "goal_>=": "at least {q}", "goal_>": "more than {q}", "goal_<=": "at most {q}",
    "goal_<": "less than {q}", "goal_~": "about {q}", "goal_range": "{low}–{q}",
    "period_goal": "{goal} in total over {start}–{end}",
    "figure": "{figure} in {year}", "figure_as_of": "{figure} as of {date}",
    "figure_earlier": "the latest figure is {figure} ({year})", "date": "{mname} {year}",
    "target_plan": "the plan's target for {year} is {goal}",
    "target_interpolated": "the plan's path gives {goal} for {year}",
    "above_down": "{d} above the year's target", "above_down_final": "{d} above the final target",
    "above_path": "{d} above the plan's path", "below_path": "{d} below the plan's path",
    "equal_path": "level with the plan's path", "above_down_path": "{d} above the plan's path",
    "met_path": "on or ahead of the plan's path", "not_met_path": "behind the plan's path",
    "target_period": "on a pro-rata reading of the total, {goal} in {start}–{year}",
    "target_final": "the target is {goal}",
    "above": "{d} above the year's target", "below": "{d} below the year's target",
    "equal": "level with the year's target",
    "attainment": "attainment {a}%", "met": "the year's target is met", "not_met": "the year's target is not met",
    "inconclusive": "the figure is a {which} bound and does not decide the year's target", "lower": "lower",
    "upper": "upper", "part_year": "a figure as of {date}, not judged as the year's",
    "base_stated": "this is the plan's base-year ({year}) value; no later figure measures progress yet",
    "first_observation": "this is the first figure available ({year}); no later figure measures progress yet",
    "progress": "{start}–{end}: {task}% of the planned change achieved, with {time}% of the time elapsed",
    "progress_one": "{end}: {task}% of the planned change achieved, with {time}% of the time elapsed",
    "progress_observed": "from the first figure ({start}) to {end}: {task}% of the remaining change achieved, with "
                         "{time}% of the time elapsed",
    "above_final": "{d} above the final target", "below_final": "{d} below the final target",
    "equal_final": "level with the final target",
    "pace_ahead": "{d} pp ahead of time", "pace_behind": "{d} pp behind time", "pace_level": "level with time",
    "in_pace_ahead": "{d} pp ahead of the year's pace", "in_pace_behind": "{d} pp behind the year's pace",
    "in_pace_level": "level with the year's pace",
    "by_bound": " (on the lower bound)", "half_yes": "half the task done in half the time",
    "half_no": "not half the task in half the time",
    "achieved_final": "the target of {target} is already achieved",
    "target_level": "{goal} by {year}", "target_change": "{goal} by {year}", "reach_level": "{goal}",
    "need_for": "reaching {target} needs {need}",
    "need_rate": "{verb} of {rate}% a year over {start}–{year}",
    "need_points": "{verb} of {change} a year over {start}–{year}",
    "need_rate_one": "{verb} of {rate}% in {year}", "need_points_one": "{verb} of {change} in {year}",
    "need_change": " ({verb} of {change} a year)", "grow": "growth", "decline": "a decline", "add": "an increase",
    "cut": "a reduction", "raise": "a rise", "lower_pp": "a fall", "add_count": "net additions",
    "cut_count": "a net reduction",
    "index_change": "{verb} of {n}% on {base}", "index_level": "level with {base}",
    "figure_index": "{figure} in {year}", "figure_index_earlier": "the latest figure is {figure} ({year})",
    "span": "{start}–{end}", "span_one": "{end}",
    "observed_rate": "{verb} of {rate}% a year over {span}", "observed_rate_one": "{verb} of {rate}% in {span}",
    "observed_points": "{verb} of {change} a year over {span}", "observed_points_one": "{verb} of {change} in {span}",
    "observed_count": "{verb} of {change} over {span}", "observed_count_one": "{verb} of {change} in {span}",
    "observed_none": "no {verb} in {span}", "by_observed": "at the observed {observed}, {reach}",
    "at_observed": "{observed}: {reach}",
    "reach_reaches": "it will be reached on time",
    "reach_close": "slightly short of the growth needed: it needs a little more speed to be reached on time",
    "reach_short": "it will not be reached on time without speeding up",
    "reach_away": "the indicator has moved away from the target",
    "reach_close_count": "slightly short of the additions needed: it needs a little more speed to be reached on "
                         "time",
    "reach_close_even": "about what is needed, yet slightly short: it needs a little more speed to be reached on "
                        "time",
    "final_done": "the final ({year}) target of {goal} is completed",
    "final_missed": "the final ({year}) target of {goal} is not completed",
    "final_open": "the final ({year}) target is {goal}; no final figure has been collected: not judged",
    "final_lower": "the final ({year}) target is {goal}; the final figure is only a lower bound: not judged",
    "final_upper": "the final ({year}) target is {goal}; the final figure is only an upper bound: not judged",
    "final_part_year": "the final ({year}) target is {goal}; the final year has figures of part of it only: not "
                       "judged",
    "final_scope": "the final ({year}) target is {goal}; the final figure is of another scope: not judged",
    "after": "the plan period ended in {year}", "scope": "scope: {scope}", "source": "source: {source}",
    "sep": "; ", "stop": ".", "colon": ": ", "binding_true": "binding", "binding_false": "indicative",
    "a_year": "{q} a year", "semi": "; ", "rate_figure": "{figure} in {year}",
    "rate_figure_as_of": "{figure} in January–{mname} "
    "{year}", "rate_figure_earlier": "the latest figure is {figure} in {year}",
    "rate_target": "the target is {goal} over {start}–{year}",
    "rate_above": "{d} above the target rate", "rate_below": "{d} below the target rate",
    "rate_equal": "level with the target rate", "rate_met": "the target rate is reached",
    "rate_not_met": "the target rate is not reached",
    "rate_inconclusive": "the figure is a {which} bound and does not decide the target rate",
    "rate_average": "{growth} a year over {start}–{end}",
    "rate_need": "reaching {goal} over {start}–{year} needs {growth} a year over {from_}–{year}",
    "rate_need_one": "reaching {goal} over {start}–{year} needs {growth} in {year}",
    "rate_average_done": "{growth} a year over {start}–{end}: the target is completed",
    "rate_average_missed": "{growth} a year over {start}–{end}: the target is not completed",
    "rate_no_chain": "the yearly rates since {start} are incomplete: no average yet",
    "in_year": "in-year pace: {text}",
    "in_year_stock": "the plan's path gives {start} at the end of {before_year} and {expected} at the end of {date}; "
                     "{done}% of the year's planned increase done, with {elapsed}% due{method}",
    "in_year_flow": "{done}% of the year's target done, with {elapsed}% of the year elapsed",
    "in_year_rate": "growth to date {comparison}",
    "figure_flow": "{figure} in January–{mname} {year}", "figure_rate_flow": "{figure} in January–{mname} {year}",
    "note_flow": "cumulative, not judged as the year's", "note_stock": "a point in time, not judged as the year's",
    "note_partial": "a figure for part of the year, not judged as the year's",
    "in_year_stock_below": "the plan's path gives {start} at the end of {before_year}; as of {date} the figure is "
                           "{short} below it: the year's task has not started",
    "period_flow": "Jan–{mname} {year}", "period_stock": "end of {mname} {year}", "period_partial": "to {mname} {year}",
    "log_share": " (on a log-share reading)", "wrong_way_stock": "below where the plan's path began the year",
    "rate_vs_goal": "{comparison}",
    "in_year_ratio": "the plan's path gives {start} at the end of {before_year} and {target} for {year}",
    "ratio_done": "the ratio to date covers {done}% of the year's step", "ratio_ahead": "{d} pp beyond the year's "
    "requirement", "ratio_behind": "{d} pp short of the year's requirement", "ratio_level": "the year's requirement "
    "is met",
    "reach_close_pp": "slightly short of the rise needed: it needs a little more speed to be reached on time",
    "wrong_way_flow": "the sum to date is negative", "wrong_way_rate_up": "falling, not growing",
    "wrong_way_rate_down": "rising, not falling",
    "warning_red": "level-1 warning (red)", "warning_yellow": "level-2 warning (yellow)",
    "warning_green": "level-3 (green)",
}

TEXTS = {"zh": ZH, "en": EN}


def word(key: str, lang: str) -> str:
    """A fixed word or template of ``lang``."""
    return TEXTS[lang][key]


def verdict_word(verdict: str, lang: str) -> str:
    """``提前实现`` / ``快于预期`` / … of an evaluation class."""
    return word(verdict, lang)


def name_of(statement: Statement, lang: str) -> str:
    """The indicator's name with its breakdown (``企业研发机构 · 国家级``)."""
    name = statement.name_zh if lang == "zh" else statement.name_en
    breakdown = (statement.breakdown_zh if lang == "zh" else statement.breakdown_en) or statement.breakdown
    return f"{name} · {breakdown}" if breakdown else name


def month_fields(as_of: str) -> dict[str, int | str]:
    """The month of ``YYYY-MM`` as the templates name it: ``month`` (6) and ``mname`` (June)."""
    month = int(as_of[5:7])
    return {"month": month, "mname": MONTHS_EN[month - 1]}


def date_text(as_of: str, lang: str) -> str:
    """``2024-06`` → ``2024年6月``, ``June 2024``."""
    year, _, rest = as_of.partition("-")
    month = rest.split("-")[0]
    number = int(month) if month.isdigit() else 0
    return word("date", lang).format(year=year, month=number or month,
                                     mname=MONTHS_EN[number - 1] if 1 <= number <= 12 else month)


def figure_quantity(figure: Figure, unit: str, lang: str) -> str:
    """The figure as published: ``超过13万户``, ``2.8万亿元``; on an index of gapcalc's (a change published on the
    base year), the change (``较2017年下降4.04%``)."""
    base = index_base(unit)
    if base is not None:
        return index_text(figure.value, base, lang, "stated", figure.comparator or "=")
    amount = quantity(figure.value, unit, lang)
    if figure.is_bound:
        return word(f"bound_{figure.comparator}", lang).format(q=amount)
    return amount


FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def change_text(sign: int, number: Decimal, base: int, lang: str, comparator: str = "=") -> str:
    """A change on a base year as a plan states it: ``较2017年下降18%``, ``较2017年下降18%以上`` (``comparator`` on
    the size of the change)."""
    if number == 0:
        return word("index_level", lang).format(base=base)
    verb = word(("grow" if sign >= 0 else "decline") if lang == "zh" else ("raise" if sign >= 0 else "lower_pp"), lang)
    text = word("index_change", lang).format(base=base, verb=verb, n=plain_text(number))
    key = f"goal_{comparator}"
    return word(key, lang).format(q=text) if key in TEXTS[lang] and comparator != "=" else text


def index_text(value: Decimal, base: int, lang: str, role: str = "stated", comparator: str = "=") -> str:
    """A level on an index (base year = 100) as the change on the base year it stands for: 95.96 → ``较2017年下降
    4.04%``; 88 → ``较2017年下降12%`` (a computed level to one decimal). ``comparator`` applies to the level: on a
    decline it is the other way round on the size of the decline."""
    change = value - 100
    size = abs(change) if role == "stated" else computed_value(abs(change), "%")
    sign = 1 if change >= 0 else -1
    return change_text(sign, size, base, lang, FLIP.get(comparator, comparator) if sign < 0 else comparator)


def goal_text(goal: Goal, unit: str, lang: str, direction: str = "up") -> str:
    """A target with its comparator as the plan states it: ``25%以上``, ``2—3条``, ``2021—2025年累计2500亿元以上``;
    an interpolated target as the display rule rounds it (``5832家``)."""
    computed = goal.source == "interpolated"
    if goal.change is not None:  # the plan states a change on a base year: as it states it, never as the level
        change = goal.change
        return change_text(change.sign, change.number, change.since, lang, change.comparator)
    base = index_base(unit)
    if base is not None:
        return index_text(goal.value, base, lang, "computed" if computed else "stated", goal.comparator)
    value = whole_target(goal.value, direction) if computed and unit in COUNT_UNITS else goal.value
    amount = quantity(value, unit, lang, "computed" if computed else "stated")
    if computed and unit == "%":  # 80.025 is "80.0%": not to be read as the 80% a bound may reach
        amount = f"{computed_value(value, unit):.1f}%"
    if goal.comparator == "range" and goal.upper is not None:
        low = quantity(goal.value, unit, lang).removesuffix(unit) if lang == "zh" else quantity(goal.value, unit,
                                                                                                   lang)
        text = word("goal_range", lang).format(low=low, q=quantity(goal.upper, unit, lang))
    else:
        text = word(f"goal_{goal.comparator}" if f"goal_{goal.comparator}" in TEXTS[lang] else "goal_=",
                    lang).format(q=amount)
    if goal.period is not None:
        return word("period_goal", lang).format(start=goal.period[0], end=goal.period[1], goal=text)
    if unit == RATE_UNIT:
        return word("a_year", lang).format(q=text)
    since = additions_base(unit)
    if since is not None and lang == "zh":  # additions since a year, up to the target's year
        return additions_text(text, since + 1, goal.year)
    return text


def additions_text(text: str, start: int, end: int) -> str:
    """``2020年以来累计新增957`` of the year ``end`` as ``2020—2021年累计新增957`` (``2021年新增426`` for one year)."""
    prefix = f"{start}年以来累计新增"
    if not text.startswith(prefix):
        return text
    return (f"{end}年新增" if start == end else f"{start}—{end}年累计新增") + text.removeprefix(prefix)


def target_phrase(goal: Goal, unit: str, lang: str, direction: str = "up") -> str:
    """The target as the object of 实现…的目标: ``2025年达到3万亿元``, ``2020年较2017年下降18%``,
    ``2020—2022年累计新增600以上``."""
    text = goal_text(goal, unit, lang, direction)
    if lang == "zh" and additions_base(unit) is not None:
        return text
    key = "target_change" if goal.change is not None or index_base(unit) is not None else "target_level"
    return word(key, lang).format(year=goal.year, goal=text)


def reach_phrase(goal: Goal, unit: str, lang: str, direction: str = "up") -> str:
    """What a level reaches on a path: ``达到5832家``; a change or additions as they are (``较2017年下降6%``)."""
    text = goal_text(goal, unit, lang, direction)
    changed = goal.change is not None or index_base(unit) is not None or additions_base(unit) is not None
    return text if changed and lang == "zh" else word("reach_level", lang).format(goal=text)


STATED_ZH = {
    "new_in_year": "{since}—{year}年累计新增{q}", "new_in_year_one": "{year}年新增{q}",
    "new_in_year_done": "{since}—{year}年累计{q}", "new_in_year_one_done": "{year}年{q}",
    "change_vs_baseline": "{year}年较{since}年{verb}{n}%",
    "pp_change": "{year}年较{since}年{verb}{n}个百分点", "annual_growth": "{since}—{year}年年均{verb}{n}%",
}
STATED_EN = {
    "new_in_year": "{q} added over {since}–{year}", "new_in_year_one": "{q} added in {year}",
    "new_in_year_done": "{q} over {since}–{year}", "new_in_year_one_done": "{q} in {year}",
    "change_vs_baseline": "{verb} of {n}% by {year} on {since}",
    "pp_change": "{verb} of {n} pp by {year} on {since}",
    "annual_growth": "{verb} of {n}% a year over {since}–{year}",
}
"""How a target that depends on a figure not yet known is worded: quotas, and changes on a base."""
DONE_VERBS = ("淘汰", "出清", "整治", "关停", "腾退", "搬迁", "压减", "化解", "完成", "实施", "改造")
"""Verbs an indicator's name may open with (淘汰落后产能企业): its quota is of what is done, not 新增 (added)."""


def stated_goal_text(stated: Stated, year: int, unit: str, lang: str, name: str = "") -> str:
    """A target as the plan words it where no level can be drawn from it yet: ``2021—2025年累计新增500个以上``,
    ``2025年较2020年下降16%``; the quota of an indicator ``name`` that opens with what is done (淘汰落后产能企业)
    without 新增: ``2020年100家``."""
    templates = STATED_ZH if lang == "zh" else STATED_EN
    if stated.number is None or stated.kind not in templates:
        return ""
    rising = stated.sign >= 0
    verb_key = ("grow" if rising else "decline") if stated.kind != "pp_change" else ("raise" if rising else "lower_pp")
    number = plain_text(stated.number)
    amount = quantity(stated.number, unit, lang)
    comparator = stated.comparator if stated.comparator in (">=", ">", "<=", "<", "~") else "="
    if not rising and stated.kind in ("change_vs_baseline", "pp_change", "annual_growth"):
        comparator = FLIP.get(comparator, comparator)  # the level's comparator: on the size of a decrease, reversed
    since = stated.since
    if since is not None and stated.kind == "annual_growth":  # growth a year from the year after the base
        since += 1
    kind = f"{stated.kind}_one" if since == year and f"{stated.kind}_one" in templates else stated.kind
    if stated.kind == "new_in_year" and name.startswith(DONE_VERBS):
        kind += "_done"  # 淘汰落后产能企业：2020年100家, not 2020年新增100家
    if lang == "en" and comparator != "=" and stated.kind != "new_in_year":  # "a decline of at least 20%"
        number, comparator = word(f"goal_{comparator}", lang).format(q=number), "="
    text = templates[kind].format(since=since if since is not None else "", year=year, q=amount, n=number,
                                  verb=word(verb_key, lang))
    return text if comparator == "=" else word(f"goal_{comparator}", lang).format(q=text)


def figure_clause(statement: Statement, lang: str) -> str:
    """``2024年为2.8万亿元`` / ``截至2024年6月为超过13万户`` / ``最新数据为2022年的6348家``."""
    figure = statement.figure
    if figure is None:
        return ""
    amount = figure_quantity(figure, statement.unit, lang)
    if index_base(statement.unit) is not None and not figure.as_of:
        key = "figure_index" if figure.year == statement.year else "figure_index_earlier"
        return word(key, lang).format(year=figure.year, figure=amount)
    since = additions_base(statement.unit)
    if since is not None and lang == "zh" and not figure.as_of:
        amount = additions_text(amount, since + 1, figure.year)
        return amount if figure.year == statement.year else word("figure_additions_earlier", lang).format(
            figure=amount)
    if figure.as_of and _is_flow(statement):
        return word("figure_flow", lang).format(year=figure.year, figure=amount, **month_fields(figure.as_of))
    if figure.as_of:
        return word("figure_as_of", lang).format(date=date_text(figure.as_of, lang), figure=amount)
    key = "figure" if figure.year == statement.year else "figure_earlier"
    return word(key, lang).format(year=figure.year, figure=amount)


def target_clause(statement: Statement, lang: str) -> str:
    """What the plan asks for the year (when the figure is of that year): stated, on the path, or a period share."""
    goal = statement.target
    if goal is None:
        return ""
    text = goal_text(goal, statement.unit, lang, statement.direction)
    if goal.source == "final":
        return word("target_final", lang).format(goal=text)
    if goal.source == "interpolated" and goal.period is not None:
        return word("target_period", lang).format(start=goal.period[0], year=goal.year, goal=text)
    key = "target_interpolated" if goal.source == "interpolated" else "target_plan"
    return word(key, lang).format(year=goal.year, goal=text,
                                  reach=reach_phrase(goal, statement.unit, lang, statement.direction))


def shown_gap(statement: Statement) -> Decimal | None:
    """The gap as shown: the figure minus the target as the display rule writes it (a whole count target)."""
    figure, goal = statement.figure, statement.target
    if figure is None or goal is None or statement.gap is None:
        return None
    if goal.source == "interpolated" and statement.unit in COUNT_UNITS:
        return figure.value - whole_target(goal.value, statement.direction)
    return statement.gap


def comparison_clauses(statement: Statement, lang: str) -> list[str]:
    """Against the year's target: the worded gap, 完成率, and whether it is met; or why it cannot be said."""
    figure = statement.figure
    if figure is None or statement.target is None or figure.year != statement.year:
        return []
    if figure.as_of:
        return []  # the figure's clause says it is of part of the year
    if statement.status == "inconclusive":
        which = "lower" if figure.comparator in (">=", ">") else "upper"
        return [word("inconclusive", lang).format(which=word(which, lang))]
    clauses: list[str] = []
    final = "_final" if statement.phase in ("final", "after") else ""  # the year's target is the plan's target
    if not final and statement.target.source == "interpolated":
        final = "_path"  # the plan sets no target for the year: the point on its path, never 年度目标
    gap = shown_gap(statement)
    if gap is not None:
        key = "equal" if computed_value(gap, statement.unit) == 0 else "above" if gap > 0 else "below"
        if key == "above" and statement.direction == "down":  # above a ceiling is not 超出 (beyond what was asked)
            key = "above_down"
        clauses.append(word(key + final, lang).format(d=difference_text(gap, statement.unit, lang)))
    if statement.attainment_pct is not None:
        clauses.append(word("attainment", lang).format(a=rate_text(statement.attainment_pct)))
    if statement.status in ("met", "not_met") and final != "_final":  # at the end, the final clause says it
        clauses.append(word(statement.status + final, lang))
    return clauses


def _is_flow(statement: Statement) -> bool:
    """True for a figure of part of the year that is a sum to date (1—9月), as the engine read it."""
    return statement.in_year is not None and statement.in_year.kind == "flow"


def _sums_to_date(statement: Statement) -> bool:
    """True for a figure of part of the year that is a sum or a growth rate to date (1—9月), not a point in time."""
    return _is_flow(statement) or statement.on_rates


def part_year_note(statement: Statement, lang: str) -> str:
    """``（1—9月累计数，不作全年评价）`` / ``（6月末时点数，不作全年评价）`` after a figure of part of the year."""
    figure = statement.figure
    if figure is None or not figure.as_of:
        return ""
    key = "note_flow" if _sums_to_date(statement) else "note_stock" if statement.unit in COUNT_UNITS else (
        "note_partial")
    return word(key, lang).format(**month_fields(figure.as_of))


def period_text(statement: Statement, lang: str) -> str:
    """The period of a figure as a table writes it: ``2024年1—9月`` (a sum to date), ``2024年6月末`` (a point),
    else its year."""
    figure = statement.figure
    if figure is None:
        return ""
    if not figure.as_of:
        return str(figure.year)
    key = "period_flow" if _sums_to_date(statement) else "period_stock" if statement.unit in COUNT_UNITS else (
        "period_partial")
    return word(key, lang).format(year=figure.year, **month_fields(figure.as_of))


def progress_clause(statement: Statement, lang: str) -> str:
    """Progress against time since the base, or that the figure is the base (stated, or only the first figure)."""
    figure, base = statement.figure, statement.base
    if figure is None or base is None or statement.phase in ("final", "after"):
        return ""
    if statement.at_first_point:
        return word("base_stated" if base.stated else "first_observation", lang).format(year=base.year)
    progress = statement.progress
    if progress is None:
        return ""
    task, time = rate_text(progress.task_pct), rate_text(progress.time_pct)
    key = "progress" if base.stated else "progress_observed"
    start = base.year + 1 if base.stated else base.year  # the years since the base year: 2020—2021, not 2019—2021
    if base.stated and start >= figure.year:
        key = "progress_one"  # one year since the base: 2020年完成规划任务的…
    text = word(key, lang).format(start=start, end=figure.year, task=task, time=time)
    difference = abs(Decimal(task) - Decimal(time))
    pace = word(f"pace_{progress.pace}", lang).format(d=rate_text(difference))
    text += word("sep", lang) + pace
    half = half_time_half_task(progress.task_pct, progress.time_pct, progress.pace)
    if half:
        text += word("sep", lang) + word(half, lang)
    if figure.is_bound:
        text += word("by_bound", lang)
    return text


def half_time_half_task(task_pct: float, time_pct: float, pace: str) -> str | None:
    """``half_yes`` where half the time has passed, half the task is done and the task keeps pace with time;
    ``half_no`` where half the time has passed and less than half the task is done; else None (the phrase would be
    literally false: past half of both, behind time, is said as 慢于时间进度 alone)."""
    if time_pct < 50:
        return None
    if task_pct < 50:
        return "half_no"
    return "half_yes" if pace != "behind" else None


def outlook_clause(statement: Statement, lang: str) -> str:
    """What reaching the final target takes and whether the growth observed gets there; at and after the final
    year, whether it was completed."""
    final, figure = statement.final, statement.figure
    if final is None:
        return ""
    if statement.on_rates:
        return rate_outlook(statement, lang)
    goal = goal_text(final, statement.unit, lang, statement.direction)
    if statement.phase in ("final", "after"):
        return word(final_key(statement), lang).format(year=final.year, goal=goal)
    if figure is None or figure.as_of:
        return ""
    target = target_phrase(final, statement.unit, lang, statement.direction)
    if statement.verdict == "achieved_early":
        return word("achieved_final", lang).format(target=target)
    need = need_words(statement, lang)
    if not need:
        return ""
    text = word("need_for", lang).format(target=target, need=need)
    if statement.reach is not None and not statement.at_first_point:
        reach = reach_words(statement, lang)
        text += word("sep", lang) + reach if reach else ""
    return text


def final_key(statement: Statement) -> str:
    """What is said of the final target at or after its year: completed, not completed, or why it is not judged —
    no figure of the final year yet, or one that is a bound, of part of the year, or of another scope."""
    if statement.verdict in ("completed", "not_completed"):
        return "final_done" if statement.verdict == "completed" else "final_missed"
    figure, final = statement.figure, statement.final
    if figure is None or final is None or figure.year < final.year:
        return "final_open"
    if figure.as_of:
        return "final_part_year"
    if figure.is_bound:
        return "final_lower" if figure.comparator in (">=", ">") else "final_upper"
    return "final_scope" if figure.scope else "final_open"


def observed_words(statement: Statement, lang: str) -> tuple[str, str] | None:
    """The growth observed that the reach is judged on, with its years, and its kind (``rate``, ``points``,
    ``count``): ``2021—2024年年均增长6.3%``, ``2022年提高2.2个百分点``, ``2018—2019年未新增``; None where no growth was
    observed over whole years (no rate is claimed that was not observed)."""
    observed = statement.observed
    if observed is None:
        return None

    def word(key: str, lang: str) -> str:  # in English, a noun without its article ("growth of", "decline of")
        text = TEXTS[lang][key]
        return text.removeprefix("an ").removeprefix("a ") if lang == "en" else text

    one = "_one" if observed.start == observed.end else ""
    span = word("span" + one, lang).format(start=observed.start, end=observed.end)
    unit, change = statement.unit, observed.change_per_year
    if unit == "%" and change is not None:  # a share: judged on points a year (statement._points_ratio)
        if computed_value(change, unit) == 0:
            return word("observed_none", lang).format(span=span, verb=word("raise", lang)), "points"
        verb = word("raise" if change > 0 else "lower_pp", lang)
        return word("observed_points" + one, lang).format(span=span, verb=verb, change=difference_text(
            change, unit, lang)), "points"
    if counted(unit) and change is not None and _counts_agree(statement, change):
        total = Decimal(str(change)) * (observed.end - observed.start + 1)
        if computed_value(total, unit) == 0:
            return word("observed_none", lang).format(span=span, verb=word("add_count", lang)), "count"
        verb = word("add_count" if total > 0 else "cut_count", lang)
        return word("observed_count" + one, lang).format(span=span, verb=verb, change=difference_text(
            total, unit, lang)), "count"
    if observed.cagr_pct is not None:
        verb = word("grow" if observed.cagr_pct >= 0 else "decline", lang)
        return word("observed_rate" + one, lang).format(span=span, verb=verb, rate=rate_text(
            abs(observed.cagr_pct))), "rate"
    if change is not None and index_base(unit) is None:
        verb = word("add" if change >= 0 else "cut", lang)
        return word("observed_points" + one, lang).format(span=span, verb=verb, change=difference_text(
            change, unit, lang)), "points"
    return None


def _counts_agree(statement: Statement, change: float) -> bool:
    """True where the things added a year observed, set against those still needed a year, say what the reach says
    (the reach is judged on compound rates: where the two disagree, the rate it is judged on is cited)."""
    need = statement.need
    if need is None or need.change_per_year is None or statement.reach is None:
        return True
    sign = 1 if statement.direction == "up" else -1
    enough = sign * change >= sign * need.change_per_year
    return enough == (statement.reach == "reaches")


def reach_words(statement: Statement, lang: str) -> str:
    """Whether the growth observed reaches the target on time, naming that growth and its years: ``按2021—2024年
    年均增长6.3%测算，略低于所需增速，需稍加快方能如期实现``; nothing where no growth was observed."""
    found = observed_words(statement, lang)
    if found is None or statement.reach is None:
        return ""
    observed, kind = found
    key = f"reach_{statement.reach}"
    if statement.reach == "close" and _looks_even(statement, kind):  # 2.2 against 2.2 needed: not "lower"
        key = "reach_close_even"
    elif statement.reach == "close" and kind in ("points", "count"):
        key += "_pp" if kind == "points" and statement.unit == "%" else "_count" if kind == "count" else ""
    wrapper = "at_observed" if statement.reach == "away" or observed.endswith(("未新增", "未提高")) or (
        lang == "en" and observed.startswith("no ")) else "by_observed"
    return word(wrapper, lang).format(observed=observed, reach=word(key, lang))


def _looks_even(statement: Statement, kind: str) -> bool:
    """True where the growth observed and the growth needed a year read the same once rounded as written."""
    observed, need = statement.observed, statement.need
    if observed is None or need is None:
        return False
    if kind == "rate" and observed.cagr_pct is not None and need.cagr_pct is not None:
        return rate_text(observed.cagr_pct) == rate_text(need.cagr_pct)
    if kind == "points" and observed.change_per_year is not None and need.change_per_year is not None:
        unit = statement.unit
        return computed_value(observed.change_per_year, unit) == per_year_change(need.change_per_year, unit)
    return False


def need_words(statement: Statement, lang: str) -> str:
    """What is still needed, named by its years, without the target: ``2025年需增长7.1%``, ``2020年需新增2家``,
    ``2023—2025年需年均提高2.2个百分点``; a count in things, never as a growth rate."""
    need, final, figure = statement.need, statement.final, statement.figure
    if need is None or final is None or figure is None or final.period is not None:
        return ""
    unit, one = statement.unit, "_one" if need.years == 1 else ""
    years = {"year": final.year, "start": figure.year + 1}  # the years of growth still to come
    change = per_year_change(need.change_per_year, unit)
    if counted(unit) and change is not None:
        verb = word("add_count" if change >= 0 else "cut_count", lang)
        return word("need_points" + one, lang).format(verb=verb, change=difference_text(change, unit, lang),
                                                      **years)
    if unit == "%" and change is not None:
        verb = word("raise" if change >= 0 else "lower_pp", lang)
        return word("need_points" + one, lang).format(verb=verb, change=difference_text(change, unit, lang),
                                                      **years)
    if need.cagr_pct is not None:
        verb = word("grow" if need.cagr_pct >= 0 else "decline", lang)
        text = word("need_rate" + one, lang).format(verb=verb, rate=rate_text(abs(need.cagr_pct)), **years)
        if change is not None and not one and index_base(unit) is None:
            change_verb = word("add" if change >= 0 else "cut", lang)
            text += word("need_change", lang).format(verb=change_verb, change=difference_text(change, unit, lang))
        return text
    if change is not None:
        verb = word("add" if change >= 0 else "cut", lang)
        return word("need_points" + one, lang).format(verb=verb, change=difference_text(change, unit, lang),
                                                      **years)
    return ""


def per_year_change(change: float | None, unit: str) -> Decimal | None:
    """The change still needed a year as written: a count rounded away from zero (171 + 4 × 32.25 needs 33 a year,
    not 32), other units by the display rule."""
    if change is None:
        return None
    exact = Decimal(str(change))
    if counted(unit):
        return exact.to_integral_value(rounding="ROUND_UP")
    return computed_value(exact, unit)


def scope_clause(statement: Statement, lang: str) -> str:
    """What the reader must know of the figure itself, in one parenthesis after it: its 口径 where it differs from
    the indicator's, and that it is of part of the year (``（口径：全行业，规划为制造业领域；6月末时点数，
    不作全年评价）``)."""
    figure = statement.figure
    if figure is None:
        return ""
    parts = [word("scope", lang).format(scope=figure.scope)] if figure.scope else []
    parts += [part_year_note(statement, lang)] if figure.as_of else []
    if not parts:
        return ""
    text = ("；" if lang == "zh" else "; ").join(parts)
    return f"（{text}）" if lang == "zh" else f" ({text})"


def statement_sentences(statement: Statement, lang: str) -> list[str]:
    """The sentences a report writes of one target with a figure, in order (no source): the figure and the year's
    comparison; the in-year pace of a figure of part of the year; progress against time; what is still needed, or
    the final verdict."""
    if statement.on_rates:
        return rate_sentences(statement, lang)
    sep = word("sep", lang)
    first = [figure_clause(statement, lang) + scope_clause(statement, lang)]
    if statement.figure is not None and statement.figure.year == statement.year:
        first.append(target_clause(statement, lang))
    first += comparison_clauses(statement, lang)
    sentences = [sep.join(c for c in first if c)]
    for clause in (in_year_clause(statement, lang), progress_clause(statement, lang),
                   outlook_clause(statement, lang)):
        if clause:
            sentences.append(clause)
    return sentences


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def rate_figure_clause(statement: Statement, lang: str) -> str:
    """``2021年增长9.0%`` / ``2024年1—6月累计增长6.1%`` / ``最新数据为2022年增长8%``."""
    figure = statement.figure
    if figure is None:
        return ""
    growth = figure_quantity(figure, RATE_UNIT, lang)
    if figure.as_of:
        return word("rate_figure_as_of", lang).format(year=figure.year, figure=growth, **month_fields(figure.as_of))
    key = "rate_figure" if figure.year == statement.year else "rate_figure_earlier"
    return word(key, lang).format(year=figure.year, figure=growth)


def rate_comparison(statement: Statement, lang: str) -> list[str]:
    """The year's rate against the target rate: the difference in points and whether it is reached."""
    figure, goal = statement.figure, statement.target
    if figure is None or goal is None or figure.year != statement.year:
        return []
    if figure.as_of:
        return []  # the figure's clause says it is of part of the year
    if statement.status == "inconclusive":
        which = "lower" if figure.comparator in (">=", ">") else "upper"
        return [word("rate_inconclusive", lang).format(which=word(which, lang))]
    clauses = []
    if statement.gap is not None:
        gap = computed_value(statement.gap, RATE_UNIT)
        key = "rate_equal" if gap == 0 else "rate_above" if gap > 0 else "rate_below"
        clauses.append(word(key, lang).format(d=difference_text(statement.gap, RATE_UNIT, lang)))
    if statement.status in ("met", "not_met"):
        clauses.append(word(f"rate_{statement.status}", lang))
    return clauses


def rate_outlook(statement: Statement, lang: str) -> str:
    """The average since the base year and what the remaining years need, or why there is no average yet."""
    final, figure, base_year = statement.final, statement.figure, statement.row.get("baseline_year")
    if final is None or figure is None or base_year is None:
        return ""
    average, last = statement.observed_cagr_pct, figure.year - 1 if figure.as_of else figure.year
    if average is None:
        return word("rate_no_chain", lang).format(start=int(base_year) + 1)
    growth = growth_text(rate_text(average), lang)
    span = {"start": int(base_year) + 1, "end": last}
    if statement.phase in ("final", "after") and last >= final.year:
        key = "rate_average_done" if statement.verdict == "completed" else "rate_average_missed"
        return word(key, lang).format(growth=growth, **span)
    text = word("rate_average", lang).format(growth=growth, **span)
    goal_rate = statement.final.value if statement.final is not None else None
    if goal_rate is not None:
        gap = Decimal(rate_text(average)) - goal_rate
        signed = gap if statement.direction == "up" else -gap
        key = "rate_equal" if gap == 0 else "rate_above" if signed > 0 else "rate_below"
        text += word("sep", lang) + word(key, lang).format(d=difference_text(gap, RATE_UNIT, lang))
    need = statement.need
    joint = word("semi", lang)
    if need is not None and need.cagr_pct is not None:
        goal = goal_text(final, RATE_UNIT, lang, statement.direction)
        one = "_one" if final.year - last == 1 else ""
        text += joint + word("rate_need" + one, lang).format(
            start=int(base_year) + 1, year=final.year, goal=goal, from_=last + 1,
            growth=growth_text(rate_text(need.cagr_pct), lang))
        if statement.reach is not None:
            text += word("sep", lang) + reach_words(statement, lang)
    return text


def rate_sentences(statement: Statement, lang: str) -> list[str]:
    """The sentences of a growth target judged on growth rates: the year's rate against the target rate; the
    average since the base year and the rate still needed."""
    sep = word("sep", lang)
    first = [rate_figure_clause(statement, lang) + scope_clause(statement, lang)]
    goal = statement.target
    if goal is not None and statement.figure is not None and statement.figure.year == statement.year:
        base_year = statement.row.get("baseline_year")
        start = int(base_year) + 1 if base_year is not None else goal.year
        first.append(word("rate_target", lang).format(start=start, year=goal.year,
                                                      goal=goal_text(goal, RATE_UNIT, lang, statement.direction)))
    first += rate_comparison(statement, lang)
    sentences = [sep.join(c for c in first if c)]
    for clause in (in_year_clause(statement, lang), rate_outlook(statement, lang)):
        if clause:
            sentences.append(clause)
    return sentences


def warning_word(level: str, lang: str) -> str:
    """``一级预警（红色）`` / ``二级预警（黄色）`` / ``三级预警（绿色）``."""
    return word(f"warning_{level}", lang)


def _path_value(value: float, unit: str, lang: str) -> str:
    """A value on the plan's path at a month: as the display rule writes it, with one more decimal below 1 (0.8949),
    so that the share due can be checked from it."""
    number = Decimal(str(value))
    if abs(number) < 1 and unit not in COUNT_UNITS:
        return quantity(number.quantize(Decimal("0.0001")), unit, lang)
    return quantity(number, unit, lang, "computed")


def in_year_clause(statement: Statement, lang: str, prefix: bool = True) -> str:
    """The in-year pace of a figure of part of the year: against the path at the month, the share of the year's
    target, or the target rate; ahead of or behind 序时进度; the warning level (``年内进度：…`` with ``prefix``)."""
    reading, figure = statement.in_year, statement.figure
    if reading is None or figure is None or not figure.as_of:
        return ""
    sep = word("sep", lang)
    if reading.kind == "rate":
        d = difference_text(reading.pace_pp, RATE_UNIT, lang)
        signed = reading.pace_pp if statement.direction == "up" else -reading.pace_pp
        key = "rate_equal" if round(reading.pace_pp, 1) == 0 else "rate_above" if signed > 0 else "rate_below"
        parts = [word("in_year_rate", lang).format(comparison=word(key, lang).format(d=d))]
    elif reading.kind == "ratio" and reading.start is not None:
        parts = [_ratio_text(statement, reading.start, reading.expected, reading.done_pct, reading.pace_pp, lang)]
    elif reading.kind == "stock" and reading.start is not None and reading.done_pct is not None and (
            reading.done_pct < 0):  # below where the path begins the year: no share of the year's task to speak of
        unit = statement.unit
        short = abs(Decimal(str(reading.start)) - figure.value)
        parts = [word("in_year_stock_below", lang).format(
            before_year=figure.year - 1, start=quantity(Decimal(str(reading.start)), unit, lang, "computed"),
            date=date_text(figure.as_of, lang), short=difference_text(short, unit, lang))]
    else:
        done, elapsed = rate_text(reading.done_pct), rate_text(reading.elapsed_pct)
        if reading.kind == "stock" and reading.start is not None:
            unit = statement.unit
            method = word("log_share", lang) if reading.method == "log_share" else ""
            text = word("in_year_stock", lang).format(
                before_year=figure.year - 1, start=quantity(Decimal(str(reading.start)), unit, lang, "computed"),
                date=date_text(figure.as_of, lang), expected=_path_value(reading.expected, unit, lang),
                method=method, done=done, elapsed=elapsed)
        else:
            text = word("in_year_flow", lang).format(done=done, elapsed=elapsed)
        gap = abs(Decimal(done) - Decimal(elapsed))  # as printed: the two shares it is the difference of
        pace = "level" if gap == 0 else "ahead" if reading.pace_pp > 0 else "behind"
        parts = [text, word(f"in_pace_{pace}", lang).format(d=plain_text(gap))]
        if figure.is_bound:
            parts[-1] += word("by_bound", lang)
    below = reading.kind == "stock" and reading.start is not None and (reading.done_pct or 0) < 0
    if reading.warning == "red" and not below:  # a stock below the path's start has said so already
        parts.append(wrong_way(statement, lang))
    parts.append(warning_word(reading.warning, lang))
    text = sep.join(parts)
    return word("in_year", lang).format(text=text) if prefix else text


def _ratio_text(statement: Statement, start: float, target: float, done: float | None, pace: float,
                lang: str) -> str:
    """A ratio over the period to date (an intensity) against the year's step: ``按规划路径推算，2023年末应为0.91…、
    2024年应为0.88…，年内比值已完成年度任务的66.7%，低于年度要求33.3个百分点``."""
    unit, figure = statement.unit, statement.figure
    assert figure is not None
    head = word("in_year_ratio", lang).format(
        before_year=figure.year - 1, year=figure.year, start=quantity(Decimal(str(start)), unit, lang, "computed"),
        target=quantity(Decimal(str(target)), unit, lang, "computed"))
    if done is None or done < 0:
        return head
    shown = Decimal(rate_text(done))
    gap = abs(shown - 100)
    key = "ratio_level" if gap == 0 else "ratio_ahead" if pace > 0 else "ratio_behind"
    return head + word("sep", lang) + word("ratio_done", lang).format(done=plain_text(shown)) + word(
        "sep", lang) + word(key, lang).format(d=plain_text(gap))


def wrong_way(statement: Statement, lang: str) -> str:
    """How a red level moved the wrong way: ``不增反降`` / ``不降反升`` for a rate or a ratio, else by what the figure
    is."""
    reading = statement.in_year
    kind = reading.kind if reading is not None else "stock"
    return word(f"wrong_way_rate_{statement.direction}" if kind in ("rate", "ratio") else f"wrong_way_{kind}", lang)


def year_goal_text(statement: Statement, lang: str) -> str:
    """The year's target as a table writes it: ``1.8万户``; for a growth target judged on rates, the year's growth
    (``增长7%``: the average asked of every year)."""
    goal = statement.target
    if goal is None:
        return ""
    if statement.on_rates:
        text = growth_text(goal.value, lang)
        return word(f"goal_{goal.comparator}" if f"goal_{goal.comparator}" in TEXTS[lang] else "goal_=",
                    lang).format(q=text)
    return goal_text(goal, statement.unit, lang, statement.direction)
