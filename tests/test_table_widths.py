# ruff: noqa: E501  (expected table lines are as wide as the table)
"""The terminal gap table at 80, 100, 132 and 160 columns, in English and Chinese: exact output (trailing spaces
aside), and the shipped plans at every width.

Every row keeps its indicator, target, actual, gap and status; at 100 columns the outlook too, at 132 progress and
growth needed too; secondary columns go first when narrow; units, numbers and status words never split; nothing is
wider than the terminal; a target stated in words is one line, cut with … and a line under the table saying where it
is in full; the lines under the table break between words, never inside a Latin word, a number or a URL; an
interpolated count target prints as a whole number; rows without a target for the year are left out by default, with
a line saying so.
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterator
from decimal import Decimal as D
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.table import Table

from gapcalc.cli.main import cli
from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.render.document import Document
from gapcalc.render.i18n import LEGENDS, ROWS_LEFT_OUT, WARNING_LEGENDS, heading
from gapcalc.render.summary_table import print_summary
from gapcalc.render.table import (
    WORDS_CUT,
    count_target,
    make_console,
    print_report,
    report_table,
    shown_rows,
    wrap_text,
)
from gapcalc.usecases.run import open_compiled, report_plan

REPO = Path(__file__).resolve().parent.parent

ROWS: list[dict[str, Any]] = [
    {"indicator": "high_tech_enterprises", "name_zh": "制造业领域高新技术企业", "name_en": "High-tech enterprises in manufacturing",
     "unit": "家", "direction": "up", "year": 2022, "target": D("5831.75"), "comparator": "=", "target_source": "interpolated",
     "actual": D("6348"), "actual_year": 2022, "gap": D("516.25"), "attainment_pct": 108.853, "progress_pct": 43.2,
     "time_elapsed_pct": 25.0, "required_cagr_pct": 8.01, "required_change_per_year": 474.0, "status": "met", "outlook": "on_track"},
    {"indicator": "nc_rate", "name_zh": "关键工序数控化率", "name_en": "NC machining rate of key processes", "unit": "%",
     "direction": "up", "year": 2022, "target": D("58.7"), "comparator": ">=", "target_source": "interpolated",
     "actual": D("56.6"), "actual_year": 2021, "gap": D("-2.1"), "attainment_pct": 96.42, "progress_pct": 0.0,
     "time_elapsed_pct": 0.0, "required_change_per_year": 2.1, "status": "no_data", "outlook": "insufficient_data"},
    {"indicator": "chains", "name_zh": "产业链“五基”能力", "name_en": "Industrial foundation capability of the chains",
     "unit": "qualitative", "direction": "up", "year": 2022, "target": None, "target_text": "显著提升",
     "status": "not_assessed"},
    {"indicator": "providers", "name_zh": "智能制造服务商", "name_en": "Smart-manufacturing service providers", "unit": "家",
     "direction": "up", "year": 2022, "target": None, "status": "not_assessed"},
]

EXPECTED = {
    ('en', 80): (
        'Demo — 2022\n'
        'Indicator                              Target       Actual   Gap  Status\n'
        '────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech enterprises in             5832 (i)         6348   516  ✓ met\n'
        'manufacturing\n'
        'NC machining rate of key           >=58.7 (i)  56.6 (2021)  -2.1  · no data\n'
        'processes\n'
        'Industrial foundation capability     显著提升                     – not assessed\n'
        'of the chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its\n'
        'year. Progress / time: share of the baseline→final distance covered vs share of\n'
        'the period elapsed (时间过半、任务过半). Needed: growth per year still required\n'
        'to reach the final target.\n'
    ),
    ('en', 100): (
        'Demo — 2022\n'
        'Indicator                             Target       Actual   Gap  Status          Outlook\n'
        '────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech enterprises in            5832 (i)         6348   516  ✓ met           + on track\n'
        'manufacturing\n'
        'NC machining rate of key          >=58.7 (i)  56.6 (2021)  -2.1  · no data       ? insufficient data\n'
        'processes\n'
        'Industrial foundation capability    显著提升                     – not assessed\n'
        'of the chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its year. Progress /\n'
        'time: share of the baseline→final distance covered vs share of the period elapsed (时间过半、任务过\n'
        '半). Needed: growth per year still required to reach the final target.\n'
    ),
    ('en', 132): (
        'Demo — 2022\n'
        '                                                                          Progress /\n'
        'Indicator             Unit          Target       Actual   Gap  Attain.          time     Needed  Status          Outlook\n'
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech             家          5832 (i)         6348   516   108.9%   43.2% / 25%    +474/yr  ✓ met           + on track\n'
        'enterprises in\n'
        'manufacturing\n'
        'NC machining rate of  %         >=58.7 (i)  56.6 (2021)  -2.1    96.4%                2.1 pp/yr  · no data       ? insufficient data\n'
        'key processes\n'
        'Industrial            in words    显著提升                                                       – not assessed\n'
        'foundation\n'
        'capability of the\n'
        'chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its year. Progress / time: share of the baseline→final\n'
        'distance covered vs share of the period elapsed (时间过半、任务过半). Needed: growth per year still required to reach the final\n'
        'target.\n'
    ),
    ('en', 160): (
        'Demo — 2022\n'
        'Indicator                                      Unit          Target       Actual   Gap  Attain.  Progress / time     Needed  Status          Outlook\n'
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech enterprises in manufacturing         家          5832 (i)         6348   516   108.9%      43.2% / 25%    +474/yr  ✓ met           + on track\n'
        'NC machining rate of key processes             %         >=58.7 (i)  56.6 (2021)  -2.1    96.4%                   2.1 pp/yr  · no data       ? insufficient data\n'
        'Industrial foundation capability of the        in words    显著提升                                                          – not assessed\n'
        'chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its year. Progress / time: share of the baseline→final distance covered vs share of\n'
        'the period elapsed (时间过半、任务过半). Needed: growth per year still required to reach the final target.\n'
    ),
    ('zh', 80): (
        'Demo — 2022\n'
        '指标                          目标         实际  差距  状态      展望\n'
        '───────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业    5832 (i)         6348   516  ✓ 达标    + 符合进度\n'
        '关键工序数控化率        >=58.7 (i)  56.6 (2021)  -2.1  · 无数据  ? 数据不足\n'
        '产业链“五基”能力          显著提升                     – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完\n'
        '成的比例与已过时间的比例（时间过半、任务过半）。今后需年均：实现最终目标每年仍需\n'
        '的增长。\n'
    ),
    ('zh', 100): (
        'Demo — 2022\n'
        '指标                          目标         实际  差距  进度 / 时间  状态      展望\n'
        '────────────────────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业    5832 (i)         6348   516  43.2% / 25%  ✓ 达标    + 符合进度\n'
        '关键工序数控化率        >=58.7 (i)  56.6 (2021)  -2.1               · 无数据  ? 数据不足\n'
        '产业链“五基”能力          显著提升                                  – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完成的比例与已过时间的\n'
        '比例（时间过半、任务过半）。今后需年均：实现最终目标每年仍需的增长。\n'
    ),
    ('zh', 132): (
        'Demo — 2022\n'
        '指标                    单位        目标         实际  差距  完成率  进度 / 时间       今后需年均  状态      展望\n'
        '───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业  家      5832 (i)         6348   516  108.9%  43.2% / 25%        +474家/年  ✓ 达标    + 符合进度\n'
        '关键工序数控化率        %     >=58.7 (i)  56.6 (2021)  -2.1   96.4%               2.1 个百分点/年  · 无数据  ? 数据不足\n'
        '产业链“五基”能力        定性    显著提升                                                           – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完成的比例与已过时间的比例（时间过半、任务过半）。今后\n'
        '需年均：实现最终目标每年仍需的增长。\n'
    ),
    ('zh', 160): (
        'Demo — 2022\n'
        '指标                    单位        目标         实际  差距  完成率  进度 / 时间       今后需年均  状态      展望\n'
        '───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业  家      5832 (i)         6348   516  108.9%  43.2% / 25%        +474家/年  ✓ 达标    + 符合进度\n'
        '关键工序数控化率        %     >=58.7 (i)  56.6 (2021)  -2.1   96.4%               2.1 个百分点/年  · 无数据  ? 数据不足\n'
        '产业链“五基”能力        定性    显著提升                                                           – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 / 时间：自基期至最终目标已完成的比例与已过时间的比例（时间过半、任务过半）。今后需年均：实现最终目标每年仍需\n'
        '的增长。\n'
    ),
}


@pytest.mark.parametrize(("lang", "width"), sorted(EXPECTED))
def test_table_at_width(lang: str, width: int) -> None:
    out = io.StringIO()
    print_report(make_console(out, "never", width), ROWS, "Demo — 2022", lang)
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
    assert text == EXPECTED[(lang, width)]
    assert all(cell_len(line) <= width for line in out.getvalue().splitlines())


@pytest.mark.parametrize("width", [80, 100, 120, 160])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_row_shows_indicator_target_actual_gap_and_status(lang: str, width: int) -> None:
    out = io.StringIO()
    print_report(make_console(out, "never", width), ROWS[:2], "t", lang)
    text = out.getvalue()
    assert ("5832 (i)" in text and "6348" in text and " 516 " in text and "-2.1" in text)
    assert " 56.6 " in text and " (2021)" in text  # the year of the actual may wrap under it
    assert ("✓ met" in text and "· no data" in text) if lang == "en" else ("✓ 达标" in text and "· 无数据" in text)


def test_interpolated_count_rounds_towards_the_target() -> None:
    up = {"unit": "家", "direction": "up", "target": D("5831.25")}
    assert count_target(up) == D("5832")
    assert count_target({**up, "direction": "down"}) == D("5831")
    assert count_target({**up, "unit": "%"}) == D("5831.25")
    assert count_target({**up, "target": D("12")}) == D("12")


def test_show_selects_rows() -> None:
    assert [r["indicator"] for r in shown_rows(ROWS, "assessed")] == ["high_tech_enterprises"]
    assert len(shown_rows(ROWS, "targets")) == 3
    assert len(shown_rows(ROWS, "all")) == 4


PLANS = (("chongqing", 2024), ("mianyang", 2019), ("jinhua", 2022), ("zibo", 2024), ("sichuan", 2022))
WIDTHS = (80, 100, 132, 160)
LANGS = ("zh", "en")
SIX = ("indicator", "target", "actual", "gap", "status", "outlook")


@cache
def shipped(plan: str, year: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of a shipped plan's report as the command line gives them to the table, and its summary."""
    report = report_plan(open_compiled(plan, REPO / "targets"), REPO / "targets", year)
    rows = list(Document("t", ALL_COLUMNS, batches=[report.columns.columns]).iter_rows())
    return rows, report.summary()


