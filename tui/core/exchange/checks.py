"""Would the store take this record? The reason it would not, in words, or None.

These mirror the store's own limits so an import can name every record it must leave out and
take the rest; the store still checks everything again before it writes, and if it refuses
anything after all, nothing is written (the import stops whole, with the store's sentence).
When the core's one rules module exists, these should ask it instead of repeating it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.records.models import (
    MARKER_KINDS,
    PLAN_STATUSES,
    SESSION_KINDS,
    Contact,
    Marker,
    PlanItem,
    Session,
)
from tui.core.records.rules import (
    FEEL_MAX,
    FEEL_MIN,
    FUTURE_SKEW,
    LINE_MAX_CHARS,
    MOOD_MAX,
    MOOD_MIN,
    NOTE_MAX_CHARS,
    PLAN_TITLE_MAX_CHARS,
    SOURCE_MAX_CHARS,
    WORD_MAX_CHARS,
)
from tui.core.text import clean_line, clean_text

if TYPE_CHECKING:
    from tui.core.records.models import NewCheckIn

# The store's own limits (records/rules.py), so a file is held to what a typed record is.
WORD_MAX = WORD_MAX_CHARS  # a tag or emotion
LINE_MAX = LINE_MAX_CHARS  # a name, a practice's name, a plan key
TITLE_MAX = PLAN_TITLE_MAX_CHARS  # a plan item's title
SOURCE_MAX = SOURCE_MAX_CHARS


def _too_long(text: str, what: str, limit: int, one_line: bool = False) -> str | None:
    length = len(clean_line(text) if one_line else clean_text(text).strip())
    if length > limit:
        return f"its {what} is {length:,} characters; Thaw keeps up to {limit:,}"
    return None


def _future(at: datetime, now: datetime) -> str | None:
    if at > now + FUTURE_SKEW:
        return f"it is dated {at:%Y-%m-%d %H:%M}, in the future"
    return None


def _scale(value: int | None, what: str, low: int, high: int) -> str | None:
    if value is not None and not low <= value <= high:
        return f"its {what} {value} isn't between {low} and {high}"
    return None


def _words(words: Iterable[str], what: str) -> str | None:
    for word in words:
        if len(clean_line(word)) > WORD_MAX:
            return f'its {what} "{clean_line(word)[:20]}…" is longer than {WORD_MAX} characters'
    return None


def _first(*reasons: str | None) -> str | None:
    return next((r for r in reasons if r), None)


def checkin(item: NewCheckIn, now: datetime) -> str | None:
    return _first(
        _scale(item.mood, "mood", MOOD_MIN, MOOD_MAX),
        _scale(item.feel, "“how much can you feel”", FEEL_MIN, FEEL_MAX),
        _too_long(item.note, "note", NOTE_MAX_CHARS),
        _words(item.tags, "tag"),
        _words(item.emotions, "feeling"),
        _too_long(item.source, "source", SOURCE_MAX, one_line=True),
        _future(item.at, now),
    )


def session(s: Session, now: datetime) -> str | None:
    return _first(
        None if s.kind in SESSION_KINDS else "its kind isn't one Thaw knows",
        _scale(s.before, "feeling before", FEEL_MIN, FEEL_MAX),
        _scale(s.after, "feeling after", FEEL_MIN, FEEL_MAX),
        _scale(s.rating, "rating", 1, 5),
        "its length is below zero" if s.actual_seconds < 0 else None,
        "its planned length is below zero"
        if s.planned_seconds is not None and s.planned_seconds < 0
        else None,
        _too_long(s.detail, "name", LINE_MAX, one_line=True),
        _first(*(_too_long(n, "note", NOTE_MAX_CHARS) for n in s.notes)),
        _future(s.started_at, now),
    )


def marker(m: Marker, now: datetime) -> str | None:
    return _first(
        "it has no text" if not clean_text(m.text).strip() else None,
        None if m.kind in MARKER_KINDS else "its kind isn't one Thaw knows",
        _too_long(m.text, "text", NOTE_MAX_CHARS),
        _future(m.at, now),
    )


def plan_item(p: PlanItem) -> str | None:
    return _first(
        "it has no title" if not clean_line(p.title) else None,
        None if p.status in PLAN_STATUSES else "its status isn't one Thaw knows",
        _too_long(p.title, "title", TITLE_MAX, one_line=True),
        _too_long(p.key, "key", LINE_MAX, one_line=True),
        _too_long(p.note, "note", NOTE_MAX_CHARS),
        _too_long(p.next_step, "next step", NOTE_MAX_CHARS),
    )


def contact(c: Contact) -> str | None:
    return _first(
        "it has no name" if not clean_line(c.name) else None,
        _too_long(c.name, "name", LINE_MAX, one_line=True),
        _too_long(c.phone, "phone number", WORD_MAX, one_line=True),
        _too_long(c.note, "note", NOTE_MAX_CHARS),
    )
