"""What `gapcalc check` and the other commands print is Chinese with ``--lang zh``, on broken input too: the
accounting of an actuals file, the schema errors of a target file (pydantic's, by their type), TOML syntax errors
(tomllib's, by their message), a simplified quote of a traditional source, the plan named in a hint, the code words a
message carries, and click's usage errors. English stays as it was."""

from __future__ import annotations

import copy
import string
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ENVIRONMENT, FIXTURES
from pydantic import ValidationError

from gapcalc.actuals.columns import Accounting
from gapcalc.cli.common import lang_in, usage_problem
from gapcalc.cli.main import cli
from gapcalc.messages import say
from gapcalc.messages_zh import ZH, ZH_WORDS
from gapcalc.plan import model
from gapcalc.plan.load import parse_toml, schema_problem, toml_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAULTS = FIXTURES / "faults"
TOML_HINT = "修正 TOML 语法（引号、括号、键与值之间的“=”、不重复的键）"


@pytest.fixture()
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tests/fixtures with none of gapcalc's (or the locale's) environment variables set."""
    monkeypatch.chdir(FIXTURES)
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return FIXTURES


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="gapcalc")
    return result.exit_code, result.stdout, result.stderr


def check_target(name: str, lang: str) -> tuple[int, str, str]:
    return invoke("check", f"faults/targets/{name}", "--targets-dir", "faults/targets", "--lang", lang)


# 1. the accounting line

def test_the_accounting_of_conflicting_duplicates_in_chinese(in_fixtures: Path) -> None:
    args = ("check", "actuals/duplicate_conflicting.csv", "--plan", "demo", "--targets-dir", "demo/targets")
    assert invoke(*args, "--lang", "zh")[::2] == (
        1, "actuals/duplicate_conflicting.csv：读取 2 行，使用 0 行，报告 2 行（重复冲突 2 行）\n"
           "已检查 1 个文件：错误 1 个，警告 0 个\n")
    assert invoke(*args, "--lang", "en")[::2] == (
        1, "actuals/duplicate_conflicting.csv: 2 rows read, 0 used, 2 reported (2 conflicting duplicate)\n"
           "checked 1 file: 1 error, 0 warnings\n")


def test_every_reason_of_the_accounting_in_chinese() -> None:
    counts = Accounting(6, 1, 1, Counter({"bad shape": 1, "cannot be placed": 1, "conflicting duplicate": 2}))
    assert counts.summary() == ("6 rows read, 1 used, 1 missing value, 4 reported (1 bad shape, 1 cannot be placed, "
                                "2 conflicting duplicate)")
    assert say(counts.summary(), "zh") == ("读取 6 行，使用 1 行，缺值 1 个，报告 4 行（计量方式有误 1 行、"
                                           "无法换算 1 行、重复冲突 2 行）")


# 2. schema errors (GC103, GC104), by pydantic's type

@pytest.mark.parametrize(("name", "zh"), [
    ("bad_direction.toml", "69:1: GC104 error: indicators[2].direction 取值无效：应为 'up' 或 'down'（实际为 "
                           "'lower'）"),
    ("bad_comparator.toml", "39:30: GC104 error: indicators[0].series[1].values[2].comparator 取值无效：应为 '='、'>'、"
                            "'>='、'<'、'<='、'~' 或 'range'（实际为 '≥'）"),
    ("bad_indicator_id.toml", "83:1: GC104 error: indicators[3].id 取值无效：应符合格式“^[a-z][a-z0-9_]*$”（实际为 "
                              "'Talent Pool'）"),
    ("empty_series.toml", "30:1: GC104 error: indicators[0].series[0].values 取值无效：至少应有 1 项，实有 0 项"
                          "（实际为 数组）"),
    ("float_year.toml", "38:5: GC103 error: indicators[0].series[1].values[1].year 类型错误：应为整数"
                        "（实际为 2019.5） — 写不加引号的整数，如 year = 2019"),
    ("string_year.toml", "38:5: GC103 error: indicators[0].series[1].values[1].year 类型错误：应为整数"
                         "（实际为 '2019'） — 写不加引号的整数，如 year = 2019"),
    ("wrong_type_value.toml", "38:18: GC103 error: indicators[0].series[1].values[1].value 类型错误：应为数字，"
                              "实际为字符串 '46' — 数字不加引号，如 value = 46"),
    ("bool_as_value.toml", "38:18: GC103 error: indicators[0].series[1].values[1].value 类型错误：应为数字，"
                           "实际为布尔值 True — 数字不加引号，如 value = 46"),
    ("missing_unit.toml", "18:1: GC102 error: 缺少必填键 indicators[0].unit — 添加“unit = …”"),
])
def test_schema_errors_in_chinese(in_fixtures: Path, name: str, zh: str) -> None:
    for _ in range(2):  # the second run reads the findings back from the cache
        assert check_target(name, "zh")[:2] == (1, f"faults/targets/{name}:{zh}\n")


@pytest.mark.parametrize(("name", "en"), [
    ("bad_direction.toml", "69:1: GC104 error: invalid value at indicators[2].direction: Input should be 'up' or "
                           "'down' (got 'lower')"),
    ("empty_series.toml", "30:1: GC104 error: invalid value at indicators[0].series[0].values: List should have at "
                          "least 1 item after validation, not 0 (got list)"),
    ("float_year.toml", "38:5: GC103 error: wrong type at indicators[0].series[1].values[1].year: Input should be a "
                        "valid integer (got 2019.5) — write a whole number without quotes, e.g. year = 2019"),
    ("wrong_type_value.toml", "38:18: GC103 error: wrong type at indicators[0].series[1].values[1].value: expected a "
                              "number, got str '46' — write numbers without quotes, e.g. value = 46"),
])
def test_schema_errors_in_english_are_as_before(in_fixtures: Path, name: str, en: str) -> None:
    """pydantic's wording, but a number as the file types it (2019.5, not Decimal('2019.5'))."""
    assert check_target(name, "en")[:2] == (1, f"faults/targets/{name}:{en}\n")


