"""Practice timing: breathing phases, the meditation timer and grounding steps, from timestamps."""

from __future__ import annotations

import pytest

from tui.core.content import BreathPattern, BreathPhase, GroundingExercise, GroundingStep
from tui.core.errors import InputError
from tui.core.practice import (
    BreathingPlan,
    GroundingRun,
    MeditationTimer,
    Stopwatch,
    custom_pattern,
    ease_in_out,
    parse_custom_breath,
)


def pattern(pid: str, *phases: tuple[str, float, str], max_rounds: int = 0) -> BreathPattern:
    return BreathPattern(
        id=pid,
        name=pid,
        summary="",
        evidence="",
        phases=tuple(BreathPhase(k, s, lbl) for k, s, lbl in phases),  # type: ignore[arg-type]
        default_rounds=4 if max_rounds else 0,
        default_minutes=2,
        max_rounds=max_rounds,
    )


SIGH = pattern("cyclic_sigh", ("in", 2, "in"), ("in", 1, "in again"), ("out", 6, "out"))
RESONANCE = pattern("resonance", ("in", 5.5, "in"), ("out", 5.5, "out"))
BOX = pattern("box", ("in", 4, "in"), ("hold", 4, "hold"), ("out", 4, "out"), ("hold", 4, "hold"))
FOUR_SEVEN_EIGHT = pattern(
    "478", ("in", 4, "in"), ("hold", 7, "hold"), ("out", 8, "out"), max_rounds=4
)
ALL = [SIGH, RESONANCE, BOX, FOUR_SEVEN_EIGHT, custom_pattern((4, 0, 6, 0))]


def expected_timeline(p: BreathPattern, rounds: int) -> list[tuple[float, float, int, int]]:
    """(start, end, phase index, round) for every phase of every round, built independently."""
    out: list[tuple[float, float, int, int]] = []
    t = 0.0
    phases = [ph for ph in p.phases if ph.seconds > 0]
    for r in range(1, rounds + 1):
        for i, ph in enumerate(phases):
            out.append((t, t + ph.seconds, i, r))
            t += ph.seconds
    return out


@pytest.mark.parametrize("p", ALL, ids=lambda p: p.id)
def test_every_pattern_walks_each_phase_of_several_rounds_in_order(p: BreathPattern) -> None:
    plan = BreathingPlan(p, rounds=3)
    for start, end, index, rnd in expected_timeline(p, 3):
        length = end - start
        for offset in (0.0, 0.01, length / 2, length - 0.01):
            state = plan.phase_at(start + offset)
            assert (state.index, state.round, state.done) == (index, rnd, False)
            assert state.seconds_left == pytest.approx(length - offset)
            assert state.fraction == pytest.approx(offset / length)
            assert state.phase.label == plan.phases[index].label
    assert plan.phase_at(plan.total_seconds).done
    assert plan.phase_at(plan.total_seconds + 100).done
    assert plan.total_seconds == pytest.approx(3 * sum(ph.seconds for ph in plan.phases))


def test_countdown_counts_whole_seconds_down_to_one() -> None:
    plan = BreathingPlan(FOUR_SEVEN_EIGHT, rounds=1)
    seen = [plan.phase_at(t + 0.5).countdown for t in range(0, 19)]
    assert seen == [4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1]
    assert plan.phase_at(0).countdown == 4
    assert plan.phase_at(3.999).countdown == 1


def test_half_second_phases_count_from_six() -> None:
    plan = BreathingPlan(RESONANCE, rounds=1)
    assert plan.phase_at(0).countdown == 6
    assert plan.phase_at(0.6).countdown == 5
    assert plan.phase_at(5.4).countdown == 1
    assert plan.phase_at(5.5).phase.kind == "out"


def test_level_rises_on_in_holds_and_falls_on_out() -> None:
    plan = BreathingPlan(BOX, rounds=1)
    assert plan.phase_at(0).level == pytest.approx(0)
    assert plan.phase_at(2).level == pytest.approx(0.5)
    assert plan.phase_at(4.01).level == pytest.approx(1, abs=1e-3)
    assert plan.phase_at(6).level == pytest.approx(1)
    assert plan.phase_at(10).level == pytest.approx(0.5)
    assert plan.phase_at(14).level == pytest.approx(0)


