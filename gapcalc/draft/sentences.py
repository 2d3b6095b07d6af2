"""Targets stated in running text: ``到2025年，X达到Y%以上``, lists sharing one verb (``分别达到4.5万家、8000家``),
quotas (``每年新增…``), running and period totals (``累计``), changes (``下降16%``, ``提高5个百分点``,
``年均增长10%``, ``翻番``), ranges (``1—2家``), Chinese numerals, qualitative targets (``基本建立``).

What is not a target is skipped by form: award and subsidy amounts, thresholds inside a name (``10亿元以上的企业``),
size classes (``千亿级``), labels in quotes (``"246"``), dates, document and article numbers, numbers in titles.

Within a sentence a year binds the numbers after it (``到2035年…80%，2025年达到65%``); a name without its subject
takes it from the statement before (``…，占地区生产总值比重达25%``); the figure ensured (``确保``) is the target beside
the one striven for (``力争``); a name that starts with what it is counted per makes a compound unit
(``万元工业增加值用水量…20立方米`` → 立方米/万元). Every word these rules read is a rule of the lexicon
(:mod:`gapcalc.draft.lexicon`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from gapcalc.draft.cells import CHANGE_WORDS, COUNT_UNITS, POINTS, QUANTITY_RE, Quantity, quantity_at
from gapcalc.draft.extraction import Statement, ValueReading
from gapcalc.draft.lexicon import LEXICON as _L
from gapcalc.draft.lexicon import alternation
from gapcalc.draft.numbers import CHINESE_NUMERAL, parse_chinese
from gapcalc.messages import Text, t

_SENTENCE_END = re.compile(r"[。;!?]")
_CLAUSE_SPLIT = re.compile(r"[,:]")
_LETTER = r"[^\W\d_]"
"""A letter of any script, Chinese characters included (cheaper to compile than a range of Chinese characters)."""
_YEAR_TARGET = _L.compiled("period.target_year")
_BASE_YEAR = _L.compiled("period.base_year")
_FROM_LEVEL = _L.compiled("period.from_level")
_FROM_LEVEL_END = re.compile(f"(?:{_L.regex('period.from_level')})\\s*$")
_BY_YEAR = _L.compiled("period.by_year")
_SPAN = _L.compiled("period.span")
_EXPLICIT_PERIOD = _L.compiled("period.explicit")
_SINCE = re.compile(rf"\s*{_L.alternation('period.since')}")
_SUBSIDY = _L.compiled("not_target.subsidy")
_SUBSIDY_RATE = _L.compiled("not_target.subsidy_rate")
_RESTING_ON = re.compile(rf"{_L.alternation('not_target.resting_on')}\s*$")
_INSTITUTE = re.compile(rf"{_L.alternation('not_target.institute')}\s*$")
_INSTITUTE_UNITS = frozenset(_L.rule("not_target.institute").get("units"))
_PROGRAMME = _L.compiled("not_target.programme")
_NAME_FOLLOWS = _L.compiled("name.follows")
_SHARE_OF_WHOLE = _L.compiled("measure.share_of_whole")
_SHARE_OF_WHOLE_NAME = str(_L.rule("measure.share_of_whole").get("name"))
_COMPARATOR_OF = dict(_L.pairs("comparator", "comparator", place="before"))
_QUOTED = _L.compiled("not_target.quoted_label")
_LABEL_KEPT = _L.compiled("not_target.quoted_label", "keep")
_NUMERAL = re.compile(rf"\d|{CHINESE_NUMERAL}")
_PER_YEAR = _L.compiled("period.per_year")
_PERIOD_WORDS = _L.compiled("period.span_words")
_PERIOD_TOTAL = _L.compiled("period.total")
_TOTAL_AMOUNT = _L.compiled("period.total_amount")
_TOTAL_AMOUNT_UNITS = tuple(_L.rule("period.total_amount").get("units"))
_ANNUAL = _L.compiled("period.annual")
_FIVE_YEAR = {label: (int(years[0]), int(years[1])) for label, years in _L.rule("period.five_year").map.items()}
_QUALITATIVE = re.compile(f"({_L.alternation('qualitative')})$")
_LEADING = _L.compiled("name.leading")
_TRAILING = _L.compiled("name.trailing")
_TRAILING_KEPT = tuple(str(word) for word in _L.rule("name.trailing").get("keep"))
_LEVEL_NAMES = tuple(_L.rule("level").map)
_LEVEL_LABEL = re.compile(f"^({_L.alternation('level')})")
_LEVEL_INSIDE = re.compile(f"({_L.alternation('level')})")
_PAST_MARKERS = _L.compiled("period.past")
_PAST_OVERRIDE = _L.compiled("period.past_override")
_PAST_PARAGRAPH = _L.compiled("period.past_paragraph")
_PAST_PARAGRAPH_UNTIL = _L.compiled("period.past_paragraph", "until")
_NOW = _L.compiled("period.now")
_TARGET_MARKER = _L.compiled("period.target_marker")
_THIS_YEAR = _L.compiled("period.this_year")
_NAMED_STAGE = _L.compiled("period.named_stage")
_STAGE_SPELLED = _L.compiled("period.stage_spelled")
_YEARS_ON = _L.compiled("period.years_on")
_WITHIN_YEARS = _L.compiled("period.within_years")
_NUMERAL_VALUE = {numeral: index for index, numeral in enumerate("一二三四五六七八九十", start=1)}
_MAKING_VERB = re.compile(
    rf"\s*(?:{_L.alternation('making.adverbs')})?\s*(?:{_L.alternation('making.verbs')})")
_SESSION_AFTER = _L.compiled("not_target.session")
_SESSION_UNITS = frozenset(_L.rule("not_target.session").get("units"))
_AMBIGUOUS_VERB = _L.compiled("making.ambiguous")
_THRESHOLD = _L.compiled("not_target.threshold")
_THRESHOLD_UNLESS = _L.compiled("not_target.threshold", "unless")
_THRESHOLD_NOUN = _L.compiled("not_target.threshold_noun")
_QUALIFIER = _L.compiled("not_target.qualifier")
_ONE_SIZED = _L.compiled("not_target.one_sized")
_POPULATION = _L.compiled("unit.population")
_PAGE_COUNTER = _L.compiled("not_target.page_counter")
_CAPACITY = _L.compiled("name.yearly_capacity")
_CAPACITY_BEFORE = _L.compiled("name.yearly_capacity", "before")
_POPULATION_UNIT = str(_L.rule("unit.population").get("unit"))
_ONE_SIZED_BEFORE = _L.compiled("not_target.one_sized", "before")
_ONE_SIZED_NOUN = _L.compiled("not_target.one_sized", "noun")
_QUALIFIER_UNLESS = _L.compiled("not_target.qualifier", "unless")
_MARGIN = _L.compiled("not_target.margin")
_LISTED = _L.compiled("not_target.listed")
_SECTORS = _L.compiled("not_target.listed", "sectors")
_STEP = _L.compiled("not_target.step")
_SLOGAN = _L.compiled("not_target.slogan")
_WORK_SLOGAN = _L.compiled("not_target.work_slogan")
_NARRATIVE = _L.compiled("not_target.narrative")
_NAMED_MEMBER = _L.compiled("not_target.named_member")
_NARRATIVE_AFTER = _L.compiled("not_target.narrative", "after")
_CONTACT = _L.compiled("not_target.contact")
_ISSUER = _L.compiled("not_target.issuer")
_ISSUER_BEFORE = _L.compiled("not_target.issuer", "before")
_ORDINAL = frozenset(_L.words("not_target.ordinal"))
_DOWN = _L.compiled("direction.down")
_LIST = re.compile(_L.alternation("name.list"))
_LIST_SUBJECT = _L.compiled("name.list", "subject")
_CLASS_THRESHOLD = _L.compiled("name.threshold_class")
_LIST_RATE = _L.compiled("name.list", "rate")
_LIST_REST = re.compile(rf"{_L.alternation('name.list')}.*$")
_SUBSET = re.compile(rf"\s*{_L.alternation('name.subset')}")


def _joiner(words: Sequence[str], inside: Sequence[str]) -> str:
    """The alternation of the joiners, none matching inside one of the words ``inside`` (及 of 普及, 及时)."""
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        guards = [(whole[:whole.index(word)], whole[whole.index(word) + len(word):]) for whole in inside
                  if word in whole]
        before = "".join(f"(?<!{re.escape(head)})" for head, _ in guards if head)
        after = "".join(f"(?!{re.escape(tail)})" for _, tail in guards if tail)
        alternatives.append(before + re.escape(word) + after)
    return f"(?:{'|'.join(alternatives)})"


_JOINER = _joiner(_L.words("name.joiner"), list(_L.rule("name.joiner").get("inside", ())))
_TAIL_JOINER = re.compile(rf"(?:{_JOINER}|{alternation(_L.rule('name.joiner').get('tail'))})\s*$")
_JOINED_ON = re.compile(rf"\s*{_JOINER}\s*")
"""The head of a list of numbers that only joins it to the list before (新建20个智能工厂和100个数字化车间): the
numbers share the verb of the clause."""
_LIST_GAP = re.compile(rf"\s*{_JOINER}\s*(?:{_L.alternation('level')})?\s*")
_REACH_WORDS = _L.alternation("reach", "comparator")
_AFTER_STARTS = "".join(word[0] for word, _ in _L.pairs("comparator", "comparator", place="after"))
"""What a comparator printed after a number starts with (以上, 左右…): an unitless number may be followed by it."""
_REACHED = re.compile(rf"(?:{_REACH_WORDS})\s*$")
_REACH_END = re.compile(rf"(?:{_L.alternation('reach')})\s*$")
_BARE_MAGNITUDE = re.compile(_L.alternation("unit.bare_magnitude"))
_MAGNITUDE_AFTER = _L.compiled("unit.bare_magnitude")
_DOUBLING = re.compile(_L.alternation("rise.double"))
_FULL_WORDS = re.compile(_L.alternation("reach.full"))
_FULL_NOT_BEFORE = re.compile(rf"\s*{alternation(_L.rule('reach.full').get('not_before'))}")
_DOUBLING_CUT = re.compile(rf"{alternation(_L.rule('rise.double').get('cut'))}.*$")
_STOCK_WORDS = _L.compiled("making.stock")
_ANNUAL_ANY = re.compile(_L.alternation("period.annual"))
_NEW = _L.compiled("period.new")
_CHANGE_NOUNS = _L.words("rise.noun")
_HEDGES = _L.pairs("comparator", "hedge", hedge="stretch") + _L.pairs("comparator", "hedge", hedge="floor")
_HEDGE = re.compile(alternation(w for w, _ in _HEDGES))
_HEDGE_OF = dict(_HEDGES)
_BARE_MEASURE = re.compile(rf"^(?P<head>{_LETTER}{{0,2}}?)(?P<measure>{_L.alternation('measure.bare')})$")
_SHARE_OF = _L.compiled("measure.share_of")
_GAP_TO_OTHER = _L.compiled("measure.gap_to_other")
_SHARE_FOLLOWING = re.compile(rf"\s*(?:{_L.regex('measure.share_of_following')})")
_SHARE_NAME = str(_L.rule("measure.share_of_following").get("name"))
_GROWTH_FOLLOWING = _L.compiled("measure.share_of_following", "unless")
_VERB_INSIDE = _L.compiled("name.verb_inside")
_YEAR_INSIDE = _L.compiled("name.year_inside")
_INDUSTRY_OPENING = _L.compiled("name.industry_opening")
_OUTPUT = tuple(sorted(_L.words("name.output"), key=len, reverse=True))
_AMONG = re.compile(rf"{alternation(_L.rule('measure.share_of_following').get('among'))}$")
_SHARE_CUT = re.compile(_L.alternation("measure.share_of"))
_BARE_TAIL = re.compile(rf"(?:{_L.alternation('measure.bare')})$")
_PER_NAME = _L.rule("unit.per_name").map
_PER_ANYWHERE = str(_L.rule("unit.per_name").get("anywhere"))
_PER_NAME_NOUN = rf"(?!{alternation(_L.rule('unit.per_name').get('not_before'))}){_LETTER}"
_PER_NAME_RE = re.compile(rf"^({_L.alternation('unit.per_name')})(?={_PER_NAME_NOUN})|"
                          rf"({alternation(w for w in _PER_NAME if w.startswith(_PER_ANYWHERE))})(?={_PER_NAME_NOUN})")
_NOT_PER = frozenset(_L.rule("unit.per_name").get("not_units"))
_MONEY_NAME = re.compile(_L.alternation("unit.money_name"))
_MONEY_MAGNITUDES = frozenset(_L.rule("unit.money_name").get("magnitudes"))
_ANY_VERB = re.compile(_L.alternation("making", "reach", "rise", "fall", "comparator", "period.total",
                                      "period.per_year", "period.new", "name.verbs"))
_CAMPAIGN = re.compile(_L.alternation("unit.campaign"))
_CAMPAIGN_COMPARATOR = str(_L.rule("unit.campaign").get("comparator"))
_EACH_END = re.compile(rf"(?:{_L.alternation('name.each')})$")
_OCCURRENCE = frozenset(_L.words("unit.occurrence"))
_YEARLY_AMOUNT = tuple(_L.words("period.yearly_amount"))


def _yearly_level(unit: str) -> bool:
    """A unit whose yearly quota is the level of each year: occurrences (每年开展两次), money (每年投资800亿元)."""
    return unit in _OCCURRENCE or unit.endswith(_YEARLY_AMOUNT)
_BECOMES = re.compile(_L.alternation("name.becomes"))
_QUALITY = re.compile(rf"\s*(?:{_L.alternation('name.quality')})")
_PLACE_ONLY = re.compile(rf"{_L.alternation('name.place')}")
_PLACE_COUNTED = _L.compiled("name.place", "counted")
_VERB_ONLY = _L.rule("name.verb_only")
_VERB_END = re.compile(rf"(?:{_L.alternation('making.verbs')})$")
_SERVED = re.compile(rf"^(?P<verb>(?:{_L.alternation('name.served')})+)"
                     rf"(?!{alternation(_L.rule('name.served').get('not_before'))})(?P<object>{_LETTER}{{2,}}.*)$")
_SERVED_NAME = re.compile(rf"^(?P<verb>(?:{_L.alternation('name.served')})+)的(?P<object>.+)$")
_MACHINE_USE = re.compile(rf"(?<={_LETTER})(?:{_L.alternation('name.machine_use')})$")
_MACHINE_UNITS = frozenset(_L.rule("name.machine_use").get("units"))
_FIELD_OF = _L.rule("name.field_of").map
_PERSON_UNIT = _L.rule("unit.person").map
_DOERS = _L.compiled("name.doers")
_DOERS_COUNT = str(_L.rule("name.doers").get("count"))
_DOERS_SHARE = str(_L.rule("name.doers").get("share"))
_ONTO = _L.compiled("name.onto")
_ONTO_BEFORE = _L.compiled("name.onto", "before")
_ONTO_COUNT = str(_L.rule("name.onto").get("count"))
_FUND = _L.compiled("name.fund")
_FUND_NAME = str(_L.rule("name.fund").get("name"))
_WHOLE_REGION = _L.rule("name.whole_region").map
_VENTURE = _L.compiled("not_target.venture")
_VENTURE_UNITS = frozenset(_L.rule("not_target.venture").get("units"))
_ARRANGED = _L.compiled("not_target.arranged")
_FOCUS = _L.compiled("not_target.focus")
_FOCUS_AFTER = _L.compiled("not_target.focus", "after")
_OWN_ZONES = _L.compiled("not_target.own_zones")
_OWN_ZONES_AFTER = _L.compiled("not_target.own_zones", "after")
_ARRANGED_FIELDS = _L.compiled("not_target.arranged_fields")
_COVERS = _L.compiled("not_target.covers")
_COVERS_AFTER = _L.compiled("not_target.covers", "after")
_NAMED_MEMBERS = _L.compiled("not_target.named_members")
_NAMED_MEMBERS_AFTER = _L.compiled("not_target.named_members", "after")
_SIZE_AFTER_COUNT = _L.compiled("not_target.size_after_count")
_SCALE_CLASS = _L.compiled("scale_class")
_CLASS_MEMBERS = _L.compiled("class_members")
_CLASS_MEMBER_NAME = str(_L.rule("class_members").get("name"))
_NAME_SPACING = _L.compiled("name.spacing")
_ANAPHOR = _L.compiled("name.anaphor")
_SHARE_OF_DE = _L.compiled("name.share_of")
_ITEM_TITLE = _L.compiled("name.item_title")
_DOUBLING_NOT_BEFORE = tuple(_L.rule("rise.double").get("not_before", ()))
_DOUBLING_NEEDS_BASE = frozenset(_L.rule("rise.double").get("needs_base", ()))
_GLOSS = _L.compiled("name.gloss")
_COUNTED_LIST = _L.compiled("name.counted_list")
_VERB_REACH = 6
"""Characters before a number a verb aiming at it is looked for in (``达70余户``, ``培育30多个``)."""
_INDUSTRY_GROWTH = _L.compiled("name.industry_growth")
_INDUSTRY_MEASURE = str(_L.rule("name.industry_growth").get("measure"))
_RATE_NAME = _L.compiled("name.rate_unit")
_RATE_UNIT = str(_L.rule("name.rate_unit").get("unit"))
_ALTERNATE_UNIT = _L.compiled("unit.alternate")
_SCALE_LISTED = _L.compiled("scale_class", "listed")
_SCALE_VERB = _L.compiled("scale_class", "verb")
UNNAMED = "未命名指标"
"""The name of a number no name was found for."""
MAX_NAME = 30
"""Characters a name read after its number is cut at."""


@dataclass(frozen=True)
class TextContext:
    """What reading a sentence needs from the document around it."""

    period: tuple[int, int]
    base_year: int
    section: str
    baseline_section: bool
    target_section: bool
    year_targets: bool = False
    """The targets of one year of a work report or meeting: a change printed is that year's growth."""
    period_printed: bool = True
    """The document prints its span of years; when it does not, the period is a guess and a yearly quota is read
    for its target year only."""


