"""A content-addressed cache of compiled plans, actuals readings and check results, so that unchanged files are not
parsed again.

An entry is named by a SHA-256 hash of everything its content depends on (the file's bytes, gapcalc's code and version,
the Python version); a changed file gets a new name, so an entry is never stale and never needs invalidating.

Entries live in a folder gapcalc owns, ``<cache dir>/gapcalc-v2/<kind>/<ab>/<key>``, marked by a ``CACHEDIR.TAG``
file (the standard tag backup tools honour). Each entry holds a header (magic, layout version, its own key, a CRC-32
checksum of key and payload) and the payload in ``marshal`` format, which holds only plain data and never runs code
when read. An entry whose header, key or checksum does not match (a flipped bit, an entry copied under another
name, random bytes) is deleted and treated as missing: the result is computed again, silently. Entries are written
atomically (a temporary file renamed into place). ``--clear`` deletes only files that have the name of an entry,
inside the marked folder: never anything else that happens to be under the cache directory.

Pruning (``docs/cache.md`` says why it works this way): an entry's modification time is the time it was last used —
set when it is written, refreshed when it is read and older than :data:`TOUCH_AFTER` (access times are not
trusted: most systems mount with ``relatime`` or ``noatime``). :func:`prune` removes entries not used for some days,
abandoned temporary files, and the least recently used entries while the cache is
larger than its bound (``$GAPCALC_CACHE_MAX_MB``, default :data:`DEFAULT_MAX_MB`); the first entry a process writes
checks that bound (:func:`keep_within_bound`). Pruning deletes only files that are named as entries, inside the
marked folder, and that begin with an entry's magic bytes.

Location: ``$GAPCALC_CACHE_DIR``, else ``$XDG_CACHE_HOME/gapcalc``, else ``~/.cache/gapcalc``. ``GAPCALC_NO_CACHE=1``
turns the cache off; a cache directory that cannot be written is silently not used.

Other processes may remove any entry or folder at any moment (``cache --clear`` or ``--prune`` beside a run, a run
pruning past the bound, a user deleting the directory): walks of the cache take a vanished folder or entry as empty,
:meth:`Cache.get` gives None, and :meth:`Cache.put` never raises an OSError — it writes once more when the folder of
the entry vanished, and otherwise leaves the value uncached.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import re
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gapcalc._version import __version__

CACHE_ENV = "GAPCALC_CACHE_DIR"
NO_CACHE_ENV = "GAPCALC_NO_CACHE"
FORMAT = 3
"""Bumped whenever the layout of a cached value or of an entry changes (it is part of every key: entries of an
earlier format are never looked up again, and are pruned once unused)."""
OWN_FOLDER = "gapcalc-v2"
"""The folder under the cache directory that holds gapcalc's entries (and nothing else); its name changes only with
the folder's own layout."""
TAG_NAME = "CACHEDIR.TAG"
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This folder holds gapcalc's cache; every entry is made again when needed (gapcalc cache --clear).\n")
MAGIC = b"gapcalc\0"
KEY_BYTES = 20
CHECKSUM_BYTES = 4
HEADER_BYTES = len(MAGIC) + 1 + KEY_BYTES + CHECKSUM_BYTES
MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""Values larger than this (marshalled) are not cached: reading them again costs less than keeping them."""
LEGACY_KINDS = ("plans", "checks", "actuals")
"""Kinds of entry of the first layout (``<cache dir>/<kind>/<ab>/<key>``, no tag), removed by ``--clear``."""
MAX_MB_ENV = "GAPCALC_CACHE_MAX_MB"
DEFAULT_MAX_MB = 256
"""The size bound of the cache, in MB (of 1,048,576 bytes), when ``$GAPCALC_CACHE_MAX_MB`` does not say (``0``: no
bound, never pruned on its own)."""
UNUSED_DAYS = 30
"""``gapcalc cache --prune`` removes entries not used for this many days (``--days``)."""
TOUCH_AFTER = 3600.0
"""Seconds after which reading an entry refreshes its modification time (its time of last use); more often would
cost a write per read for nothing."""
MEGABYTE = 1048576
_bound_checked = False
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}")
_TEMPORARY_NAME = re.compile(r"\.tmp-[A-Za-z0-9_]+")


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
    return digest_of(repr(sorted(stats)).encode())


def digest_of(data: bytes) -> str:
    """A hash of ``data`` as 40 hex digits: SHA-256 (which processors compute in hardware: twice as fast as BLAKE2
    where measured), cut to 160 bits."""
    return hashlib.sha256(data).hexdigest()[:2 * KEY_BYTES]


def content_key(kind: str, *parts: bytes) -> str:
    """The name of an entry: a hash of its kind, the code and versions it was made by, and the bytes it depends
    on."""
    digest = hashlib.sha256()
    digest.update(f"{kind}\0{FORMAT}\0{__version__}\0{sys.version}\0{code_fingerprint()}\0".encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:2 * KEY_BYTES]


def _checksum(key: bytes, payload: bytes | memoryview) -> bytes:
    """CRC-32 of key + payload (without copying the payload): it catches damage (every burst of up to 32 bits,
    other corruption but for one chance in 2³²) at several times the speed of a cryptographic hash; an entry is not
    a security boundary — whoever can write the cache can write any entry."""
    return zlib.crc32(payload, zlib.crc32(key)).to_bytes(CHECKSUM_BYTES, "little")


def encode_entry(key: str, value: Any) -> bytes:
    """An entry's bytes: magic, layout version, its own key, a checksum of key and payload, then the payload."""
    raw_key, payload = bytes.fromhex(key), marshal.dumps(value)
    return MAGIC + bytes([FORMAT]) + raw_key + _checksum(raw_key, payload) + payload


