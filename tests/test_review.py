"""Reviewing a draft: ``check`` warns of every statement still marked ``draft:`` (GC130; actuals rows GC330) and
``--strict`` fails until the marks are removed; the review page (``draft --review``, ``gapcalc review``) shows each
statement beside its sentence with the number read highlighted, and never replaces a page without ``--force``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from html_check import parse_page

from gapcalc.cli.main import cli
from gapcalc.plan.review_marks import has_mark, relative_name, split_readings
from gapcalc.usecases.review import _highlighted

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENT = FIXTURES / "draft" / "review" / "lingjiang.txt"
FAULTS = FIXTURES / "faults"
ENVIRONMENT = ("GAPCALC_TARGETS", "GAPCALC_ACTUALS", "GAPCALC_FORMAT", "GAPCALC_LANG", "GITHUB_ACTIONS", "LC_ALL",
               "LC_MESSAGES", "LANG", "NO_COLOR", "FORCE_COLOR")
TOML = "targets/lingjiang.toml"

FRESH_EN = (
    f"{TOML}:6:1: GC130 warning: draft plan header not reviewed (name_en line 6) — review it against the document, "
    "then remove `draft:`\n"
    f"{TOML}:18:1: GC130 warning: draft statement not reviewed: '全市规模以上工业增加值达到1200亿元' "
    "({first}: name_en line 18) — review it against the quote, then remove `draft:`\n"
    f"{TOML}:44:1: GC130 warning: draft statement not reviewed: '数字化转型指数达到80以上' "
    "({third}: name_en line 44, note line 52) — review it against the quote, then remove `draft:`\n"
)
"""What ``check`` says of the fresh draft; ``first`` and ``third`` are the ids the drafter gives the indicators."""
FRESH_EN_ERR = (f"{TOML}: 2 statements not reviewed, and the plan header (GC130)\n"
                "checked 1 file: 0 errors, 3 warnings\n")
FRESH_ZH = (
    f"{TOML}:6:1: GC130 warning: 草稿的规划信息未复核（name_en 第 6 行） — 对照原文复核后删去 `draft:`\n"
    f"{TOML}:18:1: GC130 warning: 草稿陈述未复核：“全市规模以上工业增加值达到1200亿元”"
    "（{first}：name_en 第 18 行） — 对照引文复核后删去 `draft:`\n"
    f"{TOML}:44:1: GC130 warning: 草稿陈述未复核：“数字化转型指数达到80以上”"
    "（{third}：name_en 第 44 行、note 第 52 行） — 对照引文复核后删去 `draft:`\n"
)
FRESH_ZH_ERR = f"{TOML}：2 条陈述未复核，规划信息亦未复核（GC130）\n已检查 1 个文件：错误 0 个，警告 3 个\n"
CLEAN_ERR = "checked 1 file: 0 errors, 0 warnings\n"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(name="workspace")
def fixture_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory, none of gapcalc's (or the locale's) environment set."""
    monkeypatch.chdir(tmp_path)
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture(name="drafted")
def fixture_drafted(workspace: Path) -> Path:
    """The fixture document drafted afresh: ``targets/lingjiang.toml`` and its saved text."""
    result = _run("draft", str(DOCUMENT), "--plan", "lingjiang", "--targets-dir", "targets")
    assert result.exit_code == 0, result.output
    assert "check: 0 errors, 0 warnings\n" in result.stdout  # the review list says what GC130 would
    return workspace / TOML


def _ids(path: Path) -> dict[str, str]:
    """The ids of the first and third indicator of the draft (the drafter names them; the test holds the rest)."""
    ids = [line.split('"')[1] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("id = ")]
    return {"first": ids[1], "third": ids[3]}


def _remove_marks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(?<=")draft: ', "", text), encoding="utf-8")


def test_check_warns_of_each_statement_of_a_fresh_draft_and_strict_fails(drafted: Path) -> None:
    result = _run("check", "targets", "--targets-dir", "targets", "--lang", "en")
    expected = FRESH_EN.format(**_ids(drafted))
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, FRESH_EN_ERR)
    strict = _run("check", "targets", "--targets-dir", "targets", "--lang", "en", "--strict")
    assert (strict.exit_code, strict.stdout, strict.stderr) == (1, expected, FRESH_EN_ERR)


