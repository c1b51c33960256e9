"""Export and import: Thaw's own JSON (round-trips) and CSV, and Daylio's CSV export.

Parsing and formatting here are pure (text in, records out); only `plan_import`/`apply_import`
touch a Store. Every import is validated whole before anything is written: all or nothing.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, Literal

from tui.core.errors import InputError
from tui.core.models import (
    FEEL_MAX,
    FEEL_MIN,
    MARKER_KINDS,
    MOOD_MAX,
    MOOD_MIN,
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
from tui.core.outward import csv_cell, csv_cell_read
from tui.core.text import NOTE_MAX_CHARS, clean_line, clean_text
from tui.core.when import localize, parse_clock_time

if TYPE_CHECKING:
    from tui.core.store import NewCheckIn, Store

FORMAT_NAME = "thaw-export"
FORMAT_VERSION = 1

ImportFormat = Literal["json", "csv", "daylio"]

# Daylio's five moods as they come out of the box, placed on Thaw's 1-10 scale. Renamed or
# extra moods are refused until the person places them with --map LABEL=N.
DAYLIO_DEFAULT_MOODS: dict[str, int] = {"rad": 10, "good": 8, "meh": 5, "bad": 3, "awful": 1}
DAYLIO_HEADER_8 = (
    "full_date",
    "date",
    "weekday",
    "time",
    "mood",
    "activities",
    "note_title",
    "note",
)
DAYLIO_HEADER_7 = ("year", "date", "weekday", "time", "mood", "activities", "note")

CSV_HEADER = (
    "date",
    "time",
    "mood",
    "feel",
    "emotions",
    "tags",
    "note",
    "at",
    "tz",
    "id",
    "source",
)
LIST_SEPARATOR = "; "  # emotions and tags in one spreadsheet cell

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


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


# --- Thaw JSON ----------------------------------------------------------------------------------
def bundle_to_json(bundle: Bundle, exported_at: datetime) -> str:
    """Everything, as indented JSON that `parse_thaw_json` reads back to the same records."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat(),
        "checkins": [checkin_to_dict(c) for c in bundle.checkins],
        "sessions": [session_to_dict(s) for s in bundle.sessions],
        "markers": [marker_to_dict(m) for m in bundle.markers],
        "plan": [plan_item_to_dict(p) for p in bundle.plan],
        "contacts": [contact_to_dict(c) for c in bundle.contacts],
        "settings": settings_to_dict(bundle.settings) if bundle.settings else None,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_thaw_json(text: str) -> Bundle:
    """Read a Thaw JSON export (or a bare list of check-ins, as `list --json` prints)."""
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        raise InputError(
            f"This isn't readable JSON (line {err.lineno}, column {err.colno}): {err.msg}."
        ) from None
    if isinstance(document, list):
        document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "checkins": document}
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InputError('This JSON file isn\'t a Thaw export (it has no "format": "thaw-export").')
    version = document.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputError(
            f"This export comes from a newer Thaw (format version {version}). "
            "Update Thaw, then import it again."
        )

    def items(key: str) -> list[object]:
        value = document.get(key) or []
        if not isinstance(value, list):
            raise InputError(f'"{key}" in this export should be a list.')
        return value

    settings_data = document.get("settings")
    return Bundle(
        checkins=tuple(
            checkin_from_dict(d, f"check-in {i + 1}") for i, d in enumerate(items("checkins"))
        ),
        sessions=tuple(
            session_from_dict(d, f"session {i + 1}") for i, d in enumerate(items("sessions"))
        ),
        markers=tuple(
            marker_from_dict(d, f"marker {i + 1}") for i, d in enumerate(items("markers"))
        ),
        plan=tuple(
            plan_item_from_dict(d, f"plan item {i + 1}") for i, d in enumerate(items("plan"))
        ),
        contacts=tuple(
            contact_from_dict(d, f"contact {i + 1}") for i, d in enumerate(items("contacts"))
        ),
        settings=settings_from_dict(settings_data, "settings")
        if settings_data is not None
        else None,
    )


