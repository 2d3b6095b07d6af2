"""Scores of ``gapcalc draft`` on plan texts it was not written from, and on the five hand-written plans.

Usage::

    python scripts/draft_scores.py                 # the unseen fixtures and the seed plans
    python scripts/draft_scores.py PLAN.txt ...    # given texts, each with PLAN.truth.json beside it
    python scripts/draft_scores.py --no-seeds      # the unseen fixtures only
    python scripts/draft_scores.py --json          # machine output

Each text is drafted in-process (``gapcalc.usecases.draft.draft_file``) into a temporary directory and the drafted
numbers are compared with the truth: for an unseen text, ``<name>.truth.json`` beside it (one entry per numeric target
statement, see ``tests/fixtures/draft/unseen/README.md``); for a seed plan, its hand-written ``targets/<plan>.toml``
and the text it names (``plan.source_text``). The seed numbers include the baselines the hand-written file states.

A *number* is one value of a series (qualitative texts are not numbers). The rules:

* **match** — a drafted number matches a truth entry when their values are equal (as printed, or after folding the
  unit's 万 / 亿 / 万亿 prefix into the value, so ``2万`` 家 = ``20000`` 家 = 2 万家) and either the years are equal
  and their quotes overlap in the text (whitespace ignored, NFKC, traditional characters folded), or the truth quote
  holds the drafted quote.
* **recall** — the share of truth entries matched by some drafted number.
* **right** — the share of truth entries matched by a drafted number whose year, kind, comparator (and ``upper`` of
  a range), unit and name are all right.
* **unit** — compared after folding the 万 / 亿 prefix into the value; no printed unit, ``-`` and ``index`` are one
  unit; the number of a relative change or growth rate (``change_vs_baseline``, ``annual_growth``) is in %, and
  that of a ``pp_change`` in percentage points, whatever the unit of its indicator.
* **name** — both names are normalised (NFKC, traditional folded to simplified, ``draft:`` marks and everything but
  letters and digits dropped); the drafted name is right when the truth name is contained in it, or when it is
  contained in the truth name and has at least 4 Chinese characters (all of them then shared with the truth name).
  A number of a breakdown goes by the indicator's name, the breakdown's, or both joined, whichever fits.
* **junk** — drafted numbers matching no truth entry. A drafted ``baseline`` matching nothing is not junk (the
  unseen truth lists targets only) but is counted apart, as ``baselines``.

Of the drafted numbers matching one truth entry, the one with the most right fields is scored. The script always
exits 0: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "fixtures" / "draft" / "unseen"
SEEDS = ROOT / "targets"

sys.path.insert(0, str(ROOT / "tests"))

import tomli as tomllib  # noqa: E402
from draft_recall import _norm, _spans  # noqa: E402

from gapcalc.draft.charmap import fold  # noqa: E402

PREFIXES = (("万亿", Decimal("1e12")), ("亿", Decimal("1e8")), ("万", Decimal("1e4")))
"""Magnitude prefixes of a unit folded into the value, longest first."""
NO_UNIT = {"", "-", "index"}
RELATIVE = {"change_vs_baseline", "annual_growth"}
FIELDS = ("year", "kind", "comparator", "unit", "name")
_DRAFT_MARK = re.compile(r"draft\s*:", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Entry:
    """One number: of the truth or of a draft."""

    name: str
    value: Decimal
    year: int
    kind: str
    comparator: str
    unit: str
    quote: str
    upper: Decimal | None = None
    names: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    def label(self) -> str:
        bound = f"–{self.upper}" if self.upper is not None else ""
        return f"{self.name} {self.comparator} {self.value}{bound} {self.unit} ({self.year}, {self.kind})"


@dataclass
class PlanScore:
    """The scores of one plan text."""

    plan: str
    source: str
    truth: int = 0
    drafted: int = 0
    matched: int = 0
    right: int = 0
    junk: int = 0
    baselines: int = 0
    error: str | None = None
    misses: list[str] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    junk_numbers: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return percent(self.matched, self.truth)

    @property
    def right_share(self) -> float:
        return percent(self.right, self.truth)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["recall"] = self.recall
        data["right_share"] = self.right_share
        return data


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


# ---------------------------------------------------------------- normalising


def scaled(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """The value and unit with a leading 万 / 亿 / 万亿 of the unit folded into the value (``2 万家`` → 20000 家)."""
    unit = fold(unicodedata.normalize("NFKC", unit)).strip()
    for prefix, factor in PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return (value * factor).normalize(), unit[len(prefix):]
    return value.normalize(), unit


def number(entry: Entry) -> tuple[Decimal, str]:
    """The value and unit of the number itself: a relative change or growth rate is in %, a change in percentage
    points in points, whatever the unit of the indicator; other units with their 万 / 亿 prefix folded."""
    if entry.kind in RELATIVE:
        return entry.value.normalize(), "%"
    if entry.kind == "pp_change":
        return entry.value.normalize(), "pp"
    value, unit = scaled(entry.value, entry.unit)
    return value, "" if unit in NO_UNIT else unit


def same_value(first: Entry, second: Entry) -> bool:
    return first.value == second.value or number(first)[0] == number(second)[0]


def name_key(name: str) -> str:
    """A name for comparison: NFKC, traditional folded, ``draft:`` marks, a Latin abbreviation in brackets glossing
    a term (经费(R&D), 生产总值(GDP)), 的 before a share (占…的比重) and all but letters and digits dropped."""
    text = fold(unicodedata.normalize("NFKC", _DRAFT_MARK.sub("", name))).lower()
    return _NOT_WORD.sub("", _SHARE_DE.sub(r"\1\2", _GLOSS.sub("", text)))


_GLOSS = re.compile(r"\s*\(\s*[a-z][a-z&\s]{0,9}\)")
_SHARE_DE = re.compile(r"(占[^\W\d_]{1,30}?)的(比重|比例|占比)")
"""占规上工业增加值的比重 and 占规上工业增加值比重 are one name (the keys print both)."""


def name_right(truth: Entry, drafted: Entry) -> bool:
    """The truth name is in a drafted name, or a drafted name of at least 4 Chinese characters is in the truth's."""
    for wanted in (name_key(n) for n in truth.names or (truth.name,)):
        for given in (name_key(n) for n in drafted.names or (drafted.name,)):
            if wanted and given and (wanted in given or (given in wanted and len(_CJK.findall(given)) >= 4)):
                return True
    return False


