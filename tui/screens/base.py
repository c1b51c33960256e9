"""ThawScreen: the base every Thaw screen can share (typed app access, back, help, support)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType

from tui.textual_private import FocusedOnceLaidOut

if TYPE_CHECKING:
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


class ThawScreen(FocusedOnceLaidOut[None]):
    """A full screen of Thaw. Esc goes back; F1/? list the keys; `s`/F2 open support.

    Every binding of a screen or widget has an id and a tooltip: the help screen (F1) is built
    from them, tooltips as its words, and ids let keys be remapped.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", tooltip="Go back", id="back"),
        Binding(
            "question_mark", "app.help", "Keys", show=False, tooltip="These keys", id="help-too"
        ),
        Binding(
            "s",
            "app.open_screen('support')",
            "Support",
            show=False,
            tooltip="Support: people and lines you can reach",
            id="support-too",
        ),
    ]

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._preset_size_classes()

    def _preset_size_classes(self) -> None:
        """Give the screen now the size classes ("-narrow", "-short"...) Textual gives it on its
        first resize, which comes just after its first style pass.

        Given there, a new class restyled every widget of the screen a second time as it
        opened: about a quarter of history's main-thread work on a later open (bench/README.md,
        before and after the redesign). Given here, before any style pass, the first resize
        finds the classes already right and restyles nothing; if the size changes meanwhile,
        that resize puts them right as before.
        """
        try:
            width, height = self.app.size
        except RuntimeError:  # made outside a running app (Textual's NoActiveAppError)
            return
        app = self.app
        for length, points in (
            (
                width,
                app.HORIZONTAL_BREAKPOINTS
                if self.HORIZONTAL_BREAKPOINTS is None
                else self.HORIZONTAL_BREAKPOINTS,
            ),
            (
                height,
                app.VERTICAL_BREAKPOINTS
                if self.VERTICAL_BREAKPOINTS is None
                else self.VERTICAL_BREAKPOINTS,
            ),
        ):
            fitting = [
                name for start, name in sorted(points or [], reverse=True) if length >= start
            ]
            if fitting:
                self.add_class(fitting[0], update=False)

    @property
    def thaw(self) -> ThawApp:
        """The app, typed: store, content, clock, settings."""
        return thaw_app(self)
