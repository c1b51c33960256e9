"""MoodScale: a number typed as digits (1 then 0 is 10) or the arrows; NumberScale is the base.

Every 0-10 question in Thaw takes 10 the same way: type it, 1 then 0. On the mood scale, which
starts at 1, a 0 on its own also means 10, so one key always does it there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import RenderResult
    from textual.events import Click

STEP_WORDS = "Move along the mood or feel scale"
JUMP_WORDS = "The lowest or the highest number on the scale"
MOOD_WORDS = "Mood: type 1 to 10 (1 then 0; 0 means 10 too)"


FOCUS_MARK = "› "


class NumberScale(Widget, can_focus=True):
    """A row of numbers from `low` to `high`; one is chosen, or none yet."""

    DEFAULT_CSS = """
    NumberScale {
        height: 1;
        width: auto;
        max-width: 100%;
    }
    NumberScale > .scale--cell {
        color: $foreground-muted;
    }
    NumberScale > .scale--chosen {
        background: $primary;
        color: $background;
        text-style: bold;
    }
    NumberScale:focus > .scale--chosen {
        background: $accent;
    }
    NumberScale:focus > .scale--cell {
        color: $foreground;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"scale--cell", "scale--chosen"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Lower", show=False, tooltip=STEP_WORDS, id="scale-lower"),
        Binding("right", "step(1)", "Higher", show=False, tooltip=STEP_WORDS, id="scale-higher"),
        Binding("home", "jump_low", show=False, tooltip=JUMP_WORDS, id="scale-lowest"),
        Binding("end", "jump_high", show=False, tooltip=JUMP_WORDS, id="scale-highest"),
    ]

    low: ClassVar[int] = 1
    high: ClassVar[int] = 10

    value: reactive[int | None] = reactive(None)
    """The chosen number, or None while nothing is chosen (the person may skip optional scales)."""

    _one_typed = False
    """The last key was the digit 1, so a 0 straight after it makes 10 ("1 0" typed is 10)."""

    class Changed(Message):
        """The chosen number changed (None: cleared)."""

        def __init__(self, scale: NumberScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> NumberScale:
            return self.scale

    def __init__(
        self, value: int | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(NumberScale.value, self._clamp(value))

    def _clamp(self, value: int | None) -> int | None:
        if value is None:
            return None
        return max(self.low, min(self.high, value))

    def validate_value(self, value: int | None) -> int | None:
        return self._clamp(value)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def _cell_width(self) -> int:
        count = self.high - self.low + 1
        available = (self.size.width - len(FOCUS_MARK)) if self.size.width else count * 4
        return max(3, min(4, available // count))

    def get_content_width(self, container: object, viewport: object) -> int:
        return len(FOCUS_MARK) + (self.high - self.low + 1) * 4

    def render(self) -> RenderResult:
        cell = self._cell_width()
        plain = self.get_component_rich_style("scale--cell")
        chosen = self.get_component_rich_style("scale--chosen")
        # A mark in front of the focused scale: seen with colour and without (NO_COLOR).
        mark = FOCUS_MARK if self.has_focus else " " * len(FOCUS_MARK)
        text = Text(mark, style=plain, no_wrap=True, overflow="crop")
        for number in range(self.low, self.high + 1):
            label = str(number).center(cell)
            text.append(label, chosen if number == self.value else plain)
        return text

    def action_choose(self, digit: int) -> None:
        """A digit key: that number at once; 1 then 0 is 10."""
        if digit == 0 and self._one_typed:
            self.value = 10
        else:
            self.value = self.digit_value(digit)
        self._one_typed = digit == 1

    def digit_value(self, digit: int) -> int:
        """What one digit on its own means on this scale."""
        return digit

    def on_blur(self) -> None:
        self._one_typed = False
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def action_step(self, delta: int) -> None:
        """Arrows: one step; from nothing, start in the middle so either direction is short."""
        self._one_typed = False
        if self.value is None:
            self.value = (self.low + self.high + 1) // 2
        else:
            self.value = self.value + delta

    def action_jump_low(self) -> None:
        self._one_typed = False
        self.value = self.low

    def action_jump_high(self) -> None:
        self._one_typed = False
        self.value = self.high

    def on_click(self, event: Click) -> None:
        index = (event.x - len(FOCUS_MARK)) // self._cell_width()
        if event.x >= len(FOCUS_MARK) and 0 <= index <= self.high - self.low:
            self._one_typed = False
            self.value = self.low + index
            self.focus()


class MoodScale(NumberScale):
    """Mood from 1 to 10. Digit keys choose at once; 1 then 0 is 10, and so is 0 on its own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"choose({n})", show=False, tooltip=MOOD_WORDS, id=f"mood-{n}")
            for n in range(10)
        ),
    ]
    low = 1
    high = 10

    def digit_value(self, digit: int) -> int:
        """0 alone is 10: there is no mood 0, and one key always does it."""
        return 10 if digit == 0 else digit
