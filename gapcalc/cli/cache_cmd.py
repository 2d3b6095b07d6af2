"""``gapcalc cache``: where compiled plans and check results are kept, how much, and ``--clear``."""

from __future__ import annotations

import click

from gapcalc.workspace.cache import CACHE_ENV, NO_CACHE_ENV, cache_dir, clear, usage


def _size(count: int) -> str:
    return f"{count / 1048576:.1f} MB"


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


@click.command(name="cache")
@click.option("--clear", "clear_all", is_flag=True, help="Remove every entry (always safe: they are made again).")
def command(clear_all: bool) -> None:
    """Where gapcalc keeps compiled plans, actuals readings and check results, and how much (--clear empties it).

    The location is $GAPCALC_CACHE_DIR, else $XDG_CACHE_HOME/gapcalc, else ~/.cache/gapcalc; GAPCALC_NO_CACHE=1
    turns the cache off. Entries are named by a hash of what they depend on, so they never go stale.
    """
    root = cache_dir()
    if root is None:
        click.echo(f"cache: off ({NO_CACHE_ENV} is set)")
        return
    if clear_all:
        entries, size = clear(root)
        click.echo(f"cache: {root}: removed {_entries(entries)} ({_size(size)})")
        return
    click.echo(f"cache: {root}" + ("" if root.is_dir() else " (empty)") + f" — set {CACHE_ENV} to move it")
    for kind, (entries, size) in usage(root).items():
        click.echo(f"{kind}: {_entries(entries)}, {_size(size)}")
