"""Safe files: read only regular files (never blocking, size-capped), parse strictly, write
atomically.

Nothing here imports TinyDB or dataclasses: `due` reads one file through it at every login.
Every write: serialise first, temp file in the same folder, fsync, `os.replace`, fsync the folder.
Every read: `lstat` first, then open with O_NOFOLLOW|O_NONBLOCK and check again with `fstat`,
so a FIFO, device, socket or symlink where a data file should be is refused, never opened
blocking, and a file larger than any Thaw writes is never read into memory.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import (
    DataError,
    DiskFullError,
    ReadOnlyError,
    RefusedFileError,
    UnsafePathError,
)
from tui.core.storage.schema import META_TABLE, SCHEMA_VERSION, Loaded, Tables, migrate

if TYPE_CHECKING:
    from collections.abc import Iterable

DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
#: No file Thaw writes comes near this (a month of ten check-ins a day with the longest notes
#: is about 3 MB); anything larger is set aside unread instead of filling memory.
MAX_FILE_BYTES = 64 << 20

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_READ_ONLY = {errno.EACCES, errno.EROFS, errno.EPERM}

# --- the sentences a person sees -------------------------------------------------------------
NOT_LAID_OUT = "it is not laid out the way Thaw writes its files"
EMPTY = "it is empty"
TORN = "it was cut short or garbled"
ODD_VALUES = (
    "it holds values Thaw never writes (such as NaN, infinity, a number far too long, "
    "or nesting far too deep)"
)
TOO_LARGE = f"it is larger than any file Thaw writes (over {MAX_FILE_BYTES >> 20} MB)"
_NOT_REGULAR = (
    "{path} is {what}, not a regular file, so Thaw did not open it. Move it out of the data "
    "folder: Thaw keeps your entries only in plain files."
)
_WHAT = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
_SYMLINK = (
    "{path} is a symbolic link. Thaw will not follow links inside its data folder; "
    "move the real file into place or remove the link."
)
_FOREIGN = (
    "{path} belongs to another user (uid {uid}), so Thaw will not read or write it. "
    "Use a data folder that is yours (--data-dir or THAW_DATA_DIR)."
)
_DIR_LINK = (
    "{path} is a symbolic link. Thaw keeps your entries only in a real folder it owns, "
    "so it will not follow it; point --data-dir at the real folder instead."
)
_NOT_A_DIR = "{path} is not a folder, so Thaw cannot keep your data there."
_DISK_FULL_SENTENCE = (
    "The disk is full, so Thaw could not save to {path}. Nothing was lost: the file "
    "is as it was before. Free some space and try again."
)
_READ_ONLY_SENTENCE = (
    "Thaw can't write to {folder}: it is read-only here. Your entries are safe "
    "and nothing was changed."
)
_SAVE_FAILED = "Thaw could not save to {path} ({reason}). The file is as it was before."
_OPEN_FAILED = "Thaw could not open {path}: {reason}."


class NewerSchemaError(ReadOnlyError):
    """A file written by a newer Thaw: kept as it is and never written by this version."""


class BadFileError(Exception):
    """Internal: a data file that is empty, unparseable, odd or of the wrong shape."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # "empty" | "torn" | "values" | "shape" | "large": quarantine suffix
        self.detail = detail


# --- parsing ---------------------------------------------------------------------------------


