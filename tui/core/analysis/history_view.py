"""What the history screen shows, aggregated once without Textual, then extended further back."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal

from tui.core.analysis.insights import Insight, build_insights
from tui.core.analysis.stats import (
    DayFeel,
    DayMood,
    FlatSign,
    WeekPractice,
    WeekRange,
    daily_feel,
    daily_mood,
    flatness,
    local_day,
    week_start,
    weekly_practice,
    weekly_range,
)
from tui.core.records.models import CheckIn, Marker, Session

RangeName = Literal["week", "month", "year", "all"]
RANGES: tuple[RangeName, ...] = ("week", "month", "year", "all")
RANGE_DAYS: dict[RangeName, int] = {"week": 7, "month": 30, "year": 365}
RANGE_LABELS: dict[RangeName, str] = {
    "week": "last 7 days",
    "month": "last 30 days",
    "year": "last year",
    "all": "all time",
}
WEEKLY_MIN_WEEKS = 8
"""Weekly charts show at least 8 weeks: one bar for "this week" says too little."""
RECENT_DAYS = 120
"""History opens with this much (enough for month view and every insight), then loads the rest."""
YEAR_DAYS = 53 * 7 + 7
"""The second read: enough for the year charts and the calendar's 53 weeks."""
ChartView = Literal["mood", "feel", "range", "practice"]


@dataclass(frozen=True, slots=True)
class HistoryData:
    """Everything history shows, aggregated once; ranges and widths are cut from it cheaply."""

    today: date
    moods: list[DayMood] = field(default_factory=list)
    feels: list[DayFeel] = field(default_factory=list)
    weeks: list[WeekRange] = field(default_factory=list)
    practice: list[WeekPractice] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    insights: list[Insight] = field(default_factory=list)
    flat: FlatSign | None = None
    loaded_from: date | None = None
    """The first day read so far; None once the whole history is in."""
    checkin_count: int = 0

    @property
    def complete(self) -> bool:
        """True when the whole history is read, not only the recent part."""
        return self.loaded_from is None

    def covers(self, since: date | None) -> bool:
        """True when every day from `since` (None: the very first) is read."""
        return self.loaded_from is None or (since is not None and since >= self.loaded_from)

    @property
    def first_day(self) -> date | None:
        """The earliest day with anything on it, or None for an empty history."""
        days = [d.day for d in self.moods[:1]]
        days += [w.week for w in self.practice[:1]]
        days += [local_day(m.at) for m in self.markers[:1]]
        return min(days) if days else None

    @property
    def empty(self) -> bool:
        """True when there is nothing at all to draw."""
        return not self.moods and not self.practice and not self.markers


def build(
    checkins: Sequence[CheckIn],
    sessions: Sequence[Session],
    markers: Sequence[Marker],
    today: date,
    *,
    valence: Mapping[str, str],
    names: Mapping[str, str],
    practice_labels: Mapping[str, str],
    loaded_from: date | None = None,
) -> HistoryData:
    """Aggregate once: daily mood and feel, weekly range and practice, insights and flatness.

    `loaded_from` says the records start there because only that much was read so far.
    """
    # Insights look back three months at most: ten years of history need not pass through them.
    since = today - timedelta(days=RECENT_DAYS - 1)
    recent = [c for c in checkins if local_day(c.at) >= since]
    recent_sessions = [s for s in sessions if local_day(s.started_at) >= since]
    return HistoryData(
        today=today,
        moods=daily_mood(checkins),
        feels=daily_feel(checkins),
        weeks=weekly_range(checkins, valence),
        practice=weekly_practice(sessions),
        markers=sorted(markers, key=lambda m: m.at),
        insights=build_insights(
            recent, recent_sessions, today, names=names, practice_labels=practice_labels
        ),
        flat=flatness(recent, valence, today),
        loaded_from=loaded_from,
        checkin_count=len(checkins),
    )


def extend(
    data: HistoryData,
    checkins: Sequence[CheckIn],
    sessions: Sequence[Session],
    *,
    cut: date,
    valence: Mapping[str, str],
    loaded_from: date | None,
) -> HistoryData:
    """`data` reaching further back: the days and weeks before `cut` (a Monday) aggregated from
    `checkins` and `sessions`, which hold every record before `cut` read so far; `data`'s own
    days and weeks from `cut` on are kept as they are, not aggregated again.

    Insights, flatness and markers come from the recent months and all markers, read first,
    so a longer read does not change them.
    """
    assert cut.weekday() == 0, "weekly aggregates are cut at a Monday"
    kept = [d for d in data.moods if d.day >= cut]
    return replace(
        data,
        moods=daily_mood(checkins) + kept,
        feels=daily_feel(checkins) + [d for d in data.feels if d.day >= cut],
        weeks=weekly_range(checkins, valence) + [w for w in data.weeks if w.week >= cut],
        practice=weekly_practice(sessions) + [w for w in data.practice if w.week >= cut],
        loaded_from=loaded_from,
        checkin_count=len(checkins) + sum(d.checkins for d in kept),
    )


def window(data: HistoryData, name: RangeName) -> tuple[date, date]:
    """First and last day shown for a range; "all" starts at the first record (a week if none)."""
    if name == "all":
        first = data.first_day or data.today
        return min(first, data.today - timedelta(days=6)), data.today
    return data.today - timedelta(days=RANGE_DAYS[name] - 1), data.today


def reach(name: RangeName, today: date) -> date | None:
    """The first day a range's charts need (None: all of it), for any view."""
    if name == "all":
        return None
    start = today - timedelta(days=RANGE_DAYS[name] - 1)
    return min(start, week_start(today) - timedelta(weeks=WEEKLY_MIN_WEEKS - 1), week_start(start))


def calendar_reach(today: date) -> date:
    """The first day the year calendar shows."""
    return week_start(today) - timedelta(weeks=52)


def moods_since(data: HistoryData, first: date) -> list[DayMood]:
    """The days from `first` on, found by bisection: no walk through ten years of days."""
    return data.moods[bisect.bisect_left(data.moods, first, key=lambda d: d.day) :]


def marker_strip(labels: Sequence[str], width: int) -> str:
    """One line of marker labels (oldest first) in `width` columns, never cut inside a marker.

    The newest markers that fit whole are shown, with how many earlier ones are left out; when
    not even the newest fits, it alone is shortened with "…".
    """
    if not labels or width < 3:
        return ""
    for count in range(len(labels), 0, -1):
        hidden = len(labels) - count
        more = f"   (+{hidden} earlier)" if hidden else ""
        line = "│ " + "   │ ".join(labels[-count:]) + more
        if len(line) <= width:
            return line
    more = f"   (+{len(labels) - 1} earlier)" if len(labels) > 1 else ""
    if len(more) > width - 6:  # too narrow for the count as well: the newest marker alone
        more = ""
    room = width - 2 - len(more)
    return "│ " + labels[-1][: room - 1] + "…" + more


def marker_when(text: str, now: datetime) -> datetime:
    """When a marker happened, from what the person typed ("2026-03-02", "yesterday", "3 days ago").

    "today", an empty field, or today's date mean now: a date alone otherwise lands at midday,
    which would still be in the future on a morning. InputError names the forms that work.
    """
    cleaned = text.strip().lower()
    if cleaned in ("", "today", "now", now.date().isoformat()):
        return now
    from tui.core.when import parse_when  # only the markers dialog and `mark` need it

    return parse_when(text, now, what="marker")
