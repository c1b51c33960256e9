"""Past entries: the detail names feelings; the delete and "when?" dialogs say what to do."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from tests.conftest import make_app
from tests.ui.helpers import screen_text, text_of
from tui.core.clock import FakeClock
from tui.screens.entries import AskWhen, ConfirmDelete, EntriesScreen


async def test_the_detail_shows_the_picked_feelings(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="entries")
    store.add_checkin(
        4, emotions=("numb", "cant_tell"), note="quiet", at=clock.now() - timedelta(hours=2)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EntriesScreen)
        assert "Feelings: numb, can't tell" in text_of(app, "#entry-detail")


async def test_only_y_deletes_any_other_key_keeps(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="entries")
    store.add_checkin(4, at=clock.now() - timedelta(hours=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("enter", "x", "escape", "n"):
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDelete)
            assert "y deletes it; any other key keeps it." in screen_text(app)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, EntriesScreen)
            assert len(store.recent_checkins(5)) == 1, key
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.recent_checkins(5) == []


async def test_the_when_dialog_is_whole_at_80x24_and_empty_enter_says_what_to_type(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AskWhen)
        question = app.screen.query_one("#when-question")
        assert "2026-11-02 08:30." in text_of(app, "#when-question")
        assert question.size.height >= 2  # wrapped, not cut
        field = app.screen.query_one("#when", Input)
        assert field.value == "" and field.placeholder.startswith("e.g. ")
        await pilot.press("enter")
        await pilot.pause()
        said = text_of(app, "#when-error")
        assert said.startswith("Type when it was first, for example yesterday 21:00")
        assert '""' not in said
