"""The document's own consistency: increments against totals, text against tables, milestones against direction,
and rates against the amounts they are computed from.

These are *warnings*: a faithful encoding keeps what the document says, and the check makes the contradiction
visible with both numbers and both places. They fail ``gapcalc check`` only with ``--strict``. Their messages are
formatted only when a finding is read (:func:`gapcalc.errors.later`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from gapcalc.errors import Finding
from gapcalc.errors import later as t  # t() of gapcalc.messages, formatted only when its finding is read
from gapcalc.plan.levels import format_decimal
from gapcalc.plan.load import LoadedPlan
from gapcalc.plan.resolve import Statement, resolve_indicator, stated_baselines


def check_consistency(loaded: LoadedPlan) -> list[Finding]:
    """GC201–GC205 warnings for one plan."""
    found: list[Finding] = []
    for index, indicator in enumerate(loaded.plan.indicators):
        statements = resolve_indicator(indicator, loaded.plan.plan)
        found.extend(_disagreements(loaded, index, statements))
        found.extend(_baseline_disagreements(loaded, index, statements))
        found.extend(_monotonic(loaded, index, statements))
        if indicator.breakdowns_sum_to_total:
            found.extend(_sum_to_total(loaded, index, statements))
        if indicator.ratio_of is not None:
            found.extend(_rate_arithmetic(loaded, index, statements))
    return found


def _where(loaded: LoadedPlan, index: int, statement: Statement) -> tuple[str | int, ...]:
    return ("indicators", index) + statement.path


def _place(loaded: LoadedPlan, index: int, statement: Statement) -> str:
    source = statement.series.source
    label = source.table or source.section or ""
    line = loaded.where(*_where(loaded, index, statement))[0]
    return t("{label} (line {line})", label=label, line=line) if label else t("line {line}", line=line)


def _derivation(statement: Statement) -> str:
    """How a level derived from a quota of additions was computed: ``3 + 1 + 1 + 1 = 6``."""
    indicator, series = statement.indicator, statement.series
    baselines = stated_baselines(indicator, series.breakdown)
    first = min(v.year for v in series.values)
    earlier = [y for y in baselines if y < first]
    parts = [format_decimal(baselines[max(earlier)])] if earlier else []
    parts += [format_decimal(v.value) for v in series.values if v.year <= statement.year and v.value is not None]
    return f"{' + '.join(parts)} = {format_decimal(statement.level)}"


def _bound(statement: Statement) -> str:
    """The stated comparator, with "=" read as reaching the number ("≥", or "≤" for a lower-is-better level)."""
    comparator = statement.value.comparator
    if comparator != "=":
        return comparator
    lower_is_better = statement.indicator.direction == "down" and statement.kind in ("level", "cumulative")
    return "<=" if lower_is_better else ">="


def _as_stated(statement: Statement) -> Statement:
    """An unresolved relative change compared by its stated number (a change of 20 % vs one of 18 %)."""
    return statement._replace(level=statement.value.value)


def _comparable(statement: Statement) -> bool:
    return statement.level is not None and statement.kind not in ("baseline", "qualitative", "period_total")


def _disagreements(loaded: LoadedPlan, index: int, statements: list[Statement]) -> Iterator[Finding]:
    """Statements of one year that resolve to different levels, or (unresolved changes) state different numbers."""
    groups: dict[tuple[str | None, int, str], list[Statement]] = defaultdict(list)
    for statement in statements:
        if _comparable(statement):
            groups[(statement.breakdown, statement.year, "")].append(statement)
        elif statement.level is None and statement.kind in ("change_vs_baseline", "pp_change", "annual_growth"):
            groups[(statement.breakdown, statement.year, f"{statement.kind}:{statement.series.change}")].append(
                _as_stated(statement))
    for (breakdown, year, _), group in groups.items():
        first = group[0]
        for other in group[1:]:
            if other.level != first.level:
                yield _disagreement(loaded, index, breakdown, year, first, other)
            elif _bound(other) != _bound(first) and "new_in_year" not in (other.kind, first.kind):
                yield _comparator_disagreement(loaded, index, breakdown, year, first, other)


def _disagreement(loaded: LoadedPlan, index: int, breakdown: str | None, year: int, first: Statement,
                  other: Statement) -> Finding:
    indicator = first.indicator.id + (f" [{breakdown}]" if breakdown else "")
    derived = [s for s in (first, other) if s.kind == "new_in_year"]
    stated = [s for s in (first, other) if s.kind != "new_in_year"]
    where = _where(loaded, index, other)
    if len(derived) == 1 and stated:
        quota, total = derived[0], stated[0]
        message = (t("{indicator} {year}: increments add up to {quota} at {place}, but {place2} states {level}",
                     indicator=indicator, year=year, quota=_derivation(quota), place=_place(loaded, index, quota),
                     place2=_place(loaded, index, total), level=format_decimal(total.level)))
        return loaded.at("GC201", message, where, t("the document contradicts itself; keep both and say which you use"))
    message = (t("{indicator} {year}: {place} gives {first}, {place2} gives {other}",
                 indicator=indicator, year=year, place=_place(loaded, index, first), first=_describe(first),
                 place2=_place(loaded, index, other), other=_describe(other)))
    return loaded.at("GC202", message, where, t("the document contradicts itself; the first statement is used"))


def _comparator_disagreement(loaded: LoadedPlan, index: int, breakdown: str | None, year: int, first: Statement,
                             other: Statement) -> Finding:
    indicator = first.indicator.id + (f" [{breakdown}]" if breakdown else "")
    level = format_decimal(first.level)
    message = (t("{indicator} {year}: {place} states {comparator} {level}, {place2} states {comparator2} {level}",
                 indicator=indicator, year=year, place=_place(loaded, index, first),
                 comparator=first.value.comparator, level=level, place2=_place(loaded, index, other),
                 comparator2=other.value.comparator))
    return loaded.at("GC202", message, _where(loaded, index, other),
                     t("the document contradicts itself on the bound; the first statement is used"))


def _describe(statement: Statement) -> str:
    if statement.kind == "new_in_year":
        return _derivation(statement)
    stated = format(statement.value.value, "f") if statement.value.value is not None else ""
    level = format_decimal(statement.level)
    return level if stated == level else f"{stated} ({statement.kind}) = {level}"


def _baseline_disagreements(loaded: LoadedPlan, index: int, statements: list[Statement]) -> Iterator[Finding]:
    first_seen: dict[tuple[str | None, int], Statement] = {}
    for statement in statements:
        if statement.kind != "baseline" or statement.level is None:
            continue
        key = (statement.breakdown, statement.year)
        first = first_seen.setdefault(key, statement)
        if first is not statement and first.level != statement.level:
            yield loaded.at("GC202", t("{id} baseline {year}: {place} gives {level}, {place2} gives {level2}",
                                       id=statement.indicator.id, year=statement.year,
                                       place=_place(loaded, index, first), level=format_decimal(first.level),
                                       place2=_place(loaded, index, statement),
                                       level2=format_decimal(statement.level)),
                            _where(loaded, index, statement), t("the document contradicts itself"))


def _monotonic(loaded: LoadedPlan, index: int, statements: list[Statement]) -> Iterator[Finding]:
    by_series: dict[int, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.kind in ("level", "cumulative") and statement.level is not None:
            by_series[statement.series_index].append(statement)
    for series_statements in by_series.values():
        ordered = sorted(series_statements, key=lambda s: s.year)
        sign = 1 if ordered and ordered[0].indicator.direction == "up" else -1
        for before, after in zip(ordered, ordered[1:], strict=False):
            assert before.level is not None and after.level is not None
            if sign * (after.level - before.level) < 0:
                word = "falls" if sign > 0 else "rises"
                yield loaded.at("GC203", t("{id}: the milestone {word} from {level} ({year}) to {level2} ({year2}) "
                                           "although direction is {direction}",
                                           id=before.indicator.id, word=word, level=format_decimal(before.level),
                                           year=before.year, level2=format_decimal(after.level), year2=after.year,
                                           direction=before.indicator.direction),
                                _where(loaded, index, after), t("check the figures, or whether a column is 'new' "
                                                                "rather than 'cumulative'"))


def _sum_to_total(loaded: LoadedPlan, index: int, statements: list[Statement]) -> Iterator[Finding]:
    totals: dict[tuple[str, int], Statement] = {}
    parts: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for statement in statements:
        if statement.level is None or statement.kind == "qualitative":
            continue
        key = (statement.kind, statement.year)
        if statement.breakdown is None:
            totals.setdefault(key, statement)
        else:
            parts[key] += statement.value.value or Decimal(0)
    for key, total in totals.items():
        if key in parts and total.value.value is not None and parts[key] != total.value.value:
            yield loaded.at("GC204", t("{id} {key} ({key2}): the breakdowns add up to {parts}, the total is {value}",
                                       id=total.indicator.id, key=key[1], key2=key[0],
                                       parts=format_decimal(parts[key]), value=format_decimal(total.value.value)),
                            _where(loaded, index, total), t("the document contradicts itself"))



def _exact_figures(loaded: LoadedPlan, indicator_id: str) -> dict[tuple[str | None, int], Decimal]:
    """The figures stated exactly (``=``) for an indicator, by (breakdown, year); the first statement wins."""
    indicator = next((i for i in loaded.plan.indicators if i.id == indicator_id), None)
    figures: dict[tuple[str | None, int], Decimal] = {}
    if indicator is None:
        return figures
    for statement in resolve_indicator(indicator, loaded.plan.plan):
        if statement.kind in ("baseline", "level") and statement.value.comparator == "=" \
                and statement.value.value is not None:
            figures.setdefault((statement.breakdown, statement.year), statement.value.value)
    return figures


def rate_holds(rate: Decimal, numerator: Decimal, denominator: Decimal) -> bool:
    """Whether ``rate`` (in %) is ``numerator ÷ denominator`` rounded to the decimals the rate is printed with."""
    decimals = max(0, -int(rate.as_tuple().exponent))
    half_unit = Decimal(5) / Decimal(10) ** (decimals + 1)
    return abs(numerator * 100 / denominator - rate) <= half_unit


def _rate_arithmetic(loaded: LoadedPlan, index: int, statements: list[Statement]) -> Iterator[Finding]:
    """GC205: a rate stated beside its numerator and denominator that is not their quotient."""
    ratio = statements[0].indicator.ratio_of if statements else None
    if ratio is None:
        return
    numerators = _exact_figures(loaded, ratio.numerator)
    denominators = _exact_figures(loaded, ratio.denominator)
    reported: set[tuple[str | None, int, Decimal]] = set()
    for statement in statements:
        key = (statement.breakdown, statement.year)
        rate = statement.value.value
        if statement.kind not in ("baseline", "level") or statement.value.comparator != "=" or rate is None:
            continue
        numerator, denominator = numerators.get(key), denominators.get(key)
        if numerator is None or not denominator or rate_holds(rate, numerator, denominator):
            continue
        if (statement.breakdown, statement.year, rate) in reported:
            continue
        reported.add((statement.breakdown, statement.year, rate))
        indicator = statement.indicator.id + (f" [{statement.breakdown}]" if statement.breakdown else "")
        computed = (numerator * 100 / denominator).quantize(Decimal("0.01"))
        yield loaded.at("GC205", t("{indicator} {year}: {numerator} ÷ {denominator} = {computed} %, but {place} "
                                   "states {rate}", indicator=indicator, year=statement.year,
                                   numerator=format_decimal(numerator), denominator=format_decimal(denominator),
                                   computed=str(computed), place=_place(loaded, index, statement),
                                   rate=format_decimal(rate)),
                        _where(loaded, index, statement),
                        t("the document's own arithmetic ({numerator_id} ÷ {denominator_id}) does not hold; the "
                          "stated rate is used", numerator_id=ratio.numerator, denominator_id=ratio.denominator))
