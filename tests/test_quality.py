"""The typed core stays mypy-clean and the code ruff-clean (part of the suite, so CI enforces it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX shell environment")
def test_mypy_strict_is_clean() -> None:
    result = run("mypy", "gapcalc")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = run("ruff", "check", "gapcalc", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_click_or_rich() -> None:
    core = list((REPO / "gapcalc").glob("*.py"))
    for path in core:
        text = path.read_text(encoding="utf-8")
        assert "import click" not in text and "from click" not in text, path
        assert "import rich" not in text and "from rich" not in text, path


def test_every_module_has_a_docstring() -> None:
    import ast

    for path in sorted((REPO / "gapcalc").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path} has no module docstring"