def printed(rows: list[dict[str, Any]], lang: str, width: int, title: str = "t") -> list[str]:
    out = io.StringIO()
    print_report(make_console(out, "never", width), rows, title, lang)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def headers(rows: list[dict[str, Any]], lang: str, width: int) -> list[str]:
    table, _ = report_table(shown_rows(rows, "targets"), "t", lang, width)
    return [str(column.header) for column in table.columns]


def row_heights(table: Table, width: int) -> list[dict[str, int]]:
    """Lines each cell of each row takes, rendered as rich renders a cell: at its column's width and settings."""
    console = make_console(io.StringIO(), "never", width)
    heights: list[dict[str, int]] = []
    for column in table.columns:
        assert column.width is not None  # every width is set by the table, none left to rich
        options = console.options.update(width=column.width, justify=column.justify, no_wrap=column.no_wrap,
                                         overflow=column.overflow)
        for index, cell in enumerate(column.cells):
            if index == len(heights):
                heights.append({})
            heights[index][str(column.header)] = len(console.render_lines(cell, options))
    return heights


def body_lines(table: Table, width: int) -> list[str]:
    """The lines of the rendered table under its heading rule."""
    out = io.StringIO()
    make_console(out, "never", width).print(table)
    lines = out.getvalue().splitlines()
    rule = next(index for index, line in enumerate(lines) if line.strip() and set(line.strip()) == {"─"})
    return lines[rule + 1:]


