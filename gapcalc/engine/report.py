"""The roll-up engine: the report of a batch of plans for one year, computed on arrays.

Every table is a set of aligned numpy arrays: report keys (one per report row), stated numbers, stated baselines and
actuals. Statements and observations are ordered by a code ``key·10000 + year``, so that "the target of the year",
"the nearest targets either side", "the final target", "the latest observation" and "the baseline" are all found
by binary search for every key at once (``np.searchsorted``), with no Python loop over rows. Only the few numbers
that need exact decimal arithmetic at run time (levels that depend on observed data, interpolated targets, gaps)
are computed one by one, with :mod:`decimal`, so that they carry exactly the digits the plan states. The tables are
dataclasses without ``==`` (``eq=False``): columns of arrays have no single truth value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, repeat
from typing import Any

import numpy as np

import gapcalc.actuals.shapes as shapes
from gapcalc.actuals.columns import BatchActuals, objects
from gapcalc.engine import arrays, pace, rates
from gapcalc.engine.contracts import ALL_COLUMNS, FLOAT_COLUMNS, OUTLOOK_KEYS
from gapcalc.engine.formulas import Status
from gapcalc.plan.compiled import (
    BASE,
    BASELINE_FIELDS,
    FLOAT_FIELDS,
    INT_FIELDS,
    KEY_FIELDS,
    KIND_CODES,
    MISSING_INT,
    MISSING_PACKED,
    STATEMENT_FIELDS,
    STOCK,
    CompiledPlan,
)
from gapcalc.plan.facts import rate_key_positions
from gapcalc.plan.levels import level_or_none, tidy

SPAN = 10_000
"""Years are below this: ``key·SPAN + year`` orders rows by key, then year."""
STATUS_CODES = tuple(s.value for s in Status)
_MET, _NOT_MET, _NO_DATA, _NOT_ASSESSED, _INCONCLUSIVE = range(5)
_PERIOD_TOTAL, _PP_CHANGE = KIND_CODES.index("period_total"), KIND_CODES.index("pp_change")
_ANNUAL_GROWTH = KIND_CODES.index("annual_growth")
RELATIVE_KINDS = tuple(KIND_CODES.index(k) for k in ("change_vs_baseline", "pp_change", "annual_growth"))
"""Kinds of target that state a change: their 完成率 is the share of the change achieved."""

Columns = dict[str, np.ndarray]


@dataclass(eq=False)
class ReportColumns:
    """The report of a batch of plans, a typed column per name of :data:`~gapcalc.engine.contracts.ALL_COLUMNS`:
    Decimal (or None) for :data:`~gapcalc.engine.contracts.EXACT_COLUMNS`, float64 (NaN when undefined) for
    :data:`~gapcalc.engine.contracts.FLOAT_COLUMNS`, int (or None) for years, str (or None) for the rest; and per row
    the plan's position in the batch and the status and outlook codes (-1: no outlook) the summaries count."""

    columns: dict[str, np.ndarray]
    plan_pos: np.ndarray
    status_code: np.ndarray
    outlook_code: np.ndarray

    def __len__(self) -> int:
        return len(self.plan_pos)

    def take(self, rows: np.ndarray) -> ReportColumns:
        """Only ``rows`` (positions), in that order."""
        return ReportColumns({name: values[rows] for name, values in self.columns.items()}, self.plan_pos[rows],
                             self.status_code[rows], self.outlook_code[rows])

    def rows(self) -> list[dict[str, Any]]:
        """The rows as dicts of Python values, None for a missing value (NaN included)."""
        names = list(self.columns)
        values = [_python(name, self.columns[name]) for name in names]
        return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def _python(name: str, values: np.ndarray) -> list[Any]:
    if name in FLOAT_COLUMNS:
        return [None if x != x else x for x in values.tolist()]  # noqa: PLR0124 - NaN is missing
    items: list[Any] = values.tolist()
    return items


def join(plans: list[CompiledPlan], part: str, fields: tuple[str, ...]) -> Columns:
    """One table of every plan's ``keys``, ``statements`` or ``baselines``, keys numbered across the batch."""
    sizes = [p.size(part) for p in plans]
    table: Columns = {}
    for name in fields:
        chunks = [getattr(p, part)[name] for p in plans]
        if name in INT_FIELDS:
            table[name] = _widened(np.frombuffer(b"".join(chunks), dtype=np.int32))
        elif name in FLOAT_FIELDS:
            table[name] = np.frombuffer(b"".join(chunks), dtype=np.float64)
        else:
            table[name] = objects(chain.from_iterable(chunks), sum(sizes))
    if part == "keys":
        table["plan_pos"] = np.repeat(np.arange(len(plans)), sizes)
    else:
        offsets = np.cumsum([0] + [p.size("keys") for p in plans[:-1]], dtype=np.int64)
        table["key"] = table["key"] + np.repeat(offsets, sizes)
    return table


def _widened(packed: np.ndarray) -> np.ndarray:
    """A packed int32 field as the int64 column the engine computes with (``MISSING_INT`` for None)."""
    wide = packed.astype(np.int64)
    wide[packed == MISSING_PACKED] = MISSING_INT
    return wide


def _take(values: np.ndarray, index: np.ndarray, present: np.ndarray, fill: Any) -> np.ndarray:
    """``values[index]`` where ``present``, else ``fill``."""
    if len(values) == 0:
        return np.full(len(index), fill, dtype=values.dtype if values.dtype == object else None)
    out = values[np.where(present, index, 0)]
    if out.dtype == object:
        out[~present] = fill  # fancy indexing made a copy
        return out
    filled: np.ndarray = np.where(present, out, fill)
    return filled


