"""Putting files back from a day's backup, merged with everything saved since (never replacing
what is there without keeping a copy of it first)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tui.core import backup_info as bi
from tui.core.backup_info import BackupInfo
from tui.core.datafolder import DataFolder
from tui.core.errors import DataError, InputError
from tui.core.records import codec
from tui.core.storage import backups, files, quarantine
from tui.core.storage.layout import DRAFT, SETTINGS, data_rel
from tui.core.storage.schema import META_TABLE, Doc, Loaded, Tables, doc_key

NO_BACKUP = "There is no backup of {rel} from {day}."
NO_BACKUP_DAY = "There is no backup from {day}."
BACKUP_UNREADABLE = (
    "The backup of {rel} from {day} cannot be read either ({detail}); nothing was changed."
)
BACKUP_NEWER = (
    "The backup of {rel} from {day} was saved by a newer version of Thaw; nothing was changed. "
    "Please update Thaw to put it back."
)


@dataclass(frozen=True)
class RestoreResult:
    """What `restore_file` put back, in numbers and in one plain message."""

    rel: str
    backup: BackupInfo
    from_backup: int  # records the backup held
    since: int  # records saved after the backup that it did not hold (kept too)
    kept_at: Path | None  # where the replaced live file was copied (None: there was none)
    settled: tuple[Path, ...]  # damaged copies now marked settled (still kept)
    left_deleted: int = 0  # records of the backup deleted since, left deleted
    brought_back: int = 0  # ... put back all the same, as asked (--with-deleted)

    @property
    def message(self) -> str:
        """'Put back checkins/2026-11.json from the backup of 26 Nov 00:27: 1 check-in from
        that backup, plus 1 saved since. The damaged copy is still kept in quarantine/.'"""
        rel = Path(self.rel)
        what = f"{bi.count_text(rel, self.from_backup)} from that backup"
        if self.since:
            what += f", plus {self.since} saved since"
        if self.left_deleted:
            what += (
                f"; {bi.count_text(rel, self.left_deleted)} you deleted since "
                f"{'stays' if self.left_deleted == 1 else 'stay'} deleted"
            )
        if self.brought_back:
            what += f"; {bi.count_text(rel, self.brought_back)} you deleted since, back as asked"
        if self.rel == SETTINGS.file:
            what = "your settings (the newer of that backup's and the ones saved since)"
        elif self.rel == DRAFT.file:
            what = "your unfinished check-in (the one saved since, if there is one)"
        if self.settled:
            kept = "The damaged copy is still kept in quarantine/."
            if len(self.settled) > 1:
                kept = "The damaged copies are still kept in quarantine/."
        elif self.kept_at is not None:
            kept = "The copy it replaced is kept in quarantine/."
        else:
            kept = ""
        head = f"Put back {self.rel} from the backup of {self.backup.label}"
        return f"{head}: {what}. {kept}".rstrip()


def _read_backup(folder: DataFolder, rel: Path, day: date) -> Loaded:
    """That day's backup of `rel`, parsed; DataError with a sentence when it can't be."""
    where = {"rel": rel, "day": day.isoformat()}
    try:
        loaded = files.load_file(backups.backup_path(folder.root, day, rel))
    except files.BadFileError as bad:
        raise DataError(BACKUP_UNREADABLE.format(detail=bad.detail, **where)) from None
    if loaded is None:
        raise DataError(NO_BACKUP.format(**where))
    if loaded.newer:
        raise DataError(BACKUP_NEWER.format(**where))
    return loaded


def restore_file(
    folder: DataFolder, rel: str | Path, day: date, *, with_deleted: bool = False
) -> RestoreResult:
    """Put back one file from a day's backup, merged with what was saved since.

    Every record of the backup and every record of the current file is kept, one per id
    (the higher rev wins; on a tie the current one). The current file is copied into
    quarantine/ first and replaced atomically. Damaged copies of this file are marked
    settled (renamed `.resolved`, still kept). Raises DataError if the backup is missing or
    unreadable, ReadOnlyError if nothing can be written, InputError for a path that is not a
    Thaw data file. A record deleted since the backup stays deleted unless `with_deleted`.
    """
    path_rel = data_rel(rel)
    now = folder.clock.now()
    info = bi.backup_info(folder.root, path_rel, day, now)
    with folder.transaction() as txn:
        backup = _read_backup(folder, path_rel, day)
        if info is None:  # it was written (and so readable) after we looked
            info = bi.backup_info(folder.root, path_rel, day, now)
        if info is None:
            raise DataError(NO_BACKUP.format(rel=path_rel, day=day.isoformat()))
        current = txn.writable(path_rel)  # sets aside a damaged current file first
        live = txn.load(path_rel)
        done = merge_tables(backup.tables, current or None, with_deleted=with_deleted)
        target = folder.root / path_rel
        stamp = now.strftime(quarantine.STAMP_FORMAT)
        kept_at = None
        if live is not None and live.raw:
            kept_at = quarantine.keep_copy(folder.root, target, live.raw, "before-restore", stamp)
        files.atomic_write(target, files.dump_tables(done.tables))
        settled = tuple(
            quarantine.mark_resolved(copy)
            for copy in quarantine.damaged_copies(folder.root)
            if copy.rel == path_rel
        )
    folder.forget_problems([target])
    return RestoreResult(
        str(path_rel),
        info,
        done.from_backup,
        done.since,
        kept_at,
        settled,
        done.left_deleted,
        done.brought_back,
    )


