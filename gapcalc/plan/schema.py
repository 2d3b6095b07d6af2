"""Write the JSON Schema of target files: ``python -m gapcalc.plan.schema [OUTPUT]``.

The committed ``schemas/targets.schema.json`` is generated from :mod:`gapcalc.plan.model`; a test fails when the two
drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gapcalc.plan.model import json_schema

DEFAULT_OUTPUT = Path("schemas/targets.schema.json")


def schema_text() -> str:
    """The schema as committed: sorted keys, two-space indent, trailing newline."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Write the schema to OUTPUT (default schemas/targets.schema.json)."""
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
