"""Opening plans and their actuals on disk, validated.

This is the layer the commands and the Python API share: ``open_plan("mianyang")`` returns a validated plan or
raises :class:`~gapcalc.errors.GapcalcError` saying how many problems the file has. ``gapcalc check`` is in
:mod:`gapcalc.workspace.check`.
"""

from __future__ import annotations

from pathlib import Path

from gapcalc.actuals.parse import Accounting, ActualsFile, load_actuals_file
from gapcalc.errors import Finding, GapcalcError, Severity, finding
from gapcalc.plan.consistency import check_consistency
from gapcalc.plan.load import LoadedPlan, load_plan_file
from gapcalc.plan.quotes import check_quotes
from gapcalc.plan.rules import check_plan
from gapcalc.workspace.paths import default_actuals_path, display_path, plan_path, targets_dir


def plan_findings(loaded: LoadedPlan, traceability: bool = True) -> list[Finding]:
    """Rule, traceability and consistency findings of a plan that validated."""
    found = check_plan(loaded)
    if traceability:
        found += check_quotes(loaded)
    if not any(f.severity is Severity.ERROR for f in found):
        found += check_consistency(loaded)
    return found


def open_plan(plan_id: str, directory: str | Path | None = None) -> LoadedPlan:
    """The validated plan ``plan_id``; a GapcalcError when the file is missing or has errors."""
    path = plan_path(targets_dir(str(directory) if directory else None), plan_id)
    return open_plan_file(path)


def open_plan_file(path: Path) -> LoadedPlan:
    """A validated plan from a file path; a GapcalcError when it has errors."""
    loaded, problems = load_plan_file(path)
    if loaded is not None:
        problems = [f for f in check_plan(loaded) if f.severity is Severity.ERROR]
    if loaded is None or problems:
        first = problems[0].as_text() if problems else ""
        raise GapcalcError(f"{display_path(path)} has {len(problems)} error{'s' if len(problems) != 1 else ''}; "
                           f"first: {first}", f"run `gapcalc check {display_path(path)}`")
    return loaded


def open_actuals(loaded: LoadedPlan, path: Path | None, directory: Path, encoding: str | None = None,
                 required: bool = False) -> ActualsFile:
    """The plan's actuals: ``path`` if given (must exist), else the default file (an empty set when absent)."""
    chosen = path or default_actuals_path(loaded.id, directory)
    if path is None and not chosen.exists() and not required:
        shown = display_path(chosen)
        missing = finding("GC004", "no actuals file: every actual is blank", shown,
                          hint=f"write one with `gapcalc template {loaded.id} YEAR -o {shown}`, or pass --actuals FILE")
        return ActualsFile(shown, [], [missing], Accounting())
    return load_actuals_file(chosen, loaded.plan, display_path(chosen), encoding)
