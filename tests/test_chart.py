"""``gapcalc chart``: the trajectory data (pure), the command's files and messages, and the language fallback."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from gapcalc.actuals.columns import PlanActuals
from gapcalc.cli.main import cli
from gapcalc.engine.trajectory import (
    ActualPoint,
    Milestone,
    Point,
    Trajectory,
    build_trajectory,
    note_kind,
    projection,
    required_path,
)
from gapcalc.errors import GapcalcError
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.render import chart
from gapcalc.usecases.run import open_compiled, report_plan

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def demo() -> tuple[CompiledPlan, PlanActuals]:
    plan = open_compiled("demo", Path("targets"))
    return plan, report_plan(plan, Path("targets"), 2020).actuals[0]


def trajectory(indicator: str, breakdown: str | None = None) -> Trajectory:
    plan, actuals = demo()
    return build_trajectory(plan, indicator, breakdown, actuals)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def svg_title(data: bytes) -> str:
    titles = [element.text or "" for element in ET.fromstring(data).iter(DC_TITLE)]
    return titles[0]


# --- trajectory: the data of the chart -------------------------------------------------------------------------


def test_nc_rate_trajectory(in_demo: Path) -> None:
    t = trajectory("nc_rate_key_processes")
    assert t.baseline == (2017, 26)
    milestones = [(m.year, m.level, m.comparator) for m in t.milestones]
    assert milestones == [(2018, 32, "="), (2019, 46, "="), (2020, 50, ">")]
    assert [m.label for m in t.milestones] == ["32", "46", ">50"]
    assert t.plan_path == ((2017, 26), (2018, 32), (2019, 46), (2020, 50))
    assert [(a.year, a.value, a.note) for a in t.actuals] == [(2018, 30, ""), (2019, 44, "")]
    assert t.final == (2020, 50, ">", None)
    assert [p.year for p in t.required_path] == [2019, 2020]
    assert t.required_path[0].value == 44 and t.required_path[-1].value == pytest.approx(50)
    assert t.required_cagr_pct == pytest.approx(13.6364, abs=1e-4)
    assert t.required_change_per_year == pytest.approx(6)
    assert t.observed_cagr_pct == pytest.approx(30.0887, abs=1e-4)
    assert [p.year for p in t.projection] == [2019, 2020]
    assert t.projection[0].value == 44 and t.projection[-1].value == pytest.approx(44 * 1.300887, abs=1e-3)
    assert t.projection[-1].value == pytest.approx(57.239, abs=1e-3)


def test_plan_path_is_the_engines_interpolation(in_demo: Path) -> None:
    t = trajectory("energy_per_unit_iva")
    assert t.baseline == (2017, Decimal("0.80")) and t.plan_path == ((2017, Decimal("0.80")), (2020, Decimal("0.656")))
    plan, actuals = demo()
    for year in (2018, 2019):
        row = next(r for r in report_plan(plan, Path("targets"), year).columns.rows()
                   if r["indicator"] == "energy_per_unit_iva")
        (y0, v0), (y1, v1) = t.plan_path
        assert row["target_source"] == "interpolated"
        assert row["target"] == v0 + (v1 - v0) * Decimal(year - y0) / Decimal(y1 - y0)
    assert t.required_cagr_pct == pytest.approx(-8.8889, abs=1e-4)  # a reduction still needed: down, geometric
    assert t.projection[-1].value == pytest.approx(0.72 * (0.72 / 0.80) ** 0.5)


def test_lower_bound_note_is_marked(in_demo: Path) -> None:
    t = trajectory("enterprises_on_cloud")
    assert t.actuals == (ActualPoint(2019, Decimal(300), "lower bound (超300家)"),)
    assert t.actuals[0].note_kind == "lower_bound"
    assert note_kind("Approximation: all sectors") == "approximation"
    assert note_kind("Proxy at best: value added of all industry") == "approximation"
    assert note_kind("两化融合发展水平 scale, as the plan's 65 (原文“规模以上…”)") == "note"
    assert note_kind("") == ""


def test_required_path_is_left_out_once_met_and_breakdowns_are_drawn(in_demo: Path) -> None:
    t = trajectory("green_factories", "national")
    assert t.breakdown == "national" and t.breakdown_name_zh == "国家级"
    assert t.actuals == (ActualPoint(2019, Decimal(5), ""),) and t.final.level == 5
    assert t.required_path == ()
    assert t.projection[-1].year == 2020


def test_paths_where_a_rate_is_undefined() -> None:
    final = Milestone(2020, Decimal(5), "=")
    linear = required_path(ActualPoint(2018, Decimal(0), ""), final, "up")
    assert linear == ((2018, 0.0), (2019, 2.5), (2020, 5.0))
    assert required_path(ActualPoint(2020, Decimal(1), ""), final, "up") == ()
    assert projection(Point(2017, Decimal(0)), ActualPoint(2019, Decimal(3), ""), 2020) == ()
    assert projection(None, ActualPoint(2019, Decimal(3), ""), 2020) == ()
    assert projection(Point(2019, Decimal(3)), ActualPoint(2019, Decimal(3), ""), 2020) == ()


def test_range_and_approximate_labels() -> None:
    assert Milestone(2020, Decimal(1), "range", Decimal(2)).label == "1–2"
    assert Milestone(2020, Decimal("7.0"), "~").label == "≈7.0"
    assert Milestone(2020, Decimal(40), ">=").label == "≥40"  # as every output writes it, not ">="


def test_unknown_indicator_and_breakdown_suggest_a_name(in_demo: Path) -> None:
    plan, actuals = demo()
    with pytest.raises(GapcalcError) as error:
        build_trajectory(plan, "nc_rate_key_process", None, actuals)
    assert error.value.hint.startswith("did you mean 'nc_rate_key_processes'?")
    with pytest.raises(GapcalcError) as error:
        build_trajectory(plan, "green_factories", "nationl", actuals)
    assert error.value.message == "no breakdown 'nationl' of indicator 'green_factories' in plan demo"
    assert error.value.hint == "did you mean 'national'? (breakdowns: national)"
    with pytest.raises(GapcalcError) as error:
        build_trajectory(plan, "green_factories", None, actuals)
    assert error.value.hint == "choose one with --breakdown: national"


def test_trajectory_module_stays_free_of_matplotlib() -> None:
    probe = "import sys, gapcalc.engine.trajectory, gapcalc.cli.chart_cmd; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "False"


# --- the command --------------------------------------------------------------------------------------------------


def test_chart_png(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    output = tmp_path / "x.png"
    code, out, err = invoke(runner, "chart", "demo", "nc_rate_key_processes", "--output", str(output))
    assert code == 0, err
    assert out == ""
    assert err.endswith(f"wrote {output}\n")
    data = output.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000


def test_chart_svg_is_xml_named_after_the_indicator_and_deterministic(runner: CliRunner, in_demo: Path,
                                                                      tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for output in (first, second):
        code, _, err = invoke(runner, "chart", "demo", "nc_rate_key_processes", "-o", str(output))
        assert code == 0, err
    data = first.read_bytes()
    title = svg_title(data)
    assert "关键工序数控化率" in title or "NC machining rate of key processes" in title
    assert data == second.read_bytes()


def test_english_labels_without_a_cjk_font(runner: CliRunner, in_demo: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart, "find_cjk_font", lambda: None)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))  # a font gone unseen by the cache's key
    output = tmp_path / "en.svg"
    code, _, err = invoke(runner, "chart", "demo", "nc_rate_key_processes", "-o", str(output))
    assert code == 0 and "no CJK font" not in err
    text = output.read_text(encoding="utf-8")
    assert svg_title(output.read_bytes()) == "NC machining rate of key processes — Demo City"
    assert "<!-- Plan path (linear interpolation) -->" in text
    assert "关键工序" not in text and "演示" not in text  # no Chinese text, so no missing glyphs
    code, _, err = invoke(runner, "chart", "demo", "nc_rate_key_processes", "--lang", "zh", "-o", str(output))
    assert code == 0
    assert "gapcalc: note: no CJK font found for matplotlib" in err
    assert svg_title(output.read_bytes()) == "NC machining rate of key processes — Demo City"


def test_language_choice() -> None:
    assert chart.choose_language(None, "Noto Sans CJK SC") == ("zh", None)
    assert chart.choose_language("en", "Noto Sans CJK SC") == ("en", None)
    assert chart.choose_language(None, None) == ("en", None)
    language, warning = chart.choose_language("zh", None)
    assert language == "en" and warning and "fonts-noto-cjk" in warning
    assert chart.latin("Informatisation integration, overall development level (发展水平 scale)") == (
        "Informatisation integration, overall development level")
    assert chart.latin("Small firms entered into the 小升规 cultivation pool") == (
        "Small firms entered into the cultivation pool")


def test_qualitative_indicator_exits_2(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    output = tmp_path / "q.png"
    code, out, err = invoke(runner, "chart", "demo", "smart_mfg_talent", "-o", str(output))
    assert code == 2 and out == ""
    assert err == (
        "actuals/demo.csv: 7 rows read, 7 used\n"
        "gapcalc: error: indicator 'smart_mfg_talent' is qualitative (基本建立): there is no number to draw\n"
        "  hint: chart an indicator with a numeric target; `gapcalc targets demo` shows the level of every target\n"
    )
    assert not output.exists()


def test_unknown_indicator_exits_2(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    code, out, err = invoke(runner, "chart", "demo", "nc_rate", "-o", str(tmp_path / "u.png"))
    assert code == 2 and out == ""
    assert err == (
        "actuals/demo.csv: 7 rows read, 7 used\n"
        "gapcalc: error: no indicator 'nc_rate' in plan demo\n"
        "  hint: did you mean 'nc_rate_key_processes'? (`gapcalc targets demo` lists every indicator)\n"
    )


def test_output_must_be_png_or_svg(runner: CliRunner, in_demo: Path, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "chart", "demo", "nc_rate_key_processes", "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert err == (f"gapcalc: error: cannot draw {tmp_path / 'x.pdf'}: a chart is written as PNG or SVG\n"
                   "  hint: name the output FILE.png or FILE.svg\n")


# --- labels: an actual and a milestone a few units apart never overlap ------------------------------------------


def close_values(actual: str) -> Trajectory:
    """The demo's NC rate (milestone 46 in 2019) with an actual of ``actual`` in 2019."""
    from dataclasses import replace

    return replace(trajectory("nc_rate_key_processes"),
                   actuals=(ActualPoint(2018, Decimal("30"), ""), ActualPoint(2019, Decimal(actual), "")))


