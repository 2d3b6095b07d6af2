"""One test per rule form of the drafter, on short sentences in the style of many provinces' and cities' plans
(Shanghai's 2023–2025 three-year plan as quoted in the news, Chongqing, Sichuan, Zhejiang cities), in simplified
and traditional characters, with full- and half-width punctuation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gapcalc.draft.document import SourceDocument
from gapcalc.draft.extraction import Statement
from gapcalc.draft.recognise import extract
from gapcalc.draft.write import ReviewItem, merge_repeated, render

HEAD = "杭州市制造业高质量发展行动计划(2021—2025年)\n二、主要目标\n"


def statements(sentence: str) -> list[Statement]:
    return extract(SourceDocument(HEAD + sentence + "\n")).statements


def brief(statement: Statement) -> tuple[object, ...]:
    first = statement.values[0]
    return (statement.name_zh, statement.unit, statement.kind, first.year, first.value, first.comparator,
            first.upper, first.printed)


@pytest.fixture(name="shanghai_traditional")
def fixture_shanghai_traditional() -> list[Statement]:
    return statements("到2025年，工業增加值超過1.3萬億元，占地區生產總值比重達25%以上，工業投資年均增長5%。")


def test_traditional_money_magnitude_stays_in_unit(shanghai_traditional: list[Statement]) -> None:
    assert brief(shanghai_traditional[0]) == ("工业增加值", "万亿元", "level", 2025, Decimal("1.3"), ">", None, None)
    assert shanghai_traditional[0].quote == "工業增加值超過1.3萬億元"


def test_share_with_yishang(shanghai_traditional: list[Statement]) -> None:
    assert brief(shanghai_traditional[1])[1:6] == ("%", "level", 2025, Decimal(25), ">=")


def test_annual_growth(shanghai_traditional: list[Statement]) -> None:
    statement = shanghai_traditional[2]
    assert (statement.kind, statement.change, statement.values[0].value) == ("annual_growth", "increase", Decimal(5))


def test_unit_per_person_and_inherited_year_note() -> None:
    found = statements("工業勞動生產率超過50萬元/人。")
    assert brief(found[0]) == ("工业劳动生产率", "万元/人", "level", 2025, Decimal(50), ">", None, None)
    assert any(n.startswith("draft: no year") for n in found[0].notes)


def test_list_sharing_one_verb() -> None:
    found = statements("到2025年,科技型企业、高新技术企业、专精特新企业分别达到4.5万家、8000家、1500家。")
    assert [brief(s) for s in found] == [
        ("科技型企业", "家", "cumulative", 2025, Decimal(45000), "=", None, "4.5万"),
        ("高新技术企业", "家", "cumulative", 2025, Decimal(8000), "=", None, None),
        ("专精特新企业", "家", "cumulative", 2025, Decimal(1500), "=", None, None),
    ]


def test_quota_every_year() -> None:
    found = statements("每年新增规模以上工业企业200家以上。")
    assert found[0].kind == "new_in_year"
    assert [(v.year, v.value, v.comparator) for v in found[0].values] == [
        (year, Decimal(200), ">=") for year in range(2021, 2026)]


def test_period_total() -> None:
    found = statements("“十四五”期间全市企业研发投入累计2500亿元以上。")
    assert brief(found[0]) == ("全市企业研发投入", "亿元", "period_total", 2025, Decimal(2500), ">=", None, None)
    assert found[0].period == (2021, 2025)


def test_change_with_base_year() -> None:
    found = statements("到2025年,单位工业增加值能耗比2020年下降16%。")
    statement = found[0]
    assert (statement.kind, statement.change, statement.base_year, statement.direction) == (
        "change_vs_baseline", "decrease", 2020, "down")


def test_percentage_points() -> None:
    found = statements("到2025年,高技术制造业营业收入占规模以上工业比重提高5个百分点。")
    assert (found[0].kind, found[0].unit, found[0].change) == ("pp_change", "个百分点", "increase")


def test_ranges() -> None:
    found = statements("到2025年,建设1—2家全球灯塔工厂,打造3~5个工业互联网平台。")
    assert [brief(s) for s in found] == [
        ("全球灯塔工厂", "家", "cumulative", 2025, Decimal(1), "range", Decimal(2), None),
        ("工业互联网平台", "个", "cumulative", 2025, Decimal(3), "range", Decimal(5), None),
    ]


def test_chinese_numerals_and_magnitudes() -> None:
    found = statements("到2025年,工业总产值突破五千亿元,每年至少开展两次对接活动。")
    assert brief(found[0]) == ("工业总产值", "亿元", "level", 2025, Decimal(5000), ">", None, "五千")
    assert brief(found[1]) == ("对接活动", "次", "level", 2021, Decimal(2), ">=", None, "两")


def test_qualitative_targets() -> None:
    found = statements("智能制造人才队伍基本建立,全市制造业高质量发展水平居全省前列。")
    assert [(s.name_zh, s.kind, s.values[0].text) for s in found] == [
        ("智能制造人才队伍", "qualitative", "基本建立"), ("全市制造业高质量发展水平", "qualitative", "居全省前列")]


def test_doubling() -> None:
    found = statements("到2025年,规模以上工业企业数量翻番。")
    assert brief(found[0]) == ("规模以上工业企业", "-", "change_vs_baseline", 2025, Decimal(100), "=", None, "翻番")


def test_levels_share_one_verb() -> None:
    found = statements("到2022年,全市国家级绿色园区达到1个、省级2个、市级5个。")
    assert [(s.name_zh, s.breakdown_name, s.values[0].value) for s in found] == [
        ("全市绿色园区", "国家级", Decimal(1)), ("全市绿色园区", "省级", Decimal(2)),
        ("全市绿色园区", "市级", Decimal(5))]


@pytest.mark.parametrize("sentence", [
    "对认定的企业给予50万元奖励,最高不超过200万元。",
    "打造千亿级产业集群。",
    "实施“246”行动。",
    "根据《中国制造2025》和渝府发〔2021〕18号文件。",
    "意见反馈截止时间:2020年3月18日。",
    "市七届政府第 57 次常务会议审议通过。",
])
def test_not_targets(sentence: str) -> None:
    assert statements(sentence) == []


def test_threshold_inside_a_name_is_not_a_value() -> None:
    found = statements("到2025年,培育主营业务收入超10亿元的企业20家。")
    assert [s.values[0].value for s in found] == [Decimal(20)]


def test_ascii_punctuation_traditional() -> None:
    found = statements("到2025年,數字化研發設計工具普及率達到86.7%,關鍵工序數控化率達到65%.")
    assert [(s.name_zh, s.values[0].value) for s in found] == [
        ("数字化研发设计工具普及率", Decimal("86.7")), ("关键工序数控化率", Decimal(65))]


def test_text_cut_off_mid_sentence() -> None:
    assert statements("到2025年，数字化车间达到") == []
    found = statements("到2025年，智能工厂达到50个，数字化车间达到")
    assert [brief(s)[2:5] for s in found] == [("cumulative", 2025, Decimal(50))]


def table_statements(caption: str, *rows: str) -> list[tuple[object, ...]]:
    found = statements(caption + "\n" + "\n".join(rows))
    return [(s.name_zh, s.unit, s.kind, [(v.year, v.value) for v in s.values]) for s in found]


def test_table_column_before_the_period_is_the_baseline() -> None:
    assert table_statements("表2 嘉兴市工业设计中心年度目标分解表",
                            "类别\t单位\t2020年\t2021年\t2022年",
                            "省级工业设计中心\t个\t9\t3\t4") == [
        ("省级工业设计中心", "个", "baseline", [(2020, Decimal(9))]),
        ("省级工业设计中心", "个", "new_in_year", [(2021, Decimal(3)), (2022, Decimal(4))]),
    ]


def test_table_caption_year_before_the_period_makes_a_baseline_table() -> None:
    assert table_statements("表1 2020年全市重点企业配套采购情况表",
                            "类别\t采购额(亿元)\t本地配套企业(户)",
                            "电子信息\t120.5\t38") == [
        ("电子信息采购额", "亿元", "baseline", [(2020, Decimal("120.5"))]),
        ("电子信息本地配套企业", "户", "baseline", [(2020, Decimal(38))]),
    ]


def test_amount_with_a_year_like_number_is_no_year_column() -> None:
    found = table_statements("表1 2020年规上企业配套情况表",
                             "类别\t采购2000万元以上企业(户)",
                             "规上工业企业\t57")
    assert found == [("规上工业企业采购2000万元以上企业", "户", "baseline", [(2020, Decimal(57))])]


def test_empty_header_cell_under_a_label_is_not_filled_from_the_left() -> None:
    found = table_statements("表1 2020年全市龙头企业采购情况表",
                             "类别\t2020年采购情况\t\t本地配套占比(%)",
                             "\t采购额(亿元)\t本地采购额(亿元)\t",
                             "汽车\t56.6\t11.9\t21")
    assert [(name, unit) for name, unit, _, _ in found] == [
        ("汽车采购情况采购额", "亿元"), ("汽车采购情况本地采购额", "亿元"), ("汽车本地配套占比", "%")]


def test_words_in_brackets_are_no_units() -> None:
    found = table_statements("表2 工业设计中心年度目标分解表",
                             "类别\t2021年(新增)\t2022年(新增)",
                             "省级工业设计中心(企业)\t2\t1")
    assert found == [("省级工业设计中心(企业)", "-", "new_in_year", [(2021, Decimal(2)), (2022, Decimal(1))])]


def test_amounts_behind_a_rate_are_baselines_of_their_own() -> None:
    found = table_statements("表3 重点企业本地配套提升目标",
                             "企业名称\t2020年\t\t\t配套率目标(%)\t",
                             "\t采购金额(万元)\t本地采购金额(万元)\t本地配套率(%)\t2021年\t2022年",
                             "某某电器有限公司\t550000\t129250\t23.5\t24.0\t24.5")
    assert [(kind, unit, values) for _, unit, kind, values in found] == [
        ("baseline", "万元", [(2020, Decimal(550000))]),
        ("baseline", "万元", [(2020, Decimal(129250))]),
        ("baseline", "%", [(2020, Decimal("23.5"))]),
        ("level", "%", [(2021, Decimal("24.0")), (2022, Decimal("24.5"))]),
    ]


def test_table_comparing_places_keeps_only_the_plans_own_row() -> None:
    found = table_statements("表1 2020年省内部分城市品牌情况统计表",
                             "市别\t驰名商标(件)",
                             "宁波市\t45",
                             "杭州市\t38",
                             "温州市\t27")
    assert found == [("杭州市驰名商标", "件", "baseline", [(2020, Decimal(38))])]


def test_meeting_ordinals_are_not_counts() -> None:
    found = statements("为贯彻落实省委十四届二次、三次全会和市第十三次党代会精神,到2025年,全市规上工业企业达到2600家。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("全市规上工业企业", Decimal(2600))]


def test_target_year_ends_a_yearly_quota() -> None:
    found = statements("每年新增省级专精特新企业50家以上,到2025年,全市专精特新企业达到600家以上。")
    assert [(s.kind, [v.year for v in s.values]) for s in found] == [
        ("new_in_year", [2021, 2022, 2023, 2024, 2025]), ("cumulative", [2025])]


def test_total_over_the_years_is_a_period_total() -> None:
    found = statements("每年新增工业机器人应用1500台以上,三年总量突破5000台。")
    assert [s.kind for s in found] == ["new_in_year", "period_total"]


def test_this_years_additions_are_for_the_first_year() -> None:
    found = statements("全年整治提升“低小散”企业1200家。")
    assert [(s.kind, [(v.year, v.value) for v in s.values]) for s in found] == [
        ("new_in_year", [(2021, Decimal(1200))])]


def test_amount_qualifying_the_noun_after_it_is_no_value() -> None:
    found = statements("到2025年,盘活亩均税收5万元以下低效用地3000亩,培育亿元以上服务商20家。")
    assert [(s.unit, s.values[0].value) for s in found] == [("亩", Decimal(3000)), ("家", Decimal(20))]


def test_past_five_year_period_is_the_baseline_year() -> None:
    found = statements("“十三五”期间,单位工业增加值能耗累计下降18.5%,超目标任务3.5个百分点;工业用水重复利用率达到92%。")
    assert [(s.kind, s.values[0].year, s.values[0].value) for s in found] == [
        ("baseline", 2020, Decimal("18.5")), ("baseline", 2020, Decimal(92))]


def test_year_a_span_starts_from_is_no_target_year() -> None:
    found = statements("2018年以来,全市累计建成数字化车间120个。")
    assert [(s.kind, s.values[0].year) for s in found] == [("baseline", 2020)]


def test_count_of_the_items_just_listed_is_no_target() -> None:
    assert statements("到2025年,做强电子信息、汽车、装备制造、生物医药4个支柱产业。") == []
    assert statements("印发《数字化转型实施方案》《绿色制造实施方案》等2个配套文件。") == []


def test_named_items_with_a_making_verb_are_a_target() -> None:
    found = statements("到2025年,重点培育甲公司、乙公司、丙公司等3家系统解决方案供应商。")
    assert [(s.kind, s.values[0].value) for s in found] == [("cumulative", Decimal(3))]


def test_levels_listed_before_a_shared_noun() -> None:
    found = statements("到2025年,省、市级专精特新企业分别达到120家、300家。")
    assert [(s.name_zh, s.breakdown_name, s.values[0].value) for s in found] == [
        ("专精特新企业", "省级", Decimal(120)), ("专精特新企业", "市级", Decimal(300))]


def test_review_lists_a_note_made_for_many_indicators_once() -> None:
    items = [ReviewItem(10, "long name; shorten it"), ReviewItem(20, "no unit printed"),
             ReviewItem(30, "long name; shorten it"), ReviewItem(40, "long name; shorten it")]
    assert merge_repeated(items) == [ReviewItem(10, "long name; shorten it (and 2 more: lines 30, 40)"),
                                     ReviewItem(20, "no unit printed")]


def test_review_lists_a_note_repeated_within_one_indicator_once() -> None:
    found = extract(SourceDocument(HEAD + "工业机器人密度达到260台。\n工业机器人密度达到260台以上。\n"))
    review = [item.why for item in render(found, "hangzhou", "x.txt").review]
    assert sum(1 for why in review if why.startswith("no year in the sentence")) == 1


# Findings on two unseen plans (Shanghai's 2023–2025 plan, a news copy of another): one test per general rule.

def drafted(document: str, plan: str = "plan") -> tuple[str, list[str]]:
    """The TOML text of a draft of ``document`` and its review lines."""
    rendered = render(extract(SourceDocument(document)), plan, "x.txt")
    return rendered.text, [item.why for item in rendered.review]


@pytest.mark.parametrize(("sentence", "unit", "value"), [
    ("工业机器人使用密度力争达360台/万人。", "台/万人", Decimal(360)),
    ("工业劳动生产率超过50万元/人。", "万元/人", Decimal(50)),
    ("单位工业增加值能耗下降至0.45吨标准煤/万元。", "吨标准煤/万元", Decimal("0.45")),
    ("万元工业增加值用水量控制在18立方米/万元以内。", "立方米/万元", Decimal(18)),
    ("每亿元营业收入专利授权量达到12件/亿元。", "件/亿元", Decimal(12)),
])
def test_1_a_compound_unit_is_one_unit(sentence: str, unit: str, value: Decimal) -> None:
    found = statements("到2025年，" + sentence)
    assert [(s.unit, s.values[0].value, s.kind) for s in found] == [(unit, value, "level")]
    assert any("compound unit" in n for n in found[0].notes)


def test_1_a_shared_id_only_where_name_unit_and_measure_agree() -> None:
    text, review = drafted(HEAD + "到2025年，工业机器人使用密度力争达360台/万人，在役工业机器人达到5000台。\n")
    assert 'id = "industrial_robots_density"\nname_zh = "工业机器人使用密度"\nname_en = "draft: ' in text
    assert 'id = "industrial_robots"\nname_zh = "在役工业机器人"\nname_en = "Industrial robots in service"' in text
    assert any(why.startswith("the name resembles the shared indicator industrial_robots (count)") for why in review)


def test_2_a_news_headline_is_no_statement() -> None:
    document = ("上海：工业增加值将超1.3万亿元 工业投资年均增长5%\n" + HEAD
                + "到2025年，工业增加值超过1.3万亿元，工业投资年均增长5%。\n")
    found = extract(SourceDocument(document)).statements
    assert [(s.name_zh, s.line) for s in found] == [("工业增加值", 4), ("工业投资", 4)]


def test_2_comment_lines_at_the_top_of_a_text_file_are_no_plan_text() -> None:
    document = ("# source: 某市计划, 2024年数字经济核心产业增加值达到500亿元, http://example.gov.cn/p.html\n"
                "# note: cut\n")
    extraction = extract(SourceDocument(document + HEAD + "到2025年，智能工厂达到50个。\n"))
    assert [s.values[0].value for s in extraction.statements] == [Decimal(50)]
    assert (extraction.plan.title, extraction.plan.url) == (HEAD.splitlines()[0], "http://example.gov.cn/p.html")
    assert extract(SourceDocument(document + HEAD, format="html")).statements != []  # a text file's rule only


@pytest.mark.parametrize(("sentence", "name", "comparator"), [
    ("制造业质量竞争力指数提高至92以上。", "制造业质量竞争力指数", ">="),
    ("规模以上工业企业营业收入迈上4万亿元台阶。", "规模以上工业企业营业收入", ">="),
    ("工业增加值攀升至8000亿元。", "工业增加值", "="),
    ("工业总产值突破5000亿元。", "工业总产值", ">"),
    ("高新技术企业超过2000家。", "高新技术企业", ">"),
])
def test_3_verbs_of_reaching_are_read_and_cut_from_the_name(sentence: str, name: str, comparator: str) -> None:
    found = statements("到2025年，" + sentence)
    assert [(s.name_zh, s.values[0].comparator) for s in found] == [(name, comparator)]


@pytest.mark.parametrize(("sentence", "names"), [
    ("工業增加值超過1.3萬億元，占地區生產總值比重達25%以上。", ["工业增加值", "工业增加值占地区生产总值比重"]),
    ("数字经济核心产业增加值、占GDP比重分别达到3000亿元、12%。",
     ["数字经济核心产业增加值", "数字经济核心产业增加值占GDP比重"]),
    ("全社会研发经费投入年均增长10%，投入强度达到3%。", ["全社会研发经费投入", "全社会研发经费投入强度"]),
])
def test_3_a_name_keeps_its_subject_across_a_clause_and_a_list(sentence: str, names: list[str]) -> None:
    assert [s.name_zh for s in statements("到2025年，" + sentence)] == names


def test_3_a_bare_measure_without_a_subject_to_take_is_flagged() -> None:
    found = statements("到2025年，数字经济核心产业增加值占GDP比重达到12%，投入强度达到4%。")
    assert found[1].name_zh == "投入强度"
    assert any("the name may lack its subject" in n for n in found[1].notes)


def test_4_a_year_inside_the_clause_binds_the_number_after_it() -> None:
    found = statements("到2035年，关键工序数控化率达到80%，2024年达到65%。")
    assert [(s.name_zh, s.values[0].year, s.values[0].value) for s in found] == [
        ("关键工序数控化率", 2035, Decimal(80)), ("关键工序数控化率", 2024, Decimal(65))]


def test_4_a_name_starting_with_what_it_is_counted_per_makes_a_compound_unit() -> None:
    found = statements("到2025年，万元工业增加值用水量下降至20立方米。")
    assert [(s.name_zh, s.unit, s.values[0].value, s.kind, s.direction) for s in found] == [
        ("万元工业增加值用水量", "立方米/万元", Decimal(20), "level", "down")]


def test_4_a_total_over_a_span_of_years_is_a_period_total() -> None:
    found = statements("2021—2025年，累计完成工业投资3000亿元。")
    assert [(s.name_zh, s.kind, s.period, s.values[0].year) for s in found] == [
        ("工业投资", "period_total", (2021, 2025), 2025)]


def test_4_the_ensured_figure_is_the_target_and_the_striven_one_a_note() -> None:
    found = statements("到2025年，高新技术企业力争达到2000家，确保达到1800家。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("高新技术企业", Decimal(1800))]
    assert any("2000家 is striven for (力争) and 1800家 ensured (确保)" in n for n in found[0].notes)


def test_5_the_title_in_quotation_marks_or_the_first_line() -> None:
    quoted = extract(SourceDocument("近日，市政府印发《温州市制造业数字化转型行动计划（2023—2025年）》。\n"
                                    "到2025年，智能工厂达到50个。\n")).plan
    assert (quoted.title, quoted.region_zh, quoted.period) == ("温州市制造业数字化转型行动计划(2023—2025年)", "温州",
                                                               (2023, 2025))
    first = extract(SourceDocument("温州智能制造三年攻坚\n到2025年，智能工厂达到50个。\n")).plan
    assert first.title == "温州智能制造三年攻坚"
    assert any("first line" in n for n in first.notes)


def test_5_a_municipality_directly_under_the_centre_is_provincial_level() -> None:
    text, review = drafted("上海市推动制造业高质量发展三年行动计划(2023-2025年)\n到2025年，智能工厂达到50个。\n")
    assert 'admin_level = "provincial"' in text
    assert any("上海 is a municipality directly under the central government" in why for why in review)


def test_6_a_note_made_for_many_statements_is_said_once() -> None:
    text, review = drafted(HEAD + "到2025年，智能工厂达到50个。\n" + "".join(
        f"{name}达到{value}%。\n" for name, value in (("关键工序数控化率", 65), ("数字化研发设计工具普及率", 85),
                                                       ("工业互联网普及率", 45))))
    assert text.count("draft: no year in the sentence") == 1
    assert ("no year in the sentence of 3 statements; 2025 is taken from an earlier sentence or the plan's end: "
            "nc_rate_key_processes, digital_rnd_tools_rate, industrial_internet_rate") in review


def test_6_notes_for_a_cut_name_a_compound_unit_and_a_shared_id_given_twice() -> None:
    long_name = "以数据要素流通应用为核心的产业大脑和晨星工厂以及各类行业级工业互联网平台和区域级标识解析二级节点"
    cut = statements(f"到2025年，每年建设30个{long_name}。")
    assert any("name cut at 30 characters" in n for n in cut[0].notes)
    _, review = drafted(HEAD + "到2025年，智能工厂达到50个，关键工序数控化率达到65%，"
                        "规上企业关键工序数控化率达到70%。\n单位工业增加值能耗下降至0.5吨标准煤/万元。\n")
    assert any(why.startswith("the shared id nc_rate_key_processes is already given") for why in review)
    assert any(why.startswith("compound unit 吨标准煤/万元") for why in review)


YEARLY_TABLE = """湖州市绿色制造体系建设实施方案(2021—2023年)
三、重点任务
(一)创建绿色工厂。
到2023年，全市国家级绿色工厂达到9家，省级绿色工厂达到24家。
表3 2021-2023年湖州市绿色工厂创建目标
年份\t2021年\t2022年\t2023年
国家级\t2\t3\t4
省级\t8\t8\t8
(二)开发绿色设计产品。
到2023年，省级绿色设计产品达到30款。
表4 2021-2023年湖州市绿色设计产品目标
年份\t2021年\t2022年\t2023年
省级\t10\t20\t30
"""


def test_a_yearly_table_without_unit_takes_the_unit_and_kind_of_the_text_beside_it() -> None:
    found = [s for s in extract(SourceDocument(YEARLY_TABLE)).statements if s.table]
    assert [(s.name_zh, s.breakdown_name, s.unit, s.kind) for s in found] == [
        ("绿色工厂", "国家级", "家", "new_in_year"),  # 2 + 3 + 4 = 9: yearly additions
        ("绿色工厂", "省级", "家", "new_in_year"),  # 8 + 8 + 8 = 24
        ("绿色设计产品", "省级", "款", "cumulative"),  # the last number is the total: a running total
    ]
    assert any("taken from the text beside the table" in n for n in found[0].notes)


def test_a_total_the_yearly_additions_add_up_to_over_a_stated_stock_is_a_period_total() -> None:
    text = ("德阳市标准化提升行动计划(2021—2023年)\n一、发展现状\n"
            "截至2020年底，全市企业主导或参与制修订国家标准40个。\n二、主要目标\n(一)总体目标。到2023年，主导或参与制修订国家标准12个。\n(二)年度目标。\n"
            "表1 年度分解目标\n培育项目\t2021年\t2022年\t2023年\n参与制修订国家标准\t3\t4\t5\n")
    found = extract(SourceDocument(text)).statements
    assert [(s.kind, s.unit) for s in found if s.table] == [("new_in_year", "个")]
    assert [s.kind for s in found if not s.table and s.values[0].value == 12] == ["period_total"]


def test_a_numbered_row_with_a_sentence_in_a_cell_stays_in_its_table() -> None:
    text = (HEAD + "表5 重点培育企业名单\n序号\t企业名称\t现有基础\n1\t甲集团\t拥有3个国家级重点实验室。\n"
            "2\t乙科技\t拥有2个省级企业技术中心。\n到2025年，智能工厂达到50个。\n")
    assert [(s.name_zh, s.values[0].value) for s in extract(SourceDocument(text)).statements
            if s.kind != "baseline"] == [("智能工厂", Decimal(50))]


def test_a_count_restated_without_a_year_refers_to_the_one_before() -> None:
    found = statements("到2025年，打造电子、汽车等12条重点产业链。\n逐一落实12条重点产业链链长制。"
                       "聚焦重点行业和12条重点产业链，培育链主企业20家。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("重点产业链", Decimal(12)),
                                                                ("链主企业", Decimal(20))]


def test_a_noun_after_qualities_listed_before_de() -> None:
    found = statements("每年评选8个成效明显、带动性强的数字化改造标杆项目。")
    assert [(s.name_zh, s.kind) for s in found] == [("数字化改造标杆项目", "new_in_year")]


def test_a_comparator_after_the_last_number_of_a_list_binds_them_all() -> None:
    found = statements("到2025年，全市省级、市级服务型制造示范企业分别达到15家、40家以上。")
    assert [(s.values[0].value, s.values[0].comparator) for s in found] == [(Decimal(15), ">="), (Decimal(40), ">=")]


def test_a_list_of_numbers_takes_the_names_of_the_clause_before() -> None:
    found = statements("到2025年，全市科技型企业、高新技术企业数量全部翻番，分别达到6000家、1200家。")
    assert [(s.name_zh, s.values[0].value) for s in found if s.kind == "cumulative"] == [
        ("全市科技型企业", Decimal(6000)), ("高新技术企业", Decimal(1200))]


def test_new_built_completed_or_certified_counts_are_additions_over_the_period() -> None:
    found = statements("到2025年，新建产业创新中心15个，完成企业股改60家，建设认定绿色工厂40家，建成智能工厂30个。")
    assert [(s.name_zh, s.kind, s.period) for s in found] == [
        ("产业创新中心", "period_total", (2021, 2025)),
        ("企业股改", "period_total", (2021, 2025)),
        ("绿色工厂", "period_total", (2021, 2025)),
        ("智能工厂", "cumulative", None),
    ]


def test_a_list_after_a_verb_of_building_shares_it() -> None:
    found = statements("到2025年，新建5个产业创新中心和12个中试基地。")
    assert [(s.name_zh, s.kind) for s in found] == [("产业创新中心", "period_total"), ("中试基地", "period_total")]


def test_completed_as_a_qualifier_is_a_stock() -> None:
    found = statements("到2025年，完成智能化改造的规上企业达到900家。")
    assert (found[0].kind, found[0].values[0].value) == ("cumulative", Decimal(900))


def test_net_increase_is_a_verb_not_the_name() -> None:
    found = statements("到2025年，规上工业企业净增300家。")
    assert [(s.name_zh, s.kind, s.period) for s in found] == [("规上工业企业", "period_total", (2021, 2025))]


def test_a_name_that_is_only_a_verb_counts_enterprises() -> None:
    found = statements("每年完成入库认定300家。")
    assert (found[0].name_zh, found[0].kind) == ("入库认定企业", "new_in_year")


def test_a_verb_of_serving_names_what_is_served() -> None:
    found = statements("每年完成评估中小企业500家以上。")
    assert found[0].name_zh == "评估的中小企业"


def test_a_count_of_machines_names_the_machines_not_their_use() -> None:
    found = statements("到2025年，工业机器人应用达到6000台。")
    assert (found[0].name_zh, found[0].unit) == ("工业机器人", "台")


def test_a_list_of_examples_with_its_class_is_named_by_the_noun_after_the_count() -> None:
    found = statements("到2025年，重点培育集成电路、生物医药、新能源等新兴产业6条具有全国竞争力的产业链。")
    assert (found[0].name_zh, found[0].values[0].value) == ("产业链", Decimal(6))


def test_a_place_alone_names_nothing_the_noun_after_the_count_does() -> None:
    found = statements("截至2020年底，全省共有25个国家级工业设计中心、80个省级工业设计中心。")
    assert [(s.name_zh, s.kind, s.values[0].value) for s in found] == [
        ("国家级工业设计中心", "baseline", Decimal(25)), ("省级工业设计中心", "baseline", Decimal(80))]


def test_those_counted_are_named_by_what_they_do() -> None:
    found = statements("到2025年，推动5000家规模以上工业企业完成数字化改造，70%以上的中小企业实现设备联网。")
    assert [s.name_zh for s in found] == ["完成数字化改造的规模以上工业企业", "实现设备联网的中小企业占比"]


def test_events_held_every_year_are_a_level_of_each_year() -> None:
    found = statements("每年组织5场以上产需对接会。")
    assert found[0].kind == "level"
    assert [(v.year, v.value, v.comparator) for v in found[0].values] == [
        (year, Decimal(5), ">=") for year in range(2021, 2026)]


def test_each_name_of_a_list_before_jun_is_stated_the_number() -> None:
    found = statements("到2025年，规上工业亩均产值、亩均税收年均增长均达到6%以上。")
    assert [(s.name_zh, s.kind, s.values[0].value) for s in found] == [
        ("规上工业亩均产值", "annual_growth", Decimal(6)), ("规上工业亩均税收", "annual_growth", Decimal(6))]


def test_a_bare_magnitude_after_an_amount_of_money_is_in_yuan() -> None:
    found = statements("到2025年，链主企业营业收入突破2万亿。")
    assert (found[0].unit, found[0].values[0].value) == ("万亿元", Decimal(2))


def test_a_campaign_count_is_a_round_figure_of_additions() -> None:
    found = statements("到2025年，开展百名博士进企业活动。")
    assert (found[0].kind, found[0].values[0].comparator, found[0].period) == ("period_total", "~", (2021, 2025))


def test_a_campaign_count_restated_in_digits_is_one_target() -> None:
    found = statements("到2025年，推进万台设备联网，联网设备达到1万台以上。")
    assert [(s.name_zh, s.kind, s.values[0].comparator) for s in found] == [("联网设备", "cumulative", ">=")]


def test_a_clause_without_a_verb_shares_the_verb_before_it() -> None:
    found = statements("到2025年，新增国家级绿色工厂8家，绿色供应链管理企业5家。")
    assert [s.kind for s in found] == ["period_total", "period_total"]


def test_the_verb_before_a_list_of_changes_reads_every_number() -> None:
    found = statements("到2025年，单位产值能耗、单位产值水耗分别下降12%、10%。")
    assert [(s.kind, s.change) for s in found] == [("change_vs_baseline", "decrease")] * 2


def test_a_count_named_by_what_it_becomes() -> None:
    found = statements("到2025年，全市40家企业评为“省级服务型制造示范企业”。")
    assert found[0].name_zh == "省级服务型制造示范企业"


def test_a_goal_named_with_its_year_gives_that_year_to_the_list_spelling_it_out() -> None:
    found = statements("到2023年，全市实现“三优”发展目标；到2025年，规上企业达到3000家。"
                       "“三优”目标具体为：规上企业达到2000家，新增上市企业10家；数字化车间达到80个。")
    assert [(s.values[0].value, s.values[-1].year) for s in found] == [
        (Decimal(3000), 2025), (Decimal(2000), 2023), (Decimal(10), 2023), (Decimal(80), 2023)]


def test_a_stage_named_in_one_part_is_spelled_out_in_the_next() -> None:
    found = extract(SourceDocument(
        "杭州市制造业高质量发展行动计划(2021—2025年)\n一、总体要求\n到2023年为第一阶段，到2025年为第二阶段。\n"
        "二、主要目标\n第一阶段目标：智能工厂达到30个。\n")).statements
    assert [(s.values[0].value, s.values[0].year) for s in found] == [(Decimal(30), 2023)]


def test_an_item_of_a_list_without_a_verb_of_its_own_shares_the_additions() -> None:
    found = statements("到2025年，新增技术中心20个、品牌培育示范企业10家以上、培育试点企业5家。")
    assert [s.kind for s in found] == ["period_total", "period_total", "cumulative"]  # 培育 opens the last: its own


def test_a_yearly_fall_is_a_rate_in_every_year_of_the_plan() -> None:
    found = statements("每年新增智能工厂10个，单位产值能耗下降3%左右。")
    rate = found[1]
    assert (rate.kind, rate.change, rate.values[0].comparator) == ("annual_growth", "decrease", "~")
    assert [v.year for v in rate.values] == [2021, 2022, 2023, 2024, 2025]


def test_full_coverage_states_no_number() -> None:
    found = statements("到2025年，实现规上企业数字化改造全覆盖。")
    assert [(s.name_zh, s.kind, s.values[0].value, s.values[0].text) for s in found] == [
        ("规上企业数字化改造", "qualitative", None, "全覆盖")]


def test_full_coverage_as_a_way_of_working_is_no_target() -> None:
    assert statements("按照分区域、全覆盖的思路，推进企业上云。") == []


def test_the_count_of_issuing_departments_is_no_target() -> None:
    found = statements("落实工信部等八部门联合印发的《数字化转型方案》，到2025年，建成数字化车间40个。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("数字化车间", Decimal(40))]


def test_a_count_right_after_a_party_committee_is_no_target() -> None:
    found = statements("围绕市委四个“攻坚行动”，到2025年，培育链主企业15家。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("链主企业", Decimal(15))]


def test_a_second_count_of_a_list_counts_the_items_after_the_first() -> None:
    found = statements("聚焦电子、汽车、装备3个万亿级产业以及化工、家电2个千亿级产业，到2025年，培育链主企业12家。")
    assert [s.values[0].value for s in found] == [Decimal(12)]


def test_a_shortened_row_name_is_completed_from_the_text_beside_the_table() -> None:
    found = extract(SourceDocument(
        "杭州市制造业高质量发展行动计划(2021—2025年)\n二、主要目标\n推动企业纳入全市制造业瞪羚企业培育名录库。\n"
        "表1 年度目标\n类别\t2021年\t2022年\n进入全市培育名录库企业\t10\t20\n")).statements
    assert found[0].name_zh == "进入全市制造业瞪羚企业培育名录库企业"


def test_a_column_of_ranks_is_in_places() -> None:
    found = extract(SourceDocument(
        "杭州市制造业高质量发展行动计划(2021—2025年)\n一、发展基础\n表1 2020年品牌情况\n"
        "市别\t著名商标排名\n杭州市\t3\n")).statements
    assert (found[0].unit, found[0].values[0].value) == ("位", Decimal(3))


def test_the_de_after_a_field_is_no_part_of_the_name() -> None:
    assert statements("到2025年，数字经济领域的独角兽企业达到10家。")[0].name_zh == "数字经济领域独角兽企业"


def test_what_a_share_is_taken_among_joins_the_name_without_zhong() -> None:
    found = statements("到2025年，规上企业中60%的骨干企业建成数字化车间。")
    assert found[0].name_zh.startswith("规上企业") and "中" not in found[0].name_zh


def test_persons_counted_with_ming_are_in_ren() -> None:
    assert statements("到2025年，引进博士200名。")[0].unit == "人"


def test_a_campaign_list_of_bare_magnitudes_is_read_alike() -> None:
    found = statements("到2025年，开展千名工程师、百名专家进企业活动。")
    assert [(s.kind, s.values[0].comparator, s.unit) for s in found] == [("period_total", "~", "人")] * 2


def test_what_stands_now_is_the_year_before_the_plan() -> None:
    found = statements("2018年启动智能制造工程以来成效明显。目前，全市已建成智能工厂9个。")
    assert [(s.kind, s.values[0].year) for s in found] == [("baseline", 2020)]


def test_digits_after_a_magnitude_belong_to_one_number() -> None:
    found = statements("到2025年，全市工业营业收入达到2万6000亿元以上，规模以上工业企业达到1万5000家。")
    assert [brief(s)[1:] for s in found] == [
        ("亿元", "level", 2025, Decimal(26000), ">=", None, "2万6000"),
        ("家", "cumulative", 2025, Decimal(15000), "=", None, "1万5000"),
    ]


def test_pinyin_readings_are_left_out_of_names_and_kept_in_quotes() -> None:
    found = statements("到2025年，數(shù)字經(jīng)濟核心產(chǎn)業(yè)增加值達到300億元，工業(yè)技改投資年均增長8%。")
    assert [s.name_zh for s in found] == ["数字经济核心产业增加值", "工业技改投资"]
    assert found[0].quote == "數(shù)字經(jīng)濟核心產(chǎn)業(yè)增加值達到300億元"
    assert found[1].quote == "工業(yè)技改投資年均增長8%"


def test_what_the_place_has_now_is_a_baseline_over_semicolons() -> None:
    found = statements("截至目前，我市拥有试点企业4家；示范工厂2家。到2025年，示范工厂达到10家。")
    assert [(s.kind, s.values[0].value) for s in found] == [
        ("baseline", Decimal(4)), ("baseline", Decimal(2)), ("cumulative", Decimal(10))]


def test_counts_of_the_plans_own_items_are_no_targets() -> None:
    found = statements("方案提出三条路径，部署了12项重点任务。到2025年，培育链主企业20家。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("链主企业", Decimal(20))]


def test_money_summed_with_leiji_is_a_period_total_and_zai_leaves_the_name() -> None:
    found = statements("到2025年，工业累计投资在800亿元以上，开发区工业总产值比重在60%以上。")
    assert [(s.name_zh, s.kind, s.period) for s in found] == [
        ("工业投资", "period_total", (2021, 2025)), ("开发区工业总产值比重", "level", None)]


def test_a_share_among_an_amount_is_named_part_of_whole() -> None:
    found = statements("到2025年，全市工业总产值中新兴产业产值占比达到30%，高新技术企业产值占比达到45%。")
    assert [s.name_zh for s in found] == ["新兴产业产值占工业总产值比重", "高新技术企业产值占工业总产值比重"]


def test_one_named_member_with_a_size_class_is_no_target() -> None:
    found = statements("到2025年，打造纺织1个2千亿级，建成1个三百亿级园区。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("三百亿级园区", Decimal(1))]


def test_a_bracketed_unit_is_kept_whole_and_the_number_of_a_class_keeps_shuliang() -> None:
    found = statements("到2026年，推广数控装备600台(套)，全省专精特新企业数量增加到3000家。")
    assert [(s.name_zh, s.unit) for s in found] == [("数控装备", "台(套)"), ("专精特新企业数量", "家")]


def test_the_covered_and_the_means_are_read_out_of_the_name() -> None:
    found = statements("到2025年，覆盖全市200家规上企业，推动500家中小企业运用工业互联网实施数字化改造。")
    assert [s.name_zh for s in found] == ["规上企业", "实施数字化改造的中小企业"]


def test_range_with_its_unit_at_both_ends() -> None:
    found = statements("到2025年,实现年营业收入50亿元企业4家至6家的目标。")
    assert brief(found[0])[1:7] == ("家", "cumulative", 2025, Decimal(4), "range", Decimal(6))


def test_stage_numeral_of_an_effort_no_target() -> None:
    found = statements("推动纺织工业实现二次腾飞,到2025年,建成数字化车间40个。")
    assert [s.name_zh for s in found] == ["数字化车间"]


def test_counts_of_arranged_industries_no_target() -> None:
    found = statements("培育三个先导产业、五个优势产业以及一批新兴产业,五个优势产业分别为甲、乙、丙、丁、戊。")
    assert found == []


def test_count_of_measures_and_attacked_chains_no_target() -> None:
    found = statements("集中攻坚8条重点产业链,出台20条举措支持企业,到2025年,建成智能工厂30个。")
    assert [s.values[0].value for s in found] == [Decimal(30)]


def test_statistics_of_a_past_year_are_facts() -> None:
    found = statements("据统计,2020年1月至6月,全市规模以上工业企业完成增加值120亿元,同比增长5.2%。")
    assert [s.kind for s in found] == ["baseline", "baseline"]


def test_fund_arranged_named_after_what_it_supports() -> None:
    found = statements("每年安排20亿元资金支持数字经济发展。")
    assert (found[0].name_zh, found[0].unit) == ("数字经济支持资金", "亿元")


def test_firms_pushed_onto_cloud_and_platforms() -> None:
    found = statements("到2025年,推动3万家企业上云、5000家企业上平台。")
    assert [(s.name_zh, s.values[0].value) for s in found] == [("上云企业", Decimal(30000)),
                                                              ("上平台企业", Decimal(5000))]


def test_region_before_gdp_dropped_from_share_name() -> None:
    found = statements("到2025年,数字经济核心产业增加值占全省GDP比重达到12%。")
    assert found[0].name_zh == "数字经济核心产业增加值占GDP比重"


def test_taiwanese_words_and_shall_in_names() -> None:
    found = statements("到2025年,資訊服務業收入將達到300億元,軟體產品收入完成100億元。")
    assert [s.name_zh for s in found] == ["信息服务业收入", "软件产品收入"]


def test_doubling_after_a_level_takes_its_name() -> None:
    found = statements("到2025年,全市数字经济规模超过900亿元,比2020年翻一番。")
    assert [(s.name_zh, s.kind) for s in found] == [("全市数字经济规模", "level"),
                                                   ("全市数字经济规模", "change_vs_baseline")]


def test_a_report_naming_its_plan_by_five_year_period_takes_that_period() -> None:
    text = ("# source: 某省工业发展规划, 某省人民政府, 2017-05-02 (report), http://example.org/a\n"
            "近日,某省召开新闻发布会介绍规划。\n"
            "某省“十三五”工业发展的主要指标是,工业增加值年均增长7%左右,单位工业增加值能耗下降15%。\n")
    found = extract(SourceDocument(text)).statements
    assert [(s.kind, s.values[0].year) for s in found] == [("annual_growth", 2020), ("change_vs_baseline", 2020)]


def test_a_hedge_and_year_inside_a_name_are_left_out() -> None:
    found = statements("丙产业力争2024年产值达到40亿元,丁产业力争2024年产值达到25亿元。")
    assert [(s.name_zh, s.values[0].year, s.values[0].value) for s in found] == [
        ("丙产业产值", 2024, Decimal(40)), ("丁产业产值", 2024, Decimal(25))]


def test_a_bare_output_is_the_output_of_the_industry_opening_its_clauses() -> None:
    found = statements("丙产业要扩大开放,力争2024年产值突破600亿元;丁产业要补链强链,力争2024年产值突破80亿元。")
    assert [(s.name_zh, s.values[0].comparator) for s in found] == [("丙产业产值", ">"), ("丁产业产值", ">")]


def test_the_level_a_rise_starts_from_is_a_baseline() -> None:
    found = statements("到2025年,制造业比重由目前的45%提高到52%。")
    assert [(s.name_zh, s.kind, s.values[0].value) for s in found] == [
        ("制造业比重", "baseline", Decimal(45)), ("制造业比重", "level", Decimal(52))]


def test_zones_a_plan_lays_out_are_no_target() -> None:
    found = statements("“十四五”期间,全市将重点打造12个工业集中区,推动园区整合。")
    assert found == []


def test_a_count_after_the_plans_fields_is_no_target() -> None:
    found = statements("培育发展四大领域20个精深加工产业链,到2025年,建成智能工厂30个。")
    assert [s.values[0].value for s in found] == [Decimal(30)]


def test_named_members_of_a_size_class_are_no_target() -> None:
    found = statements("到2025年,形成丙、丁、戊等6个超千亿元、特色鲜明的产业集群,建成智能工厂30个。")
    assert [s.values[0].value for s in found] == [Decimal(30)]


def test_an_amount_after_a_count_and_chao_is_its_size_class() -> None:
    found = statements("到2025年,建成3个超五百亿元、特色鲜明的产业集群。")
    assert [(s.unit, s.values[0].value) for s in found] == [("个", Decimal(3))]


def test_the_stages_a_plan_runs_in_are_no_count() -> None:
    found = statements("全市力争通过三个阶段、用8年时间建成制造强市。")
    assert found == []


def test_a_verb_before_a_list_reads_every_number_as_reached() -> None:
    found = statements("到2025年,甲、乙、丙产业比重分别提高到12%、9%和15%以上。")
    assert [s.kind for s in found] == ["level", "level", "level"]


def test_a_work_reports_year_targets_are_that_years_growth() -> None:
    found = extract(SourceDocument("# source: 某某市政府工作报告, 某某市人民政府, 2024-01-12\n"
                                   "全市经济社会发展主要预期目标是:地区生产总值增长6%以上,固定资产投资增长4%左右。\n"))
    assert found.plan.period == (2024, 2024)
    assert [(s.name_zh, s.kind, s.values[0].year, s.values[0].comparator) for s in found.statements] == [
        ("地区生产总值", "annual_growth", 2024, ">="), ("固定资产投资", "annual_growth", 2024, "~")]


def test_a_meetings_review_of_the_year_past_is_no_target() -> None:
    found = extract(SourceDocument("# source: 某某省工业和信息化工作会议, 某某省工业和信息化厅, 2024-01-18\n"
                                   "会议指出,2023年,全省规上工业增加值增长5.2%,新增国家级绿色工厂18家。\n"
                                   "2024年主要预期目标是规上工业增加值增长6%左右。\n"))
    assert [(s.kind, s.values[0].year, s.values[0].value) for s in found.statements] == [
        ("baseline", 2023, Decimal("5.2")), ("baseline", 2023, Decimal(18)),
        ("annual_growth", 2024, Decimal(6))]


def test_a_threshold_in_words_is_its_amount() -> None:
    found = statements("五年内,全市常住人口超过千万,经济总量超万亿元。")
    assert [brief(s) for s in found] == [
        ("全市常住人口", "人", "level", 2025, Decimal(10_000_000), ">", None, "千万"),
        ("经济总量", "亿元", "level", 2025, Decimal(10_000), ">", None, "万")]


def test_one_base_sized_by_its_output_gives_the_output() -> None:
    found = statements("到2025年,建设1个产值超万亿元的世界级装备制造基地,培育200户以上亿元配套企业。")
    assert [brief(s) for s in found] == [
        ("世界级装备制造基地产值", "亿元", "level", 2025, Decimal(10_000), ">", None, "万"),
        ("亿元配套企业", "户", "cumulative", 2025, Decimal(200), ">=", None, None)]


def test_units_of_grain_and_capacity_are_kept_as_printed() -> None:
    found = statements("到2025年,粮食产量稳定在120亿斤以上,磷酸铁锂产能达到8万吨/年,储能电池产能达到15Gwh/年,"
                       "形成年50万辆整车产能。")
    assert [(s.unit, s.kind, s.values[0].value) for s in found] == [
        ("亿斤", "level", Decimal(120)), ("万吨/年", "level", Decimal(8)), ("Gwh/年", "level", Decimal(15)),
        ("辆", "level", Decimal(500_000))]


def test_what_survey_data_show_is_the_present() -> None:
    found = statements("勘查数据显示,全省探明的石墨储量为3200万吨,约占全国的12%。")
    assert [(s.kind, s.values[0].value) for s in found] == [("baseline", Decimal(3200)), ("baseline", Decimal(12))]


def test_a_page_counter_is_no_target() -> None:
    found = statements("阅读量:4821次。到2025年,建成智能工厂30个。")
    assert [s.values[0].value for s in found] == [Decimal(30)]


def test_named_members_of_a_size_class_in_digits_are_no_target() -> None:
    found = statements("到2025年,重点培育丁、戊、己等4个200亿级产业,建成智能工厂30个。")
    assert [s.values[0].value for s in found] == [Decimal(30)]


def test_size_class_list_passes_over_class_without_number() -> None:
    found = statements("到2025年，培育形成3个万亿级、5个五千亿级、一批千亿级先进制造业集群。")
    assert [(s.name_zh, s.breakdown_name, s.values[0].value) for s in found] == [
        ("先进制造业集群", "万亿级", Decimal(3)), ("先进制造业集群", "五千亿级", Decimal(5))]


def test_doubling_takes_subject_of_growth_before_it() -> None:
    found = statements("2021—2023年，全市工业增加值年均增长9%，到2023年底确保在2020年基础上翻一番。")
    assert [(s.name_zh, s.kind, s.values[0].year) for s in found] == [
        ("全市工业增加值", "annual_growth", 2023), ("全市工业增加值", "change_vs_baseline", 2023)]


def test_bare_trillion_after_amount_name_is_yi_yuan() -> None:
    found = statements("到2025年，全县工业总产值突破万亿，推进万亿工程。")
    assert [brief(s) for s in found] == [
        ("全县工业总产值", "亿元", "level", 2025, Decimal(10000), ">", None, "万")]


def test_what_firms_cover_is_no_target() -> None:
    found = statements("全市2万家企业涵盖30个行业大类、150个中类和400个小类。到2025年，培育链主企业20家。")
    assert [s.name_zh for s in found] == ["链主企业"]


def test_within_years_counted_from_programme_year_and_verbs_out_of_names() -> None:
    found = statements("2019年，本市确定了“123”工程，即三年内树立50家标杆企业、200家试点企业，动员3000家参与企业。")
    assert [(s.name_zh, s.kind, s.values[0].year, s.values[0].value) for s in found] == [
        ("标杆企业", "cumulative", 2021, Decimal(50)), ("试点企业", "cumulative", 2021, Decimal(200)),
        ("参与企业", "cumulative", 2021, Decimal(3000))]


def test_by_now_is_the_present() -> None:
    found = statements("2019年，本市确定了“双百”计划，即三年内培育50家标杆企业。至此，全市累计有30家标杆企业。")
    assert [(s.kind, s.values[0].value) for s in found] == [("cumulative", Decimal(50)), ("baseline", Decimal(30))]
