"""Store: the one object the app and the commands use for Thaw's data. A facade: every method
hands over to one generic collection per record kind, to `singles`, `care` or `restore`.

Table operations are the store's own, over TinyDB's file format; why, with the measured
figures, is in `tui.core.collection`.

Layout of the data directory (every file a TinyDB document with a `_meta` schema table):
    checkins/YYYY-MM.json  sessions/YYYY-MM.json   partitioned by month (storage/layout.py)
    markers.json plan.json contacts.json settings.json draft.json safety_plan.json
    .lock                                          flock target (storage/lock.py)
    backups/YYYY-MM-DD/<same paths>                rolling daily copies (storage/backups.py)
    quarantine/<path>.<stamp>.<reason>             unreadable files, moved aside and kept
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core import singles
from tui.core.clock import Clock, SystemClock
from tui.core.collection import Collection, import_all, known_tags
from tui.core.datafolder import DataFolder
from tui.core.kinds import CHECKINS, CONTACTS, MARKERS, PLAN, SESSIONS
from tui.core.problems import Problem
from tui.core.records.models import (
    CheckIn,
    Contact,
    Draft,
    Marker,
    MarkerKind,
    NewCheckIn,
    PlanItem,
    PlanStatus,
    Session,
    SessionKind,
    Settings,
)
from tui.core.storage import backups

Editable = TypeVar("Editable", CheckIn, Session, Marker, PlanItem, Contact)

if TYPE_CHECKING:
    from tui.core.care import DamagedFile
    from tui.core.restore import RestoreResult
    from tui.core.safety_plan import SafetyPlan


class Store:
    """Safe, locked, month-partitioned storage for one data directory.

    Every write: check and clean (records/rules.py), take the flock, read each file once,
    apply, atomic replace, release. Opening never raises for bad files: they are set aside
    and listed in `problems` as they are met; `scan()` checks every file (doctor, the app's
    background worker). `read_only` is True when the directory cannot be written; writes
    then raise ReadOnlyError. Bad input raises InputError with a sentence fit for the person.
    A data directory that is a symlink or belongs to another user raises UnsafePathError.
    """

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self.folder = DataFolder(data_dir, self.clock)
        self.checkin_records = Collection[CheckIn](self.folder, CHECKINS)
        self.session_records = Collection[Session](self.folder, SESSIONS)
        self.marker_records = Collection[Marker](self.folder, MARKERS)
        self.plan_records = Collection[PlanItem](self.folder, PLAN)
        self.contact_records = Collection[Contact](self.folder, CONTACTS)

    def collection(self, name: str) -> Collection[Any]:
        """The collection of one kind by table name ("checkins", "sessions", "markers"...)."""
        return {c.layout.table: c for c in self._collections()}[name]

    def _collections(self) -> tuple[Collection[Any], ...]:
        return (
            self.checkin_records,
            self.session_records,
            self.marker_records,
            self.plan_records,
            self.contact_records,
        )

    @property
    def read_only(self) -> bool:
        """True when the data directory cannot be written."""
        return self.folder.read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self.folder.read_only = value

    @property
    def problems(self) -> list[Problem]:
        """Problems met so far (no file is read for this; `scan()` checks them all)."""
        return self.folder.problems

    # --- check-ins ----------------------------------------------------------------------------
    def add_checkin(
        self,
        mood: int,
        *,
        feel: int | None = None,
        emotions: Sequence[str] = (),
        note: str = "",
        tags: Sequence[str] = (),
        at: datetime | None = None,
    ) -> CheckIn:
        """Check, clean and durably save one check-in (`at` None: now; the future is refused)."""
        return self.checkin_records.add(
            {"mood": mood, "feel": feel, "emotions": emotions, "note": note, "tags": tags, "at": at}
        )

    def add_checkins(self, items: Iterable[NewCheckIn]) -> list[CheckIn]:
        """Save many (import), all checked first; those already stored are left out."""
        return self.checkin_records.add_many(items)

    def checkins(self, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        """Check-ins with local date in [since, until], oldest first. Reads only needed files."""
        return self.checkin_records.read(since, until)

    def recent_checkins(self, limit: int) -> list[CheckIn]:
        """The newest `limit` check-ins, newest first, reading as few files as possible."""
        return self.checkin_records.recent(limit)

    def checkin(self, checkin_id: str) -> CheckIn | None:
        """The check-in with this id, however old (None: not stored, or deleted since)."""
        return self.checkin_records.get(checkin_id)

    def has_checkin_on(self, day: date) -> bool:
        """Fast: used by `due` at every login. Reads one month file, parses no dates."""
        return self.checkin_records.has_day(day)

    def update_checkin(self, old: CheckIn, **changes: object) -> CheckIn:
        """Apply changes if the stored rev still equals old.rev, else StaleEditError."""
        return self.checkin_records.update(old, changes)

    def delete_checkin(self, old: CheckIn) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        self.checkin_records.delete(old)

    def known_tags(self, recent_days: int | None = None) -> list[str]:
        """Tags used before, most used first; `recent_days` reads only those months' files."""
        return known_tags(self.checkin_records, recent_days)

    # --- practice sessions --------------------------------------------------------------------
    def add_session(
        self,
        kind: SessionKind,
        detail: str,
        *,
        started_at: datetime,
        planned_seconds: int | None,
        actual_seconds: float,
        completed: bool,
        before: int | None = None,
        after: int | None = None,
        notes: Sequence[str] = (),
        rating: int | None = None,
    ) -> Session:
        """Check and durably save one practice session."""
        return self.session_records.add(
            {
                "kind": kind,
                "detail": detail,
                "started_at": started_at,
                "planned_seconds": planned_seconds,
                "actual_seconds": actual_seconds,
                "completed": completed,
                "before": before,
                "after": after,
                "notes": notes,
                "rating": rating,
            }
        )

    def add_sessions(self, items: Iterable[Session]) -> list[Session]:
        """Save many practice sessions (import), ids kept when well-formed and not stored."""
        return self.session_records.add_many(items)

    def sessions(self, since: date | None = None, until: date | None = None) -> list[Session]:
        """Sessions whose local start date is in [since, until], oldest first."""
        return self.session_records.read(since, until)

    def update_session(self, old: Session, **changes: object) -> Session:
        """Apply changes if unchanged since read, else StaleEditError."""
        return self.session_records.update(old, changes)

    # --- markers ------------------------------------------------------------------------------
    def add_marker(
        self, text: str, kind: MarkerKind = "other", at: datetime | None = None
    ) -> Marker:
        """Save a dated note on the timeline."""
        return self.marker_records.add({"text": text, "kind": kind, "at": at})

    def add_markers(self, items: Iterable[Marker]) -> list[Marker]:
        """Save many markers (import), ids kept as for `add_sessions`."""
        return self.marker_records.add_many(items)

    def markers(self) -> list[Marker]:
        """All markers, oldest first."""
        return self.marker_records.read()

    def update_marker(self, old: Marker, **changes: object) -> Marker:
        """Apply changes (text, kind, at) if unchanged since read, else StaleEditError."""
        return self.marker_records.update(old, changes)

    def delete_marker(self, old: Marker) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        self.marker_records.delete(old)

    # --- plan ---------------------------------------------------------------------------------
    def plan_items(self) -> list[PlanItem]:
        """The person's plan items in their saved order."""
        return self.plan_records.read()

    def add_plan_item(
        self,
        title: str,
        *,
        key: str = "",
        status: PlanStatus = "not_now",
        note: str = "",
        next_step: str = "",
    ) -> PlanItem:
        """Save a new plan item at the end of the plan."""
        return self.plan_records.add(
            {"title": title, "key": key, "status": status, "note": note, "next_step": next_step}
        )

    def add_plan_items(self, items: Iterable[PlanItem]) -> list[PlanItem]:
        """Save many plan items (import), ids kept as for `add_sessions`."""
        return self.plan_records.add_many(items)

    def update_plan_item(self, old: PlanItem, **changes: object) -> PlanItem:
        """Apply changes if unchanged since read, else StaleEditError."""
        return self.plan_records.update(old, changes)

    def delete_plan_item(self, old: PlanItem) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        self.plan_records.delete(old)

    # --- trusted contacts ---------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        """Trusted contacts in the order they were added."""
        return self.contact_records.read()

    def add_contact(self, name: str, *, phone: str = "", note: str = "") -> Contact:
        """Save a trusted contact."""
        return self.contact_records.add({"name": name, "phone": phone, "note": note})

    def add_contacts(self, items: Iterable[Contact]) -> list[Contact]:
        """Save many contacts (import), ids kept as for `add_sessions`."""
        return self.contact_records.add_many(items)

    def update_contact(self, old: Contact, **changes: object) -> Contact:
        """Apply changes if unchanged since read, else StaleEditError."""
        return self.contact_records.update(old, changes)

    def delete_contact(self, old: Contact) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        self.contact_records.delete(old)

    def update_merged(self, old: Editable, **changes: object) -> Editable:
        """Apply changes to any record kind, merged field by field with a change another
        window saved since (`Collection.update(merge=True)`): both kept when they touched
        different fields; StaleEditError naming the field when both touched one."""
        kinds: tuple[tuple[type, Collection[Any]], ...] = (
            (CheckIn, self.checkin_records),
            (Session, self.session_records),
            (Marker, self.marker_records),
            (PlanItem, self.plan_records),
            (Contact, self.contact_records),
        )
        for record_type, collection in kinds:
            if isinstance(old, record_type):
                updated: Editable = collection.update(old, changes, merge=True)
                return updated
        raise TypeError(f"no collection keeps {type(old).__name__}")

    # --- import, settings and drafts ----------------------------------------------------------
    def import_records(
        self,
        *,
        checkins: Iterable[NewCheckIn] = (),
        sessions: Iterable[Session] = (),
        markers: Iterable[Marker] = (),
        plan: Iterable[PlanItem] = (),
        contacts: Iterable[Contact] = (),
        with_deleted: bool = False,
    ) -> None:
        """One import: every record of every kind checked before anything is written, then
        all written under one lock. Ids are kept (or records left out) as in `add_checkins`;
        records deleted here come back only `with_deleted`."""
        batches = [checkins, sessions, markers, plan, contacts]
        import_all(self._collections(), batches, with_deleted)

    def deleted_keys(self, kind: str) -> tuple[set[str], set[str]]:
        """Ids and sources of one kind's records deleted here ("checkins", "plan"...)."""
        return self.collection(kind).deleted_keys()

    def settings(self) -> Settings:
        """Saved settings; defaults for anything missing or unreadable."""
        return singles.read_settings(self.folder)

    def settings_problems(self) -> dict[str, str]:
        """Values in settings.json Thaw can't use, by setting name, each with its sentence (the
        default is used meanwhile; saving that setting again puts it right)."""
        return singles.settings_problems(self.folder)

    def save_settings(self, new: Settings, old: Settings | None = None) -> Settings:
        """Save if new.rev equals the stored rev (else StaleEditError); returns with rev+1.

        With `old` (the settings this edit started from), a change saved since by another
        window is kept, field by field, when it touched other settings; when it touched one
        this edit changed too, StaleEditError names it."""
        return singles.save_settings(self.folder, new, old)

    def safety_plan(self) -> SafetyPlan:
        """The person's safety plan; an empty one when none is written or the file is unreadable."""
        return singles.read_safety_plan(self.folder)

    def save_safety_plan(self, plan: SafetyPlan, old: SafetyPlan | None = None) -> SafetyPlan:
        """Save if plan.rev equals the stored rev (else StaleEditError); returns with rev+1.
        With `old`, sections changed elsewhere since are kept, as for `save_settings`."""
        return singles.save_safety_plan(self.folder, plan, old)

    def draft(self) -> Draft | None:
        """The unfinished check-in, if one was kept."""
        return singles.read_draft(self.folder)

    def save_draft(self, draft: Draft) -> None:
        """Keep an unfinished check-in (replacing any earlier draft). Text is cleaned."""
        singles.save_draft(self.folder, draft)

    def clear_draft(self) -> None:
        """Forget the unfinished check-in."""
        singles.clear_draft(self.folder)

    # --- care: explicit checks, backups and putting files back --------------------------------
    # (imported when asked for: a quick `log` never pays for care or restore)
    def scan(self) -> list[Problem]:
        """Check every file (set aside damaged ones, heal doubles); every problem known."""
        from tui.core import care

        return care.scan(self.folder)

    def doctor(self) -> list[Problem]:
        """Check every file, permission and backup; problems found (empty list: all well)."""
        from tui.core import care

        return care.doctor(self.folder)

    def backups(self) -> list[date]:
        """Days with a rolling backup, newest first."""
        return backups.list_backups(self.data_dir)

    def future_backups(self) -> list[date]:
        """Backup folders dated after today (a clock that ran ahead), newest first."""
        return backups.future_backups(self.data_dir, self.clock.now().date())

    def backup_of(self, rel: Path | str) -> date | None:
        """The newest day whose backup holds a readable copy of data file `rel`, if any."""
        from tui.core import care

        return care.newest_backup_day(self.folder, Path(rel))

    def damaged_files(self) -> list[DamagedFile]:
        """Files set aside in quarantine/ and not yet settled (no data file is read)."""
        from tui.core import care

        return care.damaged_files(self.folder)

    def restore_file(self, rel: str | Path, day: date) -> RestoreResult:
        """Put back one file from a day's backup, merged with what was saved since."""
        from tui.core import restore

        return restore.restore_file(self.folder, rel, day)

    def restore_damaged(self, day: date) -> list[RestoreResult]:
        """Put back every damaged file whose backup from `day` predates its damage."""
        from tui.core import restore

        return restore.restore_damaged(self.folder, day)

    def restore_backup(
        self, day: date, *, only: Sequence[Path] = (), with_deleted: bool = False
    ) -> list[RestoreResult]:
        """Put back every file of that day's backup (or those in `only`), each merged; what
        was deleted since stays deleted unless `with_deleted`."""
        from tui.core import restore

        return restore.restore_backup(self.folder, day, only, with_deleted=with_deleted)

    def keep_as_is(self) -> list[DamagedFile]:
        """Leave the damaged files as they are (settled; the copies stay in quarantine/)."""
        from tui.core import care

        return care.keep_as_is(self.folder)