@pytest.mark.parametrize("actual", ["46", "47", "48", "49", "50", "51"])
def test_label_boxes_overlap_neither_each_other_nor_a_marker(in_demo: Path, actual: str) -> None:
    from matplotlib import rc_context

    with rc_context({"font.family": [chart.LATIN_FONT]}):
        figure, _ = chart.draw_figure(close_values(actual), "en", None)
        figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = figure.axes[0]
        boxes = {label.get_gid(): label.get_window_extent(renderer) for label in chart.value_labels(ax)}
        markers = chart.marker_boxes(ax, renderer)
    assert {"label-milestone-2019", "label-actual-2019"} <= set(boxes)
    names = sorted(boxes)
    assert [(a, b) for a in names for b in names if a < b and boxes[a].overlaps(boxes[b])] == []
    assert [name for name in names if any(boxes[name].overlaps(marker) for marker in markers)] == []


def svg_box(data: bytes, gid: str) -> tuple[float, float, float, float]:
    """The extent (x0, y0, x1, y1) of every path point drawn in the SVG group ``gid`` (glyphs as paths)."""
    import re

    group = next(element for element in ET.fromstring(data).iter() if element.get("id") == gid)
    numbers = [float(n) for path in group.iter("{http://www.w3.org/2000/svg}path")
               for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_close_actual_and_milestone_labels_are_apart_in_the_svg(in_demo: Path) -> None:
    """Actual 49 three units above the milestone 46: drawn below its point, its label would cross the milestone's;
    in the SVG the two label boxes are disjoint and the actual's is above its point."""
    data = chart.render_chart(close_values("49"), "svg", "en", None)
    mx0, my0, mx1, my1 = svg_box(data, "label-milestone-2019")
    ax0, ay0, ax1, ay1 = svg_box(data, "label-actual-2019")
    assert mx0 < ax1 and ax0 < mx1  # one above the other (same year): they share columns
    assert ay1 < my0  # SVG y grows downwards: the actual's label lies wholly above the milestone's
    assert data == chart.render_chart(close_values("49"), "svg", "en", None)


def test_a_cjk_font_installed_after_matplotlibs_cache_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """matplotlib's font list is a cache: a CJK font installed after it was built is looked for on disk and used,
    rather than drawing English labels and advising to install a font that is installed."""
    from matplotlib import font_manager

    from gapcalc.usecases import chart as chart_usecase

    added: list[str] = []
    entries = [e for e in font_manager.fontManager.ttflist if e.name not in chart.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda: ["/fonts/DejaVuSans.ttf",
                                                                   "/fonts/NotoSansCJK-Regular.ttc"])

    def addfont(path: str) -> None:
        added.append(path)
        entries.append(font_manager.FontEntry(fname=path, name="Noto Sans CJK SC"))

    monkeypatch.setattr(font_manager.fontManager, "addfont", addfont)
    assert chart_usecase.chart_font("zh") == ("zh", "Noto Sans CJK SC", None)
    assert added == ["/fonts/NotoSansCJK-Regular.ttc"]  # only the CJK file, and only once it was needed


def test_without_any_cjk_font_chinese_labels_are_refused_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib import font_manager

    from gapcalc.usecases import chart as chart_usecase

    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [e for e in font_manager.fontManager.ttflist if e.name not in chart.CJK_FONTS])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda: ["/fonts/DejaVuSans.ttf"])
    language, font, note = chart_usecase.chart_font("zh")
    assert (language, font) == ("en", None) and note is not None and "fonts-noto-cjk" in note
    assert chart_usecase.chart_font("en") == ("en", None, None)


