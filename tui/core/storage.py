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
from datetime import date, datetime
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


_NOT_LAID_OUT = "it is not laid out the way Thaw writes its files"


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
        raise BadFileError("shape", _NOT_LAID_OUT)
    for doc in meta.values():
        if isinstance(doc, dict) and "schema" in doc:
            value = doc["schema"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            raise BadFileError("shape", _NOT_LAID_OUT)
    return 0


def parse_bytes(raw: bytes) -> Loaded:
    """Parse and check a data file's bytes. Raises BadFileError naming what is wrong."""
    if not raw.strip():
        raise BadFileError("empty", "it is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadFileError("torn", "it was cut short or garbled") from None
    if not isinstance(data, dict):
        raise BadFileError("shape", _NOT_LAID_OUT)
    schema = _schema_of(data)
    for table in data.values():
        if not isinstance(table, dict):
            raise BadFileError("shape", _NOT_LAID_OUT)
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise BadFileError("shape", _NOT_LAID_OUT)
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


def _quarantine_target(root: Path, rel: Path, reason: str, stamp: str) -> Path:
    """A free name quarantine/<relpath>.<stamp>[-n].<reason> (its folder made private)."""
    target_dir = ensure_private_tree(root, Path(QUARANTINE_DIR) / rel.parent)
    target = target_dir / f"{rel.name}.{stamp}.{reason}"
    n = 1
    while target.exists() or target.with_name(target.name + RESOLVED_SUFFIX).exists():
        n += 1
        target = target_dir / f"{rel.name}.{stamp}-{n}.{reason}"
    return target


def quarantine(root: Path, path: Path, reason: str, stamp: str) -> Path:
    """Move a bad file to quarantine/<relpath>.<stamp>.<reason>, kept byte for byte."""
    target = _quarantine_target(root, path.relative_to(root), reason, stamp)
    target_dir = target.parent
    try:
        path.rename(target)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    fsync_dir(path.parent)
    fsync_dir(target_dir)
    return target


def keep_copy(root: Path, path: Path, raw: bytes, reason: str, stamp: str) -> Path:
    """Write a copy of `path`'s bytes into quarantine, leaving `path` itself in place.

    Used before a restore replaces a live file: the live file stays whole throughout.
    """
    target = _quarantine_target(root, path.relative_to(root), reason, stamp)
    atomic_write(target, raw)
    return target


def quarantined_files(root: Path) -> list[Path]:
    """Every file kept in quarantine, sorted."""
    base = root / QUARANTINE_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.is_file())


#: Why a file was set aside because it could not be read (also the quarantined copy's suffix).
DAMAGE_REASONS = ("empty", "torn", "shape")
#: Added to a damaged copy's name once it is settled (restored, or kept as it is on request).
RESOLVED_SUFFIX = ".resolved"
_STAMP_FORMAT = "%Y%m%dT%H%M%S"


class KeptCopy:
    """A file kept in quarantine, read from its name `<name>.<stamp>[-n].<reason>[.resolved]`."""

    __slots__ = ("path", "reason", "rel", "resolved", "stamp")

    def __init__(self, path: Path, rel: Path, stamp: datetime, reason: str, resolved: bool) -> None:
        self.path = path  # the kept copy itself
        self.rel = rel  # the data file it was, relative to the data dir
        self.stamp = stamp  # when it was set aside (naive, the clock's local time)
        self.reason = reason
        self.resolved = resolved

    @property
    def damaged(self) -> bool:
        """Set aside because it could not be read (not a copy replaced by a restore)."""
        return self.reason in DAMAGE_REASONS


def kept_copies(root: Path) -> list[KeptCopy]:
    """Every quarantined file whose name Thaw can read, oldest first."""
    import re

    pattern = re.compile(
        r"^(?P<name>.+)\.(?P<stamp>\d{8}T\d{6})(?:-\d+)?\.(?P<reason>[a-z-]+)"
        r"(?P<resolved>" + re.escape(RESOLVED_SUFFIX) + r")?$"
    )
    base = root / QUARANTINE_DIR
    found: list[KeptCopy] = []
    for path in quarantined_files(root):
        match = pattern.match(path.name)
        if match is None:
            continue
        try:
            stamp = datetime.strptime(match["stamp"], _STAMP_FORMAT)
        except ValueError:
            continue
        rel = path.parent.relative_to(base) / match["name"]
        found.append(KeptCopy(path, rel, stamp, match["reason"], bool(match["resolved"])))
    return sorted(found, key=lambda c: (c.stamp, str(c.path)))


def damaged_copies(root: Path) -> list[KeptCopy]:
    """Damaged files set aside and not yet settled, oldest first."""
    return [c for c in kept_copies(root) if c.damaged and not c.resolved]


def mark_resolved(copy: KeptCopy) -> Path:
    """Settle a damaged copy by renaming it `<name>.resolved` (kept, never deleted)."""
    target = copy.path.with_name(copy.path.name + RESOLVED_SUFFIX)
    try:
        copy.path.rename(target)
    except OSError as exc:
        raise _write_error(exc, copy.path) from exc
    fsync_dir(target.parent)
    return target


def backup_predates(root: Path, day: date, copy: KeptCopy) -> bool:
    """Whether the backup of `copy.rel` from `day` was taken before that copy was set aside.

    A backup is taken at a day's first save, so one taken after the damage holds the fresh
    file started in its place, not what was lost. On the day itself the backup's write time is
    compared with the moment the copy was moved aside (its change time).
    """
    if day != copy.stamp.date():
        return day < copy.stamp.date()
    try:
        taken = backup_path(root, day, copy.rel).stat().st_mtime_ns
        moved = copy.path.stat().st_ctime_ns
    except OSError:
        return False
    return taken <= moved


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
    """Keep the newest `keep` day folders; remove older ones.

    A day still needed to put back a damaged file (one not yet settled) is kept too.
    """
    import shutil

    old_days = list_backups(root)[keep:]
    if not old_days:
        return
    needed = {
        day
        for copy in damaged_copies(root)
        for day in old_days
        if backup_path(root, day, copy.rel).exists() and backup_predates(root, day, copy)
    }
    for day in old_days:
        if day not in needed:
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
