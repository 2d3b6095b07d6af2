# ruff: noqa: E501  (expected table lines are as wide as the table)
"""The terminal gap table at 80 and 160 columns, in English and Chinese: exact output (trailing spaces aside).

Every row keeps its indicator, target, actual, gap and status; secondary columns go first when narrow; units and
status words never split; an interpolated count target prints as a whole number; rows without a target for the year
are left out by default, with a line saying so.
"""

from __future__ import annotations

import io
from decimal import Decimal as D
from typing import Any

import pytest

from gapcalc.render.table import count_target, make_console, print_report, shown_rows

ROWS: list[dict[str, Any]] = [
    {"indicator": "high_tech_enterprises", "name_zh": "制造业领域高新技术企业", "name_en": "High-tech enterprises in manufacturing",
     "unit": "家", "direction": "up", "year": 2022, "target": D("5831.75"), "comparator": "=", "target_source": "interpolated",
     "actual": D("6348"), "actual_year": 2022, "gap": D("516.25"), "attainment_pct": 108.853, "progress_pct": 43.2,
     "time_elapsed_pct": 25.0, "required_cagr_pct": 8.01, "status": "met", "outlook": "on_track"},
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
        'Indicator                           Target        Actual    Gap   Status\n'
        '────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech enterprises in          5832 (i)          6348    516   ✓ met\n'
        'manufacturing\n'
        'NC machining rate of key        >=58.7 (i)   56.6 (2021)   -2.1   · no data\n'
        'processes\n'
        'Industrial foundation             显著提升                        – not assessed\n'
        'capability of the chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its\n'
        'year. Progress / time: share of the baseline→final distance covered vs share of\n'
        'the period elapsed (时间过半、任务过半). Needed: growth per year still required\n'
        'to reach the final target.\n'
    ),
    ('en', 160): (
        'Demo — 2022\n'
        'Indicator                              Unit           Target        Actual    Gap   Attain.   Progress / time      Needed   Status           Outlook\n'
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        'High-tech enterprises in               家           5832 (i)          6348    516    108.9%         43% / 25%       8%/yr   ✓ met            + on track\n'
        'manufacturing\n'
        'NC machining rate of key processes     %          >=58.7 (i)   56.6 (2021)   -2.1     96.4%           0% / 0%   2.1 pp/yr   · no data        ? insufficient data\n'
        'Industrial foundation capability of    in words     显著提升                                                                – not assessed\n'
        'the chains\n'
        '1 more not shown (--show targets); --show all shows every row.\n'
        'Target: (i) interpolated between milestones, (f) final target carried past its year. Progress / time: share of the baseline→final distance covered vs share of\n'
        'the period elapsed (时间过半、任务过半). Needed: growth per year still required to reach the final target.\n'
    ),
    ('zh', 80): (
        'Demo — 2022\n'
        '指标                           目标          实际   差距   状态       展望\n'
        '────────────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业     5832 (i)          6348    516   ✓ 达标     + 符合进度\n'
        '关键工序数控化率         >=58.7 (i)   56.6 (2021)   -2.1   · 无数据   ? 数据不足\n'
        '产业链“五基”能力           显著提升                        – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 /\n'
        '时间：自基期至最终目标已完成的比例与已过时间的比例（时间过半、任务过半）。今后需\n'
        '年均：实现最终目标每年仍需的增长。\n'
    ),
    ('zh', 160): (
        'Demo — 2022\n'
        '指标                     单位         目标          实际   差距   完成率   进度 / 时间        今后需年均   状态       展望\n'
        '────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────\n'
        '制造业领域高新技术企业   家       5832 (i)          6348    516   108.9%     43% / 25%             8%/年   ✓ 达标     + 符合进度\n'
        '关键工序数控化率         %      >=58.7 (i)   56.6 (2021)   -2.1    96.4%       0% / 0%   2.1 个百分点/年   · 无数据   ? 数据不足\n'
        '产业链“五基”能力         定性     显著提升                                                                 – 不评估\n'
        '另有 1 行未显示（--show targets）；--show all 显示全部。\n'
        '目标：(i) 按里程碑线性插值，(f) 沿用最终目标。进度 /\n'
        '时间：自基期至最终目标已完成的比例与已过时间的比例（时间过半、任务过半）。今后需年均：实现最终目标每年仍需的增长。\n'
    ),
}


@pytest.mark.parametrize(("lang", "width"), sorted(EXPECTED))
def test_table_at_width(lang: str, width: int) -> None:
    out = io.StringIO()
    print_report(make_console(out, "never", width), ROWS, "Demo — 2022", lang)
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
    assert text == EXPECTED[(lang, width)]
    assert all(len(line) <= width for line in out.getvalue().splitlines())


@pytest.mark.parametrize("width", [80, 100, 120, 160])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_row_shows_indicator_target_actual_gap_and_status(lang: str, width: int) -> None:
    out = io.StringIO()
    print_report(make_console(out, "never", width), ROWS[:2], "t", lang)
    text = out.getvalue()
    assert ("5832 (i)" in text and "6348" in text and " 516 " in text and "56.6 (2021)" in text and "-2.1" in text)
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
