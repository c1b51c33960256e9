"""Reading history in steps: the recent months at once, then the last year, then everything.

Each longer step reads only the months not read yet and extends what is there
(`history_view.extend`), so ten years are aggregated once, not three times. No Textual here:
the history screen runs `read_older` in a worker and posts each step as a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.core.analysis.history_view import RECENT_DAYS, YEAR_DAYS, HistoryData, build, extend
from tui.core.analysis.insights import Vocabulary, vocabulary
from tui.core.analysis.stats import local_day, week_start

if TYPE_CHECKING:
    from tui.core.content import Content
    from tui.core.ports import StorePort
    from tui.core.records.models import CheckIn, Session

SLOP_DAYS = 2
"""Files are split by the date a record was stored with, charts by the local day: a record
stored near midnight in another time zone can fall a day either side. A step's seam lies at
least this far inside what was read before."""


@dataclass(frozen=True, slots=True)
class RecentRead:
    """The first step: what history shows on opening, and the records it was made from (the
    next step needs those near its seam)."""

    data: HistoryData
    words: Vocabulary
    checkins: list[CheckIn]
    sessions: list[Session]


def read_recent(store: StorePort, content: Content, today: date) -> RecentRead:
    """The recent months (enough for the month chart and every insight): a few milliseconds
    even with ten years stored. Raises ThawError when the store can't be read."""
    since = today - timedelta(days=RECENT_DAYS - 1)
    words = vocabulary(content)
    markers = store.markers()
    checkins = store.checkins(since=since, until=today)
    sessions = store.sessions(since=since, until=today)
    data = build(
        checkins,
        sessions,
        markers,
        today,
        valence=words.valence,
        names=words.names,
        practice_labels=words.practices,
        loaded_from=since,
    )
    return RecentRead(data, words, checkins, sessions)


def read_older(store: StorePort, recent: RecentRead) -> Iterator[HistoryData]:
    """The last year, then everything: each step reads only the months before the last one's
    start and yields the history extended by them. Raises ThawError when a read fails."""
    data = recent.data
    held_checkins, held_sessions = recent.checkins, recent.sessions
    for since in (data.today - timedelta(days=YEAR_DAYS - 1), None):
        loaded_from = data.loaded_from
        if loaded_from is None:
            return
        until = loaded_from - timedelta(days=1)
        cut = week_start(loaded_from + timedelta(days=SLOP_DAYS)) + timedelta(weeks=1)
        checkins = store.checkins(since=since, until=until)
        checkins += [c for c in held_checkins if local_day(c.at) < cut]
        sessions = store.sessions(since=since, until=until)
        sessions += [s for s in held_sessions if local_day(s.started_at) < cut]
        data = extend(
            data,
            checkins,
            sessions,
            cut=cut,
            valence=recent.words.valence,
            loaded_from=since,
        )
        held_checkins, held_sessions = checkins, sessions
        yield data
