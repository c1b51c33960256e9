"""ConfirmDialog: a small question before deleting; only y says yes, any other key keeps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widgets import Static

from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult


class ConfirmDialog(ThawModalScreen[bool]):
    """Ask before something that cannot be undone (deleting a plan step, a person, a marker).

    Only `y` answers yes: a stray Enter or Space from the list underneath never deletes. The
    dialog says so in words. The question may quote the person's own text: markup is off.
    """

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $warning;
        background: $surface;
    }
    ConfirmDialog .confirm-keys {
        margin-top: 1;
        color: $text-muted;
    }
    """

    def __init__(
        self, question: str, yes_words: str = "deletes it", no_words: str = "keeps it"
    ) -> None:
        super().__init__()
        self.question = question
        self.yes_words = yes_words
        self.no_words = no_words  # what every other key does ("lets them go")
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False, id="confirm-question")
            yield Static(self.keys_line(), markup=False, classes="confirm-keys")

    def keys_line(self) -> str:
        """The keys in words, the same in every dialog: 'y deletes it; any other key keeps it.'"""
        return f"y {self.yes_words}; any other key {self.no_words}."

    def on_key(self, event: events.Key) -> None:
        """y is yes; every other key (Esc, n, Enter, Space...) is no."""
        event.stop()
        event.prevent_default()
        if not self._answered:  # two quick keys must not close the screen underneath too
            self._answered = True
            self.dismiss(event.key == "y")
