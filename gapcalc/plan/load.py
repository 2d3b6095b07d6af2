"""Loading target files: TOML text -> validated :class:`~gapcalc.plan.model.PlanFile`, with located findings.

``load_plan_file`` never raises for a bad *content*: it returns the findings (syntax, schema, rules) with
``file:line:col``. It raises :class:`~gapcalc.errors.GapcalcError` only when the file cannot be read at all.
"""

from __future__ import annotations

import ast
import datetime
import difflib
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gapcalc.errors import Finding, GapcalcError, finding
from gapcalc.infra.paths import display_path
from gapcalc.infra.textio import MAX_TARGET_BYTES, read_bytes
from gapcalc.messages import Joined, Text, plural, t
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
_AT_END = re.compile(r"\s*\(at end of document\)")


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
        at_end = _AT_END.search(message) is not None
        problem = toml_problem(_AT_END.sub("", _POSITION.sub("", message)).strip())
        said = t("{problem} (at end of document)", problem=problem) if at_end else problem
        hint = t("fix the TOML syntax (quotes, brackets, '=' between key and value, no repeated keys)")
        return None, [finding("GC100", said, display, line, col, hint)]


def _key(text: str) -> str:
    """A key as tomllib names it in a message (``('indicators', 'series')``), written as TOML does
    (``indicators.series``)."""
    try:
        parts = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
        return ".".join(parts)
    return text


_TOML_PROBLEMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Text]], ...] = (
    (re.compile(r"Invalid value"), lambda _: t("Invalid value")),
    (re.compile(r"Invalid statement"), lambda _: t("Invalid statement")),
    (re.compile(r"Expected newline or end of document after a statement"),
     lambda _: t("Expected newline or end of document after a statement")),
    (re.compile(r"Cannot declare (?P<key>.+) twice"),
     lambda m: t("Cannot declare [{key}] twice", key=_key(m["key"]))),
    (re.compile(r"Cannot overwrite a value"), lambda _: t("Cannot overwrite a value")),
    (re.compile(r"Expected '\]' at the end of a table declaration"),
     lambda _: t("Expected ']' at the end of a table declaration")),
    (re.compile(r"Expected '\]\]' at the end of an array declaration"),
     lambda _: t("Expected ']]' at the end of an array declaration")),
    (re.compile(r"Cannot mutate immutable namespace (?P<key>.+)"),
     lambda m: t("Cannot mutate immutable namespace {key}", key=_key(m["key"]))),
    (re.compile(r"Cannot redefine namespace (?P<key>.+)"),
     lambda m: t("Cannot redefine namespace {key}", key=_key(m["key"]))),
    (re.compile(r"Expected '=' after a key in a key/value pair"),
     lambda _: t("Expected '=' after a key in a key/value pair")),
    (re.compile(r"Invalid initial character for a key part"),
     lambda _: t("Invalid initial character for a key part")),
    (re.compile(r"Unclosed array"), lambda _: t("Unclosed array")),
    (re.compile(r"Unclosed inline table"), lambda _: t("Unclosed inline table")),
    (re.compile(r"Duplicate inline table key (?P<key>.+)"),
     lambda m: t("Duplicate inline table key {key}", key=m["key"])),
    (re.compile(r"Unescaped '\\' in a string"), lambda _: t("Unescaped '\\' in a string")),
    (re.compile(r"Invalid hex value"), lambda _: t("Invalid hex value")),
    (re.compile(r"Escaped character is not a Unicode scalar value"),
     lambda _: t("Escaped character is not a Unicode scalar value")),
    (re.compile(r"Unterminated string"), lambda _: t("Unterminated string")),
    (re.compile(r"Illegal character (?P<char>.+)"), lambda m: t("Illegal character {char}", char=m["char"])),
    (re.compile(r"Invalid date or datetime"), lambda _: t("Invalid date or datetime")),
    (re.compile(r"Found invalid character (?P<char>.+)"),
     lambda m: t("Found invalid character {char}", char=m["char"])),
    (re.compile(r"Expected (?P<expected>'.+'|\".+\")"), lambda m: t("Expected {expected}", expected=m["expected"])),
)
"""The messages of tomllib (and tomli) without their position, each as a message of the catalogue: the English is
tomllib's (a key written as TOML writes it, not as a Python tuple)."""


def toml_problem(message: str) -> Text:
    """tomllib's ``message`` (its position taken off) as a message that can be said in Chinese; a message this
    version of tomllib words otherwise is kept as it is, quoted after a Chinese lead."""
    for pattern, said in _TOML_PROBLEMS:
        match = pattern.fullmatch(message)
        if match:
            return said(match)
    return t("{parser_message}", parser_message=message)


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
    shown = _shown(value)
    said = schema_problem(error)
    if kind == "value_error":
        original = str(error["msg"]).removeprefix("Value error, ")
        message = (t("wrong type at {where}: {value}", where=where, value=said) if said is not None
                   else t("wrong type at {where}: {original}", where=where, original=original))
        return finding("GC103", message, display, line, col, _type_hint(kind), where)
    if any(kind.endswith(suffix) for suffix in _TYPE_ERRORS):
        message = (t("wrong type at {where}: {msg} (got {shown})", where=where, msg=said, shown=shown)
                   if said is not None else
                   t("wrong type at {where}: {original} (got {shown})", where=where, original=error["msg"],
                     shown=shown))
        return finding("GC103", message, display, line, col, _type_hint(kind), where)
    message = (t("invalid value at {where}: {msg} (got {shown})", where=where, msg=said, shown=shown)
               if said is not None else
               t("invalid value at {where}: {original} (got {shown})", where=where, original=error["msg"],
                 shown=shown))
    return finding("GC104", message, display, line, col, "", where)


