"""A content-addressed cache of compiled plans, actuals readings and check results, so that unchanged files are not
parsed again.

An entry is named by a SHA-256 hash of everything its content depends on (the file's bytes, gapcalc's code and version,
the Python version); a changed file gets a new name, so an entry is never stale and never needs invalidating. The
digest of an input file's bytes is kept in a file index (:meth:`Cache.file_digest`), one per folder of inputs, under
the file's size, modification and change times, inode and device: an unchanged file is not read again to find its
entries. A file whose times are within :data:`RACY_SECONDS` of now is hashed every time and not recorded (git's
racy-clean rule): an edit within the same tick of the clock, to the same size, is still seen.

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
larger than its bound (``$GAPCALC_CACHE_MAX_MB``, default :data:`DEFAULT_MAX_MB`). A run never prunes while it
works: the first entry a process writes lists the cache (:func:`keep_within_bound`), and when the process ends
(:func:`finish`, run at exit) it saves the file indexes it changed and, past the bound, removes the least recently
used entries — never one this process read or wrote: when those alone are larger than the bound, the bound grows to
them for this run. Pruning deletes only files that are named as entries, inside the marked folder, and that begin
with an entry's magic bytes.

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
import stat
import sys
import time
import zlib
from collections.abc import Callable, Collection
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
INDEX_KIND = "index"
"""The kind of the file indexes' entries (:meth:`Cache.file_digest`): one entry per folder of input files."""
MAX_MB_ENV = "GAPCALC_CACHE_MAX_MB"
DEFAULT_MAX_MB = 256
"""The size bound of the cache, in MB (of 1,048,576 bytes), when ``$GAPCALC_CACHE_MAX_MB`` does not say (``0``: no
bound, never pruned on its own). A run whose own entries are larger keeps them all: the bound grows to them for that
run (:func:`finish`)."""
UNUSED_DAYS = 30
"""``gapcalc cache --prune`` removes entries not used for this many days (``--days``)."""
TOUCH_AFTER = 3600.0
"""Seconds after which reading an entry refreshes its modification time (its time of last use); more often would
cost a write per read for nothing."""
RACY_SECONDS = 2.0
"""A file whose modification or change time is less than this before now (or after it) is hashed every time it is
looked at, and never recorded in a file index: another write within the same tick of the file system's clock, to
the same size, would leave its times as they are (git's racy-clean rule; 2 s is the coarsest tick, FAT's)."""
MEGABYTE = 1048576
_bound_checked = False
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}")
_TEMPORARY_NAME = re.compile(r"\.tmp-[A-Za-z0-9_]+")
_SHARD_NAME = re.compile(r"[0-9a-f]{2}")


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
        self.directory = root
        self.root = own_folder(root) if root is not None else None
        self.folder = self.root / kind if self.root is not None else None
        self.hits = 0
        self.misses = 0
        self.discarded = 0

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None (a damaged entry is deleted)."""
        if self.folder is None or self.directory is None:
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
        _run.note_use(self.directory, key, len(data))
        if time.time() - used > TOUCH_AFTER:
            with contextlib.suppress(OSError):  # a read-only cache is still read
                os.utime(path)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (plain data only) under ``key``; large values are skipped. Never raises an OSError: a
        failed write (the cache removed meanwhile, a full disk, a read-only folder) only leaves the value uncached.
        The first entry a process writes lists the cache, for the prune at its end (:func:`keep_within_bound`)."""
        if self._store(key, value) and self.directory is not None:
            with contextlib.suppress(OSError):  # another process may remove entries and folders as they are listed
                keep_within_bound(self.directory)

    def _store(self, key: str, value: Any) -> bool:
        """Write the entry; whether it was written."""
        if self.folder is None or self.root is None or self.directory is None:
            return False
        try:
            data = encode_entry(key, value)
        except ValueError:  # not plain data: a bug, but the cache is never worth a failure
            return False
        if len(data) > MAX_ENTRY_BYTES:
            return False
        target = self.folder / key[:2] / key
        try:
            _write_entry(self.root, target, data)
        except OSError:
            try:  # once more: its folder (or the whole cache) may have been removed meanwhile (cache --clear)
                _write_entry(self.root, target, data)
            except FileNotFoundError:  # removed again: this entry is not cached, that is all
                return False
            except OSError:
                self.folder = None  # read-only, full, not a directory: run without the cache rather than fail
                return False
        _run.note_use(self.directory, key, len(data), target)
        return True

    def file_digest(self, path: Path, read: Callable[[], bytes], limit: int | None = None) -> tuple[str, bytes | None]:
        """The digest of the bytes of the file at ``path`` (:func:`digest_of`: what its entries are named by) and,
        when they had to be read, the bytes (``read()`` reads them, raising what the caller's reading raises).

        The digest comes from the file index of the file's folder when the file's signature — size, modification
        and change times in nanoseconds, inode, device — is the one recorded with it; otherwise the file is read
        and hashed, and the digest recorded when the file's times are at least :data:`RACY_SECONDS` old and the
        signature did not change while it was read (saved with the index when the process ends). A file larger than
        ``limit`` is always read (``read`` refuses it). Without a cache the file is read and hashed."""
        index = None
        before: os.stat_result | None = None
        name = ""
        if self.directory is not None and self.root is not None:
            folder, name = os.path.split(os.path.abspath(path))
            index = _run.index_of(self.directory, folder)
            with contextlib.suppress(OSError, ValueError):
                before = os.stat(path)
            if before is not None and stat.S_ISREG(before.st_mode) and (limit is None or before.st_size <= limit):
                known = index.digest(name, _signature(before))
                if known is not None and not _racy(before):
                    return known, None
        data = read()
        digest = digest_of(data)
        if index is not None and before is not None:
            after: os.stat_result | None = None
            with contextlib.suppress(OSError, ValueError):
                after = os.stat(path)
            signature = _signature(before)
            if after is not None and _signature(after) == signature and not _racy(after):
                index.record(name, signature, digest)
            else:
                index.forget(name)
        return digest, data


