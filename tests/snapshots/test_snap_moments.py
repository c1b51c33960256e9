"""Snapshots of support, the safety plan and "what helps me" at 80x24 and 40x12 (fixed data)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import workers_ended
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.content import Content
from tui.core.records.models import Settings
from tui.core.store import Store

SIZES = {"80x24": (80, 24), "40x12": (40, 12)}


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The country comes from settings or the fixed zone, never from the machine's locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def app_on(data_dir: Path, clock: FakeClock, start: str) -> ThawApp:
    return ThawApp(Store(data_dir, clock), Content(), clock, start=start)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await workers_ended(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", list(SIZES))
def test_support_with_a_contact(
    snap_compare: Any, data_dir: Path, clock: FakeClock, size: str
) -> None:
    store = Store(data_dir, clock)
    store.save_settings(Settings(country="GB"))
    store.add_contact("Sam", phone="07700 900123", note="my sister")
    assert snap_compare(
        app_on(data_dir, clock, "support"), terminal_size=SIZES[size], run_before=settle
    )


@pytest.mark.parametrize("size", list(SIZES))
def test_support_asks_about_a_guessed_country(
    snap_compare: Any, data_dir: Path, clock: FakeClock, size: str
) -> None:
    """No country saved: the zone (Europe/London) suggests the UK, and one line asks."""
    assert snap_compare(
        app_on(data_dir, clock, "support"), terminal_size=SIZES[size], run_before=settle
    )


def test_country_picker_finds_a_country_by_name(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"esp")
        await pilot.pause()

    assert snap_compare(
        app_on(data_dir, clock, "support"), terminal_size=(80, 24), run_before=run_before
    )


def fill_plan(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    plan = store.safety_plan()
    plan = plan.with_text("warning_signs", "Not sleeping\nSkipping meals")
    plan = plan.with_text("on_my_own", "Walk round the block [slowly]")
    plan = plan.with_text("people", "Sam, 07700 900123")
    store.save_safety_plan(plan)


@pytest.mark.parametrize("size", list(SIZES))
def test_safety_plan(snap_compare: Any, data_dir: Path, clock: FakeClock, size: str) -> None:
    fill_plan(data_dir, clock)
    assert snap_compare(
        app_on(data_dir, clock, "safety_plan"), terminal_size=SIZES[size], run_before=settle
    )


def test_safety_plan_at_40x12_scrolled_to_the_end(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    fill_plan(data_dir, clock)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(
        app_on(data_dir, clock, "safety_plan"), terminal_size=(40, 12), run_before=run_before
    )


def seed_helps(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    start = clock.now() - timedelta(days=12)
    for day in range(5):
        store.add_session(
            "breathe",
            "cyclic_sigh",
            started_at=start + timedelta(days=day),
            planned_seconds=180,
            actual_seconds=180,
            completed=True,
            before=3,
            after=5,
        )
    for day, (before, after) in enumerate(((4, 4), (5, 4), (3, 4))):
        store.add_session(
            "ground",
            "senses",
            started_at=start + timedelta(days=day, hours=2),
            planned_seconds=None,
            actual_seconds=120,
            completed=True,
            before=before,
            after=after,
        )
    for rating in (4, 5):
        store.add_session(
            "idea",
            "walk_room",
            started_at=start,
            planned_seconds=None,
            actual_seconds=0,
            completed=True,
            rating=rating,
        )
    for day in range(8):
        store.add_checkin(
            6 if day % 2 else 4,
            tags=["walk"] if day % 2 else [],
            at=clock.now() - timedelta(days=day, hours=1),
        )


@pytest.mark.parametrize("size", list(SIZES))
def test_what_helps_me(snap_compare: Any, data_dir: Path, clock: FakeClock, size: str) -> None:
    seed_helps(data_dir, clock)
    assert snap_compare(
        app_on(data_dir, clock, "what_helps"), terminal_size=SIZES[size], run_before=settle
    )
