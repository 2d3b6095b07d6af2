"""Benchmark gapcalc as analysts and CI run it: whole processes, several runs, the median; writes BENCHMARKS.md.

    python bench/run.py                 # the full run (national dataset at 1×, 4×, 16×), about 10–20 minutes
    python bench/run.py --quick         # 1× and 4× only, 3 runs: a quick look
    python bench/run.py --main-only     # the main table only; the sections below it are kept as they are
    python bench/run.py --versus OTHER/bin/python --versus-label "v0.1.0"   # also against another installation
    python bench/run.py --cache-churn --churn-scales 1,10   # only the cache after an edit (its section rewritten)
    python bench/run.py --cold-workers --cold-scales 1,10   # only cold runs, 1 and 2 workers (its section rewritten)
    python bench/run.py --sql-peer --peer-scales 1,10,30    # only the roll-up against a SQL engine (needs duckdb)

It generates a synthetic national dataset (330 prefecture-level plans × 100 indicators × 8 years of milestones, and
the matching actuals) under bench/data/ (not committed), then times, side by side with the floors `python -c pass`
and `python -c "import pandas, rich, click"`: `gapcalc --help`, `gapcalc check` over the shipped targets,
`gapcalc report mianyang 2019 --format csv`, `gapcalc check` over the national dataset, and
`gapcalc report --all 2021 --format csv` over it at 1×, 4× and 16× the size, `gapcalc brief` (a Word brief with
its charts) and `gapcalc site` (the shipped plans), with each process's peak memory, and
the cache after an edit: a warm roll-up, one plan edited and rolled up, then rolled up again unchanged (with the
default cache bound and one below the working set).
Timings use only the standard library (time.perf_counter around subprocesses, os.wait4 for peak RSS).
With ``--versus``, the roll-up, one plan's report and the start-up are also timed against another installed gapcalc,
the two run in turn so that a shared machine's drift weighs on both alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "bench" / "data"
PLANS, INDICATORS, YEARS = 330, 100, tuple(range(2018, 2026))
BASE_YEAR, REPORT_YEAR = 2017, 2021
OBSERVED = tuple(range(BASE_YEAR, REPORT_YEAR + 1))


# -- the synthetic national dataset ----------------------------------------------------------------------------------
def _values(years: tuple[int, ...], numbers: list[int] | list[float]) -> str:
    pairs = zip(years, numbers, strict=True)
    return "values = [" + ", ".join(f"{{ year = {y}, value = {v} }}" for y, v in pairs) + "]\n"


def _actual_rows(index: int, path: list[int] | list[float]) -> list[str]:
    return [f"ind_{index:03d},{year},{value}" for year, value in zip(OBSERVED, path, strict=True)]


def _indicator(rng: random.Random, index: int) -> tuple[list[str], list[str], list[str]]:
    """TOML lines, document lines and actuals rows of one synthetic indicator."""
    kind = rng.choices(["level", "quota", "reduction", "qualitative"], weights=[70, 15, 10, 5])[0]
    name = f"指标{index:03d}"
    base = rng.randint(20, 400)
    head = [f'[[indicators]]\nid = "ind_{index:03d}"\nname_zh = "{name}"\nname_en = "Indicator {index}"']
    if kind == "qualitative":
        sentence = f"{name}基本建立"
        toml = head + ['unit = "-"\ndirection = "up"\n\n[[indicators.series]]\nkind = "qualitative"',
                       f'source = {{ section = "主要目标" }}\nquote = "{sentence}"',
                       'values = [{ year = 2025, text = "基本建立" }]\n']
        return toml, [sentence], []
    if kind == "reduction":
        cut = rng.randint(5, 25)
        sentence = f"{name}下降{cut}%"
        toml = head + ['unit = "吨标准煤/万元"\ndirection = "down"\n',
                       '[[indicators.series]]\nkind = "change_vs_baseline"',
                       f'change = "decrease"\nsource = {{ section = "主要目标" }}\nquote = "{sentence}"',
                       f"values = [{{ year = 2025, value = {cut} }}]\n"]
        path = [round(base * (1 - 0.02 * step * rng.uniform(0.5, 1.5)), 2) for step in range(len(OBSERVED))]
        return toml, [sentence], _actual_rows(index, path)
    growth = rng.uniform(0.03, 0.12)
    if kind == "quota":
        steps = [rng.randint(1, 20) for _ in YEARS]
        row = f"{name}(新增)\t" + "\t".join(map(str, steps))
        toml = head + ['unit = "家"\ndirection = "up"\n\n[[indicators.series]]\nkind = "baseline"',
                       f'source = {{ section = "现状" }}\nquote = "{name}现有{base}家"',
                       f"values = [{{ year = {BASE_YEAR}, value = {base} }}]\n",
                       '[[indicators.series]]\nkind = "new_in_year"\nsource = { table = "表1" }',
                       f'quote = "{row}"',
                       _values(YEARS, steps)]
        path = [base + sum(steps[: max(0, year - BASE_YEAR)]) - rng.randint(0, 3) for year in OBSERVED]
        return toml, [f"{name}现有{base}家", row], _actual_rows(index, path)
    milestones = [round(base * (1 + growth) ** (year - BASE_YEAR), 1) for year in YEARS]
    row = f"{name}\t" + "\t".join(map(str, milestones))
    toml = head + ['unit = "%"\ndirection = "up"\n\n[[indicators.series]]\nkind = "baseline"',
                   f'source = {{ section = "现状" }}\nquote = "{name}为{base}"',
                   f"values = [{{ year = {BASE_YEAR}, value = {base} }}]\n",
                   '[[indicators.series]]\nkind = "level"\nsource = { table = "表2" }', f'quote = "{row}"',
                   _values(YEARS, milestones)]
    path = [round(base * (1 + growth * rng.uniform(0.6, 1.3)) ** (year - BASE_YEAR), 1) for year in OBSERVED]
    return toml, [f"{name}为{base}", row], _actual_rows(index, path)


def _plan(number: int, root: Path) -> None:
    rng = random.Random(number)
    plan_id = f"city_{number:05d}"
    toml = ["#:schema ../../../../schemas/targets.schema.json\n", "[plan]", f'id = "{plan_id}"',
            f'name_zh = "城市{number}制造业行动计划"', f'name_en = "City {number} manufacturing plan"',
            f'region_zh = "城市{number}"', f'region_en = "City {number}"', 'admin_level = "municipal"',
            f'document = "城府发〔2018〕{number}号"', "period = [2018, 2025]", f"baseline_year = {BASE_YEAR}",
            f'source_text = "docs/{plan_id}.txt"\n']
    document = [f"城市{number}制造业行动计划（2018—2025年）"]
    actuals = ["indicator,year,value,breakdown,source,source_title,note"]
    for index in range(INDICATORS):
        lines, sentences, rows = _indicator(rng, index)
        toml += lines
        document += sentences
        actuals += [f"{row},,https://example.org/{plan_id},统计公报," for row in rows]
    (root / "targets" / f"{plan_id}.toml").write_text("\n".join(toml), encoding="utf-8")
    (root / "docs" / f"{plan_id}.txt").write_text("\n".join(document) + "\n", encoding="utf-8")
    (root / "actuals" / f"{plan_id}.csv").write_text("\n".join(actuals) + "\n", encoding="utf-8")


def generate(scale: int) -> Path:
    """The dataset at ``scale`` × 330 plans (reused when already generated)."""
    root = DATA / f"national-{scale}x"
    done = root / ".complete"
    if done.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    for folder in ("targets", "docs", "actuals"):
        (root / folder).mkdir(parents=True)
    for number in range(PLANS * scale):
        _plan(number, root)
    done.write_text("ok\n")
    return root


# -- measuring -------------------------------------------------------------------------------------------------------
@dataclass
class Measurement:
    """The median wall time and the largest peak memory of several runs of one command."""

    label: str
    seconds: float
    peak_mb: float
    runs: int


CACHE = DATA / "cache"
ENVIRONMENT = {**os.environ, "GAPCALC_CACHE_DIR": str(CACHE)}
ENVIRONMENT.pop("GAPCALC_NO_CACHE", None)
ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules load from their .pyc files


def run_once(command: list[str], cwd: Path, cold: bool = False) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one run; the command's output is discarded. ``cold``: with an empty cache
    of compiled plans and check results (emptied before the clock starts)."""
    if cold:
        shutil.rmtree(CACHE, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def measure(label: str, command: list[str], cwd: Path, runs: int, cold: bool = False) -> Measurement:
    """Run ``command`` ``runs`` times after one warm-up run (file cache, .pyc, and gapcalc's cache unless ``cold``);
    median time, max memory."""
    run_once(command, cwd)
    samples = [run_once(command, cwd, cold) for _ in range(runs)]
    result = Measurement(label, statistics.median(s for s, _ in samples), max(m for _, m in samples), runs)
    print(f"{label:<60} {result.seconds:8.3f} s {result.peak_mb:8.1f} MB", file=sys.stderr)
    return result


def optional(label: str, command: list[str], cwd: Path, runs: int, cold: bool = False) -> Measurement | None:
    """:func:`measure`, or None when this gapcalc cannot run the command (an older version, for comparisons)."""
    try:
        return measure(label, command, cwd, runs, cold)
    except SystemExit as failed:
        print(f"{label}: not measured ({failed})", file=sys.stderr)
        return None


BIG_ROWS = 1_000_000


def big_actuals() -> Path:
    """A workspace with the demo plan and an actuals file of a million rows (three indicators, eight years each,
    repeated: most rows are conflicting repeats), for the memory of reading a large file."""
    root = DATA / "big"
    done = root / ".complete"
    if done.exists():
        return root
    demo = REPO / "tests" / "fixtures" / "demo"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(demo / "targets", root / "targets")
    shutil.copytree(demo / "docs", root / "docs")
    (root / "actuals").mkdir()
    keys = ("nc_rate_key_processes", "enterprises_on_cloud", "unknown_indicator")
    with (root / "actuals" / "demo.csv").open("w", encoding="utf-8") as handle:
        handle.write("indicator,year,value,breakdown,source,note\n")
        for i in range(BIG_ROWS):
            handle.write(f"{keys[i % 3]},{2015 + i % 8},{i % 97}.5,,统计公报,\n")
    done.write_text("ok\n")
    return root


@dataclass
class Versus:
    """One command timed for this checkout and for another installation, run by run in turn."""

    label: str
    here: list[tuple[float, float]]  # (wall s, CPU s) of each run
    there: list[tuple[float, float]]


def runtimed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its children) of one run; output discarded."""
    wall, cpu, _ = timed(command, cwd, ENVIRONMENT)
    return wall, cpu


def timed(command: list[str], cwd: Path, environment: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one run; output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {os.waitstatus_to_exitcode(status)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def versus(label: str, arguments: list[str], cwd: Path, other: str, runs: int) -> Versus:
    """``arguments`` run by this checkout's gapcalc and by ``other``'s (a Python with another gapcalc installed),
    alternately, after a warm-up run of each: a machine that slows down or speeds up during the runs affects both
    alike."""
    here, there = [sys.executable, "-m", "gapcalc", *arguments], [other, "-m", "gapcalc", *arguments]
    runtimed(here, cwd), runtimed(there, cwd)
    result = Versus(label, [], [])
    for _ in range(runs):
        result.here.append(runtimed(here, cwd))
        result.there.append(runtimed(there, cwd))
    print(f"{label:<60} {_median(result.here, 0):8.3f} s against {_median(result.there, 0):8.3f} s",
          file=sys.stderr)
    return result


def _median(samples: list[tuple[float, float]], index: int) -> float:
    return statistics.median(sample[index] for sample in samples)


def versus_section(rows: list[Versus], label: str) -> list[str]:
    """The before-and-after table of BENCHMARKS.md."""
    lines = ["", "## Against another installation", "",
             f"This checkout against {label} (`--versus`), each command run by one and then the other "
             f"{len(rows[0].here) if rows else 0} times; medians. Ratio: this checkout's time over the other's "
             "(below 1: faster).", "",
             "| command | wall s | other's wall s | ratio | CPU s | other's CPU s | ratio |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        wall, wall_other = _median(row.here, 0), _median(row.there, 0)
        cpu, cpu_other = _median(row.here, 1), _median(row.there, 1)
        lines.append(f"| {row.label} | {wall:.3f} | {wall_other:.3f} | {wall / wall_other:.2f} | {cpu:.3f} | "
                     f"{cpu_other:.3f} | {cpu / cpu_other:.2f} |")
    return lines


def versus_rows(other: str, runs: int) -> list[Versus]:
    """The commands compared with ``--versus``: the warm roll-up of the national dataset and one of its plans (both
    read by any version), and the start-up of the roll-up."""
    national = generate(1)
    rollup = ["report", "--all", str(REPORT_YEAR), "--format", "csv"]
    empty = DATA / "empty"
    (empty / "targets").mkdir(parents=True, exist_ok=True)
    return [versus(f"gapcalc report --all {REPORT_YEAR} --format csv (1×, {PLANS} plans), warm", rollup, national,
                   other, runs),
            versus(f"gapcalc report city_00000 {REPORT_YEAR} --format csv (100 indicators), warm",
                   ["report", "city_00000", str(REPORT_YEAR), "--format", "csv"], national, other, runs),
            versus("gapcalc report --all (empty targets directory)", rollup, empty, other, runs)]


# -- the cache after an edit ----------------------------------------------------------------------------------------
EDITED_PLAN = "city_00100"
DEFAULT_MAX_MB = 256
"""gapcalc's default cache bound (``$GAPCALC_CACHE_MAX_MB`` unset), as the table names it."""
CHURN_SECTION = "## The cache after an edit"