def _signature(info: os.stat_result) -> tuple[int, int, int, int, int]:
    """What says a file is unchanged: size, modification and change times (ns), inode and device. The change time
    cannot be set back: a tool that restores the modification time after writing (``cp -p``, ``touch -r``) still
    changes it."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def _now_ns() -> int:
    return time.time_ns()


def _racy(info: os.stat_result) -> bool:
    """The file changed (or its times say it did) within :data:`RACY_SECONDS` of now, or in the future: its
    signature may not change with its next write."""
    return max(info.st_mtime_ns, info.st_ctime_ns) >= _now_ns() - int(RACY_SECONDS * 1e9)


@dataclass
class _FileIndex:
    """The file index of one folder of input files: per file name, the signature its bytes were hashed with and
    their digest; what this process recorded (or forgot: None) is saved when it ends."""

    store: Cache
    key: str
    records: dict[str, Any]
    changes: dict[str, tuple[int, int, int, int, int, bytes] | None] = field(default_factory=dict)

    def digest(self, name: str, signature: tuple[int, ...]) -> str | None:
        record = self.records.get(name)
        if (isinstance(record, tuple) and len(record) == len(signature) + 1 and record[:-1] == signature
                and isinstance(record[-1], bytes) and len(record[-1]) == KEY_BYTES):
            return record[-1].hex()
        return None

    def record(self, name: str, signature: tuple[int, int, int, int, int], digest: str) -> None:
        made = (*signature, bytes.fromhex(digest))
        if self.records.get(name) != made:
            self.records[name] = self.changes[name] = made

    def forget(self, name: str) -> None:
        if name in self.records:
            del self.records[name]
            self.changes[name] = None

    def save(self) -> None:
        """Write the index with this process's changes over what other processes saved meanwhile (a change lost
        to a concurrent save only means that a file is hashed once more)."""
        if not self.changes:
            return
        saved = self.store.get(self.key)
        merged = dict(saved) if isinstance(saved, dict) else {}
        for name, made in self.changes.items():
            if made is None:
                merged.pop(name, None)
            else:
                merged[name] = made
        self.store._store(self.key, merged)
        self.changes = {}


@dataclass
class _Run:
    """What this process did with the cache, per cache directory: the entries it used (read or wrote) and their
    sizes, the entries it wrote, the cache as listed when it first wrote; and the file indexes it looked at."""

    pid: int = field(default_factory=os.getpid)
    used: dict[Path, dict[str, int]] = field(default_factory=dict)
    written: dict[Path, dict[str, tuple[Path, int]]] = field(default_factory=dict)
    listed: dict[Path, list[_Entry]] = field(default_factory=dict)
    indexes: dict[tuple[Path, str], _FileIndex] = field(default_factory=dict)

    def note_use(self, root: Path, key: str, size: int, written: Path | None = None) -> None:
        _at_exit_once()
        self.used.setdefault(root, {})[key] = size
        if written is not None:
            self.written.setdefault(root, {})[key] = (written, size)

    def index_of(self, root: Path, folder: str) -> _FileIndex:
        found = self.indexes.get((root, folder))
        if found is None:
            store = Cache(INDEX_KIND, root)
            key = content_key(INDEX_KIND, folder.encode("utf-8", "surrogateescape"))
            records = store.get(key)
            found = _FileIndex(store, key, dict(records) if isinstance(records, dict) else {})
            self.indexes[(root, folder)] = found
        return found


_run = _Run()
_exit_registered = False


def _at_exit_once() -> None:
    global _exit_registered
    if not _exit_registered:
        import atexit

        atexit.register(_finish_quietly)
        _exit_registered = True


def _finish_quietly() -> None:
    """:func:`finish` at exit: the cache is never worth a failure, a message, or a changed exit status."""
    with contextlib.suppress(BaseException):
        finish()


def finish() -> None:
    """End this process's run of the cache (called when the process exits): save the file indexes it changed, then,
    when the cache it wrote to has grown past its bound, remove the least recently used entries it did not use
    (:func:`prune` with ``keep``). Nothing is removed while a run works."""
    global _run
    run = _run
    if run.pid != os.getpid():  # a forked child: its parent finishes the run
        _run = _Run()
        return
    for index in list(run.indexes.values()):
        with contextlib.suppress(OSError):
            index.save()
    _run = _Run()
    bound = size_bound()
    if bound is None:
        return
    now = time.time()
    for root, listed in run.listed.items():
        written = run.written.get(root, {})
        entries = [entry for entry in listed if entry.path.name not in written]
        entries += [_Entry(path, size, now, False, 0) for path, size in written.values()]
        with contextlib.suppress(OSError):
            prune(root, bound, now=now, keep=run.used.get(root, {}), listed=entries)


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


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _entry_stats(kind_folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The regular files (not symbolic links) of a kind's folder that have the name of an entry (or of an entry
    being written), each with what ``lstat`` said of it: one system call a file."""
    found: list[tuple[Path, os.stat_result]] = []
    if not kind_folder.is_dir() or kind_folder.is_symlink():
        return found
    for shard in _children(kind_folder):
        info = _lstat(shard) if _SHARD_NAME.fullmatch(shard.name) else None
        if info is None or not stat.S_ISDIR(info.st_mode):
            continue
        for entry in _children(shard):
            if _is_entry_name(entry.name, shard.name):
                info = _lstat(entry)
                if info is not None and stat.S_ISREG(info.st_mode):
                    found.append((entry, info))
    return found