# ---------------------------------------------------------------- loading


def truth_of_json(path: Path, document: str) -> list[Entry]:
    """The entries of a ``<name>.truth.json``."""
    entries = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        upper = item.get("upper")
        entries.append(Entry(item["name"], Decimal(str(item["value"])), int(item["year"]), item["kind"],
                             item.get("comparator", "="), item.get("unit", ""), item["quote"],
                             Decimal(str(upper)) if upper is not None else None, (item["name"],),
                             _spans(item["quote"], document)))
    return entries


def numbers_of_toml(path: Path, document: str) -> list[Entry]:
    """The numbers of a target file (hand-written or drafted), with the names each may go by."""
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    found = []
    for indicator in data.get("indicators", []):
        name = indicator.get("name_zh", "")
        members = {b.get("key"): b.get("name_zh", b.get("key", "")) for b in indicator.get("breakdowns", [])}
        for series in indicator.get("series", []):
            member = series.get("breakdown")
            label = members.get(member, member) if member is not None else None
            names = (name,) if label is None else (name, label, f"{name}{label}", f"{label}{name}")
            for value in series.get("values", []):
                if value.get("value") is None:
                    continue
                quote = value.get("quote", series.get("quote", ""))
                upper = value.get("upper")
                found.append(Entry(name, Decimal(value["value"]), int(value["year"]), series["kind"],
                                   value.get("comparator", "="), indicator.get("unit", ""), quote,
                                   Decimal(upper) if upper is not None else None, names, _spans(quote, document)))
    return found


