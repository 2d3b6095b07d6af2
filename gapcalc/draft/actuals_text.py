"""Published figures read out of statistics texts (统计公报, 政府工作报告, 计划执行情况的报告, 1—N月 releases, press
articles) for the indicators of a plan: the actuals rows ``gapcalc draft-actuals`` drafts, and the numbers that look
close to an indicator but are refused, each with the rule that refuses it.

Pure: the text and the plan's indicators (:class:`PlanContext`) are given; nothing is read or written. Every wording
is a rule of the lexicon (``actual.*`` in ``lexicon.toml``; the shared indicators' patterns ``shared.*``, the units
``unit.*`` and the verbs of reaching ``reach`` are the drafter's own), and a refused number names its rule. A text is
read sentence by sentence: each number with its unit, the name it measures (the clause before it, or the name of the
number before it), its verb (level, a year's additions, a change), its bound, and its year (the text's, or the one
its sentence says); the name is matched to an indicator by its core words, the shared vocabulary and its scope words.
A table of figures (tab-separated rows, or one cell a line between lines of |) is read a row at a time, each row as a
sentence of its label, its columns' names, values and units (``actual.table.*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from gapcalc.draft.charmap import FOLD_TABLE
from gapcalc.draft.lexicon import LEXICON, alternation
from gapcalc.draft.numbers import ARABIC, CHINESE_NUMERAL, integral, parse_arabic, parse_chinese, plain
from gapcalc.messages import Text, t

_FOLD = {**FOLD_TABLE, **str.maketrans("「」『』﹁﹂﹃﹄｢｣﹐﹑､﹒﹔﹕﹖﹗﹙﹚﹪︰｡", "“”“”“”“”“”,、、.;:?!()%:。")}
"""Folding for reading (:func:`gapcalc.draft.charmap.fold`), the quotes of a traditional text (「」) as “” and the
small forms of its punctuation (﹐﹔﹪) as ASCII: one character for one, so that a quote cut from the original stays
verbatim."""


def fold(text: str) -> str:
    """``text`` folded for reading: full-width forms as ASCII, traditional characters as simplified, quotes as “”."""
    return text.translate(_FOLD)


LEVEL, NEW, CHANGE_PCT, CHANGE_PCT_VS_BASE = "", "new", "change_pct", "change_pct_vs_base"
"""The measures of a row, as the actuals file writes them (a level is a blank cell)."""
QUOTE_CHARS = 160
"""A sentence longer than this is quoted around its number, cut with …"""


def _rule_words(name: str) -> tuple[str, ...]:
    return LEXICON.words(name)


def _note(name: str) -> str:
    return str(LEXICON.rule(name).get("note", ""))


UNIT = LEXICON.regex("unit.printed")
COUNT_UNITS = frozenset(LEXICON.words("unit.count"))
POINTS = frozenset(LEXICON.words("unit.points"))
SCALES: dict[str, tuple[str, int]] = {unit: (str(base), int(power))
                                      for unit, (base, power) in LEXICON.rule("actual.unit.scale").map.items()}
_MORE = tuple(w for w in _rule_words("actual.bound.lower_after") if len(w) == 1)
"""Bounds printed between a number's magnitude and its unit (5.5万余户)."""
_AFTER = tuple(w for w in _rule_words("actual.bound.lower_after") if len(w) > 1) + tuple(
    w for w in _rule_words("actual.bound.about") if w in ("左右", "上下"))
_NUMBER = re.compile(rf"(?P<num>{ARABIC}|{CHINESE_NUMERAL})\s*(?P<mag>万亿|亿|万|千)?\s*(?P<more>{alternation(_MORE)})?"
                     rf"\s*(?P<unit>{UNIT})?(?P<after>\s*{alternation(_AFTER)})?")
_MAGNITUDE = {"千": Decimal(1000), "万": Decimal(10_000), "亿": Decimal(100_000_000),
              "万亿": Decimal(1_000_000_000_000)}
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:[年月日号时岁位届周季]|[A-Za-z])")
_LABEL = LEXICON.compiled("not_target.quoted_label")
_LABEL_KEEP = LEXICON.compiled("not_target.quoted_label", "keep")
_ORDINAL = tuple(LEXICON.words("not_target.ordinal"))
_QUALIFIER = LEXICON.compiled("not_target.threshold")
"""A number before 的 qualifies the noun after it (投入强度超过1%的行业): no figure."""
_CHINESE_COUNTS = COUNT_UNITS - {"批", "次", "场", "处"}

_DATE = LEXICON.compiled("actual.document.date")
_WHOLE_DATE = LEXICON.compiled("actual.document.date", "whole")
_GLOSS = LEXICON.compiled("actual.document.gloss")
_TITLE_LINES = int(LEXICON.rule("actual.document.title").get("lines", 1))
_URL = LEXICON.compiled("document.comment", "url")
_COMMENT = LEXICON.compiled("document.comment")
_BOILERPLATE = LEXICON.compiled("document.boilerplate")
_CHAPTER = LEXICON.compiled("document.heading.chapter")
_SECTION = LEXICON.compiled("document.heading.section")
_COMMUNIQUE = LEXICON.compiled("actual.document.communique")
_PLAN_REPORT = LEXICON.compiled("actual.document.plan_report")
_WORK_REPORT = _rule_words("actual.document.work_report")
_MEETINGS = tuple(LEXICON.rule("actual.document.work_report").get("meetings", ()))
_EARLY = int(LEXICON.rule("actual.document.work_report").get("early", 0))
_MONTHLY = LEXICON.compiled("actual.document.monthly")
_TARGET_SECTION = _rule_words("actual.refuse.target_section")
_TARGETS_MET = LEXICON.compiled("actual.refuse.target_section", "unless")
_TARGET = re.compile(LEXICON.alternation("actual.refuse.target"))
_NOT_TARGET = LEXICON.compiled("actual.refuse.target", "unless")
_AIMS = LEXICON.compiled("actual.refuse.target", "aims")
_NAME_AFTER = LEXICON.compiled("actual.name.after")
_INSTANCES_BEFORE = LEXICON.compiled("actual.name.after", "instances")
_JOINERS = tuple(sorted(_rule_words("actual.refuse.joined"), key=len, reverse=True))
_FIRMS = re.compile(alternation(LEXICON.rule("actual.name.instances").get("firms", ())))
_LISTED = LEXICON.rule("actual.measure.listed")
_LIST_WORDS = tuple(_LISTED.get("lists", ()))
_LIST_PUBLISHED = re.compile(alternation(_LISTED.get("published", ())))
_LIST_ENTERED = re.compile(alternation(_LISTED.get("entered", ())))
_LIST_TITLE = LEXICON.compiled("actual.measure.listed", "title")
_LIST_PASSIVE = LEXICON.compiled("actual.measure.listed", "passive")
_LIST_DAY = LEXICON.compiled("actual.measure.listed", "day")
_LIST_CONTINUED = LEXICON.compiled("actual.measure.listed", "continued")
_FROM = LEXICON.compiled("actual.period.from")
_FUTURE = LEXICON.compiled("actual.refuse.future_year")
_FUTURE_PERIOD_END = LEXICON.compiled("actual.refuse.future_year", "period_end")
_FIVE_YEARS: dict[str, list[int]] = dict(LEXICON.rule("period.five_year").map)
_YEAR = LEXICON.compiled("actual.period.year")
_SINCE = tuple(LEXICON.rule("actual.period.year").get("since", ()))
_OPENS = LEXICON.compiled("actual.period.year", "opens")
_MONTHS = LEXICON.compiled("actual.period.months")
_QUARTERS: dict[str, int] = {str(k): int(v) for k, v in LEXICON.rule("actual.period.quarters").map.items()}
_QUARTER_RE = re.compile(alternation(_QUARTERS))
_PERIOD_HINT = re.compile("月|季|" + alternation(_QUARTERS))
"""What every period a sentence may say holds (a month, a quarter, the words of actual.period.quarters)."""
_AS_OF = LEXICON.compiled("actual.period.as_of")
_ONE_MONTH = LEXICON.compiled("actual.refuse.one_month")
_BARE_MONTH = LEXICON.compiled("actual.refuse.one_month", "bare")
_WHOLE_YEAR = re.compile(alternation(LEXICON.rule("actual.period.quarters").get("whole", ())))
_MONTHLY_QUARTERS = LEXICON.compiled("actual.document.monthly", "quarters")
_NOW = re.compile(LEXICON.alternation("actual.period.now"))
_PAST_YEARS = LEXICON.compiled("actual.period.past_years")
_PAST_MONTHS = int(LEXICON.rule("actual.period.past_years").get("months", 6))
_LAST_YEAR = re.compile(LEXICON.alternation("actual.period.last_year"))
_THIS_YEAR = re.compile(LEXICON.alternation("actual.period.this_year"))
_SO_FAR = LEXICON.compiled("actual.period.this_year", "since")
_POINT = LEXICON.compiled("actual.period.points")
_FIRST_POINT = frozenset(LEXICON.rule("actual.period.points").get("first", ()))
_BASE_WORDS = ("比", "较", "与", "相比")
_PREVIOUS_YEAR = re.compile(LEXICON.alternation("actual.measure.previous_year"))
_BASE_YEAR = LEXICON.compiled("actual.measure.base_year")
_FIVE_YEAR: dict[str, list[int]] = {str(k): list(v) for k, v in LEXICON.rule("period.five_year").map.items()}
_EARLIER = LEXICON.compiled("actual.refuse.earlier_year")
_MULTIPLE = re.compile(LEXICON.alternation("actual.refuse.multiple"))
_POINTS = frozenset(_rule_words("actual.refuse.points"))
_ELSEWHERE = _rule_words("actual.refuse.elsewhere")
_PROVINCES = tuple(sorted(LEXICON.rule("actual.refuse.elsewhere").get("provinces", ()), key=len, reverse=True))
_GAP = re.compile(LEXICON.alternation("actual.refuse.gap"))
_DENOMINATOR = LEXICON.compiled("actual.refuse.denominator")
_SUBREGION = LEXICON.compiled("actual.refuse.subregion")
_SUBREGION_EXAMPLES = LEXICON.compiled("actual.refuse.subregion", "instances")
_SUBSET = _rule_words("actual.refuse.subset")
_SOCIETY = frozenset(_rule_words("actual.refuse.society"))
_SOCIETY_DOERS = tuple(LEXICON.rule("actual.refuse.society").get("doers", ()))
_INTENSITY = tuple(LEXICON.rule("actual.refuse.society").get("intensity", ()))
_THROUGHOUT = _rule_words("actual.refuse.throughout")
_OTHER_MEASURES = tuple(sorted(_rule_words("actual.refuse.other_measure"), key=len, reverse=True))
_GENERIC = frozenset(LEXICON.rule("actual.refuse.other_indicator").get("generic", ()))
_RUNNING_KINDS = frozenset(LEXICON.rule("actual.refuse.running_total").get("kinds", ()))
_SCALE_RULE = LEXICON.rule("actual.refuse.scale")
_SLACK = int(LEXICON.rule("actual.refuse.outside_plan").get("slack", 5))
_PREFER = [m if m != "level" else LEVEL for m in LEXICON.rule("actual.refuse.one_per_year").get("prefer", ())]
_NEVER_AMOUNTS = frozenset(LEXICON.rule("actual.refuse.unit").get("units", ()))
_LEADING = LEXICON.compiled("actual.name.leading")
_TRAILING = LEXICON.compiled("actual.name.trailing")
_EXAMPLES = LEXICON.compiled("actual.name.instances")
_INHERIT = tuple(sorted(_rule_words("actual.name.inherit"), key=len, reverse=True))
_SYNONYMS = sorted(LEXICON.rule("actual.name.synonyms").map.items(), key=lambda pair: -len(pair[0]))
_SCOPES = sorted(LEXICON.rule("actual.scope.terms").map.items(), key=lambda pair: -len(pair[0]))
_REGION_WORDS: dict[str, str] = dict(LEXICON.rule("actual.name.region").map)
_LEVELS: dict[str, str] = dict(LEXICON.rule("actual.level").map)
_OWN_LEVEL: dict[str, str] = dict(LEXICON.rule("actual.level").get("own", {}))
_MUNICIPALITIES = _rule_words("document.municipality")
_JOINERS = _rule_words("actual.list.items")
_CONTINUATION = re.compile(rf"\s*{alternation(_JOINERS)}\s*")
_RESPECTIVELY = _rule_words("actual.list.respectively")
_CLAUSES = _rule_words("actual.list.clauses")
_COMPLETES = LEXICON.compiled("actual.list.completes")
_SHARED_HEADS = _rule_words("actual.list.shared")
_SHARED_TAIL = LEXICON.compiled("actual.list.shared")
_HAVING = LEXICON.compiled("actual.name.having")
_LIST_SPLIT = re.compile(alternation(w for w in _JOINERS if w not in ("及", "与")))
"""What separates the names of a list (not 及 nor 与, which words hold: 普及率, 参与度)."""
_ENGLISH_TERMS = tuple(sorted(LEXICON.rule("english").map, key=len, reverse=True))
_JOINED: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(whole), tuple(str(part) for part in parts)) for whole, parts in LEXICON.rule("actual.scope.part").map.items())
"""Words joining two kinds in one (上市挂牌), with the kinds they join."""
_WIDER = _rule_words("actual.scope.wider")
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(whole), tuple(str(kind) for kind in kinds)) for whole, kinds in LEXICON.rule("actual.scope.kind").map.items())
"""What an indicator's name counts, with the names of kinds of it (企业研发机构: 企业技术中心)."""
_INDUSTRY: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (str(narrow), tuple(sorted((str(wide) for wide in wides), key=len, reverse=True)))
    for narrow, wides in LEXICON.rule("actual.scope.industry").map.items())
