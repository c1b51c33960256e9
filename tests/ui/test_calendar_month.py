"""History's calendar has a month as well as the year: m opens it, a day shows its entries, and
w or a say why they do nothing there."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Static

from tests.ui.test_history import open_history, ready
from tui.core.clock import FakeClock
from tui.widgets.calendar_month import (
    WHY_NOT_ON_CALENDAR,
    CalendarMonth,
    add_months,
    month_grid,
)


def shown(app: object, selector: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one(selector, Static).render())


def test_a_month_grid_starts_on_monday_and_leaves_other_months_blank() -> None:
    weeks = month_grid(2026, 11)  # 1 November 2026 is a Sunday
    assert weeks[0][:6] == [None] * 6 and weeks[0][6] == date(2026, 11, 1)
    assert weeks[-1][0] == date(2026, 11, 30) and weeks[-1][1:] == [None] * 6
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


async def test_m_on_the_calendar_opens_the_month_and_enter_shows_a_day(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = open_history(data_dir, clock)
    yesterday = clock.now() - timedelta(days=1)
    store.add_checkin(3, feel=1, emotions=("numb",), note="long [b]day[/b]", at=yesterday)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, CalendarMonth)
        grid = shown(app, "#month-grid")
        assert "November 2026" in grid and "[25]" in grid  # today is chosen
        await pilot.press("right")  # never into days still to come
        await pilot.pause()
        assert "[25]" in shown(app, "#month-grid")
        await pilot.press("left", "enter")
        await pilot.pause()
        said = shown(app, "#month-day")
        assert "Tue 24 Nov" in said
        assert "mood 3, feel 1 · numb · long [b]day[/b]" in said  # the note as typed
        await pilot.press("left", "enter")
        await pilot.pause()
        assert "no check-in that day" in shown(app, "#month-day")
        await pilot.press("pageup")
        await pilot.pause()
        assert "October 2026" in shown(app, "#month-grid")
        await pilot.press("pagedown", "pagedown")  # not past this month
        await pilot.pause()
        assert "November 2026" in shown(app, "#month-grid")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.view == "calendar"  # type: ignore[attr-defined]


async def test_w_and_a_on_the_calendar_say_why_instead_of_jumping(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = open_history(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        for key in ("w", "a", "y"):
            await pilot.press(key)
            await pilot.pause()
            assert screen.view == "calendar"
        messages = [n.message for n in app._notifications]
        assert messages == [WHY_NOT_ON_CALENDAR, WHY_NOT_ON_CALENDAR]
