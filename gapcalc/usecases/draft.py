"""Draft a target file from a plan document: plan id, paths, refusal to overwrite, writing, review list.

The command line (``gapcalc draft``) is a thin layer over :func:`draft_document`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gapcalc.draft.bounds import TooLarge, check_text
from gapcalc.draft.document import SourceDocument
from gapcalc.draft.headers import CITIES, PROVINCES
from gapcalc.draft.recognise import extract
from gapcalc.draft.write import Draft, render
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_atomic
from gapcalc.infra.paths import is_identifier
from gapcalc.messages import t

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.infra.pool import Progress

REGION_IDS = {zh: re.sub(r"[^a-z0-9]+", "_", en.lower()).strip("_") for zh, en in {**PROVINCES, **CITIES}.items()}


@dataclass(frozen=True)
class DraftResult:
    """What was written, and the review list as ``file:line: why`` lines."""

    target_file: Path
    source_file: Path
    draft: Draft
    review: list[str]


def plan_id_for(region_zh: str, wanted: str | None, document: Path) -> str:
    """``wanted`` if given (and valid), else the ascii id of the plan's region."""
    if wanted is not None:
        if not is_identifier(wanted):
            raise GapcalcError(t("plan id '{plan_id}' is not an ascii id of at most 64 characters", plan_id=wanted),
                               t("use lower-case letters, digits and _ and start with a letter, e.g. --plan mianyang"))
        return wanted
    derived = REGION_IDS.get(region_zh)
    if derived is None:
        raise GapcalcError(t("{path}: no known region in the title, so no plan id can be derived", path=str(document)),
                           t("give one with --plan ID (e.g. --plan mycity_2025)"))
    return derived


def draft_document(doc: SourceDocument, document: Path, plan_id: str | None, targets_dir: Path,
                   source_out: Path | None = None, force: bool = False,
                   progress: Progress | None = None) -> DraftResult:
    """Read ``doc``, write ``<targets_dir>/<id>.toml`` and the document's text, return the review list; the
    document's lines read are told to ``progress`` (see :func:`gapcalc.draft.recognise.extract`). A document beyond
    the bounds of :mod:`gapcalc.draft.bounds` (its text, its numbers, the targets read) is refused before anything
    is written."""
    if not doc.text.strip():
        raise GapcalcError(t("{path}: the document is empty (no text could be read)", path=str(document)),
                           t("check the file; a scanned PDF has no text layer and needs OCR first"))
    try:
        check_text(doc.text)
        extraction = extract(doc, progress)
    except TooLarge as exc:
        raise exc.named(str(document)) from None
    ident = plan_id_for(extraction.plan.region_zh, plan_id, document)
    target_file = targets_dir / f"{ident}.toml"
    source_file = source_out or targets_dir.resolve().parent / "docs" / "sources" / f"{ident}.txt"
    if not extraction.statements:
        raise GapcalcError(t("{path}: no target found in the document", path=str(document)),
                           t("is this a plan? gapcalc draft looks for numbers with units and target years "
                             "(到2025年…达到…) and for tables of yearly targets"))
    for path in (target_file, source_file):
        if path.exists() and not force:
            raise GapcalcError(t("{path} already exists", path=str(path)),
                               t("pass --force to overwrite it, or choose another --plan"))
    source_text = _relative_source(source_file, targets_dir)
    try:
        draft = render(extraction, ident, source_text)
    except TooLarge as exc:
        raise exc.named(str(document)) from None
    new_source = not source_file.exists()
    write_atomic(source_file, doc.text if doc.text.endswith("\n") else doc.text + "\n", newline="\n", parents=True,
                 exclusive=not force)
    try:
        write_atomic(target_file, draft.text, newline="\n", parents=True, exclusive=not force)
    except GapcalcError:  # no target file: the text saved for it goes too, so that a rerun is not refused
        if new_source:
            source_file.unlink(missing_ok=True)
        raise
    review: list[str] = [t("{path}:{line}: {why}", path=str(target_file), line=item.line, why=item.why)
                         for item in draft.review]
    return DraftResult(target_file, source_file, draft, review)


def draft_file(document: Path, plan_id: str | None, targets_dir: Path, source_out: Path | None = None,
               force: bool = False, progress: Progress | None = None) -> tuple[SourceDocument, DraftResult]:
    """Read the plan document at ``document`` (text, HTML, Word or PDF; ``-``: standard input, bounded as a file
    is) and draft it (:func:`draft_document`)."""
    from gapcalc.draft.read import read_bytes, read_document
    from gapcalc.infra.textio import read_stdin

    doc = read_bytes(read_stdin(), "-", progress) if str(document) == "-" else read_document(document, progress)
    return doc, draft_document(doc, document, plan_id, targets_dir, source_out, force, progress)


def _relative_source(source_file: Path, targets_dir: Path) -> str:
    root = targets_dir.resolve().parent
    try:
        return source_file.resolve().relative_to(root).as_posix()
    except ValueError:
        return source_file.resolve().as_posix()
