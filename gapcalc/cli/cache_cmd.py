"""``gapcalc cache``: where compiled plans and check results are kept, how much, and ``--clear``."""

from __future__ import annotations

import click

from gapcalc.workspace.cache import CACHE_ENV, NO_CACHE_ENV, cache_dir, clear, own_folder, usage


def _size(count: int) -> str:
    return f"{count / 1048576:.1f} MB"


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


@click.command(name="cache")
@click.option("--clear", "clear_all", is_flag=True,
              help="Remove gapcalc's entries (always safe: they are made again; nothing else is touched).")
def command(clear_all: bool) -> None:
    """Where gapcalc keeps compiled plans, actuals readings and check results, and how much (--clear empties it).

    The location is $GAPCALC_CACHE_DIR, else $XDG_CACHE_HOME/gapcalc, else ~/.cache/gapcalc; entries are kept in
    its gapcalc-v2 folder (marked by a CACHEDIR.TAG file) and --clear removes only those entries, whatever else is
    in the directory. GAPCALC_NO_CACHE=1 turns the cache off. Entries are named by a hash of what they depend on,
    so they never go stale.
    """
    root = cache_dir()
    if root is None:
        click.echo(f"cache: off ({NO_CACHE_ENV} is set)")
        return
    if clear_all:
        done = clear(root)
        click.echo(f"cache: {own_folder(root)}: removed {_entries(done.removed)} ({_size(done.size)})")
        if done.failed:
            click.echo(f"cache: could not remove {_entries(done.failed)}: {'; '.join(done.reasons)}", err=True)
        if done.left:
            click.echo(f"cache: left {done.left} file{'s' if done.left != 1 else ''} that gapcalc did not make",
                       err=True)
        if done.failed:
            raise SystemExit(2)
        return
    found = usage(root)
    click.echo(f"cache: {own_folder(root)}" + ("" if found else " (empty)") + f" — set {CACHE_ENV} to move it")
    for kind, (entries, size) in found.items():
        click.echo(f"{kind}: {_entries(entries)}, {_size(size)}")
