"""BreathingOrb: block-character orb that grows on the in-breath and shrinks on the out-breath.

The picture is a pure function of the plan and the elapsed time (read from the injected clock),
so a late tick simply draws the right moment. A timer computes the next frame and repaints only
when it differs from the last one; in reduced-motion mode there is no orb, only a steady cue.
"""

from __future__ import annotations

import math
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.geometry import Region
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from tui.core.content import BreathPhase
from tui.core.practice import BreathingPlan, PhaseState, Stopwatch
from tui.screens.base import thaw_app

TICK_SECONDS = 1 / 12  # fast enough for a smooth orb; frames are only sent when they change
REDUCED_TICK_SECONDS = 1 / 4
MAX_RADIUS_ROWS = 9.0  # a calm size on big terminals, and fewer bytes per frame over SSH


def countdown_text(state: PhaseState) -> str:
    """Under the orb: "in 4", "hold 7", "out, slowly 6"."""
    return f"{state.phase.label} {state.countdown}"


def cue_text(state: PhaseState) -> str:
    """Reduced motion: a steady sentence such as "Breathe in  ·  4"."""
    return f"{cue_word(state.phase)}  ·  {state.countdown}"


PACE_FILLED, PACE_EMPTY = "●", "○"
MAX_PACE_DOTS = 20


def pace_bar(state: PhaseState) -> str:
    """Reduced motion's pacing: one dot a second of this breath, filled as the seconds pass.

    "● ● ○ ○" halfway through a four-second in-breath. It changes once a second and never
    moves, so it paces the breath without animation (and reads the same without colour).
    """
    total = max(1, min(MAX_PACE_DOTS, math.ceil(state.phase.seconds - 1e-9)))
    filled = max(1, min(total, total - state.countdown + 1))
    return " ".join([PACE_FILLED] * filled + [PACE_EMPTY] * (total - filled))


def cue_word(phase: BreathPhase) -> str:
    """ "Breathe in", "Breathe in again", "Hold", "Breathe out, slowly"."""
    if phase.kind == "hold":
        return phase.label[:1].upper() + phase.label[1:]
    return f"Breathe {phase.label}"


def orb_rows(level: float, width: int, height: int) -> tuple[str, ...]:
    """An ellipse `height` rows by `width` columns whose size follows `level` (0..1).

    Half-block characters give two vertical dots a cell, and the radius moves in half-row steps,
    so a breath is a handful of distinct frames rather than a stream of near-identical ones.
    Cells are about twice as tall as wide, so the horizontal radius is twice the vertical one.
    """
    if width <= 0 or height <= 0:
        return ()
    max_ry = min(height / 2, (width - 2) / 4, MAX_RADIUS_ROWS)
    if max_ry < 1:
        return tuple(" " * width for _ in range(height))
    min_ry = max(1.0, max_ry * 0.25)
    ry = min_ry + (max_ry - min_ry) * min(1.0, max(0.0, level))
    ry = math.floor(ry * 2 + 0.5) / 2  # half-row steps
    rx = ry * 2
    cx = width / 2
    cy = height / 2
    rows: list[str] = []
    for row in range(height):
        chars: list[str] = []
        for col in range(width):
            dx = (col + 0.5 - cx) / rx
            top = (row + 0.25 - cy) / ry
            bottom = (row + 0.75 - cy) / ry
            upper = dx * dx + top * top <= 1
            lower = dx * dx + bottom * bottom <= 1
            chars.append("█" if upper and lower else "▀" if upper else "▄" if lower else " ")
        rows.append("".join(chars))
    return tuple(rows)


