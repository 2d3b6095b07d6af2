"""The chart of one indicator, drawn with matplotlib: PNG or deterministic SVG.

:func:`render_chart` draws a :class:`~gapcalc.engine.trajectory.Trajectory` — baseline, milestones with their
comparators,
the plan path, the actuals (lower bounds and approximations marked), the path still required, the projection at the
observed CAGR and the final target — with the object-oriented Figure API on the Agg canvas (no pyplot, no global
state beyond an ``rc_context``). Labels are Chinese when matplotlib knows a CJK font (:func:`find_cjk_font`), English
otherwise, and in English without a CJK font every Chinese character is left out so that no glyph is ever missing.
The same input gives the same SVG, byte for byte (``svg.hashsalt``, no date). Value labels never overlap each other
or a marker: once the layout is done, :func:`place_labels` moves a label that would (milestones keep their place
first) to the other side of its point, or further away. Every label has an SVG id, ``label-<role>-<year>``. Only
``gapcalc chart`` imports this module: matplotlib is never loaded by the other commands.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patheffects import withStroke
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from gapcalc.engine.statement import counted
from gapcalc.engine.trajectory import ActualPoint, PathPoint, Trajectory
from gapcalc.plan.levels import printed
from gapcalc.render.numerals import unit_label
from gapcalc.render.prose import per_year_change

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC",
             "Noto Sans CJK JP", "Noto Sans CJK TC")
"""CJK fonts matplotlib may know, in order of preference (Simplified Chinese first)."""

LATIN_FONT = "DejaVu Sans"
FORMATS = ("png", "svg")
DPI = 150
SVG_SALT = "gapcalc"

PLAN_COLOUR, MILESTONE_COLOUR, ACTUAL_COLOUR = "#8c8c8c", "#0072B2", "#D55E00"
REQUIRED_COLOUR, PROJECTION_COLOUR, BASELINE_COLOUR = "#CC79A7", "#009E73", "#333333"
"""The Okabe–Ito palette: distinguishable with colour-blindness; line styles and markers differ as well."""

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "baseline": "基期值（{year}年）", "milestone": "规划目标", "plan": "规划路径（线性插值）",
        "actual": "实际值", "lower_bound": "实际值（下限）", "approximation": "实际值（近似/替代口径）",
        "required_cagr": "达标所需路径（年均 {rate}%）", "required_linear": "达标所需路径（每年 {rate}）",
        "projection": "按已实现年均增速外推（{rate}%）", "final": "最终目标 {label}（{year}年）",
        "year": "年份", "unit": "单位：{unit}", "no_unit": "数值", "subtitle": "{name}（{document}）",
        "title": "{name} — {region}",
    },
    "en": {
        "baseline": "Baseline ({year})", "milestone": "Plan target", "plan": "Plan path (linear interpolation)",
        "actual": "Actual", "lower_bound": "Actual (lower bound)", "approximation": "Actual (approximation / proxy)",
        "required_cagr": "Required path ({rate}%/yr)", "required_linear": "Required path ({rate}/yr)",
        "projection": "Projection at observed CAGR ({rate}%/yr)", "final": "Final target {label} ({year})",
        "year": "Year", "unit": "Unit: {unit}", "no_unit": "Value", "subtitle": "{name} ({document})",
        "title": "{name} — {region}",
    },
}

UNITS_EN = {
    "个": "number", "家": "number", "户": "number", "条": "number", "项": "number", "台": "number", "种": "number",
    "次": "number", "场": "number", "只": "number", "位": "number", "件": "number", "人": "persons",
    "亿元": "100 million yuan", "万亿元": "trillion yuan", "万元": "10,000 yuan", "亩": "mu",
    "吨标准煤/万元": "tce per 10,000 yuan", "立方米/万元": "m³ per 10,000 yuan", "万元/亩": "10,000 yuan per mu",
    "件/亿元": "per 100 million yuan", "万元/人": "10,000 yuan per person",
}
UNITS_ZH = {"index": "指数"}
HALO = [withStroke(linewidth=3, foreground="white")]
"""A white outline that keeps value labels readable where they cross a line."""
LEGEND_ORDER = ("baseline", "milestone", "plan", "final", "actual", "lower_bound", "approximation", "required",
                "projection")
Handles = dict[str, Line2D]
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f〔〕《》“”]+")
_CJK_PARENTHESIS = re.compile(r"\s*[(（][^()（）]*[\u2e80-\u9fff][^()（）]*[)）]")


def find_cjk_font() -> str | None:
    """The first of :data:`CJK_FONTS` that matplotlib knows, or None."""
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in known), None)


def choose_language(requested: str | None, font: str | None) -> tuple[str, str | None]:
    """The label language and, when a request for Chinese cannot be honoured, a note for stderr."""
    if requested == "en" or (requested is None and font is None):
        return "en", None
    if font is None:
        return "en", ("gapcalc: note: no CJK font found for matplotlib (looked for "
                      f"{', '.join(CJK_FONTS[:4])}, …): English labels; install e.g. fonts-noto-cjk")
    return "zh", None


def latin(text: str) -> str:
    """``text`` without Chinese characters (parentheses holding them go too), for fonts without CJK glyphs."""
    text = _CJK_PARENTHESIS.sub("", text)
    text = _CJK.sub(" ", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:·—-")


def short(value: float) -> str:
    """A computed value for a label: 12,177 · 57.2 · 0.683."""
    size = abs(value)
    if size >= 1000:
        return f"{value:,.0f}"
    if size >= 100:
        return f"{value:.0f}"
    if size >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


class _Words:
    """The labels of one language; without a CJK font, Chinese is stripped from every text."""

    def __init__(self, language: str, cjk: bool) -> None:
        self.language = language
        self.cjk = cjk

    def __call__(self, key: str, **fields: Any) -> str:
        return self.clean(TEXT[self.language][key].format(**fields))

    def clean(self, text: str) -> str:
        """Mathtext-safe, and CJK-free when no CJK font is available."""
        text = text if self.cjk else latin(text)
        return text.replace("$", r"\$")


def _title(trajectory: Trajectory, words: _Words) -> str:
    zh = words.language == "zh"
    indicator, plan = trajectory.indicator, trajectory.plan
    name = indicator.name_zh if zh else indicator.name_en
    part = trajectory.breakdown_name_zh if zh else trajectory.breakdown_name_en
    if trajectory.breakdown is not None:
        name = f"{name} · {part or trajectory.breakdown}"
    title = words("title", name=name, region=plan.region_zh if zh else plan.region_en)
    return textwrap.fill(title, 40 if zh else 78)


def _subtitle(trajectory: Trajectory, words: _Words) -> str:
    plan = trajectory.plan
    name = plan.name_zh if words.language == "zh" else plan.name_en
    if not words.cjk:
        return words.clean(name)
    return textwrap.fill(words("subtitle", name=name, document=plan.document), 60 if words.language == "zh" else 110)


def _unit_label(unit: str, words: _Words) -> str:
    if unit in ("-", "", "qualitative"):
        return words("no_unit")
    table = UNITS_ZH if words.language == "zh" else UNITS_EN
    shown = table.get(unit, unit_label(unit, words.language))  # 2020年以来新增, not additions since 2019
    if words.language == "en" and not words.cjk and latin(shown) != shown:
        return words("no_unit")
    return words("unit", unit=shown)


def _signed(value: float, decimals: int) -> str:
    return f"{value:+.{decimals}f}".replace("-", "−")


LABEL_GID = "label-"
"""The SVG id of every value label starts with this: ``label-milestone-2020``, ``label-actual-2019``."""
LABEL_PAD = 2.0
"""Points of clear space kept between a label and another label or a marker."""
MAX_STEPS = 3
"""How far (in label heights) a label may be moved away from its point on either side."""


def _value_label(ax: Axes, text: str, xy: tuple[float, float], colour: str, offset: tuple[float, float],
                 role: str, ha: str = "center", va: str = "top", bold: bool = False) -> None:
    """A value written next to its point, with a white halo where it crosses a line."""
    label = ax.annotate(text, xy, xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=9,
                        color=colour, path_effects=HALO, fontweight="bold" if bold else "normal")
    label.set_gid(f"{LABEL_GID}{role}-{int(xy[0])}")


def value_labels(ax: Axes) -> list[Annotation]:
    """The value labels of ``ax``, in the order they were drawn (milestones first)."""
    return [text for text in ax.texts if isinstance(text, Annotation) and (text.get_gid() or "").startswith(LABEL_GID)]


def marker_boxes(ax: Axes, renderer: Any) -> list[Bbox]:
    """The display boxes of every marker drawn on ``ax`` (milestones, baseline, actuals)."""
    boxes: list[Bbox] = []
    for line in ax.get_lines():
        if line.get_marker() in ("None", None, "", " "):
            continue
        half = line.get_markersize() * renderer.points_to_pixels(1.0) / 2
        for x, y in ax.transData.transform(line.get_xydata()):
            boxes.append(Bbox.from_extents(x - half, y - half, x + half, y + half))
    return boxes


def place_labels(ax: Axes, renderer: Any) -> None:
    """Move each value label that overlaps a label placed before it, or a marker: to the other side of its point,
    then further away on either side (at most :data:`MAX_STEPS` label heights); the first place that is clear wins,
    else the label stays where it was drawn."""
    pad = renderer.points_to_pixels(LABEL_PAD)
    taken = marker_boxes(ax, renderer)
    for label in value_labels(ax):
        box = label.get_window_extent(renderer)
        anchor = float(ax.transData.transform(label.xy)[1])
        shift = next((move for move in _candidate_shifts(box, anchor, pad)
                      if not any(_overlaps(box.translated(0, move), other, pad) for other in taken)), 0.0)
        if shift:
            dx, dy = label.xyann
            label.xyann = (dx, dy + shift / renderer.points_to_pixels(1.0))
        taken.append(box.translated(0, shift))


def _candidate_shifts(box: Bbox, anchor: float, pad: float) -> list[float]:
    """Vertical moves of a label's box to try, nearest first: none, the mirror image on the other side of its
    point, then a label height (and pad) further on either side."""
    step = box.height + pad
    above = box.y0 >= anchor
    mirror = (anchor - (box.y0 - anchor)) - box.y1 if above else (anchor + (anchor - box.y1)) - box.y0
    away = step if above else -step
    shifts = [0.0, mirror]
    for count in range(1, MAX_STEPS + 1):
        shifts += [away * count, mirror - away * count]
    return shifts


def _overlaps(box: Bbox, other: Bbox, pad: float) -> bool:
    return bool(box.x0 < other.x1 + pad and other.x0 < box.x1 + pad and box.y0 < other.y1 + pad
                and other.y0 < box.y1 + pad)


def _plot_plan(ax: Axes, trajectory: Trajectory, words: _Words) -> Handles:
    handles: Handles = {}
    if len(trajectory.plan_path) > 1:
        years = [p.year for p in trajectory.plan_path]
        values = [float(p.value) for p in trajectory.plan_path]
        handles["plan"], = ax.plot(years, values, color=PLAN_COLOUR, linewidth=1.8, zorder=2, label=words("plan"))
    final = trajectory.final
    handles["final"] = ax.axhline(float(final.level), color=MILESTONE_COLOUR, linewidth=1.0, linestyle="-.",
                                  alpha=0.7, zorder=1, label=words("final", label=final.label, year=final.year))
    handles["milestone"], = ax.plot([m.year for m in trajectory.milestones],
                                    [float(m.level) for m in trajectory.milestones], linestyle="none", marker="D",
                                    markersize=7, color=MILESTONE_COLOUR, zorder=5, label=words("milestone"))
    for milestone in trajectory.milestones:
        _value_label(ax, words.clean(milestone.label), (milestone.year, float(milestone.level)), MILESTONE_COLOUR,
                     (0, 9), "milestone", va="bottom", bold=True)
    return handles


def _plot_baseline(ax: Axes, trajectory: Trajectory, words: _Words) -> Handles:
    baseline = trajectory.baseline
    if baseline is None:
        return {}
    handle, = ax.plot([baseline.year], [float(baseline.value)], linestyle="none", marker="s", markersize=11,
                      markerfacecolor="white", markeredgecolor=BASELINE_COLOUR, markeredgewidth=1.6, zorder=4,
                      label=words("baseline", year=baseline.year))
    if not any(a.year == baseline.year for a in trajectory.actuals):
        _value_label(ax, printed(baseline.value), (baseline.year, float(baseline.value)), BASELINE_COLOUR,
                     (0, -12), "baseline")
    return {"baseline": handle}


_ACTUAL_MARKERS = {"lower_bound": ("^", ACTUAL_COLOUR, "≥"), "approximation": ("o", "white", "≈")}


def _plot_actuals(ax: Axes, actuals: Sequence[ActualPoint], words: _Words) -> Handles:
    if not actuals:
        return {}
    handles: Handles = {}
    handles["actual"], = ax.plot([a.year for a in actuals], [float(a.value) for a in actuals], color=ACTUAL_COLOUR,
                                 linewidth=2.2, marker="o", markersize=7, zorder=6, label=words("actual"))
    for kind in ("lower_bound", "approximation"):
        marked = [a for a in actuals if a.note_kind == kind]
        if marked:
            marker, face, _ = _ACTUAL_MARKERS[kind]
            handles[kind], = ax.plot([a.year for a in marked], [float(a.value) for a in marked], linestyle="none",
                                     marker=marker, markersize=9, markerfacecolor=face, markeredgewidth=1.8,
                                     markeredgecolor=ACTUAL_COLOUR, color=ACTUAL_COLOUR, zorder=7, label=words(kind))
    for actual in actuals:
        prefix = _ACTUAL_MARKERS[actual.note_kind][2] if actual.note_kind in _ACTUAL_MARKERS else ""
        _value_label(ax, prefix + printed(actual.value), (actual.year, float(actual.value)), ACTUAL_COLOUR,
                     (0, -12), "actual")
    return handles


def _plot_path(ax: Axes, path: Sequence[PathPoint], label: str, colour: str, style: str,
               end_label: float | None) -> list[Line2D]:
    """A computed path; with ``end_label`` (the final target), its last value is written beside it."""
    if len(path) < 2:
        return []
    handles: list[Line2D] = ax.plot([p.year for p in path], [p.value for p in path], color=colour, linewidth=2.0,
                                    linestyle=style, zorder=3, label=label)
    if end_label is not None:
        end = path[-1]
        above = end.value >= end_label  # away from the final target's marker and label
        _value_label(ax, short(end.value), (end.year, end.value), colour, (8, 3 if above else -3), "path-end",
                     ha="left", va="bottom" if above else "top")
    return handles


def _required_label(trajectory: Trajectory, words: _Words) -> str:
    unit = trajectory.indicator.unit
    if counted(unit) and trajectory.required_change_per_year is not None:  # things a year, as the words say
        need = per_year_change(trajectory.required_change_per_year, unit)
        return words("required_linear", rate=_signed(float(need or 0), 0))
    if trajectory.required_cagr_pct is not None:
        return words("required_cagr", rate=_signed(trajectory.required_cagr_pct, 1))
    change = trajectory.required_change_per_year or 0.0
    return words("required_linear", rate=_signed(change, 2 if abs(change) < 10 else 0))


def _decorate(ax: Axes, trajectory: Trajectory, words: _Words) -> None:
    years = [trajectory.final.year, *(m.year for m in trajectory.milestones), *(a.year for a in trajectory.actuals)]
    if trajectory.baseline is not None:
        years.append(trajectory.baseline.year)
    first, last = min(years), max(years)
    ax.set_xticks(list(range(first, last + 1, 1 if last - first <= 15 else 2)))
    ax.set_xlim(first - 0.45, last + 0.6)
    ax.margins(y=0.14)
    ax.set_xlabel(words("year"))
    ax.set_ylabel(_unit_label(trajectory.indicator.unit, words))
    ax.grid(axis="y", color="#e3e3e3", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)


def _draw(figure: Figure, trajectory: Trajectory, words: _Words) -> str:
    ax = figure.add_subplot()
    handles = _plot_plan(ax, trajectory, words)
    handles.update(_plot_baseline(ax, trajectory, words))
    handles.update(_plot_actuals(ax, trajectory.actuals, words))
    for line in _plot_path(ax, trajectory.required_path, _required_label(trajectory, words), REQUIRED_COLOUR, "--",
                           end_label=None):
        handles["required"] = line
    rate = trajectory.observed_cagr_pct
    if rate is not None:
        for line in _plot_path(ax, trajectory.projection, words("projection", rate=_signed(rate, 1)),
                               PROJECTION_COLOUR, ":", end_label=float(trajectory.final.level)):
            handles["projection"] = line
    _decorate(ax, trajectory, words)
    title, subtitle = _title(trajectory, words), _subtitle(trajectory, words)
    ax.set_title(title, loc="left", fontsize=14, fontweight="bold", pad=12 + 13 * (subtitle.count("\n") + 1))
    ax.annotate(subtitle, (0, 1), xycoords="axes fraction", xytext=(0, 8), textcoords="offset points", ha="left",
                va="bottom", fontsize=9.5, color="#555555")
    figure.legend(handles=[handles[role] for role in LEGEND_ORDER if role in handles], loc="outside lower center",
                  ncols=4, frameon=False, fontsize=9, handlelength=2.6, columnspacing=1.8)
    return title


def draw_figure(trajectory: Trajectory, language: str, font: str | None) -> tuple[Figure, str]:
    """The chart's figure, laid out with its labels placed, and its title (call inside the rc_context of
    :func:`render_chart`)."""
    figure = Figure(figsize=(10, 6), dpi=DPI, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    title = _draw(figure, trajectory, _Words(language, font is not None))
    for _ in range(2):  # the layout may move the axes a little once labels move: place them again on the result
        figure.draw_without_rendering()
        place_labels(figure.axes[0], canvas.get_renderer())  # type: ignore[no-untyped-call]
    return figure, title


def render_chart(trajectory: Trajectory, fmt: str, language: str, font: str | None) -> bytes:
    """The chart as PNG or SVG bytes; ``language`` ``zh`` or ``en``; ``font`` the CJK font to use, if any."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported chart format {fmt!r}")
    families = [font, LATIN_FONT] if font and language == "zh" else [LATIN_FONT, *([font] if font else [])]
    with rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path", "font.family": families,
                     "axes.unicode_minus": True}):
        figure, title = draw_figure(trajectory, language, font)
        buffer = io.BytesIO()
        metadata: dict[str, str | None] = {"Title": title.replace("\n", " ")}
        if fmt == "svg":
            metadata["Date"] = None
        figure.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def chart_png(trajectory: Trajectory, language: str, font: str | None) -> bytes:
    """The chart as PNG bytes."""
    return render_chart(trajectory, "png", language, font)


def chart_svg(trajectory: Trajectory, language: str, font: str | None) -> bytes:
    """The chart as deterministic SVG bytes."""
    return render_chart(trajectory, "svg", language, font)
