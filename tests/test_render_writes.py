"""Streamed renderers: JSON exactly as json.dumps writes each row; text passed on in chunks, so that a stream that
writes through (standard output under PYTHONUNBUFFERED) gets a few writes, not one per row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gapcalc.render.cells import json_value
from gapcalc.render.delimited import write_delimited
from gapcalc.render.document import Document, Pending, RenderOptions
from gapcalc.render.jsonout import write_json, write_ndjson


class CountingStream(io.StringIO):
    """A text stream that counts the writes it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


ROWS = [{"plan": f"p{i}", "note": "a,b" if i % 7 == 0 else "", "value": i} for i in range(2500)]
DOCUMENT = Document("t", ("plan", "note", "value"), ROWS)


def test_csv_is_written_in_chunks_and_reads_back() -> None:
    stream = CountingStream()
    write_delimited(DOCUMENT, stream)
    assert stream.writes == 3  # 2,501 lines: two full chunks of 1,000, then the rest at the end of the batch
    read = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [(r["plan"], r["note"], r["value"]) for r in read] == [(r["plan"], r["note"], str(r["value"]))
                                                                   for r in ROWS]


@pytest.mark.parametrize("writer", [write_json, write_ndjson])
def test_json_is_written_in_chunks(writer: object) -> None:
    stream = CountingStream()
    writer(DOCUMENT, stream, RenderOptions())  # type: ignore[operator]
    assert stream.writes == 3  # 2,500 rows and the brackets: two full chunks, then the rest
    text = stream.getvalue()
    rows = json.loads(text) if writer is write_json else [json.loads(line) for line in text.splitlines()]
    assert [r["plan"] for r in rows] == [r["plan"] for r in ROWS]


def test_pending_passes_on_full_chunks_and_the_rest() -> None:
    stream = CountingStream()
    pending = Pending(stream)
    for number in range(Pending.ROWS_PER_WRITE + 1):
        pending.write(f"{number}\n")
    assert stream.writes == 1
    pending.flush()
    pending.flush()  # nothing kept: nothing written
    assert stream.writes == 2 and stream.getvalue().count("\n") == Pending.ROWS_PER_WRITE + 1


def reference_json(document: Document) -> str:
    """JSON as ``json.dumps`` writes each row object (the renderer's specification)."""
    rows = [json.dumps({c: json_value(row.get(c)) for c in document.columns}, ensure_ascii=False, indent=2)
            for row in document.iter_rows()]
    return "[" + ",".join("\n  " + text.replace("\n", "\n  ") for text in rows) + ("\n]\n" if rows else "]\n")


def reference_ndjson(document: Document) -> str:
    return "".join(json.dumps({c: json_value(row.get(c)) for c in document.columns}, ensure_ascii=False,
                              separators=(",", ":")) + "\n" for row in document.iter_rows())


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.floats(allow_nan=True),
                    st.decimals(allow_nan=False, allow_infinity=False))


@given(st.lists(st.lists(scalars, min_size=3, max_size=3), max_size=8))
def test_json_is_what_json_dumps_writes_for_each_row(cells: list[list[Any]]) -> None:
    columns = ("a", "b\n\"c", "中")
    document = Document("t", columns, [dict(zip(columns, row, strict=True)) for row in cells])
    for writer, reference in ((write_json, reference_json), (write_ndjson, reference_ndjson)):
        stream = io.StringIO()
        writer(document, stream, RenderOptions())
        assert stream.getvalue() == reference(document)


def test_json_of_engine_batches_is_what_json_dumps_writes(in_repo: Path) -> None:
    from gapcalc.engine.contracts import ALL_COLUMNS
    from gapcalc.usecases.run import Rollup, iter_batches

    def document() -> Document:
        batches = (b.columns.columns for b in iter_batches(Path("targets"), Rollup(2021)))
        return Document("t", ALL_COLUMNS, batches=batches)

    for writer, reference in ((write_json, reference_json), (write_ndjson, reference_ndjson)):
        stream = io.StringIO()
        writer(document(), stream, RenderOptions())
        assert stream.getvalue() == reference(document())
