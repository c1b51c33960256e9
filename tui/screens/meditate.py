"""MeditateScreen: a quiet timer that starts at once, with settle-in, bells and a gentle end."""

from __future__ import annotations

import math
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from tui.core.errors import InputError, ThawError
from tui.core.models import Session
from tui.core.practice import MeditationTimer, parse_minutes
from tui.core.text import clean_line
from tui.screens.base import ThawScreen
from tui.widgets.countdown import Countdown
from tui.widgets.feel_rating import FeelRating, steady

# The screen sleeps until the next thing due (a new second on the countdown, a bell, the end)
# and wakes just after it, so it runs about once a second and is never more than this late.
WAKE_MARGIN_SECONDS = 0.005
MIN_SAVED_SECONDS = 5.0  # shorter than this was a look around, not a sit: nothing is saved


class MeditateScreen(ThawScreen):
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
    MeditateScreen #after {
        display: none;
    }
    MeditateScreen #after.open {
        display: block;
    }
    MeditateScreen #length-error {
        color: $warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back"),
        Binding("space", "pause", "Pause"),
        Binding("left", "preset(-1)", "Length", key_display="←→"),
        Binding("right", "preset(1)", "Longer", show=False),
        Binding("c", "custom", "Own length"),
        Binding("q", "end", "End here, then say how it went", show=False),
        Binding("r", "again", "Again"),
    ]

    ended: reactive[bool] = reactive(False, bindings=True)
    """True once the practice has stopped (finished or ended early); the footer follows it."""

    KEY_HELP: ClassVar[list[tuple[str, str]]] = [
        ("0-9, t, n", "How much you can feel: a digit, t for 10, n to skip"),
        ("Enter", "Keep what came up, once it is over"),
    ]

    def __init__(self, minutes: float | None = None) -> None:
        super().__init__()
        self.requested_minutes = minutes
        self.timer = MeditationTimer(planned_seconds=120)
        self.before: int | None = None
        self.after: int | None = None
        self.session: Session | None = None
        self.started_at: datetime | None = None
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
            yield steady(Input(placeholder="minutes, for example 3 or 0.5", id="length-input"))
            yield Static(id="length-error")
        yield FeelRating("before", id="before")
        yield FeelRating("after", id="after")
        with Vertical(id="notes-row", classes="row"):
            yield steady(Input(id="notes-input", max_length=500))
            yield Static(id="notes-said", classes="quiet")
        yield Footer()

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
        self.query_one("#guide", Static).update(Text(guide.intro.strip()))
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
        self.after = None
        self.started_at = self.thaw.clock.now()
        self.query_one("#after", FeelRating).remove_class("open")
        self.query_one("#notes-row").remove_class("open")
        self.query_one("#notes-input", Input).display = True
        self.query_one("#notes-said", Static).update("")
        self.timer.start(self._now())
        self._show_lengths()
        self.tick()

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
            self.before = message.value
            self.set_focus(None)
            if self.session is not None and message.value is not None:
                self._update_session(before=message.value)
            return
        self.after = message.value
        if self.session is not None and message.value is not None:
            self._update_session(after=message.value)
        self.query_one("#notes-row").add_class("open")
        self.query_one("#notes-input", Input).focus()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        if message.input.id == "length-input":
            self._apply_custom_length(message.value)
        elif message.input.id == "notes-input":
            self._keep_note(message.value)

    def _keep_note(self, value: str) -> None:
        note = clean_line(value)
        field = self.query_one("#notes-input", Input)
        if not note or self.session is None:
            self.set_focus(None)
            return
        self._update_session(notes=(note,))
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
        before = self.query_one("#before", FeelRating)
        before.display = before.answered  # an unanswered question is moot once it's over
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.query_one("#countdown", Countdown).show(self.timer.remaining(now))
        self._set_status(self._status_text(now))
        self.query_one("#length-row").remove_class("open")
        self.session = self._save(completed=completed)
        if self.session is not None:
            after = self.query_one("#after", FeelRating)
            after.value = None
            after.answered = False
            after.add_class("open")
            after.focus()

    def _save(self, *, completed: bool) -> Session | None:
        actual = self.timer.sat_seconds(self._now())
        if self.started_at is None or (actual < MIN_SAVED_SECONDS and not completed):
            return None
        try:
            return self.thaw.store.add_session(
                "meditate",
                "timer",
                started_at=self.started_at,
                planned_seconds=round(self.timer.planned_seconds),
                actual_seconds=round(actual, 1),
                completed=completed,
                before=self.before,
                after=self.after,
            )
        except ThawError as err:
            self._tell(err)
            return None

    def _update_session(self, **changes: object) -> None:
        if self.session is None:
            return
        try:
            self.session = self.thaw.store.update_session(self.session, **changes)
        except ThawError as err:
            self._tell(err)

    def _tell(self, err: ThawError) -> None:
        show = getattr(self.app, "show_data_error", None)
        if callable(show):
            show(err)
        else:
            self.notify(str(err), severity="error")

    def keep_as_draft(self) -> None:
        """The terminal went away (SIGHUP): keep the time sat as an unfinished session."""
        if not self.ended:
            self._finish(completed=False)

    # --- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now: pausing while going, "again" once ended."""
        if action in ("pause", "preset", "custom", "end"):
            return not self.ended
        if action == "again":
            return self.ended
        return True

    async def action_leave(self) -> None:
        """Esc: close the length field if open; otherwise end, keep any note, go back."""
        row = self.query_one("#length-row")
        if row.has_class("open"):
            row.remove_class("open")
            self.set_focus(None)
            return
        if not self.ended:
            self._finish(completed=False)
        pending = self.query_one("#notes-input", Input).value
        if pending.strip():
            self._keep_note(pending)
        await self.app.run_action("app.back")

    def action_pause(self) -> None:
        """Space: pause or carry on."""
        if self.ended:
            return
        now = self._now()
        self.timer.toggle_pause(now)
        self.tick()

    def action_end(self) -> None:
        """q: end here."""
        self._finish(completed=False)

    def action_again(self) -> None:
        """r, once ended: sit again as a new session."""
        if not self.ended:
            return
        self.before = None
        before = self.query_one("#before", FeelRating)
        before.value = None
        before.answered = False
        before.display = True
        before.focus()
        self._begin()

    def action_preset(self, step: int) -> None:
        """← →: the next shorter or longer preset."""
        if self.ended:
            return
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
        self.query_one("#length-row").remove_class("open")
        self.set_focus(None)
        self._set_length(minutes)
