"""Snapshots at 80x24 of each practice part-way through, with a fake clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.conftest import make_app
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.screens.meditate import MeditateScreen
from tui.widgets.breathing_orb import BreathingOrb

SIZE = (80, 24)


def app_on(
    data_dir: Path, clock: FakeClock, start: str, args: dict[str, object], **settings: object
) -> ThawApp:
    return make_app(data_dir, clock, start, args, **settings)[0]  # type: ignore[arg-type]


def steps(clock: FakeClock, *actions: str | float) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys (str) or let seconds pass on the fake clock (float), ticking the practice."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for action in actions:
            if isinstance(action, str):
                await pilot.press(action)
            else:
                clock.advance(action)
                screen = pilot.app.screen
                for orb in screen.query(BreathingOrb):
                    orb.tick()
                if isinstance(screen, MeditateScreen):
                    screen.tick()
            await pilot.pause()
        # The footer redraws on the idle after focus moves; animations (a scroll) finish too.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


def test_box_breathing_holding_after_the_in_breath(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "box"})
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, "4", 21.5))


def test_478_breathing_breathing_out_with_its_caution(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "478"})
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, 14.0))


def test_breathing_in_reduced_motion(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "resonance"}, reduced_motion=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, "n", 7.2))


def test_meditation_part_way(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app = app_on(data_dir, clock, "meditate", {})
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, "3", 47.0))


def test_meditation_afterwards(snap_compare: Any, data_dir: Path, clock: FakeClock) -> None:
    app = app_on(data_dir, clock, "meditate", {"minutes": 1.0})
    run = steps(clock, "n", 30.0, 30.0, "5")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_grounding_second_step_with_the_gentler_prompt(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "ground", {"exercise": "senses"})
    run = steps(clock, "2", "l", "a", "m", "p", "enter", "down", "m", "u", "g")
    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_breathing_ended_early_asks_how_it_went(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "box"})
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, "n", 9.0, "escape"))


def test_paused_breathing_offers_resume(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "box"})
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(clock, "n", 2.0, "space"))


def test_478_breathing_on_a_40x12_terminal(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "breathe", {"pattern": "478"})
    assert snap_compare(app, terminal_size=(40, 12), run_before=steps(clock, 1.5))


def test_meditation_on_a_40x12_terminal(
    snap_compare: Any, data_dir: Path, clock: FakeClock
) -> None:
    app = app_on(data_dir, clock, "meditate", {})
    assert snap_compare(app, terminal_size=(40, 12), run_before=steps(clock, "n", 5.0))
