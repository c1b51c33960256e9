"""Deterministic made-up history (check-ins, practices, markers) for tests and benchmarks.

Reusable by anyone: `generate(end, days=3652, seed=7)` returns plain records and `fill(store,
history)` writes them through the public Store API. Same seed and end, same history, always.
Ten years (`days=3652`) gives about 11,000 check-ins, most days one to five, some days none.
"""

from __future__ import annotations

import atexit
import math
import random
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.core.clock import FakeClock
from tui.core.records.models import MarkerKind, NewCheckIn, SessionKind
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")

# Real ids from content/emotions.toml, split so generated weeks have believable range.
NUMB = ("numb", "flat", "detached", "empty", "foggy", "cant_tell", "nothing", "tired")
UNPLEASANT = ("sad", "lonely", "anxious", "worried", "irritated", "drained", "overwhelmed")
PLEASANT = ("calm", "content", "relieved", "grateful", "hopeful", "curious", "joyful", "amused")
TAGS = ("work", "walk", "family", "friends", "poor sleep", "rain")
PRACTICES: tuple[tuple[SessionKind, str, int | None], ...] = (
    ("breathe", "cyclic_sigh", 300),
    ("breathe", "box", 120),
    ("meditate", "2", 120),
    ("meditate", "5", 300),
    ("ground", "senses", None),
    ("ground", "colour", None),
)


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """A practice session, ready for `Store.add_session`."""

    kind: SessionKind
    detail: str
    started_at: datetime
    planned_seconds: int | None
    actual_seconds: float
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class MarkerSpec:
    """A timeline marker, ready for `Store.add_marker`."""

    text: str
    kind: MarkerKind
    at: datetime


@dataclass(slots=True)
class History:
    """Everything generated, oldest first."""

    checkins: list[NewCheckIn] = field(default_factory=list)
    sessions: list[SessionSpec] = field(default_factory=list)
    markers: list[MarkerSpec] = field(default_factory=list)


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def generate(
    end: datetime,
    days: int = 3652,
    seed: int = 7,
    *,
    sessions_every: int = 4,
    markers: bool = True,
) -> History:
    """Made-up history for the `days` days ending the day of `end` (no entry after `end`).

    Mood drifts slowly with the seasons and a random walk; "how much can you feel" follows mood
    but sags in numb spells; about one day in twenty has no check-in. A trip to New York each year
    exercises time-zone handling, and London's DST changes fall inside every year.
    """
    rng = random.Random(seed)
    history = History()
    first_day = end.date() - timedelta(days=days - 1)
    drift = 0.0
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        drift = max(-2.5, min(2.5, drift + rng.gauss(0, 0.35)))
        season = 1.2 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 100) / 365)
        base = 5.5 + drift + season
        numb_spell = (offset // 45) % 5 == 3  # one spell of about six weeks in every 225 days
        zone = NEW_YORK if day.month == 9 and 10 <= day.day <= 20 else LONDON
        if rng.random() < 0.05:
            continue  # a day with no check-in
        hours = sorted(rng.sample(range(7, 23), k=rng.choice((1, 2, 3, 4, 4, 5))))
        for hour in hours:
            at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=zone)
            if at > end:
                break
            mood = _clamp(base + rng.gauss(0, 1.2), 1, 10)
            feel = _clamp(mood - 1 - (3 if numb_spell else 0) + rng.gauss(0, 1), 0, 10)
            pool = NUMB if numb_spell or feel <= 2 else (PLEASANT if mood >= 6 else UNPLEASANT)
            emotions = tuple(rng.sample(pool, k=rng.choice((0, 1, 1, 2))))
            if numb_spell:
                emotions = tuple(e for e in emotions if e in ("numb", "flat"))
            tags = tuple(sorted(rng.sample(TAGS, k=rng.choice((0, 0, 1, 2)))))
            history.checkins.append(
                NewCheckIn(
                    at=at,
                    mood=mood,
                    feel=None if rng.random() < 0.15 else feel,
                    emotions=emotions,
                    tags=tags,
                )
            )
        if sessions_every and offset % sessions_every == 0:
            kind, detail, planned = rng.choice(PRACTICES)
            at = datetime(day.year, day.month, day.day, 20, 15, tzinfo=zone)
            if at <= end:
                before = rng.randint(0, 6)
                history.sessions.append(
                    SessionSpec(
                        kind,
                        detail,
                        at,
                        planned,
                        float(planned if planned else rng.randint(90, 400)),
                        before,
                        min(10, before + rng.choice((0, 1, 1, 2, 3))),
                    )
                )
    if markers:
        events: tuple[tuple[str, MarkerKind], ...] = (
            ("started a new medication", "medication"),
            ("started therapy", "therapy"),
            ("moved house", "life"),
            ("changed dose", "medication"),
            ("new job", "life"),
        )
        step = max(1, days // (len(events) + 1))
        for index, (text, marker_kind) in enumerate(events):
            day = first_day + timedelta(days=step * (index + 1))
            if day < end.date():
                at = datetime(day.year, day.month, day.day, 10, 0, tzinfo=LONDON)
                history.markers.append(MarkerSpec(text, marker_kind, at))
    return history


def fill(store: Store, history: History) -> None:
    """Write a generated history through the public Store API (check-ins in one batch)."""
    store.add_checkins(history.checkins)
    for s in history.sessions:
        store.add_session(
            s.kind,
            s.detail,
            started_at=s.started_at,
            planned_seconds=s.planned_seconds,
            actual_seconds=s.actual_seconds,
            completed=True,
            before=s.before,
            after=s.after,
        )
    for m in history.markers:
        store.add_marker(m.text, m.kind, m.at)


_TEMPLATES: dict[tuple[str, int, int], Path] = {}


def prepared_dir(target: Path, end: datetime, days: int = 3652, seed: int = 7) -> Path:
    """A data dir at `target` holding the generated history, copied from a per-process template.

    Filling ten years through the Store takes seconds; copying the files takes milliseconds, so
    every test still gets its own private directory without paying for the fill again.
    """
    key = (end.isoformat(), days, seed)
    template = _TEMPLATES.get(key)
    if template is None:
        root = Path(tempfile.mkdtemp(prefix="thaw-history-"))
        atexit.register(shutil.rmtree, root, True)
        template = root / "data"
        fill(Store(template, FakeClock(end)), generate(end, days, seed))
        _TEMPLATES[key] = template
    shutil.copytree(template, target, copy_function=shutil.copy2)
    target.chmod(0o700)
    return target