BASE = tomllib.loads((FAULTS / "targets" / "valid_base.toml").read_text(encoding="utf-8"), parse_float=Decimal)


def _errors(path: tuple[str | int, ...], value: Any) -> list[Any]:
    data = copy.deepcopy(BASE)
    place = data
    for part in path[:-1]:
        place = place[part]
    place[path[-1]] = value
    with pytest.raises(ValidationError) as caught:
        model.PlanFile.model_validate(data)
    return list(caught.value.errors())


VALUE = ("indicators", 0, "series", 1, "values", 0)


@pytest.mark.parametrize(("path", "value", "kind", "zh"), [
    (("plan", "admin_level"), "city", "literal_error", "应为 'municipal'、'provincial' 或 'national'"),
    (("indicators", 0, "series", 1, "kind"), "levels", "literal_error",
     "应为 'baseline'、'level'、'cumulative'、'new_in_year'、'change_vs_baseline'、'pp_change'、'annual_growth'、"
     "'period_total' 或 'qualitative'"),
    (("indicators", 0, "direction"), "lower", "literal_error", "应为 'up' 或 'down'"),
    (("plan", "name_zh"), "", "string_too_short", "至少应有 1 个字符"),
    (("plan", "id"), "x" * 70, "string_too_long", "至多应有 64 个字符"),
    (("plan", "name_zh"), 3, "string_type", "应为字符串（加双引号的文字）"),
    (("plan", "period"), [2018], "too_short", "至少应有 2 项，实有 1 项"),
    (("plan", "period"), [2018, 2019, 2020], "too_long", "至多应有 2 项，实有 3 项"),
    (("plan", "period"), "2018", "list_type", "应为数组 […]"),
    (("plan", "period"), [1900, 2020], "greater_than_equal", "应不小于 1949"),
    (("plan", "period"), [2018, 2200], "less_than_equal", "应不大于 2100"),
    (("plan", "published"), "2018/1/1", "string_pattern_mismatch", "应符合格式“^\\d{4}-\\d{2}(-\\d{2})?$”"),
    (("indicators", 0, "binding"), "yes", "bool_type", "应为 true 或 false"),
    ((*VALUE, "year"), Decimal("2019.5"), "int_type", "应为整数"),
    ((*VALUE, "value"), "46", "value_error", "应为数字，实际为字符串 '46'"),
    ((*VALUE, "value"), [1], "value_error", "应为数字，实际为数组 [1]"),
    ((*VALUE, "value"), Decimal("NaN"), "value_error", "应为有限的数字，实际为 NaN"),
])
def test_every_kind_of_schema_error_is_said_in_chinese(path: tuple[str | int, ...], value: Any, kind: str,
                                                      zh: str) -> None:
    """Each pydantic error the model raises, by its type, in Chinese; in English as pydantic says it."""
    [error] = _errors(path, value)
    assert error["type"] == kind
    said = schema_problem(error)
    assert said is not None and say(said, "zh") == zh
    assert said == str(error["msg"]).removeprefix("Value error, ")


