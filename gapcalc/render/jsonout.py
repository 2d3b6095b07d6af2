"""JSON output: an array of objects with the same keys, in the same order, as the CSV columns."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from gapcalc.render.cells import json_value


def render_json(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as a JSON array (UTF-8 text, Chinese unescaped)."""
    data = [{column: json_value(row.get(column)) for column in columns} for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
