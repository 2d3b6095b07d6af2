"""``gapcalc diff``: two reports and what changed between them — two report files as ``gapcalc report`` writes them
(csv, tsv, json, ndjson), or one plan reported for a year on two sides, each an actuals file or the plan's actuals as
known on a day; the changes are computed by :func:`gapcalc.engine.diff.diff_reports`."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from gapcalc.engine.contracts import ALL_COLUMNS
from gapcalc.engine.diff import DIFF_COLUMNS, Diff, diff_reports
from gapcalc.errors import GapcalcError
from gapcalc.infra.textio import read_text
from gapcalc.messages import plural, t
from gapcalc.plan.compiled import CompiledPlan
from gapcalc.render.cells import column_texts
from gapcalc.usecases.arguments import day_of
from gapcalc.usecases.run import PlanReport, open_compiled, report_plan

COLUMNS = DIFF_COLUMNS
"""The columns of ``gapcalc diff`` (:data:`gapcalc.engine.diff.DIFF_COLUMNS`), for the command line."""
REPORT_KEYS = ("plan", "indicator", "year", "actual", "status")
"""Columns a report file must have to be compared."""
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".ndjson": "json", ".jsonl": "json"}
"""A report file's format by its suffix; any other suffix is sniffed from the content (:func:`sniff`)."""
DAY_LIKE = re.compile(r"[0-9]+(-[0-9]+)*")
"""A side given as digits and dashes is meant as a day (and must be one), not as a file name."""


@dataclass(frozen=True)
class Side:
    """One side of a plan's diff: an actuals file, or the plan's own actuals as known on a day (neither: all that
    is known now)."""

    option: str
    given: str | None = None
    path: Path | None = None
    day: datetime.date | None = None


@dataclass(frozen=True)
class PlanDiff:
    """A plan reported for a year on two sides, and what changed; what reading each side's actuals said."""

    diff: Diff
    plan: CompiledPlan
    sides: tuple[Side, Side]
    said: list[str] = field(default_factory=list)


def side_of(option: str, spec: str | None) -> Side:
    """``--old`` or ``--new`` as given: a day ``YYYY-MM-DD`` or an actuals file that exists; a GapcalcError naming
    the option otherwise."""
    if spec is None:
        return Side(option)
    path = Path(spec)
    if path.is_file():
        return Side(option, spec, path=path)
    if DAY_LIKE.fullmatch(spec.strip()):
        try:
            return Side(option, spec, day=day_of(spec))
        except GapcalcError:
            raise GapcalcError(t("{option} {spec}: not a date", option=option, spec=spec),
                               t("write the day as YYYY-MM-DD (e.g. 2024-06-30), or give an actuals CSV")) from None
    raise GapcalcError(t("{option} {spec}: no such actuals file", option=option, spec=spec),
                       t("give an actuals CSV, or a date YYYY-MM-DD for the plan's actuals as known on that day"))


def diff_plan(plan_id: str, directory: Path, year: int, old: str | None, new: str | None = None,
              encoding: str | None = None) -> PlanDiff:
    """Plan ``plan_id`` of ``directory`` reported for ``year`` on the side ``old`` and on the side ``new`` (each an
    actuals file or a day; ``new`` None: the plan's actuals as known now), and what changed."""
    sides = side_of("--old", old), side_of("--new", new)
    compiled = open_compiled(plan_id, directory)
    reports = [side_report(compiled, directory, year, side, encoding) for side in sides]
    said: list[str] = [t("{side}: {said}", side=side.option, said=line)
                       for side, report in zip(sides, reports, strict=True) for line in report.said]
    return PlanDiff(diff_reports(*(report_rows(report) for report in reports)), compiled, sides, said)


def side_report(plan: CompiledPlan, directory: Path, year: int, side: Side, encoding: str | None) -> PlanReport:
    """The plan's report for ``year`` on one side."""
    return report_plan(plan, directory, year, side.path, encoding, as_known_on=side.day)


def report_rows(report: PlanReport) -> list[dict[str, str]]:
    """A report's rows with their cells as text, as ``gapcalc report -f csv`` prints them."""
    batch: Mapping[str, Any] = report.columns.columns
    texts = {name: column_texts(name, batch[name]) for name in ALL_COLUMNS if name in batch}
    return [dict(zip(texts, cells, strict=True)) for cells in zip(*texts.values(), strict=True)]


def diff_files(old: Path, new: Path, encoding: str | None = None) -> Diff:
    """What changed from the report file ``old`` to the report file ``new``."""
    return diff_reports(read_report(old, encoding), read_report(new, encoding))


def read_report(path: Path, encoding: str | None = None) -> list[dict[str, Any]]:
    """The rows of a report file written by ``gapcalc report`` (csv, tsv, json or ndjson: by the suffix, else by
    the content); a GapcalcError naming the file when it is missing or not a report."""
    if not path.exists():
        raise GapcalcError(t("report file {path} does not exist", path=str(path)),
                           t("give two reports written by `gapcalc report PLAN YEAR -f csv` (or tsv, json): "
                             "gapcalc diff --reports OLD NEW"))
    text, _ = read_text(path, encoding)
    kind = SUFFIXES.get(path.suffix.lower()) or sniff(text)
    columns, rows = _json_rows(text, path) if kind == "json" else _delimited_rows(text, kind)
    missing = [name for name in REPORT_KEYS if name not in columns]
    if missing:
        raise _not_a_report(path, t("missing column{s} {missing}", s=plural(len(missing)), missing=", ".join(missing)))
    return rows


def sniff(text: str) -> str:
    """The format of a report file by its content: json (an array or one object a line), tsv or csv."""
    start = text.lstrip()
    if start.startswith(("[", "{")):
        return "json"
    return "tsv" if "\t" in start.partition("\n")[0] else "csv"


def _delimited_rows(text: str, kind: str) -> tuple[Sequence[str], list[dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if kind == "tsv" else ",")
    rows = list(reader)
    return reader.fieldnames or (), rows


def _json_rows(text: str, path: Path) -> tuple[Sequence[str], list[dict[str, Any]]]:
    """The objects of a JSON array, or of one JSON object a line (ndjson); numbers read exactly, as decimals."""
    try:
        if text.lstrip().startswith("["):
            loaded = json.loads(text, parse_float=Decimal)
        else:
            loaded = [json.loads(line, parse_float=Decimal) for line in text.splitlines() if line.strip()]
    except ValueError as error:
        raise _not_a_report(path, str(error)) from None
    if not isinstance(loaded, list) or not all(isinstance(row, dict) for row in loaded):
        raise _not_a_report(path, t("not an array of objects"))
    columns = list(dict.fromkeys(name for row in loaded for name in row)) if loaded else list(REPORT_KEYS)
    return columns, loaded


def _not_a_report(path: Path, reason: str) -> GapcalcError:
    return GapcalcError(t("{path} is not a report of `gapcalc report`: {reason}", path=str(path), reason=reason),
                        t("write it with `gapcalc report PLAN YEAR -f csv` (or tsv, json)"))