@dataclass
class YearState:
    """The target year carried from one sentence to the next within a section, and the year of every goal or stage
    named so far (``到2022年…实现“五强”发展目标`` → 五强: 2022)."""

    year: int | None = None
    stages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SentenceYears:
    """The target years a sentence states, where, and the year of the sentence as a whole."""

    mentions: tuple[tuple[int, int], ...]
    """(position, year) of every target year in the sentence, in order."""
    year: int
    inherited: bool
    """True when the sentence states no year: :attr:`year` comes from an earlier sentence or the plan's end."""

    def at(self, position: int) -> tuple[int, bool]:
        """The year a number at ``position`` is for: the last target year stated before it (``到2035年…80%，2025年
        达到65%``), else the sentence's year."""
        before = [year for start, year in self.mentions if start < position]
        return (before[-1], False) if before else (self.year, self.inherited)


def read_line(line: str, folded: str, number: int, context: TextContext, state: YearState) -> list[Statement]:
    """The statements of one line of running text (``line`` as printed, ``folded`` for matching)."""
    statements: list[Statement] = []
    start, past = 0, False
    paragraph = bool(_PAST_PARAGRAPH.match(folded))  # 去年，…。…。今年将…: the year before, until one looks ahead
    for end_match in [*_SENTENCE_END.finditer(folded), None]:
        end = end_match.start() if end_match else len(folded)
        if end > start:
            part = folded[start:end]
            paragraph = paragraph and not _PAST_PARAGRAPH_UNTIL.search(part)
            read_as = replace(context, baseline_section=True) if past or paragraph else context
            statements.extend(_read_sentence(line, folded, start, end, number, read_as, state))
            past = (past or bool(_PAST_MARKERS.search(part))) and not _PAST_OVERRIDE.search(part)
        if end_match is None or end_match.group() != ";":
            past = False  # 截至目前，…36家；…1家；…75家。: what stands now runs on over ; to the full stop
        start = end + 1
    _names_pointed_back(statements)
    title = _ITEM_TITLE.match(folded)
    if title is not None:
        for statement in statements:
            if statement.name_zh == UNNAMED:  # 1、规模以上工业总产值。…分别达到2480亿元…: the item's indicator
                statement.name_zh = title.group("title")
                statement.notes = [n for n in statement.notes if n != _NO_NAME]
    return statements


def _names_pointed_back(statements: list[Statement]) -> None:
    """``这一比例将达到35%``: a name that points back (``name.anaphor``) takes the name of the statement before it."""
    for previous, current in zip(statements, statements[1:], strict=False):
        if _ANAPHOR.match(current.name_zh) and previous.name_zh != UNNAMED and previous.unit == current.unit:
            current.name_zh = previous.name_zh


def _masked(folded: str, start: int, end: int) -> str:
    """The sentence with labels in quotes (“246”, “两个确保”), titles and bracketed numbers that hold a numeral blanked
    out (same length); a five-year period in quotes (“十四五”) is kept."""
    sentence = folded[start:end]
    return _QUOTED.sub(lambda m: m.group() if not _NUMERAL.search(m.group()) or _LABEL_KEPT.match(m.group())
                       else " " * len(m.group()), sentence)


