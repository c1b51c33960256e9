"""Thaw's records as plain dicts and back: the one codec exports, imports and the journal share.

Reading is for untrusted input: every field is checked and a wrong one raises InputError naming
where it is ("check-in 3: "mood" should be a whole number").
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.core.errors import InputError
from tui.core.records.models import (
    MARKER_KINDS,
    PLAN_STATUSES,
    SESSION_KINDS,
    CheckIn,
    Contact,
    Marker,
    MarkerKind,
    PlanItem,
    PlanStatus,
    Session,
    SessionKind,
    Settings,
)

if TYPE_CHECKING:
    from tui.core.records.models import NewCheckIn


# --- the bundle ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Bundle:
    """Everything one export holds (or one import brings)."""

    checkins: tuple[CheckIn, ...] = ()
    sessions: tuple[Session, ...] = ()
    markers: tuple[Marker, ...] = ()
    plan: tuple[PlanItem, ...] = ()
    contacts: tuple[Contact, ...] = ()
    settings: Settings | None = None


# --- small typed readers for untrusted dicts ----------------------------------------------------
class _Reader:
    """Reads one record's fields, raising InputError that names where the trouble is."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise InputError(f"{where} should be an object with named fields.")
        self.data: dict[str, Any] = data
        self.where = where

    def _bad(self, key: str, what: str) -> InputError:
        return InputError(f'{self.where}: "{key}" should be {what}.')

    def str_(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise self._bad(key, "text")
        return value

    def int_(self, key: str, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(key, "a whole number")
        return value

    def opt_int(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        return self.int_(key)

    def float_(self, key: str, default: float | None = None) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._bad(key, "a number")
        return float(value)

    def bool_(self, key: str, default: bool | None = None) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._bad(key, "true or false")
        return value

    def strs(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of text")
        return tuple(value)

    def when(self, key: str) -> datetime:
        value = self.str_(key)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self._bad(key, "a date and time like 2026-11-20T08:30:00+00:00") from None
        if parsed.tzinfo is None:
            raise self._bad(key, "a date and time with its UTC offset")
        return parsed


# --- record <-> dict ----------------------------------------------------------------------------
def checkin_to_dict(checkin: CheckIn) -> dict[str, Any]:
    """The public JSON shape of a check-in (`list --json` shows the first seven keys)."""
    return {
        "id": checkin.id,
        "at": checkin.at.isoformat(),
        "mood": checkin.mood,
        "feel": checkin.feel,
        "emotions": list(checkin.emotions),
        "note": checkin.note,
        "tags": list(checkin.tags),
        "tz": checkin.tz,
        "rev": checkin.rev,
        "source": checkin.source,
    }


def checkin_from_dict(data: object, where: str) -> CheckIn:
    r = _Reader(data, where)
    return CheckIn(
        id=r.str_("id"),
        at=r.when("at"),
        mood=r.int_("mood"),
        feel=r.opt_int("feel"),
        emotions=r.strs("emotions"),
        note=r.str_("note", ""),
        tags=r.strs("tags"),
        tz=r.str_("tz", ""),
        rev=r.int_("rev", 1),
        source=r.str_("source", ""),
    )


def session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "kind": session.kind,
        "detail": session.detail,
        "started_at": session.started_at.isoformat(),
        "planned_seconds": session.planned_seconds,
        "actual_seconds": session.actual_seconds,
        "completed": session.completed,
        "before": session.before,
        "after": session.after,
        "notes": list(session.notes),
        "rating": session.rating,
        "rev": session.rev,
    }


def session_from_dict(data: object, where: str) -> Session:
    r = _Reader(data, where)
    kind = r.str_("kind")
    if kind not in SESSION_KINDS:
        raise InputError(f'{where}: "kind" should be one of {", ".join(SESSION_KINDS)}.')
    kind_: SessionKind = kind  # checked just above
    return Session(
        id=r.str_("id"),
        kind=kind_,
        detail=r.str_("detail", ""),
        started_at=r.when("started_at"),
        planned_seconds=r.opt_int("planned_seconds"),
        actual_seconds=r.float_("actual_seconds", 0.0),
        completed=r.bool_("completed", False),
        before=r.opt_int("before"),
        after=r.opt_int("after"),
        notes=r.strs("notes"),
        rating=r.opt_int("rating"),
        rev=r.int_("rev", 1),
    )


def marker_to_dict(marker: Marker) -> dict[str, Any]:
    return {
        "id": marker.id,
        "at": marker.at.isoformat(),
        "text": marker.text,
        "kind": marker.kind,
        "rev": marker.rev,
    }


def marker_from_dict(data: object, where: str) -> Marker:
    r = _Reader(data, where)
    kind = r.str_("kind", "other")
    if kind not in MARKER_KINDS:
        raise InputError(f'{where}: "kind" should be one of {", ".join(MARKER_KINDS)}.')
    kind_: MarkerKind = kind  # checked just above
    return Marker(
        id=r.str_("id"), at=r.when("at"), text=r.str_("text"), kind=kind_, rev=r.int_("rev", 1)
    )


def plan_item_to_dict(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "status": item.status,
        "note": item.note,
        "next_step": item.next_step,
        "key": item.key,
        "rev": item.rev,
    }


def plan_item_from_dict(data: object, where: str) -> PlanItem:
    r = _Reader(data, where)
    status = r.str_("status", "not_now")
    if status not in PLAN_STATUSES:
        raise InputError(f'{where}: "status" should be one of {", ".join(PLAN_STATUSES)}.')
    status_: PlanStatus = status  # checked just above
    return PlanItem(
        id=r.str_("id"),
        title=r.str_("title"),
        status=status_,
        note=r.str_("note", ""),
        next_step=r.str_("next_step", ""),
        key=r.str_("key", ""),
        rev=r.int_("rev", 1),
    )


def contact_to_dict(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "phone": contact.phone,
        "note": contact.note,
        "rev": contact.rev,
    }


def contact_from_dict(data: object, where: str) -> Contact:
    r = _Reader(data, where)
    return Contact(
        id=r.str_("id"),
        name=r.str_("name"),
        phone=r.str_("phone", ""),
        note=r.str_("note", ""),
        rev=r.int_("rev", 1),
    )


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def settings_from_dict(data: object, where: str) -> Settings:
    """Known keys of the right type are taken; unknown keys are ignored (a newer Thaw's)."""
    r = _Reader(data, where)
    defaults = Settings()
    changes: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in r.data:
            continue
        default = getattr(defaults, f.name)
        value = r.data[f.name]
        if isinstance(default, bool):
            changes[f.name] = r.bool_(f.name)
        elif isinstance(default, int):
            changes[f.name] = r.int_(f.name)
        elif isinstance(default, str):
            changes[f.name] = r.str_(f.name)
        elif isinstance(default, tuple):
            if not isinstance(value, list) or len(value) != len(default):
                raise InputError(f'{where}: "{f.name}" should be a list of {len(default)} numbers.')
            changes[f.name] = tuple(float(_number(v, where, f.name)) for v in value)
    return replace(defaults, **changes)


def _number(value: object, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f'{where}: "{key}" should hold numbers.')
    return float(value)


# --- a check-in not saved yet (the import journal keeps these) ---------------------------------
def new_checkin_to_dict(item: NewCheckIn) -> dict[str, Any]:
    """Every field of a NewCheckIn, so a journal gives back exactly what was planned."""
    return {
        "at": item.at.isoformat(),
        "mood": item.mood,
        "feel": item.feel,
        "emotions": list(item.emotions),
        "note": item.note,
        "tags": list(item.tags),
        "source": item.source,
        "id": item.id,
        "rev": item.rev,
        "tz": item.tz,
    }


def new_checkin_from_dict(data: object, where: str) -> NewCheckIn:
    from tui.core.records.models import NewCheckIn

    r = _Reader(data, where)
    return NewCheckIn(
        at=r.when("at"),
        mood=r.int_("mood"),
        feel=r.opt_int("feel"),
        emotions=r.strs("emotions"),
        note=r.str_("note", ""),
        tags=r.strs("tags"),
        source=r.str_("source", ""),
        id=r.str_("id", ""),
        rev=r.int_("rev", 1),
        tz=r.str_("tz", ""),
    )


def checkin_as_new(c: CheckIn) -> NewCheckIn:
    """A Thaw record as a new check-in that keeps its id, rev, zone and source.

    Imported into an empty Thaw it comes back identical; the store leaves out any whose id it
    already holds, so importing the same export twice adds nothing.
    """
    from tui.core.records.models import NewCheckIn

    return NewCheckIn(
        at=c.at, mood=c.mood, feel=c.feel, emotions=c.emotions, note=c.note, tags=c.tags,
        source=c.source, id=c.id, rev=c.rev, tz=c.tz,
    )  # fmt: skip
