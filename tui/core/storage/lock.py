"""The flock every read-modify-write holds, so two SSH sessions saving at once lose nothing.

Thaw supports Linux and macOS. `fcntl` is imported guarded: on another platform `python -m tui`
says so in one sentence at start (`PLATFORM_SENTENCE`) instead of failing with an ImportError.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.core.errors import DataError
from tui.core.storage import files

try:
    import fcntl
except ImportError:  # pragma: no cover - only on platforms Thaw does not support
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 15.0
PLATFORM_SENTENCE = (
    "Thaw runs on Linux and macOS; this system has no file locking Thaw can trust to keep "
    "your entries safe, so it did not start."
)
BUSY_SENTENCE = (
    "Another Thaw window is busy saving and has not finished. Nothing was changed here; "
    "please try again in a moment."
)


def supported() -> bool:
    """Whether this platform has the flock Thaw relies on (Linux and macOS do)."""
    return fcntl is not None


@contextmanager
def locked(root: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive flock on `root/.lock` (created 0600) for a read-modify-write."""
    if fcntl is None:  # pragma: no cover - see PLATFORM_SENTENCE
        raise DataError(PLATFORM_SENTENCE)
    lock_path = root / LOCK_NAME
    try:
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(lock_path, flags, files.FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise files.symlink_error(lock_path) from None
        raise files.write_error(exc, lock_path) from exc
    try:
        deadline = time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DataError(BUSY_SENTENCE) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
