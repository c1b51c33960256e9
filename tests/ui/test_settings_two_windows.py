"""Settings open in two windows: a setting changed only there is kept and shown here; one both
changed shows both values and the person chooses (y saves this window's, n or Esc keeps the
other's, and its field then shows it). A number typed during a clash is asked about whole, once
it is finished. Never a silent lost update (the theme undone by a bell, a typed 15 over a 20)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.conftest import make_app
from tests.ui.helpers import said, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import Settings
from tui.core.store import Store
from tui.screens import settings_edits
from tui.screens.merged_edit import KEPT_THEIRS, SAVED_YOURS
from tui.screens.settings import SettingsScreen
from tui.widgets.conflict_dialog import ConflictDialog

SIZE = (80, 24)


def other_window_saves(data_dir: Path, clock: FakeClock, **changes: object) -> None:
    other = Store(data_dir, clock)
    before = other.settings()
    other.save_settings(dataclasses.replace(before, **changes), old=before)  # type: ignore[arg-type]


def on_disk(data_dir: Path, clock: FakeClock) -> Settings:
    return Store(data_dir, clock).settings()


async def type_minutes(pilot: Pilot[Any], app: ThawApp, keys: str, *, enter: bool = True) -> Input:
    """Meditation length emptied, then `keys` typed one by one (each a save), then Enter."""
    field = app.screen.query_one("#meditation_minutes", Input)
    field.focus()
    field.value = ""
    await pilot.press(*keys, *(["enter"] if enter else []))
    return field


async def test_a_theme_there_and_a_length_here_are_both_kept_and_shown(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        other_window_saves(data_dir, clock, theme="thaw-light")
        await type_minutes(pilot, app, "25")
        await wait_for(pilot, lambda: settings_edits.MERGED in said(app))
        stored = on_disk(data_dir, clock)
        assert (stored.theme, stored.meditation_minutes) == ("thaw-light", 25)
        assert app.theme == "thaw-light"  # theirs is in use here too
        assert app.screen.query_one("#theme", Select).value == "thaw-light"  # and shown


async def test_both_typing_a_length_shows_both_whole_and_n_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        other_window_saves(data_dir, clock, meditation_minutes=20, theme="thaw-light")
        field = await type_minutes(pilot, app, "15")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your meditation length: 15 minutes" in shown  # the whole number, not "1"
        assert "The other window's meditation length: 20 minutes" in shown
        assert "theme" not in shown
        assert on_disk(data_dir, clock).meditation_minutes == 20  # nothing saved yet
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert KEPT_THEIRS in said(app)
        assert "Saved." not in said(app)
        assert field.value == "20"
        assert app.settings.meditation_minutes == 20
        stored = on_disk(data_dir, clock)
        assert (stored.meditation_minutes, stored.theme) == (20, "thaw-light")


async def test_both_typing_a_length_y_saves_mine_and_keeps_their_theme(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        other_window_saves(data_dir, clock, meditation_minutes=20, theme="thaw-light")
        field = await type_minutes(pilot, app, "15")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: SAVED_YOURS in said(app))
        assert field.value == "15"
        stored = on_disk(data_dir, clock)
        assert (stored.meditation_minutes, stored.theme) == (15, "thaw-light")
        assert app.theme == "thaw-light"


async def test_both_choosing_a_country_names_both_and_esc_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        other_window_saves(data_dir, clock, country="US")
        country = app.screen.query_one("#country", Select)
        country.value = "GB"
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your country: United Kingdom" in shown
        assert "The other window's country: United States" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert country.value == "US"
        assert on_disk(data_dir, clock).country == "US"


async def test_leaving_with_a_clashing_number_asks_first(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        other_window_saves(data_dir, clock, meditation_minutes=20)
        await type_minutes(pilot, app, "15", enter=False)
        await pilot.pause()
        assert on_disk(data_dir, clock).meditation_minutes == 20  # held, not saved over
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        assert "Your meditation length: 15 minutes" in text_of(app, "#conflict-text")
        await pilot.press("y")
        await wait_for(pilot, lambda: on_disk(data_dir, clock).meditation_minutes == 15)
        assert isinstance(app.screen, SettingsScreen)  # still here: Esc again leaves
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SettingsScreen))
