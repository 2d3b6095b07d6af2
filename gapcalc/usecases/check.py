"""``gapcalc check``: every check over target and actuals files, with the result of each target file cached.

A target file's findings depend only on its bytes, its path (the plan id must match the file name; the source
document is looked for beside it and in the working directory), whether quotes are checked, and the source document.
They are cached under a hash of the first three and the working directory, with the state of every place the source
document was looked for (absent, or the hash of its bytes); a cached result is used only when all of those are
unchanged. An unchanged file is then checked without being parsed or
validated — without even importing the validation model — which keeps ``check`` in CI and in editors instant.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapcalc.errors import Finding, GapcalcError, Severity, finding, from_plain, to_plain
from gapcalc.infra.cache import Cache, cache_dir, content_key, digest_of
from gapcalc.infra.paths import display_path, plan_path
from gapcalc.infra.pool import Pool
from gapcalc.infra.textio import MAX_TARGET_BYTES, read_bytes, read_text
from gapcalc.messages import Trimmed, plural, t
from gapcalc.plan.facts import PlanFacts
from gapcalc.plan.keys import normal_key

LAYOUT = 5
"""Version of a cached check result; part of its key."""


@dataclass
class CheckResult:
    """Everything ``gapcalc check`` found."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    io_error: bool = False
    notes: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """How many findings of one severity."""
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass
class CheckedPlan:
    """The outcome of checking one target file."""

    path: Path
    display: str
    plan_id: str | None  # None: the file did not parse or validate
    findings: list[Finding]
    facts: PlanFacts | None  # what its actuals are checked against; None when the plan has errors

    def duplicate(self, other: str) -> Finding:
        """GC123: this plan's id is also used by ``other`` (located now: it is rare, and locating scans the file)."""
        from gapcalc.plan.locate import TomlLocator

        line, col = TomlLocator(read_bytes(self.path).decode("utf-8-sig")).find(("plan", "id"))
        return finding("GC123", t("plan id '{plan_id}' is also used by {other}",
                                  plan_id=self.plan_id, other=other), self.display, line, col,
                       t("every plan has its own id"), "plan.id")


def _digest(path: Path) -> str:
    try:
        return digest_of(path.read_bytes()) if path.is_file() else ""
    except OSError:
        return "unreadable"


def _dependencies_unchanged(dependencies: list[tuple[str, str]]) -> bool:
    return all(_digest(Path(name)) == digest for name, digest in dependencies)


def _to_data(checked: CheckedPlan, dependencies: list[tuple[str, str]]) -> tuple[Any, ...]:
    findings = [(f.code, to_plain(f.message), f.line, f.col, to_plain(f.hint), f.path) for f in checked.findings]
    facts = checked.facts
    facts_data = None if facts is None else (facts.units, {k: tuple(v) for k, v in facts.breakdowns.items()},
                                             facts.base_year, facts.period, facts.as_data())
    return checked.plan_id, findings, facts_data, dependencies


def _from_data(data: tuple[Any, ...], path: Path, display: str) -> CheckedPlan:
    plan_id, findings, facts_data, _ = data
    facts = None
    if facts_data is not None:
        units, breakdowns, base_year, period, stated = facts_data
        facts = PlanFacts(units, {k: frozenset(v) for k, v in breakdowns.items()}, base_year, tuple(period), plan_id,
                          PlanFacts.stated_of(stated))
    return CheckedPlan(path, display, plan_id, [finding(code, from_plain(message), display, line, col,
                                                        from_plain(hint), where)
                                                for code, message, line, col, hint, where in findings], facts)


def check_target_files(paths: list[Path], traceability: bool, cache: Cache,
                       pool: Pool | None = None) -> list[CheckedPlan | GapcalcError]:
    """Check target files, in order, taking unchanged files' results from the cache; a file that cannot be read
    gives its GapcalcError. Files not in the cache are checked in ``pool``'s worker processes when there are many."""
    results: list[CheckedPlan | GapcalcError | None] = []
    missing: list[tuple[int, str]] = []
    for path in paths:
        display = display_path(path)
        try:
            content = read_bytes(path, MAX_TARGET_BYTES)
        except GapcalcError as error:
            results.append(error)
            continue
        where = f"{path.resolve()}\0{Path.cwd()}".encode()  # where its source document is looked for
        key = content_key(f"check-{LAYOUT}", content, where, b"quotes" if traceability else b"")
        cached = cache.get(key)
        if cached is not None and _dependencies_unchanged(cached[-1]):
            results.append(_from_data(cached, path, display))
            continue
        results.append(None)
        missing.append((len(results) - 1, key))
    jobs = [(str(paths[index]), display_path(paths[index]), traceability) for index, _ in missing]
    for (index, key), (checked, message, hint) in zip(missing, (pool or Pool()).map(check_file, jobs), strict=True):
        if checked is None:
            results[index] = GapcalcError(message, hint)
            continue
        cache.put(key, checked)
        results[index] = _from_data(checked, paths[index], display_path(paths[index]))
    return [r for r in results if r is not None]


