"""The hostile inputs of ``tests/test_hostile_draft.py`` and ``tests/test_hostile_writes.py`` at 10× their size, run
through the real command line: every one must be processed in under 5 s and 300 MiB, or refused with a clear message.

    python bench/hostile_sizes.py                  # every input, a Markdown table on stdout (about a minute)
    python bench/hostile_sizes.py --only pdf       # the inputs whose name contains "pdf"

Each input is built in a temporary directory with the generators of ``tests/test_hostile_draft.py`` (imported from
it): Word tables nested 220 deep; a PDF page whose content inflates to 1,000 MiB; a PDF whose page hangs 50,000
page-tree nodes deep; a .docx whose zip directory declares word/document.xml at 15 GiB, and one whose part really
inflates to 2,100 MiB; HTML with colspan/rowspan 10,000 in a 2 MB page; a text of 200,000 target sentences; and
700 MiB streamed through a pipe to ``gapcalc check -``, ``gapcalc report demo 2019 --actuals -`` and
``gapcalc draft -`` (the bound of standard input is 64 MiB). Rows without a size at 1× are inputs made for the bounds
of :mod:`gapcalc.draft.bounds`, built once: the slowest text, HTML page and Word document just within them, and an
HTML page and a Word part of millions of paragraphs within the file and part bounds.

Each is run as ``python -m gapcalc …`` in a temporary workspace (a copy of ``tests/fixtures/demo``), timed with
``time.perf_counter`` and measured with ``os.wait4`` (the child's peak resident set), with no compiled plans cached.
A row passes when the run took under 5 s and 300 MiB and either succeeded (exit 0) or was refused with exit 2 and a
``gapcalc: error:`` message; a run is killed after 60 s (and its address space capped at 8 GiB, so that a regression
cannot take the machine down). The exit status is the number of rows that failed.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
import test_hostile_draft as hostile  # noqa: E402  (the generators of the tests, reused as they are)

from gapcalc.draft import bounds  # noqa: E402

DEMO = REPO / "tests" / "fixtures" / "demo"
SECONDS, MEBIBYTES = 5.0, 300.0
"""The acceptance bounds of a run."""
TIMEOUT = 60.0
ADDRESS_SPACE = 8 * 2**30
MiB = 2**20
ENVIRONMENT = ("GAPCALC_TARGETS", "GAPCALC_ACTUALS", "GAPCALC_FORMAT", "GAPCALC_LANG", "GITHUB_ACTIONS", "LC_ALL",
               "LC_MESSAGES", "LANG", "NO_COLOR", "FORCE_COLOR")


# -- the inputs -------------------------------------------------------------------------------------------------------
def nested_word_tables(scale: int) -> tuple[bytes, str]:
    depth = 22 * scale
    return hostile._docx(hostile._p(hostile.TITLE) + hostile._nested_tables(depth)), f"tables {depth} deep"


def pdf_page_inflating(scale: int) -> tuple[bytes, str]:
    mebibytes = 100 * scale
    zeros = hostile._stream(b"", inflated_from=(b"\0" * MiB for _ in range(mebibytes)))
    document = hostile._with_pages((zeros, b"<< >>"), hostile._text_page("page three"))
    return document, f"page inflating to {mebibytes:,} MiB"


def pdf_deep_page_tree(scale: int) -> tuple[bytes, str]:
    depth = 5_000 * scale
    return hostile._deep_page_tree(depth), f"page tree {depth:,} deep"


def docx_declared_huge(scale: int) -> tuple[bytes, str]:
    """A small Word package whose zip directory says word/document.xml inflates to 1.5 GiB × ``scale`` (forged)."""
    declared = 1536 * MiB * scale
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", hostile.CONTENT_TYPES)
        package.writestr("_rels/.rels", hostile.RELATIONSHIPS)
        package.writestr("word/document.xml", f'<w:document xmlns:w="{hostile.W}"><w:body>'
                                              f"{hostile._p(hostile.TARGET)}</w:body></w:document>")
        package.getinfo("word/document.xml").file_size = declared  # the central directory is written on closing
    return buffer.getvalue(), f"document.xml declared {declared / 2**30:.1f} GiB"


def docx_part_inflating(scale: int) -> tuple[bytes, str]:
    """A Word package whose word/document.xml really inflates to 210 MiB × ``scale`` (a zip bomb)."""
    mebibytes = 210 * scale

    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><w:document xmlns:w="{hostile.W}"><w:body><w:p><w:r><w:t>'.encode()
        block = b" " * MiB
        for _ in range(mebibytes):
            yield block
        yield b"</w:t></w:r></w:p></w:body></w:document>"

    return hostile._docx(chunks()), f"document.xml inflating to {mebibytes:,} MiB"


def html_spans(scale: int) -> tuple[bytes, str]:
    span = 1000 * scale
    cell = f'<td colspan="{span}" rowspan="{span}">1</td>'
    return hostile._page("<table>" + ("<tr>" + cell * 100 + "</tr>") * (50 * scale) + "</table>"), f"spans {span:,}"


def text_statements(scale: int) -> tuple[bytes, str]:
    count = 20_000 * scale
    return hostile._statements(count).encode("utf-8"), f"{count:,} target sentences"


def text_within_the_bounds(_scale: int) -> tuple[bytes, str]:
    """The slowest text ``draft`` reads rather than refuses: just under each bound of :mod:`gapcalc.draft.bounds` —
    characters, numbers (in lines that state no target) and targets, the targets last (``gapcalc check`` looks every
    quote up from the start of the text), in a filler made of the quotes' own characters."""
    head, body = hostile._statements(bounds.MAX_STATEMENTS).split("\n一、主要目标\n")
    head += "\n一、主要目标\n"
    numbered = "建设第1项工作和第2项工作\n" * ((bounds.MAX_NUMBERS - len(bounds.NUMBER.findall(head + body)) - 10) // 2)
    plain = "规模以上工业增加值第项达到元" * 6 + "\n"
    text = head + numbered + plain * ((bounds.MAX_TEXT_CHARS - len(head + numbered + body) - 100) // len(plain)) + body
    return text.encode("utf-8"), (f"{len(text):,} characters, {len(bounds.NUMBER.findall(text)):,} numbers, "
                                  f"{bounds.MAX_STATEMENTS:,} targets last")


def html_paragraphs(_scale: int) -> tuple[bytes, str]:
    """An HTML page just under the 64 MiB file bound, of empty-looking paragraphs (a tree of millions of elements)."""
    count = 60 * MiB // len("<p>x</p>")
    return hostile._page("<p>x</p>" * count), f"{count:,} paragraphs"


def html_within_the_bounds(_scale: int) -> tuple[bytes, str]:
    """An HTML page just under the bounds on elements and lines."""
    elements = bounds.MAX_HTML_ELEMENTS - 1_000
    lines = bounds.MAX_LINES - 1_000
    spans = elements - lines
    body = "<p><span>推进</span><span>发展</span></p>" * (spans // 2) + "<p>x</p>" * (lines - spans // 2)
    return hostile._page(body), f"{elements:,} elements, {lines:,} lines"


def _word_body(paragraph: bytes, count: int) -> bytes:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><w:document xmlns:w="{hostile.W}"><w:body>'.encode()
        yield (hostile._p(hostile.TITLE) + hostile._p(hostile.TARGET)).encode()
        block = paragraph * 1000
        for _ in range(count // 1000):
            yield block
        yield b"</w:body></w:document>"

    return hostile._docx(chunks())


def docx_paragraphs(_scale: int) -> tuple[bytes, str]:
    """A Word document whose document.xml, just under the 200 MiB part bound, holds millions of paragraphs."""
    paragraph = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    count = 190 * MiB // len(paragraph) // 1000 * 1000
    return _word_body(paragraph, count), f"{count:,} paragraphs in document.xml"


def word_within_the_bounds(_scale: int) -> tuple[bytes, str]:
    """A Word document just under the bounds on elements and lines: paragraphs of 11 elements."""
    paragraph = b"<w:p><w:pPr><w:jc/></w:pPr>" + b"<w:r><w:rPr><w:sz/></w:rPr><w:t>x</w:t></w:r>" * 2 + b"</w:p>"
    count = (bounds.MAX_WORD_ELEMENTS - 1_000) // 11 // 1000 * 1000
    return _word_body(paragraph, count), f"{count * 11:,} elements, {count:,} lines"


def stdin_stream(scale: int) -> tuple[int, str]:
    size = 70 * MiB * scale
    return size, f"{size // MiB:,} MiB on stdin"


@dataclass(frozen=True)
class Case:
    """An input and how it is given: a file (``suffix``) to ``gapcalc draft``, or a stream to ``command``'s stdin."""

    name: str
    build: Callable[[int], tuple[bytes, str]] | Callable[[int], tuple[int, str]]
    suffix: str = ""
    command: tuple[str, ...] = ()
    stream: bytes = b""
    """The line repeated on standard input (for a stream)."""
    scaled: bool = True
    """Whether the input is built at 1× and 10× (else once, as it is)."""


DRAFT = ("draft", "{file}", "--plan", "p", "--targets-dir", "T")
"""``gapcalc draft`` on the document, run in the workspace (``{file}``: its name there)."""
CSV_LINE = b"gdp,2019,1234.5,\n"
CASES = (
    Case("draft: Word tables nested", nested_word_tables, ".docx"),
    Case("draft: PDF page inflating", pdf_page_inflating, ".pdf"),
    Case("draft: PDF page tree nested", pdf_deep_page_tree, ".pdf"),
    Case("draft: docx part declared huge", docx_declared_huge, ".docx"),
    Case("draft: docx part inflating", docx_part_inflating, ".docx"),
    Case("draft: HTML spans", html_spans, ".html"),
    Case("draft: text of target sentences", text_statements, ".txt"),
    Case("draft: text just within every bound", text_within_the_bounds, ".txt", scaled=False),
    Case("draft: HTML page of paragraphs", html_paragraphs, ".html", scaled=False),
    Case("draft: HTML page just within the bounds", html_within_the_bounds, ".html", scaled=False),
    Case("draft: docx part of paragraphs", docx_paragraphs, ".docx", scaled=False),
    Case("draft: docx just within the bounds", word_within_the_bounds, ".docx", scaled=False),
    Case("check - (stdin)", stdin_stream, command=("check", "-"), stream=CSV_LINE),
    Case("report --actuals - (stdin)", stdin_stream, command=("report", "demo", "2019", "--actuals", "-"),
         stream=CSV_LINE),
    Case("draft - (stdin)", stdin_stream, command=("draft", "-", "--plan", "p", "--targets-dir", "T"),
         stream=hostile.TARGET.encode() + b"\n"),
)


# -- running ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """How a run of gapcalc ended: exit code, wall time, peak resident set, what it said on stderr."""

    code: int
    seconds: float
    mebibytes: float
    stderr: str

    @property
    def passed(self) -> bool:
        refused = self.code == 2 and "gapcalc: error:" in self.stderr
        return self.seconds < SECONDS and self.mebibytes < MEBIBYTES and (self.code == 0 or refused)


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _feed(pipe: io.BufferedWriter, line: bytes, size: int) -> None:
    """Write ``size`` bytes of ``line`` repeated to ``pipe``, generated as it goes; stop when the reader has gone."""
    block = line * (MiB // len(line))
    try:
        written = 0
        while written < size:
            pipe.write(block)
            written += len(block)
    except (BrokenPipeError, ValueError):
        pass
    finally:
        try:
            pipe.close()
        except BrokenPipeError:
            pass


def run(arguments: list[str], workspace: Path, stream: tuple[bytes, int] | None = None) -> Run:
    """``python -m gapcalc ARGUMENTS`` in ``workspace``: its exit code, wall time, peak RSS and stderr."""
    environment = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    environment.update(GAPCALC_CACHE_DIR=str(workspace / ".cache"), LC_ALL="C.UTF-8")
    out, err = workspace / "stdout.txt", workspace / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "gapcalc", *arguments], cwd=workspace, env=environment,
                                   stdin=subprocess.PIPE if stream else subprocess.DEVNULL, stdout=stdout,
                                   stderr=stderr, preexec_fn=_limit)
        feeder = None
        if stream:
            assert process.stdin is not None
            feeder = threading.Thread(target=_feed, args=(process.stdin, *stream), daemon=True)
            feeder.start()
        killer = threading.Timer(TIMEOUT, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        if feeder:
            feeder.join()
    return Run(process.returncode, seconds, usage.ru_maxrss / 1024, err.read_text(encoding="utf-8", errors="replace"))


def _size(size: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", MiB), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:,.1f} {unit}"
    return f"{size} B"


def _cell(text: str, width: int = 150) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[:width - 1] + "…"


def measure(case: Case, folder: Path) -> list[str]:
    """The table row of ``case`` at 10× (its size at 1× for comparison)."""
    workspace = folder / "workspace"
    shutil.copytree(DEMO, workspace)
    (workspace / "T").mkdir()
    sizes = ["—"] if not case.scaled else []
    stream: tuple[bytes, int] | None = None
    arguments = list(case.command)
    for scale in (1, 10) if case.scaled else (10,):
        built, what = case.build(scale)
        if isinstance(built, int):
            sizes.append(what)
            stream = (case.stream, built)
        else:
            sizes.append(f"{what} ({_size(len(built))})")
            document = workspace / f"plan{case.suffix}"
            document.write_bytes(built)
            arguments = [document.name if a == "{file}" else a for a in DRAFT]
    result = run(arguments, workspace, stream)
    lines = result.stderr.strip().splitlines()
    return [case.name, *sizes, str(result.code), f"{result.seconds:.2f}", f"{result.mebibytes:.0f}",
            _cell(lines[0] if lines else ""), "PASS" if result.passed else "FAIL"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--only", default="", help="run the inputs whose name contains this text")
    options = parser.parse_args(argv)
    header = ["input", "size at 1×", "size at 10×", "exit", "seconds", "peak MiB", "stderr (first line)", "result"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    failed = 0
    for case in CASES:
        if options.only.lower() not in case.name.lower():
            continue
        with tempfile.TemporaryDirectory(prefix="gapcalc-hostile-") as folder:
            row = measure(case, Path(folder))
        failed += row[-1] == "FAIL"
        print("| " + " | ".join(row) + " |", flush=True)
    print(f"\n{failed} failed; a row passes in under {SECONDS:g} s and {MEBIBYTES:g} MiB, exit 0 or exit 2 with "
          "a gapcalc: error: message")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
