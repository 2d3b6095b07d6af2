"""Figures as they are published: a level, a change on the year before or on the base year, a year's additions; exact
or a bound; for the whole year or as of a month.

The words a typist uses for each (``同比``, ``新增``, ``超``, ``以上``, ``截至9月``) are read here, and
:func:`place` puts a key's figures on one scale — the indicator's own, or an index (base year = 100) where no level
of the indicator is known at all. The parser uses it to say which rows cannot be placed; the engine to compute
levels. Rules and worked examples: ``docs/methodology.md`` ("Published shapes").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from gapcalc.messages import t
from gapcalc.plan.keys import fold_width

LEVEL, CHANGE_PCT, CHANGE_PCT_VS_BASE, NEW = "level", "change_pct", "change_pct_vs_base", "new"
INDEX_BASE = Decimal(100)
ADDITIONS_BASE = Decimal(0)
INDEX, ADDITIONS = "index", "additions"
"""The scales a key's figures are put on when the plan and the figures give no level at all: an index (base year
= 100) for changes, the additions since the base year (a stock of 0 then) for a year's additions."""
JUMP_FACTOR = Decimal(10)
"""A level this many times the previous one (or a tenth of it) is flagged: a change typed as a level, or a scale."""
COUNT_UNITS = frozenset({"家", "个", "户", "台", "项", "款", "种", "人", "名", "件", "套", "座", "条"})
"""Units of counts: a young stock may well grow tenfold, so their levels are not checked for jumps."""


def checks_jumps(unit: str | None) -> bool:
    """Whether levels of an indicator of ``unit`` are checked for order-of-magnitude jumps (not counts)."""
    return unit is not None and unit not in COUNT_UNITS

COLUMN_ALIASES = {
    "measure": "measure", "计量方式": "measure", "数据类型": "measure", "类型": "measure",
    "comparator": "comparator", "比较符": "comparator", "比较": "comparator", "界限": "comparator",
    "as_of": "as_of", "截至": "as_of", "截止": "as_of", "截至日期": "as_of", "时点": "as_of", "数据时点": "as_of",
    "scope": "scope", "口径": "scope", "统计口径": "scope",
    "note_en": "note_en", "英文说明": "note_en",
    "published": "published", "发布日期": "published", "发布时间": "published", "公布日期": "published",
    "发布": "published",
    "revision": "revision", "数据版本": "revision", "版本": "revision", "修订": "revision", "数据性质": "revision",
}
"""Header names a typist may use for the shape columns, the scope (口径: what the figure measures) and the English
note, folded to the column they name."""

MEASURE_WORDS = {
    LEVEL: ("level", "水平", "绝对值", "存量", "累计", "总量", "年末数", "数值"),
    CHANGE_PCT: ("change_pct", "yoy", "同比", "比上年", "较上年", "增速", "增长率", "同比增长", "同比下降", "年度变化"),
    CHANGE_PCT_VS_BASE: ("change_pct_vs_base", "比基期", "较基期", "累计增长", "累计下降", "累计变化"),
    NEW: ("new", "flow", "新增", "当年新增", "新认定", "增量", "年度新增"),
}
COMPARATOR_WORDS = {
    "=": ("=", "==", "等于", "约"),
    ">=": (">=", "≥", "超", "超过", "余", "以上", "不低于", "至少", "逾", "下限"),
    ">": (">", "多于", "高于"),
    "<=": ("<=", "≤", "以下", "不超过", "不足", "至多", "上限", "不到"),
    "<": ("<", "少于", "低于"),
}
REVISION_WORDS = {
    "estimate": ("estimate", "预计数", "预计", "预估", "预估数", "预计完成"),
    "flash": ("flash", "快报", "快报数", "初步统计", "统计快报"),
    "preliminary": ("preliminary", "初步数", "初步核算", "初步核算数", "初步", "公报数", "统计公报"),
    "final": ("final", "核实数", "最终核实数", "最终核实", "核实", "最终数", "修订数"),
    "yearbook": ("yearbook", "年鉴", "年鉴数", "统计年鉴"),
}
"""What a figure's release is (``revision``), from the earliest to the latest: an estimate in a work report (预计数),
the monthly flash (快报), the communiqué's preliminary figure (初步数), the verified final figure (最终核实数), the
yearbook. Where two versions of a figure have no release date, the later kind wins."""
REVISIONS = tuple(REVISION_WORDS)
_DECREASE = re.compile(r"^(?:下降|降低|减少|回落)\s*")
_INCREASE = re.compile(r"^(?:增长|上升|提高|增加)\s*")
_AS_OF = re.compile(r"([0-9]{4})\s*(?:-|/|\.|年)\s*([0-9]{1,2})\s*(?:(?:-|/|\.|月)\s*(?:([0-9]{1,2})\s*日?|底|末)?)?")


