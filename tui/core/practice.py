"""Practice timing from monotonic timestamps: breathing phases, meditation timer, grounding.

Everything here is pure: callers pass in `now` (monotonic seconds) and get back what should be
on screen. Time is always a difference of two timestamps, never a count of ticks, so a busy
machine or a slow terminal never makes a practice drift.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal

from tui.core.content import BreathPattern, BreathPhase, GroundingExercise, GroundingStep
from tui.core.errors import InputError
from tui.core.records.rules import NOTE_MAX_CHARS
from tui.core.text import clean_text

CUSTOM_PATTERN_ID = "custom"
CUSTOM_PHASE_MAX_SECONDS = 30.0
MAX_BREATH_ROUNDS = 200
MAX_BREATH_MINUTES = 60.0
MAX_MEDITATION_MINUTES = 180.0
MIN_MEDITATION_MINUTES = 0.05  # three seconds: too short to sit, but handy to try the bells


# --- a pausable stopwatch ------------------------------------------------------------------


class Stopwatch:
    """Active time between start and now, minus pauses, from monotonic timestamps only.

    The running total is `banked` (closed stretches) plus `now - resumed_at` (the open one);
    both are differences of timestamps, so missed ticks never lose or add time.
    """

    def __init__(self) -> None:
        self.started = False
        self.paused = False
        self._banked = 0.0
        self._resumed_at = 0.0

    def start(self, now: float) -> None:
        """Begin counting from zero at `now`."""
        self.started = True
        self.paused = False
        self._banked = 0.0
        self._resumed_at = now

    def pause(self, now: float) -> None:
        """Stop counting; `elapsed` stays put until `resume`."""
        if self.started and not self.paused:
            self._banked += max(0.0, now - self._resumed_at)
            self.paused = True

    def resume(self, now: float) -> None:
        """Carry on counting from where `pause` left off."""
        if self.started and self.paused:
            self._resumed_at = now
            self.paused = False

    def elapsed(self, now: float) -> float:
        """Active seconds so far (never negative)."""
        if not self.started:
            return 0.0
        if self.paused:
            return self._banked
        return self._banked + max(0.0, now - self._resumed_at)


# --- breathing -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhaseState:
    """Where a breathing session is at one moment."""

    index: int  # index into BreathingPlan.phases
    round: int  # 1-based
    seconds_left: float  # in this phase
    fraction: float  # 0..1 through this phase
    done: bool
    phase: BreathPhase
    level: float  # 0 (empty lungs) .. 1 (full), eased; what the orb draws

    @property
    def countdown(self) -> int:
        """Whole seconds left, as a person counts them: 4, 3, 2, 1 (never 0 while running)."""
        if self.done:
            return 0
        return max(1, math.ceil(self.seconds_left - 1e-9))


def ease_in_out(t: float) -> float:
    """Gentle sine easing: slow at the turn of each breath, quicker in the middle."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def custom_pattern(
    seconds: tuple[float, float, float, float], name: str = "Your own"
) -> BreathPattern:
    """A BreathPattern from the person's (in, hold, out, hold) seconds."""
    breathe_in, hold_in, breathe_out, hold_out = seconds
    phases = (
        BreathPhase("in", breathe_in, "in"),
        BreathPhase("hold", hold_in, "hold"),
        BreathPhase("out", breathe_out, "out"),
        BreathPhase("hold", hold_out, "hold"),
    )
    shown = "-".join(_format_seconds(s) for s in seconds)
    return BreathPattern(
        id=CUSTOM_PATTERN_ID,
        name=f"{name} ({shown})",
        summary="The pattern you set: in, hold, out, hold.",
        evidence="Any slow, comfortable rhythm you choose is fine.",
        phases=phases,
        default_rounds=0,
        default_minutes=2,
    )


def _format_seconds(value: float) -> str:
    return f"{value:g}"


