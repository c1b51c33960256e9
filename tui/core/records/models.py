"""The records Thaw keeps, as frozen dataclasses: the only shapes the rest of the app sees.

Their limits (mood 1-10, note length...) live in `tui.core.records.rules`.

Not `slots=True`: that makes `dataclass` build every class twice, and this module is imported
by every command (a quick `log` pays for it); the per-record cost is small (key-sharing dicts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

SessionKind = Literal["breathe", "meditate", "ground", "idea"]
SESSION_KINDS: tuple[SessionKind, ...] = ("breathe", "meditate", "ground", "idea")

MarkerKind = Literal["medication", "therapy", "life", "other"]
MARKER_KINDS: tuple[MarkerKind, ...] = ("medication", "therapy", "life", "other")

PlanStatus = Literal["not_now", "thinking", "next_step", "doing", "done"]
PLAN_STATUSES: tuple[PlanStatus, ...] = ("not_now", "thinking", "next_step", "doing", "done")
PLAN_STATUS_LABELS: dict[PlanStatus, str] = {
    "not_now": "not now",
    "thinking": "thinking about it",
    "next_step": "next step",
    "doing": "doing it",
    "done": "done",
}


@dataclass(frozen=True)
class CheckIn:
    """One check-in. `at` is timezone-aware and keeps the offset it was made in."""

    id: str
    at: datetime
    mood: int  # 1-10
    feel: int | None = None  # "how much can you feel right now", 0-10; numbness lives low here
    emotions: tuple[str, ...] = ()  # emotion ids from content/emotions.toml
    note: str = ""
    tags: tuple[str, ...] = ()
    tz: str = ""  # IANA zone name when known, e.g. "Europe/London"
    rev: int = 1  # bumped on every edit; a stale edit is refused
    source: str = ""  # where an imported entry came from (dedup key), "" when typed here


@dataclass(frozen=True)
class Session:
    """One practice: breathing, meditation, grounding, or an idea tried."""

    id: str
    kind: SessionKind
    detail: str  # pattern, exercise or idea id
    started_at: datetime
    planned_seconds: int | None  # None when open-ended (grounding, ideas)
    actual_seconds: float
    completed: bool
    before: int | None = None  # "how much can you feel" 0-10 before
    after: int | None = None  # ... and after
    notes: tuple[str, ...] = ()  # what the person typed along the way, in order
    rating: int | None = None  # ideas: how much it helped, 1-5
    rev: int = 1


@dataclass(frozen=True)
class Marker:
    """A dated note on the timeline: "changed medication", "started therapy", "moved house"."""

    id: str
    at: datetime
    text: str
    kind: MarkerKind = "other"
    rev: int = 1


@dataclass(frozen=True)
class PlanItem:
    """One line of the longer-term plan, from content (`key`) or the person's own (`key` "")."""

    id: str
    title: str
    status: PlanStatus = "not_now"
    note: str = ""
    next_step: str = ""
    key: str = ""
    rev: int = 1


@dataclass(frozen=True)
class Contact:
    """Someone the person trusts, shown on the support screen."""

    id: str
    name: str
    phone: str = ""
    note: str = ""
    rev: int = 1


@dataclass(frozen=True)
class Draft:
    """An unfinished check-in, saved on SIGHUP or when leaving, offered next time."""

    saved_at: datetime
    mood: int | None = None
    feel: int | None = None
    emotions: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    editing_id: str = ""  # set when the draft was an edit of an existing check-in


@dataclass(frozen=True)
class Settings:
    """Preferences. Unknown keys in the file are ignored; missing ones take these defaults."""

    country: str = ""  # ISO code such as "US"; "" means guess from the locale
    reminder_time: str = ""  # "HH:MM": `due` stays quiet before it; "" means any time
    theme: str = "thaw-dark"
    reduced_motion: bool = False
    bell: bool = True
    meditation_minutes: int = 2
    settle_seconds: int = 0
    interval_bell_minutes: int = 0  # 0: no interval bells
    breath_pattern: str = "cyclic_sigh"
    breath_rounds: int = 0  # 0: use minutes instead
    breath_minutes: int = 2
    custom_breath: tuple[float, float, float, float] = (4.0, 0.0, 6.0, 0.0)  # in, hold, out, hold
    breath_bell: bool = False  # a soft bell at each change of breathing phase
    report_weeks: int = 4
    report_include_notes: bool = False
    report_include_plan: bool = True
    report_include_markers: bool = True
    plan_hint_dismissed_on: str = ""  # ISO date; the "keeps coming back" hint rests until then
    rev: int = 1


@dataclass(frozen=True)
class NewCheckIn:
    """A check-in not yet saved (import batches, back-fill).

    `id`, `rev` and `tz` let an import give back the very record that was exported: a
    well-formed id not stored yet is kept (with its rev); "" (or a malformed id) gets a new one.
    """

    at: datetime
    mood: int
    feel: int | None = None
    emotions: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    id: str = ""
    rev: int = 1
    tz: str = ""  # IANA zone name; kept when it matches `at`'s offset, else worked out