def _shown(value: Any) -> str:
    """The value a schema error names, as the target file writes it: a table or an array by its type, a number or a
    date as typed (not as Python's ``Decimal('2019.5')``), anything else as its repr."""
    if isinstance(value, (dict, list)):
        return type(value).__name__
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return repr(value)


def _expected(text: str) -> str | None:
    """The allowed values of a ``literal_error`` (pydantic's ``'up' or 'down'``) as a list that can be said in
    Chinese; None when pydantic words it otherwise."""
    values: list[str] = re.findall(r"'[^']*'", text)
    if not values:
        return None
    said = values[0] if len(values) == 1 else t("{values} or {last}", values=Joined(values[:-1]), last=values[-1])
    return said if said == text else None


def _number_problem(value: Any) -> Text:
    """What :func:`gapcalc.plan.model._exact_number` says of a value that is not a finite number."""
    if isinstance(value, Decimal) and not value.is_finite():
        return t("expected a finite number, got {value}", value=str(value))
    return t("expected a number, got {type} {value}", type=type(value).__name__, value=repr(value))


_SCHEMA_PROBLEMS: dict[str, Callable[[Mapping[str, Any]], Text | None]] = {
    "int_type": lambda _: t("Input should be a valid integer"),
    "int_parsing": lambda _: t("Input should be a valid integer"),
    "int_from_float": lambda _: t("Input should be a valid integer"),
    "float_type": lambda _: t("Input should be a valid number"),
    "float_parsing": lambda _: t("Input should be a valid number"),
    "decimal_type": lambda _: t("Input should be a valid number"),
    "decimal_parsing": lambda _: t("Input should be a valid number"),
    "string_type": lambda _: t("Input should be a valid string"),
    "bool_type": lambda _: t("Input should be a valid boolean"),
    "bool_parsing": lambda _: t("Input should be a valid boolean"),
    "list_type": lambda _: t("Input should be a valid list"),
    "dict_type": lambda _: t("Input should be a table"),
    "model_type": lambda _: t("Input should be a table"),
    "model_attributes_type": lambda _: t("Input should be a table"),
    "literal_error": lambda ctx: (t("Input should be {expected}", expected=expected)
                                  if (expected := _expected(str(ctx.get("expected", "")))) else None),
    "too_short": lambda ctx: t("List should have at least {min_length} item{s} after validation, not "
                               "{actual_length}", min_length=ctx["min_length"], s=plural(ctx["min_length"]),
                               actual_length=ctx["actual_length"]) if ctx.get("field_type") == "List" else None,
    "too_long": lambda ctx: t("List should have at most {max_length} item{s} after validation, not {actual_length}",
                              max_length=ctx["max_length"], s=plural(ctx["max_length"]),
                              actual_length=ctx["actual_length"]) if ctx.get("field_type") == "List" else None,
    "string_too_short": lambda ctx: t("String should have at least {min_length} character{s}",
                                      min_length=ctx["min_length"], s=plural(ctx["min_length"])),
    "string_too_long": lambda ctx: t("String should have at most {max_length} character{s}",
                                     max_length=ctx["max_length"], s=plural(ctx["max_length"])),
    "string_pattern_mismatch": lambda ctx: t("String should match pattern '{pattern}'", pattern=ctx["pattern"]),
    "greater_than_equal": lambda ctx: t("Input should be greater than or equal to {ge}", ge=ctx["ge"]),
    "less_than_equal": lambda ctx: t("Input should be less than or equal to {le}", le=ctx["le"]),
    "greater_than": lambda ctx: t("Input should be greater than {gt}", gt=ctx["gt"]),
    "less_than": lambda ctx: t("Input should be less than {lt}", lt=ctx["lt"]),
}
"""pydantic's messages of the errors the target-file model raises, by their ``type``, as messages of the catalogue
(the English as pydantic words it, but a table is called a table, not ``a valid dictionary or instance of
PlanHeader``)."""


def schema_problem(error: Mapping[str, Any]) -> Text | None:
    """The message of one pydantic error (an item of ``ValidationError.errors()``) that can be said in Chinese: by
    its ``type`` and context, or, for a ``value_error`` of the model's own validators, by what they say; None for an
    error the catalogue does not know (it is then quoted as pydantic says it)."""
    kind = str(error.get("type", ""))
    if kind == "value_error":
        said = _number_problem(error.get("input"))
        return said if str(said) == str(error.get("msg", "")).removeprefix("Value error, ") else None
    make = _SCHEMA_PROBLEMS.get(kind)
    try:
        return make(error.get("ctx") or {}) if make else None
    except (KeyError, TypeError):  # a context this version of pydantic words otherwise
        return None


def _type_hint(kind: str) -> Text:
    if kind == "value_error":
        return t("write numbers without quotes, e.g. value = 46")
    if kind.startswith("int"):
        return t("write a whole number without quotes, e.g. year = 2019")
    if kind.startswith("string"):
        return t("put the text in double quotes")
    if kind.startswith("bool"):
        return t("write true or false without quotes")
    return t("see docs/target-format.md for the expected shape")


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
