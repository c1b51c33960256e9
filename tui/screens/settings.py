"""SettingsScreen: country, reminder, look and motion, practice lengths, what a summary holds."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox, Header, Input, Label, Select, Static
from textual.widgets.select import InvalidSelectValueError

from tui.core.content import ContentError
from tui.core.errors import InputError
from tui.screens.base import ThawScreen
from tui.screens.settings_edits import SettingsSave
from tui.screens.settings_fields import (
    CHECKS,
    FIELDS_BY_NAME,
    NUMBER_FIELDS,
    THEMES,
    kept_sentence,
    parse_reminder_time,
)
from tui.screens.support import SOMEWHERE_ELSE
from tui.widgets.key_footer import KeyFooter

__all__ = ["OnOffCheckbox", "SettingsScreen", "parse_reminder_time"]

if TYPE_CHECKING:
    from collections.abc import Collection

    from textual.app import ComposeResult

    from tui.core.records.models import Settings


class OnOffCheckbox(Checkbox):
    """A checkbox whose box shows a tick when on and stays empty when off.

    Textual's own box shows the same X either way and tells on from off by colour alone, which
    is lost with NO_COLOR or a monochrome terminal. The label also ends in ": on" or ": off".
    """

    @property
    def _button(self) -> Content:
        button_style = self.get_visual_style("toggle--button")
        side_style = Style(foreground=button_style.background, background=self.background_colors[1])
        return Content.assemble(
            (self.BUTTON_LEFT, side_style),
            ("✓" if self.value else " ", button_style),
            (self.BUTTON_RIGHT, side_style),
        )


class SettingsScreen(ThawScreen):
    """Every preference on one page, saved as you go.

    A typed value is saved as soon as it is valid (each key press), so nothing valid is lost
    however the person leaves. A wrong value is never saved: it is explained on Enter or when
    moving on, and on Esc the screen says in one sentence which value was kept instead.
    """

    DEFAULT_CSS = """
    SettingsScreen #settings-scroll {
        height: 1fr;
        padding: 0 1;
    }
    SettingsScreen #settings-scroll {
        align-horizontal: center;  /* a wide window: one readable column in the middle */
    }
    SettingsScreen #settings-scroll > * {
        width: 100%;
        max-width: 90;
    }
    SettingsScreen #settings-scroll > Checkbox {
        width: auto;  /* its own background ends with its words, as before */
    }
    SettingsScreen .settings-row {
        height: 1;
        margin-bottom: 1;
    }
    SettingsScreen .settings-row > Label {
        width: 40;
    }
    SettingsScreen .settings-row > Input {
        width: 12;
        background: $boost;
    }
    SettingsScreen .settings-row > Input:focus {
        background: $primary 30%;
    }
    SettingsScreen .settings-row > Select {
        width: 1fr;
        max-width: 36;
    }
    SettingsScreen Checkbox {
        margin-bottom: 1;
    }
    SettingsScreen .settings-heading {
        text-style: bold;
        color: $primary;
    }
    /* Narrow: each label on its own line with its value under it, so both are seen whole. */
    SettingsScreen.-narrow .settings-row {
        height: auto;
        layout: vertical;
    }
    SettingsScreen.-narrow .settings-row > Label {
        width: 100%;
    }
    SettingsScreen.-narrow .settings-row > Select {
        width: 100%;
    }
    SettingsScreen #settings-error {
        color: $error;
        height: auto;
        padding: 0 1;
        display: none;
    }
    SettingsScreen #settings-error.-shown {
        display: block;
    }
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Back",
            tooltip="Go back (what you typed is kept)",
            id="settings-leave",
        ),
        Binding(
            "ctrl+r",
            "summary",
            "Write summary",
            tooltip="Write a summary for an appointment to a file",
            id="settings-summary",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Settings"
        self.sub_title = "saved as you go"
        self._problems: dict[str, str] = {}
        self._stored_wrong: set[str] = set()  # read wrong from settings.json: saved on any choice

    def on_mount(self) -> None:
        """Name any value in settings.json Thaw can't use (the default is shown and used)."""
        named = {
            "country": {code: name for name, code in self._country_options()},
            "breath_pattern": {ident: name for name, ident in self._pattern_options()},
        }
        self._saver = SettingsSave(self.thaw, self.show_settings, named)
        wrong = self.thaw.store.settings_problems()
        self._stored_wrong = set(wrong)
        for name, sentence in wrong.items():
            self._problem(name, sentence)

    def compose(self) -> ComposeResult:
        settings = self.thaw.settings
        yield Header()
        # Outside the scroll, so the sentence is seen whichever field it is about.
        yield Static("", id="settings-error", markup=False)
        with VerticalScroll(id="settings-scroll"):
            yield Static("Where you are", classes="settings-heading")
            with Horizontal(classes="settings-row"):
                yield Label("Country for support lines")
                countries = self._country_options()
                known = {code for _, code in countries}
                yield Select(
                    countries,
                    value=settings.country if settings.country in known else Select.NULL,
                    prompt="Guess from my language settings",
                    id="country",
                    compact=True,
                )
            yield Static("Reminder and practice", classes="settings-heading")
            yield from self._number_row("reminder_time", settings)
            for name in ("meditation_minutes", "settle_seconds", "interval_bell_minutes"):
                yield from self._number_row(name, settings)
            patterns = self._pattern_options()
            if patterns:
                ids = [ident for _, ident in patterns]
                with Horizontal(classes="settings-row"):
                    yield Label("Breathing pattern")
                    yield Select(
                        patterns,
                        value=settings.breath_pattern if settings.breath_pattern in ids else ids[0],
                        allow_blank=False,
                        id="breath_pattern",
                        compact=True,
                    )
            for name in ("breath_minutes", "breath_rounds"):
                yield from self._number_row(name, settings)
            yield Static("Look and sound", classes="settings-heading")
            with Horizontal(classes="settings-row"):
                yield Label("Theme")
                yield Select(
                    THEMES,
                    value=settings.theme
                    if settings.theme in dict(THEMES).values()
                    else "thaw-dark",
                    allow_blank=False,
                    id="theme",
                    compact=True,
                )
            for name, label in CHECKS[:2]:
                yield self._checkbox(name, label, settings)
            yield Static(
                "Summary for an appointment (Ctrl+R writes one)", classes="settings-heading"
            )
            yield from self._number_row("report_weeks", settings)
            for name, label in CHECKS[2:]:
                yield self._checkbox(name, label, settings)
        yield KeyFooter()

    @staticmethod
    def _check_label(label: str, on: bool) -> str:
        """The label with its state in words, so on and off differ without colour."""
        return f"{label}: {'on' if on else 'off'}"

    def _checkbox(self, name: str, label: str, settings: Settings) -> Checkbox:
        on = bool(getattr(settings, name))
        return OnOffCheckbox(self._check_label(label, on), on, id=name, compact=True)

    def _number_row(self, name: str, settings: Settings) -> ComposeResult:
        field = FIELDS_BY_NAME[name]
        with Horizontal(classes="settings-row"):
            yield Label(field.label)
            yield Input(field.show(settings), id=field.name, compact=True, max_length=8)

    def _country_options(self) -> list[tuple[str, str]]:
        try:
            countries = self.thaw.content.resources.countries
        except ContentError:
            return []
        return [(c.name, c.code) for c in countries] + [
            ("Somewhere else (international directory)", SOMEWHERE_ELSE)
        ]

    def _pattern_options(self) -> list[tuple[str, str]]:
        try:
            return [(p.name, p.id) for p in self.thaw.content.breathing]
        except ContentError:
            return []

    # --- saving ---------------------------------------------------------------------------------
    def _save(self, **changes: object) -> None:
        """Save changed fields through the app (which applies theme, motion and bell at once)."""
        self._save_changes(changes, chosen=False)

    def _save_changes(
        self, changes: dict[str, object], *, chosen: bool, typing: bool = False
    ) -> None:
        """Save changed fields. `chosen`: the person settled a field (Enter, moving on), so a
        value that was wrong in the file is written even when the default shown equals it.
        Widgets' own change events at mount never count as that. `typing`: a field still being
        typed in, so a clash with another window waits until it is finished.
        """
        current = self.thaw.settings
        wrong_on_disk = self._stored_wrong & set(changes)
        unchanged = all(getattr(current, k) == v for k, v in changes.items())
        if unchanged and not (chosen and wrong_on_disk):
            return
        for name in wrong_on_disk:  # the file is put right by this save
            self._stored_wrong.discard(name)
            self._problem(name, "")
        self._saver.save(changes, ask=not typing)

    def show_settings(self, settings: Settings, skip: Collection[str] = ()) -> None:
        """Show settings saved in another window in their fields (not those in `skip`)."""
        for field in NUMBER_FIELDS:
            widget = self.query_one(f"#{field.name}", Input)
            if field.name not in skip and widget.value != field.show(settings):
                widget.value = field.show(settings)
        for name, _ in CHECKS:
            if name not in skip:
                self.query_one(f"#{name}", Checkbox).value = bool(getattr(settings, name))
        for select in self.query(Select):
            name = select.id or ""
            value = getattr(settings, name, None) or Select.NULL  # country "": the guess
            if name not in skip and select.value != value:
                with contextlib.suppress(InvalidSelectValueError):  # one Thaw doesn't offer
                    select.value = value

    def _problem(self, name: str, message: str) -> None:
        """Note (or clear) what is wrong with one field; the first problem is shown at the top."""
        if message:
            self._problems[name] = message
        else:
            self._problems.pop(name, None)
        shown = next(iter(self._problems.values()), "")
        error = self.query_one("#settings-error", Static)
        error.update(shown)
        error.set_class(bool(shown), "-shown")

    def on_select_changed(self, event: Select.Changed) -> None:
        name = event.select.id or ""
        value = event.value
        if name == "country":
            self._save(country="" if value is Select.NULL else str(value))
        elif name in ("theme", "breath_pattern") and value is not Select.NULL:
            self._save(**{name: str(value)})

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        name = event.checkbox.id or ""
        labels = dict(CHECKS)
        if name in labels:
            event.checkbox.label = self._check_label(labels[name], event.value)
            self._save(**{name: event.value})

    def on_input_changed(self, event: Input.Changed) -> None:
        """Save a typed value the moment it is valid; a half-typed one waits quietly."""
        field = FIELDS_BY_NAME.get(event.input.id or "")
        if field is None:
            return
        try:
            value = field.parse(event.value)
        except InputError:
            return  # "1" on the way to "18:30": explained on Enter, on moving on or on leaving
        self._problem(field.name, "")
        self._save_changes({field.name: value}, chosen=False, typing=True)

    def _commit_input(self, widget: Input) -> bool:
        """Save a finished field and show it tidied ("9:30" as "09:30"), or say what to fix."""
        field = FIELDS_BY_NAME.get(widget.id or "")
        if field is None:
            return True
        try:
            value = field.parse(widget.value)
        except InputError as err:
            self._problem(field.name, str(err))
            return False
        self._problem(field.name, "")
        self._save_changes({field.name: value}, chosen=True)
        if self._saver.asking:  # both versions are in the dialog; the field waits for it
            return False
        shown = field.show(self.thaw.settings)
        if widget.value != shown:
            widget.value = shown
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._commit_input(event.input):
            self.notify("Saved.", timeout=2)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._commit_input(event.input)

    def settle_fields(self) -> list[str]:
        """Put back the saved value in every field holding a wrong one; a sentence for each."""
        settings = self.thaw.settings
        said: list[str] = []
        for field in NUMBER_FIELDS:
            widget = self.query_one(f"#{field.name}", Input)
            try:
                field.parse(widget.value)
            except InputError:
                said.append(kept_sentence(field, widget.value, settings))
                widget.value = field.show(settings)
            self._problem(field.name, "")
        return said

    async def action_leave(self) -> None:
        """Esc: every valid value is already saved; say which wrong ones were not, then go.
        A number that clashed with another window's while typed is asked about first."""
        if self._saver.ask_held():
            return
        for sentence in self.settle_fields():
            self.notify(sentence, title="Not changed", severity="warning", timeout=8, markup=False)
        await self.thaw.action_back()

    def action_summary(self) -> None:
        """Write a Markdown summary for an appointment to a file, after asking where."""
        from tui.widgets.care_summary import ask_and_write_summary

        ask_and_write_summary(self)
