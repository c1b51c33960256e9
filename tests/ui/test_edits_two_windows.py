"""Contacts, markers and check-ins changed in two windows at once, as the plan is: fields only
one window changed are all kept; a field both changed shows both versions and the person
chooses (y saves theirs over, n or Esc keeps the other window's); a record deleted there is
saved again only when the person says so. Never a silent lost update, never a duplicate."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.conftest import make_app
from tests.ui.helpers import drawn_text, said, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import CheckIn, Contact, Marker
from tui.core.store import Store
from tui.screens import merged_edit
from tui.screens.checkin import CheckInScreen
from tui.screens.entries import EntriesScreen
from tui.screens.history_markers import MarkerForm
from tui.screens.support import SupportScreen
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog
from tui.widgets.conflict_dialog import ConflictDialog

SIZE = (80, 24)
KEYS = ("y saves yours", "n or Esc keeps the", "other window's.")  # wrapped at 40 columns


# --- contacts -------------------------------------------------------------------------------------
def one_contact(data_dir: Path, clock: FakeClock) -> Contact:
    return Store(data_dir, clock).add_contact("Sam", phone="0700 1", note="first words")


def contacts(data_dir: Path, clock: FakeClock) -> list[Contact]:
    return Store(data_dir, clock).contacts()


async def edit_contact_note(pilot: Pilot[Any], app: ThawApp, words: str) -> None:
    """e on the highlighted contact, the note replaced with `words`, Ctrl+S."""
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
    app.screen.query_one("#field-note", Input).value = words
    await pilot.press("ctrl+s")


async def test_contact_a_note_here_and_a_phone_there_are_both_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_contact(data_dir, clock)
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, phone="0700 2")  # the other window
        await edit_contact_note(pilot, app, "my sister")
        await wait_for(pilot, lambda: merged_edit.MERGED.format(what="contact") in said(app))
        assert isinstance(app.screen, SupportScreen)
        (kept,) = contacts(data_dir, clock)
        assert (kept.name, kept.phone, kept.note) == ("Sam", "0700 2", "my sister")
        listed = str(app.screen.query_one("#contacts").get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        assert "0700 2" in listed and "my sister" in listed


async def test_contact_both_writing_the_note_shows_both_and_n_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_contact(data_dir, clock)
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, note="theirs: cousin", phone="0700 2")
        await edit_contact_note(pilot, app, "mine: sister")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your note: mine: sister" in shown
        assert "The other window's note: theirs: cousin" in shown
        assert "phone" not in shown  # only the other window changed the phone
        assert contacts(data_dir, clock)[0].note == "theirs: cousin"  # nothing saved yet
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, SupportScreen))
        (kept,) = contacts(data_dir, clock)
        assert (kept.note, kept.phone) == ("theirs: cousin", "0700 2")
        assert merged_edit.KEPT_THEIRS in said(app)


async def test_contact_both_writing_the_note_y_saves_mine_and_keeps_their_phone(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_contact(data_dir, clock)
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, note="theirs: cousin", phone="0700 2")
        await edit_contact_note(pilot, app, "mine: sister")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: merged_edit.SAVED_YOURS in said(app))
        assert isinstance(app.screen, SupportScreen)
        (kept,) = contacts(data_dir, clock)
        assert (kept.note, kept.phone) == ("mine: sister", "0700 2")


async def test_contact_deleted_there_comes_back_once_when_asked(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_contact(data_dir, clock)
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).delete_contact(seen)
        await edit_contact_note(pilot, app, "my sister")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Sam was deleted" in text_of(app, "#confirm-question")
        assert contacts(data_dir, clock) == []  # nothing comes back unasked
        await pilot.press("y")
        await wait_for(pilot, lambda: len(contacts(data_dir, clock)) == 1)
        (back,) = contacts(data_dir, clock)
        assert (back.name, back.phone, back.note) == ("Sam", "0700 1", "my sister")


async def test_at_40_by_12_a_contact_clash_keeps_its_keys_in_sight(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_contact(data_dir, clock)
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, note="rain " * 60)
        await edit_contact_note(pilot, app, "sun " * 60)
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await wait_for(pilot, lambda: all(k in drawn_text(app) for k in KEYS))
        assert "Your note: sun sun" in " ".join(drawn_text(app).split())
        await pilot.press("down", "pagedown")  # scrolling does not answer
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert all(k in drawn_text(app) for k in KEYS)


# --- markers --------------------------------------------------------------------------------------
def one_marker(data_dir: Path, clock: FakeClock) -> Marker:
    at = clock.now() - timedelta(days=3)
    return Store(data_dir, clock).add_marker("started therapy", "other", at)


def markers(data_dir: Path, clock: FakeClock) -> list[Marker]:
    return Store(data_dir, clock).markers()


async def edit_marker_words(pilot: Pilot[Any], app: ThawApp, marker: Marker, words: str) -> None:
    """The marker's form open on `marker`, its words replaced with `words`, Enter."""
    app.push_screen(MarkerForm(marker))
    await wait_for(pilot, lambda: isinstance(app.screen, MarkerForm))
    field = app.screen.query_one("#text", Input)
    field.value = words
    field.focus()
    await pilot.press("enter")


