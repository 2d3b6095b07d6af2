"""Shared fixtures: paths to the repository, the shipped plans and the named fixture files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO = FIXTURES / "demo"
ENVIRONMENT = ("GAPCALC_TARGETS", "GAPCALC_ACTUALS", "GAPCALC_FORMAT", "GAPCALC_LANG", "GITHUB_ACTIONS", "LC_ALL",
               "LC_MESSAGES", "LANG", "NO_COLOR", "FORCE_COLOR")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Compiled plans go to a cache of this test session, never to the user's cache directory."""
    folder = tmp_path_factory.getbasetemp() / "gapcalc-cache"
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(folder))
    monkeypatch.delenv("GAPCALC_NO_CACHE", raising=False)
    return folder


@pytest.fixture()
def runner() -> CliRunner:
    """A CliRunner that keeps stdout and stderr apart (click ≥ 8.2)."""
    return CliRunner()


def _workspace(monkeypatch: pytest.MonkeyPatch, path: Path) -> Path:
    """Work in ``path`` with none of gapcalc's (or the locale's) environment variables set."""
    monkeypatch.chdir(path)
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    return path


@pytest.fixture()
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the repository as working directory (shipped targets/ and actuals/)."""
    return _workspace(monkeypatch, REPO)


@pytest.fixture()
def in_demo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run inside the small demo workspace (tests/fixtures/demo)."""
    return _workspace(monkeypatch, DEMO)


def load_bench() -> ModuleType:
    """``bench/run.py`` as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("gapcalc_bench", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
