"""Code conventions the suite enforces: a docstring on every module. (Lint and type checks run as their own step of
``.ci/run`` with pinned tool versions: ``pip install -e ".[lint]" && ruff check && mypy``.)"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_module_has_a_docstring() -> None:
    paths = sorted((REPO / "gapcalc").rglob("*.py"))
    assert paths
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path} has no module docstring"