_WHAT = {"measure": t("measure"), "comparator": t("comparator")}
"""The kinds of shape cell, as messages name them."""


class ShapeError(ValueError):
    """A shape cell that names no known shape; its one argument, the message (a catalogued text), says what is
    accepted."""


def _lookup(cell: str, words: Mapping[str, tuple[str, ...]], what: str, default: str) -> str:
    text = fold_width(cell).strip().lower()
    if not text:
        return default
    for name, spellings in words.items():
        if text in spellings:
            return name
    accepted = "; ".join(f"{name}: {', '.join(spellings[1:4])}" for name, spellings in words.items())
    raise ShapeError(t("'{cell}' is not a {what} ({accepted})", cell=cell.strip(), what=_WHAT[what], accepted=accepted))


def parse_measure(cell: str) -> str:
    """``level`` (blank), ``change_pct``, ``change_pct_vs_base`` or ``new``, from the name or a Chinese word."""
    return _lookup(cell, MEASURE_WORDS, "measure", LEVEL)


def measure_named(cell: str) -> str | None:
    """The measure a scope cell names when it is a measure word (``新增``, ``同比``), else None: 口径 once named the
    measure column, and a file typed then must not have its additions or changes read as levels."""
    text = fold_width(cell).strip().lower()
    found = [name for name, spellings in MEASURE_WORDS.items() if name != LEVEL and text in spellings]
    return found[0] if found else None


def parse_comparator(cell: str) -> str:
    """``=`` (blank), ``>=``/``>`` (a lower bound: 超, 余, 以上) or ``<=``/``<``."""
    return _lookup(cell, COMPARATOR_WORDS, "comparator", "=")


def parse_as_of(cell: str, year: int) -> str:
    """``YYYY-MM`` or ``YYYY-MM-DD`` (``2024年9月``, ``2024-09-30``, ``2024年3月底``), or ``""`` for a whole-year
    figure (blank, or the last day or month of ``year``)."""
    text = fold_width(cell).strip()
    if not text:
        return ""
    match = _AS_OF.fullmatch(text)
    if not match:
        raise ShapeError(t("'{cell}' is not a date: write 2024-09 or 2024-09-30", cell=cell.strip()))
    found_year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if found_year != year:
        raise ShapeError(t("as_of '{cell}' is not in the row's year {year}", cell=cell.strip(), year=year))
    if not 1 <= month <= 12 or (day is not None and not 1 <= int(day) <= 31):
        raise ShapeError(t("'{cell}' is not a date: write 2024-09 or 2024-09-30", cell=cell.strip()))
    if month == 12 and (day is None or int(day) == 31):
        return ""
    return f"{year:04d}-{month:02d}" + ("" if day is None else f"-{int(day):02d}")


def parse_revision(cell: str) -> str:
    """``estimate``, ``flash``, ``preliminary``, ``final`` or ``yearbook`` (or ``""`` for blank), from the name or a
    Chinese word (预计数, 快报, 初步核算数, 最终核实数, 年鉴)."""
    text = fold_width(cell).strip().lower()
    if not text:
        return ""
    for name, spellings in REVISION_WORDS.items():
        if text in spellings:
            return name
    accepted = "; ".join(f"{name}: {', '.join(spellings[1:3])}" for name, spellings in REVISION_WORDS.items())
    raise ShapeError(t("'{cell}' is not a release kind ({accepted})", cell=cell.strip(), accepted=accepted))


def parse_date(cell: str) -> str:
    """A release date as ``YYYY-MM-DD`` or ``YYYY-MM`` (``2024-08-09``, ``2024/8/9``, ``2024年8月9日``, ``2024年8月``),
    or ``""`` for blank."""
    text = fold_width(cell).strip()
    if not text:
        return ""
    match = _AS_OF.fullmatch(text)
    day = match.group(3) if match else None
    if not match or not 1 <= int(match.group(2)) <= 12 or (day is not None and not 1 <= int(day) <= 31):
        raise ShapeError(t("'{cell}' is not a date: write 2024-09 or 2024-09-30", cell=cell.strip()))
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}" + ("" if day is None else f"-{int(day):02d}")


