"""Every message is said in Chinese and English: the catalogue is complete, its fields match, nothing is unused,
and findings, hints and notes print in the language chosen."""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from gapcalc.errors import finding
from gapcalc.messages import Joined, Text, plural, say, t
from gapcalc.messages_zh import ZH

PACKAGE = Path(__file__).resolve().parent.parent / "gapcalc"


def _templates() -> dict[str, str]:
    """Every template written with ``t(...)`` in the package, and where."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), \
                    f"{path.name}:{node.lineno}: t() takes its template as a literal string"
                found.setdefault(first.value, f"{path.name}:{node.lineno}")
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_chinese() -> None:
    missing = [f"{where}: {template!r}" for template, where in _templates().items() if template not in ZH]
    assert missing == []


def test_chinese_templates_have_the_same_fields() -> None:
    plural_endings = {"s", "s2", "s3"}
    wrong = [key for key, value in ZH.items() if _fields(value) - _fields(key)
             or (_fields(key) - plural_endings) - _fields(value)]
    assert wrong == []


def test_no_unused_entry() -> None:
    assert sorted(set(ZH) - set(_templates())) == []


def test_finding_messages_are_catalogued() -> None:
    """A finding's message or hint is written with ``t()`` (or comes from another library), never as a literal."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and str(node.args[0].value).startswith("GC") and len(str(node.args[0].value)) == 5):
                continue
            texts = node.args[1:2] + [k.value for k in node.keywords if k.arg == "hint"]
            offenders += [f"{path.name}:{node.lineno}" for arg in texts
                          if isinstance(arg, ast.JoinedStr) or (isinstance(arg, ast.Constant) and arg.value)]
    assert offenders == []


def _literal_or_fstring(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and bool(node.value))


def _error_message_offenders(source: str, name: str) -> list[str]:
    """Where ``GapcalcError(...)`` is given its message or hint as a literal or f-string instead of ``t(...)``."""
    offenders = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "GapcalcError"):
            continue
        texts = node.args[:2] + [k.value for k in node.keywords if k.arg in ("message", "hint")]
        offenders += [f"{name}:{node.lineno}" for arg in texts if _literal_or_fstring(arg)]
    return offenders


def test_error_messages_are_catalogued() -> None:
    """An exit-2 error's message and hint are written with ``t()``, never as a literal or an f-string."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        offenders += _error_message_offenders(path.read_text(encoding="utf-8"), path.name)
    assert offenders == []


@pytest.mark.parametrize("call", ['GapcalcError(f"{path}: no such file", t("check the path"))',
                                  'GapcalcError(t("{path}: no such file", path=p), "check the path")',
                                  'GapcalcError(message="no such file")'])
def test_an_error_written_as_a_literal_is_caught(call: str) -> None:
    assert _error_message_offenders(call, "x.py") == ["x.py:1"]


def test_an_error_written_with_t_passes() -> None:
    assert _error_message_offenders('GapcalcError(t("{path}: no such file", path=p), hint)', "x.py") == []


def test_text_is_english_and_says_chinese() -> None:
    text = t("unknown column '{name}'", name="valeur")
    assert text == "unknown column 'valeur'"
    assert say(text, "zh") == "未知列“valeur”"
    assert say(text, "en") == "unknown column 'valeur'"
    assert say("plain", "zh") == "plain"


def test_nested_and_joined_texts_are_said_in_the_language_of_the_whole() -> None:
    reasons = Joined([t("{count} {reason}", count=1, reason=t("duplicate")),
                      t("{count} {reason}", count=2, reason=t("malformed"))])
    text = t(", {total} reported ({reasons})", total=3, reasons=reasons)
    assert text == ", 3 reported (1 duplicate, 2 malformed)"
    assert say(text, "zh") == "，报告 3 行（重复 1 行、格式错误 2 行）"


def test_text_survives_pickling_for_the_cache_and_worker_processes() -> None:
    text = t("missing column{s} {missing}", s=plural(2), missing="year, value")
    again = pickle.loads(pickle.dumps(text))
    assert isinstance(again, Text) and again == text and say(again, "zh") == "缺少列 year, value"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "a.csv:3:1: GC305 error: unknown indicator 'x' — delete one of the rows"),
    ("zh", "a.csv:3:1: GC305 error: 未知指标“x” — 删除其中一行"),
])
def test_finding_in_a_language_keeps_code_and_location(lang: str, expected: str) -> None:
    item = finding("GC305", t("unknown indicator '{indicator_id}'", indicator_id="x"), "a.csv", 3, 1,
                   t("delete one of the rows"))
    assert item.in_lang(lang).as_text() == expected
    assert item.in_lang(lang).as_dict()["code"] == "GC305"


def test_a_finding_line_and_a_trimmed_message_come_back_from_the_cache_able_to_speak_chinese() -> None:
    from gapcalc.errors import FindingLine, from_plain, to_plain
    from gapcalc.messages import Trimmed

    line = FindingLine(finding("GC305", t("unknown indicator '{indicator_id}'", indicator_id="x"), "a.csv", 3, 1))
    trimmed = Trimmed(t("{path}: no such file", path="a.csv"), "a.csv")
    again = from_plain(to_plain([line, trimmed]))
    assert again == ["a.csv:3:1: GC305 error: unknown indicator 'x'", "no such file"]
    assert [say(text, "zh") for text in again] == ["a.csv:3:1: GC305 error: 未知指标“x”", "文件不存在"]
    assert say(pickle.loads(pickle.dumps(line)), "zh") == "a.csv:3:1: GC305 error: 未知指标“x”"


def test_internal_error_said_in_the_chosen_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a command is one line and a hint in the chosen language, exit 2, no traceback."""
    from click.testing import CliRunner

    import gapcalc.cli.plans_cmd as plans_cmd
    from gapcalc.cli.main import cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(plans_cmd.command, "callback", broken)
    monkeypatch.delenv("GAPCALC_DEBUG", raising=False)
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    result = CliRunner().invoke(cli, ["plans"])
    assert (result.exit_code, result.output.splitlines()) == (2, [
        "gapcalc: 内部错误: ValueError: boom",
        "  提示: 这是 gapcalc 的缺陷；请用 GAPCALC_DEBUG=1 重新运行并报告回溯信息"])
