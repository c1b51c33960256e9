"""Looking after the data folder, as explicit calls: scan (set aside damaged files, heal doubled
records), doctor, the files waiting in quarantine/, and leaving them as they are.

Nothing here runs behind a property read: `list`, `stats`, `report` and `log` read only the
months their range needs; the full check runs where it is asked for (`doctor`, the app's
background worker). `scan` reads each file once and holds one month in memory at a time.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import problems as pr
from tui.core.datafolder import DataFolder, Transaction
from tui.core.errors import DataError, UnsafePathError
from tui.core.paths import command
from tui.core.problems import Problem
from tui.core.records import codec
from tui.core.storage import backups, files, quarantine
from tui.core.storage.layout import PARTITIONED, Layout, data_files, each_data_file
from tui.core.storage.schema import Loaded

if TYPE_CHECKING:
    from tui.core.backup_info import BackupInfo

#: How each file's records are read, by table name: a record that cannot be is told by doctor.
DECODERS = {
    "checkins": codec.decode_checkin,
    "sessions": codec.decode_session,
    "markers": codec.decode_marker,
    "plan": codec.decode_plan,
    "contacts": codec.decode_contact,
    "draft": codec.decode_draft,
    "settings": codec.decode_settings,
}
NOT_WRITABLE = (
    "Thaw can't write to {root}: it is read-only, so nothing new can be saved until that is fixed."
)
EARLIER_COPIES = (
    "{n} earlier {copies} of your files {are} kept in quarantine/ (set aside, or replaced by a "
    "restore). You may delete them once you no longer need them."
)
FUTURE_BACKUPS = (
    "{n} backup {folders} in backups/ {are} dated after today ({days}): the clock may have "
    "run ahead, or the folder came from a machine whose clock did. {they} kept as {it_is}; "
    "today's backup is made and kept as usual."
)
NO_BACKUP_YET = "There is no backup yet; Thaw makes one each day you save something."
OPEN_TO_OTHERS = "{path} can be read by others and Thaw could not change that."
MADE_PRIVATE = "{rel} could be read by other users; Thaw made it private."
DAMAGED = (
    "{rel} was set aside on {day} at {time}. {reason} It is kept in quarantine/, and what it "
    "held is missing from Thaw until it is put back."
)
DAMAGED_RESTORE = " To put back {described}, merged with anything saved since, run: {command}"
DAMAGED_NO_BACKUP = " There is no backup of it from before then to put back."


class DamagedFile:
    """A data file that could not be read, set aside in quarantine and not yet settled.

    Settled means put back (`restore.restore_file`) or kept as it is (`keep_as_is`). A plain
    class, not a dataclass: a quick `log` imports this module to tell about damaged files.
    """

    __slots__ = ("backup", "kept_at", "reason", "rel", "set_aside_at")

    def __init__(
        self,
        rel: str,
        kept_at: Path,
        set_aside_at: datetime,
        reason: str,
        backup: BackupInfo | None,
    ) -> None:
        self.rel = rel  # data file, relative to the data dir, e.g. "checkins/2026-11.json"
        self.kept_at = kept_at  # the damaged copy in quarantine/ (kept byte for byte)
        self.set_aside_at = set_aside_at  # when Thaw moved it aside
        self.reason = reason  # "It was cut short or garbled, so Thaw could not read it."
        self.backup = backup  # newest readable backup taken before the damage, if any

    def __eq__(self, other: object) -> bool:
        fields = self.__slots__
        return isinstance(other, DamagedFile) and all(
            getattr(self, f) == getattr(other, f) for f in fields
        )

    def __hash__(self) -> int:
        return hash((self.rel, self.kept_at))

    def __repr__(self) -> str:
        return f"DamagedFile({self.rel!r}, kept_at={self.kept_at!r})"

    @property
    def restore_command(self) -> str:
        """The command that puts the backup back (merged with what was saved since)."""
        return command(f"doctor --restore {self.backup.day.isoformat()}") if self.backup else ""

    def sentence(self, now: datetime) -> str:
        """What doctor (and a save that set the file aside) says about it."""
        from tui.core import backup_info as bi

        when = self.set_aside_at
        text = DAMAGED.format(
            rel=self.rel, day=bi.day_text(when, now), time=f"{when:%H:%M}", reason=self.reason
        )
        if self.backup is not None:
            return text + DAMAGED_RESTORE.format(
                described=self.backup.described, command=self.restore_command
            )
        return text + DAMAGED_NO_BACKUP


# --- scan ----------------------------------------------------------------------------------------


def scan(folder: DataFolder) -> list[Problem]:
    """Check every file once: set aside damaged ones, tell unreadable records, heal ids stored
    twice, remove temp files killed writers left. Returns every problem known so far."""
    try:
        if folder.read_only:
            _check_files(folder, None)
            return folder.problems
        with folder.transaction() as txn:
            files.remove_stale_temps(folder.root)
            doubles = _check_files(folder, txn)
            for kind in PARTITIONED:
                _heal_duplicates(txn, kind, doubles[kind.table])
    except (UnsafePathError, DataError) as exc:
        folder.add_problem(Problem(folder.root, str(exc)))
    return folder.problems


def _check_files(folder: DataFolder, txn: Transaction | None) -> dict[str, dict[int, set[Path]]]:
    """Load every data file, one at a time, decode its records, and find ids stored twice.

    Only a few bytes a record (`SeenIds`) outlive its file. Returns, for each month-partitioned
    table, the hashes of ids seen more than once and the files they were in.
    """
    tables = {Path(k.folder): k.table for k in PARTITIONED}
    seen = {t: SeenIds() for t in tables.values()}
    for rel in each_data_file(folder.root):
        try:
            loaded: Loaded | None = folder.load(rel) if txn is None else txn.load(rel)
        except UnsafePathError as exc:
            folder.add_problem(Problem(folder.root / rel, str(exc)))
            continue
        if txn is not None:
            txn.forget(rel)  # this month's records go before the next month is read
        if loaded is None or loaded.newer:
            continue
        for name, table in loaded.tables.items():
            decode = DECODERS.get(name)
            if decode is not None:
                for doc in table.values():  # one at a time: each record is let go at once
                    folder.decode(rel, (doc,), decode)
        partitioned = tables.get(rel.parent)
        if partitioned is not None:
            docs = (loaded.tables.get(partitioned) or {}).values()
            seen[partitioned].add(rel, (str(doc.get("id")) for doc in docs))
        del loaded
    return {table: ids.doubles() for table, ids in seen.items()}


def id_hash(rec_id: str) -> int:
    """32 bits of the id's hash, what `SeenIds` keeps instead of the id (stable within a run)."""
    return hash(rec_id) & 0xFFFF_FFFF


