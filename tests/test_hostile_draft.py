"""Hostile documents given to ``gapcalc draft``: each test names the finding it holds (see docs/faults.md, "Draft
inputs"), builds its document here (zip files, hand-written PDFs, HTML strings), and asserts that reading ends within
seconds in a clear message (exit 2) or reads the rest with a note — never a traceback, an internal error, a
MemoryError or a RecursionError.
"""

from __future__ import annotations

import base64
import gc
import io
import re
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli as tomllib
from click.testing import CliRunner
from pdfminer import pdftypes

from gapcalc.cli.main import cli
from gapcalc.draft import bounds, read_docx, read_html, read_pdf_bounds
from gapcalc.draft.read import read_bytes
from gapcalc.draft.write import toml_string
from gapcalc.errors import GapcalcError
from gapcalc.usecases.draft import draft_file

PLAN_PDF = Path(__file__).resolve().parent / "fixtures" / "draft" / "inputs" / "plan.pdf"
TITLE = "绵阳市制造业发展规划（2021—2025年）"
TARGET = "到2025年，规模以上工业增加值达到1000亿元。"
SECONDS = 10.0
"""How long a bounded read may take, generously (each takes well under a second on a laptop)."""


def _draft(tmp_path: Path, document: Path | bytes, suffix: str = ".txt") -> tuple[int, str, float]:
    """``gapcalc draft`` on ``document`` (a path, or bytes written to a file): exit code, output, seconds taken."""
    if isinstance(document, bytes):
        path = tmp_path / f"document{suffix}"
        path.write_bytes(document)
        document = path
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["draft", str(document), "--plan", "hostile", "--targets-dir",
                                      str(tmp_path / "targets")])
    seconds = time.monotonic() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output, result.output
    assert "MemoryError" not in result.output and "RecursionError" not in result.output, result.output
    return result.exit_code, result.output, seconds


