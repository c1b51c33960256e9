"""The keys screen (F1 or ?): built from the bindings, so it always says what the keys do now.

Every Thaw binding has an id and a tooltip (the words help shows). The first part lists what
the keys do here: the focused part's bindings, the screen's, then those of its other parts,
after `check_action` (a key that cannot act now is not offered). The second
part lists the keys that work everywhere: the app's bindings and those every screen shares.
Bindings with the same words make one row ("1 to 5", "w m y a"). Textual's own widget keys
(cursor moves, text editing, scrolling) are left out, but for lists, switches and menus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.screens.base import ThawScreen
from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual.app import App, ComposeResult
    from textual.dom import DOMNode
    from textual.screen import Screen

# How keys are spelled for people (Textual's names on the left).
KEY_WORDS = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "comma": ",",
}
# Textual's own widget keys worth a line, in our words (its own are terse): by the action
# that names them, the keys to show and what they do.
TEXTUAL_KEYS: dict[str, tuple[str, str]] = {
    "cursor_down": ("↑ / ↓", "Move through the list"),
    "toggle_button": ("Space / Enter", "Switch it on or off"),
    "show_overlay": ("Enter", "Open the list to choose from"),
}
PAIRS = ({"left", "right"}, {"up", "down"}, {"pageup", "pagedown"})
Row = tuple[str, str]


def spell(key: str) -> str:
    """One key as a person reads it: "ctrl+j" -> "Ctrl+J", "escape" -> "Esc", "w" -> "w"."""
    *mods, last = key.split("+")
    name = KEY_WORDS.get(last) or (last.upper() if len(last) > 1 and last[0] == "f" else last)
    if mods and len(name) == 1:
        name = name.upper()
    return "+".join([*(m.capitalize() for m in mods), name])


def keys_text(bindings: Sequence[Binding]) -> str:
    """The keys of one row: a run of digits as "1 to 5", two keys as "← / →", single letters
    side by side ("w m y a"); a binding's own `key_display` names a group of keys at once."""
    keys = list(dict.fromkeys(b.key for b in bindings))
    if set(keys) in PAIRS:
        keys.sort(key=lambda key: key in ("right", "down", "pagedown"))  # ← before →
    shown = bindings[0].key_display
    if len(keys) > 1 and shown and shown != spell(keys[0]):
        return shown  # "←→", "+/-": the binding names its group itself
    parts: list[str] = []
    run: list[int] = []

    def close_run() -> None:
        if len(run) >= 3:
            parts.append(f"{run[0]} to {run[-1]}")
        else:
            parts.extend(str(digit) for digit in run)
        run.clear()

    for key in keys:
        if key.isdigit() and (not run or int(key) == run[-1] + 1):
            run.append(int(key))
            continue
        close_run()
        if key.isdigit():
            run.append(int(key))
        else:
            parts.append(spell(key))
    close_run()
    if any(" " in part for part in parts):
        return ", ".join(parts)  # "0 to 9, t, n"
    if len(parts) == 2:
        return " / ".join(parts)
    if all(len(part) == 1 for part in parts):
        return " ".join(parts)
    return ", ".join(parts)


def _declared(node: DOMNode) -> list[Binding]:
    """The bindings Thaw's own classes gave `node`, one a key, as Textual merges them: the most
    derived class that binds a key owns it. Only those with words (a tooltip): Textual's widget
    keys, even copied into our classes, have none."""
    keys: dict[str, list[tuple[Binding, bool]]] = {}
    for cls in reversed(type(node).__mro__):
        ours = cls.__module__.startswith("tui.")
        by_key: dict[str, list[tuple[Binding, bool]]] = {}
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding):
                continue
            for key in binding.key.split(","):
                one = Binding(
                    key.strip(),
                    binding.action,
                    binding.description,
                    key_display=binding.key_display,
                    tooltip=binding.tooltip,
                    id=binding.id,
                )
                by_key.setdefault(one.key, []).append((one, ours))
        keys.update(by_key)
    return [b for pairs in keys.values() for b, ours in pairs if ours and b.tooltip]


def _general_ids(app: App[None]) -> set[str]:
    """Ids of the keys that work everywhere: the app's own and those every screen shares."""
    bindings = [*type(app).BINDINGS, *ThawScreen.BINDINGS]
    return {b.id for b in bindings if isinstance(b, Binding) and b.id}