@dataclass(eq=False)
class Observations:
    """Every key's observed series, by code: stated baselines overridden by actuals of the same year."""

    code: np.ndarray
    value: np.ndarray  # exact text
    row: np.ndarray  # the actuals row, or -1 for a stated baseline

    @property
    def key(self) -> np.ndarray:
        """The key of each observation."""
        return self.code // SPAN

    def only(self, mask: np.ndarray) -> Observations:
        """The observations where ``mask``."""
        return Observations(self.code[mask], self.value[mask], self.row[mask])

    @property
    def year(self) -> np.ndarray:
        """The year of each observation."""
        return self.code % SPAN


def observations(baselines: Columns, actuals: BatchActuals, actual_key: np.ndarray,
                 values: np.ndarray | None = None) -> Observations:
    """Stated baselines and actuals (those of a report key; ``values``: their placed levels) merged; an actual wins
    over a baseline of its year."""
    used = np.flatnonzero(actual_key >= 0)
    levels = actuals.columns["value"] if values is None else values
    code = np.concatenate([baselines["key"] * SPAN + baselines["year"],
                           actual_key[used] * SPAN + actuals.columns["year"][used]])
    row = np.concatenate([np.full(len(baselines["key"]), -1, dtype=np.int64), used])
    value = np.concatenate([baselines["value"], levels[used]])
    order = np.lexsort((row >= 0, code))
    ordered = code[order]
    last = np.r_[ordered[1:] != ordered[:-1], True] if len(ordered) else np.zeros(0, dtype=bool)
    pick = order[last]
    return Observations(code[pick], value[pick], row[pick])


@dataclass(eq=False)
class Shaped:
    """The actuals after placing published shapes: each row's level (exact text) and report key (-1: not placed),
    the base points added for keys on an index or on additions (key, year, ``100`` or ``0``), and the unit label of
    those keys (``""`` for the others)."""

    value: np.ndarray
    key: np.ndarray
    index_points: Columns
    scale: np.ndarray
    rated: list[int]
    """Keys whose figures are growth rates judged against a growth target (:mod:`gapcalc.engine.rates`)."""


def _series_base_years(statements: Columns, size: int, header_base_year: np.ndarray) -> np.ndarray:
    """Per key, the earliest ``base_year`` any of its stated targets names, else the plan's base year."""
    stated = statements["series_base_year"]
    has = stated != MISSING_INT
    out = np.full(size, np.iinfo(np.int64).max)
    np.minimum.at(out, statements["key"][has], stated[has])
    return np.where(out == np.iinfo(np.int64).max, header_base_year, out)


def place_shapes(baselines: Columns, actuals: BatchActuals, actual_key: np.ndarray,
                 base_year: np.ndarray, rate_key: np.ndarray | None = None) -> Shaped:
    """Changes and additions turned into levels (:func:`gapcalc.actuals.shapes.place`), key by key in exact
    decimals; only keys with such a figure do any work. The figures of a key judged on growth rates
    (:func:`gapcalc.actuals.shapes.judged_on_rates`) are left out of the levels: ``rated`` names those keys."""
    value, key = actuals.columns["value"].copy(), actual_key.copy()
    measure = actuals.columns["measure"]
    scale = np.full(len(base_year), "", dtype=object)
    shaped = np.flatnonzero((actual_key >= 0) & (measure != "")) if len(measure) else np.zeros(0, np.int64)
    points: list[tuple[int, int, str]] = []
    rated: list[int] = []
    for k in sorted(set(actual_key[shaped].tolist())):  # not np.unique: in numpy 2 it imports numpy.ma (15 ms)
        rows = np.flatnonzero(actual_key == k)
        if rate_key is not None and shapes.judged_on_rates(bool(rate_key[k]), [measure[r] for r in rows]):
            key[rows] = -1
            rated.append(k)
            continue
        stated_rows = np.flatnonzero(baselines["key"] == k)
        stated = {int(baselines["year"][i]): Decimal(baselines["value"][i]) for i in stated_rows}
        figures = [shapes.Figure(int(actuals.columns["year"][r]), Decimal(actuals.columns["value"][r]),
                                 actuals.columns["measure"][r] or shapes.LEVEL, int(r)) for r in rows]
        placed = shapes.place(stated, figures, int(base_year[k]))
        for figure in placed.unplaced:
            key[figure.row] = -1
        for level, row in placed.levels.values():
            if actuals.columns["measure"][row]:  # a level stays as typed; a derived one is tidied
                value[row] = format(tidy(level), "f")
        if placed.base_point is not None:
            scale[k] = shapes.scale_label(placed.scale, int(base_year[k]))
            points.append((k, int(base_year[k]), format(placed.base_point, "f")))
    index_points: Columns = {
        "key": np.array([p[0] for p in points], dtype=np.int64), "year": np.array([p[1] for p in points],
                                                                                  dtype=np.int64),
        "value": objects((p[2] for p in points), len(points))}
    return Shaped(value, key, index_points, scale, rated)


def _with_points(baselines: Columns, extra: Columns) -> Columns:
    """Stated baselines and index base points in one table."""
    return {name: np.concatenate([baselines[name], extra[name]]) for name in ("key", "year", "value")}


