"""TooSmallScreen: one calm sentence over everything while the terminal is below 40x12."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import ComposeResult


class TooSmallScreen(Screen[None]):
    """Shown over everything while the terminal is below 40x12; removed when it grows again."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    TooSmallScreen > Static {
        width: 100%;
        text-align: center;
        color: $foreground-muted;
    }
    """
    # Swallow the keys that would otherwise act on the hidden screen underneath.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "noop",
            show=False,
            tooltip="Nothing to go back to here",
            id="too-small-escape",
        )
    ]

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        yield Static("Make the window a little larger to use Thaw.")

    def action_noop(self) -> None:
        """Esc does nothing here: there is nowhere to go back to."""