def test_check_of_a_fresh_draft_in_chinese(drafted: Path) -> None:
    result = _run("check", TOML, "--targets-dir", "targets", "--lang", "zh", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (1, FRESH_ZH.format(**_ids(drafted)), FRESH_ZH_ERR)


def test_check_passes_strict_once_the_marks_are_removed(drafted: Path) -> None:
    _remove_marks(drafted)
    assert "draft:" in drafted.read_text(encoding="utf-8")  # the plan's note explains the marks: not one itself
    for extra in ((), ("--strict",)):
        result = _run("check", "targets", "--targets-dir", "targets", "--lang", "en", *extra)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", CLEAN_ERR)


def test_a_statement_reviewed_leaves_the_others(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    drafted.write_text(text.replace('name_en = "draft: Above scale industrial value added"',
                                    'name_en = "Value added of above-scale industry"'), encoding="utf-8")
    result = _run("check", "targets", "--targets-dir", "targets", "--lang", "en", "--strict")
    assert result.exit_code == 1
    assert [line.split(": GC130")[0] for line in result.stdout.splitlines()] == [f"{TOML}:6:1", f"{TOML}:44:1"]
    assert result.stderr == (f"{TOML}: 1 statement not reviewed, and the plan header (GC130)\n"
                             "checked 1 file: 0 errors, 2 warnings\n")


def test_a_second_mark_inside_a_note_is_still_a_mark(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    text = re.sub(r'(?<=")draft: ', "", text).replace(
        'note = "no unit printed; index or ratio assumed"',
        'note = "no unit printed; an index draft: check the year"')
    drafted.write_text(text, encoding="utf-8")
    result = _run("check", "targets", "--targets-dir", "targets", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == (f"{TOML}:52:1: GC130 warning: draft statement not reviewed: '数字化转型指数达到80以上' "
                             f"({_ids(drafted)['third']}: note line 52) — review it against the quote, then remove "
                             "`draft:`\n")
    assert result.stderr == f"{TOML}: 1 statement not reviewed (GC130)\n" + \
        "checked 1 file: 0 errors, 1 warning\n"


def test_actuals_rows_not_reviewed_warn(workspace: Path) -> None:
    shown = str(FAULTS / "actuals" / "draft_row_not_reviewed.csv")
    args = ["check", shown, "--plan", "demo", "--targets-dir", str(FIXTURES / "demo" / "targets"), "--lang", "en"]
    expected = (f"{shown}:2:6: GC330 warning: nc_rate_key_processes 2019: row not reviewed: 'draft: read from a news "
                "item; check the figure' — check the figure against its source, then remove `draft:` from the note\n")
    summary = f"{shown}: 2 rows read, 2 used\n"
    result = _run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, summary + "checked 1 file: 0 errors, "
                                                                          "1 warning\n")
    strict = _run(*args, "--strict")
    assert (strict.exit_code, strict.stdout) == (1, expected)


def _sections(page: str) -> list[str]:
    return re.findall(r'<section class="stmt (?:todo|shared|done)".*?</section>', page, re.S)


def test_draft_writes_the_review_page(workspace: Path) -> None:
    result = _run("draft", str(DOCUMENT), "--plan", "lingjiang", "--targets-dir", "targets", "--review", "page.html")
    assert result.exit_code == 0, result.output
    assert result.stderr == "made the targets directory targets\nwrote page.html: 3 statements, 2 to review\n"
    page = (workspace / "page.html").read_text(encoding="utf-8")
    parsed = parse_page(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert "http" not in page.split("<body>")[0].replace('"width=device-width', "")  # nothing fetched
    sections = _sections(page)
    assert len(sections) == 3
    assert [s.startswith('<section class="stmt todo"') for s in sections] == [True, False, True]
    for section, number in zip(sections, ("1200", "500", "80"), strict=True):
        quote = re.search(r"<q>(.*?)</q>", section, re.S)
        assert quote is not None and f"<mark>{number}</mark>" in quote.group(1)
    assert "到2025年，<q>全市规模以上工业增加值达到<mark>1200</mark>亿元</q>，" in sections[0]
    assert "draft: no unit printed; index or ratio assumed" in sections[2]
    assert '<div class="card"><b>3</b><span>statements</span></div>' in page
    assert '<div class="card todo"><b>2</b><span>to review</span></div>' in page
    assert '<div class="card"><b>4</b><span>draft notes</span></div>' in page


def test_draft_review_page_is_written_exclusively(workspace: Path) -> None:
    (workspace / "page.html").write_text("mine\n", encoding="utf-8")
    result = _run("draft", str(DOCUMENT), "--plan", "lingjiang", "--targets-dir", "targets", "--review", "page.html")
    assert result.exit_code == 2
    assert "page.html already exists" in result.stderr and "--force" in result.stderr
    assert (workspace / "page.html").read_text(encoding="utf-8") == "mine\n"
    assert not (workspace / TOML).exists()  # refused before anything is written
    forced = _run("draft", str(DOCUMENT), "--plan", "lingjiang", "--targets-dir", "targets", "--review", "page.html",
                  "--force")
    assert forced.exit_code == 0, forced.output
    assert (workspace / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_draft_review_to_stdout_is_refused(workspace: Path) -> None:
    result = _run("draft", str(DOCUMENT), "--plan", "lingjiang", "--targets-dir", "targets", "--review", "-")
    assert result.exit_code == 2
    assert not (workspace / "targets").exists()


def test_review_command_on_the_fixture(workspace: Path) -> None:
    targets = str(FAULTS / "targets")
    result = _run("review", "draft_not_reviewed", "--targets-dir", targets, "-o", "page.html", "--lang", "zh")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "已写入 page.html：3 条陈述，2 条待复核\n"
    page = (workspace / "page.html").read_text(encoding="utf-8")
    parse_page(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert "<title>草稿复核：临江市制造业高质量发展三年行动计划(2023—2025年)</title>" in page
    sections = _sections(page)
    assert len(sections) == 3 and sum('class="stmt todo"' in s for s in sections) == 2
    assert all(s.count("<mark>") == 1 for s in sections)
    assert "name_en（第 4 行）为草稿：Unknown: English title" in page  # the plan header's mark
    again = _run("review", "draft_not_reviewed", "--targets-dir", targets, "-o", "page.html")
    assert again.exit_code == 2 and "page.html already exists" in again.stderr
    forced = _run("review", "draft_not_reviewed", "--targets-dir", targets, "-o", "page.html", "--force")
    assert forced.exit_code == 0


def test_review_command_of_a_reviewed_plan_and_to_stdout(workspace: Path) -> None:
    result = _run("review", "draft_reviewed", "--targets-dir", str(FAULTS / "targets"), "-o", "-", "--lang", "en")
    assert result.exit_code == 0 and result.stderr == ""
    parse_page(result.stdout)
    sections = _sections(result.stdout)
    assert len(sections) == 3 and not any('class="stmt todo"' in s for s in sections)
    assert "Every statement is reviewed." in result.stdout
    assert "no unit printed: an index (reviewed)" in result.stdout


def test_review_command_default_name_and_partial_review(drafted: Path, workspace: Path) -> None:
    result = _run("review", "lingjiang", "--targets-dir", "targets", "--lang", "en")
    assert (result.exit_code, result.stderr) == (0, "wrote lingjiang-review.html: 3 statements, 2 to review\n")
    _remove_marks(drafted)
    again = _run("review", "lingjiang", "--targets-dir", "targets", "--lang", "en", "--force")
    assert (again.exit_code, again.stderr) == (0, "wrote lingjiang-review.html: 3 statements, 0 to review\n")


def test_review_command_errors(workspace: Path) -> None:
    assert _run("review", "nowhere", "--targets-dir", str(FAULTS / "targets")).exit_code == 2
    broken = _run("review", "misspelt_key", "--targets-dir", str(FAULTS / "targets"))
    assert broken.exit_code == 2 and "cannot be reviewed" in broken.stderr
    assert not list(workspace.iterdir())


@pytest.mark.parametrize(("value", "expected"), [
    ("draft: Mfg clusters", [(True, "Mfg clusters")]),
    ("draft: no year; 2025 assumed draft: no unit printed", [(True, "no year; 2025 assumed"),
                                                             (True, "no unit printed")]),
    ("reviewed draft: left", [(False, "reviewed"), (True, "left")]),
    ("Drafted by gapcalc draft; every note beginning with draft: is a reading to review.",
     [(False, "Drafted by gapcalc draft; every note beginning with draft: is a reading to review.")]),
    ("a drafted note", [(False, "a drafted note")]),
])
def test_readings_of_a_value(value: str, expected: list[tuple[bool, str]]) -> None:
    assert split_readings(value) == expected
    assert has_mark(value) is any(marked for marked, _ in expected)


def test_relative_names() -> None:
    assert relative_name(("indicators", 2, "series", 1, "values", 0, "note")) == "values[0].note"
    assert relative_name(("indicators", 2, "name_en")) == "name_en"
    assert relative_name(("indicators", 2, "breakdowns", 1, "key")) == "breakdowns[1].key"
    assert relative_name(("plan", "name_en")) == "name_en"


def test_a_number_is_highlighted_only_where_it_stands_alone() -> None:
    assert _highlighted("到2025年达到2%", [["2"]]) == ((("到2025年达到", False), ("2", True), ("%", False)), ())
    assert _highlighted("力争达到2.3万亿元", [["2"]]) == ((("力争达到2.3万亿元", False),), ("2",))
    assert _highlighted("形成1—2个", [["1"], ["2"]]) == (
        (("形成", False), ("1", True), ("—", False), ("2", True), ("个", False)), ())
    assert _highlighted("超过２万家", [["2万"]]) == ((("超过", False), ("２万", True), ("家", False)), ())
    assert _highlighted("单位能耗下降\t5.0%\t7%", [["5.0", "5"], ["7.0", "7"]]) == (
        (("单位能耗下降\t", False), ("5.0", True), ("%\t", False), ("7", True), ("%", False)), ())
    assert _highlighted("数控化率\t32%\t46%", [["32"], ["46"]])[1] == ()  # a table row's cells are apart
