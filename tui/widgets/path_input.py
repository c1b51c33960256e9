"""PathInput: a one-line field for a file path that hands every key after Enter to its screen.

Keys pasted or sent over SSH arrive in one burst ("file.csv", Enter, "4", "9"). A plain Input
types the "4" and "9" into the path before its screen has even heard of the Enter, because
they queue at the Input first. PathInput decides in its own queue, in arrival order: Enter
posts `Entered`, and every later printable key or Enter is posted as `KeyAfter`, never typed.
The screen calls `listen()` to make it a field for typing again.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class PathInput(Input):
    """A path field; after Enter, its keys are the screen's (see the module docstring)."""

    DEFAULT_CSS = """
    PathInput.-handed-over { color: $foreground-muted; }
    """

    class Entered(Message):
        """Enter was pressed in the field, with what it held then."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class KeyAfter(Message):
        """A key that came after Enter: for the screen, in the order it arrived."""

        def __init__(self, key: str, character: str | None) -> None:
            super().__init__()
            self.key = key
            self.character = character

    handed_over = False
    """True from Enter until `listen()`: keys go to the screen instead of the field."""

    def listen(self) -> None:
        """Take typed keys again (back to editing the path)."""
        self.handed_over = False
        self.remove_class("-handed-over")

    async def _on_key(self, event: events.Key) -> None:
        if self.handed_over:
            if event.key == "enter" or event.is_printable:
                event.stop()
                event.prevent_default()
                self.post_message(self.KeyAfter(event.key, event.character))
            return  # Esc, F1, Ctrl+P... go on to their bindings as usual
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.handed_over = True
            self.add_class("-handed-over")
            self.post_message(self.Entered(self.value))
            return
        await super()._on_key(event)