# --- Thaw CSV -----------------------------------------------------------------------------------
def checkins_to_csv(checkins: Iterable[CheckIn]) -> str:
    """One row a check-in, for spreadsheets; emotions and tags joined with "; "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for c in checkins:
        writer.writerow(
            (
                c.at.strftime("%Y-%m-%d"),
                c.at.strftime("%H:%M"),
                c.mood,
                "" if c.feel is None else c.feel,
                csv_cell(LIST_SEPARATOR.join(c.emotions)),
                csv_cell(LIST_SEPARATOR.join(c.tags)),
                csv_cell(c.note),
                c.at.isoformat(),
                csv_cell(c.tz),
                csv_cell(c.id),
                csv_cell(c.source),
            )
        )
    return buffer.getvalue()


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _csv_rows(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as err:
        raise InputError(f"This CSV file can't be read: {err}.") from None


def parse_thaw_csv(text: str, reference: tzinfo | None) -> tuple[CheckIn, ...]:
    """Read Thaw's own CSV back. `at` wins when present; otherwise date and time (local)."""
    rows = _csv_rows(text)
    if not rows:
        raise InputError("This CSV file is empty.")
    header = [h.strip().lower() for h in rows[0]]
    missing = [name for name in ("date", "time", "mood") if name not in header]
    if missing:
        raise InputError(
            f"This CSV file has no {', '.join(missing)} column. Thaw's CSV starts with the line "
            f"{','.join(CSV_HEADER)}."
        )
    out: list[CheckIn] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {k: csv_cell_read(v) for k, v in zip(header, row, strict=False)}
        where = f"Line {number}"
        out.append(
            CheckIn(
                id=cells.get("id", "").strip(),
                at=_csv_when(cells, where, reference),
                mood=_int_cell(cells.get("mood", ""), where, "mood"),
                feel=_int_cell(cells["feel"], where, "feel")
                if cells.get("feel", "").strip()
                else None,
                emotions=_split_list(cells.get("emotions", "")),
                tags=_split_list(cells.get("tags", "")),
                note=cells.get("note", ""),
                tz=cells.get("tz", "").strip(),
                source=cells.get("source", "").strip(),
            )
        )
    return tuple(out)


def _int_cell(cell: str, where: str, name: str) -> int:
    try:
        return int(cell.strip())
    except ValueError:
        raise InputError(
            f'{where}: the {name} "{clean_line(cell)[:20]}" isn\'t a whole number.'
        ) from None


def _csv_when(cells: Mapping[str, str], where: str, reference: tzinfo | None) -> datetime:
    at = cells.get("at", "").strip()
    if at:
        try:
            parsed = datetime.fromisoformat(at)
        except ValueError:
            raise InputError(f'{where}: "{clean_line(at)[:40]}" isn\'t a date and time.') from None
        return parsed if parsed.tzinfo else localize(parsed, reference)
    try:
        day = date.fromisoformat(cells.get("date", "").strip())
    except ValueError:
        raise InputError(f"{where}: the date should look like 2026-11-20.") from None
    clock = parse_clock_time(cells.get("time", "").strip()) or time(12, 0)
    return localize(datetime.combine(day, clock), reference)


# --- Daylio CSV ---------------------------------------------------------------------------------
def parse_mood_map(pairs: Sequence[str]) -> dict[str, int]:
    """["super=9", "Tired = 4"] -> {"super": 9, "tired": 4}; InputError on anything else."""
    out: dict[str, int] = {}
    for pair in pairs:
        label, sep, number = pair.rpartition("=")
        label = " ".join(label.split()).lower()
        if not sep or not label:
            raise InputError(
                f'--map needs LABEL=N, like --map "super good=9"; got "{clean_line(pair)}".'
            )
        try:
            value = int(number.strip())
        except ValueError:
            value = 0
        if not MOOD_MIN <= value <= MOOD_MAX:
            raise InputError(
                f"--map {clean_line(pair)}: the number should be a whole number from 1 to 10."
            )
        out[label] = value
    return out


