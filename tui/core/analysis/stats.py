"""Pure aggregation of check-ins and practices: daily means, weekly range, buckets, flatness."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Literal, NamedTuple

from tui.core.records.models import SESSION_KINDS, CheckIn, Session, SessionKind

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
"""Eight heights for a one-line chart; a gap (no data) is a space."""

MOOD_LEVELS = 4
"""Calendar cells fall into four mood levels: 1-3, 4-5, 6-7, 8-10 (four shades read without
colour too: ░ ▒ ▓ █)."""

FLAT_FEEL_MAX = 3.0
"""A 14-day mean "how much can you feel" at or under this counts as flat."""
FLAT_FEEL_MIN_DAYS = 7
"""Flatness from feel needs at least this many days with a feel rating in the 14."""
NARROW_RANGE_MAX = 2
"""A 7-day window naming at most this many different emotions is narrow..."""
NARROW_MIN_CHECKINS = 3
"""...if it holds at least this many check-ins (fewer says nothing either way)."""


def local_day(at: datetime) -> date:
    """The day a moment belongs to, in the offset it was recorded in (never converted to UTC).

    A check-in at 23:30 in New York stays on that evening's date even though it is already
    tomorrow in London; both sides of a DST change keep their own wall-clock date.
    """
    return at.date()


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


class DayMood(NamedTuple):
    """One day's mood: the mean of its check-ins, and the lowest and highest."""

    day: date
    mean: float
    low: int
    high: int
    checkins: int  # how many check-ins the day holds


class DayFeel(NamedTuple):
    """One day's "how much can you feel": the mean of the check-ins that rated it."""

    day: date
    mean: float
    low: int
    high: int
    checkins: int  # how many check-ins the day holds


class WeekRange(NamedTuple):
    """How many different emotions were named in one ISO week, and how many were pleasant."""

    week: date  # Monday
    distinct: int
    pleasant: int
    checkins: int


class WeekPractice(NamedTuple):
    """Minutes of practice in one ISO week, by kind (every kind present, zero when none)."""

    week: date  # Monday
    minutes: Mapping[SessionKind, float] = MappingProxyType({})

    @property
    def total(self) -> float:
        """All minutes that week."""
        return sum(self.minutes.values())


class Point(NamedTuple):
    """One value on a dated series, with the spread it summarises (equal to it when single)."""

    day: date
    value: float
    low: float
    high: float


class Bucket(NamedTuple):
    """A run of days shown as one chart point: [start, end] inclusive, mean of the values in it."""

    start: date
    end: date
    value: float
    low: float
    high: float
    points: int  # how many series points fell inside


class CalendarCell(NamedTuple):
    """One day of the calendar: its mood level (0-3), or None for a day with no check-in."""

    day: date
    level: int | None
    mean: float | None


class FlatSign(NamedTuple):
    """Why history thinks numbness may keep coming back: low feel, or a narrow range."""

    reason: Literal["feel", "range"]
    mean_feel: float | None  # the 14-day mean when reason is "feel"
    days: int  # days with data that the sign rests on


# --- daily ------------------------------------------------------------------------------------


def daily_mood(checkins: Iterable[CheckIn]) -> list[DayMood]:
    """Mood per local day, oldest first. Days without a check-in are absent, not zero."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for checkin in checkins:
        by_day[local_day(checkin.at)].append(checkin.mood)
    return [
        DayMood(day, sum(moods) / len(moods), min(moods), max(moods), len(moods))
        for day, moods in sorted(by_day.items())
    ]


def daily_feel(checkins: Iterable[CheckIn]) -> list[DayFeel]:
    """Feel per local day, oldest first, from the check-ins that rated it; others are skipped."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for checkin in checkins:
        if checkin.feel is not None:
            by_day[local_day(checkin.at)].append(checkin.feel)
    return [
        DayFeel(day, sum(feels) / len(feels), min(feels), max(feels), len(feels))
        for day, feels in sorted(by_day.items())
    ]


def mood_points(days: Sequence[DayMood] | Sequence[DayFeel]) -> list[Point]:
    """A daily series as chart points (mean with the day's low and high)."""
    return [Point(d.day, d.mean, float(d.low), float(d.high)) for d in days]


# --- weekly -----------------------------------------------------------------------------------


def weekly_range(checkins: Iterable[CheckIn], valence: Mapping[str, str]) -> list[WeekRange]:
    """Distinct emotions named per ISO week (local days), and how many are "pleasant".

    `valence` maps emotion id to "pleasant", "unpleasant" or "mixed"; unknown ids count as named
    but not pleasant. Weeks without a check-in are absent.
    """
    named: dict[date, set[str]] = defaultdict(set)
    counts: dict[date, int] = defaultdict(int)
    for checkin in checkins:
        week = week_start(local_day(checkin.at))
        counts[week] += 1
        named[week].update(checkin.emotions)
    return [
        WeekRange(
            week,
            len(named[week]),
            sum(1 for e in named[week] if valence.get(e) == "pleasant"),
            counts[week],
        )
        for week in sorted(counts)
    ]


def weekly_practice(sessions: Iterable[Session]) -> list[WeekPractice]:
    """Practice minutes per ISO week by kind (actual time spent), oldest first."""
    weeks: dict[date, dict[SessionKind, float]] = {}
    for session in sessions:
        week = week_start(local_day(session.started_at))
        minutes = weeks.setdefault(week, dict.fromkeys(SESSION_KINDS, 0.0))
        minutes[session.kind] = minutes.get(session.kind, 0.0) + session.actual_seconds / 60
    return [WeekPractice(week, weeks[week]) for week in sorted(weeks)]


