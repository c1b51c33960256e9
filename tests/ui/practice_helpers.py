"""Shared setup for the practice pilot tests: a headless run with bells counted, fake time.

The app itself comes from the one factory, `tests.conftest.make_app`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from tests.conftest import shared_content
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import Session
from tui.screens.meditate import MeditateScreen
from tui.widgets.breathing_orb import BreathingOrb

# The same words as every other test (read once, in tests/conftest.py).
CONTENT = shared_content()


@asynccontextmanager
async def running(
    app: ThawApp, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[Pilot[None], list[int]]]:
    """Run the app headless; yields the pilot and a list that grows by one per bell asked for."""
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield pilot, bells


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def sessions(app: ThawApp) -> list[Session]:
    return app.store.sessions()


async def breathe_to(pilot: Pilot[None], clock: FakeClock, orb: BreathingOrb, t: float) -> None:
    """Move the fake clock to `t` seconds of breathing (from the session's start) and tick."""
    clock.advance(t - orb.elapsed())
    orb.tick()
    await pilot.pause()


async def sit(pilot: Pilot[None], clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Let `seconds` pass in ticks of `step`, as the screen's timer would."""
    screen = pilot.app.screen
    assert isinstance(screen, MeditateScreen)
    done = 0.0
    while done < seconds - 1e-9:
        move = min(step, seconds - done)
        clock.advance(move)
        done += move
        screen.tick()
    await pilot.pause()
