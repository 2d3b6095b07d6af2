"""Rules over a whole validated plan: what the schema alone cannot say.

Each rule yields located :class:`~gapcalc.errors.Finding` objects: duplicate ids and years, years outside the
plan period, undeclared breakdowns and subplans, comparators that cannot apply, change targets without a direction,
baselines after targets, breakdown names that differ by a typo, numbers that are not finite, signs typed into the
value of a change, a change whose direction contradicts the words of its quote, and targets on the wrong side of
their baseline.

Rules run for the severity a caller keeps (:func:`check_plan`): opening a plan for a report needs only the errors, so
the rules that can only warn (near-duplicate breakdown keys, targets against their direction, draft marks not
reviewed) run for ``gapcalc check`` alone. Messages are formatted only when a finding is read
(:func:`gapcalc.errors.later`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal

from gapcalc.errors import Finding, Severity
from gapcalc.errors import later as t  # t() of gapcalc.messages, formatted only when its finding is read
from gapcalc.plan.load import LoadedPlan
from gapcalc.plan.model import CHANGE_KINDS, Indicator, Series, Value
from gapcalc.plan.review_marks import check_marks

# the same indicator may legitimately state a number a few years before the plan period (a baseline) or a
# longer-range goal a few years after it (2035 visions); anything further is a typo
_BASELINE_SLACK = 10
_BEYOND_SLACK = 15
_MAX_MAGNITUDE = Decimal("1e30")
"""No statistic is larger; beyond it (or inf / nan) a number is a typo or a hostile file."""
_DECREASE_WORDS = re.compile(r"下降|降低|减少|缩短|压减|压缩|削减|减排|减至|降至|降到|下调")
_INCREASE_WORDS = re.compile(r"提高|提升|增长|增加|增至|增到|扩大|上升|翻番|突破")
_NOT_A_CHANGE = re.compile(r"增加值|增长率|提升行动|提升工程")
"""Words that contain a change word but state none (增加值 is value added)."""
_BOUND_BY_DIRECTION = {"up": (">", ">="), "down": ("<", "<=")}
"""Comparators that state a floor (up) or a cap (down): 保持在…以上 / 控制在…以内 may sit on either side of the
baseline."""


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def check_plan(loaded: LoadedPlan, least: Severity = Severity.ERROR) -> list[Finding]:
    """The rule findings of one plan of severity ``least`` or worse: by default the errors, what opening a plan
    needs (a report, ``compare``, the site); ``gapcalc check`` asks for the warnings too. Rules that can only warn
    are not run when warnings are not wanted."""
    warnings = _RANK[least] <= _RANK[Severity.WARNING]
    found: list[Finding] = []
    found.extend(_plan_header(loaded))
    found.extend(_subplans(loaded))
    found.extend(_indicators(loaded, warnings))
    if warnings:
        found.extend(check_marks(loaded))  # GC130: readings of a draft not reviewed yet
    return found if least is Severity.INFO else [f for f in found if _RANK[f.severity] >= _RANK[least]]


def _plan_header(loaded: LoadedPlan) -> Iterator[Finding]:
    header = loaded.plan.plan
    if loaded.path.stem != header.id:
        yield loaded.at("GC113", t("plan id '{id}' differs from the file name '{stem}'",
                                   id=header.id, stem=loaded.path.stem),
                        ("plan", "id"), t("rename the file to {id}.toml or set id = \"{stem}\"",
                                          id=header.id, stem=loaded.path.stem))
    start, end = header.period
    if start > end:
        yield loaded.at("GC114", t("plan period [{start}, {end}] ends before it starts",
                                   start=start, end=end), ("plan", "period"),
                        t("write period = [start, end]"))
    if header.baseline_year is not None and header.baseline_year > start:
        yield loaded.at("GC112", t("baseline_year {baseline_year} is after the period start {start}",
                                   baseline_year=header.baseline_year, start=start),
                        ("plan", "baseline_year"), t("the baseline year is the year before the plan starts"))


def _subplans(loaded: LoadedPlan) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, sub in enumerate(loaded.plan.subplans):
        if sub.id in seen:
            yield loaded.at("GC105", t("subplan id '{id}' is used twice", id=sub.id), ("subplans", index, "id"),
                            t("give every subplan its own id"))
        seen.add(sub.id)


def _indicators(loaded: LoadedPlan, warnings: bool) -> Iterator[Finding]:
    first_seen: dict[str, int] = {}
    subplan_ids = [s.id for s in loaded.plan.subplans]
    for index, indicator in enumerate(loaded.plan.indicators):
        if indicator.id in first_seen:
            line = loaded.where("indicators", first_seen[indicator.id])[0]
            yield loaded.at("GC105", t("indicator id '{id}' is used twice (first at line {line})",
                                       id=indicator.id, line=line),
                            ("indicators", index, "id"), t("merge the two blocks or rename one"))
        else:
            first_seen[indicator.id] = index
        yield from _subplan_reference(loaded, index, indicator, subplan_ids)
        yield from _breakdowns(loaded, index, indicator, warnings)
        for s_index, series in enumerate(indicator.series):
            yield from _series(loaded, index, indicator, s_index, series)
        yield from _baseline_order(loaded, index, indicator)
        yield from _against_direction(loaded, index, indicator, warnings)
        yield from _ratio_of(loaded, index, indicator)


def _ratio_of(loaded: LoadedPlan, index: int, indicator: Indicator) -> Iterator[Finding]:
    """``ratio_of`` names two other indicators of the plan sharing one unit, and the rate is in %."""
    if indicator.ratio_of is None:
        return
    by_id = {other.id: other for other in loaded.plan.indicators}
    where = ("indicators", index, "ratio_of")
    if indicator.unit != "%":
        yield loaded.at("GC127", t("ratio_of on '{indicator_id}' whose unit is '{unit}', not %",
                                   indicator_id=indicator.id, unit=indicator.unit), where,
                        t("ratio_of is for a rate in % computed as numerator ÷ denominator"))
    parts = [indicator.ratio_of.numerator, indicator.ratio_of.denominator]
    for name, part in zip(("numerator", "denominator"), parts, strict=True):
        if part not in by_id or part == indicator.id:
            close = difflib.get_close_matches(part, list(by_id), n=1)
            hint = t("did you mean '{close}'?", close=close[0]) if close else t("name another indicator of this plan")
            part_name = t("numerator") if name == "numerator" else t("denominator")
            yield loaded.at("GC127", t("ratio_of {part_name} '{part}' is not another indicator of this plan",
                                       part_name=part_name, part=part), where + (name,), hint)
    if all(part in by_id for part in parts) and by_id[parts[0]].unit != by_id[parts[1]].unit:
        yield loaded.at("GC127", t("ratio_of parts have different units: '{numerator_unit}' and '{denominator_unit}'",
                                   numerator_unit=by_id[parts[0]].unit, denominator_unit=by_id[parts[1]].unit),
                        where, t("numerator and denominator must share one unit"))


def _subplan_reference(loaded: LoadedPlan, index: int, indicator: Indicator,
                       subplan_ids: list[str]) -> Iterator[Finding]:
    if indicator.subplan is None:
        if subplan_ids:
            yield loaded.at("GC121", t("indicator '{id}' names no subplan",
                                       id=indicator.id), ("indicators", index, "id"),
                            t("add subplan = one of {subplan_ids}", subplan_ids=', '.join(subplan_ids)))
        return
    if indicator.subplan not in subplan_ids:
        close = difflib.get_close_matches(indicator.subplan, subplan_ids, n=1)
        hint = t("did you mean '{close}'?",
                 close=close[0]) if close else t("declare it under [[subplans]] "
                                                                            "({subplan_ids})",
                                                                            subplan_ids=', '.join(subplan_ids))
        yield loaded.at("GC109", t("unknown subplan '{subplan}'",
                                   subplan=indicator.subplan), ("indicators", index, "subplan"), hint)


def _breakdowns(loaded: LoadedPlan, index: int, indicator: Indicator, warnings: bool) -> Iterator[Finding]:
    """Breakdown keys declared twice, or (a warning) nearly twice, and series naming keys not declared."""
    keys: list[str] = []
    for b_index, member in enumerate(indicator.breakdowns):
        where = ("indicators", index, "breakdowns", b_index, "key")
        if member.key in keys:
            yield loaded.at("GC119", t("breakdown '{key}' is declared twice", key=member.key), where, t("remove one"))
            continue
        close = [k for k in difflib.get_close_matches(member.key, keys, n=3, cutoff=0.85)
                 if _typo_apart(k, member.key)] if warnings else []
        if close:
            yield loaded.at("GC115", t("breakdowns '{close}' and '{key}' differ only slightly",
                                       close=close[0], key=member.key), where,
                            t("if they are the same, use one key"))
        keys.append(member.key)
    if indicator.breakdowns and indicator.breakdown_dimension is None:
        yield loaded.at("GC102", t("indicator '{id}' has breakdowns but no breakdown_dimension", id=indicator.id),
                        ("indicators", index, "breakdowns"), t("add breakdown_dimension = \"industry\" (or level, …)"))
    for s_index, series in enumerate(indicator.series):
        if series.breakdown is None or series.breakdown in keys:
            continue
        close = difflib.get_close_matches(series.breakdown, keys, n=1)
        hint = t("did you mean '{close}'?", close=close[0]) if close else t("declare it in the indicator's breakdowns")
        yield loaded.at("GC108", t("unknown breakdown '{breakdown}' in indicator '{id}'",
                                   breakdown=series.breakdown, id=indicator.id),
                        ("indicators", index, "series", s_index, "breakdown"), hint)


def _typo_apart(first: str, second: str) -> bool:
    """Two keys that differ in letters, not only in their numbers (``electronics``/``electronis``)."""
    def strip(key: str) -> str:
        return "".join(ch for ch in key if not ch.isdigit())
    return strip(first) != strip(second)


def _series(loaded: LoadedPlan, index: int, indicator: Indicator, s_index: int, series: Series) -> Iterator[Finding]:
    base = ("indicators", index, "series", s_index)
    header = loaded.plan.plan
    if series.source.section is None and series.source.table is None:
        yield loaded.at("GC102", t("source names neither a section nor a table"), base + ("source",),
                        t("add source = {{ table = \"表2 …\" }} or {{ section = \"…\" }}"))
    if series.kind in CHANGE_KINDS and series.change is None:
        yield loaded.at("GC111", t("a {kind} target needs change = \"increase\" or \"decrease\"", kind=series.kind),
                        base + ("kind",), t("下降/降低/缩短 → decrease; 提高/增长/提升 → increase"))
    if series.kind == "period_total" and series.period is None:
        yield loaded.at("GC120", t("a period_total needs period = [start, end]"), base + ("kind",),
                        t("e.g. period = [2021, 2025] for 十四五"))
    if series.per_year and series.kind != "pp_change":
        yield loaded.at("GC110", t("per_year applies to pp_change only"), base + ("per_year",), t("remove per_year"))
    seen_years: dict[int, int] = {}
    low, high = header.period[0] - _BASELINE_SLACK, header.period[1] + _BEYOND_SLACK
    for v_index, value in enumerate(series.values):
        where = (*base, "values", v_index)
        if value.year in seen_years:
            first_line = loaded.where(*base, "values", seen_years[value.year])[0]
            yield loaded.at("GC106", t("year {year} is stated twice in one series (first at line {first_line})",
                                       year=value.year, first_line=first_line),
                            where + ("year",), t("one statement gives each year once; a second statement is a new "
                                                 "series"))
        seen_years.setdefault(value.year, v_index)
        if not low <= value.year <= high:
            yield loaded.at("GC107", t("year {year} is far outside the plan period {period}",
                                       year=value.year, period=header.period),
                            where + ("year",), t("check the year for a typo"))
        elif series.kind != "baseline" and value.year < header.period[0] and series.kind != "period_total":
            yield loaded.at("GC107", t("target year {year} is before the plan period {period}",
                                       year=value.year, period=header.period),
                            where + ("year",),
                            t("a number for a year before the period is a baseline: kind = \"baseline\""))
        yield from _value_shape(loaded, series, value, where)


def _value_shape(loaded: LoadedPlan, series: Series, value: Value,
                 where: tuple[str | int, ...]) -> Iterator[Finding]:
    for name, number in (("value", value.value), ("upper", value.upper)):
        if number is not None and (not number.is_finite() or abs(number) > _MAX_MAGNITUDE):
            yield loaded.at("GC104", t("invalid value at {name}: {number} is not a figure",
                                       name=name, number=number), where + (name,),
                            t("type the number as printed in the document"))
            return
    if series.kind in CHANGE_KINDS and value.value is not None and value.value < 0:
        yield loaded.at("GC124", t("a {kind} value is the size of the change, not signed: {value}",
                                   kind=series.kind, value=value.value),
                        where + ("value",), t("write value = {value} and put the sign in change: change = "
                                              "\"decrease\" for 下降/降低/减少 18%",
                                              value=-value.value))
    if series.kind == "qualitative":
        if value.value is not None:
            yield loaded.at("GC110", t("a qualitative target has no value"), where + ("value",),
                            t("use text = \"…\" or another kind"))
        if value.text is None:
            yield loaded.at("GC122", t("a qualitative target needs text = \"…\""), where, t("quote the wording"))
        return
    if value.value is None:
        yield loaded.at("GC122", t("a {kind} statement needs value = …",
                                   kind=series.kind), where, t("add the number "
                                                                                                     "as printed"))
        return
    if value.comparator == "range":
        if value.upper is None:
            yield loaded.at("GC110", t("comparator \"range\" needs upper = …"), where + ("comparator",),
                            t("e.g. {{ value = 1, upper = 2, comparator = \"range\" }} for 1—2家"))
        elif value.upper <= value.value:
            yield loaded.at("GC110", t("range upper {upper} is not above its value {value}",
                                       upper=value.upper, value=value.value),
                            where + ("upper",), t("value is the lower end, upper the higher"))
    elif value.upper is not None:
        yield loaded.at("GC110", t("upper is only for comparator \"range\" (here {comparator!r})",
                                   comparator=value.comparator),
                        where + ("upper",), t("set comparator = \"range\" or remove upper"))
    if series.kind == "baseline" and value.comparator not in ("=", "~", ">", ">="):
        yield loaded.at("GC110", t("a baseline cannot have comparator {comparator!r}",
                                   comparator=value.comparator), where + ("comparator",),
                        t("a baseline is an observed value: use \"=\" (or \"~\", \">\" for 超/约)"))


def _baseline_order(loaded: LoadedPlan, index: int, indicator: Indicator) -> Iterator[Finding]:
    for breakdown in {s.breakdown for s in indicator.series}:
        targets = [v.year for s in indicator.series
                   if s.breakdown == breakdown and s.kind not in ("baseline", "qualitative") for v in s.values]
        if not targets:
            continue
        first_target = min(targets)
        for s_index, series in enumerate(indicator.series):
            if series.kind != "baseline" or series.breakdown != breakdown:
                continue
            for v_index, value in enumerate(series.values):
                if value.year > first_target:
                    where = ("indicators", index, "series", s_index, "values", v_index, "year")
                    message = t("baseline year {year} is after the first target year {first_target}",
                                year=value.year, first_target=first_target)
                    yield loaded.at("GC112", message,
                                    where, t("a baseline describes the situation before the targets"))


def change_words(quote: str) -> str | None:
    """``increase`` or ``decrease`` when a quote's words state only one of them (下降 18%, 提高到), else None."""
    text = _NOT_A_CHANGE.sub("", quote)
    down, up = bool(_DECREASE_WORDS.search(text)), bool(_INCREASE_WORDS.search(text))
    if down == up:
        return None
    return "decrease" if down else "increase"


