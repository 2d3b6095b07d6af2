"""``gapcalc draft`` of a long document: a progress bar on a terminal (PDF pages, blocks of lines), none in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from gapcalc.draft.read import read_bytes
from gapcalc.draft.recognise import LINES_PER_STEP, extract

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "draft"
FILLER = "本行为说明文字，不含目标。\n"
EXPECTED = """\
wrote targets/henan.toml (14 indicators, 15 numbers) and docs/sources/henan.txt
check: 0 errors, 0 warnings
review (6):
  targets/henan.toml:6: write the English title
  targets/henan.toml:10: no document number found; give a short identification
  targets/henan.toml:13: no year in the sentence of 15 statements; 2025 is taken from an earlier sentence or the \
plan's end: mfg_services_value_added_share, mfg_share_gdp, industrial_value_added, mfg_value_added, \
above_scale_enterprises, value_added_above_scale_industrial_share, high_tech_mfg_share, mfg_clusters, \
industrial_chains, rnd_intensity, national_innovation_platforms, high_tech_enterprises, \
industrial_enterprises_rnd_coverage, mfg_quality
  targets/henan.toml:18: name_en is a keyword guess; write the English name (and 8 more: lines 44, 57, 83, 109, 132, \
158, 184, 197)
  targets/henan.toml:113: breakdown keys are the Chinese labels; give ascii keys
  targets/henan.toml:205: no unit printed; index or ratio assumed
"""


class Recorder:
    """A progress that records what it is told."""

    def __init__(self) -> None:
        self.expected = 0
        self.done = 0

    def expect(self, count: int) -> None:
        self.expected += count

    def advance(self) -> None:
        self.done += 1


@pytest.fixture()
def long_document(tmp_path: Path) -> Path:
    """The Henan excerpt followed by 4,200 lines that state no target: 9 blocks of 500 lines."""
    (tmp_path / "targets").mkdir()
    path = tmp_path / "henan.txt"
    path.write_text((FIXTURES / "henan.txt").read_text(encoding="utf-8") + FILLER * 4200, encoding="utf-8")
    return path


def test_extraction_tells_a_step_per_block_of_lines(long_document: Path) -> None:
    doc = read_bytes(long_document.read_bytes(), long_document.name)
    progress = Recorder()
    extraction = extract(doc, progress)
    lines = len(doc.text.splitlines())
    assert (progress.expected, progress.done) == (-(-lines // LINES_PER_STEP),) * 2 == (9, 9)
    assert extraction == extract(doc)  # the same reading with or without a bar


def test_a_pdf_tells_each_page() -> None:
    progress = Recorder()
    read_bytes((FIXTURES / "inputs" / "plan.pdf").read_bytes(), "plan.pdf", progress)
    import pdfplumber

    with pdfplumber.open(FIXTURES / "inputs" / "plan.pdf") as pdf:
        pages = len(pdf.pages)
    assert (progress.expected, progress.done) == (pages, pages)


def _environment(tmp_path: Path) -> dict[str, str]:
    environment = {**os.environ, "GAPCALC_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm", "COLUMNS": "100"}
    for name in ("CI", "GAPCALC_PROGRESS", "GAPCALC_QUIET", "GAPCALC_LANG"):
        environment.pop(name, None)
    return environment


def test_the_bar_shows_on_a_terminal(long_document: Path, tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "gapcalc", "draft", long_document.name],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=terminal, env=_environment(tmp_path),
                              check=False, text=True)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert done.returncode == 0
    assert done.stdout == EXPECTED
    text = shown.decode("utf-8", errors="replace")
    assert "reading the document" in text and "━" in text and "/9" in text


def test_no_bar_in_a_pipe(long_document: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "gapcalc", "draft", long_document.name], cwd=tmp_path,
                          capture_output=True, text=True, env=_environment(tmp_path), check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, EXPECTED, "")
