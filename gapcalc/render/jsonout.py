"""JSON output: an array of objects with the same keys, in the same order, as the CSV columns; and NDJSON, one such
object per line. Both are streamed a batch at a time (a thousand rows a write), so a long report is never held, let
alone held twice.

Values are encoded a column at a time by the standard library's C encoder: a column's values are dumped as one list
whose items are separated by a newline, which no encoded value contains (JSON escapes it inside strings), and split
there. Each row is then its keys and these texts joined, laid out exactly as ``json.dumps`` lays out one object
(``indent=2`` inside the array for JSON, compact for NDJSON).
"""

from __future__ import annotations

import json
from operator import add
from typing import IO, Any

from gapcalc.render.cells import json_floats, json_value
from gapcalc.render.document import ColumnBatch, Document, Pending, RenderOptions

_PLAIN_TYPES = frozenset({str, int, bool, type(None)})
"""Values :func:`~gapcalc.render.cells.json_value` leaves as they are."""


def write_json(document: Document, stream: IO[Any], options: RenderOptions | None = None) -> None:
    """The document as a JSON array (UTF-8 text, Chinese unescaped), two-space indented."""
    keys = [json.dumps(name, ensure_ascii=False) + ": " for name in document.columns]
    first, pending = True, Pending(stream)
    pending.write("[")
    for batch in document.iter_batches():
        for row in zip(*value_texts(batch, document.columns), strict=True):
            pending.write(("\n  {\n    " if first else ",\n  {\n    ") + ",\n    ".join(map(add, keys, row)) + "\n  }")
            first = False
    pending.write("]\n" if first else "\n]\n")
    pending.flush()


def write_ndjson(document: Document, stream: IO[Any], options: RenderOptions | None = None) -> None:
    """The document as NDJSON (JSON Lines): one compact object per line, Chinese unescaped, written as it comes."""
    keys = [json.dumps(name, ensure_ascii=False) + ":" for name in document.columns]
    pending = Pending(stream)
    for batch in document.iter_batches():
        for row in zip(*value_texts(batch, document.columns), strict=True):
            pending.write("{" + ",".join(map(add, keys, row)) + "}\n")
        pending.flush()
    pending.flush()


def value_texts(batch: ColumnBatch, columns: Any) -> list[list[str]]:
    """The JSON text of every value of a batch, a column at a time (:func:`~gapcalc.render.cells.json_value` of
    each)."""
    return [_encoded(_json_ready(batch[name])) for name in columns]


def _json_ready(values: Any) -> list[Any]:
    """A column's values as :func:`~gapcalc.render.cells.json_value` gives them: floats rounded (a float64 array at
    once), Decimals as int or float, None for missing."""
    if getattr(values, "dtype", None) == "float64":
        return json_floats(values.tolist())
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    return items if set(map(type, items)) <= _PLAIN_TYPES else list(map(json_value, items))


def _encoded(values: list[Any]) -> list[str]:
    """Each value's JSON text, by one call of the C encoder."""
    if not values:
        return []
    return json.dumps(values, ensure_ascii=False, separators=("\n", ":"))[1:-1].split("\n")
