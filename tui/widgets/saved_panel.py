"""SavedPanel: what the check-in shows once saved: thanks, one suggestion, and the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widgets import Static

from tui.core.text import clean_text
from tui.screens import SCREENS

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import Suggestion

GO_ON = "Enter or Esc: go on"


class SavedPanel(Vertical):
    """Three lines: "Saved: mood 7. Thank you.", the suggestion, and the keys to go on."""

    DEFAULT_CSS = """
    SavedPanel { height: auto; padding: 1 2; }
    SavedPanel #saved-line { text-style: bold; color: $secondary; }
    SavedPanel #suggestion-line { margin-top: 1; }
    SavedPanel #saved-keys { color: $foreground-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="saved-line", markup=False)
        yield Static("", id="suggestion-line", markup=False)
        yield Static(GO_ON, id="saved-keys", markup=False)

    def show(self, saved_line: str, suggestion: Suggestion | None) -> list[str]:
        """Fill the lines (the suggestion's own key is named when its place has one); returns
        the sentences shown, for `thaw checkin` to print once the full screen has closed."""
        self.query_one("#saved-line", Static).update(saved_line)
        if suggestion is None:
            return [saved_line]
        self.query_one("#suggestion-line", Static).update(suggestion.text)
        info = SCREENS.get(suggestion.action)
        if info is not None and info.key:
            keys = f"{info.key}: {suggestion.key_hint}    {GO_ON}"
            self.query_one("#saved-keys", Static).update(keys)
        return [saved_line, clean_text(suggestion.text)]
