"""The chart of one indicator: the plan reported for its final year, and the indicator's trajectory (baseline,
milestones, plan path, actuals, required path, projection) computed from that report; charts drawn once for their
content (kept in the cache, so that a chart already drawn does not import matplotlib again)."""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

from gapcalc.engine.trajectory import Trajectory, build_trajectory
from gapcalc.infra.cache import Cache, cache_dir, content_key
from gapcalc.usecases.run import PlanReport, open_compiled, report_plan


def final_year_report(plan_id: str, directory: Path, actuals_path: Path | None = None) -> PlanReport:
    """The plan's report for its final year (what reading its actuals said among it)."""
    compiled = open_compiled(plan_id, directory)
    return report_plan(compiled, directory, compiled.period[1], actuals_path)


def trajectory_of(report: PlanReport, indicator: str, breakdown: str | None) -> Trajectory:
    """The trajectory of ``indicator`` in ``report`` (``breakdown``: one of its breakdowns, else the headline
    figure); a GapcalcError for an unknown or qualitative indicator."""
    return build_trajectory(report.plan, indicator, breakdown, report.read)


def drawn_charts(trajectories: Sequence[Trajectory], requested: str | None, fmt: str) -> tuple[list[bytes], str | None]:
    """Each trajectory drawn as ``fmt`` (png or svg) with labels in the ``requested`` language, and the note of
    :func:`chart_font` when that language cannot be drawn. A chart is kept in the cache under its content (the
    trajectory, the language asked for, the format, and what draws it: :func:`drawing_signature`), with its note;
    when every chart is found there, matplotlib is not imported at all."""
    from gapcalc.render import render_function

    cache = Cache("charts", cache_dir())
    signature = drawing_signature()
    keys = [chart_key(trajectory, requested, fmt, signature) for trajectory in trajectories]
    found = [_entry(cache.get(key)) for key in keys]
    if all(entry is not None for entry in found):
        entries = [entry for entry in found if entry is not None]
        return [picture for picture, _ in entries], next((note for _, note in entries if note), None)
    language, font, warning = chart_font(requested)
    draw = render_function("chart", fmt)
    drawn: list[bytes] = []
    for trajectory, key, entry in zip(trajectories, keys, found, strict=True):
        picture = entry[0] if entry is not None else draw(trajectory, language, font)
        if entry is None:
            cache.put(key, (picture, warning or ""))
        drawn.append(picture)
    return drawn, warning


def _entry(value: object) -> tuple[bytes, str] | None:
    """A chart entry's picture and note, or None for no entry (or one not of this shape)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes) and isinstance(value[1], str):
        return value[0], value[1]
    return None


def chart_key(trajectory: Trajectory, requested: str | None, fmt: str, signature: str | None = None) -> str:
    """The name of a chart's cache entry: its trajectory (every point, exactly), the language asked for, the format
    and what draws it (``signature``: :func:`drawing_signature`, found when not given)."""
    drawing = drawing_signature() if signature is None else signature
    return content_key("chart", fmt.encode(), (requested or "").encode(), repr(trajectory).encode(), drawing.encode())


def drawing_signature() -> str:
    """What else decides a chart's pixels, found without importing matplotlib: the matplotlib installed (its package
    file: another version is another file), matplotlib's font list (rebuilt when its version or settings change)
    and the system's font folders (a font installed or removed changes the modification time of its folder)."""
    parts = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        parts.append(_file_signature(spec.origin))
    for folder in _matplotlib_cache_folders():
        try:
            names = sorted(name for name in os.listdir(folder) if name.startswith("fontlist"))
        except OSError:
            continue
        parts.extend(_file_signature(os.path.join(folder, name)) for name in names)
    parts.extend(_tree_signature(folder) for folder in font_folders())
    return "\0".join(parts)


def _matplotlib_cache_folders() -> list[str]:
    """Where matplotlib keeps its font list: MPLCONFIGDIR, else the user's cache folder."""
    chosen = os.environ.get("MPLCONFIGDIR")
    if chosen:
        return [chosen]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [os.path.join(base, "matplotlib")]


def font_folders() -> list[str]:
    """The folders fonts are installed in, on every system matplotlib looks at (those that exist or not)."""
    home = os.path.expanduser("~")
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    windows = os.environ.get("WINDIR", r"C:\Windows")
    local = os.environ.get("LOCALAPPDATA", os.path.join(home, "AppData", "Local"))
    return [os.path.join(data_home, "fonts"), os.path.join(home, ".fonts"), "/usr/share/fonts",
            "/usr/local/share/fonts", "/usr/X11R6/lib/X11/fonts", "/Library/Fonts", "/System/Library/Fonts",
            "/Network/Library/Fonts", os.path.join(home, "Library", "Fonts"), os.path.join(windows, "Fonts"),
            os.path.join(local, "Microsoft", "Windows", "Fonts")]


def _tree_signature(folder: str) -> str:
    """How many folders the tree at ``folder`` has and the latest modification time among them."""
    count, latest = 0, 0
    for path, _, _ in os.walk(folder):
        with contextlib.suppress(OSError):
            latest = max(latest, os.stat(path).st_mtime_ns)
            count += 1
    return f"{folder}:{count}:{latest}"


def _file_signature(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path}:missing"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


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