async def test_marker_words_here_and_a_kind_there_are_both_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_marker(data_dir, clock)
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, kind="therapy")
        await edit_marker_words(pilot, app, seen, "started CBT")
        await wait_for(pilot, lambda: merged_edit.MERGED.format(what="marker") in said(app))
        assert not isinstance(app.screen, MarkerForm)
        (kept,) = markers(data_dir, clock)
        assert (kept.text, kept.kind, kept.at) == ("started CBT", "therapy", seen.at)


async def test_marker_both_changing_the_words_shows_both_and_n_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_marker(data_dir, clock)
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, text="began talking therapy", kind="therapy")
        await edit_marker_words(pilot, app, seen, "started CBT")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your words: started CBT" in shown
        assert "The other window's words: began talking therapy" in shown
        assert "kind" not in shown
        await pilot.press("escape")  # Esc keeps the other window's, as n does
        await wait_for(pilot, lambda: merged_edit.KEPT_THEIRS in said(app))
        assert not isinstance(app.screen, (ConflictDialog, MarkerForm))
        (kept,) = markers(data_dir, clock)
        assert (kept.text, kept.kind) == ("began talking therapy", "therapy")


async def test_marker_both_changing_the_words_y_saves_mine_and_keeps_their_kind(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_marker(data_dir, clock)
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, text="began talking therapy", kind="therapy")
        await edit_marker_words(pilot, app, seen, "started CBT")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: merged_edit.SAVED_YOURS in said(app))
        assert not isinstance(app.screen, (ConflictDialog, MarkerForm))
        (kept,) = markers(data_dir, clock)
        assert (kept.text, kept.kind) == ("started CBT", "therapy")


