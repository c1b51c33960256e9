"""Records <-> stored documents, once for every kind: `encode_*` checks and cleans what a person
(or an import) gave, through `rules`; `decode_*` turns a stored document back into a record.

A decoder raises KeyError, TypeError or ValueError for a document it cannot read; the caller
leaves that record out and says so (the file itself stays untouched).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from tui.core.errors import InputError
from tui.core.records import rules
from tui.core.records.models import (
    MARKER_KINDS,
    PLAN_STATUSES,
    SESSION_KINDS,
    CheckIn,
    Contact,
    Draft,
    Marker,
    PlanItem,
    Session,
    Settings,
)
from tui.core.records.zones import zone_name
from tui.core.storage.schema import META_TABLE, Doc, Tables

#: What a kept (imported) id may look like: Thaw's own are 32 hex digits ("v0" + 30 for old files).
_GOOD_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_MAX_REV = 1_000_000_000
MARKER_NEEDS_WORDS = "A marker needs a few words, such as “changed medication”."
PLAN_NEEDS_WORDS = "A plan item needs a few words."
CONTACT_NEEDS_NAME = "A contact needs a name."

Values = Mapping[str, Any]


# --- ids and revisions ---------------------------------------------------------------------------


def new_id() -> str:
    """128 random bits as 32 hex digits, like uuid4().hex, without importing uuid (and platform)."""
    return os.urandom(16).hex()


def wanted_id(value: object) -> tuple[str, str]:
    """An import's id: (id to keep or "", what to remember as source when it can't be kept)."""
    if not isinstance(value, str) or not value:
        return "", ""
    if _GOOD_ID.fullmatch(value):
        return value, ""
    return "", "thaw:" + rules.clean_setting(value)[:200]


def wanted_rev(value: object) -> int:
    """A kept record keeps its revision when it is a sensible one."""
    return value if rules.is_int(value) and 1 <= value <= _MAX_REV else 1  # type: ignore[operator,return-value]


def rev_of(doc: Doc) -> int:
    """A stored document's revision (1 when missing or odd)."""
    rev = doc.get("rev", 1)
    return rev if rules.is_int(rev) else 1


def id_of(doc: Doc) -> str:
    """A stored document's id ("" when missing or odd)."""
    value = doc.get("id")
    return value if isinstance(value, str) else ""


#: Where a file remembers the records deleted from it: its `_meta` table, document "2",
#: {"deleted": {"<id>": {"rev": <rev of the deletion>, "deleted_at": "<when>"[, "source": ...]}}}.
#: The record tables hold only live records (as TinyDB and any reader expect); the deletions
#: travel with the file into backups and restores.
DELETIONS_DOC = "2"


def deletions(tables: Tables) -> dict[str, Doc]:
    """The tombstones of one file's tables by id (empty when none, or oddly shaped)."""
    meta = tables.get(META_TABLE)
    held = meta.get(DELETIONS_DOC) if isinstance(meta, dict) else None
    found = held.get("deleted") if isinstance(held, dict) else None
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, dict)}


def set_deletions(tables: Tables, marks: Mapping[str, Doc]) -> None:
    """Store a file's tombstones (removing the document when there are none)."""
    meta = tables.setdefault(META_TABLE, {})
    if marks:
        meta[DELETIONS_DOC] = {"deleted": dict(marks)}
    else:
        meta.pop(DELETIONS_DOC, None)


def tombstone(doc: Doc, when: datetime) -> Doc:
    """What a deleted record leaves behind: its next revision and when (and its source).

    Kept so that a restore, a merge or an import of an older copy sees the record was
    deleted on purpose (the higher rev wins) and leaves it deleted. An imported record keeps
    its source, so importing the same file again does not bring it back either.
    """
    mark: Doc = {"rev": rev_of(doc) + 1, "deleted_at": when.isoformat()}
    if doc.get("source"):
        mark["source"] = doc["source"]
    return mark


def dedupe(docs: Iterable[Doc]) -> list[Doc]:
    """One doc per id, the highest rev winning (a crash mid-move can leave two copies)."""
    best: dict[str, Doc] = {}
    for doc in docs:
        key = str(doc.get("id"))
        if key not in best or rev_of(doc) > rev_of(best[key]):
            best[key] = doc
    return list(best.values())


