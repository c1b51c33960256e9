"""Snapshots of the small and the large window (#15): settings and the plan at 40x12, where each
value sits under its label and the plan's titles are whole, and home at 200x50, in the middle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.snapshots.test_snap_app import app_for
from tui.core.clock import FakeClock


def test_settings_at_40x12(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock, start="settings")
    # Two tabs: onto the country, then the reminder time, so a value field has focus.
    assert snap_compare(app, terminal_size=(40, 12), press=["tab", "tab"])


def test_plan_at_40x12(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock, start="plan")
    assert snap_compare(app, terminal_size=(40, 12))


def test_home_at_200x50(snap_compare: Any, tmp_path: Path, clock: FakeClock) -> None:
    assert snap_compare(app_for(tmp_path, clock), terminal_size=(200, 50))
