"""Practices driven by a fake clock: breathing phases, the meditation timer, grounding steps."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.conftest import make_app
from tests.ui.helpers import drawn_text, wait_for
from tests.ui.practice_helpers import (
    CONTENT,
    breathe_to,
    running,
    sessions,
    sit,
    type_text,
)
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.content import BreathPattern
from tui.core.store import Store
from tui.screens.breathe import BreatheScreen
from tui.screens.ground import GroundScreen
from tui.screens.meditate import MeditateScreen
from tui.widgets.breathing_orb import BreathingOrb
from tui.widgets.countdown import Countdown
from tui.widgets.feel_rating import FeelRating

# --- breathing -----------------------------------------------------------------------------


def phase_walk(pattern: BreathPattern, rounds: int) -> list[tuple[float, str, int, int]]:
    """Independently: (mid-phase time, label, whole seconds left, round) for each phase."""
    out: list[tuple[float, str, int, int]] = []
    t = 0.0
    for rnd in range(1, rounds + 1):
        for phase in pattern.phases:
            if phase.seconds <= 0:
                continue
            mid = t + min(0.25, phase.seconds / 2)
            out.append((mid, phase.label, math.ceil(phase.seconds - (mid - t)), rnd))
            t += phase.seconds
    return out


@pytest.mark.parametrize("pattern_id", [p.id for p in CONTENT.breathing])
async def test_every_pattern_labels_each_phase_with_a_countdown_over_three_rounds(
    data_dir: Path, clock: FakeClock, pattern_id: str
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": pattern_id}, breath_rounds=3)
    pattern = next(p for p in CONTENT.breathing if p.id == pattern_id)
    async with running(app) as (pilot, bells):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        orb = screen.query_one(BreathingOrb)
        rounds = min(3, pattern.max_rounds or 3)
        assert orb.plan is not None and orb.plan.rounds == rounds
        for t, label, left, rnd in phase_walk(pattern, rounds):
            await breathe_to(pilot, clock, orb, t)
            assert orb.caption == f"{label} {left}"
            state = orb.state()
            assert state is not None and state.round == rnd
        await breathe_to(pilot, clock, orb, orb.plan.total_seconds + 0.05)
        assert orb.finished
        assert bells == [1]  # one bell at the end; phase bells are off by default
        [saved] = sessions(app)
        assert (saved.kind, saved.detail, saved.completed) == ("breathe", pattern_id, True)
        assert saved.planned_seconds == round(orb.plan.total_seconds)
        assert saved.actual_seconds == pytest.approx(orb.plan.total_seconds, abs=0.1)


async def test_the_orb_grows_on_the_in_breath_and_shrinks_on_the_out_breath(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)

        def filled() -> int:
            return sum(row.count("█") for row in orb.rows)

        sizes = []
        for t in (0.1, 2.0, 3.9, 6.0, 10.0, 11.9):
            await breathe_to(pilot, clock, orb, t)
            sizes.append(filled())
        assert sizes[0] < sizes[1] < sizes[2]  # in
        assert sizes[3] == sizes[2]  # hold
        assert sizes[3] > sizes[4] > sizes[5]  # out


async def test_the_orb_repaints_only_when_the_picture_or_countdown_changes(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 5.0)  # the hold: nothing moves but the count
        before = orb.paints
        for _ in range(10):
            orb.tick()
        assert orb.paints == before
        await breathe_to(pilot, clock, orb, 5.5)
        assert orb.paints == before  # same count ("hold 3"), same picture
        await breathe_to(pilot, clock, orb, 6.1)
        assert orb.paints == before + 1  # "hold 2"


async def test_pause_holds_the_breath_where_it_is_and_space_carries_on(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "478"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("n")  # skip the before rating
        await breathe_to(pilot, clock, orb, 6.5)  # hold, 5 s left
        await pilot.press("space")
        clock.advance(300)
        orb.tick()
        await pilot.pause()
        assert orb.caption == "Paused. Press space to carry on."
        assert orb.elapsed() == pytest.approx(6.5)
        await pilot.press("space")
        orb.tick()
        assert orb.caption == "hold 5"
        clock.advance(5)
        orb.tick()
        assert orb.caption == "out 8"


async def test_ending_early_saves_an_unfinished_session_and_asks_how_it_went(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        screen = app.screen
        orb = screen.query_one(BreathingOrb)
        await pilot.press("3")  # before: 3 of 10
        await breathe_to(pilot, clock, orb, 20.0)
        await pilot.press("q")
        [saved] = sessions(app)
        assert (saved.completed, saved.before, saved.after) == (False, 3, None)
        assert saved.actual_seconds == pytest.approx(20.0)
        after = screen.query_one("#after", FeelRating)
        assert after.display and after.has_focus
        await pilot.press("1", "0")  # ten, typed as the number
        [saved] = sessions(app)
        assert saved.after == 10


async def test_escape_ends_saves_and_escape_again_goes_home(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("n")
        await breathe_to(pilot, clock, orb, 12.0)
        await pilot.press("escape")  # ends; the after rating is offered
        await pilot.press("escape")  # skips it and leaves
        await wait_for(pilot, lambda: not isinstance(app.screen, BreatheScreen))
        assert not isinstance(app.screen, BreatheScreen)
        [saved] = sessions(app)
        assert saved.detail == "cyclic_sigh" and not saved.completed


async def test_a_glance_shorter_than_five_seconds_is_not_saved(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 2.0)
        await pilot.press("escape", "n")  # ended, after rating skipped: nothing to keep
        await pilot.pause()  # keys are handled in order: both have run once the app is idle
        assert sessions(app) == []


async def test_phase_bell_rings_at_each_change_of_breath(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"}, breath_rounds=2)
    async with running(app) as (pilot, bells):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("n", "b")
        for t in range(1, 33):
            await breathe_to(pilot, clock, orb, float(t))
        # 8 phases over 2 rounds: 7 changes inside, then the end bell.
        assert len(bells) == 8
        assert orb.finished


async def test_reduced_motion_shows_a_steady_cue_that_changes_at_most_once_a_second(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "478"}, reduced_motion=True)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        assert app.reduced_motion
        await breathe_to(pilot, clock, orb, 0.1)
        assert orb.caption == "Breathe in  ·  4"
        assert orb.rows == ()
        paints = orb.paints
        t = 0.1
        while t < 19:
            t += 0.05
            clock.advance(0.05)
            orb.tick()
        assert orb.paints - paints <= 19  # one per second of the round, no more
        await breathe_to(pilot, clock, orb, 23.1)  # round 2, just into the hold
        assert orb.caption == "Hold  ·  7"
        assert "Hold  ·  7" in "".join(line.text for line in orb.render_lines(orb.region))


async def test_reduced_motion_still_paces_the_breath_with_dots_that_fill_each_second(
    data_dir: Path, clock: FakeClock
) -> None:
    """No orb, but not only a word and a count: one dot a second of the breath, filling."""
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "478"}, reduced_motion=True)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        shown = []
        for t in (0.5, 1.5, 3.5, 4.5, 10.5, 11.5):
            await breathe_to(pilot, clock, orb, t)
            text = "".join(line.text for line in orb.render_lines(orb.region))
            shown.append(next(part for part in text.split("  ") if "●" in part).strip())
        assert shown == [
            "● ○ ○ ○",  # 4 in: its first second
            "● ● ○ ○",
            "● ● ● ●",  # the in-breath's last second
            "● ○ ○ ○ ○ ○ ○",  # 7 hold begins
            "● ● ● ● ● ● ●",  # the hold's last second
            "● ○ ○ ○ ○ ○ ○ ○",  # 8 out begins at 11 s
        ]


async def test_reduced_motion_follows_the_terminal_asking_for_no_animation(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        app.animation_level = "none"
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 5.0)
        assert orb.caption == "Hold  ·  3"


async def test_arrows_change_the_pattern_and_c_sets_and_keeps_your_own(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        orb = screen.query_one(BreathingOrb)
        await pilot.press("n", "right")
        assert orb.plan is not None and orb.plan.pattern.id == "resonance"
        await pilot.press("left", "left")
        assert orb.plan.pattern.id == "custom"
        await pilot.press("c")
        screen.query_one("#custom-input").value = ""  # type: ignore[attr-defined]
        await type_text(pilot, "3 1 5 0")
        await pilot.press("enter")
        assert app.settings.custom_breath == (3.0, 1.0, 5.0, 0.0)
        assert app.store.settings().custom_breath == (3.0, 1.0, 5.0, 0.0)
        assert orb.plan.pattern.id == "custom"
        assert [p.seconds for p in orb.plan.phases] == [3.0, 1.0, 5.0]
        await breathe_to(pilot, clock, orb, 3.2)
        assert orb.caption == "hold 1"


async def test_a_custom_pattern_that_cannot_work_gets_a_sentence(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        await pilot.press("n", "c")
        screen.query_one("#custom-input").value = "0 0 0 0"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert "at least 1 second" in str(screen.query_one("#custom-error").render())
        assert app.settings.custom_breath == (4.0, 0.0, 6.0, 0.0)
        await pilot.press("escape")  # closes the field, stays breathing
        assert isinstance(app.screen, BreatheScreen)


async def test_plus_and_minus_change_the_length(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"}, breath_rounds=4)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("n", "plus", "plus")
        assert orb.plan is not None and orb.plan.rounds == 6
        await pilot.press("minus")
        assert orb.plan.rounds == 5
        await pilot.press("m")  # now in minutes: 5 x 16 s is about 1 minute
        await pilot.press("plus")
        assert orb.plan.rounds == round(2 * 60 / 16)


async def test_478_stays_at_four_rounds(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "478"})
    async with running(app) as (pilot, _):
        screen = app.screen
        orb = screen.query_one(BreathingOrb)
        await pilot.press("n", "plus")
        assert orb.plan is not None and orb.plan.rounds == 4
        assert "dizzy" in str(screen.query_one("#pattern-caution").render())


async def test_before_and_after_ratings_are_saved_with_a_finished_session(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"}, breath_rounds=1)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        assert orb.plan is not None
        await breathe_to(pilot, clock, orb, 1.0)  # started at once, before any rating
        await pilot.press("2")
        await breathe_to(pilot, clock, orb, 16.1)
        await pilot.press("5")
        [saved] = sessions(app)
        assert (saved.completed, saved.before, saved.after) == (True, 2, 5)
        assert saved.planned_seconds == 16


async def test_again_starts_a_new_session(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"}, breath_rounds=1)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("n")
        await breathe_to(pilot, clock, orb, 16.5)
        await pilot.press("n", "r", "n")
        assert not orb.finished
        await breathe_to(pilot, clock, orb, 16.5)
        assert len(sessions(app)) == 2


async def test_an_unknown_pattern_falls_back_kindly(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "4-7-8"})
    async with running(app):
        orb = app.screen.query_one(BreathingOrb)
        assert orb.plan is not None and orb.plan.pattern.id == "478"
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "zzz"})
    async with running(app):
        orb = app.screen.query_one(BreathingOrb)
        assert orb.plan is not None and orb.plan.pattern.id == CONTENT.breathing[0].id


async def test_hangup_keeps_the_breaths_so_far(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 30)
        app.handle_hangup()
        # The hang-up itself closes the app and keeps the breaths: not the test's own exit.
        await wait_for(pilot, lambda: not app.is_running, what="the hang-up to close the app")
        [saved] = Store(data_dir, clock).sessions()
        assert saved.actual_seconds == pytest.approx(30) and not saved.completed
    assert app.return_code == 0
    [saved] = Store(data_dir, clock).sessions()
    assert saved.actual_seconds == pytest.approx(30) and not saved.completed


# --- meditation ----------------------------------------------------------------------------


def countdown_text(app: ThawApp) -> str:
    return app.screen.query_one(Countdown).value


async def test_two_minutes_by_default_with_a_bell_at_start_and_end(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, bells):
        screen = app.screen
        assert isinstance(screen, MeditateScreen)
        assert countdown_text(app) == "02:00"
        assert bells == [1]  # the start
        assert "no wrong way" in str(screen.query_one("#guide").render())
        await pilot.press("4")
        await sit(pilot, clock, 61)
        assert countdown_text(app) == "00:59"
        await sit(pilot, clock, 58.9)
        assert countdown_text(app) == "00:01"
        assert len(bells) == 1
        await sit(pilot, clock, 0.2)
        assert countdown_text(app) == "00:00"
        assert len(bells) == 2
        [saved] = sessions(app)
        assert (saved.kind, saved.completed, saved.before) == ("meditate", True, 4)
        assert (saved.planned_seconds, saved.actual_seconds) == (120, 120)
        assert "You gave yourself this time" in str(screen.query_one("#status").render())


async def test_what_came_up_is_kept_with_the_session(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 1.0})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 60.1)
        await pilot.press("6")  # after
        await type_text(pilot, "a little warmth")
        await pilot.press("enter")
        [saved] = sessions(app)
        assert (saved.after, saved.notes) == (6, ("a little warmth",))


async def test_a_note_typed_but_not_entered_is_kept_on_escape(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 1.0})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 60.1)
        await pilot.press("n")
        await type_text(pilot, "nothing much")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, MeditateScreen), what="leaving")
        [saved] = sessions(app)
        assert saved.notes == ("nothing much",)


async def test_pause_stops_the_time_and_resume_carries_on(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 30)
        await pilot.press("space")
        await sit(pilot, clock, 600, step=10)  # a long break (or a suspended laptop)
        assert countdown_text(app) == "01:30"
        assert "Paused" in str(app.screen.query_one("#status").render())
        await pilot.press("space")
        await sit(pilot, clock, 89.5)
        assert countdown_text(app) == "00:01"
        await sit(pilot, clock, 0.5)
        [saved] = sessions(app)
        assert saved.completed and saved.actual_seconds == 120


async def test_ending_early_keeps_the_time_sat(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, bells):
        await pilot.press("n")
        await sit(pilot, clock, 45)
        await pilot.press("q")
        [saved] = sessions(app)
        assert (saved.completed, saved.actual_seconds, saved.planned_seconds) == (False, 45, 120)
        assert "it counts" in str(app.screen.query_one("#status").render())
        await sit(pilot, clock, 200)
        assert len(bells) == 1  # no end bell for an early end


async def test_interval_bells_ring_every_minute_but_not_at_the_end(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 5.0}, interval_bell_minutes=1)
    async with running(app) as (pilot, bells):
        await pilot.press("n")
        rung_at: list[float] = []
        screen = app.screen
        assert isinstance(screen, MeditateScreen)
        for second in range(1, 301):
            before = len(bells)
            clock.advance(1)
            screen.tick()
            if len(bells) > before:
                rung_at.append(second)
        assert rung_at == [60, 120, 180, 240, 300]  # four interval bells, then the end
        assert len(bells) == 6  # with the start


async def test_settle_in_comes_first_with_its_own_words(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 1.0}, settle_seconds=20)
    async with running(app) as (pilot, bells):
        screen = app.screen
        await pilot.press("n")
        assert bells == []  # the start bell waits for the settle-in
        await sit(pilot, clock, 5)
        assert "Settling in, 15 s" in str(screen.query_one("#status").render())
        assert countdown_text(app) == "01:00"
        await sit(pilot, clock, 15)
        assert bells == [1]
        await sit(pilot, clock, 30)
        assert countdown_text(app) == "00:30"
        await sit(pilot, clock, 30)
        [saved] = sessions(app)
        assert saved.completed and saved.actual_seconds == 60


async def test_the_countdown_repaints_once_a_second(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        countdown = app.screen.query_one(Countdown)
        paints = countdown.paints
        await sit(pilot, clock, 10, step=0.1)
        assert countdown.paints - paints == 10


async def test_presets_and_your_own_length(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, MeditateScreen)
        await pilot.press("n", "right")
        assert screen.timer.planned_seconds == 300
        await pilot.press("left", "left")
        assert screen.timer.planned_seconds == 60
        await pilot.press("c")
        screen.query_one("#length-input").value = ""  # type: ignore[attr-defined]
        await type_text(pilot, "3.5")
        await pilot.press("enter")
        assert screen.timer.planned_seconds == 210
        assert countdown_text(app) == "03:30"
        await pilot.press("c")
        screen.query_one("#length-input").value = "lots"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert "number of minutes" in str(screen.query_one("#length-error").render())
        assert screen.timer.planned_seconds == 210


async def test_minutes_from_the_command_line(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 0.05})
    async with running(app) as (pilot, bells):
        await sit(pilot, clock, 3.1)
        [saved] = sessions(app)
        assert saved.completed and saved.planned_seconds == 3
        assert len(bells) == 2


# --- grounding -----------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", [g.id for g in CONTENT.grounding])
async def test_every_grounding_exercise_step_by_step_with_typed_notes(
    data_dir: Path, clock: FakeClock, exercise_id: str
) -> None:
    exercise = next(g for g in CONTENT.grounding if g.id == exercise_id)
    app, _ = make_app(data_dir, clock, "ground", {"exercise": exercise_id})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, GroundScreen)
        await pilot.press("1")  # before
        typed = []
        for number, step in enumerate(exercise.steps, start=1):
            assert str(screen.query_one("#prompt").render()) == step.prompt
            assert str(screen.query_one("#step-count").render()) == (
                f"Step {number} of {len(exercise.steps)}"
            )
            clock.advance(20)
            if number % 2:
                note = f"thing {number}"
                typed.append(note)
                await type_text(pilot, note)
            await pilot.press("enter")
        assert str(screen.query_one("#prompt").render()) == exercise.outro
        if typed:
            assert typed[0] in str(screen.query_one("#fallback").render())
        await pilot.press("3")  # after
        [saved] = sessions(app)
        assert (saved.kind, saved.detail, saved.completed) == ("ground", exercise_id, True)
        assert (saved.before, saved.after) == (1, 3)
        assert saved.notes == tuple(typed)
        assert saved.planned_seconds is None
        assert saved.actual_seconds == pytest.approx(20 * len(exercise.steps))


async def test_nothing_there_offers_the_gentler_prompt(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "ground", {"exercise": "5-4-3-2-1"})
    async with running(app) as (pilot, _):
        screen = app.screen
        fallback = screen.query_one("#fallback")
        await pilot.press("n")
        shown = [fallback.display]
        await pilot.press("down")
        shown.append(fallback.display)
        assert "like" in str(fallback.render())
        await pilot.press("enter")
        shown.append(fallback.display)
        assert shown == [False, True, False]


async def test_up_goes_back_a_step_and_brings_back_what_was_typed(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ground", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        await pilot.press("n")
        await type_text(pilot, "blue mug")
        await pilot.press("enter", "up")
        assert screen.query_one("#note").value == "blue mug"  # type: ignore[attr-defined]
        assert str(screen.query_one("#step-count").render()).startswith("Step 1 of")


async def test_leaving_part_way_keeps_what_was_noticed(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "ground", {"exercise": "senses"})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await type_text(pilot, "window")
        await pilot.press("enter")
        await type_text(pilot, "cold tap")
        await pilot.press("escape")
        [saved] = sessions(app)
        assert saved.notes == ("window", "cold tap") and not saved.completed
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, GroundScreen))
        assert not isinstance(app.screen, GroundScreen)


async def test_another_exercise_with_page_down(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "ground", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, GroundScreen)
        await pilot.press("n", "pagedown")
        assert screen.exercise_run is not None
        assert screen.exercise_run.exercise.id == CONTENT.grounding[1].id
        assert sessions(app) == []  # nothing done yet, nothing saved


async def test_the_header_counts_the_round_even_when_no_tick_lands_on_its_first_breath(
    data_dir: Path, clock: FakeClock
) -> None:
    """A busy machine or a slow terminal can skip a tick: box breathing is 16 s a round, and a
    tick at 21.5 s is already in round 2's hold. The header must say round 2, not round 1."""
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 1.0)
        assert "round 1 of" in drawn_text(app)
        await breathe_to(pilot, clock, orb, 21.5)
        state = orb.state()
        assert state is not None and (state.round, state.index) == (2, 1)
        await wait_for(pilot, lambda: "round 2 of" in drawn_text(app), what="the round shown")
        assert "round 1 of" not in drawn_text(app)
        await breathe_to(pilot, clock, orb, 37.0)  # round 3's first hold, skipping its in-breath
        await wait_for(pilot, lambda: "round 3 of" in drawn_text(app), what="the round shown")