def test_cyclic_sigh_two_inhales_share_the_way_up() -> None:
    plan = BreathingPlan(SIGH, rounds=1)
    top_of_first = plan.phase_at(1.999).level
    assert top_of_first == pytest.approx(2 / 3, abs=1e-3)
    assert plan.phase_at(2.999).level == pytest.approx(1, abs=1e-3)
    assert plan.phase_at(8.999).level == pytest.approx(0, abs=1e-3)


def test_easing_is_gentle_at_the_ends() -> None:
    assert ease_in_out(0) == 0 and ease_in_out(1) == 1
    assert ease_in_out(0.5) == pytest.approx(0.5)
    assert ease_in_out(0.1) < 0.1 and ease_in_out(0.9) > 0.9


def test_minutes_become_the_nearest_whole_number_of_rounds() -> None:
    assert BreathingPlan(SIGH, minutes=2).rounds == 13  # 120 / 9 = 13.3
    assert BreathingPlan(BOX, minutes=2).rounds == 8  # 120 / 16 = 7.5 -> 8
    assert BreathingPlan(RESONANCE, minutes=1).rounds == 5  # 60 / 11 = 5.45
    assert BreathingPlan(BOX, minutes=0.1).rounds == 1  # never zero
    assert BreathingPlan(BOX, minutes=2).by_minutes


def test_478_is_capped_at_its_max_rounds() -> None:
    assert BreathingPlan(FOUR_SEVEN_EIGHT, minutes=10).rounds == 4
    assert BreathingPlan(FOUR_SEVEN_EIGHT, rounds=9).rounds == 4
    assert BreathingPlan(FOUR_SEVEN_EIGHT, rounds=2).rounds == 2


def test_custom_pattern_drops_zero_holds() -> None:
    plan = BreathingPlan(custom_pattern((4, 0, 6, 0)), rounds=2)
    assert [p.kind for p in plan.phases] == ["in", "out"]
    assert plan.total_seconds == 20
    with_holds = BreathingPlan(custom_pattern((3, 1, 5, 2)), rounds=1)
    assert [p.kind for p in with_holds.phases] == ["in", "hold", "out", "hold"]
    assert with_holds.phase_at(9.5).phase.kind == "hold"
    assert with_holds.phase_at(9.5).level == pytest.approx(0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 0 6 0", (4, 0, 6, 0)),
        ("4-7-8-0", (4, 7, 8, 0)),
        ("5.5, 0, 5.5, 0", (5.5, 0, 5.5, 0)),
        ("3 5", (3, 0, 5, 0)),
    ],
)
def test_custom_breath_text_is_read(text: str, expected: tuple[float, ...]) -> None:
    assert parse_custom_breath(text) == expected


@pytest.mark.parametrize("text", ["", "4", "a b c d", "0 0 6 0", "4 0 99 0", "4 0 6 nan", "1 2 3"])
def test_custom_breath_text_that_cannot_work_is_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_custom_breath(text)
    assert str(err.value).endswith(".")


def test_stopwatch_pause_and_resume_from_timestamps() -> None:
    w = Stopwatch()
    assert w.elapsed(5) == 0
    w.start(100)
    assert w.elapsed(103) == 3
    w.pause(103)
    assert w.elapsed(500) == 3
    w.resume(500)
    assert w.elapsed(502.5) == 5.5
    w.pause(502.5)
    w.pause(600)  # a second pause changes nothing
    assert w.elapsed(700) == 5.5


def test_breathing_with_a_pause_resumes_the_same_phase() -> None:
    plan = BreathingPlan(BOX, rounds=2)
    w = Stopwatch()
    w.start(0)
    w.pause(5)  # in the first hold, 3 s left
    state = plan.phase_at(w.elapsed(60))
    assert (state.phase.kind, state.countdown) == ("hold", 3)
    w.resume(60)
    assert plan.phase_at(w.elapsed(63.5)).phase.kind == "out"


# --- meditation ----------------------------------------------------------------------------


def test_meditation_runs_and_finishes_exactly_once() -> None:
    m = MeditationTimer(planned_seconds=120)
    assert m.status(0) == "ready"
    m.start(1000)
    assert m.poll(1000) == ["begin"]
    assert m.status(1060) == "running"
    assert m.remaining(1060) == 60
    assert m.poll(1060) == []
    assert m.poll(1120.05) == ["finish"]
    assert m.status(1121) == "finished"
    assert m.poll(1200) == []
    assert m.sat_seconds(5000) == 120


