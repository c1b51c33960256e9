"""FeelingsDialog: browse the whole vocabulary of feelings, family by family, with meanings."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import Emotion, EmotionFamily


class FeelingsDialog(ThawModalScreen[None]):
    """Every feeling Thaw knows, grouped by family; the highlighted one's meaning below."""

    DEFAULT_CSS = """
    FeelingsDialog {
        align: center middle;
    }
    FeelingsDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: 100%;
        max-height: 30;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    FeelingsDialog #feelings-title {
        text-style: bold;
    }
    FeelingsDialog OptionList {
        height: 1fr;
        border: none;
    }
    FeelingsDialog #feelings-meaning {
        height: 4;
        border-top: solid $primary 50%;
    }
    FeelingsDialog .feelings-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "close", "Close", tooltip="Close the names for feelings", id="feelings-close"
        ),
        Binding(
            "v",
            "close",
            "Close",
            show=False,
            tooltip="Close the names for feelings",
            id="feelings-close-v",
        ),
    ]

    def __init__(self, families: tuple[EmotionFamily, ...], emotions: tuple[Emotion, ...]) -> None:
        super().__init__()
        self.families = families
        self.emotions = {e.id: e for e in emotions}
        self._family_names = {f.id: f for f in families}
        self._ordered = emotions

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for family in self.families:
            header = Text(family.name, style="bold")
            options.append(Option(header, id=f"family:{family.id}", disabled=True))
            for emotion in self._ordered:
                if emotion.family == family.id:
                    options.append(Option(f"  {emotion.name}", id=emotion.id))
        with Vertical():
            yield Static(
                f"Names for feelings ({len(self.emotions)}). Naming one can make it clearer.",
                id="feelings-title",
                markup=False,
            )
            yield OptionList(*options, id="feelings-list")
            yield Static("", id="feelings-meaning", markup=False)
            yield Static("Up and down to move.  Esc: close.", classes="feelings-keys")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        for index, option in enumerate(listing.options):
            if not option.disabled:
                listing.highlighted = index
                break

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        emotion = self.emotions.get(event.option.id or "")
        if emotion is None:
            return
        family = self._family_names.get(emotion.family)
        family_line = f"{family.name}: {family.blurb}" if family else ""
        self.query_one("#feelings-meaning", Static).update(
            f"{emotion.name}: {emotion.meaning}\n{family_line}"
        )

    def action_close(self) -> None:
        """Back to the ideas."""
        self.dismiss(None)
