"""What every renderer takes: a :class:`Document`, and the one interface renderers share.

A document is a title, its columns, and its content either as rows (dicts of Python values) or as a stream of column
batches (typed columns, as the engine gives them), which the streaming formats (CSV, TSV, JSON) write a batch at a
time without ever holding the whole table. Each output format (:class:`~gapcalc.render.OutputFormat`) maps to one
renderer function in :data:`RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

ColumnBatch = Mapping[str, Any]
"""Typed column values by name (numpy arrays or sequences); every column has the same length."""
TablePrinter = Callable[[Any, Sequence[dict[str, Any]], str, str], None]
"""How a command draws its rich table: (console, rows, title, lang)."""


@dataclass
class Document:
    """What a command outputs: a title, its columns, its rows (or column batches), optionally a summary and a table
    printer for the terminal."""

    title: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]] = ()
    batches: Iterable[ColumnBatch] | None = None
    kind: str = "plain"
    """report | targets | summary | compare | plain: how the xlsx sheet and the html page present it."""
    summary: Sequence[dict[str, Any]] | None = None
    table: TablePrinter | None = None
    lang: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    def iter_batches(self) -> Iterator[ColumnBatch]:
        """The content as column batches (rows become one batch)."""
        if self.batches is not None:
            yield from self.batches
        elif self.rows:
            yield {name: [row.get(name) for row in self.rows] for name in self.columns}

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        """The content as rows of Python values (None where missing, NaN included)."""
        if self.batches is None:
            yield from self.rows
            return
        for batch in self.batches:
            values = [_python(batch[name]) for name in self.columns]
            for row in zip(*values, strict=True):
                yield dict(zip(self.columns, row, strict=True))

    def materialised(self) -> Document:
        """The same document with its rows in memory (for formats that need the whole table)."""
        if self.batches is None:
            return self
        return Document(self.title, self.columns, list(self.iter_rows()), None, self.kind, self.summary, self.table,
                        self.lang, self.extra)


def _python(values: Sequence[Any]) -> list[Any]:
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    if getattr(values, "dtype", None) == "float64":
        return [None if x != x else x for x in items]  # noqa: PLR0124 - NaN is missing
    return items


@dataclass(frozen=True)
class RenderOptions:
    """How a renderer writes: the language of words and headings; for the terminal table, colour (auto, always,
    never) and width (None: the terminal's); for CSV and TSV, whether to start with a byte-order mark (Excel)."""

    lang: str = "en"
    color: str = "never"
    width: int | None = None
    bom: bool = False


Renderer = Callable[[Document, IO[Any], RenderOptions], None]
"""The one interface of every output format: write the document to a stream (text, or bytes for binary formats)."""


class Pending:
    """Text that a renderer writes a row at a time, passed on to its stream in chunks of :data:`ROWS_PER_WRITE`
    rows: one write per chunk whatever the stream's buffering (standard output is unbuffered under
    ``PYTHONUNBUFFERED``, as in many containers, where a write per row is a system call per row)."""

    ROWS_PER_WRITE = 1000

    def __init__(self, stream: IO[Any]) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        """Keep ``text`` (a row); pass the chunk on once it is full."""
        self.parts.append(text)
        if len(self.parts) >= self.ROWS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        """Pass on what is kept."""
        if self.parts:
            self.stream.write("".join(self.parts))
            self.parts.clear()