"""A plan's word of one branch (制造业) with the words of the wider whole a share may be printed of (工业)."""
_INDUSTRY_SCOPE = str(LEXICON.rule("actual.scope.industry").get("scope", ""))
_WITHIN = re.compile(rf"(?:^|[,;:])\s*{LEXICON.alternation('actual.refuse.within')}")
_GENERIC_LONGEST = tuple(sorted(LEXICON.rule("actual.refuse.other_indicator").get("generic", ()), key=len,
                                reverse=True))
_NOUN = re.compile(LEXICON.alternation("rise.noun"))

_PROPOSED = re.compile(LEXICON.alternation("actual.measure.proposed"))
_NOTICE = re.compile(alternation(LEXICON.rule("actual.measure.proposed").get("notice", ())))
_AS = LEXICON.compiled("actual.name.as")
_VERBS: list[tuple[str, str]] = (
    [(w, "new") for w in (*_rule_words("actual.measure.new"), *_rule_words("actual.measure.proposed"))]
    + [(w, "level") for w in (*_rule_words("actual.measure.level"), *LEXICON.words("reach"))]
    + [(w, "rise") for w in _rule_words("actual.measure.rise")]
    + [(w, "fall") for w in _rule_words("actual.measure.fall")])
_VERB_KIND = dict(reversed(_VERBS))
_VERB = re.compile(alternation(w for w, _ in _VERBS))
_COPULAS = frozenset(LEXICON.rule("actual.measure.new").get("copulas", ()))
_LOWER = _rule_words("actual.bound.lower")
_UPPER = _rule_words("actual.bound.upper")
_ABOUT = _rule_words("actual.bound.about")
_ESTIMATE = re.compile(LEXICON.alternation("actual.estimate"))
_CLAUSE_END = re.compile(r"[,;:]")
_TAIL_END = re.compile(r"[,;:、。()]|" + alternation(w for w in _rule_words("actual.list.items")
                                                        if w not in ("及", "与")))
"""Where the name printed after a number ends (累计建成127个智能工厂、…)."""
_CUT = re.compile("|".join((LEXICON.alternation("actual.refuse.gap"),
                            LEXICON.alternation("actual.measure.previous_year"),
                            LEXICON.regex("actual.measure.base_year"), LEXICON.regex("actual.refuse.earlier_year"),
                            LEXICON.regex("actual.period.from"),
                            "(?:比|较)(?=" + alternation(_rule_words("actual.refuse.elsewhere")) + ")")))
"""Where a clause's name ends: a comparison begins."""
_SENTENCE_END = re.compile(r"[。!?]")
_CELL_LINE = LEXICON.compiled("actual.table.cells")
_CELL_NUMBER = LEXICON.compiled("actual.table.cells", "number")
_CELL_EMPTY = frozenset(LEXICON.rule("actual.table.cells").get("empty", ()))
_COLUMN = LEXICON.compiled("actual.table.column")
_VALUE_COLUMNS = frozenset(_rule_words("actual.table.column"))
_TOTAL_ROWS = frozenset(_rule_words("actual.table.total"))
_CAPTION = LEXICON.compiled("actual.table.total", "caption")
_CAPTION_BY = LEXICON.compiled("actual.table.total", "by")
_COLUMN_YEAR = re.compile(rf"^{LEXICON.regex('actual.period.year')}$")
_TABLE_REGIONS = tuple(sorted({*_REGION_WORDS, *_ELSEWHERE}, key=len, reverse=True))
"""The words of a caption naming the region of its table's rows (全省, 全市, 全国…)."""
_SCOPE_WORDS = frozenset(word for word, _ in _SCOPES)

REASONS: dict[str, Text] = {
    "actual.refuse.target_section": t("under a heading of targets or plans"),
    "actual.refuse.target": t("a target, forecast or plan (目标, 力争, 计划…), not a published figure"),
    "actual.refuse.future_year": t("a later year than the text reports: a target"),
    "actual.refuse.elsewhere": t("a figure of the country, the province or an average, not the plan's "
                                 "region"),
    "actual.refuse.gap": t("a difference against another figure, not the indicator"),
    "actual.refuse.earlier_year": t("a change since a year that is not the plan's base year"),
    "actual.refuse.multiple": t("a multiple (倍, 翻番): no measure places it"),
    "actual.refuse.points": t("a change in percentage points: no measure places it"),
    "actual.refuse.unit": t("its unit is neither the indicator's nor a scale of it"),
    "actual.refuse.other_indicator": t("another indicator that shares a word with this one"),
    "actual.refuse.other_measure": t("measures something else of it (营业收入, 投资, 占比…)"),
    "actual.refuse.denominator": t("a share of another whole"),
    "actual.refuse.level_subset": t("one level of an indicator counted at every level"),
    "actual.refuse.society": t("a rate of all society (全社会), not of the enterprises or the industry the plan "
                               "measures"),
    "actual.refuse.throughout": t("a level said to hold throughout a span of years (始终, 一直): no one year's "
                                  "figure"),
    "actual.refuse.subset": t("a part of the indicator (高技术, 小巨人, 示范…)"),
    "actual.refuse.running_total": t("a running total; the plan counts additions over its period"),
    "actual.refuse.scale": t("far from the plan's own levels: another scale"),
    "actual.refuse.one_per_year": t("another figure of this indicator and year is drafted (one a "
                                    "year)"),
    "actual.refuse.no_year": t("the text does not say its year, nor when it was published"),
    "actual.refuse.outside_plan": t("a year far outside the plan's period"),
    "actual.refuse.subregion": t("a district or county, not the whole region"),
    "actual.refuse.one_month": t("a figure of one month alone (9月份, 当月), not of the year so far"),
    "actual.refuse.within": t("其中 of a narrower whole (企业 of 产业链企业): not the indicator's own count"),
    "actual.refuse.part": t("one of the two kinds the indicator joins (上市 of 上市挂牌): its additions or changes do "
                            "not measure the whole"),
    "actual.refuse.joined": t("a count of the indicator's kind joined with another kind (及相关…): not its own count"),
}
"""Why a number is refused, by the lexicon rule that refuses it (said on stderr in the review list)."""


@dataclass(frozen=True)
class PlanIndicator:
    """What reading a text needs of one indicator: its id, name, unit, breakdowns (key, Chinese name), the kinds of
    its statements (``period_total``: additions over the period) and the levels it states."""

    id: str
    name_zh: str
    unit: str
    breakdowns: tuple[tuple[str, str], ...] = ()
    kinds: frozenset[str] = frozenset()
    levels: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class PlanContext:
    """The plan a text is read for: its region, level, period, base year and indicators."""

    id: str
    region_zh: str
    admin_level: str
    period: tuple[int, int]
    base_year: int
    indicators: tuple[PlanIndicator, ...]

    @property
    def scale(self) -> str:
        """``province`` for a province's plan, else ``city`` (a municipality such as 重庆 is a city)."""
        return "province" if self.admin_level == "provincial" and self.region_zh not in _MUNICIPALITIES else "city"


@dataclass(frozen=True)
class Publication:
    """What a text says of itself: title, issuer, date, address, its kind, and the year its figures are of."""

    title: str = ""
    issuer: str = ""
    date: str = ""
    url: str = ""
    kind: str = "article"
    report_year: int | None = None
    as_of: str = ""

    @property
    def published(self) -> tuple[int, int] | None:
        """(year, month) of publication, when known."""
        found = _WHOLE_DATE.match(self.date) if self.date else None
        return (int(found.group("year")), int(found.group("month"))) if found else None

    @property
    def source(self) -> str:
        """The ``source`` cell: the address, else the title, issuer and date as found."""
        return self.url or "，".join(part for part in (self.title, self.issuer, self.date) if part)

    @property
    def source_title(self) -> str:
        """The ``source_title`` cell: ``title（issuer，date）``."""
        said = "，".join(part for part in (self.issuer, self.date) if part)
        return f"{self.title}（{said}）" if said and self.title else self.title or said


@dataclass(frozen=True)
class Row:
    """A drafted actuals row, with the sentence it comes from and what its note says."""

    indicator: str
    breakdown: str
    year: int
    value: Decimal
    measure: str
    comparator: str
    as_of: str
    scope: str
    line: int
    quote: str
    notes: tuple[str, ...] = ()
    printed: str = ""
    revision: str = ""
    """The release kind the text says (预计, 初步核算, 最终核实) or its kind of document gives (a communiqué's
    preliminary figures, a monthly release's flash ones): ``estimate``, ``flash``, ``preliminary``, ``final``."""
    published: str = ""
    """The text's date of publication (``YYYY-MM-DD`` or ``YYYY-MM``), when it says."""
    other_scope: bool = False
    """Its scope words are not the plan's (``actual.refuse.one_per_year`` prefers a figure of the plan's scope)."""
    unplaced: str = ""
    """The rule refusing it should it be the figure of its year (a part's additions: ``actual.refuse.part``)."""

    @property
    def note(self) -> str:
        """``draft: 原文“…”；why``: the mark of a row not reviewed, the sentence, and what was read."""
        said = "；".join(dict.fromkeys(self.notes))
        return f"draft: 原文“{self.quote}”" + (f"；{said}" if said else "")

    @property
    def figure(self) -> tuple[Decimal, str, str, str]:
        """What makes two rows of one key the same figure."""
        return self.value, self.measure, self.comparator, self.as_of


