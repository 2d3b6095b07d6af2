"""The report page's parts, the progress site (every link resolves, same bytes twice) and the written brief."""

from __future__ import annotations

import csv
import io
import posixpath
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from html_check import parse_page

from gapcalc.chinese import to_simplified
from gapcalc.cli.main import cli
from gapcalc.render.figures import difference, with_unit
from gapcalc.render.rows import clean_value
from gapcalc.render.series import _mark, chart_from_row, engine_chart, final_mark, observed_actuals
from gapcalc.render.site import relative
from gapcalc.render.svg import ChartData, Mark, indicator_svg, progress_svg


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- the site -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped plans for 2022, written by the command line."""
    import os

    output = tmp_path_factory.mktemp("site")
    here = Path.cwd()
    os.chdir(Path(__file__).resolve().parent.parent)
    try:
        code, _, err = invoke(CliRunner(), "site", str(output), "--year", "2022")
    finally:
        os.chdir(here)
    assert code == 0, err
    return output


def check_site(site: Path) -> tuple[set[str], int]:
    """Every page of a written site parses, is offline, and every internal link (and its anchor) resolves: the
    pages, and how many internal links were followed."""
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}
    parsed = {path: parse_page(text) for path, text in pages.items()}
    checked = 0
    for path, links in parsed.items():
        assert not links.tags & {"script", "link", "img", "iframe", "object", "embed"}, path
        assert "src=" not in pages[path] and "url(" not in pages[path], path
        for href in links.hrefs:
            if href.startswith(("http://", "https://")):
                continue
            target, _, anchor = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert resolved in parsed, f"{path}: {href} leads nowhere"
            assert not anchor or anchor in parsed[resolved].ids, f"{path}: {href} has no anchor"
            checked += 1
    return set(pages), checked


def test_site_every_page_parses_and_every_internal_link_resolves(site: Path) -> None:
    pages, checked = check_site(site)
    assert checked > 1000
    assert {"index.html", "zh/index.html", "en/index.html", "zh/plans/chongqing.html",
            "en/plans/chongqing/ii_integration_index.html", "zh/shared/nc_rate_key_processes.html"} <= set(pages)


def test_site_language_switch_and_shared_pages(site: Path) -> None:
    zh = (site / "zh/plans/chongqing/ii_integration_index.html").read_text(encoding="utf-8")
    switch = '<a class="lang" href="../../../en/plans/chongqing/ii_integration_index.html" hreflang="en">English</a>'
    assert switch in zh
    assert '<a href="../../shared/ii_integration_index.html">多个规划共有的指标</a>' in zh
    assert "“兩化融合發展指數總體水平達到65”" in zh  # the quote of the target
    note = "<td>为两化融合发展水平，与规划目标值65口径一致（原文“全市兩化融合發展水平達到58.6”）</td>"
    assert note in zh  # simplified, the quote verbatim
    assert "<td>2025</td><td>水平值</td><td>65</td><td>65</td>" in zh
    shared = (site / "en/shared/nc_rate_key_processes.html").read_text(encoding="utf-8")
    assert shared.count('<td class="name"><b><a href="../plans/') == 2


def test_site_same_input_same_bytes(site: Path, tmp_path: Path, in_repo: Path, runner: CliRunner) -> None:
    code, _, _ = invoke(runner, "site", str(tmp_path / "again"), "--year", "2022")
    assert code == 0
    first = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in sorted((tmp_path / "again").rglob("*"))
              if p.is_file()}
    assert first == second
    assert not list((tmp_path / "again").rglob("*.tmp"))


def test_site_command_output_line(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "site", str(tmp_path / "s"), "--year", "2021", "--lang", "en")
    assert (code, out) == (0, "")
    assert err == f"wrote 232 pages for 5 plans (en; year 2021) to {tmp_path / 's'}\n"
    english = (tmp_path / "s/en/index.html").read_text(encoding="utf-8")
    assert 'class="lang"' not in english and not (tmp_path / "s/zh").exists()


def test_site_default_year_is_the_latest_actual(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "site", str(tmp_path / "s"), "--lang", "zh")
    assert code == 0 and err.endswith(f"（zh；2024 年）写入 {tmp_path / 's'}\n")  # said in the language chosen


SHIPPED = ("chongqing", "jinhua", "mianyang", "sichuan", "zibo")


def row_svgs(page: str) -> dict[tuple[str, str], str]:
    """The small chart of each table row of a page, keyed by (indicator id, name shown)."""
    charts = {}
    for row in page.split("<tr data-indicator=")[1:]:
        row = "data-indicator=" + row
        if '<td class="name">' not in row or "<svg" not in row:
            continue
        indicator = row.split('data-indicator="', 1)[1].split('"', 1)[0]
        name = row.split("<b>", 1)[1].split("</b>", 1)[0]
        name = name.split(">", 1)[1].split("</a>")[0] if name.startswith("<a ") else name
        charts[(indicator, name)] = "<svg" + row.split("<svg", 1)[1].split("</svg>", 1)[0] + "</svg>"
    return charts


def test_page_and_site_draw_the_same_chart_of_every_assessed_row(in_repo: Path, runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    """For every year with an assessed row, the site's chart data of every row is the report page's, and the chart
    of each assessed row is drawn the same on the report page and on the site's plan page."""
    from gapcalc.usecases.charts import report_extra
    from gapcalc.usecases.run import open_compiled, report_plan
    from gapcalc.usecases.site import build_site, load_plan_data

    targets, compared = in_repo / "targets", 0
    for year in range(2017, 2026):
        site_pages: dict[str, str] = {}
        for plan in SHIPPED:
            compiled = open_compiled(plan, targets)
            report = report_plan(compiled, targets, year)
            page_charts = report_extra(report)["charts"]
            shown_year = min(year, compiled.period[1])  # the site shows a plan that ended at its final year
            on_site_charts = report_extra(report_plan(compiled, targets, shown_year))["charts"]
            assert {(plan, *k): v for k, v in load_plan_data(plan, year, targets).charts.items()} == on_site_charts
            assessed = [r for r in report.columns.rows() if r["status"] in ("met", "not_met")]
            if not assessed or shown_year != year:
                continue
            site_pages = site_pages or build_site(targets, year, ("zh",))
            output = tmp_path / f"{plan}-{year}.html"
            assert invoke(runner, "report", plan, str(year), "-f", "html", "--lang", "zh", "-o", str(output))[0] == 0
            page, on_site = row_svgs(output.read_text(encoding="utf-8")), row_svgs(site_pages[f"zh/plans/{plan}.html"])
            for row in assessed:
                shown = [key for key in page if key[0] == row["indicator"]]
                assert shown and all(page[key] == on_site[key] for key in shown), (plan, year, row["indicator"])
                chart = page_charts[(plan, row["indicator"], row["breakdown"] or "")]
                latest = max([*chart.actuals, *([chart.baseline] if chart.baseline else [])], key=lambda m: m.year)
                assert (latest.year, latest.value) == (row["actual_year"], row["actual"]), (plan, row["indicator"])
                compared += 1
    assert compared >= 7


