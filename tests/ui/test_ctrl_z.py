"""Ctrl+Z is the terminal's pause everywhere, never the note's undo: typed words stay put."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import TextArea

from tests.conftest import make_app
from tui import signals
from tui.core.clock import FakeClock
from tui.screens.breathe import BreatheScreen
from tui.screens.meditate import MeditateScreen


async def test_ctrl_z_in_the_note_never_takes_away_what_was_typed(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        await pilot.press("h", "e", "a", "v", "y", "space", "f", "o", "g")
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert note.text == "heavy fog"
        await pilot.press("ctrl+j")
        await pilot.pause()
    [saved] = store.recent_checkins(1)
    assert saved.note == "heavy fog"


async def test_ctrl_z_with_no_shell_to_come_back_to_says_so(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped with nothing to `fg` it (`ssh -t host thaw`), Thaw would be stuck: it stays."""
    monkeypatch.setattr(signals, "can_come_back", lambda: False)
    app, _store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [signals.NO_WAY_BACK]
        assert app.is_running


@pytest.mark.parametrize("practice", ["breathe", "meditate"])
async def test_ctrl_z_pauses_a_practice_so_time_away_is_not_counted_as_practice(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, practice: str
) -> None:
    stepped_out: list[bool] = []
    monkeypatch.setattr(signals, "can_come_back", lambda: True)
    # Textual's own step out sends SIGTSTP to this process: recorded instead.
    monkeypatch.setattr(App, "action_suspend_process", lambda _app: stepped_out.append(True))
    app, _store = make_app(data_dir, clock, start=practice)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, (BreatheScreen, MeditateScreen))
        going = not screen.paused
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (going, screen.paused, stepped_out) == (True, True, [True])
