"""Snapshots at 80x24 of ideas, plan, support and settings, with a fake clock and fixed data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import make_app
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import Settings
from tui.core.store import Store

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The country must come from settings, not from the machine running the tests."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def app_on(data_dir: Path, clock: FakeClock, start: str) -> ThawApp:
    return make_app(data_dir, clock, start)[0]


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Let the screen settle, press keys, settle again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run_before


def test_ideas(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app = app_on(data_dir, clock, "ideas")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("down", "down", "down"))


def test_plan_with_a_next_step(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.add_plan_item(
        "Talk therapy: CBT",
        key="cbt",
        status="next_step",
        next_step="Ask the GP about a referral [soon]",
    )
    app = app_on(data_dir, clock, "plan")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_support_uk_with_a_contact(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_settings(Settings(country="GB"))
    store.add_contact("Sam", phone="07700 900123", note="my sister")
    app = app_on(data_dir, clock, "support")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_support_unknown_country(
    snap_compare: Any, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Etc/UTC")  # no locale and no zone to guess a country from
    app = app_on(data_dir, clock, "support")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_settings(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_settings(Settings(country="US", reminder_time="19:00"))
    app = app_on(data_dir, clock, "settings")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_settings_switches_on_and_off(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    """Lower down: the bell on (a tick), reduced motion off (an empty box), each said in words."""
    store = Store(data_dir, clock)
    store.save_settings(Settings(country="US", bell=True, reduced_motion=False))
    app = app_on(data_dir, clock, "settings")

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app.screen.query_one("#bell").focus()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_summary_asks_where(
    snap_compare: Any, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", "/home/sam")
    monkeypatch.setattr("tui.widgets.care_summary.summary_folder", lambda home, data: home)
    app = app_on(data_dir, clock, "plan")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("r"))