def test_site_indicator_page_gives_each_actuals_source_as_the_report_row(site: Path, runner: CliRunner,
                                                                          in_repo: Path) -> None:
    from html import escape

    checked = 0
    for plan in SHIPPED:
        code, out, _ = invoke(runner, "report", plan, "2022", "-f", "csv")
        assert code == 0
        for row in csv.DictReader(io.StringIO(out)):
            if not (row["actual"] and (row["source"] or row["note"])):
                continue
            page = (site / f"zh/plans/{plan}/{row['indicator']}.html").read_text(encoding="utf-8")
            section = page.split(f'<section id="{"b-" + row["breakdown"] if row["breakdown"] else "headline"}">')[1]
            actuals = section.split("</section>")[0].split("<tbody>")[-1]
            line = next(r for r in actuals.split("<tr>") if r.startswith(f"<td>{row['actual_year']}</td>"))
            title = to_simplified(row["source_title"])  # the zh site displays titles in simplified characters
            source = " — ".join(x for x in (escape(title), escape(row["source"])) if x)
            assert f'<span class="src">{source}' in line.replace(f'<a href="{escape(row["source"])}">', "").replace(
                "</a>", ""), (plan, row["indicator"])
            assert f"{escape(row['note'])}</td>" in line, (plan, row["indicator"])
            checked += 1
    assert checked >= 10


