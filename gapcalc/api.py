"""The Python API: plans, actuals and reports as pandas DataFrames, for notebooks and scripts.

Every call goes through the use cases the command line runs (:mod:`gapcalc.usecases`): a single plan is a batch of
one, and a year is checked as the command line checks it. Calls compute in the calling process (no worker processes
are started), so a plain script needs no ``__main__`` guard. This is the one module that imports pandas, and only
when a function is called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcalc.engine.contracts import (
    ALL_COLUMNS,
    COMPARE_COLUMNS,
    FLOAT_COLUMNS,
    SUMMARY_COLUMNS,
    TARGET_COLUMNS,
    TARGET_EXTRA_COLUMNS,
    YEAR_COLUMNS,
)
from gapcalc.infra.paths import targets_dir
from gapcalc.usecases.arguments import year_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from gapcalc.actuals.parse import ActualsFile
    from gapcalc.plan.load import LoadedPlan
    from gapcalc.usecases.run import PlanReport


def load_plan(plan: str | Path, targets: str | Path | None = None) -> LoadedPlan:
    """A validated plan, by id (looked up in ``targets`` / ``$GAPCALC_TARGETS`` / ``./targets``) or by file path."""
    from gapcalc.usecases.open import plan_given

    return plan_given(plan, _directory(targets))


def _directory(targets: str | Path | None) -> Path:
    """The targets directory: ``targets``, else ``$GAPCALC_TARGETS``, else ``./targets`` or the shipped plans."""
    return targets_dir(str(targets) if targets else None)


def load_actuals(plan: str | Path | LoadedPlan, path: str | Path | None = None,
                 targets: str | Path | None = None, encoding: str | None = None) -> pd.DataFrame:
    """The observed values of a plan as a DataFrame: every column of an actuals file (indicator, breakdown, year,
    value, source, source_title, note, measure, comparator, as_of, scope, note_en) and the row it was read from."""
    import dataclasses

    import pandas as pd

    from gapcalc.usecases.open import actual_record_fields

    parsed = _actuals(plan, path, targets, encoding)
    records = [dataclasses.asdict(a) for a in parsed.values]
    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=actual_record_fields())
    return frame


def _actuals(plan: str | Path | LoadedPlan, path: str | Path | None, targets: str | Path | None,
             encoding: str | None) -> ActualsFile:
    from gapcalc.usecases.open import open_actuals, plan_given

    return open_actuals(plan_given(plan, _directory(targets)), Path(path) if path else None, _directory(targets),
                        encoding, required=path is not None)


def _report(plan: str | Path | LoadedPlan, year: object, actuals: str | Path | None,
            targets: str | Path | None, as_known_on: object = None) -> PlanReport:
    """The report of one plan (by id, file path or loaded plan)."""
    from gapcalc.usecases.arguments import day_of
    from gapcalc.usecases.run import report_given

    day = day_of(as_known_on) if as_known_on is not None else None
    return report_given(plan, _directory(targets), year_of(year), Path(actuals) if actuals else None,
                        as_known_on=day)


def report(plan: str | Path | LoadedPlan, year: object, actuals: str | Path | None = None,
           targets: str | Path | None = None, as_known_on: object = None) -> pd.DataFrame:
    """The gap report of ``plan`` for ``year`` as a DataFrame, in the CSV's column order: stated and observed numbers
    as exact Decimals, ratios and rates as floats (NaN when undefined), years as nullable integers. With
    ``as_known_on`` (a date or ``"2025-06-30"``), only the versions of figures known on that day are used."""
    return _frame(_report(plan, year, actuals, targets, as_known_on).columns.columns)


def report_all(year: object, targets: str | Path | None = None) -> pd.DataFrame:
    """Every plan's report for ``year`` as one DataFrame, typed as :func:`report`'s. ``frame.attrs["failures"]``
    lists the plans that could not be loaded, ``frame.attrs["notes"]`` what reading the actuals reported."""
    import pandas as pd

    from gapcalc.usecases.run import Rollup, iter_batches

    rollup = Rollup(year_of(year))
    frames = [_frame(batch.columns.columns)
              for batch in iter_batches(_directory(targets), rollup)]
    frame = pd.concat(frames, ignore_index=True) if frames else _frame({})
    frame.attrs.update(failures=rollup.failures, notes=rollup.notes)
    return frame


def _frame(columns: dict[str, Any], names: tuple[str, ...] = ALL_COLUMNS) -> pd.DataFrame:
    """Typed columns as a DataFrame: floats as float64, years as nullable Int64, the rest as objects."""
    import pandas as pd

    def column(name: str) -> Any:
        values = columns.get(name, [])
        if name in YEAR_COLUMNS:
            return pd.array(list(values), dtype="Int64")
        if name in FLOAT_COLUMNS:
            return pd.array(values, dtype="float64")
        return pd.Series(list(values), dtype=object)

    frame: pd.DataFrame = pd.DataFrame({name: column(name) for name in names}, columns=list(names))
    return frame


def summary(plan: str | Path | LoadedPlan, year: object, actuals: str | Path | None = None,
            targets: str | Path | None = None) -> pd.DataFrame:
    """Counts by status and outlook per subplan and for the whole plan (``subplan == "*"``), with 指标完成率."""
    import pandas as pd

    rows = _report(plan, year, actuals, targets).summary()
    frame: pd.DataFrame = pd.DataFrame.from_records(rows, columns=list(SUMMARY_COLUMNS))
    return frame


def compare(indicator: str, year: object, targets: str | Path | None = None) -> pd.DataFrame:
    """One indicator side by side in every plan of the targets directory that states it."""
    import pandas as pd

    from gapcalc.usecases.run import compare as compare_rows

    rows, _ = compare_rows(_directory(targets), indicator, year_of(year))
    frame: pd.DataFrame = pd.DataFrame.from_records(rows, columns=list(COMPARE_COLUMNS))
    return frame


def targets(plan: str | Path | LoadedPlan, targets_path: str | Path | None = None) -> pd.DataFrame:
    """Every number the plan states, with its resolved level, as a DataFrame."""
    import pandas as pd

    from gapcalc.usecases.open import plan_given
    from gapcalc.usecases.plans import stated_rows

    rows = stated_rows(plan_given(plan, _directory(targets_path)))
    frame: pd.DataFrame = pd.DataFrame.from_records(rows, columns=list(TARGET_COLUMNS + TARGET_EXTRA_COLUMNS))
    return frame
