"""``gapcalc draft`` on the command line: files written, no overwrite without --force, clear exit-2 errors."""

from __future__ import annotations

from pathlib import Path

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
