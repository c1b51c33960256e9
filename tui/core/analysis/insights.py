"""Plain sentences about what the data shows, each given only when there is enough to say it."""

from __future__ import annotations

import contextlib
import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.analysis.stats import (
    DayFeel,
    DayMood,
    FlatSign,
    bucket,
    daily_feel,
    daily_mood,
    day_series,
    flatness,
    local_day,
    minutes_cell,
    minutes_words,
    mood_points,
    sparkline,
)
from tui.core.content import Content, ContentError
from tui.core.records.models import CheckIn, Session

WEEK_MIN_DAYS = 3
"""This week needs check-ins on at least 3 days before it is compared with anything."""
BEFORE_MIN_DAYS = 8
"""The four weeks before need at least 8 days (about two a week) to be a fair baseline."""
SAME_WITHIN = 0.5
"""A difference smaller than this is "about the same": small wobbles are not news."""
EMOTIONS_MIN_NAMED = 5
"""The most-named emotions need at least 5 namings in the window, and the top one 2."""
PRACTICE_MIN_SESSIONS = 3
"""A practice's average change needs at least 3 sessions rated before and after."""
TAG_MIN_DAYS = 3
"""A tag is compared only with at least 3 days with it and 3 without."""
TAG_MIN_DIFFERENCE = 1.0
"""A tag is mentioned only if its days differ by at least a whole point of mood."""
EMOTION_WINDOW_DAYS = 28
PATTERN_WINDOW_DAYS = 90


