"""What a report may say of each indicator in a year: one typed statement, derived once from the report row and
the plan, that every human output (brief, page, site, table) renders and none recomputes.

A :class:`Statement` holds the figure with its comparator, date and 口径; the year's target and the final target
with their comparators, ranges and period totals; the base year as the plan states it or as the first observation;
the phase of the plan (before, during, final year, after); the pace against time; whether the growth observed
reaches the final target; the evaluation class (提前实现 / 快于预期 / 基本符合预期 / 滞后, or why none); and the
caveats a reader must see. The rules are in ``docs/methodology.md`` §10.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from gapcalc.engine.contracts import RATE_UNIT
from gapcalc.engine.pace import InYear
from gapcalc.plan.compiled import KIND_CODES, CompiledPlan

Phase = Literal["before", "during", "final", "after"]
"""Where the report year stands in the plan: before its first year, inside it, its final year, after it."""

Verdict = Literal["achieved_early", "ahead", "as_expected", "lagging", "completed", "not_completed",
                  "undetermined", "no_figure", "qualitative", "status_quo"]
"""The evaluation class of one target (docs/methodology.md §10): the four classes of the NDRC mid-term evaluations
(提前实现, 快于预期, 基本符合预期, 滞后), the two of a final evaluation (已完成, 未完成), and why there is none
(``status_quo``: the plan states only a present value for the key, no target)."""

VERDICTS: tuple[Verdict, ...] = ("achieved_early", "ahead", "as_expected", "lagging", "completed", "not_completed",
                                 "undetermined", "no_figure", "qualitative", "status_quo")

Pace = Literal["ahead", "level", "behind"]
Reach = Literal["reaches", "close", "short", "away"]
"""The growth observed against the growth required (R of docs/methodology.md §6): R ≥ 1 reaches the final target on
time; 0.95 ≤ R < 1 close to it; 0 ≤ R < 0.95 short of it; R < 0 moving away."""

CaveatKind = Literal["bound", "part_year", "scope", "earlier_year", "first_observation", "draft_plan",
                     "derived_unit"]

COUNT_UNITS = frozenset("个家户条项台种次场只位件人座所")


def counted(unit: str) -> bool:
    """True for a unit of things counted (家, 个, 项 …) and for gapcalc's additions since a year: a count's change is
    the number of things, never a growth rate (``2020年需新增2家``, a straight path of 36 a year in a chart)."""
    return unit in COUNT_UNITS or unit.startswith("additions since ")
"""Units that count things: a computed number of them is shown whole (docs/methodology.md §3)."""


@dataclass(frozen=True)
class Figure:
    """The latest published figure up to the report year, as it was published."""

    value: Decimal
    year: int
    comparator: str | None = None
    """``>=``/``>`` a lower bound (超, 以上), ``<=``/``<`` an upper one; None for an exact figure."""
    as_of: str | None = None
    """``YYYY-MM`` of a figure that does not cover the whole year."""
    scope: str | None = None
    """The figure's 口径 where it differs from the indicator's."""

    @property
    def is_bound(self) -> bool:
        """True for a lower or upper bound."""
        return self.comparator in (">=", ">", "<=", "<")


@dataclass(frozen=True)
class Goal:
    """A target as the plan states it (or as the plan's path gives it for a year): value, comparator, range."""

    value: Decimal
    year: int
    comparator: str = "="
    upper: Decimal | None = None
    source: str = "plan"
    """``plan`` (stated for the year), ``interpolated`` (on the straight path between stated ones), ``final``
    (the final target, after its year)."""
    period: tuple[int, int] | None = None
    """The years a period total adds up, when the target is one (``十四五期间累计2500亿元以上``)."""
    change: Change | None = None
    """The change the plan states, where it states the target as a change on a base year (``较2017年下降18%``):
    written as stated, never as the level it resolves to."""


@dataclass(frozen=True)
class Change:
    """A target the plan states as a relative change on a base year (kind ``change_vs_baseline``)."""

    sign: int
    """+1 for an increase, −1 for a decrease."""
    number: Decimal
    """The size of the change in %, as stated (18 for 下降18%)."""
    since: int
    """The base year of the change."""
    comparator: str = "="
    """The comparator on the size of the change, as stated (``>=`` for 下降18%以上)."""


@dataclass(frozen=True)
class Base:
    """Where progress is measured from: the plan's stated baseline, or the first observation when it states none."""

    value: Decimal
    year: int
    stated: bool


@dataclass(frozen=True)
class Progress:
    """Progress against time elapsed, from the base to the figure (时间过半、任务过半)."""

    task_pct: float
    time_pct: float
    pace: Pace


@dataclass(frozen=True)
class Need:
    """What reaching the final target still takes from the figure on."""

    years: int
    cagr_pct: float | None
    change_per_year: float | None


@dataclass(frozen=True)
class Observed:
    """The growth observed from the base to a whole-year figure: its years of growth (the year after the base to the
    figure's year) and its average a year, compound (the row's ``observed_cagr_pct``) and arithmetic."""

    start: int
    end: int
    cagr_pct: float | None
    change_per_year: float | None


@dataclass(frozen=True)
class Caveat:
    """A reason to read a figure or a verdict with care."""

    kind: CaveatKind
    text: str = ""


@dataclass(frozen=True)
class Statement:
    """Everything a report says of one indicator (and breakdown) in one year."""

    plan: str
    indicator: str
    breakdown: str | None
    name_zh: str
    name_en: str
    breakdown_zh: str | None
    breakdown_en: str | None
    unit: str
    direction: str
    year: int
    phase: Phase
    binding: bool | None
    figure: Figure | None
    target: Goal | None
    final: Goal | None
    base: Base | None
    status: str
    outlook: str | None
    verdict: Verdict
    gap: Decimal | None = None
    attainment_pct: float | None = None
    progress: Progress | None = None
    need: Need | None = None
    observed_cagr_pct: float | None = None
    observed: Observed | None = None
    """The growth observed that the reach is judged on, with its years (None for a part-year figure)."""
    growth_ratio: float | None = None
    reach: Reach | None = None
    target_text: str | None = None
    unresolved: bool = False
    stated_final: Stated | None = None
    """The plan's wording of its last target, where no level can be drawn from it yet (a change on an unknown base,
    quotas on an unknown stock)."""
    status_quo: bool = False
    """True where the plan states only a present value (现状), no target."""
    caveats: tuple[Caveat, ...] = ()
    in_year: InYear | None = None
    """The in-year pace of a figure of part of the report year, with its warning level (never the year's
    verdict)."""
    source: str | None = None
    source_title: str | None = None
    note: str | None = None
    note_en: str | None = None
    subplan: str | None = None
    row: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def quantified(self) -> bool:
        """True for a target with a number (for the year, at the end, or as a change not yet resolvable)."""
        return self.target is not None or self.final is not None or (
            self.stated_final is not None and self.stated_final.kind != "qualitative")

    @property
    def on_rates(self) -> bool:
        """True when the target and the figure are growth rates (:mod:`gapcalc.engine.rates`)."""
        return self.unit == RATE_UNIT

    @property
    def current(self) -> bool:
        """True when the figure is of the report year and covers the whole year."""
        return self.figure is not None and self.figure.year == self.year and self.figure.as_of is None

    @property
    def at_first_point(self) -> bool:
        """True when the figure is the base itself: nothing yet to measure progress by."""
        return self.figure is not None and self.base is not None and self.figure.year == self.base.year

    def has(self, kind: CaveatKind) -> bool:
        """True when the statement carries a caveat of ``kind``."""
        return any(c.kind == kind for c in self.caveats)


@dataclass(frozen=True)
class Stated:
    """A target as the plan words it, for a year: what counts when several statements give one (the engine's
    choice: explicit levels, then changes, then quotas; the first in the file among equals)."""

    comparator: str
    upper: Decimal | None
    kind: str
    number: Decimal | None = None
    """The stated change or the quotas' total, where the level depends on a figure not yet known."""
    sign: int = 1
    since: int | None = None
    """The base year of a change, or the first year of quotas."""
    period: tuple[int, int] | None = None
    """The years a period total adds up."""
    year: int | None = None
    """The year the plan states it for."""


@dataclass(frozen=True)
class KeyFacts:
    """What the plan says of one indicator and breakdown beyond the report row."""

    binding: bool | None = None
    stated_base_years: frozenset[int] = frozenset()
    comparators: Mapping[int, tuple[str, Decimal | None, str]] = field(default_factory=dict)
    """Per target year: (comparator, upper value of a range, kind) of the statement that counts."""
    periods: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Per target year of a period total: the years it adds up."""
    stated: Mapping[int, Stated] = field(default_factory=dict)
    """Per target year: the statement that counts."""
    has_target: bool = True
    """False for a key the plan gives only a baseline for (a description of the present, not a target)."""


@dataclass(frozen=True)
class PlanFacts:
    """The plan's own facts the statements need: its period, base year, whether it is a draft, and per key."""

    plan: str
    start_year: int
    final_year: int
    base_year: int
    draft: bool
    keys: Mapping[tuple[str, str], KeyFacts]
    units: Mapping[str, str] = field(default_factory=dict)
    """Each indicator's unit as the plan states it."""

    def of(self, indicator: str, breakdown: str | None) -> KeyFacts:
        """The facts of one key (empty facts when the plan has none)."""
        return self.keys.get((indicator, breakdown or ""), KeyFacts())

    def time_elapsed_pct(self, year: int) -> float | None:
        """Share of the plan period elapsed at the end of ``year``, from the plan's base year (one number per plan
        and year; None before the period or for a period of no length)."""
        span = self.final_year - self.base_year
        if span <= 0 or year < self.base_year:
            return None
        return 100.0 * min(year - self.base_year, span) / span


DRAFT_WORDS = ("征求意见稿", "徵求意見稿", "草案", "送审稿", "draft for comment")
"""Words by which a plan's document says it is not the final text."""


def plan_facts(plan: CompiledPlan) -> PlanFacts:
    """The facts of ``plan`` the statements need, from its compiled tables."""
    keys = plan.key_rows()
    base_years: dict[int, set[int]] = {}
    for row in plan.part_rows("baselines"):
        base_years.setdefault(int(row["key"]), set()).add(int(row["year"]))
    chosen: dict[tuple[int, int], dict[str, Any]] = {}
    for row in plan.part_rows("statements"):
        place = (int(row["key"]), int(row["year"]))
        if place not in chosen or (row["priority"], row["order"]) < (chosen[place]["priority"],
                                                                     chosen[place]["order"]):
            chosen[place] = row
    stated: dict[int, dict[int, Stated]] = {}
    for (key, year), row in chosen.items():
        stated.setdefault(key, {})[year] = _stated(row)
    facts = {(str(k["indicator"]), str(k["breakdown"] or "")): _key_facts(
        frozenset(base_years.get(position, ())), stated.get(position, {}), bool(k["stated"]))
        for position, k in enumerate(keys)}
    text = " ".join(filter(None, (plan.document, plan.name_zh)))
    return PlanFacts(plan.id, plan.period[0], plan.period[1], plan.base_year,
                     any(word in text for word in DRAFT_WORDS), facts, dict(plan.units))


def _stated(row: Mapping[str, Any]) -> Stated:
    kind = KIND_CODES[int(row["kind"])]
    upper = Decimal(row["upper"]) if row.get("upper") not in (None, "") else None
    number = Decimal(row["number"]) if row.get("number") not in (None, "") else None
    since = row["depends_year"] if row.get("depends_year") is not None else row.get("series_base_year")
    period = None
    if kind == "period_total":
        start, end = row.get("period_start"), row.get("period_end")
        period = (int(start), int(end)) if start is not None and end is not None else (int(row["year"]),) * 2
    return Stated(str(row["comparator"] or "="), upper, kind, number, int(row.get("sign") or 1),
                  int(since) if since is not None else None, period, int(row["year"]))


def _key_facts(base_years: frozenset[int], stated: Mapping[int, Stated], has_target: bool) -> KeyFacts:
    comparators = {year: (s.comparator, s.upper, s.kind) for year, s in stated.items()}
    periods = {year: s.period for year, s in stated.items() if s.period is not None}
    return KeyFacts(None, base_years, comparators, periods, stated, has_target)


def phase_of(facts: PlanFacts, year: int) -> Phase:
    """Where ``year`` stands in the plan period."""
    if year < facts.start_year:
        return "before"
    if year < facts.final_year:
        return "during"
    return "final" if year == facts.final_year else "after"


def statements_of(facts: PlanFacts, rows: Sequence[Mapping[str, Any]]) -> list[Statement]:
    """One statement per report row of the plan of ``facts``."""
    return [statement_of(facts, row) for row in rows]


def _words_unit(facts: PlanFacts, row: Mapping[str, Any]) -> str:
    return words_unit(str(row.get("unit") or ""), facts.units.get(str(row["indicator"]), ""))


def words_unit(unit: str, own: str) -> str:
    """The unit a row's words and cells use: the row's ``unit``, with the unit of the things added (the indicator's
    ``own`` unit) when the row is on gapcalc's additions scale (``additions since 2019 (家)``: 2020—2022年累计新增
    600家以上, +36家/年; not 新增600以上, +36/年)."""
    if unit.startswith("additions since ") and own and not own.startswith(("additions since ", "index")):
        return f"{unit} ({own})"
    return unit


def statement_of(facts: PlanFacts, row: Mapping[str, Any]) -> Statement:
    """The statement of one report row."""
    key = facts.of(str(row["indicator"]), row.get("breakdown"))
    year = int(row["year"])
    figure = _figure(row)
    final = _final_goal(row, key)
    target = _year_goal(row, key, final)
    base = _base(row, key)
    progress = _progress(row, figure, base)
    phase = _key_phase(facts, final, year)
    reach = _reach(_points_ratio(row, figure, base, final) if str(row.get("unit") or "") == "%" else
                   row.get("growth_ratio"))
    status, outlook = str(row.get("status") or ""), row.get("outlook")
    statement = Statement(
        plan=str(row["plan"]), indicator=str(row["indicator"]), breakdown=row.get("breakdown"),
        name_zh=str(row.get("name_zh") or row["indicator"]), name_en=str(row.get("name_en") or row["indicator"]),
        breakdown_zh=row.get("breakdown_zh"), breakdown_en=row.get("breakdown_en"), unit=_words_unit(facts, row),
        direction=str(row.get("direction") or "up"), year=year, phase=phase, binding=key.binding, figure=figure,
        target=target, final=final, base=base, status=status, outlook=outlook,
        verdict="qualitative", gap=_decimal(row.get("gap")), attainment_pct=row.get("attainment_pct"),
        progress=progress, need=_need(row, figure, final), observed_cagr_pct=row.get("observed_cagr_pct"),
        observed=_observed(row, figure, base),
        growth_ratio=row.get("growth_ratio"), reach=reach, target_text=row.get("target_text"),
        unresolved=row.get("target_source") == "unresolved", stated_final=_last_stated(key),
        status_quo=not key.has_target, in_year=_in_year(row), source=row.get("source"),
        source_title=row.get("source_title"), note=row.get("note"), note_en=row.get("note_en"),
        subplan=row.get("subplan"), row=row)
    return _with_verdict(_with_caveats(statement, facts))


def _in_year(row: Mapping[str, Any]) -> InYear | None:
    """The in-year reading the engine gave a figure of part of the year, if any."""
    kind = row.get("in_year_kind")
    if not kind:
        return None
    done = row.get("done_pct")
    start = row.get("in_year_start")
    return InYear(kind, float(row["elapsed_pct"]), None if done is None else float(done),
                  float(row["in_year_expected"]), float(row["pace_pp"]), row["warning"], row.get("in_year_method")
                  or "linear", None if start is None else float(start))


def _last_stated(key: KeyFacts) -> Stated | None:
    return key.stated[max(key.stated)] if key.stated else None


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _figure(row: Mapping[str, Any]) -> Figure | None:
    value = _decimal(row.get("actual"))
    if value is None or row.get("actual_year") is None:
        return None
    return Figure(value, int(row["actual_year"]), row.get("actual_comparator") or None, row.get("as_of") or None,
                  row.get("scope") or None)


def _final_goal(row: Mapping[str, Any], key: KeyFacts) -> Goal | None:
    value = _decimal(row.get("final_target"))
    if value is None or row.get("final_year") is None:
        return None
    year = int(row["final_year"])
    comparator, upper, _ = key.comparators.get(year, ("=", None, "level"))
    return Goal(value, year, comparator, upper, "plan", key.periods.get(year), _change(key.stated.get(year)))


FLIPPED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def _change(stated: Stated | None) -> Change | None:
    """The change a statement states on a base year, with its comparator on the size of the change (a stated
    decrease's comparator applies to the level flipped: docs/methodology.md §2)."""
    if stated is None or stated.kind != "change_vs_baseline" or stated.number is None or stated.since is None:
        return None
    comparator = FLIPPED.get(stated.comparator, stated.comparator) if stated.sign < 0 else stated.comparator
    return Change(stated.sign, stated.number, stated.since, comparator)


def _year_goal(row: Mapping[str, Any], key: KeyFacts, final: Goal | None) -> Goal | None:
    value = _decimal(row.get("target"))
    if value is None:
        return None
    year, source = int(row["year"]), str(row.get("target_source") or "plan")
    if source == "final" and final is not None:
        return Goal(value, final.year, final.comparator, final.upper, "final", final.period, final.change)
    if source == "rate":  # a growth rate, whatever the year: the plan's rate a year over its period
        return Goal(value, int(row.get("final_year") or year), str(row.get("comparator") or "="), None, "rate")
    if source == "plan":
        comparator, upper, _ = key.comparators.get(year, (str(row.get("comparator") or "="), None, "level"))
        return Goal(value, year, comparator, upper, "plan", key.periods.get(year), _change(key.stated.get(year)))
    period = final.period if final is not None else None
    return Goal(value, year, "=", None, source, (period[0], year) if period else None)


_SCALE_BASE = re.compile(r"(?:index \(|additions since )(\d{4})")


def _base(row: Mapping[str, Any], key: KeyFacts) -> Base | None:
    value = _decimal(row.get("baseline"))
    if value is None or row.get("baseline_year") is None:
        return None
    year = int(row["baseline_year"])
    return Base(value, year, year in key.stated_base_years or bool(key.periods) or _scale_base(row) == year)


def _scale_base(row: Mapping[str, Any]) -> int | None:
    """The base year of gapcalc's derived scale of a row (``index (2017=100)``, ``additions since 2019``): its level
    there is 100 or 0 by construction, the plan's base, never a figure observed."""
    found = _SCALE_BASE.match(str(row.get("unit") or ""))
    return int(found.group(1)) if found else None


def _progress(row: Mapping[str, Any], figure: Figure | None, base: Base | None) -> Progress | None:
    task, time = row.get("progress_pct"), row.get("time_elapsed_pct")
    if figure is None or base is None or figure.year <= base.year or task is None or not time or figure.as_of:
        return None  # a part-year figure is not measured against the time elapsed to the year's end
    task_r, time_r = round(float(task), 1), round(float(time), 1)
    pace: Pace = "ahead" if task_r > time_r else "level" if task_r == time_r else "behind"
    return Progress(float(task), float(time), pace)


def _observed(row: Mapping[str, Any], figure: Figure | None, base: Base | None) -> Observed | None:
    """The growth observed from the base to a whole-year figure (a part-year figure is not a year's level)."""
    from gapcalc.engine.formulas import arithmetic_rate

    if figure is not None and str(row.get("unit") or "") == RATE_UNIT:  # the average of whole years' rates (§11)
        since, average = row.get("baseline_year"), row.get("observed_cagr_pct")
        last = figure.year - 1 if figure.as_of else figure.year
        if since is None or average is None or last <= int(since):
            return None
        return Observed(int(since) + 1, last, float(average), None)
    if figure is None or base is None or figure.year <= base.year or figure.as_of:
        return None
    cagr = row.get("observed_cagr_pct")
    change = arithmetic_rate(base.value, figure.value, figure.year - base.year)
    return Observed(base.year + 1, figure.year, None if cagr is None else float(cagr), change)


def _need(row: Mapping[str, Any], figure: Figure | None, final: Goal | None) -> Need | None:
    """What the final target still needs from a whole-year figure (from a part-year one only for a growth rate, whose
    average runs on whole years: docs/methodology.md §11–12)."""
    if figure is None or final is None or final.year <= figure.year:
        return None
    if figure.as_of and str(row.get("unit") or "") != RATE_UNIT:
        return None
    cagr, change = row.get("required_cagr_pct"), row.get("required_change_per_year")
    if cagr is None and change is None:
        return None
    return Need(final.year - figure.year, cagr, change)


def _key_phase(facts: PlanFacts, final: Goal | None, year: int) -> Phase:
    if final is None:
        return phase_of(facts, year)
    if year < facts.start_year:
        return "before"
    return "during" if year < final.year else "final" if year == final.year else "after"


def _points_ratio(row: Mapping[str, Any], figure: Figure | None, base: Base | None,
                  final: Goal | None) -> float | None:
    """R in percentage points for a share or a rate (%): the points a year observed over the points a year the
    period asks (formulas.arithmetic_rate), as the growth still needed is worded in points; the row's ratio where
    either is undefined."""
    from gapcalc.engine.formulas import arithmetic_rate, growth_ratio

    if figure is None or base is None or final is None:
        return row.get("growth_ratio")
    observed = arithmetic_rate(base.value, figure.value, figure.year - base.year)
    required = arithmetic_rate(base.value, final.value, final.year - base.year)
    ratio = growth_ratio(observed, required, str(row.get("direction") or "up"))
    return ratio if ratio is not None else row.get("growth_ratio")


def _reach(ratio: Any) -> Reach | None:
    if ratio is None:
        return None
    ratio = float(ratio)
    return "reaches" if ratio >= 1 else "close" if ratio >= 0.95 else "short" if ratio >= 0 else "away"


def _with_caveats(statement: Statement, facts: PlanFacts) -> Statement:
    caveats: list[Caveat] = []
    figure = statement.figure
    if figure is not None:
        if figure.is_bound:
            caveats.append(Caveat("bound"))
        if figure.as_of:
            caveats.append(Caveat("part_year", figure.as_of))
        if figure.scope:
            caveats.append(Caveat("scope", figure.scope))
        if figure.year != statement.year:
            caveats.append(Caveat("earlier_year", str(figure.year)))
        if statement.at_first_point and statement.base is not None and not statement.base.stated:
            caveats.append(Caveat("first_observation", str(figure.year)))
    if statement.unit.startswith(("index (", "additions since ")):
        caveats.append(Caveat("derived_unit", statement.unit))
    if facts.draft:
        caveats.append(Caveat("draft_plan"))
    return _replace(statement, caveats=tuple(caveats))


def _replace(statement: Statement, **changes: Any) -> Statement:
    from dataclasses import replace

    return replace(statement, **changes)


def _with_verdict(statement: Statement) -> Statement:
    return _replace(statement, verdict=verdict_of(statement))


def verdict_of(statement: Statement) -> Verdict:
    """The evaluation class of a statement (docs/methodology.md §10)."""
    if statement.status_quo:
        return "status_quo"
    if not statement.quantified:
        return "qualitative"
    figure = statement.figure
    if figure is None:
        return "no_figure"
    if statement.phase in ("final", "after"):
        return _final_verdict(statement)
    if statement.outlook == "achieved" and not figure.as_of and not _bound_undecided(statement):
        return "achieved_early"
    if statement.status == "inconclusive" or figure.as_of or statement.at_first_point:
        return "undetermined"
    if figure.is_bound and not statement.current:  # a bound of an earlier year decides nothing about this one
        return "undetermined"
    if statement.current and statement.status == "met":
        pace = statement.progress.pace if statement.progress is not None else None
        if pace == "ahead":
            return "ahead"
        return "lagging" if pace == "behind" and statement.reach in ("short", "away") else "as_expected"
    if statement.current and statement.status == "not_met":
        return "as_expected" if statement.outlook == "on_track" else "lagging"
    return _earlier_verdict(statement)


def _bound_undecided(statement: Statement) -> bool:
    figure = statement.figure
    return figure is not None and figure.is_bound and statement.status == "inconclusive"


def _final_verdict(statement: Statement) -> Verdict:
    """At and after the final year a target is completed or not, by the final year's figure."""
    figure, final = statement.figure, statement.final
    if figure is None or final is None:
        return "no_figure"
    if statement.outlook == "achieved" and not _bound_undecided(statement):
        return "completed"
    if figure.year < final.year or figure.as_of:
        return "undetermined"
    if statement.status in ("met", "not_met") and figure.year == statement.year:
        return "completed" if statement.status == "met" else "not_completed"
    return "undetermined" if figure.is_bound else "not_completed"


def _earlier_verdict(statement: Statement) -> Verdict:
    """Without a whole-year figure of the report year, the latest figure's pace and outlook judge."""
    if statement.outlook == "on_track":
        return "ahead" if statement.progress is not None and statement.progress.pace == "ahead" else "as_expected"
    if statement.outlook in ("acceleration_needed", "limited_progress", "deterioration"):
        return "lagging"
    return "undetermined"


@dataclass(frozen=True)
class Overview:
    """The counts of a plan-year that the overview states: every count is the length of a section's list."""

    targets: int
    quantified: int
    qualitative: int
    by_verdict: Mapping[str, tuple[Statement, ...]]
    assessed: int
    met: int
    time_elapsed_pct: float | None
    phase: Phase
    warnings: Mapping[str, tuple[Statement, ...]] = field(default_factory=dict)
    """The targets judged in-year, by warning level (``red``, ``yellow``, ``green``)."""

    @property
    def warned(self) -> int:
        """预警: targets at a red or yellow warning level."""
        return len(self.warnings.get("red", ())) + len(self.warnings.get("yellow", ()))

    @property
    def met_share_pct(self) -> float | None:
        """指标完成率: met ÷ assessed, in %."""
        return 100.0 * self.met / self.assessed if self.assessed else None

    def count(self, verdict: str) -> int:
        """How many targets fall in ``verdict``."""
        return len(self.by_verdict.get(verdict, ()))


def overview_of(facts: PlanFacts, statements: Sequence[Statement], year: int) -> Overview:
    """The overview's counts, from the statements themselves."""
    by_verdict: dict[str, list[Statement]] = {v: [] for v in VERDICTS}
    for statement in statements:
        by_verdict[statement.verdict].append(statement)
    targets = [s for s in statements if not s.status_quo]
    assessed = [s for s in targets if s.status in ("met", "not_met")]
    return Overview(
        targets=len(targets), quantified=sum(1 for s in targets if s.quantified),
        qualitative=len(by_verdict["qualitative"]), by_verdict={k: tuple(v) for k, v in by_verdict.items()},
        assessed=len(assessed), met=sum(1 for s in assessed if s.status == "met"),
        time_elapsed_pct=facts.time_elapsed_pct(year), phase=phase_of(facts, year),
        warnings={level: tuple(s for s in targets if s.in_year is not None and s.in_year.warning == level)
                  for level in ("red", "yellow", "green")})