def check_file(job: tuple[str, str, bool]) -> tuple[tuple[Any, ...] | None, str, str]:
    """Check one target file afresh (in a worker process, or this one): ``(data, "", "")`` as cached, or
    ``(None, message, hint)`` when it cannot be read."""
    path, display, traceability = job
    try:
        checked, dependencies = _check_afresh(Path(path), display, traceability)
    except GapcalcError as error:
        return None, error.message, error.hint
    except Exception as error:  # noqa: BLE001 - one file's failure never stops the check of the others
        if os.environ.get("GAPCALC_DEBUG", "") not in ("", "0"):
            raise
        return (None, t("{path}: could not be checked ({kind}: {error})", path=display, kind=type(error).__name__,
                        error=str(error)),
                t("this is a bug in gapcalc; rerun with GAPCALC_DEBUG=1 and report the traceback"))
    return _to_data(checked, dependencies), "", ""


def _check_afresh(path: Path, display: str, traceability: bool) -> tuple[CheckedPlan, list[tuple[str, str]]]:
    """Parse, validate and check a target file (this imports the validation model)."""
    from gapcalc.plan.consistency import check_consistency
    from gapcalc.plan.load import load_plan_file
    from gapcalc.plan.quotes import check_quotes, source_candidates
    from gapcalc.plan.rules import check_plan

    loaded, problems = load_plan_file(path, display)
    if loaded is None:
        return CheckedPlan(path, display, None, problems, None), []
    found = check_plan(loaded, Severity.INFO)  # every rule: opening a plan for a report runs only the errors'
    if traceability:
        found += check_quotes(loaded)
    if not any(f.severity is Severity.ERROR for f in found):
        found += check_consistency(loaded)
    facts = None if any(f.severity is Severity.ERROR for f in found) else PlanFacts.of(loaded.plan)
    dependencies: list[tuple[str, str]] = []
    if traceability:
        for candidate in source_candidates(loaded):
            dependencies.append((os.path.abspath(candidate), _digest(candidate)))
            if dependencies[-1][1]:
                break
    return CheckedPlan(path, display, loaded.id, found, facts), dependencies


TARGET_SUFFIXES = (".toml",)
ACTUALS_SUFFIXES = (".csv", ".tsv", ".txt")
"""Actuals files: CSV, tab-separated, and Excel's 'Unicode text' (``.txt``, tab-separated). Suffixes are compared
without regard to case (``DATA.CSV``)."""


def is_actuals(path: Path) -> bool:
    """Whether ``path`` is read as an actuals file (else as a target file)."""
    return path.suffix.lower() in ACTUALS_SUFFIXES


def _looks_like_actuals(path: Path) -> bool:
    """A ``.txt`` file found in a directory is an actuals file only when its first line names the columns."""
    try:
        with open(path, "rb") as stream:
            first = stream.read(4096)
    except OSError:
        return True  # reported when it is read
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            text = first.decode(encoding).lower()
        except UnicodeDecodeError:
            continue
        if "indicator" in text.split("\n", 1)[0]:
            return True
    return False


