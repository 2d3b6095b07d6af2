"""Where plans and actuals live on disk: the targets directory, plan ids as file names, display paths.

Kept free of heavy imports: every command and the roll-up's fast path use it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from gapcalc.errors import GapcalcError
from gapcalc.messages import t

DEFAULT_TARGETS_DIR = "targets"
TARGETS_ENV = "GAPCALC_TARGETS"
ACTUALS_ENV = "GAPCALC_ACTUALS"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


def is_identifier(name: str) -> bool:
    """True when ``name`` is a valid plan or indicator id (and so can never be a path)."""
    return re.fullmatch(ID_PATTERN, name) is not None and len(name) <= 64


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path) if not path.is_absolute() or Path.cwd() in path.parents else str(path)
    except ValueError:  # pragma: no cover - different drive on Windows
        return str(path)


def targets_dir(option: str | None) -> Path:
    """The targets directory: the option, else ``$GAPCALC_TARGETS``, else ``./targets`` when there is one, else the
    plans that ship with gapcalc (:func:`bundled_root`)."""
    chosen = option or os.environ.get(TARGETS_ENV)
    if chosen:
        return Path(chosen)
    local = Path(DEFAULT_TARGETS_DIR)
    if local.is_dir():
        return local
    bundled = bundled_root()
    return bundled / DEFAULT_TARGETS_DIR if bundled is not None else local


def writable_targets_dir(option: str | None) -> Path:
    """Where a command that writes plans (``gapcalc draft``) writes them: the option, else ``$GAPCALC_TARGETS``,
    else ``./targets`` (made if missing) — never the plans that ship with gapcalc, inside its installation."""
    chosen = option or os.environ.get(TARGETS_ENV)
    return Path(chosen) if chosen else Path(DEFAULT_TARGETS_DIR)


def bundled_root() -> Path | None:
    """Where the shipped plans, actuals, source documents and schema are: ``gapcalc/data/`` in an installed wheel
    (copied there at build time from the repository's ``targets/``, ``actuals/``, ``docs/sources/`` and
    ``schemas/``), else the repository itself when gapcalc runs from a source checkout; None when neither has them."""
    package = Path(__file__).resolve().parent.parent
    for root in (package / "data", package.parent):
        if (root / DEFAULT_TARGETS_DIR).is_dir() and (root / "actuals").is_dir():
            return root
    return None


def plan_files(directory: Path) -> list[Path]:
    """The ``*.toml`` files of a targets directory, sorted."""
    if not directory.is_dir():
        raise GapcalcError(t("{path}: no targets directory", path=str(directory)),
                           t("pass --targets-dir DIR or set GAPCALC_TARGETS"))
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("."))


def plan_path(directory: Path, plan_id: str) -> Path:
    """The file of plan ``plan_id``; the id is an identifier, never a path."""
    if not is_identifier(plan_id):
        raise GapcalcError(t("'{plan_id}' is not a plan id", plan_id=plan_id),
                           t("a plan id is lower-case letters, digits and '_' (see `gapcalc plans`)"))
    path = directory / f"{plan_id}.toml"
    if not path.is_file():
        import difflib

        known = [p.stem for p in plan_files(directory)]
        close = difflib.get_close_matches(plan_id, known, n=1)
        hint = t("did you mean '{close}'?", close=close[0]) if close else \
            t("known plans: {plans}", plans=", ".join(known) or t("none"))
        raise GapcalcError(t("no plan '{plan_id}' in {path}", plan_id=plan_id, path=str(directory)), hint)
    return path


def default_actuals_path(plan_id: str, directory: Path) -> Path:
    """``$GAPCALC_ACTUALS/<plan>.csv``, else ``actuals/<plan>.csv`` beside the targets directory."""
    root = os.environ.get(ACTUALS_ENV)
    base = Path(root) if root else directory.parent / "actuals"
    return base / f"{plan_id}.csv"