# --- encoding: what a person gave -> a checked document ------------------------------------------


def encode_checkin(v: Values, now: datetime) -> Doc:
    """mood, feel, emotions, note, tags, at -> document (id, rev and source added by the caller)."""
    when = rules.check_when(v.get("at"), now, "check-in")
    return {
        "at": when.isoformat(),
        "tz": zone_name(when),
        "mood": rules.check_mood(v["mood"]),
        "feel": rules.check_feel(v.get("feel")),
        "emotions": rules.clean_emotions(v.get("emotions", ())),
        "note": rules.clean_note(v.get("note", "")),
        "tags": rules.clean_tags(v.get("tags", ())),
    }


def encode_session(v: Values, now: datetime) -> Doc:
    """A practice session's values -> document."""
    kind = rules.check_choice(v["kind"], SESSION_KINDS, "A practice")
    when = rules.check_when(v.get("started_at"), now, "practice")
    planned = rules.check_seconds(v.get("planned_seconds"), optional=True)
    actual = rules.check_seconds(v.get("actual_seconds"), optional=False)
    notes = rules.check_texts(v.get("notes", ()), "practice notes")
    return {
        "kind": kind,
        "detail": rules.clean_one_line(v.get("detail", ""), "practice name"),
        "started_at": when.isoformat(),
        "tz": zone_name(when),
        "planned_seconds": planned,
        "actual_seconds": actual,
        "completed": bool(v.get("completed", False)),
        "before": rules.check_feel(v.get("before"), f"{rules.FEEL_QUESTION} before"),
        "after": rules.check_feel(v.get("after"), f"{rules.FEEL_QUESTION} after"),
        "notes": notes,
        "rating": rules.check_rating(v.get("rating")),
    }


def encode_marker(v: Values, now: datetime) -> Doc:
    """text, kind, at -> document."""
    cleaned = rules.clean_note(v["text"], "marker")
    if not cleaned:
        raise InputError(MARKER_NEEDS_WORDS)
    kind = rules.check_choice(v.get("kind", "other"), MARKER_KINDS, "A marker's kind")
    when = rules.check_when(v.get("at"), now, "marker")
    return {"at": when.isoformat(), "tz": zone_name(when), "text": cleaned, "kind": kind}


def encode_plan(v: Values, now: datetime) -> Doc:
    """title, key, status, note, next_step -> document."""
    cleaned = rules.clean_one_line(v["title"], "plan item", rules.PLAN_TITLE_MAX_CHARS)
    if not cleaned:
        raise InputError(PLAN_NEEDS_WORDS)
    return {
        "title": cleaned,
        "key": rules.clean_one_line(v.get("key", ""), "plan key"),
        "status": rules.check_choice(
            v.get("status", "not_now"), PLAN_STATUSES, "A plan item's status"
        ),
        "note": rules.clean_note(v.get("note", "")),
        "next_step": rules.clean_note(v.get("next_step", ""), "next step"),
    }


def encode_contact(v: Values, now: datetime) -> Doc:
    """name, phone, note -> document."""
    cleaned = rules.clean_one_line(v["name"], "name")
    if not cleaned:
        raise InputError(CONTACT_NEEDS_NAME)
    return {
        "name": cleaned,
        "phone": rules.clean_one_line(v.get("phone", ""), "phone number", rules.WORD_MAX_CHARS),
        "note": rules.clean_note(v.get("note", "")),
    }


def encode_draft(draft: Draft, now: datetime) -> Doc:
    """An unfinished check-in -> document (text cleaned like a check-in's)."""
    return {
        "saved_at": rules.check_when(draft.saved_at, now, "draft").isoformat(),
        "mood": draft.mood if draft.mood is None else rules.check_mood(draft.mood),
        "feel": rules.check_feel(draft.feel),
        "emotions": rules.clean_emotions(draft.emotions),
        "note": rules.clean_note(draft.note),
        "tags": rules.clean_tags(draft.tags),
        "editing_id": rules.clean_one_line(draft.editing_id, "entry id"),
    }


def encode_settings(s: Settings) -> Doc:
    """Settings -> document (text settings cleaned to one line)."""
    doc: Doc = {}
    for f in fields(Settings):
        value = getattr(s, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, str):
            value = rules.clean_setting(value)
        doc[f.name] = value
    return doc


