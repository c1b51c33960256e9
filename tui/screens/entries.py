"""Past entries: check-ins newest first, to edit, delete (after a yes) or fill in a missed day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Input, Static

from tui.core.entry_filter import search_filter
from tui.core.errors import InputError, StaleEditError, ThawError
from tui.core.outward import shown_line, shown_text
from tui.screens.base import ThawScreen, describe_time, thaw_app
from tui.screens.checkin import CheckInScreen
from tui.textual_private import ThawModalScreen
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from datetime import datetime

    from textual.app import ComposeResult
    from textual.events import Key

    from tui.core.records.models import CheckIn

# Load this many rows at a time (whole months), and give up looking further back after this many
# empty months in a row: a long gap is possible, decades of nothing are not.
PAGE_ROWS = 40
MAX_EMPTY_MONTHS = 36
NEAR_END = 5
SEARCH_ROWS = 500  # a search shows at most this many matches, newest first


def previous_month(first: date) -> date:
    """The first day of the month before the one starting at `first`."""
    return date(first.year - 1, 12, 1) if first.month == 1 else date(first.year, first.month - 1, 1)


def month_end(first: date) -> date:
    """The last day of the month starting at `first`."""
    following = (
        date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)
    )
    return date.fromordinal(following.toordinal() - 1)


class ConfirmDelete(ThawModalScreen[bool]):
    """Are you sure? Only y deletes; any other key keeps it (as in Thaw's other dialogs)."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    ConfirmDelete > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: round $warning; background: $surface; padding: 1 2;
    }
    ConfirmDelete .dialog-keys { color: $foreground-muted; margin-top: 1; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question, markup=False)
            yield Static("y deletes it; any other key keeps it.", classes="dialog-keys")

    def on_key(self, event: Key) -> None:
        """y deletes; anything else (Esc, Enter, n, a stray letter) keeps the entry."""
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "y")


WHEN_EXAMPLES = "for example yesterday 21:00, or 2026-11-02 08:30"


