"""In-year pace: a figure for part of the year (1—N月, 上半年, 截至9月底) against 序时进度, with a warning level.

Four readings, by what the figure is (``docs/methodology.md`` §12):

* ``flow`` — an amount that adds up over the year (output, revenue, investment, sales: an indicator counted in yuan):
  the share of the year's target done (完成全年目标的X%) against the share of the year elapsed (序时进度);
* ``rate`` — a growth rate to date (1—6月增长6.1%) of a growth target: the rate to date against the target rate;
* ``ratio`` — a ratio over the period to date (an intensity: 吨标准煤/万元) stands for the year's: its change from where
  the path begins the year against the whole of the year's step;
* ``stock`` — a level (累计上云企业, 普及率): the figure against the target path at the month, the path running from
  the previous year's target to this year's, straight (``linear``) or, for a target stated as a percentage change,
  by equal ratios (``log_share``, the statistics bureau's reading of part-period reductions: 1−(1−r)^(m/12)).

The warning levels are those of the NDRC's energy-intensity barometer (能耗双控目标完成情况晴雨表, 发改办环资〔2021〕
629号): 一级预警 (red) where the indicator moved the wrong way this year (不降反升, 不增反降); 二级预警 (yellow) where
it moved the right way but behind 序时进度; 三级预警 (green) where it is at or ahead of it. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["flow", "rate", "stock", "ratio"]
Warning = Literal["red", "yellow", "green"]
Method = Literal["linear", "log_share"]

WARNINGS: tuple[Warning, ...] = ("red", "yellow", "green")
"""一级预警 (red), 二级预警 (yellow), 三级预警 (green), the most urgent first."""
FLOW_UNITS = frozenset({"元", "万元", "亿元", "万亿元"})
"""Units of amounts that add up over a year (output, revenue, value added, investment, sales, spending): a figure
for part of the year is the sum to date. Ratios (万元/亩) and counts are levels."""
LOG_SHARE_KINDS = frozenset({"change_vs_baseline", "annual_growth"})
"""Kinds of target stated as a percentage change: their path between two years runs by equal ratios."""


@dataclass(frozen=True)
class InYear:
    """The in-year reading of one figure for part of the year."""

    kind: Kind
    elapsed_pct: float
    """序时进度: the share of the year's task due at the figure's date, in %: the share of the year elapsed, or, on a
    log-share path, the share of the year's step the path has covered by then."""
    done_pct: float | None
    """完成全年目标: the share of the year's target (flow) or of the year's step on the path (stock) done, in %;
    None for a rate."""
    expected: float
    """What the date calls for: the target path at the month (stock), the pro-rata share of the year's target
    (flow), the target rate (rate)."""
    pace_pp: float
    """How far ahead (+) or behind (−) the figure is: percentage points of the year's task (flow, stock), or of
    growth (rate)."""
    warning: Warning
    method: Method = "linear"
    start: float | None = None
    """Where the path begins the year (a stock): the target path at the end of the previous year."""


def elapsed_share(as_of: str) -> float:
    """The share of the year elapsed at ``YYYY-MM`` (the month's end) or ``YYYY-MM-DD`` (that day's end)."""
    year, month = int(as_of[:4]), int(as_of[5:7])
    if len(as_of) < 10:
        return month / 12
    days = _days_in_month(year, month)
    return (month - 1 + min(int(as_of[8:10]), days) / days) / 12


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def kind_of(unit: str, on_rates: bool) -> Kind:
    """What a figure for part of the year is: a growth rate (of a growth target judged on rates), an amount that adds
    up over the year, a ratio over the period to date (an intensity: a unit per unit, 吨标准煤/万元), or a level."""
    if on_rates:
        return "rate"
    if unit in FLOW_UNITS:
        return "flow"
    return "ratio" if "/" in unit else "stock"


def warning_of(moved_right_way: bool, pace_pp: float) -> Warning:
    """The barometer's level: red for the wrong way, yellow for behind time, green at or ahead of it."""
    if not moved_right_way:
        return "red"
    return "green" if pace_pp >= 0 else "yellow"


def flow(figure: Decimal, target: Decimal, as_of: str, direction: str) -> InYear | None:
    """An amount to date against the year's target: ``done`` = figure ÷ target against the share of the year
    elapsed (for a ceiling, the share used must not run ahead of time)."""
    if target == 0:
        return None
    share = elapsed_share(as_of)
    done = 100 * float(figure) / float(target)
    pace = (done - 100 * share) * (1 if direction == "up" else -1)
    return InYear("flow", 100 * share, done, share * float(target), pace, warning_of(figure > 0, pace))


def rate(figure: Decimal, target: Decimal, as_of: str, direction: str) -> InYear:
    """Growth to date against the target rate: percentage points above (+) or below (−) it, in the indicator's
    direction; the wrong sign (不增反降, 不降反升) is red."""
    sign = 1 if direction == "up" else -1
    pace = sign * float(figure - target)
    right_way = sign * figure > 0 or (target == 0 and pace >= 0)
    return InYear("rate", 100 * elapsed_share(as_of), None, float(target), pace, warning_of(right_way, pace))


def stock(figure: Decimal, target: Decimal, before: Decimal, as_of: str, direction: str,
          method: Method = "linear") -> InYear | None:
    """A level against the path from the previous year's target ``before`` to this year's ``target`` at the month:
    ``done`` is the share of the year's step covered, against the share of the year elapsed."""
    step = float(target) - float(before)
    if step == 0:
        return None
    share = elapsed_share(as_of)
    expected = path_at(float(before), float(target), share, method)
    done = 100 * (float(figure) - float(before)) / step
    due = 100 * (expected - float(before)) / step
    pace = done - due
    sign = 1 if direction == "up" else -1
    right_way = sign * (float(figure) - float(before)) > 0
    return InYear("stock", due, done, expected, pace, warning_of(right_way, pace), method, float(before))


def path_at(before: float, target: float, share: float, method: Method) -> float:
    """The target path ``share`` of the way through the year: straight, or by equal ratios (log share)."""
    if method == "log_share" and before > 0 and target > 0:
        return float(before * (target / before) ** share)
    return before + (target - before) * share


def reading(unit: str, on_rates: bool, kinds: set[str], figure: Decimal, target: Decimal, before: Decimal | None,
            as_of: str, direction: str) -> InYear | None:
    """The in-year reading of a figure of part of the year: as a rate, a flow or a stock (:func:`kind_of`), a stock
    against the path from ``before`` (by log share for a target of ``kinds`` stated as a percentage change); None
    where nothing can be read (no path to the year, a target of zero)."""
    kind = kind_of(unit, on_rates)
    if kind == "rate":
        return rate(figure, target, as_of, direction)
    if kind == "flow":
        return flow(figure, target, as_of, direction)
    if before is None:
        return None
    if kind == "ratio":
        return ratio(figure, target, before, as_of, direction)
    return stock(figure, target, before, as_of, direction, "log_share" if kinds & LOG_SHARE_KINDS else "linear")


def ratio(figure: Decimal, target: Decimal, before: Decimal, as_of: str, direction: str) -> InYear | None:
    """A ratio over the period to date (an intensity) stands for the year's: the change from where the path begins
    the year against the whole of the year's step (the barometer's reading: the reduction so far against the year's
    requirement), due in full whatever the month."""
    judged = stock(figure, target, before, as_of, direction)
    if judged is None:
        return None
    pace = (judged.done_pct or 0.0) - 100.0
    right_way = judged.warning != "red"
    return InYear("ratio", 100.0, judged.done_pct, float(target), pace, warning_of(right_way, pace), "linear",
                  judged.start)
