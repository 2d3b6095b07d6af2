"""The document readers of gapcalc draft: the same plan excerpt in every format reads the same; bad inputs are refused.

The fixtures under ``fixtures/draft/inputs`` are built by ``make_fixtures.py`` there. Each reader rule has its own
small test below, on an inline document.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.draft.document import Table
from gapcalc.draft.read import read_bytes, read_document
from gapcalc.draft.read_format import OCR_FIRST, SAVE_AS, UNPACK, detect_format
from gapcalc.draft.read_layout import (
    TableBlock,
    assemble,
    find_caption,
    is_caption,
    join_wrapped,
    looks_like_layout,
    needs_space,
)
from gapcalc.draft.read_pdf import (
    DAMAGED_HINT,
    Line,
    PageContent,
    continued_tables,
    continues,
    document_blocks,
    is_page_number,
    usual_gap,
)
from gapcalc.draft.read_text import TEXT_HINT, find_text_tables, is_numbered_paragraph, spaced_cells, tab_cells
from gapcalc.errors import GapcalcError

INPUTS = Path(__file__).resolve().parent / "fixtures" / "draft" / "inputs"

PLAN_TEXT = """\
绵阳市制造业智能化改造行动计划（2018—2020年）
一、主要目标
到2020年，全市关键工序数控化率达到50%以上，数字化研发设计工具普及率达到72%以上，智能制造发展基础和支撑能力明显增强。
表1 制造业智能化水平年度目标
指标\t2018年\t2019年\t2020年
关键工序数控化率（%）\t32\t46\t>50
数字化研发设计工具普及率（%）\t45\t60\t>72
二、重点任务
到2020年，培育智能制造试点示范项目100个以上，建成智能工厂20个。
"""
PLAN_TABLES = (
    Table(
        rows=(
            ("指标", "2018年", "2019年", "2020年"),
            ("关键工序数控化率（%）", "32", "46", ">50"),
            ("数字化研发设计工具普及率（%）", "45", "60", ">72"),
        ),
        line=5,
        caption="表1 制造业智能化水平年度目标",
    ),
)
EMPTY_HINT = "check that it is the plan document; a scan needs OCR first"


# --- every format reads the same ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "document_format"), [
    ("plan.txt", "text"),
    ("utf8_bom.txt", "text"),
    ("utf16.txt", "text"),
    ("plan.html", "html"),
    ("plan.docx", "docx"),
    ("plan.pdf", "pdf"),
])
def test_every_format_gives_the_same_text_and_tables(fixture: str, document_format: str) -> None:
    document = read_document(INPUTS / fixture)
    assert document.format == document_format
    assert document.text == PLAN_TEXT
    assert document.tables == PLAN_TABLES
    assert document.warnings == ()


def test_table_rows_stand_on_their_lines() -> None:
    document = read_document(INPUTS / "plan.docx")
    lines = document.text.split("\n")
    assert document.tables
    for table in document.tables:
        for offset, row in enumerate(table.rows):
            assert lines[table.line - 1 + offset] == "\t".join(row)


def test_pdf_characters_printed_twice_are_read_once() -> None:
    document = read_document(INPUTS / "overprinted.pdf")
    assert document.text == "一、主要目标\n到2020年，培育智能制造试点示范项目100个以上，建成智能工厂20个。\n"


# --- bad inputs --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "message", "hint"), [
    ("scanned.pdf", "the PDF has no text layer (a scanned document?)", OCR_FIRST),
    ("encrypted.pdf", "the PDF is encrypted (it needs a password to open)",
     "save an unprotected copy (print it to PDF from a viewer that has the password)"),
    ("empty.txt", "the document has no text", EMPTY_HINT),
    ("unknown.xlsx", "an Excel workbook (.xlsx), not a format gapcalc reads", SAVE_AS),
])
def test_bad_fixture_is_refused(fixture: str, message: str, hint: str) -> None:
    path = INPUTS / fixture
    with pytest.raises(GapcalcError) as raised:
        read_document(path)
    assert (raised.value.message, raised.value.hint) == (f"{path}: {message}", hint)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "message", "hint"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
     "an old binary Office file (.doc, .xls, .wps) or a password-protected one, not a format gapcalc reads", SAVE_AS),
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "a PNG image, not a format gapcalc reads", OCR_FIRST),
    (b"\xff\xd8\xff\xe0" + bytes(40), "a JPEG image, not a format gapcalc reads", OCR_FIRST),
    (b"{\\rtf1\\ansi plan}", "an RTF document, not a format gapcalc reads", SAVE_AS),
    (_zip({"notes.txt": b"x"}), "a zip archive, not a format gapcalc reads", UNPACK),
    (_zip({"ppt/presentation.xml": b"<p/>"}), "a PowerPoint presentation (.pptx), not a format gapcalc reads",
     SAVE_AS),
    (b"PK\x03\x04 cut off", "a damaged zip file (a .docx that was cut off?)", SAVE_AS),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n", "a web archive (.mht), not a format gapcalc reads",
     "save the page as a complete web page (.html), or as text"),
    (b"plan\x00\x01\x02", "binary file (contains NUL bytes)", TEXT_HINT),
    ("规划\n".encode("utf-16-le"), "binary file (contains NUL bytes)", TEXT_HINT),
])
def test_unreadable_bytes_are_refused(data: bytes, message: str, hint: str) -> None:
    with pytest.raises(GapcalcError) as raised:
        read_bytes(data, "plan.bin")
    assert (raised.value.message, raised.value.hint) == (f"plan.bin: {message}", hint)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GapcalcError) as raised:
        read_document(tmp_path / "plan.pdf")
    assert raised.value.message == f"{tmp_path / 'plan.pdf'}: no such file"


@pytest.mark.parametrize(("data", "name"), [
    (b"<html><body><script>var x = '\xe8\xa7\x84\xe5\x88\x92';</script><div class='footer'>x</div></body></html>",
     "page.html"),
    (b"", "plan.txt"),
    ("\ufeff \r\n\u3000\n".encode(), "plan.txt"),
])
def test_document_without_visible_text_is_refused(data: bytes, name: str) -> None:
    with pytest.raises(GapcalcError) as raised:
        read_bytes(data, name)
    assert (raised.value.message, raised.value.hint) == (f"{name}: the document has no text", EMPTY_HINT)


def test_importing_the_reader_imports_no_format_library() -> None:
    code = (
        "import sys, gapcalc.draft.read\n"
        "print(sorted(m for m in ('lxml', 'docx', 'pdfplumber', 'pdfminer') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --- format detection --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "name", "expected"), [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
    (b'<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml">', "a", "html"),
    (b"  <table><tr><td>x</td></tr></table>", "fragment", "html"),
    (b"<p>\xe8\xa7\x84\xe5\x88\x92</p>", "page.htm", "html"),
    (b"<p>\xe8\xa7\x84\xe5\x88\x92</p>", "page.txt", "text"),
    (b"\xe8\xa7\x84\xe5\x88\x92 <table> in prose", "notes.html", "text"),
    ("<html><body>规划</body></html>".encode("utf-16"), "page", "html"),
    (b"\r\n%PDF-1.7\n", "plan", "pdf"),
    (b"plain text about %PDF-1.7", "plan.txt", "pdf"),
    (b"\xef\xbb\xbf<!doctype html>", "plan", "html"),
])
def test_format_is_decided_by_content(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_docx_is_recognised_inside_its_zip() -> None:
    assert detect_format(_zip({"[Content_Types].xml": b"", "word/document.xml": b""}), "plan.zip") == "docx"


# --- plain text --------------------------------------------------------------------------------------------------


def test_text_keeps_characters_and_normalises_line_endings() -> None:
    text = "“到2025年，”\u3000规上工业\r\n增加值\r达到 100亿元\n"
    document = read_bytes(text.encode("gb18030"), "plan.txt")
    assert document.text == "“到2025年，”\u3000规上工业\n增加值\n达到 100亿元\n"


def test_text_in_gbk_reads_as_gb18030() -> None:
    assert read_bytes("規劃目標：達到50%".encode("gbk"), "plan.txt").text == "規劃目標：達到50%"


def test_text_neither_utf8_nor_gb18030_is_refused() -> None:
    with pytest.raises(GapcalcError) as raised:
        read_bytes(b"\x81\x20\x81\x20", "plan.txt")
    assert (raised.value.message, raised.value.hint) == ("plan.txt: neither UTF-8 nor GB18030 text", TEXT_HINT)


def test_tab_separated_lines_are_a_table_with_its_caption() -> None:
    lines = ["表2 年度目标", "单位：%", "指标\t2019年\t2020年", "数控化率\t46\t>50", "", "正文"]
    assert find_text_tables(lines) == (
        Table(rows=(("指标", "2019年", "2020年"), ("数控化率", "46", ">50")), line=3, caption="表2 年度目标"),
    )


def test_a_blank_line_ends_a_text_table() -> None:
    tables = find_text_tables(["a\tb", "c\td", "", "e\tf", "g\th"])
    assert [(table.line, len(table.rows)) for table in tables] == [(1, 2), (4, 2)]


def test_a_single_tab_line_is_not_a_table() -> None:
    assert find_text_tables(["前言", "指标\t2020年", "正文"]) == ()


@pytest.mark.parametrize("line", ["一、\t总体要求", "（一）\t发展目标", "1.\t加快智能化改造", "(2)\t推进"])
def test_a_numbered_paragraph_is_not_a_table_row(line: str) -> None:
    assert tab_cells(line) is None


def test_a_tab_row_keeps_its_empty_cells() -> None:
    assert tab_cells("人才队伍\t-\t\t基本建立") == ("人才队伍", "-", "", "基本建立")


def test_space_aligned_lines_with_equal_cells_are_a_table() -> None:
    lines = ["指标  2018年  2019年  2020年", "关键工序数控化率（%）  32  46  >50", "　　正文"]
    assert find_text_tables(lines) == (
        Table(rows=(("指标", "2018年", "2019年", "2020年"), ("关键工序数控化率（%）", "32", "46", ">50")), line=1),
    )


@pytest.mark.parametrize("lines", [
    ["一、　总体要求", "二、　主要目标"],
    ["指标  2018年  2020年", "数控化率  32"],
    ["规上工业  增加值达到  100亿元", "正文"],
])
def test_space_aligned_lines_need_three_equal_cells_on_two_lines(lines: list[str]) -> None:
    assert find_text_tables(lines) == ()


def test_single_spaces_do_not_separate_cells() -> None:
    assert spaced_cells("到2020年 全市 达到50%") is None


# --- shared layout rules -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "space"), [
    ("数控化率", "（%）", False),
    ("达到5", "0%以上", False),
    ("total", "value", True),
    ("in", "2020", True),
    ("2020", "年", False),
    ("", "x", False),
])
def test_wrapped_lines_join_with_a_space_only_between_latin_words(left: str, right: str, space: bool) -> None:
    assert needs_space(left, right) is space


def test_join_wrapped_drops_blank_parts() -> None:
    assert join_wrapped([" 关键工序 ", "", "数控化率", "Smart", "factory"]) == "关键工序数控化率Smart factory"


@pytest.mark.parametrize(("line", "caption"), [
    ("表1 绵阳市智能制造生态体系年度目标", True),
    ("表 2-1 年度目标", True),
    ("附表", True),
    ("附表3：重点项目", True),
    ("续表2", True),
    ("表二　主要指标", True),
    ("表明我市制造业发展态势良好", False),
    ("表彰先进", False),
    ("表1 " + "很长的标题" * 20, False),
    ("", False),
])
def test_caption_form(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


def test_caption_is_the_nearest_short_title_above() -> None:
    lines = ["表1 旧表", "a\tb", "表2 新表", "", "（单位：万元）", "指标\t2020年"]
    assert find_caption(lines, 5, {1}) == "表2 新表"


@pytest.mark.parametrize(("lines", "rows"), [
    (["表1 目标", "到2020年，" + "全市制造业增加值稳步增长，" * 6, "a\tb"], set()),
    (["表1 目标", "x\ty", "a\tb"], {1}),
    (["表1 目标", "一", "二", "三", "a\tb"], set()),
])
def test_caption_search_stops_at_prose_rows_and_distance(lines: list[str], rows: set[int]) -> None:
    assert find_caption(lines, len(lines) - 1, rows) == ""


@pytest.mark.parametrize(("widths", "nested", "longest", "layout"), [
    ([4, 4, 4], False, 20, False),
    ([1, 1], False, 20, True),
    ([2, 2], True, 20, True),
    ([2], False, 5000, True),
    ([], False, 0, True),
])
def test_layout_tables(widths: list[int], nested: bool, longest: int, layout: bool) -> None:
    assert looks_like_layout(widths, nested, longest) is layout


def test_assemble_numbers_tables_and_drops_empty_rows() -> None:
    text, tables = assemble(["标题\n\n 一、目标 ", TableBlock((("a", "b"), ("", ""), ("关键\n工序", "e\tf"))), "正文"])
    assert text == "标题\n一、目标\na\tb\n关键工序\te f\n正文\n"
    assert tables == (Table(rows=(("a", "b"), ("关键工序", "e f")), line=3),)


_cell = st.text(alphabet=st.sampled_from("规划目标值2020%>.a "), min_size=1, max_size=6).map(str.strip).filter(bool)
_block = st.one_of(
    st.text(alphabet=st.sampled_from("到年达以上\n 。"), max_size=12),
    st.lists(st.lists(_cell, min_size=2, max_size=4).map(tuple), min_size=1, max_size=4).map(
        lambda rows: TableBlock(tuple(rows))
    ),
)


@given(st.lists(_block, max_size=6))
def test_assembled_table_rows_stand_on_their_lines(blocks: list[str | TableBlock]) -> None:
    text, tables = assemble(blocks)
    lines = text.split("\n")
    assert len(tables) == sum(isinstance(block, TableBlock) for block in blocks)  # no generated cell is blank
    for table in tables:
        for offset, row in enumerate(table.rows):
            assert lines[table.line - 1 + offset] == "\t".join(row)


@given(st.lists(st.lists(_cell, min_size=2, max_size=5).map(tuple).filter(lambda r: not is_numbered_paragraph(r)),
                min_size=2, max_size=6))
def test_tab_separated_text_reads_back_as_its_table(rows: list[tuple[str, ...]]) -> None:
    text = "前言\n" + "\n".join("\t".join(row) for row in rows) + "\n"
    document = read_bytes(text.encode("utf-8"), "plan.txt")
    assert document.text == text
    assert document.tables == (Table(rows=tuple(rows), line=2),)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00\ufeff"), min_size=1))
def test_text_reads_back_with_normalised_line_endings(text: str) -> None:
    if not text.strip():
        return
    document = read_bytes(text.encode("utf-8"), "plan.txt")
    assert document.text == text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML --------------------------------------------------------------------------------------------------------


def _html(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_html_drops_chrome_and_keeps_the_article() -> None:
    page = _html(
        "<header>市政府网站</header><nav>首页 政务公开</nav><div class='topMenu'>机构 概况</div>"
        "<div id='content'><p>到2025年，规上工业增加值达到1000亿元。</p><aside>热点</aside>"
        "<div class='bdshare'>分享到</div><p>培育企业20户。</p></div>"
        "<div class='footer-links'>网站地图</div><footer>版权所有</footer>"
        "<div style='display: none'>隐藏内容</div><script>var s = '脚本';</script>"
    )
    assert read_bytes(page, "p.html").text == "到2025年，规上工业增加值达到1000亿元。\n培育企业20户。\n"


def test_html_keeps_a_chrome_named_element_holding_most_of_the_text() -> None:
    page = _html(
        "<div class='page-header-wrap'><p>到2025年，规上工业增加值达到1000亿元。</p><p>培育企业20户。</p></div>"
    )
    assert read_bytes(page, "p.html").text == "到2025年，规上工业增加值达到1000亿元。\n培育企业20户。\n"


def test_html_prefers_the_known_content_container() -> None:
    page = _html(
        "<h1>关于印发行动计划的通知</h1><div>发布日期：2019年2月15日 来源：市政府办公室</div>"
        "<div id='zoom'><p>到2020年，全市智能工厂达到20个，数字化车间达到40个。</p>"
        "<p>关键工序数控化率达到50%，数字化研发设计工具普及率达到72%。</p></div>"
    )
    assert read_bytes(page, "p.html").text == (
        "关于印发行动计划的通知\n"
        "到2020年，全市智能工厂达到20个，数字化车间达到40个。\n关键工序数控化率达到50%，数字化研发设计工具普及率达到72%。\n"
    )


@pytest.mark.parametrize(("before", "title"), [
    ("<div class='list-title'><a>栏目</a></div>"
     "<div class='article-title'><span class='sub'>绵阳市行动计划</span></div>", "绵阳市行动计划"),
    ("<h2>政策文件</h2><h1>绵阳市行动计划（2018—2020年）</h1><div class='title'>栏目名称</div>",
     "绵阳市行动计划（2018—2020年）"),
    ("<p class='date'>2019-02-15</p>", ""),
])
def test_html_title_before_the_article_is_the_first_line(before: str, title: str) -> None:
    article = "<div class='TRS_Editor'><p>到2020年，全市智能工厂达到20个，数字化车间达到40个。</p></div>"
    text = read_bytes(_html(before + article), "p.html").text
    assert text == (f"{title}\n" if title else "") + "到2020年，全市智能工厂达到20个，数字化车间达到40个。\n"


def test_html_without_known_container_descends_past_link_lists() -> None:
    links = "".join(f"<li><a href='#'>相关新闻标题第{n}条政策解读</a></li>" for n in range(30))
    page = _html(
        f"<div class='wrap'><div class='left'><ul>{links}</ul></div>"
        "<div class='right'><div class='text'><p>到2020年，全市智能工厂达到20个。</p>"
        "<p>关键工序数控化率达到50%。</p></div></div></div>"
    )
    assert read_bytes(page, "p.html").text == "到2020年，全市智能工厂达到20个。\n关键工序数控化率达到50%。\n"


def test_html_line_breaks_and_white_space() -> None:
    page = _html("<p>&nbsp;&nbsp;一、目标<br/>到2020年，关键工序\n   数控化率达到50%，<b>smart\nfactory</b>  20个</p>")
    assert read_bytes(page, "p.html").text == "一、目标\n到2020年，关键工序数控化率达到50%，smart factory 20个\n"


def test_html_text_after_a_removed_element_is_kept() -> None:
    page = _html("<p>到2020年<script>x()</script>，智能工厂达到20个。</p>")
    assert read_bytes(page, "p.html").text == "到2020年，智能工厂达到20个。\n"


@pytest.mark.parametrize("head", [
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    "<meta charset=GBK>",
    "",
])
def test_html_charset_declared_or_detected(head: str) -> None:
    page = f"<html><head>{head}</head><body><p>规划目标：达到50%</p></body></html>".encode("gb18030")
    document = read_bytes(page, "p.html")
    assert (document.text, document.warnings) == ("规划目标：达到50%\n", ())


def test_html_with_a_wrong_charset_declaration_warns() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>规划目标</p></body></html>'.encode("gb18030")
    document = read_bytes(page, "p.html")
    assert document.text == "规划目标\n"
    assert document.warnings == ("p.html: declares charset utf-8 but is not valid utf-8; read as detected instead",)


def test_html_merged_cells_are_kept_once_in_their_columns() -> None:
    page = _html(
        "<table border=1><tr><th rowspan=2>指标</th><th colspan=2>目标</th><th rowspan=2>备注</th></tr>"
        "<tr><th>2019年</th><th>2020年</th></tr>"
        "<tr><td rowspan=2>数控化率</td><td>46</td><td>50</td><td>-</td></tr>"
        "<tr><td>13</td><td>15</td><td>x</td></tr></table>"
    )
    assert read_bytes(page, "p.html").tables == (Table(rows=(
        ("指标", "目标", "", "备注"),
        ("", "2019年", "2020年", ""),
        ("数控化率", "46", "50", "-"),
        ("", "13", "15", "x"),
    ), line=1),)


def test_html_cell_paragraphs_join_into_one_line() -> None:
    page = _html("<table><tr><td><p>关键工序</p><p>数控化率（%）</p></td><td>50</td></tr></table>")
    assert read_bytes(page, "p.html").text == "关键工序数控化率（%）\t50\n"


def test_html_layout_tables_are_read_as_paragraphs() -> None:
    page = _html(
        "<table><tr><td><p>到2020年，智能工厂达到20个。</p>"
        "<table><tr><td>指标</td><td>2020年</td></tr><tr><td>工厂</td><td>20</td></tr></table>"
        "</td></tr></table>"
    )
    document = read_bytes(page, "p.html")
    assert document.text == "到2020年，智能工厂达到20个。\n指标\t2020年\n工厂\t20\n"
    assert document.tables == (Table(rows=(("指标", "2020年"), ("工厂", "20")), line=2),)


# --- Word --------------------------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_merged_cells_are_kept_once_in_their_columns() -> None:
    def build(document: docx.document.Document) -> None:
        table = document.add_table(rows=3, cols=3)
        for row, values in zip(table.rows, (("指标", "目标", ""), ("", "2019年", "2020年"), ("数控化率", "46", "50")),
                               strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        table.cell(0, 1).merge(table.cell(0, 2))
        table.cell(0, 0).merge(table.cell(1, 0))

    document = read_bytes(_docx(build), "plan.docx")
    assert document.tables == (Table(rows=(
        ("指标", "目标", ""), ("", "2019年", "2020年"), ("数控化率", "46", "50"),
    ), line=1),)


def test_docx_reads_insertions_links_and_breaks_not_deletions() -> None:
    def build(document: docx.document.Document) -> None:
        paragraph = document.add_paragraph("到2020年，")
        paragraph._p.append(parse_xml(f"<w:ins {_W}><w:r><w:t>智能工厂</w:t></w:r></w:ins>"))
        paragraph._p.append(parse_xml(f"<w:del {_W}><w:r><w:delText>数字化车间</w:delText></w:r></w:del>"))
        paragraph._p.append(parse_xml(f"<w:hyperlink {_W}><w:r><w:t>达到20个</w:t></w:r></w:hyperlink>"))
        paragraph._p.append(parse_xml(f"<w:r {_W}><w:br/><w:t>第二行</w:t><w:tab/><w:t>末</w:t></w:r>"))
        document.element.body.insert(
            len(document.element.body) - 1,
            parse_xml(f"<w:sdt {_W}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>"
                      "</w:sdtContent></w:sdt>"),
        )

    assert read_bytes(_docx(build), "plan.docx").text == "到2020年，智能工厂达到20个\n第二行\t末\n控件中的段落\n"


def test_docx_single_column_table_is_read_as_paragraphs() -> None:
    def build(document: docx.document.Document) -> None:
        table = document.add_table(rows=2, cols=1)
        table.cell(0, 0).text = "专栏1 智能制造"
        table.cell(1, 0).text = "到2020年，智能工厂达到20个。"

    document = read_bytes(_docx(build), "plan.docx")
    assert (document.text, document.tables) == ("专栏1 智能制造\n到2020年，智能工厂达到20个。\n", ())


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(GapcalcError) as raised:
        read_bytes(b"%PDF-1.4\nnot really a pdf", "plan.pdf")
    assert raised.value.message.startswith("plan.pdf: not a readable PDF (")
    assert raised.value.hint == DAMAGED_HINT


def test_damaged_docx_is_refused() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"})
    with pytest.raises(GapcalcError) as raised:
        read_bytes(data, "plan.docx")
    assert raised.value.message.startswith("plan.docx: not a readable Word document (")
    assert raised.value.hint == SAVE_AS


# --- PDF layout rules --------------------------------------------------------------------------------------------


def _line(text: str, x0: float, x1: float, top: float) -> Line:
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + 12)


def _page(*items: Line | TableBlock) -> PageContent:
    lines = [item for item in items if isinstance(item, Line)]
    return PageContent(items=items, left=min(line.x0 for line in lines), right=max(line.x1 for line in lines),
                       line_gap=usual_gap(lines))


def test_pdf_wrapped_lines_join_into_a_paragraph() -> None:
    page = _page(
        _line("一、主要目标", 72, 144, 100),
        _line("到2020年，全市关键工序数控化率达到5", 96, 520, 120),
        _line("0%以上，智能工厂达到20个。", 72, 300, 140),
        _line("二、重点任务", 72, 144, 160),
    )
    assert list(document_blocks([page])) == [
        "一、主要目标", "到2020年，全市关键工序数控化率达到50%以上，智能工厂达到20个。", "二、重点任务",
    ]


@pytest.mark.parametrize(("previous", "line", "joined"), [
    (_line("到2020年，全市关键工序数控化率达到", 72, 520, 120), _line("50%。", 72, 120, 140), True),
    (_line("到2020年，全市关键工序数控化率达到50%。", 72, 520, 120), _line("到2025年", 72, 120, 140), True),
    (_line("到2020年，全市关键工序数控化率达到50%。", 72, 520, 120), _line("二、重点任务", 72, 150, 140), False),
    (_line("到2020年，全市关键工序数控化率达到50%；", 72, 520, 120), _line("——绿色发展", 72, 150, 140), False),
    (_line("到2020年，全市关键工序数控化率达到", 72, 520, 120), _line("1.5倍", 72, 150, 140), True),
    (_line("到2020年，全市关键工序", 72, 300, 120), _line("数控化率", 72, 120, 140), False),
    (_line("到2020年，全市关键工序数控化率达到", 72, 520, 120), _line("（二）", 96, 120, 140), False),
    (_line("到2020年，全市关键工序数控化率达到", 72, 520, 120), _line("表1", 72, 120, 170), False),
    (_line("绵阳市智能制造行动计划", 200, 520, 120), _line("一、目标", 72, 120, 140), False),
])
def test_pdf_line_continues_the_paragraph(previous: Line, line: Line, joined: bool) -> None:
    page = PageContent(items=(previous, line), left=72, right=520, line_gap=8)
    assert continues(page, previous, page, line) is joined


def test_pdf_paragraph_goes_on_across_a_page_break() -> None:
    first = _page(_line("正文", 72, 100, 80), _line("到2020年，全市关键工序数控化率达到", 72, 520, 100))
    second = _page(_line("50%以上。", 72, 150, 60), _line("下一段落", 96, 520, 80))
    assert list(document_blocks([first, second])) == ["正文", "到2020年，全市关键工序数控化率达到50%以上。", "下一段落"]


@pytest.mark.parametrize(("text", "top", "dropped"), [
    ("— 3 —", 800, True),
    ("- 12 -", 20, True),
    ("第 3 页 共 9 页", 810, True),
    ("3/9", 810, True),
    ("12", 400, False),
    ("到2020年", 810, False),
])
def test_pdf_page_numbers_in_the_margins_are_dropped(text: str, top: float, dropped: bool) -> None:
    assert is_page_number(_line(text, 280, 320, top), page_height=842) is dropped


def test_pdf_table_going_on_at_the_top_of_the_next_page_is_one_table() -> None:
    header = ("指标", "2019年", "2020年")
    first = _page(_line("表1 目标", 72, 200, 60), TableBlock((header, ("工厂", "12", "20"))))
    second = _page(TableBlock((header, ("车间", "30", "40"))), _line("正文", 72, 100, 400))
    items = [item for _, item in continued_tables([first, second])]
    assert items[1] == TableBlock((header, ("工厂", "12", "20"), ("车间", "30", "40")))
    assert len(items) == 3


def test_pdf_tables_with_other_columns_stay_apart() -> None:
    first = _page(_line("表1", 72, 200, 60), TableBlock((("a", "b"),)))
    second = _page(TableBlock((("c", "d", "e"),)), _line("正文", 72, 100, 400))
    assert len(list(continued_tables([first, second]))) == 4
