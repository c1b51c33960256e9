"""PracticeScreen: what breathe, meditate and ground share (ratings, saving, ending, leaving)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding
from textual.reactive import reactive

from tui.core.errors import ThawError
from tui.core.records.models import Session
from tui.screens.base import ThawScreen
from tui.widgets.feel_rating import FeelRating

if TYPE_CHECKING:
    from tui.core.records.models import SessionKind

MIN_SAVED_SECONDS = 5.0  # shorter than this, with nothing rated, was a look around: not saved

# The keys every practice words alike; each screen lists them in its BINDINGS, in its own order.
END_KEY = Binding(
    "escape",
    "end",
    "End",
    tooltip="End here and say how it went; Esc again leaves",
    id="practice-end",
)
LEAVE_KEY = Binding(
    "escape", "leave", "Back", tooltip="Once it has ended: back where you were", id="practice-leave"
)
RESUME_KEY = Binding(
    "space", "resume", "Resume", tooltip="Carry on from where you paused", id="practice-resume"
)
END_TOO_KEY = Binding(
    "q", "end", "End", show=False, tooltip="End here too, like Esc", id="practice-end-too"
)


class PracticeScreen(ThawScreen):
    """A practice with a before and an after feel rating, saved as one session.

    Each practice says how it saves (`_save`) and ends (`_finish`); this keeps the rest alike:
    ratings saved the moment they are given, store trouble told in a sentence, Esc ending then
    leaving, and only the keys that do something now shown.
    """

    DEFAULT_CSS = """
    PracticeScreen #after {
        display: none;
    }
    PracticeScreen #after.open {
        display: block;
    }
    """

    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-roomy")]

    FIELD_ROW: ClassVar[str] = ""
    """The selector of the row holding the practice's own field, if it has one."""

    WHILE_GOING: ClassVar[tuple[str, ...]] = ()
    """Actions that only act (and show) while the practice is still going."""

    ended: reactive[bool] = reactive(False, bindings=True)
    """True once the practice has stopped (finished or ended early); the footer follows it."""

    def __init__(self) -> None:
        super().__init__()
        self.before: int | None = None
        self.after: int | None = None
        self.session: Session | None = None
        self.started_at: datetime | None = None
        self.completed = False  # how the last session ended (it is saved late if rated late)
        self.field_open = False  # the practice's own field is open and has the keys

    # --- what each practice says for itself -------------------------------------------------
    def _finish(self, *, completed: bool) -> None:
        """Stop, save, and offer the after rating."""
        raise NotImplementedError

    def _save(self, *, completed: bool) -> Session | None:
        """Save the session as it stands now; None when there is nothing worth keeping."""
        raise NotImplementedError

    # --- ratings ----------------------------------------------------------------------------
    def _rated_before(self, value: int | None) -> None:
        """Keep the before rating; added to the session when one is saved already."""
        self.before = value
        if self.session is not None and value is not None:
            self._update_session(before=value)

    def _rated_after(self, value: int | None) -> None:
        """Keep the after rating, saving the session now if it was too short to keep alone."""
        self.after = value
        if value is None:
            return
        if self.session is None:
            # Too short to keep on its own, but a rating is worth keeping: save it now.
            self.session = self._save(completed=self.completed)
        else:
            self._update_session(after=value)

    def _hide_unasked_before(self) -> None:
        """An unanswered before question is moot once it's over."""
        before = self.query_one("#before", FeelRating)
        before.display = before.answered

    def _offer_after(self) -> None:
        """Show the after rating, unanswered, with the keys."""
        after = self.query_one("#after", FeelRating)
        after.value = None
        after.answered = False
        after.add_class("open")
        after.focus()

    def _ask_before_again(self) -> None:
        """A new session after one has ended gets its own before question."""
        self.before = None
        before = self.query_one("#before", FeelRating)
        before.value = None
        before.answered = False
        before.display = True
        before.focus()

    # --- saving -----------------------------------------------------------------------------
    def _add_session(
        self,
        kind: SessionKind,
        detail: str,
        *,
        planned_seconds: int | None,
        actual_seconds: float,
        completed: bool,
        notes: Sequence[str] = (),
    ) -> Session | None:
        """Save a new session with both ratings; a store problem is told, never raised."""
        if self.started_at is None:
            return None
        try:
            return self.thaw.store.add_session(
                kind,
                detail,
                started_at=self.started_at,
                planned_seconds=planned_seconds,
                actual_seconds=actual_seconds,
                completed=completed,
                before=self.before,
                after=self.after,
                notes=notes,
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
        """The terminal went away (SIGHUP): keep what was done as an unfinished session."""
        if not self.ended:
            self._finish(completed=False)

    # --- keys -------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something now act and show: Esc closes an open field, else
        ends, else goes back; "again" once ended."""
        if action == "close_field":
            return self.field_open
        if action == "end":
            return not self.ended and not self.field_open
        if action in self.WHILE_GOING:
            return not self.ended
        if action == "again":
            return self.ended
        return True

    def _close_field(self) -> None:
        if not self.field_open:
            return
        self.field_open = False
        self.query_one(self.FIELD_ROW).remove_class("open")
        self.set_focus(None)
        self.refresh_bindings()

    def action_end(self) -> None:
        """Esc (or q) while going: end here; the after rating is offered, Esc again leaves."""
        self._finish(completed=False)

    async def action_leave(self) -> None:
        """Esc once it has ended: back (anything done or rated is already kept)."""
        if not self.ended:
            self._finish(completed=False)
        self._before_leaving()
        await self.app.run_action("app.back")

    def _before_leaving(self) -> None:
        """Anything a practice keeps at the last moment, just before going back."""
