"""The history screen as a person uses it: ranges, views, calendar, insights, hint, markers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.conftest import shared_content
from tests.history_data import LONDON, prepared_dir
from tests.ui.helpers import assert_drawn_literally, drawn_text, wait_for, wait_for_screen
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.store import Store
from tui.screens.history import HistoryScreen
from tui.screens.history_markers import MarkerForm, MarkersDialog
from tui.widgets.calendar_view import CalendarView, month_labels
from tui.widgets.history_chart import HistoryChart


def open_history(data_dir: Path, clock: FakeClock) -> tuple[ThawApp, Store]:
    store = Store(data_dir, clock)
    return ThawApp(store, shared_content(), clock, start="history"), store


async def ready(pilot: Pilot[None]) -> HistoryScreen:
    """Wait (briefly, in real time) until history has loaded everything and painted."""

    def painted() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, HistoryScreen) and screen.ready

    await wait_for(pilot, painted, what="history to finish painting")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def text(screen: HistoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def add_week(store: Store, clock: FakeClock) -> None:
    """Seven days, one or two check-ins a day: too little for any insight."""
    now = clock.now()
    for days_back, moods in enumerate(((6, 7), (5,), (4, 6), (7,), (3,), (6, 8), (5,))):
        for hour, mood in zip((8, 20), moods, strict=False):
            day = (now - timedelta(days=days_back)).date()
            at = datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)
            if at <= now:
                store.add_checkin(mood, feel=mood - 2, at=at)


async def test_an_empty_history_says_so_kindly(data_dir: Path, clock: FakeClock) -> None:
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert "Nothing here yet, and that is fine." in screen.query_one(HistoryChart).picture_text
        assert "what stands out will show here" in text(screen, "#insight-text")
        assert not screen.query_one("#hint").has_class("-shown")
        await pilot.press("y", "3", "5")  # every key still works with nothing to show
        assert screen.view == "calendar"
        assert "no check-in" in str(screen.query_one(CalendarView).render())


async def test_one_week_draws_the_mood_chart_without_insights(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        chart = screen.query_one(HistoryChart)
        assert "Mood, 1 to 10" in chart.picture_text
        assert chart.spec is not None and len(chart.spec.series[0].xs) == 7
        # Seven days is too little to compare weeks or to name patterns: no insight appears.
        assert screen.data is not None and screen.data.insights == []
        assert "·" not in text(screen, "#insight-text")


async def test_range_keys_switch_the_stretch_of_time(data_dir: Path, clock: FakeClock) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.range == "month"
        assert "last 30 days" in text(screen, "#bar")
        for key, name, label in (
            ("w", "week", "last 7 days"),
            ("y", "year", "last year"),
            ("a", "all", "all time"),
            ("m", "month", "last 30 days"),
        ):
            await pilot.press(key)
            screen = await ready(pilot)
            assert screen.range == name
            assert label in text(screen, "#bar")
            spec = screen.query_one(HistoryChart).spec
            assert spec is not None
        await pilot.press("w")
        await ready(pilot)
        spec = screen.query_one(HistoryChart).spec
        assert spec is not None and spec.x_max == 6.0  # seven days: offsets 0 to 6


async def test_view_keys_and_arrows_walk_through_the_views(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        # The week's check-ins name no feelings: the range view says so in a sentence.
        titles = {"2": "How much you could feel", "3": "No feelings named in this stretch yet."}
        for key, title in titles.items():
            await pilot.press(key)
            await ready(pilot)
            assert title in screen.query_one(HistoryChart).picture_text
        await pilot.press("4")  # no practice yet: a sentence instead of an empty chart
        await ready(pilot)
        assert "No practice in this stretch yet." in screen.query_one(HistoryChart).picture_text
        views = []
        for key in ("right", "right", "left"):
            await pilot.press(key)
            views.append(screen.view)
        assert views == ["calendar", "mood", "calendar"]


async def test_ten_years_fit_the_chart_width(tmp_path: Path, clock: FakeClock) -> None:
    data_dir = prepared_dir(tmp_path / "data", clock.now())
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        # The month view paints from the recent months alone; all time waits for the rest.
        assert screen.data is not None and screen.data.checkin_count < 1_000
        await pilot.press("a")
        screen = await ready(pilot)
        assert screen.data is not None and screen.data.checkin_count > 10_000
        chart = screen.query_one(HistoryChart)
        spec = chart.spec
        assert spec is not None
        assert len(spec.series[0].xs) <= chart.size.width  # bucketed to fit
        assert {t.label for t in spec.ticks} >= {"2016", "2026"}
        assert len(spec.markers) == 5
        strip = text(screen, "#markers")
        # As many whole markers as 78 columns hold, newest last, never one cut in two.
        assert strip == "│ 25 Jul 2023 changed dose   │ 24 Mar 2025 new job   (+3 earlier)"
        # Plenty of data: the insights appear, each a plain sentence.
        insight_text = text(screen, "#insight-text")
        assert insight_text.startswith("· ")
        assert "Your mood this week averaged" in insight_text
        assert "streak" not in insight_text.lower()


async def test_resizing_redraws_at_the_new_width(tmp_path: Path, clock: FakeClock) -> None:
    data_dir = prepared_dir(tmp_path / "data", clock.now())
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("y")
        await ready(pilot)
        narrow = screen.query_one(HistoryChart).spec
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        screen = await ready(pilot)
        wide = screen.query_one(HistoryChart).spec
        assert narrow is not None and wide is not None
        assert len(wide.series[0].xs) > len(narrow.series[0].xs)
        await pilot.press("a")
        await ready(pilot)
        assert "started therapy" in text(screen, "#markers")  # room for more whole markers
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        strip = text(screen, "#markers")
        assert "started therapy" not in strip and strip.endswith("new job   (+3 earlier)")


async def test_calendar_uses_shades_without_colour(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("5")
        drawn = str(screen.query_one(CalendarView).render())
        assert "■" not in drawn
        # Moods this week include 3 (░), 4-5 (▒), 6-7 (▓); days before are "·".
        assert "▒" in drawn and "▓" in drawn and "·" in drawn
        assert "░ mood 1-3" in drawn


async def test_calendar_in_colour_uses_one_glyph(data_dir: Path, clock: FakeClock) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("5")
        drawn = str(screen.query_one(CalendarView).render())
        assert "■" in drawn and "▓" not in drawn


async def test_low_feel_for_two_weeks_points_gently_to_the_plan(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = open_history(data_dir, clock)
    now = clock.now()
    for days_back in range(10):
        store.add_checkin(4, feel=1, at=now - timedelta(days=days_back, hours=1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        hint = screen.query_one("#hint")
        assert hint.has_class("-shown")
        assert "How much you can feel has stayed low" in text(screen, "#hint")
        await pilot.press("x")
        await pilot.pause()
        assert not hint.has_class("-shown")
        assert store.settings().plan_hint_dismissed_on == "2026-12-09"
    # Opened again the same week, the hint stays away.
    app, store = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert not screen.query_one("#hint").has_class("-shown")


async def test_p_opens_the_plan(data_dir: Path, clock: FakeClock) -> None:
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("p")
        await wait_for_screen(pilot, "PlanScreen")
        assert type(app.screen).__name__ == "PlanScreen"


async def test_markers_can_be_added_edited_and_deleted(data_dir: Path, clock: FakeClock) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, MarkersDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MarkerForm)
        app.screen.query_one("#text", Input).value = "started therapy"
        app.screen.query_one("#when", Input).value = "3 days ago"
        app.screen.query_one("#text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        (marker,) = store.markers()
        assert marker.text == "started therapy"
        assert marker.at.date() == (clock.now() - timedelta(days=3)).date()
        assert isinstance(app.screen, MarkersDialog)

        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MarkerForm)
        form.query_one("#text", Input).value = "started CBT"
        form.query_one("#text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        (edited,) = store.markers()
        assert edited.text == "started CBT" and edited.at == marker.at

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # changed my mind: nothing is deleted
        await pilot.pause()
        assert len(store.markers()) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.markers() == []

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen) and app.screen is screen


async def test_a_marker_without_words_is_refused_in_a_sentence(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("k", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MarkerForm)
        form.query_one("#when", Input).value = "next week"
        form.query_one("#text", Input).value = "moved house"
        form.query_one("#text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        # A marker is for something that has happened: a time ahead is told as still to come.
        assert str(form.query_one("#error", Static).render()).startswith(
            '"next week" is still to come. A marker can be for now or any time before;'
        )
        assert store.markers() == []
        form.query_one("#when", Input).value = "today"
        form.query_one("#text", Input).value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert "A marker needs a few words" in str(form.query_one("#error", Static).render())
        assert store.markers() == []


async def test_a_new_marker_shows_on_the_chart(data_dir: Path, clock: FakeClock) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("k", "n")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "new job"
        app.screen.query_one("#text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        screen = await ready(pilot)
        spec = screen.query_one(HistoryChart).spec
        assert spec is not None and [m.label for m in spec.markers] == ["new job"]
        assert "new job" in text(screen, "#markers")


async def test_escape_goes_back(data_dir: Path, clock: FakeClock) -> None:
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HistoryScreen), what="leaving")
        assert not isinstance(app.screen, HistoryScreen)


async def test_help_lists_each_history_key_once_in_words(data_dir: Path, clock: FakeClock) -> None:
    """F1 on history: "1 to 5" once (not 1, 2, 3... again), ← and → on one line, no scrolling."""
    from tui.screens.help import collect_keys

    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        rows = collect_keys(pilot.app.screen)
        keys = [key for key, _ in rows]
        # No plan suggestion on screen, so x (put it away) can't act and is not offered.
        assert keys == ["1 to 5", "← / →", "w m y a", "k", "p", "t", "f"]
        words = " ".join(description for _, description in rows).lower()
        assert "scroll" not in words
        assert ("w m y a", "The last 7 days, 30 days, year, or all time") in rows


async def test_help_offers_x_while_the_plan_suggestion_shows(
    data_dir: Path, clock: FakeClock
) -> None:
    from tui.screens.help import collect_keys

    app, store = open_history(data_dir, clock)
    now = clock.now()
    for days_back in range(10):
        store.add_checkin(4, feel=1, at=now - timedelta(days=days_back, hours=1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.query_one("#hint").has_class("-shown")
        rows = collect_keys(screen)
        assert [key for key, _ in rows] == ["1 to 5", "← / →", "w m y a", "k", "p", "x", "t", "f"]
        assert ("x", "Put the plan suggestion away for two weeks") in rows


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_calendar_labels_every_month_of_the_year(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """Over a year ending in late November: Dec to Nov, each once, in order (Dec was skipped)."""
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("5")
        await pilot.pause()
        label_row = str(screen.query_one(CalendarView).render()).splitlines()[0]
        months = label_row.split()
        assert months == [f"{date(2000, m, 1):%b}" for m in (12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)]


def test_month_labels_name_every_month_whose_first_monday_shows() -> None:
    from tui.core.analysis.stats import week_start

    for offset in range(0, 400, 3):  # a year of Mondays ending on many different days
        end = week_start(date(2025, 1, 1) + timedelta(days=offset))
        mondays = [end - timedelta(weeks=52 - i) for i in range(53)]
        for cell, width in ((1, 56), (2, 190)):
            row = month_labels(mondays, cell, width)
            firsts = [m for i, m in enumerate(mondays) if i and m.month != mondays[i - 1].month]
            assert [w for w in row.split()][-len(firsts) :] == [f"{m:%b}" for m in firsts]
            assert len(row) <= width


async def test_a_marker_with_markup_is_drawn_literally(data_dir: Path, clock: FakeClock) -> None:
    """The markers line as drawn: `[bold]x[/]` and a `[link=...]` show as typed."""
    store = Store(data_dir, clock)
    store.add_checkin(5, at=clock.now() - timedelta(days=2))
    store.add_marker(
        "walk [bold]x[/] [link=https://example.com]here[/link]",
        at=clock.now() - timedelta(days=1),
    )
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: "walk" in drawn_text(app), what="the markers line")
        assert_drawn_literally(app, "[bold]x[/]", around="walk")
        assert_drawn_literally(app, "[link=https://example.com]here[/link]", around="walk")
