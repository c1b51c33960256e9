"""The import journal: what an import is about to write, on disk before the first write.

The store writes an import one month file at a time, each atomically. Killed in between, part
of the import is in and part is not; the journal is how the next run knows, and how one
command (`thaw import --finish`) writes the rest. Finishing is safe to repeat: every imported
record carries an id or a `source`, and the store leaves out what it already holds.

A journal is locked (flock) by the import writing it, so another window sees an import that
is still running as running, not as cut short. A kill lets go of the lock with the process.

File layout: the first line is a small JSON header (file name, what it adds), so the notice
costs one short read; the second line holds the records.
"""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

JOURNAL_DIR = "unfinished-imports"
FORMAT_NAME = "thaw-import-journal"
_HEADER_MAX = 4096


@dataclass(frozen=True, slots=True)
class PendingImport:
    """An import that was cut short: its journal, the file it came from, what it adds."""

    path: Path
    file_name: str
    summary: str


class Journal:
    """One import's journal, written and locked before the first record is; `close()` when done
    (removes it) or `release()` to keep it for `--finish` (an import stopped by an error)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def close(self) -> None:
        """The import is all in: remove the journal, then let go of its lock."""
        with suppress(FileNotFoundError):
            self.path.unlink()
        _fsync_dir(self.path.parent)
        self.release()

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _fsync_dir(folder: Path) -> None:
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def begin(data_dir: Path, file_name: str, summary: str, records: dict[str, Any]) -> Journal:
    """Write the journal (temp file, locked, fsync, rename, fsync the folder) and keep it locked."""
    from tui.core.storage import files as st

    st.ensure_private_dir(data_dir)
    folder = st.ensure_private_tree(data_dir, Path(JOURNAL_DIR))
    name = f"{os.urandom(8).hex()}.json"
    temp = folder / f".{name}{st.TEMP_SUFFIX}"
    header = {"format": FORMAT_NAME, "version": 1, "file": file_name, "summary": summary}
    body = json.dumps(header, ensure_ascii=False) + "\n" + json.dumps(records, ensure_ascii=False)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, st.FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, body.encode("utf-8"))
        os.fsync(fd)
        temp.replace(folder / name)
    except BaseException:
        os.close(fd)
        with suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(folder)
    return Journal(folder / name, fd)


def _header(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            line = handle.readline(_HEADER_MAX)
        header = json.loads(line)
    except (OSError, ValueError):
        return None
    return header if isinstance(header, dict) and header.get("format") == FORMAT_NAME else None


def _unlocked(path: Path, mode: int) -> int | None:
    """An open fd on `path` holding `mode` (shared/exclusive), or None if someone holds it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def pending(data_dir: Path) -> list[PendingImport]:
    """Imports that were cut short (their journal is there and nobody is writing it)."""
    folder = data_dir / JOURNAL_DIR
    try:
        names = sorted(p.name for p in folder.iterdir() if p.suffix == ".json" and p.name[0] != ".")
    except OSError:
        return []
    out: list[PendingImport] = []
    for name in names:
        path = folder / name
        fd = _unlocked(path, fcntl.LOCK_SH)
        if fd is None:
            continue  # an import is writing it right now
        try:
            header = _header(path)
        finally:
            os.close(fd)
        if header is not None:
            file_name, summary = str(header.get("file", "")), str(header.get("summary", ""))
            out.append(PendingImport(path, file_name, summary))
    return out


def finish_command(data_dir: Path) -> str:
    """The command that finishes it, as it can be pasted: with --data-dir unless the folder is
    the one Thaw uses without it."""
    import shlex

    from tui.core.paths import data_dir as default_dir

    try:
        same = default_dir(None).resolve() == data_dir.resolve()
    except OSError:
        same = False
    where = "" if same else f" --data-dir {shlex.quote(str(data_dir))}"
    return f"thaw{where} import --finish"


def notice(data_dir: Path) -> str | None:
    """The plain sentence for the next run of Thaw when an import was cut short, else None."""
    cut = pending(data_dir)
    if not cut:
        return None
    if len(cut) == 1:
        what = f"An import of {cut[0].file_name} ({cut[0].summary}) was cut short"
    else:
        what = f"{len(cut)} imports were cut short"
    return (
        f"{what}, so part of it may be missing. To finish it: {finish_command(data_dir)} "
        "(nothing already here is added twice)."
    )


def claim(entry: PendingImport) -> tuple[Journal, dict[str, Any]] | None:
    """Lock a cut-short journal for finishing and read its records (None: someone else has it,
    or it is unreadable; an unreadable one is left where it is, never deleted)."""
    fd = _unlocked(entry.path, fcntl.LOCK_EX)
    if fd is None:
        return None
    try:
        with entry.path.open("rb") as handle:
            handle.readline(_HEADER_MAX)
            records = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        os.close(fd)
        return None
    if not isinstance(records, dict):
        os.close(fd)
        return None
    return Journal(entry.path, fd), records
