"""The third hostile round, what gapcalc writes and reads from a pipe: nothing the user has is replaced without
``--force``, every name written that the user did not give is said, files get the modes of the umask, data written
for Excel or piped through a narrow console is never altered silently, ``-`` is standard input or output wherever a
file is taken, and standard input is bounded like a file. Each test is named after its finding (docs/faults.md)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO, REPO, _workspace

from gapcalc.cli.main import cli
from gapcalc.errors import GapcalcError


def invoke(runner: CliRunner, *args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo workspace (targets/, actuals/, docs/) to write in."""
    root = tmp_path / "demo"
    shutil.copytree(DEMO, root)
    return _workspace(monkeypatch, root)


@pytest.fixture()
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped targets and actuals, copied to write beside."""
    root = tmp_path / "shipped"
    for name in ("targets", "actuals"):
        shutil.copytree(REPO / name, root / name)
    return _workspace(monkeypatch, root)


def test_f01_site_refuses_to_replace_the_users_files(demo: Path, runner: CliRunner) -> None:
    site = demo / "public"
    site.mkdir()
    (site / "index.html").write_text("my own page", encoding="utf-8")
    code, _, err = invoke(runner, "site", str(site), "--lang", "en")
    assert code == 2 and "already holds 1 of the site's files (index.html, …)" in err and "--force" in err
    assert (site / "index.html").read_text(encoding="utf-8") == "my own page"
    code, _, _ = invoke(runner, "site", str(site), "--lang", "en", "--force")
    assert code == 0 and "my own page" not in (site / "index.html").read_text(encoding="utf-8")


def test_f02_brief_pictures_never_replace_a_file_and_are_named(repo_copy: Path, runner: CliRunner) -> None:
    (repo_copy / "cq-chart-1.png").write_bytes(b"mine")
    code, _, err = invoke(runner, "brief", "mianyang", "2019", "-o", "cq.md")
    assert code == 2 and "cq-chart-1.png already exists" in err
    assert (repo_copy / "cq-chart-1.png").read_bytes() == b"mine"
    code, _, err = invoke(runner, "brief", "mianyang", "2019", "-o", "cq.md", "--force")
    assert code == 0 and "wrote cq-chart-1.png (a picture the brief shows)" in err


def test_f03_an_exclusive_write_never_replaces_a_file_made_meanwhile(tmp_path: Path) -> None:
    from gapcalc.infra.atomic import atomic_output

    target = tmp_path / "p.toml"
    with pytest.raises(GapcalcError, match="already exists"), atomic_output(target, exclusive=True) as stream:
        stream.write("mine")
        target.write_text("theirs", encoding="utf-8")  # another process wins the name while this one writes
    assert target.read_text(encoding="utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]  # no temporary file left


def test_f04_written_files_have_the_modes_of_the_umask(demo: Path, runner: CliRunner) -> None:
    previous = os.umask(0o022)
    try:
        assert invoke(runner, "site", "public", "--lang", "en")[0] == 0
        assert invoke(runner, "template", "demo", "2019", "-o", "fill.csv")[0] == 0
    finally:
        os.umask(previous)
    modes = {stat.S_IMODE((demo / name).stat().st_mode) for name in ("public/index.html", "public/en/index.html",
                                                                     "fill.csv")}
    assert modes == {0o644}


def test_f05_csv_for_excel_neutralises_formulas(demo: Path, runner: CliRunner) -> None:
    lines = (demo / "actuals/demo.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + ',"=HYPERLINK(""http://x"",""y"")"'
    (demo / "actuals/demo.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert invoke(runner, "report", "demo", "2019", "-f", "csv", "-o", "r.csv")[0] == 0
    written = (demo / "r.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in written and ",=HYPERLINK" not in written
    assert ",=,plan," in written and ",-2," in written  # a lone comparator and negative numbers stay as they are
    code, piped, _ = invoke(runner, "report", "demo", "2019", "-f", "csv")
    assert code == 0 and '"=HYPERLINK(""http://x"",""y"")"' in piped  # scripts get the value as it is


def test_f06_brief_markdown_escapes_what_the_data_says(repo_copy: Path, runner: CliRunner) -> None:
    path = repo_copy / "actuals/chongqing.csv"
    text = path.read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) ![](http://evil/x.png) <img onerror=y>"
    path.write_text(text.replace("Estimate (预计)", hostile.replace(",", " ")), encoding="utf-8")
    assert hostile.replace(",", " ") in path.read_text(encoding="utf-8")
    code, out, _ = invoke(runner, "brief", "chongqing", "2022", "-f", "markdown", "--lang", "en")
    assert code == 0
    assert "<script>" not in out and "<img" not in out
    assert not re.search(r"(?<!\\)\]\(javascript:", out) and not re.search(r"(?<!\\)!\[", out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1)) !\\[\\](http://evil/x.png)" in out


def test_f07_data_on_a_gbk_console_is_escaped_or_refused(demo: Path) -> None:
    lines = (demo / "actuals/demo.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rstrip(",") + ",𠮷 ✓"
    (demo / "actuals/demo.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONIOENCODING": "gbk"}

    def run(fmt: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "gapcalc", "report", "demo", "2019", "-f", fmt, "-q"],
                              capture_output=True, env=environment, cwd=demo, check=False, timeout=120)

    as_json = run("json")
    assert as_json.returncode == 0
    notes = [row["note"] for row in json.loads(as_json.stdout.decode("gbk")) if row["note"]]
    assert "𠮷 ✓" in notes  # escaped on the console, the same text once read
    as_csv = run("csv")
    assert as_csv.returncode == 2
    assert "cannot write the character" in as_csv.stderr.decode("gbk") and "--output" in as_csv.stderr.decode("gbk")


def test_f08_dash_is_standard_input_and_output(demo: Path, runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "template", "demo", "2019", "-o", "-")
    assert code == 0 and out.startswith("indicator,breakdown,year,value,") and not (demo / "-").exists()
    code, _, err = invoke(runner, "draft", "x.txt", "-o", "-")
    assert code == 2 and "--output -" in err and not (demo / "-").exists()
    text = (REPO / "tests/fixtures/draft/henan.txt").read_text(encoding="utf-8")
    code, out, err = invoke(runner, "draft", "-", "--plan", "henan", stdin=text.encode("utf-8"))
    assert code == 0, err
    assert "wrote targets/henan.toml" in out and (demo / "targets/henan.toml").is_file()
    code, out, _ = invoke(runner, "brief", "demo", "2019", "-f", "markdown", "-o", "-")
    assert code == 0 and out.startswith("# ") and not (demo / "-").exists()


def test_f09_brief_picture_links_work_whatever_the_name(repo_copy: Path, runner: CliRunner) -> None:
    code, _, _ = invoke(runner, "brief", "mianyang", "2019", "-o", "plan (draft).md")
    assert code == 0
    text = (repo_copy / "plan (draft).md").read_text(encoding="utf-8")
    assert "](plan%20%28draft%29-chart-1.png)" in text
    assert (repo_copy / "plan (draft)-chart-1.png").is_file()


def test_f14_standard_input_is_bounded_like_a_file() -> None:
    from gapcalc.infra.textio import read_stdin

    assert read_stdin(10, io.BytesIO(b"0123456789")) == b"0123456789"
    with pytest.raises(GapcalcError, match="standard input is larger than"):
        read_stdin(1024 * 1024, io.BytesIO(b"x" * (1024 * 1024 + 1)))

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"y" * len(buffer)
            return len(buffer)

    with pytest.raises(GapcalcError):
        read_stdin(3 * 1024 * 1024, io.BufferedReader(Endless()))


def test_f18_control_characters_in_a_note_do_not_break_the_word_brief(repo_copy: Path, runner: CliRunner) -> None:
    path = repo_copy / "actuals/chongqing.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("预计数；口径近似", "预计数\x01\x0b；口径近似"),
                    encoding="utf-8")
    code, _, err = invoke(runner, "brief", "chongqing", "2022", "-o", "cq.docx")
    assert code == 0, err
    import docx

    assert "预计数；口径近似" in "\n".join(p.text for p in docx.Document(str(repo_copy / "cq.docx")).paragraphs)


def test_f20_the_api_takes_a_year_as_the_command_line_does(in_demo: Path) -> None:
    import numpy as np

    import gapcalc

    frame = gapcalc.report("demo", np.int64(2019))
    assert len(gapcalc.report("demo", int(frame.year.max()))) == len(frame) > 0
    assert len(gapcalc.report("demo", "2019")) == len(frame)
    for bad, message in ((True, "is not a year"), (2019.0, "is not a year"), (1000000, "outside the years"),
                         (-5, "outside the years"), ("20x9", "is not a year")):
        with pytest.raises(GapcalcError, match=message):
            gapcalc.report("demo", bad)


def test_f22_a_failed_target_write_leaves_no_text_and_names_the_file(demo: Path, runner: CliRunner) -> None:
    (demo / "targets/henan.toml").mkdir()  # the target file cannot be written: a directory has its name
    code, _, err = invoke(runner, "draft", str(REPO / "tests/fixtures/draft/henan.txt"), "--plan", "henan",
                          "--force")
    assert code == 2 and "targets/henan.toml" in err
    assert not (demo / "docs/sources/henan.txt").exists()


def test_f23_a_stray_target_file_is_skipped_by_the_site_and_named(demo: Path, runner: CliRunner) -> None:
    shutil.copy(demo / "targets/demo.toml", demo / "targets/Demo-copy.toml")
    code, _, err = invoke(runner, "site", "public", "--lang", "en")
    assert code == 2
    assert "skipped: targets/Demo-copy.toml: 'Demo-copy' is not a plan id" in err
    assert (demo / "public/en/plans/demo.html").is_file()


def test_f24_a_plan_id_too_long_is_refused_before_anything_is_written(demo: Path, runner: CliRunner) -> None:
    code, _, err = invoke(runner, "draft", str(REPO / "tests/fixtures/draft/henan.txt"), "--plan", "p" * 65)
    assert code == 2 and "at most 64 characters" in err
    assert not list((demo / "targets").glob("p*.toml"))


def test_f26_a_workbook_piped_as_actuals_is_named_standard_input(demo: Path, runner: CliRunner) -> None:
    code, _, err = invoke(runner, "report", "demo", "2019", "--actuals", "-", stdin=b"PK\x03\x04rest of a zip")
    assert code == 2
    assert err.startswith("gapcalc: error: -: an Excel workbook") and "gapcalc-stdin" not in err


def test_draft_never_writes_into_the_installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  runner: CliRunner) -> None:
    from gapcalc.infra.paths import bundled_root

    (tmp_path / "empty").mkdir()
    empty = _workspace(monkeypatch, tmp_path / "empty")
    shipped = bundled_root()
    assert shipped is not None
    before = sorted(p.name for p in (shipped / "targets").iterdir())
    code, out, err = invoke(runner, "draft", str(REPO / "tests/fixtures/draft/henan.txt"))
    assert code == 0, err
    assert err.startswith("made the targets directory targets\n")
    assert (empty / "targets/henan.toml").is_file() and (empty / "docs/sources/henan.txt").is_file()
    assert sorted(p.name for p in (shipped / "targets").iterdir()) == before


def test_f27_check_says_each_finding_of_a_row_once(repo_copy: Path, runner: CliRunner) -> None:
    path = repo_copy / "actuals/chongqing.csv"
    rows = ["green_factories,2024,5,,,,,change_pct,,", "green_factories,2024,5,,,,,change_pct,,",
            "green_parks,2024,5,,,,,change_pct,>=,"]
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    for arguments in (["targets/", "actuals/"], ["targets/", "actuals/", "actuals/chongqing.csv"],
                      ["actuals/chongqing.csv", str(path)]):
        code, out, _ = invoke(runner, "check", *arguments)
        lines = [line for line in out.splitlines() if "GC3" in line]
        assert code == 1 and len(lines) == len(set(lines)) == 3, (arguments, lines)