@dataclass(frozen=True)
class Refusal:
    """A number that looks close to an indicator but is not written, and the rule that refuses it."""

    line: int
    printed: str
    value: Decimal
    indicator: str
    why: str
    quote: str

    @property
    def reason(self) -> Text:
        """Why, as the review list says it."""
        return REASONS[self.why]


@dataclass
class Reading:
    """What a text gives for a plan: its publication, the rows drafted and the numbers refused."""

    publication: Publication
    rows: list[Row] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------------------------------------------

_QUOTES = str.maketrans("", "", "“”\"'‘’《》「」〈〉")
_PARENTHESIS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Name:
    """A figure's or an indicator's name, read: the whole name without region and level words, its core without
    scope words, its scope and measure words, its level, the whole it is a share of, and its key terms."""

    text: str
    core: str
    scopes: frozenset[str]
    level: str
    whole: str
    measures: frozenset[str]
    terms: tuple[str, ...]
    shown: str


def _of_no_doer(text: str, plan: str) -> bool:
    """An intensity named with no doer (研发投入强度) for one the plan names its doers for (企业研发投入强度)."""
    return any(word in text for word in _INTENSITY) and any(word in plan for word in _SOCIETY_DOERS) \
        and not any(word in text for word in _SOCIETY_DOERS)


def _normal_whole(text: str, regions: Sequence[str]) -> str:
    whole = _synonyms(text)
    for word in (*regions, "地区", "全部"):
        whole = whole.replace(word, "")
    return whole.replace("地区生产总值", "生产总值").strip()


def _synonyms(text: str) -> str:
    for word, meant in _SYNONYMS:
        text = text.replace(word, str(meant))
    return text


_TERM = re.compile("|".join(re.escape(term) for term in _ENGLISH_TERMS) or "(?!)")
"""The key terms of names, the longest first: at each place of a name the longest term there is its term."""


def _terms(core: str) -> tuple[str, ...]:
    return tuple(found.group() for found in _TERM.finditer(core))


def read_name(raw: str, regions: Sequence[str]) -> Name:
    """A name as matching compares it (``regions``: the words of the plan's own region, dropped)."""
    return _read_name(raw, tuple(regions))


@lru_cache(maxsize=8192)
def _read_name(raw: str, regions: tuple[str, ...]) -> Name:
    text = fold(raw).translate(_QUOTES).strip()
    whole = ""
    denominator = _DENOMINATOR.search(_synonyms(text))
    if denominator:
        whole = _normal_whole(next((found for found in denominator.group("whole", "whole2", "whole3") if found), ""),
                              regions)
    text = _PARENTHESIS.sub("", _synonyms(text)).replace("、", "")
    having = _HAVING.match(text)
    if having:
        subject = _LEADING.sub("", having.group("whole"))
        for word in regions:
            subject = subject[len(word):] if subject.startswith(word) else subject
        text = having.expand(r"\g<having>\g<what>的") + subject + having.group("measure")
    scopes: list[str] = []
    level = ""
    while True:
        before = text
        text = _LEADING.sub("", text)
        for word in regions:
            if text.startswith(word):
                text = text[len(word):]
        for word in _LEVELS:
            if text.startswith(word):
                level, text = word, text[len(word):]
        for word, meant in _SCOPES:
            if text.startswith(word):
                scopes.append(str(meant))
                text = text[len(word):]
        if text == before:
            break
    core = text.strip()
    full = "".join(dict.fromkeys(scopes)) + core
    measures = frozenset(w for w in _OTHER_MEASURES if w in core)
    return Name(full, core, frozenset(scopes), level, whole, measures, _terms(core), _shown(raw, regions))


def _shown(raw: str, regions: Sequence[str]) -> str:
    text = fold(raw).translate(_QUOTES).strip()
    text = _PARENTHESIS.sub("", text)
    for word in regions:
        if text.startswith(word):
            text = text[len(word):]
    return text


@lru_cache(maxsize=8192)
def clean_clause(clause: str) -> str:
    """The name in a clause: cut at a comparison (高于…, 比上年…, 比2015年…), then its time, verb, base and bound
    words cut from both ends, and the examples before 等 (``actual.name.instances``)."""
    cut = _CUT.search(clause)
    text = (clause[:cut.start()] if cut else clause).strip()
    while True:
        before = text
        text = _TRAILING.sub("", _EXAMPLES.sub("", _LEADING.sub("", text))).strip()
        if text == before:
            return text


@dataclass(frozen=True)
class _Target:
    indicator: PlanIndicator
    name: Name
    shared: re.Pattern[str] | None


class _Targets:
    """A plan's indicators as names are matched to them: in order, and looked up by core (exact), by the core a
    joined kind or a wider name gives (``actual.scope.part``, ``actual.scope.wider``), and those with a shared
    pattern; a name's match is kept (a text names the same things again and again)."""

    def __init__(self, targets: Sequence[_Target]) -> None:
        self.all = tuple(targets)
        self.exact: dict[str, list[_Target]] = {}
        self.wider: dict[str, _Target] = {}
        for target in self.all:
            core = target.name.core
            self.exact.setdefault(core, []).append(target)
            for word in _WIDER:
                at = core.find(word)
                if 0 < at and at + len(word) < len(core):
                    self.wider.setdefault(core[:at] + core[at + len(word):], target)
            for whole, kinds in _KINDS:
                for kind in kinds if whole in core else ():
                    self.wider.setdefault(core.replace(whole, kind), target)
        self.joined = tuple(tg for tg in self.all if any(whole in tg.name.core for whole, _ in _JOINED))
        self.shared = tuple((tg, tg.shared) for tg in self.all if tg.shared is not None)
        self.near = tuple((tg, tg.name.core, len(tg.name.core) >= 2 and tg.name.core not in _GENERIC,
                           frozenset(tg.name.terms)) for tg in self.all)
        """Each indicator with what a name sharing a key word with it (``near``) is found by: its core, whether the
        core is a key word itself (not generic), its key terms."""
        self.matches: dict[Name, _Match | None] = {}


def _targets(plan: PlanContext, regions: Sequence[str]) -> _Targets:
    found = []
    for indicator in plan.indicators:
        rule = LEXICON.rules.get(f"shared.{indicator.id}")
        shared = LEXICON.compiled(rule.name) if rule is not None and rule.get("pattern") else None
        found.append(_Target(indicator, read_name(indicator.name_zh, regions), shared))
    return _Targets(found)


@dataclass(frozen=True)
class _Match:
    target: _Target
    how: str
    span: tuple[int, int] | None = None
    on: str = ""


def _match(name: Name, targets: _Targets) -> _Match | None:
    """The indicator a name names: the one of the same core, else the one whose name joins a kind it names, else the
    best one whose shared pattern it matches, else the one it names more widely, else one sharing a key word with it
    (``near``: refused); None when it names none."""
    if name in targets.matches:
        return targets.matches[name]
    found = targets.matches[name] = _find_match(name, targets)
    return found


def _find_match(name: Name, targets: _Targets) -> _Match | None:
    if not name.core:
        return None
    exact = targets.exact.get(name.core)
    if exact:
        best = next((tg for tg in exact if tg.name.scopes == name.scopes), exact[0])
        return _Match(best, "exact")
    part = next((tg for tg in targets.joined if _joined_part(name.core, tg.name.core)), None)
    if part is not None:
        return _Match(part, "part")
    shared: list[_Match] = []
    for tg, pattern in targets.shared:
        for on in (name.text, name.core):
            found = pattern.search(on)
            if found and found.end() > found.start():
                shared.append(_Match(tg, "shared", found.span(), on))
                break
    if shared:
        return min(shared, key=lambda m: (_unexplained(name, m), m.span[0] if m.span else 0,
                                          -((m.span[1] - m.span[0]) if m.span else 0)))
    wider = targets.wider.get(name.core)
    if wider is not None:
        return _Match(wider, "wider")
    industry = _industry(name, targets)
    if industry is not None:
        return industry
    core, terms = name.core, frozenset(name.terms) - _GENERIC
    own = len(core) >= 2 and core not in _GENERIC
    near = [tg for tg, plan, key, plan_terms in targets.near
            if key and plan in core or own and core in plan or not terms.isdisjoint(plan_terms)]
    if near:
        return _Match(max(near, key=lambda tg: len(set(tg.name.terms) & set(name.terms))), "near")
    return None


def _industry(name: Name, targets: _Targets) -> _Match | None:
    """A share printed of a wider whole (工业增加值占GDP比重) than the plan's branch (制造业): the indicator whose
    shared pattern the name matches with the branch in place of the whole (``actual.scope.industry``)."""
    if not name.whole:
        return None
    for narrow, wides in _INDUSTRY:
        wide = next((word for word in wides if name.text.startswith(word)), None)
        if wide is None:
            continue
        text = narrow + name.text[len(wide):]
        for tg, pattern in targets.shared:
            found = pattern.search(text)
            if found and found.end() > found.start():
                return _Match(tg, "industry")
    return None


def _joined_part(core: str, plan: str) -> bool:
    """Whether a name is the indicator's with one of the kinds its name joins in place of the joining word (挂牌企业
    for 上市挂牌企业: ``actual.scope.part``)."""
    return any(whole in plan and whole not in core and any(
        kind in core and core.replace(kind, whole, 1) == plan for kind in kinds) for whole, kinds in _JOINED)


def _part(name: Name, plan: Name) -> bool:
    """Whether a name counts one of the kinds the indicator's name joins (上市 of 上市挂牌)."""
    return any(whole in plan.text and whole not in name.text and any(kind in name.text for kind in kinds)
               for whole, kinds in _JOINED)


def _unexplained(name: Name, match: _Match) -> int:
    """How many words of a part or of another measure a shared pattern leaves outside its span (高技术 before the
    制造业增加值占… that the pattern of the manufacturing share matches): the fewer, the better the match."""
    outside = _outside(name, match)
    return sum(1 for word in (*_SUBSET, *_OTHER_MEASURES) if word in outside and word not in match.target.name.text)


# --------------------------------------------------------------------------------------------------------------
# the text: publication, lines, sentences, numbers
# --------------------------------------------------------------------------------------------------------------


def read_publication(text: str) -> Publication:
    """The title, issuer, date, address, kind and report year of a text: its ``# source: title, issuer, date, URL``
    line (parts separated by ASCII commas), else its first lines (a title, a date line, 来源：…)."""
    lines = [line.strip() for line in text.splitlines()]
    title = issuer = date = url = ""
    for line in lines[:5]:
        folded = fold(line)
        if not _COMMENT.match(folded) or "source" not in folded.lower():
            continue
        colon = folded.find(":")
        body = line[colon + 1:] if colon >= 0 else line
        found = _URL.search(body)
        url = found.group().rstrip(".,") if found else ""
        rest = body.replace(found.group(), "") if found else body
        parts = [part.strip() for part in _outside_brackets(rest) if part.strip()]
        # a date part may carry a remark in brackets: 2022-10-20 (…)
        dates = [part for part in parts if _WHOLE_DATE.fullmatch(_PARENTHESIS.sub("", fold(part)).strip())]
        date = dates[0] if dates else ""
        names = [part for part in parts if part not in dates]
        title = names[0] if names else ""
        issuer = names[1] if len(names) > 1 else ""
        break
    content = list(islice((line for line in lines if line and not _COMMENT.match(fold(line))), 12))
    if not title and content:
        title = next((line for line in content[:3] if not _BOILERPLATE.match(fold(line))), content[0])[:80]
    for line in content[:12]:
        folded = fold(line)
        if not date:
            found_date = _DATE.search(folded)
            if found_date and (found_date.group("day") or _BOILERPLATE.match(folded)):
                date = found_date.group().strip()
        if not issuer:
            source = re.match(r"^\s*(?:来源|信息来源|发布机构)\s*:\s*(\S+)", folded)
            issuer = line[source.start(1):source.end(1)] if source else ""
    return _kind(Publication(title, issuer, _date_text(fold(date)), url),
                 " ".join(fold(_unglossed(c)[0]) for c in content[:2]))