# ---------------------------------------------------------------- scoring


def matches(truth: Entry, drafted: Entry) -> bool:
    """Same value, and the same year with overlapping quotes, or the truth quote holding the drafted one."""
    if not same_value(truth, drafted):
        return False
    if truth.year == drafted.year and any(a < d and c < b for a, b in truth.spans for c, d in drafted.spans):
        return True
    inner = _norm(drafted.quote)
    return bool(inner) and inner in _norm(truth.quote)


def wrong_fields(truth: Entry, drafted: Entry) -> dict[str, tuple[str, str]]:
    """The fields of ``drafted`` that differ from ``truth``: field → (truth, drafted)."""
    wrong: dict[str, tuple[str, str]] = {}
    if truth.year != drafted.year:
        wrong["year"] = (str(truth.year), str(drafted.year))
    if truth.kind != drafted.kind:
        wrong["kind"] = (truth.kind, drafted.kind)
    upper_t = scaled(truth.upper, truth.unit)[0] if truth.upper is not None else None
    upper_d = scaled(drafted.upper, drafted.unit)[0] if drafted.upper is not None else None
    if truth.comparator != drafted.comparator or (truth.comparator == "range" and upper_t != upper_d):
        wrong["comparator"] = (f"{truth.comparator} {truth.upper or ''}".strip(),
                               f"{drafted.comparator} {drafted.upper or ''}".strip())
    if number(truth) != number(drafted):
        wrong["unit"] = (f"{truth.value} {truth.unit}", f"{drafted.value} {drafted.unit}")
    if not name_right(truth, drafted):
        wrong["name"] = (truth.name, drafted.name)
    return wrong


def score(plan: str, source: str, truth: list[Entry], drafted: list[Entry]) -> PlanScore:
    """Recall, right share, junk and the misses and wrong fields of one plan."""
    result = PlanScore(plan, source, truth=len(truth), drafted=len(drafted))
    for entry in truth:
        candidates = [d for d in drafted if matches(entry, d)]
        if not candidates:
            result.misses.append(f"{entry.label()}: «{entry.quote}»")
            continue
        result.matched += 1
        best = min((wrong_fields(entry, d) for d in candidates), key=len)
        if best:
            result.wrong.append({"truth": entry.label(), "quote": entry.quote,
                                 "fields": {k: list(v) for k, v in best.items()}})
        else:
            result.right += 1
    for number in drafted:
        if any(matches(entry, number) for entry in truth):
            continue
        if number.kind == "baseline":
            result.baselines += 1
        else:
            result.junk += 1
            result.junk_numbers.append(f"{number.label()}: «{number.quote}»")
    return result


# ---------------------------------------------------------------- drafting


def draft_numbers(text: Path, plan: str, workdir: Path) -> tuple[str, list[Entry], Path]:
    """Draft ``text`` into ``workdir``: the normalised document read, the drafted numbers and the target file."""
    from gapcalc.usecases.draft import draft_file

    targets = workdir / "targets"
    doc, result = draft_file(text, plan, targets, source_out=workdir / "sources" / f"{plan}.txt")
    document = _norm(doc.text)
    return document, numbers_of_toml(result.target_file, document), result.target_file


def score_text(text: Path, truth_file: Path, plan: str, source: str, workdir: Path,
               hand_toml: bool = False) -> PlanScore:
    """Draft ``text`` and score it against ``truth_file`` (a ``.truth.json``, or a hand-written target file)."""
    try:
        document, drafted, _ = draft_numbers(text, plan, workdir)
    except Exception as exc:  # a draft that fails is scored as drafting nothing, with its error
        document, drafted = _norm(text.read_text(encoding="utf-8")), []
        error: str | None = f"{type(exc).__name__}: {exc}"
    else:
        error = None
    truth = numbers_of_toml(truth_file, document) if hand_toml else truth_of_json(truth_file, document)
    result = score(plan, source, truth, drafted)
    result.error = error
    return result


