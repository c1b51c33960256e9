"""The check-in: a mood in one key, then anything else the person wants to add. Enter saves."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Label, Static, TextArea

from tui.core.errors import DataError, ThawError
from tui.core.outward import shown_line, shown_text
from tui.core.records.models import CheckIn, Draft
from tui.core.records.rules import NOTE_MAX_CHARS
from tui.core.text import clean_text
from tui.screens import SCREENS
from tui.screens import checkin_records as records
from tui.screens.base import ThawScreen, describe_time
from tui.screens.checkin_keys import CHECKIN_BINDINGS
from tui.screens.merged_edit import KEPT_THEIRS, MergedEdit
from tui.widgets.emotion_picker import EmotionList, EmotionPicker
from tui.widgets.feel_scale import FeelScale
from tui.widgets.key_footer import KeyFooter
from tui.widgets.mood_scale import MoodScale, NumberScale
from tui.widgets.note_area import NoteArea
from tui.widgets.saved_panel import SavedPanel
from tui.widgets.tag_input import TagInput, split_tags

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.events import Key
    from textual.timer import Timer

    from tui.core.content import Suggestion

# How long the quick check-in (`python -m tui checkin`) shows "Saved" before closing.
QUICK_EXIT_SECONDS = 1.5
# Tags used within this many days are offered for completion.
TAG_MEMORY_DAYS = 120


class CheckInScreen(ThawScreen):
    """New check-in, back-fill (`at`), edit (`editing`), or an unfinished draft picked up."""

    TITLE = "Check in"
    DEFAULT_CSS = """
    CheckInScreen #checkin-body { padding: 0 1; }
    CheckInScreen .scale-row { height: 1; }
    CheckInScreen #mood-row { margin-top: 1; }
    CheckInScreen .row-label { width: 25; color: $foreground; text-style: bold; }
    CheckInScreen .hint { color: $foreground-muted; padding-left: 25; height: auto; }
    CheckInScreen #note, CheckInScreen #tags {
        background: $surface;
        border: round $primary 50%;
        padding: 0 1;
    }
    CheckInScreen #note:focus, CheckInScreen #tags:focus {
        background: $boost;
        border: round $primary;
    }
    CheckInScreen #tags { height: 3; }
    CheckInScreen .field-label { color: $foreground; text-style: bold; margin-top: 1; }
    CheckInScreen #checkin-columns { height: auto; }
    CheckInScreen #col-left { width: 1fr; height: auto; margin-right: 2; }
    CheckInScreen #col-right { width: 1fr; height: auto; }
    CheckInScreen #note { height: 7; }
    CheckInScreen #known-tags { color: $foreground-muted; height: auto; }
    CheckInScreen #checkin-notice { color: $accent; height: auto; }
    CheckInScreen #checkin-notice.-empty { display: none; }
    CheckInScreen #checkin-status.-empty { display: none; }
    CheckInScreen #checkin-status { color: $warning; height: auto; margin-top: 1; }
    CheckInScreen #conflict-newer { height: auto; border: round $warning; padding: 0 1; }
    CheckInScreen SavedPanel { display: none; }
    CheckInScreen.-saved SavedPanel { display: block; }
    CheckInScreen.-saved #checkin-body { display: none; }
    CheckInScreen.-tall EmotionList { height: 16; }
    CheckInScreen.-tall #note { height: 13; }
    CheckInScreen #checkin-body { align-horizontal: center; }
    CheckInScreen #checkin-body > * { max-width: 150; }  /* a wide window: centred */
    CheckInScreen.-narrow .row-label { width: 100%; }
    CheckInScreen.-narrow .scale-row { height: 2; layout: vertical; }
    CheckInScreen.-narrow .hint { padding-left: 0; }
    CheckInScreen.-narrow #checkin-columns { layout: vertical; }
    CheckInScreen.-narrow #col-left { margin-right: 0; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = CHECKIN_BINDINGS

    def __init__(
        self,
        editing: CheckIn | None = None,
        draft: Draft | None = None,
        at: datetime | None = None,
    ) -> None:
        super().__init__()
        self._editing = editing
        self._draft = draft
        self._at = at
        self._saved: CheckIn | None = None
        self._suggestion: Suggestion | None = None
        self._leaving = False
        self._exit_timer: Timer | None = None
        self._drafted_away = False  # a draft was kept while another screen was on top
        # Deleted in another window, and the person told: Esc keeps it so, Enter saves it anew.
        self._let_go_on_leave = False
        self._let_go = False  # ... and it was let go: nothing here is to be kept any more

    # --- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        content = self.thaw.content
        source = self._initial_values()
        yield Header()
        with VerticalScroll(id="checkin-body", can_focus=False):
            yield Static("", id="checkin-notice", markup=False, classes="-empty")
            with Horizontal(classes="scale-row", id="mood-row"):
                yield Label("Mood right now", classes="row-label")
                yield MoodScale(source.mood, id="mood")
            yield Static("1 very low · 10 very good · type it (0 is 10 too)", classes="hint")
            with Horizontal(classes="scale-row"):
                yield Label("How much can you feel?", classes="row-label")
                yield FeelScale(source.feel, id="feel")
            yield Static("optional · 0 nothing at all · 10 fully (1 then 0)", classes="hint")
            with Horizontal(id="checkin-columns"):
                with Vertical(id="col-left"):
                    yield Label("Feelings (optional)", classes="field-label")
                    yield EmotionPicker(
                        content.families, content.emotions, source.emotions, id="emotions"
                    )
                with Vertical(id="col-right"):
                    yield Label("Note (optional; Enter is a new line)", classes="field-label")
                    yield NoteArea(shown_text(source.note), id="note")
                    yield Label("Tags (optional)", classes="field-label")
                    yield TagInput(
                        (), ", ".join(shown_line(t) for t in source.tags), id="tags", compact=False
                    )
                    yield Static("", id="known-tags", markup=False)
            yield Static("", id="checkin-status", markup=False, classes="-empty")
        yield SavedPanel(id="saved-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(MoodScale).focus()
        self.call_after_refresh(self._load_known_tags)
        now = self.thaw.clock.now()
        if self._editing is not None:
            when = describe_time(self._editing.at, now)
            self.sub_title = f"changing the entry from {when}"
        elif self._at is not None:
            self._set_notice(f"Filling in {describe_time(self._at, now)}.")
        elif self._let_go_on_leave:
            self._set_status(records.GONE_ON_RESUME)
        elif self._draft is not None:
            when = describe_time(self._draft.saved_at, now)
            self._set_notice(
                f"Picked up your unfinished check-in from {when}. Ctrl+N starts fresh instead."
            )

    def _initial_values(self) -> Draft:
        """What the form starts with: the entry being edited, the draft, or nothing."""
        start = records.starting_point(
            self.thaw.store, self.thaw.clock.now(), self._editing, self._draft, self._at
        )
        self._editing, self._draft = start.editing, start.draft
        self._let_go_on_leave = start.gone
        return start.values

    def _load_known_tags(self) -> None:
        """Offer tags used in the last months, most used first (read after the first paint).

        Only recent months are read: the tags that matter now, at a cost that does not grow
        with years of history.
        """
        try:
            known = self.thaw.store.known_tags(recent_days=TAG_MEMORY_DAYS)
        except ThawError:
            return
        self.query_one(TagInput).set_known(known)
        line = "Used before: " + ", ".join(shown_line(t) for t in known[:6]) if known else ""
        self.query_one("#known-tags", Static).update(line)

    # --- reading the form -------------------------------------------------------------------
    def current_draft(self) -> Draft:
        """Everything typed so far, as a Draft (it is also what SIGHUP keeps), search words too."""
        emotions, words = self.query_one(EmotionPicker).search_left()
        return Draft(
            saved_at=self.thaw.clock.now(),
            mood=self.query_one(MoodScale).value,
            feel=self.query_one(FeelScale).value,
            emotions=emotions,
            note=clean_text(records.note_with(self.query_one("#note", TextArea).text, words)),
            tags=split_tags(self.query_one(TagInput).value),
            editing_id=self._editing.id if self._editing is not None else "",
        )

    def has_changes(self) -> bool:
        """True when there is something typed that has not been saved."""
        if self._saved is not None or not self.is_mounted or self._let_go:
            return False
        d = self.current_draft()
        if self._editing is not None:
            e = self._editing
            return (d.mood, d.feel, d.emotions, d.note.strip(), d.tags) != (
                e.mood,
                e.feel,
                e.emotions,
                e.note.strip(),
                e.tags,
            )
        return bool(
            d.mood is not None or d.feel is not None or d.emotions or d.note.strip() or d.tags
        )

    def keep_as_draft(self) -> bool:
        """Keep what is typed as a draft (SIGHUP, Esc, a failed save). False if nothing to keep."""
        if not self.has_changes():
            return False
        self.thaw.store.save_draft(self.current_draft())
        return True

    # --- messages ---------------------------------------------------------------------------
    def _set_notice(self, text: str) -> None:
        notice = self.query_one("#checkin-notice", Static)
        notice.update(text)
        notice.set_class(not text, "-empty")

    def _set_status(self, text: str) -> None:
        status = self.query_one("#checkin-status", Static)
        status.update(text)
        status.set_class(not text, "-empty")
        if text:
            self.app.clear_notifications()  # a toast would sit over the sentence
            # After the next layout: scrolled now, it stopped short of the sentence (24 rows).
            body = self.query_one("#checkin-body", VerticalScroll)
            self.call_after_refresh(body.scroll_to_widget, status, animate=False)

    # --- actions ----------------------------------------------------------------------------
    def _note_has_focus(self) -> bool:
        return self.focused is not None and self.focused.id == "note"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once saved only "go on" is left; the save key shown is the one that works right here."""
        saved = self._saved is not None
        if action == "go_on":
            return saved
        if action in ("start_fresh", "keep_draft", "save_anywhere"):
            return not saved
        if action == "save_from_note":
            return not saved and self._note_has_focus()
        if action == "save":
            # In the note Enter is a new line (the note keeps it); Ctrl+J saves from there.
            return not saved and not self._note_has_focus()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def action_go_on(self) -> None:
        """Enter after saving: on to wherever the person came from."""
        self._exit_screen()

    def action_save_anywhere(self) -> None:
        """Ctrl+S or Ctrl+J (the README's key), from any part of the form."""
        self.action_save()

    def action_save_from_note(self) -> None:
        """Ctrl+S in the note: save, as Enter does everywhere else."""
        self.action_save()

    def action_save(self) -> None:
        """Validate and save; on trouble, say so plainly and keep everything on screen."""
        if self._saved is not None:
            self._exit_screen()
            return
        if records.search_words_to_note(self.query_one(EmotionPicker), self.query_one(NoteArea)):
            self._set_status(records.SEARCH_TO_NOTE)  # kept and shown, saved on the next key
            return
        d = self.current_draft()
        if d.mood is None:
            self._set_status("Choose a mood from 1 to 10 first: a digit key, or the arrows.")
            self.query_one(MoodScale).focus()
            return
        if len(d.note) > NOTE_MAX_CHARS:
            self._set_status(
                f"The note is {len(d.note):,} characters; the most a note can hold is "
                f"{NOTE_MAX_CHARS:,}. Trim it a little and save again."
            )
            return
        unknown = [e for e in d.emotions if self.thaw.content.emotion(e) is None]
        if unknown:
            self._set_status("One of the picked feelings is not in the list any more; unpick it.")
            return
        if self._editing is not None:  # merged with another window's change; a clash asks
            edit = MergedEdit(
                self.app,
                self.thaw.store,
                records.checkin_edits(self.thaw.content),
                saved=self._saved_edit,
                failed=self._not_saved,
                gone=self._gone,
                kept=self._kept_theirs,
            )
            fields = {"mood": d.mood, "feel": d.feel, "emotions": d.emotions, "note": d.note}
            edit.save(self._editing, {**fields, "tags": d.tags})
            return
        try:
            saved = self.thaw.store.add_checkin(
                d.mood, feel=d.feel, emotions=d.emotions, note=d.note, tags=d.tags, at=self._at
            )
        except ThawError as err:
            self._not_saved(err)
            return
        self._saved_edit(saved, "")

    def _not_saved(self, err: ThawError) -> None:
        """Say why in a sentence; everything typed stays on screen."""
        if isinstance(err, DataError):
            self._set_status(
                f"{err} What you typed is still here. Ctrl+D keeps it as a draft for later."
            )
            self.refresh_bindings()
        else:
            self._set_status(str(err))

    def _saved_edit(self, saved: CheckIn, said: str) -> None:
        self._saved = saved
        # The check-in is safe; a draft left behind would only be offered again.
        with contextlib.suppress(ThawError):
            self.thaw.store.clear_draft()
        self._after_save(saved, said)

    def _after_save(self, saved: CheckIn, notice: str = "") -> None:
        """One line of thanks, one line of gentle next step; then home (or close, when quick)."""
        if self._editing is not None:
            self.app.notify(notice or "Your changes are saved.")
            self.dismiss()
            return
        if self._at is not None:
            self.app.notify(f"Saved for {describe_time(saved.at, self.thaw.clock.now())}.")
            self.dismiss()
            return
        self.add_class("-saved")
        self._suggestion = records.suggestion_after(
            self.thaw.store, self.thaw.content, self.thaw.settings, saved
        )
        said = self.query_one(SavedPanel).show(
            f"Saved: mood {saved.mood}. Thank you.", self._suggestion
        )
        if self._suggestion is not None:
            from tui.core.analysis.suggest import farewell_text

            # In the terminal, after the full screen: the words say where support is there.
            said = [said[0], farewell_text(self.thaw.content, self._suggestion)]
        self.set_focus(None)
        self.refresh_bindings()
        self.thaw.farewell = said  # said again in the terminal once the full screen closes
        if self.thaw.exit_after_checkin:
            self._exit_timer = self.set_timer(QUICK_EXIT_SECONDS, self.app.exit)

    def _gone(self, editing: CheckIn, _mine: dict[str, object]) -> None:
        """Deleted in another window: the words stay; Enter saves them as new, Esc lets go."""
        self._at = editing.at
        self._editing = None
        self._set_status(
            "This entry was deleted in another window. Your changes are still here: "
            "Enter saves them as a new entry, Esc leaves it deleted."
        )
        self._let_go_on_leave = True

    def _kept_theirs(self, _newer: CheckIn) -> None:
        """The person chose the other window's version (the dialog showed both): nothing of
        theirs to keep here, so no draft either."""
        self._let_go = True
        with contextlib.suppress(ThawError):
            self.thaw.store.clear_draft()  # kept while the dialog was on top
        self.app.notify(KEPT_THEIRS, timeout=6)
        self._exit_screen()

    def action_leave(self) -> None:
        """Esc: go back. Typed-but-unsaved words are kept as a draft, and we say so."""
        if self._saved is not None:
            self._exit_screen()
            return
        if self._let_go_on_leave:  # "Esc leaves it deleted": as promised, nothing is kept
            self._let_go = True
            with contextlib.suppress(ThawError):
                self.thaw.store.clear_draft()
            self.app.notify("Left deleted. Nothing was kept.")
            self._exit_screen()
            return
        try:
            kept = self.keep_as_draft()
        except ThawError as err:
            if not self._leaving:
                self._leaving = True
                self._set_status(
                    f"{err} What you typed is still here. Esc again leaves without keeping it."
                )
                return
            kept = False
        if kept:
            self.app.notify("Kept as a draft. It will be here when you check in next.")
        elif self._drafted_away:
            # Everything typed was taken out again: the draft kept meanwhile is not wanted.
            with contextlib.suppress(ThawError):
                self.thaw.store.clear_draft()
        self._exit_screen()

    def _exit_screen(self) -> None:
        if self._exit_timer is not None:
            self._exit_timer.stop()
        if self.thaw.exit_after_checkin:
            self.app.exit()
        elif len(self.app.screen_stack) > 1:
            self.dismiss()
        else:
            self.app.call_later(self.app.run_action, "back")

    def action_start_fresh(self) -> None:
        """Ctrl+N: drop the draft and clear the form."""
        with contextlib.suppress(ThawError):
            self.thaw.store.clear_draft()
        self._draft = None
        self.query_one(MoodScale).value = None
        self.query_one(FeelScale).value = None
        picker = self.query_one(EmotionPicker)
        for emotion_id in picker.picked:
            picker.toggle(emotion_id)
        self.query_one("#note", TextArea).text = ""
        self.query_one(TagInput).value = ""
        self._set_notice("")
        self._set_status("")
        self.query_one(MoodScale).focus()

    def action_keep_draft(self) -> None:
        """Ctrl+D: keep what is typed for later without saving a check-in."""
        try:
            kept = self.keep_as_draft()
        except ThawError as err:
            self._set_status(f"{err} Couldn't keep a draft either; copy your note somewhere safe.")
            return
        self._set_status("Kept as a draft." if kept else "Nothing typed yet to keep.")

    # --- events -----------------------------------------------------------------------------
    @on(EmotionPicker.SubmitRequested)
    @on(Input.Submitted, "#tags")
    def _submit(self, event: EmotionPicker.SubmitRequested | Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_screen_suspend(self) -> None:
        """Another screen goes on top (F2 support, the palette's places, help): whatever is typed
        is kept as a draft too, so it survives even if the app closes from over there. The form
        itself stays as it is for when the person comes back."""
        with contextlib.suppress(ThawError):
            self._drafted_away = self.keep_as_draft() or self._drafted_away

    def on_key(self, event: Key) -> None:
        """Letters typed in a field stay in it; after saving, the suggestion's key opens it."""
        if self._saved is None:
            # A field that lets a printable key through must not let it reach single-letter
            # screen or app keys (`s` support, `?` help): words typed are never actions here.
            # Space stays the list's own "pick" key (bindings are looked up after this).
            typing = event.is_printable and event.character not in (None, " ")
            if typing and isinstance(self.focused, (Input, TextArea, EmotionList)):
                event.stop()
                event.prevent_default()
            elif isinstance(self.focused, NumberScale) and (event.character or "").isalpha():
                # "Type to find a feeling" holds on the scales too (digits stay the scale's).
                event.stop()
                event.prevent_default()
                self.query_one(EmotionPicker).type_into_filter(event.character or "")
            return
        if self._suggestion is None:
            return
        info = SCREENS.get(self._suggestion.action)
        if info is not None and event.key == info.key:
            event.stop()
            action = self._suggestion.action
            if self._exit_timer is not None:
                self._exit_timer.stop()  # the quick check-in stays open for what was chosen
            self.thaw.exit_after_checkin = False
            self.thaw.farewell = []  # the person stays in the app, with what was suggested
            if len(self.app.screen_stack) > 1:
                self.dismiss()
                self.app.call_later(self.thaw.open_screen, action)
            else:
                self.app.call_later(self._replace_with, action)

    def _replace_with(self, name: str) -> None:
        """Opened on its own (quick check-in): the next screen takes this one's place."""
        if not self.thaw.replace_screen(name):
            self.thaw.replace_screen("home")