def _refuse_constant(name: str) -> float:
    raise ValueError(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _schema_of(tables: dict[str, object]) -> int:
    meta = tables.get(META_TABLE)
    if meta is None or meta == {}:
        return 0
    if not isinstance(meta, dict):
        raise BadFileError("shape", NOT_LAID_OUT)
    for doc in meta.values():
        if isinstance(doc, dict) and "schema" in doc:
            value = doc["schema"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            raise BadFileError("shape", NOT_LAID_OUT)
    return 0


def parse_bytes(raw: bytes) -> Loaded:
    """Parse and check a data file's bytes. Raises BadFileError naming what is wrong."""
    if not raw.strip():
        raise BadFileError("empty", EMPTY)
    try:
        data = json.loads(
            raw.decode("utf-8"),
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )  # an integer of thousands of digits is refused by Python itself (ValueError)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadFileError("torn", TORN) from None
    except (ValueError, RecursionError, MemoryError):
        raise BadFileError("values", ODD_VALUES) from None
    if not isinstance(data, dict):
        raise BadFileError("shape", NOT_LAID_OUT)
    schema = _schema_of(data)
    for table in data.values():
        if not isinstance(table, dict):
            raise BadFileError("shape", NOT_LAID_OUT)
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise BadFileError("shape", NOT_LAID_OUT)
    if schema > SCHEMA_VERSION:
        return Loaded(data, schema)
    return Loaded(migrate(data, schema), schema)


def dump_tables(tables: Tables) -> bytes:
    """Serialise tables (stamping our schema version) to the bytes written to disk."""
    out = dict(tables)
    meta = tables.get(META_TABLE) or {}
    # Document "1" says the schema; later ones (the deletions a file remembers) are kept.
    out[META_TABLE] = {
        "1": {**(meta.get("1") or {}), "schema": SCHEMA_VERSION},
        **{key: doc for key, doc in meta.items() if key != "1"},
    }
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # "replace": a lone surrogate must never make a save fail (or a file unreadable).
    return text.encode("utf-8", "replace")


# --- safety checks ---------------------------------------------------------------------------


def _owner_problem(path: Path, info: os.stat_result) -> UnsafePathError | None:
    if info.st_uid != os.geteuid():
        return UnsafePathError(_FOREIGN.format(path=path, uid=info.st_uid))
    return None


def symlink_error(path: Path) -> RefusedFileError:
    """The sentence for a symlink where a data file (or the lock) should be."""
    return RefusedFileError(_SYMLINK.format(path=path))


def not_regular_error(path: Path, mode: int) -> RefusedFileError:
    """The sentence for a FIFO, device, socket or folder where a data file should be."""
    what = _WHAT.get(stat.S_IFMT(mode), "not a regular file")
    return RefusedFileError(_NOT_REGULAR.format(path=path, what=what))


def check_dir(path: Path) -> bool:
    """Refuse a symlinked or foreign directory. Returns False if it does not exist."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(_DIR_LINK.format(path=path))
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(_NOT_A_DIR.format(path=path))
    problem = _owner_problem(path, info)
    if problem:
        raise problem
    return True


def ensure_private_dir(path: Path) -> None:
    """Create `path` (0700) if missing; refuse symlinks and other users' folders."""
    if check_dir(path):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(DIR_MODE)
        path.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask; be exact
    except FileExistsError:
        check_dir(path)
    except OSError as exc:
        raise write_error(exc, path) from exc


def ensure_private_tree(root: Path, rel_dir: Path) -> Path:
    """Create each folder of `rel_dir` under `root` as a private (0700) folder; returns it."""
    current = root
    for part in rel_dir.parts:
        current = current / part
        ensure_private_dir(current)
    return current


# --- reading ---------------------------------------------------------------------------------


def _check_node(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise symlink_error(path)
    if not stat.S_ISREG(info.st_mode):
        raise not_regular_error(path, info.st_mode)
    problem = _owner_problem(path, info)
    if problem:
        raise problem


def read_bytes(path: Path, limit: int | None = None) -> bytes | None:
    """Read a data file; None if missing. Only a regular file of ours, at most `limit` bytes.

    UnsafePathError (a sentence naming it) for a symlink, FIFO, device, socket or another
    user's file; BadFileError("large") for a file over the limit (MAX_FILE_BYTES by default).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        _check_node(path, os.lstat(path))  # before opening: a device is never opened
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise symlink_error(path) from None
        raise DataError(_OPEN_FAILED.format(path=path, reason=exc.strerror)) from exc
    try:
        info = os.fstat(fd)
        _check_node(path, info)  # it may have been swapped between lstat and open
        if info.st_size > limit:
            raise BadFileError("large", TOO_LARGE)
        chunks = []
        size = 0
        # A read asks for what the file holds (and a little more, to see it end): asking for
        # a whole MiB each time had Python set aside a MiB for every small month file.
        step = min(1 << 20, info.st_size + 4096)
        while size <= limit:
            chunk = os.read(fd, step)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise BadFileError("large", TOO_LARGE)
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_file(path: Path) -> Loaded | None:
    """Read and parse one data file; None when it does not exist. Raises BadFileError."""
    raw = read_bytes(path)
    if raw is None:
        return None
    loaded = parse_bytes(raw)
    loaded.raw = raw
    return loaded


# --- writing ---------------------------------------------------------------------------------


def write_error(exc: OSError, path: Path) -> DataError:
    """Turn an OSError from a write into a sentence for the person."""
    if exc.errno in _DISK_FULL:
        return DiskFullError(_DISK_FULL_SENTENCE.format(path=path))
    if exc.errno in _READ_ONLY:
        return ReadOnlyError(_READ_ONLY_SENTENCE.format(folder=path.parent))
    return DataError(_SAVE_FAILED.format(path=path, reason=exc.strerror or exc))


def _create_temp(path: Path) -> tuple[int, Path]:
    """Create a private temp file beside `path` (same filesystem, so os.replace is atomic)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(tmp, flags, FILE_MODE)
    return fd, tmp


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable. Filesystems that cannot fsync a directory are skipped."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Durably replace `path` with `data`: temp file (0600), write, fsync, rename, fsync dir.

    On any failure the old file is untouched and the temp file is removed.
    """
    tmp: Path | None = None
    fd = -1
    try:
        fd, tmp = _create_temp(path)
        os.fchmod(fd, FILE_MODE)  # exact mode whatever the umask
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)  # noqa: PTH105 - os.replace is the call a durability test watches
        tmp = None
        fsync_dir(path.parent)
    except OSError as exc:
        raise write_error(exc, path) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with suppress(OSError):
                tmp.unlink()


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """`atomic_write` for data made as it is written (a long export): the same temp file,
    fsync, rename and folder fsync, and on any failure (the chunks' own too) the old file is
    untouched and the temp file removed."""
    tmp: Path | None = None
    fd = -1
    try:
        fd, tmp = _create_temp(path)
        os.fchmod(fd, FILE_MODE)
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)  # noqa: PTH105 - as in atomic_write
        tmp = None
        fsync_dir(path.parent)
    except OSError as exc:
        raise write_error(exc, path) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with suppress(OSError):
                tmp.unlink()


def remove_stale_temps(root: Path) -> int:
    """Delete temp files killed writers left anywhere under `root`. Call only under the lock."""
    removed = 0
    for entry in root.rglob(f".*{TEMP_SUFFIX}"):
        if entry.is_file() and not entry.is_symlink():
            with suppress(OSError):
                entry.unlink()
                removed += 1
    return removed