def unseen_texts() -> list[Path]:
    return sorted(UNSEEN.glob("*.txt"))


def seed_plans() -> list[tuple[str, Path, Path]]:
    """(plan, text, hand-written target file) of the shipped plans."""
    plans = []
    for hand in sorted(SEEDS.glob("*.toml")):
        data = tomllib.loads(hand.read_text(encoding="utf-8"))
        plans.append((hand.stem, ROOT / data["plan"]["source_text"], hand))
    return plans


def run(texts: list[Path], seeds: bool) -> list[PlanScore]:
    scores = []
    with tempfile.TemporaryDirectory(prefix="draft-scores-") as tmp:
        for text in texts:
            plan = re.sub(r"[^a-z0-9_]", "_", text.stem.lower())
            if not plan[:1].isalpha():
                plan = f"p_{plan}"
            truth = text.with_name(f"{text.stem}.truth.json")
            if not truth.exists():
                result = PlanScore(plan, "unseen", error=f"no truth file {truth.name}")
            else:
                result = score_text(text, truth, plan, "unseen", Path(tmp) / f"unseen-{plan}")
            scores.append(result)
        if seeds:
            for plan, text, hand in seed_plans():
                scores.append(score_text(text, hand, plan, "seed", Path(tmp) / f"seed-{plan}", hand_toml=True))
    return scores


# ---------------------------------------------------------------- output


def table(scores: list[PlanScore]) -> str:
    lines = [f"{'plan':<18} {'set':<6} {'truth':>5} {'draft':>5} {'recall':>7} {'right':>6} {'junk':>5} {'base':>5}"]
    for s in scores:
        line = (f"{s.plan:<18} {s.source:<6} {s.truth:>5} {s.drafted:>5} {s.recall:>7.1f} {s.right_share:>6.1f} "
                f"{s.junk:>5} {s.baselines:>5}")
        lines.append(line + (f"  error: {s.error}" if s.error else ""))
    for source in ("unseen", "seed"):
        group = [s for s in scores if s.source == source]
        if group:
            truth, matched, right = (sum(getattr(s, a) for s in group) for a in ("truth", "matched", "right"))
            lines.append(f"{'all ' + source:<18} {'':<6} {truth:>5} {sum(s.drafted for s in group):>5} "
                         f"{percent(matched, truth):>7.1f} {percent(right, truth):>6.1f} "
                         f"{sum(s.junk for s in group):>5} {sum(s.baselines for s in group):>5}")
    return "\n".join(lines)


def details(scores: list[PlanScore]) -> str:
    lines: list[str] = []
    for s in scores:
        if not (s.misses or s.wrong or s.junk_numbers):
            continue
        lines.append(f"\n== {s.plan} ({s.source})")
        lines.extend(f"  miss   {m}" for m in s.misses)
        for w in s.wrong:
            fields = "; ".join(f"{k}: {t} → {d}" for k, (t, d) in w["fields"].items())
            lines.append(f"  wrong  {w['truth']}: {fields}")
        lines.extend(f"  junk   {j}" for j in s.junk_numbers)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", nargs="*", type=Path, help="plan texts, each with <name>.truth.json beside it "
                        "(default: tests/fixtures/draft/unseen/*.txt)")
    parser.add_argument("--no-seeds", action="store_true", help="leave out the hand-written plans of targets/")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--table-only", action="store_true", help="print the table without misses and wrong fields")
    args = parser.parse_args(argv)
    scores = run(args.texts or unseen_texts(), seeds=not args.no_seeds)
    if args.json:
        print(json.dumps([s.as_dict() for s in scores], ensure_ascii=False, indent=2))
    else:
        print(table(scores))
        if not args.table_only:
            print(details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