def test_a_table_expected_is_called_a_table() -> None:
    [error] = _errors(("plan",), 3)
    said = schema_problem(error)
    assert error["type"] == "model_type" and error["msg"].endswith("instance of PlanHeader")
    assert (said, say(said, "zh")) == ("Input should be a table", "应为表（[表名] 或 { … }）")


def test_an_unknown_schema_error_is_quoted_after_a_chinese_lead() -> None:
    from gapcalc.plan.load import _schema_finding
    from gapcalc.plan.locate import TomlLocator

    error = {"type": "multiple_of", "loc": ("plan", "baseline_year"), "msg": "Input should be a multiple of 5",
             "input": 2017}
    assert schema_problem(error) is None
    item = _schema_finding(error, TomlLocator("[plan]\nbaseline_year = 2017\n"), "x.toml")
    assert item.as_text() == ("x.toml:2:1: GC104 error: invalid value at plan.baseline_year: Input should be a "
                              "multiple of 5 (got 2017)")
    assert item.in_lang("zh").as_text() == ("x.toml:2:1: GC104 error: plan.baseline_year 取值无效（校验信息：“Input "
                                            "should be a multiple of 5”；实际为 2017）")


# 3. TOML syntax errors, by tomllib's message

@pytest.mark.parametrize(("text", "en", "zh"), [
    ("a = b", "Invalid value", "值无效（文字须加双引号；数字、true/false、日期不加）"),
    ("x = [", "Invalid value (at end of document)", "在文件末尾：值无效（文字须加双引号；数字、true/false、日期不加）"),
    ("= 1", "Invalid statement", "语句无效（每行应为 键 = 值、[表] 或 [[数组表]]）"),
    ("a = 1 b = 2", "Expected newline or end of document after a statement", "语句之后应换行（一行只写一个 键 = 值）"),
    ("[a.b]\n[a.b]", "Cannot declare [a.b] twice", "表 [a.b] 声明了两次"),
    ("a = 1\na = 2", "Cannot overwrite a value (at end of document)", "在文件末尾：不能覆盖已有的值（键重复了？）"),
    ("[a", "Expected ']' at the end of a table declaration (at end of document)", "在文件末尾：表头末尾应为“]”"),
    ("[[a]", "Expected ']]' at the end of an array declaration", "数组表头末尾应为“]]”"),
    ("a = {}\na.b = 1", "Cannot mutate immutable namespace a (at end of document)",
     "在文件末尾：不能再改动 a（内联表或数组写定后不能再添加内容）"),
    ("a 1", "Expected '=' after a key in a key/value pair", "键之后应为“=”"),
    ("名称 = 1", "Invalid statement", "语句无效（每行应为 键 = 值、[表] 或 [[数组表]]）"),
    ("a = [1 2]", "Unclosed array", "数组没有闭合（缺少“]”或元素之间的“,”）"),
    ("a = {b = 1 c = 2}", "Unclosed inline table", "内联表没有闭合（缺少“}”或键值之间的“,”）"),
    ("a = {b = 1, b = 2}", "Duplicate inline table key 'b'", "内联表中的键 'b' 重复"),
    ('a = "\\q"', "Unescaped '\\' in a string", "字符串中有未转义的“\\”（写作 \\\\，或改用单引号字符串）"),
    ('a = "\\u12"', "Invalid hex value", "十六进制转义无效（\\u 后应为 4 位、\\U 后应为 8 位十六进制数字）"),
    ('a = "\\ud800"', "Escaped character is not a Unicode scalar value", "转义的字符不是有效的 Unicode 字符"),
    ('a = "abc', "Unterminated string (at end of document)", "在文件末尾：字符串没有结束（缺少闭合的引号）"),
    ('a = "a\x01"', "Illegal character '\\x01'", "字符串中有非法字符 '\\x01'"),
    ("# \x01", "Found invalid character '\\x01'", "发现无效字符 '\\x01'"),
    ("a = 'abc", "Expected \"'\" (at end of document)", "在文件末尾：缺少 \"'\""),
])
def test_toml_syntax_errors_in_chinese(text: str, en: str, zh: str) -> None:
    _, [item] = parse_toml(text, "x.toml")
    assert (item.code, item.message, say(item.message, "zh")) == ("GC100", en, zh)


