"""Compiling a validated plan into the tables the engine reads: a :class:`~gapcalc.plan.compiled.CompiledPlan`.

Every stated number that does not depend on observed data is resolved (:mod:`gapcalc.plan.resolve`); where a level
depends on observed data (a quota series whose stock, or a relative change whose base, the plan does not state), what
it depends on is recorded instead, so that the engine finishes resolving it against the actuals. A compiled plan is
plain data (tuples and packed int64/float64 bytes), so it caches cheaply (:mod:`gapcalc.usecases.open`).
``breakdowns_of`` gives the report rows of an indicator: the headline and each breakdown the plan states.
"""

from __future__ import annotations

from array import array
from decimal import Decimal
from typing import Any

from gapcalc.plan.compiled import (
    BASE,
    BASELINE_FIELDS,
    FIXED,
    FLOAT_FIELDS,
    INT_FIELDS,
    KEY_FIELDS,
    KIND_CODES,
    STATEMENT_FIELDS,
    STOCK,
    CompiledPlan,
    pack_ints,
)
from gapcalc.plan.levels import PRIORITY
from gapcalc.plan.load import LoadedPlan
from gapcalc.plan.model import CHANGE_KINDS, Indicator
from gapcalc.plan.resolve import (
    Statement,
    change_sign,
    change_years,
    first_quota_year,
    quota_total,
    resolve_indicator,
    stated_baselines,
)


def breakdowns_of(indicator: Indicator) -> list[str | None]:
    """The headline (None) where the plan states something for it, and every declared breakdown: a breakdown without
    a target still gets a report row, so that its actuals are shown."""
    stated = {s.breakdown for s in indicator.series}
    ordered: list[str | None] = [None] if None in stated else []
    ordered += [b.key for b in indicator.breakdowns]
    ordered += sorted(b for b in stated if b is not None and b not in ordered)
    return ordered


def _text(number: Decimal | None) -> str | None:
    return None if number is None else format(number, "f")


def _key_row(indicator: Indicator, breakdown: str | None, mine: list[Statement]) -> tuple[Any, ...]:
    """The key row of one breakdown (None: the headline) of ``indicator``; ``mine``: its statements."""
    member = next((b for b in indicator.breakdowns if b.key == breakdown), None)
    kinds = [s.series.kind for s in mine]
    qualitative = [s.value.text or "" for s, kind in zip(mine, kinds, strict=True) if kind == "qualitative"]
    return (indicator.id, breakdown, indicator.name_zh, indicator.unit, indicator.direction, indicator.subplan,
            indicator.name_en, member.name_zh if member else None,
            (member.name_en or member.key) if member else None,
            "; ".join(qualitative) if qualitative else None, any(k != "baseline" for k in kinds),
            any(k != "qualitative" for k in kinds))


def _dependency(statement: Statement, header_base_year: int,
                baselines: dict[int, Decimal]) -> tuple[int, int | None, int | None, str | None, int, int]:
    """(depends, depends_year, stated_year, number, sign, years) of one statement."""
    series, value = statement.series, statement.value
    if series.kind == "new_in_year":
        first = first_quota_year(series)
        before = [y for y in baselines if y < first]
        return STOCK, first, max(before) if before else None, _text(quota_total(series, value.year)), 1, 0
    if series.kind in CHANGE_KINDS:
        base_year = series.base_year if series.base_year is not None else header_base_year
        depends = FIXED if base_year in baselines else BASE
        return depends, base_year, None, _text(value.value), change_sign(series), change_years(series, value,
                                                                                                base_year)
    return FIXED, None, None, None, 1, 0


_KIND_CODE = {kind: code for code, kind in enumerate(KIND_CODES)}


def _statement_row(key: int, order: int, statement: Statement, header_base_year: int,
                   baselines: dict[int, Decimal]) -> tuple[Any, ...]:
    series, level = statement.series, statement.level
    period, upper, kind = series.period, statement.value.upper, series.kind
    return (key, order, PRIORITY[kind], _KIND_CODE[kind], statement.value.year,
            _text(level), _value(level), statement.comparator, _text(upper), _value(upper),
            series.base_year, period[0] if period else None, period[1] if period else None,
            *_dependency(statement, header_base_year, baselines))


def _value(number: Decimal | None) -> float:
    return float("nan") if number is None else float(number)


def compile_plan(loaded: LoadedPlan) -> CompiledPlan:
    """The compiled form of a validated plan."""
    plan = loaded.plan
    header = plan.plan
    keys: list[tuple[Any, ...]] = []
    statements: list[tuple[Any, ...]] = []
    baselines: list[tuple[Any, ...]] = []
    for indicator in plan.indicators:
        by_breakdown: dict[str | None, list[tuple[int, Statement]]] = {}
        for order, statement in enumerate(resolve_indicator(indicator, header)):
            by_breakdown.setdefault(statement.series.breakdown, []).append((order, statement))
        for breakdown in breakdowns_of(indicator):
            key = len(keys)
            mine = by_breakdown.get(breakdown, [])
            keys.append(_key_row(indicator, breakdown, [statement for _, statement in mine]))
            stated = stated_baselines(indicator, breakdown)
            baselines += [(key, year, _text(value)) for year, value in stated.items()]
            statements += [_statement_row(key, order, statement, header.base_year, stated) for order, statement in mine
                           if statement.value.value is not None
                           and statement.series.kind not in ("baseline", "qualitative")]
    return CompiledPlan(
        header.id, header.name_zh, header.name_en, header.document, header.region_zh, header.region_en,
        header.base_year,
        (header.period[0], header.period[1]),
        {i.id: i.unit for i in plan.indicators},
        {i.id: tuple(b.key for b in i.breakdowns) for i in plan.indicators},
        tuple((s.id, s.name_zh, s.name_en) for s in plan.subplans),
        _columns(keys, KEY_FIELDS), _columns(statements, STATEMENT_FIELDS), _columns(baselines, BASELINE_FIELDS),
        (len(keys), len(statements), len(baselines)),
        sum(len(series.values) for indicator in plan.indicators for series in indicator.series),
    )


def _columns(rows: list[tuple[Any, ...]], fields: tuple[str, ...]) -> dict[str, Any]:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(fields)
    return {name: _packed(name, column) for name, column in zip(fields, columns, strict=True)}


def _packed(name: str, column: tuple[Any, ...]) -> Any:
    """A column as stored: int32 or float64 bytes for the packed fields, else the tuple itself."""
    if name in INT_FIELDS:
        return pack_ints(column)
    if name in FLOAT_FIELDS:
        return array("d", column).tobytes()
    return column
