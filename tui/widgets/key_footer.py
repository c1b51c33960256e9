"""KeyFooter: the screen's keys on one line, one widget; back, F1 and F2 Support never cut off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.widget import Widget

ESSENTIAL = frozenset(
    {"app.back", "back", "help", "app.help", "open_screen('support')", "app.open_screen('support')"}
)
"""Actions whose keys stay on the footer however narrow it is: back, keys, and support."""


def fit_keys(items: Sequence[tuple[str, str, bool]], width: int) -> tuple[list[int], str]:
    """Which (key, words, essential) items fit in `width` columns, and the space before each key.

    Roomy first (" k Words "); then tighter ("k Words "); then keys that are not essential go,
    last first, so back, F1 and F2 Support are never cut off. Cutting a line mid-word ("F2 Su")
    would hide the one key that matters most on a hard day.
    """

    def length(indexes: Sequence[int], pad: str) -> int:
        return sum(cell_len(items[i][0]) + cell_len(items[i][1]) + 2 + len(pad) for i in indexes)

    every = list(range(len(items)))
    for pad in (" ", ""):
        if length(every, pad) <= width:
            return every, pad
    kept = list(every)
    for index in reversed(every):
        if length(kept, "") <= width:
            break
        if not items[index][2]:
            kept.remove(index)
    return kept, ""


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
        width = self.size.width
        items = [
            (self.app.get_key_display(binding), binding.description, binding, enabled)
            for binding, enabled in keys
        ]
        shown, pad = fit_keys(
            [(key, words, binding.action in ESSENTIAL) for key, words, binding, _ in items],
            width,
        )
        text = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str]] = []
        for index in shown:
            key, words, binding, enabled = items[index]
            start = len(text)
            extra = Style() if enabled else dim
            text.append(f"{pad}{key} ", key_style + extra)
            text.append(f"{words} ", text_style + extra)
            spans.append((start, len(text), binding.key))
        if palette is not None and len(shown) == len(items):
            binding, enabled = palette
            key = self.app.get_key_display(binding)
            gap = width - text.cell_len - cell_len(f"▏{key} {binding.description} ")
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