def test_a_toml_message_the_table_does_not_know_is_quoted_after_a_chinese_lead() -> None:
    said = toml_problem("Some new complaint")
    assert (said, say(said, "zh")) == ("Some new complaint", "TOML 语法错误（解析器信息：“Some new complaint”）")


@pytest.mark.parametrize(("name", "zh"), [
    ("toml_unquoted_text.toml", "4:11: GC100 error: 值无效（文字须加双引号；数字、true/false、日期不加）"),
    ("toml_syntax_error.toml", "23:10: GC100 error: 字符串中有非法字符 '\\n'"),
])
def test_toml_syntax_errors_of_a_target_file_in_chinese(in_fixtures: Path, name: str, zh: str) -> None:
    assert check_target(name, "zh") == (
        1, f"faults/targets/{name}:{zh} — {TOML_HINT}\n", "已检查 1 个文件：错误 1 个，警告 0 个\n")


# 4. a simplified quote of a traditional source

def test_a_simplified_quote_of_a_traditional_source_says_so(in_fixtures: Path) -> None:
    name = "quote_simplified_of_traditional.toml"
    location = f"faults/targets/{name}:29:1: GC117 error: "
    assert check_target(name, "zh")[:2] == (1, location + "文件中找不到引文：“企业关键工序数控化率为26%” — "
                                                "原文为繁体，引文须照原文抄录：“企業關鍵工序數控化率為26%”\n")
    assert check_target(name, "en")[:2] == (1, location + "quote not found in the document: "
                                                "'企业关键工序数控化率为26%' — the document is printed in traditional "
                                                "characters; copy the quote as printed: '企業關鍵工序數控化率為26%'\n")


# 5. the plan named in a hint

def test_an_unknown_indicator_hint_names_the_plan(in_fixtures: Path) -> None:
    args = ("check", "actuals/unknown_indicator.csv", "--plan", "demo", "--targets-dir", "demo/targets")
    location = "actuals/unknown_indicator.csv:2:1: GC305 error: "
    assert invoke(*args, "--lang", "zh")[:2] == (
        1, location + "未知指标“nc_rate” — 是否应为 'nc_rate_key_processes'？指标 id 见 `gapcalc targets demo`\n")
    assert invoke(*args, "--lang", "en")[:2] == (
        1, location + "unknown indicator 'nc_rate' — did you mean 'nc_rate_key_processes'? see `gapcalc targets "
                      "demo` for the ids\n")


