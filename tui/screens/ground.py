"""GroundScreen: a grounding exercise, one prompt at a time; type what you notice or press on."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Input, Static

from tui.core.content import GroundingExercise
from tui.core.practice import GroundingRun, resolve_id
from tui.core.records.models import Session
from tui.screens.practice_base import END_KEY, LEAVE_KEY, PracticeScreen
from tui.widgets.feel_rating import FeelRating
from tui.widgets.key_footer import KeyFooter
from tui.widgets.practice_field import PracticeField

EXERCISE_KEYS = "Another exercise: PgDn the next, PgUp the one before"

EXERCISE_ALIASES = {
    "54321": "senses",
    "5_4_3_2_1": "senses",
    "five": "senses",
    "color": "colour",
    "ice_cube": "ice",
    "music": "song",
}


class GroundScreen(PracticeScreen):
    """One grounding exercise. Enter moves on, with or without a note."""

    DEFAULT_CSS = """
    GroundScreen #ground-info {
        height: auto;
        padding: 0 1;
    }
    GroundScreen #exercise {
        color: $foreground-muted;
    }
    GroundScreen #intro {
        color: $foreground-muted;
        padding: 1 0 0 0;
    }
    GroundScreen #step-area {
        height: 1fr;
        padding: 1 1 0 1;
    }
    GroundScreen #step-count {
        color: $foreground-muted;
    }
    GroundScreen #prompt {
        text-style: bold;
        padding: 0 0 1 0;
    }
    GroundScreen #fallback {
        color: $accent;
        padding: 0 0 1 0;
    }
    /* A short terminal keeps the prompt and the field in view: the longer words step aside. */
    GroundScreen.-short #intro, GroundScreen.-short #exercise {
        display: none;
    }
    GroundScreen.-short #step-area {
        padding: 0 1;
    }
    GroundScreen.-short #prompt, GroundScreen.-short #fallback {
        padding: 0;
    }
    """

    # Esc has two bindings; `check_action` lets one act (and show) at a time: end, else back.
    BINDINGS: ClassVar[list[BindingType]] = [
        END_KEY,
        LEAVE_KEY,
        Binding(
            "enter",
            "next",
            "Next",
            show=False,
            tooltip="Next prompt; typing what you notice first is optional",
            id="ground-next",
        ),
        # Priority: the note field would otherwise claim these keys for scrolling it cannot do.
        Binding(
            "up",
            "back_step",
            "Step back",
            key_display="↑",
            priority=True,
            tooltip="Back one prompt; what you typed there comes back",
            id="ground-step-back",
        ),
        Binding(
            "down",
            "fallback",
            "Nothing there?",
            key_display="↓",
            priority=True,
            tooltip="Nothing there? A gentler way in",
            id="ground-fallback",
        ),
        Binding(
            "pagedown",
            "exercise(1)",
            "Exercise",
            key_display="PgUp/Dn",
            priority=True,
            tooltip=EXERCISE_KEYS,
            id="ground-exercise-next",
        ),
        # The same tooltip as PgDn, so the help lists the pair once.
        Binding(
            "pageup",
            "exercise(-1)",
            "Previous exercise",
            show=False,
            priority=True,
            tooltip=EXERCISE_KEYS,
            id="ground-exercise-previous",
        ),
        Binding("r", "again", "Again", tooltip="The same exercise again", id="ground-again"),
    ]

    WHILE_GOING = ("back_step", "fallback", "next")

    def __init__(self, exercise: str | None = None) -> None:
        super().__init__()
        self.requested_exercise = exercise
        self.exercise_run: GroundingRun | None = None
        self.started_mono = 0.0
        self.pending_note = ""  # what is in the note field now (kept on any way out)

    # --- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="ground-info"):
            yield Static(id="exercise")
            yield Static(id="intro")
        with Vertical(id="step-area"):
            yield Static(id="step-count")
            yield Static(id="prompt")
            yield Static(id="fallback")
            yield PracticeField(placeholder="What you notice (optional)", id="note")
        yield FeelRating("before", id="before")
        yield FeelRating("after", id="after")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Ground"
        exercises = self.thaw.content.grounding
        exercise = exercises[0]
        if self.requested_exercise:
            found = resolve_id(self.requested_exercise, [e.id for e in exercises], EXERCISE_ALIASES)
            match = next((e for e in exercises if e.id == found), None)
            if match is None:
                self.notify(
                    f"There is no grounding exercise called {self.requested_exercise!r}, "
                    "so here is the first one.",
                    markup=False,
                )
            else:
                exercise = match
        self.query_one("#before", FeelRating).focus()
        self._begin(exercise)

    def _begin(self, exercise: GroundingExercise) -> None:
        """Start `exercise` at its first prompt, as a new session."""
        self.exercise_run = GroundingRun(exercise)
        self.session = None
        self.ended = False
        self.completed = False
        self.after = None
        self.started_at = self.thaw.clock.now()
        self.started_mono = self.thaw.clock.monotonic()
        self.query_one("#after", FeelRating).remove_class("open")
        exercises = self.thaw.content.grounding
        position = next((i for i, e in enumerate(exercises) if e.id == exercise.id), 0)
        self.sub_title = exercise.name
        self.query_one("#exercise", Static).update(
            Text(f"Exercise {position + 1} of {len(exercises)}: {exercise.name}")
        )
        safety = f" {exercise.safety}" if exercise.safety else ""
        self.query_one("#intro", Static).update(Text(exercise.intro + safety))
        self._show_step()

    def _show_step(self) -> None:
        run = self.exercise_run
        if run is None:
            return
        note = self.query_one("#note", Input)
        fallback = self.query_one("#fallback", Static)
        step = run.step
        if step is None or self.ended:
            if step is None:
                self.query_one("#step-count", Static).update(Text("That was the last one."))
                self.query_one("#prompt", Static).update(Text(run.exercise.outro))
            else:
                self.query_one("#step-count", Static).update(Text("Ended here."))
                self.query_one("#prompt", Static).update(
                    Text("Stopping part way is fine. Whatever you did counts.")
                )
            noticed = run.notes()
            fallback.update(Text("What you noticed: " + "  ·  ".join(noticed) if noticed else ""))
            fallback.display = bool(noticed)
            note.display = False
            return
        self.query_one("#step-count", Static).update(Text(f"Step {run.index + 1} of {run.total}"))
        self.query_one("#prompt", Static).update(Text(step.prompt))
        fallback.update(Text(step.fallback if run.fallback_shown else ""))
        fallback.display = run.fallback_shown
        note.display = True
        note.value = run.note_at(run.index)

    # --- moving through ---------------------------------------------------------------------
    def on_feel_rating_answered(self, message: FeelRating.Answered) -> None:
        message.stop()
        if message.moment == "before":
            self._rated_before(message.value)
            if not self.ended:
                self.query_one("#note", Input).focus()
            else:
                self.set_focus(None)
        else:
            self.set_focus(None)
            self._rated_after(message.value)

    def on_input_changed(self, message: Input.Changed) -> None:
        self.pending_note = message.value

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        self.advance(message.value)

    def advance(self, note: str = "") -> None:
        """Keep the note for this prompt and show the next (or finish)."""
        run = self.exercise_run
        if run is None or self.ended:
            return
        run.advance(note)
        if run.finished:
            self._finish(completed=True)
        else:
            self._show_step()
            self.query_one("#note", Input).focus()

    def action_next(self) -> None:
        """Enter when the note field is not focused: move on without a note."""
        run = self.exercise_run
        if run is not None and not self.ended:
            self.advance(self.query_one("#note", Input).value)

    def action_back_step(self) -> None:
        """↑: back one prompt; what was typed there comes back."""
        run = self.exercise_run
        if run is None or self.ended:
            return
        run.set_note(self.query_one("#note", Input).value)
        run.back()
        self._show_step()

    def action_fallback(self) -> None:
        """↓: nothing there? Show the gentler way in."""
        run = self.exercise_run
        if run is None or self.ended:
            return
        if run.reveal_fallback():
            self._show_step()
        else:
            self.notify("Nothing there is fine too. Press Enter to go on.")

    def action_exercise(self, step: int) -> None:
        """PgUp/PgDn: another exercise (what was done here is kept as a session)."""
        run = self.exercise_run
        if run is None:
            return
        kept = self.ended or self.session is not None
        if not self.ended:
            run.set_note(self.query_one("#note", Input).value)
            if run.steps_done or run.notes():
                self._save(completed=False)
                kept = True
        if kept:
            # That run is its own session, with its own before: the next one asks again.
            self._ask_before_again()
        exercises = self.thaw.content.grounding
        ids = [e.id for e in exercises]
        current = ids.index(run.exercise.id) if run.exercise.id in ids else 0
        self._begin(exercises[(current + step) % len(exercises)])
        if self.query_one("#before", FeelRating).answered:
            self.query_one("#note", Input).focus()

    def action_again(self) -> None:
        """r, once finished: the same exercise again."""
        if self.ended and self.exercise_run is not None:
            self._ask_before_again()
            self._begin(self.exercise_run.exercise)

    # --- ending and saving ------------------------------------------------------------------
    def _finish(self, *, completed: bool) -> None:
        if self.ended or self.exercise_run is None:
            return
        self.ended = True
        self.completed = completed
        self._hide_unasked_before()
        if not completed:
            self.exercise_run.set_note(self.query_one("#note", Input).value)
        self._show_step()
        done_something = self.exercise_run.steps_done or self.exercise_run.notes()
        if completed or done_something or self.before is not None:
            self.session = self._save(completed=completed)
        if completed:
            self.thaw.bell()
        self._offer_after()

    def _save(self, *, completed: bool) -> Session | None:
        run = self.exercise_run
        if run is None or self.started_at is None:
            return None
        return self._add_session(
            "ground",
            run.exercise.id,
            planned_seconds=None,
            actual_seconds=round(self.thaw.clock.monotonic() - self.started_mono, 1),
            completed=completed,
            notes=run.notes(),
        )

    def on_unmount(self) -> None:
        """The app is closing (Ctrl+Q) part way through: keep the prompts done, what was typed
        and any rating. Only plain state here; the screen's widgets are already gone."""
        run = self.exercise_run
        if self.ended or run is None:
            return
        self.ended = True
        run.set_note(self.pending_note)
        if run.steps_done or run.notes() or self.before is not None:
            self._save(completed=False)
