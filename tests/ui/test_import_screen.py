"""The in-app Import place: a path, what would be added, each unknown mood placed with a digit."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.conftest import make_app
from tests.ui.helpers import text_of
from tests.ui.test_app_palette import top_hit
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.exchange import journal
from tui.core.exchange.plan import _records
from tui.core.exchange.session import prepare
from tui.screens.import_file import ImportScreen

DATA = Path(__file__).parent.parent / "data"


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app run until `condition` holds (workers and timers included)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        await pilot.pause()


async def open_import(app: ThawApp, pilot: Pilot[None]) -> ImportScreen:
    await until(pilot, lambda: app.screen.__class__.__name__ == "HomeScreen")
    await pilot.press("f")  # home's menu: f Import
    await until(pilot, lambda: isinstance(app.screen, ImportScreen))
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    return screen


async def test_a_custom_mood_is_placed_with_a_digit_and_the_file_imported(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        await pilot.press(*str(DATA / "daylio_custom_moods.csv"), "enter")
        await until(pilot, lambda: screen.state == "moods")
        assert "is a Daylio CSV export" in text_of(app, "#import-status")
        assert 'Mood 1 of 2: "super" (1 entry)' in text_of(app, "#import-question")
        await pilot.press("0")  # 0 means 10
        assert 'Mood 2 of 2: "tired" (2 entries)' in text_of(app, "#import-question")
        assert store.checkins() == []  # nothing written while asking
        await pilot.press("4")
        await until(pilot, lambda: screen.state == "confirm")
        assert "It would add 4 check-ins. Press Enter to add it." in text_of(app, "#import-status")
        assert store.checkins() == []
        await pilot.press("enter")
        await until(pilot, lambda: screen.state == "done")
        assert "Added 4 check-ins" in text_of(app, "#import-status")
    assert [c.mood for c in store.checkins()] == [4, 8, 4, 10]  # Tired, good, tired, super


async def test_the_palette_finds_import(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await top_hit(app, "import") == "Import"


async def test_a_second_import_of_the_same_file_adds_nothing(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        await pilot.press(*str(DATA / "daylio_backup.daylio"), "enter")
        await until(pilot, lambda: screen.state == "confirm")
        assert "a Daylio backup" in text_of(app, "#import-status")
        await pilot.press("enter")
        await until(pilot, lambda: screen.state == "done")
        await pilot.press("enter")  # Enter again: another file (here, the same one)
        await until(pilot, lambda: screen.state == "path")
        await pilot.press("enter")
        await until(pilot, lambda: screen.state == "done")
        assert "Nothing new to add (4 already here)" in text_of(app, "#import-status")
    assert len(store.checkins()) == 4


async def test_a_wrong_path_is_said_plainly_and_can_be_typed_again(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        await pilot.press(*str(tmp_path / "nope.csv"), "enter")
        await until(pilot, lambda: "There's no file at" in text_of(app, "#import-status"))
        assert screen.state == "path"
        assert "Nothing was imported." in text_of(app, "#import-status")
        await pilot.press("x")  # typing goes to the path again
        assert screen.query_one("#import-path").value.endswith("nope.csvx")  # type: ignore[attr-defined]
    assert store.checkins() == []


async def test_the_question_stays_in_view_at_40_by_12(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await open_import(app, pilot)
        await pilot.press(*str(DATA / "daylio_many_moods.csv"), "enter")
        await until(pilot, lambda: screen.state == "moods")
        question = screen.query_one("#import-question")
        await until(pilot, lambda: question.region.y > 0 and question.region.bottom <= 11)
        assert 'Mood 1 of 14: "content"' in text_of(app, "#import-question")


async def test_a_cut_short_import_is_named_and_finished_with_ctrl_f(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock)
    prepared = prepare(
        store, str(DATA / "daylio_old_english.csv"), wanted=None, mood_map={},
        reference=clock.now().tzinfo, now=clock.now(),
    )  # fmt: skip
    name = "daylio_old_english.csv"
    entry = journal.begin(data_dir, name, "4 check-ins", _records(prepared.plan))
    store.add_checkins(prepared.plan.checkins[:2])  # the kill came after two months
    entry.release()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        assert "was cut short" in text_of(app, "#import-status")
        await pilot.press("ctrl+f")
        await until(pilot, lambda: "Finished the import" in text_of(app, "#import-status"))
        assert screen.state == "path"
    assert len(store.checkins()) == 4
    assert journal.pending(data_dir) == []


async def test_home_says_when_an_import_was_cut_short(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock)
    prepared = prepare(
        store, str(DATA / "daylio_old_english.csv"), wanted=None, mood_map={},
        reference=clock.now().tzinfo, now=clock.now(),
    )  # fmt: skip
    journal.begin(data_dir, "daylio.csv", "4 check-ins", _records(prepared.plan)).release()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#banner")))
        banner = text_of(app, "#banner")
        assert "An import of daylio.csv (4 check-ins) was cut short" in banner
        assert "press f, then Ctrl+F" in banner
