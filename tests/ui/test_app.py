"""The app shell: home, registry, help, palette, settings, banners, window sizes, support key."""

from __future__ import annotations

import ast
import dataclasses
import gc
import shutil
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

from tests.conftest import make_app, shared_content
from tests.ui.helpers import (
    plain,
    screen_text,
    text_of,
    wait_for,
    wait_for_screen,
    wait_for_workers,
)
from tui import startup_gc
from tui.app import ThawApp
from tui.commands import ThawCommands
from tui.core.clock import FakeClock
from tui.core.content import Content, default_root
from tui.core.problems import Problem
from tui.core.records.models import Draft
from tui.core.store import Store
from tui.screens import SCREENS, ScreenInfo
from tui.screens.base import ThawScreen
from tui.screens.help import HelpScreen
from tui.screens.home import spark_rows
from tui.screens.too_small import TooSmallScreen


class FakeSupportScreen(ThawScreen):
    """Stands in for the care engineer's support screen, so the F2 path is tested on its own."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("support here", id="fake-support")


@pytest.fixture
def fake_support(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        SCREENS,
        "support",
        ScreenInfo(__name__, "FakeSupportScreen", "Support", "s", "People and lines"),
    )


def test_registry_names_every_screen_with_its_owner_module() -> None:
    names = {
        "home", "checkin", "entries", "help", "breathe", "meditate", "ground",
        "history", "ideas", "plan", "support", "settings",
        "safety_plan", "what_helps", "about", "reflection",
        "import_file",
    }  # fmt: skip
    assert set(SCREENS) == names
    for name, info in SCREENS.items():
        assert info.module == f"tui.screens.{name}"
        assert info.class_name.endswith("Screen")


async def test_home_says_no_check_in_yet_kindly(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        today = text_of(app, "#today")
        assert "No check-in yet today" in today
        assert "streak" not in today.lower()


async def test_home_shows_todays_check_in_recent_entries_and_sparkline(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    for days_ago, mood in [(3, 4), (2, 5), (1, 6)]:
        store.add_checkin(mood, at=clock.now() - timedelta(days=days_ago), note="[bold]x[/]")
    store.add_checkin(7, emotions=("numb",))
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "You checked in today at 09:30 (mood 7)" in text_of(app, "#today")
        recent = text_of(app, "#recent")
        assert "numb" in recent
        assert "[bold]x[/]" in recent  # shown literally, not as bold markup
        # Moods 4, 5, 6, 7 on a fixed 1-10 scale: rising bars, all four days drawn.
        assert text_of(app, "#spark") == spark_rows([4, 5, 6, 7])
        assert app.screen.query_one("#spark", Static).display


def test_spark_rows_draw_moods_on_a_fixed_scale_in_two_rows() -> None:
    top, bottom = spark_rows([1, 10, 5.5], width=3).split("\n")
    assert bottom == "▁██"  # 1 is the lowest bar; 5.5 fills the lower row
    assert top == " █▁"
    assert spark_rows([], width=10) == ""
    top, bottom = spark_rows([1, 10], width=56).split("\n")
    assert len(bottom) == 6  # at most three columns a day, so a few days stay narrow


async def test_home_shows_a_check_in_made_from_it_on_return(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for_screen(pilot, "HomeScreen")
        assert type(app.screen).__name__ == "HomeScreen"
        assert "You checked in today at 09:30 (mood 7)" in text_of(app, "#today")
        assert "mood  7" in text_of(app, "#recent")
        assert app.screen.query_one("#home-body").has_focus  # arrows still scroll


async def test_the_home_menu_never_wraps_two_columns_when_narrow(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        assert len(text_of(app, "#menu").strip().splitlines()) == 7  # 13 places, 2 a row
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: len(text_of(app, "#menu").strip().splitlines()) == 5)
        lines = text_of(app, "#menu").strip().splitlines()
        assert len(lines) == 5 and "Meditate" in lines[0]  # 3 a row


async def test_a_covered_screen_waits_for_its_layout_and_gets_it_when_shown_again(
    data_dir: Path, clock: FakeClock
) -> None:
    """Under an opaque screen, home is not laid out on every resize (history's resizes paid for
    it), yet after a resize it comes back laid out for the new size."""
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        menu = home.query_one("#menu")
        wide = menu.size.width
        assert len(text_of(app, "#menu").strip().splitlines()) == 5
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen is not home, what="support to open")
        assert app.screen is not home
        assert app._background_screens == []
        await pilot.resize_terminal(50, 24)
        await wait_for(pilot, lambda: app.screen.size.width == 50, what="the new size")
        assert menu.size.width == wide  # not laid out while covered
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is home and menu.size.width < wide)
        assert app.screen is home
        assert menu.size.width < wide
        assert len(text_of(app, "#menu").strip().splitlines()) == 7


async def test_home_reads_only_four_weeks_and_checks_files_off_the_main_thread(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Years of history cost home nothing before its first paint."""
    store = Store(data_dir, clock)
    store.add_checkin(5, at=clock.now() - timedelta(days=800))
    ranges: list[tuple[object, object]] = []
    checked_in: list[str] = []
    real_checkins = store.checkins

    def checkins(since: object = None, until: object = None) -> object:
        ranges.append((since, until))
        return real_checkins(since=since, until=until)  # type: ignore[arg-type]

    class Spy(Store):
        @property
        def problems(self) -> list[Problem]:
            checked_in.append(threading.current_thread().name)
            return []

    monkeypatch.setattr(store, "checkins", checkins)
    monkeypatch.setattr(store, "__class__", Spy)
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(checked_in), what="home's background read")
    four_weeks_ago = clock.now().date() - timedelta(days=27)
    assert ranges and all(since == four_weeks_ago for since, _ in ranges)
    assert checked_in and threading.main_thread().name not in checked_in


