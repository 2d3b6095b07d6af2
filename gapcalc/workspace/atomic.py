"""Replacing output files atomically: a reader sees the old file or the whole new one, never half of it.

Everything gapcalc writes for the user goes through :func:`atomic_output`: the data goes to a temporary file in the
same directory (so the final rename never crosses file systems), is flushed and fsynced, and only then renamed over
the target with :func:`os.replace`. An output that is not a regular file (``/dev/stdout``, a named pipe) is
written in place, since it cannot be replaced. On any error the temporary file is removed, the old file is left as
it was, and a :class:`~gapcalc.errors.GapcalcError` says what happened (exit 2). The new file gets the permissions
of the file it replaces, or the usual ones (``0666`` less the umask) when there was none.

API::

    write_atomic(path, data)                       # bytes
    write_atomic(path, text, encoding="utf-8")     # str (newline="" keeps "\\r\\n" as given)
    with atomic_output(path, text=True) as handle: # a stream, for writers that produce output piece by piece
        handle.write(...)
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
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
def atomic_output(path: Path, text: Literal[True] = ..., encoding: str = ...,
                  newline: str | None = ...) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_output(path: Path, text: Literal[False], encoding: str = ...,
                  newline: str | None = ...) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_output(path: Path, text: bool = True, encoding: str = "utf-8",
                  newline: str | None = None) -> contextlib.AbstractContextManager[IO[Any]]:
    """A stream whose content replaces ``path`` when the ``with`` block ends without an error."""
    return _atomic_output(path, text, encoding, newline)


@contextlib.contextmanager
def _atomic_output(path: Path, text: bool, encoding: str, newline: str | None) -> Iterator[IO[Any]]:
    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/stdout, a pipe: written in place
        with _in_place(path, text, encoding, newline) as device:
            yield device
        return
    import tempfile  # only when a file is written: it imports shutil and random

    folder = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise write_error(path, error) from None
    try:
        stream: IO[Any] = (os.fdopen(handle, "w", encoding=encoding, newline=newline) if text
                           else os.fdopen(handle, "wb"))
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise write_error(path, error) from None
        raise


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


def write_atomic(path: Path, data: bytes | str, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Replace ``path`` with ``data`` (bytes, or text in ``encoding``) atomically; a GapcalcError on failure."""
    if isinstance(data, bytes):
        with atomic_output(path, text=False) as binary:
            binary.write(data)
        return
    with atomic_output(path, text=True, encoding=encoding, newline=newline) as stream:
        stream.write(data)