def decode_entry(key: str, data: bytes) -> tuple[bool, Any]:
    """``(True, value)`` when ``data`` is a sound entry stored under ``key``, else ``(False, None)``."""
    raw_key = bytes.fromhex(key)
    if len(data) < HEADER_BYTES or not data.startswith(MAGIC) or data[len(MAGIC)] != FORMAT:
        return False, None
    start = len(MAGIC) + 1
    stored_key, checksum = data[start:start + KEY_BYTES], data[start + KEY_BYTES:HEADER_BYTES]
    payload = memoryview(data)[HEADER_BYTES:]
    if stored_key != raw_key or checksum != _checksum(raw_key, payload):
        return False, None
    try:
        return True, marshal.loads(payload)
    except (ValueError, EOFError, TypeError):  # pragma: no cover - a payload that passed its checksum
        return False, None


def own_folder(root: Path) -> Path:
    """The folder gapcalc's entries are kept in, under the cache directory ``root``."""
    return root / OWN_FOLDER


class Cache:
    """Entries of one kind under the cache directory (a no-op when ``root`` is None)."""

    def __init__(self, kind: str, root: Path | None) -> None:
        self.kind = kind
        self.root = own_folder(root) if root is not None else None
        self.folder = self.root / kind if self.root is not None else None
        self.hits = 0
        self.misses = 0
        self.discarded = 0

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None (a damaged entry is deleted)."""
        if self.folder is None:
            return None
        path = self.folder / key[:2] / key
        try:
            with path.open("rb") as stream:
                data, used = stream.read(), os.fstat(stream.fileno()).st_mtime
        except OSError:
            self.misses += 1
            return None
        sound, value = decode_entry(key, data)
        if not sound:
            self.misses += 1
            self.discarded += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        self.hits += 1
        if time.time() - used > TOUCH_AFTER:
            with contextlib.suppress(OSError):  # a read-only cache is still read
                os.utime(path)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (plain data only) under ``key``; large values are skipped. Never raises an OSError: a
        failed write (the cache removed meanwhile, a full disk, a read-only folder) only leaves the value uncached."""
        if self.folder is None or self.root is None:
            return
        try:
            data = encode_entry(key, value)
        except ValueError:  # not plain data: a bug, but the cache is never worth a failure
            return
        if len(data) > MAX_ENTRY_BYTES:
            return
        target = self.folder / key[:2] / key
        try:
            _write_entry(self.root, target, data)
        except OSError:
            try:  # once more: its folder (or the whole cache) may have been removed meanwhile (cache --clear)
                _write_entry(self.root, target, data)
            except FileNotFoundError:  # removed again: this entry is not cached, that is all
                return
            except OSError:
                self.folder = None  # read-only, full, not a directory: run without the cache rather than fail
                return
        with contextlib.suppress(OSError):  # another process may remove entries and folders as they are counted
            keep_within_bound(self.root.parent)


def _write_entry(root: Path, target: Path, data: bytes) -> None:
    """Write ``data`` as the entry ``target`` (atomically: a temporary file renamed into place), making its folders
    and the tag of ``root`` as needed; an OSError when it fails, no temporary file left."""
    import tempfile  # only when writing: it imports shutil and random

    target.parent.mkdir(parents=True, exist_ok=True)
    _tag(root)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _tag(folder: Path) -> None:
    tag = folder / TAG_NAME
    if not tag.exists():
        tag.write_text(TAG_TEXT, encoding="ascii")


