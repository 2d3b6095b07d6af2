"""Replacing output files atomically: a reader sees the old file or the whole new one, never half of it.

Everything gapcalc writes for the user goes through :func:`atomic_output`: the data goes to a temporary file in the
same directory (so the final rename never crosses file systems), is flushed and fsynced, and only then renamed over
the target with :func:`os.replace`. An output that is not a regular file (``/dev/stdout``, a named pipe) is
written in place, since it cannot be replaced. On any error (or Ctrl-C, or SIGTERM: the command line unwinds it the
same way) the temporary file is removed, the old file is left as it was, and a :class:`~gapcalc.errors.GapcalcError`
says what happened (exit 2). The new file gets the permissions of the file it replaces, or the usual ones (``0666``
less the umask) when there was none.

API::

    write_atomic(path, data)                       # bytes
    write_atomic(path, text, encoding="utf-8")     # str (newline="" keeps "\\r\\n" as given)
    with atomic_output(path, text=True) as handle: # a stream, for writers that produce output piece by piece
        handle.write(...)
    write_files({path: data, ...})                 # many files (a site): none is named until all are written

``parents=True`` makes the missing folders first; ``exclusive=True`` never replaces a file that exists, even one
another process creates meanwhile: the complete file is linked to its name, which fails if the name is taken.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal, overload

from gapcalc.errors import GapcalcError
from gapcalc.messages import t

_HINTS = {
    errno.ENOSPC: t("the disk is full: free some space or write elsewhere"),
    errno.EDQUOT: t("the disk quota is exceeded: free some space or write elsewhere"),
    errno.EACCES: t("check the permissions of the file and its directory, or choose another --output"),
    errno.EPERM: t("check the permissions of the file and its directory, or choose another --output"),
    errno.EROFS: t("the file system is read-only: choose another --output"),
    errno.ENOENT: t("the directory does not exist: create it or choose another --output"),
    errno.EISDIR: t("the output is a directory: give a file name"),
    errno.ENOTDIR: t("a part of the path is not a directory"),
}


def write_error(path: Path, error: OSError) -> GapcalcError:
    """The GapcalcError for a failed write of ``path`` (message with the system's reason, and a hint)."""
    if error.errno == errno.EEXIST:
        return GapcalcError(t("{path} already exists", path=str(path)), t("pass --force to replace it"))
    reason = error.strerror or type(error).__name__
    return GapcalcError(t("cannot write {path}: {reason}", path=str(path), reason=reason),
                        _HINTS.get(error.errno or 0, t("check the path and that there is space on the disk")))


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@overload
def atomic_output(path: Path, text: Literal[True] = ..., encoding: str = ..., newline: str | None = ...,
                  parents: bool = ..., exclusive: bool = ...) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_output(path: Path, text: Literal[False], encoding: str = ..., newline: str | None = ...,
                  parents: bool = ..., exclusive: bool = ...) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_output(path: Path, text: bool = True, encoding: str = "utf-8", newline: str | None = None,
                  parents: bool = False, exclusive: bool = False) -> contextlib.AbstractContextManager[IO[Any]]:
    """A stream whose content replaces ``path`` (or, ``exclusive``, takes the free name ``path``) when the ``with``
    block ends without an error; ``parents`` makes the missing folders first."""
    return _atomic_output(path, text, encoding, newline, parents, exclusive)


@contextlib.contextmanager
def _atomic_output(path: Path, text: bool, encoding: str, newline: str | None, parents: bool,
                   exclusive: bool) -> Iterator[IO[Any]]:
    if path.exists() and not path.is_file() and not path.is_dir() and not exclusive:  # /dev/stdout, a pipe
        with _in_place(path, text, encoding, newline) as device:
            yield device
        return
    import tempfile  # only when a file is written: it imports shutil and random

    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        if exclusive and os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if parents:
            folder.mkdir(parents=True, exist_ok=True)
        with _signals_deferred():  # a Ctrl-C or SIGTERM comes once the file is named here, to be removed below
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise write_error(path, error) from None
    except BaseException:
        if temporary is not None:
            with _signals_deferred(), contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    try:
        stream: IO[Any] = (os.fdopen(handle, "w", encoding=encoding, newline=newline) if text
                           else os.fdopen(handle, "wb"))
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        _publish(temporary, path, exclusive)
    except BaseException as error:
        with _signals_deferred(), contextlib.suppress(OSError):  # a second signal does not cut this short
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise write_error(path, error) from None
        raise


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while the body runs, then handled as they would have been: a temporary file is
    never made without the clean-up knowing its name, nor left half removed. Signals reach Python code only in the
    main thread: elsewhere nothing changes."""
    import signal

    came: list[int] = []
    previous: dict[int, Any] = {}
    try:
        for number in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(number)
            if handler is not None:  # None: a handler not installed from Python, left alone
                signal.signal(number, lambda got, _frame: came.append(got))
                previous[number] = handler
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for held, handler in previous.items():
            signal.signal(held, handler)
        for got in came:
            if callable(previous[got]):
                previous[got](got, None)
            elif previous[got] == signal.SIG_DFL:
                signal.raise_signal(got)


def _publish(temporary: str, path: Path, exclusive: bool) -> None:
    """Give the complete temporary file its name: replacing what is there, or (``exclusive``) only if it is free."""
    if not exclusive:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: claim the name, then fill it
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temporary, path)
    else:
        os.unlink(temporary)


@contextlib.contextmanager
def _in_place(path: Path, text: bool, encoding: str, newline: str | None) -> Iterator[IO[Any]]:
    """A device or a pipe (``-o /dev/stdout``) cannot be replaced: it is written directly."""
    try:
        stream: IO[Any] = (open(path, "w", encoding=encoding, newline=newline) if text  # noqa: SIM115
                           else open(path, "wb"))
        with stream:
            yield stream
    except OSError as error:
        raise write_error(path, error) from None


def write_atomic(path: Path, data: bytes | str, encoding: str = "utf-8", newline: str | None = None,
                 parents: bool = False, exclusive: bool = False) -> None:
    """Replace ``path`` with ``data`` (bytes, or text in ``encoding``) atomically (``exclusive``: only a free name;
    ``parents``: folders made as needed); a GapcalcError on failure."""
    if isinstance(data, bytes):
        with atomic_output(path, text=False, parents=parents, exclusive=exclusive) as binary:
            binary.write(data)
        return
    with atomic_output(path, text=True, encoding=encoding, newline=newline, parents=parents,
                       exclusive=exclusive) as stream:
        stream.write(data)


def write_files(files: Mapping[Path, bytes], parents: bool = False, exclusive: bool = False) -> None:
    """Write many files (the pages of a site) as :func:`write_atomic` writes one, but as a set: every file goes to a
    temporary beside its target and is flushed to the disk, a few hundred open at a time, and only when all are
    there are they given their names. A failure while writing (a full disk, a signal) leaves every target as it
    was; ``exclusive`` never replaces a file that exists (a name taken meanwhile stops the publishing there, and is
    reported)."""
    import tempfile

    written: list[tuple[str, Path]] = []
    published = 0
    syncfs = _syncfs()
    try:
        items = list(files.items())
        for start in range(0, len(items), _OPEN_AT_ONCE):
            _write_flushed(tempfile, items[start:start + _OPEN_AT_ONCE], parents, written, flush=syncfs is None)
        if syncfs is not None:
            _sync_filesystems(syncfs, [path for _, path in written])
        for temporary, path in written:
            try:
                os.chmod(temporary, _mode_for(path))
                _publish(temporary, path, exclusive)
            except OSError as error:
                raise write_error(path, error) from None
            published += 1
    finally:
        with _signals_deferred():
            for temporary, _ in written[published:]:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


_OPEN_AT_ONCE = 128
"""How many temporary files :func:`write_files` keeps open before flushing them (well below any limit of open
files)."""


def _syncfs() -> Any:
    """The system's ``syncfs`` (Linux: every file of one filesystem to the disk in one call), or None where the
    system has none: then each file is flushed by itself."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    return function


def _sync_filesystems(syncfs: Any, paths: list[Path]) -> None:
    """The files written under ``paths`` on the disk: one ``syncfs`` for each filesystem they are on."""
    import ctypes

    synced: set[int] = set()
    folders: dict[Path, Path] = {}
    for path in paths:
        folders.setdefault(path.parent if str(path.parent) else Path("."), path)  # named by its first file
    for folder, path in folders.items():
        try:
            device = os.stat(folder).st_dev
            if device in synced:
                continue
            handle = os.open(folder, os.O_RDONLY)
            try:
                if syncfs(handle) != 0:
                    number = ctypes.get_errno()
                    raise OSError(number, os.strerror(number))
            finally:
                os.close(handle)
            synced.add(device)
        except OSError as error:
            raise write_error(path, error) from None


def _write_flushed(tempfile: Any, items: list[tuple[Path, bytes]], parents: bool,
                   written: list[tuple[str, Path]], flush: bool = True) -> None:
    """Each ``(path, data)`` in a new temporary file beside its path, all written, then (``flush``) all flushed to
    the disk; every temporary made is added to ``written`` as soon as it has a name, for the caller to clean up."""
    handles: list[int] = []
    at = items[0][0] if items else Path(".")  # the file being written or flushed, for the message
    try:
        for at, data in items:
            handles.append(_temporary(tempfile, at, parents, written))
            view = memoryview(data)
            while view:
                view = view[os.write(handles[-1], view):]
        for index, handle in enumerate(handles if flush else ()):
            at = items[index][0]
            os.fsync(handle)
    except OSError as error:
        raise write_error(at, error) from None
    finally:
        for handle in handles:
            os.close(handle)


def _temporary(tempfile: Any, path: Path, parents: bool, written: list[tuple[str, Path]]) -> int:
    """A new temporary file beside ``path`` (its folder made first with ``parents``), open for writing."""
    folder = path.parent if str(path.parent) else Path(".")
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if parents and not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
    with _signals_deferred():
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        written.append((temporary, path))
    return int(handle)
