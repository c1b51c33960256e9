"""Rolling daily backups: the day's first save of a file keeps a copy of what it held.

backups/YYYY-MM-DD/<same paths>   the days of the last BACKUP_KEEP, counted back from today

Pruning goes by age relative to today, never by counting folders: a folder dated after today
(a clock that ran ahead, a folder synced from such a machine) is not "newer" than today's and
can never push today's copy out. Such folders are kept and told by `doctor`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.core.storage import files
from tui.core.storage.quarantine import KeptCopy, damaged_copies

BACKUP_DIR = "backups"
BACKUP_KEEP = 7  # days kept, today included


def backup_path(root: Path, day: date, rel: Path) -> Path:
    """Where the copy of `rel` taken on `day` is kept."""
    return root / BACKUP_DIR / day.isoformat() / rel


def backup_before_write(root: Path, path: Path, today: date, raw: bytes | None = None) -> None:
    """Before the first write of `today` to `path`, keep a copy of its current content.

    `raw` is the file's current bytes when the caller has read them already (then the file is
    not read again). Costs one stat per save once today's copy exists. Call under the lock.
    """
    rel = path.relative_to(root)
    target = backup_path(root, today, rel)
    try:
        target.lstat()
        return
    except FileNotFoundError:
        pass
    if raw is None:
        raw = files.read_bytes(path)
    if raw is None:
        return
    new_day = not (root / BACKUP_DIR / today.isoformat()).exists()
    files.ensure_private_tree(root, target.parent.relative_to(root))
    files.atomic_write(target, raw)
    if new_day:
        prune_backups(root, today)


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


def future_backups(root: Path, today: date) -> list[date]:
    """Backup folders dated after today, newest first (kept; `doctor` tells about them)."""
    return [day for day in list_backups(root) if day > today]


def prune_backups(root: Path, today: date, keep: int = BACKUP_KEEP) -> None:
    """Remove day folders `keep` days old or more (counted from `today`); keep the rest.

    Folders dated after today are left alone, and today's is never old. A day still needed
    to put back a damaged file (one not yet settled) is kept too.
    """
    oldest_kept = today.toordinal() - (keep - 1)
    old_days = [day for day in list_backups(root) if day.toordinal() < oldest_kept]
    if not old_days:
        return
    import shutil  # only here: it pulls in the compression modules, and `log` need not pay

    needed = {
        day
        for copy in damaged_copies(root)
        for day in old_days
        if backup_path(root, day, copy.rel).exists() and backup_predates(root, day, copy)
    }
    for day in old_days:
        if day not in needed:
            shutil.rmtree(root / BACKUP_DIR / day.isoformat(), ignore_errors=True)
