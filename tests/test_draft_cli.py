"""``gapcalc draft`` on the command line: files written, no overwrite without --force, clear exit-2 errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcalc.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_draft_writes_target_and_text_then_refuses_to_overwrite(tmp_path: Path) -> None:
    targets = tmp_path / "targets"
    code, output = _run("draft", str(ROOT / "docs/sources/jinhua.txt"), "--plan", "jinhua_draft",
                        "--targets-dir", str(targets))
    assert code == 0, output
    assert (targets / "jinhua_draft.toml").is_file()
    assert (tmp_path / "docs/sources/jinhua_draft.txt").is_file()
    assert "check: 0 errors" in output
    code, output = _run("draft", str(ROOT / "docs/sources/jinhua.txt"), "--plan", "jinhua_draft",
                        "--targets-dir", str(targets))
    assert code == 2 and "already exists" in output
    code, _ = _run("draft", str(ROOT / "docs/sources/jinhua.txt"), "--plan", "jinhua_draft",
                   "--targets-dir", str(targets), "--force")
    assert code == 0


def test_plan_id_derived_from_region(tmp_path: Path) -> None:
    code, output = _run("draft", str(ROOT / "docs/sources/jinhua.txt"), "--targets-dir", str(tmp_path / "targets"))
    assert code == 0, output
    assert (tmp_path / "targets/jinhua.toml").is_file()


def test_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    code, output = _run("draft", str(empty), "--plan", "x", "--targets-dir", str(tmp_path / "targets"))
    assert code == 2 and ("empty" in output or "no text" in output)


def test_no_target_found(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("杭州市关于加强管理的通知\n各单位要认真组织实施。\n", encoding="utf-8")
    code, output = _run("draft", str(prose), "--plan", "x", "--targets-dir", str(tmp_path / "targets"))
    assert code == 2 and "no target found" in output


def test_bad_plan_id(tmp_path: Path) -> None:
    code, output = _run("draft", str(ROOT / "docs/sources/jinhua.txt"), "--plan", "Bad-Id",
                        "--targets-dir", str(tmp_path / "targets"))
    assert code == 2 and "ascii id" in output


def test_review_lines_in_chinese_notes_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review list is said in the chosen language (merged items too); the notes in the file stay English."""
    document = tmp_path / "plan.txt"
    document.write_text("杭州市“十四五”工业发展规划\n到2025年，规上工业增加值达到6000亿元。\n"
                        "到2025年，数字经济指数达到120，创新指数达到130，质量指数达到140。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GAPCALC_LANG", "zh")
    code, output = _run("draft", "plan.txt", "--plan", "hz", "--targets-dir", "targets")
    assert code == 0, output
    assert output.splitlines()[0] == "已新建目标文件目录 targets"  # a folder the user did not make: said
    assert output.splitlines()[3:] == [
        "待复核（4）：",
        "  targets/hz.toml:6: 请填写英文标题",
        "  targets/hz.toml:10: 未找到文号；请给出简短标识",
        "  targets/hz.toml:13: 未标单位；按指数或比值处理（3 条陈述合并说明：digital、innovation、quality）",
        "  targets/hz.toml:18: name_en 为关键词推测；请填写英文名称（另有 3 处：第 31、44、57 行）",
    ]
    text = (tmp_path / "targets/hz.toml").read_text(encoding="utf-8")
    assert text.count("draft: no unit printed; index or ratio assumed (said once for 3 statements: digital, "
                      "innovation, quality)") == 1
    assert "note = \"draft: no unit printed" not in text  # said once in the plan's note, not on every series
    monkeypatch.setenv("GAPCALC_LANG", "en")
    code, output = _run("draft", "plan.txt", "--plan", "hz", "--targets-dir", "targets", "--force")
    assert output.splitlines()[2:] == [
        "review (4):",
        "  targets/hz.toml:6: write the English title",
        "  targets/hz.toml:10: no document number found; give a short identification",
        "  targets/hz.toml:13: no unit printed; index or ratio assumed (said once for 3 statements: digital, "
        "innovation, quality)",
        "  targets/hz.toml:18: name_en is a keyword guess; write the English name (and 3 more: lines 31, 44, 57)",
    ]
