"""The cold roll-up: every plan the cache lacks goes to the pool in one submission, and the batches come as their plans
do, the same with worker processes; a report runs only the rules that find errors (warnings are ``check``'s); a
finding's message is formatted when it is read, the same text as when it was made at once; workers collect garbage as
the parent does."""

from __future__ import annotations

import gc
import pickle
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO, load_bench

from gapcalc.cli.main import cli
from gapcalc.errors import Finding, Severity, finding, later, to_plain
from gapcalc.infra.pool import Item, Pool, Result, start_workers
from gapcalc.messages import t
from gapcalc.plan import rules
from gapcalc.plan.load import load_plan_file
from gapcalc.usecases.check import check_paths
from gapcalc.usecases.run import Rollup, iter_batches

SHIPPED = ("chongqing", "jinhua", "mianyang", "sichuan", "zibo")


class Recording(Pool):
    """A pool that works in this process and notes what it is handed (each call) and how many results were taken."""

    def __init__(self) -> None:
        super().__init__(1)
        self.calls: list[list[Any]] = []
        self.taken = 0

    def map(self, function: Callable[[Item], Result], items: Sequence[Item], chunk: int = 0) -> Iterator[Result]:
        self.calls.append(list(items))

        def results() -> Iterator[Result]:
            for item in items:
                self.taken += 1
                yield function(item)

        return results()


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped plans and actuals, a plan with a rule error, a binary file and a folder that cannot be read; a
    cache of its own."""
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(REPO / "targets", tmp_path / "targets")
    shutil.copytree(REPO / "actuals", tmp_path / "actuals")
    demo = (FIXTURES / "demo" / "targets" / "demo.toml").read_text(encoding="utf-8")
    broken = demo.replace('id = "demo"', 'id = "ruled"').replace('direction = "up"\n',
                                                                 'direction = "up"\nsubplan = "nowhere"\n', 1)
    (tmp_path / "targets" / "ruled.toml").write_text(broken, encoding="utf-8")
    (tmp_path / "targets" / "binary.toml").write_bytes(b"\x00\x01")
    (tmp_path / "targets" / "folder.toml").mkdir()
    return tmp_path / "targets"


def rolled_up(targets: Path, pool: Pool | None = None) -> tuple[list[list[str]], Rollup]:
    rollup = Rollup(2022)
    ids = [[plan.id for plan in batch.plans] for batch in iter_batches(targets, rollup, pool, batch_plans=2)]
    return ids, rollup


def test_every_plan_the_cache_lacks_goes_to_the_pool_in_one_submission(workspace: Path) -> None:
    pool = Recording()
    rollup = Rollup(2022)
    batches = iter_batches(workspace, rollup, pool, batch_plans=2)
    first = next(batches)
    assert len(pool.calls) == 1  # all of them at once, before the first batch is given
    assert [Path(job[0]).stem for job in pool.calls[0]] == ["binary", "chongqing", "jinhua", "mianyang", "ruled",
                                                            "sichuan", "zibo"]  # not folder.toml: it cannot be read
    assert [plan.id for plan in first.plans] == ["chongqing"]
    assert pool.taken == 2  # the first batch came before the rest was compiled
    rest = [[plan.id for plan in batch.plans] for batch in batches]
    assert rest == [["jinhua"], ["mianyang"], ["sichuan", "zibo"]]
    assert len(pool.calls) == 1 and pool.taken == 7
    assert [next(name for name in ("binary", "folder", "ruled") if f"{name}.toml" in failure)
            for failure in rollup.failures] == ["binary", "folder", "ruled"]


def test_a_warm_run_hands_over_nothing_and_an_edited_plan_alone(workspace: Path) -> None:
    cold_ids, cold = rolled_up(workspace, Recording())
    warm_pool = Recording()
    warm_ids, warm = rolled_up(workspace, warm_pool)
    assert [Path(job[0]).name for call in warm_pool.calls for job in call] == ["binary.toml", "ruled.toml"]
    assert len(warm_pool.calls) == 1  # only plans that compile are cached: the others are compiled again
    assert (warm_ids, warm.failures, warm.summaries, warm.notes) == (cold_ids, cold.failures, cold.summaries,
                                                                      cold.notes)
    edited = workspace / "zibo.toml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pool = Recording()
    ids, again = rolled_up(workspace, pool)
    assert [Path(job[0]).name for call in pool.calls for job in call] == ["binary.toml", "ruled.toml", "zibo.toml"]
    assert (ids, again.failures, again.summaries, again.notes) == (cold_ids, cold.failures, cold.summaries,
                                                                    cold.notes)


def test_worker_processes_give_the_bytes_this_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = load_bench()
    root = tmp_path / "national"
    for folder in ("targets", "docs", "actuals"):
        (root / folder).mkdir(parents=True)
    for number in range(18):  # enough files for two workers (MIN_FILES_PER_WORKER each)
        bench._plan(number, root)
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("GAPCALC_JOBS", jobs)
        monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / f"cache-{jobs}"))
        result = CliRunner().invoke(cli, ["report", "--all", "2021", "-f", "csv", "--targets-dir",
                                          str(root / "targets")])
        assert result.exit_code == 0, result.output
        outputs.append((result.stdout, result.stderr))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("\n") == 1 + 18 * 100


def counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls of ``gapcalc.plan.rules.<name>``."""
    calls = [0]
    original = getattr(rules, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(rules, name, counted)
    return calls


def test_a_report_does_not_run_the_rules_that_only_warn(workspace: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    moves, marks = (counting(monkeypatch, name) for name in ("_moves_against", "check_marks"))
    rolled_up(workspace)
    assert (moves[0], marks[0]) == (0, 0)
    monkeypatch.setenv("GAPCALC_CACHE_DIR", str(tmp_path / "cache-check"))
    found = check_paths([workspace], workspace).findings
    assert moves[0] > 100 and marks[0] == len(SHIPPED) + 1  # and the plan with a rule error
    assert [f.code for f in found if f.severity is Severity.WARNING and f.code.startswith("GC1")] == ["GC126"]


def test_the_rules_keep_the_severity_asked_for() -> None:
    loaded, _ = load_plan_file(REPO / "targets" / "mianyang.toml")
    assert loaded is not None
    assert rules.check_plan(loaded) == []
    everything = rules.check_plan(loaded, Severity.INFO)
    assert [f.code for f in everything] == ["GC126"]
    assert rules.check_plan(loaded, Severity.WARNING) == everything
    faults = FIXTURES / "faults" / "targets"
    for name, code in (("target_against_direction.toml", "GC126"), ("draft_not_reviewed.toml", "GC130")):
        loaded, _ = load_plan_file(faults / name)
        assert loaded is not None
        assert code in [f.code for f in rules.check_plan(loaded, Severity.INFO)]
        assert code not in [f.code for f in rules.check_plan(loaded)]


def test_rules_make_no_message_they_do_not_give(monkeypatch: pytest.MonkeyPatch) -> None:
    made = counting(monkeypatch, "t")
    loaded, _ = load_plan_file(FIXTURES / "demo" / "targets" / "demo.toml")
    assert loaded is not None
    assert rules.check_plan(loaded, Severity.INFO) == []
    assert made[0] == 0
    loaded, _ = load_plan_file(REPO / "targets" / "mianyang.toml")
    assert loaded is not None
    assert len(rules.check_plan(loaded, Severity.INFO)) == 1
    assert made[0] == 3  # the one finding's: what it shows, its message and its hint


class Field:
    """A message field that counts how often it is formatted."""

    formatted = 0

    def __format__(self, spec: str) -> str:
        Field.formatted += 1
        return format("2020", spec)


def test_a_finding_formats_its_message_when_it_is_read_and_as_t_would() -> None:
    Field.formatted = 0
    template = "{id} {year}: the target moves against direction = \"{direction}\" ({shown})"
    shown = ("{value} against the baseline {baseline} ({year})", {"value": 351, "baseline": 516, "year": 2017})
    hint = ("check the number, the sign and change; if the plan allows the move, use comparator \"<=\" (a cap) or "
            "\">=\" (a floor)")
    year = Field()
    lazy = finding("GC126", later(template, id="x", year=year, direction="up", shown=later(shown[0], **shown[1])),
                   "plan.toml", 3, 5, later(hint), "indicators[0]")
    assert Field.formatted == 0
    eager = finding("GC126", t(template, id="x", year=year, direction="up", shown=t(shown[0], **shown[1])),
                    "plan.toml", 3, 5, t(hint), "indicators[0]")
    assert Field.formatted == 1
    assert lazy.message == eager.message == ('x 2020: the target moves against direction = "up" (351 against the '
                                             'baseline 516 (2017))')
    assert Field.formatted == 2
    assert lazy.as_text() == eager.as_text() and Field.formatted == 2  # formatted once, then kept
    assert lazy.in_lang("zh").as_text() == eager.in_lang("zh").as_text()
    assert "目标" in lazy.in_lang("zh").message
    assert lazy == eager and lazy.as_dict() == eager.as_dict()
    assert to_plain(lazy.message) == to_plain(eager.message)
    again = pickle.loads(pickle.dumps(finding("GC126", later(template, id="y", year=2021, direction="down",
                                                             shown="z"), "f.toml")))
    assert isinstance(again, Finding) and again.message == 'y 2021: the target moves against direction = "down" (z)'
    assert Finding("GC126", "m", "f").hint == ""


def test_workers_collect_garbage_as_the_parent_does() -> None:
    chosen = gc.get_threshold()
    gc.set_threshold(12345, 11, 12)
    try:
        executor = start_workers(1)
        try:
            assert executor.submit(gc.get_threshold).result(timeout=120) == (12345, 11, 12)
        finally:
            executor.shutdown()
    finally:
        gc.set_threshold(*chosen)
