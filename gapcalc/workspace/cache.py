"""A content-addressed cache of compiled plans, so that unchanged target files are not parsed again.

An entry is named by a BLAKE2 hash of everything its content depends on (the file's bytes, gapcalc's code and version,
the Python version); a changed file gets a new name, so an entry is never stale and never needs invalidating.
Entries are written atomically (a temporary file renamed into place) in ``marshal`` format, which holds only plain
data (numbers, strings, tuples) and never runs code when read. An unreadable or corrupt entry is treated as missing.

Location: ``$GAPCALC_CACHE_DIR``, else ``$XDG_CACHE_HOME/gapcalc``, else ``~/.cache/gapcalc``. ``GAPCALC_NO_CACHE=1``
(or ``--no-cache``) turns the cache off; a cache directory that cannot be written is silently not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from gapcalc import __version__

CACHE_ENV = "GAPCALC_CACHE_DIR"
NO_CACHE_ENV = "GAPCALC_NO_CACHE"
FORMAT = 1
"""Bumped whenever the layout of a cached value changes."""


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gapcalc"


@functools.cache
def code_fingerprint() -> str:
    """Name, size and modification time of every module of gapcalc: an entry made by other code is never used
    (a new release, or a source file edited in a development checkout)."""
    package = os.path.dirname(os.path.abspath(__file__))
    stats = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                stats.append((os.path.relpath(os.path.join(folder, name), package), info.st_size, info.st_mtime_ns))
    return hashlib.blake2b(repr(sorted(stats)).encode(), digest_size=16).hexdigest()


def content_key(kind: str, *parts: bytes) -> str:
    """The name of an entry: a hash of its kind, the code and versions it was made by, and the bytes it depends
    on."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{kind}\0{FORMAT}\0{__version__}\0{sys.version}\0{code_fingerprint()}\0".encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


class Cache:
    """Entries of one kind under the cache directory (a no-op when ``root`` is None)."""

    def __init__(self, kind: str, root: Path | None) -> None:
        self.kind = kind
        self.folder = root / kind if root is not None else None
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None."""
        if self.folder is None:
            return None
        try:
            value = marshal.loads((self.folder / key[:2] / key).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (plain data only) under ``key``; failures to write are ignored."""
        if self.folder is None:
            return
        import tempfile  # only when writing: it imports shutil and random

        target = self.folder / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        except OSError:
            self.folder = None  # read-only or not a directory: run without the cache rather than fail
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(value))
            os.replace(temporary, target)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            self.folder = None


def usage(root: Path) -> dict[str, tuple[int, int]]:
    """Entries and bytes per kind of entry under ``root``."""
    found: dict[str, tuple[int, int]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        sizes = [entry.stat().st_size for entry in folder.rglob("*") if entry.is_file()]
        found[folder.name] = (len(sizes), sum(sizes))
    return found


def clear(root: Path) -> tuple[int, int]:
    """Remove every entry under ``root``; how many entries and bytes were removed."""
    import shutil

    counts = usage(root)
    for kind in counts:
        shutil.rmtree(root / kind, ignore_errors=True)
    return sum(n for n, _ in counts.values()), sum(b for _, b in counts.values())
