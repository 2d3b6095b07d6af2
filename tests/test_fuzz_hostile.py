"""Fuzzing of the CSV reader (every physical line accounted for) and of the cache (corruption never gives a wrong
result nor an exception).

A few hundred cases each by default; ``GAPCALC_FUZZ=N`` runs N cases each:
``GAPCALC_FUZZ=10000 python -m pytest tests/test_fuzz_hostile.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcalc.actuals.fast import read_plan_actuals
from gapcalc.actuals.parse import ActualsFile, parse_actuals
from gapcalc.errors import Finding, GapcalcError
from gapcalc.infra.cache import Cache
from gapcalc.infra.textio import decode
from gapcalc.usecases.open import load_compiled

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = FIXTURES / "demo"
DEMO_FACTS = load_compiled(DEMO / "targets" / "demo.toml", Cache("plans", None)).facts

_requested = os.environ.get("GAPCALC_FUZZ", "")
CASES = (10_000 if _requested in ("1", "true", "yes") else int(_requested)) if _requested else 300
FUZZ = settings(max_examples=CASES, deadline=None, derandomize=not _requested, suppress_health_check=list(HealthCheck))
HEADER_FAULTS = {"GC300", "GC301", "GC315"}
"""Findings that reject the whole file at its header (no row is read)."""


def physical_lines(text: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", text)) + (1 if text and text[-1] not in "\r\n" else 0)


def assert_every_line_accounted_for(text: str, result: ActualsFile) -> None:
    """Every data row is used, a missing value, or reported at its own row; the rows tile the file's lines."""
    assert all(isinstance(f, Finding) for f in result.findings)
    counts = result.accounting
    assert counts.read == counts.used + counts.missing + sum(counts.reported.values())
    lines = result.lines
    assert lines is not None
    total = physical_lines(text)
    assert all(0 <= f.line <= max(total, 1) for f in result.findings)
    if any(f.code in HEADER_FAULTS or (f.code == "GC314" and f.line == 1) for f in result.findings):
        assert counts.used == 0 and not result.values
        return
    assert lines.physical == total
    assert lines.header + lines.blank + lines.in_rows == total
    rows = {v.row for v in result.values} | {f.line for f in result.findings if f.line > 1}
    assert len(rows) == counts.read


CELLS = st.sampled_from(["nc_rate_key_processes", "enterprises_on_cloud", "green_factories", "national", "2019",
                         "2018", "2030", "44", "44.5", "1,234", "２６．５％", "61.5①", "⑩", "40²", "—", "", " ", '"',
                         '""', '"a,b"', '"x\ny"', "demo", "zibo", "1e400", "9" * 60, "\t", ";", "\x00", "\x07",
                         "长虹（集团）", "注1", "*"])
SEPARATORS = st.sampled_from([",", ",", ",", ";", "\t", '"', ",\"", "\"\n"])
ENDINGS = st.sampled_from(["\n", "\n", "\r\n", "\r", "\n\n", ""])


HEADERS = ["indicator,year,value,breakdown,source,note", "indicator,year,value", "indicator,year,value,plan",
           "indicator;year;value", "indicator\tyear\tvalue", "indicator,year,value,value", '"indicator,year,value', "",
           "\ufeffindicator,year,value"]
PIECES = [*',;\t"\n\r 0123456789.%-—①²a,é长', "2019", "44", "nc_rate_key_processes"]


@st.composite
def csv_like(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from(HEADERS))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        cells = draw(st.lists(CELLS, min_size=0, max_size=7))
        separator = draw(SEPARATORS)
        rows.append(separator.join(cells) + draw(ENDINGS))
    return header + draw(ENDINGS) + "".join(rows)


@FUZZ
@given(csv_like())
def test_csv_like_text_every_line_is_accounted_for(text: str) -> None:
    assert_every_line_accounted_for(text, parse_actuals(text, "fuzz.csv", DEMO_FACTS))


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=150))
def test_random_csv_text_every_line_is_accounted_for(pieces: list[str]) -> None:
    text = "indicator,year,value,note\n" + "".join(pieces)
    assert_every_line_accounted_for(text, parse_actuals(text, "fuzz.csv", DEMO_FACTS))


