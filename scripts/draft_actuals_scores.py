"""Scores of ``gapcalc draft-actuals`` on real published texts: statistics communiqués, plan-execution reports, press
articles and releases of the shipped plans' regions (tests/fixtures/draft_actuals/real/).

Usage::

    python scripts/draft_actuals_scores.py               # every text of tests/fixtures/draft_actuals/real
    python scripts/draft_actuals_scores.py TEXT.txt ...  # given texts, each with TEXT.truth.json beside it
    python scripts/draft_actuals_scores.py --json        # machine output

Each text is read in-process for the plan its truth names (``gapcalc.usecases.draft_actuals.draft_actuals``, output
on a CSV in memory: nothing is written) and the rows drafted are compared with the truth, ``<name>.truth.json``: the
rows a careful analyst writes for the plan's indicators (``rows``; ``proxy: true`` marks a row that measures the
indicator only approximately, by a paraphrase or another scope) and the numbers that must not be written (``traps``:
value, optionally the indicator and the rule expected to refuse it, and why), and its ``set``: ``development`` (texts
the rules were written while reading) or ``held-out-N`` (the key written before the drafter first read the text; see
the README beside the texts for the scores of that first reading). Totals are given per set and for all. The rules:

* **match** — a drafted row matches a truth row when indicator, year, value, measure, comparator and as_of are all
  equal (the scope, the note and the source are for the reviewer and not scored).
* **recall** — the share of truth rows matched; **recall (exact)** the same without the proxy rows.
* **precision** — the share of drafted rows that match a truth row.
* **key** — the share of truth rows whose indicator and year were drafted at all (whatever the value or shape).
* **traps refused** — the share of traps no drafted row writes (a row of the trap's value, of its indicator when the
  trap names one); **listed** — the share of traps with a rule whose number is in the review list with that rule.

The script always exits 0: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "draft_actuals" / "real"
sys.path.insert(0, str(ROOT))

from gapcalc.usecases.draft_actuals import context_of, draft_actuals, read_documents  # noqa: E402
from gapcalc.usecases.open import open_plan  # noqa: E402

FIELDS = ("indicator", "year", "value", "measure", "comparator", "as_of")


@dataclass
class Score:
    """One text's counts."""

    text: str
    plan: str
    set: str = ""
    truth: int = 0
    exact_truth: int = 0
    drafted: int = 0
    matched: int = 0
    exact_matched: int = 0
    right_drafts: int = 0
    keys: int = 0
    traps: int = 0
    refused: int = 0
    ruled: int = 0
    listed: int = 0
    misses: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    written_traps: list[str] = field(default_factory=list)


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["indicator"], int(row["year"]), Decimal(str(row["value"])), row.get("measure", "") or "",
            row.get("comparator", "") or "", row.get("as_of", "") or "")


