"""What Thaw tells a person about their files: problems found, backups there are, and the
sentences for both, kept in one place so a save, `list` and `doctor` say the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tui.core.errors import DataError
from tui.core.storage import backups, files
from tui.core.storage.schema import META_TABLE, SCHEMA_VERSION, Tables

#: Why a damaged file could not be read, by its quarantine reason, as a sentence.
DAMAGE_SENTENCES = {
    "empty": "It was empty, so Thaw could not read it.",
    "torn": "It was cut short or garbled, so Thaw could not read it.",
    "values": "It held values Thaw never writes (such as NaN), so Thaw could not read it.",
    "shape": "It was not laid out the way Thaw writes its files, so Thaw could not read it.",
    "large": "It was far larger than any file Thaw writes, so Thaw did not read it.",
}
UNKNOWN_DAMAGE = "Thaw could not read it."
#: What the records of each file are called, one and many (by table name).
NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "sessions": ("practice", "practices"),
    "markers": ("timeline note", "timeline notes"),
    "plan": ("plan step", "plan steps"),
    "contacts": ("contact", "contacts"),
    "draft": ("unfinished check-in", "unfinished check-ins"),
}
SET_ASIDE = (
    "Thaw could not read {rel}: {detail}. It was moved aside into quarantine/ and kept "
    "unchanged; nothing was overwritten. {hint}"
)
RESTORE_HINT = (
    "To put back {described}, merged with anything saved since, run: thaw doctor --restore {day}"
)
NO_BACKUP_HINT = "There is no backup of it yet; Thaw started a fresh file in its place."
LEFT_READ_ONLY = (
    "Thaw could not read {rel}: {detail}. It was left as it is because the data folder is "
    "read-only."
)
NEWER = (
    "{rel} was saved by a newer version of Thaw (format {schema}; this one knows up to "
    "{known}). It is kept exactly as it is and this version will not change it; please update "
    "Thaw to see and edit it."
)
BAD_ENTRY = (
    "An entry in {rel} could not be read, so it is not shown. It stays in the file untouched."
)
READ_ONLY_DIR = (
    "Thaw can't write to {root}: it is read-only here. Your entries are safe and nothing was "
    "changed."
)


@dataclass(frozen=True)
class Problem:
    """Something found at open or by doctor, told to the person in `message` (one sentence+)."""

    path: Path
    message: str
    moved_to: Path | None = None  # where a quarantined file was kept
    serious: bool = True  # False for notes such as "no backup yet"


def day_text(moment: datetime | date, now: datetime) -> str:
    """'26 Nov' (with the year when it is not this year)."""
    text = f"{moment.day} {moment:%b}"
    return text if moment.year == now.year else f"{text} {moment.year}"


def count_text(rel: Path, n: int) -> str:
    """'1 check-in', '3 timeline notes': how many records of data file `rel`."""
    table = rel.parent.name if rel.parent.name else rel.stem
    if table == "settings":
        return "your settings" if n else "no settings"
    one, many = NOUNS.get(table, ("entry", "entries"))
    return f"{n} {one if n == 1 else many}"


def entry_count(tables: Tables) -> int:
    """Records in a file's tables (one per id): what a backup holds, in a person's terms."""
    return sum(
        len({doc.get("id") if isinstance(doc.get("id"), str) else "" for doc in table.values()})
        for name, table in tables.items()
        if name != META_TABLE
    )


def newer_sentence(rel: str, schema: int) -> str:
    """A file written by a newer Thaw: kept, and this version will not change it."""
    return NEWER.format(rel=rel, schema=schema, known=SCHEMA_VERSION)


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


def set_aside_problem(
    root: Path, path: Path, bad: files.BadFileError, moved: Path, now: datetime
) -> Problem:
    """What a person is told the moment a damaged file is moved into quarantine/."""
    rel = path.relative_to(root)
    info = newest_backup(root, rel, now)  # every backup there is was taken before this moment
    if info is not None:
        hint = RESTORE_HINT.format(described=info.described, day=info.day.isoformat())
    else:
        hint = NO_BACKUP_HINT
    return Problem(path, SET_ASIDE.format(rel=rel, detail=bad.detail, hint=hint), moved_to=moved)