def _daylio_note(title: str, note: str) -> str:
    parts = [p for p in (title.strip(), note.strip()) if p]
    text = "\n".join(parts)
    text = _BR.sub("\n", text)
    if "&" in text:
        text = html.unescape(text)
    return clean_text(text).strip()


def _daylio_old_date(year: str, day_text: str) -> date | None:
    """The 7-column layout's "December 31" / "31 December" / "Dec 31" beside a year column."""
    words = re.findall(r"[a-z]+|\d+", day_text.lower())
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    number = next((int(w) for w in words if w.isdigit()), None)
    if month is None or number is None:
        return None
    try:
        return date(int(year.strip()), month, number)
    except ValueError:
        return None


def looks_like_daylio(text: str) -> bool:
    """True when the first line is one of Daylio's two export headers."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    header = tuple(h.strip().strip('"').lower() for h in first.split(","))
    return header in (DAYLIO_HEADER_8, DAYLIO_HEADER_7)


def parse_daylio_csv(
    text: str,
    reference: tzinfo | None,
    mood_map: Mapping[str, int] | None = None,
) -> list[NewCheckIn]:
    """Daylio rows -> new check-ins with a stable `source`, so importing twice adds nothing twice.

    Activities (joined by " | ") become tags; note title and note become the note, with Daylio's
    <br> line breaks kept as new lines. Moods beyond the five defaults need `mood_map`.
    """
    from tui.core.store import NewCheckIn

    rows = _csv_rows(text)
    if not rows:
        raise InputError("This Daylio file is empty.")
    header = tuple(h.strip().lower() for h in rows[0])
    if header == DAYLIO_HEADER_8:
        old_layout = False
    elif header == DAYLIO_HEADER_7:
        old_layout = True
    else:
        raise InputError(
            "This doesn't look like a Daylio export: its first line should be "
            f"{','.join(DAYLIO_HEADER_8)} (or the older {','.join(DAYLIO_HEADER_7)})."
        )
    moods = {**DAYLIO_DEFAULT_MOODS, **(mood_map or {})}
    unknown: dict[str, None] = {}
    seen: dict[str, int] = {}
    out: list[NewCheckIn] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise InputError(
                f"Line {number} of this Daylio file has {len(row)} columns, not {len(header)}. "
                "Is the file complete?"
            )
        cells = dict(zip(header, row, strict=False))
        where = f"Line {number}"
        if old_layout:
            day = _daylio_old_date(cells["year"], cells["date"])
        else:
            try:
                day = date.fromisoformat(cells["full_date"].strip())
            except ValueError:
                day = None
        if day is None:
            shown = clean_line(cells.get("full_date") or cells["date"])[:30]
            raise InputError(f'{where}: "{shown}" isn\'t a date I can read.')
        clock = parse_clock_time(cells["time"])
        if clock is None:
            raise InputError(
                f'{where}: "{clean_line(cells["time"])[:20]}" isn\'t a time I can read.'
            )
        label = " ".join(cells["mood"].split()).lower()
        mood = moods.get(label)
        if mood is None:
            unknown[clean_line(cells["mood"]).strip() or "(empty)"] = None
            continue
        note = _daylio_note(cells.get("note_title", ""), cells["note"])
        if len(note) > NOTE_MAX_CHARS:
            raise InputError(
                f"{where}: the note is {len(note):,} characters; Thaw keeps notes up to "
                f"{NOTE_MAX_CHARS:,}. Shorten it in the file, then import again."
            )
        tags = tuple(
            dict.fromkeys(t for t in (clean_line(a) for a in cells["activities"].split("|")) if t)
        )
        # The key is built from the row as written, so the same file always gives the same keys;
        # identical rows are told apart by how many came before them.
        raw = "\x1f".join(row[: len(header)])
        digest = hashlib.sha256(raw.encode()).hexdigest()[:24]
        seen[digest] = seen.get(digest, 0) + 1
        source = f"daylio:{digest}" + (f"#{seen[digest]}" if seen[digest] > 1 else "")
        out.append(
            NewCheckIn(
                at=localize(datetime.combine(day, clock), reference),
                mood=mood,
                note=note,
                tags=tags,
                source=source,
            )
        )
    if unknown:
        names = ", ".join(f'"{u}"' for u in unknown)
        example = " ".join(f'--map "{u}=N"' for u in list(unknown)[:2])
        raise InputError(
            f"This Daylio file uses moods Thaw doesn't know yet: {names}. Nothing was imported. "
            f"Tell Thaw where each sits from 1 (worst) to 10 (best), e.g. {example}. "
            "(Daylio's own five are read as rad 10, good 8, meh 5, bad 3, awful 1.)"
        )
    return out


# --- validation (everything, before anything is written) ---------------------------------------
def _check_checkin(
    where: str, at: datetime, mood: int, feel: int | None, note: str, now: datetime
) -> None:
    if not MOOD_MIN <= mood <= MOOD_MAX:
        raise InputError(f"{where}: mood {mood} isn't on the 1-10 scale.")
    if feel is not None and not FEEL_MIN <= feel <= FEEL_MAX:
        raise InputError(f"{where}: feel {feel} isn't on the 0-10 scale.")
    if len(note) > NOTE_MAX_CHARS:
        raise InputError(
            f"{where}: the note is {len(note):,} characters; Thaw keeps notes up to "
            f"{NOTE_MAX_CHARS:,}."
        )
    if at > now:
        raise InputError(f"{where}: {at:%Y-%m-%d %H:%M} is in the future.")


def validate_new_checkins(items: Sequence[NewCheckIn], now: datetime) -> None:
    """InputError naming the first bad entry; the whole import stops before any write."""
    for number, item in enumerate(items, start=1):
        _check_checkin(f"Entry {number}", item.at, item.mood, item.feel, item.note, now)


def validate_bundle(bundle: Bundle, now: datetime) -> None:
    """Check every record of a Thaw export before anything is written (all or nothing)."""
    for number, c in enumerate(bundle.checkins, start=1):
        _check_checkin(f"Check-in {number}", c.at, c.mood, c.feel, c.note, now)
    for number, s in enumerate(bundle.sessions, start=1):
        for name, value, low, high in (
            ("before", s.before, FEEL_MIN, FEEL_MAX),
            ("after", s.after, FEEL_MIN, FEEL_MAX),
            ("rating", s.rating, 1, 5),
        ):
            if value is not None and not low <= value <= high:
                raise InputError(
                    f"Session {number}: {name} {value} isn't between {low} and {high}."
                )
        if s.actual_seconds < 0:
            raise InputError(f"Session {number}: its length can't be negative.")
    for number, m in enumerate(bundle.markers, start=1):
        if not m.text.strip():
            raise InputError(f"Marker {number} has no text.")
    for number, p in enumerate(bundle.plan, start=1):
        if not p.title.strip():
            raise InputError(f"Plan item {number} has no title.")
    for number, contact in enumerate(bundle.contacts, start=1):
        if not contact.name.strip():
            raise InputError(f"Contact {number} has no name.")


# --- applying an import -------------------------------------------------------------------------
@dataclass(slots=True)
class ImportPlan:
    """What an import would add, after leaving out what the store already has."""

    checkins: list[NewCheckIn] = field(default_factory=list)
    full_checkins: list[CheckIn] = field(default_factory=list)  # from Thaw exports (ids kept)
    sessions: list[Session] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    settings: Settings | None = None
    skipped: int = 0  # already there

    @property
    def checkin_count(self) -> int:
        return len(self.checkins) + len(self.full_checkins)

    def is_empty(self) -> bool:
        return not (
            self.checkins
            or self.full_checkins
            or self.sessions
            or self.markers
            or self.plan
            or self.contacts
            or self.settings
        )

    def summary(self) -> str:
        """ "12 check-ins, 3 practice sessions and 1 marker" (only the non-empty parts)."""
        parts = [
            _count(self.checkin_count, "check-in"),
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


def plan_bundle_import(store: Store, bundle: Bundle) -> ImportPlan:
    """Leave out records the store already has (same id, same source, or same content)."""
    existing = store.checkins()
    ids = {c.id for c in existing}
    sources = {c.source for c in existing if c.source}
    plan = ImportPlan()
    for c in bundle.checkins:
        key = c.source or f"thaw:{c.id}"
        if c.id in ids or key in sources:
            plan.skipped += 1
            continue
        ids.add(c.id)
        sources.add(key)
        plan.full_checkins.append(c)
    stored_sessions = store.sessions()
    known_sessions: set[object] = {s.id for s in stored_sessions}
    known_sessions |= {(s.kind, s.detail, s.started_at) for s in stored_sessions}
    for s in bundle.sessions:
        if s.id in known_sessions or (s.kind, s.detail, s.started_at) in known_sessions:
            plan.skipped += 1
            continue
        plan.sessions.append(s)
    stored_markers = store.markers()
    known_markers: set[object] = {m.id for m in stored_markers}
    known_markers |= {(m.at, m.text) for m in stored_markers}
    for m in bundle.markers:
        if m.id in known_markers or (m.at, m.text) in known_markers:
            plan.skipped += 1
            continue
        plan.markers.append(m)
    known_plan = {(p.key or p.title.lower()) for p in store.plan_items()}
    for p in bundle.plan:
        if (p.key or p.title.lower()) in known_plan:
            plan.skipped += 1
            continue
        plan.plan.append(p)
    known_contacts = {(c.name.lower(), c.phone) for c in store.contacts()}
    for contact in bundle.contacts:
        if (contact.name.lower(), contact.phone) in known_contacts:
            plan.skipped += 1
            continue
        plan.contacts.append(contact)
    # Settings come along only into a Thaw that has never had its settings changed.
    if bundle.settings is not None:
        current = store.settings()
        if replace(current, rev=1) == Settings() and replace(bundle.settings, rev=1) != Settings():
            plan.settings = bundle.settings
    return plan


def plan_checkin_import(store: Store, items: Sequence[NewCheckIn]) -> ImportPlan:
    """Leave out check-ins whose source the store already holds."""
    sources = {c.source for c in store.checkins() if c.source}
    plan = ImportPlan()
    for item in items:
        if item.source and item.source in sources:
            plan.skipped += 1
            continue
        if item.source:
            sources.add(item.source)
        plan.checkins.append(item)
    return plan


def checkins_as_new(checkins: Iterable[CheckIn]) -> list[NewCheckIn]:
    """Thaw records to new check-ins that keep their id, rev, zone and source.

    Imported into an empty Thaw they come back identical; the store leaves out any whose id it
    already holds, so importing the same export twice adds nothing.
    """
    from tui.core.store import NewCheckIn

    return [
        NewCheckIn(
            at=c.at,
            mood=c.mood,
            feel=c.feel,
            emotions=c.emotions,
            note=c.note,
            tags=c.tags,
            source=c.source,
            id=c.id,
            rev=c.rev,
            tz=c.tz,
        )
        for c in checkins
    ]


def apply_import(store: Store, plan: ImportPlan) -> None:
    """Write the plan: every record checked by the store before any is written, then all
    written under one lock, keeping ids where they can be kept. Settings come last."""
    store.import_records(
        checkins=list(plan.checkins) + checkins_as_new(plan.full_checkins),
        sessions=plan.sessions,
        markers=plan.markers,
        plan=plan.plan,
        contacts=plan.contacts,
    )
    if plan.settings is not None:
        current = store.settings()
        store.save_settings(replace(plan.settings, rev=current.rev))


def detect_format(name: str, text: str) -> ImportFormat:
    """Guess the format from the content first, then the file name."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return "json"
    if looks_like_daylio(text):
        return "daylio"
    if name.lower().endswith(".json"):
        return "json"
    return "csv"
