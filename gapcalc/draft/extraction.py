"""What the recogniser reads out of a plan document: its header, its headings and its typed statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class ValueReading:
    """One number of a statement, for one year."""

    year: int
    value: Decimal | None = None
    comparator: str = "="
    upper: Decimal | None = None
    printed: str | None = None
    text: str | None = None


@dataclass
class Statement:
    """One statement of the document (a table row or a clause) about one indicator."""

    name_zh: str
    unit: str
    kind: str
    values: list[ValueReading]
    quote: str
    line: int
    section: str = ""
    table: str = ""
    direction: str = "up"
    change: str | None = None
    base_year: int | None = None
    period: tuple[int, int] | None = None
    binding: bool | None = None
    breakdown: str | None = None
    breakdown_name: str | None = None
    notes: list[str] = field(default_factory=list)
    """Reading notes; those beginning ``draft:`` are review items."""
    hedge: str | None = None
    """``stretch`` for a figure striven for (力争), ``floor`` for one ensured (确保): how the sentence hedges it."""
    subset: bool = False
    """A part of the statement before it (``其中…``), to be counted the same way."""
    counted: str = ""
    """The noun printed right after a count (``33条重点产业链`` → 重点产业链), when the sentence states no year of its
    own: a count restated so refers to the one read before (:func:`gapcalc.draft.recognise`)."""
    verbless: bool = False
    """The clause states no verb of its own (``新增发布标准30项,注册商标2万件``): it shares the verb of the clause
    before it in the sentence, and is counted the same way."""
    campaign: bool = False
    """A count printed as a bare magnitude after a verb of campaigning (``推进万台工业机器人应用``), a round figure
    of what the campaign adds (:func:`gapcalc.draft.sentences._campaigns`)."""
    open_unit: bool = False
    """A table row printed without a unit whose kind was not given by its header: unit and kind are completed from
    the statements beside the table (:func:`gapcalc.draft.tables.complete_open_rows`)."""


@dataclass(frozen=True)
class Heading:
    """A section heading (``一、``, ``（二）``, ``1.``, ``表3``, ``专栏5``) and the line it stands on."""

    text: str
    level: int
    line: int


@dataclass
class PlanReading:
    """The plan header as far as the document states it."""

    title: str = ""
    document_number: str = ""
    region_zh: str = ""
    region_en: str = ""
    admin_level: str = "municipal"
    period: tuple[int, int] | None = None
    published: str | None = None
    url: str | None = None
    traditional: bool = False
    notes: list[str] = field(default_factory=list)
    year_targets: bool = False
    period_guessed: bool = False
    """The first year of :attr:`period` is a guess (a target year printed, no span, no date, no five-year period)."""
    """The text states one year's main expected targets (a work report, a work meeting), not a plan's."""


@dataclass
class Extraction:
    """Everything :func:`gapcalc.draft.recognise.extract` reads out of one document."""

    plan: PlanReading
    headings: list[Heading]
    statements: list[Statement]
