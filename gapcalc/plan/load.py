"""Loading target files: TOML text -> validated :class:`~gapcalc.plan.model.PlanFile`, with located findings.

``load_plan_file`` never raises for a bad *content*: it returns the findings (syntax, schema, rules) with
``file:line:col``. It raises :class:`~gapcalc.errors.GapcalcError` only when the file cannot be read at all.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gapcalc.errors import Finding, GapcalcError, finding
from gapcalc.infra.paths import display_path
from gapcalc.infra.textio import MAX_TARGET_BYTES, read_bytes
from gapcalc.messages import t
from gapcalc.plan import model
from gapcalc.plan.locate import TomlLocator

try:  # tomli ships mypyc-compiled wheels: the same parser as the standard library's tomllib, about 3× faster
    import tomli as tomllib
except ImportError:  # pragma: no cover - a platform without a tomli wheel
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        raise


_SHAPES: dict[tuple[str, ...], type[BaseModel]] = {
    (): model.PlanFile,
    ("plan",): model.PlanHeader,
    ("subplans",): model.Subplan,
    ("indicators",): model.Indicator,
    ("indicators", "breakdowns"): model.Breakdown,
    ("indicators", "series"): model.Series,
    ("indicators", "series", "source"): model.Source,
    ("indicators", "series", "values"): model.Value,
}
_TYPE_ERRORS = ("_type", "_parsing", "model_attributes_type", "dict_type", "list_type", "value_error")
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class LoadedPlan:
    """A target file that parsed and validated, with what is needed to locate its parts."""

    path: Path
    display: str
    plan: model.PlanFile
    locator: TomlLocator
    findings: list[Finding] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The plan id."""
        return self.plan.plan.id

    def where(self, *path: str | int) -> tuple[int, int]:
        """``(line, col)`` of a key path in this file."""
        return self.locator.find(path)

    def at(self, code: str, message: str, path: tuple[str | int, ...], hint: str = "") -> Finding:
        """A finding located at ``path`` of this file."""
        line, col = self.locator.find(path)
        return finding(code, message, self.display, line, col, hint, format_path(path))


def format_path(path: tuple[str | int, ...] | list[str | int]) -> str:
    """``indicators[3].series[0].values[2].value``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_toml(text: str, display: str) -> tuple[dict[str, Any] | None, list[Finding]]:
    """Parse TOML with exact decimals; a syntax error becomes a located GC100 finding."""
    try:
        return tomllib.loads(text, parse_float=Decimal), []
    except RecursionError:
        return None, [finding("GC100", t("arrays or tables are nested too deeply to read"), display, 1, 1,
                              t("a target file nests a few levels at most; look for a run of [ or {{ brackets"))]
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _POSITION.search(message)
        line, col = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        message = _POSITION.sub("", message).strip()
        hint = t("fix the TOML syntax (quotes, brackets, '=' between key and value, no repeated keys)")
        return None, [finding("GC100", message, display, line, col, hint)]


def _shape(loc: tuple[str | int, ...]) -> tuple[str, ...]:
    return tuple(part for part in loc if isinstance(part, str))


def _allowed_keys(loc: tuple[str | int, ...]) -> list[str]:
    shape = _shape(loc)
    cls = _SHAPES.get(shape)
    return list(cls.model_fields) if cls else []


def _schema_finding(error: Any, loaded_locator: TomlLocator, display: str) -> Finding:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    where = format_path(loc)
    line, col = loaded_locator.find(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = t("did you mean '{close}'?",
                 close=close[0]) if close else t("allowed keys here: {allowed}",
                                                                            allowed=', '.join(allowed))
        return finding("GC101", t("unknown key '{key}' at {where}",
                                  key=key, where=where), display, line, col, hint, where)
    if kind == "missing":
        hint = t("add '{key} = …'", key=loc[-1])
        return finding("GC102", t("missing required key {where}", where=where), display, line, col, hint, where)
    value = error.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if kind == "value_error":
        message = t("wrong type at {where}: {value}", where=where, value=error['msg'].removeprefix('Value error, '))
        return finding("GC103", message, display, line, col, _type_hint(kind), where)
    if any(kind.endswith(suffix) for suffix in _TYPE_ERRORS):
        message = t("wrong type at {where}: {msg} (got {shown})", where=where, msg=error['msg'], shown=shown)
        return finding("GC103", message, display, line, col, _type_hint(kind), where)
    return finding("GC104", t("invalid value at {where}: {msg} (got {shown})",
                              where=where, msg=error['msg'], shown=shown), display, line, col, "", where)


def _type_hint(kind: str) -> str:
    if kind == "value_error":
        return "write numbers without quotes, e.g. value = 46"
    if kind.startswith("int"):
        return "write a whole number without quotes, e.g. year = 2019"
    if kind.startswith("string"):
        return "put the text in double quotes"
    if kind.startswith("bool"):
        return "write true or false without quotes"
    return "see docs/target-format.md for the expected shape"


def validate(data: dict[str, Any], locator: TomlLocator, display: str) -> tuple[model.PlanFile | None, list[Finding]]:
    """Validate parsed TOML against the model; all schema errors at once, each located."""
    try:
        return model.PlanFile.model_validate(data), []
    except ValidationError as exc:
        return None, [_schema_finding(error, locator, display) for error in exc.errors()]


def load_plan_file(path: Path, display: str | None = None) -> tuple[LoadedPlan | None, list[Finding]]:
    """Read, parse and validate one target file; rules are applied by :func:`gapcalc.plan.rules.check_plan`."""
    shown = display or display_path(path)
    data = read_bytes(path, MAX_TARGET_BYTES)
    if b"\x00" in data:
        raise GapcalcError(t("{path}: binary file (contains NUL bytes)", path=shown),
                           t("target files are UTF-8 TOML text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = t("target files must be UTF-8; re-save the file as UTF-8")
        return None, [finding("GC003", t("not valid UTF-8 at byte {start}", start=exc.start), shown, hint=hint)]
    parsed, problems = parse_toml(text, shown)
    if parsed is None:
        return None, problems
    locator = TomlLocator(text)
    plan, problems = validate(parsed, locator, shown)
    if plan is None:
        return None, problems
    return LoadedPlan(path, shown, plan, locator), []