def parse_custom_breath(text: str) -> tuple[float, float, float, float]:
    """Read "4 0 6 0" (or "4-0-6-0", or "4 6" for in/out only) into (in, hold, out, hold).

    Raises InputError with a sentence for the person when it cannot be used.
    """
    parts = [p for p in re.split(r"[\s,/\-]+", text.strip()) if p]
    example = "Try four numbers of seconds, for example 4 0 6 0 (in, hold, out, hold)."
    if len(parts) not in (2, 4):
        raise InputError(example)
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise InputError(example) from None
    if len(values) == 2:
        values = [values[0], 0.0, values[1], 0.0]
    if any(not math.isfinite(v) or v < 0 for v in values):
        raise InputError("Seconds can't be negative. " + example)
    if values[0] < 1 or values[2] < 1:
        raise InputError("Breathing in and out each need at least 1 second.")
    if any(v > CUSTOM_PHASE_MAX_SECONDS for v in values):
        raise InputError(f"Each part can be at most {CUSTOM_PHASE_MAX_SECONDS:g} seconds.")
    return (values[0], values[1], values[2], values[3])


class BreathingPlan:
    """A breathing session: a pattern's phases repeated for a number of rounds.

    Zero-length phases (a custom pattern without holds) are dropped. With `minutes` instead of
    `rounds`, the plan runs the whole number of rounds closest to that time (at least one).
    `max_rounds` from the pattern (4-7-8) caps either way.
    """

    def __init__(self, pattern: BreathPattern, *, rounds: int = 0, minutes: float = 0.0) -> None:
        self.pattern = pattern
        self.phases: tuple[BreathPhase, ...] = tuple(p for p in pattern.phases if p.seconds > 0)
        if not self.phases:
            raise InputError("That breathing pattern has no phases with any length.")
        self.cycle_seconds = sum(p.seconds for p in self.phases)
        self._starts: tuple[float, ...] = tuple(
            sum(p.seconds for p in self.phases[:i]) for i in range(len(self.phases))
        )
        self._levels = _phase_levels(self.phases)
        self.by_minutes = rounds <= 0
        self.minutes = minutes if minutes > 0 else pattern.default_minutes or 2.0
        by_time = max(1, round(self.minutes * 60 / self.cycle_seconds))
        wanted = rounds if rounds > 0 else by_time
        if pattern.max_rounds > 0:
            wanted = min(wanted, pattern.max_rounds)
        self.rounds = max(1, min(MAX_BREATH_ROUNDS, wanted))

    @property
    def total_seconds(self) -> float:
        """How long the whole plan lasts."""
        return self.rounds * self.cycle_seconds

    def phase_at(self, elapsed: float) -> PhaseState:
        """The phase, round, time left and fraction through the phase at `elapsed` seconds."""
        elapsed = max(0.0, elapsed)
        if elapsed >= self.total_seconds:
            last = len(self.phases) - 1
            return PhaseState(
                index=last,
                round=self.rounds,
                seconds_left=0.0,
                fraction=1.0,
                done=True,
                phase=self.phases[last],
                level=self._levels[last][1],
            )
        round_index, into_cycle = divmod(elapsed, self.cycle_seconds)
        index = len(self.phases) - 1
        for i, start in enumerate(self._starts):
            if into_cycle < start + self.phases[i].seconds:
                index = i
                break
        phase = self.phases[index]
        into_phase = into_cycle - self._starts[index]
        fraction = min(1.0, max(0.0, into_phase / phase.seconds))
        low, high = self._levels[index]
        return PhaseState(
            index=index,
            round=int(round_index) + 1,
            seconds_left=max(0.0, phase.seconds - into_phase),
            fraction=fraction,
            done=False,
            phase=phase,
            level=low + (high - low) * ease_in_out(fraction),
        )


def _phase_levels(phases: tuple[BreathPhase, ...]) -> tuple[tuple[float, float], ...]:
    """(start, end) lung level of each phase: runs of "in" fill 0 -> 1 in proportion to their
    length (so the cyclic sigh's two inhales share the way up), runs of "out" empty 1 -> 0,
    holds keep the level they find."""
    levels: list[tuple[float, float]] = []
    level = 0.0
    i = 0
    while i < len(phases):
        kind = phases[i].kind
        if kind == "hold":
            levels.append((level, level))
            i += 1
            continue
        j = i
        while j < len(phases) and phases[j].kind == kind:
            j += 1
        run_total = sum(p.seconds for p in phases[i:j])
        start, end = (0.0, 1.0) if kind == "in" else (1.0, 0.0)
        done = 0.0
        for p in phases[i:j]:
            a = start + (end - start) * done / run_total
            done += p.seconds
            b = start + (end - start) * done / run_total
            levels.append((a, b))
        level = end
        i = j
    # A hold at the very start of a cycle follows the cycle's last phase (a loop).
    if phases and phases[0].kind == "hold":
        levels[0] = (levels[-1][1], levels[-1][1])
    return tuple(levels)


