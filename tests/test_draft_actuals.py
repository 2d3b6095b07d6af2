"""``gapcalc draft-actuals``: figures read out of statistics texts for a plan's indicators, one named test per rule of
reading and of refusal (each rule also has its example in gapcalc/draft/lexicon.toml), then the command line: CSV on
stdout, appending to an actuals file without rewriting a byte of it, identical and conflicting rows, standard input,
exit codes, and the round trip draft-actuals → check (GC330) → review → check → report."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_draft_lexicon import EXAMPLE_PLAN, STATISTICS_HEAD

from gapcalc.cli.main import cli
from gapcalc.draft.actuals_text import REASONS, PlanContext, PlanIndicator, Reading, Row, clean_clause, read_text
from gapcalc.draft.lexicon import LEXICON
from gapcalc.usecases.draft_actuals import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "draft_actuals"
REAL = FIXTURES / "real"
MIANYANG_2018 = REAL / "mianyang_2018_communique.txt"


def _read(paragraph: str) -> Reading:
    """A paragraph of a city's 2023 communiqué (published 2024-03-20), read for the example plan."""
    return read_text(STATISTICS_HEAD + paragraph + "\n", EXAMPLE_PLAN)


def _rows(paragraph: str) -> list[tuple[str, str, int, Decimal, str, str, str]]:
    return [(r.indicator, r.breakdown, r.year, r.value, r.measure, r.comparator, r.as_of)
            for r in _read(paragraph).rows]


def _only(paragraph: str) -> Row:
    rows = _read(paragraph).rows
    assert len(rows) == 1, [(r.indicator, r.value) for r in rows]
    return rows[0]


def _refused(paragraph: str, value: str) -> str:
    """The rule refusing ``value`` in ``paragraph`` (and that no row writes it)."""
    reading = _read(paragraph)
    assert Decimal(value) not in [r.value for r in reading.rows]
    found = [refusal.why for refusal in reading.refused if refusal.value == Decimal(value)]
    assert found, [(r.value, r.why) for r in reading.refused]
    return found[0]


# --------------------------------------------------------------------------------------------------------------
# refusing what is not an actual
# --------------------------------------------------------------------------------------------------------------


def test_refuses_a_target() -> None:
    assert _refused("力争全年规模以上工业增加值增长8%。", "8") == "actual.refuse.target"
    assert _refused("全市计划年内培育创建市级绿色工厂50家。", "50") == "actual.refuse.target"


def test_a_plan_named_or_a_target_met_is_no_target() -> None:
    assert _only("实施绿色制造体系建设行动计划以来，全市已累计创建绿色工厂171家。").value == 171


def test_refuses_what_stands_under_a_heading_of_targets() -> None:
    text = ("2024年杭州市政府工作报告\n一、2023年工作回顾\n全市新增上市企业6家。\n"
            "二、2024年工作安排\n全市新增上市企业8家。\n")
    reading = read_text(text, EXAMPLE_PLAN)
    assert [(r.year, r.value) for r in reading.rows] == [(2023, 6)]
    assert [(r.value, r.why) for r in reading.refused] == [(8, "actual.refuse.target_section")]


def test_refuses_a_later_year() -> None:
    assert _refused("到2025年，全市上市企业达到60家。", "60") == "actual.refuse.future_year"


def test_refuses_a_national_or_provincial_figure() -> None:
    assert _refused("全市规模以上工业增加值增长6.6%，高于全国平均2个百分点。", "2") == "actual.refuse.elsewhere"
    assert _refused("全省规模以上工业增加值增长5.1%。", "5.1") == "actual.refuse.elsewhere"


def test_the_provinces_own_words_are_not_elsewhere() -> None:
    province = EXAMPLE_PLAN.__class__("zhejiang", "浙江", "provincial", (2021, 2025), 2020, EXAMPLE_PLAN.indicators)
    rows = read_text(STATISTICS_HEAD.replace("杭州市", "浙江省") + "全省上市企业39家。\n", province).rows
    assert [(r.indicator, r.value) for r in rows] == [("listed_companies", 39)]


def test_refuses_a_gap_to_another_figure() -> None:
    assert _refused("规模以上工业单位增加值能耗下降4.0%，降幅高于上年1.2个百分点。", "1.2") == "actual.refuse.gap"


def test_refuses_a_change_since_an_earlier_year() -> None:
    assert _refused("全市上市企业39家，较2015年增加12家。", "12") == "actual.refuse.earlier_year"
    assert _refused("全市关键工序数控化率达到56.6%，较2017年提升了12.8%。", "12.8") == "actual.refuse.earlier_year"


def test_refuses_a_multiple() -> None:
    assert _refused("全市高新技术企业数量增长3.5倍，达到5109家。", "3.5") == "actual.refuse.multiple"


def test_refuses_a_change_in_percentage_points() -> None:
    assert _refused("全市关键工序数控化率56.6%，比上年提高2.1个百分点。", "2.1") == "actual.refuse.points"


def test_refuses_a_unit_of_something_else() -> None:
    assert _refused("全市规模以上工业增加值为32.5%。", "32.5") == "actual.refuse.unit"


def test_refuses_another_indicator_sharing_a_word() -> None:
    assert _refused("单位GDP能耗下降3.72%。", "3.72") == "actual.refuse.other_indicator"


def test_refuses_another_measure_of_the_indicator() -> None:
    assert _refused("当年上市企业新增融资6.62亿元。", "6.62") == "actual.refuse.other_measure"


def test_refuses_a_share_of_another_whole() -> None:
    assert _refused("制造业增加值占规模以上工业增加值比重为79.9%。", "79.9") == "actual.refuse.denominator"


def test_a_share_of_the_same_whole_in_another_measure_is_read_with_its_scope() -> None:
    row = _only("高技术制造业增加值占规模以上工业增加值比重为19%。")
    assert (row.indicator, row.value) == ("high_tech_mfg_share", 19)
    assert row.scope == "高技术制造业增加值占规模以上工业增加值比重，规划为高技术产业产值占规模以上工业产值比重"


def test_refuses_one_level_of_an_indicator_counted_at_every_level() -> None:
    assert _refused("新认定国家级数字化车间5个。", "5") == "actual.refuse.level_subset"


def test_refuses_a_part_of_the_indicator() -> None:
    assert _refused("全市专精特新“小巨人”企业137家。", "137") == "actual.refuse.subset"


def test_refuses_a_running_total_of_an_indicator_of_additions() -> None:
    assert _refused("全市累计建成数字化车间359个。", "359") == "actual.refuse.running_total"


def test_refuses_a_level_on_another_scale() -> None:
    assert _refused("全市两化融合发展指数105.4。", "105.4") == "actual.refuse.scale"


def test_refuses_a_second_figure_of_the_year() -> None:
    assert _rows("全市规模以上工业增加值1234亿元，增长8.5%。") == [
        ("industrial_value_added", "", 2023, Decimal(1234), "", "", "")]
    assert _refused("全市规模以上工业增加值1234亿元，增长8.5%。", "8.5") == "actual.refuse.one_per_year"


def test_refuses_a_figure_of_no_known_year() -> None:
    reading = read_text("杭州企业上云成效明显\n全市上云企业13万户。\n", EXAMPLE_PLAN)
    assert reading.rows == []
    assert [(r.value, r.why) for r in reading.refused] == [(130000, "actual.refuse.no_year")]


