"""Past entries: browse newest first, edit, delete after a yes, fill in a missed day, conflicts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from tests.conftest import make_app, shared_content
from tests.ui.helpers import assert_drawn_literally, drawn_text, screen_text, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.store import Store
from tui.screens import merged_edit
from tui.screens.checkin import CheckInScreen
from tui.screens.entries import PAGE_ROWS, ConfirmDelete, EntriesScreen
from tui.widgets.conflict_dialog import ConflictDialog
from tui.widgets.mood_scale import MoodScale


def seeded(data_dir: Path, clock: FakeClock, days: int = 3) -> Store:
    """A store with one check-in a day for `days` days, mood = days ago (1, 2, 3...)."""
    store = Store(data_dir, clock)
    for days_ago in range(days, 0, -1):
        store.add_checkin(days_ago % 10 + 1, at=clock.now() - timedelta(days=days_ago))
    return store


def table(app: ThawApp) -> DataTable[object]:
    return app.screen.query_one("#entries", DataTable)


async def test_entries_are_listed_newest_first(data_dir: Path, clock: FakeClock) -> None:
    store = seeded(data_dir, clock)
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = [table(app).get_row_at(i) for i in range(table(app).row_count)]
        assert [str(r[0]) for r in rows] == [
            "yesterday 09:30",
            "Mon 23 Nov 09:30",
            "Sun 22 Nov 09:30",
        ]
        assert [str(r[1]) for r in rows] == ["2", "3", "4"]


async def test_enter_edits_an_entry_through_the_revision_check(
    data_dir: Path, clock: FakeClock
) -> None:
    store = seeded(data_dir, clock)
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one(MoodScale).value == 2
        await pilot.press("9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntriesScreen)
        assert str(table(app).get_row_at(0)[1]) == "9"
    newest = store.recent_checkins(1)[0]
    assert (newest.mood, newest.rev) == (9, 2)
    assert len(store.recent_checkins(10)) == 3


async def test_delete_asks_first_and_no_keeps_it(data_dir: Path, clock: FakeClock) -> None:
    store = seeded(data_dir, clock)
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        assert "Delete the check-in from yesterday 09:30 (mood 2)?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.recent_checkins(10)) == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert table(app).row_count == 2
    assert [c.mood for c in store.recent_checkins(10)] == [3, 4]


async def test_back_fill_a_missed_evening(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No entries yet" in text_of(app, "#entries-status")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"tomorrow", "enter")
        await pilot.pause()
        assert text_of(app, "#when-error")  # a sentence, not a traceback
        app.screen.query_one(Input).value = ""
        await pilot.press(*"yesterday 21:00", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "Filling in yesterday 21:00" in text_of(app, "#checkin-notice")
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntriesScreen)
        assert table(app).row_count == 1
    saved = store.recent_checkins(1)[0]
    assert saved.mood == 4
    assert saved.at.isoformat().startswith("2026-11-24T21:00")


async def test_an_edit_that_lost_a_race_shows_both_and_y_saves_mine(
    data_dir: Path, clock: FakeClock
) -> None:
    store = seeded(data_dir, clock, days=1)
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        # Meanwhile, in another SSH session:
        other = Store(data_dir, clock)
        other.update_checkin(other.recent_checkins(1)[0], mood=5, note="from the other window")
        note = app.screen.query_one("#note", TextArea)
        note.insert("my own words")
        await pilot.press("8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your mood: 8" in shown and "The other window's mood: 5" in shown
        assert "Your note: my own words" in shown
        assert "The other window's note: from the other window" in shown
        assert note.text == "my own words"
        stored = Store(data_dir, clock).recent_checkins(1)[0]
        assert (stored.mood, stored.note) == (5, "from the other window")
        # Only a deliberate y puts the person's version over it.
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, EntriesScreen))
        assert merged_edit.SAVED_YOURS in [n.message for n in app._notifications]
    stored = Store(data_dir, clock).recent_checkins(1)[0]
    assert (stored.mood, stored.note, stored.rev) == (8, "my own words", 3)


async def test_delete_of_an_entry_changed_elsewhere_is_refused(
    data_dir: Path, clock: FakeClock
) -> None:
    store = seeded(data_dir, clock, days=1)
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        other = Store(data_dir, clock)
        other.update_checkin(other.recent_checkins(1)[0], mood=5)
        await pilot.press("d", "y")
        await pilot.pause()
        assert "changed in another window, so it was not deleted" in text_of(app, "#entries-status")
        assert str(table(app).get_row_at(0)[1]) == "5"
    assert len(Store(data_dir, clock).recent_checkins(5)) == 1


async def test_older_months_load_as_you_scroll(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    # Three a day for 40 days: more than one page, spread over two months.
    for hours_ago in range(4, 40 * 24, 8):
        store.add_checkin(5, at=clock.now() - timedelta(hours=hours_ago))
    total = len(store.recent_checkins(1000))
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first_load = table(app).row_count
        assert PAGE_ROWS <= first_load < total
        for _ in range(first_load):
            await pilot.press("down")
        await pilot.pause()
        assert table(app).row_count == total


HOSTILE = (
    "plain words [bold]x[/] then [link=https://example.com]here[/link] and \x1b]52;c;aGk=\x07 end"
)
"""A note written to restyle the screen, open a link, or set the clipboard (OSC 52)."""


async def test_a_note_with_markup_is_drawn_literally_in_the_detail(
    data_dir: Path, clock: FakeClock
) -> None:
    """What is drawn, not what the widget was given: `[bold]x[/]` shows as typed, not bold."""
    store = Store(data_dir, clock)
    store.add_checkin(4, note=HOSTILE, at=clock.now() - timedelta(hours=3))
    app = ThawApp(store, shared_content(), clock, start="entries")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for(pilot, lambda: "plain words" in drawn_text(app), what="the detail")
        assert_drawn_literally(app, "[bold]x[/]", around="plain words")
        assert_drawn_literally(app, "[link=https://example.com]here[/link]", around="plain words")
        # The clipboard sequence is taken out whole (cleaned on save and on the way out).
        assert_drawn_literally(app, "and  end", around="plain words")
        assert "52;c;" not in drawn_text(app)
