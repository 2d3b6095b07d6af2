"""Sentences a bureau head signs: the growth a reach is judged on is named with its years; 三、存在问题 says the problem
in its own words; a count still needed is the things to add; a change on a base year is written as the plan states
it; the page's cards count part-year figures as what they are, draw no growth from them, and label the growth ratio
as what it is (docs/methodology.md §6, §10)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from gapcalc.engine.statement import Statement, plan_facts, statements_of
from gapcalc.render.brief import brief_markdown
from gapcalc.render.i18n import page_word
from gapcalc.render.prose import outlook_clause, reach_words, statement_sentences
from gapcalc.render.rows import clean_rows
from gapcalc.usecases.brief import brief_of
from gapcalc.usecases.run import report_one

REPO = Path(__file__).resolve().parent.parent
TARGETS = REPO / "targets"


def statements(plan: str, year: int) -> list[Statement]:
    report = report_one(plan, TARGETS, year)
    return statements_of(plan_facts(report.plan), clean_rows(report.columns.rows()))


def one(plan: str, year: int, indicator: str, breakdown: str | None = None) -> Statement:
    return next(s for s in statements(plan, year) if s.indicator == indicator and s.breakdown == breakdown)


def brief_text(plan: str, year: int, lang: str = "zh") -> str:
    return brief_markdown(brief_of(plan, TARGETS, year, lang).brief)


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}")[1].split("\n## ")[0]


def page(plan: str, year: int, lang: str = "zh") -> str:
    from gapcalc.render.page import PageContext, report_page
    from gapcalc.usecases.charts import report_extra

    report = report_one(plan, TARGETS, year)
    extra = report_extra(report)
    return report_page("t", clean_rows(report.columns.rows()), clean_rows(report.summary()),
                       PageContext(lang, charts=extra["charts"], statements=extra["statements"]))


def row_cells(html: str, indicator: str) -> list[str]:
    body = re.search(f'<tr data-indicator="{indicator}">(.*?)</tr>', html, re.S)
    assert body is not None, indicator
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", body.group(1), re.S)]


# --- 1. the reach names the growth observed and its years ----------------------------------------------------------


def test_the_reach_names_the_growth_observed_and_its_years() -> None:
    assert outlook_clause(one("chongqing", 2024, "industrial_output"), "zh") == (
        "实现2025年达到3万亿元的目标，2025年需增长7.1%，按2021—2024年年均增长6.3%测算，略低于所需增速，需稍加快方能"
        "如期实现")
    assert outlook_clause(one("chongqing", 2022, "ii_integration_index"), "zh") == (
        "实现2025年达到65的目标，2023—2025年需年均增长1.9%（每年增加1.2），按2021—2022年年均增长2.4%测算，可如期实现")
    assert outlook_clause(one("chongqing", 2024, "industrial_output"), "en") == (
        "reaching 3 trillion yuan by 2025 needs growth of 7.1% in 2025; at the observed growth of 6.3% a year over "
        "2021–2024, slightly short of the growth needed: it needs a little more speed to be reached on time")
    # a share is judged on points a year; 2.2 observed against 2.2 needed (2.23) is not written as "lower"
    assert outlook_clause(one("chongqing", 2022, "digital_rnd_tools_rate"), "zh") == (
        "实现2025年达到86.7%的目标，2023—2025年需年均提高2.2个百分点，按2022年提高2.2个百分点测算，与所需基本持平，"
        "仍需稍加快方能如期实现")
    text = brief_text("chongqing", 2024) + brief_text("mianyang", 2019) + brief_text("chongqing", 2022)
    assert "按已实现增速测算" not in text and "按已实现增幅测算" not in text


def test_no_reach_is_said_without_a_growth_observed() -> None:
    statement = one("chongqing", 2024, "industrial_output")
    assert reach_words(replace(statement, observed=None), "zh") == ""
    assert outlook_clause(replace(statement, observed=None), "zh") == "实现2025年达到3万亿元的目标，2025年需增长7.1%"


# --- 2. 三、存在问题 in its own words --------------------------------------------------------------------------


def test_problems_say_the_problem_in_their_own_words() -> None:
    text = brief_text("chongqing", 2024)
    problems = section(text, "三、存在问题")
    assert ("（一）全市工业总规模：2024年低于规划路径推算值380亿元（完成率98.7%）；至2024年完成规划任务的75.3%，"
            "慢于时间进度4.7个百分点；2025年需增长7.1%。原因：＿＿＿＿（待补充）。") in problems
    assert ("（一）全市工业总规模：加快推进，2025年需增长7.1%，确保实现2025年达到3万亿元的目标。"
            in section(text, "四、下一步建议"))
    for plan, year in (("chongqing", 2024), ("mianyang", 2019), ("mianyang", 2020)):
        text = brief_text(plan, year)
        said = {sentence for paragraph in section(text, "二、主要指标进展").split("\n") if "：" in paragraph
                for sentence in paragraph.split("：", 1)[1].split("。") if len(sentence) > 12}
        repeated = [sentence for sentence in said if sentence in section(text, "三、存在问题")]
        assert repeated == [], (plan, year, repeated)
    assert ("（四）万元工业增加值能耗：至2018年完成规划任务的22.4%，慢于时间进度10.9个百分点；2019—2020年需年均下降"
            "7.6%。原因：") in brief_text("mianyang", 2019)
    assert "（一）绿色园区 · 国家级：规划目标1个未完成（期末0个）。原因：" in brief_text("mianyang", 2020)


# --- 3. a count still needed is the things to add --------------------------------------------------------------


def test_a_count_still_needed_is_the_things_to_add() -> None:
    factories = one("mianyang", 2019, "green_factories", "national")
    assert outlook_clause(factories, "zh") == (
        "实现2020年达到5家的目标，2020年需新增2家，2018—2019年未新增，难以如期实现，需加快推进")
    assert outlook_clause(factories, "en") == (
        "reaching 5 by 2020 needs net additions of 2 in 2020; no net additions in 2018–2019: it will not be reached "
        "on time without speeding up")
    assert outlook_clause(one("chongqing", 2022, "high_tech_enterprises"), "zh") == (
        "实现2025年达到8000家的目标，2023—2025年需年均新增551家，按2022年新增1239家测算，可如期实现")
    text = brief_text("mianyang", 2019)
    assert "需增长66.7%" not in text and "需增长100%" not in text and "2020年需新增2个" in text
    html = page("mianyang", 2019)
    assert row_cells(html, "green_factories")[6] == "每年+2家"
    details = row_cells(html, "green_factories")[0].split("详情")[1]
    assert "尚需年均增长" not in details and "已实现年均增长" not in details  # no growth rate of 3 家
    assert "尚需年均增加2家" in details
    assert row_cells(page("mianyang", 2019, "en"), "green_factories")[6] == "+2/yr"


# --- 4. a change on a base year as the plan states it ------------------------------------------------------------


def test_a_change_on_a_base_year_is_written_as_the_plan_states_it() -> None:
    text = brief_text("mianyang", 2019)
    assert ("| 万元工业增加值能耗 |  |  | 较2017年下降18%（2020） | 较2017年下降12%（路径推算） | "
            "较2017年下降4.04%（2018） |" in text)
    assert "82（2017年=100）" not in text and "88（2017年=100）" not in text
    assert "- 智能制造试点示范项目运营成本：2020年较2017年下降20%以上" in text  # 降低20%以上, not 下降20%以下
    energy = one("mianyang", 2018, "energy_per_unit_iva")
    assert statement_sentences(energy, "zh")[0] == (
        "2018年较2017年下降4.04%，按规划路径推算2018年应较2017年下降6%，高于规划路径推算值2个百分点，完成率67.3%，"
        "未达到规划路径要求")  # the plan sets no target for 2018: its path, never 年度目标
    cells = row_cells(page("mianyang", 2019), "energy_per_unit_iva")
    assert cells[1] == "较2017年下降12% (i)" and cells[2].startswith("较2017年下降4.04%")
    assert "较2017年下降18%" in cells[0] and "82（2017年=100）" not in cells[0]
    english = brief_text("mianyang", 2019, "en")
    assert ("- Operating cost of smart-manufacturing pilot projects: a decline of at least 20% by 2020 on 2017"
            in english)


# --- 5.–7. the page --------------------------------------------------------------------------------------------


def test_the_cards_count_part_year_and_earlier_figures_as_what_they_are() -> None:
    html = page("chongqing", 2024)
    cards = re.findall(r'<div class="card"><b>(.*?)</b><span>(.*?)</span></div>', html)
    shown = {re.sub(r"<[^>]+>", "", value).split()[-1] if not label else label: value for value, label in cards}
    assert shown["仅有年内数据"] == "1" and shown["仅有往年数据"] == "8"  # 企业“上云” (2024年6月); 2021–2022 figures
    assert '· 无数据</span> 5</b>' in html  # 14 without a whole-year figure of 2024, 5 without any figure
    assert "in-year figure only" in page("chongqing", 2024, "en")


def test_a_part_year_figure_drives_no_growth_still_needed() -> None:
    html = page("chongqing", 2024)
    for indicator in ("enterprises_on_cloud", "specialised_sme"):
        cells = row_cells(html, indicator)
        assert cells[6] == "", indicator  # was 每年+15.4% and 每年-70.2% from a June figure
        assert "尚需年均增长" not in cells[0] and "增速比" not in cells[0], indicator
    assert "年内进度：按规划路径推算，2023年末应为11.2万户" in row_cells(html, "enterprises_on_cloud")[0]


def test_the_growth_ratio_is_labelled_as_what_it_is() -> None:
    assert page_word("growth_ratio", "zh") == "增速比（已实现年均 / 规划期年均）"
    methodology = (REPO / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert "增速比（已实现年均 / 规划期年均）" in methodology and "g_plan the CAGR x₀ → x_T" in methodology
    html = page("chongqing", 2024)
    assert "<dt>增速比（已实现年均 / 规划期年均）</dt><dd>0.98</dd>" in html and "已实现 / 所需" not in html


def test_an_english_page_sentence_opens_with_a_capital() -> None:
    cells = row_cells(page("chongqing", 2024, "en"), "industrial_output")
    assert "behind the plan&#x27;s path. From the first figure (2020) to 2024:" in cells[0]
    assert "38 billion yuan below the plan&#x27;s path" in cells[0] and "0.038 trillion" not in cells[0]


# --- the final target not judged says why --------------------------------------------------------------------------


def test_a_final_target_not_judged_says_why() -> None:
    listed = one("jinhua", 2023, "listed_companies")
    assert outlook_clause(listed, "zh") == "规划期末（2022年）目标为100家以上，期末数据只能作为下限，暂无法判断是否完成"
    assert outlook_clause(listed, "en") == ("the final (2022) target is at least 100; the final figure is only a "
                                            "lower bound: not judged")
    upper = replace(listed, figure=replace(listed.figure, comparator="<="))
    assert outlook_clause(upper, "zh").endswith("期末数据只能作为上限，暂无法判断是否完成")
    part = replace(listed, figure=replace(listed.figure, comparator=None, as_of="2022-06"))
    assert outlook_clause(part, "zh").endswith("期末年份仅有年内数据，暂无法判断是否完成")
    other = replace(listed, figure=replace(listed.figure, comparator=None))
    assert outlook_clause(other, "zh").endswith("期末数据口径与规划不同，暂无法判断是否完成")
    earlier = one("jinhua", 2023, "above_scale_enterprises")
    assert outlook_clause(earlier, "zh") == "规划期末（2022年）目标为5000家以上，尚未收集到期末数据，暂无法判断"


def test_after_the_plan_an_incomplete_evaluation_is_said_with_its_counts() -> None:
    ended = section(brief_text("jinhua", 2023), "三、存在问题")
    assert ended.strip() == ("（一）期末评价尚不完整：67项量化目标中，62项暂无数据，4项暂无法判断是否完成，"
                             "尚未发现确认未完成的目标。")
    missed = section(brief_text("mianyang", 2021), "三、存在问题")
    assert missed.strip().splitlines()[-1] == ("（三）期末评价尚不完整：94项量化目标中，89项暂无数据，"
                                               "1项暂无法判断是否完成。")


def test_additions_are_counted_in_the_unit_of_the_things_added() -> None:
    text = brief_text("jinhua", 2021)
    assert ("标杆智能工厂、数字车间：最新数据为2020年新增18个（口径：省级数字化车间、智能工厂，"
            "规划为标杆智能工厂、数字车间）。") in text
    assert "实现2020—2022年累计新增90个以上的目标，2021—2022年需年均新增36个，按2020年新增18个测算" in text
    assert ("| 2020—2022年累计新增600家以上（2022） | 2020—2021年累计新增400家以上 | "
            "2020年以来累计新增957家（2021） |") in text
    assert "累计新增600以上" not in text


def test_the_base_of_a_derived_scale_is_the_plans_base_not_a_first_figure() -> None:
    text = brief_text("jinhua", 2021)
    assert "以2019年首个可得数据为起点" not in text
    assert "2020—2021年完成规划任务的159.5%，同期时间进度66.7%" in text
    assert "| 国家高新技术企业 |  |  | 2020—2022年累计新增600家以上（2022） |" in text  # no 累计新增0 as a base level
    details = page("jinhua", 2021)  # a count's need a year rounded up, as the words write it (需年均新增313家)
    assert "<dt>尚需年均增加</dt><dd>313" in details and "312.5" not in details


def test_a_percentage_on_a_half_is_rounded_up_in_every_output() -> None:
    """239.25 % is 239.3 % in the brief, the terminal table, the page and the HTML table alike (四舍五入, one rule:
    numerals.rounded), not 239.2 % where a binary float's printf rounds half to even."""
    from gapcalc.render.figures import percent
    from gapcalc.render.html import number_text
    from gapcalc.render.numerals import rate_text
    from gapcalc.render.table import _num

    assert rate_text(239.25) == percent(239.25, 1) == number_text("attainment_pct", 239.25) == _num(239.25) == "239.3"
    assert (rate_text(0.05), rate_text(-2.45), rate_text(80.0)) == ("0.1", "-2.5", "80")


def test_progress_names_the_years_since_the_base_year() -> None:
    """Progress from the plan's base year (2019) is that of the years since it: 2020年 for one year, 2020—2021年 for
    two, never 2019—2020年 (which reads as two years of work)."""
    text = brief_text("jinhua", 2020)
    assert "2020年完成规划任务的65.3%，同期时间进度33.3%" in text
    assert "2019—2020年完成规划任务" not in text


def test_a_quota_of_what_is_done_is_not_called_an_addition() -> None:
    """An indicator that opens with what is done (淘汰, 整治, 出清) has a quota of that, not 新增 (added)."""
    text = brief_text("jinhua", 2021)
    assert "- 淘汰落后产能企业：2020年100家" in text and "- 出清亩均税收万元以下用地：2020年20000亩" in text
    assert "淘汰落后产能企业：2020年新增" not in text
