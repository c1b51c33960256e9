"""Countdown: large mm:ss digits for the meditation timer, repainted only when the text changes."""

from __future__ import annotations

import math

from textual.widgets import Digits


def mmss(seconds: float) -> str:
    """Whole seconds left, rounded up (so it reads 00:00 only when time is truly up)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, secs = divmod(whole, 60)
    return f"{minutes:02d}:{secs:02d}"


class Countdown(Digits):
    """Shows time left. `show()` may be called many times a second; the screen repaints at most
    once a second because the text only changes that often."""

    DEFAULT_CSS = """
    Countdown {
        width: auto;
        color: $accent;
    }
    """

    def __init__(
        self,
        seconds: float = 0.0,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(mmss(seconds), name=name, id=id, classes=classes)
        self.paints = 0  # how many times the text changed; tests and the bench read it

    def show(self, seconds: float) -> None:
        """Display `seconds` left if that changes what is on screen."""
        text = mmss(seconds)
        if text != self.value:
            self.paints += 1
            self.update(text)
