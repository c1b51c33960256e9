"""WhatHelpsScreen: each practice and idea, how often, and how the person rated themselves after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static

from tui.core.errors import ThawError
from tui.core.what_helps import (
    TAGS_CAVEAT,
    WINDOW_DAYS,
    HelpRow,
    change_words,
    help_rows,
    row_sentence,
    tag_sentences,
)
from tui.screens.base import ThawScreen
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import ComposeResult

#: From this many columns the rows are a table; narrower, one sentence each.
TABLE_FROM = 70

INTRO = (
    "What you have tried in the last year, and how you rated yourself before and after. "
    "These are your own ratings, not a verdict on any practice."
)
EMPTY = (
    "Nothing here yet. After a breathing, grounding or meditation practice, or an idea you "
    "tried, what you noticed will show here."
)


@dataclass(frozen=True, slots=True)
class Found:
    rows: list[HelpRow]
    tags: list[str]


def rows_table(rows: list[HelpRow]) -> Table:
    """A table that grows with the window: what, how often, and the ratings after."""
    table = Table(expand=True, box=None, padding=(0, 1), show_edge=False)
    table.add_column("What", ratio=3, style="bold")
    table.add_column("Times", justify="right", no_wrap=True)
    table.add_column("Your feel rating after", ratio=3)
    table.add_column("You said it helped", ratio=2)
    for row in rows:
        after = "—"
        if row.change is not None:
            after = change_words(row.change)
            if row.rated < row.times:
                after += f" ({row.rated} rated)"
        helped = "—"
        if row.helped is not None:
            helped = f"about {round(row.helped)} of 5"
            if row.ratings < row.times:
                helped += f" ({row.ratings} rated)"
        table.add_row(Text(row.label), str(row.times), after, helped)
    return table


class WhatHelpsScreen(ThawScreen):
    """Practices and ideas with their counts and the person's own before/after ratings."""

    DEFAULT_CSS = """
    WhatHelpsScreen #helps-scroll { height: 1fr; padding: 0 1; }
    WhatHelpsScreen #helps-intro { color: $text-muted; height: auto; }
    WhatHelpsScreen.-short #helps-intro { display: none; }
    WhatHelpsScreen #helps-rows { margin-top: 1; height: auto; }
    WhatHelpsScreen #helps-tags-title { margin-top: 1; text-style: bold; height: auto; }
    WhatHelpsScreen #helps-tags { height: auto; }
    """

    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "h",
            "app.open_screen('history')",
            "History",
            tooltip="Your charts over time",
            id="what-helps-history",
        ),
    ]

    class Loaded(Message):
        """The rows and tag comparisons are ready."""

        def __init__(self, found: Found) -> None:
            super().__init__()
            self.found = found

    def __init__(self) -> None:
        super().__init__()
        self.title = "What helps me"
        self.sub_title = "your own ratings, before and after"
        self.found: Found | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="helps-scroll"):
            yield Static(INTRO, id="helps-intro", markup=False)
            yield Static("Reading your practices…", id="helps-rows", markup=False)
            yield Static("", id="helps-tags-title", markup=False)
            yield Static("", id="helps-tags", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="what-helps")
    def load(self) -> None:
        """Read a year of sessions and check-ins off the UI thread, then post them."""
        from tui.core.analysis.insights import vocabulary

        app = self.thaw
        today = app.clock.now().date()
        since = today - timedelta(days=WINDOW_DAYS - 1)
        try:
            sessions = app.store.sessions(since=since)
            checkins = app.store.checkins(since=since)
        except ThawError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", markup=False)
            sessions, checkins = [], []
        labels = vocabulary(app.content).practices
        found = Found(help_rows(sessions, labels, today), tag_sentences(checkins, today))
        self.post_message(self.Loaded(found))

    def on_what_helps_screen_loaded(self, message: Loaded) -> None:
        self.found = message.found
        self._draw()

    def on_resize(self) -> None:
        if self.found is not None:
            self._draw()

    def _draw(self) -> None:
        found = self.found
        if found is None:
            return
        body: RenderableType
        if not found.rows:
            body = Text(EMPTY)
        elif self.size.width >= TABLE_FROM:
            body = rows_table(found.rows)
        else:
            body = Group(*(Text("· " + row_sentence(row)) for row in found.rows))
        self.query_one("#helps-rows", Static).update(body)
        title = self.query_one("#helps-tags-title", Static)
        tags = self.query_one("#helps-tags", Static)
        if found.tags:
            title.update("Tags and mood")
            tags.update(Text("\n".join(f"· {t}" for t in found.tags) + "\n" + TAGS_CAVEAT))
        else:
            title.update("")
            tags.update("")