def test_refuses_a_year_outside_the_plan_and_a_change_before_its_base() -> None:
    assert _refused("2012年，全市上市企业15家。", "15") == "actual.refuse.outside_plan"
    assert _refused("2019年，全市规模以上工业单位增加值能耗下降16.56%。", "16.56") == "actual.refuse.outside_plan"


def test_refuses_districts_of_the_region() -> None:
    assert _refused("上城区、西湖区两化融合发展水平超过65。", "65") == "actual.refuse.subregion"


def test_refuses_a_new_town_or_zone_said_to_have_the_figure_or_its_examples() -> None:
    assert _refused("目前，钱塘新城已有专精特新中小企业113家。", "113") == "actual.refuse.subregion"
    assert _refused("杭州经开区共有专精特新中小企业45家。", "45") == "actual.refuse.subregion"
    assert _refused("其中，钱塘新城华光科技、东方电机等40家企业被认定为专精特新中小企业。", "40") == \
        "actual.refuse.subregion"
    # the region's own figure, and examples that are firms, not a place
    assert _only("全市已有专精特新中小企业113家。").value == 113
    assert _only("华光科技、东方电机等40家企业被认定为专精特新中小企业。").value == 40


def test_refuses_a_rate_of_all_society_for_one_of_enterprises() -> None:
    assert _refused("全社会研发投入强度预计达到2.45%。", "2.45") == "actual.refuse.society"
    assert _refused("全社会研发经费投入强度为2.3%。", "2.3") == "actual.refuse.society"
    assert _only("规模以上工业企业研发经费投入强度为1.6%。").value == Decimal("1.6")


def test_refuses_a_level_held_throughout_years() -> None:
    assert _refused("五年来，工业增加值占地区生产总值的比重始终保持在30%左右。", "30") == "actual.refuse.throughout"
    assert _refused("全市上市企业一直保持在40家以上。", "40") == "actual.refuse.throughout"


def test_a_number_qualifying_a_noun_is_no_figure() -> None:
    reading = _read("研发经费投入强度超过1%的行业大类有9个，全市关键工序数控化率56.6%。")
    assert [(r.indicator, r.value) for r in reading.rows] == [("nc_rate_key_processes", Decimal("56.6"))]
    assert Decimal(1) not in [r.value for r in reading.refused]


def test_refuses_a_part_of_a_narrower_whole_named_before_it() -> None:
    assert _refused("全市集成电路产业链企业300家，其中高新技术企业120家。", "120") == "actual.refuse.within"
    # a part of the region's own whole, or of a whole of its own kind, is the indicator's
    assert _only("全市工业企业5000家，其中高新技术企业1200家。").value == 1200
    assert _only("全市国家高新技术企业6348家，其中制造业领域高新技术企业4000家。").value == 4000


def test_refuses_additions_of_one_of_the_kinds_the_indicator_joins() -> None:
    assert _refused("全年新增挂牌企业5家。", "5") == "actual.refuse.part"
    assert _refused("全市挂牌企业近60家。", "60") == "actual.refuse.part"


def test_a_part_s_additions_beside_the_level_of_its_year_are_one_figure_too_many() -> None:
    """The level of the year is its figure; the additions are refused as a second figure of the year."""
    reading = _read("全年新增挂牌企业5家。年末全市挂牌企业52家。")
    assert [(r.indicator, r.value, r.comparator) for r in reading.rows] == [("listed_quoted_companies", 52, ">=")]
    assert (Decimal(5), "actual.refuse.one_per_year") in [(r.value, r.why) for r in reading.refused]


def test_the_real_traps_of_a_part_and_of_a_narrower_whole_are_refused() -> None:
    """金华: 新增上市企业6家 for a plan counting 上市挂牌企业; 上下游企业90余家，其中规上企业44家 of a chain."""
    jinhua = {"listed_companies": ("上市挂牌企业", "家", ("new_in_year", "cumulative")),
              "above_scale_enterprises": ("规模以上工业企业数", "家", ("cumulative",))}
    plan = PlanContext("jinhua", "金华", "municipal", (2020, 2022), 2019, tuple(
        PlanIndicator(ident, name, unit, (), frozenset(kinds)) for ident, (name, unit, kinds) in jinhua.items()))
    reading = read_text((REAL / "jinhua_2021_plan_report.txt").read_text(encoding="utf-8"), plan)
    assert (Decimal(6), "actual.refuse.part") in [(r.value, r.why) for r in reading.refused]
    assert reading.rows == []
    reading = read_text((REAL / "jinhua_2024_robots.txt").read_text(encoding="utf-8"), plan)
    assert (Decimal(44), "actual.refuse.within") in [(r.value, r.why) for r in reading.refused]
    assert reading.rows == []


def test_every_refusal_is_a_lexicon_rule_with_a_reason() -> None:
    rules = {name for name in LEXICON.rules if name.startswith("actual.refuse.")}
    assert rules == set(REASONS)


# --------------------------------------------------------------------------------------------------------------
# reading: measure, bound, year, name, unit, level, lists
# --------------------------------------------------------------------------------------------------------------


def test_reads_a_rise_as_a_change_on_the_year_before() -> None:
    row = _only("全市规模以上工业增加值比上年增长8.4%。")
    assert (row.measure, row.value, row.year) == ("change_pct", Decimal("8.4"), 2023)
    assert "同比" in row.note


def test_reads_a_fall_as_a_negative_change() -> None:
    assert (_only("规模以上工业单位增加值能耗下降4.04%。").value) == Decimal("-4.04")


def test_reads_a_change_on_the_same_months() -> None:
    assert _only("全市规模以上工业增加值同比增长8.4%。").measure == "change_pct"


def test_reads_a_change_since_the_base_year() -> None:
    row = _only("规模以上工业单位增加值能耗比2020年下降9.5%。")
    assert (row.measure, row.value) == ("change_pct_vs_base", Decimal("-9.5"))


def test_reads_additions_of_a_count() -> None:
    assert _only("全年新增上市企业6家。").measure == "new"
    assert (_only("全市上市企业增加2家。").measure, _only("全市上市企业增加2家。").value) == ("new", 2)


def test_reads_a_level() -> None:
    assert _rows("全市上市企业总数达到39家。") == [("listed_companies", "", 2023, 39, "", "", "")]
    assert _only("全市关键工序数控化率提高到58%。").measure == ""


def test_reads_lower_bounds_before_and_after_the_number() -> None:
    row = _only("全市规模以上工业总产值超2.6万亿元。")
    assert (row.indicator, row.value, row.comparator) == ("industrial_output", Decimal("2.6"), ">=")
    row = _only("全市企业上云5.5万余户。")
    assert (row.value, row.comparator) == (55000, ">=")
    assert "由5.5万户折算为户" in row.note


def test_reads_an_upper_bound_and_an_approximate_figure() -> None:
    assert _only("全市上市企业近40家。").comparator == "<"
    row = _only("全市绿色工厂约120家。")
    assert (row.comparator, "约数" in row.note) == ("", True)


def test_reads_an_estimate_as_printed() -> None:
    assert "预计数" in _only("预计全年规模以上工业总产值达到2.19万亿元。").note


def test_reads_the_year_a_sentence_names() -> None:
    assert _only("2022年末，全市上市企业36家。").year == 2022