def _entry_files(kind_folder: Path) -> list[Path]:
    """The files of a kind's folder that have the name of an entry (or of an entry being written)."""
    return [path for path, _ in _entry_stats(kind_folder)]


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
        sizes = [info.st_size for _, info in _entry_stats(folder)]
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
        for entry, info in _entry_stats(folder):
            try:
                entry.unlink()
            except FileNotFoundError:  # removed meanwhile by another gapcalc
                continue
            except OSError as error:
                done.failed += 1
                if len(done.reasons) < 3:
                    done.reasons.append(f"{entry}: {error.strerror or error}")
                continue
            done.removed += 1
            done.size += info.st_size
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
    """List the cache under ``root`` when this process writes its first entry (once per process; a run that only
    reads never scans the cache): what :func:`finish` prunes from, past the bound, when the process ends. Nothing
    is removed here — a run never prunes while it works, so it never removes an entry it is about to read again."""
    global _bound_checked
    if _bound_checked:
        return
    _bound_checked = True
    if size_bound() is not None:
        _run.listed[root] = _entries_of(root, check_magic=False)


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
    stamp: int  # the modification time in ns when listed: an entry used since by another process is not removed


def prune(root: Path, bound: int | None, unused_days: float | None = None, now: float | None = None,
          keep: Collection[str] = (), listed: list[_Entry] | None = None) -> Pruned:
    """Remove, under ``root``: temporary files abandoned for an hour, entries not used for ``unused_days`` (when
    given), then the least recently used entries while the rest is larger than ``bound`` (down to three quarters of
    it, so that the next runs do not prune again at once). Entries named in ``keep`` (those a run used) are never
    removed, and when they alone are larger than ``bound``, the bound is theirs. Only gapcalc's own entries are ever
    removed, in its marked folder (see :func:`_entries_of`; ``listed``: entries listed before, by
    :func:`keep_within_bound`); an entry whose modification time changed since it was listed (used by another
    process meanwhile) is kept. The first layout's untagged folders are left to :func:`clear`."""
    done = Pruned()
    now = time.time() if now is None else now
    entries = _entries_of(root) if listed is None else listed
    kept: list[_Entry] = []
    for entry in entries:
        reason = None if entry.path.name in keep else _stale_reason(entry, now, unused_days)
        if reason is None:
            kept.append(entry)
            continue
        outcome = _remove(entry, done)
        if outcome == "removed":
            setattr(done, reason, getattr(done, reason) + 1)
        elif outcome == "kept":
            kept.append(entry)
    total = sum(entry.size for entry in kept)
    used = sum(entry.size for entry in kept if entry.path.name in keep)
    removed_any = done.removed > 0
    if bound is not None and total > max(bound, used):
        floor = max(bound * 3 // 4, used)
        gone: set[Path] = set()
        for entry in sorted((e for e in kept if e.path.name not in keep), key=lambda e: e.used):
            if total <= floor:
                break
            outcome = _remove(entry, done)
            if outcome != "kept":
                gone.add(entry.path)
                total -= entry.size
                done.beyond_bound += outcome == "removed"
        kept = [entry for entry in kept if entry.path not in gone]
        removed_any = removed_any or bool(gone)
    done.kept, done.kept_size = len(kept), sum(entry.size for entry in kept)
    if removed_any or listed is None:
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


def _is_entry_file(path: Path, size: int) -> bool:
    """``path`` begins with an entry's magic bytes (or is an empty temporary file): gapcalc wrote it."""
    if _TEMPORARY_NAME.fullmatch(path.name) and size == 0:
        return True
    try:
        with path.open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _entries_of(root: Path, check_magic: bool = True) -> list[_Entry]:
    """gapcalc's entries under ``root``: files named as entries (:func:`_entry_stats`) in its marked folder that
    begin with an entry's magic bytes (or are empty temporary files). Without ``check_magic`` the files are not
    opened (a listing for later: :func:`_remove` checks the magic bytes of what it removes)."""
    found: list[_Entry] = []
    for folder in _own_kind_folders(root) if root.is_dir() else []:
        for path, info in _entry_stats(folder):
            if not check_magic or _is_entry_file(path, info.st_size):
                found.append(_Entry(path, info.st_size, info.st_mtime, bool(_TEMPORARY_NAME.fullmatch(path.name)),
                                    info.st_mtime_ns))
    return found


def _remove(entry: _Entry, done: Pruned) -> str:
    """Remove ``entry`` if it is still the entry listed: ``"removed"``; ``"gone"`` when it no longer exists or is
    not gapcalc's; ``"kept"`` when it was used since it was listed, or cannot be removed (counted as failed)."""
    info = _lstat(entry.path)
    if info is None or not stat.S_ISREG(info.st_mode):
        return "gone"
    if info.st_mtime_ns != entry.stamp:
        return "kept"
    if not _is_entry_file(entry.path, info.st_size):
        return "gone"
    try:
        entry.path.unlink()
    except FileNotFoundError:  # removed meanwhile by another gapcalc
        return "gone"
    except OSError as error:
        done.failed += 1
        if len(done.reasons) < 3:
            done.reasons.append(f"{entry.path}: {error.strerror or error}")
        return "kept"
    done.size += entry.size
    return "removed"