@dataclass
class Lane:
    """One gapcalc (``python``: its interpreter, with what ``environment`` adds) under one cache bound (``max_mb``:
    ``$GAPCALC_CACHE_MAX_MB``, None for the default), on a dataset and a cache of its own."""

    gapcalc: str
    bound: str
    python: list[str]
    max_mb: str | None
    root: Path
    cache: Path
    warm: list[tuple[float, float]] = field(default_factory=list)  # (wall s, CPU s) of each round's run
    edited: list[tuple[float, float]] = field(default_factory=list)
    again: list[tuple[float, float]] = field(default_factory=list)
    cache_mb: float = 0.0

    def environment(self) -> dict[str, str]:
        chosen = {**ENVIRONMENT, "GAPCALC_CACHE_DIR": str(self.cache)}
        chosen.pop("GAPCALC_CACHE_MAX_MB", None)
        if self.max_mb is not None:
            chosen["GAPCALC_CACHE_MAX_MB"] = self.max_mb
        return chosen

    def run(self) -> tuple[float, float]:
        """Wall and CPU seconds (user + system, with worker processes) of one ``report --all`` over the lane's
        dataset."""
        command = [*self.python, "report", "--all", str(REPORT_YEAR), "--format", "csv"]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=self.environment())
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed with exit code {os.waitstatus_to_exitcode(status)}")
        return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _lane_dataset(scale: int, number: int) -> Path:
    """A copy of the dataset at ``scale`` for one lane: hard links, but for the plan it edits (a file of its own,
    edited in place as an editor saving over it does)."""
    source, root = generate(scale), DATA / f"churn-{scale}x-{number}"
    shutil.rmtree(root, ignore_errors=True)
    for folder in ("targets", "actuals", "docs"):
        shutil.copytree(source / folder, root / folder, copy_function=os.link)
    edited = root / "targets" / f"{EDITED_PLAN}.toml"
    edited.unlink()
    shutil.copyfile(source / "targets" / f"{EDITED_PLAN}.toml", edited)
    return root


