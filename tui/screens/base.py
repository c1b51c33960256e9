"""ThawScreen: the base every Thaw screen can share (typed app access, back, help, support)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.dom import DOMNode

    from tui.app import ThawApp


def thaw_app(node: DOMNode) -> ThawApp:
    """The running ThawApp, typed, for screens that do not subclass ThawScreen."""
    return cast("ThawApp", node.app)


def describe_time(at: datetime, now: datetime) -> str:
    """'21:04' today, 'yesterday 21:04', or 'Mon 3 Nov 21:04': short and unambiguous."""
    local = at.astimezone(now.tzinfo)
    clock = local.strftime("%H:%M")
    days = (now.date() - local.date()).days
    if days == 0:
        return clock
    if days == 1:
        return f"yesterday {clock}"
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b')} {clock}"


class ThawScreen(Screen[None]):
    """A full screen of Thaw. Esc goes back; F1/? list the keys; `s`/F2 open support.

    `KEY_HELP` lists keys that live on widgets or have no binding of their own (digits on the mood
    scale, Ctrl+J in the note) so the help screen can show them too.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("question_mark", "app.help", "Keys", show=False),
        Binding("s", "app.open_screen('support')", "Support", show=False),
    ]

    KEY_HELP: ClassVar[list[tuple[str, str]]] = []

    @property
    def thaw(self) -> ThawApp:
        """The app, typed: store, content, clock, settings."""
        return thaw_app(self)


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
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "noop", show=False)]

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        yield Static("Make the window a little larger to use Thaw.")

    def action_noop(self) -> None:
        """Esc does nothing here: there is nowhere to go back to."""
