"""A plan document as the drafter reads it: its plain text, and the tables found in it.

Every reader (plain text, HTML, Word, PDF) produces one :class:`SourceDocument`. Its ``text`` is what
``gapcalc draft`` saves as the plan's ``source_text``: every quote of the draft must occur in it, so tables are
written into it too, one table row per line with cells separated by a tab.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table of the document: rows of cell texts, and where its first row stands in :attr:`SourceDocument.text`."""

    rows: tuple[tuple[str, ...], ...]
    line: int
    """1-based line of ``text`` on which the table's first row is written."""
    caption: str = ""
    """The title printed above the table (``表2 ……``), when there is one."""


@dataclass(frozen=True)
class SourceDocument:
    """The extracted text of a plan document and its tables."""

    text: str
    tables: tuple[Table, ...] = ()
    format: str = "text"
    """``text``, ``html``, ``docx`` or ``pdf``: the format the document was read from."""
    warnings: tuple[str, ...] = field(default=())
    """What the reader noticed but could work around (e.g. a table whose cells it had to merge)."""
