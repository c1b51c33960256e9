"""Snapshots at 80x24 with a fixed clock and fixed data: home, the check-in, past entries."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.conftest import shared_content
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.store import Store


def filled_store(data_dir: Path, clock: FakeClock) -> Store:
    """Three weeks of check-ins with feelings, tags and a note holding markup-like text."""
    store = Store(data_dir, clock)
    moods = [5, 4, 6, 3, 5, 6, 7, 4, 4, 5, 6, 5, 3, 4, 6, 7, 6, 5, 4, 6]
    for day, mood in enumerate(moods):
        at = clock.now() - timedelta(days=len(moods) - day, hours=-11)
        emotions = ("numb", "tired") if mood <= 4 else ("calm",)
        note = "walked to the shop [bold]x[/]" if day % 5 == 0 else ""
        store.add_checkin(mood, feel=max(0, mood - 2), emotions=emotions, note=note, at=at)
    store.add_checkin(6, feel=4, emotions=("flat",), tags=("work",), note="slow morning")
    return store


def app_for(tmp_path: Path, clock: FakeClock, **kwargs: Any) -> ThawApp:
    store = filled_store(tmp_path / "data", clock)
    return ThawApp(store, shared_content(), clock, **kwargs)


def test_home(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    assert snap_compare(app_for(tmp_path, clock), terminal_size=(80, 24))


def test_home_empty(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = ThawApp(Store(tmp_path / "data", clock), shared_content(), clock)
    assert snap_compare(app, terminal_size=(80, 24))


def test_checkin(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock, start="checkin")
    assert snap_compare(app, terminal_size=(80, 24), press=["7", "tab", "3"])


def test_checkin_saved_with_suggestion(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock, start="checkin")
    assert snap_compare(app, terminal_size=(80, 24), press=["6", "tab", "1", "enter"])


def test_entries(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock, start="entries")
    assert snap_compare(app, terminal_size=(80, 24))
