"""The keys screen (F1 or ?): every key of the screen underneath, then those that work anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.dom import DOMNode
    from textual.screen import Screen

# Keys the app handles everywhere, in the words the person reads.
EVERYWHERE: tuple[tuple[str, str], ...] = (
    ("Esc", "Go back"),
    ("F1 or ?", "These keys"),
    ("F2 (or s)", "Support: people and lines you can reach"),
    ("Ctrl+P", "Find any place or setting by typing"),
    ("Tab / Shift+Tab", "Move between parts of the screen"),
    ("Ctrl+Q", "Close Thaw"),
)
_EVERYWHERE_ACTIONS = {
    "app.back",
    "back",
    "app.help",
    "help",
    "app.open_screen('support')",
    "open_screen('support')",
    "command_palette",
    "quit",
    "app.quit",
    "app.focus_next",
    "app.focus_previous",
    "screen.copy_text",
    "help_quit",
}


def _bindings_of(node: DOMNode) -> list[Binding]:
    return [binding for bindings in node._bindings.key_to_bindings.values() for binding in bindings]


def collect_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for the screen and every widget on it, in order, without repeats."""
    app = screen.app
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(key: str, description: str) -> None:
        if description and description.lower() not in seen:
            seen.add(description.lower())
            rows.append((key, description))

    for key, description in getattr(screen, "KEY_HELP", []):
        add(key, description)
    nodes: list[DOMNode] = [screen, *screen.walk_children()]
    for node in nodes:
        for binding in _bindings_of(node):
            if binding.action in _EVERYWHERE_ACTIONS or not binding.description:
                continue
            add(app.get_key_display(binding), binding.tooltip or binding.description)
    return rows


class HelpScreen(ModalScreen[None]):
    """A calm list of keys over the current screen; Esc, F1 or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen .help-heading {
        color: $primary;
        text-style: bold;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str]] | None = None, *, title: str = "") -> None:
        super().__init__()
        self._keys = keys or []
        self._place = title

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            heading = f"Keys here: {self._place}" if self._place else "Keys here"
            yield Static(Text(heading), classes="help-heading")
            yield Static(self._table(self._keys) if self._keys else Text("Nothing special here."))
            yield Static(Text("Keys that work everywhere"), classes="help-heading")
            yield Static(self._table(list(EVERYWHERE)))
            yield Static(Text("Esc closes this.", style="dim"))

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in rows:
            table.add_row(Text(key), Text(description))
        return table

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