class BreathingOrb(Widget):
    """Paces one breathing plan. The screen calls start/pause/resume/stop; the orb posts
    `PhaseChanged` (for an optional bell) and `Finished` once the last round is done."""

    DEFAULT_CSS = """
    BreathingOrb {
        width: 100%;
        height: 1fr;
        min-height: 3;
    }
    BreathingOrb .breathing-orb--orb {
        color: $accent;
    }
    BreathingOrb .breathing-orb--label {
        color: $foreground;
        text-style: bold;
    }
    BreathingOrb .breathing-orb--quiet {
        color: $foreground-muted;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "breathing-orb--orb",
        "breathing-orb--label",
        "breathing-orb--quiet",
    }

    class PhaseChanged(Message):
        """A new phase began (not sent for the very first one)."""

        def __init__(self, state: PhaseState) -> None:
            super().__init__()
            self.state = state

    class Finished(Message):
        """The last round is done."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.plan: BreathingPlan | None = None
        self.stopwatch = Stopwatch()
        self.finished = False
        self.paints = 0  # how many frames were actually sent; tests and the bench read it
        self.caption = ""  # the words under the orb (or the whole cue in reduced motion)
        self.rows: tuple[str, ...] = ()  # the orb's picture; empty in reduced motion
        self._frame: tuple[object, ...] | None = None
        self._last_phase: tuple[int, int] | None = None
        self._timer: Timer | None = None

    # --- control ----------------------------------------------------------------------------
    def _now(self) -> float:
        return thaw_app(self).clock.monotonic()

    @property
    def reduced_motion(self) -> bool:
        return thaw_app(self).reduced_motion

    def start(self, plan: BreathingPlan) -> None:
        """Begin `plan` from its first breath, now."""
        self.plan = plan
        self.finished = False
        self._last_phase = None
        self.stopwatch.start(self._now())
        self._ensure_timer()
        self.tick()

    def set_plan(self, plan: BreathingPlan) -> None:
        """Swap in a longer or shorter plan of the same pattern, keeping the time breathed."""
        self.plan = plan
        self.tick()

    def pause(self) -> None:
        self.stopwatch.pause(self._now())
        if self._timer is not None:
            self._timer.pause()
        self.tick()

    def resume(self) -> None:
        self.stopwatch.resume(self._now())
        self._ensure_timer()
        self.tick()

    def stop(self) -> None:
        """End here (early or not): the clock stops and the timer sleeps."""
        self.stopwatch.pause(self._now())
        self.finished = True
        if self._timer is not None:
            self._timer.pause()
        self.tick()

    @property
    def paused(self) -> bool:
        return self.stopwatch.paused and not self.finished

    def elapsed(self) -> float:
        """Seconds breathed so far (pauses excluded)."""
        return self.stopwatch.elapsed(self._now())

    def state(self) -> PhaseState | None:
        return None if self.plan is None else self.plan.phase_at(self.elapsed())

    def _ensure_timer(self) -> None:
        interval = REDUCED_TICK_SECONDS if self.reduced_motion else TICK_SECONDS
        if self._timer is None:
            self._timer = self.set_interval(interval, self.tick)
        else:
            self._timer.resume()

    # --- the frame --------------------------------------------------------------------------
    def tick(self) -> None:
        """Work out the current frame; repaint only when it changed; report phase changes."""
        state = self.state()
        if state is not None and not self.finished:
            key = (state.round, state.index)
            if state.done:
                self.finished = True
                self.stopwatch.pause(self._now())
                if self._timer is not None:
                    self._timer.pause()
                self.post_message(self.Finished())
            elif self._last_phase is not None and key != self._last_phase:
                self.post_message(self.PhaseChanged(state))
            self._last_phase = key
        self.caption = self._caption(state)
        frame = self._compute_frame(state, self.caption)
        rows = frame[1] if frame[0] == "orb" else ()
        self.rows = rows if isinstance(rows, tuple) else ()
        if frame != self._frame:
            regions = _changed_regions(self._frame, frame, self.size.width)
            self._frame = frame
            self.paints += 1
            self.refresh(*regions)

    def _caption(self, state: PhaseState | None) -> str:
        if state is None:
            return ""
        if state.done:
            return "That was the last breath. Breathe however you like now."
        if self.finished:
            return "Stopped. Breathe however you like now."
        if self.stopwatch.paused:
            return "Paused. Press space to carry on."
        return cue_text(state) if self.reduced_motion else countdown_text(state)

    def _compute_frame(
        self, state: PhaseState | None, caption: str | None = None
    ) -> tuple[object, ...]:
        if caption is None:
            caption = self._caption(state)
        if self.reduced_motion or state is None:
            running = state is not None and not state.done and not self.finished
            pace = pace_bar(state) if running and state is not None else ""
            return ("cue", caption, self.size.height, pace)
        level = 0.0 if self.finished else state.level
        # The orb's box is no taller than its largest breath, and the box with its caption sits
        # in the middle: on a tall terminal the words stay right under the orb.
        height = max(0, min(self.size.height - 2, math.ceil(MAX_RADIUS_ROWS * 2)))
        top = max(0, (self.size.height - height - 2) // 2)
        rows = orb_rows(level, self.size.width, height)
        return ("orb", rows, caption, top)

    def render(self) -> RenderableType:
        frame = self._frame or self._compute_frame(self.state())
        label_style = self.get_component_rich_style("breathing-orb--label")
        if frame[0] == "cue":
            caption = str(frame[1])
            pace = str(frame[3]) if len(frame) > 3 else ""
            top = max(0, (self.size.height - 1) // 2)
            # Inside a Group, as the orb's caption is: a bare Text loses its centring when
            # Textual turns it into its own content, and the cue sat at the left edge.
            cue = Text("\n" * top + caption, style=label_style, justify="center")
            if not pace:
                return Group(cue)
            quiet = self.get_component_rich_style("breathing-orb--orb")
            return Group(cue, Text(pace, style=quiet, justify="center"))
        rows = frame[1]
        caption = str(frame[2])
        offset = frame[3]
        assert isinstance(rows, tuple) and isinstance(offset, int)
        orb_style = self.get_component_rich_style("breathing-orb--orb")
        orb = Text("\n".join(str(r) for r in rows), style=orb_style, no_wrap=True)
        above = [Text("")] * offset
        return Group(*above, orb, Text(""), Text(caption, style=label_style, justify="center"))

    def on_resize(self) -> None:
        self._frame = None
        self.tick()
        self.refresh()


def _changed_regions(
    old: tuple[object, ...] | None, new: tuple[object, ...], width: int
) -> list[Region]:
    """Only the parts of the widget that differ, so a frame costs the orb's box, not the screen.

    An empty list means "everything" (Widget.refresh with no regions repaints it all).
    """
    if old is None or old[0] != new[0]:
        return []
    if new[0] == "cue":
        height = new[2]
        if old[2] != height or not isinstance(height, int):
            return []
        return [Region(0, max(0, (height - 1) // 2), width, 2)]  # the cue and its dots
    old_rows, new_rows, top = old[1], new[1], new[3]
    if not isinstance(old_rows, tuple) or not isinstance(new_rows, tuple):
        return []
    if len(old_rows) != len(new_rows) or old[3] != top or not isinstance(top, int):
        return []
    regions: list[Region] = []
    changed = [i for i, (a, b) in enumerate(zip(old_rows, new_rows, strict=True)) if a != b]
    if changed:
        left, right = width, 0
        for i in changed:
            for row in (old_rows[i], new_rows[i]):
                stripped = row.strip()
                if stripped:
                    start = len(row) - len(row.lstrip())
                    left = min(left, start)
                    right = max(right, start + len(stripped))
        if right > left:
            span = changed[-1] - changed[0] + 1
            regions.append(Region(left, top + changed[0], right - left, span))
    if old[2] != new[2]:
        regions.append(Region(0, top + len(new_rows) + 1, width, 1))
    if not regions:
        return [Region(0, 0, 1, 1)]  # nothing visible changed; a one-cell repaint is harmless
    return regions
