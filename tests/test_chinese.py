"""Traditional → simplified characters (:mod:`gapcalc.chinese`): named characters and document numbers, lengths kept,
simplified text left as it is (real plan sentences, the shipped simplified plans, and any text of the table's
simplified side), and which texts hold traditional characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.chinese import TO_SIMPLIFIED, has_traditional, to_simplified, traditional_characters
from gapcalc.draft.charmap import fold

SOURCES = Path(__file__).resolve().parent.parent / "docs" / "sources"
SIMPLIFIED_SIDE = sorted({chr(code) for code in TO_SIMPLIFIED.values()})
TRADITIONAL_SIDE = sorted(chr(code) for code in TO_SIMPLIFIED)
OTHER = list("的一是在了和有为以及年月日％%，。、（）〔〕《》0123456789.abc ")


@pytest.mark.parametrize("traditional, simplified", [
    ("後", "后"),
    ("帶", "带"),
    ("綿", "绵"),
    ("渝府辦發〔2021〕80號", "渝府办发〔2021〕80号"),
    ("基本穩定", "基本稳定"),
    ("不低於", "不低于"),
    ("產業鏈供應鏈現代化水平", "产业链供应链现代化水平"),
])
def test_named_characters(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified
    assert len(to_simplified(traditional)) == len(traditional)


@pytest.mark.parametrize("sentence", [
    "到2025年，规模以上工业企业研发经费支出占营业收入比重达到1.8%以上",
    "数字化研发设计工具普及率超过 72%",
    "开展千名硕士、百名博士来淄创新创业活动",
    "单位工业增加值能耗下降13.5%，乾县、哪吒文化和蒜薹产业基本稳定",
    "保持制造业比重基本稳定，壮大实体经济根基",
])
def test_simplified_sentences_are_unchanged(sentence: str) -> None:
    assert to_simplified(sentence) == sentence
    assert not has_traditional(sentence)


@pytest.mark.parametrize("plan", ["mianyang", "jinhua", "zibo", "sichuan"])
def test_the_shipped_simplified_plans_are_unchanged(plan: str) -> None:
    text = (SOURCES / f"{plan}.txt").read_text(encoding="utf-8")
    assert to_simplified(text) == text


def test_the_traditional_plan_is_simplified_throughout() -> None:
    text = (SOURCES / "chongqing.txt").read_text(encoding="utf-8")
    assert has_traditional(text)
    converted = to_simplified(text)
    assert len(converted) == len(text)
    assert traditional_characters(converted) == ""


def test_the_table_is_one_for_one() -> None:
    assert len(TO_SIMPLIFIED) > 4000
    assert all(simplified not in TO_SIMPLIFIED for simplified in TO_SIMPLIFIED.values())
    assert all(traditional != simplified for traditional, simplified in TO_SIMPLIFIED.items())


def test_traditional_characters_are_distinct_and_in_order() -> None:
    assert traditional_characters("渝府辦發〔2021〕80號，辦發") == "辦發號"
    assert traditional_characters("渝府办发〔2021〕80号") == ""


def test_has_traditional() -> None:
    assert has_traditional("基本穩定")
    assert has_traditional("後")
    assert not has_traditional("基本稳定")
    assert not has_traditional("")


def test_fold_keeps_full_width_folding_and_length() -> None:
    assert fold("渝府辦發〔２０２１〕８０號　綿陽") == "渝府办发〔2021〕80号 绵阳"


@given(st.text(alphabet=st.sampled_from(SIMPLIFIED_SIDE + OTHER)))
def test_simplified_text_is_left_as_it_is(text: str) -> None:
    assert to_simplified(text) == text
    assert not has_traditional(text)


@given(st.text(alphabet=st.sampled_from(TRADITIONAL_SIDE + SIMPLIFIED_SIDE + OTHER)))
def test_simplifying_keeps_the_length_and_is_idempotent(text: str) -> None:
    once = to_simplified(text)
    assert len(once) == len(text)
    assert to_simplified(once) == once
    assert not has_traditional(once)
    assert has_traditional(text) == (traditional_characters(text) != "")