def test_reads_last_year_and_this_year_from_the_date_of_publication() -> None:
    last = read_text("# source: 杭州两化融合, 杭州日报, 2023-03-21\n杭州两化融合\n去年杭州两化融合发展水平为61.5。\n",
                     EXAMPLE_PLAN).rows
    assert [(r.year, r.value, r.as_of) for r in last] == [(2022, Decimal("61.5"), "")]
    this = read_text("# source: 杭州上半年经济, 杭州日报, 2024-07-20\n今年上半年，全市新增上市企业3家。\n",
                     EXAMPLE_PLAN).rows
    assert [(r.year, r.measure, r.as_of) for r in this] == [(2024, "new", "2024-06")]


def test_reads_months_quarters_and_points_in_the_year_as_of() -> None:
    assert _only("1—9月，全市规模以上工业增加值增长6.2%。").as_of == "2023-09"
    assert _only("上半年，全市规模以上工业增加值增长5.8%。").as_of == "2023-06"
    assert _only("截至9月底，全市上云企业13万户。").as_of == "2023-09"


def test_reads_now_as_the_month_of_publication() -> None:
    rows = read_text("# source: 杭州机器人大会, 杭州日报, 2024-09-29\n目前全市企业上云超13万户。\n", EXAMPLE_PLAN).rows
    assert [(r.year, r.value, r.comparator, r.as_of) for r in rows] == [(2024, 130000, ">=", "2024-09")]


def test_reads_the_years_a_text_of_early_in_the_year_reviews() -> None:
    text = ("# source: 杭州市科技创新工作会, 杭州日报, 2023-02-27\n"
            "过去5年，杭州科技创新能力不断增强。全市两化融合发展水平达到62。\n")
    assert [(r.year, r.as_of) for r in read_text(text, EXAMPLE_PLAN).rows] == [(2022, "")]


def test_reads_a_figure_from_a_year_to_another() -> None:
    row = _only("全市上市企业增速从2021年的40.1%提高到2022年的45%。")
    assert (row.year, row.value, row.measure) == (2021, Decimal("40.1"), "change_pct")


def test_reads_the_year_of_a_communique_a_plan_report_a_work_report_and_a_release() -> None:
    communique = ("# source: 杭州市2022年国民经济和社会发展统计公报, 杭州市统计局, 2023-03-16\n"
                  "杭州市2022年国民经济和社会发展统计公报\n年末全市上市企业36家。\n")
    plan_report = ("关于杭州市2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告\n"
                   "一、2021年全市国民经济和社会发展计划执行情况\n新增上市企业5家。\n")
    work_report = "2024年杭州市政府工作报告\n过去一年，全市新增上市企业6家。\n"
    release = "2023年1—9月杭州市经济运行情况\n全市规模以上工业增加值增长6.2%。\n"
    assert [read_text(text, EXAMPLE_PLAN).rows[0].year for text in (communique, plan_report, work_report)] == [
        2022, 2021, 2023]
    assert read_text(release, EXAMPLE_PLAN).rows[0].as_of == "2023-09"


def test_a_headline_repeating_its_text_is_read_once() -> None:
    text = ("# source: 杭州上市企业已达39家, 杭州日报, 2023-01-18\n杭州上市企业已达39家\n"
            "2022年，全市上市企业达到39家。\n")
    assert [(r.year, r.value, r.as_of) for r in read_text(text, EXAMPLE_PLAN).rows] == [(2022, 39, "")]


def test_reads_the_name_between_time_verb_and_bound_words() -> None:
    assert _only("其中，年末全市上市企业39家。").indicator == "listed_companies"
    assert _only("全市高新技术企业数量达到6348家。").indicator == "high_tech_enterprises"
    assert _only("我市上市企业39家。").indicator == "listed_companies"
    assert _only("全市规上工业增加值1234亿元。").indicator == "industrial_value_added"


def test_a_clause_without_a_name_continues_the_name_before_it() -> None:
    row = _only("全市规模以上工业企业研发经费530.1亿元，投入强度为1.97%。")
    assert (row.indicator, row.value, "承前" in row.note) == ("rnd_intensity", Decimal("1.97"), True)


def test_reads_a_name_printed_after_its_number() -> None:
    assert [(i, v) for i, _, _, v, *_ in _rows("全市累计建成210个智能工厂、36个绿色工厂。")] == [
        ("smart_factories", 210), ("green_factories", 36)]


def test_scope_words_that_differ_from_the_plans_make_the_scope() -> None:
    row = _only("全市高新技术企业6348家。")
    assert row.scope == "高新技术企业（全行业），规划为制造业领域高新技术企业"
    assert "口径近似" in row.note


def test_one_of_the_kinds_the_indicator_joins_is_a_lower_bound() -> None:
    row = _only("年末全市挂牌企业52家。")
    assert (row.indicator, row.value, row.comparator, row.measure) == ("listed_quoted_companies", 52, ">=", "")
    assert row.scope == "挂牌企业，规划为上市挂牌企业"
    assert "下限值" in row.note


def test_a_name_without_a_word_of_the_indicators_is_read_with_its_wider_scope() -> None:
    row = _only("年末全市在役机器人2.1万台。")
    assert (row.indicator, row.value) == ("industrial_robots", 21000)
    assert row.scope == "在役机器人，规划为在役工业机器人"
    # the word dropped is inside the name: a name without its first word is another thing
    assert _read("年末全市机器人2.1万台。").rows == []


def test_a_figure_of_the_plans_scope_is_chosen_before_one_of_another() -> None:
    reading = _read("全市高新技术企业6348家，其中制造业领域高新技术企业4000家。")
    assert [(r.indicator, r.value, r.scope) for r in reading.rows] == [("high_tech_enterprises", 4000, "")]
    assert (Decimal(6348), "actual.refuse.one_per_year") in [(r.value, r.why) for r in reading.refused]


TABLE = """# source: 杭州市2023年科技经费投入统计公报, 杭州市统计局, 2024-09-20
杭州市2023年科技经费投入统计公报
2023年分行业规模以上工业企业研发经费情况
行业
|
研发经费(亿元)
|
投入强度(%)
|
合计
|
530.1
|
1.97
|
制造业
|
500.2
|
2.10
|
全年全市上市企业39家。
"""


def test_reads_a_table_printed_one_cell_a_line() -> None:
    reading = read_text(TABLE, EXAMPLE_PLAN)
    assert [(r.indicator, r.year, r.value, r.scope) for r in reading.rows] == [
        ("rnd_intensity", 2023, Decimal("1.97"), ""), ("listed_companies", 2023, 39, "")]
    [row] = [r for r in reading.rows if r.indicator == "rnd_intensity"]
    assert row.quote == ("2023年分行业规模以上工业企业研发经费情况；行业 | 研发经费(亿元) | 投入强度(%)；"
                         "合计 | 530.1 | 1.97")
    assert row.line == 10  # the line of the row's label
    assert (Decimal("2.10"), "actual.refuse.one_per_year") in [(r.value, r.why) for r in reading.refused]


def test_reads_a_table_of_tab_separated_rows_with_a_column_of_years() -> None:
    text = STATISTICS_HEAD + "指标\t2021年\t2022年\n上市企业(家)\t33\t36\n全市上市企业39家。\n"
    reading = read_text(text, EXAMPLE_PLAN)
    # the years of a table's columns are not the year of the text after it (the communiqué's, 2023)
    assert [(r.year, r.value, r.line) for r in reading.rows] == [(2021, 33, 4), (2022, 36, 4), (2023, 39, 5)]


