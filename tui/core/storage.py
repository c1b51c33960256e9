"""Safe file layer under the Store: atomic writes, flock, permission checks, quarantine, backups.

Nothing here imports TinyDB (it costs ~18 ms and `due` runs at every login); the TinyDB Storage
class that plugs these functions into TinyDB lives in `tui.core.tinydb_storage`.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.errors import DataError, DiskFullError, ReadOnlyError, UnsafePathError

SCHEMA_VERSION = 1
META_TABLE = "_meta"
DIR_MODE = 0o700
FILE_MODE = 0o600
BACKUP_DIR = "backups"
QUARANTINE_DIR = "quarantine"
LOCK_NAME = ".lock"
TEMP_SUFFIX = ".tmp"
BACKUP_KEEP = 7  # day folders kept
LOCK_TIMEOUT_SECONDS = 15.0

Doc = dict[str, Any]
Table = dict[str, Doc]
Tables = dict[str, Table]

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_READ_ONLY = {errno.EACCES, errno.EROFS, errno.EPERM}


class NewerSchemaError(ReadOnlyError):
    """A file written by a newer Thaw: kept as it is and never written by this version."""


class BadFileError(Exception):
    """Internal: a data file that is empty, unparseable or of the wrong shape."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind  # "empty" | "torn" | "shape": also the quarantine file suffix
        self.detail = detail


# --- schema and migrations --------------------------------------------------------------------


def _migrate_0_to_1(tables: Tables) -> Tables:
    """Unversioned files (no `_meta`): every record gets a `rev` and a stable `id`."""
    import hashlib

    for name, table in tables.items():
        if name == META_TABLE:
            continue
        for doc in table.values():
            doc.setdefault("rev", 1)
            if not isinstance(doc.get("id"), str) or not doc["id"]:
                # Deterministic, so reading the same old file twice gives the same ids.
                canon = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8")
                doc["id"] = "v0" + hashlib.sha256(canon).hexdigest()[:30]
    return tables


#: MIGRATIONS[n] turns a schema-n file into a schema-(n+1) one. Applied in memory on read; the
#: next write stores the result (with `_meta.schema` = SCHEMA_VERSION).
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _migrate_0_to_1}


def migrate(tables: Tables, version: int) -> Tables:
    """Bring `tables` from `version` up to SCHEMA_VERSION."""
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables


class Loaded:
    """A parsed data file: its tables (migrated to our schema) and the schema found on disk.

    A plain class, not a dataclass: `due` imports this module and must stay quick.
    """

    __slots__ = ("schema", "tables")

    def __init__(self, tables: Tables, schema: int) -> None:
        self.tables = tables
        self.schema = schema

    @property
    def newer(self) -> bool:
        """Written by a newer Thaw: readable at best, never written by us."""
        return self.schema > SCHEMA_VERSION

    def table(self, name: str) -> list[Doc]:
        """Documents of one table in stored (insertion) order."""
        tab = self.tables.get(name) or {}
        return [tab[k] for k in sorted(tab, key=_doc_key)]


def _doc_key(key: str) -> int:
    return int(key) if key.isdigit() else 0


