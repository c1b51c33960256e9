"""From what a file holds to what the store gets: leave out what is here, name what can't be
taken, then write the rest under a journal so a kill part way never leaves half an import
unexplained.

Why "take the rest" rather than all or nothing: years of history should not wait on one odd
row. Every record left out is named with where it is and why (also by `--dry-run`, before
anything is written), and because imports never add a record twice, fixing that row and
importing the same file again adds just it. A file Thaw can't read as a whole, or moods
nobody has placed yet, still stop the import before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.exchange import checks, journal
from tui.core.exchange.base import FileRead, Rejected
from tui.core.exchange.codec import (
    contact_from_dict,
    contact_to_dict,
    marker_from_dict,
    marker_to_dict,
    new_checkin_from_dict,
    new_checkin_to_dict,
    plan_item_from_dict,
    plan_item_to_dict,
    session_from_dict,
    session_to_dict,
    settings_from_dict,
    settings_to_dict,
)
from tui.core.records.models import Contact, Marker, PlanItem, Session, Settings

if TYPE_CHECKING:
    from tui.core.ports import StorePort
    from tui.core.records.models import NewCheckIn

SHOWN_REJECTS = 5  # named one by one; beyond that, counted


@dataclass(slots=True)
class ImportPlan:
    """What an import would add, after leaving out what the store already has."""

    checkins: list[NewCheckIn] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    settings: Settings | None = None
    skipped: int = 0  # already here
    rejected: list[Rejected] = field(default_factory=list)  # can't be taken, with why
    deleted_here: int = 0  # left out: deleted here (a tombstone), and not asked back
    with_deleted: bool = False  # the person asked for records deleted here to come back
    brought_back: int = 0  # ... and this many of them are in the plan

    @property
    def checkin_count(self) -> int:
        return len(self.checkins)

    def is_empty(self) -> bool:
        return not (
            self.checkins
            or self.sessions
            or self.markers
            or self.plan
            or self.contacts
            or self.settings
        )

    def summary(self) -> str:
        """ "12 check-ins, 3 practice sessions and 1 marker" (only the non-empty parts)."""
        parts = [
            _count(len(self.checkins), "check-in"),
            _count(len(self.sessions), "practice session"),
            _count(len(self.markers), "marker"),
            _count(len(self.plan), "plan item"),
            _count(len(self.contacts), "contact"),
        ]
        if self.settings is not None:
            parts.append("your settings")
        shown = [p for p in parts if p]
        if not shown:
            return "nothing new"
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _count(n: int, noun: str) -> str:
    if n == 0:
        return ""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def rejected_lines(rejected: list[Rejected]) -> list[str]:
    """One line per record left out (the first few), then how many more, then how to fix."""
    if not rejected:
        return []
    lines = [f"{r.where}: {r.reason}." for r in rejected[:SHOWN_REJECTS]]
    if len(rejected) > SHOWN_REJECTS:
        lines.append(f"...and {len(rejected) - SHOWN_REJECTS:,} more like these.")
    lines.append(
        "Fix those in the file and import it again if you want them: "
        "what is already here is never added twice."
    )
    return lines


def deleted_words(count: int) -> str:
    """ "2 left out because they were deleted here" (the flag that brings them back: the caller)."""
    return f"{count:,} left out because {'it was' if count == 1 else 'they were'} deleted here"


def _already(store: StorePort, read: FileRead) -> tuple[set[str], set[str]]:
    existing = store.checkins()
    return {c.id for c in existing}, {c.source for c in existing if c.source}


def _matches(item: Any, ids: set[str], sources: set[str]) -> bool:
    """Whether an imported record is one of these (by its id, or the source it came from)."""
    rec_id, source = getattr(item, "id", ""), getattr(item, "source", "")
    return bool(rec_id and (rec_id in ids or f"thaw:{rec_id}" in sources)) or bool(
        source and source in sources
    )


def _deleted_here(plan: ImportPlan, item: Any, gone: tuple[set[str], set[str]]) -> bool:
    """Count a record deleted here: True when it is to be left out (not asked back)."""
    if not _matches(item, *gone):
        return False
    if plan.with_deleted:
        plan.brought_back += 1
        return False
    plan.deleted_here += 1
    return True


def plan_import(
    store: StorePort, read: FileRead, now: datetime, *, with_deleted: bool = False
) -> ImportPlan:
    """Leave out what the store holds (same id, same source, or same content) and what was
    deleted here (unless `with_deleted`), and name every record the store would refuse.
    Reads the store; writes nothing."""
    plan = ImportPlan(rejected=list(read.rejected), with_deleted=with_deleted)
    ids, sources = _already(store, read) if read.checkins else (set(), set())
    gone = store.deleted_keys("checkins") if read.checkins else (set(), set())
    for number, item in enumerate(read.checkins, start=1):
        if _matches(item, ids, sources):
            plan.skipped += 1
            continue
        if _deleted_here(plan, item, gone):
            continue
        reason = checks.checkin(item, now)
        if reason:
            place = read.places[number - 1] if number <= len(read.places) else ""
            plan.rejected.append(Rejected(place or _where(item, number), reason))
            continue
        if item.id:
            ids.add(item.id)
        if item.source:
            sources.add(item.source)
        plan.checkins.append(item)
    _plan_others(store, read, plan, now)
    return plan


def _where(item: NewCheckIn, number: int) -> str:
    return f"The check-in of {item.at:%Y-%m-%d %H:%M}" if item.at else f"Check-in {number}"


def _plan_others(store: StorePort, read: FileRead, plan: ImportPlan, now: datetime) -> None:
    if read.sessions:
        stored = store.sessions()
        known: set[object] = {s.id for s in stored} | {
            (s.kind, s.detail, s.started_at) for s in stored
        }
        gone = store.deleted_keys("sessions")
        for n, s in enumerate(read.sessions, start=1):
            if s.id in known or (s.kind, s.detail, s.started_at) in known:
                plan.skipped += 1
            elif _deleted_here(plan, s, gone):
                continue
            elif reason := checks.session(s, now):
                plan.rejected.append(Rejected(f"Session {n}", reason))
            else:
                known.add(s.id)
                plan.sessions.append(s)
    if read.markers:
        stored_m = store.markers()
        known = {m.id for m in stored_m} | {(m.at, m.text) for m in stored_m}
        gone = store.deleted_keys("markers")
        for n, m in enumerate(read.markers, start=1):
            if m.id in known or (m.at, m.text) in known:
                plan.skipped += 1
            elif _deleted_here(plan, m, gone):
                continue
            elif reason := checks.marker(m, now):
                plan.rejected.append(Rejected(f"Marker {n}", reason))
            else:
                known.add(m.id)
                plan.markers.append(m)
    if read.plan:
        known_plan = {(p.key or p.title.lower()) for p in store.plan_items()}
        gone = store.deleted_keys("plan")
        for n, p in enumerate(read.plan, start=1):
            if (p.key or p.title.lower()) in known_plan:
                plan.skipped += 1
            elif _deleted_here(plan, p, gone):
                continue
            elif reason := checks.plan_item(p):
                plan.rejected.append(Rejected(f"Plan item {n}", reason))
            else:
                known_plan.add(p.key or p.title.lower())
                plan.plan.append(p)
    if read.contacts:
        known_contacts = {(c.name.lower(), c.phone) for c in store.contacts()}
        gone = store.deleted_keys("contacts")
        for n, contact in enumerate(read.contacts, start=1):
            if (contact.name.lower(), contact.phone) in known_contacts:
                plan.skipped += 1
            elif _deleted_here(plan, contact, gone):
                continue
            elif reason := checks.contact(contact):
                plan.rejected.append(Rejected(f"Contact {n}", reason))
            else:
                known_contacts.add((contact.name.lower(), contact.phone))
                plan.contacts.append(contact)
    # Settings come along only into a Thaw that has never had its settings changed.
    if read.settings is not None:
        current = store.settings()
        if replace(current, rev=1) == Settings() and replace(read.settings, rev=1) != Settings():
            plan.settings = read.settings


# --- writing, under the journal -----------------------------------------------------------------
def _records(plan: ImportPlan) -> dict[str, Any]:
    return {
        "checkins": [new_checkin_to_dict(c) for c in plan.checkins],
        "sessions": [session_to_dict(s) for s in plan.sessions],
        "markers": [marker_to_dict(m) for m in plan.markers],
        "plan": [plan_item_to_dict(p) for p in plan.plan],
        "contacts": [contact_to_dict(c) for c in plan.contacts],
        "settings": settings_to_dict(plan.settings) if plan.settings else None,
        "with_deleted": plan.with_deleted,  # so --finish brings back what was asked back
    }


def _from_records(records: dict[str, Any]) -> ImportPlan:
    def items(key: str) -> list[object]:
        value = records.get(key) or []
        return value if isinstance(value, list) else []

    settings = records.get("settings")
    return ImportPlan(
        checkins=[new_checkin_from_dict(d, "journal") for d in items("checkins")],
        sessions=[session_from_dict(d, "journal") for d in items("sessions")],
        markers=[marker_from_dict(d, "journal") for d in items("markers")],
        plan=[plan_item_from_dict(d, "journal") for d in items("plan")],
        contacts=[contact_from_dict(d, "journal") for d in items("contacts")],
        settings=settings_from_dict(settings, "journal") if settings is not None else None,
        with_deleted=records.get("with_deleted") is True,
    )


def _write(store: StorePort, plan: ImportPlan) -> None:
    store.import_records(
        checkins=plan.checkins,
        sessions=plan.sessions,
        markers=plan.markers,
        plan=plan.plan,
        contacts=plan.contacts,
        with_deleted=plan.with_deleted,
    )
    if plan.settings is not None:
        current = store.settings()
        if replace(current, rev=1) == Settings():  # still never changed: another window may have
            store.save_settings(replace(plan.settings, rev=current.rev))


def apply_import(store: StorePort, plan: ImportPlan, file_name: str = "a file") -> None:
    """Write the plan: the journal first, then every record (checked by the store before any is
    written), then the journal goes. Killed in between, `finish_cut_short` writes the rest."""
    if plan.is_empty():
        return
    entry = journal.begin(store.data_dir, file_name, plan.summary(), _records(plan))
    try:
        _write(store, plan)
    except BaseException as err:
        from tui.core.errors import InputError

        if isinstance(err, InputError):
            entry.close()  # the store refused before writing anything: nothing to finish
        else:
            entry.release()  # it may have written part: the journal stays for --finish
        raise
    entry.close()


def finish_cut_short(store: StorePort) -> list[str]:
    """Write whatever cut-short imports left unwritten; one sentence each, said when done."""
    done: list[str] = []
    for entry in journal.pending(store.data_dir):
        claimed = journal.claim(entry)
        if claimed is None:
            continue
        handle, records = claimed
        try:
            plan = _from_records(records)
            before = len(store.checkins())
            _write(store, plan)
        except BaseException:
            handle.release()
            raise
        added = len(store.checkins()) - before
        handle.close()
        more = _count(added, "more check-in") or "no more check-ins"
        done.append(
            f"Finished the import of {entry.file_name}: {more} added, the rest were already here."
        )
    return done


def stored_path(data_dir: Path) -> Path:
    """Where journals live (tests and doctor look here)."""
    return data_dir / journal.JOURNAL_DIR