def _read_sentence(line: str, folded: str, start: int, end: int, number: int, context: TextContext,
                   state: YearState) -> list[Statement]:
    masked = _masked(folded, start, end)
    quantities = [q for q in _quantities(masked) if q is not None]
    sentence = folded[start:end]
    statements: list[Statement] = []
    years = _sentence_years(masked, context, state, sentence)
    groups = _groups(sentence, quantities)
    floor = Floor()
    resting = -1
    for index, group in enumerate(groups):
        limit = groups[index + 1][0].start if index + 1 < len(groups) else len(sentence)
        clause = _clause_start(sentence, group[0].start)
        if clause == resting or _RESTING_ON.search(sentence[_head_start(sentence, group[0], floor):group[0].start]):
            floor.end, resting = group[-1].end, clause
            continue  # 依托2个国家级开发区、5个省级开发区: what the task rests on
        statements.extend(_group_statements(line, sentence, start, group, number, context, years, floor, limit))
    statements = _campaigns(statements)
    statements = _share_noun_after_levels(statements)
    statements = _complete_subjects(statements)
    _shares_among(statements)
    _complete_classes(statements)
    statements = _floor_over_stretch(statements)
    _count_subsets_alike(statements)
    for statement in statements:
        _unit_per_name(statement)
        _money_unit(statement)
        _measure_of_industry(statement)
    statements.extend(_full_coverage(line, sentence, start, number, context, years, statements))
    if _DOUBLING.search(sentence):
        doubled = _doubling(line, sentence, start, number, context, years.year, years.inherited)
        if len(doubled) == 1 and doubled[0].name_zh == UNNAMED and statements and (
                statements[-1].unit != "%" or statements[-1].kind == "annual_growth"):
            # 产值超过5000亿元，比2016年翻一番: the level's indicator; 增加值年均增长9%，确保翻一番: the growing one
            doubled[0].name_zh = statements[-1].name_zh
        statements.extend(doubled)
        _named_by_doubling(sentence, doubled, statements)
    statements.extend(_class_members(line, sentence, start, number, context, years))
    if not quantities and context.target_section and not _is_baseline(sentence, context, years.year):
        statements.extend(_qualitative(line, sentence, start, number, context, years.year))
    return statements


def _quantities(sentence: str) -> list[Quantity | None]:
    found: list[Quantity | None] = []
    heading = bool(_PROGRAMME.match(sentence))
    for match in QUANTITY_RE.finditer(sentence):
        quantity = quantity_at(sentence, match)
        if quantity is not None and not quantity.unit and _POPULATION.search(sentence, 0, match.start()):
            quantity = replace(quantity, unit=_POPULATION_UNIT)  # 常住人口超千万: 10000000 人
        scale = _scale_class(sentence, quantity)
        if scale is not None:
            found.append(scale)  # 形成千亿级产业规模: the scale reaches the class
            continue
        if quantity is None or not _is_target_number(sentence, match, quantity):
            continue
        if heading and quantity.chinese and _BARE_MAGNITUDE.fullmatch(match.group("num")):
            continue  # 5.实施万台“机器人+”行动: the name of a programme
        found.append(quantity)
    return found


def _scale_class(sentence: str, quantity: Quantity | None) -> Quantity | None:
    """``形成千亿级产业规模``, ``500亿级规模``: an amount's class (亿, 万亿) before 规模 is a level of at least the
    class, in 元; None for any other number."""
    if quantity is None or quantity.comparator != "=" or not _SCALE_CLASS.match(sentence, quantity.unit_end):
        return None
    if quantity.unit.removesuffix("元") not in _MONEY_MAGNITUDES:
        return None
    unit = quantity.unit if quantity.unit.endswith("元") else quantity.unit + "元"
    return replace(quantity, unit=unit, comparator=">=")