def _outside_brackets(text: str) -> list[str]:
    """``text`` split at the ASCII commas that stand outside brackets (a title may say ``(…, copied)``)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += char in "(（[【" and 1 or char in ")）]】" and -1 or 0
        if char == "," and depth <= 0:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _date_text(date: str) -> str:
    found = (_DATE.match(date) or _WHOLE_DATE.match(date)) if date else None
    if not found:
        return date
    day = f"-{int(found.group('day')):02d}" if found.group("day") else ""
    return f"{int(found.group('year')):04d}-{int(found.group('month')):02d}{day}"


def _kind(publication: Publication, head: str) -> Publication:
    title = fold(_unglossed(publication.title)[0])
    published = publication.published
    found = _COMMUNIQUE.search(title) or _COMMUNIQUE.search(head)
    if found:
        return _with(publication, "communique", int(found.group(1)))
    found = _PLAN_REPORT.search(title) or _PLAN_REPORT.search(head)
    if found:
        return _with(publication, "plan_report", int(found.group(1)))
    if any(word in title or word in head for word in _WORK_REPORT):
        year = published[0] if published else next((int(m.group(1)) for m in _YEAR.finditer(title)), None)
        return _with(publication, "work_report", year - 1 if year else None)
    if published and published[1] <= _EARLY and any(word in title or word in head for word in _MEETINGS):
        return _with(publication, "work_report", published[0] - 1)  # a January conference reviews the year before
    found = _MONTHLY.search(title)
    if found:
        year, last = int(found.group(1)), int(found.group(3))
        return _with(publication, "monthly", year, "" if last == 12 else f"{year:04d}-{last:02d}")
    found = _MONTHLY_QUARTERS.search(title)
    if found:
        year, last = int(found.group(1)), _QUARTERS[found.group(2)]
        return _with(publication, "monthly", year, "" if last == 12 else f"{year:04d}-{last:02d}")
    return _with(publication, "article", published[0] if published else None)


def _with(publication: Publication, kind: str, year: int | None, as_of: str = "") -> Publication:
    return Publication(publication.title, publication.issuer, publication.date, publication.url, kind, year, as_of)


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    value: Decimal
    unit: str
    printed: str
    scaled: bool
    more: bool
    after: str
    chinese: bool


def _dates(folded: str) -> list[tuple[int, int]]:
    """Where the months (1—9月) and the dates of a day are in a folded text: no number of them is a figure. Neither
    spans the end of a sentence, so those of a line are those of its sentences."""
    return [m.span() for m in _MONTHS.finditer(folded)] + [m.span() for m in _DATE.finditer(folded) if m.group("day")]


def numbers_in(folded: str, dates: list[tuple[int, int]] | None = None) -> Iterator[_Number]:
    """The numbers of a folded sentence with their units (no years, months, ordinals, labels or model names);
    ``dates``: its :func:`_dates`, when they are known."""
    skipped: list[tuple[int, int]] = [m.span() for m in _LABEL.finditer(folded) if not _LABEL_KEEP.match(m.group())]
    skipped += _dates(folded) if dates is None else dates
    for found in _NUMBER.finditer(folded):
        start, num, unit, magnitude = found.start(), *found.group("num", "unit", "mag")
        unit, magnitude = (unit or "").strip(), magnitude or ""
        chinese = not num[0].isdigit()
        if chinese and (unit not in _CHINESE_COUNTS or magnitude):
            continue
        if not unit and _NOT_AFTER_NUMBER.match(folded, found.end("num")):
            continue
        if skipped and any(a <= start < b for a, b in skipped):
            continue
        before = folded[max(0, start - 1):start]
        if before and (before in _ORDINAL or before.isascii() and before.isalpha()):
            continue
        value = Decimal(parse_chinese(num) or 0) if chinese else parse_arabic(num)
        if chinese and value == 0:
            continue
        scaled = False
        if magnitude and unit and unit not in COUNT_UNITS and unit != "%" and unit not in POINTS:
            unit = magnitude + unit
        elif magnitude:
            value, scaled = integral(value * _MAGNITUDE[magnitude]), True
        end = found.end("unit") if found.group("unit") else found.end("more") if found.group("more") else \
            found.end("mag") if magnitude else found.end("num")
        qualifier = _QUALIFIER.match(folded, found.end())
        if qualifier and qualifier.group().endswith("的"):
            continue
        yield _Number(start, end, value, unit, folded[start:end], scaled, bool(found.group("more")),
                      (found.group("after") or "").strip(), chinese)


@dataclass
class _Line:
    number: int
    text: str
    folded: str
    heading: bool
    title: bool
    shown: str = ""
    """How a line made of a table's row is quoted (its caption, header and cells), else empty."""
    label: str = ""
    """A table row's label (folded)."""
    part: bool = False
    """The row is one part of a table by a breakdown (分行业, 分地区): not its total, nor named by a scope word."""
    region: str = ""
    """The region (全省, 全国…) the caption of the row's table names."""
    raw: str = ""
    positions: list[int] | None = None
    """A line printed with glosses (``actual.document.gloss``): the line as printed, and where each character of the
    line read (``text``, without them) is in it, and its end."""


def _unglossed(text: str) -> tuple[str, list[int] | None]:
    """``text`` without the pinyin glossing its characters, and where each character kept stands in ``text`` (None
    when it has none)."""
    if "(" not in text and "（" not in text or not _GLOSS.search(text):
        return text, None
    kept: list[str] = []
    positions: list[int] = []
    at = 0
    for found in _GLOSS.finditer(text):
        kept.append(text[at:found.start()])
        positions.extend(range(at, found.start()))
        at = found.end()
    kept.append(text[at:])
    positions.extend(range(at, len(text) + 1))
    return "".join(kept), positions


def _lines(text: str) -> Iterator[_Line]:
    """The lines of a text that may state figures (no comment or boilerplate; a table's rows as sentences,
    ``actual.table.cells``), each said to be a heading or a title line (``actual.document.title``) or not."""
    titles = _TITLE_LINES
    raw = text.split("\n")
    index = scanned = 0
    while index < len(raw):
        line = raw[index]
        if "\t" in line or _CELL_LINE.match(line) and index >= scanned:
            end, rows, scanned = _table(raw, index)
            if end > index:
                yield from rows
                index = end
                continue
        index += 1
        text, positions = _unglossed(line)
        folded = fold(text)
        stripped = folded.strip()
        if not stripped or _COMMENT.match(stripped) or "\t" in line:
            continue
        if _BOILERPLATE.match(stripped):
            continue
        heading = bool(_CHAPTER.match(stripped) or _SECTION.match(stripped)) or (
            len(stripped) <= 40 and not _SENTENCE_END.search(stripped) and not re.search(r"\d", stripped))
        yield _Line(index, text, folded, heading, titles > 0, raw=line, positions=positions)
        titles -= 1


def _table(raw: Sequence[str], index: int) -> tuple[int, list[_Line], int]:
    """The table at line ``index`` (a line of tab-separated cells, or a line of | after the first cell of a table
    printed one cell a line): the index of the line after it, its rows as sentences, and the index of the line after
    the cells looked at; ``(index, [], …)`` when no table of a header and rows of numbers is there (its lines are
    then read as text, and no line of those cells is looked at as a table again)."""
    if "\t" in raw[index]:
        end = index
        while end < len(raw) and "\t" in raw[end]:
            end += 1
        lines = [(at, [cell.strip() for cell in raw[at].split("\t")]) for at in range(index, end)]
        header = lines[0][1]
        body = [(at, cells) for at, cells in lines[1:] if len(cells) == len(header) and _is_row(cells)]
        return end, _table_rows(_caption(raw, index), header, body), end
    if index == 0:
        return index, [], index + 1
    cells = _cells(raw, index - 1)
    found: list[tuple[int, str]] = []
    for cell in cells:
        found.append(cell)
        if _CELL_NUMBER.match(fold(cell[1]).replace(",", "")):
            break
    width = len(found) - 2
    if width < 2:
        return index, [], found[-1][0] + 2
    header, label = [cell for _, cell in found[:width]], found[width][0]
    rows: list[tuple[int, list[str]]] = []
    chunk = [cell for _, cell in found[width:]]
    last = found[-1][0]
    while True:
        while len(chunk) < width and (following := next(cells, None)) is not None:
            chunk.append(following[1])
            last = following[0]
        if len(chunk) < width or not _is_row(chunk):
            break
        rows.append((label, chunk))
        following = next(cells, None)
        if following is None:
            break
        label, chunk, last = following[0], [following[1]], following[0]
    if not rows:
        return index, [], last + 2
    end = rows[-1][0] + 2 * width - 1
    end += 1 if end < len(raw) and _CELL_LINE.match(raw[end]) else 0
    return end, _table_rows(_caption(raw, index - 1), header, rows), end


def _cells(raw: Sequence[str], at: int) -> Iterator[tuple[int, str]]:
    """The cells of a table printed one cell a line from line ``at``: each cell line while a line of | follows it."""
    while at < len(raw) and not _CELL_LINE.match(raw[at]):
        yield at, raw[at].strip()
        if at + 1 < len(raw) and _CELL_LINE.match(raw[at + 1]):
            at += 2
        else:
            return


def _is_row(cells: Sequence[str]) -> bool:
    """Whether cells are a row of a table of figures: a label, then numbers (or empty cells), one at least."""
    label, values = fold(cells[0]), [fold(cell).replace(",", "") for cell in cells[1:]]
    return bool(label) and not _CELL_NUMBER.match(label) and all(
        _CELL_NUMBER.match(value) or value in _CELL_EMPTY for value in values) and any(
        _CELL_NUMBER.match(value) for value in values)


def _caption(raw: Sequence[str], index: int) -> str:
    """The line before a table (its caption), when it is a title: no cell line, no sentence."""
    before = next((line.strip() for line in reversed(raw[max(0, index - 3):index]) if line.strip()), "")
    if _CELL_LINE.match(before) or "\t" in before or len(before) > QUOTE_CHARS // 2 or _SENTENCE_END.search(
            fold(before)):
        return ""
    return before


def _column(cell: str) -> tuple[str, str]:
    """A header cell's name and unit (``actual.table.column``)."""
    found = _COLUMN.match(fold(cell))
    return (cell[:found.end("name")].strip(), found.group("unit").strip()) if found else (cell.strip(), "")