@FUZZ
@given(st.binary(max_size=500))
def test_random_bytes_as_actuals(data: bytes) -> None:
    try:
        text, _ = decode(data, Path("fuzz.csv"))
    except GapcalcError:
        return
    assert_every_line_accounted_for(text, parse_actuals(text, "fuzz.csv", DEMO_FACTS))


# -- the cache ---------------------------------------------------------------------------------------------------------
def _populated_cache() -> tuple[Path, dict[Path, Any]]:
    """A cache filled by a roll-up and a check of the demo workspace, and the value of every entry."""
    from click.testing import CliRunner

    from gapcalc.cli.main import cli

    root = Path(tempfile.mkdtemp(prefix="gapcalc-fuzz-cache-"))
    previous, cwd = os.environ.get("GAPCALC_CACHE_DIR"), Path.cwd()
    os.environ["GAPCALC_CACHE_DIR"] = str(root)
    try:
        os.chdir(DEMO)
        runner = CliRunner()
        runner.invoke(cli, ["report", "--all", "2019", "-f", "csv"])
        runner.invoke(cli, ["check", "targets"])
    finally:
        os.chdir(cwd)
        if previous is None:
            del os.environ["GAPCALC_CACHE_DIR"]
        else:
            os.environ["GAPCALC_CACHE_DIR"] = previous
    values = {}
    for entry in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"):
        values[entry] = Cache(entry.parent.parent.name, root).get(entry.name)
        assert values[entry] is not None
    return root, values


CACHE_ROOT, ENTRY_VALUES = _populated_cache()
ENTRIES = sorted(ENTRY_VALUES)
ORIGINAL_BYTES = {entry: entry.read_bytes() for entry in ENTRIES}


@st.composite
def corruption(draw: st.DrawFn) -> tuple[Path, bytes]:
    """An entry and new bytes for it: a flipped bit, a cut, appended or overwritten bytes, another entry's bytes."""
    entry = draw(st.sampled_from(ENTRIES))
    data = bytearray(ORIGINAL_BYTES[entry])
    how = draw(st.sampled_from(["flip", "truncate", "append", "overwrite", "random", "swap"]))
    if how == "flip":
        position = draw(st.integers(0, len(data) - 1))
        data[position] ^= 1 << draw(st.integers(0, 7))
    elif how == "truncate":
        del data[draw(st.integers(0, len(data) - 1)):]
    elif how == "append":
        data += draw(st.binary(min_size=1, max_size=64))
    elif how == "overwrite":
        position = draw(st.integers(0, len(data) - 1))
        patch = draw(st.binary(min_size=1, max_size=32))
        data[position:position + len(patch)] = patch
    elif how == "random":
        data = bytearray(draw(st.binary(max_size=400)))
    else:
        data = bytearray(ORIGINAL_BYTES[draw(st.sampled_from(ENTRIES))])
    return entry, bytes(data)


@FUZZ
@given(corruption())
def test_a_corrupt_cache_entry_is_never_a_wrong_value(damage: tuple[Path, bytes]) -> None:
    entry, data = damage
    try:
        entry.write_bytes(data)
        store = Cache(entry.parent.parent.name, CACHE_ROOT)
        value = store.get(entry.name)
        assert value is None or (value == ENTRY_VALUES[entry] and data == ORIGINAL_BYTES[entry])
    finally:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(ORIGINAL_BYTES[entry])


COMPILED = load_compiled(DEMO / "targets" / "demo.toml", Cache("plans", None))
FRESH = read_plan_actuals(COMPILED, DEMO / "actuals" / "demo.csv", None)


@FUZZ
@given(st.binary(max_size=200), st.integers(0, 10_000))
def test_a_corrupt_actuals_reading_is_read_again(garbage: bytes, position: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Cache("actuals", Path(tmp))
        assert read_plan_actuals(COMPILED, DEMO / "actuals" / "demo.csv", store).as_data() == FRESH.as_data()
        (entry,) = [p for p in Path(tmp).rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]
        data = entry.read_bytes()
        cut = position % (len(data) + 1)
        entry.write_bytes(data[:cut] + garbage + data[cut + len(garbage):])
        again = Cache("actuals", Path(tmp))
        assert read_plan_actuals(COMPILED, DEMO / "actuals" / "demo.csv", again).as_data() == FRESH.as_data()


@pytest.fixture(scope="module", autouse=True)
def _remove_populated_cache() -> Any:
    yield
    shutil.rmtree(CACHE_ROOT, ignore_errors=True)