class SeenIds:
    """The ids of one kind stored in each file, as 4 bytes a record instead of their strings.

    Thirty years of check-ins are 33,000 ids; kept as strings in a dict (with their file) they
    were 5 MiB of the app's idle memory, now about 0.15 MiB. Each file's ids are kept as one
    sorted array of 32-bit hashes, made once (a background thread that grows many arrays leaves
    its memory in holes). Two ids that share a hash only make the heal read their files again:
    it matches whole ids before it removes anything.
    """

    __slots__ = ("_hashes", "files")

    SLICES = 64
    """`doubles` looks at a 64th of the hashes at a time, so its dict stays small."""

    def __init__(self) -> None:
        self.files: list[str] = []  # strings: a third of what Paths take
        self._hashes: list[array[int]] = []

    def add(self, rel: Path, ids: Iterable[str]) -> None:
        """Note the ids stored in one file (each file once)."""
        self.files.append(str(rel))
        self._hashes.append(array("I", sorted(id_hash(rec_id) for rec_id in ids)))

    def doubles(self) -> dict[int, set[Path]]:
        """Each id hash seen more than once (in one file or in several), with its files."""
        twice: dict[int, set[Path]] = {}
        files = self.files
        step = (1 << 32) // self.SLICES
        starts = [0] * len(self._hashes)  # where each file's next slice begins
        for top in range(step, (1 << 32) + 1, step):
            first: dict[int, int] = {}  # hash -> the first file it was in
            for number, hashes in enumerate(self._hashes):
                end = bisect_left(hashes, top, starts[number])
                for value in hashes[starts[number] : end]:
                    held = first.get(value)
                    if held is None:
                        first[value] = number
                    else:
                        twice.setdefault(value, {Path(files[held])}).add(Path(files[number]))
                starts[number] = end
        return twice


def _heal_duplicates(txn: Transaction, kind: Layout, doubles: dict[int, set[Path]]) -> None:
    """Remove lower-rev copies of a record left in two month files by an interrupted move.

    Only the few files holding a doubled id hash are read again (inside the same lock), and
    only ids really stored more than once lose a copy.
    """
    if not doubles:
        return
    copies: dict[str, list[tuple[int, Path, str]]] = {}
    for rel in sorted({r for rels in doubles.values() for r in rels}):
        loaded = txn.load(rel)
        if loaded is None or loaded.newer:
            continue
        for key, doc in (loaded.tables.get(kind.table) or {}).items():
            rec_id = str(doc.get("id"))
            if id_hash(rec_id) in doubles:
                copies.setdefault(rec_id, []).append((codec.rev_of(doc), rel, key))
    doomed: dict[Path, list[str]] = {}
    for entries in copies.values():
        if len(entries) < 2:
            continue  # another id that shares its hash: stored once
        entries.sort(key=lambda e: e[0], reverse=True)
        for _, rel, key in entries[1:]:
            doomed.setdefault(rel, []).append(key)
    for rel, keys in doomed.items():
        tables = txn.writable(rel)
        for key in keys:
            del tables[kind.table][key]
        txn.write(rel, tables)


