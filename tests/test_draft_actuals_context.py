"""What ``gapcalc draft-actuals`` needs of a plan (its context) comes from the cache while the target file is
unchanged: the plan model is not loaded again, and an edit or an error is always seen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gapcalc.errors import GapcalcError
from gapcalc.usecases import open as opening
from gapcalc.usecases.draft_actuals import context_data, context_from_data, context_of, open_context

REPO = Path(__file__).resolve().parent.parent


def _targets(tmp_path: Path) -> Path:
    targets = tmp_path / "targets"
    targets.mkdir()
    shutil.copyfile(REPO / "targets" / "chongqing.toml", targets / "chongqing.toml")
    old = os.stat(targets / "chongqing.toml").st_mtime - 60  # older than the file index's racy window
    os.utime(targets / "chongqing.toml", (old, old))
    return targets


def test_a_context_survives_the_cache_as_it_was() -> None:
    context = context_of(opening.open_plan("chongqing", REPO / "targets").plan)
    assert context_from_data(context_data(context)) == context


def test_an_unchanged_plan_gives_its_context_without_the_plan_model(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    targets = _targets(tmp_path)
    first = open_context("chongqing", targets)

    def no_model(path: Path) -> None:
        raise AssertionError("the plan model was loaded for an unchanged plan")

    monkeypatch.setattr(opening, "open_plan_file", no_model)
    assert open_context("chongqing", targets) == first


def test_an_edited_plan_is_read_again(tmp_path: Path) -> None:
    targets = _targets(tmp_path)
    before = open_context("chongqing", targets)
    plan = targets / "chongqing.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('region_zh = "重庆"', 'region_zh = "重庆市"', 1),
                    encoding="utf-8")
    after = open_context("chongqing", targets)
    assert (before.region_zh, after.region_zh) == ("重庆", "重庆市")


def test_a_plan_with_errors_and_an_unknown_plan_are_refused(tmp_path: Path) -> None:
    targets = _targets(tmp_path)
    plan = targets / "chongqing.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('admin_level = ', 'admin_level = 1 #', 1),
                    encoding="utf-8")
    with pytest.raises(GapcalcError, match="chongqing.toml has 1 error"):
        open_context("chongqing", targets)
    with pytest.raises(GapcalcError, match="no plan 'chongqin'"):
        open_context("chongqin", targets)
