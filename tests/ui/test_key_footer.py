"""The key footer on every screen: the keys that matter fit, and F2 Support is never cut off."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tests.conftest import make_app
from tests.ui.helpers import wait_for
from tui.core.clock import FakeClock
from tui.widgets.key_footer import KeyFooter, fit_keys


class Crowded(Screen[None]):
    """More keys than 80 columns hold, as a screen with a hint and markers might show."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("w", "noop('w')", "Week"),
        Binding("m", "noop('m')", "Month"),
        Binding("y", "noop('y')", "Year"),
        Binding("a", "noop('a')", "All"),
        Binding("k", "noop('k')", "Markers"),
        Binding("p", "noop('p')", "Open the plan"),
        Binding("x", "noop('x')", "Not now"),
        Binding("r", "noop('r')", "Redraw the chart"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def action_noop(self, key: str) -> None:
        """Nothing: only the footer is under test."""


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Keys", key_display="F1"),
        Binding("f2", "open_screen('support')", "Support", key_display="F2", priority=True),
    ]

    def on_mount(self) -> None:
        self.push_screen(Crowded())

    async def action_back(self) -> None:
        """Not used here."""

    def action_help(self) -> None:
        """Not used here."""

    def action_open_screen(self, name: str) -> None:
        """Not used here."""


async def footer_line(width: int) -> str:
    app = FooterApp()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        return str(footer.render())


@pytest.mark.parametrize("width", [80, 60, 44])
async def test_f2_support_is_whole_on_a_narrow_footer(width: int) -> None:
    line = await footer_line(width)
    assert len(line) <= width
    assert line.rstrip().endswith("F2 Support")
    assert "esc Back" in line and "F1 Keys" in line
    assert "palette" not in line  # no room for it: the keys come first


async def test_a_wide_footer_shows_every_key_roomily_and_the_palette() -> None:
    line = await footer_line(200)
    assert " k Markers  p Open the plan  x Not now  r Redraw the chart  F1 Keys  F2 Support" in line
    assert line.rstrip().endswith("palette")


def test_fit_keys_tightens_then_drops_the_least_needed_keys_last_first() -> None:
    items = [
        ("esc", "Back", True),
        ("w", "Week", False),
        ("m", "Month", False),
        ("F2", "Support", True),
    ]
    assert fit_keys(items, 80) == ([0, 1, 2, 3], " ")
    # Roomy needs 39 columns, tight 35; without "m Month" 27, without "w Week" too 20.
    assert fit_keys(items, 38) == ([0, 1, 2, 3], "")
    assert fit_keys(items, 30) == ([0, 1, 3], "")
    assert fit_keys(items, 20) == ([0, 3], "")


SCREENS_WITH_BACK = ["checkin", "entries", "breathe", "meditate", "ground", "history", "ideas"]
SCREENS_WITH_BACK += ["plan", "support", "settings"]


@pytest.mark.parametrize("start", ["home", *SCREENS_WITH_BACK])
async def test_every_screen_keeps_its_way_back_keys_and_support_whole_at_40_columns(
    data_dir: Path, clock: FakeClock, start: str
) -> None:
    """Textual's Footer cut 40 columns mid-word ("F2 Sup") or dropped Support altogether."""
    app, _ = make_app(data_dir, clock, start=start)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__.lower().startswith(start))
        assert type(app.screen).__name__.lower().startswith(start)
        footer = app.screen.query_one(KeyFooter)
        await wait_for(pilot, lambda: "F1 Keys" in str(footer.render()), what="the footer keys")
        line = str(footer.render())
        assert len(line.rstrip()) <= 40
        assert "F1 Keys" in line and line.rstrip().endswith("F2 Support")
        assert start == "home" or "esc " in line
