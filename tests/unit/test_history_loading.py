"""History read in steps (recent months, last year, everything) equals one read of it all."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.history_data import LONDON, NEW_YORK, fill, generate
from tui.core.analysis.history_view import RECENT_DAYS, YEAR_DAYS, HistoryData, build
from tui.core.analysis.insights import vocabulary
from tui.core.clock import FakeClock
from tui.core.content import Content
from tui.core.store import Store
from tui.screens.history_loading import read_older, read_recent

END = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)


def read_at_once(store: Store, content: Content, since: object) -> HistoryData:
    words = vocabulary(content)
    today = END.date()
    return build(
        store.checkins(since=since, until=today),  # type: ignore[arg-type]
        store.sessions(since=since, until=today),  # type: ignore[arg-type]
        store.markers(),
        today,
        valence=words.valence,
        names=words.names,
        practice_labels=words.practices,
        loaded_from=since,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("days", [30, 200, 800])
def test_each_step_extends_to_what_one_read_would_give(tmp_path: Path, days: int) -> None:
    """Days and weeks at the seams (mid-week, some check-ins made abroad) are neither lost nor
    counted twice: each step equals aggregating everything it covers in one go."""
    store = Store(tmp_path / "data", FakeClock(END))
    fill(store, generate(END, days=days, seed=3))
    # Late evenings in New York on the day before each seam: stored that day, the next in London.
    for back in (RECENT_DAYS, YEAR_DAYS):
        day = END.date() - timedelta(days=back)
        if back < days:
            at = datetime(day.year, day.month, day.day, 23, 30, tzinfo=NEW_YORK)
            store.add_checkin(2, feel=1, emotions=["numb"], at=at)
    content = Content()
    today = END.date()
    recent = read_recent(store, content, today)
    assert recent.data == read_at_once(store, content, today - timedelta(days=RECENT_DAYS - 1))
    steps = list(read_older(store, recent))
    assert len(steps) == 2
    assert steps[0] == read_at_once(store, content, today - timedelta(days=YEAR_DAYS - 1))
    assert steps[1] == read_at_once(store, content, None)
    assert steps[1].complete and steps[1].checkin_count == len(store.checkins())
