"""Streamed renderers pass their text on in chunks: a stream that writes through (standard output under
PYTHONUNBUFFERED) gets a few writes, not one per row, and the text is the same."""

from __future__ import annotations

import csv
import io
import json

import pytest

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
