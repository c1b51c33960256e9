"""Shared setup for the practice pilot tests: an app on a fresh store, a headless run, fake time."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.content import Content
from tui.core.records.models import Session
from tui.core.store import Store
from tui.screens.meditate import MeditateScreen
from tui.widgets.breathing_orb import BreathingOrb

CONTENT = Content()


def make_app(
    data_dir: Path,
    clock: FakeClock,
    start: str,
    start_args: dict[str, object] | None = None,
    **settings: object,
) -> ThawApp:
    """A Thaw app on a fresh data dir, with some settings already saved."""
    store = Store(data_dir, clock)
    if settings:
        store.save_settings(dataclasses.replace(store.settings(), **settings))  # type: ignore[arg-type]
    return ThawApp(store, CONTENT, clock, start=start, start_args=start_args or {})


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