def edit_plan(plan: Path, number: int) -> None:
    """Change one number of ``plan`` in place, keeping its size: the tenths of its ``number``-th milestone with
    decimals, one up (a new value, a new modification time: what a person editing it does). Each round edits another
    milestone, so the plan never comes back to a content whose entries the cache may still hold."""
    text = plan.read_text(encoding="utf-8")
    found = list(re.finditer(r"value = \d+\.(\d)\b", text))
    if not found:
        raise SystemExit(f"{plan}: no decimal value to edit")
    tenths = found[number % len(found)]
    digit = str((int(tenths.group(1)) + 1) % 10)
    plan.write_text(text[:tenths.start(1)] + digit + text[tenths.end(1):], encoding="utf-8")


def _cache_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1048576


def churn(scale: int, rounds: int, others: list[tuple[str, list[str]]], below: bool = True) -> list[Lane]:
    """The cache after an edit, at ``scale``: for this checkout and each of ``others`` (label, interpreter), with
    the default bound and (``below``) a bound a third of the working set, each on a dataset and a cache of its own
    made by a cold run. Every round runs, lane after lane: a warm ``report --all``, then one plan edited and
    ``report --all``, then ``report --all`` again, unchanged."""
    lanes: list[Lane] = []
    for gapcalc, python in [("this checkout", [sys.executable, "-m", "gapcalc"]), *others]:
        for lowered in (False, True) if below else (False,):
            number = len(lanes)
            lane = Lane(gapcalc, f"{DEFAULT_MAX_MB} MB (default)", python, None, _lane_dataset(scale, number),
                        DATA / f"cache-churn-{number}")
            shutil.rmtree(lane.cache, ignore_errors=True)
            lane.max_mb = "0" if lowered else None  # the cold run fills the cache whole (0: no bound)
            lane.run()
            lane.cache_mb = _cache_mb(lane.cache)
            if lowered:
                lane.max_mb = str(max(1, int(lane.cache_mb / 3)))
                lane.bound = f"{lane.max_mb} MB (⅓ of the cache)"
            else:
                lane.max_mb = None
            lane.run()  # settles: a warm run with the lane's bound
            lanes.append(lane)
    for number in range(rounds):
        for lane in lanes:
            lane.warm.append(lane.run())
            edit_plan(lane.root / "targets" / f"{EDITED_PLAN}.toml", number)
            lane.edited.append(lane.run())
            lane.again.append(lane.run())
            print(f"{scale}×, {lane.gapcalc}, bound {lane.bound}, round {number + 1}: warm {lane.warm[-1][0]:.3f} s, "
                  f"after an edit {lane.edited[-1][0]:.3f} s, again {lane.again[-1][0]:.3f} s (wall)", file=sys.stderr)
    return lanes


def _paired(lane: Lane, runs: list[tuple[float, float]], index: int) -> float:
    """The median over the rounds of a run's time (0: wall, 1: CPU) over the same round's warm run."""
    return statistics.median(run[index] / warm[index] for run, warm in zip(runs, lane.warm, strict=True))