def test_a_table_by_a_breakdown_reads_its_total_and_its_rows_of_a_scope_or_of_the_region() -> None:
    by_industry = TABLE.replace("制造业\n|\n500.2", "采矿业\n|\n4.2\n|\n0.85\n|\n制造业\n|\n500.2")
    refused = [(r.value, r.why) for r in read_text(by_industry, EXAMPLE_PLAN).refused]
    assert (Decimal("0.85"), "actual.refuse.subset") in refused  # one industry: a part
    assert (Decimal("2.10"), "actual.refuse.one_per_year") in refused  # 制造业: a scope, read
    by_city = STATISTICS_HEAD + "2023年全省分市工业指标\n地区\t上市企业(家)\n杭州\t39\n宁波\t30\n"
    reading = read_text(by_city, EXAMPLE_PLAN)
    assert [(r.indicator, r.value) for r in reading.rows] == [("listed_companies", 39)]
    assert (30, "actual.refuse.subset") in [(r.value, r.why) for r in reading.refused]


def test_the_region_a_tables_caption_names_is_that_of_its_rows() -> None:
    text = TABLE.replace("2023年分行业", "2023年全省分行业").replace("合计\n|\n530.1\n|\n1.97\n|\n", "")
    reading = read_text(text, EXAMPLE_PLAN)
    assert [r.indicator for r in reading.rows] == ["listed_companies"]
    assert (Decimal("2.10"), "actual.refuse.elsewhere") in [(r.value, r.why) for r in reading.refused]


def test_cells_that_make_no_table_are_read_as_text() -> None:
    assert _rows("全市上市企业39家\n|\n全市绿色工厂120家\n|") == [
        ("listed_companies", "", 2023, 39, "", "", ""), ("green_factories", "", 2023, 120, "", "", "")]


def test_scales_a_unit_to_the_indicators() -> None:
    row = _only("全市规模以上工业总产值19592.76亿元。")
    assert (row.value, "折算为万亿元" in row.note) == (Decimal("1.959276"), True)
    assert _only("全市企业上云13万户。").value == 130000


def test_level_words_name_breakdowns() -> None:
    assert _rows("新认定国家级绿色工厂3家、省级绿色工厂12家。") == [
        ("green_factories", "national", 2023, 3, "new", "", ""),
        ("green_factories", "provincial", 2023, 12, "new", "", "")]


def test_an_item_of_a_list_continues_the_verb_and_level_before_it() -> None:
    assert [(i, v, m) for i, _, _, v, m, *_ in _rows("新认定市级智能工厂17个、数字化车间224个。")] == [
        ("smart_factories", 17, "new"), ("digital_workshops", 224, "new")]


def test_respectively_pairs_names_and_numbers() -> None:
    assert [(i, v) for i, _, _, v, *_ in _rows("全市关键工序数控化率、两化融合发展水平分别达到56.6%、60.7。")] == [
        ("nc_rate_key_processes", Decimal("56.6")), ("ii_integration_index", Decimal("60.7"))]


def test_traditional_characters_are_read_and_quoted_as_printed() -> None:
    row = _only("全市規模以上工業總產值超2.6萬億元。")
    assert (row.indicator, row.value) == ("industrial_output", Decimal("2.6"))
    assert "規模以上工業總產值" in row.note


def test_reads_the_part_of_the_year_a_releases_title_names() -> None:
    quarters = "2023年前三季度杭州市经济运行情况\n全市规模以上工业增加值增长6.2%。\n"
    months = "2023年1-9月份杭州市经济运行情况\n全市规模以上工业增加值增长6.2%。\n"
    for text in (quarters, months):
        reading = read_text(text, EXAMPLE_PLAN)
        assert reading.publication.date == ""  # 2023年1-9 is no day
        assert [(r.year, r.measure, r.as_of) for r in reading.rows] == [(2023, "change_pct", "2023-09")]


def test_a_period_said_alone_is_that_of_the_sentences_after_it() -> None:
    text = ("# source: 杭州经济运行, 杭州市统计局, 2023-10-20\n前三季度杭州经济稳中有进\n"
            "前三季度，全市经济运行稳中有进。全市规模以上工业增加值增长6.2%，新增上市企业5家。\n"
            "2022年末，全市上市企业39家。\n")
    rows = read_text(text, EXAMPLE_PLAN).rows
    assert [(r.indicator, r.year, r.as_of) for r in rows] == [
        ("industrial_value_added", 2023, "2023-09"), ("listed_companies", 2023, "2023-09"),
        ("listed_companies", 2022, "")]
    assert "为前三季度数" in rows[0].note


def test_reads_other_spellings_of_the_months_so_far_and_a_months_end() -> None:
    assert _only("1月至10月，全市规模以上工业增加值增长3.4%。").as_of == "2023-10"
    assert _only("前11个月，全市规模以上工业增加值增长6.0%。").as_of == "2023-11"
    assert _only("1—3季度，全市规上工业增加值同比增长2.7%，比1—8月份加快了0.8个百分点。").as_of == "2023-09"
    assert _only("6月末，全市上市企业41家。").as_of == "2023-06"
    assert _only("全市规模以上工业增加值上半年增长6.2%。").as_of == "2023-06"


def test_refuses_a_figure_of_one_month_alone() -> None:
    assert _refused("9月份，全市规模以上工业增加值增长7.1%。", "7.1") == "actual.refuse.one_month"
    assert _refused("今年9月，全市规上工业增加值同比增长8.9%。", "8.9") == "actual.refuse.one_month"
    assert _refused("1月至10月，全市规模以上工业增加值增长3.4%，其中10月份增长7.3%。", "7.3") == \
        "actual.refuse.one_month"
    assert _only("1月至10月，全市规模以上工业增加值增长3.4%，其中10月份增长7.3%。").value == Decimal("3.4")


def test_the_year_so_far_is_as_of_the_month_of_publication() -> None:
    rows = read_text("# source: 杭州上市企业扩容, 杭州日报, 2024-08-12\n今年以来，全市新增上市企业5家。\n",
                     EXAMPLE_PLAN).rows
    assert [(r.year, r.measure, r.as_of) for r in rows] == [(2024, "new", "2024-08")]


def test_of_two_parts_of_a_year_the_longer_is_chosen() -> None:
    text = ("# source: 杭州工业运行, 杭州日报, 2023-10-20\n杭州工业运行\n"
            "1—8月，全市规上工业增加值增长5.1%。1—9月，全市规上工业增加值增长5.6%。\n")
    reading = read_text(text, EXAMPLE_PLAN)
    assert [(r.value, r.as_of) for r in reading.rows] == [(Decimal("5.6"), "2023-09")]
    assert (Decimal("5.1"), "actual.refuse.one_per_year") in [(r.value, r.why) for r in reading.refused]


def test_a_list_of_names_pairs_with_as_many_numbers_after_one_verb() -> None:
    assert [(i, v) for i, _, _, v, *_ in _rows("年末全市上市企业、上市挂牌企业达到39家、52家。")] == [
        ("listed_companies", 39), ("listed_quoted_companies", 52)]