async def test_low_moods_bring_one_calm_line_pointing_to_support(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    for hours_ago, mood in [(50, 6), (40, 2), (30, 1), (20, 5), (10, 2)]:
        store.add_checkin(mood, at=clock.now() - timedelta(hours=hours_ago))
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#low-line", Static)
        assert line.display
        assert "press s or F2" in plain(line.content)


async def test_no_support_line_when_only_one_low_mood(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    for hours_ago, mood in [(30, 1), (20, 5), (10, 6)]:
        store.add_checkin(mood, at=clock.now() - timedelta(hours=hours_ago))
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#low-line")


async def test_home_offers_an_unfinished_draft(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_draft(Draft(saved_at=clock.now() - timedelta(hours=12), mood=4, note="half"))
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        draft = text_of(app, "#draft")
        assert "unfinished check-in from yesterday 21:30" in draft
        assert "Press c to pick it up" in draft


async def _wait_for_banner(app: ThawApp, pilot: Any) -> None:
    """The file check runs just after the first paint: wait for it (up to 5 s when busy)."""
    await wait_for(pilot, lambda: bool(app.screen.query("#banner")), what="the banner")


async def test_read_only_store_shows_a_banner_and_other_problems_plainly(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock)
    store.read_only = True
    store.problems.append(
        Problem(data_dir / "settings.json", "Your settings could not be read; defaults for now.")
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_banner(app, pilot)
        banner = text_of(app, "#banner")
        assert "Thaw can't save right now" in banner
        assert "Your past entries are safe." in banner
        assert "Your settings could not be read; defaults for now." in banner
        assert "Press r" not in banner


async def test_a_damaged_month_gets_one_calm_sentence_and_r_puts_the_backup_back(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    first = store.add_checkin(5)
    clock.set_now(clock.now() + timedelta(days=1))
    later = store.add_checkin(6)  # the first save of a day backs up the file as it was
    rel = f"checkins/{first.at.strftime('%Y-%m')}.json"
    if later.at.strftime("%Y-%m") != first.at.strftime("%Y-%m"):
        pytest.skip("the fake clock's two days straddle a month")
    (data_dir / rel).write_bytes(b'{"checkins": ')
    app, opened = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_banner(app, pilot)
        banner = text_of(app, "#banner")
        month = first.at.strftime("%B %Y")
        assert f"Thaw couldn't read your check-ins for {month}" in banner
        assert "Press r to put back the backup of" in banner
        assert "(1 check-in), merged with anything saved since." in banner
        # No path twice, no jargon, no literal backticks, one name for the command.
        assert banner.count(rel) == 0 and "JSON" not in banner and "`" not in banner
        assert "python -m tui" not in banner
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.screen.query("#banner"), what="the banner to go")
        assert not app.screen.query("#banner")
        told = " ".join(str(n.message) for n in app._notifications)
        assert "Put back" in told and "1 check-in from that backup" in told
        assert [c.id for c in Store(data_dir, clock).checkins()] == [first.id]
        assert opened.damaged_files() == []


async def test_help_lists_screen_keys_and_global_keys(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for words in ("Check in", "Breathe", "Entries", "Support", "Ctrl+P", "Go back"):
            assert words in shown
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_help_on_the_check_in_lists_its_own_keys(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        shown = screen_text(app)
        assert "0 means 10" in shown
        assert "Ctrl+J" in shown
        assert "pick or unpick it" in shown


# Words of Textual's own widget keys (scrolling, cursor moves, text editing) that bury ours.
BUILT_IN_NOISE = ("Scroll", "Page Left", "Page Right", "Cursor", "Move cursor", "Select all")


@pytest.mark.parametrize(
    ("start", "ours"),
    [
        ("home", "Check in"),
        ("checkin", "0 means 10"),
        ("entries", "Fill in a day"),
        ("breathe", "How much you can feel"),
        ("meditate", "How much you can feel"),
        ("ground", "How much you can feel"),
    ],
)
async def test_help_shows_our_keys_and_the_global_ones_without_built_in_noise(
    data_dir: Path, clock: FakeClock, start: str, ours: str
) -> None:
    app, _ = make_app(data_dir, clock, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert ours in shown
        for everywhere in ("Go back", "Ctrl+P", "Support", "Close Thaw"):
            assert everywhere in shown
        for noise in BUILT_IN_NOISE:
            assert noise not in shown, noise


async def test_escape_goes_back_and_does_nothing_on_home(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "EntriesScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.is_running


async def test_a_place_not_built_yet_says_so_gently(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        SCREENS, "history", ScreenInfo("tui.screens.not_there", "X", "History", "h", "")
    )
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert any("not ready yet" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("start", ["checkin", "entries", "breathe"])
async def test_a_screen_opened_first_goes_home_on_escape(
    data_dir: Path, clock: FakeClock, start: str
) -> None:
    app, _ = make_app(data_dir, clock, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(app.screen_stack) == 1  # nothing built or painted underneath it
        for _ in range(3):  # a practice asks how it went first; Esc again leaves
            before, was_ended = app.screen, getattr(app.screen, "ended", False)
            await pilot.press("escape")
            await wait_for(
                pilot,
                lambda: app.screen is not before or getattr(before, "ended", False) != was_ended,  # noqa: B023
                what="Esc to be handled",
            )
            if type(app.screen).__name__ == "HomeScreen":
                break
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.is_running


async def test_a_first_screen_that_cannot_open_gives_home_and_says_so(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        SCREENS, "history", ScreenInfo("tui.screens.not_there", "X", "History", "h", "")
    )
    app, _ = make_app(data_dir, clock, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert any("History could not open" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("start", ["home", "checkin", "entries"])
async def test_f2_opens_support_from_every_screen(
    data_dir: Path, clock: FakeClock, fake_support: None, start: str
) -> None:
    app, _ = make_app(data_dir, clock, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")  # priority: works even with a text field focused
        await pilot.pause()
        assert isinstance(app.screen, FakeSupportScreen)
        await pilot.press("f2")  # already there: no second copy
        await pilot.pause()
        assert sum(isinstance(s, FakeSupportScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FakeSupportScreen)


async def test_s_opens_support_unless_typing(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#note").focus()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"
        assert app.screen.query_one("#note").text == "s"  # type: ignore[attr-defined]
        # On a scale letters start the feelings search (#15); F2 is support from anywhere.
        app.screen.query_one("#mood").focus()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"
        assert app.screen.query_one("#emotion-filter").value == "s"  # type: ignore[attr-defined]
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FakeSupportScreen)


async def test_f2_from_the_help_overlay(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FakeSupportScreen)


async def test_palette_lists_every_screen_and_the_switches(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = ThawCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        for info in SCREENS.values():
            assert info.title in titles
        assert "Turn reduced motion on" in titles
        assert "Turn the bell off" in titles
        assert "Switch to the light theme" in titles
        assert "Quit" in titles


async def test_palette_opens_past_entries_by_typing(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"past entries")
        await wait_for_workers(pilot)  # the palette's search
        await pilot.press("enter")
        await wait_for_screen(pilot, "EntriesScreen")
        assert type(app.screen).__name__ == "EntriesScreen"


PRACTICES = {
    "breathe": ("b", "Breathe", "BreatheScreen"),
    "meditate": ("m", "Meditate", "MeditateScreen"),
    "ground": ("g", "Ground", "GroundScreen"),
}


def content_suggesting(practice: str, tmp_path: Path) -> Content:
    """The shipped content, except that the everyday suggestion offers `practice`.

    The shipped words never suggest meditating; this shows the route works for it too.
    """
    root = tmp_path / "content"
    shutil.copytree(default_root(), root)
    path = root / "suggestions.toml"
    text = path.read_text()
    head, _, default = text.partition('id = "default"')
    default = default.replace('action = "breathe"', f'action = "{practice}"', 1)
    path.write_text(f'{head}id = "default"{default}')
    return Content(root)


@pytest.mark.parametrize("practice", list(PRACTICES))
@pytest.mark.parametrize("route", ["home key", "palette", "suggestion"])
async def test_every_practice_is_reachable_from_home_the_palette_and_the_suggestion(
    data_dir: Path, clock: FakeClock, tmp_path: Path, practice: str, route: str
) -> None:
    key, title, screen_name = PRACTICES[practice]
    content = content_suggesting(practice, tmp_path) if route == "suggestion" else shared_content()
    app = ThawApp(Store(data_dir, clock), content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if route == "home key":
            await pilot.press(key)
        elif route == "palette":
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*title.lower())
            await wait_for_workers(pilot)  # the palette's search
            await pilot.press("enter")
        else:
            await pilot.press("c")
            await pilot.pause()
            await pilot.press("7", "enter")  # an everyday check-in: the default suggestion
            await pilot.pause()
            assert text_of(app, "#saved-keys").startswith(f"{key}: ")
            await pilot.press(key)
        await wait_for_screen(pilot, screen_name)
        assert type(app.screen).__name__ == screen_name


async def test_settings_toggles_persist_and_apply(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        was_reduced = app.reduced_motion
        assert was_reduced is False
        app.action_toggle_reduced_motion()
        assert app.reduced_motion is True
        assert app.animation_level == "none"
        app.action_toggle_bell()
        app.action_toggle_theme()
        assert app.theme == "thaw-light"
    saved = Store(data_dir, clock).settings()
    assert saved.reduced_motion is True
    assert saved.bell is False
    assert saved.theme == "thaw-light"


async def test_settings_are_applied_at_start(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_settings(dataclasses.replace(store.settings(), theme="thaw-light", bell=False))
    app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "thaw-light"
        assert app.settings.bell is False


async def test_bell_rings_only_when_on(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    rung: list[bool] = []
    monkeypatch.setattr(App, "bell", lambda self: rung.append(True))
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.bell()
        assert rung == [True]
        app.action_toggle_bell()
        app.bell()
        assert rung == [True]


async def test_reduced_motion_follows_textual_animations_none(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.animation_level = "none"
        assert app.reduced_motion is True


async def test_a_tiny_window_shows_a_calm_message_and_recovers(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Make the window a little larger" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await wait_for_screen(pilot, "HomeScreen")
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.resize_terminal(39, 24)
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(40, 12)
        await wait_for_screen(pilot, "HomeScreen")
        assert type(app.screen).__name__ == "HomeScreen"


SIZES = [(40, 12), (60, 20), (80, 24), (120, 40), (200, 60), (250, 80)]


@pytest.mark.parametrize("start", ["home", "checkin", "entries"])
async def test_every_size_from_40x12_to_250x80_and_resizes_while_typing(
    data_dir: Path, clock: FakeClock, start: str
) -> None:
    store = Store(data_dir, clock)
    for days_ago in range(1, 8):
        store.add_checkin(days_ago, note="note " * 30, at=clock.now() - timedelta(days=days_ago))
    app = ThawApp(store, shared_content(), clock, start=start)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        for width, height in [*SIZES, (30, 8), *reversed(SIZES)]:
            await pilot.resize_terminal(width, height)
            await pilot.press("tab", "a", "5", "right")
            small = width < 40 or height < 12
            await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen) == small)  # noqa: B023
            screen: Screen[object] = app.screen
            if width < 40 or height < 12:
                assert isinstance(screen, TooSmallScreen)
            else:
                assert not isinstance(screen, TooSmallScreen)
        assert app.is_running


async def test_hangup_on_home_just_exits(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.handle_hangup()
        await wait_for(pilot, lambda: not app.is_running, what="the hang-up to close the app")
    assert store.draft() is None
    assert app.return_code == 0


# Calls that read the machine's clock. Screens and widgets ask the injected clock instead, so
# tests (and a person's fake-clock replay) see one time. `time.*` is never needed in them.
_SYSTEM_CLOCK = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "monotonic"), ("time", "monotonic_ns"),
    ("time", "perf_counter"), ("time", "perf_counter_ns"), ("time", "localtime"),
    ("time", "gmtime"), ("time", "ctime"), ("time", "strftime"),
}  # fmt: skip


def system_clock_reads(source: str) -> list[str]:
    """Where `source` reads the system clock: `datetime.now()`, `date.today()`, `time.time()`,
    `time.monotonic()`... however imported (`import time as t`, `from time import monotonic`)."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> "datetime" / "date" / "time" / "time.monotonic"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("time", "datetime"):
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if node.module == "datetime" and alias.name in ("datetime", "date"):
                    aliases[alias.asname or alias.name] = alias.name
                elif node.module == "time" and ("time", alias.name) in _SYSTEM_CLOCK:
                    aliases[alias.asname or alias.name] = f"time.{alias.name}"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and aliases.get(func.id, "").startswith("time."):
            found.append(f"line {node.lineno}: {aliases[func.id]}()")
        elif isinstance(func, ast.Attribute):
            owner = func.value
            if isinstance(owner, ast.Attribute) and owner.attr in ("datetime", "date"):
                base = owner.attr  # datetime.datetime.now()
            elif isinstance(owner, ast.Name):
                base = aliases.get(owner.id, "")
            else:
                continue
            if (base, func.attr) in _SYSTEM_CLOCK:
                found.append(f"line {node.lineno}: {base}.{func.attr}()")
    return found


def test_the_system_clock_check_sees_every_way_of_reading_it() -> None:
    """The check itself: each of these would be missed by a plain text search for one name."""
    for source in [
        "from datetime import datetime\nx = datetime.now()",
        "import datetime\nx = datetime.datetime.now()",
        "from datetime import date\nx = date.today()",
        "from datetime import date as d\nx = d.today()",
        "import time\nx = time.time()",
        "import time as t\nx = t.monotonic()",
        "from time import perf_counter\nx = perf_counter()",
        "from time import monotonic as m\nx = m()",
    ]:
        assert system_clock_reads(source), source
    assert system_clock_reads("x = self.thaw.clock.now()\ny = clock.monotonic()") == []


def test_now_is_never_read_from_the_system_in_screens() -> None:
    """Every module of tui/screens and tui/widgets (and the app): the injected clock only."""
    root = Path(__file__).resolve().parents[2] / "tui"
    paths = [root / "app.py", *(root / "screens").glob("*.py"), *(root / "widgets").glob("*.py")]
    names = {p.name for p in paths}
    # Found by listing the folders, so a new screen or widget is checked without being named.
    assert {"home.py", "breathe.py", "history.py"} <= names
    assert {"breathing_orb.py", "history_chart.py", "key_footer.py"} <= names
    assert len(paths) > 30
    reads = {p.name: system_clock_reads(p.read_text()) for p in paths}
    assert {name: where for name, where in reads.items() if where} == {}


async def test_the_collector_paused_for_start_up_is_back_on_once_home_is_painted(
    data_dir: Path, clock: FakeClock, collector_restored: None
) -> None:
    """`thaw` pauses Python's cycle collector for start-up; left off, memory would only grow."""
    app, store = make_app(data_dir, clock)
    store.add_checkin(6, at=clock.now() - timedelta(days=1))
    startup_gc.pause()  # as tui.cli.cmd_app does before it imports the app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects are not scanned again
        await pilot.press("h")
        await wait_for(pilot, lambda: getattr(app.screen, "settled", False), what="history")
        await pilot.press("escape")
        await wait_for_screen(pilot, "HomeScreen")
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0  # history gave everything back when it closed
