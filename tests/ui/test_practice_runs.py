"""Each practice run is its own session with its own before and after, and safety notes show."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_app
from tests.ui.practice_helpers import CONTENT, breathe_to, running, sessions
from tui.core.clock import FakeClock
from tui.screens.breathe import BreatheScreen
from tui.screens.ground import GroundScreen
from tui.widgets.breathing_orb import BreathingOrb
from tui.widgets.feel_rating import FeelRating


async def test_a_finished_grounding_exercise_does_not_lend_its_before_to_the_next(
    data_dir: Path, clock: FakeClock
) -> None:
    first = CONTENT.grounding[0]
    app, _ = make_app(data_dir, clock, "ground", {"exercise": first.id})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, GroundScreen)
        await pilot.press("2")  # before: 2
        for _ in first.steps:
            clock.advance(5)
            await pilot.press("enter")
        await pilot.press("6")  # after: 6
        await pilot.press("pagedown")  # the next exercise
        await pilot.pause()
        assert screen.before is None
        before = screen.query_one("#before", FeelRating)
        assert before.display and not before.answered  # asked afresh
        await pilot.press("4")  # this run's own before
        second = screen.exercise_run
        assert second is not None
        for _ in second.exercise.steps:
            clock.advance(5)
            await pilot.press("enter")
        await pilot.press("5")
    done = sessions(app)
    assert [(s.detail, s.before, s.after) for s in done] == [
        (first.id, 2, 6),
        (CONTENT.grounding[1].id, 4, 5),
    ]


async def test_switching_breathing_patterns_keeps_each_run_as_its_own_session(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "cyclic_sigh"})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        orb = screen.query_one(BreathingOrb)
        await pilot.press("3")  # before the cyclic sigh
        await breathe_to(pilot, clock, orb, 30.0)
        await pilot.press("right")  # resonance, part way through the sigh
        await pilot.pause()
        assert orb.plan is not None and orb.plan.pattern.id == "resonance"
        assert screen.before is None  # the new run asks its own before
        await pilot.press("5")
        await breathe_to(pilot, clock, orb, 20.0)
        await pilot.press("escape")  # end the resonance run
        await pilot.press("7")  # and say how it went
    done = sessions(app)
    assert [(s.detail, s.before, s.after, s.completed) for s in done] == [
        ("cyclic_sigh", 3, None, False),
        ("resonance", 5, 7, False),
    ]
    assert done[0].actual_seconds == 30.0 and done[1].actual_seconds == 20.0


async def test_a_glance_at_a_pattern_before_switching_is_not_a_session(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 2.0)
        await pilot.press("n", "right", "right")
        assert sessions(app) == []


async def test_every_breath_hold_and_closed_eye_practice_says_you_can_stop(
    data_dir: Path, clock: FakeClock
) -> None:
    for pattern in ("box", "478", "cyclic_sigh"):
        app, _ = make_app(data_dir, clock, "breathe", {"pattern": pattern})
        async with running(app) as (_pilot, _):
            note = str(app.screen.query_one("#pattern-caution").render())
            assert "stop whenever you like" in note, pattern
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (_pilot, _):
        assert "open your eyes" in str(app.screen.query_one("#guide").render())
    app, _ = make_app(data_dir, clock, "ground", {})
    async with running(app) as (_pilot, _):
        assert "stop whenever" in str(app.screen.query_one("#intro").render())
