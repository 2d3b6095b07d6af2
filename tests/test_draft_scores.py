"""The scorer of scripts/draft_scores.py: its rules on a hand-made draft and truth, and one run on an unseen text.

These tests hold the scoring, not the drafter's level: the drafter's figures are what the script reports.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
UNSEEN = REPO / "tests" / "fixtures" / "draft" / "unseen"
KINDS = {"level", "cumulative", "new_in_year", "change_vs_baseline", "pp_change", "annual_growth", "period_total"}
COMPARATORS = {"=", ">", ">=", "<", "<=", "~", "range"}


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gapcalc_draft_scores", REPO / "scripts" / "draft_scores.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


scores = _load()

DOCUMENT = ("到2025年,规模以上工业企业力争突破2200家,上云企业达到2万家,"
            "规模以上制造业企业数字化转型比例达80%以上,每年培育标杆企业10家。2022年,上云企业1.2万家。")


def _entry(name: str, value: str, quote: str, *, kind: str = "level", comparator: str = "=", unit: str = "%",
           year: int = 2025, names: tuple[str, ...] = ()) -> object:
    document = scores._norm(DOCUMENT)
    return scores.Entry(name, Decimal(value), year, kind, comparator, unit, quote, None, names or (name,),
                        scores._spans(quote, document))


TRUTH = [
    _entry("规模以上工业企业", "2200", "规模以上工业企业力争突破2200家", kind="cumulative", comparator=">", unit="家"),
    _entry("上云企业", "2", "上云企业达到2万家", kind="cumulative", unit="万家"),
    _entry("规模以上制造业企业数字化转型比例", "80", "规模以上制造业企业数字化转型比例达80%以上", comparator=">="),
]


def test_a_right_number_a_wrong_comparator_and_junk() -> None:
    drafted = [
        # right: the draft: mark and the 万 written out do not count against it
        _entry("draft: 规模以上工业企业", "2200", "规模以上工业企业力争突破2200家", kind="cumulative", comparator=">",
               unit="家"),
        _entry("上云企业", "20000", "上云企业达到2万家", kind="cumulative", unit="家"),
        # matched (its quote lies in the truth's), but the comparator is wrong
        _entry("数字化转型比例", "80", "数字化转型比例达80%", comparator="="),
        # junk: a number the truth does not hold
        _entry("标杆企业", "10", "每年培育标杆企业10家", kind="new_in_year", unit="家"),
        # a baseline matching nothing is counted apart, not as junk
        _entry("上云企业", "1.2", "上云企业1.2万家", kind="baseline", unit="万家", year=2022),
    ]
    result = scores.score("made", "unseen", TRUTH, drafted)
    assert (result.truth, result.drafted, result.matched, result.right) == (3, 5, 3, 2)
    assert (result.junk, result.baselines, result.misses) == (1, 1, [])
    assert result.recall == 100.0 and result.right_share == pytest.approx(66.7)
    [wrong] = result.wrong
    assert wrong["fields"] == {"comparator": [">=", "="]}
    assert wrong["quote"] == "规模以上制造业企业数字化转型比例达80%以上"
    assert len(result.junk_numbers) == 1 and "每年培育标杆企业10家" in result.junk_numbers[0]


def test_a_miss_a_wrong_year_and_a_wrong_value_are_told_apart() -> None:
    drafted = [
        # the truth quote holds this quote: matched although the year differs, and the year is wrong
        _entry("规模以上工业企业", "2200", "突破2200家", kind="cumulative", comparator=">", unit="家", year=2024),
        # another value in the same place matches nothing: the truth number is missed and this one is junk
        _entry("上云企业", "3", "上云企业达到2万家", kind="cumulative", unit="万家"),
    ]
    result = scores.score("made", "unseen", TRUTH, drafted)
    assert (result.matched, result.right, result.junk) == (1, 0, 1)
    assert [w["fields"] for w in result.wrong] == [{"year": ["2025", "2024"]}]
    assert len(result.misses) == 2 and any("上云企业达到2万家" in m for m in result.misses)


@pytest.mark.parametrize(("truth", "drafted", "right"), [
    ("规模以上制造业企业数字化转型比例", "规模以上制造业企业数字化转型比例(%)", True),  # the truth name is in it
    ("规模以上制造业企业数字化转型比例", "draft: 数字化转型比例", True),  # in the truth name, 6 characters
    ("规模以上制造业企业数字化转型比例", "转型比例", True),  # 4 characters
    ("规模以上制造业企业数字化转型比例", "比例", False),  # too short to name it
    ("规模以上工业企业", "规模以上企业", False),  # not contained either way
    ("工业增加值", "工業增加值", True),  # traditional characters are folded
])
def test_name_rule(truth: str, drafted: str, right: bool) -> None:
    assert scores.name_right(_entry(truth, "1", "x"), _entry(drafted, "1", "x")) is right


def test_units_fold_magnitudes_and_changes_are_in_percent() -> None:
    assert scores.number(_entry("a", "1.3", "q", unit="万亿元")) == scores.number(_entry("a", "13000", "q",
                                                                                          unit="亿元"))
    assert scores.number(_entry("a", "125", "q", unit="index")) == scores.number(_entry("a", "125", "q", unit="-"))
    growth = _entry("a", "5", "q", kind="annual_growth", unit="亿元")
    assert scores.number(growth) == (Decimal(5), "%")


def test_drafted_toml_numbers_go_by_indicator_and_breakdown_names(tmp_path: Path) -> None:
    target = tmp_path / "made.toml"
    target.write_text("""