def _table_rows(caption: str, header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]]) -> list[_Line]:
    """Each row of a table as a sentence: per column, its label and the column's name (a column of a year before
    them; a column of the row's own figure, ``actual.table.column``, without a name; one completing the name before
    it, ``actual.name.inherit``, alone), the value and the unit; quoted as the caption, header and row."""
    columns = [_column(cell) for cell in header[1:]]
    subject = _subject(caption, columns[0][0] if columns else "")
    by = bool(_CAPTION_BY.search(fold(caption)))
    region = next((word for word in _TABLE_REGIONS if fold(subject).startswith(word)), "")
    found = []
    for number, cells in rows:
        label, label_unit = _column(cells[0])
        total = fold(label) in _TOTAL_ROWS
        part = by and not total and fold(label) not in _SCOPE_WORDS
        row_label = fold(label)
        if total and subject:
            label = subject
        clauses: list[str] = []
        for (name, unit), value in zip(columns, cells[1:], strict=False):
            value = value.replace(",", "")
            if not _CELL_NUMBER.match(fold(value)):
                continue
            unit = unit or label_unit
            if _COLUMN_YEAR.match(fold(name)):
                clauses.append(f"{name}{label}{value}{unit}")
            elif fold(name) in _VALUE_COLUMNS or not name:
                clauses.append(f"{label}{value}{unit}")
            elif clauses and fold(name).startswith(_INHERIT):
                clauses.append(f"{name}{value}{unit}")
            else:
                clauses.append(f"{label}{name}{value}{unit}")
        sentence = "，".join(clauses) + "。"
        shown = "；".join(part for part in (caption, " | ".join(header), " | ".join(cells)) if part)
        found.append(_Line(number + 1, sentence, fold(sentence), False, False, shown, row_label, part, region))
    return found


def _subject(caption: str, first_column: str) -> str:
    """What a table's caption says its figures are of (``actual.table.total``): 2016年全省分行业规模以上工业企业R&D
    经费情况, whose first column is R&D经费 → 全省规模以上工业企业."""
    folded = fold(caption)
    found = _CAPTION.match(folded)
    if not found:
        return ""
    start, end = found.span("subject")
    subject, folded = caption[start:end], folded[start:end]
    for by in reversed(list(_CAPTION_BY.finditer(folded))):
        subject, folded = subject[:by.start()] + subject[by.end():], folded[:by.start()] + folded[by.end():]
    column = fold(first_column)
    if column and folded.endswith(column) and len(folded) > len(column):
        subject = subject[:-len(column)]
    return subject.strip()


# --------------------------------------------------------------------------------------------------------------
# reading a text
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Context:
    plan: PlanContext
    publication: Publication
    regions: tuple[str, ...]
    elsewhere: tuple[str, ...]
    own_level: str
    targets: _Targets
    target_section: bool = False
    notice: bool = False
    """The text tells of a public notice of results (``actual.measure.proposed``)."""
    year: int | None = None
    year_named: bool = False
    """The year carried was said only of a noun (公示了2023年重庆市…名单), not as the time of a clause (2023年，…)."""
    published: tuple[int, int] | None = field(init=False)
    """(year, month) of publication, when known (:attr:`Publication.published`, read once)."""
    latest: int | None = field(init=False)
    """The latest year a figure of the text may be of."""
    published_year: int | None = field(init=False)
    """The year the text was published in, or the year after its report year (a report is published after it)."""
    names: dict[str, tuple[Name, _Match | None]] = field(init=False, default_factory=dict)
    """Each name of a figure as read and matched (a text names the same things again and again)."""
    list_open: bool = False
    """The sentence before published a list and counted none of it (公布2024年度…名单。其中，绿色工厂70家): a
    sentence opening with 其中 counts what it lists (``actual.measure.listed``)."""
    period: tuple[int | None, int, tuple[str, ...]] | None = None
    points: tuple[int | None, bool] | None = None
    """The year (and whether it was said only of a noun) in force where an enumeration's first point (一是) opened:
    each later point opens with it (``actual.period.points``)."""
    """The part of a year an earlier sentence, heading or title says the figures after it cover (前三季度): the year it
    names (None: the year of each figure), its last month and its note (``actual.period.quarters``)."""

    def __post_init__(self) -> None:
        publication = self.publication
        published = self.published = publication.published
        report = publication.report_year
        if publication.kind != "article" and report is not None:
            self.latest = report
        else:
            self.latest = published[0] if published else report
        if published:
            self.published_year = published[0]
        else:
            self.published_year = None if report is None else report + 1 if publication.kind != "article" else report


@dataclass
class _Item:
    """One number of a sentence, with what its clause says."""

    number: _Number
    piece: str
    clause: str
    continuation: bool
    tail: str = ""
    name: str = ""
    after_name: bool = False
    inherited: bool = False
    verb: str = ""
    level: str = ""
    refusal: str = ""
    within: str = ""
    """The name of the figure a 其中 clause names a part of (``actual.refuse.within``)."""
    listed: bool = False
    """The count of a list published (``actual.measure.listed``)."""


def read_text(text: str, plan: PlanContext) -> Reading:
    """The rows a statistics text gives for ``plan``'s indicators, and the close numbers it refuses."""
    publication = read_publication(text)
    scale = plan.scale
    own_words = tuple(word for word, where in _REGION_WORDS.items() if where == scale)
    region = plan.region_zh
    regions = tuple(sorted({*own_words, region + ("省" if scale == "province" else "市"), region}, key=len,
                           reverse=True))
    elsewhere = tuple(word for word in _ELSEWHERE if word not in own_words)
    context = _Context(plan, publication, regions, elsewhere, _OWN_LEVEL.get(scale, ""), _targets(plan, regions))
    context.notice = bool(_NOTICE.search(fold(text)))
    reading = Reading(publication)
    candidates: list[Row] = []
    titles: set[int] = set()
    for line in _lines(text):
        if line.title:
            titles.add(line.number)
        if line.heading and not line.title:
            _heading(line.folded.strip(), context)
        year = context.year
        start = 0
        dates = _dates(line.folded)
        for end in [m.end() for m in _SENTENCE_END.finditer(line.folded)] + [len(line.folded)]:
            if end > start and line.folded[start:end].strip():
                mine = [(a - start, b - start) for a, b in dates if start <= a < end]
                _sentence(line, start, end, context, candidates, reading.refused, mine)
            start = end
        if line.shown:
            context.year = year  # the years of a table's columns say nothing of the text after it
    body = {(row.indicator, row.breakdown, row.value) for row in candidates if row.line not in titles}
    candidates = [row for row in candidates if row.line not in titles
                  or (row.indicator, row.breakdown, row.value) not in body]
    reading.rows = choose(candidates, reading.refused)
    return reading


def _heading(heading: str, context: _Context) -> None:
    years = [int(m.group("year")) for m in _YEAR.finditer(heading)]
    latest = context.latest
    future = any(latest is not None and year > latest for year in years)
    targets = future or any(word in heading for word in _TARGET_SECTION) and not _TARGETS_MET.search(heading)
    if _CHAPTER.match(heading):
        context.target_section = targets
    elif targets:
        context.target_section = True
    if years and not future:
        context.year = years[-1]


def _sentence(line: _Line, start: int, end: int, context: _Context, candidates: list[Row],
              refused: list[Refusal], dates: list[tuple[int, int]] | None = None) -> None:
    folded = line.folded[start:end]
    original = line.text[start:end]
    _point(folded, context)
    numbers = list(numbers_in(folded, dates))
    items = _items(folded, numbers)
    _names(items, folded, context.regions)
    _listed(items, folded, context.list_open and bool(_LIST_CONTINUED.match(folded)))
    if line.label and line.label not in context.regions:
        rule = "actual.refuse.subset" if line.part else "actual.refuse.elsewhere" if line.region in \
            context.elsewhere else ""
        for item in items:
            item.refusal = item.refusal or rule
    positions = line.positions
    for item in items:
        shown = line.shown
        if positions is not None:  # quoted as printed, glosses and all
            begin = positions[start]
            at = (positions[start + item.number.start] - begin, positions[start + item.number.end] - begin)
            shown = _quote(line.raw[begin:positions[end]], item.number, at)
        found = _figure(item, folded, original, line.number, context, shown)
        if isinstance(found, Row):
            candidates.append(found)
        elif isinstance(found, Refusal):
            refused.append(found)
    _carry_year(folded, context, bool(numbers))
    context.list_open = not any(item.number.unit in COUNT_UNITS for item in items) and bool(
        _LIST_TITLE.search(folded) or _LIST_PASSIVE.search(folded))


def _point(folded: str, context: _Context) -> None:
    """A sentence opening a point of an enumeration (一是…, 二是…): the first keeps the year in force, each later one
    opens with that year again (``actual.period.points``)."""
    found = _POINT.search(folded)
    if found is None:
        return
    if found.group("point") in _FIRST_POINT:
        before = _adverbial_years(folded[:found.start()])  # 2023年，…：一是…
        context.points = (before[-1][1], not _OPENS.search(folded[:before[-1][0]])) if before else (
            context.year, context.year_named)
    elif context.points is not None:
        context.year, context.year_named = context.points


def _items(folded: str, numbers: Sequence[_Number]) -> list[_Item]:
    items: list[_Item] = []
    for index, number in enumerate(numbers):
        following = numbers[index + 1].start if index + 1 < len(numbers) else len(folded)
        tail = folded[number.end:following]
        stop = _TAIL_END.search(tail)
        tail = tail[:stop.start()] if stop else tail
        segment = max(folded.rfind(";", 0, number.start), folded.rfind("。", 0, number.start)) + 1
        previous_end = numbers[index - 1].end if index else 0
        begin = max(segment, previous_end)
        piece = folded[begin:number.start]
        after = folded[previous_end:number.start] if index else ""
        continuation = bool(index and previous_end >= segment and _CONTINUATION.fullmatch(after))
        clause_start = max(piece.rfind(","), piece.rfind(";"), piece.rfind(":")) + 1  # after its last _CLAUSE_END
        items.append(_Item(number, piece, piece[clause_start:], continuation, tail.strip()))
    return items


def _names(items: list[_Item], folded: str, regions: tuple[str, ...] = ()) -> None:
    """Each number's name, verb and level: its clause's, else (a continuation of a list, or a clause without a name)
    the number's before it. A list of names (with 分别, or as many names as the numbers listed after them) pairs with
    those numbers in order; a clause listing numbers without names (，分别增长10.3%、8.6%) pairs them with the last
    list of as many names in the sentence (a list of names and numbers: 智能工厂17个、数字化车间224个)."""
    index = 0
    listed: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []
    while index < len(items):
        item = items[index]
        group = [item]
        while index + len(group) < len(items) and items[index + len(group)].continuation:
            group.append(items[index + len(group)])
        last_unit = group[-1].number.unit
        for member in group[:-1] if last_unit in _POINTS else ():
            if not member.number.unit:  # 分别提高1.2和2.1个百分点: the unit printed last is the list's
                member.number.unit = last_unit
        clause = item.clause
        respectively = next((word for word in _RESPECTIVELY if word in clause), None)
        names: list[tuple[str, str]] = []
        completion = ""
        if respectively:
            names = _list_names(clean_clause(clause[:clause.index(respectively)]))
            own = clean_clause(clause.replace(respectively, "", 1))
            completion = own if _COMPLETES.match(own) else ""
        elif len(group) > 1:
            names = _list_names(clean_clause(clause))
        bases: list[tuple[str, str]] | None = None
        if len(group) > 1 and len(names) != len(group) and len(listed) == len(group) and (
                respectively or not clean_clause(clause)):
            bases, names = listed, [(_completed(name, completion), level) for name, level in listed]
        for position, member in enumerate(group):
            previous = items[index - 1] if index else None
            if member is item:
                _own_name(member, previous, regions)
                if previous is not None and _WITHIN.search(member.piece):
                    member.within = previous.within or previous.name
                if previous is not None and previous.after_name and member.piece.startswith(previous.tail):
                    rest = member.piece[len(previous.tail):]
                    lead = _CONTINUATION.match(rest)
                    verb = rest[lead.end():] if lead else ""  # 建设100个数字化车间、新增1万户企业上云
                    if lead and (not verb or _NAME_AFTER.search(verb) and not clean_clause(verb)) and member.tail:
                        member.name, member.after_name, member.inherited = clean_clause(member.tail), True, False
                        member.verb, member.level = member.verb or previous.verb, member.level or previous.level
            else:
                _continue(member, group[position - 1])
            if len(names) == len(group):
                member.name, member.level = names[position]
                member.inherited = False
        named = bases or [(member.name, member.level) for member in group]
        joined = index and _CONTINUATION.match(item.piece) and not _CLAUSE_END.search(item.piece)
        run = run + named if joined else named
        if len(run) > 1:
            listed = list(run)
        index += len(group)
    _names_after(items)