# --- decoding: a stored document -> a record -----------------------------------------------------


def _time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a timestamp")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("timestamp without offset")
    return parsed


def _opt_int(value: object) -> int | None:
    if value is None:
        return None
    if not rules.is_int(value):
        raise ValueError("not an integer")
    return value  # type: ignore[return-value]


def _strs(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return tuple(str(v) for v in value)


def decode_checkin(d: Doc) -> CheckIn:
    mood = d["mood"]
    if not rules.is_int(mood):
        raise ValueError("mood")
    return CheckIn(
        id=str(d["id"]),
        at=_time(d["at"]),
        mood=mood,
        feel=_opt_int(d.get("feel")),
        emotions=_strs(d.get("emotions", [])),
        note=str(d.get("note", "")),
        tags=_strs(d.get("tags", [])),
        tz=str(d.get("tz", "")),
        rev=rev_of(d),
        source=str(d.get("source", "")),
    )


def decode_session(d: Doc) -> Session:
    kind = d["kind"]
    if kind not in SESSION_KINDS:
        raise ValueError("kind")
    actual = d.get("actual_seconds", 0.0)
    if not isinstance(actual, int | float) or isinstance(actual, bool):
        raise ValueError("actual_seconds")
    return Session(
        id=str(d["id"]),
        kind=kind,
        detail=str(d.get("detail", "")),
        started_at=_time(d["started_at"]),
        planned_seconds=_opt_int(d.get("planned_seconds")),
        actual_seconds=float(actual),
        completed=bool(d.get("completed", False)),
        before=_opt_int(d.get("before")),
        after=_opt_int(d.get("after")),
        notes=_strs(d.get("notes", [])),
        rating=_opt_int(d.get("rating")),
        rev=rev_of(d),
    )


def decode_marker(d: Doc) -> Marker:
    kind = d.get("kind", "other")
    return Marker(
        id=str(d["id"]),
        at=_time(d["at"]),
        text=str(d["text"]),
        kind=kind if kind in MARKER_KINDS else "other",
        rev=rev_of(d),
    )


def decode_plan(d: Doc) -> PlanItem:
    status = d.get("status", "not_now")
    return PlanItem(
        id=str(d["id"]),
        title=str(d["title"]),
        status=status if status in PLAN_STATUSES else "not_now",
        note=str(d.get("note", "")),
        next_step=str(d.get("next_step", "")),
        key=str(d.get("key", "")),
        rev=rev_of(d),
    )


def decode_contact(d: Doc) -> Contact:
    return Contact(
        id=str(d["id"]),
        name=str(d["name"]),
        phone=str(d.get("phone", "")),
        note=str(d.get("note", "")),
        rev=rev_of(d),
    )


def decode_draft(d: Doc) -> Draft:
    return Draft(
        saved_at=_time(d["saved_at"]),
        mood=_opt_int(d.get("mood")),
        feel=_opt_int(d.get("feel")),
        emotions=_strs(d.get("emotions", [])),
        note=str(d.get("note", "")),
        tags=_strs(d.get("tags", [])),
        editing_id=str(d.get("editing_id", "")),
    )


def decode_settings(d: Doc) -> Settings:
    """Known keys whose value passes the typed checks are used; anything else takes the default.

    `settings_problems` names what was left out, for doctor and the settings screen.
    """
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in d or f.name == "rev":
            continue
        value = d[f.name]
        default = getattr(defaults, f.name)
        if not rules.stored_setting_ok(f.name, value, default):
            continue
        if f.name == "custom_breath":
            value = tuple(float(v) for v in value)
        elif f.name == "reminder_time":
            value = rules.check_reminder_time(value)
        values[f.name] = value
    if "rev" in d:
        values["rev"] = rev_of(d)
    return replace(defaults, **values)


def settings_problems(d: Doc) -> dict[str, str]:
    """Stored settings Thaw can't use, by name, each with the sentence that says so."""
    defaults = Settings()
    found: dict[str, str] = {}
    for f in fields(Settings):
        if f.name not in d or f.name == "rev":
            continue
        default = getattr(defaults, f.name)
        if not rules.stored_setting_ok(f.name, d[f.name], default):
            found[f.name] = rules.stored_setting_sentence(f.name, d[f.name], default)
    return found