def _can_act(node: DOMNode, binding: Binding) -> bool:
    """True when the binding's action would run now (its node's `check_action` says so)."""
    namespace, action, parameters = parse(binding.action)
    target: DOMNode = node
    if namespace == "app":
        target = node.app
    elif namespace == "screen" and node.screen is not None:
        target = node.screen
    return target.check_action(action, parameters) is True


def _displayed(node: DOMNode, screen: Screen[Any]) -> bool:
    while node is not screen:
        if not node.display or node.parent is None:
            return False
        node = node.parent
    return True


class _Rows:
    """Rows by their words, in the order first met, each binding's key once."""

    def __init__(self) -> None:
        self.groups: dict[str, list[Binding]] = {}
        self.shown_as: dict[str, str] = {}  # words -> keys given as they are (Textual's keys)

    def fixed(self, keys: str, words: str) -> None:
        if words not in self.groups:
            self.groups[words] = []
            self.shown_as[words] = keys

    def add(self, binding: Binding, words: str) -> None:
        group = self.groups.setdefault(words, [])
        if all(b.key != binding.key for b in group):
            group.append(binding)

    def rows(self) -> list[Row]:
        return [
            (self.shown_as.get(words) or keys_text(group), words)
            for words, group in self.groups.items()
        ]


def _textual_rows(node: DOMNode) -> list[Row]:
    """Rows for the keys of `node` that come from a Textual widget and TEXTUAL_KEYS names."""
    rows: list[Row] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("tui."):
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.action in TEXTUAL_KEYS:
                    rows.append(TEXTUAL_KEYS[binding.action])
    return rows


def collect_keys(screen: Screen[Any]) -> list[Row]:
    """(keys, what they do) for this screen: the focused part's keys, the screen's, then those
    of its other parts. Only keys whose action can run now (`check_action`) are offered.

    Keys are not dropped for being shadowed by a Textual widget's key of the same name: those
    (scrolling a box that cannot scroll that way) pass the key on to the screen.
    """
    general = _general_ids(screen.app)
    rows = _Rows()
    chain: list[DOMNode] = []  # the focused part, its containers, then the screen
    node: DOMNode | None = screen.focused
    while node is not None and node is not screen:
        chain.append(node)
        node = node.parent
    chain.append(screen)
    others = [n for n in screen.walk_children() if n not in chain and _displayed(n, screen)]
    taken: set[str] = set()  # along the focus chain a key does what its first taker does
    for node in [*chain, *others]:
        if node not in chain:
            taken = set()  # another part: its keys act once it has the focus
        for keys, words in _textual_rows(node):
            rows.fixed(keys, words)
        for binding in _declared(node):
            if binding.key in taken or not _can_act(node, binding):
                continue
            taken.add(binding.key)
            if binding.id not in general:
                rows.add(binding, binding.tooltip)
    return rows.rows()


def everywhere_keys(app: App[None]) -> list[Row]:
    """The keys that work on every screen, from the app's bindings and the shared ones."""
    rows = _Rows()
    bindings: Iterable[BindingType] = [*type(app).BINDINGS, *ThawScreen.BINDINGS]
    for binding in bindings:
        if isinstance(binding, Binding) and binding.tooltip:
            for key in binding.key.split(","):
                one = Binding(key.strip(), binding.action, key_display=binding.key_display)
                rows.add(one, binding.tooltip)
    return rows.rows()


class HelpScreen(ThawModalScreen[None]):
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
        Binding("escape", "close", "Close", tooltip="Close this list", id="help-close"),
        Binding("q", "close", "Close", show=False, tooltip="Close this list", id="help-close-q"),
        Binding("a", "about", "About", tooltip="About numbness and about Thaw", id="help-about"),
    ]

    def __init__(
        self, keys: list[Row] | None = None, *, title: str = "", everywhere: list[Row] | None = None
    ) -> None:
        super().__init__()
        self._keys = keys or []
        self._place = title
        self._everywhere = everywhere or []

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            heading = f"Keys here: {self._place}" if self._place else "Keys here"
            yield Static(Text(heading), classes="help-heading")
            yield Static(self._table(self._keys) if self._keys else Text("Nothing special here."))
            yield Static(Text("Keys that work everywhere"), classes="help-heading")
            yield Static(self._table(self._everywhere))
            yield Static(Text("a: about numbness and about Thaw.  Esc closes this.", style="dim"))

    @staticmethod
    def _table(rows: list[Row]) -> Table:
        table = Table.grid(padding=(0, 2))
        # Long runs of keys wrap after a comma, so the words keep their room on a narrow screen.
        table.add_column(style="bold", max_width=16)
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
