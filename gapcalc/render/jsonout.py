"""JSON output: an array of objects with the same keys, in the same order, as the CSV columns; and NDJSON, one such
object per line. Both are streamed (a thousand rows a write), so a long report is never held, let alone held twice."""

from __future__ import annotations

import json
from typing import IO, Any

from gapcalc.render.cells import json_value
from gapcalc.render.document import Document, Pending, RenderOptions


def write_json(document: Document, stream: IO[Any], options: RenderOptions | None = None) -> None:
    """The document as a JSON array (UTF-8 text, Chinese unescaped), two-space indented."""
    first, pending = True, Pending(stream)
    pending.write("[")
    for row in document.iter_rows():
        data = {column: json_value(row.get(column)) for column in document.columns}
        text = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        pending.write(("\n  " if first else ",\n  ") + text)
        first = False
    pending.write("]\n" if first else "\n]\n")
    pending.flush()


def write_ndjson(document: Document, stream: IO[Any], options: RenderOptions | None = None) -> None:
    """The document as NDJSON (JSON Lines): one compact object per line, Chinese unescaped, written as it comes."""
    pending = Pending(stream)
    for row in document.iter_rows():
        data = {column: json_value(row.get(column)) for column in document.columns}
        pending.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    pending.flush()
