"""FeelScale: "how much can you feel right now", 0 to 10 — the axis numbness lives on. Optional."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.widgets.mood_scale import NumberScale

FEEL_WORDS = "How much you can feel: 0 to 10 (1 then 0), or clear it (on that row)"


class FeelScale(NumberScale):
    """0 (nothing at all) to 10 (everything, fully). Digits choose, 1 then 0 is 10 (as on every
    0-10 question); Backspace clears it again because the question is optional."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"choose({n})", show=False, tooltip=FEEL_WORDS, id=f"feel-{n}")
            for n in range(10)
        ),
        Binding(
            "backspace,delete", "clear", "Clear", show=False, tooltip=FEEL_WORDS, id="feel-clear"
        ),
    ]
    low = 0
    high = 10

    def action_clear(self) -> None:
        """Leave the question unanswered."""
        self._one_typed = False
        self.value = None
