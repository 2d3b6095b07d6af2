"""Reading input files: bounded reads that never allocate the bound itself, for regular files, files that grow while
read and streams of unknown size."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gapcalc.errors import GapcalcError
from gapcalc.infra.textio import _read_at_most, read_bytes


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"indicator,year,value\n" * 1000)
    assert read_bytes(path, 1 << 20) == path.read_bytes()


def test_an_empty_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert read_bytes(path) == b""


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    path.write_bytes(b"x" * 64)
    assert read_bytes(path, 64) == b"x" * 64
    path.write_bytes(b"x" * 65)
    with pytest.raises(GapcalcError, match="larger than"):
        read_bytes(path, 64)


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_the_bound() -> None:
    stream = io.BytesIO(b"y" * 100)
    assert _read_at_most(stream, 40, 71) == b"y" * 71  # the caller sees more than the bound and refuses the file
    stream = io.BytesIO(b"y" * 50)
    assert _read_at_most(stream, 40, 71) == b"y" * 50


def test_a_stream_of_unknown_size_is_read_up_to_the_bound() -> None:
    assert _read_at_most(io.BytesIO(b"z" * 10), 0, 1000) == b"z" * 10
    assert _read_at_most(io.BytesIO(b"z" * 5000), 0, 1001) == b"z" * 1001