def _is_ours(folder: Path) -> bool:
    try:
        return (folder / TAG_NAME).read_text(encoding="ascii", errors="replace").startswith(TAG_TEXT.split("\n")[0])
    except OSError:
        return False


def _children(folder: Path) -> list[Path]:
    """What ``folder`` holds, sorted; nothing when it is gone (or is no longer a folder): another gapcalc may remove
    entries and folders at any moment (``cache --clear``, ``--prune``, a run pruning past the bound)."""
    try:
        return sorted(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []


def _is_entry_name(name: str, shard: str) -> bool:
    """``name`` is the name of an entry of the shard folder ``shard`` (or of an entry being written)."""
    return bool((_ENTRY_NAME.fullmatch(name) and name[:2] == shard) or _TEMPORARY_NAME.fullmatch(name))


def _entry_files(kind_folder: Path) -> list[Path]:
    """The files of a kind's folder that have the name of an entry (or of an entry being written)."""
    found: list[Path] = []
    if not kind_folder.is_dir() or kind_folder.is_symlink():
        return found
    for shard in _children(kind_folder):
        if not (shard.is_dir() and not shard.is_symlink() and re.fullmatch(r"[0-9a-f]{2}", shard.name)):
            continue
        for entry in _children(shard):
            if _is_entry_name(entry.name, shard.name) and entry.is_file() and not entry.is_symlink():
                found.append(entry)
    return found


def _kind_folders(root: Path) -> list[Path]:
    """Every folder of entries under ``root``: the kinds of the marked folder, and those of the first layout."""
    return _own_kind_folders(root) + [root / kind for kind in LEGACY_KINDS if (root / kind).is_dir()]


def _own_kind_folders(root: Path) -> list[Path]:
    """The folders of entries inside gapcalc's marked folder (none when it is not marked)."""
    own = own_folder(root)
    if not (own.is_dir() and _is_ours(own)):
        return []
    return [p for p in _children(own) if p.is_dir() and not p.is_symlink()]


def usage(root: Path) -> dict[str, tuple[int, int]]:
    """Entries and bytes per kind of entry under ``root``."""
    found: dict[str, tuple[int, int]] = {}
    for folder in _kind_folders(root) if root.is_dir() else []:
        sizes = []
        for entry in _entry_files(folder):
            with contextlib.suppress(OSError):
                sizes.append(entry.stat().st_size)
        count, size = found.get(folder.name, (0, 0))
        found[folder.name] = (count + len(sizes), size + sum(sizes))
    return found


@dataclass
class Cleared:
    """What ``gapcalc cache --clear`` did: entries and bytes removed, entries it could not remove (and why), and
    other files it left alone."""

    removed: int = 0
    size: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)
    left: int = 0


def clear(root: Path) -> Cleared:
    """Remove gapcalc's entries under ``root`` — files named as entries, in gapcalc's own folders, and nothing else;
    folders are removed only when that leaves them empty."""
    done = Cleared()
    if not root.is_dir():
        return done
    for folder in _kind_folders(root):
        for entry in _entry_files(folder):
            try:
                size = entry.stat().st_size
                entry.unlink()
            except FileNotFoundError:  # removed meanwhile by another gapcalc
                continue
            except OSError as error:
                done.failed += 1
                if len(done.reasons) < 3:
                    done.reasons.append(f"{entry}: {error.strerror or error}")
                continue
            done.removed += 1
            done.size += size
        done.left += _prune(folder)
    own = own_folder(root)
    if own.is_dir() and _is_ours(own) and [p.name for p in _children(own)] == [TAG_NAME]:
        with contextlib.suppress(OSError):
            (own / TAG_NAME).unlink()
            try:
                own.rmdir()
            except OSError:  # a run wrote an entry meanwhile: the folder is still gapcalc's
                _tag(own)
    return done


def _prune(folder: Path) -> int:
    """Remove the empty shard folders of a kind (and the kind's folder when empty); how many other files remain
    (entries written meanwhile by another gapcalc are not counted: they are not others)."""
    others = 0
    for shard in [p for p in _children(folder) if p.is_dir() and not p.is_symlink()]:
        try:
            shard.rmdir()
        except FileNotFoundError:  # removed meanwhile by another gapcalc
            continue
        except OSError:
            others += sum(1 for p in _children(shard) if not _is_entry_name(p.name, shard.name))
    others += sum(1 for p in _children(folder) if not p.is_dir() or p.is_symlink())
    with contextlib.suppress(OSError):
        folder.rmdir()
    return others


