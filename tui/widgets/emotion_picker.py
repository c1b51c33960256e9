"""EmotionPicker: every feeling word, filtered by typing, grouped by family; several picks."""

from __future__ import annotations

import contextlib
import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.events import Key

    from tui.core.content import Emotion, EmotionFamily

_HEADING_PREFIX = "family:"


def numb_first(families: Sequence[EmotionFamily]) -> list[EmotionFamily]:
    """Families in content order, with numbness at the top: it is an answer, not an afterthought."""
    return sorted(families, key=lambda f: 0 if "numb" in f.id or "numb" in f.name.lower() else 1)


def fold(text: str) -> str:
    """Text as the filter compares it: case folded for any script, accents set aside.

    `casefold` alone turns a Turkish capital İ into "i" plus a combining dot, which "i" would
    never match; decomposing and dropping the combining marks makes İ, i, É and e meet.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matches(emotion: Emotion, family: EmotionFamily | None, query: str) -> bool:
    """Does the typed text appear in the emotion's name, id, meaning or family?"""
    query = fold(query.strip())
    if not query:
        return True
    haystack = [emotion.name, emotion.id.replace("_", " "), emotion.meaning]
    if family is not None:
        haystack.append(family.name)
    return any(query in fold(part) for part in haystack)


class EmotionList(OptionList):
    """The list part: Space (or a click) picks or unpicks; Enter asks to save the check-in."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "select",
            "Pick or unpick a feeling",
            tooltip="In the feelings: pick or unpick it (type to find one, ↓ into the list)",
            id="feelings-pick",
        ),
        Binding(
            "enter",
            "submit",
            "Save",
            tooltip="Save, from anywhere except inside the note",
            id="feelings-save",
        ),
    ]

    class SubmitRequested(Message):
        """Enter in the list: the person is done."""

    def action_submit(self) -> None:
        self.post_message(self.SubmitRequested())


class FilterInput(Input):
    """The filter line. Enter picks the highlighted match, or saves when empty, and the footer
    says which (the Input's own Enter is hidden and would hide the screen's)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "submit",
            "Pick the feeling",
            tooltip="In the feelings filter: pick the highlighted match",
            id="feelings-filter-pick",
        ),
        Binding(
            "enter",
            "submit_empty",
            "Save",
            tooltip="On an empty feelings filter: save the check-in",
            id="feelings-filter-save",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With words typed Enter picks; on an empty filter it saves."""
        if action == "submit":
            return bool(self.value.strip())
        if action == "submit_empty":
            return not self.value.strip()
        return super().check_action(action, parameters)

    async def action_submit_empty(self) -> None:
        """Enter on the empty filter: done (the picker turns it into a save request)."""
        await self.action_submit()


class EmotionPicker(Vertical):
    """Type to filter; Down enters the list; Space picks; the highlighted meaning shows below."""

    DEFAULT_CSS = """
    EmotionPicker {
        height: auto;
    }
    EmotionPicker > #emotion-filter {
        width: 100%;
    }
    EmotionPicker > EmotionList {
        height: 7;
        border: none;
        padding: 0;
        background: $surface;
    }
    EmotionPicker > EmotionList:focus {
        background-tint: $foreground 4%;
    }
    EmotionPicker > #emotion-picked {
        color: $secondary;
        height: auto;
    }
    EmotionPicker > #emotion-meaning {
        color: $foreground-muted;
        height: auto;
        min-height: 2;
    }
    """

    class Changed(Message):
        """The set of picked emotions changed."""

        def __init__(self, picker: EmotionPicker, picked: tuple[str, ...]) -> None:
            super().__init__()
            self.picker = picker
            self.picked = picked

        @property
        def control(self) -> EmotionPicker:
            return self.picker

    class SubmitRequested(Message):
        """Enter where it means "done" (empty filter, or the list)."""

    def __init__(
        self,
        families: Sequence[EmotionFamily],
        emotions: Sequence[Emotion],
        picked: Iterable[str] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._families = numb_first(families)
        self._family_by_id = {f.id: f for f in self._families}
        self._emotions = list(emotions)
        self._by_id = {e.id: e for e in self._emotions}
        self._picked: list[str] = [e for e in picked if e in self._by_id]

    # --- public -----------------------------------------------------------------------------
    @property
    def picked(self) -> tuple[str, ...]:
        """Picked emotion ids, in the order they were picked."""
        return tuple(self._picked)

    def toggle(self, emotion_id: str) -> None:
        """Pick or unpick one emotion."""
        if emotion_id not in self._by_id:
            return
        if emotion_id in self._picked:
            self._picked.remove(emotion_id)
        else:
            self._picked.append(emotion_id)
        option_list = self.query_one(EmotionList)
        # When the option is filtered out right now there is nothing to redraw.
        with contextlib.suppress(OptionDoesNotExist):
            option_list.replace_option_prompt(emotion_id, self._prompt(self._by_id[emotion_id]))
        self._show_picked()
        self.post_message(self.Changed(self, self.picked))

    def take_search(self) -> str:
        """What the filter still holds as the check-in is saved, taken out of it.

        A feeling named in full ("nothing", "can't tell") is picked, as Enter would have, and
        "" comes back. Other words come back for the screen to keep: letters typed in the list
        go to the filter, so a note typed one Tab too early lands here, and saving must not drop
        it.
        """
        filter_input = self.query_one("#emotion-filter", Input)
        text = filter_input.value.strip()
        if not text:
            return ""
        filter_input.value = ""
        return "" if self._pick_named(text) else text

    def search_left(self) -> tuple[tuple[str, ...], str]:
        """The picked feelings and the filter's words as a save would take them (`take_search`),
        leaving the filter as it is: what a draft kept on the way out holds."""
        text = self.query_one("#emotion-filter", Input).value.strip()
        named = self._named(text) if text else None
        if named is None:
            return self.picked, text
        return (self.picked if named in self._picked else (*self.picked, named)), ""

    def _named(self, text: str) -> str | None:
        """The id of the feeling `text` names in full (by name or id, any case), or None."""
        wanted = fold(text.strip())
        names = ((e.id, (fold(e.name), fold(e.id.replace("_", " ")))) for e in self._emotions)
        return next((ident for ident, known in names if wanted in known), None)

    def _pick_named(self, text: str) -> bool:
        """Pick the feeling `text` names in full; False if none."""
        named = self._named(text)
        if named is None:
            return False
        if named not in self._picked:
            self.toggle(named)
        return True

    def type_into_filter(self, text: str) -> None:
        """Letters typed elsewhere (the list, a scale) are words being looked for: to the filter."""
        filter_input = self.query_one("#emotion-filter", Input)
        filter_input.focus()
        filter_input.insert_text_at_cursor(text)

    # --- building ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield FilterInput(
            placeholder="Type to find a feeling, e.g. numb",
            id="emotion-filter",
            compact=True,
            select_on_focus=False,
        )
        yield Static("", id="emotion-picked", markup=False)
        yield EmotionList(*self._options(""), id="emotion-list")
        yield Static("", id="emotion-meaning", markup=False)

    def on_mount(self) -> None:
        self._show_picked()
        option_list = self.query_one(EmotionList)
        self._highlight_first(option_list)

    def _prompt(self, emotion: Emotion) -> Text:
        mark = "✓ " if emotion.id in self._picked else "  "
        return Text.assemble((mark, "bold"), emotion.name)

    def _options(self, query: str) -> list[Option]:
        options: list[Option] = []
        for family in self._families:
            members = [
                e for e in self._emotions if e.family == family.id and matches(e, family, query)
            ]
            if not members:
                continue
            heading = Text(family.name, style="bold italic")
            options.append(Option(heading, id=_HEADING_PREFIX + family.id, disabled=True))
            options.extend(Option(self._prompt(e), id=e.id) for e in members)
        orphans = [
            e
            for e in self._emotions
            if e.family not in self._family_by_id and matches(e, None, query)
        ]
        options.extend(Option(self._prompt(e), id=e.id) for e in orphans)
        return options

    def _highlight_first(self, option_list: OptionList) -> None:
        for index, option in enumerate(option_list.options):
            if not option.disabled:
                option_list.highlighted = index
                return
        option_list.highlighted = None

    def _show_picked(self) -> None:
        names = [self._by_id[i].name for i in self._picked]
        text = "Picked: " + ", ".join(names) if names else "No feelings picked (that's fine)."
        self.query_one("#emotion-picked", Static).update(text)

    def _show_meaning(self, emotion: Emotion | None, query: str = "") -> None:
        meaning = self.query_one("#emotion-meaning", Static)
        if emotion is not None:
            meaning.update(f"{emotion.name}: {emotion.meaning}")
            return
        close = difflib.get_close_matches(
            fold(query), [fold(e.name) for e in self._emotions], n=3, cutoff=0.5
        )
        if close:
            meaning.update(f"Nothing called that here. Closest: {', '.join(close)}.")
        else:
            meaning.update("Nothing called that here. Try another word, or leave it empty.")

    # --- events -----------------------------------------------------------------------------
    @on(Input.Changed, "#emotion-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        event.input.refresh_bindings()  # Enter's word in the footer: "Pick" or "Save"
        option_list = self.query_one(EmotionList)
        option_list.set_options(self._options(event.value))
        self._highlight_first(option_list)
        # With nothing to pick the list is no stop for Tab: it went there, showed nothing, and
        # the next letters came back to the filter, so Tab never reached the note.
        option_list.can_focus = option_list.highlighted is not None
        if option_list.highlighted is None:
            self._show_meaning(None, event.value)

    @on(Input.Submitted, "#emotion-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter after typing picks the highlighted match; Enter on an empty filter means done."""
        event.stop()
        if not event.value.strip():
            self.post_message(self.SubmitRequested())
            return
        option = self.query_one(EmotionList).highlighted_option
        if option is not None and option.id and not option.disabled:
            self.toggle(option.id)
            event.input.value = ""

    @on(OptionList.OptionHighlighted, "#emotion-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id or ""
        self._show_meaning(self._by_id.get(option_id))

    @on(OptionList.OptionSelected, "#emotion-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.toggle(event.option.id)

    @on(EmotionList.SubmitRequested)
    def _list_submit(self, event: EmotionList.SubmitRequested) -> None:
        event.stop()
        self.post_message(self.SubmitRequested())

    def on_key(self, event: Key) -> None:
        """Down from the filter steps into the list; Up from the top of the list steps back.

        Letters typed while the list has focus go to the filter (they are words being looked
        for, never keys for the screen behind), so "sad" typed in the list finds "sad".
        """
        option_list = self.query_one(EmotionList)
        filter_input = self.query_one("#emotion-filter", Input)
        if (
            option_list.has_focus
            and event.is_printable
            and event.character
            and event.character != " "
        ):
            event.stop()
            event.prevent_default()
            self.type_into_filter(event.character)
            return
        if event.key == "tab" and filter_input.has_focus and self._pick_named(filter_input.value):
            filter_input.value = ""  # Tab on from "nothing" keeps it, as Enter would (then moves)
        if event.key == "down" and filter_input.has_focus:
            event.stop()
            option_list.focus()
        elif event.key == "up" and option_list.has_focus:
            first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
            if option_list.highlighted == first:
                event.stop()
                filter_input.focus()
