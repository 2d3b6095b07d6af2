"""How long ``gapcalc draft-actuals`` takes to read a 50-page communiqué, as a whole process, against the pandas floor.

    python bench/draft_actuals_pages.py               # 50 pages, 7 turns: the floor, then draft-actuals
    python bench/draft_actuals_pages.py --pages 100   # a longer text
    python bench/draft_actuals_pages.py --keep c.txt  # also write the generated text to c.txt (for profiling)

The goal: reading a 50-page communiqué takes no longer than the pandas floor (``python -c "import pandas, rich,
click"``), the floor every benchmark of bench/run.py is measured against.

The text is built from the real published texts of tests/fixtures/draft_actuals/real/ (their paragraphs, not their
tables, headlines or source lines): paragraphs drawn at random (seeded: the same text every run) under the head of a
city's 2023 communiqué, every number but the years, months and days varied by up to a quarter, the names of the
indicators the texts speak of swapped for one another, and a chapter heading (一、…) every page, until the text holds
``pages`` × 1,800 Chinese characters. It is written to a temporary directory, never committed, with a copy of
targets/chongqing.toml, and ``python -m gapcalc draft-actuals chongqing FILE --targets-dir …`` is run there (the
drafted rows go to stdout, discarded; the document's text is saved in that directory's actuals/sources), with a
cache directory of its own; so is the same command on the communiqué's head and first paragraph alone, the start-up
every reading pays (imports, the plan) whatever the length of the text. Each command is run once to warm up (file
cache, .pyc, the compiled plan in the cache), then the three are run in turn ``runs`` times (so that a shared
machine's drift weighs on all alike); the median wall time of each is reported (time.perf_counter around the
subprocess, peak resident set by os.wait4), with the ratio of the medians to the floor's and the median of the
ratios of each turn.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "tests" / "fixtures" / "draft_actuals" / "real"
CHARACTERS_PER_PAGE = 1_800
HEAD = ("# source: 重庆市2023年国民经济和社会发展统计公报, 重庆市统计局, 2024-03-20\n"
        "重庆市2023年国民经济和社会发展统计公报\n")
CHAPTERS = ("综合", "农业", "工业和建筑业", "固定资产投资", "国内贸易", "对外经济", "交通、邮电和旅游", "金融",
            "科学技术和教育", "文化、卫生和体育", "人口、居民生活和社会保障", "资源、环境和安全生产")
NUMERALS = "一二三四五六七八九十"
SWAPS = (("智能工厂", "数字化车间", "绿色工厂", "绿色园区", "工业设计中心", "企业技术中心"),
         ("高新技术企业", "科技型企业", "专精特新企业", "上市企业", "规上工业企业"),
         ("两化融合发展水平", "关键工序数控化率", "数字化研发设计工具普及率"),
         ("工业互联网平台", "公共服务平台", "创新平台"))
"""Names of indicators that stand in the same places of a sentence: one is swapped for another of its group."""
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])(\s*[年月日号])?")
_SWAP = re.compile("|".join(sorted((name for group in SWAPS for name in group), key=len, reverse=True)))
_GROUP = {name: group for group in SWAPS for name in group}


def paragraphs() -> list[str]:
    """The paragraphs of the real texts: lines of 40 characters or more that are no source line and no table cell."""
    found = []
    for path in sorted(REAL.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 40 and not line.startswith("#") and "|" not in line and "\t" not in line:
                found.append(line)
    return found


def _vary(paragraph: str, rng: random.Random) -> str:
    def number(found: re.Match[str]) -> str:
        if found.group(2):  # a year, a month or a day
            return found.group()
        printed = found.group(1)
        decimals = len(printed.split(".")[1]) if "." in printed else 0
        value = float(printed) * rng.uniform(0.75, 1.25)
        return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))

    varied = _NUMBER.sub(number, paragraph)
    return _SWAP.sub(lambda found: rng.choice(_GROUP[found.group()]), varied)


def communique(pages: int, seed: int = 2023) -> str:
    """A communiqué of ``pages`` × 1,800 Chinese characters built from the real texts (see the module docstring)."""
    rng = random.Random(seed)
    sources = paragraphs()
    lines = [HEAD.rstrip("\n")]
    characters, chapter = 0, 0
    while characters < pages * CHARACTERS_PER_PAGE:
        if characters >= chapter * CHARACTERS_PER_PAGE:
            number = NUMERALS[chapter % 10] if chapter < 10 else "十" + NUMERALS[chapter % 10 - 1]
            lines.append(f"{number}、{CHAPTERS[chapter % len(CHAPTERS)]}")
            chapter += 1
        paragraph = _vary(rng.choice(sources), rng)
        lines.append(paragraph)
        characters += len(_CHINESE.findall(paragraph))
    return "\n".join(lines) + "\n"


def run_once(command: list[str], cwd: Path, environment: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident set (MB) of one run; its output is discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss / 1024


def in_turn(commands: list[list[str]], cwd: Path, environment: dict[str, str],
            runs: int) -> list[list[tuple[float, float]]]:
    """Each command run once to warm up, then all of them in turn ``runs`` times: the samples of each, by turn."""
    for command in commands:
        run_once(command, cwd, environment)
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for turn in range(runs):
        for index, command in enumerate(commands):
            samples[index].append(run_once(command, cwd, environment))
        print(f"turn {turn + 1}/{runs}: " + ", ".join(f"{s[-1][0]:.3f} s" for s in samples), file=sys.stderr)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50, help="pages of 1,800 Chinese characters (default 50)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command after a warm-up (default 7)")
    parser.add_argument("--keep", type=Path, default=None, help="also write the generated text to this file")
    args = parser.parse_args(argv)
    text = communique(args.pages)
    if args.keep is not None:
        args.keep.write_text(text, encoding="utf-8")
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="gapcalc-bench-draft-actuals-") as folder:
        work = Path(folder)
        (work / "targets").mkdir()
        shutil.copy(REPO / "targets" / "chongqing.toml", work / "targets" / "chongqing.toml")
        document = work / f"communique_{args.pages}_pages.txt"
        document.write_text(text, encoding="utf-8")
        head = work / "communique_head.txt"
        head.write_text("\n".join(text.split("\n")[:4]) + "\n", encoding="utf-8")
        draft = [python, "-m", "gapcalc", "draft-actuals", "chongqing"]
        environment = {**os.environ, "GAPCALC_CACHE_DIR": str(work / "cache")}
        environment.pop("GAPCALC_NO_CACHE", None)
        environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules load from their .pyc files
        floor_samples, samples, start_samples = in_turn(
            [[python, "-c", "import pandas, rich, click"],
             [*draft, str(document), "--targets-dir", str(work / "targets")],
             [*draft, str(head), "--targets-dir", str(work / "targets")]], work, environment, args.runs)
    label = (f"gapcalc draft-actuals chongqing ({args.pages} pages, {len(text):,} characters, "
             f"{len(_CHINESE.findall(text)):,} Chinese)")
    floor, floor_mb = statistics.median(s for s, _ in floor_samples), max(m for _, m in floor_samples)
    seconds, peak = statistics.median(s for s, _ in samples), max(m for _, m in samples)
    start, start_mb = statistics.median(s for s, _ in start_samples), max(m for _, m in start_samples)
    ratio = seconds / floor
    paired = statistics.median(s / f for (s, _), (f, _) in zip(samples, floor_samples, strict=True))
    print("| command | median s | × pandas floor | paired × floor | peak MB | runs | goal | |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    print(f'| python -c "import pandas, rich, click" | {floor:.3f} | 1.00× | | {floor_mb:.0f} | {args.runs} |  |  |')
    print(f"| {label} | {seconds:.3f} | {ratio:.2f}× | {paired:.2f}× | {peak:.0f} | {args.runs} | ≤ 1× floor | "
          f"{'met' if ratio <= 1 else '**missed**'} |")
    start_paired = statistics.median(s / f for (s, _), (f, _) in zip(start_samples, floor_samples, strict=True))
    print(f"| gapcalc draft-actuals chongqing (its head and first paragraph: start-up) | {start:.3f} | "
          f"{start / floor:.2f}× | {start_paired:.2f}× | {start_mb:.0f} | {args.runs} |  |  |")
    reading = seconds - start
    print(f"\nReading the {args.pages} pages beyond start-up: {reading:.3f} s ({reading / floor:.2f}× the floor).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