KIND_LABELS = {
    "breathe": "breathing",
    "meditate": "meditation",
    "ground": "grounding",
    "idea": "an idea",
}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words from content that insights and stats need, as plain mappings (keeps them pure)."""

    names: dict[str, str]  # emotion id -> name
    valence: dict[str, str]  # emotion id -> "pleasant" | "unpleasant" | "mixed"
    practices: Mapping[str, str]  # "kind:detail" -> readable name ("Box breathing")


_PRACTICE_NAMES: dict[str, Callable[[Content], list[tuple[str, str]]]] = {
    "breathe": lambda content: [(p.id, p.name) for p in content.breathing],
    "ground": lambda content: [(g.id, g.name) for g in content.grounding],
    "idea": lambda content: [(i.id, i.title) for g in content.ideas for i in g.ideas],
}


class PracticeNames(Mapping[str, str]):
    """Readable practice names, each content file read only when one of its names is asked for.

    Opening history then reads no breathing file unless a breathing practice is to be named.
    A broken or missing file leaves its names out (callers fall back to readable ids).
    """

    def __init__(self, content: Content) -> None:
        self._content = content
        self._names: dict[str, str] = {"meditate": "Meditation"}
        self._read: set[str] = set()
        self._lock = threading.Lock()  # history reads in two threads

    def _need(self, kind: str) -> None:
        load = _PRACTICE_NAMES.get(kind)
        if load is None or kind in self._read:
            return
        with self._lock:
            if kind in self._read:
                return
            with contextlib.suppress(ContentError):
                self._names.update({f"{kind}:{ident}": name for ident, name in load(self._content)})
            self._read.add(kind)

    def __getitem__(self, key: str) -> str:
        self._need(key.partition(":")[0])
        return self._names[key]

    def __iter__(self) -> Iterator[str]:
        for kind in _PRACTICE_NAMES:
            self._need(kind)
        return iter(dict(self._names))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def vocabulary(content: Content) -> Vocabulary:
    """Collect emotion names and valence now, practice names when asked; a broken content file
    leaves gaps."""
    names: dict[str, str] = {}
    valence: dict[str, str] = {}
    # A broken content file leaves readable ids: nothing here is worth stopping history for.
    with contextlib.suppress(ContentError):
        for emotion in content.emotions:
            names[emotion.id] = emotion.name
            valence[emotion.id] = emotion.valence
    return Vocabulary(names, valence, PracticeNames(content))


def practice_key(session: Session) -> str:
    """How sessions are grouped for "what helps": meditation as one, others by pattern/exercise."""
    return "meditate" if session.kind == "meditate" else f"{session.kind}:{session.detail}"


@dataclass(frozen=True, slots=True)
class Insight:
    """One sentence, with a key saying which kind it is (for tests and layout)."""

    key: str  # "mood_week", "feel_week", "emotions", "practice", "tag"
    text: str


def _fmt(value: float) -> str:
    """One decimal, the way people read a rating: 6.0, 5.3."""
    return f"{value:.1f}"


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _compare(
    days: Sequence[DayMood] | Sequence[DayFeel], today: date, what: str, key: str
) -> Insight | None:
    """This week (the 7 days ending today) against the 28 days before it."""
    week_from = today - timedelta(days=6)
    before_from = week_from - timedelta(days=28)
    week = [d.mean for d in days if week_from <= d.day <= today]
    before = [d.mean for d in days if before_from <= d.day < week_from]
    if len(week) < WEEK_MIN_DAYS or len(before) < BEFORE_MIN_DAYS:
        return None
    now, then = _mean(week), _mean(before)
    if abs(now - then) < SAME_WITHIN:
        how = f"about the same as the four weeks before ({_fmt(then)})"
    elif now > then:
        how = f"higher than the four weeks before ({_fmt(then)})"
    else:
        how = f"lower than the four weeks before ({_fmt(then)})"
    return Insight(key, f"{what} this week averaged {_fmt(now)}, {how}.")


def _emotions(checkins: Sequence[CheckIn], names: Mapping[str, str], today: date) -> Insight | None:
    since = today - timedelta(days=EMOTION_WINDOW_DAYS - 1)
    counts = Counter(e for c in checkins if since <= local_day(c.at) <= today for e in c.emotions)
    if sum(counts.values()) < EMOTIONS_MIN_NAMED:
        return None
    top = [(e, n) for e, n in counts.most_common(3) if n >= 2]
    if not top:
        return None
    listed = ", ".join(f"{names.get(e, e.replace('_', ' '))} ({n})" for e, n in top)
    return Insight("emotions", f"The feelings you named most in the last four weeks: {listed}.")


def _practices(
    sessions: Sequence[Session], labels: Mapping[str, str], today: date
) -> list[Insight]:
    """The practices (at most two) after which the person rated themselves higher on average."""
    since = today - timedelta(days=PATTERN_WINDOW_DAYS - 1)
    changes: dict[str, list[int]] = defaultdict(list)
    for s in sessions:
        if s.before is None or s.after is None:
            continue
        if since <= local_day(s.started_at) <= today:
            changes[practice_key(s)].append(s.after - s.before)
    ranked = sorted(
        ((_mean(v), len(v), k) for k, v in changes.items() if len(v) >= PRACTICE_MIN_SESSIONS),
        key=lambda item: (-item[0], -item[1], item[2]),
    )
    result = []
    for gain, count, key in ranked[:2]:
        if gain <= 0:
            break
        kind, _, detail = key.partition(":")
        fallback = KIND_LABELS.get(kind, kind)
        if detail:
            fallback += f" ({detail.replace('_', ' ')})"
        label = labels.get(key) or labels.get(detail) or fallback
        label = label[:1].lower() + label[1:]
        # The person's own before/after ratings: said as what they rated, never as an effect.
        result.append(
            Insight(
                "practice",
                f"After {label}, you rated how much you could feel about {_fmt(gain)} points "
                f"higher on average ({count} times in the last three months).",
            )
        )
    return result


def _tags(checkins: Sequence[CheckIn], today: date) -> list[Insight]:
    """Tags whose days differ in mood by a point or more (the clearest higher and lower one);
    said as what went together, never as a cause."""
    since = today - timedelta(days=PATTERN_WINDOW_DAYS - 1)
    recent = [c for c in checkins if since <= local_day(c.at) <= today]
    mood_by_day = {d.day: d.mean for d in daily_mood(recent)}
    tags_by_day: dict[date, set[str]] = defaultdict(set)
    for c in recent:
        tags_by_day[local_day(c.at)].update(c.tags)
    all_tags = sorted({t for ts in tags_by_day.values() for t in ts})
    found: list[tuple[float, str, int, int, float, float]] = []
    for tag in all_tags:
        with_tag = [m for d, m in mood_by_day.items() if tag in tags_by_day[d]]
        without = [m for d, m in mood_by_day.items() if tag not in tags_by_day[d]]
        if len(with_tag) < TAG_MIN_DAYS or len(without) < TAG_MIN_DAYS:
            continue
        diff = _mean(with_tag) - _mean(without)
        if abs(diff) >= TAG_MIN_DIFFERENCE:
            found.append((diff, tag, len(with_tag), len(without), _mean(with_tag), _mean(without)))
    if not found:
        return []
    found.sort(key=lambda f: (-f[0], f[1]))
    picks = [found[0]] if found[0][0] > 0 else []
    if found[-1][0] < 0:
        picks.append(found[-1])
    result = []
    for _diff, tag, n_with, n_without, m_with, m_without in picks:
        result.append(
            Insight(
                "tag",
                f'On days tagged "{tag}", mood averaged {_fmt(m_with)}; on other days, '
                f"{_fmt(m_without)} ({n_with} days with it, {n_without} without, last three "
                "months). That shows what went together, not why.",
            )
        )
    return result


def build_insights(
    checkins: Sequence[CheckIn],
    sessions: Sequence[Session],
    today: date,
    *,
    names: Mapping[str, str] | None = None,
    practice_labels: Mapping[str, str] | None = None,
) -> list[Insight]:
    """Every sentence the data supports, in a steady order; an empty list when it is thin.

    `names` maps emotion id to its display name; `practice_labels` maps "kind:detail" (or just
    the detail) to a readable practice name. Tags are the person's own text: show with markup off.
    """
    result: list[Insight] = []
    for found in (
        _compare(daily_mood(checkins), today, "Your mood", "mood_week"),
        _compare(daily_feel(checkins), today, "How much you could feel", "feel_week"),
        _emotions(checkins, names or {}, today),
    ):
        if found is not None:
            result.append(found)
    result.extend(_practices(sessions, practice_labels or {}, today))
    result.extend(_tags(checkins, today))
    return result


def flat_hint(sign: FlatSign) -> str:
    """The one gentle sentence shown when numbness seems to keep coming back."""
    if sign.reason == "feel":
        what = "How much you can feel has stayed low for about two weeks."
    else:
        what = "You have named only a few feelings for about two weeks."
    return (
        f"{what} That happens, and it can ease. "
        "The plan has longer-term steps, whenever you want them."
    )


def summary_lines(
    checkins: Sequence[CheckIn],
    sessions: Sequence[Session],
    today: date,
    days: int,
    words: Vocabulary,
    *,
    spark_width: int = 60,
) -> list[str]:
    """The text summary of the last `days` days, for `thaw stats` and anything else plain.

    `checkins` and `sessions` may reach further back: the insights compare with earlier weeks.
    """
    start = today - timedelta(days=days - 1)
    inside = [c for c in checkins if start <= local_day(c.at) <= today]
    span = f"{_short(start)} to {_short(today)}"
    if start.year != today.year:  # "15 Sep to 1 Dec" hides eight years: name them
        span = f"{_short(start)} {start.year} to {_short(today)} {today.year}"
    heading = f"The last {days} days ({span})" if days > 1 else f"Today ({_short(today)})"
    if not inside:
        return [
            heading,
            "Nothing recorded here yet, and that is fine.",
            "A check-in takes a few keys whenever you like: thaw checkin",
        ]
    moods = daily_mood(inside)
    feels = daily_feel(inside)
    lines = [heading]
    mood_spark = _spark(moods, start, today, spark_width, 1.0, 10.0)
    lines.append(
        f"Mood   {mood_spark}  average {_fmt(_mean([d.mean for d in moods]))}, "
        f"from {min(d.low for d in moods)} to {max(d.high for d in moods)}, "
        f"{len(moods)} {'day' if len(moods) == 1 else 'days'} with a check-in"
    )
    if feels:
        feel_spark = _spark(feels, start, today, spark_width, 0.0, 10.0)
        lines.append(
            f"Feel   {feel_spark}  average {_fmt(_mean([d.mean for d in feels]))} (0 to 10)"
        )
    named = {e for c in inside for e in c.emotions}
    if named:
        pleasant = sum(1 for e in named if words.valence.get(e) == "pleasant")
        lines.append(
            f"Range  {len(named)} different {'feeling' if len(named) == 1 else 'feelings'} "
            f"named, {pleasant} of them pleasant"
        )
    minutes: dict[str, float] = defaultdict(float)
    for s in sessions:
        if start <= local_day(s.started_at) <= today:
            minutes[KIND_LABELS.get(s.kind, s.kind)] += s.actual_seconds / 60
    if minutes:
        parts = ", ".join(f"{kind} {minutes_cell(m)}" for kind, m in sorted(minutes.items()))
        lines.append(f"Practice  {minutes_words(sum(minutes.values()))} ({parts})")
    found = build_insights(
        checkins, sessions, today, names=words.names, practice_labels=words.practices
    )
    if found:
        lines.append("")
        lines.extend(f"- {i.text}" for i in found)
    sign = flatness(checkins, words.valence, today)
    if sign is not None:
        lines.append("")
        lines.append(flat_hint(sign))
    return lines


def _short(day: date) -> str:
    """ "25 Nov" style, without a leading zero (strftime's %-d is not portable)."""
    return f"{day.day} {day:%b}"


def _spark(
    days: Sequence[DayMood] | Sequence[DayFeel],
    start: date,
    end: date,
    width: int,
    low: float,
    high: float,
) -> str:
    """A sparkline of one character a day, or of equal runs of days when they do not fit."""
    total = (end - start).days + 1
    if total <= width:
        return sparkline(day_series(days, start, end), low, high)
    buckets = {b.start: b.value for b in bucket(mood_points(days), start, end, width)}
    span = math.ceil(total / width)
    starts = [start + timedelta(days=i * span) for i in range(math.ceil(total / span))]
    return sparkline([buckets.get(s) for s in starts], low, high)
