"""Past entries: / searches every month by words, #tags and feelings; Esc clears it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.conftest import shared_content
from tests.ui.helpers import text_of
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.store import Store


def _store(data_dir: Path, clock: FakeClock) -> Store:
    store = Store(data_dir, clock)
    now = clock.now()
    store.add_checkin(4, emotions=("numb",), note="flat at the office", tags=("work",),
                      at=now - timedelta(days=400))  # fmt: skip
    store.add_checkin(6, emotions=("calm",), note="walked by the river", at=now - timedelta(days=3))
    store.add_checkin(5, note="tea with Sam", tags=("friends", "work"), at=now - timedelta(days=1))
    return store


def _shown(box: Input) -> bool:
    """Whether the search line is on screen now (a call, so each check reads it afresh)."""
    return bool(box.display)


def _moods(app: ThawApp) -> list[str]:
    table = app.screen.query_one("#entries", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_typing_filters_by_words_tags_and_feelings(data_dir: Path, clock: FakeClock) -> None:
    app = ThawApp(_store(data_dir, clock), shared_content(), clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        box = app.screen.query_one("#entries-search", Input)
        assert box.has_focus and _shown(box)
        intro = app.screen.query_one("#entries-intro")
        assert not intro.display  # its lines go to the matches while searching
        await pilot.press(*"river")
        assert _moods(app) == ["6"]
        assert text_of(app, "#entries-status") == '1 entry matches "river".'
        box.value = "#work"
        await pilot.pause()
        assert _moods(app) == ["5", "4"]  # the one from last year too: every month is searched
        box.value = "numb"
        await pilot.pause()
        assert _moods(app) == ["4"]
        box.value = "zebra"
        await pilot.pause()
        assert _moods(app) == []
        assert "Nothing matches" in text_of(app, "#entries-status")
        await pilot.press("escape")  # clears the search, back to the list
        assert not _shown(box) and box.value == ""
        assert bool(intro.display)
        assert app.screen.query_one("#entries", DataTable).has_focus
        assert _moods(app) == ["5", "6", "4"]  # the whole list again, newest first
        assert text_of(app, "#entries-status") == ""


async def test_enter_in_the_search_goes_to_the_matches_to_edit_them(
    data_dir: Path, clock: FakeClock
) -> None:
    from tui.screens.checkin import CheckInScreen

    app = ThawApp(_store(data_dir, clock), shared_content(), clock, start="entries")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("slash", *"tea", "enter")
        assert app.screen.query_one("#entries", DataTable).has_focus
        assert _moods(app) == ["5"]
        await pilot.press("enter")
        assert isinstance(app.screen, CheckInScreen)