def period_end(year: int, as_of: str) -> str:
    """The last day a figure covers, as ``YYYY-MM-DD``: the end of its ``as_of`` month (or its day), else of its
    year. A figure cannot be known before it."""
    if not as_of:
        return f"{year:04d}-12-31"
    if len(as_of) == 10:
        return as_of
    y, m = int(as_of[:4]), int(as_of[5:7])
    days = (31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return f"{as_of}-{days[m - 1]:02d}"


def known_on(published: str, year: int, as_of: str, day: str) -> bool:
    """Whether a figure was known on ``day`` (``YYYY-MM-DD``): released by then (a release month counts from its last
    day), or, without a release date, its period over by then."""
    if published:
        return (period_end(int(published[:4]), published) if len(published) == 7 else published) <= day
    return period_end(year, as_of) < day


def version_order(year: int, as_of: str, published: str, revision: str) -> tuple[str, str, int]:
    """How versions of one figure are ordered, the latest last: by the period they cover (a whole year after any
    part of it), then by release date, then by release kind (预计数 → 快报 → 初步数 → 核实数 → 年鉴)."""
    return (period_end(year, as_of), published, REVISIONS.index(revision) + 1 if revision else 0)


def signed_change(cell: str) -> tuple[str, int]:
    """A change cell without its word of direction, and the sign it gives: ``下降4.04%`` → (``4.04%``, −1)."""
    text = fold_width(cell).strip()
    for pattern, sign in ((_DECREASE, -1), (_INCREASE, 1)):
        found = pattern.match(text)
        if found:
            return text[found.end():], sign
    return cell, 1


@dataclass(frozen=True)
class Figure:
    """One published figure of a key: its year, number, measure and the row it came from."""

    year: int
    value: Decimal
    measure: str
    row: int


@dataclass
class Placed:
    """A key's figures on one scale: the level of each placed figure by year, the scale (``""``: the indicator's
    own; :data:`INDEX` or :data:`ADDITIONS`), and the figures that could not be placed."""

    levels: dict[int, tuple[Decimal, int]] = field(default_factory=dict)
    scale: str = ""
    unplaced: list[Figure] = field(default_factory=list)

    @property
    def base_point(self) -> Decimal | None:
        """The value of the base year on the scale: 100 on an index, 0 for additions, None on the own scale."""
        return {INDEX: INDEX_BASE, ADDITIONS: ADDITIONS_BASE}.get(self.scale)


RATE_MEASURES = frozenset({CHANGE_PCT, CHANGE_PCT_VS_BASE})


def judged_on_rates(rate_key: bool, measures: Sequence[str]) -> bool:
    """Whether the figures of a key are judged as growth rates (:mod:`gapcalc.engine.rates`), not placed on a level:
    the key is a rate key (:attr:`gapcalc.plan.facts.PlanFacts.rate_keys`) and its figures are all rates (a level
    among them gives the key a level, and the level path judges it)."""
    return rate_key and bool(measures) and all(m in RATE_MEASURES for m in measures)


def scale_of(has_level: bool, measures: Sequence[str]) -> str:
    """The scale of a key's figures: its own when the plan states a level or a figure is one, else an index when a
    figure is a change, else the additions since the base year when a figure is a year's additions."""
    if has_level or LEVEL in measures:
        return ""
    if CHANGE_PCT in measures or CHANGE_PCT_VS_BASE in measures:
        return INDEX
    return ADDITIONS if NEW in measures else ""


def scale_label(scale: str, base_year: int) -> str:
    """The unit shown for a scale: ``index (2017=100)``, ``additions since 2019``."""
    return f"index ({base_year}=100)" if scale == INDEX else f"additions since {base_year}"


def place(stated: Mapping[int, Decimal], figures: Sequence[Figure], base_year: int) -> Placed:
    """Levels of ``figures`` (sorted by year), given the plan's stated levels by year and the series' base year.

    A level is itself. A change on the previous year (``change_pct``) and a year's additions (``new``) chain onto
    the level of the previous year (a figure, else a stated level); a change on the base year
    (``change_pct_vs_base``) applies to the level of the base year. Where neither the figures nor the plan give
    any level, changes are placed on an index with the base year = 100 (and additions are not placed), or, when
    the figures are additions, on the additions since the base year (the base year = 0).
    """
    placed = Placed(scale=scale_of(bool(stated), [f.measure for f in figures]))
    known: dict[int, Decimal] = dict(stated)
    if placed.base_point is not None:
        known[base_year] = placed.base_point
    for figure in sorted(figures, key=lambda f: f.year):
        level = None if placed.scale == INDEX and figure.measure == NEW else _level(figure, known, base_year)
        if level is None:
            placed.unplaced.append(figure)
            continue
        known[figure.year] = level
        placed.levels[figure.year] = (level, figure.row)
    return placed


def _level(figure: Figure, known: Mapping[int, Decimal], base_year: int) -> Decimal | None:
    if figure.measure == LEVEL:
        return figure.value
    if figure.measure == CHANGE_PCT_VS_BASE:
        base = known.get(base_year)
        return None if base is None or figure.year <= base_year else base * (1 + figure.value / 100)
    previous = known.get(figure.year - 1)
    if previous is None:
        return None
    return previous * (1 + figure.value / 100) if figure.measure == CHANGE_PCT else previous + figure.value


def jumps(previous: Decimal, level: Decimal) -> bool:
    """Whether ``level`` is an order of magnitude (×10 or ÷10) away from the positive ``previous`` level."""
    return previous > 0 and level >= 0 and (level >= previous * JUMP_FACTOR or level * JUMP_FACTOR <= previous)