# --- buckets ----------------------------------------------------------------------------------


def bucket(
    points: Sequence[Point], start: date, end: date, max_points: int, step_days: int = 1
) -> list[Bucket]:
    """Group a dated series into at most `max_points` equal runs of days between start and end.

    Each bucket spans a whole number of `step_days` (7 for weekly series) so weeks never split.
    A bucket's value is the mean of the points inside; low and high are their extremes. Empty
    buckets are left out: a gap in the data stays a gap, it is never drawn as zero.
    """
    if max_points < 1 or end < start:
        return []
    steps = (end - start).days // step_days + 1
    span = max(1, math.ceil(steps / max_points)) * step_days
    grouped: dict[int, list[Point]] = defaultdict(list)
    for point in points:
        if start <= point.day <= end:
            grouped[(point.day - start).days // span].append(point)
    result = []
    for index in sorted(grouped):
        inside = grouped[index]
        first = start + timedelta(days=index * span)
        result.append(
            Bucket(
                first,
                min(end, first + timedelta(days=span - 1)),
                sum(p.value for p in inside) / len(inside),
                min(p.low for p in inside),
                max(p.high for p in inside),
                len(inside),
            )
        )
    return result


# --- calendar ---------------------------------------------------------------------------------


def mood_level(mean: float) -> int:
    """Calendar level 0-3 for a mood mean on the 1-10 scale: 1-3, 4-5, 6-7, 8-10."""
    rounded = math.floor(mean + 0.5)  # half up, so 3.5 reads as 4
    return max(0, min(MOOD_LEVELS - 1, (rounded - 2) // 2))


def calendar_grid(days: Sequence[DayMood], end: date, weeks: int = 53) -> list[list[CalendarCell]]:
    """A year at a glance: 7 rows (Monday..Sunday) by `weeks` columns, the last holding `end`.

    Days after `end` are left out of the last column (the row is shorter), so a cell is never
    drawn for the future.
    """
    by_day = {d.day: d for d in days}
    first = week_start(end) - timedelta(weeks=weeks - 1)
    rows: list[list[CalendarCell]] = [[] for _ in range(7)]
    for offset in range(weeks * 7):
        day = first + timedelta(days=offset)
        if day > end:
            break
        found = by_day.get(day)
        cell = (
            CalendarCell(day, mood_level(found.mean), found.mean)
            if found
            else CalendarCell(day, None, None)
        )
        rows[day.weekday()].append(cell)
    return rows


# --- flatness ---------------------------------------------------------------------------------


def flatness(
    checkins: Sequence[CheckIn], valence: Mapping[str, str], today: date
) -> FlatSign | None:
    """A gentle sign that numbness keeps coming back, or None.

    Flat feel: over the 14 days ending today, at least 7 days carry a feel rating and their mean
    is at most 3. Narrow range: both 7-day halves of those 14 days hold at least 3 check-ins and
    name at most 2 different emotions each. Thin data gives None: we never guess.
    """
    since = today - timedelta(days=13)
    recent = [c for c in checkins if since <= local_day(c.at) <= today]
    feels = daily_feel(recent)
    if len(feels) >= FLAT_FEEL_MIN_DAYS:
        mean = sum(d.mean for d in feels) / len(feels)
        if mean <= FLAT_FEEL_MAX:
            return FlatSign("feel", mean, len(feels))
    halves = (
        [c for c in recent if local_day(c.at) < since + timedelta(days=7)],
        [c for c in recent if local_day(c.at) >= since + timedelta(days=7)],
    )
    if all(len(half) >= NARROW_MIN_CHECKINS for half in halves) and all(
        len({e for c in half for e in c.emotions}) <= NARROW_RANGE_MAX for half in halves
    ):
        return FlatSign("range", None, len({local_day(c.at) for c in recent}))
    return None


# --- text -------------------------------------------------------------------------------------


def sparkline(values: Sequence[float | None], low: float = 1.0, high: float = 10.0) -> str:
    """One character per value from ▁ (low) to █ (high); None (no data) is a space."""
    span = high - low
    chars = []
    for value in values:
        if value is None:
            chars.append(" ")
            continue
        share = 0.0 if span <= 0 else (min(high, max(low, value)) - low) / span
        chars.append(SPARK_BLOCKS[math.floor(share * (len(SPARK_BLOCKS) - 1) + 0.5)])
    return "".join(chars)


def day_series(
    days: Sequence[DayMood] | Sequence[DayFeel], start: date, end: date
) -> list[float | None]:
    """One value per calendar day from start to end inclusive, None where nothing was recorded."""
    by_day = {d.day: d.mean for d in days}
    count = (end - start).days + 1
    return [by_day.get(start + timedelta(days=i)) for i in range(max(0, count))]


def minutes_words(minutes: float) -> str:
    """A total for a sentence: "under a minute", "1 minute", "12 minutes" (never "0 minutes")."""
    if 0 < minutes < 1:
        return "under a minute"
    whole = round(minutes)
    return f"{whole} minute{'' if whole == 1 else 's'}"


def minutes_cell(minutes: float) -> str:
    """A total for a table cell: "<1" when some practice happened but under a minute."""
    return "<1" if 0 < minutes < 1 else str(round(minutes))
