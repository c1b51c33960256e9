"""Breathing and meditation as spoken-style cues: one line each, the bell at each change.

Timing comes from the monotonic clock and the plan (`tui.core.practice`), never from counting
sleeps, so a slow machine does not drift. Ctrl+C ends early, calmly; the session is saved
through the Store either way, as in the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.cli.plain.lines import Ended, PlainIO
from tui.core.errors import InputError
from tui.core.practice import BreathingPlan, resolve_id

if TYPE_CHECKING:
    from tui.cli.context import CliContext
    from tui.core.content import BreathPattern, Content

# "In" reads better aloud than the orb's one-word labels.
SPOKEN = {"in": "Breathe in", "hold": "Hold", "out": "Breathe out"}


@dataclass(frozen=True, slots=True)
class Timing:
    """The clock and the wait, passed in so tests can run a whole practice at once."""

    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep


def _seconds(value: float) -> str:
    whole = round(value)
    return f"{whole} second{'' if whole == 1 else 's'}" if whole == value else f"{value:g} seconds"


def pattern_for(wanted: str | None, content: Content) -> BreathPattern:
    """The pattern asked for (its id, "4-7-8", "Box"), else the first one."""
    patterns = list(content.breathing)
    if wanted is None:
        return patterns[0]
    known = [p.id for p in patterns]
    found = resolve_id(wanted, known) or resolve_id(wanted.replace("-", ""), known)
    if found is None:
        raise InputError(
            f'Plain mode knows these breathing patterns: {", ".join(known)}; not "{wanted}".'
        )
    return next(p for p in patterns if p.id == found)


def _wait_until(deadline: float, timing: Timing) -> None:
    while (left := deadline - timing.monotonic()) > 0:
        timing.sleep(min(left, 0.5))


def breathe(ctx: CliContext, io: PlainIO, wanted: str | None, timing: Timing = Timing()) -> bool:
    """Run one breathing plan with a line per phase; True when it ran to the end."""
    pattern = pattern_for(wanted, ctx.content())
    plan = BreathingPlan(pattern, rounds=pattern.default_rounds, minutes=pattern.default_minutes)
    bell = ctx.store().settings().bell
    started_at = ctx.clock.now()
    io.say(f"{pattern.name}: {pattern.summary}")
    if pattern.caution:
        io.say(pattern.caution)
    io.say(
        f"{plan.rounds} rounds, about {round(plan.total_seconds / 60) or 1} minutes. "
        "Ctrl+C ends it whenever you like."
    )
    start = timing.monotonic()
    offset = 0.0
    done = False
    try:
        for number in range(1, plan.rounds + 1):
            for phase in plan.phases:
                cue = SPOKEN.get(phase.kind, phase.label.capitalize())
                lead = f"Round {number} of {plan.rounds}. " if phase is plan.phases[0] else ""
                io.say(f"{lead}{cue}, {_seconds(phase.seconds)}.", bell=bell)
                offset += phase.seconds
                _wait_until(start + offset, timing)
        done = True
        io.say("That's the last breath. Well done for taking the time.", bell=bell)
    except KeyboardInterrupt:
        io.say("Ending here. Any breathing counts.")
    elapsed = min(timing.monotonic() - start, plan.total_seconds)
    after = _after(io)
    ctx.store().add_session(
        "breathe",
        pattern.id,
        started_at=started_at,
        planned_seconds=round(plan.total_seconds),
        actual_seconds=elapsed,
        completed=done,
        after=after,
    )
    io.say("Saved.")
    return done


def meditate(
    ctx: CliContext, io: PlainIO, minutes: float | None, timing: Timing = Timing()
) -> bool:
    """A quiet timer: a bell and a line at the start, at halfway, and at the end."""
    guide = ctx.content().meditation
    settings = ctx.store().settings()
    length = float(
        minutes if minutes is not None else settings.meditation_minutes or guide.default_minutes
    )
    started_at = ctx.clock.now()
    io.say(guide.intro)
    io.say(
        f"{length:g} minute{'' if length == 1 else 's'} from the bell. Ctrl+C ends it early.",
        bell=True,
    )
    start = timing.monotonic()
    total = length * 60
    done = False
    try:
        if total >= 60:
            _wait_until(start + total / 2, timing)
            io.say("Halfway.")
        _wait_until(start + total, timing)
        done = True
        io.say(guide.end, bell=True)
    except KeyboardInterrupt:
        io.say("Ending here. Any time you sat counts.")
    elapsed = min(timing.monotonic() - start, total)
    after = _after(io)
    ctx.store().add_session(
        "meditate",
        "timer",
        started_at=started_at,
        planned_seconds=round(total),
        actual_seconds=elapsed,
        completed=done,
        after=after,
    )
    io.say("Saved.")
    return done


def _after(io: PlainIO) -> int | None:
    """How much can you feel now (0-10), or None: Enter, Ctrl+D or Ctrl+C skip it."""
    try:
        while True:
            answer = io.ask("How much can you feel now, 0 (nothing) to 10? Enter skips.").strip()
            if not answer:
                return None
            if answer.isdigit() and int(answer) <= 10:
                return int(answer)
            io.say("A whole number from 0 to 10, please. Or Enter.")
    except (Ended, KeyboardInterrupt):
        io.say()
        return None
