"""What a backup holds, told in a person's terms: "the backup of 26 Nov 00:27 (1 check-in)"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tui.core.errors import DataError
from tui.core.storage import backups, files
from tui.core.storage.schema import META_TABLE, Tables

#: What the records of each file are called, one and many (by table name).
NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "sessions": ("practice", "practices"),
    "markers": ("timeline note", "timeline notes"),
    "plan": ("plan step", "plan steps"),
    "contacts": ("contact", "contacts"),
    "draft": ("unfinished check-in", "unfinished check-ins"),
}


def day_text(moment: datetime | date, now: datetime) -> str:
    """'26 Nov' (with the year when it is not this year)."""
    text = f"{moment.day} {moment:%b}"
    return text if moment.year == now.year else f"{text} {moment.year}"


def count_text(rel: Path, n: int) -> str:
    """'1 check-in', '3 timeline notes': how many records of data file `rel`."""
    table = rel.parent.name if rel.parent.name else rel.stem
    if table == "settings":
        return "your settings" if n else "no settings"
    if table == "safety_plan":
        return "your safety plan" if n else "no safety plan"
    one, many = NOUNS.get(table, ("entry", "entries"))
    return f"{n} {one if n == 1 else many}"


def entry_count(tables: Tables) -> int:
    """Records in a file's tables (one per id): what a backup holds, in a person's terms."""
    return sum(
        len({doc.get("id") if isinstance(doc.get("id"), str) else "" for doc in table.values()})
        for name, table in tables.items()
        if name != META_TABLE
    )


@dataclass(frozen=True)
class BackupInfo:
    """One day's backup copy of one data file: when it was taken and how much it holds."""

    rel: Path
    day: date
    taken_at: datetime | None  # from the copy's write time; None when that looks wrong
    entries: int
    label: str  # "26 Nov 00:27" (or "26 Nov" when the time is unknown)

    @property
    def described(self) -> str:
        """'the backup of 26 Nov 00:27 (1 check-in)'."""
        return f"the backup of {self.label} ({count_text(self.rel, self.entries)})"


def backup_info(root: Path, rel: Path, day: date, now: datetime) -> BackupInfo | None:
    """That day's backup of `rel` if it is there and readable by this version."""
    path = backups.backup_path(root, day, rel)
    try:
        loaded = files.load_file(path)
        mtime = path.stat().st_mtime
    except (files.BadFileError, DataError, OSError):
        return None
    if loaded is None or loaded.newer:
        return None
    taken: datetime | None = datetime.fromtimestamp(mtime, now.tzinfo)
    label = day_text(day, now)
    if taken is not None and taken.date() == day:
        label += f" {taken:%H:%M}"
    else:
        taken = None  # a copied folder: the write time says nothing about the backup
    return BackupInfo(rel, day, taken, entry_count(loaded.tables), label)


def newest_backup(root: Path, rel: Path, now: datetime) -> BackupInfo | None:
    """The newest readable backup of data file `rel`, if any."""
    for day in backups.list_backups(root):
        info = backup_info(root, rel, day, now)
        if info is not None:
            return info
    return None