def restore_damaged(folder: DataFolder, day: date) -> list[RestoreResult]:
    """Put back every damaged (unsettled) file whose backup from `day` predates its damage.

    Other files are left alone; each is merged as in `restore_file`.
    """
    wanted: list[Path] = []
    now = folder.clock.now()
    for copy in quarantine.damaged_copies(folder.root):
        if (
            copy.rel not in wanted
            and backups.backup_predates(folder.root, day, copy)
            and bi.backup_info(folder.root, copy.rel, day, now) is not None
        ):
            wanted.append(copy.rel)
    return [restore_file(folder, rel, day) for rel in wanted]


def restore_backup(
    folder: DataFolder, day: date, only: Sequence[Path] = (), *, with_deleted: bool = False
) -> list[RestoreResult]:
    """Put back every file of that day's backup (or those in `only`), each merged with what
    was saved since as in `restore_file`. Every backup file is checked first, so an
    unreadable one changes nothing at all."""
    base = folder.root / backups.BACKUP_DIR / day.isoformat()
    if not base.is_dir():
        raise DataError(NO_BACKUP_DAY.format(day=day.isoformat()))
    wanted = {Path(p) for p in only}
    rels: list[Path] = []
    for found in sorted(base.rglob("*.json")):
        rel = found.relative_to(base)
        if found.is_file() and (not wanted or rel in wanted):
            try:
                rels.append(data_rel(rel))
            except InputError:
                continue  # not a data file of ours: leave it be
    for rel in rels:
        _read_backup(folder, rel, day)
    return [restore_file(folder, rel, day, with_deleted=with_deleted) for rel in rels]


def merge(backup: Tables, live: Tables | None) -> tuple[Tables, int, int]:
    """Backup and current tables merged by id (higher rev wins; a tie keeps the current).

    Returns the merged tables, how many records the backup held, and how many records of
    the current file the backup did not have. A record deleted since stays deleted.
    """
    done = merge_tables(backup, live)
    return done.tables, done.from_backup, done.since


@dataclass
class Merged:
    """A backup merged with the current file, and what became of the records in it."""

    tables: Tables
    from_backup: int = 0  # records the backup held
    since: int = 0  # records of the current file the backup did not hold
    left_deleted: int = 0  # records of the backup deleted since, left deleted
    brought_back: int = 0  # ... put back because the person asked (with_deleted)


def merge_tables(backup: Tables, live: Tables | None, *, with_deleted: bool = False) -> Merged:
    """Merge by id, the higher rev winning (a tie keeps the current copy).

    A deletion is remembered as a tombstone (in the file's `_meta`) with a higher rev than any
    copy before it, so a record deleted since the backup stays deleted, unless `with_deleted`:
    then the backup's copy comes back with a rev above the tombstone's (no later merge undoes
    it) and the tombstone goes.
    """
    live = live or {}
    marks = codec.deletions(backup)
    for rec_id, mark in codec.deletions(live).items():
        if codec.rev_of(mark) >= codec.rev_of(marks.get(rec_id, {"rev": 0})):
            marks[rec_id] = mark
    names = [n for n in backup if n != META_TABLE]
    names += [n for n in live if n != META_TABLE and n not in backup]
    done = Merged({})
    for name in names:
        best: dict[str, Doc] = {}
        for key in sorted(backup.get(name) or {}, key=doc_key):
            doc = backup[name][key]
            held = best.get(codec.id_of(doc))
            if held is None or codec.rev_of(doc) > codec.rev_of(held):
                best[codec.id_of(doc)] = doc
        in_backup = set(best)
        for key in sorted(live.get(name) or {}, key=doc_key):
            doc = live[name][key]
            held = best.get(codec.id_of(doc))
            if held is None or codec.rev_of(doc) >= codec.rev_of(held):
                best[codec.id_of(doc)] = doc
        for rec_id in [i for i in best if i in marks]:
            rev = codec.rev_of(marks[rec_id])
            if codec.rev_of(best[rec_id]) >= rev:
                del marks[rec_id]  # changed again after that deletion (brought back earlier)
            elif with_deleted:
                best[rec_id] = {**best[rec_id], "rev": rev + 1}
                del marks[rec_id]
                done.brought_back += 1
            else:
                del best[rec_id]
                done.left_deleted += rec_id in in_backup
        done.from_backup += len(in_backup)
        done.since += len(set(best) - in_backup)
        done.tables[name] = {str(i): doc for i, doc in enumerate(best.values(), start=1)}
    meta = live.get(META_TABLE) or backup.get(META_TABLE)
    if meta:
        done.tables[META_TABLE] = dict(meta)
    if marks or META_TABLE in done.tables:
        codec.set_deletions(done.tables, marks)
    return done