def churn_section(lanes_by_scale: list[tuple[int, list[Lane]]]) -> list[str]:
    """The section of BENCHMARKS.md on the cache after an edit."""
    lines = ["", CHURN_SECTION, "",
             "`python bench/run.py --cache-churn` (`--churn-scales 1,10`; `--versus PYTHON` adds another "
             "installation). Each lane has a dataset and a cache of its own, filled by a cold run; every round "
             f"then runs `report --all {REPORT_YEAR} --format csv` warm, edits one plan ({EDITED_PLAN}: one digit of "
             "a milestone, another each round, in place, the same size) and runs it, then runs it again unchanged; "
             "lanes take turns round by round. Ratios are paired: each run over the warm run of its own round, the "
             "median over the rounds (the rounds column), of wall time and, in brackets, of CPU time (user + system, "
             "worker processes included: steadier than wall time on a shared machine, and what the verdict is on). "
             "Goal: after an edit ≤ 1.1× warm, the next unchanged run ≤ 1.05× warm.", "",
             "| dataset | cache after a cold run | bound | gapcalc | rounds | warm s | after an edit s | × warm "
             "(CPU) | next unchanged s | × warm (CPU) | goal |",
             "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for scale, lanes in lanes_by_scale:
        for lane in lanes:
            edited = _paired(lane, lane.edited, 0), _paired(lane, lane.edited, 1)
            again = _paired(lane, lane.again, 0), _paired(lane, lane.again, 1)
            verdict = "met" if edited[1] <= 1.1 and again[1] <= 1.05 else "**missed**"
            lines.append(f"| {scale}× ({PLANS * scale} plans) | {lane.cache_mb:.0f} MB | {lane.bound} | "
                         f"{lane.gapcalc} | {len(lane.warm)} | {_median(lane.warm, 0):.3f} | "
                         f"{_median(lane.edited, 0):.3f} | {edited[0]:.2f} ({edited[1]:.2f}) | "
                         f"{_median(lane.again, 0):.3f} | {again[0]:.2f} ({again[1]:.2f}) | {verdict} |")
    lines += ["", "A run after an edit compiles the edited plan: it imports the plan model (pydantic) and parses, "
              "validates and compiles one file, ≈ 0.1–0.2 s of CPU that no cache spares — a fifth of a warm 1× "
              "roll-up, a few per cent of a 10× one; its actuals are read again too (their entry is named by the "
              "plan's). A warm run no longer reads and hashes the target files to name their entries (the file "
              "index): for the 330 plans of 1×, 19 MB, 14.7 ms became 2.1 ms (in one process, the best of seven); "
              "the actuals files, 10 MB, are still hashed (9.4 ms). The lanes of the bound below the working set "
              "show the thrash the cache had: a run that wrote pruned by time of last use at its first write, "
              "removing entries it was still to read, and every run after it parsed them again; pruned at the end of "
              "the run, without the entries the run used, the next unchanged run reads everything from the cache."]
    return lines


def section_of(report: str, heading: str) -> list[str]:
    """The section of ``report`` under ``heading`` (a blank line first, as the section functions give it), or
    nothing when it has none."""
    lines = report.rstrip("\n").split("\n")
    if heading not in lines:
        return []
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return ["", *lines[start:end]]


def with_section(report: str, section: list[str]) -> str:
    """``report`` (BENCHMARKS.md) with ``section`` in place of the one of the same heading, else before *Against
    another installation*, else at the end."""
    lines = report.rstrip("\n").split("\n")
    heading = section[1]
    body = section[1:]
    if heading in lines:
        start = lines.index(heading)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        lines[start:end] = [*body, ""] if end < len(lines) else body
    elif "## Against another installation" in lines:
        start = lines.index("## Against another installation")
        lines[start:start] = [*body, ""]
    else:
        lines += ["", *body]
    return "\n".join(lines) + "\n"


# -- cold runs with one and two worker processes --------------------------------------------------------------------
COLD_SECTION = "## Cold runs with one and two worker processes"


@dataclass
class ColdLane:
    """One gapcalc (``python``: its interpreter and ``-m gapcalc``) on one dataset: a warm run and cold runs with
    ``GAPCALC_JOBS`` 1 and 2, each on a cache of its own, round by round."""

    gapcalc: str
    python: list[str]
    root: Path
    number: int
    warm: list[tuple[float, float]] = field(default_factory=list)  # (wall s, CPU s) of each round's run
    cold: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {"1": [], "2": []})

    def run(self, jobs: str | None) -> tuple[float, float]:
        """Wall and CPU seconds (user + system, worker processes included) of one ``report --all``: warm (``jobs``
        None: the default processes, the lane's warm cache) or cold with ``jobs`` processes (its cache emptied
        first). Caches are unbounded (``GAPCALC_CACHE_MAX_MB=0``): a warm run of a large dataset stays warm."""
        cache = DATA / f"cache-cold-{self.number}-{jobs or 'warm'}"
        environment = {**ENVIRONMENT, "GAPCALC_CACHE_DIR": str(cache), "GAPCALC_CACHE_MAX_MB": "0"}
        environment.pop("GAPCALC_JOBS", None)
        if jobs is not None:
            shutil.rmtree(cache, ignore_errors=True)
            environment["GAPCALC_JOBS"] = jobs
        command = [*self.python, "report", "--all", str(REPORT_YEAR), "--format", "csv"]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=self.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed with exit code {os.waitstatus_to_exitcode(status)}")
        return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def cold_workers(scale: int, rounds: int, others: list[tuple[str, list[str]]]) -> list[ColdLane]:
    """Cold and warm roll-ups of the dataset at ``scale``, for this checkout and each of ``others`` (label,
    interpreter): after a warm-up of each run, every round runs, lane after lane, a warm run, then a cold run with
    one process and one with two worker processes."""
    root = generate(scale)
    lanes = [ColdLane(gapcalc, python, root, number) for number, (gapcalc, python) in
             enumerate([("this checkout", [sys.executable, "-m", "gapcalc"]), *others])]
    for lane in lanes:
        for jobs in (None, None, "1", "2"):  # the warm cache filled, then every run once (files, .pyc)
            lane.run(jobs)
    for number in range(rounds):
        for lane in lanes:
            lane.warm.append(lane.run(None))
            for jobs in ("1", "2"):
                lane.cold[jobs].append(lane.run(jobs))
            print(f"{scale}×, {lane.gapcalc}, round {number + 1}: warm {lane.warm[-1][0]:.3f} s, cold with 1 process "
                  f"{lane.cold['1'][-1][0]:.3f} s, with 2 workers {lane.cold['2'][-1][0]:.3f} s (wall)",
                  file=sys.stderr)
    return lanes


