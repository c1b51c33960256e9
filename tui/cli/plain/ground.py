"""Grounding in plain lines: each step asked once; what you notice can be typed, or just Enter."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from tui.cli.plain.lines import Ended, PlainIO
from tui.core.errors import InputError
from tui.core.practice import GroundingRun, resolve_id
from tui.core.text import clean_line

if TYPE_CHECKING:
    from tui.cli.context import CliContext
    from tui.core.content import Content, GroundingExercise

# As the grounding screen reads them (tui.screens.ground.EXERCISE_ALIASES, a Textual module).
ALIASES = {"54321": "senses", "5-4-3-2-1": "senses", "five": "senses", "color": "colour"}


def exercise_for(wanted: str | None, content: Content) -> GroundingExercise:
    exercises = list(content.grounding)
    if wanted is None:
        return exercises[0]
    known = [g.id for g in exercises]
    found = resolve_id(wanted, known, ALIASES)
    if found is None:
        raise InputError(f'Plain mode knows these exercises: {", ".join(known)}; not "{wanted}".')
    return next(g for g in exercises if g.id == found)


def ground(ctx: CliContext, io: PlainIO, wanted: str | None) -> bool:
    """Walk the steps; True when every step was reached. Saved through the Store either way."""
    exercise = exercise_for(wanted, ctx.content())
    run = GroundingRun(exercise)
    started_at, start = ctx.clock.now(), time.monotonic()
    io.say(f"{exercise.name}. {exercise.intro}")
    io.say("Type what you notice if you like, or just Enter to go on; ? gives another way in.")
    try:
        while (step := run.step) is not None:
            answer = io.ask(step.prompt)
            if answer.strip() == "?" and step.fallback:
                answer = io.ask(step.fallback)
            run.advance(clean_line(answer))
        io.say(exercise.outro)
    except Ended:
        io.say("Stopping here. Every step you took counts.")
    ctx.store().add_session(
        "ground",
        exercise.id,
        started_at=started_at,
        planned_seconds=None,
        actual_seconds=round(time.monotonic() - start, 1),
        completed=run.finished,
        notes=run.notes(),
    )
    return run.finished
