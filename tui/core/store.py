"""Store: the only object that touches Thaw's data files. Takes and returns models.

CONTRACT (implementation in progress; signatures are fixed, other modules code against them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tui.core.clock import Clock, SystemClock
from tui.core.models import (
    CheckIn,
    Contact,
    Draft,
    Marker,
    MarkerKind,
    PlanItem,
    PlanStatus,
    Session,
    SessionKind,
    Settings,
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something found at open or by doctor, told to the person in `message` (one sentence+)."""

    path: Path
    message: str
    moved_to: Path | None = None  # where a quarantined file was kept
    serious: bool = True  # False for notes such as "no backup yet"


@dataclass(frozen=True, slots=True)
class NewCheckIn:
    """A check-in not yet saved (import batches, back-fill)."""

    at: datetime
    mood: int
    feel: int | None = None
    emotions: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""


class Store:
    """Safe, locked, partitioned TinyDB storage for one data directory.

    Every write: validate and clean, take the flock, re-read, apply, atomic replace, release.
    Opening never raises for bad files: they are quarantined and listed in `problems`.
    `read_only` is True when the directory cannot be written; writes then raise ReadOnlyError.
    Validation errors raise InputError with a sentence fit for the person.
    """

    problems: list[Problem]
    read_only: bool
    data_dir: Path

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self.problems = []
        self.read_only = False
        raise NotImplementedError

    # --- check-ins --------------------------------------------------------------------------
    def add_checkin(
        self,
        mood: int,
        *,
        feel: int | None = None,
        emotions: Sequence[str] = (),
        note: str = "",
        tags: Sequence[str] = (),
        at: datetime | None = None,  # default clock.now(); future refused
    ) -> CheckIn:
        """Validate, clean and durably save one check-in. Returns it once it is on disk."""
        raise NotImplementedError

    def add_checkins(self, items: Iterable[NewCheckIn]) -> list[CheckIn]:
        """Save many (import). Items whose non-empty `source` is already stored are skipped."""
        raise NotImplementedError

    def checkins(self, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        """Check-ins with local date in [since, until], oldest first. Reads only needed files."""
        raise NotImplementedError

    def recent_checkins(self, limit: int) -> list[CheckIn]:
        """The newest `limit` check-ins, newest first, reading as few files as possible."""
        raise NotImplementedError

    def has_checkin_on(self, day: date) -> bool:
        """Fast: used by `due` at every login."""
        raise NotImplementedError

    def update_checkin(self, old: CheckIn, **changes: object) -> CheckIn:
        """Apply changes if the stored rev still equals old.rev, else StaleEditError."""
        raise NotImplementedError

    def delete_checkin(self, old: CheckIn) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        raise NotImplementedError

    def known_tags(self) -> list[str]:
        """Tags used before, most used first."""
        raise NotImplementedError

    # --- practice sessions ------------------------------------------------------------------
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
        raise NotImplementedError

    def sessions(self, since: date | None = None, until: date | None = None) -> list[Session]:
        raise NotImplementedError

    def update_session(self, old: Session, **changes: object) -> Session:
        raise NotImplementedError

    # --- markers ----------------------------------------------------------------------------
    def add_marker(self, text: str, kind: MarkerKind = "other", at: datetime | None = None) -> Marker:
        raise NotImplementedError

    def markers(self) -> list[Marker]:
        """All markers, oldest first."""
        raise NotImplementedError

    def update_marker(self, old: Marker, **changes: object) -> Marker:
        raise NotImplementedError

    def delete_marker(self, old: Marker) -> None:
        raise NotImplementedError

    # --- plan -------------------------------------------------------------------------------
    def plan_items(self) -> list[PlanItem]:
        """The person's plan items in their saved order."""
        raise NotImplementedError

    def add_plan_item(
        self, title: str, *, key: str = "", status: PlanStatus = "not_now", note: str = "",
        next_step: str = "",
    ) -> PlanItem:
        raise NotImplementedError

    def update_plan_item(self, old: PlanItem, **changes: object) -> PlanItem:
        raise NotImplementedError

    def delete_plan_item(self, old: PlanItem) -> None:
        raise NotImplementedError

    # --- trusted contacts -------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        raise NotImplementedError

    def add_contact(self, name: str, *, phone: str = "", note: str = "") -> Contact:
        raise NotImplementedError

    def update_contact(self, old: Contact, **changes: object) -> Contact:
        raise NotImplementedError

    def delete_contact(self, old: Contact) -> None:
        raise NotImplementedError

    # --- settings and drafts ----------------------------------------------------------------
    def settings(self) -> Settings:
        raise NotImplementedError

    def save_settings(self, new: Settings) -> Settings:
        """Save if new.rev equals the stored rev (else StaleEditError); returns with rev+1."""
        raise NotImplementedError

    def draft(self) -> Draft | None:
        raise NotImplementedError

    def save_draft(self, draft: Draft) -> None:
        raise NotImplementedError

    def clear_draft(self) -> None:
        raise NotImplementedError

    # --- care -------------------------------------------------------------------------------
    def doctor(self) -> list[Problem]:
        """Check every file, permission and backup; problems found (empty list: all well)."""
        raise NotImplementedError

    def backups(self) -> list[date]:
        """Days with a rolling backup, newest first."""
        raise NotImplementedError

    def restore_backup(self, day: date) -> None:
        """Put the files of that day's backup back (current ones are moved aside first)."""
        raise NotImplementedError
