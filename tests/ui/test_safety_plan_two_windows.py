"""The safety plan open in two windows: words under different headings are all kept; where both
wrote under one heading, both versions are shown and the person chooses. Nothing they wrote is
dropped with only a sentence to say so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.conftest import make_app
from tests.ui.helpers import drawn_text, said, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.safety_plan import SafetyPlan
from tui.core.store import Store
from tui.screens import safety_plan
from tui.screens.merged_edit import KEPT_THEIRS, SAVED_YOURS
from tui.screens.safety_plan import SafetyPlanScreen
from tui.widgets.care_form import FormDialog
from tui.widgets.conflict_dialog import ConflictDialog

SIZE = (80, 24)
KEYS = ("y saves yours", "n or Esc keeps the", "other window's.")  # wrapped at 40 columns


def other_window_writes(data_dir: Path, clock: FakeClock, section: str, words: str) -> None:
    other = Store(data_dir, clock)
    before = other.safety_plan()
    other.save_safety_plan(before.with_text(section, words), old=before)


def on_disk(data_dir: Path, clock: FakeClock) -> SafetyPlan:
    return Store(data_dir, clock).safety_plan()


async def write_warning_signs(pilot: Pilot[Any], app: ThawApp, words: str) -> None:
    """e on the first heading (My warning signs), its words replaced, Ctrl+S."""
    await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
    app.screen.query_one(TextArea).text = words
    await pilot.press("ctrl+s")


async def test_words_under_different_headings_are_both_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other_window_writes(data_dir, clock, "people", "Sam, 07700 900123")
        await write_warning_signs(pilot, app, "Not sleeping")
        await wait_for(pilot, lambda: safety_plan.MERGED in said(app))
        plan = on_disk(data_dir, clock)
        assert (plan.warning_signs, plan.people) == ("Not sleeping", "Sam, 07700 900123")


async def test_both_writing_one_heading_shows_both_and_n_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other_window_writes(data_dir, clock, "warning_signs", "Skipping meals")
        await write_warning_signs(pilot, app, "Not sleeping")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your words under “My warning signs”: Not sleeping" in shown
        assert "The other window's words under “My warning signs”: Skipping meals" in shown
        assert on_disk(data_dir, clock).warning_signs == "Skipping meals"  # nothing saved yet
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        assert KEPT_THEIRS in said(app)
        assert on_disk(data_dir, clock).warning_signs == "Skipping meals"
        assert "Skipping meals" in drawn_text(app)


async def test_both_writing_one_heading_y_saves_mine(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other_window_writes(data_dir, clock, "warning_signs", "Skipping meals")
        await write_warning_signs(pilot, app, "Not sleeping")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: SAVED_YOURS in said(app))
        assert on_disk(data_dir, clock).warning_signs == "Not sleeping"
        await wait_for(pilot, lambda: "Not sleeping" in drawn_text(app))


async def test_at_40_by_12_a_plan_clash_keeps_its_keys_in_sight(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        other_window_writes(data_dir, clock, "warning_signs", "rain " * 80)
        await write_warning_signs(pilot, app, "sun " * 80)
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await wait_for(pilot, lambda: all(k in drawn_text(app) for k in KEYS))
        await pilot.press("down", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert all(k in drawn_text(app) for k in KEYS)