async def test_marker_deleted_there_is_let_go_here_without_a_duplicate(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_marker(data_dir, clock)
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        Store(data_dir, clock).delete_marker(seen)
        await edit_marker_words(pilot, app, seen, "started CBT")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert '"started CBT", was deleted' in text_of(app, "#confirm-question")
        await pilot.press("n")
        await wait_for(pilot, lambda: not isinstance(app.screen, (ConfirmDialog, MarkerForm)))
        assert markers(data_dir, clock) == []


async def test_at_40_by_12_a_marker_clash_keeps_its_keys_in_sight(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_marker(data_dir, clock)
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        Store(data_dir, clock).update_merged(seen, text="rain " * 30)
        await edit_marker_words(pilot, app, seen, "sun " * 30)
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await wait_for(pilot, lambda: all(k in drawn_text(app) for k in KEYS))
        await pilot.press("down", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert all(k in drawn_text(app) for k in KEYS)


# --- check-ins ------------------------------------------------------------------------------------
def one_entry(data_dir: Path, clock: FakeClock) -> CheckIn:
    at = clock.now() - timedelta(days=1)
    return Store(data_dir, clock).add_checkin(4, note="first words", tags=("walk",), at=at)


def entry(data_dir: Path, clock: FakeClock) -> CheckIn:
    (only,) = Store(data_dir, clock).recent_checkins(5)
    return only


async def open_entry(pilot: Pilot[Any], app: ThawApp) -> TextArea:
    """Enter on the newest entry; its note, ready to type into."""
    await wait_for(pilot, lambda: isinstance(app.screen, EntriesScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, CheckInScreen))
    return app.screen.query_one("#note", TextArea)


async def test_checkin_a_note_here_and_tags_there_are_both_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_entry(data_dir, clock)
    app, _ = make_app(data_dir, clock, "entries")
    async with app.run_test(size=SIZE) as pilot:
        note = await open_entry(pilot, app)
        Store(data_dir, clock).update_merged(seen, tags=("walk", "rain"))
        note.text = "after the walk"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, EntriesScreen))
        assert merged_edit.MERGED.format(what="entry") in said(app)
        kept = entry(data_dir, clock)
        assert (kept.mood, kept.note, kept.tags) == (4, "after the walk", ("walk", "rain"))


async def test_checkin_both_writing_the_note_shows_both_and_n_keeps_theirs(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_entry(data_dir, clock)
    app, store = make_app(data_dir, clock, "entries")
    async with app.run_test(size=SIZE) as pilot:
        note = await open_entry(pilot, app)
        Store(data_dir, clock).update_merged(seen, note="theirs: rain", tags=("rain",))
        note.text = "mine: sun"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your note: mine: sun" in shown
        assert "The other window's note: theirs: rain" in shown
        assert "tags" not in shown and "mood" not in shown  # only one window changed those
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, EntriesScreen))
        assert merged_edit.KEPT_THEIRS in said(app)
        kept = entry(data_dir, clock)
        assert (kept.note, kept.tags) == ("theirs: rain", ("rain",))
        assert store.draft() is None  # chosen, so not offered again as unfinished


async def test_checkin_both_changing_feelings_names_them_and_y_saves_mine(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_entry(data_dir, clock)
    app, store = make_app(data_dir, clock, "entries")
    content = app.content
    numb, tired = content.emotions[0], content.emotions[1]
    async with app.run_test(size=SIZE) as pilot:
        note = await open_entry(pilot, app)
        Store(data_dir, clock).update_merged(seen, emotions=(numb.id,), tags=("rain",))
        app.screen.query_one("EmotionPicker").toggle(tired.id)  # type: ignore[attr-defined]
        note.text = "mine too"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert f"Your feelings: {tired.name}" in shown
        assert f"The other window's feelings: {numb.name}" in shown
        assert "note" not in shown  # the note only changed here
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, EntriesScreen))
        assert merged_edit.SAVED_YOURS in said(app)
        kept = entry(data_dir, clock)
        assert (kept.emotions, kept.note, kept.tags) == ((tired.id,), "mine too", ("rain",))
        assert store.draft() is None


async def test_at_40_by_12_a_checkin_clash_keeps_its_keys_in_sight(
    data_dir: Path, clock: FakeClock
) -> None:
    seen = one_entry(data_dir, clock)
    app, _ = make_app(data_dir, clock, "entries")
    async with app.run_test(size=(40, 12)) as pilot:
        note = await open_entry(pilot, app)
        Store(data_dir, clock).update_merged(seen, note="rain " * 80, mood=6)
        note.text = "sun " * 80
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await wait_for(pilot, lambda: all(k in drawn_text(app) for k in KEYS))
        await pilot.press("down", "down", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert all(k in drawn_text(app) for k in KEYS)
        await pilot.press("y")
        await wait_for(pilot, lambda: entry(data_dir, clock).note == ("sun " * 80).strip())
        assert entry(data_dir, clock).mood == 6  # only the other window changed the mood