def score(text: Path) -> Score:
    """Read ``text`` for the plan of its truth and compare."""
    truth = json.loads(text.with_suffix(".truth.json").read_text(encoding="utf-8"))
    context = context_of(open_plan(truth["plan"], ROOT / "targets").plan)
    result = draft_actuals(context, read_documents([text]), None, ROOT / "no-such-dir", force=False,
                           save_texts=False)
    drafted = [{"indicator": d.row.indicator, "year": d.row.year, "value": d.row.value, "measure": d.row.measure,
                "comparator": d.row.comparator, "as_of": d.row.as_of} for d in result.rows]
    got = {_key(row) for row in drafted}
    wanted = [_key(row) for row in truth["rows"]]
    exact = [_key(row) for row in truth["rows"] if not row.get("proxy")]
    found = Score(text.name, truth["plan"], truth.get("set", ""), len(wanted), len(exact), len(drafted))
    found.matched = sum(1 for key in wanted if key in got)
    found.exact_matched = sum(1 for key in exact if key in got)
    found.right_drafts = sum(1 for key in got if key in set(wanted))
    drafted_keys = {(row["indicator"], int(row["year"])) for row in drafted}
    found.keys = sum(1 for key in wanted if key[:2] in drafted_keys)
    found.misses = [" ".join(str(part) for part in key) for key in wanted if key not in got]
    found.junk = [" ".join(str(part) for part in key) for key in got if key not in set(wanted)]
    refusals = [(refusal.value, refusal.why) for _, refusal in result.refused]
    for trap in truth.get("traps", ()):
        value = Decimal(str(trap["value"]))
        found.traps += 1
        written = [row for row in drafted if row["value"] == value
                   and (not trap.get("indicator") or row["indicator"] == trap["indicator"])]
        if written:
            found.written_traps.append(f"{trap['value']} ({trap.get('indicator', '')}): {trap['why']}")
        else:
            found.refused += 1
        if trap.get("rule"):
            found.ruled += 1
            found.listed += (value, trap["rule"]) in refusals
    return found


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def _total(scores: list[Score], name: str) -> Score:
    total = Score(name, "")
    for s in scores:
        for attribute in ("truth", "exact_truth", "drafted", "matched", "exact_matched", "right_drafts", "keys",
                          "traps", "refused", "ruled", "listed"):
            setattr(total, attribute, getattr(total, attribute) + getattr(s, attribute))
    return total


def _row(s: Score, label: str, plan: str) -> str:
    return (f"| {label} | {plan} | {s.truth} | {s.drafted} | {s.matched} | {_share(s.matched, s.truth)} | "
            f"{_share(s.right_drafts, s.drafted)} | {s.refused}/{s.traps} |")


def _summary(s: Score) -> str:
    return (f"{s.text}: recall {_share(s.matched, s.truth)} ({s.matched}/{s.truth}); recall without proxies "
            f"{_share(s.exact_matched, s.exact_truth)} ({s.exact_matched}/{s.exact_truth}); precision "
            f"{_share(s.right_drafts, s.drafted)} ({s.right_drafts}/{s.drafted}); indicator and year found "
            f"{_share(s.keys, s.truth)}; traps refused {_share(s.refused, s.traps)} ({s.refused}/{s.traps}); traps "
            f"listed with their rule {_share(s.listed, s.ruled)} ({s.listed}/{s.ruled})")


def report(scores: list[Score]) -> str:
    """The table of scores (per text, per set, all), then the misses, the junk and the traps written."""
    lines = ["| text | plan | truth rows | drafted | matched | recall | precision | traps refused |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    sets = list(dict.fromkeys(s.set for s in scores))
    totals = []
    for name in sets:
        mine = [s for s in scores if s.set == name]
        lines += [_row(s, s.text, s.plan) for s in mine]
        totals.append(_total(mine, f"{name or 'texts'} ({len(mine)} texts)"))
        lines.append(_row(totals[-1], f"**{totals[-1].text}**", ""))
    if len(sets) > 1:
        totals.append(_total(scores, f"all ({len(scores)} texts)"))
        lines.append(_row(totals[-1], f"**{totals[-1].text}**", ""))
    lines += ["", *(_summary(total) for total in totals)]
    for title, attribute in (("missed", "misses"), ("junk (drafted, not in the truth)", "junk"),
                             ("traps written", "written_traps")):
        items = [f"  {s.text}: {item}" for s in scores for item in getattr(s, attribute)]
        if items:
            lines += ["", f"{title}:", *items]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*", type=Path, help="texts with <name>.truth.json beside them")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    arguments = parser.parse_args(argv)
    texts = arguments.texts or sorted(REAL.glob("*.txt"))
    keyless = [text for text in texts if not text.with_suffix(".truth.json").is_file()]
    if keyless:
        parser.error("no answer key (<name>.truth.json) beside: " + ", ".join(str(text) for text in keyless))
    scores = sorted((score(text) for text in texts), key=lambda s: (s.set != "development", s.text))
    if arguments.json:
        print(json.dumps([asdict(s) for s in scores], ensure_ascii=False, indent=2, default=str))
    else:
        print(report(scores), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
