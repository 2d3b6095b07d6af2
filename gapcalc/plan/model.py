"""The target-file model: one plan document, its indicators and every number it states.

The model is a set of pydantic v2 classes with ``extra="forbid"`` so that a misspelt key is an error, and strict
types so that ``value = "46"`` (a string) is not silently turned into a number. Numbers are ``Decimal`` so that
``7.0`` and ``7`` stay as the document prints them. Cross-field rules that need the whole plan (years inside the
period, declared breakdowns, duplicate years) live in :mod:`gapcalc.plan.rules`, not here, so that all of them can be
reported at once with locations.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from gapcalc.infra.paths import ID_PATTERN

CHANGE_KINDS = ("change_vs_baseline", "pp_change", "annual_growth")

Kind = Literal[
    "baseline",
    "level",
    "cumulative",
    "new_in_year",
    "change_vs_baseline",
    "pp_change",
    "annual_growth",
    "period_total",
    "qualitative",
]
Comparator = Literal["=", ">", ">=", "<", "<=", "~", "range"]
Direction = Literal["up", "down"]
Change = Literal["increase", "decrease"]
AdminLevel = Literal["municipal", "provincial", "national"]
Dimension = Literal["industry", "enterprise", "level", "region", "category"]

COMPARATORS: tuple[str, ...] = get_args(Comparator)

_DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"


def _exact_number(value: Any) -> Decimal:
    """Accept a TOML integer or float (parsed as Decimal) and nothing else: no strings, no booleans."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        raise ValueError(f"expected a number, got {type(value).__name__} {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"expected a finite number, got {value}")
    return Decimal(value)


Number = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    WithJsonSchema({"type": "number"}),
]
Ident = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, Field(min_length=1)]
Year = Annotated[int, Field(ge=1949, le=2100)]
YearSpan = Annotated[list[Year], Field(min_length=2, max_length=2)]


class _Strict(BaseModel):
    """Base class: unknown keys are errors, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PlanHeader(_Strict):
    """The ``[plan]`` table: what document this is."""

    id: Ident
    name_zh: Text
    name_en: Text
    region_zh: Text
    region_en: Text
    admin_level: AdminLevel
    document: Text
    published: Annotated[str, Field(pattern=_DATE_PATTERN)] | None = None
    period: YearSpan
    baseline_year: Year | None = None
    source_text: Text
    url: Text | None = None
    note: Text | None = None

    @property
    def start_year(self) -> int:
        """First year of the plan period."""
        return self.period[0]

    @property
    def final_year(self) -> int:
        """Last year of the plan period."""
        return self.period[1]

    @property
    def base_year(self) -> int:
        """The year baselines refer to (``baseline_year``, else the year before the period)."""
        return self.baseline_year if self.baseline_year is not None else self.period[0] - 1


class Subplan(_Strict):
    """One action plan inside a document that holds several."""

    id: Ident
    name_zh: Text
    name_en: Text
    period: YearSpan | None = None


class Breakdown(_Strict):
    """A declared member of an indicator's breakdown (an industry, an enterprise, a level)."""

    key: Text
    name_zh: Text
    name_en: Text | None = None


class Source(_Strict):
    """Where in the document a statement stands."""

    section: Text | None = None
    table: Text | None = None


class Value(_Strict):
    """One number of a statement, for one year."""

    year: Year
    value: Number | None = None
    comparator: Comparator = "="
    upper: Number | None = None
    printed: Text | None = None
    text: Text | None = None
    quote: Text | None = None
    note: Text | None = None


class Series(_Strict):
    """One statement of the document: a table row or a sentence, with the numbers it states."""

    kind: Kind
    breakdown: Text | None = None
    change: Change | None = None
    base_year: Year | None = None
    per_year: bool = False
    period: YearSpan | None = None
    source: Source
    quote: Text
    note: Text | None = None
    values: Annotated[list[Value], Field(min_length=1)]


class RatioOf(_Strict):
    """A rate the document computes from two other indicators: ``rate = numerator ÷ denominator`` (in %)."""

    numerator: Ident
    denominator: Ident


class Indicator(_Strict):
    """An indicator of the plan, with all statements about it."""

    id: Ident
    subplan: Ident | None = None
    name_zh: Text
    name_en: Text
    unit: Text
    direction: Direction
    binding: bool | None = None
    breakdown_dimension: Dimension | None = None
    breakdowns: list[Breakdown] = Field(default_factory=list)
    breakdowns_sum_to_total: bool = False
    ratio_of: RatioOf | None = None
    note: Text | None = None
    series: Annotated[list[Series], Field(min_length=1)]


class PlanFile(_Strict):
    """A whole target file."""

    plan: PlanHeader
    subplans: list[Subplan] = Field(default_factory=list)
    indicators: Annotated[list[Indicator], Field(min_length=1)]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a target file, for editors (``#:schema`` first-line comment)."""
    schema = PlanFile.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "gapcalc target file"
    return schema
