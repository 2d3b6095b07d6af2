"""Markdown (GitHub pipe table) output, for issue trackers and notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from gapcalc.render.cells import cell_text
from gapcalc.render.document import Document, RenderOptions


def markdown_inline(text: str) -> str:
    """Text as literal Markdown, whatever it holds: no raw HTML (``<``, ``>``, ``&`` as entities), no link, image or
    code span (``[``, ``]`` and backquotes escaped, so ``[x](javascript:…)`` and ``![](http://…)`` stay text), one
    line. Every renderer of Markdown passes the text of the data through it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\")
    text = text.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def markdown_cell(text: str) -> str:
    """A table cell's text as literal Markdown (:func:`markdown_inline`), and no cell break (``|``)."""
    return markdown_inline(text).replace("|", "\\|")


_escape = markdown_cell


def render_markdown(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as a pipe table; numbers right-aligned."""
    numeric = {c for c in columns if any(isinstance(r.get(c), (int, float)) or type(r.get(c)).__name__ == "Decimal"
                                         for r in rows)}
    lines = ["| " + " | ".join(_escape(c) for c in columns) + " |",
             "|" + "|".join("---:" if c in numeric else "---" for c in columns) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(_escape(cell_text(row.get(c))) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def write_markdown(document: Document, stream: IO[Any], options: RenderOptions) -> None:
    """The Markdown renderer."""
    stream.write(render_markdown(list(document.iter_rows()), document.columns))
