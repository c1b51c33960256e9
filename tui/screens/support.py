"""SupportScreen: a warm line, the person's own people, their country's lines, then anywhere."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.content import ContentError, guess_country
from tui.core.content.resources import SOMEWHERE_ELSE
from tui.core.content.resources import chosen_country as chosen_for
from tui.core.errors import StaleEditError, ThawError
from tui.core.outward import shown_line, shown_text
from tui.core.records.models import Contact
from tui.core.text import clean_line, clean_text
from tui.screens.base import ThawScreen
from tui.screens.merged_edit import KEPT_THEIRS, EditKind, MergedEdit
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog, FormField
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import Country, Resources
    from tui.core.ports import StorePort

__all__ = ["SOMEWHERE_ELSE", "SupportScreen", "chosen_country", "contact_problem", "lines_text"]

NAME_MAX = 80
PHONE_MAX = 40
NAMED_UP_TO = 60  # characters of a name in a question (all of it would crowd 40x12)


def _stored_contact(store: StorePort, contact: Contact) -> Contact | None:
    """The contact as stored now (None: deleted in another window)."""
    return next((c for c in store.contacts() if c.id == contact.id), None)


#: How the conflict dialog names a contact's fields, and finds the stored contact again.
CONTACT_EDITS: EditKind[Contact] = EditKind(
    "contact",
    {"name": "name", "phone": "phone or way to reach them", "note": "note"},
    _stored_contact,
)


def chosen_country(setting: str, environ: Mapping[str, str], known: list[str]) -> str:
    """The country to show: the saved choice, else a guess from the locale, else "" (directory)."""
    if setting == SOMEWHERE_ELSE:
        return ""
    if setting and setting.upper() in known:
        return setting.upper()
    return guess_country(environ, known)


def contact_problem(values: dict[str, str]) -> str | None:
    """A contact needs a name; the rest is optional but kept short."""
    name = clean_line(values.get("name", ""))
    if not name:
        return "Give this person a name (a nickname is fine)."
    if len(name) > NAME_MAX:
        return f"Keep the name under {NAME_MAX} characters."
    if len(clean_line(values.get("phone", ""))) > PHONE_MAX:
        return f"Keep the number under {PHONE_MAX} characters."
    return None


def lines_text(resources: Resources, country: Country | None, confirmed: bool = True) -> Group:
    """The country's lines and its emergency number in two columns; without a country, the
    directory and the common emergency numbers. Until the country is confirmed, one line asks."""
    if country is None:
        return Group(
            Text("Which country are you in? Press c to find it by name.", style="bold"),
            Text(resources.international),
            Text(
                "In danger right now? Call your local emergency number "
                "(112 in much of the world, 911 in North America)."
            ),
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for line in country.lines:
        where = f" ({line.region})" if line.region else ""
        grid.add_row(line.number, f"{line.name}{where}: {line.how}")
    grid.add_row(country.emergency, "Emergency services")
    parts: list[Text | Table] = [Text(country.name, style="bold"), grid]
    if resources.emergency_intro:
        parts.append(Text(resources.emergency_intro, style="dim"))
    if not confirmed:
        parts.append(
            Text("Is this your country? y: yes, keep it   c: choose another", style="bold")
        )
    return Group(*parts)


class SupportScreen(ThawScreen):
    """Calm and uncluttered: someone may open this in a hard moment.

    The order is the order of reaching out: a warm word, the people the person chose, their
    country's lines, then help anywhere. The country is asked once (a guess is shown first).
    """

    DEFAULT_CSS = """
    SupportScreen #support-scroll {
        height: 1fr;
        padding: 0 1;
    }
    SupportScreen #support-scroll > * {
        max-width: 100;
    }
    SupportScreen #support-intro {
        text-style: bold;
        height: auto;
    }
    SupportScreen #support-lines {
        border: round $warning;
        padding: 0 1;
        height: auto;
        margin-top: 1;
    }
    SupportScreen .support-section {
        margin-top: 1;
        height: auto;
    }
    SupportScreen #contacts-title {
        color: $text-muted;
    }
    SupportScreen #contacts {
        height: auto;
        max-height: 10;
        border: round $primary 50%;
    }
    SupportScreen #contacts:focus {
        border: round $primary;
    }
    /* On a short terminal the numbers come up sooner: no title, no gap. */
    SupportScreen.-short #contacts-title { display: none; }
    SupportScreen.-short #support-lines { margin-top: 0; }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "p",
            "app.open_screen('safety_plan')",
            "Safety plan",
            tooltip="Your own plan for hard moments",
            id="support-safety-plan",
        ),
        Binding(
            "c",
            "choose_country",
            "Country",
            tooltip="Find your country by name (kept)",
            id="support-country",
        ),
        Binding(
            "y",
            "confirm_country",
            "That's right",
            tooltip="Keep the guessed country",
            id="support-confirm-country",
        ),
        Binding("a", "add_contact", "Add", tooltip="Add someone you trust", id="support-add"),
        Binding(
            "e",
            "edit_contact",
            "Edit",
            tooltip="Edit the highlighted person (or Enter)",
            id="support-edit",
        ),
        # In the footer only while a person is highlighted.
        Binding(
            "d",
            "delete_contact",
            "Delete",
            tooltip="Delete the highlighted person (asks first)",
            id="support-delete",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Support"
        self.sub_title = "people and lines you can reach"
        self.country_code = ""
        self.country_confirmed = True
        self.contacts: list[Contact] = []
        self._resources: Resources | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="support-scroll"):
            yield Static("", id="support-intro", markup=False)
            yield Static("People you trust", id="contacts-title", markup=False)
            yield OptionList(id="contacts")
            yield Static("", id="support-lines", markup=False)
            yield Static("", id="support-find", classes="support-section", markup=False)
            yield Static("", id="support-footnote", classes="support-section", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            self._resources = self.thaw.content.resources
        except ContentError as err:
            self.query_one("#support-lines", Static).update(
                "The list of support lines could not be loaded. In an emergency, call your local "
                f"emergency number (911 in the US and Canada, 999 in the UK, 112 in Europe).\n{err}"
            )
        if self._resources is not None:
            setting = self.thaw.settings.country
            self.country_code = chosen_for(setting, os.environ, self._resources.countries)
            # Asked once: until a choice is saved, a guess is shown with one line asking.
            self.country_confirmed = bool(setting)
        self._show_lines()
        self._load_contacts()

    # --- drawing --------------------------------------------------------------------------------
    def _country(self) -> Country | None:
        if self._resources is None:
            return None
        return next((c for c in self._resources.countries if c.code == self.country_code), None)

    def _show_lines(self) -> None:
        resources = self._resources
        if resources is None:
            return
        country = self._country()
        self.query_one("#support-intro", Static).update(resources.intro)
        self.query_one("#support-lines", Static).update(
            lines_text(resources, country, self.country_confirmed)
        )
        find = Text()
        if country is not None:
            find.append("Finding a psychologist or psychiatrist: ", style="bold")
            find.append(country.find_therapist + "\n\n")
            find.append(resources.international)
        if resources.anywhere:
            find.append(("\n\n" if find else "") + resources.anywhere)
        self.query_one("#support-find", Static).update(find)
        note = Text(resources.not_medical, style="dim")
        note.append(
            "\np: your safety plan   c: another country   a: add a person you trust", style="dim"
        )
        self.query_one("#support-footnote", Static).update(note)
        self.refresh_bindings()

    def _load_contacts(self, select_id: str | None = None) -> None:
        try:
            self.contacts = list(self.thaw.store.contacts())
        except ThawError as err:
            self.notify(str(err), severity="error", markup=False)
            self.contacts = []
        listing = self.query_one("#contacts", OptionList)
        old = listing.highlighted
        options = []
        for contact in self.contacts:
            prompt = Text(shown_line(contact.name), style="bold")
            if contact.phone:
                prompt.append(f"  {shown_line(contact.phone)}")
            if contact.note:
                prompt.append(f"\n  {shown_line(contact.note)}", style="dim")
            options.append(Option(prompt, id=contact.id))
        if not options:
            options.append(
                Option(
                    Text("No one added yet. Press a to add someone you trust.", style="dim"),
                    id="none",
                    disabled=True,
                )
            )
        listing.set_options(options)
        if self.contacts:
            index = old if old is not None else 0
            if select_id is not None:
                index = next((i for i, c in enumerate(self.contacts) if c.id == select_id), index)
            listing.highlighted = min(index, len(self.contacts) - 1)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Delete only while a person is highlighted; "That's right" only while a guess waits."""
        if action == "delete_contact":
            try:
                return self.selected_contact() is not None
            except NoMatches:  # asked while the screen is still being built
                return False
        if action == "confirm_country":
            return not self.country_confirmed and bool(self.country_code)
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def selected_contact(self) -> Contact | None:
        """The highlighted trusted contact."""
        index = self.query_one("#contacts", OptionList).highlighted
        if index is None or not self.contacts or not 0 <= index < len(self.contacts):
            return None
        return self.contacts[index]

    # --- country --------------------------------------------------------------------------------
    def _save_country(self, saved: str) -> None:
        settings = self.thaw.settings
        if settings.country != saved:
            self.thaw.save_settings(dataclasses.replace(settings, country=saved))

    def action_confirm_country(self) -> None:
        """y: the guessed country is right; keep it, so it is not asked again."""
        if not self.country_code:
            return
        self._save_country(self.country_code)
        self.country_confirmed = True
        self._show_lines()

    def action_choose_country(self) -> None:
        """Find a country by typing its name; the choice is kept and can change any time."""
        if self._resources is None:
            return
        from tui.widgets.country_picker import CountryPicker

        def chosen(code: str | None) -> None:
            if code is None:
                return
            self._save_country(code)
            self.country_code = "" if code == SOMEWHERE_ELSE else code
            self.country_confirmed = True
            self._show_lines()

        guess = self.country_code or chosen_for("", os.environ, self._resources.countries)
        self.app.push_screen(CountryPicker(self._resources.countries, guess), chosen)

    # --- contacts -------------------------------------------------------------------------------
    def _contact_form(self, title: str, contact: Contact | None) -> FormDialog:
        return FormDialog(
            title,
            [
                FormField(
                    "name", "Name", shown_line(contact.name) if contact else "", max_length=NAME_MAX
                ),
                FormField(
                    "phone",
                    "Phone or how to reach them (optional)",
                    shown_line(contact.phone) if contact else "",
                    max_length=PHONE_MAX,
                ),
                FormField("note", "A note (optional)", shown_text(contact.note) if contact else ""),
            ],
            validate=contact_problem,
        )

    def action_add_contact(self) -> None:
        """Add someone the person trusts."""

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                contact = self.thaw.store.add_contact(
                    clean_line(values["name"]),
                    phone=clean_line(values["phone"]),
                    note=clean_text(values["note"]).strip(),
                )
            except ThawError as err:
                self.notify(str(err), title="Not saved", severity="error", markup=False)
                return
            self._load_contacts(contact.id)

        self.app.push_screen(self._contact_form("Someone you trust", None), done)

    def action_edit_contact(self) -> None:
        """Edit the highlighted contact: merged with a change made elsewhere to other fields;
        where both windows changed one field, both are shown and the person chooses."""
        contact = self.selected_contact()
        if contact is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            changes = {
                "name": clean_line(values["name"]),
                "phone": clean_line(values["phone"]),
                "note": clean_text(values["note"]).strip(),
            }
            self._contact_edit().save(contact, changes)

        self.app.push_screen(self._contact_form("Edit", contact), done)

    def _contact_edit(self) -> MergedEdit[Contact]:
        """Saving an edited contact: what the screen says and shows for each outcome."""

        def saved(stored: Contact, said: str) -> None:
            if said:
                self.notify(said, timeout=6)
            self._load_contacts(stored.id)

        def failed(err: ThawError) -> None:
            self.notify(str(err), title="Not saved", severity="error", markup=False, timeout=10)
            self._load_contacts()

        def kept(newer: Contact) -> None:
            self.notify(KEPT_THEIRS, timeout=6)
            self._load_contacts(newer.id)

        return MergedEdit(
            self.app,
            self.thaw.store,
            CONTACT_EDITS,
            saved=saved,
            failed=failed,
            gone=self._offer_as_new,
            kept=kept,
        )

    def _offer_as_new(self, contact: Contact, mine: dict[str, object]) -> None:
        """The contact was deleted in another window: add this version again, or let it go."""
        new = dataclasses.replace(contact, **mine)  # type: ignore[arg-type]
        self._load_contacts()

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify("Left deleted. Your changes were let go.", timeout=6)
                return
            try:
                added = self.thaw.store.add_contact(new.name, phone=new.phone, note=new.note)
            except ThawError as err:
                self.notify(str(err), title="Not saved", severity="error", markup=False)
                return
            self.notify("Added again, with your changes.", timeout=6)
            self._load_contacts(added.id)

        name = shown_line(new.name)
        if len(name) > NAMED_UP_TO:
            name = name[: NAMED_UP_TO - 1].rstrip() + "…"
        question = (
            f"{name} was deleted from your trusted people in another window. "
            "Your changes are still here."
        )
        self.app.push_screen(
            ConfirmDialog(question, yes_words="adds them again", no_words="lets them go"),
            answered,
        )

    def action_delete_contact(self) -> None:
        """Delete the highlighted contact, after asking."""
        contact = self.selected_contact()
        if contact is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.thaw.store.delete_contact(contact)
            except StaleEditError:
                self.notify(
                    "This contact was changed in another window, so it was not deleted.",
                    severity="warning",
                )
            except ThawError as err:
                self.notify(str(err), title="Not deleted", severity="error", markup=False)
            self._load_contacts()

        question = f"Delete {shown_line(contact.name)} from your trusted people?"
        self.app.push_screen(ConfirmDialog(question), answered)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_contact()
