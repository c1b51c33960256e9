"""SettingsScreen: country, reminder, look and motion, practice lengths, what a summary holds."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static

from tui.core.content import ContentError
from tui.core.errors import InputError
from tui.core.report import MAX_WEEKS, MIN_WEEKS
from tui.screens.base import ThawScreen
from tui.screens.support import SOMEWHERE_ELSE

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.models import Settings

THEMES = (("Dark", "thaw-dark"), ("Light", "thaw-light"))
THEME_IDS = tuple(ident for _, ident in THEMES)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_reminder_time(text: str) -> str:
    """ "HH:MM" (24-hour) for `due`, "" for any time. InputError with a sentence otherwise."""
    text = text.strip()
    if not text:
        return ""
    found = _TIME.match(text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise InputError(
        f'"{text}" is not a time Thaw understands. Use 24-hour HH:MM, such as 09:30 or 18:00, '
        "or leave it empty for any time."
    )


def parse_whole(text: str, low: int, high: int, what: str) -> int:
    """A whole number in [low, high], or InputError naming the field and the range."""
    value = text.strip()
    if not value.isdigit() or not low <= int(value) <= high:
        raise InputError(f"{what} takes a whole number from {low} to {high}.")
    return int(value)


@dataclass(frozen=True, slots=True)
class NumberField:
    """One text field on the settings screen: how to read it and which setting it fills."""

    name: str
    label: str
    parse: Callable[[str], object]
    show: Callable[[Settings], str]


NUMBER_FIELDS: tuple[NumberField, ...] = (
    NumberField(
        "reminder_time",
        "Reminder time (HH:MM, empty: any time)",
        parse_reminder_time,
        lambda s: s.reminder_time,
    ),
    NumberField(
        "meditation_minutes",
        "Meditation length (minutes)",
        lambda t: parse_whole(t, 1, 120, "Meditation length"),
        lambda s: str(s.meditation_minutes),
    ),
    NumberField(
        "breath_minutes",
        "Breathing length (minutes)",
        lambda t: parse_whole(t, 1, 60, "Breathing length"),
        lambda s: str(s.breath_minutes),
    ),
    NumberField(
        "breath_rounds",
        "Breathing rounds (0: use minutes)",
        lambda t: parse_whole(t, 0, 100, "Breathing rounds"),
        lambda s: str(s.breath_rounds),
    ),
    NumberField(
        "report_weeks",
        "Summary covers (weeks)",
        lambda t: parse_whole(t, MIN_WEEKS, MAX_WEEKS, "The summary length"),
        lambda s: str(s.report_weeks),
    ),
)
CHECKS: tuple[tuple[str, str], ...] = (
    ("reduced_motion", "Reduced motion: a steady cue instead of animation"),
    ("bell", "Ring the terminal bell for cues"),
    ("report_include_plan", "Summary includes my plan"),
    ("report_include_markers", "Summary includes changes and events"),
    ("report_include_notes", "Summary includes my notes"),
)


class SettingsScreen(ThawScreen):
    """Every preference on one page; each is saved as soon as it changes and is valid."""

    DEFAULT_CSS = """
    SettingsScreen #settings-scroll {
        height: 1fr;
        padding: 0 1;
    }
    SettingsScreen #settings-scroll > * {
        max-width: 90;
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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "summary",
            "Write summary",
            tooltip="Write a summary for an appointment to a file",
        ),
    ]

    KEY_HELP: ClassVar[list[tuple[str, str]]] = [
        ("Tab / Shift+Tab", "Move between settings"),
        ("Space or Enter", "Switch a setting on or off, or open a list"),
        ("Enter", "Save a typed value (it is also saved when you move on)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Settings"
        self.sub_title = "saved as you go"

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
            for field in NUMBER_FIELDS[:1]:
                yield from self._number_row(field, settings)
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
            for field in NUMBER_FIELDS[1:4]:
                yield from self._number_row(field, settings)
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
            for field in NUMBER_FIELDS[4:]:
                yield from self._number_row(field, settings)
            for name, label in CHECKS[2:]:
                yield self._checkbox(name, label, settings)
        yield Footer()

    @staticmethod
    def _check_label(label: str, on: bool) -> str:
        """The label with its state in words: the box alone is only a colour, lost on NO_COLOR."""
        return f"{label}: {'on' if on else 'off'}"

    def _checkbox(self, name: str, label: str, settings: Settings) -> Checkbox:
        on = bool(getattr(settings, name))
        return Checkbox(self._check_label(label, on), on, id=name, compact=True)

    def _number_row(self, field: NumberField, settings: Settings) -> ComposeResult:
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
        self._error("")
        current = self.thaw.settings
        if all(getattr(current, k) == v for k, v in changes.items()):
            return
        self.thaw.save_settings(dataclasses.replace(current, **changes))  # type: ignore[arg-type]

    def _error(self, message: str) -> None:
        """Say what to fix at the top (or clear it); nothing invalid is ever saved."""
        error = self.query_one("#settings-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")

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

    def _commit_input(self, widget: Input) -> bool:
        field = next((f for f in NUMBER_FIELDS if f.name == widget.id), None)
        if field is None:
            return True
        try:
            value = field.parse(widget.value)
        except InputError as err:
            self._error(str(err))
            return False
        self._save(**{field.name: value})
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

    def action_summary(self) -> None:
        """Write a Markdown summary for an appointment to a file, and say where."""
        from tui.screens.plan import write_summary_now

        write_summary_now(self)