# --- doctor --------------------------------------------------------------------------------------


def doctor(folder: DataFolder) -> list[Problem]:
    """Check every file, permission and backup; problems found (empty list: all well).

    Loose permissions are tightened (and mentioned, not serious). Files kept in quarantine
    are mentioned as notes; a file quarantined by this check is serious.
    """
    found = list(scan(folder))
    if folder.read_only:
        found.append(Problem(folder.root, NOT_WRITABLE.format(root=folder.root)))
    found += _check_modes(folder)
    # A file set aside now is told below with the other damaged files, in the same words.
    found = [p for p in found if p.moved_to is None]
    now = folder.clock.now()
    for damaged in damaged_files(folder):
        found.append(
            Problem(folder.root / damaged.rel, damaged.sentence(now), moved_to=damaged.kept_at)
        )
    earlier = [c for c in quarantine.kept_copies(folder.root) if c.resolved or not c.damaged]
    if earlier:
        n = len(earlier)
        sentence = EARLIER_COPIES.format(
            n=n, copies="copies" if n != 1 else "copy", are="are" if n != 1 else "is"
        )
        found.append(Problem(folder.root / quarantine.QUARANTINE_DIR, sentence, serious=False))
    ahead = backups.future_backups(folder.root, now.date())
    if ahead:
        n = len(ahead)
        sentence = FUTURE_BACKUPS.format(
            n=n,
            folders="folders" if n != 1 else "folder",
            are="are" if n != 1 else "is",
            days=", ".join(day.isoformat() for day in ahead),
            they="They are" if n != 1 else "It is",
            it_is="they are" if n != 1 else "it is",
        )
        found.append(Problem(folder.root / backups.BACKUP_DIR, sentence, serious=False))
    if not backups.list_backups(folder.root) and data_files(folder.root):
        found.append(Problem(folder.root / backups.BACKUP_DIR, NO_BACKUP_YET, serious=False))
    return found


def _check_modes(folder: DataFolder) -> list[Problem]:
    """Tighten loose permissions on the folder and its files (told, not serious)."""
    notes: list[Problem] = []
    root = folder.root
    if folder.read_only or not root.is_dir():
        return notes
    paths = [root] + [root / k.folder for k in PARTITIONED if (root / k.folder).is_dir()]
    paths += [root / rel for rel in data_files(root)]
    for path in paths:
        try:
            info = path.lstat()
        except OSError:
            continue
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            continue  # links and odd nodes are told by the scan, never chmod-ed
        want = files.DIR_MODE if path.is_dir() else files.FILE_MODE
        if info.st_mode & 0o777 != want:
            try:
                path.chmod(want)
            except OSError:
                notes.append(Problem(path, OPEN_TO_OTHERS.format(path=path)))
                continue
            notes.append(Problem(path, MADE_PRIVATE.format(rel=folder.rel(path)), serious=False))
    return notes


# --- files waiting in quarantine -----------------------------------------------------------------


def _backup_before(folder: DataFolder, copy: quarantine.KeptCopy) -> BackupInfo | None:
    """The newest readable backup of the copy's file taken before it was set aside."""
    from tui.core import backup_info as bi

    now = folder.clock.now()
    for day in backups.list_backups(folder.root):
        if backups.backup_predates(folder.root, day, copy):
            info = bi.backup_info(folder.root, copy.rel, day, now)
            if info is not None:
                return info
    return None


def newest_backup_day(folder: DataFolder, rel: Path) -> date | None:
    """The newest day whose backup holds a readable copy of data file `rel`, if any."""
    from tui.core import backup_info as bi

    info = bi.newest_backup(folder.root, rel, folder.clock.now())
    return None if info is None else info.day


def damaged_files(folder: DataFolder) -> list[DamagedFile]:
    """Files set aside because they could not be read, not yet put back or kept as is.

    Only quarantine/ is looked at (no file is read): files damaged since are found by a scan.
    Oldest first; each names the newest good backup taken before the damage.
    """
    tz = folder.clock.now().tzinfo
    return [
        DamagedFile(
            rel=str(copy.rel),
            kept_at=copy.path,
            set_aside_at=copy.stamp.replace(tzinfo=tz),
            reason=pr.DAMAGE_SENTENCES.get(copy.reason, pr.UNKNOWN_DAMAGE),
            backup=_backup_before(folder, copy),
        )
        for copy in quarantine.damaged_copies(folder.root)
    ]


def keep_as_is(folder: DataFolder) -> list[DamagedFile]:
    """The person chose to leave the damaged files as they are: mark them settled.

    Nothing is restored or deleted; the damaged copies stay in quarantine/.
    Returns the files so marked.
    """
    damaged = damaged_files(folder)
    if not damaged:
        return []
    with folder.transaction():
        for copy in quarantine.damaged_copies(folder.root):
            quarantine.mark_resolved(copy)
    folder.forget_problems(folder.root / d.rel for d in damaged)
    return damaged