# -- charts kept in the cache by content ------------------------------------------------------------------------------
def _demo_trajectory(in_demo: Path) -> Trajectory:
    plan = open_compiled("demo", Path("targets"))
    return build_trajectory(plan, "nc_rate_key_processes", None, report_plan(plan, Path("targets"), 2020).read)


def test_a_chart_drawn_once_comes_from_the_cache_without_matplotlib(in_demo: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcalc.usecases import chart as charts

    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))  # drawn here first, whatever fonts exist
    trajectory = _demo_trajectory(in_demo)
    monkeypatch.setattr(chart, "find_cjk_font", lambda: None)  # drawn in English, with the note saying why
    monkeypatch.setattr(charts, "add_system_cjk_fonts", lambda: 0)
    (first,), note = charts.drawn_charts([trajectory], "zh", "svg")
    assert note is not None and "no CJK font" in note

    def no_drawing(requested: str | None) -> None:
        raise AssertionError("matplotlib was asked for a chart the cache holds")

    monkeypatch.setattr(charts, "chart_font", no_drawing)
    (again,), again_note = charts.drawn_charts([trajectory], "zh", "svg")
    assert (again, again_note) == (first, note)
    with pytest.raises(AssertionError, match="the cache holds"):  # another language is another chart
        charts.drawn_charts([trajectory], "en", "svg")


