"""FeelRating: a one-line, skippable "how much can you feel" 0-10 question for practices.

Keys (spelled out on the line itself): a digit 0 to 9 answers at once, `t` means ten, `n` or Enter
skips. One key either way, so the question never holds a practice up.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

Moment = Literal["before", "after"]

PROMPTS: dict[Moment, str] = {
    "before": "Before: how much can you feel now?",
    "after": "After: how much can you feel now?",
}

# "0 to 9, t for ten · n or Enter to skip": plain words, the keys picked out in colour. With the
# longer prompt it still fits one 80-column line.
HINT: tuple[tuple[str, bool], ...] = (
    ("0", True),
    (" to ", False),
    ("9", True),
    (", ", False),
    ("t", True),
    (" for ten · ", False),
    ("n", True),
    (" or ", False),
    ("Enter", True),
    (" to skip", False),
)
HINT_TEXT = "".join(part for part, _ in HINT)
RATING_WORDS = "How much you can feel: 0 to 9, t for ten; n or Enter skips"


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
        Binding("t", "rate(10)", show=False, tooltip=RATING_WORDS, id="feel-rating-10"),
        Binding("n,enter", "skip", show=False, tooltip=RATING_WORDS, id="feel-rating-skip"),
    ]

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
        """A digit (or `t`): that number, at once."""
        self.value = max(0, min(10, number))
        self.answered = True
        self.post_message(self.Answered(self, self.moment, self.value))

    def action_skip(self) -> None:
        """Leave it unanswered; that is always fine."""
        self.value = None
        self.answered = True
        self.post_message(self.Answered(self, self.moment, None))

    def render(self) -> Text:
        keys_style = self.get_component_rich_style("feel-rating--keys", partial=True)
        text = Text(PROMPTS[self.moment] + "  ", no_wrap=False)
        if not self.answered:
            for part, is_key in HINT:
                text.append(part, style=keys_style if is_key else "")
        elif self.value is None:
            text.append("skipped, and that's fine.")
        else:
            text.append(f"{self.value} of 10. Thank you.")
        return text
