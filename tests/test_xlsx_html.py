"""The xlsx and html renderers: numbers stay numbers, colour never alone, nothing runs, nothing is fetched."""

from __future__ import annotations

import ast
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from html_check import parse_page
from reference_engine import build_report, summarise_rows

from gapcalc.engine.contracts import ALL_COLUMNS, SUMMARY_COLUMNS
from gapcalc.render.document import Document
from gapcalc.render.html import render_html, report_footnotes, table_page
from gapcalc.render.xlsx import Sheet, cell_value, display_width, number_format, render_xlsx
from gapcalc.usecases.open import open_actuals, open_plan

REPO = Path(__file__).resolve().parent.parent
GREEN, YELLOW, RED, GREY = "00C6EFCE", "00FFEB9C", "00FFC7CE", "00E7E6E6"
Rows = list[dict[str, Any]]


@pytest.fixture()
def demo(in_demo: Path) -> tuple[Rows, Rows]:
    """The demo plan's 2019 report rows and summary rows, built by gapcalc's own engine."""
    loaded = open_plan("demo", in_demo / "targets")
    actuals = open_actuals(loaded, None, in_demo / "targets")
    rows = build_report(loaded.plan, 2019, actuals.values)
    return rows, summarise_rows(loaded.plan, 2019, rows)


def demo_workbook(rows: Rows, summary: Rows) -> bytes:
    return render_xlsx([Sheet("demo 2019", ALL_COLUMNS, rows, "report"),
                        Sheet("summary", SUMMARY_COLUMNS, summary, "summary")], sources=rows)


def load(data: bytes) -> Any:
    import openpyxl  # only the xlsx renderer imports openpyxl at module level

    return openpyxl.load_workbook(io.BytesIO(data))


def row_of(worksheet: Any, indicator: str) -> dict[str, Any]:
    """The cells of the row whose ``indicator`` is ``indicator``, keyed by header."""
    header = [c.value for c in worksheet[1]]
    for cells in worksheet.iter_rows(min_row=2):
        by_name = dict(zip(header, cells, strict=True))
        if by_name["indicator"].value == indicator:
            return by_name
    raise AssertionError(f"no row {indicator}")


def fill(cell: Any) -> str | None:
    return cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None


# --- xlsx ---------------------------------------------------------------------------------------------------------


