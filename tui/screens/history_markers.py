"""Markers on the timeline, from history: a list to add, edit or delete them, and their form."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.core.analysis.history_view import marker_when
from tui.core.analysis.stats import local_day
from tui.core.errors import ThawError
from tui.core.outward import shown_line
from tui.core.records.models import MARKER_KINDS, Marker, MarkerKind
from tui.screens.base import thaw_app
from tui.screens.merged_edit import KEPT_THEIRS, EditKind, MergedEdit
from tui.textual_private import ThawModalScreen
from tui.widgets.form_select import FormSelect

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.ports import StorePort

DELETE_WORDS = "Delete the highlighted marker (asks first)"
KIND_WORDS: dict[MarkerKind, str] = {
    "medication": "medication",
    "therapy": "therapy",
    "life": "life event",
    "other": "other",
}

NAMED_UP_TO = 60  # characters of a marker's words in a question (all would crowd 40x12)


def _stored_marker(store: StorePort, marker: Marker) -> Marker | None:
    """The marker as stored now (None: deleted in another window)."""
    return next((m for m in store.markers() if m.id == marker.id), None)


def _marker_shown(name: str, value: object) -> str | None:
    """A marker's kind and date as the list shows them; None: the usual way."""
    if name == "kind":
        return KIND_WORDS.get(cast(MarkerKind, value), str(value))
    if name == "at" and isinstance(value, datetime):
        return f"{local_day(value):%d %b %Y}"
    return None


#: How the conflict dialog names a marker's fields and shows them, and finds the marker again.
MARKER_EDITS: EditKind[Marker] = EditKind(
    "marker", {"text": "words", "kind": "kind", "at": "date"}, _stored_marker, _marker_shown
)


def describe(marker: Marker) -> Text:
    """One line for the list: date, the person's words (never markup), and the kind."""
    day = local_day(marker.at)
    line = Text(f"{day.day:>2} {day:%b %Y}  ")
    line.append(shown_line(marker.text))
    if marker.kind != "other":
        line.append(f"  ({KIND_WORDS[marker.kind]})", style="dim")
    return line


