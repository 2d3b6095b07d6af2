"""Finding and opening plans and their actuals on disk, and checking them.

This is the layer the commands and the Python API share: ``open_plan("mianyang")`` returns a validated plan or
raises :class:`~gapcalc.findings.GapcalcError` saying how many problems the file has; :func:`check_paths` runs every
check over files and directories and returns the findings.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .actuals import Accounting, ActualsFile, load_actuals_file, sniff_delimiter
from .consistency import check_consistency
from .findings import Finding, GapcalcError, Severity, finding
from .loader import LoadedPlan, load_plan_file
from .paths import default_actuals_path, display_path, plan_path, targets_dir
from .quotes import check_quotes
from .rules import check_plan
from .textio import read_text


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
        return ActualsFile(display_path(chosen), [], [], Accounting())
    return load_actuals_file(chosen, loaded.plan, display_path(chosen), encoding)


@dataclass
class CheckResult:
    """Everything ``gapcalc check`` found."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    io_error: bool = False

    def count(self, severity: Severity) -> int:
        """How many findings of one severity."""
        return sum(1 for f in self.findings if f.severity is severity)


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".toml", ".csv") and p.is_file())
        else:
            files.append(path)
    return files


def _plan_column(path: Path) -> str | None:
    """The ``plan`` column of a template-made actuals file, if it has one."""
    try:
        text, _ = read_text(path)
    except GapcalcError:
        return None
    rows = list(csv.reader(io.StringIO("\n".join(text.splitlines()[:2])), delimiter=sniff_delimiter(text)))
    names = [unicodedata.normalize("NFKC", c).strip().lower() for c in rows[0]] if rows else []
    if len(rows) == 2 and "plan" in names:
        index = names.index("plan")
        return rows[1][index].strip() if index < len(rows[1]) else None
    return None


def check_paths(paths: list[Path], directory: Path, encoding: str | None = None,
                traceability: bool = True, plan_id: str | None = None) -> CheckResult:
    """Check target files (``*.toml``) and actuals files (``*.csv``) given as files or directories.

    An actuals file is checked against ``plan_id``, else the plan in its ``plan`` column, else the plan named
    like the file.
    """
    result = CheckResult()
    seen: dict[str, str] = {}  # plan id -> the file that declared it
    files = _expand(paths)
    actuals = {path: plan_id or _plan_column(path) or path.stem for path in files if path.suffix == ".csv"}
    for path in [p for p in files if p.suffix != ".csv"]:
        loaded = _check_target(path, result, seen, traceability)
        if loaded is None:
            continue
        for csv_path in [c for c, owner in actuals.items() if owner == loaded.id]:
            _check_actuals(csv_path, result, loaded, encoding)
            del actuals[csv_path]
    for csv_path, owner in actuals.items():  # actuals of plans not among the files checked: load the plan
        _check_actuals(csv_path, result, _open_quietly(directory, owner), encoding, owner)
    return result


def _open_quietly(directory: Path, plan_id: str) -> LoadedPlan | None:
    try:
        return open_plan_file(plan_path(directory, plan_id))
    except GapcalcError:
        return None


def _io_finding(path: Path, error: GapcalcError, result: CheckResult) -> None:
    code = "GC001" if not path.exists() else "GC002"
    message = error.message.removeprefix(f"{path}: ").removeprefix(f"{display_path(path)}: ")
    result.findings.append(finding(code, message, display_path(path), hint=error.hint))
    result.io_error = True


def _check_target(path: Path, result: CheckResult, seen: dict[str, str], traceability: bool) -> LoadedPlan | None:
    """Check one target file; the plan when it is valid enough to check its actuals against."""
    result.files.append(display_path(path))
    try:
        loaded, problems = load_plan_file(path)
    except GapcalcError as error:
        _io_finding(path, error, result)
        return None
    result.findings += problems
    if loaded is None:
        return None
    if loaded.id in seen:
        result.findings.append(loaded.at("GC123", f"plan id '{loaded.id}' is also used by {seen[loaded.id]}",
                                         ("plan", "id"), "every plan has its own id"))
        return None
    seen[loaded.id] = loaded.display
    found = plan_findings(loaded, traceability)
    result.findings += found
    return None if any(f.severity is Severity.ERROR for f in found) else loaded


def _check_actuals(path: Path, result: CheckResult, plan: LoadedPlan | None, encoding: str | None,
                   plan_id: str = "") -> None:
    shown = display_path(path)
    result.files.append(shown)
    if plan is None:
        result.findings.append(finding("GC313", f"no valid plan '{plan_id or path.stem}' for this actuals file",
                                       shown, hint="name the file <plan>.csv, add a plan column, or pass --plan"))
        return
    try:
        parsed = load_actuals_file(path, plan.plan, shown, encoding)
    except GapcalcError as error:
        _io_finding(path, error, result)
        return
    result.findings += parsed.findings
    result.summaries.append(parsed.summary())