def test_numbers_listed_without_names_pair_with_the_last_list_of_names() -> None:
    after_respectively = _read("全市智能工厂、数字化车间分别达到127个、600个，分别新增17个、224个。")
    assert [(r.indicator, r.value, r.measure) for r in after_respectively.rows] == [
        ("smart_factories", 127, ""), ("digital_workshops", 224, "new")]  # 600: a running total of a period's count
    assert ("smart_factories", Decimal(17)) in [(r.indicator, r.value) for r in after_respectively.refused]
    after_items = _read("全市新认定智能工厂17个、绿色工厂22家，累计分别达到127个、300家。")
    assert [(r.indicator, r.value, r.measure) for r in after_items.rows] == [
        ("smart_factories", 127, ""), ("green_factories", 300, "")]


def test_a_level_alone_in_a_list_takes_the_name_of_the_last() -> None:
    expected = [("green_factories", "national", 2023, 3, "new", "", ""),
                ("green_factories", "provincial", 2023, 12, "new", "", "")]
    assert _rows("全市新增国家级、省级绿色工厂分别为3家、12家。") == expected
    assert _rows("全市新增国家级、省级绿色工厂3家、12家。") == expected


def test_traditional_quotes_and_punctuation_are_read_as_simplified_ones() -> None:
    row = _only("全市規模以上工業增加值比「十三五」末增長30﹪。")
    assert (row.value, row.measure) == (Decimal(30), "change_pct_vs_base")
    assert "「十三五」" in row.note and "30﹪" in row.note


def test_pinyin_glosses_are_read_through_and_quoted_as_printed() -> None:
    row = _only("1月至10月，全市規(guī)模以上工業(yè)增加值同比增長(zhǎng)10.2%。")
    assert (row.value, row.measure, row.as_of) == (Decimal("10.2"), "change_pct", "2023-10")
    assert "規(guī)模以上工業(yè)增加值同比增長(zhǎng)10.2%" in row.note


def test_a_later_point_of_an_enumeration_opens_with_the_year_before_the_first() -> None:
    reading = _article("杭州经信局答记者问", "2024-09-29",
                       "一是总量提升。2023年，全市上市企业39家。二是结构优化。全市高新技术企业达6348家。")
    assert [(r.indicator, r.year, r.value, r.as_of) for r in reading.rows] == [
        ("listed_companies", 2023, 39, ""), ("high_tech_enterprises", 2024, 6348, "2024-09")]
    # a year said before the first point holds in every point
    reading = _article("杭州经信局答记者问", "2024-09-29",
                       "2023年，全市工业稳中有进：一是总量提升，全市上市企业39家。二是结构优化。全市高新技术企业达6348家。")
    assert [(r.year, r.as_of) for r in reading.rows] == [(2023, ""), (2023, "")]


def test_a_date_of_the_source_line_with_a_note_is_the_date_of_publication() -> None:
    text = "# source: 答记者问, 杭州日报, 2022-10-20 (the copy prints 10月20日 without a year), http://x.cn/1\n" \
           "目前全市上云企业超13万户。\n"
    reading = read_text(text, EXAMPLE_PLAN)
    assert reading.publication.date == "2022-10-20"
    assert [(r.year, r.as_of) for r in reading.rows] == [(2022, "2022-10")]


def test_reads_a_share_of_all_industry_as_the_manufacturing_share_with_its_scope() -> None:
    row = _only("全市工业增加值占地区生产总值比重为28.3%。")
    assert (row.indicator, row.value) == ("mfg_share_gdp", Decimal("28.3"))
    assert row.scope == "工业增加值占地区生产总值比重（全部工业），规划为制造业增加值占地区生产总值比重"
    assert "口径近似" in row.note
    row = _only("全口径工业增加值占GDP比重28.6%。")
    assert (row.indicator, row.value) == ("mfg_share_gdp", Decimal("28.6"))
    assert row.scope.endswith("规划为制造业增加值占地区生产总值比重")
    # a share of another whole, or an amount, is not the manufacturing share
    for paragraph in ("全市工业增加值占规模以上工业增加值比重为95%。", "全市工业增加值8000亿元。"):
        assert "mfg_share_gdp" not in [r.indicator for r in _read(paragraph).rows]


def test_a_count_after_its_examples_is_named_by_what_follows_it() -> None:
    assert [(r.indicator, r.value) for r in _read("全市确定华光科技等12家绿色工厂、东方电机等5家上市企业。").rows] == [
        ("green_factories", 12), ("listed_companies", 5)]


def test_the_count_of_a_published_list_is_the_years_recognitions_as_of_its_month() -> None:
    reading = _article("杭州公布专精特新中小企业名单", "2023-06-27",
                       "6月25日，市经信局公布了《2023年杭州市专精特新中小企业名单》，共1366家企业入选。")
    assert [(r.indicator, r.year, r.value, r.measure, r.as_of) for r in reading.rows] == [
        ("specialised_sme", 2023, 1366, "new", "2023-06")]
    assert "2023-06公布名单" in reading.rows[0].note
    # a notice of December, of the year before the plan's base year: kept, as of its month
    reading = _article("关于公布2019年专精特新企业名单的通知", "2019-12-17",
                       "现将杭州金顺玻璃有限公司等186家“专精特新”中小企业名单予以公布。")
    assert [(r.year, r.value, r.measure, r.as_of) for r in reading.rows] == [(2019, 186, "new", "2019-12")]
    # a count of firms said of no list stays a level
    assert _only("全市专精特新中小企业1366家。").measure == ""


def _article(title: str, date: str, body: str) -> Reading:
    """A press article of ``date`` about 杭州, read for the example plan."""
    return read_text(f"# source: {title}, 杭州日报, {date}\n{title}\n{body}\n", EXAMPLE_PLAN)


def _plan_of(*indicators: tuple[str, str, str]) -> PlanContext:
    """A city's 2021—2025 plan of these (id, name, unit) levels."""
    return PlanContext("hangzhou", "杭州", "municipal", (2021, 2025), 2020, tuple(
        PlanIndicator(ident, name, unit, (), frozenset({"level"})) for ident, name, unit in indicators))


def test_a_respectively_clause_completes_the_names_listed_before_it() -> None:
    reading = _read("全市高技术制造业和装备制造业增加值分别增长10.5%和8.2%，占规模以上工业增加值的比重分别为19.5%和"
                    "40.1%。")
    assert [(r.indicator, r.value) for r in reading.rows] == [("high_tech_mfg_share", Decimal("19.5"))]
    assert Decimal("10.5") not in [r.value for r in reading.rows]
    also = _read("全市高技术制造业和装备制造业分别增长10.5%和8.2%，分别占规上工业增加值的21.3%和40.1%，"
                 "对工业增长的贡献率分别为35.2%和30.6%。")
    assert [(r.indicator, r.value) for r in also.rows] == [("high_tech_mfg_share", Decimal("21.3"))]


def test_a_list_says_its_first_names_head_and_its_last_names_tail_of_each_name() -> None:
    plan = _plan_of(("with_rnd_institutions", "建立研发机构的规模以上工业企业占比", "%"),
                    ("with_rnd_activity", "开展研发活动的规模以上工业企业占比", "%"))
    reading = read_text(STATISTICS_HEAD + "全市规模以上工业企业有研发机构和研发活动的占比分别达40%、55%。\n", plan)
    assert [(r.indicator, r.value) for r in reading.rows] == [
        ("with_rnd_institutions", 40), ("with_rnd_activity", 55)]


def test_a_share_of_those_having_something_reads_in_the_plans_order() -> None:
    row = _only("全市规模以上工业企业中有研发机构的占比为38%。")
    assert (row.indicator, row.value, row.scope) == ("rnd_institution_coverage", 38, "")


