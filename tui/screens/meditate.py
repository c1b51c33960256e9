"""MeditateScreen: a quiet timer that starts at once, with settle-in, bells and a gentle end."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from tui.core.errors import InputError
from tui.core.practice import MeditationTimer, parse_minutes
from tui.core.records.models import Session
from tui.core.text import clean_line
from tui.screens.practice_base import (
    END_KEY,
    END_TOO_KEY,
    LEAVE_KEY,
    MIN_SAVED_SECONDS,
    RESUME_KEY,
    PracticeScreen,
)
from tui.widgets.countdown import Countdown
from tui.widgets.feel_rating import FeelRating
from tui.widgets.key_footer import KeyFooter
from tui.widgets.practice_field import PracticeField

# The screen sleeps until the next thing due (a new second on the countdown, a bell, the end)
# and wakes just after it, so it runs about once a second and is never more than this late.
WAKE_MARGIN_SECONDS = 0.005
LENGTH_KEYS = "Another length: ← shorter, → longer"


class MeditateScreen(PracticeScreen):
    """One sit. Changing the length keeps the time already sat."""

    DEFAULT_CSS = """
    MeditateScreen #meditate-info {
        height: auto;
        padding: 0 1;
    }
    MeditateScreen #lengths {
        color: $foreground-muted;
    }
    MeditateScreen #guide {
        padding: 1 0 0 0;
    }
    MeditateScreen #clock-area {
        height: 1fr;
        align: center middle;
    }
    MeditateScreen #status {
        width: 100%;
        text-align: center;
        color: $foreground-muted;
        height: auto;
    }
    MeditateScreen .row {
        height: auto;
        display: none;
        padding: 0 1;
    }
    MeditateScreen .row.open {
        display: block;
    }
    MeditateScreen #length-error {
        color: $warning;
    }
    /* A short terminal keeps the countdown in view: the guide steps aside. */
    MeditateScreen.-short #guide {
        display: none;
    }
    """

    # Several keys have two or three bindings; `check_action` lets exactly one of them act (and
    # show in the footer) at a time: Esc closes an open field, else ends, else goes back.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close_field",
            "Close",
            tooltip="Close the length field, unchanged",
            id="meditate-close-field",
        ),
        END_KEY,
        LEAVE_KEY,
        Binding("space", "pause", "Pause", tooltip="Pause the timer", id="meditate-pause"),
        RESUME_KEY,
        # One row in the help for the pair: the same tooltip is listed once.
        Binding(
            "left",
            "preset(-1)",
            "Length",
            key_display="←→",
            tooltip=LENGTH_KEYS,
            id="meditate-shorter",
        ),
        Binding(
            "right", "preset(1)", "Longer", show=False, tooltip=LENGTH_KEYS, id="meditate-longer"
        ),
        Binding(
            "c", "custom", "Own length", tooltip="Type a length in minutes", id="meditate-custom"
        ),
        END_TOO_KEY,
        Binding("r", "again", "Again", tooltip="Sit again", id="meditate-again"),
    ]

    FIELD_ROW = "#length-row"
    WHILE_GOING = ("preset", "custom")

    def __init__(self, minutes: float | None = None) -> None:
        super().__init__()
        self.requested_minutes = minutes
        self.timer = MeditationTimer(planned_seconds=120)
        self.pending_note = ""  # typed after the sit but not yet kept (kept on any way out)
        self.bells = 0  # bells asked for (the app rings them only if the bell setting is on)
        self._ticker: Timer | None = None
        self._status = ""

    # --- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="meditate-info"):
            yield Static(id="lengths")
            yield Static(id="guide")
        with Vertical(id="clock-area"):
            with Center():
                yield Countdown(id="countdown")
            yield Static(id="status")
        with Vertical(id="length-row", classes="row"):
            yield PracticeField(placeholder="minutes, for example 3 or 0.5", id="length-input")
            yield Static(id="length-error")
        yield FeelRating("before", id="before")
        yield FeelRating("after", id="after")
        with Vertical(id="notes-row", classes="row"):
            yield PracticeField(id="notes-input", max_length=500)
            yield Static(id="notes-said", classes="quiet")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Meditate"
        guide = self.thaw.content.meditation
        settings = self.thaw.settings
        minutes = self.requested_minutes or settings.meditation_minutes or guide.default_minutes
        try:
            minutes = parse_minutes(str(minutes))
        except InputError as err:
            self.notify(str(err), markup=False)
            minutes = float(guide.default_minutes)
        intro = guide.intro.strip() + (f"\n{guide.safety}" if guide.safety else "")
        self.query_one("#guide", Static).update(Text(intro))
        self.query_one("#notes-input", Input).placeholder = guide.after_prompt
        self.timer = MeditationTimer(
            planned_seconds=minutes * 60,
            settle_seconds=float(settings.settle_seconds),
            interval_seconds=float(settings.interval_bell_minutes) * 60,
        )
        self.query_one("#before", FeelRating).focus()
        self._begin()

    def _now(self) -> float:
        return self.thaw.clock.monotonic()

    def _begin(self) -> None:
        """Start the sit now, as a new session."""
        self.session = None
        self.ended = False
        self.completed = False
        self.after = None
        self.started_at = self.thaw.clock.now()
        self.query_one("#after", FeelRating).remove_class("open")
        self.query_one("#notes-row").remove_class("open")
        self.query_one("#notes-input", Input).display = True
        self.query_one("#notes-said", Static).update("")
        self.timer.start(self._now())
        self._show_lengths()
        self.tick()
        self.refresh_bindings()

    # --- the clock --------------------------------------------------------------------------
    def tick(self) -> None:
        """Ring due bells, update the countdown (it repaints only when its text changes)."""
        now = self._now()
        events = self.timer.poll(now)
        if events:
            self._ring()
        if "finish" in events:
            self._finish(completed=True)
            return
        self.query_one("#countdown", Countdown).show(self.timer.remaining(now))
        self._set_status(self._status_text(now))
        self._wake_later(now)

    def _wake_later(self, now: float) -> None:
        """Sleep until the next change is due (one timer at a time; none while paused)."""
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        delay = None if self.ended else self.timer.seconds_to_next_change(now)
        if delay is not None:
            self._ticker = self.set_timer(delay + WAKE_MARGIN_SECONDS, self.tick)

    def _status_text(self, now: float) -> str:
        guide = self.thaw.content.meditation
        status = self.timer.status(now)
        if status == "settling":
            left = self.timer.settle_left(now)
            return f"Settling in, {math.ceil(left - 1e-9)} s. {guide.settle}"
        if status == "paused":
            return "Paused. Press space to carry on."
        if status == "finished":
            return guide.end
        if status == "ended_early":
            return "Ended. However long it was, it counts."
        return ""

    def _set_status(self, text: str) -> None:
        if text != self._status:
            self._status = text
            self.query_one("#status", Static).update(Text(text))

    def _ring(self) -> None:
        self.bells += 1
        self.thaw.bell()

    def _show_lengths(self) -> None:
        presets = self.thaw.content.meditation.presets_minutes
        planned = self.timer.planned_seconds / 60
        text = Text("Length: ")
        for minutes in presets:
            label = f" {minutes} "
            if abs(minutes - planned) < 1e-6:
                text.append(f"[{minutes}]", style="bold reverse")
            else:
                text.append(label)
        if all(abs(m - planned) > 1e-6 for m in presets):
            text.append(f"  your own: {planned:g}", style="bold")
        text.append("  minutes")
        self.query_one("#lengths", Static).update(text)
        self.sub_title = f"{planned:g} minute{'s' if planned != 1 else ''}"

    # --- messages ---------------------------------------------------------------------------
    def on_feel_rating_answered(self, message: FeelRating.Answered) -> None:
        message.stop()
        if message.moment == "before":
            self.set_focus(None)
            self._rated_before(message.value)
            return
        self._rated_after(message.value)
        self.query_one("#notes-row").add_class("open")
        self.query_one("#notes-input", Input).focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        if message.input.id == "notes-input":
            self.pending_note = message.value

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        if message.input.id == "length-input":
            self._apply_custom_length(message.value)
        elif message.input.id == "notes-input":
            self._keep_note(message.value)

    def _keep_note(self, value: str) -> None:
        note = clean_line(value)
        field = self.query_one("#notes-input", Input)
        if not note:
            self.set_focus(None)
            return
        if self.session is None:
            # A short sit, unrated: what came up is still worth keeping.
            self.session = self._save(completed=self.completed, notes=(note,))
            if self.session is None:
                return  # could not be saved; it was said why, and the words stay in the field
        else:
            self._update_session(notes=(note,))
        self.pending_note = ""
        field.value = ""
        field.display = False
        self.query_one("#notes-said", Static).update(
            Text(f"Kept with this sit: {note}\nEsc goes back, r sits again.")
        )
        self.set_focus(None)

    # --- ending and saving ------------------------------------------------------------------
    def _finish(self, *, completed: bool) -> None:
        if self.ended:
            return
        now = self._now()
        if not completed:
            self.timer.end_early(now)
        self.ended = True
        self.completed = completed
        self._hide_unasked_before()
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.query_one("#countdown", Countdown).show(self.timer.remaining(now))
        self._set_status(self._status_text(now))
        self._close_field()
        self.session = self._save(completed=completed)
        self._offer_after()
        self.refresh_bindings()

    def _save(self, *, completed: bool, notes: tuple[str, ...] = ()) -> Session | None:
        actual = self.timer.sat_seconds(self._now())
        rated = self.before is not None or self.after is not None
        if self.started_at is None:
            return None
        if actual < MIN_SAVED_SECONDS and not completed and not rated and not notes:
            return None
        return self._add_session(
            "meditate",
            "timer",
            planned_seconds=round(self.timer.planned_seconds),
            actual_seconds=round(actual, 1),
            completed=completed,
            notes=notes,
        )

    def on_unmount(self) -> None:
        """The app is closing (Ctrl+Q): keep the time sat, any rating, and words typed after
        the sit but not entered. Only plain state here; the screen's widgets are already gone."""
        note = clean_line(self.pending_note)
        notes = (note,) if note else ()
        if not self.ended:
            self.ended = True
            self.timer.end_early(self._now())
            self._save(completed=False)
        elif notes and self.session is not None:
            self._update_session(notes=notes)
        elif notes:
            self._save(completed=self.completed, notes=notes)

    # --- actions ----------------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self.timer.status(self._now()) == "paused"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space pauses or resumes while sitting; the rest as every practice."""
        if action == "pause":
            return not self.ended and not self.paused
        if action == "resume":
            return not self.ended and self.paused
        return super().check_action(action, parameters)

    def action_close_field(self) -> None:
        """Esc while the length field is open: close it, length unchanged."""
        self._close_field()

    def _before_leaving(self) -> None:
        """Esc once it has ended: keep any note typed but not entered."""
        pending = self.query_one("#notes-input", Input).value
        if pending.strip():
            self._keep_note(pending)

    def action_pause(self) -> None:
        """Space: pause the timer."""
        if self.ended or self.paused:
            return
        self.timer.toggle_pause(self._now())
        self.tick()
        self.refresh_bindings()

    def action_resume(self) -> None:
        """Space while paused: carry on."""
        if self.ended or not self.paused:
            return
        self.timer.toggle_pause(self._now())
        self.tick()
        self.refresh_bindings()

    def action_again(self) -> None:
        """r, once ended: sit again as a new session."""
        if not self.ended:
            return
        self._ask_before_again()
        self._begin()

    def action_preset(self, step: int) -> None:
        """← →: the next shorter or longer preset."""
        if self.ended:
            return
        self._close_field()  # ← → reach here from the open field only while it is empty
        presets = list(self.thaw.content.meditation.presets_minutes)
        planned = self.timer.planned_seconds / 60
        if step > 0:
            choice = next((m for m in presets if m > planned + 1e-6), presets[-1])
        else:
            choice = next((m for m in reversed(presets) if m < planned - 1e-6), presets[0])
        self._set_length(float(choice))

    def _set_length(self, minutes: float) -> None:
        self.timer.set_planned(minutes * 60)
        self._show_lengths()
        self.tick()

    def action_custom(self) -> None:
        """c: type a length in minutes."""
        if self.ended:
            return
        self.query_one("#length-row").add_class("open")
        self.field_open = True
        self.refresh_bindings()
        self.query_one("#length-error", Static).update(
            Text("How many minutes? Enter keeps it; Esc closes this.")
        )
        field = self.query_one("#length-input", Input)
        field.value = f"{self.timer.planned_seconds / 60:g}"
        field.focus()

    def _apply_custom_length(self, value: str) -> None:
        try:
            minutes = parse_minutes(value)
        except InputError as err:
            self.query_one("#length-error", Static).update(Text(str(err)))
            return
        self._close_field()
        self._set_length(minutes)