class MarkerForm(ThawModalScreen[bool]):
    """Add a marker, or edit one: what happened, what kind, when. Enter saves, Esc cancels."""

    DEFAULT_CSS = """
    MarkerForm { align: center middle; }
    MarkerForm > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
        max-height: 100%; overflow-y: auto;  /* a small window scrolls to every field */
    }
    MarkerForm .label { color: $foreground-muted; margin-top: 1; }
    MarkerForm #error { color: $warning; height: auto; }
    MarkerForm .keys { color: $foreground-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="marker-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the marker (Enter too)", id="marker-save"),
    ]

    def __init__(self, marker: Marker | None = None) -> None:
        super().__init__()
        self.marker = marker

    def compose(self) -> ComposeResult:
        marker = self.marker
        with Vertical():
            yield Static("Change this marker" if marker else "A new marker", markup=False)
            yield Static("What happened", classes="label", markup=False)
            yield Input(
                shown_line(marker.text) if marker else "",
                placeholder="e.g. started therapy",
                id="text",
            )
            yield Static("What kind", classes="label", markup=False)
            yield FormSelect(
                [(KIND_WORDS[k], k) for k in MARKER_KINDS],
                value=marker.kind if marker else "other",
                allow_blank=False,
                id="kind",
            )
            yield Static("When", classes="label", markup=False)
            yield Input(
                local_day(marker.at).isoformat() if marker else "today",
                placeholder='"today", "yesterday", "2026-03-02", "3 days ago"',
                id="when",
            )
            yield Static("", id="error", markup=False)
            yield Static(
                "Enter or Ctrl+S: save    Space: choose a kind    Esc: cancel",
                classes="keys",
                markup=False,
            )

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        """Esc: close without saving."""
        self.dismiss(False)

    def action_save(self) -> None:
        """Save through the store; a problem is told here in a sentence and nothing changes."""
        app = thaw_app(self)
        text = self.query_one("#text", Input).value
        kind = cast(MarkerKind, self.query_one("#kind", Select).value)
        when_text = self.query_one("#when", Input).value
        try:
            if self.marker is None:
                app.store.add_marker(text, kind, marker_when(when_text, app.clock.now()))
                self.dismiss(True)
                return
            changes: dict[str, object] = {"text": text, "kind": kind}
            if when_text.strip() != local_day(self.marker.at).isoformat():
                changes["at"] = marker_when(when_text, app.clock.now())
        except ThawError as err:
            self._failed(err)
            return
        edit = MergedEdit(
            app,
            app.store,
            MARKER_EDITS,
            saved=self._saved,
            failed=self._failed,
            gone=self._offer_as_new,
            kept=self._kept,
        )
        edit.save(self.marker, changes)  # merged with others' changes; a clash asks

    def _saved(self, _marker: Marker, said: str) -> None:
        if said:
            self.app.notify(said, timeout=6)
        self.dismiss(True)

    def _failed(self, err: ThawError) -> None:
        """A problem is told here in a sentence; the form stays as typed."""
        self.query_one("#error", Static).update(str(err))

    def _kept(self, _newer: Marker) -> None:
        self.app.notify(KEPT_THEIRS, timeout=6)
        self.dismiss(True)

    def _offer_as_new(self, marker: Marker, mine: dict[str, object]) -> None:
        """Deleted in another window: add this version as a new marker, or let it go."""
        from tui.widgets.care_confirm import ConfirmDialog

        new = replace(marker, **mine)  # type: ignore[arg-type]

        def answered(yes: bool | None) -> None:
            if not yes:
                self.app.notify("Left deleted. Your changes were let go.", timeout=6)
                self.dismiss(True)
                return
            try:
                thaw_app(self).store.add_marker(new.text, new.kind, new.at)
            except ThawError as err:
                self._failed(err)
                return
            self.app.notify("Saved as a new marker.", timeout=6)
            self.dismiss(True)

        words = shown_line(new.text)
        if len(words) > NAMED_UP_TO:
            words = words[: NAMED_UP_TO - 1].rstrip() + "…"
        question = (
            f'This marker, "{words}", was deleted in another window. Your changes are still here.'
        )
        self.app.push_screen(
            ConfirmDialog(
                question, yes_words="saves them as a new marker", no_words="lets them go"
            ),
            answered,
        )


class MarkersDialog(ThawModalScreen[None]):
    """Every marker, newest first. n adds, Enter edits, d deletes (after asking), Esc closes."""

    DEFAULT_CSS = """
    MarkersDialog { align: center middle; }
    MarkersDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 90%; padding: 1 2;
        border: round $primary; background: $surface;
        overflow-y: auto;  /* a small window scrolls to the keys line */
    }
    MarkersDialog #about { color: $foreground-muted; height: auto; }
    MarkersDialog OptionList { height: auto; max-height: 14; margin-top: 1; }
    MarkersDialog .keys { color: $foreground-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Back to history", id="markers-close"),
        Binding("n", "new", "New marker", tooltip="Add a marker", id="markers-new"),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="Change the highlighted marker (or Enter)",
            id="markers-edit",
        ),
        Binding("d", "delete", "Delete", tooltip=DELETE_WORDS, id="markers-delete"),
        Binding(
            "delete", "delete", "Delete", show=False, tooltip=DELETE_WORDS, id="markers-delete-key"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.markers: list[Marker] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Markers", markup=False)
            yield Static(
                "A marker notes something on your timeline, like a change of medication or "
                "starting therapy, so you can see what came after.",
                id="about",
                markup=False,
            )
            yield OptionList(id="list")
            yield Static(
                "n: new    Enter or e: edit    d: delete    Esc: back",
                classes="keys",
                markup=False,
            )

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the markers again and list them, newest first."""
        try:
            self.markers = list(reversed(thaw_app(self).store.markers()))
        except ThawError as err:
            self.app.notify(str(err), severity="warning")
            self.markers = []
        options = self.query_one("#list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if self.markers:
            options.add_options([Option(describe(m)) for m in self.markers])
            options.highlighted = min(highlighted or 0, len(self.markers) - 1)
            options.disabled = False
        else:
            options.add_option(Option(Text("No markers yet. Press n to add one."), disabled=True))
        options.focus()

    def _chosen(self) -> Marker | None:
        index = self.query_one("#list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.markers):
            return None
        return self.markers[index]

    def on_option_list_option_selected(self) -> None:
        self.action_edit()

    def action_close(self) -> None:
        """Esc: back to history."""
        self.dismiss(None)

    def action_new(self) -> None:
        """n: add a marker."""
        self.app.push_screen(MarkerForm(), lambda _: self.reload())

    def action_edit(self) -> None:
        """Enter or e: change the highlighted marker."""
        marker = self._chosen()
        if marker is not None:
            self.app.push_screen(MarkerForm(marker), lambda _: self.reload())

    def action_delete(self) -> None:
        """d: delete the highlighted marker, after asking."""
        from tui.widgets.care_confirm import ConfirmDialog

        marker = self._chosen()
        if marker is None:
            return
        question = f'Delete the marker "{shown_line(marker.text)}"? This can\'t be undone.'

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                thaw_app(self).store.delete_marker(marker)
            except ThawError as err:
                self.app.notify(str(err), severity="warning")
            self.reload()

        self.app.push_screen(ConfirmDialog(question), answered)
