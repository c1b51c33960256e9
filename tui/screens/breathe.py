"""BreatheScreen: paced breathing that starts at once, with a skippable before/after feel rating."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Input, Static

from tui.core.content import BreathPattern
from tui.core.errors import InputError
from tui.core.practice import (
    CUSTOM_PATTERN_ID,
    MAX_BREATH_MINUTES,
    MAX_BREATH_ROUNDS,
    BreathingPlan,
    custom_pattern,
    parse_custom_breath,
    resolve_id,
)
from tui.core.records.models import Session
from tui.screens.practice_base import (
    END_KEY,
    END_TOO_KEY,
    LEAVE_KEY,
    MIN_SAVED_SECONDS,
    RESUME_KEY,
    PracticeScreen,
)
from tui.widgets.breathing_orb import BreathingOrb
from tui.widgets.feel_rating import FeelRating
from tui.widgets.key_footer import KeyFooter
from tui.widgets.practice_field import PracticeField

PATTERN_KEYS = "Another pattern: ← the one before, → the next"
LENGTH_KEYS = "Longer or shorter: + one round (or minute) more, - one less"
NARROW_COLUMNS = 60  # below this the progress line drops the pattern name (the header shows it)

PATTERN_ALIASES = {
    "sigh": "cyclic_sigh",
    "cyclic": "cyclic_sigh",
    "4_7_8": "478",
    "coherent": "resonance",
    "square": "box",
    "own": CUSTOM_PATTERN_ID,
}


class BreatheScreen(PracticeScreen):
    """One breathing session. Keys change the pattern and length while it runs."""

    DEFAULT_CSS = """
    BreatheScreen #breathe-info {
        height: auto;
        padding: 0 1;
    }
    BreatheScreen .pattern-note {
        color: $foreground-muted;
    }
    BreatheScreen .pattern-caution {
        color: $warning;
    }
    BreatheScreen #custom-row {
        height: auto;
        display: none;
        padding: 0 1;
    }
    BreatheScreen #custom-row.open {
        display: block;
    }
    BreatheScreen #custom-error {
        color: $warning;
    }
    /* A short terminal keeps the orb and its countdown in view: the longer words step aside. */
    BreatheScreen.-short #pattern-summary, BreatheScreen.-short #pattern-evidence {
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
            tooltip="Close your own pattern, unchanged",
            id="breathe-close-field",
        ),
        END_KEY,
        LEAVE_KEY,
        Binding("space", "pause", "Pause", tooltip="Pause where you are", id="breathe-pause"),
        RESUME_KEY,
        # One row in the help for the pair: the same tooltip is listed once.
        Binding(
            "left",
            "pattern(-1)",
            "Pattern",
            key_display="←→",
            tooltip=PATTERN_KEYS,
            id="breathe-pattern-previous",
        ),
        Binding(
            "right",
            "pattern(1)",
            "Next pattern",
            show=False,
            tooltip=PATTERN_KEYS,
            id="breathe-pattern-next",
        ),
        Binding(
            "c",
            "custom",
            "Custom",
            tooltip="Breathe your own pattern, and change it",
            id="breathe-custom",
        ),
        Binding(
            "plus,equals_sign",
            "length(1)",
            "Longer",
            key_display="+/-",
            show=False,
            tooltip=LENGTH_KEYS,
            id="breathe-longer",
        ),
        Binding(
            "minus", "length(-1)", "Shorter", show=False, tooltip=LENGTH_KEYS, id="breathe-shorter"
        ),
        Binding(
            "m",
            "rounds_or_minutes",
            "Count rounds or minutes",
            show=False,
            tooltip="Count in rounds or in minutes",
            id="breathe-rounds-or-minutes",
        ),
        Binding(
            "b",
            "phase_bell",
            "Bell at each change of breath",
            show=False,
            tooltip="A bell at each change of breath, on or off",
            id="breathe-phase-bell",
        ),
        END_TOO_KEY,
        Binding("r", "again", "Again", tooltip="The same pattern again", id="breathe-again"),
    ]

    FIELD_ROW = "#custom-row"
    WHILE_GOING = ("length", "rounds_or_minutes")

    def __init__(self, pattern: str | None = None) -> None:
        super().__init__()
        self.requested_pattern = pattern
        self.pattern: BreathPattern | None = None
        self.rounds = 0  # 0: count in minutes
        self.minutes = 2.0
        self.phase_bell = False
        self.paused = False
        self._custom_draft = ""  # what was typed there before Esc closed it, offered again
        self._orb: BreathingOrb | None = None
        self._shown_round = 0  # the round the header names now

    # --- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="breathe-info"):
            yield Static(id="progress")
            yield Static(id="pattern-summary")
            yield Static(id="pattern-evidence", classes="pattern-note")
            yield Static(id="pattern-caution", classes="pattern-caution")
        yield BreathingOrb(id="orb")
        with Vertical(id="custom-row"):
            yield PracticeField(placeholder="in hold out hold, e.g. 4 0 6 0", id="custom-input")
            yield Static(id="custom-error")
        yield FeelRating("before", id="before")
        yield FeelRating("after", id="after")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Breathe"
        settings = self.thaw.settings
        wanted = self.requested_pattern or settings.breath_pattern
        pattern = self._find_pattern(wanted)
        if pattern is None:
            self.notify(
                f"There is no breathing pattern called {wanted!r}, so here is the first one.",
                markup=False,
            )
            pattern = self._patterns()[0]
        self.rounds = settings.breath_rounds
        self.minutes = float(settings.breath_minutes or 2)
        # The bell at each change of breath is kept in settings once Settings has the field.
        self.phase_bell = bool(getattr(settings, "breath_bell", False))
        self.query_one("#before", FeelRating).focus()
        self._begin(pattern)

    # --- patterns ---------------------------------------------------------------------------
    def _patterns(self) -> list[BreathPattern]:
        return [*self.thaw.content.breathing, custom_pattern(self.thaw.settings.custom_breath)]

    def _find_pattern(self, wanted: str) -> BreathPattern | None:
        patterns = self._patterns()
        found = resolve_id(wanted, [p.id for p in patterns], PATTERN_ALIASES)
        return next((p for p in patterns if p.id == found), None)

    def _plan_for(self, pattern: BreathPattern) -> BreathingPlan:
        rounds = self.rounds or pattern.default_rounds
        return BreathingPlan(pattern, rounds=rounds, minutes=self.minutes)

    def _begin(self, pattern: BreathPattern) -> None:
        """Start `pattern` from its first breath, now, as a new session."""
        self.pattern = pattern
        self.session = None
        self.ended = False
        self.paused = False
        self.completed = False
        self.after = None
        self.started_at = self.thaw.clock.now()
        self.query_one("#after", FeelRating).remove_class("open")
        self._show_pattern(pattern)
        self.orb.start(self._plan_for(pattern))
        self._show_progress()
        self.refresh_bindings()

    @property
    def orb(self) -> BreathingOrb:
        # Kept once found: `on_unmount` still needs it after the screen's children are gone.
        if self._orb is None:
            self._orb = self.query_one("#orb", BreathingOrb)
        return self._orb

    def _show_pattern(self, pattern: BreathPattern) -> None:
        self.sub_title = pattern.name
        self.query_one("#pattern-summary", Static).update(Text(pattern.summary))
        self.query_one("#pattern-evidence", Static).update(Text(pattern.evidence))
        caution = self.query_one("#pattern-caution", Static)
        # A pattern of one's own has no words in content: it borrows the first pattern's note.
        safety = pattern.safety or next((p.safety for p in self._patterns() if p.safety), "")
        words = " ".join(part for part in (pattern.caution, safety) if part)
        caution.update(Text(words))
        caution.display = bool(words)

    def _show_progress(self) -> None:
        plan = self.orb.plan
        state = self.orb.state()
        if plan is None or state is None:
            return
        minutes = plan.total_seconds / 60
        length = f"about {minutes:.0f} min" if minutes >= 1 else f"{plan.total_seconds:.0f} s"
        if self.size.width and self.size.width < NARROW_COLUMNS:
            # Narrow: one line that fits 40 columns; the header already names the pattern.
            text = Text(f"Round {state.round} of {plan.rounds} · {length}")
            if self.phase_bell:
                text.append(" · bell")
        else:
            text = Text(plan.pattern.name, style="bold")
            text.append(f"  ·  round {state.round} of {plan.rounds}  ·  {length}  (+/- to change)")
            if self.phase_bell:
                text.append("  ·  bell on")
        self.query_one("#progress", Static).update(text)
        self._shown_round = state.round

    def on_resize(self) -> None:
        self._show_progress()

    # --- messages ---------------------------------------------------------------------------
    def on_breathing_orb_phase_changed(self, message: BreathingOrb.PhaseChanged) -> None:
        if self.phase_bell:
            self.thaw.bell()
        # Whenever the round moved on: a tick may skip a round's first breath (a busy machine).
        if message.state.round != self._shown_round:
            self._show_progress()

    def on_breathing_orb_finished(self, _: BreathingOrb.Finished) -> None:
        self.thaw.bell()
        self._finish(completed=True)

    def on_feel_rating_answered(self, message: FeelRating.Answered) -> None:
        message.stop()
        self.set_focus(None)
        if message.moment == "before":
            self._rated_before(message.value)
        else:
            self._rated_after(message.value)

    # --- ending and saving ------------------------------------------------------------------
    def _finish(self, *, completed: bool) -> None:
        """Stop, save the session, and always offer the after rating (one key skips it)."""
        if self.ended:
            return
        self.ended = True
        self.paused = False
        self.completed = completed
        self._close_field()
        self._hide_unasked_before()
        self.orb.stop()
        self._show_progress()
        self.session = self._save(completed=completed)
        self._offer_after()
        self.refresh_bindings()

    def _save(self, *, completed: bool) -> Session | None:
        plan = self.orb.plan
        actual = self.orb.elapsed()
        rated = self.before is not None or self.after is not None
        if plan is None or self.started_at is None:
            return None
        if actual < MIN_SAVED_SECONDS and not completed and not rated:
            return None
        return self._add_session(
            "breathe",
            plan.pattern.id,
            planned_seconds=round(plan.total_seconds),
            actual_seconds=round(actual, 1),
            completed=completed,
        )

    def on_unmount(self) -> None:
        """The app is closing (Ctrl+Q) with the breathing still going: keep the breaths so far
        and any rating. Only plain state here; the screen's widgets are already gone."""
        if not self.ended and self._orb is not None:
            self.ended = True
            self._save(completed=False)

    def keep_as_draft(self) -> None:
        """The terminal went away (SIGHUP): keep the breaths so far as an unfinished session."""
        if not self.ended:
            self.ended = True
            self.orb.stop()
            self._save(completed=False)

    # --- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space pauses or resumes while breathing; the rest as every practice."""
        if action == "pause":
            return not self.ended and not self.paused
        if action == "resume":
            return not self.ended and self.paused
        return super().check_action(action, parameters)

    def action_close_field(self) -> None:
        """Esc while your own pattern is open: close it, unchanged (what was typed comes back)."""
        self._custom_draft = self.query_one("#custom-input", Input).value
        self._close_field()

    def action_pause(self) -> None:
        """Space: pause where you are."""
        if self.ended or self.paused:
            return
        self.paused = True
        self.orb.pause()
        self.refresh_bindings()

    def action_resume(self) -> None:
        """Space while paused: carry on from there."""
        if self.ended or not self.paused:
            return
        self.paused = False
        self.orb.resume()
        self.refresh_bindings()

    def action_again(self) -> None:
        """r, once ended: the same pattern again as a new session."""
        if self.ended and self.pattern is not None:
            self._ask_before_again()
            self._begin(self.pattern)

    def action_pattern(self, step: int) -> None:
        """← →: the previous or next pattern, started afresh."""
        patterns = self._patterns()
        ids = [p.id for p in patterns]
        current = ids.index(self.pattern.id) if self.pattern and self.pattern.id in ids else 0
        self._close_field()  # ← → reach here from the open field only while it is empty
        self._switch_to(patterns[(current + step) % len(patterns)])

    def _switch_to(self, pattern: BreathPattern) -> None:
        """Another pattern starts its own session: the breaths so far are kept as theirs, and
        the new run asks its own before (runs are never merged into the last pattern)."""
        kept = self.ended
        if not self.ended and self.session is None:
            kept = self._save(completed=False) is not None
        if kept:
            self._ask_before_again()
        self._begin(pattern)

    def action_custom(self) -> None:
        """c: breathe your own pattern, and open the field to change it."""
        custom = custom_pattern(self.thaw.settings.custom_breath)
        self._switch_to(custom)
        self.query_one("#custom-row").add_class("open")
        self.field_open = True
        field = self.query_one("#custom-input", Input)
        saved = " ".join(f"{s:g}" for s in self.thaw.settings.custom_breath)
        field.value = self._custom_draft or saved
        self.query_one("#custom-error", Static).update(
            Text("Seconds in, hold, out, hold. Enter keeps it; Esc closes this.")
        )
        field.focus()
        self.refresh_bindings()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if message.input.id != "custom-input":
            return
        message.stop()
        try:
            seconds = parse_custom_breath(message.value)
        except InputError as err:
            self.query_one("#custom-error", Static).update(Text(str(err)))
            self.app.clear_notifications()  # a toast would sit over the sentence
            return
        settings = self.thaw.settings
        self.thaw.save_settings(replace(settings, custom_breath=seconds))
        self._custom_draft = ""
        self._close_field()
        self._switch_to(custom_pattern(seconds))

    def action_length(self, step: int) -> None:
        """+ -: one round more or fewer (or one minute, when counting in minutes)."""
        if self.ended or self.pattern is None:
            return
        plan = self.orb.plan
        state = self.orb.state()
        if plan is None or state is None:
            return
        if self.rounds == 0 and not self.pattern.default_rounds:
            self.minutes = min(MAX_BREATH_MINUTES, max(1.0, self.minutes + step))
        else:
            self.rounds = min(MAX_BREATH_ROUNDS, max(state.round, plan.rounds + step))
        new_plan = self._plan_for(self.pattern)
        if self.pattern.max_rounds and step > 0 and new_plan.rounds == plan.rounds:
            self.notify(f"{self.pattern.name} stays at {plan.rounds} rounds for now.")
        self.orb.set_plan(new_plan)
        self._show_progress()

    def action_rounds_or_minutes(self) -> None:
        """m: count the session in rounds or in minutes."""
        if self.ended or self.pattern is None or self.orb.plan is None:
            return
        if self.rounds == 0 and not self.pattern.default_rounds:
            self.rounds = self.orb.plan.rounds
        else:
            self.rounds = 0
            self.minutes = max(1.0, round(self.orb.plan.total_seconds / 60))
        self._show_progress()

    def action_phase_bell(self) -> None:
        """b: a bell at each change of breath (the bell setting must be on to hear it)."""
        self.phase_bell = not self.phase_bell
        settings = self.thaw.settings
        if getattr(settings, "breath_bell", None) is not None:
            # Kept for next time once Settings has the field (the lead adds `breath_bell`).
            changes: dict[str, object] = {"breath_bell": self.phase_bell}
            self.thaw.save_settings(replace(settings, **changes))  # type: ignore[arg-type]
        if self.phase_bell and not settings.bell:
            self.notify("The bell is off in settings, so this stays quiet.")
        self._show_progress()
