"""ConflictDialog: what two windows changed in one field, both versions; the person chooses."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.app import ComposeResult

#: One field both windows changed: what it is called, this window's words, the other's.
Clash = tuple[str, str, str]

KEYS = "y saves yours; n or Esc keeps the other window's.  ↑ ↓ scroll."
MINE = "Save your words over the other window's"
THEIRS = "Keep the other window's words; yours are not saved"


class ConflictDialog(ThawModalScreen[bool]):
    """Another window saved a change to the same field: show both, let the person choose.

    Dismisses True for "save mine over it", False for "keep the other window's". Only y and n
    (and Esc) answer: the words may be long, so the arrow keys scroll instead of answering,
    a stray Enter from the list underneath chooses nothing, and F1 and F2 work as everywhere.
    The person's words are shown with markup off.
    """

    DEFAULT_CSS = """
    ConflictDialog {
        align: center middle;
    }
    ConflictDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: round $warning;
        background: $surface;
    }
    ConflictDialog VerticalScroll {
        height: auto;
        max-height: 16;  /* lowered on short terminals by fit(), so the keys stay in sight */
    }
    ConflictDialog .conflict-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose(True)", "Save yours", tooltip=MINE, id="conflict-mine"),
        Binding("n", "choose(False)", "Keep theirs", tooltip=THEIRS, id="conflict-theirs"),
        Binding(
            "escape", "choose(False)", "Keep theirs", show=False, tooltip=THEIRS, id="conflict-esc"
        ),
    ]

    def __init__(self, heading: str, clashes: Sequence[Clash]) -> None:
        super().__init__()
        self.heading = heading
        self.clashes = list(clashes)
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, markup=False, id="conflict-heading")
            with VerticalScroll(id="conflict-versions"):
                yield Static(self.versions(), id="conflict-text")
            yield Static(KEYS, markup=False, classes="conflict-keys")

    def versions(self) -> Text:
        """Each clashing field: yours, then the other window's (plain text, never markup)."""
        text = Text()
        for name, mine, theirs in self.clashes:
            text.append(f"\nYour {name}: ", style="bold")
            text.append(mine)
            text.append(f"\nThe other window's {name}: ", style="bold")
            text.append(theirs)
            text.append("\n")
        text.rstrip()
        return text

    def on_mount(self) -> None:
        self.query_one("#conflict-versions", VerticalScroll).focus()
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Give the versions what room is left, so the keys line is never cut off."""
        heading = self.query_one("#conflict-heading", Static)
        keys = self.query_one(".conflict-keys", Static)
        room = self.size.height - heading.outer_size.height - keys.outer_size.height - 2
        self.query_one("#conflict-versions", VerticalScroll).styles.max_height = max(3, room)

    def action_choose(self, mine: bool) -> None:
        """y: save mine over it; n or Esc: keep the other window's."""
        if not self._answered:  # two quick keys must not close the screen underneath too
            self._answered = True
            self.dismiss(mine)
