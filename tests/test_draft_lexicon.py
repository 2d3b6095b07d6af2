"""The lexicon of gapcalc draft (gapcalc/draft/lexicon.toml): every rule has an example, every example is drafted and
read as the lexicon says (an example of a statistics text, ``statistics``, is read by gapcalc draft-actuals for the
example plan below), every pattern compiles, every rule is used, and the file ships in the package."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli as tomllib

from gapcalc.draft.actuals_text import PlanContext, PlanIndicator, read_text
from gapcalc.draft.document import SourceDocument
from gapcalc.draft.extraction import Extraction, Statement
from gapcalc.draft.lexicon import LEXICON, PATH, Lexicon, Rule, load
from gapcalc.draft.recognise import extract
from gapcalc.draft.write import build_indicators

REPO = Path(__file__).resolve().parent.parent
HEAD = "杭州市制造业高质量发展行动计划(2021—2025年)\n二、主要目标\n"
"""What an example ``text`` is read under: a 2021—2025 plan, in its section of targets."""
STATISTICS = ("statistics", "statistics_document")
"""The keys of an example of a statistics text (the rules under ``actual``)."""
EXAMPLES = [(rule, index, example) for rule in LEXICON.rules.values() for index, example in enumerate(rule.examples)
            if not set(STATISTICS) & set(example)]
ACTUAL_EXAMPLES = [(rule, index, example) for rule in LEXICON.rules.values()
                   for index, example in enumerate(rule.examples) if set(STATISTICS) & set(example)]
STATISTICS_HEAD = ("# source: 杭州市2023年国民经济和社会发展统计公报, 杭州市统计局, 2024-03-20\n"
                   "杭州市2023年国民经济和社会发展统计公报\n")
"""What an example ``statistics`` is read under: a paragraph of a city's communiqué of 2023, published in 2024."""


def _indicator(ident: str, name: str, unit: str, kinds: tuple[str, ...] = ("cumulative",),
               breakdowns: tuple[tuple[str, str], ...] = (), levels: tuple[str, ...] = ()) -> PlanIndicator:
    return PlanIndicator(ident, name, unit, breakdowns, frozenset(kinds), tuple(Decimal(v) for v in levels))


EXAMPLE_PLAN = PlanContext("hangzhou", "杭州", "municipal", (2021, 2025), 2020, (
    _indicator("industrial_value_added", "规模以上工业增加值", "亿元", ("level",)),
    _indicator("industrial_output", "全市工业总产值", "万亿元", ("level",)),
    _indicator("high_tech_enterprises", "制造业领域高新技术企业", "家"),
    _indicator("specialised_sme", "“专精特新”中小企业", "家"),
    _indicator("smart_factories", "智能工厂", "个"),
    _indicator("digital_workshops", "建设认定的数字化车间", "个", ("period_total",)),
    _indicator("green_factories", "绿色工厂", "家", breakdowns=(("national", "国家级"), ("provincial", "省级"))),
    _indicator("green_parks", "绿色园区", "个"),
    _indicator("energy_per_unit_iva", "规模以上工业单位增加值能耗", "吨标准煤/万元", ("change_vs_baseline",)),
    _indicator("enterprises_on_cloud", "企业上云", "户"),
    _indicator("nc_rate_key_processes", "关键工序数控化率", "%", ("level",), levels=("52", "65")),
    _indicator("ii_integration_index", "两化融合发展水平", "index", ("level",), levels=("58.6", "65")),
    _indicator("rnd_intensity", "规模以上工业企业研发经费投入强度", "%", ("level",)),
    _indicator("mfg_share_gdp", "制造业增加值占地区生产总值比重", "%", ("level",)),
    _indicator("high_tech_mfg_share", "高技术产业产值占规模以上工业产值比重", "%", ("level",)),
    _indicator("listed_companies", "上市企业", "家"),
    _indicator("listed_quoted_companies", "上市挂牌企业", "家"),
    _indicator("industrial_robots", "在役工业机器人", "台"),
    _indicator("rnd_institution_coverage", "建立研发机构的规模以上工业企业占比", "%", ("level",)),
    _indicator("enterprise_rnd_institutions", "企业研发机构", "家",
               breakdowns=(("national", "国家级"), ("provincial", "省级"))),
    _indicator("innovation_demo_smart_factories", "创新示范智能工厂", "个"),
))
"""The plan an example of a statistics text is read for: a city's 2021—2025 plan, base year 2020."""


def _document(example: Mapping[str, Any]) -> str:
    if "document" in example:
        return str(example["document"]).lstrip("\n")
    return HEAD + str(example["text"]) + "\n"


def _reading(extraction: Extraction) -> list[dict[str, Any]]:
    """Every statement as the fields an example may name, with the id its indicator is given."""
    period = extraction.plan.period or (2021, 2025)
    ids: dict[int, tuple[str, list[str]]] = {}
    for indicator in build_indicators(extraction.statements, period):
        for statement in indicator.statements:
            ids[id(statement)] = (indicator.id, indicator.notes)
    return [_fields(s, *ids.get(id(s), ("", []))) for s in extraction.statements if s.values]


def _fields(statement: Statement, ident: str, indicator_notes: list[str]) -> dict[str, Any]:
    first = statement.values[0]
    return {
        "name": statement.name_zh, "unit": statement.unit, "kind": statement.kind, "year": first.year,
        "years": [v.year for v in statement.values], "value": first.value, "comparator": first.comparator,
        "upper": first.upper, "change": statement.change, "base_year": statement.base_year,
        "period": list(statement.period) if statement.period else None, "breakdown": statement.breakdown_name,
        "direction": statement.direction, "text": first.text, "id": ident, "section": statement.section,
        "note": " ".join([*statement.notes, *indicator_notes]),
    }


