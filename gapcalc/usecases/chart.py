"""The chart of one indicator: the plan reported for its final year, and the indicator's trajectory (baseline,
milestones, plan path, actuals, required path, projection) computed from that report."""

from __future__ import annotations

from pathlib import Path

from gapcalc.engine.trajectory import Trajectory, build_trajectory
from gapcalc.usecases.run import PlanReport, open_compiled, report_plan


def final_year_report(plan_id: str, directory: Path, actuals_path: Path | None = None) -> PlanReport:
    """The plan's report for its final year (what reading its actuals said among it)."""
    compiled = open_compiled(plan_id, directory)
    return report_plan(compiled, directory, compiled.period[1], actuals_path)


def trajectory_of(report: PlanReport, indicator: str, breakdown: str | None) -> Trajectory:
    """The trajectory of ``indicator`` in ``report`` (``breakdown``: one of its breakdowns, else the headline
    figure); a GapcalcError for an unknown or qualitative indicator."""
    return build_trajectory(report.plan, indicator, breakdown, report.read)


CJK_FILE_HINTS = ("notosanscjk", "notoserifcjk", "notosanssc", "sourcehansans", "wqy", "wenquanyi",
                  "droidsansfallback", "simhei", "simsun", "msyh", "pingfang", "hiragino", "heiti")
"""Parts of the file names of common CJK fonts (lower case, without separators)."""


def chart_font(requested: str | None) -> tuple[str, str | None, str | None]:
    """The labels' language, the CJK font to draw them with, and a note when Chinese was asked for and cannot be
    drawn. matplotlib's font list is a cache: fonts installed after it was built are not in it, so when it knows no
    CJK font the system's font files are looked at once, and those that are CJK fonts added."""
    from gapcalc.render.chart import choose_language, find_cjk_font

    font = find_cjk_font()
    if font is None and requested != "en":
        add_system_cjk_fonts()
        font = find_cjk_font()
    language, warning = choose_language(requested, font)
    return language, font, warning


def add_system_cjk_fonts() -> int:
    """Add to matplotlib's font list the CJK font files of the system it does not know (its cache may be older than
    them); how many were added."""
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = 0
    for path in font_manager.findSystemFonts():
        name = Path(path).name.lower().replace("-", "").replace("_", "").replace(" ", "")
        if path in known or not any(hint in name for hint in CJK_FILE_HINTS):
            continue
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # an unreadable or unsupported font file: skipped
            continue
        added += 1
    return added