def test_a_share_printed_as_of_a_whole_names_that_whole() -> None:
    assert _refused("全市制造业增加值占规模以上工业增加值的79.9%。", "79.9") == "actual.refuse.denominator"
    assert _only("全市高技术制造业增加值占规模以上工业增加值的19.6%。").indicator == "high_tech_mfg_share"


def test_last_year_as_the_start_of_a_span_is_no_year_of_the_figures() -> None:
    reading = _article("杭州上半年工业运行", "2024-07-20", "上半年，全市经济延续了去年以来的恢复态势。"
                       "上半年，全市规模以上工业增加值增长6.1%。")
    assert [(r.year, r.as_of) for r in reading.rows] == [(2024, "2024-06")]


def test_the_examples_before_deng_are_no_part_of_the_name() -> None:
    row = _only("全市累计建成华光科技等市级智能工厂60个。")
    assert (row.indicator, row.value) == ("smart_factories", 60)
    assert clean_clause("累计建成甲、乙等绿色工厂") == "绿色工厂"
    assert clean_clause("中等规模企业") == "中等规模企业"
    assert clean_clause("高等院校") == "高等院校"


def test_a_heading_of_targets_met_is_a_review() -> None:
    text = ("2024年杭州市政府工作报告\n一、2023年工作回顾\n主要目标任务完成情况\n全市新增上市企业6家。\n"
            "二、2024年工作安排\n全市新增上市企业8家。\n")
    reading = read_text(text, EXAMPLE_PLAN)
    assert [(r.year, r.value) for r in reading.rows] == [(2023, 6)]
    assert [(r.value, r.why) for r in reading.refused] == [(8, "actual.refuse.target_section")]


def test_a_target_word_inside_another_word_is_no_target() -> None:
    assert _only("全市建成工业设计模拟实验室，累计创建绿色工厂171家。").value == 171
    assert _refused("全市拟创建绿色工厂30家。", "30") == "actual.refuse.target"


def test_a_count_before_its_name_after_the_region_a_label_or_the_name_before_it() -> None:
    reading = _read("年末，杭州已累计推动13万户企业“上云”，“一企一策”建成了60个智能工厂。")
    assert [(r.indicator, r.value) for r in reading.rows] == [("enterprises_on_cloud", 130000),
                                                               ("smart_factories", 60)]
    listed = _read("全年建成50个智能工厂、新增2万户企业“上云”。")
    assert [(r.indicator, r.value, r.measure) for r in listed.rows] == [
        ("smart_factories", 50, ""), ("enterprises_on_cloud", 20000, "new")]


def test_refuses_the_aims_of_the_year() -> None:
    reading = _article("杭州启动智能化改造行动", "2024-06-20", "年内新建50个智能工厂、新增2万户企业“上云”……"
                       "今年我市将新增上市企业10家。截至目前，全市已累计推动13万户企业“上云”。")
    assert [(r.indicator, r.value, r.as_of) for r in reading.rows] == [("enterprises_on_cloud", 130000, "2024-06")]
    assert {r.value: r.why for r in reading.refused if r.value in (50, 20000, 10)} == {
        50: "actual.refuse.target", 20000: "actual.refuse.target", 10: "actual.refuse.target"}
    assert _only("近三年内全市新增上市企业12家。").value == 12


def test_a_bullet_opens_no_name() -> None:
    row = _only("●全年新增上市企业6家")
    assert (row.indicator, row.value, row.measure) == ("listed_companies", 6, "new")


def test_the_months_of_a_sentences_own_figures_say_nothing_of_the_sentences_after_it() -> None:
    reading = _read("1—10月，全市规模以上工业增加值增长6.2%。全年新认定智能工厂17个。")
    assert [(r.indicator, r.as_of) for r in reading.rows] == [("industrial_value_added", "2023-10"),
                                                                ("smart_factories", "")]


def test_a_clause_of_a_name_and_a_count_continues_the_verb_and_level_before_it() -> None:
    reading = _read("全市累计建成国家级绿色工厂33家，智能工厂12个；市级智能工厂40个。")
    assert [(r.indicator, r.breakdown, r.value) for r in reading.rows] == [
        ("green_factories", "national", 33), ("smart_factories", "", 40)]
    assert (Decimal(12), "actual.refuse.level_subset") in [(r.value, r.why) for r in reading.refused]


def test_a_name_said_short_is_read_as_the_indicators_with_its_scope() -> None:
    row = _only("全市建成创新示范工厂12个。")
    assert (row.indicator, row.value) == ("innovation_demo_smart_factories", 12)
    assert row.scope == "创新示范工厂，规划为创新示范智能工厂"


def test_a_kind_of_what_the_indicator_counts_is_read_with_its_scope() -> None:
    rows = _read("新增国家级企业技术中心3家、省级企业技术中心20家，累计分别达28家、310家。").rows
    assert [(r.indicator, r.breakdown, r.value, r.measure) for r in rows] == [
        ("enterprise_rnd_institutions", "national", 28, ""), ("enterprise_rnd_institutions", "provincial", 310, "")]
    assert rows[0].scope == "国家级企业技术中心，规划为企业研发机构"


def test_the_year_a_figure_rose_from_is_not_that_of_the_sentences_after_it() -> None:
    reading = _article("杭州工业经济运行情况", "2024-11-29", "前三季度，全市规模以上工业增加值增速由2023年末的"
                       "6.0%提高至6.5%。全市新增上市企业5家。")
    assert ("listed_companies", 2024, 5, "new", "2024-11") in [
        (r.indicator, r.year, r.value, r.measure, r.as_of) for r in reading.rows]


def test_a_year_qualifying_a_noun_leaves_an_articles_figures_as_of_its_month() -> None:
    named = _article("杭州公布智能工厂名单", "2024-05-10", "日前，市经信局公布了2024年杭州市智能工厂名单。"
                     "全市累计建成智能工厂80个。")
    assert [(r.year, r.value, r.as_of) for r in named.rows] == [(2024, 80, "2024-05")]
    said = _article("杭州智能工厂建设成效", "2024-05-10", "何处长介绍，2024年，全市累计建成智能工厂80个。"
                    "全市上市企业41家。")
    assert [(r.year, r.value, r.as_of) for r in said.rows] == [(2024, 80, ""), (2024, 41, "")]


def test_proposed_recognitions_under_public_notice_are_additions_quoted_as_printed() -> None:
    reading = _article("杭州公示智能工厂拟认定名单", "2024-05-10", "日前，市經信局公示了2024年杭州市數字化車間和"
                       "智能工廠擬認定結果。其中，擬認定18個項目為2024年杭州市智能工廠，45個項目為2024年杭州市數字化車間。")
    assert [(r.indicator, r.year, r.value, r.measure, r.as_of) for r in reading.rows] == [
        ("smart_factories", 2024, 18, "new", "2024-05"), ("digital_workshops", 2024, 45, "new", "2024-05")]
    assert "擬認定18個項目為2024年杭州市智能工廠" in reading.rows[0].note and "公示" in reading.rows[0].note
    assert _refused("全市拟认定智能工厂18个。", "18") == "actual.refuse.target"


