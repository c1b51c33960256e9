"""Where `export -o` and `report -o` may write: a file is replaced whole, a device is written to.

The person names the path, but what sits there decides how: a regular file of theirs is
replaced atomically (as every save is), a terminal, /dev/null or a pipe is written to as it is
and never replaced (as root, renaming over /dev/null breaks the machine), and a symbolic link,
a folder, a disk or someone else's file is refused with a sentence, leaving it as it was.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import DataError, InputError

if TYPE_CHECKING:
    from collections.abc import Iterable


def _reason(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _refusal(path: Path, info: os.stat_result) -> str | None:
    """The sentence refusing to write at `path` (as `lstat` saw it), or None when it may be."""
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return (
            f"{path} is a symbolic link, so Thaw won't write through it (it could replace a file "
            "somewhere else). Give the real file's path, or leave out -o to print it here."
        )
    if stat.S_ISDIR(mode):
        return f"{path} is a folder: add a file name after it, such as {path / 'thaw-export.json'}."
    if stat.S_ISBLK(mode):
        return f"{path} is a disk, not a file; Thaw won't write there. Choose a file name."
    if stat.S_ISSOCK(mode):
        return f"{path} is a socket, not a file; Thaw can't write there. Choose a file name."
    if stat.S_ISREG(mode) and info.st_uid != os.geteuid():
        return (
            f"{path} belongs to another user, so Thaw won't replace it. "
            "Choose a file of your own or a new name."
        )
    return None


def _is_stream(mode: int) -> bool:
    """A terminal, /dev/null or a pipe: something to write into, never to replace."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(path: Path, chunks: Iterable[bytes]) -> None:
    """Write into a device or a named pipe as it is, without creating or truncating anything."""
    try:
        # Non-blocking first, so a pipe nobody reads says so instead of waiting forever.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise DataError(
                f"Nothing is reading from {path} yet, so nothing was written. "
                "Start the reader first, then run this again."
            ) from None
        raise DataError(f"Thaw couldn't write to {path} ({_reason(err)}).") from None
    try:
        if not _is_stream(os.fstat(fd).st_mode):  # it changed under us since the check
            raise DataError(f"{path} changed while Thaw was writing; nothing was written.")
        os.set_blocking(fd, True)
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view) :]
    except OSError as err:
        raise DataError(f"Thaw couldn't write to {path} ({_reason(err)}).") from None
    finally:
        os.close(fd)


def write_output(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) to the path the person named; see `write_output_chunks`."""
    return write_output_chunks(path, (text,))


def write_output_chunks(path: Path, chunks: Iterable[str]) -> Path:
    """Write text made piece by piece (UTF-8) to the path the person named; returns the
    absolute path written. Nothing is checked or made before the path has been judged.

    A new or own regular file is replaced atomically and left readable only by its owner;
    a character device or FIFO is written to in place. InputError (with the sentence) when
    what is there must not be written to; DataError when the write itself fails or the folder
    does not exist.
    """
    target = path.expanduser().absolute()
    try:
        info: os.stat_result | None = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise DataError(f"Thaw can't look at {target} ({_reason(err)}).") from None
    data = (chunk.encode("utf-8") for chunk in chunks)
    if info is not None and stat.S_ISLNK(info.st_mode):
        # /dev/stdout and /dev/fd/N are links to the terminal or pipe this was started with.
        try:
            followed = target.stat()
        except OSError:
            followed = None
        if followed is not None and _is_stream(followed.st_mode):
            _write_stream(target, data)
            return target
    if info is not None:
        refusal = _refusal(target, info)
        if refusal is not None:
            raise InputError(refusal)
        if _is_stream(info.st_mode):
            _write_stream(target, data)
            return target
    if not target.parent.is_dir():
        raise DataError(
            f"There is no folder {target.parent}, so Thaw can't write {target.name} there. "
            "Choose a folder that exists."
        )
    from tui.core.storage.files import atomic_write_chunks

    atomic_write_chunks(target, data)
    return target
