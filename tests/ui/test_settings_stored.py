"""The settings screen names a value in settings.json Thaw can't use, and shows the default."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, Static

from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.content import Content
from tui.core.store import Store
from tui.screens.settings import SettingsScreen


async def until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Wait for the app to settle until `condition` holds (at most a few hundred rounds)."""
    for _ in range(300):
        if condition():
            return
        await pilot.pause()
    assert condition()


def _broken_settings(data_dir: Path, clock: FakeClock, **values: object) -> None:
    store = Store(data_dir, clock)
    store.save_settings(store.settings())
    path = data_dir / "settings.json"
    raw = json.loads(path.read_text())
    raw["settings"]["1"].update(values)
    path.write_text(json.dumps(raw))


async def test_a_wrong_reminder_time_from_the_file_is_named_until_it_is_set_again(
    data_dir: Path, clock: FakeClock
) -> None:
    _broken_settings(data_dir, clock, reminder_time="25:99")
    app = ThawApp(Store(data_dir, clock), Content(), clock, start="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        error = app.screen.query_one("#settings-error", Static)
        said = str(error.render())
        assert '"25:99"' in said and "reminder time" in said and "any time" in said
        assert error.has_class("-shown")
        field = app.screen.query_one("#reminder_time", Input)
        assert field.value == ""  # the default in use, not the wrong value
        field.focus()
        await pilot.press(*"18:30")
        await pilot.press("enter")
        await pilot.pause()
        assert not error.has_class("-shown")
    store = Store(data_dir, clock)
    assert store.settings().reminder_time == "18:30"
    assert store.settings_problems() == {}


async def test_enter_on_the_default_shown_puts_a_wrong_reminder_time_right(
    data_dir: Path, clock: FakeClock
) -> None:
    _broken_settings(data_dir, clock, reminder_time="25:99")
    app = ThawApp(Store(data_dir, clock), Content(), clock, start="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#reminder_time", Input).focus()
        await pilot.press("enter")  # "any time", as shown, is what the person wants
        await pilot.pause()
        assert not app.screen.query_one("#settings-error", Static).has_class("-shown")
    assert Store(data_dir, clock).settings_problems() == {}


async def test_an_unknown_theme_is_named_and_choosing_one_puts_the_file_right(
    data_dir: Path, clock: FakeClock
) -> None:
    _broken_settings(data_dir, clock, theme="neon")
    app = ThawApp(Store(data_dir, clock), Content(), clock, start="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        error = app.screen.query_one("#settings-error", Static)
        assert '"neon"' in str(error.render())
        theme = app.screen.query_one("#theme", Select)
        assert theme.value == "thaw-dark"
        theme.value = "thaw-light"
        await pilot.pause()
        assert not error.has_class("-shown")
    store = Store(data_dir, clock)
    assert store.settings_problems() == {}
    assert store.settings().theme == "thaw-light"


async def test_theme_changed_in_another_window_survives_the_bell_changed_here(
    data_dir: Path, clock: FakeClock
) -> None:
    app = ThawApp(Store(data_dir, clock), Content(), clock, start="settings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        other = Store(data_dir, clock)  # a second window, over SSH
        seen = other.settings()
        other.save_settings(dataclasses.replace(seen, theme="thaw-light"), old=seen)
        bell = app.screen.query_one("#bell", Checkbox)
        bell.value = False  # the person switches the bell off here
        await pilot.pause()
        assert app.settings.theme == "thaw-light"  # theirs is applied here too
        await until(pilot, lambda: app.theme == "thaw-light")
    stored = Store(data_dir, clock).settings()
    assert (stored.theme, stored.bell) == ("thaw-light", False)
