"""Every output's columns, in the order scripts rely on, and the type of each report column.

This is the one place a column list lives: the engine fills these columns, the renderers print them, the API turns
them into DataFrames. Adding a column means adding it here (at the end of a list: scripts rely on the order).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

REPORT_COLUMNS = (
    "plan", "indicator", "name_zh", "breakdown", "unit", "direction", "year", "target", "comparator",
    "target_source", "actual", "actual_year", "gap", "attainment_pct", "baseline", "baseline_year", "progress_pct",
    "time_elapsed_pct", "final_year", "final_target", "required_cagr_pct", "required_change_per_year",
    "observed_cagr_pct", "status", "outlook",
)
"""The contracted columns of ``gapcalc report``, in this order; scripts rely on them."""

EXTRA_COLUMNS = ("source", "source_title", "note", "target_text", "subplan", "name_en", "growth_ratio",
                 "breakdown_zh", "breakdown_en", "actual_comparator", "as_of", "scope", "note_en", "published",
                 "revision", "in_year_kind", "elapsed_pct", "done_pct", "in_year_expected", "pace_pp", "warning",
                 "in_year_method", "in_year_start")
"""Columns appended after the contracted ones: where the actual comes from, its caveats (``note``, in Chinese), and
context; whether the actual is a bound (``>=``: at least, as "超2万") and the date of a figure that does not cover the
whole year; what the actual measures when it only approximates the indicator (``scope``, 口径), the note in English
(``note_en``); the release date and kind of the version used (``published``, ``revision``); and, for a figure of
part of the report year, its in-year pace (:mod:`gapcalc.engine.pace`): what it is (``flow``, ``rate``,
``ratio``, ``stock``), 序时进度 (``elapsed_pct``: the share of the year's task due at its date), the share done
(``done_pct``),
what the date calls for (``in_year_expected``), how far ahead or behind (``pace_pp``), the warning level (``red``,
``yellow``, ``green``), the path's reading (``linear``, ``log_share``) and where the path begins the year
(``in_year_start``, a stock's)."""

ALL_COLUMNS = REPORT_COLUMNS + EXTRA_COLUMNS

RATE_UNIT = "growth rate (%)"
"""The ``unit`` of a row judged on growth rates (:mod:`gapcalc.engine.rates`): its target, figure and gap are growth
rates in % (a gap in percentage points)."""

EXACT_COLUMNS = frozenset({"target", "actual", "gap", "baseline", "final_target"})
"""Numbers the plan or the actuals state exactly: :class:`~decimal.Decimal`, printed as stated (``7.0`` stays)."""
FLOAT_COLUMNS = frozenset({"attainment_pct", "progress_pct", "time_elapsed_pct", "required_cagr_pct",
                           "required_change_per_year", "observed_cagr_pct", "growth_ratio", "elapsed_pct", "done_pct",
                           "in_year_expected", "pace_pp", "in_year_start"})
"""Ratios and rates gapcalc computes: float64, NaN where a formula is undefined."""
YEAR_COLUMNS = frozenset({"year", "actual_year", "baseline_year", "final_year"})
"""Years: int, or None."""

TARGET_COLUMNS = ("plan", "indicator", "name_zh", "name_en", "breakdown", "unit", "direction", "kind", "year", "value",
                  "comparator", "level", "source")
"""The contracted columns of ``gapcalc targets``, in this order."""
TARGET_EXTRA_COLUMNS = ("upper", "text", "quote", "note", "subplan")
TARGET_TABLE_COLUMNS = ("indicator", "name_zh", "breakdown", "unit", "kind", "year", "value", "comparator", "level")
"""What the terminal table of ``gapcalc targets`` shows."""

STATUS_KEYS = ("met", "not_met", "no_data", "not_assessed", "inconclusive")
"""Status codes, in the order of :class:`gapcalc.engine.formulas.Status` (a test holds them equal)."""
OUTLOOK_KEYS = ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration",
                "insufficient_data")
"""Outlook codes, in the order of :class:`gapcalc.engine.formulas.Outlook` (a test holds them equal)."""
SUMMARY_COLUMNS = ("plan", "subplan", "subplan_name", "year", "rows", *STATUS_KEYS[:4], "assessed", "met_share_pct",
                   *OUTLOOK_KEYS, "inconclusive", "warning_red", "warning_yellow", "warning_green")
"""Columns of ``gapcalc summary`` (one row per subplan, then one with ``subplan = *`` for the whole plan); the last
three count the in-year warnings of figures of part of the year (:mod:`gapcalc.engine.pace`)."""
WARNING_KEYS = ("red", "yellow", "green")
"""In-year warning levels: 一级 (red), 二级 (yellow), 三级 (green)."""

COMPARE_COLUMNS = ("indicator", "plan", "region_zh", "region_en", "breakdown", "name_zh", "unit", "direction", "year",
                   "target", "comparator", "target_source", "actual", "actual_year", "gap", "attainment_pct",
                   "progress_pct", "time_elapsed_pct", "final_year", "final_target", "required_cagr_pct",
                   "required_change_per_year", "observed_cagr_pct", "status", "outlook", "source", "note")
"""Columns of ``gapcalc compare``: one row per plan (and breakdown) that has the indicator."""

TEMPLATE_COLUMNS = ("indicator", "breakdown", "year", "value", "unit", "name_zh", "name_en", "breakdown_name",
                    "source", "source_title", "note", "plan", "measure", "comparator", "as_of", "scope", "note_en",
                    "published", "revision")
"""Columns of ``gapcalc template``; ``indicator, year, value`` are what ``check`` and ``report`` read."""

PLAN_COLUMNS = ("plan", "region_zh", "region_en", "document", "period_start", "period_end", "baseline_year",
                "subplans", "indicators", "numbers", "file")
"""Columns of ``gapcalc plans``."""


def exact_text(value: Any) -> str:
    """A cell's text with every digit kept: blank for None, ``true``/``false``, a decimal as stated (``format(d,
    "f")``), a float by its shortest exact digits; the machine outputs round floats instead
    (:func:`gapcalc.render.cells.cell_text`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


COMPARATOR_SIGNS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "≈", "range": ""}
"""How a comparator is written before a number a reader sees (≥50, ≈7): in charts, pages and reviews alike."""
