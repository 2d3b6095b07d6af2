"""Every sentence true: each kind of sentence the brief and the page write is held against the statement it comes
from (base year, bound, as-of, period share, on-track wording, final year, overview counts), on the shipped plans;
and a property over every shipped plan and year with data: each number the zh brief prints is the CSV's value
rounded by the display rule, no English word and no traditional character outside quotes, no 规划基期 the plan
does not state."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.chinese import traditional_characters
from gapcalc.engine.statement import Statement, overview_of, plan_facts, statements_of
from gapcalc.render.brief import brief_markdown
from gapcalc.render.numerals import difference_text, number_text, quantity, rate_text, whole_target
from gapcalc.render.prose import goal_text, statement_sentences
from gapcalc.render.rows import clean_rows
from gapcalc.usecases.brief import brief_of
from gapcalc.usecases.run import report_one

REPO = Path(__file__).resolve().parent.parent
TARGETS = REPO / "targets"


def statements(plan: str, year: int) -> list[Statement]:
    report = report_one(plan, TARGETS, year)
    return statements_of(plan_facts(report.plan), clean_rows(report.columns.rows()))


def brief_text(plan: str, year: int, lang: str = "zh") -> str:
    return brief_markdown(brief_of(plan, TARGETS, year, lang).brief)


def paragraph(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(name + "："))


def by_id(found: list[Statement], indicator: str, breakdown: str | None = None) -> Statement:
    return next(s for s in found if s.indicator == indicator and s.breakdown == breakdown)


# --- one test per kind of sentence ------------------------------------------------------------------------------


@pytest.mark.parametrize(("plan", "year"), [("chongqing", 2022), ("chongqing", 2024), ("jinhua", 2022),
                                            ("mianyang", 2020)])
def test_base_year_is_said_only_where_the_plan_states_it(plan: str, year: int) -> None:
    text = brief_text(plan, year)
    for statement in statements(plan, year):
        if statement.at_first_point and statement.figure is not None and statement.phase == "during":
            said = paragraph(text, re.sub(r"([\\\[\]])", r"\\\1", _name(statement)))
            assert ("规划基期" in said) == bool(statement.base and statement.base.stated), statement.indicator
            assert ("首个可得数据" in said) == (statement.base is not None and not statement.base.stated)
    if plan == "chongqing":  # the plan states no baseline figure at all
        assert "规划基期" not in text


def _name(statement: Statement) -> str:
    breakdown = statement.breakdown_zh or statement.breakdown
    return f"{statement.name_zh} · {breakdown}" if breakdown else statement.name_zh


def test_a_bound_and_a_part_year_figure_are_written_as_published() -> None:
    text = brief_text("chongqing", 2024)
    cloud = paragraph(text, "企业“上云”")
    assert cloud.startswith("企业“上云”：截至2024年6月为13万户以上（口径：")
    assert "；时点数，不作全年评价）" in cloud and "130000" not in text and "2024年为13万户" not in text
    assert "时间过半" not in cloud  # a part-year figure is not measured against the whole year's time
    tools = paragraph(brief_text("chongqing", 2022), "数字化研发设计工具普及率")
    assert tools.startswith("数字化研发设计工具普及率：2022年为80%以上（口径：") and "（按下限计）" in tools
    assert "该数为下限，尚不足以判断是否完成年度目标" in tools


def test_a_target_keeps_its_comparator_and_a_period_total_is_never_a_years_share() -> None:
    text = brief_text("chongqing", 2022)
    assert "- 全市企业研发投入：2021—2025年累计2500亿元以上" in text
    assert "1000亿元" not in text
    assert "- 产业园区聚焦的产业链数：2025年2—3条" in text
    assert "- 重点培育领军企业和“链主”企业营收总额：2025年1.3万亿元" in text  # 达到: the level counts, not the growth
    assert "- 建立研发机构的规模以上工业企业占比：2025年50%以上" in text


def test_on_schedule_is_said_only_where_the_growth_observed_reaches_the_target() -> None:
    for plan, year in (("chongqing", 2022), ("chongqing", 2024), ("mianyang", 2019), ("jinhua", 2021)):
        text = brief_text(plan, year)
        for statement in statements(plan, year):
            if statement.figure is None or not statement.quantified:
                continue
            said = "。".join(statement_sentences(statement, "zh"))
            assert ("可如期实现" in said and "难以" not in said and "略低于" not in said) == (
                statement.reach == "reaches" and statement.phase == "during" and statement.need is not None
                and not statement.at_first_point and statement.verdict != "achieved_early"
                and statement.figure.as_of is None and statement.final is not None
                and statement.final.period is None), (plan, statement.indicator)
            assert said in text
    output = paragraph(brief_text("chongqing", 2024), "全市工业总规模")
    assert "略低于所需增速" in output and "可如期实现" not in output  # R = 0.9752: close, not reached


@pytest.mark.parametrize(("plan", "year"), [("jinhua", 2022), ("mianyang", 2020)])
def test_the_final_year_is_a_final_evaluation(plan: str, year: int) -> None:
    text = brief_text(plan, year)
    title = text.splitlines()[0]
    assert ("终期评估报告" in title) if plan == "mianyang" else title.startswith("# 对照《")  # jinhua's is a draft
    assert "时间过半" not in text and "今后" not in text and "尚需年均" not in text
    assert f"{year}年为规划期末年，本报告为终期评价。" in text
    for statement in statements(plan, year):
        assert statement.verdict not in ("ahead", "as_expected", "lagging", "achieved_early")


@pytest.mark.parametrize(("plan", "year"), [("chongqing", 2022), ("chongqing", 2024), ("jinhua", 2022),
                                            ("mianyang", 2020), ("mianyang", 2019)])
def test_the_overview_counts_are_the_sections_counts(plan: str, year: int) -> None:
    found = statements(plan, year)
    report = report_one(plan, TARGETS, year)
    whole = next(s for s in clean_rows(report.summary()) if s["subplan"] == "*")
    overview = overview_of(plan_facts(report.plan), found, year)
    assert (overview.assessed, overview.met) == (whole["assessed"], whole["met"])
    assert overview.targets + overview.count("status_quo") == whole["rows"] == sum(
        len(v) for v in overview.by_verdict.values())  # a present value the plan states is not a target
    text = brief_text(plan, year)
    table = [line for line in text.split("### 主要指标完成情况表")[1].split("## 二")[0].splitlines()
             if line.startswith("| ") and not line.startswith("| 指标")]
    annex = text.split("## 附件1：尚无数据的量化目标")[1].split("## ")[0]
    assert len([line for line in annex.splitlines() if line.startswith("- ")]) == overview.count("no_figure")
    for verdict, word in (("achieved_early", "提前实现"), ("ahead", "快于预期"), ("as_expected", "基本符合预期"),
                          ("lagging", "滞后"), ("completed", "已完成"), ("not_completed", "未完成"),
                          ("undetermined", "暂无法判断")):
        rows = sum(1 for line in table if re.search(f"\\| {word}(（口径不同）)?(；年内[^|]*)? \\|", line))
        assert rows == overview.count(verdict), (verdict, rows)
        if rows:
            assert f"{word}{rows}项" in text
    problems = text.split("## 三、存在问题")[1].split("## ")[0]
    lagging = overview.count("lagging") + overview.count("not_completed")
    missed = sum(1 for s in found if s.verdict in ("as_expected", "ahead") and s.current and s.status == "not_met")
    assert problems.count("原因：") == lagging + (missed + overview.warned if overview.phase == "during" else 0)


# --- numbers as reports write them ------------------------------------------------------------------------------


def test_numbers_in_prose_follow_the_display_rule() -> None:
    assert difference_text(Decimal("-0.038"), "万亿元") == "380亿元"  # not 0.038万亿元
    assert difference_text(Decimal("0.2"), "万亿元", "en") == "200 billion yuan"  # not 0.2 trillion yuan
    assert quantity(Decimal("130000"), "户") == "13万户" and quantity(Decimal("5035"), "家") == "5035家"
    assert quantity(Decimal("45000"), "家") == "4.5万家" and quantity(Decimal("12345"), "家") == "12345家"
    assert number_text(5831.75, "家", "computed") == "5832" and whole_target(Decimal("5831.75"), "up") == 5832
    assert whole_target(Decimal("5831.75"), "down") == 5831
    assert rate_text(108.8524) == "108.9" and rate_text(80.0) == "80" and rate_text(66.6667) == "66.7"
    # a path level exact in four digits is shown whole, as its gap to 2.8 (380亿元) reads back to it; longer, rounded
    assert quantity(Decimal("2.838"), "万亿元", role="computed") == "2.838万亿元"
    assert quantity(Decimal("2.83812"), "万亿元", role="computed") == "2.84万亿元"
    assert quantity(Decimal("95.96"), "index (2017=100)") == "95.96（2017年=100）"
    assert quantity(Decimal("957"), "additions since 2019") == "2020年以来累计新增957"  # 2019 is the base: 0
    assert quantity(Decimal("130000"), "户", "en") == "130,000"


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False))
def test_computed_rates_are_one_decimal_and_round_half_up(value: Decimal) -> None:
    text = rate_text(value)
    assert Decimal(text) == value.quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    assert not text.endswith(".0") and "e" not in text.lower()


@given(st.integers(min_value=10_000, max_value=10**12))
def test_large_counts_in_wan_or_yi_read_back_to_the_number(count: int) -> None:
    text = number_text(Decimal(count), "家")
    if text.endswith("亿"):
        assert Decimal(text[:-1]) * 100_000_000 == count
    elif text.endswith("万"):
        assert Decimal(text[:-1]) * 10_000 == count
    else:
        assert Decimal(text) == count


def test_a_range_and_a_period_total_keep_their_form() -> None:
    found = statements("chongqing", 2022)
    parks = by_id(found, "chains_per_park")
    assert parks.final is not None and goal_text(parks.final, parks.unit, "zh") == "2—3条"


# --- the property over every shipped plan and year with data ----------------------------------------------------


def _years_with_data() -> list[tuple[str, int]]:
    cases = []
    for path in sorted((REPO / "actuals").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            years = {int(row["year"]) for row in csv.DictReader(handle)}
        cases += [(path.stem, year) for year in sorted(years)]
    return cases


_QUOTE = re.compile(r"原文“[^”]*”|“[^”]*”")
_URL = re.compile(r"https?://\S+?(?=[；;）)\s]|$)")
_ATTAINMENT = re.compile(r"完成率(-?[0-9.]+)%")


@pytest.mark.parametrize(("plan", "year"), _years_with_data())
def test_every_zh_brief_says_only_what_its_rows_hold(plan: str, year: int) -> None:
    made = brief_of(plan, TARGETS, year, "zh")
    text = brief_markdown(made.brief)
    rows = {(r["indicator"], r["breakdown"]): r for r in clean_rows(made.report.columns.rows())}
    found = statements(plan, year)
    for statement in found:
        if statement.figure is None or not statement.quantified:
            continue
        row = rows[(statement.indicator, statement.breakdown)]
        said = "。".join(statement_sentences(statement, "zh"))
        shown = _ATTAINMENT.findall(said)
        if shown:
            assert shown == [rate_text(row["attainment_pct"])], (plan, statement.indicator)
        if statement.progress is not None and "完成规划任务的" in said:
            assert f"完成规划任务的{rate_text(row['progress_pct'])}%" in said
            assert f"同期时间进度{rate_text(row['time_elapsed_pct'])}%" in said
        assert _printed_actual(row["actual"], statement.unit) in said
    prose = re.sub(r"&[a-z]+;", "", _URL.sub("", _QUOTE.sub("", text)))  # HTML entities of the Markdown
    prose = "\n".join(line for line in prose.splitlines() if not line.startswith("\\["))  # footnotes: titles
    english = set(re.findall(r"[A-Za-z]{3,}", prose))
    names = " ".join(f"{s.name_zh} {s.breakdown_zh or ''} {s.target_text or ''}" for s in found)
    assert {word for word in english if word not in names} == set(), (plan, year)
    assert traditional_characters(_QUOTE.sub("", text)) == "", (plan, year)
    stated = any(s.base is not None and s.base.stated and s.at_first_point for s in found)
    assert "规划基期" not in prose or stated


def _printed_actual(actual: Decimal, unit: str) -> str:
    """The digits of an actual as printed: on gapcalc's index (base year = 100), the change on the base year it
    stands for (95.96 is 较2017年下降4.04%)."""
    if unit.startswith("index ("):
        return f"{'下降' if actual < 100 else '增长'}{number_text(abs(Decimal(str(actual)) - 100), '%')}%"
    return number_text(actual, unit)


_ROW = re.compile(r'<tr data-indicator="([^"]+)">(.*?)</tr>', re.S)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)


@pytest.mark.parametrize(("plan", "year"), _years_with_data())
def test_every_zh_page_number_is_the_csv_rounded_by_the_display_rule(plan: str, year: int) -> None:
    from gapcalc.render.page import PageContext, report_page
    from gapcalc.usecases.charts import report_extra

    report = report_one(plan, TARGETS, year)
    extra = report_extra(report)
    rows = clean_rows(report.columns.rows())
    page = report_page("t", rows, clean_rows(report.summary()),
                       PageContext("zh", charts=extra["charts"], statements=extra["statements"]))
    by_key = {(r["indicator"], r["breakdown"]): r for r in rows}
    checked = 0
    for indicator, body in _ROW.findall(page):
        cells = [re.sub(r"<[^>]+>", "", c) for c in _CELL.findall(body)]
        name = cells[0]
        row = next(r for (i, b), r in by_key.items() if i == indicator and
                   name.startswith(f"{r['name_zh']} · {r['breakdown_zh'] or r['breakdown']}" if b else r["name_zh"]))
        attainment = cells[4]
        if attainment:
            assert row["actual_year"] == year and attainment == rate_text(row["attainment_pct"]) + "%", indicator
            checked += 1
        if row["actual"] is not None:
            assert _printed_actual(row["actual"], row["unit"]) in cells[2], indicator
    assert traditional_characters(_QUOTE.sub("", re.sub(r"<[^>]+>", "", page))) == "", (plan, year)
    if (plan, year) == ("chongqing", 2022):  # the two figures assessed that year
        assert checked == 2