# -- Word documents ---------------------------------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def _docx(body: str | Iterator[bytes]) -> bytes:
    """A minimal Word package whose body is ``body`` (XML, or chunks of the whole document.xml, streamed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELATIONSHIPS)
        if isinstance(body, str):
            package.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                                  f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        else:
            with package.open("word/document.xml", "w", force_zip64=True) as part:  # its size is not known ahead
                for chunk in body:
                    part.write(chunk)
    return buffer.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _nested_tables(depth: int) -> str:
    """The target sentence in the first cell of a table in the first cell of a table … ``depth`` tables deep."""
    inner = _p(TARGET)
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc>{_p('说明')}</w:tc></w:tr></w:tbl>"
    return inner


def test_10_nested_word_tables_read_in_linear_time_and_flattened_beyond_a_depth(tmp_path: Path) -> None:
    document = _docx(_p(TITLE) + _nested_tables(22))
    assert len(document) < 2000
    code, output, seconds = _draft(tmp_path, document, ".docx")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 0, output
    assert "tables nested more than 8 deep were read as plain paragraphs" in output
    assert "(1 indicators, 1 numbers)" in output


def test_10_word_tables_nested_220_deep_are_a_clear_error(tmp_path: Path) -> None:
    code, output, seconds = _draft(tmp_path, _docx(_p(TITLE) + _nested_tables(220)), ".docx")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert "the document is nested too deeply to read" in output and "XML_PARSE_HUGE" not in output


def test_10_word_tables_nested_within_the_bound_read_as_before() -> None:
    document = read_bytes(_docx(_p(TITLE) + _nested_tables(3) + _p("后文")), "plan.docx")
    assert document.text == f"{TITLE}\n{TARGET}\t说明\n说明\n说明\n后文\n"
    assert document.warnings == ()


def test_10_huge_grid_spans_in_a_word_table_are_clamped() -> None:
    row = '<w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>' \
          '<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>' + _p("指标") + "</w:tc><w:tc>" + _p("50") + \
          "</w:tc></w:tr>"
    started = time.monotonic()
    document = read_bytes(_docx(_p(TITLE) + f"<w:tbl>{row}{row}</w:tbl>"), "plan.docx")
    assert time.monotonic() - started < SECONDS
    assert document.tables and all(len(r) <= 2 * read_docx.MAX_SPAN + 1 for r in document.tables[0].rows)


def test_10_a_word_table_of_too_many_merged_cells_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_docx, "MAX_TABLE_CELLS", 1000)
    row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr>' + _p("指标") + "</w:tc><w:tc>" + _p("50") + \
          "</w:tc></w:tr>"
    document = read_bytes(_docx(_p(TITLE) + f"<w:tbl>{row * 100}</w:tbl>"), "plan.docx")
    assert document.warnings == ("a table of more than 1,000 cells (merged cells counted) was cut after row 16",)
    assert len(document.tables[0].rows) == 16


def test_12_a_word_part_that_inflates_beyond_the_bound_is_refused_before_reading(tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode()
        block = b" " * 2**20
        for _ in range(210):
            yield block
        yield b"</w:t></w:r></w:p></w:body></w:document>"

    document = _docx(chunks())
    assert len(document) < 1_000_000
    code, output, seconds = _draft(tmp_path, document, ".docx")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert "the part word/document.xml of the Word document inflates to 210 MiB, more than the 200 MiB" in output


def test_12_word_parts_that_inflate_beyond_the_bound_together_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_docx, "MAX_PACKAGE_BYTES", 1000)
    with pytest.raises(GapcalcError, match="the parts of the Word document inflate to"):
        read_bytes(_docx(_p(TITLE) + _p(TARGET * 20)), "plan.docx")


# -- PDF --------------------------------------------------------------------------------------------------------------
def _with_pages(*pages: tuple[bytes, bytes]) -> bytes:
    """``plan.pdf`` (a one-page plan excerpt) with ``pages`` appended by an incremental update: each page given as
    its content stream object and its resources dictionary."""
    base = PLAN_PDF.read_bytes()
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    number = int(re.findall(rb"/Size (\d+)", base)[-1])
    pages_id = re.findall(rb"/Pages (\d+) 0 R", base)[0]
    kids = [re.search(rb"/Kids \[([^\]]*)\]", base).group(1).strip()]  # type: ignore[union-attr]
    out = bytearray(base if base.endswith(b"\n") else base + b"\n")
    offsets: dict[int, int] = {}
    for content, resources in pages:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, content)
        offsets[number + 1] = len(out)
        out += b"%d 0 obj\n<< /Type /Page /Parent %s 0 R /Resources %s /Contents %d 0 R >>\nendobj\n" % (
            number + 1, pages_id, resources, number)
        kids.append(b"%d 0 R" % (number + 1))
        number += 2
    offsets[int(pages_id)] = len(out)
    out += b"%s 0 obj\n<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595.28 841.89] >>\nendobj\n" % (
        pages_id, b" ".join(kids), len(kids))
    xref = len(out)
    out += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % item for item in sorted(offsets.items()))
    out += b"trailer\n<< /Size %d /Root 2 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (number, previous, xref)
    return bytes(out)


def _stream(data: bytes, *, inflated_from: Iterator[bytes] | None = None) -> bytes:
    """A stream object: ``data`` as it is, or the chunks ``inflated_from`` deflated (FlateDecode)."""
    if inflated_from is not None:
        deflater = zlib.compressobj(9)
        data = b"".join(deflater.compress(chunk) for chunk in inflated_from) + deflater.flush()
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


FONT = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def _text_page(text: str) -> tuple[bytes, bytes]:
    return _stream(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode()), FONT


def test_11_a_pdf_page_that_inflates_to_100_mb_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    zeros = _stream(b"", inflated_from=(b"\0" * 2**20 for _ in range(100)))
    document = _with_pages((zeros, b"<< >>"), _text_page("page three"))
    assert len(document) < 150_000
    code, output, seconds = _draft(tmp_path, document, ".pdf")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 0, output
    assert "page 2 skipped: its content inflates to more than 4 MiB (a map or a drawing?)" in output
    source = (tmp_path / "docs" / "sources" / "hostile.txt").read_text(encoding="utf-8")
    assert "全市关键工序数控化率达到50%以上" in source and "page three" in source


def test_11_a_form_drawn_over_and_over_counts_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_pdf_bounds, "MAX_PAGE_CONTENT_BYTES", 100_000)
    form = _stream(b"0 0 m 10 10 l S\n" * 2_000)  # 32 KB, drawn 20 times
    form = form.replace(b"<< /Length", b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Length", 1)
    base = _with_pages((_stream(b"/X0 Do\n" * 20), b"<< /XObject << /X0 99 0 R >> >>"))
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    update = b"99 0 obj\n%s\nendobj\n" % form
    xref = len(base) + len(update)
    update += b"xref\n99 1\n%010d 00000 n \ntrailer\n<< /Size 100 /Root 2 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(base), previous, xref)
    document = read_bytes(base + update, "plan.pdf")
    assert [w.startswith("page 2 skipped: its content inflates to more than") for w in document.warnings] == [True]
    assert "全市关键工序数控化率达到50%以上" in document.text


def test_11_a_pdf_page_of_too_many_drawn_shapes_is_read_without_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_pdf_bounds, "MAX_PAGE_PATH_SEGMENTS", 1000)
    lines = b"".join(b"%d %d m %d %d l S\n" % (i % 500, i % 700, i % 500 + 3, i % 700 + 1) for i in range(5000))
    drawing = _stream(lines + b"BT /F1 12 Tf 72 720 Td (map legend) Tj ET")
    document = read_bytes(_with_pages((drawing, FONT)), "plan.pdf")
    assert document.warnings == ("page 2: too many drawn lines and shapes to look for tables in (a map or a chart?); "
                                 "its text is read without tables",)
    assert "map legend" in document.text and document.tables  # page 1's table is still read


def test_11_a_pdf_page_of_too_many_characters_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_pdf_bounds, "MAX_PAGE_CHARS", 300)  # page 1 prints 215
    document = read_bytes(_with_pages(_text_page("x" * 500)), "plan.pdf")
    assert document.warnings == ("page 2 skipped: it prints more than 300 characters",)
    assert "全市关键工序数控化率达到50%以上" in document.text


def test_11_a_pdf_page_ruled_like_a_fine_grid_is_read_without_tables() -> None:
    grid = b"".join(b"50 %.2f m 550 %.2f l S\n%.2f 50 m %.2f 750 l S\n" % (50 + i * 4.6, 50 + i * 4.6, 50 + i * 3.3,
                                                                           50 + i * 3.3) for i in range(150))
    started = time.monotonic()
    document = read_bytes(_with_pages((_stream(grid), b"<< >>")), "plan.pdf")
    assert time.monotonic() - started < SECONDS
    assert document.warnings == ("page 2: too many drawn lines and shapes to look for tables in (a map or a chart?); "
                                 "its text is read without tables",)


def test_11_no_page_readable_names_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_pdf_bounds, "MAX_PAGE_CONTENT_BYTES", 100)
    with pytest.raises(GapcalcError, match="no page of the PDF could be read: page 1 skipped: its content inflates"):
        read_bytes(PLAN_PDF.read_bytes(), "plan.pdf")


@pytest.mark.parametrize(("filters", "raw", "size"), [
    (["LITERALS_FLATE_DECODE"], zlib.compress(b"\0" * 10_000_000), 10_000_000),
    (["LITERALS_ASCII85_DECODE", "LITERALS_FLATE_DECODE"],
     base64.a85encode(zlib.compress(b"\0" * 10_000_000)) + b"~>", 10_000_000),
    (["LITERALS_ASCII85_DECODE"], b"z" * 2_500_000 + b"~>", 10_000_000),
    (["LITERALS_RUNLENGTH_DECODE"], bytes([129, 0]) * 80_000 + bytes([128]), 10_240_000),
    (["LITERALS_ASCIIHEX_DECODE"], b"00" * 100 + b">", 100),
])
def test_11_inflating_is_bounded_for_every_filter(filters: list[str], raw: bytes, size: int) -> None:
    names = [getattr(pdftypes, name)[0] for name in filters]
    stream = pdftypes.PDFStream({"Filter": names}, raw)
    started = time.monotonic()
    assert read_pdf_bounds.decoded_size(stream, 100_000) == (100_001 if size > 100_000 else size)
    assert time.monotonic() - started < SECONDS
    assert read_pdf_bounds.decoded_size(stream, 20_000_000) == size


def _deep_page_tree(depth: int) -> bytes:
    """A PDF whose one page hangs ``depth`` page-tree nodes deep."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        kid = level + 3 if level < depth - 1 else depth + 2
        parent = b"/Parent %d 0 R " % (level + 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, kid))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>" % (
        depth + 1, FONT, depth + 3))
    objects.append(_stream(b"BT /F1 12 Tf 72 720 Td (deep) Tj ET"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_17_a_pdf_page_tree_nested_5000_deep_is_a_clear_error(tmp_path: Path) -> None:
    code, output, seconds = _draft(tmp_path, _deep_page_tree(5000), ".pdf")
    assert seconds < SECONDS
    assert code == 2
    assert "the PDF's page tree is nested too deeply to read" in output


def test_17_a_shallow_page_tree_still_reads() -> None:
    assert read_bytes(_deep_page_tree(20), "deep.pdf").text == "deep\n"


def test_17_any_reader_nesting_too_deep_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def recurse(data: bytes, name: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(read_html, "read_html", recurse)
    with pytest.raises(GapcalcError, match="the document is nested too deeply to read"):
        read_bytes(b"<html><body><p>x</p></body></html>", "x.html")


# -- HTML -------------------------------------------------------------------------------------------------------------
def _page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<html><head>{head}</head><body><h1>{TITLE}</h1><p>{TARGET}</p>{body}</body></html>".encode()


def test_13_html_spans_of_1000_are_clamped_and_a_table_bounded(tmp_path: Path) -> None:
    cell = '<td colspan="1000" rowspan="1000">1</td>'
    document = _page("<table>" + ("<tr>" + cell * 100 + "</tr>") * 50 + "</table>")
    assert 190_000 < len(document) < 210_000
    code, output, seconds = _draft(tmp_path, document, ".html")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 0, output
    assert "a table of more than 100,000 cells (merged cells counted) was cut after row" in output


def test_13_html_spans_keep_cells_in_their_columns() -> None:
    table = ('<table><tr><th rowspan="3">指标</th><th colspan="99">目标</th></tr>'
             "<tr><td>2024年</td><td>2025年</td></tr><tr><td>40</td><td>50</td></tr></table>")
    rows = read_bytes(_page(table), "p.html").tables[0].rows
    assert rows[0][:2] == ("指标", "目标") and len(rows[0]) == 1 + read_html.MAX_COLSPAN
    assert rows[1] == ("", "2024年", "2025年") and rows[2] == ("", "40", "50")


def test_25_an_unknown_charset_is_read_as_detected_with_a_note(tmp_path: Path) -> None:
    code, output, _ = _draft(tmp_path, _page("", '<meta charset="undefined">'), ".html")
    assert code == 0, output
    assert "declares charset undefined, which is not a known encoding; read as detected (UTF-8, else GB18030)" in output
    assert "--encoding" not in output
    (tmp_path / "gb").mkdir()
    code, output, _ = _draft(tmp_path / "gb", _page("", '<meta charset="nonsense-8">').decode().encode("gb18030"),
                             ".html")
    assert code == 0, output


# -- the recogniser and the writer ------------------------------------------------------------------------------------
NAMES = ("规模以上工业增加值", "地区生产总值", "社会消费品零售总额", "高新技术企业数量", "研发经费投入")


def _statements(count: int) -> str:
    """A plan of ``count`` target sentences, each followed by its responsible units set off by two spaces: lines that
    split into cells of differing numbers, a block that looks like a table to the text reader but is not one."""
    lines = [TITLE, "一、主要目标"]
    for index in range(count):
        units = "  （牵头单位：市发改委）" + ("  市经信局" if index % 2 else "")
        lines.append(f"到{2023 + index % 3}年，{NAMES[index % 5]}第{index % 97}项达到{index % 9000 + 10}亿元。{units}")
    return "\n".join(lines) + "\n"


def _draft_time(tmp_path: Path, count: int, runs: int) -> float:
    """The least process time of ``runs`` readings and draftings of a plan of ``count`` statements: the least is the
    run the machine disturbed least (other processes do not count, and the collector is held off while it runs)."""
    document = tmp_path / f"plan{count}.txt"
    document.write_text(_statements(count), encoding="utf-8")
    times = []
    for run in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            _, result = draft_file(document, f"plan{count}", tmp_path / f"run{count}-{run}" / "targets")
            times.append(time.process_time() - started)
        finally:
            gc.enable()
        assert result.draft.number_count == count
    return min(times)


def test_16_drafting_time_is_linear_in_the_number_of_statements(tmp_path: Path) -> None:
    """Four times the statements take about four times as long; a quadratic step would take sixteen. The bound, ten,
    sits between the two so that a busy machine does not fail it and a quadratic step does."""
    small = _draft_time(tmp_path, bounds.MAX_STATEMENTS // 4, runs=3)
    large = _draft_time(tmp_path, bounds.MAX_STATEMENTS, runs=2)
    assert large < SECONDS, f"{bounds.MAX_STATEMENTS:,} statements took {large:.1f} s"
    assert large < 10 * max(small, 0.05), f"4x the statements took {large / small:.1f}x the time"


def test_16_a_text_of_200000_target_sentences_is_refused_in_seconds(tmp_path: Path) -> None:
    text = _statements(200_000)
    code, output, seconds = _draft(tmp_path, text.encode())
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert f"the document's text has {len(text):,} characters, more than the 1,000,000 gapcalc draft reads" in output
    assert "give the part of the plan with its targets" in output and "or split the document" in output


def test_16_a_text_of_too_many_numbers_is_refused_before_it_is_read(tmp_path: Path) -> None:
    code, output, seconds = _draft(tmp_path, (f"{TITLE}\n一、主要目标\n" + "第1项\n" * 50_000).encode())
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert "the document prints more than 50,000 numbers, more than gapcalc draft reads" in output
    assert not (tmp_path / "targets").exists()


def test_16_a_text_of_too_many_lines_is_refused_before_it_is_read(tmp_path: Path) -> None:
    for end in ("\n", "\f", "\u2028"):  # every line break of str.splitlines, which the recogniser reads lines by
        code, output, seconds = _draft(tmp_path, (f"{TITLE}\n一、主要目标\n" + f"x{end}" * 100_000).encode())
        assert seconds < SECONDS, f"took {seconds:.1f} s"
        assert code == 2
        assert "the document's text has more than 100,000 lines, more than gapcalc draft reads" in output


def test_16_an_html_page_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    code, output, seconds = _draft(tmp_path, _page("<p>" + "<br>" * 250_000 + "</p>"), ".html")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert "the document's markup has more than 250,000 elements, more than gapcalc draft reads" in output


def test_16_a_word_document_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode()
        for _ in range(100):
            yield b"<w:p/>" * 10_000
        yield b"</w:body></w:document>"

    code, output, seconds = _draft(tmp_path, _docx(chunks()), ".docx")
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert code == 2
    assert "the document's markup has more than 1,000,000 elements, more than gapcalc draft reads" in output


def test_16_markup_up_to_the_bound_reads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "MAX_WORD_ELEMENTS", 14)  # 4 in [Content_Types].xml, 2 in .rels, 8 in the body
    monkeypatch.setattr(bounds, "MAX_HTML_ELEMENTS", 6)  # html, head, meta, body, h1, p
    assert read_bytes(_docx(_p(TITLE) + _p(TARGET)), "plan.docx").text == f"{TITLE}\n{TARGET}\n"
    assert read_bytes(_page(""), "plan.html").text == f"{TITLE}\n{TARGET}\n"
    with pytest.raises(GapcalcError, match="markup has more than 14 elements"):
        read_bytes(_docx(_p(TITLE) + _p(TARGET) + "<w:p/>"), "plan.docx")
    with pytest.raises(GapcalcError, match="markup has more than 6 elements"):
        read_bytes(_page("<br>"), "plan.html")


def test_16_reading_stops_after_too_many_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "MAX_STATEMENTS", 100)
    code, output, _ = _draft(tmp_path, _statements(101).encode())
    assert code == 2
    assert "the document states more than 100 targets, more than gapcalc draft reads" in output
    assert not (tmp_path / "targets").exists() and not (tmp_path / "docs").exists()
    code, output, _ = _draft(tmp_path, _statements(100).encode())
    assert code == 0 and "(100 indicators, 100 numbers)" in output, output


def test_16_an_indicator_of_too_many_targets_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "MAX_INDICATOR_SERIES", 50)
    lines = "".join(f"到{2021 + i % 5}年，产值达到{i + 1}亿元。\n" for i in range(51))
    code, output, _ = _draft(tmp_path, f"{TITLE}\n一、主要目标\n{lines}".encode())
    assert code == 2
    assert "the document states more than 50 targets of one indicator (产值), more than gapcalc draft reads" in output
    assert not (tmp_path / "targets").exists() and not (tmp_path / "docs").exists()


def test_16_the_real_plans_are_far_inside_the_bounds() -> None:
    for path in sorted((Path(__file__).resolve().parent.parent / "docs" / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert len(text) * 20 < bounds.MAX_TEXT_CHARS and len(bounds.NUMBER.findall(text)) * 20 < bounds.MAX_NUMBERS


def test_19_control_characters_are_escaped_so_the_draft_always_parses(tmp_path: Path) -> None:
    controls = "\x7f\x80\x9f\x01\x1b"  # (U+0085 and U+001C–U+001E would end the line: str.splitlines)
    document = f"{TITLE}\n一、主要目标\n到2025年，规模以上工业{controls}增加值达到1000亿元。\n".encode()
    code, output, _ = _draft(tmp_path, document)
    assert code == 0, output
    assert "check: 0 errors" in output
    written = (tmp_path / "targets" / "hostile.toml").read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", written)
    parsed = tomllib.loads(written)
    assert controls in parsed["indicators"][0]["series"][0]["quote"]
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "targets" / "hostile.toml")])
    assert result.exit_code == 0 and "GC100" not in result.output, result.output


@pytest.mark.parametrize("text", ["", "plain", "tab\there", 'quote " and \\ backslash', "\x00\x08\x0b\x0c\x0d\x1f",
                                  "\x7f\x80\x9f\xa0中", "line\nbreak\r\n", "\ud800 lone surrogate"])
def test_19_toml_string_round_trips_every_character(text: str) -> None:
    parsed = tomllib.loads(f"value = {toml_string(text)}")["value"]
    assert parsed == text.replace("\ud800", "\ufffd")