def test_a_count_is_named_by_what_it_is_recognised_as() -> None:
    rows = _read("全年新认定20个项目为杭州市智能工厂，45个项目为杭州市数字化车间。").rows
    assert [(r.indicator, r.value, r.measure) for r in rows] == [("smart_factories", 20, "new"),
                                                                  ("digital_workshops", 45, "new")]


def test_numbers_listed_with_one_unit_after_the_last_are_all_in_it() -> None:
    reading = _read("全市关键工序数控化率、两化融合发展水平分别为56.6%、60.7，比上年分别提高2.1和1.5个百分点。")
    assert [r.value for r in reading.rows] == [Decimal("56.6"), Decimal("60.7")]
    assert {r.value: r.why for r in reading.refused if r.value in (Decimal("2.1"), Decimal("1.5"))} == {
        Decimal("2.1"): "actual.refuse.points", Decimal("1.5"): "actual.refuse.points"}


def test_the_note_quotes_the_sentence_after_the_draft_mark() -> None:
    row = _only("全市上市企业总数达到39家。")
    assert row.note.startswith("draft: 原文“全市上市企业总数达到39家”")


def test_an_aim_of_no_figure_is_no_target() -> None:
    row = _only("以建设科技创新中心为目标，全市建设科学城，高新技术企业达到5109家。")
    assert (row.indicator, row.value) == ("high_tech_enterprises", 5109)
    assert _refused("以年产值100亿元为目标，全市新增上市企业8家。", "8") == "actual.refuse.target"


def test_the_year_a_figure_rose_to_is_the_year_of_the_sentences_after_it() -> None:
    reading = _article("杭州这十年", "2022-08-18",
                       "全市生产总值从2012年的0.78万亿元增至2021年的1.81万亿元。全市高新技术企业达到1.3万家。")
    assert [(r.indicator, r.year, r.as_of) for r in reading.rows] == [("high_tech_enterprises", 2021, "")]


def test_a_list_of_counts_each_printed_before_its_name() -> None:
    assert _rows("全市共评出12家绿色工厂、5个智能工厂和3家上市企业。") == [
        ("green_factories", "", 2023, Decimal(12), "", "", ""), ("smart_factories", "", 2023, Decimal(5), "", "", ""),
        ("listed_companies", "", 2023, Decimal(3), "", "", "")]
    reading = _read("全国范围内共选出1491家绿色工厂、104家智能工厂和205家上市企业。")
    assert reading.rows == []
    assert {(r.value, r.why) for r in reading.refused} == {
        (Decimal(1491), "actual.refuse.elsewhere"), (Decimal(104), "actual.refuse.elsewhere"),
        (Decimal(205), "actual.refuse.elsewhere")}


def test_refuses_a_figure_of_another_province() -> None:
    assert _refused("我省累计创建绿色工厂500余家。", "500") == "actual.refuse.elsewhere"
    assert _refused("名单公示，江苏37家绿色工厂、3个智能工厂入围。", "37") == "actual.refuse.elsewhere"
    assert _refused("浙江省累计创建绿色工厂300家。", "300") == "actual.refuse.elsewhere"
    assert _only("浙江省杭州市累计创建绿色工厂171家。").value == 171


def test_industrial_output_said_without_zong_is_gross_output() -> None:
    plan = _plan_of(("industrial_output", "全市工业总规模", "万亿元"))
    reading = read_text(STATISTICS_HEAD + "截至2023年，全市规模以上工业产值超过2万亿元。\n", plan)
    assert [(r.indicator, r.year, r.value, r.comparator) for r in reading.rows] == [
        ("industrial_output", 2023, Decimal(2), ">=")]


def test_a_measure_ending_a_list_is_said_of_each_name() -> None:
    row = _only("全市高技术产业和战略性新兴产业增加值占比分别达到19.1%、28.9%。")
    assert (row.indicator, row.value) == ("high_tech_mfg_share", Decimal("19.1"))
    assert row.scope.startswith("高技术产业增加值占比")


def test_a_work_conference_early_in_a_year_reviews_the_year_before() -> None:
    body = "会议指出，全市企业上云7.2万户，两化融合发展水平达到59.5。今年，全市将新增上市企业9家。"
    reading = _article("全市经济和信息化工作会议召开", "2022-01-20", body)
    assert [(r.indicator, r.year, r.value, r.as_of) for r in reading.rows] == [
        ("enterprises_on_cloud", 2021, 72000, ""), ("ii_integration_index", 2021, Decimal("59.5"), "")]
    assert [(r.value, r.why) for r in reading.refused] == [(9, "actual.refuse.target")]
    later = _article("全市经济和信息化工作会议召开", "2022-07-20", "会议指出，全市企业上云7.2万户。").rows
    assert [(r.year, r.as_of) for r in later] == [(2022, "2022-07")]


def test_a_threshold_passed_is_a_bound_only_without_the_exact_figure() -> None:
    reading = _read("全市规模以上工业总产值跨越3万亿元大关，达到3.14万亿元。")
    assert [(r.indicator, r.value, r.comparator) for r in reading.rows] == [
        ("industrial_output", Decimal("3.14"), "")]
    assert [(r.value, r.why) for r in reading.refused] == [(3, "actual.refuse.one_per_year")]
    row = _only("全市规模以上工业总产值迈上3万亿元新台阶。")
    assert (row.value, row.comparator) == (3, ">=")


def test_a_count_joined_with_another_kind_is_no_count_of_the_indicator() -> None:
    assert _refused("全市已培育智能工厂及相关系统集成商近150家。", "150") == "actual.refuse.joined"
    assert _refused("全市绿色工厂与绿色供应链企业合计90家。", "90") == "actual.refuse.joined"
    assert _only("全市智能工厂近150个。").comparator == "<"


def test_a_list_named_before_it_is_published_or_noticed_counts_the_years_recognitions() -> None:
    reading = _article("市级绿色工厂名单出炉", "2023-09-14", "2023年度市级绿色工厂名单正式发布，共37家企业上榜。")
    assert [(r.indicator, r.year, r.value, r.measure, r.as_of) for r in reading.rows] == [
        ("green_factories", 2023, 37, "new", "2023-09")]
    notice = _article("关于智能工厂名单的公示", "2023-11-02", "现将26家智能工厂名单予以公示。")
    assert [(r.indicator, r.value, r.measure, r.as_of) for r in notice.rows] == [
        ("smart_factories", 26, "new", "2023-11")]


def test_a_firm_named_before_a_count_recognised_as_the_indicator_says_no_verb() -> None:
    reading = _article("杭州公示智能工厂拟认定名单", "2024-05-10",
                       "经专家评审，拟认定某某机械有限公司等21个项目为2024年杭州市智能工厂，现予以公示。")
    assert [(r.indicator, r.year, r.value, r.measure) for r in reading.rows] == [("smart_factories", 2024, 21, "new")]


def test_the_most_specific_refusal_is_listed() -> None:
    assert _refused("全市单位地区生产总值能耗近5年累计下降16.3%。", "16.3") == "actual.refuse.other_indicator"
    assert _refused("全市高新技术企业数量5年增长2.5倍。", "2.5") == "actual.refuse.earlier_year"
    assert _refused("全市高技术制造业产值占规模以上工业产值比重提高1.4个百分点。", "1.4") == "actual.refuse.points"