def _over(runs: list[tuple[float, float]], others: list[tuple[float, float]], index: int) -> float:
    """The median over the rounds of a run's time (0: wall, 1: CPU) over the other run of the same round."""
    return statistics.median(run[index] / other[index] for run, other in zip(runs, others, strict=True))


def cold_section(lanes_by_scale: list[tuple[int, list[ColdLane]]]) -> list[str]:
    """The section of BENCHMARKS.md on cold roll-ups with one process and with two worker processes."""
    lines = ["", COLD_SECTION, "",
             "`python bench/run.py --cold-workers` (`--cold-scales 1,10`; `--versus PYTHON` adds another "
             f"installation). `report --all {REPORT_YEAR} --format csv` warm, then cold (its cache emptied) with "
             "`GAPCALC_JOBS=1` (no worker process) and with `GAPCALC_JOBS=2` (two worker processes beside the "
             "parent); lanes take turns round by round, caches unbounded. Ratios are paired: each run over a run of "
             "its own round, the median over the rounds, of wall time and, in brackets, of CPU time (user + system, "
             "worker processes included: steadier than wall time on a shared machine). Goal: cold with two workers "
             "≤ 4× warm at 1×.", "",
             "| dataset | gapcalc | rounds | warm s | cold, 1 process s | × warm (CPU) | cold, 2 workers s | × warm "
             "(CPU) | 2 workers: speed-up (× CPU) | goal |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for scale, lanes in lanes_by_scale:
        for lane in lanes:
            one, two = lane.cold["1"], lane.cold["2"]
            over_warm = [(_over(runs, lane.warm, 0), _over(runs, lane.warm, 1)) for runs in (one, two)]
            goal = f"≤ 4× warm: {'met' if over_warm[1][0] <= 4 else '**missed**'}" if scale == 1 else ""
            lines.append(f"| {scale}× ({PLANS * scale} plans) | {lane.gapcalc} | {len(lane.warm)} | "
                         f"{_median(lane.warm, 0):.3f} | {_median(one, 0):.3f} | {over_warm[0][0]:.2f} "
                         f"({over_warm[0][1]:.2f}) | {_median(two, 0):.3f} | {over_warm[1][0]:.2f} "
                         f"({over_warm[1][1]:.2f}) | {_over(one, two, 0):.2f}× ({_over(two, one, 1):.2f}×) | {goal} |")
    compared = [(scale, lanes) for scale, lanes in lanes_by_scale if len(lanes) > 1]
    if compared:
        lines += ["", "This checkout over each other installation, round by round (below 1: faster, or less CPU):",
                  "", "| dataset | against | cold, 1 process: wall (CPU) | cold, 2 workers: wall (CPU) | warm: wall "
                  "(CPU) |", "|---|---|---:|---:|---:|"]
        for scale, (here, *others) in compared:
            for other in others:
                pairs = ((here.cold["1"], other.cold["1"]), (here.cold["2"], other.cold["2"]), (here.warm, other.warm))
                cells = [f"{_over(mine, theirs, 0):.2f} ({_over(mine, theirs, 1):.2f})" for mine, theirs in pairs]
                lines.append(f"| {scale}× | {other.gapcalc} | {' | '.join(cells)} |")
    lines += ["", "A cold roll-up hands every target file the cache lacks to the worker processes at once, a few files "
              "a task; each worker compiles its files and reads their plans' actuals, and the parent computes and "
              "writes the batches of 32 plans in order as their plans come back, while the workers compile the next "
              "(the output is the same bytes). A worker imports only its job (parsing, validating, compiling, reading "
              "actuals): not numpy, the engine or the command line. Opening a plan for a report runs only the rules "
              "that find errors; the rules that can only warn are `check`'s. On two cores the parent shares them "
              "with the two workers, so two workers give less than twice the speed of one process: what limits a "
              "cold run is the CPU of parsing (TOML), validating (pydantic) and compiling each plan, which no cache "
              "spares."]
    return lines


# -- against a one-thread SQL engine ---------------------------------------------------------------------------------
PEER_SECTION = "## Against a one-thread SQL engine"


@dataclass
class PeerLane:
    """gapcalc's warm roll-up and the SQL peer's query over one dataset, round by round."""

    scale: int
    gapcalc: list[tuple[float, float, float]] = field(default_factory=list)  # (wall s, CPU s, peak MB)
    peer: list[tuple[float, float, float]] = field(default_factory=list)


def sql_peer(scale: int, rounds: int) -> PeerLane | None:
    """gapcalc warm (its cache filled by a first run) against the SQL peer (bench/sql_peer.py) over the dataset at
    ``scale``, consolidated first; None when DuckDB is not installed."""
    try:
        import duckdb  # noqa: F401
    except ImportError:
        print("the SQL peer needs DuckDB: pip install duckdb", file=sys.stderr)
        return None
    root = generate(scale)
    peer_script = str(Path(__file__).resolve().parent / "sql_peer.py")
    subprocess.run([sys.executable, peer_script, "consolidate", str(root)], check=True, stdout=subprocess.DEVNULL)
    environment = {**ENVIRONMENT, "GAPCALC_CACHE_DIR": str(DATA / f"cache-peer-{scale}"),
                   "GAPCALC_CACHE_MAX_MB": "0"}
    rollup = [sys.executable, "-m", "gapcalc", "report", "--all", str(REPORT_YEAR), "--format", "csv"]
    query = [sys.executable, peer_script, "query", str(root), str(REPORT_YEAR)]
    timed(rollup, root, environment)  # fills the cache: the runs below are warm
    timed(query, root, environment)
    lane = PeerLane(scale)
    for number in range(rounds):
        lane.gapcalc.append(timed(rollup, root, environment))
        lane.peer.append(timed(query, root, environment))
        print(f"{scale}×, round {number + 1}: gapcalc warm {lane.gapcalc[-1][0]:.3f} s, SQL peer "
              f"{lane.peer[-1][0]:.3f} s (wall)", file=sys.stderr)
    return lane


def peer_section(lanes: list[PeerLane | None]) -> list[str]:
    """The section of BENCHMARKS.md comparing the warm roll-up with the SQL peer."""
    lines = ["", PEER_SECTION, "",
             "`python bench/run.py --sql-peer` (`--peer-scales 1,10,30`). The same plans and actuals consolidated in "
             "two CSV files (bench/sql_peer.py), and one DuckDB query with one thread computing the core of the "
             "roll-up — each target's year target, final target, base, latest actual, gap, attainment, growth "
             "observed and still required, met or not — parsing both files on every run, against "
             f"`gapcalc report --all {REPORT_YEAR} --format csv` warm. Both write CSV to a discarded stream; rounds "
             "alternate the two. Ratios are paired: gapcalc's run over the peer's of the same round, the median over "
             "the rounds, of wall time and, in brackets, of CPU time. The peer computes fewer figures than gapcalc "
             "(15 columns, no comparators, breakdowns, texts or checks of its inputs): it is a floor for the same "
             "core work in a column engine. Goal: at 10× and 30×, gapcalc no slower than the peer.", "",
             "| dataset | rounds | gapcalc warm s | peak MB | SQL peer s | peak MB | gapcalc ÷ peer (CPU) | goal |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for lane in lanes:
        if lane is None:
            lines.append("| — | | | | | | | not measured: DuckDB is not installed (`pip install duckdb`) |")
            continue
        wall = statistics.median(g[0] / p[0] for g, p in zip(lane.gapcalc, lane.peer, strict=True))
        cpu = statistics.median(g[1] / p[1] for g, p in zip(lane.gapcalc, lane.peer, strict=True))
        goal = ("met" if cpu <= 1 else "**missed**") if lane.scale >= 10 else ""
        lines.append(f"| {lane.scale}× ({PLANS * lane.scale} plans) | {len(lane.gapcalc)} | "
                     f"{statistics.median(g[0] for g in lane.gapcalc):.3f} | {max(g[2] for g in lane.gapcalc):.0f} | "
                     f"{statistics.median(p[0] for p in lane.peer):.3f} | {max(p[2] for p in lane.peer):.0f} | "
                     f"{wall:.2f} ({cpu:.2f}) | {goal} |")
    return lines


# -- the report ------------------------------------------------------------------------------------------------------
def _row(m: Measurement, floor: float, goal: str = "", ok: bool | None = None) -> str:
    verdict = "" if ok is None else ("met" if ok else "**missed**")
    return (f"| {m.label} | {m.seconds:.3f} | {m.seconds / floor:.2f}× | {m.peak_mb:.0f} | {m.runs} | {goal} | "
            f"{verdict} |")


def write_report(results: dict[str, Measurement], scales: list[int], notes: list[str]) -> str:
    floor = results["floor_pandas"].seconds
    lines = [
        "# Benchmarks", "",
        "Generated by `python bench/run.py` — do not edit by hand. Whole processes, the median of several runs after "
        "a warm-up run; peak memory is the largest resident set of a run (os.wait4). Ratios are to the pandas floor "
        "(`python -c \"import pandas, rich, click\"`) measured in the same run. *Warm*: the target files are "
        "unchanged since the last run, so compiled plans and check results come from gapcalc's cache (the everyday "
        "case: an analyst re-running reports, CI with its cache directory kept); *cold*: the cache is emptied before "
        "every run (a fresh machine, or every file just changed).", "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Dataset: {PLANS} plans × {INDICATORS} indicators × {len(YEARS)} years of milestones per 1×, actuals "
        f"{OBSERVED[0]}–{OBSERVED[-1]}; report year {REPORT_YEAR}.", "",
        "| command | median s | × pandas floor | peak MB | runs | goal | |", "|---|---:|---:|---:|---:|---|---|",
        _row(results["floor_pass"], floor), _row(results["floor_pandas"], floor),
    ]
    goals = [("help", "≤ 0.3× floor", 0.3), ("check_shipped", "≤ 0.3× floor", 0.3),
             ("check_shipped_cold", "≤ 0.3× floor", 0.3), ("report_mianyang", "≤ 1.15× floor", 1.15),
             ("check_national", "", None), ("check_national_cold", "", None)]
    for key, goal, limit in goals:
        m = results[key]
        lines.append(_row(m, floor, goal, None if limit is None else m.seconds <= limit * floor))
    for scale in scales:
        for suffix in ("", "_cold"):
            m = results[f"rollup_{scale}{suffix}"]
            if scale == 1:
                lines.append(_row(m, floor, "≤ 4× floor, ≤ 400 MB", m.seconds <= 4 * floor and m.peak_mb <= 400))
            else:
                lines.append(_row(m, floor))
    lines.append(_row(results["startup"], floor, "start-up of the roll-up (empty directory)"))
    csv_time = results["rollup_1"].seconds
    extra: list[tuple[str, str, Callable[[Measurement], bool]]] = [
             ("rollup_json", "≤ 2× the csv time", lambda m: m.seconds <= 2 * csv_time),
             ("rollup_ndjson", "≤ 2× the csv time", lambda m: m.seconds <= 2 * csv_time),
             ("draft_mianyang", "≤ 1× floor", lambda m: m.seconds <= floor),
             ("brief_mianyang", "≤ 1× floor", lambda m: m.seconds <= floor),
             ("site_shipped", "≤ 1× floor", lambda m: m.seconds <= floor),
             ("big_check", "≤ 300 MB", lambda m: m.peak_mb <= 300),
             ("big_rollup", "≤ 300 MB", lambda m: m.peak_mb <= 300)]
    for key, goal, met in extra:
        found = results.get(key)
        if found is not None:
            lines.append(_row(found, floor, goal, met(found)))
    lines += ["", "## Scaling (start-up excluded)", "", "| size | warm: s − start-up | × the 1× time | "
              "cold: s − start-up | × the 1× time | goal | |", "|---|---:|---:|---:|---:|---|---|"]
    start = results["startup"].seconds
    for scale in scales:
        cells, verdicts = [], []
        for suffix in ("", "_cold"):
            net = results[f"rollup_{scale}{suffix}"].seconds - start
            base = results[f"rollup_1{suffix}"].seconds - start
            ratio = net / base if base > 0 else float("nan")
            cells += [f"{net:.3f}", f"{ratio:.2f}×"]
            verdicts.append(ratio <= 18)
        goal, verdict = ("≤ 18×", "met" if all(verdicts) else "**missed**") if scale == 16 else ("", "")
        lines.append(f"| {scale}× | {' | '.join(cells)} | {goal} | {verdict} |")
    lines += ["", "## Notes", ""] + [f"* {note}" for note in notes] + [""]
    return "\n".join(lines)


NOTES = [
    "How the roll-up reaches its goal: a plan whose target file is unchanged comes compiled from the cache (its "
    "numbers already resolved, as packed int32 and float64 columns; units and breakdown keys are decoded only when "
    "used: no TOML parsing, no pydantic); an actuals file is read by the C CSV reader and checked a whole column at a "
    "time, and its reading is cached too (each distinct cell stored once); the report is computed on numpy arrays a "
    "batch of 32 plans at a time, finding each key's target, final target, baseline and latest actual by binary "
    "search over codes `key·10000 + year` instead of a Python loop per row; cells are formatted a column at a time "
    "(floats by one `%` operation per column) and written by the standard library's csv.writer, a thousand rows a "
    "write. The result is byte-identical to the reference engine (tests/test_rollup_reference.py: shipped plans, the "
    "synthetic dataset, random plans). The arrays are numpy's, not a pandas DataFrame's: importing pandas alone takes"
    " most of the pandas floor, and its per-operation overhead and string dtype cost more than the work itself at "
    "this size.",
    "Where a warm 1× roll-up spends its time: importing ≈ 0.14 s (numpy ≈ 0.09 s of it), then, of the rest (timers "
    "around each step, the best of ten runs in one process): the engine ≈ 36 %, cell texts ≈ 18 % (half of it "
    "printing floats to four decimals), csv.writer ≈ 18 %, reading the cached actuals ≈ 14 %, loading the compiled "
    "plans ≈ 11 %, summaries ≈ 4 %. Memory is that of one batch (≈ 30 MB above the interpreter and numpy), whatever "
    "the number of plans.",
    "What limits cold runs (goals missed cold): every plan is parsed (TOML, ≈ 4.6 ms for 100 indicators with the "
    "compiled tomli — 3× faster than the standard library's tomllib), validated (pydantic, ≈ 2 ms) and compiled (≈ 6 "
    "ms): about 13 ms of CPU a plan, ≈ 4.5 s for 330 plans before any report is computed. Changed files are therefore"
    " parsed in worker processes, one per core (at most 4; `GAPCALC_JOBS`), which is what the cold rows measure on "
    "this machine's cores. For `check` of the five shipped targets (too few to share out): importing pydantic and "
    "building the model (≈ 50 ms), parsing ≈ 6,000 lines of TOML, checking every quote against its document, and "
    "locating the warnings. After a change, only the changed files pay this.",
    "`--help`, `plans` and `check` import neither pandas nor rich; a warm `check` and a warm roll-up do not import "
    "pydantic either; the roll-up imports numpy, never pandas (tests/test_packaging.py checks each in a subprocess). "
    "`report PLAN YEAR` with CSV output imports numpy (the one engine of every report) and neither pandas nor rich. "
    "A site's pages are written as one set and flushed to the disk by one `syncfs` a filesystem where the system "
    "has it (Linux), not one `fsync` a page.",
    "Time grows linearly with the number of plans, warm and cold (see Scaling).",
    "The command line tunes the process it owns: one BLAS thread (`OPENBLAS_NUM_THREADS`, unless set; gapcalc does "
    "no linear algebra, and numpy's BLAS otherwise starts a thread per core on import) and a collection of the "
    "youngest generation every 100,000 allocations instead of 700 (a roll-up allocates millions of short-lived "
    "strings that reference counting frees; callgrind put the collector at 2.5 % of the run). Files are read with "
    "one buffer the size of the file (a read bounded by the 64 MB limit allocated the bound first), entries are "
    "named by SHA-256 (computed in hardware where the processor has it) and checked by CRC-32.",
    "What the warm roll-up pays since the one-engine rework, and makes up: csv.writer costs ≈ 0.1 s more than the "
    "earlier hand-written joiner (up to Python 3.12 it looks every character up in the line terminator, twice) and "
    "every cache entry's checksum is verified; the rest of the run got faster by more than that (see *Against "
    "another installation* when the benchmark is run with `--versus`). JSON and NDJSON are written from the same "
    "batches, in the memory of one batch, their values encoded a column at a time by the standard library's C "
    "encoder (`json.dumps` of one object per row with `indent` would run its pure-Python encoder).",
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1× and 4× only, 3 runs")
    parser.add_argument("--main-only", action="store_true",
                        help="only the main table and scaling; the other sections of the output are kept as they are")
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 5, 3 with --quick)")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--versus", metavar="PYTHON", default=None,
                        help="also time the roll-up against another gapcalc: a Python that has it installed (for "
                             "example an older checkout's virtual environment), run by run in turn")
    parser.add_argument("--versus-label", default="another installation",
                        help="what the other installation is, as BENCHMARKS.md names it (a commit, a version)")
    parser.add_argument("--versus-runs", type=int, default=15, help="runs of each command with --versus")
    parser.add_argument("--versus-only", action="store_true",
                        help="only the comparison, printed as Markdown (BENCHMARKS.md is not written)")
    parser.add_argument("--cache-churn", action="store_true",
                        help="only the cache after an edit (with --versus: for both), its section of --output "
                             "replaced")
    parser.add_argument("--churn-scales", default="1", help="with --cache-churn: dataset sizes, e.g. 1,10")
    parser.add_argument("--churn-rounds", type=int, default=None,
                        help="rounds of the cache after an edit (default 9 at 1×, 5 above)")
    parser.add_argument("--sql-peer", action="store_true",
                        help="only the warm roll-up against a one-thread SQL engine (needs duckdb); its section "
                             "rewritten")
    parser.add_argument("--peer-scales", default="1", help="with --sql-peer: dataset sizes, e.g. 1,10,30")
    parser.add_argument("--peer-rounds", type=int, default=None, help="with --sql-peer: rounds per size")
    parser.add_argument("--cold-workers", action="store_true",
                        help="only cold roll-ups with one process and with two worker processes, against warm (with "
                             "--versus: for both), their section of --output replaced")
    parser.add_argument("--cold-scales", default="1", help="with --cold-workers: dataset sizes, e.g. 1,10")
    parser.add_argument("--cold-rounds", type=int, default=None,
                        help="rounds of the cold roll-ups (default 7 at 1×, 3 above)")
    args = parser.parse_args(argv)
    others = [(args.versus_label, [args.versus, "-m", "gapcalc"])] if args.versus else []
    if args.cold_workers:
        scales = [int(scale) for scale in args.cold_scales.split(",")]
        section = cold_section([(scale, cold_workers(scale, args.cold_rounds or (7 if scale == 1 else 3), others))
                                for scale in scales])
        print("\n".join(section))
        before = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        args.output.write_text(with_section(before, section), encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
        return
    if args.cache_churn:
        scales = [int(scale) for scale in args.churn_scales.split(",")]
        found = [(scale, churn(scale, args.churn_rounds or (9 if scale == 1 else 5), others, below=scale == 1))
                 for scale in scales]
        section = churn_section(found)
        print("\n".join(section))
        before = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        args.output.write_text(with_section(before, section), encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
        return
    if args.sql_peer:
        scales = [int(scale) for scale in args.peer_scales.split(",")]
        section = peer_section([sql_peer(scale, args.peer_rounds or (7 if scale == 1 else 3)) for scale in scales])
        print("\n".join(section))
        before = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        args.output.write_text(with_section(before, section), encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
        return
    if args.versus_only:
        if not args.versus:
            parser.error("--versus-only needs --versus PYTHON")
        print("\n".join(versus_section(versus_rows(args.versus, args.versus_runs), args.versus_label)))
        return
    runs = args.runs or (3 if args.quick else 5)
    scales = [1, 4] if args.quick else [1, 4, 16]
    python = sys.executable
    gapcalc = [python, "-m", "gapcalc"]
    results: dict[str, Measurement] = {}
    results["floor_pass"] = measure("python -c pass", [python, "-c", "pass"], REPO, runs)
    results["floor_pandas"] = measure('python -c "import pandas, rich, click"',
                                      [python, "-c", "import pandas, rich, click"], REPO, runs)
    results["help"] = measure("gapcalc --help", [*gapcalc, "--help"], REPO, runs)
    check = [*gapcalc, "check", "targets"]
    results["check_shipped"] = measure("gapcalc check targets (shipped, 5 plans), warm", check, REPO, runs)
    results["check_shipped_cold"] = measure("gapcalc check targets (shipped, 5 plans), cold", check, REPO, runs,
                                            cold=True)
    results["report_mianyang"] = measure("gapcalc report mianyang 2019 --format csv",
                                         [*gapcalc, "report", "mianyang", "2019", "--format", "csv"], REPO, runs)
    for scale in scales:
        print(f"generating the {scale}× dataset …", file=sys.stderr)
        generate(scale)
    national = DATA / "national-1x"
    few = max(1, runs // 2)
    results["check_national"] = measure(f"gapcalc check targets ({PLANS} plans), warm", check, national, few)
    results["check_national_cold"] = measure(f"gapcalc check targets ({PLANS} plans), cold", check, national, few,
                                             cold=True)
    rollup = [*gapcalc, "report", "--all", str(REPORT_YEAR), "--format", "csv"]
    for scale in scales:
        root, label = DATA / f"national-{scale}x", f"gapcalc report --all {REPORT_YEAR} --format csv ({scale}×, " \
            f"{PLANS * scale} plans)"
        results[f"rollup_{scale}"] = measure(f"{label}, warm", rollup, root, runs if scale == 1 else few)
        results[f"rollup_{scale}_cold"] = measure(f"{label}, cold", rollup, root, few if scale == 1 else 1,
                                                  cold=True)
    optional_results: dict[str, Measurement | None] = {}
    national_1x = DATA / "national-1x"
    for fmt in ("json", "ndjson"):
        optional_results[f"rollup_{fmt}"] = optional(f"gapcalc report --all {REPORT_YEAR} --format {fmt} (1×), warm",
                                                     [*gapcalc, "report", "--all", str(REPORT_YEAR), "--format",
                                                      fmt], national_1x, few)
    drafts = DATA / "draft" / "targets"
    drafts.mkdir(parents=True, exist_ok=True)
    optional_results["draft_mianyang"] = optional(
        "gapcalc draft docs/sources/mianyang.txt (111 KB)",
        [*gapcalc, "draft", str(REPO / "docs" / "sources" / "mianyang.txt"), "--plan", "bench_draft",
         "--targets-dir", str(drafts), "--force"], REPO, runs)
    outputs = DATA / "outputs"
    outputs.mkdir(parents=True, exist_ok=True)
    optional_results["brief_mianyang"] = optional(
        "gapcalc brief mianyang 2019 -o mianyang.docx (3 charts)",
        [*gapcalc, "brief", "mianyang", "2019", "-o", str(outputs / "mianyang.docx")], REPO, runs)
    optional_results["site_shipped"] = optional(
        "gapcalc site (shipped, 5 plans, zh and en)",
        [*gapcalc, "site", str(outputs / "site"), "--force"], REPO, runs)
    big = big_actuals()
    optional_results["big_check"] = optional(f"gapcalc check actuals/demo.csv ({BIG_ROWS:,} rows)",
                                    [*gapcalc, "check", "actuals/demo.csv", "--plan", "demo"], big, 1, cold=True)
    optional_results["big_rollup"] = optional(f"gapcalc report --all 2019 --format csv ({BIG_ROWS:,} actuals rows)",
                                     [*gapcalc, "report", "--all", "2019", "--format", "csv"], big, 1, cold=True)
    results.update({key: m for key, m in optional_results.items() if m is not None})
    empty = DATA / "empty"
    (empty / "targets").mkdir(parents=True, exist_ok=True)
    results["startup"] = measure("gapcalc report --all (empty targets directory)", rollup, empty, runs)
    report = write_report(results, scales, NOTES)
    if args.main_only:
        before = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        for heading in (CHURN_SECTION, COLD_SECTION, PEER_SECTION):
            kept = section_of(before, heading)
            report = with_section(report, kept) if kept else report
        args.output.write_text(report, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
        return
    report = with_section(report, churn_section([(1, churn(1, runs, others))]))
    report = with_section(report, cold_section([(1, cold_workers(1, runs, others))]))
    report = with_section(report, peer_section([sql_peer(1, runs)]))
    if args.versus:
        rows = versus_rows(args.versus, args.versus_runs)
        report = report.rstrip("\n") + "\n" + "\n".join(versus_section(rows, args.versus_label)) + "\n"
    args.output.write_text(report, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