def _is_target_number(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    num = match.group("num")
    before = sentence[max(0, match.start() - 3):match.start()].rstrip()[-1:]
    after = sentence[quantity.unit_end:quantity.unit_end + 3]
    if not quantity.unit:
        return _unitless_target(sentence, match, quantity)
    if before in _ORDINAL or re.match(r"[A-Za-z]", before) or re.match(r"\s*[A-Za-z+]", after):
        return False
    if _ISSUER.match(sentence, match.end("num")) or _ISSUER_BEFORE.search(sentence, 0, match.start()):
        return False  # 六部门印发, 省委三个“一号工程”: who issues or asks, no target
    bare = quantity.chinese and bool(_BARE_MAGNITUDE.fullmatch(num))
    if bare and _counted_per(sentence, match):
        return False  # 万元工业增加值, 每万人口: what a unit is counted per, not a number
    if quantity.chinese and (num in ("一", "几", "十") or (quantity.value < 2 and not bare)
                             or not _chinese_unit_ok(quantity)):
        return False
    if quantity.chinese and quantity.unit == "亿" \
            and not _MONEY_NAME.search(sentence, _clause_start(sentence, match.start()), match.start()):
        return False  # 突破万亿, 超千亿 count money only after the name of an amount (产值突破万亿)
    if match.group("more") and not _ANY_VERB.search(sentence, max(0, match.start() - _VERB_REACH), match.start()):
        return False  # 960多台机器人配合工人作业: a figure told of, no verb that aims at it
    if _PAGE_COUNTER.search(sentence, 0, match.start()):
        return False  # 点击量:1006次: the counter of a web page
    if quantity.unit in COUNT_UNITS and quantity.value == 1 and _ONE_SIZED.match(sentence, quantity.unit_end):
        return False  # 建设1个产值超万亿元的…基地: the one thing built, sized by its output
    if quantity.unit.endswith("元") and _ONE_SIZED_BEFORE.search(sentence, 0, match.start()):
        return True  # …产值超万亿元的…基地: the output of the one thing, the target
    if _share_of_following(sentence, quantity) or (quantity.unit == "%" and _GROWTH_FOLLOWING.match(
            sentence, quantity.unit_end)):
        return not _SUBSIDY.search(sentence)  # 50%以上的企业…; 保持8%的增长速度
    if quantity.unit == "%" and _SUBSIDY_RATE.match(sentence, quantity.unit_end) and _SUBSIDY.search(sentence):
        return False  # 按投资额的8%给予补助: the rate of a subsidy
    if quantity.unit in _INSTITUTE_UNITS and _INSTITUTE.search(sentence[:match.start()]):
        return False  # 中国电科29所: an institute's name
    if _THRESHOLD.match(sentence[quantity.unit_end:quantity.unit_end + 4].lstrip()) \
            and not _THRESHOLD_UNLESS.match(sentence[quantity.unit_end:quantity.unit_end + 8].lstrip()):
        return False  # a threshold inside a name (10亿元以上的企业) or a size class (千亿级)
    if _THRESHOLD_NOUN.match(after + sentence[quantity.unit_end + 3:quantity.unit_end + 8]) \
            and (quantity.unit.endswith("元") or quantity.unit in _MONEY_MAGNITUDES):
        return False  # 超500亿集群达到2个: the size of what is counted
    if quantity.unit.endswith("元") and _SUBSIDY.search(sentence):
        return False
    if (quantity.unit.endswith("元") or quantity.unit in _MONEY_MAGNITUDES) \
            and _QUALIFIER.match(sentence[quantity.unit_end:]) \
            and not _QUALIFIER_UNLESS.match(sentence[quantity.unit_end:]):
        return False  # an amount qualifying what follows (亩均税收万元以下用地)
    if _MARGIN.search(sentence[:match.start()].rstrip()):
        return False  # the margin by which a past target was beaten
    if quantity.unit in COUNT_UNITS and _STEP.match(sentence, quantity.unit_end):
        return False  # 迈上两个万亿台阶: a count of steps, a slogan
    if _is_enumeration_count(sentence, match, quantity):
        return False
    if quantity.chinese and quantity.unit in COUNT_UNITS and _WORK_SLOGAN.search(sentence, 0, match.start()):
        return False  # 打好三场攻坚战, 抓好六个重点: the frame of the year's work
    if quantity.unit == "%" and any(m.start() <= match.start() < m.end() for m in _SLOGAN.finditer(sentence)):
        return False  # 试点企业100%达标、转型企业100%绩效: a slogan
    if quantity.unit in COUNT_UNITS and (_NARRATIVE.search(sentence, 0, match.start())
                                         or _NARRATIVE_AFTER.match(sentence, quantity.unit_end)):
        return False  # 明确了17个…, …四个发展方向: the document's own structure
    if quantity.unit == "人" and _CONTACT.search(sentence):
        return False
    if quantity.unit in _VENTURE_UNITS and _VENTURE.match(sentence, quantity.unit_end):
        return False  # 二次创业: the stage of an effort
    if quantity.unit in COUNT_UNITS and quantity.chinese and _ARRANGED.match(sentence, quantity.unit_end):
        return False  # 两个支柱产业、四个特色产业: the industries the plan arranges
    if quantity.unit in COUNT_UNITS and (_FOCUS.search(sentence, 0, match.start())
                                         or _FOCUS_AFTER.match(sentence, quantity.unit_end)):
        return False  # 攻坚12条重点产业链, 26条举措: the plan's own items
    if quantity.unit in COUNT_UNITS and (_COVERS.search(sentence, _clause_start(sentence, match.start()),
                                                        match.start())
                                         or _COVERS_AFTER.match(sentence, quantity.unit_end)):
        return False  # 2万家企业涵盖30个行业大类: what the firms cover, the present
    if quantity.unit in COUNT_UNITS and _ARRANGED_FIELDS.search(sentence, 0, match.start()):
        return False  # 五大领域15个产业链: the items of the plan's own fields
    if quantity.unit in COUNT_UNITS and _OWN_ZONES.search(sentence, 0, match.start()) \
            and _OWN_ZONES_AFTER.match(sentence, quantity.unit_end) and not _YEAR_TARGET.search(sentence):
        return False  # 重点打造37个工业集中区: the zones the plan lays out
    if quantity.unit in COUNT_UNITS and _NAMED_MEMBERS.search(sentence, _clause_start(sentence, match.start()),
                                                              match.start()) \
            and _NAMED_MEMBERS_AFTER.match(sentence, quantity.unit_end):
        return False  # 甲、乙、丙等8个…产业集群: the count of the members named
    if quantity.unit.endswith("元") and _SIZE_AFTER_COUNT.search(sentence, 0, match.start()):
        return False  # 8个超千亿元…产业集群: the size class of what is counted
    return not _is_session_number(sentence, match, quantity)


def _counted_per(sentence: str, match: re.Match[str]) -> bool:
    """``每万人口``, ``万元工业增加值``, ``单位：亿元``: a magnitude without digits that does not stand right after a
    verb (推进万台…, 迈上万亿元台阶) or in a list is what a unit is counted per, or a unit's name: no number."""
    return not _MAGNITUDE_AFTER.search(sentence[:match.start()])


def _share_of_following(sentence: str, quantity: Quantity) -> bool:
    """``50%以上的规模以上工业企业建立研发机构``: a percentage before 的 is the share of what follows."""
    return quantity.unit == "%" and bool(_SHARE_FOLLOWING.match(sentence, quantity.unit_end)) \
        and not _GROWTH_FOLLOWING.match(sentence, quantity.unit_end)


def _is_enumeration_count(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """``《…方案》等5个``, ``电子、汽车、装备3个``: the count of the titles or items just listed, not a target."""
    if quantity.unit not in COUNT_UNITS or quantity.comparator != "=":
        return False
    before = sentence[_clause_start(sentence, match.start()):match.start()].rstrip()
    if _LISTED.search(before):
        return True
    if quantity.value == 1 and _NAMED_MEMBER.match(sentence, quantity.unit_end) \
            and len(_LEADING.sub("", before).strip(" ,、")) >= 2:
        return True  # 有色金属1个4千亿级: the one member named, counted
    items = re.split(r"[、]", before)
    with_and = re.split(_JOINER, before)
    if _MAKING_VERB.match(before) and not (_SECTORS.match(sentence, quantity.unit_end) and len(items) >= 2
                                           and quantity.value in (len(items), len(with_and))):
        return False  # 重点培育A、B、C等3家…: the named items are the target (培育A、B等2个产业 count sectors)
    if len(items) == 2 and any(len(item.strip()) < 2 or _NUMERAL.search(item) for item in items):
        return False  # 达到1个、省级2个: a list of counts, not two items counted
    if len(items) >= 2 and quantity.value in (len(items), len(with_and)):
        return True
    return _counts_items_after_count(before, quantity.value)


def _counts_items_after_count(before: str, value: Decimal) -> bool:
    """``A、B、C 3个万亿级产业以及D、E 2个千亿级产业``: the second count counts only the items listed after the
    noun of the first (and its joiner)."""
    counts = [q for q in (quantity_at(before, m) for m in QUANTITY_RE.finditer(before))
              if q is not None and q.unit in COUNT_UNITS]
    if not counts:
        return False
    joined = re.search(_JOINER, before[counts[-1].unit_end:])
    if joined is None:
        return False
    rest = before[counts[-1].unit_end + joined.end():]
    items = re.split(r"[、]", rest)
    return len(items) >= 2 and value in (len(items), len(re.split(_JOINER, rest)))


def _is_session_number(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """``十一届三次、四次全会``, ``第五次会议``: the ordinal of a meeting, not a count."""
    if quantity.unit not in _SESSION_UNITS:
        return False
    if sentence[max(0, match.start() - 1):match.start()] in _SESSION_UNITS | _ORDINAL:
        return True
    return bool(_SESSION_AFTER.match(sentence, quantity.unit_end))


def _chinese_unit_ok(quantity: Quantity) -> bool:
    return quantity.unit in COUNT_UNITS or quantity.unit.endswith("元") or quantity.unit == "亿"


def _unitless_target(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """A number without a unit is a target (an index) only right after a verb of reaching (``指数提高至92以上``)."""
    if quantity.chinese or match.group("num2"):
        return False
    if re.fullmatch(r"(19|20)\d\d", match.group("num")):
        return False
    before = sentence[max(0, match.start() - 4):match.start()].rstrip()
    after = sentence[match.end():match.end() + 1]
    return bool(_REACHED.search(before)) and (after in ("", ",", "、", " ", ";") or after in _AFTER_STARTS)


def _sentence_years(sentence: str, context: TextContext, state: YearState, plain: str = "") -> SentenceYears:
    """The target years of a (masked) sentence; ``plain`` is the sentence unmasked, where the names of goals and
    stages are read (“五强” holds a numeral and is blanked in the masked one)."""
    base_spans = [m.span() for m in (*_BASE_YEAR.finditer(sentence), *_FROM_LEVEL.finditer(sentence))]
    mentions = tuple((m.start(), int(m.group(1))) for m in _YEAR_TARGET.finditer(sentence)
                     if not any(s <= m.start(1) < e for s, e in base_spans)
                     and not re.match(r"\s*[-—–~至]", sentence[m.end(1):m.end(1) + 2])
                     and not sentence[m.end():m.end() + 1].isdigit() and "月" not in sentence[m.end():m.end() + 3]
                     and not _SINCE.match(sentence, m.end()))
    within = list(_WITHIN_YEARS.finditer(sentence))
    mentions = tuple(m for m in mentions if not any(w.start("began") <= m[0] < w.end("began") + 1 for w in within))
    mentions = tuple(sorted(mentions + _years_on(sentence, context) + tuple(
        (w.start("within"), int(w.group("began")) + _count(w.group("within")) - 1) for w in within)))
    if mentions:
        _name_stages(plain or sentence, mentions, state)
        state.year = mentions[0][1]
        return SentenceYears(mentions, mentions[0][1], False)
    spelled = _STAGE_SPELLED.match(plain or sentence)
    if spelled and _stage_key(spelled.group("label")) in state.stages:
        state.year = state.stages[_stage_key(spelled.group("label"))]
        return SentenceYears((), state.year, False)  # “五强”目标具体为：… the numbers of the year 五强 was named with
    past = [end for label, (_, end) in _FIVE_YEAR.items() if label in sentence and end < context.period[0]]
    if past:
        state.year = past[0]
        return SentenceYears((), past[0], False)
    if state.year is not None:
        return SentenceYears((), state.year, True)
    return SentenceYears((), context.period[1], True)


def _years_on(sentence: str, context: TextContext) -> tuple[tuple[int, int], ...]:
    """``3年突破6400亿元``, ``用三年时间``: a stage counted in years from the plan's first year, as (position, year);
    the first year is the first of the stage (a plan of 2023: 3年 → 2025)."""
    found = []
    for match in _YEARS_ON.finditer(sentence):
        found.append((match.start(), context.period[0] + _count(match.group("years") or match.group("spent")) - 1))
    return tuple(found)


def _count(years: str) -> int:
    return int(years) if years.isdigit() else _NUMERAL_VALUE[years]


def _name_stages(sentence: str, mentions: tuple[tuple[int, int], ...], state: YearState) -> None:
    """Every goal or stage the sentence names after a target year (``到2022年…实现“五强”发展目标``), with that year."""
    for named in _NAMED_STAGE.finditer(sentence):
        before = [year for start, year in mentions if start < named.start()]
        if before:
            state.stages[_stage_key(named.group("label") or named.group("stage"))] = before[-1]


def _stage_key(label: str) -> str:
    return label.strip(" “”\"")


def _is_baseline(sentence: str, context: TextContext, year: int) -> bool:
    if year < context.period[0]:
        return True
    if context.baseline_section and not _TARGET_MARKER.search(sentence):
        return True
    return bool(_PAST_MARKERS.search(sentence)) and not _PAST_OVERRIDE.search(sentence)


def _groups(sentence: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined only by ``、`` (or ``和``) form one list sharing a verb; every other quantity stands alone.
    A comparator printed after the last number of a list binds every number of it (``分别达到20家、50家以上``)."""
    groups: list[list[Quantity]] = []
    for quantity in quantities:
        if groups:
            gap = sentence[groups[-1][-1].end:quantity.start]
            if _LIST_GAP.fullmatch(gap):
                groups[-1].append(quantity)
                continue
        groups.append([quantity])
    for index, group in enumerate(groups):
        last = group[-1]
        if len(group) > 1 and last.end > last.unit_end and last.comparator != "=":
            groups[index] = [replace(q, comparator=last.comparator) if q.comparator == "=" and q.upper is None
                             else q for q in group[:-1]] + [last]
    return groups


def _clause_start(sentence: str, index: int) -> int:
    cut = max((m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, index)), default=0)
    return cut


@dataclass
class Floor:
    """Where the text the previous list of numbers used ends, within the sentence, and whether its name followed it."""

    end: int = 0
    name_after: bool = False


def _head_start(sentence: str, first: Quantity, floor: Floor) -> int:
    """Where the name of a list of numbers may start: the clause start, or the end of the previous list in the same
    clause, whether the text between them names this one (``达到40%、其中制造业占比稳定在30%``,
    ``培育15家省级平台和3家国家级平台``) or names nothing (``确保达到1800家、力争达到2000家``: the name is the previous
    one's, see :func:`_complete_subjects`)."""
    clause_start = _clause_start(sentence, first.start)
    return max(floor.end, clause_start)


def _group_statements(line: str, sentence: str, offset: int, group: list[Quantity], number: int,
                      context: TextContext, years: SentenceYears, floor: Floor, limit: int) -> list[Statement]:
    first = group[0]
    clause_start = _head_start(sentence, first, floor)
    head = sentence[clause_start:first.start]
    names = _names_for(head, sentence, group, limit, clause_start)
    if len(group) == 1 and names[0][0] in _OUTPUT:
        run = sentence[sentence.rfind(";", 0, clause_start) + 1:clause_start]
        opening = [m.group("industry") for m in _INDUSTRY_OPENING.finditer(run)]
        if opening:  # 甲产业要…,力争2025年产值突破500亿元: the output of the industry that opens the clauses
            names = [(opening[-1] + names[0][0], *names[0][1:])]
    counted = _counted_list(head)
    if counted and len(counted) == len(group) > 1:
        names = [(name, None, []) for name in counted]  # 甲、乙两大产业集群产值分别达6000亿元、8500亿元
    verb_start = _clause_start(sentence, first.start) if _JOINED_ON.fullmatch(head) else clause_start
    campaign_start = _clause_start(sentence, first.start) if head.lstrip().startswith("、") else clause_start
    floor.end, floor.name_after = group[-1].end, False
    statements: list[Statement] = []
    for index, quantity in enumerate(group):
        local_start = clause_start if index == 0 else group[index - 1].end
        name, breakdown, notes = names[index]
        quote_start = clause_start if len(group) > 1 else _quote_start(sentence, clause_start, first.start, name)
        quote_end = group[-1].end if len(group) > 1 else _quote_end(sentence, quantity, name)
        if len(group) == 1 and _share_of_following(sentence, quantity):
            quote_end = min(limit, next((m.start() for m in _CLAUSE_SPLIT.finditer(sentence, quantity.end)),
                                        len(sentence)))
        if quote_end > quantity.end:
            floor.end, floor.name_after = quote_end, True
        quote = line[offset + quote_start:offset + quote_end].strip(" ,、和及")
        year, inherited = years.at(quantity.start)
        baseline = _is_baseline(sentence, context, year) or bool(
            _FROM_LEVEL_END.search(sentence, 0, quantity.start))  # 由目前的60%提高到70%: 60% stands now
        local_end = quantity.start
        if index > 0 and _JOINED_ON.fullmatch(sentence[local_start:quantity.start]):
            local_start = clause_start  # 分别下降16%、20%: the verb before the list reads every number of it
            local_end = first.start  # 分别提高到10%、8%: the verb, not the list's first number, is right before it
        statement = _statement(sentence[local_start:local_end], sentence[verb_start:quantity.start],
                               sentence, quantity, name, context, year, inherited, baseline)
        statement.quote, statement.line = quote, number
        if inherited and quantity.unit in COUNT_UNITS:
            statement.counted = _name_after(sentence, quantity, limit)[:MAX_NAME]
        statement.hedge = _hedge(sentence[clause_start:quantity.start])
        if quantity.chinese and _BARE_MAGNITUDE.fullmatch(statement.values[0].printed or "") \
                and quantity.unit in COUNT_UNITS and _CAMPAIGN.search(sentence[campaign_start:quantity.start]) \
                and statement.kind == "cumulative":
            statement.campaign, statement.period = True, context.period
        statement.subset = index == 0 and bool(_SUBSET.match(sentence, clause_start))
        statement.verbless = index == 0 and clause_start > 0 and not _BY_YEAR.search(head) and (
            sentence[clause_start - 1] == "," and not _ANY_VERB.search(head)
            or head.lstrip().startswith("、") and not _ANY_VERB.match(head.lstrip(" 、")))  # a verb of its own opens it
        alternate = _ALTERNATE_UNIT.match(sentence, quantity.unit_end) if quantity.unit in COUNT_UNITS else None
        if alternate:
            statement.unit = f"{quantity.unit}({alternate.group('alt')})"  # 530家(个): things of two kinds
        if breakdown:
            statement.breakdown_name = breakdown
        statement.notes.extend(notes)
        if len(group) == 1 and quantity.unit == "%" and statement.kind == "level":
            _share_of_whole(statement, sentence[clause_start:quantity.start])
        if len(group) == 1 and counted and len(counted) > 1:
            statements.extend(replace(statement, name_zh=name, values=list(statement.values),
                                      notes=list(statement.notes)) for name in counted)
            continue  # 甲、乙两大产业分别达到2000亿元: each of them
        statements.extend(_each_of(statement) if len(group) == 1 else [statement])
    _years_in_turn(sentence[:first.start], head, statements)
    return statements


def _years_in_turn(before: str, head: str, statements: list[Statement]) -> None:
    """``2017-2020年，分别达到2480亿元、2950亿元、3500亿元、4000亿元``: as many numbers listed with 分别 as the span
    before them has years are the levels of those years, in turn."""
    spans = list(_SPAN.finditer(before))
    if len(statements) < 2 or not spans or not _LIST.search(head):
        return
    first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
    if last - first + 1 != len(statements) or len({s.name_zh for s in statements}) > 1:
        return
    for year, statement in zip(range(first, last + 1), statements, strict=True):
        statement.values[0] = replace(statement.values[0], year=year)
        statement.kind = "level" if statement.kind in ("cumulative", "level") else statement.kind


def _counted_list(head: str) -> list[str]:
    """``石化能源新材料、电子信息两大产业集群产值分别达``: each item listed before a count of as many (两大), named with
    the noun after the count (石化能源新材料产业集群产值, 电子信息产业集群产值); [] for any other head."""
    found = _COUNTED_LIST.search(head)
    if found is None:
        return []
    count = found.group("count")
    wanted = int(count) if count.isdigit() else _NUMERAL_VALUE.get(count, 2 if count == "两" else 0)
    items = [_clean_name(item) for item in found.group("items").split("、")]
    if len(items) != wanted or not all(items):
        return []
    noun = found.group("noun")
    return [item + noun for item in items]


def _each_of(statement: Statement) -> list[Statement]:
    """``亩均增加值、亩均税收年均增长均为10%``: a list of names before 均 (each) is one statement per name, with the
    number; a name lacking the subject of the first takes it (亩均税收 → 规模以上工业亩均税收)."""
    each = _EACH_END.search(statement.name_zh)
    if each is None or not re.search(_JOINER, statement.name_zh[:each.start()]):
        return [statement]
    names = [n for n in (_clean_name(p) for p in re.split(_JOINER, _clean_name(statement.name_zh[:each.start()]))) if n]
    if len(names) < 2:
        return [statement]
    first = names[0]
    split = []
    for name in names:
        shared = first.find(name[:2], 1) if name != first else -1
        split.append(replace(statement, name_zh=first[:shared] + name if shared > 0 else name,
                             values=list(statement.values), notes=list(statement.notes)))
    return split


def _campaigns(statements: list[Statement]) -> list[Statement]:
    """``推进万台工业机器人应用``: a count printed as a bare magnitude after a verb of campaigning is a round figure (~)
    of what the campaign adds over the plan period; restated in digits in the same sentence (``…联网机器达1万台以上``)
    it is no second target."""
    kept = []
    for statement in statements:
        if not statement.campaign:
            kept.append(statement)
            continue
        first = statement.values[0]
        if any(not o.campaign and o.unit == statement.unit and o.values[0].value == first.value for o in statements):
            continue
        statement.kind = "period_total"
        statement.values = [replace(v, comparator=_CAMPAIGN_COMPARATOR if v.comparator == "=" else v.comparator)
                            for v in statement.values]
        statement.notes = [n for n in statement.notes if n != _CUMULATIVE_VERB]
        kept.append(statement)
    return kept


def _share_of_whole(statement: Statement, head: str) -> None:
    """``工业用地面积不低于出让总规模的30%``: the share of the part in the whole, bound by the comparator before the
    whole (a verb of reaching binds nothing)."""
    match = _SHARE_OF_WHOLE.match(head.strip())
    if match is None:
        return
    part = _clean_name(match.group("part"))
    if not part:
        return
    statement.name_zh = _SHARE_OF_WHOLE_NAME.format(part=part, whole=match.group("whole").strip())
    comparator = _COMPARATOR_OF.get(match.group("verb"))
    if comparator and all(v.comparator == "=" for v in statement.values):
        statement.values = [replace(v, comparator=str(comparator)) for v in statement.values]


def _hedge(before: str) -> str | None:
    """``stretch`` after 力争 (striven for), ``floor`` after 确保 (ensured): the last hedge before the number."""
    found = _HEDGE.findall(before)
    return str(_HEDGE_OF[found[-1]]) if found else None


_BARE_LEVEL = _L.compiled("size_class")
_SIZE_WORD = _L.words("size_class")[0]
_SIZE_SUFFIX = re.compile(rf"{_L.alternation('size_class')}$")
_LEVEL_AND_NOUN = _L.compiled("size_class", "with_noun")


def _share_noun_after_levels(statements: list[Statement]) -> list[Statement]:
    """``1—2个世界级、7个万亿级先进制造业集群``: a number naming only a class (世界级) counts the noun of the next
    number, each with its class as the breakdown."""
    for current, following in zip(statements, statements[1:], strict=False):
        if not _BARE_LEVEL.fullmatch(current.name_zh) or current.breakdown_name:
            continue
        match = _LEVEL_AND_NOUN.fullmatch(following.name_zh)
        if match is None or following.breakdown_name or current.unit != following.unit:
            continue
        current.breakdown_name, current.name_zh = current.name_zh, match.group(2)
        following.breakdown_name, following.name_zh = match.group(1), match.group(2)
    return statements


_NO_NAME = t("draft: no name found before or after the number; name the indicator")


def _complete_subjects(statements: list[Statement]) -> list[Statement]:
    """A name without its subject takes it from the statement before it in the sentence: no name at all (``到2035年
    …达到80%，2025年达到65%``: the same indicator), a share (``工业增加值超过1.3万亿元，占地区生产总值比重达25%``), or
    a bare measure (``研发经费投入达到300亿元，投入强度达到3%``: sharing 投入)."""
    for previous, current in zip(statements, statements[1:], strict=False):
        if previous.name_zh == UNNAMED:
            continue
        if current.name_zh == UNNAMED:
            current.name_zh, current.breakdown_name = previous.name_zh, previous.breakdown_name
            current.notes = [n for n in current.notes if n != _NO_NAME]
            continue
        completed = _with_subject(_subject(previous.name_zh), current.name_zh) or _output_of(previous.name_zh,
                                                                                          current.name_zh)
        bare = _BARE_MEASURE.match(current.name_zh)
        if completed is not None:
            current.name_zh = completed
        elif bare is not None:
            current.notes.append(t("draft: the name may lack its subject (what it is the {measure} of); complete it",
                                   measure=bare.group("measure")))
    return statements


_SHARE_AMONG = _L.compiled("measure.share_among")
_SHARE_AMONG_BARE = _L.compiled("measure.share_among", "bare")
_SHARE_AMONG_NAME = str(_L.rule("measure.share_among").get("name"))


def _shares_among(statements: list[Statement]) -> None:
    """``全省规模以上工业总产值中高技术制造业产值占比`` → 高技术制造业产值占规模以上工业总产值比重; a bare share
    after it in the sentence (``高新技术企业产值占比``) is a share of the same amount."""
    whole = ""
    for statement in statements:
        if statement.unit != "%":
            continue
        among = _SHARE_AMONG.match(statement.name_zh)
        bare = _SHARE_AMONG_BARE.match(statement.name_zh)
        if among is not None:
            whole = among.group("whole")
            statement.name_zh = _SHARE_AMONG_NAME.format(part=among.group("part"), whole=whole)
        elif whole and bare is not None:
            statement.name_zh = _SHARE_AMONG_NAME.format(part=bare.group("part"), whole=whole)
        else:
            whole = ""


def _output_of(previous: str, name: str) -> str | None:
    """``实现增加值1500亿元`` after ``规上工业总产值…``: a name that is only an output takes the subject of the output
    named before it."""
    if name not in _OUTPUT:
        return None
    before = next((previous[:-len(word)] for word in _OUTPUT if previous.endswith(word)), "")
    return before + name if before else None


def _subject(name: str) -> str:
    """What a name is about: before its share (``工业增加值占GDP比重`` → 工业增加值), without a measure it ends
    with (``研发经费投入总量`` → 研发经费投入)."""
    cut = _SHARE_CUT.search(name)
    subject = name[:cut.start()] if cut and cut.start() > 0 else name
    return _BARE_TAIL.sub("", subject) or subject


def _with_subject(subject: str, name: str) -> str | None:
    """``name`` completed with ``subject`` when it lacks one (a share, a bare measure), else None."""
    if not subject or name.startswith(subject):
        return None
    if _SHARE_OF.search(name):
        return subject + name
    bare = _BARE_MEASURE.match(name)
    if bare is None:
        return None
    head = bare.group("head")
    if not head:
        return subject + name
    for size in range(len(head), 0, -1):
        if subject.endswith(head[:size]):
            return subject + name[size:]
    return None


def _count_subsets_alike(statements: list[Statement]) -> None:
    """``新培育智能工厂100家，其中国家级不少于10家``: a part (其中…) read as a stock is counted as the whole before it
    is: additions over the same period, or the same yearly quota; so is a count whose clause (or item of a list
    after ``、``) states no verb of its own (``新增发布标准30项以上,注册商标2万件以上``, ``新增技术中心20个、示范企业
    10户``: the verb 新增 is shared)."""
    for previous, current in zip(statements, statements[1:], strict=False):
        if current.kind != "cumulative" or not (
                current.subset and current.unit == previous.unit
                or current.verbless and current.unit in COUNT_UNITS and previous.unit in COUNT_UNITS):
            continue
        if previous.kind == "period_total":
            current.kind, current.period = "period_total", previous.period
        elif previous.kind == "new_in_year":
            current.kind = "new_in_year"
            current.values = [replace(current.values[0], year=value.year) for value in previous.values]
        else:
            continue
        current.notes = [n for n in current.notes if n != _CUMULATIVE_VERB]


def _complete_classes(statements: list[Statement]) -> None:
    """``年营业收入超1000亿元的2个，超500亿元的5个``: a class named only by its threshold, after one named by what the
    threshold measures, is a class of that measure too (年营业收入超500亿元)."""
    for previous, statement in itertools.pairwise(statements):
        bare = _CLASS_THRESHOLD.fullmatch(statement.name_zh)
        named = _CLASS_THRESHOLD.fullmatch(previous.name_zh)
        if bare and not bare.group("measure") and named and named.group("measure") \
                and statement.unit == previous.unit:
            statement.name_zh = named.group("measure") + statement.name_zh


def _floor_over_stretch(statements: list[Statement]) -> list[Statement]:
    """``力争达到2000家，确保达到1800家``: beside the figure ensured (确保) for the same indicator and year, the
    figure striven for (力争) is no second target: the ensured one is kept, the other said in its note."""
    kept: list[Statement] = []
    for index, statement in enumerate(statements):
        floor = next((o for o in statements if statement.hedge == "stretch" and o.hedge == "floor"
                      and _same_target(o, statement)), None)
        plain = statements[index - 1] if index and statement.hedge == "stretch" else None
        if floor is None and plain is not None and plain.hedge is None and _same_target(plain, statement):
            plain.notes.append(t("draft: {stretch} is striven for (力争) beside {plain} stated plainly; the plain "
                                 "figure is the target", stretch=_printed(statement), plain=_printed(plain)))
            continue  # 达9000亿元，力争超10000亿元: the figure stated plainly is the target, as an ensured one is
        if floor is None:
            kept.append(statement)
            continue
        floor.notes.append(t("draft: {stretch} is striven for (力争) and {floor} ensured (确保); the ensured figure is "
                             "the target", stretch=_printed(statement), floor=_printed(floor)))
    return kept


def _same_target(first: Statement, second: Statement) -> bool:
    """Same indicator, measure and year; units that differ only by a magnitude (亿元, 万亿元) are one unit."""
    return (first.name_zh, _scaled(first.unit), first.breakdown_name, first.kind, first.values[0].year) == (
        second.name_zh, _scaled(second.unit), second.breakdown_name, second.kind, second.values[0].year)


def _scaled(unit: str) -> str:
    """The unit without a magnitude before it (万亿元 → 元), when something is left."""
    bare = re.sub(r"^(?:万亿|亿|万|千)", "", unit)
    return bare or unit


def _printed(statement: Statement) -> str:
    value = statement.values[0]
    return f"{value.printed or value.value}{statement.unit if statement.unit != '-' else ''}"


def _measure_of_industry(statement: Statement) -> None:
    """``规模以上工业增长10%``: the growth of industry said without its measure is of its value added;
    ``工业用水重复利用率保持在95以上``: a rate printed without a unit is in per cent."""
    if statement.unit == "%" and statement.kind in ("annual_growth", "change_vs_baseline") \
            and _INDUSTRY_GROWTH.search(statement.name_zh):
        statement.name_zh += _INDUSTRY_MEASURE
    if statement.unit in ("", "-") and statement.kind == "level" and _RATE_NAME.search(statement.name_zh):
        statement.unit = _RATE_UNIT


def _money_unit(statement: Statement) -> None:
    """``营收总额达到1.3万亿``: a bare 亿 or 万亿 after the name of an amount of money is in 元 (万亿元)."""
    if statement.unit in _MONEY_MAGNITUDES and (_MONEY_NAME.search(statement.name_zh)
                                                or _MONEY_NAME.search(statement.quote)):
        statement.unit += "元"


def _unit_per_name(statement: Statement) -> None:
    """``万元工业增加值用水量下降至20立方米``: a name that starts with what it is counted per makes the number's unit
    a compound unit (立方米/万元), a level."""
    match = _PER_NAME_RE.search(statement.name_zh)
    if match is None or "/" in statement.unit or statement.unit in _NOT_PER or statement.kind in (
            "change_vs_baseline", "pp_change", "annual_growth", "qualitative"):
        return
    per = str(_PER_NAME[match.group(1) or match.group(2)])
    printed = statement.unit
    statement.unit = f"{printed}/{per}"
    if statement.kind == "cumulative":
        statement.kind = "level"
    statement.notes = [n for n in statement.notes if n != _CUMULATIVE_VERB]
    statement.notes.append(t("draft: unit {unit}: the {printed} printed, per the {per} the name begins with; check it",
                             unit=statement.unit, printed=printed, per=per))


def _names_for(head: str, sentence: str, group: list[Quantity], limit: int,
               head_start: int = 0) -> list[tuple[str, str | None, list[Text]]]:
    subject = _clean_name(head)
    if len(group) > 1 and _LIST.search(head):
        parts = [p for p in re.split(_JOINER, _LIST_REST.sub("", head)) if p.strip()]
        parts = [_clean_name(p) for p in parts]
        if not any(parts) and head_start > 0:
            parts = _names_of_clause_before(sentence, head_start)
        if len(parts) == len(group):
            return _shared_noun(_shared_subject(parts))
        return [(subject, None, [t("draft: a list of numbers whose names could not be paired; split by hand")])
                for _ in group]
    if len(group) == 1 and _share_of_following(sentence, group[0]):
        subject = _AMONG.sub("", subject)  # 重点产业中80%的优势企业: 重点产业优势企业
        following = _name_after(sentence, group[0], limit, doers=False)[:MAX_NAME]
        doers = _DOERS.match(following)
        if doers:
            return [(subject + _DOERS_SHARE.format(doer=doers.group("doer"), does=doers.group("does")), None, [])]
        return [(_SHARE_NAME.format(name=subject + following), None, [])] if following else [(subject, None, [])]
    result: list[tuple[str, str | None, list[Text]]] = []
    for index, quantity in enumerate(group):
        local = subject if index == 0 else _clean_name(sentence[group[index - 1].end:quantity.start])
        if index > 0 and (not local or _LEVEL_LABEL.match(local) and len(local) <= 4):
            level = _LEVEL_LABEL.match(local) if local else None
            base = _LEVEL_LABEL.sub("", result[0][0]) or result[0][0]
            result.append((base, level.group(1) if level else None, []))
            continue
        notes: list[Text] = []
        if index == 0 and local:
            follows = quantity.unit in COUNT_UNITS and bool(_NAME_FOLLOWS.search(head) or _PLACE_ONLY.fullmatch(local))
            after = _name_after(sentence, quantity, limit) if follows else ""
            local = after or _verb_named(head, local, quantity.unit)  # 打造10个行业试点, A、B等6家供应商, 全市共有…
            counted = _PLACE_COUNTED.match(head) if quantity.unit in COUNT_UNITS else None
            if counted is not None and not after:
                local = counted.group("name") + "数量"  # 全省工业企业数量增加到8万户: 工业企业数量
        fund = _FUND.match(sentence, quantity.end) if quantity.unit.endswith("元") else None
        if fund:
            local = _FUND_NAME.format(what=fund.group("what"), verb=fund.group("verb"))  # 安排50亿元资金支持…
        scale = _SCALE_CLASS.match(sentence, quantity.unit_end) if quantity.comparator == ">=" else None
        if scale:
            local = _scale_name(head if index == 0 else "", sentence, head_start, scale.group("noun"))
        if not local:
            local = _name_after(sentence, quantity, limit)
            if len(local) > MAX_NAME:
                local = local[:MAX_NAME]
                notes.append(t("draft: name cut at {count} characters; check where it ends", count=MAX_NAME))
        if quantity.unit in _MACHINE_UNITS:
            local = _MACHINE_USE.sub("", local)  # 新增工业机器人应用2000台: the robots
        capacity = _yearly_capacity(sentence, quantity)
        if capacity:
            local = capacity  # 形成年400万辆整车产能: 整车产能
        sized = _ONE_SIZED_BEFORE.search(sentence, 0, quantity.start) if quantity.unit.endswith("元") else None
        thing = _ONE_SIZED_NOUN.match(sentence, quantity.end) if sized else None
        if sized and thing:
            local = thing.group("noun") + sized.group("measure")  # 1个产值超万亿元的汽车产业基地: 汽车产业基地产值
        level = _LEVEL_INSIDE.search(local)
        if index == 0 and len(group) > 1 and level:
            result.append((_LEVEL_INSIDE.sub("", local, count=1) or local, level.group(1), notes))
        else:
            result.append((local, None, notes))
    return result


def _scale_name(head: str, sentence: str, head_start: int, noun: str) -> str:
    """``智能制造技术与装备实现突破并形成千亿级产业规模`` → 智能制造技术与装备产业规模: what reaches the class (the
    head without the items listed before 等 and the verb; the clause before when the head is only the verb), with
    the noun of the scale."""
    subject = _clean_name(_SCALE_VERB.sub("", _SCALE_LISTED.sub("", head)))
    if not subject and head_start > 0:
        before = sentence[_clause_start(sentence, max(0, head_start - 1)):head_start]
        subject = _clean_name(_SCALE_VERB.sub("", _SCALE_LISTED.sub("", before)))
    subject = subject.replace("“", "").replace("”", "")
    if subject.endswith(noun[:2]) and noun.startswith("产业"):
        noun = noun[2:]  # 新能源汽车产业 + 产业规模
    return subject + noun if subject else ""


def _yearly_capacity(sentence: str, quantity: Quantity) -> str:
    """The noun of a capacity printed as so much a year before it (``形成年400万辆整车产能`` → 整车产能), else ""."""
    if not _CAPACITY_BEFORE.search(sentence, 0, quantity.start):
        return ""
    found = _CAPACITY.match(sentence, quantity.unit_end)
    return found.group("name") if found else ""


def _verb_named(head: str, name: str, unit: str) -> str:
    """A name that is a verb's: ``完成入库培育1000家`` (only what the verb of making is done as, 入库) counts the
    enterprises it is done to (入库培育企业); ``完成诊断规模以上企业1000家`` (a verb of serving and what it serves)
    counts what is served (诊断的规模以上企业)."""
    noun = _VERB_ONLY.map.get(unit)
    if noun and len(name) <= int(_VERB_ONLY.get("longest")) and noun not in name:
        cut = _LEADING.sub("", head.strip()).strip(" ,、“”\"")
        if cut.startswith(name) and _VERB_END.search(cut):
            return f"{cut}{noun}"
    served = _SERVED.match(name)
    if served and unit in COUNT_UNITS:
        return f"{served.group('verb')}的{served.group('object')}"
    return name


def _names_of_clause_before(sentence: str, head_start: int) -> list[str]:
    """``科技型企业、高新技术企业数量全部翻番，分别达到4.5万家、8000家``: a list of numbers whose clause names
    nothing takes the names listed in the clause before it."""
    end = head_start - 1
    before = sentence[_clause_start(sentence, end):end]
    before = _DOUBLING_CUT.sub("", before)
    return [n for n in (_clean_name(p) for p in re.split(_JOINER, before)) if n]


def _shared_subject(parts: list[str]) -> list[str]:
    """``规上工业企业A普及率、B数控化率``: rates listed after a first one that opens with its subject are of it too."""
    subject = _LIST_SUBJECT.match(parts[0])
    if subject is None or not all(_LIST_RATE.search(p) and not _LIST_SUBJECT.match(p) for p in parts[1:]):
        return parts
    return [parts[0]] + [p if _LEVEL_LABEL.match(p) else subject.group() + p for p in parts[1:]]


def _shared_noun(parts: list[str]) -> list[tuple[str, str | None, list[Text]]]:
    """``国家、省级绿色工厂分别…``: short levels before the last part share its noun (国家级绿色工厂, 省级绿色工厂)."""
    last = _LEVEL_LABEL.match(parts[-1])
    short = all(len(p) <= 3 and not _SIZE_SUFFIX.search(p) for p in parts[:-1])
    if not last or not short:
        return [(p, None, []) for p in parts]
    noun = parts[-1][last.end():]
    levels = [p if _SIZE_SUFFIX.search(p) else f"{p}{_SIZE_WORD}" for p in parts[:-1]] + [last.group(1)]
    return [(noun, level if level in _LEVEL_NAMES else None, []) if noun else (level, None, [])
            for level in levels]


def _clean_name(text: str) -> str:
    previous = None
    name = text.strip()
    while previous != name:
        previous = name
        name = _LEADING.sub("", name)
        kept = max((name.rfind(word) + len(word) for word in _TRAILING_KEPT if word in name), default=0)
        name = name[:kept] + _TRAILING.sub("", name[kept:])  # 经济总量超过: 经济总量, one term
        name = name.strip(" ,、“”\"")
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")  # a label in quotes cut at the number (“5G+工业互联网”)
    for word, plain in _FIELD_OF.items():
        name = name.replace(word, str(plain))  # 制造业领域的科技型企业 → 制造业领域科技型企业
    for word, plain in _WHOLE_REGION.items():
        name = name.replace(word, str(plain))  # 制造业增加值占全市GDP比重 → 制造业增加值占GDP比重
    name = _YEAR_INSIDE.sub("", name)  # 甲产业力争2025年产值 → 甲产业产值
    name = _NAME_SPACING.sub("", _GLOSS.sub("", name))  # 占 GDP 比重 → 占GDP比重; 支出(R&D) → 支出
    name = _SHARE_OF_DE.sub(r"\g<whole>\g<share>", name)  # 占规上工业增加值的比重 → 占规上工业增加值比重
    return _VERB_INSIDE.sub("", name)  # 规上工业完成总产值 → 规上工业总产值


def _name_after(sentence: str, quantity: Quantity, limit: int, doers: bool = True) -> str:
    """The name printed after its number (``建设100家示范工厂``), up to the next number; class labels listed before
    the noun stay with it (``5个行业级、区域级标识解析二级节点``); qualities listed before 的 do not
    (``10个成效明显、推广有效的优秀案例`` → 优秀案例); who is counted and what they do is named by the doers
    (``2万家企业实施数字化转型`` → 实施数字化转型的企业, unless ``doers`` is false). Not yet cut to
    :data:`MAX_NAME`."""
    tail = re.sub(r"^\s*[(（][^)）]{1,3}[)）]", "", sentence[quantity.end:max(limit, quantity.end)])
    clause = re.split(r"[,;]", tail, maxsplit=1)[0]
    qualified = clause.rfind("的")
    if 0 < clause.find("、") < qualified or (qualified > 0 and _QUALITY.match(clause)):
        tail = clause[qualified + 1:]  # 10个成效明显、推广有效的优秀案例: the noun after what qualifies it
    pieces = re.split(r"([,;、])", tail)
    name = pieces[0]
    while _BARE_LEVEL.fullmatch(name.split("、")[-1].strip()) and len(pieces) > 2 and pieces[1] == "、" \
            and pieces[2].strip() and not re.search(r"\d", pieces[2]):
        name, pieces = f"{name}、{pieces[2]}", pieces[2:]
    name = _clean_name(_TAIL_JOINER.sub("", name))
    becomes = _BECOMES.search(name)
    if becomes and _clean_name(name[becomes.end():]):
        return _clean_name(name[becomes.end():])  # 30种产品认定为绿色产品: what they become is counted
    onto = _ONTO.match(name)
    if onto and _ONTO_BEFORE.search(sentence, 0, quantity.start):
        return _ONTO_COUNT.format(doer=onto.group("doer"), onto=onto.group("onto"))  # 5万家企业上云: 上云企业
    found = _DOERS.match(name) if doers else None
    if found:
        template = _DOERS_SHARE if quantity.unit == "%" else _DOERS_COUNT
        named = template.format(doer=found.group("doer"), does=found.group("does"))
        return named if len(named) <= MAX_NAME else name  # a name to be cut keeps the doers first
    return name


def _quote_start(sentence: str, clause_start: int, number_start: int, name: str) -> int:
    if name:
        found = sentence.rfind(name[:4], clause_start, number_start)
        if found >= 0:
            return found
    return clause_start


def _quote_end(sentence: str, quantity: Quantity, name: str) -> int:
    scale = _SCALE_CLASS.match(sentence, quantity.unit_end) if quantity.comparator == ">=" else None
    if scale:
        return scale.end()  # 形成千亿级产业规模: the class and its noun
    onto = re.match(r"[^,;、。]*", sentence[quantity.end:])
    if onto and _ONTO.match(_clean_name(onto.group())) and _ONTO_BEFORE.search(sentence, 0, quantity.start):
        return quantity.end + onto.end()  # 5万家企业上云: the name, reordered, is printed after the number
    if name and sentence.find(name[:4], quantity.end) == quantity.end or (
            name and sentence.find(name[:4], quantity.end, quantity.end + 12) >= 0
            and sentence.rfind(name[:4], 0, quantity.start) < 0):
        found = sentence.find(name[-4:] if len(name) > 4 else name, quantity.end)
        if found >= 0:
            return found + min(4, len(name))
    return quantity.end


_CUMULATIVE_VERB = t("draft: read as the stock in the target year (cumulative); the verb may mean additions")


def _statement(local: str, clause: str, sentence: str, quantity: Quantity, name: str, context: TextContext,
               year: int, inherited: bool, baseline: bool) -> Statement:
    notes: list[str] = []
    unit = str(_PERSON_UNIT.get(quantity.unit, quantity.unit)) or "-"  # 500名 → 500人
    values_year = year
    kind, change, base_year, period = _kind(local, clause, sentence, quantity, context, baseline)
    if kind == "period_total" and period == context.period and year == context.period[0] and not inherited:
        kind, period = "cumulative", None  # 到2025年完成300家 in a plan from 2025: the programme's stock that year
    if not name:
        name = UNNAMED
        notes.append(_NO_NAME)
    if kind == "baseline":
        values_year = year if year < context.period[0] and not (inherited and _NOW.search(sentence)) \
            else context.base_year  # 目前已创建…: now, whatever past year was read before
        if year >= context.period[0]:
            notes.append(t("draft: a stated situation read as the baseline of {year}", year=values_year))
    elif inherited:
        notes.append(t("draft: no year in the sentence; {year} is taken from an earlier sentence or the plan's end",
                       year=year))
    if not quantity.unit:
        notes.append(t("draft: no unit printed; index or ratio assumed"))
    elif "/" in quantity.unit:
        notes.append(t("draft: compound unit {unit}, one unit counted per {per}; actuals must be in the same unit",
                       unit=quantity.unit, per=quantity.unit.split("/", 1)[1]))
    values: list[ValueReading]
    reading = ValueReading(values_year, quantity.value, quantity.comparator, quantity.upper, quantity.printed)
    yearly_rate = kind == "annual_growth" and _is_quota(sentence[:quantity.start])
    if kind == "new_in_year" and _THIS_YEAR.search(_last_quota_marker(sentence[:quantity.start])):
        values = [replace(reading, year=context.period[0])]
        notes.append(t("draft: 全年 read as the additions of {year}, the plan's first year", year=context.period[0]))
    elif yearly_rate and _THIS_YEAR.search(_last_quota_marker(sentence[:quantity.start])):
        values = [replace(reading, year=context.period[0])]
        notes.append(t("draft: 全年 read as the change of {year}, the plan's first year", year=context.period[0]))
    elif yearly_rate:
        first_year = max(context.period[0], context.base_year + 1)
        values = [replace(reading, year=y) for y in range(first_year, max(values_year, context.period[1]) + 1)]
        notes.append(t("draft: 每年 read as a yearly rate of change in every year of the plan period"))
    elif kind == "change_vs_baseline" and _is_quota(sentence[:quantity.start]) and _THIS_YEAR.search(
            _last_quota_marker(sentence[:quantity.start])):
        values = [replace(reading, year=context.period[0])]
        notes.append(t("draft: 全年 read as the change of {year}, the plan's first year", year=context.period[0]))
    elif kind == "level" and _yearly_level(quantity.unit) and _THIS_YEAR.search(
            _last_quota_marker(sentence[:quantity.start])):
        values = [replace(reading, year=context.period[0])]
        notes.append(t("draft: 全年 read as the count of {year}, the plan's first year", year=context.period[0])
                     if quantity.unit in _OCCURRENCE else
                     t("draft: 全年 read as the amount of {year}, the plan's first year", year=context.period[0]))
    elif not context.period_printed and (kind == "new_in_year" or (
            kind == "level" and _yearly_level(quantity.unit) and _is_quota(sentence[:quantity.start]))):
        values = [reading]  # 每年推动1000家: the document prints no span of years, only this one is known
        notes.append(t("draft: 每年 read for {year} only: the document prints no span of years; add the others",
                       year=values_year))
    elif kind == "new_in_year" or (kind == "level" and (_yearly_level(quantity.unit) or quantity.unit == "%")
                                   and _is_quota(sentence[:quantity.start])
                                   and not _THIS_YEAR.search(_last_quota_marker(sentence[:quantity.start]))):
        first_year = max(context.period[0], context.base_year + 1)
        values = [ValueReading(y, quantity.value, quantity.comparator, quantity.upper, quantity.printed)
                  for y in range(first_year, max(values_year, context.period[1]) + 1)]
        notes.append(t("draft: 每年 read as a quota for every year of the plan period") if kind == "new_in_year"
                     else t("draft: 每年 read as a level held in every year of the plan period"))
    else:
        values = [reading]
    if kind == "cumulative" and _AMBIGUOUS_VERB.search(clause) and not _STOCK_WORDS.search(clause):
        notes.append(_CUMULATIVE_VERB)
    if kind == "period_total" and not _PERIOD_TOTAL.search(clause):
        notes.append(t("draft: 新增 without 每年 read as the total over the plan period"))
    statement = Statement(name, unit, kind, values, "", 0, section=context.section, change=change,
                          base_year=base_year, period=period, notes=notes)
    statement.direction = _direction(name, change, kind)
    return statement


def _kind(local: str, clause: str, sentence: str, quantity: Quantity, context: TextContext,
          baseline: bool) -> tuple[str, str | None, int | None, tuple[int, int] | None]:
    near = local[-8:]
    change = _change_word(near)
    base = _BASE_YEAR.search(clause)
    base_year = int(base.group(1)) if base else None
    if baseline:
        return "baseline", None, None, None
    if quantity.unit == POINTS and _GAP_TO_OTHER.search(sentence, 0, quantity.start):
        return "level", None, None, None  # 增速高于GDP增速1个百分点: a gap held that year, no change
    if quantity.unit == POINTS:
        return "pp_change", change or "increase", base_year, None
    if _ANNUAL.search(near) or (_ANNUAL_ANY.search(near) and quantity.unit == "%"):
        return "annual_growth", change or "increase", base_year, None
    before = sentence[:quantity.start]
    if context.year_targets and quantity.unit == "%" and change and not _REACH_END.search(near):
        return "annual_growth", change, base_year, None  # 2025年主要预期目标: 增长5%左右, the growth of that year
    if quantity.unit == "%" and change and not _REACH_END.search(near) and _is_quota(before):
        if _THIS_YEAR.search(_last_quota_marker(before)):
            return "change_vs_baseline", change, base_year, None  # 全年增长8%: the change of that one year
        return "annual_growth", change, base_year, None  # 每年下降3%: a yearly rate, not one change over the period
    if quantity.unit == "%" and change and not _REACH_END.search(near):
        return "change_vs_baseline", change, base_year, None
    if _PERIOD_TOTAL.search(clause) and (_PERIOD_WORDS.search(clause) or _EXPLICIT_PERIOD.search(before)) \
            or _TOTAL_AMOUNT.search(clause) and quantity.unit.endswith(_TOTAL_AMOUNT_UNITS):
        return "period_total", None, None, _period_of(clause, before, context)
    if _is_quota(before) and _yearly_level(quantity.unit):
        return "level", None, None, None  # 每年开展两次, 每年投资800亿元: add up to no stock
    if _is_quota(before) and quantity.unit != "%":
        return "new_in_year", None, None, None
    if _NEW.search(clause) and quantity.unit != "%":
        return "period_total", None, None, context.period
    if _yearly_capacity(sentence, quantity):
        return "level", None, None, None  # 形成年400万辆整车产能: a capacity, the level of a year
    if quantity.unit == _POPULATION_UNIT and _POPULATION.search(sentence, 0, quantity.start):
        return "level", None, None, None  # 常住人口超千万: a population stands at a level, it is no stock built up
    if quantity.unit in COUNT_UNITS or quantity.unit.endswith(("家", "个", "户")):
        return "cumulative", None, None, None
    return "level", None, None, None


def _change_word(text: str) -> str | None:
    """The change a verb states (下降, 提高…); ``增加值`` (value added) is a noun, not the verb 增加."""
    plain = text
    for noun in _CHANGE_NOUNS:
        plain = plain.replace(noun, "")
    return next((direction for word, direction in CHANGE_WORDS if word in plain), None)


def _is_quota(before: str) -> bool:
    """``每年…`` before the number, with no target year (``到2022年``) between them: a yearly quota."""
    marker = _last_quota_marker(before)
    return bool(marker) and not _BY_YEAR.search(before[before.rfind(marker):])


def _last_quota_marker(before: str) -> str:
    markers = _PER_YEAR.findall(before)
    return markers[-1] if markers else ""


def _period_of(clause: str, before: str, context: TextContext) -> tuple[int, int]:
    """The years a total runs over: a five-year period named in the clause, else the period named last before the
    number (``“十四五”期间，…累计``, ``2021—2025年，累计…``), else the plan's period."""
    for label, years in _FIVE_YEAR.items():
        if label in clause:
            return years
    named = list(_EXPLICIT_PERIOD.finditer(before))
    if named:
        last = named[-1].group()
        span = _SPAN.search(last)
        if span:
            return int(span.group(1)), int(span.group(2))
        return next(years for label, years in _FIVE_YEAR.items() if label in last)
    return context.period


def _direction(name: str, change: str | None, kind: str) -> str:
    if _DOWN.search(name):
        return "down"
    if kind == "change_vs_baseline" and change == "decrease":
        return "down"
    return "up"


def _class_members(line: str, sentence: str, offset: int, number: int, context: TextContext,
                   years: SentenceYears) -> list[Statement]:
    """``甲、乙等2个百亿级产业集群``: each cluster named before a count of them of one size class reaches the class
    (``class_members``): a level of at least the class in 亿元, one statement a cluster."""
    statements = []
    for found in _CLASS_MEMBERS.finditer(sentence):
        count = found.group("count")
        wanted = int(count) if count.isdigit() else 2 if count == "两" else parse_chinese(count)
        items = [_clean_name(item) for item in found.group("items").split("、")]
        size = found.group("class")
        value = int(size) if size.isdigit() else parse_chinese(size)
        if not value or len(items) != wanted or not all(items) or _is_baseline(sentence, context, years.year):
            continue
        year, _ = years.at(found.start())
        quote = line[offset + found.start():offset + found.end()].strip(" ,、")
        for item in items:
            name = _CLASS_MEMBER_NAME.format(item=item, noun=found.group("noun"))
            statements.append(Statement(name, "亿元", "level", [ValueReading(year, Decimal(value), ">=", None,
                                                                            None if size.isdigit() else size)],
                                        quote, number, section=context.section))
    return statements


def _named_by_doubling(sentence: str, doubled: list[Statement], statements: list[Statement]) -> None:
    """``规上工业增加值在2020年的基础上翻一番，突破1300亿元``: a number no clause names, after a doubling of a named
    indicator in its sentence, is that indicator's level."""
    named = [s for s in doubled if s.name_zh != UNNAMED]
    if len(named) != 1:
        return
    at = sentence.find(named[0].quote[-4:]) if named[0].quote else -1
    for statement in statements:
        if statement.name_zh == UNNAMED and at >= 0 and sentence.find(statement.quote) > at:
            statement.name_zh = named[0].name_zh
            statement.notes = [n for n in statement.notes if n != _NO_NAME]


def _doubling(line: str, sentence: str, offset: int, number: int, context: TextContext, year: int,
              inherited: bool) -> list[Statement]:
    match = next((m for m in _DOUBLING.finditer(sentence)
                  if not sentence.startswith(_DOUBLING_NOT_BEFORE, m.end())  # 倍增计划: a programme
                  and (m.group() not in _DOUBLING_NEEDS_BASE or _BASE_YEAR.search(sentence, 0, m.start()))), None)
    if match is None:
        return []
    clause_start = _clause_start(sentence, match.start())
    head = sentence[clause_start:match.start()]
    base = _BASE_YEAR.search(head)
    if base:
        head = head[:base.start()] + head[base.end():]  # 在2015年的基础上 is the base, no part of the name
    names = [n for n in (_clean_name(p) for p in re.split(_JOINER, _DOUBLING_CUT.sub("", head))) if n]
    printed = match.group()
    quote = line[offset + clause_start:offset + match.end()].strip(" ,")
    statements = []
    for name in names or [UNNAMED]:
        statement = Statement(name, "-", "change_vs_baseline",
                              [ValueReading(year, Decimal(100), "=", None, printed)], quote, number,
                              section=context.section, change="increase",
                              base_year=int(base.group(1)) if base else None,
                              notes=[t("draft: 翻番 read as a 100 % increase over the baseline; fill in the unit")])
        if inherited:
            statement.notes.append(t("draft: no year in the sentence; {year} is taken from an earlier sentence",
                                     year=year))
        statements.append(statement)
    return statements


def _full_coverage(line: str, sentence: str, offset: int, number: int, context: TextContext, years: SentenceYears,
                   before: list[Statement]) -> list[Statement]:
    """``实现重点行业创新服务综合体“全覆盖”``: a target stated in words (no number is printed, so none is drafted),
    named by the clause, or by the statement before it; ``全覆盖的思路`` qualifies a way of working, no target."""
    statements = []
    previous_end = 0
    for match in _FULL_WORDS.finditer(sentence):
        clause_start = max(_clause_start(sentence, match.start()), previous_end)
        previous_end = match.end()
        if _FULL_NOT_BEFORE.match(sentence, match.end()):
            continue
        name = _clean_name(sentence[clause_start:match.start()])
        if not name and before:
            name = _subject(before[-1].name_zh)
            served = _SERVED_NAME.match(name)
            if served:
                name = served.group("object") + served.group("verb")  # 诊断的规模以上企业 → 规模以上企业诊断
        year, _ = years.at(match.start())
        if not name or _is_baseline(sentence, context, year):
            continue
        quote = line[offset + clause_start:offset + match.end()].strip(" ,、”\"")
        statements.append(Statement(name, "-", "qualitative", [ValueReading(year, text=match.group())], quote,
                                    number, section=context.section))
    return statements


def _qualitative(line: str, sentence: str, offset: int, number: int, context: TextContext,
                 year: int) -> list[Statement]:
    statements = []
    position = 0
    for part in re.split(r"([,;])", sentence):
        if part in (",", ";"):
            position += 1
            continue
        stripped = part.rstrip()
        match = _QUALITATIVE.search(stripped)
        if match:
            name = _clean_name(stripped[:match.start()])
            if 2 <= len(name) <= 40:
                quote = line[offset + position:offset + position + len(stripped)].strip()
                statements.append(Statement(name, "-", "qualitative", [ValueReading(year, text=match.group())],
                                            quote, number, section=context.section))
        position += len(part)
    return statements
