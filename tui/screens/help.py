"""The keys screen (F1 or ?): every key of the screen underneath, then those that work anywhere."""

from __future__ import annotations

import re
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


def _our_bindings(node: DOMNode) -> list[Binding]:
    """The bindings `node` has that Thaw's own classes declared, in the order they were declared.

    Textual's widgets bring many keys of their own (scrolling, cursor moves, text editing).
    They work as people expect and would bury ours, so help leaves them out.
    """
    ours: set[tuple[str, str]] = set()
    theirs: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if "BINDINGS" not in cls.__dict__:
            continue
        pairs = ours if cls.__module__.startswith("tui.") else theirs
        for binding in cls.__dict__["BINDINGS"]:
            if isinstance(binding, Binding):
                pairs.update((key.strip(), binding.action) for key in binding.key.split(","))
    declared = ours - theirs  # a Textual widget's keys copied into ours are still Textual's
    return [
        binding
        for bindings in node._bindings.key_to_bindings.values()
        for binding in bindings
        if (binding.key, binding.action) in declared
    ]


# How hand-written help rows name keys, in Textual's key names.
_SPELLED = {
    "esc": "escape",
    "del": "delete",
    "←": "left",
    "→": "right",
    "↑": "up",
    "↓": "down",
    "pgup": "pageup",
    "pgdn": "pagedown",
}


def _key_names(words: str) -> set[str]:
    """Key names in a hand-written help row ("Ctrl+N", "← →", "0-9, Del" -> ctrl+n, left...)."""
    names = {part.lower() for part in words.replace("/", " ").replace(",", " ").split()}
    for low, high in re.findall(r"(\d)\s*(?:-|to)\s*(\d)", words):  # "1 to 5", "0-9"
        names.update(str(digit) for digit in range(int(low), int(high) + 1))
    return {_SPELLED.get(name, name) for name in names}


def collect_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for the screen and its widgets: Thaw's keys only, without repeats.

    The screen's hand-written `KEY_HELP` rows come first; a binding whose key one of them
    already explains is not listed again.
    """
    app = screen.app
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    explained: set[str] = set()

    def add(key: str, description: str) -> None:
        if description and description.lower() not in seen:
            seen.add(description.lower())
            rows.append((key, description))

    for key, description in getattr(screen, "KEY_HELP", []):
        add(key, description)
        explained |= _key_names(key)
    nodes: list[DOMNode] = [screen, *screen.walk_children()]
    for node in nodes:
        for binding in _our_bindings(node):
            if binding.action in _EVERYWHERE_ACTIONS or not binding.description:
                continue
            if binding.key in explained:
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
        Binding("a", "about", "About"),
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
            yield Static(Text("a: about numbness and about Thaw.  Esc closes this.", style="dim"))

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in rows:
            table.add_row(Text(key), Text(description))
        return table

    def action_about(self) -> None:
        """a: the page about numbness and about Thaw (content/about.md)."""
        self.dismiss(None)
        self.app.call_later(self.app.run_action, "open_screen('about')")

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