def _agrees(field: str, expected: Any, actual: Any) -> bool:
    if field == "value":
        return actual is not None and Decimal(str(expected)) == actual
    if field == "note":
        return str(expected) in actual
    return bool(expected == actual)


def _plan_fields(extraction: Extraction) -> dict[str, Any]:
    plan = extraction.plan
    return {"title": plan.title, "admin_level": plan.admin_level, "region": plan.region_zh,
            "period": list(plan.period) if plan.period else None, "url": plan.url, "note": " ".join(plan.notes),
            "document": plan.document_number, "published": plan.published}


def test_every_rule_has_an_example_with_its_expected_reading() -> None:
    bare = [name for name, rule in LEXICON.rules.items() if not rule.examples]
    assert bare == []
    for rule, index, example in EXAMPLES:
        assert ("text" in example) != ("document" in example), (rule.name, index)
        assert "expect" in example or "plan" in example, (rule.name, index)
    for rule, index, example in ACTUAL_EXAMPLES:
        assert ("statistics" in example) != ("statistics_document" in example), (rule.name, index)
        assert "rows" in example, (rule.name, index)


@pytest.mark.parametrize(("rule", "index", "example"), EXAMPLES, ids=[f"{r.name}-{i}" for r, i, _ in EXAMPLES])
def test_the_example_reads_as_the_lexicon_says(rule: Rule, index: int, example: Mapping[str, Any]) -> None:
    extraction = extract(SourceDocument(_document(example)))
    if "expect" in example:
        found = _reading(extraction)
        expected = list(example["expect"])
        assert len(found) == len(expected), [f["name"] for f in found]
        for position, (want, got) in enumerate(zip(expected, found, strict=True)):
            wrong = {field: (value, got[field]) for field, value in want.items()
                     if not _agrees(field, value, got[field])}
            assert wrong == {}, (position, got["name"])
    if "plan" in example:
        got = _plan_fields(extraction)
        wrong = {field: (value, got[field]) for field, value in example["plan"].items()
                 if not _agrees(field, value, got[field])}
        assert wrong == {}


def _statistics(example: Mapping[str, Any]) -> str:
    if "statistics_document" in example:
        return str(example["statistics_document"]).lstrip("\n")
    return STATISTICS_HEAD + str(example["statistics"]) + "\n"


def _row_fields(row: Any) -> dict[str, Any]:
    return {"indicator": row.indicator, "breakdown": row.breakdown, "year": row.year, "value": row.value,
            "measure": row.measure, "comparator": row.comparator, "as_of": row.as_of, "scope": row.scope,
            "note": row.note, "revision": row.revision, "published": row.published}


@pytest.mark.parametrize(("rule", "index", "example"), ACTUAL_EXAMPLES,
                         ids=[f"{r.name}-{i}" for r, i, _ in ACTUAL_EXAMPLES])
def test_the_statistics_example_reads_as_the_lexicon_says(rule: Rule, index: int, example: Mapping[str, Any]) -> None:
    """A statistics text gives the rows its example lists, in order, and refuses the numbers it lists, each by the
    rule it names (gapcalc draft-actuals)."""
    reading = read_text(_statistics(example), EXAMPLE_PLAN)
    found = [_row_fields(row) for row in reading.rows]
    expected = list(example["rows"])
    assert len(found) == len(expected), [(f["indicator"], f["value"]) for f in found]
    for position, (want, got) in enumerate(zip(expected, found, strict=True)):
        wrong = {key: (value, got[key]) for key, value in want.items() if not _agrees(key, value, got[key])}
        assert wrong == {}, (position, got["indicator"])
    refused = [(refusal.value, refusal.why) for refusal in reading.refused]
    for want in example.get("refused", ()):
        assert (Decimal(str(want["value"])), want["why"]) in refused, refused


def test_every_pattern_compiles_and_every_reference_resolves() -> None:
    for name, rule in LEXICON.rules.items():
        for key, value in rule.data.items():
            if key in ("pattern", "unless", "keep", "url", "with_noun") and isinstance(value, str):
                assert isinstance(LEXICON.compiled(name, key), re.Pattern), (name, key)


def _used_names() -> str:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "gapcalc" / "draft").glob("*.py")))
    patterns = "\n".join(str(v) for rule in LEXICON.rules.values() for v in rule.data.values() if isinstance(v, str))
    return sources + "\n" + patterns


def test_every_rule_is_used_by_the_drafter_or_another_rule() -> None:
    """One truth per rule: a rule no code and no other rule names is dead."""
    used = _used_names()

    def named(name: str) -> bool:
        parts = name.split(".")
        prefixes = (re.escape(".".join(parts[:n])) for n in range(1, len(parts) + 1))
        return any(re.search(rf"['\"{{]{prefix}['\":}}]", used) for prefix in prefixes)

    assert [name for name in LEXICON.rules if not named(name)] == []


def test_a_reference_back_to_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text("[a]\npattern = 'x{b}'\n[b]\npattern = 'y{a}'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="refers back to itself"):
        load(path).regex("a")


def test_words_match_the_longest_first() -> None:
    lexicon = Lexicon({"reach": {"to": {"words": ["提高", "提高到"]}}})
    assert re.match(lexicon.alternation("reach"), "提高到50%").group() == "提高到"  # type: ignore[union-attr]


def test_the_lexicon_ships_in_the_package() -> None:
    """The wheel carries lexicon.toml beside the loader (setuptools package data), and the sdist too."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = pyproject["tool"]["setuptools"]["package-data"]["gapcalc"]
    assert PATH == REPO / "gapcalc" / "draft" / "lexicon.toml"
    assert "draft/lexicon.toml" in package_data
    assert "include gapcalc/draft/lexicon.toml" in (REPO / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