[[indicators]]
id = "smes"
name_zh = "专精特新企业"
unit = "家"
breakdowns = [{ key = "national", name_zh = "国家级" }]

[[indicators.series]]
kind = "cumulative"
breakdown = "national"
quote = "国家级专精特新企业50家"
values = [{ year = 2025, value = 50, comparator = ">=" }, { year = 2025, text = "no number" }]
""", encoding="utf-8")
    [number] = scores.numbers_of_toml(target, scores._norm("到2025年,国家级专精特新企业50家以上。"))
    assert number.names == ("专精特新企业", "国家级", "专精特新企业国家级", "国家级专精特新企业")
    assert (number.value, number.comparator, number.spans) == (Decimal(50), ">=", ((7, 19),))


@pytest.mark.parametrize("truth_file", sorted(UNSEEN.glob("*.truth.json")), ids=lambda p: p.stem)
def test_truth_files_quote_their_texts(truth_file: Path) -> None:
    text = truth_file.with_name(truth_file.name.replace(".truth.json", ".txt")).read_text(encoding="utf-8")
    assert re.match(r"# source: .+, .+, .+, https?://\S+\n", text)
    flat = re.sub(r"\s+", "", text)
    for entry in json.loads(truth_file.read_text(encoding="utf-8")):
        assert entry["kind"] in KINDS and entry["comparator"] in COMPARATORS, entry
        assert ("upper" in entry) == (entry["comparator"] == "range"), entry
        assert re.sub(r"\s+", "", entry["quote"]) in flat, entry
        assert entry.get("printed", entry["value"]) in entry["quote"], entry
        Decimal(entry["value"])


def test_one_unseen_text_is_drafted_and_scored(capsys: pytest.CaptureFixture[str]) -> None:
    text = UNSEEN / "yancheng_digital.txt"
    [result] = scores.run([text], seeds=False)
    assert (result.plan, result.source, result.truth) == ("yancheng_digital", "unseen", 2)
    assert result.matched + len(result.misses) == result.truth
    assert result.right + len(result.wrong) == result.matched
    assert result.junk == len(result.junk_numbers) and result.junk + result.baselines <= result.drafted
    assert result.error is not None or result.drafted > 0
    assert scores.main(["--json", "--no-seeds", str(text)]) == 0
    [printed] = json.loads(capsys.readouterr().out)
    assert printed["truth"] == 2 and 0.0 <= printed["recall"] <= 100.0
