"""The Python API: plans, actuals and reports as pandas DataFrames, for notebooks and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcalc.actuals.parse import ActualsFile
from gapcalc.engine.perplan import ALL_COLUMNS, TARGET_COLUMNS, TARGET_EXTRA_COLUMNS, build_report, build_targets
from gapcalc.plan.load import LoadedPlan
from gapcalc.workspace.open import open_actuals, open_plan, open_plan_file
from gapcalc.workspace.paths import targets_dir

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def load_plan(plan: str | Path, targets: str | Path | None = None) -> LoadedPlan:
    """A validated plan, by id (looked up in ``targets`` / ``$GAPCALC_TARGETS`` / ``./targets``) or by file path."""
    path = Path(plan)
    if path.suffix == ".toml":
        return open_plan_file(path)
    return open_plan(str(plan), targets)


def load_actuals(plan: str | Path | LoadedPlan, path: str | Path | None = None,
                 targets: str | Path | None = None, encoding: str | None = None) -> pd.DataFrame:
    """The observed values of a plan as a DataFrame (columns indicator, breakdown, year, value, source, note…)."""
    import pandas as pd

    parsed = _actuals(plan, path, targets, encoding)
    records = [vars(a) for a in parsed.values]
    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=["indicator", "breakdown", "year", "value",
                                                                      "source", "source_title", "note", "row"])
    return frame


def _actuals(plan: str | Path | LoadedPlan, path: str | Path | None, targets: str | Path | None,
             encoding: str | None) -> ActualsFile:
    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan, targets)
    directory = targets_dir(str(targets) if targets else None)
    return open_actuals(loaded, Path(path) if path else None, directory, encoding, required=path is not None)


def report(plan: str | Path | LoadedPlan, year: int, actuals: str | Path | None = None,
           targets: str | Path | None = None) -> pd.DataFrame:
    """The gap report of ``plan`` for ``year`` as a DataFrame, in the CSV's column order."""
    import pandas as pd

    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan, targets)
    rows = build_report(loaded.plan, year, _actuals(loaded, actuals, targets, None).values)
    frame: pd.DataFrame = pd.DataFrame.from_records(rows, columns=list(ALL_COLUMNS))
    return frame


def report_all(year: int, targets: str | Path | None = None) -> pd.DataFrame:
    """Every plan's report for ``year`` as one DataFrame (the roll-up engine of ``report --all``), in the CSV's
    column order: stated and observed numbers as exact Decimals, ratios and rates as floats, years as nullable
    integers. ``frame.attrs["failures"]`` lists the plans that could not be loaded, ``frame.attrs["notes"]`` what
    reading the actuals reported."""
    import pandas as pd

    from gapcalc.engine.run import iter_batches

    failures: list[str] = []
    frames: list[pd.DataFrame] = []
    notes: list[str] = []
    for batch in iter_batches(targets_dir(str(targets) if targets else None), year, failures):
        frames.append(_typed_frame(batch.columns))
        notes += [line for lines in batch.notes for line in lines]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(ALL_COLUMNS))
    frame.attrs.update(failures=failures, notes=notes)
    return frame


def _typed_frame(cells: dict[str, Any]) -> pd.DataFrame:
    """The cells of a batch as typed columns (years as nullable integers)."""
    import pandas as pd

    from gapcalc.engine.run import YEAR_COLUMNS, typed_columns

    typed = typed_columns(cells)
    data = {name: pd.array(typed[name], dtype="Int64") if name in YEAR_COLUMNS
            else cells["floats"][name] if name in cells["floats"] else pd.Series(typed[name], dtype=object)
            for name in ALL_COLUMNS}
    frame: pd.DataFrame = pd.DataFrame(data, columns=list(ALL_COLUMNS))
    return frame


def summary(plan: str | Path | LoadedPlan, year: int, actuals: str | Path | None = None,
            targets: str | Path | None = None) -> pd.DataFrame:
    """Counts by status and outlook per subplan and for the whole plan (``subplan == "*"``), with 指标完成率."""
    import pandas as pd

    from gapcalc.engine.summary import SUMMARY_COLUMNS, summarise

    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan, targets)
    rows = build_report(loaded.plan, year, _actuals(loaded, actuals, targets, None).values)
    frame: pd.DataFrame = pd.DataFrame.from_records(summarise(loaded.plan, year, rows), columns=list(SUMMARY_COLUMNS))
    return frame


def compare(indicator: str, year: int, targets: str | Path | None = None) -> pd.DataFrame:
    """One indicator side by side in every plan of the targets directory that states it."""
    import pandas as pd

    from gapcalc.engine.rollup import COMPARE_COLUMNS
    from gapcalc.engine.rollup import compare as compare_rows

    result = compare_rows(targets_dir(str(targets) if targets else None), indicator, year)
    frame: pd.DataFrame = pd.DataFrame.from_records(result.rows, columns=list(COMPARE_COLUMNS))
    return frame


def targets(plan: str | Path | LoadedPlan, targets_path: str | Path | None = None) -> pd.DataFrame:
    """Every number the plan states, with its resolved level, as a DataFrame."""
    import pandas as pd

    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan, targets_path)
    frame: pd.DataFrame = pd.DataFrame.from_records(build_targets(loaded.plan),
                                                    columns=list(TARGET_COLUMNS + TARGET_EXTRA_COLUMNS))
    return frame
