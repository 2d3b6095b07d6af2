"""``gapcalc cache``: where compiled plans and check results are kept, how much, ``--clear`` and ``--prune``."""

from __future__ import annotations

from pathlib import Path

import click

from gapcalc.infra.cache import (
    CACHE_ENV,
    NO_CACHE_ENV,
    UNUSED_DAYS,
    cache_dir,
    clear,
    own_folder,
    prune,
    size_bound,
    usage,
)
from gapcalc.messages import plural, say, t
from gapcalc.render.i18n import detect_lang


def _size(count: int) -> str:
    return f"{count / 1048576:.1f} MB"


def _entries(count: int) -> str:
    return t("{count} entr{s}", count=count, s=plural(count, "ies") or "y")


@click.command(name="cache")
@click.option("--clear", "clear_all", is_flag=True,
              help="Remove gapcalc's entries (always safe: they are made again; nothing else is touched).")
@click.option("--prune", "prune_old", is_flag=True,
              help="Remove entries not used for --days days, and the least recently used past the size bound.")
@click.option("--days", type=click.FloatRange(min=0), default=UNUSED_DAYS, show_default=True,
              help="With --prune: remove entries not used for this many days.")
def command(clear_all: bool, prune_old: bool, days: float) -> None:
    """Where gapcalc keeps compiled plans, actuals readings and check results, and how much (--clear empties it).

    The location is $GAPCALC_CACHE_DIR, else $XDG_CACHE_HOME/gapcalc, else ~/.cache/gapcalc; entries are kept in
    its gapcalc-v2 folder (marked by a CACHEDIR.TAG file) and --clear removes only those entries, whatever else is
    in the directory. GAPCALC_NO_CACHE=1 turns the cache off. Entries are named by a hash of what they depend on,
    so they never go stale.

    --prune removes entries not used for --days days (default 30) and, past the size bound ($GAPCALC_CACHE_MAX_MB,
    default 256; 0 for none), the least recently used ones; past the bound, a run that writes an entry prunes on its
    own.
    """
    root = cache_dir()
    language = detect_lang(None)
    if root is None:
        click.echo(say(t("cache: off ({variable} is set)", variable=NO_CACHE_ENV), language))
        return
    if prune_old:
        _prune(root, days)
        return
    if clear_all:
        done = clear(root)
        click.echo(say(t("cache: {folder}: removed {removed} ({size})", folder=str(own_folder(root)),
                         removed=_entries(done.removed), size=_size(done.size)), language))
        if done.failed:
            click.echo(say(t("cache: could not remove {count} entr{s}: {reasons}", count=done.failed,
                             s=plural(done.failed, "ies") or "y", reasons="; ".join(done.reasons)), language),
                       err=True)
        if done.left:
            click.echo(say(t("cache: left {count} file{s} that gapcalc did not make", count=done.left,
                             s=plural(done.left)), language), err=True)
        if done.failed:
            raise SystemExit(2)
        return
    found = usage(root)
    shown = t("cache: {folder} — set {variable} to move it", folder=str(own_folder(root)), variable=CACHE_ENV) \
        if found else t("cache: {folder} (empty) — set {variable} to move it", folder=str(own_folder(root)),
                        variable=CACHE_ENV)
    click.echo(say(shown, language))
    for kind, (entries, size) in found.items():
        click.echo(say(t("{kind}: {entries}, {size}", kind=kind, entries=_entries(entries), size=_size(size)),
                       language))


def _prune(root: Path, days: float) -> None:
    """``--prune``: say what was removed and kept; exit 2 when an entry could not be removed."""
    language = detect_lang(None)
    bound = size_bound()
    done = prune(root, bound, days)
    click.echo(say(t("cache: {folder}: removed {removed} ({size}): {unused} not used for {days} day{s}, {beyond} "
                     "least recently used past the bound of {bound}; kept {kept} ({kept_size})",
                     folder=str(own_folder(root)), removed=done.removed, size=_size(done.size), unused=done.unused,
                     days=f"{days:g}", s=plural(1 if days == 1 else 2), beyond=done.beyond_bound,
                     bound=t("none") if bound is None else _size(bound), kept=done.kept,
                     kept_size=_size(done.kept_size)), language))
    if done.failed:
        click.echo(say(t("cache: could not remove {failed}: {reasons}", failed=done.failed,
                         reasons="; ".join(done.reasons)), language), err=True)
        raise SystemExit(2)