def _listed(items: list[_Item], folded: str, continued: bool = False) -> None:
    """The counts of a list published (…企业名单予以公布; 公布了《…名单》，共1366家企业入选): the year's recognitions;
    a count said only of 企业 is named by the list (``actual.measure.listed``). ``continued``: the sentence goes on
    counting the list the sentence before published (其中，绿色工厂70家、绿色工业园区5个)."""
    for item in items:
        if item.number.unit not in COUNT_UNITS:
            continue
        if continued:
            item.listed, item.verb = True, "new"
            continue
        titles = sorted([*_LIST_TITLE.finditer(folded, 0, item.number.start),
                         *_LIST_PASSIVE.finditer(folded, 0, item.number.start)], key=lambda m: m.start())
        if any(word in item.tail for word in _LIST_WORDS) and _LIST_PUBLISHED.search(item.tail):
            item.listed = True
        elif titles and _LIST_ENTERED.search(item.name + item.tail):
            own = clean_clause(item.name)
            if not own or own in _GENERIC:
                item.name, item.inherited = clean_clause(titles[-1].group("list")), False
            item.listed = True
        if item.listed:
            item.verb = "new"


def _names_after(items: list[_Item]) -> None:
    """A list of counts each printed before its name (1491家绿色工厂、104家绿色工业园区和205家…): when all that stands
    between two counts is the first's name and a joiner (``actual.list.items``), each is named by what follows it, the
    later ones continuing the verb and level of the first (``actual.name.after``)."""
    for first, second in zip(items, items[1:], strict=False):
        if not (first.tail and second.tail and first.number.unit in COUNT_UNITS and second.number.unit in COUNT_UNITS
                and first.tail not in _LEVELS):
            continue
        rest = second.piece.lstrip()
        if not rest.startswith(first.tail) or not _CONTINUATION.fullmatch(rest[len(first.tail):]):
            continue
        for item in (first, second):
            if not item.after_name:
                told = min([item.tail.find(word) for word in (*_RESPECTIVELY, "被") if word in item.tail],
                           default=len(item.tail))  # 10家企业分别被评为…: the name ends before what it is said to be
                item.name, item.after_name, item.inherited = clean_clause(item.tail[:told]), True, False
                item.level = next((word for word in _LEVELS if item.tail.startswith(word)), "") or item.level
        second.verb = second.verb or first.verb
        second.clause, second.refusal = first.clause, second.refusal or first.refusal  # the subject of all


def _completed(name: str, completion: str) -> str:
    """A listed name with the completion its 分别 clause says (``actual.list.completes``), a word both say once
    (高技术制造业增加值 and 增加值占…比重)."""
    if not completion:
        return name
    overlap = next((n for n in range(min(len(name), len(completion)), 1, -1) if name.endswith(completion[:n])), 0)
    return name + completion[overlap:]


def _list_names(listed: str) -> list[tuple[str, str]]:
    """The names of a list (高新技术企业、科技型企业) with their levels: a name that is a level alone takes the rest
    of the last name (国家级、省级绿色工厂: 国家级绿色工厂); a level names only the name it begins (国家级小巨人企业、
    高新技术企业: the second is of every level); what the first name opens with and the last ends with may be said of
    each (``actual.list.shared``)."""
    parts = [part.strip() for part in _LIST_SPLIT.split(listed) if part.strip()]
    if len(parts) < 2:
        return []
    parts = _shared_ends(parts)
    last = parts[-1]
    last_level = next((word for word in _LEVELS if last.startswith(word)), "")
    found: list[tuple[str, str]] = []
    for part in parts:
        if part in _LEVELS and last_level and len(last) > len(last_level):
            part += last[len(last_level):]
        found.append((part, next((word for word in _LEVELS if fold(part).startswith(word)), "")))
    return found


def _shared_ends(parts: list[str]) -> list[str]:
    """The names of a list with the head of the first (规上工业企业有) and the tail of the last (的占比) said of the
    others when they lack them (``actual.list.shared``)."""
    tail = _SHARED_TAIL.search(parts[-1])
    if tail and not any("的" in part or any(word in part for word in _OTHER_MEASURES) for part in parts[:-1]):
        parts = [part + tail.group() for part in parts[:-1]] + [parts[-1]]
    head = next((parts[0][:at + len(word)] for word in _SHARED_HEADS
                 if 0 < (at := parts[0].find(word)) < len(parts[0]) - len(word)), "")
    if head and not any(word in part for part in parts[1:] for word in _SHARED_HEADS):
        parts = [parts[0]] + [head + part for part in parts[1:]]
    return parts


def _own_name(item: _Item, previous: _Item | None, regions: tuple[str, ...] = ()) -> None:
    """The name, verb and level of a number's own clause; a clause without a name continues the name before it, and
    an item of a list (after 、) the verb and level before it when it says none. A count printed before its name
    (``actual.name.after``) is named by what follows it when its clause names nothing but the region or a quoted
    label (重庆已累计推动7.1万户企业“上云”, “一链一策”建设33条重点产业链), or the name printed after the number before
    it (建设100个数字化车间、新增1万户企业上云)."""
    clause = item.clause
    item.verb = _verb(_FIRMS.sub(lambda m: "_" * len(m.group()), clause))
    item.level = next((word for word in _LEVELS if word in clause), "")
    name = clean_clause(clause)
    after = _NAME_AFTER.search(clause)
    head = clean_clause(clause[:after.start()]) if after else name
    told = previous is not None and bool(previous.tail) and head == clean_clause(previous.tail)
    named_as = _AS.match(item.tail) if item.tail else None
    if item.tail and item.number.unit in COUNT_UNITS and _INSTANCES_BEFORE.search(clause):
        tail = item.tail[named_as.end():] if named_as else item.tail  # 某公司等32个项目为2023年智能工厂
        item.name, item.after_name = clean_clause(tail), True  # 重庆水泵厂等10家“隐形冠军”企业
        item.level = item.level or next((word for word in _LEVELS if item.tail.startswith(word)), "")
        if _SUBREGION_EXAMPLES.search(_LEADING.sub("", clause)):
            item.refusal = "actual.refuse.subregion"  # 两江水土新城万标检测等40家: one place's
        return
    if named_as and (after or not name) and item.number.unit in COUNT_UNITS:  # 17个项目为2023年重庆市智能工厂
        item.name, item.after_name = clean_clause(item.tail[named_as.end():]), True
        item.verb = item.verb or (previous.verb if previous is not None else "")
        return
    if after and (not head or head in regions or _LABEL.fullmatch(head) or told) and item.tail and \
            item.number.unit in COUNT_UNITS:
        item.name, item.after_name = clean_clause(item.tail), True
        item.level = item.level or next((word for word in _LEVELS if item.tail.startswith(word)), "")
        return
    if previous is None:
        item.name = name
        return
    if name and name == clause.strip() and not item.verb and not item.level and previous.verb and previous.level \
            and item.number.unit in COUNT_UNITS and previous.number.unit in COUNT_UNITS and \
            item.piece.lstrip().startswith(_CLAUSES) and not _CLAUSE_END.search(item.piece.lstrip()[1:]):
        item.verb, item.level = previous.verb, previous.level  # 累计建成国家级绿色工厂133家，绿色园区12个
    if not name or name.startswith(_INHERIT):
        item.name = previous.name + name if name else previous.name
        item.inherited = True
        item.level = item.level or previous.level
    else:
        item.name = name
    if _CONTINUATION.match(item.piece) and not _CLAUSE_END.search(item.piece):
        item.verb = item.verb or previous.verb
        item.level = item.level or previous.level


def _continue(item: _Item, previous: _Item) -> None:
    item.name = previous.name
    item.inherited = previous.inherited
    item.verb = previous.verb
    item.level = previous.level
    item.clause = previous.clause
    item.refusal = previous.refusal
    item.within = previous.within


@lru_cache(maxsize=8192)
def _verb(clause: str) -> str:
    """The kind of a clause's last verb; a verb of being (为, 达到: ``actual.measure.new`` ``copulas``) after a verb of
    adding says what was added (新增国家级、省级绿色工厂分别为12家、30家: additions)."""
    masked = _NOUN.sub(lambda m: "_" * len(m.group()), clause)
    verbs = [(m.group(), _VERB_KIND[m.group()]) for m in _VERB.finditer(masked)]
    if not verbs:
        return ""
    if verbs[-1][0] in _COPULAS:
        before = [kind for word, kind in verbs[:-1] if word not in _COPULAS]
        if before and before[-1] == "new":
            return "new"
    return verbs[-1][1]


def _carry_year(folded: str, context: _Context, figures: bool = False) -> None:
    """The year a sentence says its figures are of (its last year that is no base, target, start or end of a span)
    is the year of the sentences after it that say none; the part of a year it says, only when it says no figure
    (前三季度，全市经济运行稳中有进。): one of its own figures' (1—10月，软件收入增长13%。) ends there."""
    latest = context.latest
    starts = [found.span() for found in _FROM.finditer(folded)]
    years = [(at, year) for at, year in _adverbial_years(folded) if not any(a <= at < b for a, b in starts)]
    period = _period(folded)
    if period is not None and figures:
        context.period = None
    elif period is not None:
        context.period = (period[3] or (years[-1][1] if years else None), period[1], tuple(period[2]))
    elif years or _WHOLE_YEAR.search(folded) or _LAST_YEAR.search(folded):
        context.period = None
    if years:
        at, year = years[-1]
        if latest is None or year <= latest:
            context.year = year
            context.year_named = not _OPENS.search(folded[:at])
        return
    published = context.published_year
    for found in _LAST_YEAR.finditer(folded):
        if published is not None and not folded[:found.start()].rstrip().endswith(_BASE_WORDS) and \
                not folded[found.end():].lstrip().startswith(_SINCE):
            context.year = published - 1
    past = _past_years(folded, context)
    if past is not None:
        context.year = past


def _past_years(text: str, context: _Context) -> int | None:
    """The last year of the years a text published early in a year reviews (过去5年), when ``text`` names them."""
    published = context.published
    if published is None or not _PAST_YEARS.search(text) or published[1] > _PAST_MONTHS:
        return None
    return published[0] - 1


def _adverbial_years(text: str) -> list[tuple[int, int]]:
    """``(position, year)`` of every year of ``text`` that says when its figures are: not a base year (比2015年), a
    target year (到2025年), the start of a span (2018年以来, 2017年至2021年)."""
    found: list[tuple[int, int]] = []
    years = list(_YEAR.finditer(text))
    if not years:
        return found
    bases = [m.span() for pattern in (_EARLIER, _BASE_YEAR) for m in pattern.finditer(text)]
    starts = [m.end() for m in _FROM.finditer(text)]
    for match in years:
        if any(a <= match.start() < b for a, b in bases):
            continue
        before = text[:match.start()].rstrip()
        after = text[match.end():]
        span_end = any(end <= match.start() for end in starts)  # 从2012年的…增至2021年的…: the year reached
        if before.endswith(_BASE_WORDS) or before.endswith(("到", "至")) and not before.endswith("截至") and \
                not span_end:
            continue
        if after.lstrip().startswith(_SINCE) or re.match(r"\s*[-—–~至到]\s*\d{4}", after):
            continue
        found.append((match.start(), int(match.group("year"))))
    return found


