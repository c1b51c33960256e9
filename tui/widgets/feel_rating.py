"""FeelRating: a one-line, skippable "how much can you feel" 0-10 question for practices.

Keys (spelled out on the line itself): type the number, 0 to 10, as on every 0-10 question in
Thaw; `n` or Enter skips. A digit answers at once, except 1, which waits one key for a 0 (10);
Enter, or moving on, keeps the 1. The practice runs meanwhile, so the question never holds it up.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.key_order import KeyOrder

Moment = Literal["before", "after"]

PROMPTS: dict[Moment, str] = {
    "before": "Before: how much can you feel now?",
    "after": "After: how much can you feel now?",
}

# "type 0 to 10 · n or Enter to skip": plain words, the keys picked out in colour. With the
# longer prompt it still fits one 80-column line.
HINT: tuple[tuple[str, bool], ...] = (
    ("type ", False),
    ("0", True),
    (" to ", False),
    ("10", True),
    (" · ", False),
    ("n", True),
    (" or ", False),
    ("Enter", True),
    (" to skip", False),
)
HINT_TEXT = "".join(part for part, _ in HINT)
RATING_WORDS = "How much you can feel: type 0 to 10 (1 then 0); n or Enter skips"
# Keys the rating itself takes while a 1 waits (digits answer, n skips, Enter keeps the 1).
ONE_WAIT_KEYS = frozenset({*(str(n) for n in range(10)), "n", "enter"})
# While a 1 waits for a possible 0: the line says how to go on.
ONE_WAITING = "1 so far · 0 makes it 10 · Enter keeps 1"


class FeelRating(Widget, can_focus=True):
    """Asks once; shows the answer (or that it was skipped) afterwards. Posts `Answered`."""

    DEFAULT_CSS = """
    FeelRating {
        height: auto;
        width: 100%;
        padding: 0 1;
        color: $foreground-muted;
    }
    FeelRating:focus {
        color: $foreground;
        background: $boost;
        text-style: none;
    }
    FeelRating .feel-rating--keys {
        color: $accent;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"feel-rating--keys"}

    BINDINGS: ClassVar[list[BindingType]] = [
        # The line itself spells these keys out, so the footer keeps its room for the practice;
        # one tooltip, so the help lists them on one row.
        *(
            Binding(str(n), f"rate({n})", show=False, tooltip=RATING_WORDS, id=f"feel-rating-{n}")
            for n in range(10)
        ),
        Binding("n", "skip", show=False, tooltip=RATING_WORDS, id="feel-rating-skip"),
        Binding("enter", "skip(True)", show=False, tooltip=RATING_WORDS, id="feel-rating-enter"),
    ]

    _one_waiting = False
    """A 1 was typed: the next key says whether it is 1 or 10."""

    value: reactive[int | None] = reactive(None)
    """The answer, 0-10, or None while unanswered or skipped."""

    answered: reactive[bool] = reactive(False)
    """True once the person rated or skipped."""

    class Answered(Message):
        """The person gave a rating (`value`) or skipped it (`value` is None)."""

        def __init__(self, rating: FeelRating, moment: Moment, value: int | None) -> None:
            super().__init__()
            self.rating = rating
            self.moment = moment
            self.value = value

        @property
        def control(self) -> FeelRating:
            return self.rating

    def __init__(
        self,
        moment: Moment = "before",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.moment: Moment = moment

    def action_rate(self, number: int) -> None:
        """A digit: that number, at once; a 1 waits for a 0 (10) or anything else (1)."""
        if self._one_waiting:
            self._answer(10 if number == 0 else number)
        elif number == 1:
            self._one_waiting = True
            self.value = 1
            self.refresh()
        else:
            self._answer(number)

    def _answer(self, number: int) -> None:
        self._one_waiting = False
        self.value = max(0, min(10, number))
        self.answered = True
        self.post_message(self.Answered(self, self.moment, self.value))

    def on_key(self, event: events.Key) -> None:
        """After a lone 1, any key but 0 keeps the 1 and then does what it does (a letter
        typed next lands in the note that opens, as it would have without the wait)."""
        if not self._one_waiting or event.key in ONE_WAIT_KEYS:
            return
        event.stop()
        event.prevent_default()
        self._answer(1)
        order = getattr(self.app, "key_order", None)
        if isinstance(order, KeyOrder):
            order.again(event)
        else:
            self.app.post_message(events.Key(event.key, event.character))

    def on_blur(self) -> None:
        """Moving on from a lone 1 keeps it."""
        if self._one_waiting:
            self._answer(1)

    def action_skip(self, enter: bool = False) -> None:
        """Leave it unanswered; that is always fine. After a lone 1, Enter keeps the 1."""
        if self._one_waiting and enter:
            self._answer(1)
            return
        self._one_waiting = False
        self.value = None
        self.answered = True
        self.post_message(self.Answered(self, self.moment, None))

    def render(self) -> Text:
        keys_style = self.get_component_rich_style("feel-rating--keys", partial=True)
        text = Text(PROMPTS[self.moment] + "  ", no_wrap=False)
        if self._one_waiting:
            text.append(ONE_WAITING, style=keys_style)
        elif not self.answered:
            for part, is_key in HINT:
                text.append(part, style=keys_style if is_key else "")
        elif self.value is None:
            text.append("skipped, and that's fine.")
        else:
            text.append(f"{self.value} of 10. Thank you.")
        return text