class WhenInput(Input):
    """The one line of "when?": Enter or Ctrl+S (the save key of every form) goes on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "submit",
            "Go on",
            show=False,
            tooltip="Go on with this day and time",
            id="when-go-on",
        )
    ]


class AskWhen(ThawModalScreen["datetime | None"]):
    """A one-line "when?" for back-filling a missed check-in, read by tui.core.when."""

    DEFAULT_CSS = """
    AskWhen { align: center middle; }
    AskWhen > Vertical {
        width: 64; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    AskWhen #when-question { width: 100%; height: auto; }
    AskWhen Input { margin-top: 1; }
    AskWhen Input > .input--placeholder { color: $foreground-muted; text-style: italic; }
    AskWhen #when-error { color: $warning; height: auto; }
    AskWhen .dialog-keys { color: $foreground-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Cancel", id="when-cancel")
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"When was it? Type a day and a time, {WHEN_EXAMPLES}.", id="when-question"
            )
            yield WhenInput(placeholder="e.g. yesterday 21:00", id="when")
            yield Static("", id="when-error", markup=False)
            yield Static("Enter: go on    Esc: cancel", classes="dialog-keys")

    @on(Input.Submitted, "#when")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from tui.core.when import parse_when

        error = self.query_one("#when-error", Static)
        if not event.value.strip():
            error.update(f"Type when it was first, {WHEN_EXAMPLES}. Esc cancels.")
            return
        now = thaw_app(self).clock.now()
        try:
            when = parse_when(event.value, now)
        except InputError as err:
            error.update(str(err))
            self.app.clear_notifications()  # nothing may sit over the sentence
            return
        self.dismiss(when)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SearchBox(Input):
    """The search line: typing filters at once; Esc clears it and hands back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "clear",
            "Clear search",
            tooltip="Clear the search and show all",
            id="entries-search-clear",
        ),
    ]

    def action_clear(self) -> None:
        self.value = ""
        self.add_class("-hidden")
        self.screen.remove_class("-searching")
        self.screen.query_one("#entries", DataTable).focus()


class EntriesScreen(ThawScreen):
    """Every check-in, newest first, read a month at a time as the person scrolls back."""

    TITLE = "Past entries"
    DEFAULT_CSS = """
    EntriesScreen #entries-intro { color: $foreground-muted; padding: 0 1; height: auto; }
    EntriesScreen #entries-status { color: $warning; padding: 0 1; height: auto; }
    EntriesScreen #entries-status.-empty { display: none; }
    /* No sideways scrolling: a long note is cut here and shown whole in the detail below (its
       scrollbar showed only as a stray glyph above the detail). */
    EntriesScreen DataTable { height: 1fr; overflow-x: hidden; }
    EntriesScreen #entries-search { border: none; height: 1; padding: 0 1; }
    EntriesScreen #entries-search.-hidden { display: none; }
    EntriesScreen.-searching #entries-intro { display: none; }
    EntriesScreen #entry-detail {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $panel;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", tooltip="Go back", id="back"),
        Binding("enter", "edit", "Edit", tooltip="Change the highlighted entry", id="entries-edit"),
        Binding(
            "d",
            "delete",
            "Delete",
            tooltip="Delete the highlighted entry (asks first)",
            id="entries-delete",
        ),
        Binding(
            "n",
            "backfill",
            "Fill in a day",
            tooltip="Fill in a day you missed",
            id="entries-backfill",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Find entries by words, #tags or feelings",
            id="entries-search",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, CheckIn] = {}
        self._next_month: date | None = None  # the next (older) month to load
        self._empty_run = 0
        self._query = ""
        self._everything: list[CheckIn] | None = None  # all check-ins, read once for a search

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Enter changes an entry, d deletes one, n fills in a missed day, / searches.",
            id="entries-intro",
        )
        yield Static("", id="entries-status", markup=False, classes="-empty")
        yield SearchBox(
            placeholder="Search: words, #tag or a feeling (Esc clears)",
            id="entries-search",
            classes="-hidden",
        )
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="entries")
        yield table
        yield Static("", id="entry-detail", markup=False)  # a note is never read as markup
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self._table()
        table.add_column("When", key="when", width=18)
        table.add_column("Mood", key="mood", width=4)
        table.add_column("Feel", key="feel", width=4)
        table.add_column("Feelings and note", key="rest")
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self._everything = None  # an edit or a delete may have changed what matches
        self.reload()

    def _table(self) -> DataTable[Text]:
        return self.query_one("#entries", DataTable)

    # --- loading ----------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        """Start again from this month, keeping the cursor on the same entry if it still exists."""
        table = self._table()
        current = keep or self._current_id()
        if self._query:
            self._show_matches(current)
            return
        loaded_rows = max(len(self._rows), PAGE_ROWS)
        table.clear()
        self._rows.clear()
        self._next_month = self.thaw.clock.now().date().replace(day=1)
        self._empty_run = 0
        self._load_more(loaded_rows)
        if current in self._rows:
            table.move_cursor(row=table.get_row_index(current))
        self._show_detail()
        self.refresh_bindings()

    def _load_more(self, want: int = PAGE_ROWS) -> None:
        """Add older months until `want` more rows are shown or history runs out."""
        added = 0
        table = self._table()
        while added < want and self._next_month is not None:
            first = self._next_month
            try:
                month = self.thaw.store.checkins(since=first, until=month_end(first))
            except ThawError as err:
                self._set_status(str(err))
                self._next_month = None
                break
            self._next_month = previous_month(first)
            if not month:
                self._empty_run += 1
                if self._empty_run >= MAX_EMPTY_MONTHS:
                    self._next_month = None
                continue
            self._empty_run = 0
            for c in reversed(month):
                if c.id in self._rows:
                    continue
                self._rows[c.id] = c
                table.add_row(*self._cells(c), key=c.id)
                added += 1
        if not self._rows:
            self._set_status("No entries yet. n fills in a day you missed.")

    def _feeling_names(self, c: CheckIn) -> list[str]:
        """The picked feelings by name (an id no longer in the vocabulary, as it is)."""
        names = []
        for emotion_id in c.emotions:
            emotion = self.thaw.content.emotion(emotion_id)
            names.append(emotion.name if emotion is not None else shown_line(emotion_id))
        return names

    def _cells(self, c: CheckIn) -> tuple[Text, Text, Text, Text]:
        rest = ", ".join(self._feeling_names(c))
        note = shown_line(c.note, limit=200)
        if note:
            rest = f"{rest} · {note}" if rest else note
        return (
            Text(describe_time(c.at, self.thaw.clock.now())),
            Text(str(c.mood), justify="right"),
            Text("" if c.feel is None else str(c.feel), justify="right"),
            Text(rest, no_wrap=True, overflow="ellipsis"),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete are offered only when there is an entry to act on."""
        if action in ("edit", "delete"):
            return bool(self._rows)
        return True

    def _current_id(self) -> str | None:
        table = self._table()
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:
            return None
        return str(key.value) if key.value is not None else None

    def current(self) -> CheckIn | None:
        """The check-in under the cursor."""
        current_id = self._current_id()
        return self._rows.get(current_id) if current_id else None

    def _set_status(self, text: str) -> None:
        status = self.query_one("#entries-status", Static)
        status.update(text)
        status.set_class(not text, "-empty")

    def _show_detail(self) -> None:
        c = self.current()
        detail = self.query_one("#entry-detail", Static)
        if c is None:
            detail.update("")
            return
        parts = [f"{describe_time(c.at, self.thaw.clock.now())} · mood {c.mood}"]
        if c.feel is not None:
            parts[0] += f" · feel {c.feel}"
        if c.emotions:
            parts.append("Feelings: " + ", ".join(self._feeling_names(c)))
        if c.tags:
            parts.append("Tags: " + ", ".join(shown_line(t) for t in c.tags))
        if c.note:
            parts.append(shown_text(c.note)[:600])
        detail.update("\n".join(parts))

    @on(DataTable.RowHighlighted, "#entries")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()
        if event.cursor_row >= self._table().row_count - NEAR_END and self._next_month is not None:
            self._load_more()

    @on(DataTable.RowSelected, "#entries")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # --- search -----------------------------------------------------------------------------
    def action_search(self) -> None:
        """/: the search line, above the list; what is typed filters at once."""
        box = self.query_one("#entries-search", SearchBox)
        box.remove_class("-hidden")
        self.add_class("-searching")  # the intro gives its lines to the matches meanwhile
        box.focus()

    @on(Input.Changed, "#entries-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._query = event.value.strip()
        if not self._query:
            self._set_status("")
        self.reload()

    @on(Input.Submitted, "#entries-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._table().focus()

    def _show_matches(self, keep: str | None) -> None:
        """Every check-in (not only the months loaded) that has the words, tags or feelings."""
        table = self._table()
        table.clear()
        self._rows.clear()
        self._next_month = None  # nothing more to load while searching
        if self._everything is None:
            try:
                self._everything = self.thaw.store.checkins()
            except ThawError as err:
                self._set_status(str(err))
                return
        names = {e.id: e.name for e in self.thaw.content.emotions}
        wanted = search_filter(self._query, names)
        found = wanted.apply(reversed(self._everything), names)
        for c in found[:SEARCH_ROWS]:
            self._rows[c.id] = c
            table.add_row(*self._cells(c), key=c.id)
        shown = shown_line(self._query)[:60]
        if not found:
            self._set_status(f'Nothing matches "{shown}". Esc in the search line clears it.')
        else:
            more = f" (the newest {SEARCH_ROWS} shown)" if len(found) > SEARCH_ROWS else ""
            count = "1 entry matches" if len(found) == 1 else f"{len(found)} entries match"
            self._set_status(f'{count} "{shown}"{more}.')
        if keep in self._rows:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_detail()

    # --- actions ----------------------------------------------------------------------------
    def action_edit(self) -> None:
        """Enter: open the entry in the check-in screen, with its values, to change it."""
        c = self.current()
        if c is not None:
            self.app.push_screen(CheckInScreen(editing=c))

    def action_delete(self) -> None:
        """d: ask first, then delete; a change from another window stops the delete."""
        c = self.current()
        if c is None:
            return
        when = describe_time(c.at, self.thaw.clock.now())

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(c)

        self.app.push_screen(
            ConfirmDelete(
                f"Delete the check-in from {when} (mood {c.mood})? This can't be undone."
            ),
            answered,
        )

    def _delete(self, c: CheckIn) -> None:
        try:
            self.thaw.store.delete_checkin(c)
        except StaleEditError:
            self._set_status(
                "This entry changed in another window, so it was not deleted. "
                "The newer version is shown now."
            )
            self.reload(keep=c.id)
            return
        except ThawError as err:
            self._set_status(str(err))
            return
        self._set_status("")
        self.app.notify("Deleted.")
        self.reload()

    def action_backfill(self) -> None:
        """n: ask when, then open a check-in for that moment."""

        def chosen(when: datetime | None) -> None:
            if when is not None:
                self.app.push_screen(CheckInScreen(at=when))

        self.app.push_screen(AskWhen(), chosen)
