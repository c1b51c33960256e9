"""Snapshots of the history screen at 80x24 (empty, one week, ten years, calendar without
colour) and one week at 40x12."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.history_data import LONDON, prepared_dir
from tests.ui.test_history import add_week, open_history, ready
from tui.core.clock import FakeClock

SIZE = (80, 24)


def settle(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for history to paint, press keys, and wait again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await ready(pilot)

    return run_before


def test_history_empty(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app, _ = open_history(data_dir, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle())


def test_history_one_week(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    store.add_marker("started therapy", "therapy", datetime(2026, 11, 21, 10, tzinfo=LONDON))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle("w"))


def test_history_one_week_at_40x12(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    """A phone's SSH window: the chart keeps its bars, the marker line and the keys fit."""
    app, store = open_history(data_dir, clock)
    add_week(store, clock)
    store.add_marker("started therapy", "therapy", datetime(2026, 11, 21, 10, tzinfo=LONDON))
    assert snap_compare(app, terminal_size=(40, 12), run_before=settle("w"))


def test_history_ten_years_all_time(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app, _ = open_history(prepared_dir(tmp_path / "data", clock.now()), clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle("a"))


def test_history_ten_years_range(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app, _ = open_history(prepared_dir(tmp_path / "data", clock.now()), clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle("y", "3"))


def test_history_calendar_no_color(
    snap_compare: Any, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app, _ = open_history(prepared_dir(tmp_path / "data", clock.now()), clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle("5"))