# --------------------------------------------------------------------------------------------------------------
# one number
# --------------------------------------------------------------------------------------------------------------


def _quote(original: str, number: _Number, at: tuple[int, int] | None = None) -> str:
    """The sentence of a number, cut around it when long (``at``: where the number is in ``original``, when not where
    it is in the sentence read)."""
    text = original.strip().rstrip("。")
    offset = len(original) - len(original.lstrip())
    if len(text) <= QUOTE_CHARS:
        return text
    first, last = at or (number.start, number.end)
    start = max(0, first - offset - 80)
    end = min(len(text), last - offset + 60)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _figure(item: _Item, folded: str, original: str, line: int, context: _Context,
            shown: str = "") -> Row | Refusal | None:
    """The row a number gives, or the rule refusing it, or None when it names no indicator (``shown``: how the
    number's sentence is quoted, when not as printed: a table's row)."""
    number = item.number
    known = context.names.get(item.name)
    if known is None:
        name = read_name(item.name, context.regions)
        known = context.names[item.name] = (name, _match(name, context.targets))
    name, match = known
    if match is None or match.how == "near" and (number.chinese or not number.unit):
        return None
    target = match.target
    indicator = target.indicator

    def refuse(rule: str) -> Refusal:
        return Refusal(line, number.printed, number.value, indicator.id, rule, shown or _quote(original, number))

    prefix = folded[:number.start]
    why = item.refusal or _refusal(item, prefix, name, match, context)
    if why:
        item.refusal = item.refusal or (why if why in _INHERITED_REFUSALS else "")
        return refuse(why)
    when = _when(prefix, context)
    if isinstance(when, str):
        return refuse(when)
    year, as_of, time_notes = when
    shape = _shape(item, prefix, name, match, context)
    if isinstance(shape, str):
        return refuse(shape)
    measure, comparator, value, notes = shape
    if measure == CHANGE_PCT and not as_of.endswith("-12") and _one_month(prefix):
        return refuse("actual.refuse.one_month")
    part = _part(name, match.target.name)
    unplaced = ""
    if part and measure == LEVEL and comparator in ("", ">="):
        comparator = ">="
        notes.append(_note("actual.scope.part"))
    elif part:
        unplaced = "actual.refuse.part"
    if year < context.plan.base_year - _SLACK or year > context.plan.period[1] + _SLACK or (
            measure != LEVEL and year <= context.plan.base_year and not item.listed):
        return refuse("actual.refuse.outside_plan")
    if item.listed and measure == NEW:
        as_of, time_notes = _listed_as_of(prefix, year, context)
    if measure == LEVEL and _off_scale(value, indicator):
        return refuse("actual.refuse.scale")
    breakdown = _breakdown(item.level, indicator)
    scope = _scope(name, match, context, bool(item.level and item.level == context.own_level), part)
    notes = [*notes, *time_notes]
    if scope and not part:
        notes.append(_note("actual.scope.terms"))
    if item.inherited:
        notes.append(_note("actual.name.inherit"))
    if _ESTIMATE.search(prefix):
        notes.append(_note("actual.estimate"))
    if context.notice and measure == NEW and _PROPOSED.search(prefix):
        notes.append(_note("actual.measure.proposed"))
    return Row(indicator.id, breakdown, year, value, measure, comparator, as_of, scope, line,
               shown or _quote(original, number), tuple(n for n in notes if n), number.printed,
               _revision(folded, prefix, context.publication.kind), context.publication.date,
               name.scopes != match.target.name.scopes, unplaced)


_REVISIONS = tuple((re.compile(LEXICON.alternation(name)), str(LEXICON.rule(name).data["revision"]))
                   for name in ("actual.revision.final", "actual.revision.preliminary"))
"""Words that say what release a figure is, in the order they are looked for."""
_DOCUMENT_REVISIONS = {kind: str(LEXICON.rule(f"actual.document.{kind}").data.get("revision", ""))
                       for kind in ("communique", "monthly", "plan_report", "work_report")}


def _revision(sentence: str, prefix: str, document: str) -> str:
    """The release kind of a figure: an estimate by the words before it, else by the words of its sentence, else
    by its kind of document."""
    if _ESTIMATE.search(prefix):
        return str(LEXICON.rule("actual.estimate").data["revision"])
    found = next((kind for pattern, kind in _REVISIONS if pattern.search(sentence)), "")
    return found or _DOCUMENT_REVISIONS.get(document, "")


_INHERITED_REFUSALS = frozenset({"actual.refuse.elsewhere", "actual.refuse.gap", "actual.refuse.target",
                                 "actual.refuse.target_section", "actual.refuse.future_year",
                                 "actual.refuse.subregion"})
"""What refuses a number refuses the numbers listed after it too."""


def _refusal(item: _Item, prefix: str, name: Name, match: _Match, context: _Context) -> str:
    """The rule that refuses a matched number, or ``""``."""
    clause, number = item.clause, item.number
    latest = context.latest
    if context.target_section:
        return "actual.refuse.target_section"
    if context.notice:
        prefix = _PROPOSED.sub(lambda m: "_" * len(m.group()), prefix)
    if _TARGET.search(prefix) and _TARGET.search(_NOT_TARGET.sub(lambda m: "_" * len(m.group()), prefix)) or \
            _AIMS.search(prefix):
        return "actual.refuse.target"
    future = [int(m.group(1)) for m in _FUTURE.finditer(prefix)] + [
        _FIVE_YEARS[m.group("period")][1] for m in _FUTURE_PERIOD_END.finditer(prefix)]  # “十四五”末: 2025
    explicit = [int(m.group("year")) for m in _YEAR.finditer(prefix)]
    if latest is not None and any(year > latest for year in [*future, *explicit]):
        return "actual.refuse.future_year"
    if _SUBREGION.search(item.name):
        return "actual.refuse.subregion"
    if item.within and _narrower_whole(read_name(item.within, context.regions), name):
        return "actual.refuse.within"
    local = clause + item.name
    if any(word in local for word in context.elsewhere) or _other_province(clause, context):
        return "actual.refuse.elsewhere"
    if _GAP.search(clause):
        return "actual.refuse.gap"
    if number.unit in _POINTS:
        return "actual.refuse.points"
    if _joined(name, match.target.name):
        return "actual.refuse.joined"
    if match.how == "near":  # what it is said of before when or how it is said (单位GDP能耗近5年下降16.1%)
        return "actual.refuse.other_indicator"
    if _EARLIER.search(clause):  # the span before its shape (5年增长3.5倍: a change since an earlier year)
        return "actual.refuse.earlier_year"
    base = _BASE_YEAR.search(clause)
    if base and _base_year(base) != context.plan.base_year:
        return "actual.refuse.earlier_year"
    if _MULTIPLE.search(clause + number.unit):
        return "actual.refuse.multiple"
    if any(word in clause for word in _THROUGHOUT):
        return "actual.refuse.throughout"
    plan_name = match.target.name
    if "%" in match.target.indicator.unit and not (name.scopes & _SOCIETY) <= plan_name.scopes:
        return "actual.refuse.society"
    if "%" in match.target.indicator.unit and _of_no_doer(name.text, plan_name.text):
        return "actual.refuse.society"  # 全市研发投入强度: R&D over GDP, not the enterprises' over their revenue
    outside = _outside(name, match)
    if any(word in outside and word not in plan_name.text for word in _OTHER_MEASURES):
        return "actual.refuse.other_measure"
    if name.whole and plan_name.whole and _bare_whole(name.whole) != _bare_whole(plan_name.whole):
        return "actual.refuse.denominator"
    if name.whole and not plan_name.whole and plan_name.measures.isdisjoint({"占比", "比重"}) and "%" not in \
            match.target.indicator.unit:
        return "actual.refuse.denominator"
    if any(word in name.text and word not in plan_name.text for word in _SUBSET):
        return "actual.refuse.subset"
    level = item.level or name.level
    indicator = match.target.indicator
    if level and not _breakdown(level, indicator) and level != context.own_level and level != plan_name.level:
        return "actual.refuse.level_subset"
    return ""


def _joined(name: Name, plan: Name) -> bool:
    """``name`` joins the plan's kind with another kind the plan's name does not say (绿色工厂及相关服务机构: the
    part after the joiner, without its generic words, is not in the plan's name; ``actual.refuse.joined``)."""
    for word in _JOINERS:
        at = name.core.find(word)
        if at <= 0:
            continue
        before, after = name.core[:at], name.core[at + len(word):]
        rest = _generic_only(after)
        if before and rest and rest not in plan.text and rest not in plan.core and before not in rest:
            return True
    return False


def _other_province(clause: str, context: _Context) -> bool:
    """``clause`` is of a province-level region other than the plan's: it names one as 省 (四川省) or stands right
    before the number (名单四川37家), and does not name the plan's region too (``actual.refuse.elsewhere``
    ``provinces``)."""
    if any(region in clause for region in context.regions):
        return False
    tail = clause.rstrip()
    for province in _PROVINCES:
        if province in context.plan.region_zh:
            continue
        if tail.endswith(province) or province + "省" in clause:
            return True
    return False


def _generic_only(text: str) -> str:
    """``text`` without the generic words of names (企业, 工业, 规模以上…)."""
    for word in _GENERIC_LONGEST:
        text = text.replace(word, "")
    return text.strip()


def _narrower_whole(whole: Name, part: Name) -> bool:
    """Whether the whole a 其中 part belongs to is narrower than the region's: the two names share only a generic
    head (企业) and the whole's other words (上下游) are not in the part's name."""
    a, b = whole.core, part.core
    shared = 0
    while shared < min(len(a), len(b)) and a[len(a) - 1 - shared] == b[len(b) - 1 - shared]:
        shared += 1
    if shared < 2 or _generic_only(a[len(a) - shared:]):
        return False
    qualifier = _generic_only(a[:len(a) - shared])
    return bool(qualifier) and qualifier not in part.text


def _bare_whole(whole: str) -> str:
    """A whole without what it measures (规模以上工业增加值 and 规模以上工业产值 are one whole)."""
    for word in _OTHER_MEASURES:
        whole = whole.replace(word, "")
    return whole


def _outside(name: Name, match: _Match) -> str:
    """What a name says beyond the span a shared pattern matched (everything, for an exact match: nothing)."""
    if match.how in ("exact", "part", "wider", "industry"):
        return ""
    if match.span is None:
        return name.text
    kept = [match.span]
    whole = _DENOMINATOR.search(match.on)
    if whole:
        kept.append(whole.span())
    parts, at = [], 0
    for start, end in sorted(span for span in kept if span[1] > span[0]):
        parts.append(match.on[at:start] if start > at else "")
        at = max(at, end)
    parts.append(match.on[at:])
    return "".join(parts)


def _base_year(found: re.Match[str]) -> int:
    if found.group("year"):
        return int(found.group("year"))
    return int(_FIVE_YEAR[found.group("five")][1])