# 6. code words a message carries, said in Chinese

@pytest.mark.parametrize(("name", "zh"), [
    ("breakdowns_do_not_sum.toml", "33:11: GC204 warning: purchase_amount 2017年基期值：各分项合计 3000，总数为 4000 — "
                                   "文件自相矛盾"),
    ("milestones_fall.toml", "59:3: GC203 warning: green_factories：目标节点从 2（2018年）下降到 1（2019年），而方向为 "
                             "up（越高越好） — 核对数字，或该列是否为“新增”而非“累计”"),
    ("change_contradicts_quote.toml", "73:1: GC125 error: change = \"increase\"，但引文表述为减少："
                                      "“单位能耗下降\t5.0%\t7.0%\t10%” — 写 change = \"decrease\"（下降/降低/减少 → "
                                      "decrease；提高/增长 → increase）"),
    ("ratio_of_unknown.toml", "27:51: GC127 error: ratio_of 的分母（denominator）“purchase_amont”不是本规划中的另一个"
                              "指标 — 是否应为“purchase_amount”？"),
])
def test_no_english_word_in_a_chinese_finding(in_fixtures: Path, name: str, zh: str) -> None:
    assert f"faults/targets/{name}:{zh}\n" in check_target(name, "zh")[1]


def test_a_quote_that_prints_no_number_says_none_in_chinese(in_fixtures: Path) -> None:
    out = check_target("qualitative_with_value.toml", "zh")[1]
    assert "GC118 error: 引文“人才队伍\t-\t-\t基本建立”中没有 1（引文中的数字：无）" in out


def test_the_words_of_fields_belong_to_catalogued_templates() -> None:
    for template, fields in ZH_WORDS.items():
        assert template in ZH, template
        named = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert set(fields) <= named, template


# 7. click's usage errors

def _usage(command: str, error: str) -> str:
    return (f"用法：gapcalc {command} [OPTIONS] PLAN YEAR\n运行“gapcalc {command} --help”查看帮助。\n\n"
            f"错误：{error}\n")


@pytest.mark.parametrize(("args", "zh"), [
    (("summary", "demo"), _usage("summary", "缺少参数 'YEAR'")),
    (("summary",), _usage("summary", "缺少参数 'PLAN'")),
    (("report", "--bogus"), _usage("report", "没有选项 '--bogus'；是否应为 '--bom'？")),
    (("report", "demo", "2019", "-f", "bogus"),
     _usage("report", "'--format' / '-f' 的值无效：'bogus' 不是可选的值（'table', 'csv', 'tsv', 'json', 'ndjson', "
                      "'markdown', 'xlsx', 'html'）")),
    (("summary", "demo", "2019", "more"), _usage("summary", "多余的参数（more）")),
    (("report", "demo", "2019", "-o"), "错误：选项 '-o' 需要一个值\n"),  # click gives no usage line here either
    (("report",), _usage("report", "应给出 PLAN YEAR；用法：gapcalc report PLAN YEAR")),
])
def test_usage_errors_in_chinese(in_fixtures: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
                                 zh: str) -> None:
    """Said in Chinese with --lang zh (even when click stops before reading it), and with GAPCALC_LANG=zh."""
    assert invoke(args[0], "--lang", "zh", *args[1:]) == (2, "", zh)
    assert invoke(*args, "--lang", "zh") == (2, "", zh) or "-o" in args  # -o takes --lang as its file
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    assert invoke(*args) == (2, "", zh)


def test_an_unknown_command_in_chinese(in_fixtures: Path) -> None:
    assert invoke("--lang", "zh", "repor") == (
        2, "", "用法：gapcalc [OPTIONS] COMMAND [ARGS]...\n运行“gapcalc --help”查看帮助。\n\n错误：没有选项 '--lang'\n")
    assert invoke("repor", "--lang", "zh") == (
        2, "", "用法：gapcalc [OPTIONS] COMMAND [ARGS]...\n运行“gapcalc --help”查看帮助。\n\n"
               "错误：没有命令 'repor'\n")


