"""What keeps history quick with ten years: cached ranges, coalesced resizes, a true fast path."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import shared_content
from tests.history_data import LONDON, prepared_dir
from tests.ui.helpers import wait_for
from tests.ui.test_history import open_history, ready
from tui.core.analysis.history_charts import ChartSpec, daily_chart, practice_chart, range_chart
from tui.core.analysis.history_view import build
from tui.core.analysis.insights import vocabulary
from tui.core.clock import FakeClock
from tui.core.store import Store
from tui.screens.history import HistoryScreen
from tui.widgets import history_chart
from tui.widgets.chart_picture import Palette, _ansi_lines, _matrix_lines, _plot
from tui.widgets.history_chart import HistoryChart

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)
PALETTE = Palette(
    main=(136, 192, 208),
    muted=(128, 128, 128),
    good=(163, 190, 140),
    marker=(235, 203, 139),
    stack=((136, 192, 208), (180, 142, 173), (208, 135, 112), (163, 190, 140)),
    canvas=(30, 30, 30),
    text=(220, 220, 220),
)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten years of generated history, made once for this module."""
    return prepared_dir(tmp_path_factory.mktemp("ten") / "data", NOW)


async def settled(pilot: Pilot[None]) -> HistoryScreen:
    """Wait until everything is read and the other ranges are built in idle time."""

    def done() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, HistoryScreen) and screen.settled

    await wait_for(pilot, done, timeout=20, what="history to settle")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def test_reading_plotext_cells_gives_the_same_picture_as_its_ansi_text(ten_years: Path) -> None:
    """The fast path (plotext's cell matrix) must match plotext's own ANSI output exactly."""
    store = Store(ten_years, FakeClock(NOW))
    words = vocabulary(shared_content())
    today = NOW.date()
    data = build(
        store.checkins(until=today),
        store.sessions(until=today),
        store.markers(),
        today,
        valence=words.valence,
        names=words.names,
        practice_labels=words.practices,
    )
    specs: list[ChartSpec] = []
    for name in ("month", "all"):
        specs += [
            daily_chart(data, name, 62, "mood"),
            range_chart(data, name, 62),
            practice_chart(data, name, 62),
        ]
    for spec in specs:
        fast = _matrix_lines(_plot(spec, 71, 14, PALETTE))
        slow = _ansi_lines(_plot(spec, 71, 14, PALETTE), 71, 14)
        assert fast is not None
        assert [list(line) for line in fast] == [list(line) for line in slow], spec.title


async def test_once_settled_a_range_key_only_swaps_pictures(
    ten_years: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = open_history(ten_years, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settled(pilot)
        chart = screen.query_one(HistoryChart)
        drawn: list[object] = []
        real_draw = history_chart.draw

        def counting_draw(job: object) -> object:
            drawn.append(job)
            return real_draw(job)  # type: ignore[arg-type]

        monkeypatch.setattr(history_chart, "draw", counting_draw)
        for key in ("y", "a", "w", "m"):
            await pilot.press(key)
            # Drawn already in idle time: on screen as the key is handled, nothing is built.
            assert chart.painted and not chart.building, key
            assert screen.ready
        assert drawn == []


async def test_the_first_paint_needs_only_the_recent_months(
    ten_years: Path, clock: FakeClock
) -> None:
    app, _ = open_history(ten_years, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.data is not None
        assert "Mood, 1 to 10" in screen.query_one(HistoryChart).picture_text
        assert screen.query_one("#insight-text").render()  # insights are in the same paint
        screen = await settled(pilot)
        assert screen.data is not None and screen.data.complete


async def test_a_burst_of_resizes_draws_only_the_last_size(
    ten_years: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long settle time stands in for a quick drag, whatever the speed of this machine.
    monkeypatch.setattr(history_chart, "RESIZE_SETTLE", 1.0)
    app, _ = open_history(ten_years, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settled(pilot)
        chart = screen.query_one(HistoryChart)
        for size in ((100, 30), (120, 34), (140, 38), (160, 44)):
            await pilot.resize_terminal(*size)
            assert not chart.painted  # the old picture stays up, cropped; nothing is built yet
        screen = await ready(pilot)
        assert chart.size.width == 160
        built = {job.width for job in chart._cache}
        assert built == {80, 160}  # the opening size and the last one, none in between