def _when(prefix: str, context: _Context) -> tuple[int, str, list[str]] | str:
    """The year and ``as_of`` of a figure from what its sentence says before it; or the rule refusing it."""
    published = context.published
    years = _adverbial_years(prefix)
    at, year = years[-1] if years else (-1, None)
    for pattern, offset in ((_LAST_YEAR, -1), (_THIS_YEAR, 0)):
        for found in pattern.finditer(prefix):
            if found.start() > at and not prefix[:found.start()].rstrip().endswith(_BASE_WORDS) and not (
                    offset and prefix[found.end():].lstrip().startswith(_SINCE)):
                base = context.published_year
                if base is not None:
                    year, at = base + offset, found.start()
    month, now = 0, False
    notes: list[str] = []
    period = _period(prefix)
    if period is not None and _WHOLE_YEAR.search(prefix, period[0]):
        period = None  # 上半年增长6.2%，全年…: the whole year is said after the part
    if period is not None:
        month, notes, stated = period[1:]
        year = stated or year
    if _ONE_MONTH.search(prefix, period[0] if period else 0):
        return "actual.refuse.one_month"
    carried = context.period
    if not month and carried is not None and not _WHOLE_YEAR.search(prefix) and (
            carried[0] is None and at < 0 or carried[0] == (year if year is not None else context.year)):
        month, notes = carried[1], list(carried[2])
    if _NOW.search(prefix) and published is not None:
        now = True
        if at < 0 or not _YEAR.search(prefix):
            year = published[0]
    if year is None:
        year = _past_years(prefix, context)
    if year is None:
        year = context.year if context.year is not None else context.publication.report_year
    if year is None:
        return "actual.refuse.no_year"
    if not month and context.publication.as_of and year == context.publication.report_year:
        month = int(context.publication.as_of[5:7])
        notes = []
    if not month and now and published and published[0] == year:
        month = published[1]
    if not month and published and published[0] == year and _SO_FAR.search(prefix):
        month = published[1]
    if context.publication.kind == "article" and not month and year == (published[0] if published else None) \
            and (context.year is None or context.year_named) and not _THIS_YEAR.search(prefix) \
            and not any(_OPENS.search(prefix[:found.start()]) for found in _YEAR.finditer(prefix)):
        month = published[1] if published else 0
    as_of = "" if not month or month == 12 else f"{year:04d}-{month:02d}"
    if as_of and not notes:
        notes = [_note("actual.period.as_of").format(as_of=as_of)]
    return year, as_of, notes


def _listed_as_of(prefix: str, year: int, context: _Context) -> tuple[str, list[str]]:
    """The month a list was published, as ``as_of`` (December too), with its note: the month of the last day printed
    before its count, else the text's (``actual.measure.listed``)."""
    days = list(_LIST_DAY.finditer(prefix))
    published = context.published
    month = int(days[-1].group("month")) if days else published[1] if published and published[0] == year else 0
    if not 1 <= month <= 12:
        return "", []
    as_of = f"{year:04d}-{month:02d}"
    return as_of, [_note("actual.measure.listed").format(as_of=as_of)]


def _period(text: str) -> tuple[int, int, list[str], int | None] | None:
    """The last part of a year ``text`` says its figures cover (1—9月, 前10个月, 前三季度, 截至9月底, 9月末): its
    position, last month, note and the year it names; not one a figure is compared with (比1—8月)."""
    if not _PERIOD_HINT.search(text):
        return None
    found: list[tuple[int, int, list[str], int | None]] = []
    for match in _MONTHS.finditer(text):
        if match.group("count") or match.group("quarter"):
            count = match.group("count") or match.group("quarter")
            last = int(count) if count.isdigit() else int(parse_chinese(count) or 0)
            last, first = last * (3 if match.group("quarter") else 1), "1"
        else:
            first, last = match.group("first"), int(match.group("last"))
        note = _note("actual.period.months").format(first=first, last=last)
        found.append((match.start(), last, [note], None))
    for match in _QUARTER_RE.finditer(text):
        found.append((match.start(), _QUARTERS[match.group()],
                      [_note("actual.period.quarters").format(period=match.group())], None))
    for match in _AS_OF.finditer(text):
        month = match.group("month") or match.group("end")
        found.append((match.start(), int(month), [], int(match.group("year")) if match.group("year") else None))
    found = [f for f in found if not text[:f[0]].rstrip().endswith(_BASE_WORDS) and 1 <= f[1] <= 12]
    return max(found, key=lambda f: f[0]) if found else None


def _one_month(prefix: str) -> bool:
    """Whether a month without 份 after the last period of ``prefix`` (今年9月，…增长8.9%) says a change is one month's
    (``actual.refuse.one_month``, ``bare``)."""
    period = _period(prefix)
    return bool(_BARE_MONTH.search(prefix, period[0] + 1 if period else 0))


def _shape(item: _Item, prefix: str, name: Name, match: _Match,
           context: _Context) -> tuple[str, str, Decimal, list[str]] | str:
    """The measure, comparator and value (in the indicator's unit) of a figure, with its notes; or the rule that
    refuses it."""
    number, clause = item.number, item.clause
    indicator = match.target.indicator
    unit = indicator.unit
    notes: list[str] = []
    verb = item.verb
    base = _BASE_YEAR.search(clause)
    change = verb in ("rise", "fall") and number.unit == "%"
    counts = unit in COUNT_UNITS
    if change:
        if "%" in unit:
            return "actual.refuse.unit"
        sign = Decimal(int(LEXICON.rule(f"actual.measure.{verb}").get("sign", 1)))
        if base:
            measure = CHANGE_PCT_VS_BASE
            notes.append(_note("actual.measure.base_year").format(year=_base_year(base)))
        else:
            measure = CHANGE_PCT
            notes.append(_note(f"actual.measure.{verb}"))
        return measure, "", sign * number.value, notes
    if base is not None or _PREVIOUS_YEAR.search(clause) and verb in ("rise", "fall"):
        if verb == "fall" or not counts:
            return "actual.refuse.earlier_year"
    converted = _convert(number, unit)
    if converted is None:
        return "actual.refuse.unit"
    value, scale_note = converted
    if scale_note:
        notes.append(scale_note)
    if verb == "new" or (verb == "rise" and counts):
        if not counts:
            return "actual.refuse.unit"
        measure = NEW
        notes.append(_note("actual.measure.new"))
    elif verb == "fall" and counts:
        return "actual.refuse.earlier_year"
    else:
        measure = LEVEL
        if _RUNNING_KINDS and indicator.kinds and indicator.kinds <= _RUNNING_KINDS | {"baseline"}:
            return "actual.refuse.running_total"
    comparator = ""
    head = clause.rstrip()
    if number.more or number.after in _rule_words("actual.bound.lower_after"):
        comparator = str(LEXICON.rule("actual.bound.lower_after").get("comparator", ">="))
        notes.append(_note("actual.bound.lower_after"))
    elif head.endswith(_LOWER):
        comparator = str(LEXICON.rule("actual.bound.lower").get("comparator", ">="))
        notes.append(_note("actual.bound.lower"))
    elif head.endswith(_UPPER):
        comparator = str(LEXICON.rule("actual.bound.upper").get("comparator", "<"))
        notes.append(_note("actual.bound.upper"))
    elif head.endswith(_ABOUT) or number.after in _ABOUT:
        notes.append(_note("actual.bound.about"))
    return measure, comparator, value, notes


def _convert(number: _Number, unit: str) -> tuple[Decimal, str] | None:
    """A number in the indicator's ``unit`` (and the note of a scaling), or None when the units disagree."""
    printed, value = number.unit, number.value
    scaled_note = _note("actual.unit.scale")
    if number.scaled and printed in COUNT_UNITS:
        note = scaled_note.format(printed=number.printed.replace("余", "").replace("多", ""), unit=printed)
    else:
        note = ""
    if printed == unit:
        return value, note
    if not printed:
        return (value, note) if unit in ("index", "-", "") else None
    if printed in _NEVER_AMOUNTS or unit in _NEVER_AMOUNTS:
        return None
    if printed in COUNT_UNITS and unit in COUNT_UNITS:
        return value, note
    mine, theirs = SCALES.get(printed), SCALES.get(unit)
    if mine is None or theirs is None or mine[0] != theirs[0]:
        return None
    factor = Decimal(10) ** (mine[1] - theirs[1])
    return integral(value * factor), scaled_note.format(printed=number.printed, unit=unit)


def _off_scale(value: Decimal, indicator: PlanIndicator) -> bool:
    units = [str(u) for u in _SCALE_RULE.get("units", ())]
    levels = [level for level in indicator.levels if level > 0]
    if indicator.unit not in units or not levels or value <= 0:
        return False
    factor = Decimal(str(_SCALE_RULE.get("factor", 1.5)))
    return value > max(levels) * factor or (len(levels) > 1 and value < min(levels) / factor)


def _breakdown(level: str, indicator: PlanIndicator) -> str:
    if not level:
        return ""
    return next((key for key, name in indicator.breakdowns if level in fold(name) or fold(name) in level), "")


def _scope(name: Name, match: _Match, context: _Context, own_level: bool, part: bool) -> str:
    plan = match.target.name
    if name.scopes == plan.scopes and name.measures == plan.measures and not part and match.how not in ("wider",
                                                                                                         "industry"):
        return ""
    shown = name.shown
    if own_level and shown.startswith(context.own_level):
        shown = shown[len(context.own_level):]
    if match.how == "industry" and not name.scopes:
        shown += f"（{_INDUSTRY_SCOPE}）"
    elif not name.scopes and plan.scopes:
        shown += f"（{LEXICON.rule('actual.scope.terms').get('none', '')}）"
    return f"{shown}，规划为{plan.shown}"


# --------------------------------------------------------------------------------------------------------------
# one figure a year
# --------------------------------------------------------------------------------------------------------------


def choose(candidates: Sequence[Row], refused: list[Refusal]) -> list[Row]:
    """One row per indicator, breakdown and year (``actual.refuse.one_per_year``): a whole year before part of it (and
    more of it before less), a figure that places before one that does not (``Row.unplaced``), then by measure, then
    an exact figure before a bound (突破2万亿元，达到2.27万亿元), then one of the plan's scope words, then the first;
    a repeat of the chosen figure is dropped, any other figure refused, and a chosen figure that does not place
    refused by its rule."""
    by_key: dict[tuple[str, str, int], list[Row]] = {}
    for row in candidates:
        by_key.setdefault((row.indicator, row.breakdown, row.year), []).append(row)
    chosen: dict[tuple[str, str, int], Row] = {}
    for key, rows in by_key.items():
        best = min(rows, key=lambda r: (bool(r.as_of), _later_first(r.as_of), bool(r.unplaced),
                                        _PREFER.index(r.measure) if r.measure in _PREFER else 9,
                                        r.comparator not in ("", "="), r.other_scope, rows.index(r)))
        chosen[key] = best
        for row in rows:
            if row is not best and row.figure[:3] != best.figure[:3]:
                refused.append(Refusal(row.line, row.printed, row.value, row.indicator, "actual.refuse.one_per_year",
                                       row.quote))
        if best.unplaced:
            refused.append(Refusal(best.line, best.printed, best.value, best.indicator, best.unplaced, best.quote))
    return [row for row in candidates if chosen.get((row.indicator, row.breakdown, row.year)) is row
            and not row.unplaced]


def _later_first(as_of: str) -> int:
    """Part-year figures of one year, the one covering more of it first (1—10月 before 1—9月)."""
    return -int(re.sub(r"\D", "", as_of) or 0)


def plain_value(value: Decimal) -> str:
    """A value as the actuals file writes it (``1.959276``, ``130000``, ``-4.04``)."""
    return plain(integral(value))

