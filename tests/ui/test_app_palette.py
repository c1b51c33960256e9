"""The command palette finds practices and actions, not only screens, and opens them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from tests.conftest import make_app
from tests.ui.helpers import wait_for, wait_for_workers
from tui.app import ThawApp
from tui.commands import ThawCommands
from tui.core.clock import FakeClock


async def top_hit(app: ThawApp, query: str) -> str:
    """The best palette match for `query`, as plain title text ("" when nothing matches)."""
    provider = ThawCommands(app.screen)
    hits = [hit async for hit in provider.search(query)]
    if not hits:
        return ""
    best = max(hits, key=lambda h: h.score)
    return str(best.text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("box", "Breathe: Box breathing"),
        ("4-7-8", "Breathe: 4-7-8 breathing"),
        ("cyclic", "Breathe: Cyclic sigh"),
        ("ice", "Ground: An ice cube"),
        ("5-4-3-2-1", "Ground: Five senses (5-4-3-2-1)"),
        ("meditate 5", "Meditate 5 minutes"),
        ("marker", "Add a marker"),
        ("summary", "Write a summary for an appointment"),
        ("report", "Write a summary for an appointment"),
    ],
)
async def test_the_palette_finds_practices_and_actions(
    data_dir: Path, clock: FakeClock, query: str, expected: str
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await top_hit(app, query) == expected


async def choose(app: ThawApp, pilot: Pilot[None], query: str) -> None:
    """Open the palette, type, take the first match; return once it has opened something."""
    before = app.screen
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await wait_for_workers(pilot)  # the palette's search
    await pilot.press("enter")
    await wait_for(
        pilot,
        lambda: app.screen is not before and not isinstance(app.screen, CommandPalette),
        what=f"the palette's choice for {query!r} to open",
    )


@pytest.mark.parametrize(
    ("query", "screen", "attribute", "value"),
    [
        ("box breathing", "BreatheScreen", "requested_pattern", "box"),
        ("ice cube", "GroundScreen", "requested_exercise", "ice"),
        ("meditate 5 minutes", "MeditateScreen", "requested_minutes", 5.0),
    ],
)
async def test_a_practice_from_the_palette_opens_with_it_chosen(
    data_dir: Path, clock: FakeClock, query: str, screen: str, attribute: str, value: object
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(app, pilot, query)
        assert type(app.screen).__name__ == screen
        assert getattr(app.screen, attribute) == value


async def test_add_a_marker_from_the_palette(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(app, pilot, "add a marker")
        assert type(app.screen).__name__ == "MarkerForm"
        await pilot.press(*"started walking", "enter")
        await wait_for(pilot, lambda: bool(store.markers()), what="the marker to be saved")
        assert [m.text for m in store.markers()] == ["started walking"]


async def test_write_a_summary_from_the_palette_opens_plan_and_asks_where(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await choose(app, pilot, "summary")

        def names_now() -> list[str]:
            return [type(s).__name__ for s in app.screen_stack]

        await wait_for(
            pilot, lambda: names_now()[-1] != "PlanScreen" and "PlanScreen" in names_now()
        )
        names = [type(s).__name__ for s in app.screen_stack]
        assert "PlanScreen" in names
        assert names[-1] != "PlanScreen"  # the "where to?" question is over it