def test_xlsx_sheets_header_and_frozen_panes(demo: tuple[Rows, Rows]) -> None:
    workbook = load(demo_workbook(*demo))
    assert workbook.sheetnames == ["demo 2019", "summary", "Sources"]
    sheet = workbook["demo 2019"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["plan", "indicator", "name_zh", "breakdown", "unit", "direction", "year", "target"]
    assert "attainment_pct (%)" in header and "status" in header and "outlook" in header
    assert len(header) == len(ALL_COLUMNS)
    assert all(c.font.b for c in sheet[1]) and all(fill(c) == "00DDEBF7" for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:AV7"
    assert workbook.properties.creator == "gapcalc"


def test_xlsx_numbers_are_numbers(demo: tuple[Rows, Rows]) -> None:
    sheet = load(demo_workbook(*demo))["demo 2019"]
    nc = row_of(sheet, "nc_rate_key_processes")
    assert nc["target"].value == 46 and type(nc["target"].value) is int
    assert nc["gap"].value == -2 and nc["gap"].data_type == "n"
    assert nc["actual"].value == 44 and nc["year"].value == 2019
    assert nc["attainment_pct (%)"].value == pytest.approx(95.65217391304348, abs=1e-12)
    energy = row_of(sheet, "energy_per_unit_iva")
    assert energy["target"].value == 0.704 and energy["target"].number_format == "0.000"
    assert energy["baseline"].value == 0.8 and energy["baseline"].number_format == "0.00"
    assert energy["gap"].value == 0.016
    share = row_of(sheet, "high_tech_mfg_share")
    assert share["target"].value == 38.333333 and share["target"].number_format == "0.000000"
    assert nc["attainment_pct (%)"].number_format == "0.0"
    assert nc["required_change_per_year"].number_format == "0.00"
    assert nc["year"].number_format == "0" and nc["target"].number_format == "#,##0"
    assert row_of(sheet, "smart_mfg_talent")["target"].value is None


def test_xlsx_status_and_outlook_coloured_and_worded(demo: tuple[Rows, Rows]) -> None:
    sheet = load(demo_workbook(*demo))["demo 2019"]
    nc = row_of(sheet, "nc_rate_key_processes")
    assert nc["status"].value == "not_met" and fill(nc["status"]) == RED
    assert nc["outlook"].value == "on_track" and fill(nc["outlook"]) == GREEN
    green = row_of(sheet, "green_factories")
    assert green["status"].value == "met" and fill(green["status"]) == GREEN
    energy = row_of(sheet, "energy_per_unit_iva")
    assert energy["outlook"].value == "acceleration_needed" and fill(energy["outlook"]) == YELLOW
    talent = row_of(sheet, "smart_mfg_talent")
    assert talent["status"].value == "not_assessed" and fill(talent["status"]) == GREY
    assert fill(nc["indicator"]) is None and fill(nc["gap"]) is None


def test_xlsx_summary_sheet(demo: tuple[Rows, Rows]) -> None:
    sheet = load(demo_workbook(*demo))["summary"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("plan", "subplan", "subplan_name", "year", "rows", "met")
    assert "met_share_pct (%)" in rows[0]
    assert rows[1][:10] == ("demo", "*", "演示市制造业行动计划", 2019, 6, 1, 3, 1, 1, 4)
    assert sheet["E2"].number_format == "#,##0" and sheet["F2"].fill.fill_type is None
    assert sheet.freeze_panes == "A2"


def test_xlsx_sources_sheet(demo: tuple[Rows, Rows]) -> None:
    sheet = load(demo_workbook(*demo))["Sources"]
    assert list(sheet.iter_rows(values_only=True)) == [
        ("indicator", "year", "source", "source_title", "note"),
        ("nc_rate_key_processes", 2019, "https://example.org/2019", "Demo statistical bulletin 2019", None),
        ("enterprises_on_cloud", 2019, "https://example.org/2019", "Demo statistical bulletin 2019",
         "lower bound (超300家)"),
        ("green_factories", 2019, "https://example.org/2019", "Demo statistical bulletin 2019", None),
        ("energy_per_unit_iva", 2019, "https://example.org/2019", "Demo statistical bulletin 2019", None),
        ("high_tech_mfg_share", 2018, "https://example.org/2018", "Demo statistical bulletin 2018", None),
    ]
    assert sheet["C2"].hyperlink.target == "https://example.org/2019"


def test_xlsx_without_sources_has_no_sources_sheet(demo: tuple[Rows, Rows]) -> None:
    workbook = load(render_xlsx([Sheet("report", ALL_COLUMNS, demo[0], "report")]))
    assert workbook.sheetnames == ["report"]


def test_xlsx_formula_text_neutralised_numbers_untouched() -> None:
    rows = [
        {"indicator": "a", "gap": Decimal("-2"), "note": "=SUM(A1)"},
        {"indicator": "b", "gap": -0.5, "note": "+1 call"},
        {"indicator": "@c", "gap": Decimal("-0.25"), "note": "-2"},
        {"indicator": "\tcmd", "gap": -3, "note": "-x"},
    ]
    sheet = load(render_xlsx([Sheet("t", ("indicator", "gap", "note"), rows)]))["t"]
    assert [c.value for c in sheet["C"][1:]] == ["'=SUM(A1)", "'+1 call", "-2", "'-x"]
    assert [c.value for c in sheet["A"][1:]] == ["a", "b", "'@c", "'\tcmd"]
    assert [c.value for c in sheet["B"][1:]] == [-2, -0.5, -0.25, -3]
    assert all(c.data_type == "n" for c in sheet["B"][1:])
    assert all(c.data_type == "s" for c in sheet["C"][1:])


def test_xlsx_plain_and_targets_sheets_are_not_coloured() -> None:
    rows = [{"indicator": "x", "status": "not_met"}]
    workbook = load(render_xlsx([Sheet("p", ("indicator", "status"), rows), Sheet("t", ("indicator", "status"),
                                                                               rows, "targets")]))
    assert fill(workbook["p"]["B2"]) is None and fill(workbook["t"]["B2"]) is None
    compare = load(render_xlsx([Sheet("c", ("indicator", "status"), rows, "compare")]))["c"]
    assert compare["B2"].value == "not_met" and fill(compare["B2"]) == RED


def test_xlsx_column_widths_count_chinese_as_two() -> None:
    rows = [{"name_zh": "关键工序数控化率关键工序数控化率", "en": "x" * 16, "quote": "长" * 100}]
    sheet = load(render_xlsx([Sheet("w", ("name_zh", "en", "quote"), rows)]))["w"]
    assert sheet.column_dimensions["A"].width == 34  # 16 wide characters + 2
    assert sheet.column_dimensions["B"].width == 18
    assert sheet.column_dimensions["C"].width == 60  # capped
    assert sheet["C2"].alignment.wrap_text
    assert display_width("绵阳 ab") == 7 and display_width("ＡＢ") == 4


def test_xlsx_values_and_formats() -> None:
    assert cell_value(Decimal("15.0")) == 15.0 and type(cell_value(Decimal("15.0"))) is float
    assert cell_value(Decimal("46")) == 46 and type(cell_value(Decimal("46"))) is int
    assert cell_value(Decimal("1E+2")) == 100
    assert cell_value(0.1 + 0.2) == 0.1 + 0.2  # stored exactly, never rounded
    assert cell_value(None) is None
    assert cell_value("a\x01b") == "ab"
    assert number_format("target", Decimal("15.0")) == "0.0"
    assert number_format("target", Decimal("0.704")) == "0.000"
    assert number_format("target", Decimal("350")) == "#,##0"
    assert number_format("attainment_pct", 85.7) == "0.0"
    assert number_format("attainment_pct", Decimal("12.50")) == "0.00"
    assert number_format("growth_ratio", 1.2) == "0.00"
    assert number_format("actual_year", 2019) == "0"
    assert number_format("rows", 6) == "#,##0"
    assert number_format("note", "x") is None and number_format("flag", True) is None


def test_xlsx_is_deterministic(demo: tuple[Rows, Rows]) -> None:
    assert demo_workbook(*demo) == demo_workbook(*demo)


def test_xlsx_sheet_titles_valid_and_unique() -> None:
    data = render_xlsx([Sheet("a/b:c", ("x",), []), Sheet("A_B_C", ("x",), []), Sheet("x" * 40, ("x",), []),
                        Sheet("Sources", ("x",), [])], sources=[])
    assert load(data).sheetnames == ["a_b_c", "A_B_C (2)", "x" * 31, "Sources", "Sources (2)"]


def test_xlsx_unknown_kind_rejected() -> None:
    with pytest.raises(ValueError, match="unknown sheet kind"):
        Sheet("x", ("a",), [], "pie")  # type: ignore[arg-type]


def test_openpyxl_imported_at_module_level_only_by_the_xlsx_renderer() -> None:
    paths = sorted((REPO / "gapcalc").rglob("*.py"))
    assert paths
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names]
        names += [node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)]
        if path.name != "xlsx.py" or path.parent.name != "render":
            assert not any(n.split(".")[0] == "openpyxl" for n in names), path


@pytest.mark.parametrize("name", ["xlsx.py", "html.py", "words.py"])
def test_renderers_import_neither_click_nor_rich(name: str) -> None:
    text = (REPO / "gapcalc" / "render" / name).read_text(encoding="utf-8")
    for package in ("click", "rich"):
        assert f"import {package}" not in text and f"from {package}" not in text


# --- html ---------------------------------------------------------------------------------------------------------




def demo_page(rows: Rows, summary: Rows, lang: str = "en") -> str:
    return render_html(Document("演示市 <demo> 2019", ALL_COLUMNS, rows, kind="report", summary=summary, lang=lang))


def test_html_demo_page_is_well_formed_and_offline(demo: tuple[Rows, Rows]) -> None:
    page = demo_page(*demo)
    checker = parse_page(page)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    for forbidden in ("<script", "<link", "src=", "@import", "url(", "<img", "<iframe"):
        assert forbidden not in page.lower()
    assert [h for h in checker.hrefs if not h.startswith("#")] == [
        "https://example.org/2019", "https://example.org/2019", "https://example.org/2019",
        "https://example.org/2019", "https://example.org/2018"]  # only the sources of the notes
    assert [h for h in checker.hrefs if h.startswith("#")] == ["#note-1", "#note-2", "#note-3", "#note-4",
                                                                        "#note-5"]
    assert not checker.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert '"Noto Sans CJK SC"' in page and '"WenQuanYi Micro Hei"' in page and "sans-serif" in page
    assert "@page { size: A4 landscape;" in page and "@media print" in page
    assert "<title>演示市 &lt;demo&gt; 2019</title>" in page and "<h1>演示市 &lt;demo&gt; 2019</h1>" in page


def test_html_status_words_symbols_and_colours(demo: tuple[Rows, Rows]) -> None:
    page = demo_page(*demo)
    assert '<td><span class="pill" style="background:#FFC7CE">✗ not met</span></td>' in page
    assert '<td><span class="pill" style="background:#C6EFCE">✓ met</span></td>' in page
    assert '<td><span class="pill" style="background:#FFEB9C">! accelerate</span></td>' in page
    assert page.count("✗ not met</span></td>") == 3


def test_html_summary_first_then_table_then_notes(demo: tuple[Rows, Rows]) -> None:
    page = demo_page(*demo)
    assert page.index("<h2>Summary</h2>") < page.index("<table>") < page.index("<h2>Sources and notes</h2>")
    assert ('<li id="note-2">Enterprises on the cloud 2019 — lower bound (超300家) — Demo statistical bulletin 2019 — '
            '<a href="https://example.org/2019">https://example.org/2019</a></li>') in page
    assert "<h2>演示市制造业行动计划</h2>" in page  # a plan without subplans: one section named after the plan
    chinese = demo_page(*demo, lang="zh")
    assert '<html lang="zh">' in chinese and "<h2>总体情况</h2>" in chinese and "<h2>资料来源与注释</h2>" in chinese
    assert "<th>指标</th>" in chinese and '<th class="num">完成率</th>' in chinese


def test_html_report_row_cells(demo: tuple[Rows, Rows]) -> None:
    page = demo_page(*demo)
    row = page.split('<tr data-indicator="nc_rate_key_processes"><td class="name"><b>NC machining rate of key processes'
                     '</b>', 1)[1].split("</tr>", 1)[0]
    assert ('<td class="num">46%</td><td class="num">44%<sup><a href="#note-1">[1]</a></sup></td>'
            '<td class="num">-2 pp</td><td class="num">95.7%</td>') in row
    assert '<span class="small">75% done, 66.7% of time</span></td><td class="num">+6 pp/yr</td>' in row
    assert "<dt>Baseline</dt><dd>26% (2017)</dd><dt>Final target</dt><dd>50% (2020)</dd>" in row
    assert '<td class="num">0.704 tce per 10,000 yuan (i)</td>' in page  # interpolated target marked (i)


def test_html_one_row_exact() -> None:
    columns = ("indicator", "name_zh", "target", "gap", "attainment_pct", "status", "outlook", "note")
    rows = [{"indicator": "x", "name_zh": "数控化率", "target": Decimal("46.0"), "gap": Decimal("-2"),
             "attainment_pct": 95.65217391304348, "status": "not_met", "outlook": "limited_progress",
             "note": "<b>proxy</b> & \"lower\" bound"}]
    page = table_page("t", rows, columns)
    assert page.split("<thead>\n", 1)[1].split("</table>", 1)[0] == (
        '<tr><th>indicator</th><th>name_zh</th><th class="num">target</th><th class="num">gap</th>'
        '<th class="num">attainment_pct</th><th>status</th><th>outlook</th><th>note</th></tr>\n'
        "</thead>\n<tbody>\n"
        '<tr><td>x</td><td>数控化率</td><td class="num">46.0</td><td class="num">-2</td><td class="num">95.7</td>'
        '<td class="class" style="background:#FFC7CE">✗ not met</td>'
        '<td class="class" style="background:#FFD8B0">- limited progress</td>'
        "<td>&lt;b&gt;proxy&lt;/b&gt; &amp; &quot;lower&quot; bound</td></tr>\n"
        "</tbody>\n")
    assert "<b>" not in page
    assert "<footer>" not in page and "<h2>Summary</h2>" not in page
    parse_page(page)


def test_html_footnote_links_only_http() -> None:
    notes = ["see https://example.org/a?b=1&c=2.", "javascript:alert(1)", "<script>x</script>",
             "来源：http://stats.example.cn/x）"]
    page = table_page("t", [], ("a",), footnotes=notes)
    checker = parse_page(page)
    assert checker.hrefs == ["https://example.org/a?b=1&c=2", "http://stats.example.cn/x"]
    assert ('<li>see <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.</li>'
            in page)
    assert "<li>javascript:alert(1)</li>" in page and "&lt;script&gt;" in page and "<script" not in page


def test_report_footnotes(demo: tuple[Rows, Rows]) -> None:
    assert report_footnotes(demo[0]) == [
        "[1] enterprises_on_cloud 2019: lower bound (超300家) — Demo statistical bulletin 2019, "
        "https://example.org/2019"]