def test_a_late_poll_still_finishes_with_exact_sat_time() -> None:
    m = MeditationTimer(planned_seconds=60)
    m.start(0)
    assert m.poll(500) == ["begin", "finish"]
    assert m.sat_seconds(500) == 60


def test_settle_in_comes_first_and_does_not_count() -> None:
    m = MeditationTimer(planned_seconds=60, settle_seconds=15)
    m.start(0)
    assert m.poll(0) == []
    assert m.status(10) == "settling"
    assert m.settle_left(10) == 5
    assert m.remaining(10) == 60
    assert m.poll(15) == ["begin"]
    assert m.status(16) == "running"
    assert m.remaining(45) == 30
    assert m.poll(75) == ["finish"]


def test_pause_holds_the_time_and_resume_carries_on() -> None:
    m = MeditationTimer(planned_seconds=120)
    m.start(0)
    m.poll(0)
    m.pause(30)
    assert m.status(1000) == "paused"
    assert m.remaining(1000) == 90
    assert m.poll(1000) == []
    m.resume(1000)
    assert m.status(1001) == "running"
    assert m.remaining(1060) == 30
    assert m.poll(1089.9) == []
    assert m.poll(1090) == ["finish"]


def test_pausing_during_settle_in_holds_it() -> None:
    m = MeditationTimer(planned_seconds=60, settle_seconds=10)
    m.start(0)
    m.toggle_pause(4)
    assert m.settle_left(100) == 6
    m.toggle_pause(100)
    assert m.poll(106) == ["begin"]


def test_ending_early_keeps_the_time_sat() -> None:
    m = MeditationTimer(planned_seconds=120, settle_seconds=5)
    m.start(0)
    m.poll(5)
    m.end_early(50)
    assert m.status(60) == "ended_early"
    assert m.sat_seconds(999) == 45
    assert m.poll(999) == []
    m.resume(999)  # nothing brings an ended session back
    assert m.status(1000) == "ended_early"


def test_ending_early_while_paused() -> None:
    m = MeditationTimer(planned_seconds=120)
    m.start(0)
    m.pause(20)
    m.end_early(80)
    assert m.sat_seconds(100) == 20


def test_end_early_after_time_is_up_is_a_finish() -> None:
    m = MeditationTimer(planned_seconds=10)
    m.start(0)
    m.end_early(11)
    assert m.status(11) == "finished"


def test_interval_bells_ring_once_each_and_never_at_the_end() -> None:
    m = MeditationTimer(planned_seconds=300, interval_seconds=60)
    assert m.bell_times() == (60, 120, 180, 240)
    m.start(0)
    rung: list[float] = []
    t = 0.0
    while t <= 310:
        rung.extend(t for event in m.poll(t) if event == "interval")
        t = round(t + 0.1, 1)
    assert rung == [60, 120, 180, 240]


def test_interval_bells_count_meditation_time_not_settle_or_pauses() -> None:
    m = MeditationTimer(planned_seconds=180, settle_seconds=20, interval_seconds=60)
    m.start(0)
    assert m.poll(20) == ["begin"]
    m.pause(50)
    m.resume(150)
    assert m.poll(179) == []
    assert m.poll(180) == ["interval"]  # 30 s sat before the pause, 30 after


def test_skipped_interval_bells_collapse_into_one() -> None:
    m = MeditationTimer(planned_seconds=600, interval_seconds=60)
    m.start(0)
    m.poll(0)
    assert m.poll(250) == ["interval"]
    assert m.poll(300) == ["interval"]


def test_no_interval_bells_when_off() -> None:
    assert MeditationTimer(planned_seconds=600).bell_times() == ()


def test_changing_the_length_while_going_keeps_time_sat() -> None:
    m = MeditationTimer(planned_seconds=120)
    m.start(0)
    m.poll(0)
    m.set_planned(300)
    assert m.remaining(100) == 200
    m.set_planned(60)
    assert m.poll(100) == ["finish"]
    assert m.sat_seconds(100) == 60


def test_restarting_clears_everything() -> None:
    m = MeditationTimer(planned_seconds=10)
    m.start(0)
    m.poll(20)
    m.start(100)
    assert m.status(101) == "running"
    assert m.poll(101) == ["begin"]


# --- grounding -----------------------------------------------------------------------------


SENSES = GroundingExercise(
    id="senses",
    name="5-4-3-2-1",
    intro="",
    steps=(
        GroundingStep("Five things you can see.", 5, "Nothing? Name one you like."),
        GroundingStep("Four things you can touch.", 4, "Nothing? Name one you like."),
        GroundingStep("Three things you can hear.", 3),
        GroundingStep("Two things you can smell.", 2),
        GroundingStep("One thing you can taste.", 1),
    ),
    outro="",
)


