"""Small inline SVG charts, written as text: the same data always gives the same bytes.

:func:`indicator_svg` draws one indicator — the plan path (grey) from the baseline (hollow square) through the
milestones (blue diamonds), the actuals (orange; hollow where the figure is an approximation or a lower bound), the
final target (dashed line) and the report year (dotted) — as a compact sparkline for a table cell or as a larger
chart with year and value labels. :func:`progress_svg` draws progress against time elapsed as a bar and a tick.
No scripts, no fonts or images fetched; coordinates are rounded to one decimal place.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from decimal import Decimal

PLAN_COLOUR, MILESTONE_COLOUR, ACTUAL_COLOUR, TARGET_COLOUR = "#8c8c8c", "#0072B2", "#D55E00", "#0072B2"
TEXT_COLOUR, GRID_COLOUR = "#404040", "#d9d9d9"


@dataclass(frozen=True)
class Mark:
    """A stated or observed value of one year; ``hollow`` for approximations and lower bounds."""

    year: int
    value: Decimal
    label: str = ""
    hollow: bool = False
    comparator: str = ""
    """A milestone's comparator (``=``, ``>=``, ``range``, …); empty for other marks."""
    upper: Decimal | None = None
    """The upper bound of a ``range`` milestone."""
    note: str = ""
    """An actual's note, as its actuals row has it."""


@dataclass(frozen=True)
class ChartData:
    """What the chart of one indicator (and breakdown) shows."""

    baseline: Mark | None = None
    milestones: tuple[Mark, ...] = ()
    actuals: tuple[Mark, ...] = ()
    final: Mark | None = None
    report_year: int | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def drawable(self) -> bool:
        """True when there are two marks at least (a lone final target is no path)."""
        return len({(m.year, m.value) for m in self.points()}) >= 2

    def points(self) -> list[Mark]:
        """Every placed mark."""
        marks = [*self.milestones, *self.actuals]
        marks += [m for m in (self.baseline, self.final) if m is not None]
        return marks

    def plan_path(self) -> list[Mark]:
        """Baseline then milestones in year order (the line the report interpolates on)."""
        anchors = {m.year: m for m in self.milestones}
        if self.final is not None:
            anchors.setdefault(self.final.year, self.final)
        if self.baseline is not None and all(self.baseline.year < y for y in anchors):
            anchors[self.baseline.year] = self.baseline
        return [anchors[y] for y in sorted(anchors)]


@dataclass(frozen=True)
class Frame:
    """The drawing area and the scales of years and values."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    years: tuple[int, int]
    values: tuple[float, float]

    def x(self, year: float) -> float:
        """Horizontal position of a year."""
        first, last = self.years
        return self.left + (year - first) / (last - first) * (self.width - self.left - self.right)

    def y(self, value: float) -> float:
        """Vertical position of a value."""
        low, high = self.values
        return self.height - self.bottom - (value - low) / (high - low) * (self.height - self.top - self.bottom)


def _n(number: float) -> str:
    text = f"{number:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def value_range(values: list[float]) -> tuple[float, float]:
    """The value axis: the data padded by a tenth of its span (a flat series gets ±10 % or ±1), never below 0 when
    no value is (a count, an amount: the axis shows no negative number the data cannot take)."""
    low, high = min(values), max(values)
    span = high - low
    if span == 0:
        pad = abs(high) * 0.1 or 1.0
        padded = (low - pad, high + pad)
    else:
        padded = (low - span * 0.12, high + span * 0.12)
    return (max(padded[0], 0.0) if low >= 0 else padded[0]), padded[1]


def value_ticks(low: float, high: float) -> list[float]:
    """Round values to label the value axis with (0, 1000, 2000), two to five within ``low``–``high``: a label at
    the padded edge (2016, -216) reads as a figure nobody stated."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / 3
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def year_range(years: list[int]) -> tuple[int, int]:
    """The year axis: first to last year, at least two years wide."""
    first, last = min(years), max(years)
    return (first - 1, last + 1) if first == last else (first, last)


def make_frame(data: ChartData, width: float, height: float, compact: bool) -> Frame:
    """Scales fitted to every mark of ``data`` and the report year."""
    marks = data.points()
    years = [m.year for m in marks] + ([data.report_year] if data.report_year else [])
    margins = (4.0, 4.0, 4.0, 4.0) if compact else (44.0, 60.0, 12.0, 22.0)
    return Frame(width, height, *margins, years=year_range(years),
                 values=value_range([float(m.value) for m in marks]))


def _diamond(x: float, y: float, r: float) -> str:
    return f"M{_n(x)} {_n(y - r)}L{_n(x + r)} {_n(y)}L{_n(x)} {_n(y + r)}L{_n(x - r)} {_n(y)}Z"


def _polyline(frame: Frame, marks: list[Mark], colour: str, width: float) -> str:
    if len(marks) < 2:
        return ""
    points = " ".join(f"{_n(frame.x(m.year))},{_n(frame.y(float(m.value)))}" for m in marks)
    return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{_n(width)}"/>'


def _report_year(frame: Frame, year: int | None) -> str:
    if year is None:
        return ""
    x = _n(frame.x(year))
    return (f'<line x1="{x}" y1="{_n(frame.top)}" x2="{x}" y2="{_n(frame.height - frame.bottom)}" '
            f'stroke="{GRID_COLOUR}" stroke-dasharray="2 2"/>')