# --- meditation ----------------------------------------------------------------------------

MeditationStatus = Literal["ready", "settling", "running", "paused", "finished", "ended_early"]
MeditationEvent = Literal["begin", "interval", "finish"]


@dataclass
class MeditationTimer:
    """A meditation: optional settle-in, then `planned_seconds` of sitting, with interval bells.

    All state is timestamps; `poll(now)` reports each event ("begin" after settle-in, "interval"
    bells, "finish") exactly once, however late or irregular the polls are. Settle-in time does
    not count towards the meditation itself.
    """

    planned_seconds: float
    settle_seconds: float = 0.0
    interval_seconds: float = 0.0
    _watch: Stopwatch = field(default_factory=Stopwatch)
    _ended_early_at: float | None = None  # active seconds when ended early
    _begun: bool = False
    _finished: bool = False
    _bells_rung: int = 0

    def start(self, now: float) -> None:
        """Start (or restart from zero)."""
        self._watch.start(now)
        self._ended_early_at = None
        self._begun = False
        self._finished = False
        self._bells_rung = 0

    def pause(self, now: float) -> None:
        if self.status(now) in ("settling", "running"):
            self._watch.pause(now)

    def resume(self, now: float) -> None:
        if self.status(now) == "paused":
            self._watch.resume(now)

    def toggle_pause(self, now: float) -> None:
        """Space: pause when going, resume when paused."""
        if self.status(now) == "paused":
            self.resume(now)
        else:
            self.pause(now)

    def end_early(self, now: float) -> None:
        """Stop before the time is up; nothing after this changes."""
        if self.status(now) in ("settling", "running", "paused"):
            self._ended_early_at = self._watch.elapsed(now)
            self._watch.pause(now)

    def set_planned(self, seconds: float) -> None:
        """Change the length while going (a preset key); time already sat is kept."""
        self.planned_seconds = max(1.0, seconds)

    def _active(self, now: float) -> float:
        if self._ended_early_at is not None:
            return self._ended_early_at
        return self._watch.elapsed(now)

    def status(self, now: float) -> MeditationStatus:
        if not self._watch.started:
            return "ready"
        if self._ended_early_at is not None:
            return "ended_early"
        active = self._watch.elapsed(now)
        if active >= self.settle_seconds + self.planned_seconds or self._finished:
            return "finished"
        if self._watch.paused:
            return "paused"
        if active < self.settle_seconds:
            return "settling"
        return "running"

    def sat_seconds(self, now: float) -> float:
        """Seconds of meditation proper so far (settle-in excluded), capped at the plan."""
        return min(self.planned_seconds, max(0.0, self._active(now) - self.settle_seconds))

    def settle_left(self, now: float) -> float:
        """Seconds of settle-in still to go."""
        return max(0.0, self.settle_seconds - self._active(now))

    def remaining(self, now: float) -> float:
        """Seconds of meditation still to go (the settle-in is shown separately)."""
        return max(0.0, self.planned_seconds - self.sat_seconds(now))

    def seconds_to_next_change(self, now: float) -> float | None:
        """How long until something on screen or a bell is due: the next whole second of the
        countdown (or of the settle-in), the next interval bell, or the end. None when nothing
        will change by itself (not started, paused, over). Lets the screen sleep in between."""
        status = self.status(now)
        if status in ("ready", "paused", "finished", "ended_early"):
            return None
        if status == "settling":
            left = self.settle_left(now)
            return max(0.001, left - (math.ceil(left - 1e-9) - 1))
        remaining = self.remaining(now)
        delay = remaining - (math.ceil(remaining - 1e-9) - 1)
        sat = self.sat_seconds(now)
        upcoming = [t - sat for t in self.bell_times() if t > sat + 1e-9]
        if upcoming:
            delay = min(delay, upcoming[0])
        return max(0.001, min(delay, remaining))

    def bell_times(self) -> tuple[float, ...]:
        """Interval bells, in seconds of meditation: every interval, never at the very end."""
        if self.interval_seconds <= 0:
            return ()
        times: list[float] = []
        t = self.interval_seconds
        while t < self.planned_seconds - 1e-9:
            times.append(t)
            t += self.interval_seconds
        return tuple(times)

    def poll(self, now: float) -> list[MeditationEvent]:
        """Events that became due since the last poll, in order, each reported once.

        Interval bells that were skipped over (a suspended laptop) collapse into one.
        """
        status = self.status(now)
        if status in ("ready", "ended_early"):
            return []
        events: list[MeditationEvent] = []
        active = self._watch.elapsed(now)
        if not self._begun and active >= self.settle_seconds:
            self._begun = True
            events.append("begin")
        sat = self.sat_seconds(now)
        due = sum(1 for t in self.bell_times() if t <= sat + 1e-9)
        if due > self._bells_rung:
            if status != "finished":
                events.append("interval")
            self._bells_rung = due
        if status == "finished" and not self._finished:
            self._finished = True
            self._watch.pause(now)
            events.append("finish")
        return events