def _squash(text: str) -> str:
    return "".join(text.split())


def paragraphs(footer: list[str], texts: list[str]) -> Iterator[list[str]]:
    """The printed lines of each of ``texts``, in order: as many lines as hold the text (spaces aside)."""
    at = 0
    for text in texts:
        lines: list[str] = []
        while len(_squash("".join(lines))) < len(_squash(text)):
            lines.append(footer[at])
            at += 1
        assert _squash("".join(lines)) == _squash(text)
        yield lines
    assert footer[at:] == []


def breaks_inside_a_word(lines: list[str], text: str) -> list[tuple[str, str]]:
    """Where a line of ``text`` ends and the next begins inside a Latin word or a number: the characters on both sides
    of the break are letters or digits, and the text had no space between them."""
    alnum = set(string.ascii_letters + string.digits)
    spaced = [index > 0 and text[index - 1].isspace() for index, char in enumerate(text) if not char.isspace()]
    found, at = [], 0
    for before, after in zip(lines, lines[1:], strict=False):
        at += len(_squash(before))
        if before and after and not spaced[at] and before.rstrip()[-1] in alnum and after.lstrip()[0] in alnum:
            found.append((before, after))
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("plan", "year"), PLANS)
def test_shipped_plans_fit_the_terminal(plan: str, year: int, lang: str, width: int) -> None:
    rows, summary = shipped(plan, year)
    out = io.StringIO()
    console = make_console(out, "never", width)
    print_report(console, rows, f"{plan} — {year}", lang)
    print_summary(console, summary, "summary", lang)
    too_wide = [line for line in out.getvalue().splitlines() if cell_len(line.rstrip()) > width]
    assert too_wide == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("plan", "year"), PLANS)