def _expand(paths: list[Path], result: CheckResult) -> list[Path]:
    """The files to check: files as given, and the target and actuals files of directories (each file once; a
    directory without any is an input error, files of other kinds are named in a note)."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found: list[Path] = []
        skipped: list[Path] = []
        for item in sorted(path.iterdir()):
            suffix = item.suffix.lower()
            wanted = suffix in TARGET_SUFFIXES or (suffix in ACTUALS_SUFFIXES and
                                                   (suffix != ".txt" or _looks_like_actuals(item)))
            if item.name.startswith("."):
                continue
            (found if wanted and item.is_file() else skipped).append(item)
        if skipped:
            more = t(" and {count} more", count=len(skipped) - 5) if len(skipped) > 5 else ""
            result.notes.append(t("{path}: skipped {names}{more} (not a target .toml or an actuals .csv/.tsv/.txt "
                                  "file)", path=display_path(path), names=", ".join(p.name for p in skipped[:5]),
                                  more=more))
        if not found:
            result.findings.append(finding("GC001", t("no target or actuals files in this directory"),
                                           display_path(path), hint=t("target files end in .toml, actuals files in "
                                                                      ".csv; check the path")))
            result.io_error = True
        files += found
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(_identity(path), path)
    return list(unique.values())


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _first_lines(path: Path, count: int) -> str:
    """The first ``count`` lines of a text file (decoded as actuals are), without reading the rest into lines."""
    text, _ = read_text(path)
    end = -1
    for _ in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


def _plan_column(path: Path) -> str | None:
    """The ``plan`` column of a template-made actuals file (its first row), if it has one. Every other row is checked
    against it when the file is read (GC317)."""
    from gapcalc.actuals.parse import sniff_delimiter

    try:
        text = _first_lines(path, 2)
    except GapcalcError:
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    except csv.Error:
        return None
    names = [normal_key(c).lstrip("\ufeff").lower() for c in rows[0]] if rows else []
    if len(rows) == 2 and "plan" in names:
        index = names.index("plan")
        return (normal_key(rows[1][index]) or None) if index < len(rows[1]) else None
    return None


def check_paths(paths: list[Path], directory: Path, encoding: str | None = None,
                traceability: bool = True, plan_id: str | None = None, pool: Pool | None = None) -> CheckResult:
    """Check target files (``*.toml``) and actuals files (``*.csv``) given as files or directories.

    An actuals file is checked against ``plan_id``, else the plan in its ``plan`` column, else the plan named
    like the file. Files the cache has not seen are checked in ``pool``'s worker processes (default: this one).
    """
    result = CheckResult()
    seen: dict[str, str] = {}  # plan id -> the file that declared it
    files = _expand(paths, result)
    actuals = {path: plan_id or _plan_column(path) or path.stem for path in files if is_actuals(path)}
    targets = [p for p in files if not is_actuals(p)]
    outcomes = check_target_files(targets, traceability, Cache("checks", cache_dir()), pool)
    for path, outcome in zip(targets, outcomes, strict=True):
        checked = _record_target(path, outcome, result, seen)
        if checked is None or checked.facts is None:
            continue
        for csv_path in [c for c, owner in actuals.items() if owner == checked.plan_id]:
            _check_actuals(csv_path, result, checked.facts, encoding)
            del actuals[csv_path]
    for csv_path, owner in actuals.items():  # actuals of plans not among the files checked: load the plan
        _check_actuals(csv_path, result, _facts_quietly(directory, owner), encoding, owner)
    return result


def _facts_quietly(directory: Path, plan_id: str) -> PlanFacts | None:
    """The facts of a valid plan by id (compiled, from the cache when unchanged), or None."""
    from gapcalc.usecases.open import load_compiled

    try:
        return load_compiled(plan_path(directory, plan_id), Cache("plans", cache_dir())).facts
    except GapcalcError:
        return None


def _io_finding(path: Path, error: GapcalcError, result: CheckResult) -> None:
    code = "GC001" if not path.exists() else "GC002"
    message = Trimmed(Trimmed(error.message, str(path)), display_path(path))
    result.findings.append(finding(code, message, display_path(path), hint=error.hint))
    result.io_error = True


def _record_target(path: Path, outcome: CheckedPlan | GapcalcError, result: CheckResult,
                   seen: dict[str, str]) -> CheckedPlan | None:
    """Add one target file's findings; its outcome, unless its plan id is taken or it cannot be read."""
    result.files.append(display_path(path))
    if isinstance(outcome, GapcalcError):
        _io_finding(path, outcome, result)
        return None
    if outcome.plan_id is None:
        result.findings += outcome.findings
        return None
    if outcome.plan_id in seen:
        result.findings.append(outcome.duplicate(seen[outcome.plan_id]))
        return None
    seen[outcome.plan_id] = outcome.display
    result.findings += outcome.findings
    _not_reviewed(outcome, result)
    return outcome


def _not_reviewed(checked: CheckedPlan, result: CheckResult) -> None:
    """One line for a draft whose readings are not all reviewed: how many statements (GC130) still carry a mark."""
    marked = [f for f in checked.findings if f.code == "GC130"]
    if not marked:
        return
    header = any(f.path.startswith(("plan", "subplans")) for f in marked)
    statements = len(marked) - header
    stdin = Path(checked.display).parent.name.startswith("gapcalc-stdin-")  # saved by `check -`: named "-"
    result.summaries.append(
        t("{path}: {count} statement{s} not reviewed{header} (GC130)", path="-" if stdin else checked.display,
          count=statements, s=plural(statements), header=t(", and the plan header") if header else ""))


def _check_actuals(path: Path, result: CheckResult, plan: PlanFacts | None, encoding: str | None,
                   plan_id: str = "") -> None:
    shown = display_path(path)
    result.files.append(shown)
    if plan is None:
        result.findings.append(finding("GC313", t("no valid plan '{value}' for this actuals file",
                                                  value=plan_id or path.stem),
                                       shown, hint=t("name the file <plan>.csv, add a plan column, or pass --plan")))
        return
    from gapcalc.actuals.parse import load_actuals_file

    try:
        parsed = load_actuals_file(path, plan, shown, encoding)
    except GapcalcError as error:
        _io_finding(path, error, result)
        return
    result.findings += parsed.findings
    result.summaries.append(parsed.summary())