def test_usage_errors_in_english_are_clicks(in_fixtures: Path) -> None:
    code, out, err = invoke("summary", "demo", "--lang", "en")
    # click before 8.2.1 names the first help option (-h), later ones the longest (--help): both are click's words
    assert (code, out, err.replace("'gapcalc summary -h'", "'gapcalc summary --help'")) == (
        2, "", "Usage: gapcalc summary [OPTIONS] PLAN YEAR\nTry 'gapcalc summary --help' for help.\n\n"
               "Error: Missing argument 'YEAR'.\n")


@pytest.mark.parametrize(("message", "zh"), [
    ("Missing argument 'YEAR'.", "缺少参数 'YEAR'"),
    ("Missing option '--plan'.", "缺少选项 '--plan'"),
    ("Missing option '--lang'. Choose from:\n\tzh,\n\ten", "缺少选项 '--lang'；可选：zh, en"),
    ("No such option '--bogus'.", "没有选项 '--bogus'"),
    ("No such option: --bogus", "没有选项 '--bogus'"),  # click before 8.2.1 does not quote: said the same
    ("No such option '--col'. (Did you mean one of: '--color', '--colour'?)",
     "没有选项 '--col'；是否应为 '--color', '--colour'？"),
    ("No such option: --col (Possible options: --color, --colour)",
     "没有选项 '--col'；（可用的选项：'--color', '--colour'）"),
    ("No such command 'repor'.", "没有命令 'repor'"),
    ("Invalid value for '--lang': 'fr' is not 'zh'.", "'--lang' 的值无效：'fr' 不是可选的值（'zh'）"),
    ("Invalid value for 'YEAR': 'x' is not a valid integer.", "'YEAR' 的值无效：'x' 不是有效的整数"),
    ("Invalid value for '--top': 0 is not in the range 1<=x<=9.", "'--top' 的值无效：0 不在范围 1<=x<=9 内"),
    ("Invalid value for '--targets-dir': Directory 'x' does not exist.",
     "'--targets-dir' 的值无效：目录 'x' 不存在"),
    ("Invalid value for '-o': File 'x' is a directory.", "'-o' 的值无效：文件 'x' 是目录，不是文件"),
    ("Invalid value for '-o': something else.", "'-o' 的值无效：“something else.”"),
    ("Invalid value: 'x'.", "值无效：“'x'.”"),
    ("Option '--lang' does not take a value.", "选项 '--lang' 不接受值"),
    ("Option '--span' requires 2 arguments.", "选项 '--span' 需要 2 个值"),
    ("Got unexpected extra argument (x)", "多余的参数（x）"),
    ("Got unexpected extra arguments (x y)", "多余的参数（x y）"),
    ("Missing command.", "缺少命令"),
    ("Something click will say one day.", "命令行有误（click 的信息：“Something click will say one day.”）"),
])
def test_clicks_messages_in_chinese(message: str, zh: str) -> None:
    assert say(usage_problem(message), "zh") == zh


def test_gapcalc_alone_still_prints_its_help(in_fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    code, out, err = invoke()
    assert code == 2 and (out + err).startswith("Usage: gapcalc [OPTIONS] COMMAND [ARGS]...\n")


@pytest.mark.parametrize(("args", "asked"), [
    ([], None), (["report", "--lang", "zh"], "zh"), (["report", "--lang=en", "x"], "en"), (["--lang", "fr"], None),
    (["report", "--", "--lang", "zh"], None), (["report", "--lang"], None),
    (["--lang", "zh", "report", "--lang", "en"], "en"),
])
def test_the_language_a_command_line_asks_for(args: list[str], asked: str | None) -> None:
    assert lang_in(args) == asked