def test_columns_kept_at_100_and_132(plan: str, year: int, lang: str) -> None:
    rows, _ = shipped(plan, year)
    six = [heading(key, lang) for key in SIX]
    assert [name for name in headers(rows, lang, 100) if name in six] == six
    with_content = headers(rows, lang, 1000)  # every column some row has something in
    wanted = [heading(key, lang) for key in (*SIX[:4], "progress", "needed", "status", "outlook")]
    assert [name for name in headers(rows, lang, 132) if name in wanted] == [n for n in wanted if n in with_content]
    if plan in ("chongqing", "mianyang", "jinhua"):
        assert heading("progress", lang) in with_content and heading("needed", lang) in with_content


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("plan", "year"), PLANS)
def test_targets_in_words_are_one_line(plan: str, year: int, lang: str, width: int) -> None:
    rows, _ = shipped(plan, year)
    shown = shown_rows(rows, "targets")
    table, _ = report_table(shown, "t", lang, width)
    heights = row_heights(table, width)
    assert sum(max(row.values()) for row in heights) == len(body_lines(table, width))
    target = heading("target", lang)
    worded = [cells for row, cells in zip(shown, heights, strict=True) if row.get("target") is None
              and row.get("target_text")]
    assert worded
    for cells in worded:
        assert cells[target] == 1
        assert max(cells.values()) == max(lines for name, lines in cells.items() if name != target)


