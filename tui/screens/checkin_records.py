"""What the check-in reads from the store besides saving: where the form starts, the one
suggestion after a save, and how an entry another window changed meanwhile is compared."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from tui.core.errors import ThawError
from tui.core.outward import shown_line
from tui.core.records.models import Draft
from tui.screens.merged_edit import EditKind

if TYPE_CHECKING:
    from datetime import datetime

    from textual.widgets import TextArea

    from tui.core.content import Content, Suggestion
    from tui.core.ports import StorePort
    from tui.core.records.models import CheckIn, Settings
    from tui.widgets.emotion_picker import EmotionPicker


GONE_ON_RESUME = (
    "The entry this unfinished change was for was deleted in another window. Your changes are "
    "still here: Enter saves them as a new entry, Esc lets them go."
)


class StartingPoint(NamedTuple):
    """The form's first values, and the entry and draft they came from (either may be None).

    `gone`: the draft was of an edit whose entry is no longer stored (deleted in another
    window): the person chooses between saving it as new and letting it go.
    """

    values: Draft
    editing: CheckIn | None
    draft: Draft | None
    gone: bool = False


def starting_point(
    store: StorePort,
    now: datetime,
    editing: CheckIn | None,
    draft: Draft | None,
    at: datetime | None,
) -> StartingPoint:
    """The entry being edited, else the draft (read now unless back-filling), else nothing.

    A draft of an unfinished edit brings its entry back, so saving it changes that entry.
    """
    if editing is not None:
        e = editing
        return StartingPoint(
            Draft(e.at, e.mood, e.feel, e.emotions, e.note, e.tags, e.id), e, draft
        )
    if draft is None and at is None:
        try:
            draft = store.draft()
        except ThawError:
            draft = None
    if draft is None:
        return StartingPoint(Draft(saved_at=now), None, None)
    if draft.editing_id:
        try:
            editing = store.checkin(draft.editing_id)  # by id, however old the entry is
        except ThawError:
            editing = None
        if editing is None:
            return StartingPoint(draft, None, draft, gone=True)
    return StartingPoint(draft, editing, draft)


def suggestion_after(
    store: StorePort, content: Content, settings: Settings, saved: CheckIn
) -> Suggestion | None:
    """One gentle next step for a check-in just saved, from it and the few before it; at the
    lowest moments, the person's own people and their country's line come first."""
    try:
        from tui.core.analysis.suggest import choose_suggestion, support_context

        earlier = [c.mood for c in store.recent_checkins(6) if c.id != saved.id]
        contacts, country = support_context(content, store, settings)
        return choose_suggestion(
            content,
            saved.mood,
            saved.feel,
            saved.emotions,
            earlier[:4],
            contacts=contacts,
            country=country,
        )
    except Exception:  # a missing suggestion must never spoil a saved check-in
        return None


def stored_version(store: StorePort, known: CheckIn) -> CheckIn | None:
    """The stored version of one check-in, by id wherever its time now is (None: gone)."""
    try:
        return store.checkin(known.id)
    except ThawError:
        return None


def checkin_edits(content: Content) -> EditKind[CheckIn]:
    """How the conflict dialog names an entry's fields and shows them (feelings by name)."""

    def shown(name: str, value: object) -> str | None:
        if name == "emotions" and isinstance(value, tuple) and value:
            found = [(content.emotion(str(e)), str(e)) for e in value]
            return ", ".join(shown_line(e.name) if e else raw for e, raw in found)
        return None

    names = {"mood": "mood", "feel": "feel rating", "emotions": "feelings"}
    return EditKind("entry", names, lambda store, known: stored_version(store, known), shown)


SEARCH_TO_NOTE = (
    "The words in the feelings search are in your note now, so none are lost. "
    "Ctrl+S saves; you can change them first."
)


def search_words_to_note(picker: EmotionPicker, note: TextArea) -> bool:
    """Before a save: words left in the feelings search go to the end of the note (True), so a
    note typed one Tab too early (letters in the list go to the search) is never dropped. A
    feeling named there in full is picked instead, as Enter would have (False)."""
    words = picker.take_search()
    if not words:
        return False
    note.text = note_with(note.text, words)
    note.move_cursor(note.document.end)  # typing on continues after the words, not before
    note.focus()
    return True


def note_with(note: str, words: str) -> str:
    """`note` with words left in the feelings search at its end, where a save puts them."""
    if not words:
        return note
    return f"{note.rstrip()}\n{words}" if note.strip() else words
