"""StorePort: the part of the store that screens, widgets and the app use, and nothing more.

Screens and widgets type against this Protocol, never the concrete `Store`, so the store's
internals can change without touching them, and a reader sees in one page everything the UI
asks of the data layer. `tests/unit/test_ports.py` has mypy check that `Store` satisfies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from tui.core.records.models import CheckIn as _CheckIn
from tui.core.records.models import Contact as _Contact
from tui.core.records.models import Marker as _Marker
from tui.core.records.models import PlanItem as _PlanItem
from tui.core.records.models import Session as _Session

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date, datetime
    from pathlib import Path

    from tui.core.care import DamagedFile
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
    from tui.core.restore import RestoreResult
    from tui.core.safety_plan import SafetyPlan


#: Any record kind an edit can be merged into (`update_merged`).
Editable = TypeVar("Editable", _CheckIn, _Session, _Marker, _PlanItem, _Contact)


class StorePort(Protocol):
    """What the full-screen app reads and writes. Every write validates, cleans and refuses a
    stale edit (StaleEditError) as the store does; reads raise ThawError subclasses."""

    @property
    def data_dir(self) -> Path:
        """Where the files live (the summary is saved beside it by default)."""
        ...

    @property
    def read_only(self) -> bool:
        """True when the data directory cannot be written."""
        ...

    @property
    def problems(self) -> list[Problem]:
        """File problems found (home's banner)."""
        ...

    # --- check-ins --------------------------------------------------------------------------
    def checkins(self, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        """Check-ins in [since, until] by local date, oldest first."""
        ...

    def recent_checkins(self, limit: int) -> list[CheckIn]:
        """The newest `limit` check-ins, newest first."""
        ...

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
        """Save a new check-in."""
        ...

    def checkin(self, checkin_id: str) -> CheckIn | None:
        """The check-in with this id, however old (None: not stored, or deleted since)."""
        ...

    def update_checkin(self, old: CheckIn, **changes: object) -> CheckIn:
        """Change a check-in read earlier."""
        ...

    def delete_checkin(self, old: CheckIn) -> None:
        """Delete a check-in read earlier."""
        ...

    def known_tags(self, recent_days: int | None = None) -> list[str]:
        """Tags used before, most used first."""
        ...

    # --- the unfinished check-in ------------------------------------------------------------
    def draft(self) -> Draft | None:
        """The unfinished check-in, if one was kept."""
        ...

    def save_draft(self, draft: Draft) -> None:
        """Keep an unfinished check-in."""
        ...

    def clear_draft(self) -> None:
        """Forget the unfinished check-in."""
        ...

    # --- practice sessions ------------------------------------------------------------------
    def sessions(self, since: date | None = None, until: date | None = None) -> list[Session]:
        """Sessions in [since, until] by local start date, oldest first."""
        ...

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
        """Save one practice session."""
        ...

    def update_session(self, old: Session, **changes: object) -> Session:
        """Change a session read earlier (its after-rating, say)."""
        ...

    # --- markers, plan, contacts, settings --------------------------------------------------
    def markers(self) -> list[Marker]:
        """All markers, oldest first."""
        ...

    def add_marker(
        self, text: str, kind: MarkerKind = "other", at: datetime | None = None
    ) -> Marker:
        """Save a marker on the timeline."""
        ...

    def update_marker(self, old: Marker, **changes: object) -> Marker:
        """Change a marker read earlier."""
        ...

    def delete_marker(self, old: Marker) -> None:
        """Delete a marker read earlier."""
        ...

    def plan_items(self) -> list[PlanItem]:
        """The plan in its saved order."""
        ...

    def add_plan_item(
        self,
        title: str,
        *,
        key: str = "",
        status: PlanStatus = "not_now",
        note: str = "",
        next_step: str = "",
    ) -> PlanItem:
        """Save a new plan item."""
        ...

    def update_plan_item(self, old: PlanItem, **changes: object) -> PlanItem:
        """Change a plan item read earlier."""
        ...

    def delete_plan_item(self, old: PlanItem) -> None:
        """Delete a plan item read earlier."""
        ...

    def contacts(self) -> list[Contact]:
        """Trusted contacts in the order they were added."""
        ...

    def add_contact(self, name: str, *, phone: str = "", note: str = "") -> Contact:
        """Save a trusted contact."""
        ...

    def update_contact(self, old: Contact, **changes: object) -> Contact:
        """Change a contact read earlier."""
        ...

    def delete_contact(self, old: Contact) -> None:
        """Delete a contact read earlier."""
        ...

    def settings(self) -> Settings:
        """Saved settings (defaults for anything missing)."""
        ...

    def update_merged(self, old: Editable, **changes: object) -> Editable:
        """Change any record read earlier, merged field by field with a change another window
        saved since (StaleEditError naming the field when both changed the same one)."""
        ...

    def save_settings(self, new: Settings, old: Settings | None = None) -> Settings:
        """Save settings read earlier; returns them with the new revision."""
        ...

    def settings_problems(self) -> dict[str, str]:
        """Values in settings.json Thaw can't use (the default stands in), with sentences."""
        ...

    def safety_plan(self) -> SafetyPlan:
        """The person's safety plan; an empty one when none is written yet."""
        ...

    def save_safety_plan(self, plan: SafetyPlan, old: SafetyPlan | None = None) -> SafetyPlan:
        """Save a safety plan read earlier; returns it with the new revision."""
        ...

    # --- imports ----------------------------------------------------------------------------
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
        """Every record checked before any is written, then all written under one lock;
        records deleted here come back only `with_deleted`."""
        ...

    def deleted_keys(self, kind: str) -> tuple[set[str], set[str]]:
        """Ids and sources of one kind's records deleted here ("checkins", "plan"...)."""
        ...

    # --- damaged files ----------------------------------------------------------------------
    def scan(self) -> list[Problem]:
        """Check every file (set aside damaged ones); every problem known. Slow: a worker's job."""
        ...

    def damaged_files(self) -> list[DamagedFile]:
        """Files set aside because they could not be read, oldest first."""
        ...

    def restore_file(self, rel: str | Path, day: date) -> RestoreResult:
        """Put back one file from a day's backup, merged with what was saved since."""
        ...