LONG_WORDS: dict[str, Any] = {"indicator": "words", "name_zh": "定性目标", "name_en": "In words", "unit": "qualitative", "plan": "demo",
              "direction": "up", "year": 2022, "target": None, "status": "not_assessed",
              "target_text": "企业市场地位得到提升,技术水平进一步跃升,经营业绩持续提高; 总结推广一批企业创新发展的成功经验和发展模式"
                             ",引领和带动更多的企业争创、冲击行业单项冠军"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_long_target_in_words_is_cut_on_one_line_with_a_pointer_to_it_in_full(lang: str, width: int) -> None:
    rows = [*ROWS[:2], LONG_WORDS]
    table, footnotes = report_table(rows, "t", lang, width)
    body = body_lines(table, width)
    assert len(body) == sum(max(row.values()) for row in row_heights(table, width))
    words_line = next(line for line in body if line.startswith(LONG_WORDS[f"name_{lang}"]))
    assert words_line.rstrip().endswith("– not assessed" if lang == "en" else "– 不评估")
    assert "…" in words_line and "企业市场" in words_line
    assert body.index(words_line) == len(body) - 1  # the last row is one line
    assert footnotes[-1] == WORDS_CUT[lang].format(plan="demo", year=2022)
    assert "gapcalc report demo 2022 --show all -f markdown" in footnotes[-1]


def test_a_target_in_words_that_fits_is_not_cut() -> None:
    table, footnotes = report_table(ROWS[:3], "t", "zh", 160)
    assert "显著提升" in "".join(body_lines(table, 160)) and "…" not in "".join(body_lines(table, 160))
    assert footnotes == []


def test_the_command_the_table_points_to_shows_targets_in_words_in_full(runner: CliRunner, in_repo: Path) -> None:
    result = runner.invoke(cli, ["report", "mianyang", "2019", "--show", "all", "-f", "markdown"])
    assert result.exit_code == 0
    assert "| target_text |" in result.stdout.splitlines()[0]
    assert LONG_WORDS["target_text"] in result.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("plan", "year"), PLANS)
def test_lines_under_the_table_break_between_words(plan: str, year: int, lang: str, width: int) -> None:
    rows, _ = shipped(plan, year)
    shown = shown_rows(rows, "targets")
    table, footnotes = report_table(shown, "t", lang, width)
    lines = printed(rows, lang, width)
    out = io.StringIO()
    make_console(out, "never", width).print(table)
    footer = lines[len(out.getvalue().splitlines()):]
    texts = [ROWS_LEFT_OUT[lang].format(count=len(rows) - len(shown), show="targets")] if len(shown) < len(rows) else []
    texts += [*footnotes, LEGENDS[lang]]
    if any(row.get("warning") for row in rows):
        texts.append(WARNING_LEGENDS[lang])
    for text, paragraph in zip(texts, paragraphs(footer, texts), strict=True):
        assert breaks_inside_a_word(paragraph, text) == []
        assert all(cell_len(line) <= width for line in paragraph)


def test_wrapping_keeps_words_numbers_and_urls_whole() -> None:
    text = ("[1] nc_rate 2021: mid-2021 assessment (原文“关键工序数控化率达到56.6%”) — 人民网,2021-08-24; "
            "https://example.org/a/very/long/path/to/the/source/page.html then 12345 words")
    for width in range(12, 60):
        lines = wrap_text(text, width)
        assert _squash("".join(lines)) == _squash(text)
        assert breaks_inside_a_word(lines, text) == []
        url = next(line for line in lines if "https://" in line)
        assert url == "https://example.org/a/very/long/path/to/the/source/page.html" or cell_len(url) <= width
        assert all(cell_len(line) <= width for line in lines if line != url)
        assert not any(line.startswith(("，", "。", "）", "”", ")")) for line in lines)


def test_a_word_longer_than_the_line_is_cut_only_then() -> None:
    assert wrap_text("a " + "x" * 25, 10) == ["a", "x" * 10, "x" * 10, "x" * 5]
