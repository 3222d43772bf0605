"""The project lock (``.gzctl.lock``): one writer at a time in a village.

On POSIX an exclusive ``fcntl.flock`` on the lock file, the same lock the ``filelock``
package takes there (so a gzctl of an earlier version, which used it, and this one still
exclude each other), opened without following a symlink (a planted ``.gzctl.lock`` link is
refused instead of truncating the file it points to). Importing ``filelock`` cost more than
the whole rest of a ``gzctl done``; it remains the lock where ``fcntl`` is missing (Windows).
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


_POLL = 0.02  # seconds between attempts while another process holds the lock


@contextmanager
def hold(path: Path, timeout: float) -> Iterator[None]:
    """Hold the exclusive lock on ``path`` for the ``with`` block; LockTimeout after
    ``timeout`` seconds of waiting. The lock file itself is left in place (as filelock does)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None  # type: ignore[assignment]
    fd = None if fcntl is None else _open(path)
    if fd is None or not _flock(fd, path, timeout):
        if fd is not None:
            os.close(fd)
        with _hold_filelock(path, timeout):  # no flock here: filelock finds another way
            yield
        return
    try:
        yield
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _open(path: Path) -> int:
    """The lock file's descriptor, opened without following a symlink (gzctl/core/safefs)."""
    from gzctl.core.safefs import open_lock_file

    return open_lock_file(path)


def _flock(fd: int, path: Path, timeout: float) -> bool:
    """Take the exclusive flock on ``fd``, waiting up to ``timeout`` seconds; False when the
    file system has no flock (then the caller uses filelock), LockTimeout when it stays taken."""
    import fcntl

    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.ENOSYS, errno.ENOLCK, errno.EOPNOTSUPP):
                return False
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                os.close(fd)
                raise
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LockTimeout(str(path)) from None
            time.sleep(_POLL)


@contextmanager
def _hold_filelock(path: Path, timeout: float) -> Iterator[None]:  # pragma: no cover - Windows
    from filelock import FileLock, Timeout

    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise LockTimeout(str(path)) from exc
    try:
        yield
    finally:
        lock.release()
