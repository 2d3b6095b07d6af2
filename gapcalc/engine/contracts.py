"""The columns of the gap report, in the order scripts rely on (shared by both engines and every renderer)."""

from __future__ import annotations

REPORT_COLUMNS = (
    "plan", "indicator", "name_zh", "breakdown", "unit", "direction", "year", "target", "comparator",
    "target_source", "actual", "actual_year", "gap", "attainment_pct", "baseline", "baseline_year", "progress_pct",
    "time_elapsed_pct", "final_year", "final_target", "required_cagr_pct", "required_change_per_year",
    "observed_cagr_pct", "status", "outlook",
)
"""The contracted columns, in this order; scripts rely on them."""

EXTRA_COLUMNS = ("source", "source_title", "note", "target_text", "subplan", "name_en", "growth_ratio",
                 "breakdown_zh", "breakdown_en")
"""Columns appended after the contracted ones: where the actual comes from, its caveats, and context."""

ALL_COLUMNS = REPORT_COLUMNS + EXTRA_COLUMNS