def _final_line(frame: Frame, final: Mark | None, compact: bool) -> str:
    if final is None:
        return ""
    y = _n(frame.y(float(final.value)))
    line = (f'<line x1="{_n(frame.left)}" y1="{y}" x2="{_n(frame.width - frame.right)}" y2="{y}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="1" stroke-dasharray="4 3"/>')
    if compact or not final.label:
        return line
    return line + (f'<text x="{_n(frame.width - frame.right - 8)}" y="{y}" dy="-0.6em" text-anchor="end" '
                   f'font-size="11" fill="{TARGET_COLOUR}">{_esc(final.label)}</text>')  # inside: never clipped


def _milestones(frame: Frame, data: ChartData, compact: bool) -> str:
    r = 3.5 if compact else 5.0
    parts = [f'<path d="{_diamond(frame.x(m.year), frame.y(float(m.value)), r)}" fill="{MILESTONE_COLOUR}"/>'
             for m in data.milestones]
    if data.baseline is not None:
        x, y, s = frame.x(data.baseline.year), frame.y(float(data.baseline.value)), r * 0.8
        parts.append(f'<rect x="{_n(x - s)}" y="{_n(y - s)}" width="{_n(2 * s)}" height="{_n(2 * s)}" '
                     f'fill="#fff" stroke="{TEXT_COLOUR}" stroke-width="1.2"/>')
    return "".join(parts)


def _actuals(frame: Frame, data: ChartData, compact: bool) -> str:
    marks = list(data.actuals)
    r = 2.6 if compact else 3.8
    parts = [_polyline(frame, marks, ACTUAL_COLOUR, 1.6)]
    for m in marks:
        fill = "#fff" if m.hollow else ACTUAL_COLOUR
        parts.append(f'<circle cx="{_n(frame.x(m.year))}" cy="{_n(frame.y(float(m.value)))}" r="{_n(r)}" '
                     f'fill="{fill}" stroke="{ACTUAL_COLOUR}" stroke-width="1.4"/>')
    if marks and not compact and marks[-1].label:
        last = marks[-1]
        parts.append(f'<text x="{_n(frame.x(last.year))}" y="{_n(frame.y(float(last.value)) - 8)}" '
                     f'text-anchor="middle" font-size="11" fill="{ACTUAL_COLOUR}">{_esc(last.label)}</text>')
    return "".join(parts)


def _axes(frame: Frame, data: ChartData) -> str:
    bottom = frame.height - frame.bottom
    parts = [f'<line x1="{_n(frame.left)}" y1="{_n(bottom)}" x2="{_n(frame.width - frame.right)}" '
             f'y2="{_n(bottom)}" stroke="{TEXT_COLOUR}" stroke-width="0.8"/>']
    first, last = frame.years
    for year in range(first, last + 1):
        x = _n(frame.x(year))
        parts.append(f'<text x="{x}" y="{_n(bottom + 15)}" text-anchor="middle" font-size="10" '
                     f'fill="{TEXT_COLOUR}">{year}</text>')
    for value in value_ticks(*frame.values):
        parts.append(f'<text x="{_n(frame.left - 4)}" y="{_n(frame.y(value))}" dy="0.35em" text-anchor="end" '
                     f'font-size="10" fill="{TEXT_COLOUR}">{_esc(_short(value))}</text>')
    return "".join(parts)


def _short(value: float) -> str:
    """An axis label: three significant digits at most."""
    magnitude = abs(value)
    decimals = 0 if magnitude >= 100 else 1 if magnitude >= 10 else 2
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def indicator_svg(data: ChartData, title: str, width: int = 150, height: int = 44, compact: bool = True) -> str:
    """The chart of one indicator as an inline ``<svg>`` element (empty when there is nothing to place)."""
    if not data.drawable:
        return ""
    frame = make_frame(data, width, height, compact)
    body = [
        _report_year(frame, data.report_year),
        "" if compact else _axes(frame, data),
        _final_line(frame, data.final, compact),
        _polyline(frame, data.plan_path(), PLAN_COLOUR, 1.2),
        _milestones(frame, data, compact),
        _actuals(frame, data, compact),
    ]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{_esc(title)}">'
            f"<title>{_esc(title)}</title>{''.join(body)}</svg>")


def progress_svg(progress: float | None, elapsed: float | None, width: int = 96, height: int = 12) -> str:
    """Progress (bar, green when at or ahead of time, else orange) against time elapsed (black tick)."""
    if progress is None and elapsed is None:
        return ""
    parts = [f'<rect x="0" y="2" width="{width}" height="{height - 4}" fill="#eeeeee"/>']
    if progress is not None:
        behind = elapsed is not None and progress < elapsed
        colour = "#E69F00" if behind else "#009E73"
        share = min(max(progress, 0.0), 100.0) / 100.0
        parts.append(f'<rect x="0" y="2" width="{_n(share * width)}" height="{height - 4}" fill="{colour}"/>')
    if elapsed is not None:
        x = _n(min(max(elapsed, 0.0), 100.0) / 100.0 * width)
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="#000" stroke-width="2"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="bar" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-hidden="true">{"".join(parts)}</svg>')
