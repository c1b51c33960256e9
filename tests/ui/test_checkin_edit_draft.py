"""An unfinished edit (a draft of a change to an entry) finds its entry by id however old it
is; when the entry was deleted in another window the person is told and chooses."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widgets import TextArea

from tests.conftest import shared_content
from tests.ui.helpers import text_of
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import CheckIn, Draft, NewCheckIn
from tui.core.store import Store
from tui.screens.checkin import CheckInScreen

LONDON = ZoneInfo("Europe/London")


def old_entry_under_years_of_history(store: Store, clock: FakeClock) -> CheckIn:
    """An entry from 2019, then 2,500 newer ones: it is far beyond the 2,000 most recent."""
    (old,) = store.add_checkins(
        [NewCheckIn(at=datetime(2019, 3, 4, 8, 0, tzinfo=LONDON), mood=3, note="long ago")]
    )
    start = clock.now() - timedelta(days=900)
    store.add_checkins(NewCheckIn(at=start + timedelta(hours=8 * i), mood=6) for i in range(2500))
    return old


def edit_draft(store: Store, clock: FakeClock, entry: CheckIn, note: str) -> None:
    store.save_draft(Draft(saved_at=clock.now(), mood=entry.mood, note=note, editing_id=entry.id))


async def test_a_draft_of_an_edit_to_an_old_entry_changes_that_entry(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    old = old_entry_under_years_of_history(store, clock)
    edit_draft(store, clock, old, "long ago, and I remember it better now")
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CheckInScreen())  # the check-in picks up the draft
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "changing the entry from" in str(app.screen.sub_title)
        await pilot.press("enter")
        await pilot.pause()
    again = Store(data_dir, clock)
    assert again.checkin(old.id) is not None
    changed = again.checkin(old.id)
    assert changed is not None and changed.note == "long ago, and I remember it better now"
    assert changed.at == old.at and changed.rev == 2
    assert len(again.checkins()) == 2501  # changed in place: no duplicate dated now
    assert again.draft() is None


async def test_a_draft_whose_entry_was_deleted_elsewhere_is_told_and_esc_lets_it_go(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    entry = store.add_checkin(4, note="first words")
    edit_draft(store, clock, entry, "second thoughts")
    Store(data_dir, clock).delete_checkin(entry)  # another window
    app = ThawApp(store, shared_content(), clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = text_of(app, "#checkin-status")
        assert "was deleted in another window" in status
        assert "Enter saves them as a new entry, Esc lets them go" in status
        assert app.screen.query_one("#note", TextArea).text == "second thoughts"
        await pilot.press("escape")
        await pilot.pause()
    after = Store(data_dir, clock)
    assert after.draft() is None  # as said: nothing kept
    assert after.checkins() == []


async def test_a_draft_whose_entry_was_deleted_elsewhere_can_be_saved_as_new(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    entry = store.add_checkin(4, note="first words")
    edit_draft(store, clock, entry, "second thoughts")
    Store(data_dir, clock).delete_checkin(entry)
    app = ThawApp(store, shared_content(), clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    (saved,) = Store(data_dir, clock).checkins()
    assert saved.id != entry.id and saved.note == "second thoughts"


async def test_after_deleted_in_another_window_esc_keeps_no_draft(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    entry = store.add_checkin(4, note="first words")
    app = ThawApp(store, shared_content(), clock, start="entries")
    app_screen = CheckInScreen(editing=entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(app_screen)
        await pilot.pause()
        Store(data_dir, clock).delete_checkin(entry)  # meanwhile, in another window
        app_screen.query_one("#note", TextArea).insert(" and more")
        await pilot.press("enter")
        await pilot.pause()
        status = text_of(app, "#checkin-status")
        assert "This entry was deleted in another window" in status
        assert "Esc leaves it deleted" in status
        await pilot.press("escape")
        await pilot.pause()
    after = Store(data_dir, clock)
    assert after.draft() is None
    assert after.checkins() == []