def test_grounding_walks_every_step_and_keeps_notes_in_order() -> None:
    run = GroundingRun(SENSES)
    assert run.step == SENSES.steps[0]
    assert run.total == 5
    run.advance("lamp, cup")
    run.advance("")
    run.advance("  fridge \x1b[31m hum ")
    run.advance()
    assert (run.finished, run.index) == (False, 4)
    run.advance("tea")
    assert run.finished
    assert run.notes()[-1] == "tea"
    assert run.notes() == ("lamp, cup", "fridge  hum", "tea")
    run.advance("ignored")
    assert run.steps_done == 5


def test_grounding_back_keeps_what_was_typed() -> None:
    run = GroundingRun(SENSES)
    run.advance("sky")
    run.back()
    assert run.index == 0 and run.note_at(0) == "sky"
    run.back()
    assert run.index == 0


def test_grounding_fallback_is_shown_on_request_only_where_there_is_one() -> None:
    run = GroundingRun(SENSES)
    assert run.fallback_shown is False
    assert run.reveal_fallback() == "Nothing? Name one you like."
    assert [run.fallback_shown] == [True]
    run.advance()
    assert [run.fallback_shown] == [False]
    run.advance()
    assert run.reveal_fallback() == ""


def test_grounding_needs_steps() -> None:
    with pytest.raises(InputError):
        GroundingRun(GroundingExercise("x", "X", "", (), ""))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("box", "box"),
        ("Box", "box"),
        ("4-7-8", "478"),
        ("cyclic-sigh", "cyclic_sigh"),
        ("cyclicsigh", "cyclic_sigh"),
        ("sigh", "cyclic_sigh"),
        ("res", "resonance"),
        ("nope", None),
    ],
)
def test_pattern_names_as_people_type_them(typed: str, expected: str | None) -> None:
    from tui.core.practice import resolve_id

    ids = ["cyclic_sigh", "resonance", "box", "478", "custom"]
    assert resolve_id(typed, ids, {"sigh": "cyclic_sigh"}) == expected


@pytest.mark.parametrize(("text", "expected"), [("2", 2.0), (" 0.5 ", 0.5), ("2,5", 2.5)])
def test_meditation_length_as_typed(text: str, expected: float) -> None:
    from tui.core.practice import parse_minutes

    assert parse_minutes(text) == expected


@pytest.mark.parametrize("text", ["", "two", "0", "-3", "inf", "nan", "500"])
def test_meditation_length_that_cannot_work_is_refused(text: str) -> None:
    from tui.core.practice import parse_minutes

    with pytest.raises(InputError):
        parse_minutes(text)


def test_grounding_note_kept_when_leaving_part_way() -> None:
    run = GroundingRun(SENSES)
    run.advance("sky")
    run.set_note("  soft jumper ")
    assert run.index == 1
    assert run.notes() == ("sky", "soft jumper")


def test_next_change_is_the_next_whole_second_bell_or_end() -> None:
    m = MeditationTimer(planned_seconds=90.5, settle_seconds=3, interval_seconds=60)
    assert m.seconds_to_next_change(0) is None  # not started
    m.start(0)
    assert m.seconds_to_next_change(0.25) == pytest.approx(0.75)  # settle 2.75 -> 2
    m.poll(3)
    assert m.seconds_to_next_change(3) == pytest.approx(0.5)  # 90.5 left -> 90
    assert m.seconds_to_next_change(3.5) == pytest.approx(1.0)
    assert m.seconds_to_next_change(62.8) == pytest.approx(0.2)  # the bell at 60 s sat
    assert m.seconds_to_next_change(93.2) == pytest.approx(0.3)  # the end
    m.pause(50)
    assert m.seconds_to_next_change(51) is None


def test_polling_at_each_next_change_lands_on_every_event() -> None:
    m = MeditationTimer(planned_seconds=150, settle_seconds=5, interval_seconds=60)
    m.start(0)
    now = 0.0
    seen: list[tuple[float, str]] = []
    while (delay := m.seconds_to_next_change(now)) is not None:
        now += delay
        seen.extend((round(now, 6), e) for e in m.poll(now))
    assert seen == [(5, "begin"), (65, "interval"), (125, "interval"), (155, "finish")]