def _schema_of(tables: dict[str, Any]) -> int:
    meta = tables.get(META_TABLE)
    if meta is None or meta == {}:
        return 0
    if not isinstance(meta, dict):
        raise BadFileError("shape", "its version table is not a table")
    for doc in meta.values():
        if isinstance(doc, dict) and "schema" in doc:
            value = doc["schema"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            raise BadFileError("shape", "its version number is not a number")
    return 0


def parse_bytes(raw: bytes) -> Loaded:
    """Parse and check a data file's bytes. Raises BadFileError naming what is wrong."""
    if not raw.strip():
        raise BadFileError("empty", "it is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadFileError("torn", "it is not complete, readable JSON") from None
    if not isinstance(data, dict):
        raise BadFileError("shape", f"it holds a {type(data).__name__}, not Thaw's tables")
    schema = _schema_of(data)
    for name, table in data.items():
        if not isinstance(table, dict):
            raise BadFileError("shape", f"its table {name!r} is not a table")
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise BadFileError("shape", f"its table {name!r} has a malformed entry")
    if schema > SCHEMA_VERSION:
        return Loaded(data, schema)
    return Loaded(migrate(data, schema), schema)


def dump_tables(tables: Tables) -> bytes:
    """Serialise tables (stamping our schema version) to the bytes written to disk."""
    out = dict(tables)
    old_meta = (tables.get(META_TABLE) or {}).get("1") or {}
    out[META_TABLE] = {"1": {**old_meta, "schema": SCHEMA_VERSION}}
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    # "replace": a lone surrogate must never make a save fail (or a file unreadable).
    return text.encode("utf-8", "replace")


# --- safety checks ----------------------------------------------------------------------------


def _owner_problem(path: Path, st: os.stat_result) -> UnsafePathError | None:
    if st.st_uid != os.geteuid():
        return UnsafePathError(
            f"{path} belongs to another user (uid {st.st_uid}), so Thaw will not read or "
            "write it. Use a data folder that is yours (--data-dir or THAW_DATA_DIR)."
        )
    return None


def check_dir(path: Path) -> bool:
    """Refuse a symlinked or foreign directory. Returns False if it does not exist."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(st.st_mode):
        raise UnsafePathError(
            f"{path} is a symbolic link. Thaw keeps your entries only in a real folder it owns, "
            "so it will not follow it; point --data-dir at the real folder instead."
        )
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafePathError(f"{path} is not a folder, so Thaw cannot keep your data there.")
    problem = _owner_problem(path, st)
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
        raise _write_error(exc, path) from exc


def ensure_private_tree(root: Path, rel_dir: Path) -> Path:
    """Create each folder of `rel_dir` under `root` as a private (0700) folder; returns it."""
    current = root
    for part in rel_dir.parts:
        current = current / part
        ensure_private_dir(current)
    return current


def _symlink_error(path: Path) -> UnsafePathError:
    return UnsafePathError(
        f"{path} is a symbolic link. Thaw will not follow links inside its data folder; "
        "move the real file into place or remove the link."
    )


def read_bytes(path: Path) -> bytes | None:
    """Read a data file without following symlinks; None if missing. Checks the owner."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_error(path) from None
        raise DataError(f"Thaw could not open {path}: {exc.strerror}.") from exc
    try:
        st = os.fstat(fd)
        problem = _owner_problem(path, st)
        if problem:
            raise problem
        if not stat.S_ISREG(st.st_mode):
            raise UnsafePathError(f"{path} is not a regular file, so Thaw will not read it.")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_file(path: Path) -> Loaded | None:
    """Read and parse one data file; None when it does not exist. Raises BadFileError."""
    raw = read_bytes(path)
    if raw is None:
        return None
    return parse_bytes(raw)


# --- writing ----------------------------------------------------------------------------------


def _write_error(exc: OSError, path: Path) -> DataError:
    """Turn an OSError from a write into a sentence for the person."""
    if exc.errno in _DISK_FULL:
        return DiskFullError(
            f"The disk is full, so Thaw could not save to {path}. Nothing was lost: the file "
            "is as it was before. Free some space and try again."
        )
    if exc.errno in _READ_ONLY:
        return ReadOnlyError(
            f"Thaw can't write to {path.parent}: it is read-only here. Your entries are safe "
            "and nothing was changed."
        )
    return DataError(
        f"Thaw could not save to {path} ({exc.strerror or exc}). The file is as it was before."
    )


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
        tmp.replace(path)
        tmp = None
        fsync_dir(path.parent)
    except OSError as exc:
        raise _write_error(exc, path) from exc
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


# --- lock -------------------------------------------------------------------------------------


@contextmanager
def locked(root: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold an exclusive flock on `root/.lock` (created 0600) for a read-modify-write."""
    lock_path = root / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_error(lock_path) from None
        raise _write_error(exc, lock_path) from exc
    try:
        deadline = time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DataError(
                        "Another Thaw window is busy saving and has not finished. Nothing was "
                        "changed here; please try again in a moment."
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --- quarantine -------------------------------------------------------------------------------


def quarantine(root: Path, path: Path, reason: str, stamp: str) -> Path:
    """Move a bad file to quarantine/<relpath>.<stamp>.<reason>, kept byte for byte."""
    rel = path.relative_to(root)
    target_dir = ensure_private_tree(root, Path(QUARANTINE_DIR) / rel.parent)
    target = target_dir / f"{rel.name}.{stamp}.{reason}"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{rel.name}.{stamp}-{n}.{reason}"
    try:
        path.rename(target)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    fsync_dir(path.parent)
    fsync_dir(target_dir)
    return target


def quarantined_files(root: Path) -> list[Path]:
    """Every file kept in quarantine, sorted."""
    base = root / QUARANTINE_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.is_file())


# --- backups ----------------------------------------------------------------------------------


def backup_path(root: Path, day: date, rel: Path) -> Path:
    """Where the copy of `rel` taken on `day` is kept."""
    return root / BACKUP_DIR / day.isoformat() / rel


def backup_before_write(root: Path, path: Path, today: date) -> None:
    """Before the first write of `today` to `path`, keep a copy of its current content.

    Costs one stat per save once today's copy exists. Call while holding the lock.
    """
    rel = path.relative_to(root)
    target = backup_path(root, today, rel)
    try:
        target.lstat()
        return
    except FileNotFoundError:
        pass
    raw = read_bytes(path)
    if raw is None:
        return
    new_day = not (root / BACKUP_DIR / today.isoformat()).exists()
    ensure_private_tree(root, target.parent.relative_to(root))
    atomic_write(target, raw)
    if new_day:
        prune_backups(root)


def list_backups(root: Path) -> list[date]:
    """Days that have a backup folder, newest first."""
    base = root / BACKUP_DIR
    try:
        names = [entry.name for entry in base.iterdir()]
    except OSError:
        return []
    days = []
    for name in names:
        try:
            days.append(date.fromisoformat(name))
        except ValueError:
            continue
    return sorted(days, reverse=True)


def prune_backups(root: Path, keep: int = BACKUP_KEEP) -> None:
    """Keep the newest `keep` day folders; remove older ones."""
    import shutil

    for day in list_backups(root)[keep:]:
        shutil.rmtree(root / BACKUP_DIR / day.isoformat(), ignore_errors=True)


# --- `due`'s fast path --------------------------------------------------------------------------


def month_file(folder: str, day: date) -> Path:
    """Relative path of the month file holding records dated `day` (local date)."""
    return Path(folder) / f"{day.year:04d}-{day.month:02d}.json"


def has_day(docs: list[Doc], day: date, key: str = "at") -> bool:
    """Whether any doc's stored local timestamp falls on `day` (string compare, no parsing)."""
    prefix = day.isoformat()
    return any(isinstance(d.get(key), str) and d[key].startswith(prefix) for d in docs)


def quick_has_checkin_on(data_dir: Path, day: date) -> bool | None:
    """`due` at login without importing the Store, models or TinyDB: reads one month file.

    Returns None when the Store should look instead (a file that needs quarantining, a link,
    another user's file...): then `Store(data_dir).has_checkin_on(day)` handles and reports it.
    """
    try:
        if not check_dir(data_dir):
            return False
        loaded = load_file(data_dir / month_file("checkins", day))
    except (BadFileError, DataError):
        return None
    return False if loaded is None else has_day(loaded.table("checkins"), day)


def quick_setting(data_dir: Path, key: str) -> object:
    """One raw value from settings.json without the Store (None if absent or unreadable)."""
    try:
        if not check_dir(data_dir):
            return None
        loaded = load_file(data_dir / "settings.json")
    except (BadFileError, DataError):
        return None
    docs = [] if loaded is None else loaded.table("settings")
    return docs[0].get(key) if docs else None
