"""The drafter on plans it was not written for: short sentences of other provinces' and cities' published plans
(and of news items quoting them), each with the statements a reader takes from it. The address of each sentence is
given beside it; texts cut off mid-sentence and traditional characters with ASCII punctuation are among them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_draft_rules import statements

Row = tuple[str, str | None, str, str, int, Decimal, str]


def rows(sentence: str) -> list[Row]:
    return [(s.name_zh, s.breakdown_name, s.unit, s.kind, s.values[0].year, s.values[0].value,
             s.values[0].comparator) for s in statements(sentence)]


CASES: list[tuple[str, str, list[Row]]] = [
    (  # Henan province, 河南省建设制造强省三年行动计划(2023—2025年),
       # via www.ha.chinanews.com.cn/news/toutiao/2023/0817/48262.shtml
        "henan",
        "到2025年,制造业和生产性服务业增加值占全省生产总值的比重力争达到40%、其中制造业占比稳定在30%以上,"
        "全部工业增加值力争达到2.3万亿元,规模以上工业企业力争突破2.8万家。",
        [("制造业和生产性服务业增加值占全省生产总值比重", None, "%", "level", 2025, Decimal(40), "="),
         ("制造业占比", None, "%", "level", 2025, Decimal(30), ">="),
         ("全部工业增加值", None, "万亿元", "level", 2025, Decimal("2.3"), "="),
         ("规模以上工业企业", None, "家", "cumulative", 2025, Decimal(28000), ">")],
    ),
    (  # Henan province, the same plan: counts named after their number, classes before a shared noun
        "henan_clusters",
        "到2025年,战略性新兴产业增加值占规模以上工业增加值比重超过30%,"
        "形成1—2个世界级、7个万亿级先进制造业集群和28个千亿级现代化产业链。",
        [("战略性新兴产业增加值占规模以上工业增加值比重", None, "%", "level", 2025, Decimal(30), ">"),
         ("先进制造业集群", "世界级", "个", "cumulative", 2025, Decimal(1), "range"),
         ("先进制造业集群", "万亿级", "个", "cumulative", 2025, Decimal(7), "="),
         ("千亿级现代化产业链", None, "个", "cumulative", 2025, Decimal(28), "=")],
    ),
    (  # Yancheng (Jiangsu), 智改数转网联三年行动计划(2025-2027年),
       # www.yancheng.gov.cn/art/2025/3/21/art_45548_10999.html
        "yancheng",
        "到2027年,中小企业全面实施数字化转型,新培育先进级以上智能工厂100家,其中国家卓越级智能工厂不少于10家,"
        "实现国家领航级智能工厂、全球“灯塔工厂”突破;工业互联网创新发展、人工智能加速赋能、生产要素广泛联接,"
        "两化融合发展水平指数达72;",
        [("先进级以上智能工厂", None, "家", "period_total", 2027, Decimal(100), "="),
         ("国家卓越级智能工厂", None, "家", "period_total", 2027, Decimal(10), ">="),
         ("两化融合发展水平指数", None, "-", "level", 2027, Decimal(72), "=")],
    ),
    (  # Liaoning province, 工业互联网创新发展行动计划, news item at imgs-b2b.100ec.cn/detail--6556122.html
        "liaoning",
        "到2022年,建成5个左右行业级、区域级标识解析二级节点,培育15家省级工业互联网平台和3家国家级双跨平台,"
        "上云企业达到5万家,建设100家“5G+工业互联网”示范工厂。",
        [("行业级、区域级标识解析二级节点", None, "个", "cumulative", 2022, Decimal(5), "~"),
         ("省级工业互联网平台", None, "家", "cumulative", 2022, Decimal(15), "="),
         ("国家级双跨平台", None, "家", "cumulative", 2022, Decimal(3), "="),
         ("上云企业", None, "家", "cumulative", 2022, Decimal(50000), "="),
         ("5G+工业互联网示范工厂", None, "家", "cumulative", 2022, Decimal(100), "=")],
    ),
    (  # Jiangxi province, 十四五制造业高质量发展规划, news item at cxtongtai.cn/guonei/202109/659.html
        "jiangxi",
        "“十四五”期间,全省规模以上工业企业增加值年均增长7%左右,工业企业增加值突破1万亿元。",
        [("全省规模以上工业企业增加值", None, "%", "annual_growth", 2025, Decimal(7), "~"),
         ("工业企业增加值", None, "万亿元", "level", 2025, Decimal(1), ">")],
    ),
    (  # Jiangsu province, 智改数转网联三年行动计划(2025-2027年), traditional characters with ASCII punctuation,
       # news item at true-witness.com/news/detail/158960.html
        "jiangsu_traditional",
        "到2027年底,培育優秀工業軟件企業100家,推廣優秀工業軟件產品和解決方案、首版次軟件產品200項,"
        "完成約8萬臺(套)工業操作系統更新換代。",
        [("优秀工业软件企业", None, "家", "cumulative", 2027, Decimal(100), "="),
         ("优秀工业软件产品和解决方案、首版次软件产品", None, "项", "cumulative", 2027, Decimal(200), "="),
         ("工业操作系统更新换代", None, "台(套)", "period_total", 2027, Decimal(80000), "~")],
    ),
    (  # Zhenjiang (Jiangsu), news item quoting its 2025—2027 plan,
       # www.yangtse.com/news/jiangsu/202508/t20250807_246907.html
        "zhenjiang_news",
        "明确到2027年,规上工业企业基本完成智能化改造,中小企业全面实施数字化转型;"
        "培育省认定先进级智能工厂250家,创建国家认定卓越级智能工厂5家,力争国家认定领航级智能工厂实现突破。",
        [("省认定先进级智能工厂", None, "家", "cumulative", 2027, Decimal(250), "="),
         ("国家认定卓越级智能工厂", None, "家", "cumulative", 2027, Decimal(5), "=")],
    ),
    (  # Xinxiang (Henan), 建设制造强市三年行动计划(2023—2025年), cut off mid-sentence as the page excerpt ends,
       # henan.kjzch.com/xinxiang/2023-10-31/837703.html
        "xinxiang_cut_off",
        "基本形成现代化制造业体系,战略性新兴产业增加值占规模以上工业增加值比重超过30%,高技术制造业增加值占规模以上工业增加",
        [("战略性新兴产业增加值占规模以上工业增加值比重", None, "%", "level", 2025, Decimal(30), ">")],
    ),
    (  # Chongqing, 智能装备及智能制造产业集群高质量发展行动计划(2023—2027年),
       # jjxxw.cq.gov.cn/zwgk_213/zcjd/zcwd/zcwdbt/202401/t20240115_12820073.html
        "chongqing_equipment",
        "到2027年,全市智能装备及智能制造产业营业收入突破5000亿元,规模以上企业研发强度提升至3.5%,"
        "数字化研发设计工具普及率达到87%,关键工序数控化率达到65%。",
        [("全市智能装备及智能制造产业营业收入", None, "亿元", "level", 2027, Decimal(5000), ">"),
         ("规模以上企业研发强度", None, "%", "level", 2027, Decimal("3.5"), "="),
         ("数字化研发设计工具普及率", None, "%", "level", 2027, Decimal(87), "="),
         ("关键工序数控化率", None, "%", "level", 2027, Decimal(65), "=")],
    ),
    (  # national, 轻工业数字化转型实施方案,
       # news item at cn.chinadaily.com.cn/a/202503/31/WS67ea4e77a31008317a2af95a.html
        "light_industry_news",
        "方案提出,到2027年,重点轻工企业数字化研发设计工具普及率达90%左右,关键工序数控化率达75%左右,"
        "打造100个左右典型场景,培育60家左右标杆企业。",
        [("重点轻工企业数字化研发设计工具普及率", None, "%", "level", 2027, Decimal(90), "~"),
         ("关键工序数控化率", None, "%", "level", 2027, Decimal(75), "~"),
         ("典型场景", None, "个", "cumulative", 2027, Decimal(100), "~"),
         ("标杆企业", None, "家", "cumulative", 2027, Decimal(60), "~")],
    ),
    (  # Henan, 2023 government work report, www.henan.gov.cn/2023/01-14/2673323.html
        "henan_report",
        "新建150个智能工厂和10家智能制造标杆企业。力争规模以上工业企业增加值能耗降低4%左右。",
        [("智能工厂", None, "个", "period_total", 2025, Decimal(150), "="),
         ("智能制造标杆企业", None, "家", "period_total", 2025, Decimal(10), "="),
         ("规模以上工业企业增加值能耗", None, "%", "change_vs_baseline", 2025, Decimal(4), "~")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), [(s, e) for _, s, e in CASES], ids=[c[0] for c in CASES])
def test_region(sentence: str, expected: list[Row]) -> None:
    assert rows(sentence) == expected


def test_value_added_is_a_noun_not_a_change() -> None:
    found = statements("到2025年,数字经济核心产业增加值占地区生产总值比重达到10%。")
    assert [(s.kind, s.change) for s in found] == [("level", None)]


def test_hedge_before_the_verb_is_no_part_of_the_name() -> None:
    assert [s.name_zh for s in statements("到2025年,规上工业企业力争突破3000家。")] == ["规上工业企业"]


def test_number_first_names_stop_at_the_next_number() -> None:
    assert [s.name_zh for s in statements("到2025年,新建20个智能工厂和100个数字化车间。")] == ["智能工厂", "数字化车间"]