def size_bound() -> int | None:
    """The cache's size bound in bytes (``$GAPCALC_CACHE_MAX_MB``, else :data:`DEFAULT_MAX_MB`); None for no bound.
    A value that is not a whole number of MB is ignored."""
    chosen = os.environ.get(MAX_MB_ENV, "").strip()
    megabytes = int(chosen) if chosen.isdigit() else DEFAULT_MAX_MB
    return megabytes * MEGABYTE if megabytes > 0 else None


def keep_within_bound(root: Path) -> None:
    """Prune the least recently used entries under ``root`` when the cache is past its bound; done once per process,
    when it writes its first entry (a run that only reads never scans the cache)."""
    global _bound_checked
    if _bound_checked:
        return
    _bound_checked = True
    bound = size_bound()
    if bound is not None:
        prune(root, bound)


@dataclass
class Pruned:
    """What :func:`prune` did: entries removed and why (unused, beyond the bound), bytes removed, entries it could
    not remove, and entries kept."""

    unused: int = 0
    beyond_bound: int = 0
    size: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)
    kept: int = 0
    kept_size: int = 0

    @property
    def removed(self) -> int:
        """Entries removed, for any reason."""
        return self.unused + self.beyond_bound


@dataclass(frozen=True)
class _Entry:
    path: Path
    size: int
    used: float
    temporary: bool


def prune(root: Path, bound: int | None, unused_days: float | None = None, now: float | None = None) -> Pruned:
    """Remove, under ``root``: temporary files abandoned for an hour, entries not used for ``unused_days`` (when
    given), then the least recently used entries while the rest is larger than ``bound`` (down to three quarters of
    it, so that the next runs do not prune again at once). Only gapcalc's own entries are ever removed, in its
    marked folder (see :func:`_entries_of`); the first layout's untagged folders are left to :func:`clear`."""
    done = Pruned()
    now = time.time() if now is None else now
    entries = _entries_of(root)
    kept: list[_Entry] = []
    for entry in entries:
        reason = _stale_reason(entry, now, unused_days)
        if reason is None:
            kept.append(entry)
        elif _remove(entry, done):
            setattr(done, reason, getattr(done, reason) + 1)
    total = sum(entry.size for entry in kept)
    if bound is not None and total > bound:
        kept.sort(key=lambda entry: entry.used)
        while kept and total > bound * 3 // 4:
            entry = kept.pop(0)
            if _remove(entry, done):
                done.beyond_bound += 1
                total -= entry.size
    done.kept, done.kept_size = len(kept), sum(entry.size for entry in kept)
    for folder in _own_kind_folders(root) if root.is_dir() else []:
        _prune(folder)
    return done


def _stale_reason(entry: _Entry, now: float, unused_days: float | None) -> str | None:
    """Why ``entry`` is removed whatever the bound: a field of :class:`Pruned`, or None to keep it."""
    if entry.temporary:
        return "unused" if now - entry.used > TOUCH_AFTER else None
    if unused_days is not None and now - entry.used > unused_days * 86400:
        return "unused"
    return None


def _entries_of(root: Path) -> list[_Entry]:
    """gapcalc's entries under ``root``: files named as entries (:func:`_entry_files`) in its marked folder that
    begin with an entry's magic bytes (or are empty temporary files)."""
    found: list[_Entry] = []
    for folder in _own_kind_folders(root) if root.is_dir() else []:
        for path in _entry_files(folder):
            try:
                info = path.stat()
                with path.open("rb") as stream:
                    start = stream.read(len(MAGIC))
            except OSError:
                continue
            temporary = bool(_TEMPORARY_NAME.fullmatch(path.name))
            if start == MAGIC or (temporary and info.st_size == 0):
                found.append(_Entry(path, info.st_size, info.st_mtime, temporary))
    return found


def _remove(entry: _Entry, done: Pruned) -> bool:
    try:
        entry.path.unlink()
    except FileNotFoundError:  # removed meanwhile by another gapcalc
        return False
    except OSError as error:
        done.failed += 1
        if len(done.reasons) < 3:
            done.reasons.append(f"{entry.path}: {error.strerror or error}")
        return False
    done.size += entry.size
    return True