def test_relative_links() -> None:
    assert relative("zh/plans/a.html", "zh/plans/a/x.html#b-city") == "a/x.html#b-city"
    assert relative("zh/plans/a/x.html", "en/plans/a/x.html") == "../../../en/plans/a/x.html"
    assert relative("zh/index.html", "zh/shared/y.html") == "shared/y.html"


# --- the brief ----------------------------------------------------------------------------------------------------


def report_csv(runner: CliRunner) -> list[dict[str, str]]:
    code, out, _ = invoke(runner, "report", "chongqing", "2022", "-f", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(out)))


CQ_ACTUALS = "actuals/chongqing.csv: 20 rows read, 20 used\n"
"""What every command that reports Chongqing says of its actuals first (as ``gapcalc report`` does)."""


def test_brief_docx_states_every_assessed_figure_as_the_csv_rounds_it(in_repo: Path, runner: CliRunner,
                                                                      tmp_path: Path) -> None:
    import docx

    output = tmp_path / "cq.docx"
    code, out, err = invoke(runner, "brief", "chongqing", "2022", "-o", str(output))
    assert (code, out, err) == (0, "", f"{CQ_ACTUALS}wrote {output}\n")
    document = docx.Document(str(output))
    text = "\n".join(p.text for p in document.paragraphs)
    assessed = [r for r in report_csv(runner) if r["status"] in ("met", "not_met")]
    assert len(assessed) == 2
    high_tech = next(r for r in assessed if r["indicator"] == "high_tech_enterprises")
    assert (high_tech["target"], high_tech["gap"], high_tech["attainment_pct"]) == ("5831.75", "516.25", "108.8524")
    assert ("制造业领域高新技术企业：2022年为6348家（口径：全行业，规划为制造业领域），"
            "按规划路径推算2022年应达到5832家，高于规划路径推算值516家，完成率108.9%，达到规划路径要求。"
            "以2021年首个可得数据为起点，至2022年完成剩余任务的42.9%，同期时间进度25%，"
            "快于时间进度17.9个百分点。") in text
    assert text.startswith("《重庆市推动制造业高质量发展重点专项实施方案》2022年实施进展情况报告\n一、总体评价\n")
    assert "（渝府办发〔2021〕80号）提出目标65项" in text  # the document number in simplified characters
    assert ("（规划未设年度目标的，按规划路径推算值评估），达标2项，指标完成率100%（可评估的仅占量化目标的4.3%）。"
            "按最新数据判断，快于预期2项、暂无法判断8项。另有37项量化目标暂无数据。") in text
    for heading in ("二、主要指标进展", "三、存在问题", "四、下一步建议", "数据说明", "附件1：尚无数据的量化目标"):
        assert f"\n{heading}\n" in text, heading
    table = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert table[0] == ["指标", "属性", "基期值", "规划目标（年份）", "年度目标", "实际值（年份）", "完成率",
                        "进度判断", "来源"]
    assert ["企业“上云”", "", "", "15万户（2025）", "9.3万户（路径推算）", "5.5万户以上（2020）", "", "暂无法判断",
            "[8]"] in table
    assert len(document.tables) == 1
    styles = document.styles
    assert styles["Heading 2"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "KaiTi"


def test_brief_markdown_to_stdout(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = invoke(runner, "brief", "chongqing", "2022", "-f", "markdown")
    assert (code, err) == (0, CQ_ACTUALS)
    assert out.startswith("# 《重庆市推动制造业高质量发展重点专项实施方案》2022年实施进展情况报告\n\n"
                          "## 一、总体评价\n\n")
    assert ("| 两化融合发展指数总体水平 |  |  | 65（2025） | 61.2（路径推算） | 61.5（2022） | 100.6% | 快于预期 "
            "| \\[2\\] |") in out
    code, english, _ = invoke(runner, "brief", "chongqing", "2022", "-f", "markdown", "--lang", "en")
    assert english.startswith("# Chongqing: notice issuing five special implementation plans")
    assert ("High-tech enterprises in manufacturing: 6348 in 2022 (scope: ") in english


def test_brief_markdown_file_has_its_charts_beside_it(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    output = tmp_path / "my 2019.md"
    code, out, err = invoke(runner, "brief", "mianyang", "2019", "-o", str(output))
    assert code == 0, err
    text = output.read_text(encoding="utf-8")
    charts = sorted(tmp_path.glob("my 2019-chart-*.png"))
    assert len(charts) == 3 and all(p.read_bytes().startswith(b"\x89PNG\r\n") for p in charts)
    assert "## 附件3：进度滞后指标走势图\n\n![图1  " in text
    code, stdout_text, _ = invoke(runner, "brief", "mianyang", "2019", "-f", "markdown")
    assert "走势图" not in stdout_text and "![" not in stdout_text  # no pictures in a stream


def test_brief_docx_needs_an_output_file(in_repo: Path, runner: CliRunner) -> None:
    code, out, err = invoke(runner, "brief", "chongqing", "2022")
    assert (code, out) == (2, "")
    assert err == ("gapcalc: error: a Word brief is written to a file\n"
                   "  hint: add --output FILE.docx, or -f markdown for text\n")


def test_brief_bad_year_and_unknown_plan(in_repo: Path, runner: CliRunner) -> None:
    assert invoke(runner, "brief", "chongqing", "20x2", "-f", "markdown")[::2] == (
        2, "gapcalc: error: '20x2' is not a year\n  hint: give a year such as 2022\n")
    code, _, err = invoke(runner, "brief", "chongqin", "2022", "-f", "markdown")
    assert code == 2 and err.startswith("gapcalc: error: no plan 'chongqin'")


# --- parts of the page --------------------------------------------------------------------------------------------


def test_units_and_differences() -> None:
    assert with_unit(Decimal("6348"), "家", "zh") == "6348家"
    assert with_unit(Decimal("6348"), "家", "en") == "6348"
    assert with_unit(Decimal("2.19"), "万亿元", "en") == "2.19 trillion yuan"
    assert with_unit(Decimal("61.5"), "index", "zh") == "61.5"
    assert difference(Decimal("-2.1"), "%", "zh") == "-2.1个百分点"
    assert difference(Decimal("-2.1"), "%", "en") == "-2.1 pp"
    assert with_unit(None, "%", "zh") == ""


def test_clean_values_of_a_data_frame() -> None:
    assert clean_value("actual_year", 2021.0) == 2021
    assert clean_value("gap", float("nan")) is None
    assert clean_value("gap", Decimal("7.0")) == Decimal("7.0")


def test_svg_is_deterministic_text() -> None:
    data = ChartData(Mark(2020, Decimal("10")), (Mark(2025, Decimal("20"), "2025: 20"),),
                     (Mark(2021, Decimal("12"), "12"),), Mark(2025, Decimal("20"), "2025: 20"), 2021)
    svg = indicator_svg(data, "x <y>", width=100, height=40)
    assert svg == indicator_svg(data, "x <y>", width=100, height=40)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100" height="40" '
                          'viewBox="0 0 100 40" role="img" aria-label="x &lt;y&gt;"><title>x &lt;y&gt;</title>')
    assert '<polyline points="4,32.9 96,7.1" fill="none" stroke="#8c8c8c" stroke-width="1.2"/>' in svg
    assert indicator_svg(ChartData(final=Mark(2025, Decimal("20"))), "t") == ""  # a lone target is no path


def test_progress_bar_colours_behind_and_ahead() -> None:
    assert 'fill="#E69F00"' in progress_svg(40.0, 60.0) and 'fill="#009E73"' in progress_svg(60.0, 40.0)
    assert progress_svg(None, None) == ""


def test_engine_chart_keeps_levels_and_the_actuals_up_to_the_year() -> None:
    from gapcalc.engine.report import KeySeries
    from gapcalc.plan.compiled import KIND_CODES

    kind = {name: code for code, name in enumerate(KIND_CODES)}
    series = KeySeries(
        milestones=((2025, Decimal("8"), ">=", None, kind["level"]), (2025, Decimal("40"), "=", None,
                                                                        kind["period_total"])),
        observed=((2020, Decimal("5"), -1), (2021, Decimal("6"), 0), (2022, Decimal("7"), 1),
                  (2023, Decimal("9"), 2)))
    columns = {"source": ["a.html", "", "c"], "source_title": ["A", "", "C"], "note": ["lower bound", "", ""]}
    row = {"year": 2022, "baseline": Decimal("5"), "baseline_year": 2020, "final_year": 2025,
           "final_target": Decimal("8"), "comparator": ">="}
    chart = engine_chart(row, series, columns)
    assert chart.milestones == (Mark(2025, Decimal("8"), "2025: ≥8", comparator=">="),)
    assert chart.actuals == (Mark(2021, Decimal("6"), "6", True, note="lower bound"), Mark(2022, Decimal("7"), "7"))
    assert [(o.year, o.source, o.source_title, o.note) for o in observed_actuals(row, series, columns)] == [
        (2021, "a.html", "A", "lower bound"), (2022, None, None, None)]


def agrees(row: dict[str, object], chart: ChartData) -> bool:
    """True when ``chart`` shows the row's own final target and latest actual."""
    final = final_mark(row)
    shown_finals = [*chart.milestones, *([chart.final] if chart.final else [])]
    if final is not None and not any(m.year == final.year and m.value == final.value for m in shown_finals):
        return False
    actual = _mark(row.get("actual_year"), row.get("actual"))
    if actual is None:
        return not chart.actuals or all(m.year > int(row.get("year") or 0) for m in chart.actuals)
    shown = [*chart.actuals, *([chart.baseline] if chart.baseline else [])]
    latest = max((m for m in shown if m.year <= actual.year), key=lambda m: m.year, default=None)
    return latest is not None and latest.year == actual.year and latest.value == actual.value


def test_a_chart_from_other_files_is_used_only_when_it_agrees() -> None:
    row = {"year": 2022, "actual": Decimal("61.5"), "actual_year": 2022, "final_year": 2025,
           "final_target": Decimal("65"), "baseline": Decimal("58.6"), "baseline_year": 2020}
    own = chart_from_row(row)
    assert agrees(row, own)
    other = ChartData(own.baseline, own.milestones, (Mark(2022, Decimal("61.0")),), own.final, 2022)
    assert not agrees(row, other)


# --- the report page and the workbook from `gapcalc report` ---------------------------------------------------------


def test_report_page_charts_come_from_the_engine_and_agree_with_their_rows(in_repo: Path) -> None:
    from gapcalc.usecases.charts import report_extra
    from gapcalc.usecases.run import open_compiled, report_plan

    for plan in ("chongqing", "mianyang", "jinhua", "zibo", "sichuan"):
        report = report_plan(open_compiled(plan, in_repo / "targets"), in_repo / "targets", 2022)
        extra = report_extra(report)
        rows = report.columns.rows()
        assert len(extra["charts"]) == len(rows)
        for row in rows:
            chart = extra["charts"][(plan, row["indicator"], row["breakdown"] or "")]
            if row["final_target"] is not None:
                assert agrees(row, chart), (plan, row["indicator"], row["breakdown"])
    ii = extra_chart("chongqing", "ii_integration_index", in_repo)
    assert [(m.year, str(m.value)) for m in ii.actuals] == [(2020, "58.6"), (2021, "60.7"), (2022, "61.5")]
    assert ii.baseline == Mark(2020, Decimal("58.6"))


def extra_chart(plan: str, indicator: str, repo: Path) -> ChartData:
    from gapcalc.usecases.charts import report_extra
    from gapcalc.usecases.run import open_compiled, report_plan

    report = report_plan(open_compiled(plan, repo / "targets"), repo / "targets", 2022)
    chart: ChartData = report_extra(report)["charts"][(plan, indicator, "")]
    return chart


def test_report_page_title_and_subplans_follow_the_language(in_repo: Path, runner: CliRunner,
                                                              tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        code, _, _ = invoke(runner, "report", "chongqing", "2022", "-f", "html", "-o", str(tmp_path / f"{lang}.html"),
                            "--lang", lang)
        assert code == 0
    zh = (tmp_path / "zh.html").read_text(encoding="utf-8")
    en = (tmp_path / "en.html").read_text(encoding="utf-8")
    assert "<title>重庆目标完成情况（2022年）</title>" in zh and "<h2>重庆市制造业绿色发展行动实施方案</h2>" in zh
    assert "<title>Chongqing: progress towards the targets, 2022</title>" in en
    assert "<h2>Manufacturing innovation capability action plan</h2>" in en
    assert "实施方案</h2>" not in en and '<p class="sub">Chongqing: notice issuing' in en
    parse_page(zh)
    parse_page(en)


def test_report_all_page_has_the_charts_and_names_of_every_plan(in_repo: Path, runner: CliRunner,
                                                                tmp_path: Path) -> None:
    code, _, _ = invoke(runner, "report", "--all", "2022", "-f", "html", "-o", str(tmp_path / "all.html"),
                        "--lang", "en")
    page = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert code == 0 and "<title>Progress towards the targets of 5 plans, 2022</title>" in page
    assert "<h2>chongqing · Manufacturing innovation capability action plan</h2>" in page


def xlsx_report(runner: CliRunner, path: Path, lang: str) -> object:
    import openpyxl

    code, _, _ = invoke(runner, "report", "chongqing", "2022", "-f", "xlsx", "-o", str(path), "--lang", lang)
    assert code == 0
    return openpyxl.load_workbook(path)


def test_xlsx_main_sheet_has_the_pages_headings_and_words(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    workbook = xlsx_report(runner, tmp_path / "zh.xlsx", "zh")
    assert workbook.sheetnames == ["差距表", "总体情况", "data", "Sources"]  # type: ignore[attr-defined]
    sheet = workbook["差距表"]  # type: ignore[index]
    header = [c.value for c in sheet[1]]
    assert header[:9] == ["专项方案", "指标", "单位", "目标", "年度目标", "实际", "实际值年份", "差距", "完成率 (%)"]
    assert {"状态", "展望", "尚需年均增长 (%)", "来源", "指标代码"} <= set(header)
    rows = [dict(zip(header, (c for c in cells), strict=True)) for cells in sheet.iter_rows(min_row=2)]
    hi_tech = next(r for r in rows if r["指标代码"].value == "high_tech_enterprises")
    assert hi_tech["指标"].value == "制造业领域高新技术企业" and hi_tech["单位"].value == "家"
    assert hi_tech["实际"].value == 6348 and hi_tech["实际"].data_type == "n"
    assert hi_tech["目标"].value == 5831.75 and hi_tech["年度目标"].value == "线性插值"
    assert hi_tech["状态"].value == "✓ 达标" and hi_tech["状态"].fill.fgColor.rgb == "00C6EFCE"
    assert hi_tech["专项方案"].value == "重庆市制造业产业创新能力提升行动实施方案"
    summary = workbook["总体情况"]  # type: ignore[index]
    assert [c.value for c in summary[1]][:5] == ["规划", "专项方案", "目标数", "已评估", "✓ 达标"]
    data = workbook["data"]  # type: ignore[index]
    assert [c.value for c in data[1]][:3] == ["plan", "indicator", "name_zh"]
    statuses = [c.value for c in data["X"][1:]]
    assert data["X1"].value == "status" and "met" in statuses and "✓ 达标" not in statuses


def test_xlsx_main_sheet_in_english(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    workbook = xlsx_report(runner, tmp_path / "en.xlsx", "en")
    assert workbook.sheetnames == ["Gap table", "Summary", "data", "Sources"]  # type: ignore[attr-defined]
    sheet = workbook["Gap table"]  # type: ignore[index]
    assert [c.value for c in sheet[1]][:5] == ["Subplan", "Indicator", "Unit", "Target", "Target for the year"]
    names = [c.value for c in sheet["B"][1:]]
    assert "High-tech enterprises in manufacturing" in names
    assert "Manufacturing innovation capability action plan" in [c.value for c in sheet["A"][1:]]
    summary = workbook["Summary"]  # type: ignore[index]
    assert summary["B2"].value == "Industrial foundation re-engineering and industrial/supply chain modernisation plan"


# --- a plan drafted with `gapcalc draft` ----------------------------------------------------------------------------


@pytest.fixture()
def drafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    """A workspace holding only the Jinhua document drafted as plan ``drafted``, with the rows of Jinhua's actuals
    whose indicator the draft has (a drafted plan names most indicators its own way)."""
    from conftest import REPO, _workspace

    workspace = _workspace(monkeypatch, tmp_path)
    (workspace / "targets").mkdir()
    (workspace / "actuals").mkdir()
    code, _, err = invoke(runner, "draft", str(REPO / "docs/sources/jinhua.txt"), "--plan", "drafted")
    assert code == 0, err
    drafted_ids = set(re.findall(r'^id = "([a-z0-9_]+)"', (workspace / "targets/drafted.toml").read_text("utf-8"),
                                 re.MULTILINE))
    lines = (REPO / "actuals/jinhua.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    kept = [line for line in lines[1:] if line.split(",", 1)[0] in drafted_ids]
    assert kept, "the draft shares at least one indicator id with the hand-written plan"
    (workspace / "actuals/drafted.csv").write_text(lines[0] + "".join(kept), encoding="utf-8")
    return workspace


def test_drafted_plan_site_links_resolve(drafted: Path, runner: CliRunner) -> None:
    code, _, err = invoke(runner, "site", "site", "--year", "2021")
    assert code == 0, err
    pages, checked = check_site(drafted / "site")
    assert {"zh/plans/drafted.html", "en/plans/drafted.html"} <= pages and checked > 100
    zh = (drafted / "site/zh/plans/drafted.html").read_text(encoding="utf-8")
    assert "<title>金华目标完成情况（2021年）</title>" in zh
    assert "全市规模以上企业" in zh and "4556家" in zh  # the one indicator with an actual


def test_drafted_plan_report_page_and_brief(drafted: Path, runner: CliRunner) -> None:
    import docx

    code, _, _ = invoke(runner, "report", "drafted", "2021", "-f", "html", "-o", "page.html", "--lang", "en")
    assert code == 0
    page = (drafted / "page.html").read_text(encoding="utf-8")
    parse_page(page)
    assert "<title>Jinhua: progress towards the targets, 2021</title>" in page
    code, out, err = invoke(runner, "brief", "drafted", "2021", "-o", "brief.docx")
    assert (code, out, err) == (0, "", "actuals/drafted.csv: 5 rows read, 5 used\nwrote brief.docx\n")
    text = "\n".join(p.text for p in docx.Document("brief.docx").paragraphs)
    assert text.startswith("对照《关于推进金华市")  # a draft for comment: progress against its targets
    overview = text.split("\n")[2]
    assert "提出目标" in overview and "）（" not in overview  # a drafted plan's document is its title: said once
    code, markdown, _ = invoke(runner, "brief", "drafted", "2021", "-f", "markdown", "--lang", "en")
    assert code == 0 and "## Annex 1. Quantified targets without data" in markdown


def test_print_stylesheet_a4_landscape_sizes_from_a_print_root() -> None:
    from gapcalc.render.page import CSS

    printed = CSS.split("@media print {", 1)[1]
    assert "@page { size: A4 landscape; margin: 10mm; }" in CSS
    assert "html { font-size: 9pt; }" in printed  # rem sizes (ids, pills, notes) scale with the printed table
    assert "thead { display: table-header-group; }" in printed and "h2, h3 { break-after: avoid;" in printed


def test_summary_cards_count_every_target() -> None:
    """The cards add up to the number of targets: an inconclusive bound has a card of its own where there is one."""
    from gapcalc.render.page import summary_html

    summary = [{"subplan": "*", "rows": 5, "assessed": 2, "met": 1, "not_met": 1, "no_data": 1, "not_assessed": 1,
                "inconclusive": 1}]
    context = type("Context", (), {"lang": "en"})()
    html = summary_html(summary, context)  # type: ignore[arg-type]
    assert "inconclusive</span> 1" in html and "<b>5</b>" in html
    none = [{**summary[0], "inconclusive": 0, "no_data": 2}]
    assert "inconclusive" not in summary_html(none, context)  # type: ignore[arg-type]


def test_brief_docx_paragraph_styles(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    """The title, the headings of both levels and the list items carry their Word styles (each style's id is looked
    up once and set on every paragraph of that style)."""
    import docx

    output = tmp_path / "my.docx"
    code, _, err = invoke(runner, "brief", "mianyang", "2019", "-o", str(output))
    assert code == 0, err
    styled = [(p.style.name, p.text) for p in docx.Document(str(output)).paragraphs]
    assert styled[0][0] == "Title" and styled[0][1].endswith("实施进展情况报告")
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings[:4] == ["一、总体评价", "二、主要指标进展", "三、存在问题", "四、下一步建议"]
    assert headings[-1] == "附件3：进度滞后指标走势图"
    assert sum(style == "Heading 2" for style, _ in styled) >= 1
    assert sum(style == "List Bullet" for style, _ in styled) >= 2
    assert {style for style, _ in styled} <= {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"}


@pytest.mark.parametrize(("lang", "shown", "hidden"), [
    ("zh", ["<dt>尚需年均下降</dt><dd>7.6%</dd>", "<dt>已实现年均增长</dt><dd>2.5%</dd>",
            "<dt>尚需年均减少</dt><dd>1.2万吨标准煤</dd>"], ["-7.6", "尚需年均增长", "-1.2"]),
    ("en", ["<dt>Fall still needed per year</dt><dd>7.6%</dd>", "<dt>Growth observed per year</dt><dd>2.5%</dd>"],
     ["-7.6"]),
])
def test_a_fall_still_needed_is_worded_as_a_fall(lang: str, shown: list[str], hidden: list[str]) -> None:
    from gapcalc.render.page import details_html

    row = {"unit": "万吨标准煤", "direction": "down", "required_cagr_pct": -7.6, "observed_cagr_pct": 2.5,
           "required_change_per_year": -1.2, "outlook": "acceleration_needed"}
    text = details_html(row, lang)
    assert all(part in text for part in shown), text
    assert not any(part in text for part in hidden), text


def test_a_milestone_stated_as_a_change_is_written_as_the_plan_states_it(site: Path) -> None:
    for lang, stated in (("zh", "较2017年下降18%"), ("en", "a fall of 18% on 2017")):
        html = (site / lang / "plans" / "mianyang" / "energy_per_unit_iva.html").read_text(encoding="utf-8")
        row = re.search(r"<tr><td>2020</td><td>[^<]*</td><td>([^<]*)</td>", html)  # the milestones table
        assert row is not None and row.group(1) == stated, lang


def test_targets_in_words_and_quantified_targets_not_scorable_are_listed_apart() -> None:
    """A target stated in words (稳中有升) is listed under 定性目标; a quantified one that cannot be assessed (a change
    of a base the plan does not print) under its own heading, with why, never as a qualitative target."""
    from gapcalc.render.page import PageContext, words_html

    rows = [{"indicator": "mfg_share_gdp", "name_zh": "制造业比重", "unit": "%", "target_text": "稳中有升"},
            {"indicator": "rnd_intensity", "name_zh": "研发投入强度", "unit": "%", "target_source": "unresolved"}]
    page = words_html(rows, PageContext("zh"))
    qualitative, unscored = page.split("<h3>")[1:]
    assert qualitative.startswith("定性目标（不评分）</h3>") and "制造业比重</b>: 稳中有升" in qualitative
    assert unscored.startswith("无法评估的量化目标（不评分）</h3>") and "研发投入强度</b>: 基期值未知" in unscored