def test_a_chart_key_changes_with_its_points_its_format_and_the_fonts_installed(
        in_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gapcalc.usecases import chart as charts

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "data" / "fonts").mkdir(parents=True)
    trajectory = _demo_trajectory(in_demo)
    key = charts.chart_key(trajectory, "zh", "png")
    assert charts.chart_key(trajectory, "zh", "png") == key
    assert charts.chart_key(trajectory, "zh", "svg") != key
    moved = replace(trajectory, actuals=(*trajectory.actuals, ActualPoint(2020, Decimal("61"), "")))
    assert charts.chart_key(moved, "zh", "png") != key
    (tmp_path / "data" / "fonts" / "noto").mkdir()  # a font installed in a folder of its own
    assert charts.chart_key(trajectory, "zh", "png") != key


def test_a_markdown_brief_run_twice_has_the_same_pictures(in_repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    pictures = []
    for name in ("a", "b"):
        output = tmp_path / f"{name}.md"
        code, _, err = invoke(runner, "brief", "mianyang", "2019", "-o", str(output))
        assert code == 0, err
        pictures.append([p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-chart-*.png"))])
    assert len(pictures[0]) == 3 and pictures[0] == pictures[1]


def test_a_count_needs_a_straight_path_of_things_a_year() -> None:
    """A count's required path is straight (things a year, as the words say them), never a growth rate of a few."""
    path = required_path(ActualPoint(2020, Decimal(18), ""), Milestone(2022, Decimal(90), ">="), "up", linear=True)
    assert [(p.year, p.value) for p in path] == [(2020, 18.0), (2021, 54.0), (2022, 90.0)]