# --------------------------------------------------------------------------------------------------------------
# the command line
# --------------------------------------------------------------------------------------------------------------


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with the Mianyang plan (and its source text) and an empty actuals folder."""
    (tmp_path / "targets").mkdir()
    shutil.copy(ROOT / "targets" / "mianyang.toml", tmp_path / "targets")
    (tmp_path / "docs" / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "sources" / "mianyang.txt", tmp_path / "docs" / "sources")
    (tmp_path / "actuals").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("GAPCALC_TARGETS", "GAPCALC_ACTUALS", "GAPCALC_LANG", "GAPCALC_QUIET"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_prints_the_rows_as_csv_and_saves_the_text(workspace: Path) -> None:
    code, out, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("energy_per_unit_iva,2018,-4.04,,https://web.xiaze.org/tjgb/201903/57167-4.html,")
    assert "draft: 原文“单位工业增加值能耗下降4.04%”" in lines[1] and ",change_pct," in lines[1]
    saved = workspace / "actuals" / "sources" / "mianyang_2018_communique.txt"
    assert saved.read_text(encoding="utf-8") == MIANYANG_2018.read_text(encoding="utf-8")
    assert "actuals/sources/mianyang_2018_communique.txt" in err
    assert "3.72% (energy_per_unit_iva): another indicator" in err


def test_appends_without_rewriting_a_byte_of_the_file(workspace: Path) -> None:
    """A user's file (BOM, CRLF, quotes doubled, a note over two lines, no last line end) keeps every byte; the new
    row follows in its line ends, and the file reads clean but for the mark of the row to review."""
    target = workspace / "actuals" / "mianyang.csv"
    before = (FIXTURES / "user_rows.csv").read_bytes()
    target.write_bytes(before)
    code, out, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 0, err
    assert out == ""
    after = target.read_bytes()
    assert after.startswith(before) and after != before
    added = after[len(before):]
    assert added.startswith(b"\r\nenergy_per_unit_iva,2018,-4.04,") and added.endswith(b"\r\n")
    assert added.count(b"\r\n") == 2
    assert "appended 1 row to actuals/mianyang.csv" in err
    code, out, err = _run("check", "actuals/mianyang.csv")
    assert code == 0, out + err
    assert "GC330" in out and "3 rows read, 3 used" in err


def test_an_identical_row_is_skipped_and_said(workspace: Path) -> None:
    assert _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")[0] == 0
    first = (workspace / "actuals" / "mianyang.csv").read_bytes()
    assert first.startswith(b"\xef\xbb\xbfindicator,year,value,")
    code, _, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 0, err
    assert "skipped energy_per_unit_iva 2018: line 2 of actuals/mianyang.csv has it" in err
    assert "nothing new for actuals/mianyang.csv" in err
    assert (workspace / "actuals" / "mianyang.csv").read_bytes() == first


def test_a_conflicting_row_is_reported_and_not_written(workspace: Path) -> None:
    target = workspace / "actuals" / "mianyang.csv"
    before = b"indicator,year,value,measure,note\nenergy_per_unit_iva,2018,-3.9,change_pct,typed earlier\n"
    target.write_bytes(before)
    code, _, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 1
    assert ("not written: energy_per_unit_iva 2018 change_pct -4.04 conflicts with line 2 of actuals/mianyang.csv "
            "(change_pct -3.9)") in err
    assert target.read_bytes() == before


def test_a_row_needing_a_column_the_file_lacks_is_not_written(workspace: Path) -> None:
    target = workspace / "actuals" / "mianyang.csv"
    target.write_bytes(b"indicator,year,value,note\n")
    code, _, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 1
    assert "has no column source, source_title, measure" in err
    assert target.read_bytes() == b"indicator,year,value,note\n"


def test_reads_standard_input(workspace: Path) -> None:
    code, out, err = _run("draft-actuals", "mianyang", "-", stdin=MIANYANG_2018.read_bytes())
    assert code == 0, err
    assert "energy_per_unit_iva,2018,-4.04," in out
    assert any(path.name.startswith("stdin-") for path in (workspace / "actuals" / "sources").iterdir())


def test_exit_1_when_nothing_is_found(workspace: Path) -> None:
    prose = workspace / "prose.txt"
    prose.write_text("绵阳市召开会议\n会议要求各单位认真落实。\n", encoding="utf-8")
    code, out, err = _run("draft-actuals", "mianyang", str(prose), "-o", "actuals/mianyang.csv")
    assert (code, out) == (1, "")
    assert "no figure for the indicators of mianyang was found" in err
    assert not (workspace / "actuals" / "mianyang.csv").exists()
    assert not (workspace / "actuals" / "sources").exists()


@pytest.mark.parametrize(("args", "said"), [
    (("draft-actuals", "nowhere", "doc.txt"), "no plan 'nowhere'"),
    (("draft-actuals", "mianyang", "missing.txt"), "missing.txt"),
    (("draft-actuals", "mianyang", "empty.txt"), "no text"),
    (("draft-actuals", "mianyang", "-", "-"), "more than once"),
])
def test_exit_2_when_a_document_or_the_plan_cannot_be_read(workspace: Path, args: tuple[str, ...],
                                                           said: str) -> None:
    (workspace / "doc.txt").write_text("x\n", encoding="utf-8")
    (workspace / "empty.txt").write_text("\n", encoding="utf-8")
    code, _, err = _run(*args, stdin=b"")
    assert code == 2
    assert said in err


def test_a_different_saved_text_is_replaced_only_with_force(workspace: Path) -> None:
    sources = workspace / "actuals" / "sources"
    sources.mkdir()
    (sources / "mianyang_2018_communique.txt").write_text("another text\n", encoding="utf-8")
    code, _, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 2 and "already exists with another text" in err
    assert not (workspace / "actuals" / "mianyang.csv").exists()
    assert _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv", "--force")[0] == 0
    assert (sources / "mianyang_2018_communique.txt").read_text(encoding="utf-8").startswith("# source:")


def test_round_trip_draft_check_review_report(workspace: Path) -> None:
    """A communiqué excerpt → draft-actuals → check warns of the row not reviewed (GC330) and --strict fails →
    the figure checked against the saved text and its mark removed → check clean → report assesses it."""
    code, _, err = _run("draft-actuals", "mianyang", str(MIANYANG_2018), "-o", "actuals/mianyang.csv")
    assert code == 0, err
    code, out, err = _run("check", "actuals/mianyang.csv")
    assert code == 0 and "GC330" in out and "row not reviewed" in out
    assert _run("check", "--strict", "actuals/mianyang.csv")[0] == 1
    target = workspace / "actuals" / "mianyang.csv"
    text = target.read_text(encoding="utf-8-sig")
    quote = text.split("原文“", 1)[1].split("”", 1)[0]
    assert quote in (workspace / "actuals" / "sources" / "mianyang_2018_communique.txt").read_text(encoding="utf-8")
    target.write_text(text.replace("draft: 原文", "原文"), encoding="utf-8")
    code, out, err = _run("check", "--strict", "actuals/mianyang.csv")
    assert code == 0, out + err
    assert "0 errors, 0 warnings" in err
    code, out, err = _run("report", "mianyang", "2018", "-f", "csv")
    assert code == 0, err
    header, *rows = out.splitlines()
    columns = header.split(",")
    energy = next(dict(zip(columns, row.split(","), strict=False)) for row in rows
                  if row.split(",")[1] == "energy_per_unit_iva")
    assert energy["actual"] == "95.96" and energy["actual_year"] == "2018"
    assert energy["status"] not in ("", "no_data")
