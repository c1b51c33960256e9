"""What helps me: each practice and idea, how often, and how the person rated themselves after.

Pure and plain. Words describe the person's own ratings and never claim a cause: "after the
cyclic sigh you rated yourself about 2 points higher, over 5 times", not "it raised...".
Tag comparisons say what went together, not why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.analysis.stats import daily_mood, local_day
from tui.core.records.models import CheckIn, Session
from tui.core.text import clean_line

#: How far back the page looks: a year holds enough to say something, and stays quick to read.
WINDOW_DAYS = 365
#: A tag is compared only with at least this many days with it and without it.
TAG_MIN_DAYS = 3
#: Under half a point either way is "about the same": small wobbles are not news.
SAME_WITHIN = 0.5

TAGS_CAVEAT = (
    "These show what went together, not why: many things change how a day goes, "
    "and a day can shape what you did as much as the other way round."
)


@dataclass(frozen=True, slots=True)
class HelpRow:
    """One practice or idea, in the person's history."""

    key: str  # "breathe:cyclic_sigh", "meditate", "idea:walk_room"
    label: str  # "Cyclic sigh"
    kind: str  # "breathe", "meditate", "ground", "idea"
    times: int  # every session of it in the window
    rated: int  # sessions with a rating before and after
    change: float | None  # mean (after - before) over the rated ones
    ratings: int  # ideas: how many "helped N of 5" answers
    helped: float | None  # ideas: their mean, 1-5


def _key(session: Session) -> str:
    return "meditate" if session.kind == "meditate" else f"{session.kind}:{session.detail}"


def _label(key: str, labels: Mapping[str, str]) -> str:
    kind, _, detail = key.partition(":")
    found = labels.get(key) or labels.get(detail)
    if found:
        return found
    fallback = {"meditate": "Meditation", "breathe": "Breathing", "ground": "Grounding"}
    name = detail.replace("_", " ") if detail else fallback.get(kind, kind)
    return name[:1].upper() + name[1:]


def help_rows(sessions: Sequence[Session], labels: Mapping[str, str], today: date) -> list[HelpRow]:
    """Every practice and idea tried in the window, the most often tried first."""
    since = today - timedelta(days=WINDOW_DAYS - 1)
    by_key: dict[str, list[Session]] = defaultdict(list)
    for s in sessions:
        if since <= local_day(s.started_at) <= today:
            by_key[_key(s)].append(s)
    rows: list[HelpRow] = []
    for key, group in by_key.items():
        changes = [
            s.after - s.before for s in group if s.before is not None and s.after is not None
        ]
        ratings = [s.rating for s in group if s.rating is not None]
        rows.append(
            HelpRow(
                key=key,
                label=clean_line(_label(key, labels)),
                kind=group[0].kind,
                times=len(group),
                rated=len(changes),
                change=sum(changes) / len(changes) if changes else None,
                ratings=len(ratings),
                helped=sum(ratings) / len(ratings) if ratings else None,
            )
        )
    rows.sort(key=lambda r: (-r.times, r.label.casefold()))
    return rows


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def change_words(change: float) -> str:
    """ "about 2 points higher", "about 1 point lower", "about the same as before"."""
    if abs(change) < SAME_WITHIN:
        return "about the same as before"
    points = max(1, round(abs(change)))
    unit = "point" if points == 1 else "points"
    return f"about {points} {unit} {'higher' if change > 0 else 'lower'}"


def row_sentence(row: HelpRow) -> str:
    """One plain sentence about one row, in words that claim no cause."""
    parts: list[str] = []
    if row.change is not None:
        parts.append(
            f"after it you rated how much you could feel {change_words(row.change)}, "
            f"over {_times(row.rated)}"
        )
    if row.helped is not None:
        said = (
            f"you said it helped {round(row.helped)} of 5"
            if row.ratings == 1
            else f"you said it helped about {round(row.helped)} of 5, over {_times(row.ratings)}"
        )
        parts.append(said)
    if not parts:
        parts.append(f"tried {_times(row.times)}, without a rating")
    elif row.times > max(row.rated, row.ratings):
        parts.append(f"tried {_times(row.times)} in all")
    return f"{row.label}: " + "; ".join(parts) + "."


def tag_sentences(checkins: Sequence[CheckIn], today: date) -> list[str]:
    """For each tag with enough days either way: the mood on days with it and without it."""
    since = today - timedelta(days=WINDOW_DAYS - 1)
    recent = [c for c in checkins if since <= local_day(c.at) <= today]
    mood_by_day = {d.day: d.mean for d in daily_mood(recent)}
    tags_by_day: dict[date, set[str]] = defaultdict(set)
    for c in recent:
        tags_by_day[local_day(c.at)].update(c.tags)
    result: list[tuple[int, str]] = []
    for tag in sorted({t for ts in tags_by_day.values() for t in ts}):
        with_tag = [m for d, m in mood_by_day.items() if tag in tags_by_day[d]]
        without = [m for d, m in mood_by_day.items() if tag not in tags_by_day[d]]
        if len(with_tag) < TAG_MIN_DAYS or len(without) < TAG_MIN_DAYS:
            continue
        m_with, m_without = sum(with_tag) / len(with_tag), sum(without) / len(without)
        result.append(
            (
                len(with_tag),
                f'On days you tagged "{clean_line(tag)}", your mood averaged {m_with:.1f}; '
                f"on other days, {m_without:.1f} ({len(with_tag)} days with it, "
                f"{len(without)} without).",
            )
        )
    result.sort(key=lambda item: -item[0])
    return [text for _, text in result]