def _against_direction(loaded: LoadedPlan, index: int, indicator: Indicator, warnings: bool) -> Iterator[Finding]:
    """A change whose direction contradicts its quote (an error), and (when ``warnings``) targets that move the
    indicator against its direction from the stated baseline (a warning: a cap or floor may, a target should
    not)."""
    for s_index, series in enumerate(indicator.series):
        base = ("indicators", index, "series", s_index)
        if series.kind in CHANGE_KINDS and series.change is not None:
            said = change_words(series.quote)
            if said is not None and said != series.change:
                message = t("change = \"{change}\" but the quote says {said}: '{quote}'", change=series.change,
                            said=t("increase") if said == "increase" else t("decrease"), quote=series.quote[:60])
                yield loaded.at("GC125", message, base + ("change",),
                                t("write change = \"{said}\" (下降/降低/减少 → decrease; 提高/增长 → increase)",
                                  said=said))
                continue
        if warnings:
            yield from _moves_against(loaded, indicator, series, base)


def _moves_against(loaded: LoadedPlan, indicator: Indicator, series: Series,
                   base: tuple[str | int, ...]) -> Iterator[Finding]:
    """GC126 for each value of ``series`` that moves against the indicator's direction; a message is made only for
    those."""
    from gapcalc.plan.resolve import stated_baselines

    baselines = stated_baselines(indicator, series.breakdown)
    up = indicator.direction == "up"
    for v_index, value in enumerate(series.values):
        if value.value is None or value.value < 0 or value.comparator in _BOUND_BY_DIRECTION[indicator.direction]:
            continue
        if series.kind in CHANGE_KINDS and series.change is not None and value.value > 0:
            if (series.change == "increase") == up:
                continue
            change = t("increase") if series.change == "increase" else t("decrease")
            shown = t("{change} of {value}", change=change, value=value.value)
        elif series.kind in ("level", "cumulative"):
            before = [year for year in baselines if year < value.year]
            if not before:
                continue
            baseline = baselines[max(before)]
            if not (value.value < baseline if up else value.value > baseline):
                continue
            shown = t("{value} against the baseline {baseline} ({year})", value=value.value, baseline=baseline,
                      year=max(before))
        else:
            continue
        message = t("{id} {year}: the target moves against direction = \"{direction}\" ({shown})",
                    id=indicator.id, year=value.year, direction=indicator.direction, shown=shown)
        yield loaded.at("GC126", message, base + ("values", v_index, "value"),
                        t("check the number, the sign and change; if the plan allows the move, use comparator "
                          "\"<=\" (a cap) or \">=\" (a floor)"))
