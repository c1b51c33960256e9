"""PracticeField: the text field on practice screens (steady cursor; empty, it lets ← → through)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

# While the field is empty there is no cursor to move, so these keys belong to the screen
# (← → change the breathing pattern or the meditation length).
PASS_THROUGH_WHEN_EMPTY = frozenset({"cursor_left", "cursor_right"})


class PracticeField(Input, inherit_bindings=False):
    """An Input whose cursor does not blink (calmer, and no repaints twice a second over a slow
    link) and which, while empty, hands ← and → to the screen instead of swallowing them."""

    # Only the Input's own editing keys: the scrolling keys it would inherit (↑ ↓ PgUp PgDn) do
    # nothing in a one-line field, and they would sit first in the footer, pushing the screen's
    # own keys (Esc End) off a narrow terminal.
    # Ctrl+S as well as Enter: the save key of every form in Thaw.
    BINDINGS = [*Input.BINDINGS, Binding("ctrl+s", "submit", "Save", show=False)]

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        max_length: int = 0,
        id: str | None = None,
    ) -> None:
        super().__init__(value, placeholder, max_length=max_length, id=id)
        self.cursor_blink = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Decline ← → while empty, so Textual tries the screen's binding for the key next."""
        if action in PASS_THROUGH_WHEN_EMPTY and not self.value:
            return False
        return super().check_action(action, parameters)