def _last_before(codes: np.ndarray, keys: np.ndarray, limit: np.ndarray, inclusive: bool) -> tuple[np.ndarray,
                                                                                                      np.ndarray]:
    """Per key, the position of the last code below ``key·SPAN + limit`` (or at it, ``inclusive``), and whether
    there is one."""
    position = np.searchsorted(codes, keys * SPAN + limit, side="right" if inclusive else "left") - 1
    found = position >= 0
    found[found] = codes[position[found]] // SPAN == keys[found]
    return position, found


def _first_from(codes: np.ndarray, keys: np.ndarray, limit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per key, the position of the first code at or after ``key·SPAN + limit``, and whether there is one."""
    position = np.searchsorted(codes, keys * SPAN + limit, side="left")
    found = position < len(codes)
    found[found] = codes[position[found]] // SPAN == keys[found]
    return position, found


def resolve_open_levels(statements: Columns, observed: Observations) -> tuple[np.ndarray, np.ndarray]:
    """Levels (text, float) with those that depend on observed data filled in: a quota's stock, an unstated base."""
    level, value = statements["level"], statements["level_value"]
    depends = statements["depends"]
    open_rows = np.flatnonzero(depends != 0)
    if len(open_rows) == 0 or len(observed.code) == 0:
        return level, value
    keys, years = statements["key"][open_rows], statements["depends_year"][open_rows]
    at, found_at = _first_from(observed.code, keys, years)
    found_at &= observed.code[np.where(found_at, at, 0)] == keys * SPAN + years
    before, found_before = _last_before(observed.code, keys, years, inclusive=False)
    stated = statements["stated_year"][open_rows]
    later = found_before & ((stated == MISSING_INT) | (observed.year[np.where(found_before, before, 0)] > stated))
    is_base, is_stock = depends[open_rows] == BASE, depends[open_rows] == STOCK
    use = np.where(is_base, found_at, is_stock & later)
    rows, source = open_rows[use], np.where(is_base, at, before)[use]
    if len(rows) == 0:
        return level, value
    level, value = level.copy(), value.copy()
    derived = [level_or_none(KIND_CODES[kind], Decimal(number), int(sign), Decimal(base), int(years))
               for kind, number, sign, years, base in zip(statements["kind"][rows].tolist(),
                                                          statements["number"][rows].tolist(),
                                                          statements["sign"][rows].tolist(),
                                                          statements["years"][rows].tolist(),
                                                          observed.value[source].tolist(), strict=True)]
    level[rows] = [None if d is None else format(d, "f") for d in derived]
    value[rows] = [np.nan if d is None else float(d) for d in derived]
    return level, value


def select_points(statements: Columns, level_value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The statement that counts for each key and year (see :data:`gapcalc.plan.levels.PRIORITY`), ordered by code."""
    candidates = np.flatnonzero(~np.isnan(level_value))
    code = statements["key"][candidates] * SPAN + statements["year"][candidates]
    order = np.lexsort((statements["order"][candidates], statements["priority"][candidates], code))
    ordered = code[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(ordered) else np.zeros(0, dtype=bool)
    return candidates[order[first]], ordered[first]


@dataclass(eq=False)
class Anchor:
    """Per key: a value (exact text and float), its year, and whether there is one."""

    text: np.ndarray
    value: np.ndarray
    year: np.ndarray
    present: np.ndarray
    row: np.ndarray  # the actuals row behind it, or -1


def _observed_anchor(observed: Observations, position: np.ndarray, present: np.ndarray) -> Anchor:
    text = _take(observed.value, position, present, None)
    return Anchor(text, _floats(text), _take(observed.year, position, present, MISSING_INT), present,
                  _take(observed.row, position, present, -1))


def _floats(texts: np.ndarray) -> np.ndarray:
    """Exact texts as float64 (NaN where missing)."""
    out = np.full(len(texts), np.nan)
    present = ~is_none(texts)
    out[present] = texts[present].astype(np.float64)
    return out


@dataclass(eq=False)
class Points:
    """The targets that count, ordered by code, and where each key's run of them starts and ends."""

    index: np.ndarray  # into the statements
    code: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def present(self) -> np.ndarray:
        """Keys with at least one target."""
        return self.end > self.start


def _points_of(statements: Columns, level_value: np.ndarray, keys: np.ndarray) -> Points:
    index, code = select_points(statements, level_value)
    return Points(index, code, np.searchsorted(code, keys * SPAN), np.searchsorted(code, (keys + 1) * SPAN))


def _base_years(statements: Columns, points: Points, header_base_year: np.ndarray) -> np.ndarray:
    """The year baselines are measured from: the earliest ``base_year`` of a key's targets, else the plan's."""
    stated = statements["series_base_year"][points.index]
    stated = np.where(stated == MISSING_INT, np.iinfo(np.int64).max, stated)
    earliest = np.full(len(header_base_year), np.iinfo(np.int64).max)
    with_points = np.flatnonzero(points.present)
    if len(with_points):
        earliest[with_points] = np.minimum.reduceat(stated, points.start[with_points])
    return np.where(earliest == np.iinfo(np.int64).max, header_base_year, earliest)


def _missing(size: int) -> Anchor:
    return Anchor(np.full(size, None, dtype=object), np.full(size, np.nan), np.full(size, MISSING_INT),
                  np.zeros(size, dtype=bool), np.full(size, -1))


def _baseline(stated_only: Observations, observed: Observations, keys: np.ndarray, base_year: np.ndarray,
              year: int) -> Anchor:
    """The plan's stated baseline (of the base year, else the last before it, else the first after it up to the
    report year); else the observation of the base year, else the first later one up to the report year."""
    stated = _from_base(stated_only, keys, base_year, year, before=True)
    actual = _from_base(observed.only(observed.row >= 0), keys, base_year, year, before=False)
    pick = np.where(stated.present, 0, 1)
    return Anchor(*(np.where(pick == 0, a, b) for a, b in zip(
        (stated.text, stated.value, stated.year, stated.present, stated.row),
        (actual.text, actual.value, actual.year, actual.present, actual.row), strict=True)))


def _from_base(observed: Observations, keys: np.ndarray, base_year: np.ndarray, year: int, before: bool) -> Anchor:
    """The observation of the base year, else (``before``) the last one before it, else the first later one up to
    the report year."""
    if len(observed.code) == 0:
        return _missing(len(keys))
    position, found = _first_from(observed.code, keys, base_year)
    safe = np.where(found, position, 0)
    at = found & (observed.code[safe] == keys * SPAN + base_year)
    found &= at | (observed.year[safe] <= year)
    if before:
        earlier, found_earlier = _last_before(observed.code, keys, base_year, inclusive=False)
        use_earlier = ~at & found_earlier
        position, found = np.where(use_earlier, earlier, position), found | use_earlier
    return _observed_anchor(observed, position, found)


def _latest(observed: Observations, keys: np.ndarray, year: int) -> Anchor:
    """The last observation up to the report year."""
    if len(observed.code) == 0:
        return _missing(len(keys))
    position, found = _last_before(observed.code, keys, np.full(len(keys), year), inclusive=True)
    return _observed_anchor(observed, position, found)


def _period_totals(statements: Columns, points: Points, observed: Observations, year: int, baseline: Anchor,
                   latest: Anchor) -> None:
    """For a period total, the baseline is 0 the year before the period, and the actual the sum of its flows so far
    (every year must be present). Few keys are period totals: they are done one by one, in exact decimals."""
    if len(points.index) == 0:
        return
    final = points.index[np.maximum(points.end - 1, 0)]
    totals = np.flatnonzero(points.present & (statements["kind"][final] == _PERIOD_TOTAL))
    mine = np.flatnonzero(np.isin(observed.key, totals))
    lookup = dict(zip(observed.code[mine].tolist(), mine.tolist(), strict=True))
    for key in totals.tolist():
        row = final[key]
        start, stop = int(statements["period_start"][row]), int(statements["period_end"][row])
        if start == MISSING_INT:
            start = stop = int(statements["year"][row])
        _set(baseline, key, "0", start - 1, -1)
        last = min(year, stop)
        codes = [key * SPAN + y for y in range(start, last + 1)]
        if last < start or any(c not in lookup for c in codes):
            _clear(latest, key)
            continue
        flows = sum((Decimal(str(observed.value[lookup[c]])) for c in codes), Decimal(0))
        _set(latest, key, format(flows, "f"), last, int(observed.row[lookup[codes[-1]]]))


def _set(anchor: Anchor, key: int, text: str, year: int, row: int) -> None:
    anchor.text[key], anchor.value[key], anchor.year[key], anchor.present[key], anchor.row[key] = (
        text, float(text), year, True, row)


def _clear(anchor: Anchor, key: int) -> None:
    anchor.text[key], anchor.value[key], anchor.year[key], anchor.present[key], anchor.row[key] = (
        None, np.nan, MISSING_INT, False, -1)


@dataclass(eq=False)
class Target:
    """Per key: the target of the report year (text, float, comparator, upper bound) and where it comes from."""

    text: np.ndarray
    value: np.ndarray
    comparator: np.ndarray
    upper: np.ndarray
    source: np.ndarray


def _target(statements: Columns, level: np.ndarray, level_value: np.ndarray, points: Points, keys: np.ndarray,
            baseline: Anchor, year: int) -> Target:
    """The plan's target for the year, else one interpolated between the nearest anchors (targets, and the baseline
    when it precedes them all), else the final target once it has passed; else none."""
    position = np.searchsorted(points.code, keys * SPAN + year)
    inside = position < points.end
    at_year = inside & (points.code[np.where(inside, position, 0)] == keys * SPAN + year) if len(
        points.code) else inside
    chosen = np.where(at_year, position, points.end - 1)
    after_end = points.present & ~at_year & ~inside
    use_point = at_year | after_end
    row = _take(points.index, chosen, use_point, 0)
    text = _take(level, row, use_point, None)
    value = np.where(use_point, level_value[row] if len(level_value) else np.nan, np.nan)
    comparator = _take(statements["comparator"], row, use_point, "")
    upper = np.where(use_point, statements["upper_value"][row] if len(level_value) else np.nan, np.nan)
    source = np.where(at_year, "plan", np.where(after_end, "final", "none")).astype(object)
    between = np.flatnonzero(~use_point & inside & points.present)
    if len(between):
        _interpolate(statements, level, points, baseline, position, between, year, Target(
            text, value, comparator, upper, source))
    return Target(text, value, comparator, upper, source)


def _interpolate(statements: Columns, level: np.ndarray, points: Points, baseline: Anchor, position: np.ndarray,
                 keys: np.ndarray, year: int, target: Target) -> None:
    """Straight-line targets for ``keys`` (whose next target is after the year) from the anchor before the year: the
    previous target, else the baseline when it precedes every target. Exact decimals, tidied."""
    later = points.index[position[keys]]
    has_previous = position[keys] > points.start[keys]
    previous = points.index[np.where(has_previous, position[keys] - 1, 0)]
    first_year = statements["year"][points.index[points.start[keys]]]
    use_baseline = ~has_previous & baseline.present[keys] & (baseline.year[keys] < first_year) & (
        baseline.year[keys] < year)
    ok = has_previous | use_baseline
    keys, later, previous, has_previous = keys[ok], later[ok], previous[ok], has_previous[ok]
    v0 = np.where(has_previous, level[previous], baseline.text[keys])
    y0 = np.where(has_previous, statements["year"][previous], baseline.year[keys])
    v1, y1 = level[later], statements["year"][later]
    values = [tidy(Decimal(a) + (Decimal(b) - Decimal(a)) * Decimal(year - c) / Decimal(d - c))
              for a, b, c, d in zip(v0.tolist(), v1.tolist(), y0.tolist(), y1.tolist(), strict=True)]
    target.text[keys] = [format(v, "f") for v in values]
    target.value[keys] = [float(v) for v in values]
    target.comparator[keys] = "="
    target.source[keys] = "interpolated"


def _actual_keys(keys: Columns, actuals: BatchActuals) -> np.ndarray:
    """The report key of each actuals row (-1 for an indicator/breakdown without a report row).

    One hash lookup per row, driven by ``map``/``zip`` in C: no Python code runs per row."""
    size = len(actuals.plan_pos)
    if size == 0:
        return np.zeros(0, dtype=np.int64)
    breakdown = blank(keys["breakdown"])
    lookup = dict(zip(zip(keys["plan_pos"].tolist(), keys["indicator"].tolist(), breakdown.tolist(), strict=True),
                      range(len(breakdown)), strict=True))
    wanted = zip(actuals.plan_pos.tolist(), actuals.columns["indicator"].tolist(),
                 actuals.columns["breakdown"].tolist(), strict=True)
    return np.fromiter(map(lookup.get, wanted, repeat(-1)), dtype=np.int64, count=size)


def report_batch(plans: list[CompiledPlan], actuals: BatchActuals, year: int) -> ReportColumns:
    """The report of a batch of plans: one array of cell texts per column of
    :data:`gapcalc.engine.contracts.ALL_COLUMNS`
    (empty cells are ``""``), plus ``plan_pos``, ``status_code`` and ``outlook_code`` for the summaries."""
    keys = join(plans, "keys", KEY_FIELDS)
    statements = join(plans, "statements", STATEMENT_FIELDS)
    baselines = join(plans, "baselines", BASELINE_FIELDS)
    numbers = np.arange(len(keys["indicator"]), dtype=np.int64)
    header_base_year = np.array([p.base_year for p in plans], dtype=np.int64)[keys["plan_pos"]]
    actual_key = _actual_keys(keys, actuals)
    shaped = place_shapes(baselines, actuals, actual_key,
                          _series_base_years(statements, len(numbers), header_base_year),
                          _rate_keys(statements, baselines, len(numbers)))
    stated = _with_points(baselines, shaped.index_points)
    observed = observations(stated, actuals, shaped.key, shaped.value)
    level, level_value = resolve_open_levels(statements, observed)
    points = _points_of(statements, level_value, numbers)
    stated_only = observations(stated, actuals, np.full(len(shaped.key), -1, dtype=np.int64))
    baseline = _baseline(stated_only, observed, numbers, _base_years(statements, points, header_base_year), year)
    latest = _latest(observed.only(observed.row >= 0), numbers, year)
    _period_totals(statements, points, observed, year, baseline, latest)
    target = _target(statements, level, level_value, points, numbers, baseline, year)
    final = points.index[np.maximum(points.end - 1, 0)] if len(points.index) else np.zeros(len(numbers), np.int64)
    relabelled = shaped.scale != ""
    if relabelled.any():
        keys = dict(keys)
        keys["unit"] = np.where(relabelled, shaped.scale, keys["unit"])
    report = _cells(plans, keys, statements, level, level_value, points, final, target, baseline, latest, actuals,
                    year)
    for k in shaped.rated:
        _judge_rates(report, k, statements, actuals, np.flatnonzero(actual_key == k), year)
    part_year = np.flatnonzero(~is_none(report.columns["as_of"]) & (report.columns["actual_year"] == year))
    if len(part_year):
        before = _target(statements, level, level_value, points, numbers, baseline, year - 1)
        for k in part_year.tolist():
            _judge_pace(report, k, before.text[k], k in shaped.rated, _kinds_of(statements, k))
    return report


def _kinds_of(statements: Columns, key: int) -> set[str]:
    """The kinds of target a key states."""
    return {KIND_CODES[int(c)] for c in statements["kind"][statements["key"] == key].tolist()}


def _judge_pace(report: ReportColumns, key: int, before: str | None, on_rates: bool, kinds: set[str]) -> None:
    """The in-year cells of a figure of part of the report year (:mod:`gapcalc.engine.pace`)."""
    cells = report.columns
    figure, target, as_of = cells["actual"][key], cells["target"][key], str(cells["as_of"][key])
    direction, unit = str(cells["direction"][key]), str(cells["unit"][key])
    if figure is None or target is None:
        return
    judged = pace.reading(unit, on_rates, kinds, figure, target, Decimal(before) if before else None, as_of,
                          direction)
    if judged is None:
        return
    for name, value in (("in_year_kind", judged.kind), ("warning", judged.warning), ("in_year_method", judged.method)):
        cells[name][key] = value
    for name, number in (("elapsed_pct", judged.elapsed_pct), ("done_pct", judged.done_pct),
                         ("in_year_expected", judged.expected), ("pace_pp", judged.pace_pp),
                         ("in_year_start", judged.start)):
        cells[name][key] = np.nan if number is None else number
    if judged.kind == "flow":  # a sum to date is not the year's amount: no growth, progress or outlook is drawn from it
        for name in ("attainment_pct", "progress_pct", "observed_cagr_pct", "growth_ratio", "required_cagr_pct",
                     "required_change_per_year"):
            cells[name][key] = np.nan
        cells["gap"][key] = None
        cells["outlook"][key] = OUTLOOK_KEYS[-1]
        report.outlook_code[key] = len(OUTLOOK_KEYS) - 1


def _rate_keys(statements: Columns, baselines: Columns, size: int) -> np.ndarray:
    """Per report key, whether its targets are growth rates on no level (:func:`gapcalc.plan.facts.rate_key_positions`,
    on the batch's statements at once)."""
    mask = np.zeros(size, dtype=bool)
    if not (statements["kind"] == _ANNUAL_GROWTH).any():  # most batches: no growth target at all
        return mask
    found = rate_key_positions(statements["key"].tolist(), [KIND_CODES[c] for c in statements["kind"].tolist()],
                               baselines["key"].tolist())
    mask[sorted(found)] = True
    return mask


def _rate_target(statements: Columns, key: int, year: int) -> rates.RateTarget:
    """The growth target of ``key`` that counts in ``year``: the first stated for ``year`` or later, else the
    last."""
    rows = sorted(np.flatnonzero(statements["key"] == key).tolist(), key=lambda r: int(statements["year"][r]))
    row = next((r for r in rows if int(statements["year"][r]) >= year), rows[-1])
    upper = statements["upper"][row]
    return rates.RateTarget(int(statements["sign"][row]) * Decimal(statements["number"][row]),
                            int(statements["depends_year"][row]), int(statements["year"][row]),
                            str(statements["comparator"][row] or "="), Decimal(upper) if upper else None)


def _judge_rates(report: ReportColumns, key: int, statements: Columns, actuals: BatchActuals, rows: np.ndarray,
                 year: int) -> None:
    """The cells of a key judged on growth rates (:func:`gapcalc.engine.rates.check`): target, figure and gap are
    rates in %, the average since the base year is the observed growth, the rate the remaining years need the
    required growth."""
    data = actuals.columns
    figures = [rates.RateFigure(int(data["year"][r]), Decimal(data["value"][r]), str(data["measure"][r]), int(r),
                                str(data["as_of"][r]), str(data["comparator"][r] or "=")) for r in rows.tolist()]
    cells = report.columns
    judged = rates.check(_rate_target(statements, key, year), figures, year, str(cells["direction"][key]))
    target, figure = judged.target, judged.figure
    exact = {"unit": rates.RATE_UNIT, "target": target.rate, "comparator": target.comparator,
             "target_source": rates.RATE_SOURCE, "baseline": None, "baseline_year": target.since,
             "final_year": target.year, "final_target": target.rate, "status": judged.status.value,
             "outlook": judged.outlook.value, "actual": None, "actual_year": None, "gap": judged.gap_pp}
    if figure is not None:
        exact |= {"actual": figure.value, "actual_year": figure.year,
                  "actual_comparator": None if figure.comparator == "=" else figure.comparator,
                  "as_of": figure.as_of or None}
        exact |= {name: actual_text(str(data[name][figure.row])) for name in _FIGURE_TEXTS}
    for name, value in exact.items():
        cells[name][key] = value
    for name, number in (("attainment_pct", None), ("progress_pct", None), ("time_elapsed_pct", None),
                         ("required_change_per_year", None), ("required_cagr_pct", judged.required_pct),
                         ("observed_cagr_pct", judged.average_pct), ("growth_ratio", judged.growth_ratio)):
        cells[name][key] = np.nan if number is None else number
    report.status_code[key] = STATUS_CODES.index(judged.status.value)
    report.outlook_code[key] = arrays.OUTLOOK_CODES.index(judged.outlook.value)


_FIGURE_TEXTS = ("source", "source_title", "note", "scope", "note_en", "published", "revision")
"""The text cells a report row takes from the actuals row of its figure."""


def _years(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Years as Python ints, None where absent."""
    out = np.full(len(values), None, dtype=object)
    out[present] = values[present]  # as Python ints
    return out


def _decimals(texts: np.ndarray) -> np.ndarray:
    """Exact texts as Decimals, None where absent."""
    out = np.full(len(texts), None, dtype=object)
    present = np.flatnonzero(~is_none(texts))
    # an object array, not a list: numpy would inspect every Decimal of a list as a possible sequence
    out[present] = objects(map(Decimal, texts[present].tolist()), len(present))
    return out


def is_none(values: np.ndarray) -> np.ndarray:
    """Where an object array holds None."""
    found: np.ndarray = np.equal(values, None)  # type: ignore[call-overload, unused-ignore]
    return found


def blank(values: np.ndarray) -> np.ndarray:
    """Object cells with None as ``""``."""
    out: np.ndarray = values.copy()
    out[is_none(out)] = ""
    return out


def _exact_gap(actual: np.ndarray, target: np.ndarray, present: np.ndarray) -> np.ndarray:
    """actual − target in exact decimals (``56.6 − 58.7 = -2.1``), where both are present (columns of Decimals)."""
    out = np.full(len(actual), None, dtype=object)
    rows = np.flatnonzero(present)
    out[rows] = actual[rows] - target[rows]
    return out


def _actual_text(actuals: BatchActuals, field: str, latest: Anchor) -> np.ndarray:
    """The source, title or note of the latest observation when it is an actual (None when empty)."""
    out = np.full(len(latest.row), None, dtype=object)
    rows = np.flatnonzero(latest.present & (latest.row >= 0))
    cells = actuals.columns[field][latest.row[rows]].tolist()
    if any(cells):  # a column of empty cells (most shape columns) stays None
        out[rows] = [cell or None for cell in cells]  # actual_text
    return out


def actual_text(cell: str) -> str | None:
    """A source, title or note cell of an actuals row (the readers strip them) as a report row carries it: None
    when empty."""
    return cell or None


def _final(statements: Columns, level: np.ndarray, level_value: np.ndarray, final: np.ndarray,
           present: np.ndarray) -> dict[str, np.ndarray]:
    """Per key, the final target (the last year's): text, value, year, comparator, upper bound, and whether it is a
    change in percentage points (whose growth is arithmetic)."""
    return {"text": _take(level, final, present, None), "value": _take(level_value, final, present, np.nan),
            "year": _take(statements["year"], final, present, np.nan),
            "comparator": _take(statements["comparator"], final, present, ""),
            "upper": _take(statements["upper_value"], final, present, np.nan),
            "arithmetic": _take(statements["kind"], final, present, -1) == _PP_CHANGE,
            "relative": np.isin(_take(statements["kind"], final, present, -1), RELATIVE_KINDS)}


@dataclass(eq=False)
class Measures:
    """What the formulas give for every key: status and outlook codes, and the float columns."""

    status: np.ndarray
    outlook: np.ndarray  # -1 where the key has no stated target
    floats: dict[str, np.ndarray]


def _status(has_target: np.ndarray, exact: np.ndarray, met: np.ndarray, bound: np.ndarray,
            up: np.ndarray) -> np.ndarray:
    """Status codes: a bound (``>=``/``>`` a lower one, ``<=``/``<`` an upper one) decides only when the bound itself
    already meets the target (a lower bound, higher is better) or already fails it (a lower bound, lower is better);
    otherwise it is inconclusive."""
    lower, upper = np.isin(bound, (">=", ">")), np.isin(bound, ("<=", "<"))
    favourable = (lower & up) | (upper & ~up)
    decided = np.where(met, ~(lower | upper) | favourable, ~(lower | upper) | ~favourable)
    code = np.where(decided, np.where(met, _MET, _NOT_MET), _INCONCLUSIVE)
    return np.where(~has_target, _NOT_ASSESSED, np.where(np.isnan(exact), _NO_DATA, code))


def _measures(keys: Columns, final: dict[str, np.ndarray], points: Points, target: Target, baseline: Anchor,
              latest: Anchor, year: int, shape: dict[str, np.ndarray]) -> Measures:
    """Status, outlook and the float columns, by the formulas of :mod:`gapcalc.engine.formulas` (see :mod:`.arrays`)."""
    has_points, up = points.present, keys["direction"] == "up"
    a, b, f, t = latest.value, baseline.value, final["value"], target.value
    actual_year = np.where(latest.present, latest.year, np.nan)
    baseline_year = np.where(baseline.present, baseline.year, np.nan)
    exact = np.where(latest.present & (latest.year == year) & is_none(shape["as_of"]), a, np.nan)
    has_target = ~np.isnan(t)
    met = arrays.meets(exact, t, target.comparator, up, target.upper)
    status = _status(has_target, exact, met, shape["comparator"], up)
    level_ratio = np.where(up, arrays.scaled_ratio(100.0, a, t), arrays.scaled_ratio(100.0, t, a))
    attainment = np.where(final["relative"], arrays.scaled_ratio(100.0, a - b, t - b), level_ratio)
    both, with_actual = has_points & latest.present & baseline.present, has_points & latest.present
    with np.errstate(invalid="ignore"):
        span = np.where(final["year"] - baseline_year > 0, final["year"] - baseline_year, 0)
    outlook, ratio = arrays.outlook(a, actual_year, b, baseline_year, f, final["year"], final["comparator"],
                                    final["upper"], up, final["arithmetic"])
    remaining = final["year"] - actual_year
    floats = {
        "attainment_pct": np.where(has_target & latest.present, attainment, np.nan),
        "progress_pct": np.where(both, arrays.scaled_ratio(100.0, a - b, f - b), np.nan),
        "time_elapsed_pct": np.where(both, arrays.scaled_ratio(100.0, actual_year - baseline_year, span), np.nan),
        "required_cagr_pct": np.where(with_actual, 100.0 * arrays.cagr(a, f, remaining), np.nan),
        "required_change_per_year": np.where(with_actual, arrays.per_year(a, f, remaining), np.nan),
        "observed_cagr_pct": np.where(both, 100.0 * arrays.cagr(b, a, actual_year - baseline_year), np.nan),
        "growth_ratio": np.where(has_points, ratio, np.nan),
    }
    return Measures(status, np.where(has_points, outlook, -1), floats)


def _cells(plans: list[CompiledPlan], keys: Columns, statements: Columns, level: np.ndarray, level_value: np.ndarray,
           points: Points, final_rows: np.ndarray, target: Target, baseline: Anchor, latest: Anchor,
           actuals: BatchActuals, year: int) -> ReportColumns:
    final = _final(statements, level, level_value, final_rows, points.present)
    shape = {"comparator": _actual_text(actuals, "comparator", latest),
             "as_of": _actual_text(actuals, "as_of", latest)}
    measures = _measures(keys, final, points, target, baseline, latest, year, shape)
    source = np.where(~points.present & (target.source == "none") & is_none(keys["target_text"])
                      & (keys["stated"] == 1), "unresolved", target.source)
    size = len(points.present)
    comparator = target.comparator.copy()
    comparator[comparator == ""] = None
    outlook = np.array(arrays.OUTLOOK_CODES, dtype=object)[np.maximum(measures.outlook, 0)]
    outlook[measures.outlook < 0] = None
    target_exact, actual_exact = _decimals(target.text), _decimals(latest.text)
    columns: dict[str, np.ndarray] = {
        "plan": np.array([p.id for p in plans], dtype=object)[keys["plan_pos"]], "indicator": keys["indicator"],
        "name_zh": keys["name_zh"], "breakdown": keys["breakdown"], "unit": keys["unit"],
        "direction": keys["direction"], "year": np.full(size, year, dtype=object),
        "target": target_exact, "comparator": comparator, "target_source": source.astype(object),
        "actual": actual_exact, "actual_year": _years(latest.year, latest.present),
        "gap": _exact_gap(actual_exact, target_exact, ~np.isnan(target.value) & latest.present),
        "baseline": _decimals(baseline.text), "baseline_year": _years(baseline.year, baseline.present),
        "final_year": _years(np.nan_to_num(final["year"]).astype(np.int64), points.present),
        "final_target": _decimals(final["text"]), "status": np.array(STATUS_CODES, dtype=object)[measures.status],
        "outlook": outlook,
        "source": _actual_text(actuals, "source", latest),
        "source_title": _actual_text(actuals, "source_title", latest),
        "note": _actual_text(actuals, "note", latest), "target_text": keys["target_text"],
        "subplan": keys["subplan"], "name_en": keys["name_en"],
        "breakdown_zh": keys["breakdown_zh"], "breakdown_en": keys["breakdown_en"],
        "actual_comparator": shape["comparator"], "as_of": shape["as_of"],
        "scope": _actual_text(actuals, "scope", latest), "note_en": _actual_text(actuals, "note_en", latest),
        "published": _actual_text(actuals, "published", latest), "revision": _actual_text(actuals, "revision", latest),
        **{name: np.full(size, None, dtype=object) for name in ("in_year_kind", "warning", "in_year_method")},
        **{name: np.full(size, np.nan) for name in ("elapsed_pct", "done_pct", "in_year_expected", "pace_pp",
                                                    "in_year_start")},
        **measures.floats,
    }
    ordered = {name: columns[name] for name in ALL_COLUMNS}
    return ReportColumns(ordered, keys["plan_pos"], measures.status, measures.outlook)


@dataclass(frozen=True)
class KeySeries:
    """What the engine knows of one report key: its targets that count (year, exact level, comparator, upper bound,
    kind code) and its observations (year, exact value, actuals row or -1 for a baseline the plan states)."""

    milestones: tuple[tuple[int, Decimal, str, Decimal | None, int], ...]
    observed: tuple[tuple[int, Decimal, int], ...]


def key_series(plans: list[CompiledPlan], actuals: BatchActuals, key: int) -> KeySeries:
    """The targets and observations of report key ``key`` of the batch, with levels resolved as the report resolves
    them (a quota's stock and an unstated base taken from the observations)."""
    return batch_series(plans, actuals, [key])[0]


def batch_series(plans: list[CompiledPlan], actuals: BatchActuals, wanted: list[int] | None = None) -> list[KeySeries]:
    """:func:`key_series` of every report key of the batch (or of the keys ``wanted``), in key order, resolved once
    for the whole batch: the data of every chart of a report."""
    keys = join(plans, "keys", KEY_FIELDS)
    statements = join(plans, "statements", STATEMENT_FIELDS)
    baselines = join(plans, "baselines", BASELINE_FIELDS)
    header_base_year = np.array([p.base_year for p in plans], dtype=np.int64)[keys["plan_pos"]]
    shaped = place_shapes(baselines, actuals, _actual_keys(keys, actuals),
                          _series_base_years(statements, len(keys["indicator"]), header_base_year))
    observed = observations(_with_points(baselines, shaped.index_points), actuals, shaped.key, shaped.value)
    level, level_value = resolve_open_levels(statements, observed)
    index, code = select_points(statements, level_value)
    owners, seen_keys = code // SPAN, observed.key  # both in key order
    upper = statements["upper"]
    out = []
    for key in range(len(keys["plan_pos"])) if wanted is None else wanted:
        mine = index[np.searchsorted(owners, key):np.searchsorted(owners, key, side="right")]
        milestones = tuple((int(statements["year"][i]), Decimal(level[i]), str(statements["comparator"][i]),
                            None if upper[i] is None else Decimal(upper[i]), int(statements["kind"][i]))
                           for i in mine)
        rows = range(np.searchsorted(seen_keys, key), np.searchsorted(seen_keys, key, side="right"))
        seen = tuple((int(observed.year[i]), Decimal(observed.value[i]), int(observed.row[i])) for i in rows)
        out.append(KeySeries(milestones, seen))
    return out