def parse_minutes(text: str) -> float:
    """A meditation length typed by the person ("5", "2.5", "0,5"), in minutes.

    Raises InputError with a sentence for the person when it cannot be used.
    """
    try:
        minutes = float(text.strip().replace(",", "."))
    except ValueError:
        raise InputError("Type a number of minutes, for example 2 or 5.") from None
    if not math.isfinite(minutes) or minutes < MIN_MEDITATION_MINUTES:
        raise InputError("That is too short; try 1 minute or more.")
    if minutes > MAX_MEDITATION_MINUTES:
        raise InputError(f"That is longer than Thaw times; try {MAX_MEDITATION_MINUTES:g} or less.")
    return minutes


# --- grounding -----------------------------------------------------------------------------


class GroundingRun:
    """One pass through a grounding exercise, a step at a time, keeping what the person typed.

    `index` runs 0..len(steps); `index == len(steps)` means finished (the outro is shown).
    """

    def __init__(self, exercise: GroundingExercise) -> None:
        if not exercise.steps:
            raise InputError(f"The grounding exercise {exercise.name!r} has no steps.")
        self.exercise = exercise
        self.index = 0
        self._notes: list[str] = ["" for _ in exercise.steps]
        self.fallback_shown = False

    @property
    def total(self) -> int:
        return len(self.exercise.steps)

    @property
    def finished(self) -> bool:
        return self.index >= self.total

    @property
    def step(self) -> GroundingStep | None:
        """The step on screen, or None once finished."""
        return None if self.finished else self.exercise.steps[self.index]

    def note_at(self, index: int) -> str:
        return self._notes[index] if 0 <= index < self.total else ""

    def advance(self, note: str = "") -> None:
        """Keep `note` (cleaned; blank is fine) for this step and move to the next."""
        if self.finished:
            return
        self._notes[self.index] = clean_text(note).strip()[:NOTE_MAX_CHARS]
        self.index += 1
        self.fallback_shown = False

    def set_note(self, note: str) -> None:
        """Keep `note` for the step on screen without moving on (leaving part-way)."""
        if not self.finished:
            self._notes[self.index] = clean_text(note).strip()[:NOTE_MAX_CHARS]

    def back(self) -> None:
        """Go back one step (what was typed there is kept and offered again)."""
        if self.index > 0:
            self.index -= 1
            self.fallback_shown = False

    def reveal_fallback(self) -> str:
        """The step's "nothing there?" line, remembered as shown; "" when it has none."""
        step = self.step
        if step is None or not step.fallback:
            return ""
        self.fallback_shown = True
        return step.fallback

    @property
    def steps_done(self) -> int:
        return min(self.index, self.total)

    def notes(self) -> tuple[str, ...]:
        """What the person typed, in step order, blanks left out."""
        return tuple(n for n in self._notes if n)


def resolve_id(wanted: str, ids: list[str], aliases: dict[str, str] | None = None) -> str | None:
    """Match what a person typed ("Box", "4-7-8", "cyclic-sigh", "sigh") to a known id."""
    key = re.sub(r"[\s\-]+", "_", wanted.strip().lower())
    if key in ids:
        return key
    squashed = key.replace("_", "")
    for known in ids:
        if known.replace("_", "") == squashed:
            return known
    alias = (aliases or {}).get(key) or (aliases or {}).get(squashed)
    if alias in ids:
        return alias
    starts = [known for known in ids if known.startswith(key)]
    return starts[0] if len(starts) == 1 else None


def clamp_feel(value: int | None) -> int | None:
    """A 0-10 feel rating, or None."""
    if value is None:
        return None
    return min(10, max(0, value))
