"""KeyFooter: the screen's keys on one line, drawn by one widget instead of one widget a key."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.widget import Widget


class KeyFooter(Widget):
    """Looks like Textual's Footer and reads the same bindings (shown ones, enabled or dimmed),
    but is a single widget that redraws in place when they change. Textual's Footer mounts a
    widget per key and composes them again whenever focus or bindings change, which cost the
    history screen tens of milliseconds each time, right while its first chart was drawn.
    A click on a key presses it, as in Textual's Footer.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $panel;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--palette {
        color: $foreground 20%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--palette",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _shown(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The shown bindings, one per action (first wins, as in Footer), and the palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        keys: list[tuple[Binding, bool]] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled)
        return keys, palette

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("key-footer--key")
        text_style = self.get_component_rich_style("key-footer--description")
        dim = Style(dim=True)
        keys, palette = self._shown()
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str]] = []
        for binding, enabled in keys:
            start = len(text)
            extra = Style() if enabled else dim
            text.append(f" {self.app.get_key_display(binding)} ", key_style + extra)
            text.append(f"{binding.description} ", text_style + extra)
            spans.append((start, len(text), binding.key))
        if palette is not None:
            binding, enabled = palette
            key = self.app.get_key_display(binding)
            gap = self.size.width - len(text) - len(f"▏{key} {binding.description} ")
            if gap > 0:
                text.append(" " * gap)
                text.append("▏", self.get_component_rich_style("key-footer--palette"))
                start = len(text)
                extra = Style() if enabled else dim
                text.append(key, key_style + extra)
                text.append(f" {binding.description} ", text_style + extra)
                spans.append((start, len(text), binding.key))
        self._spans = spans
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
