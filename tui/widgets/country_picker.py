"""CountryPicker: find a country by typing its name; a guess from this computer comes first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.content.resources import SOMEWHERE_ELSE, match_countries
from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import Country


class CountryPicker(ThawModalScreen[str | None]):
    """Type part of a name ("deut", "españa", "uk"); Up/Down choose; Enter keeps it.

    Dismisses with a country code, SOMEWHERE_ELSE for "none of these", or None on Esc.
    Each country shows its first line's number, so a person sees help while choosing.
    """

    DEFAULT_CSS = """
    CountryPicker {
        align: center middle;
    }
    CountryPicker > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: round $primary;
        background: $surface;
    }
    CountryPicker #country-question { text-style: bold; }
    CountryPicker #country-filter { margin-top: 1; }
    CountryPicker #country-list { height: auto; max-height: 12; }
    CountryPicker .country-keys { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", tooltip="Keep the country as it was", id="country-cancel"
        ),
        Binding(
            "down",
            "move(1)",
            "Next",
            show=False,
            priority=True,
            tooltip="The next country in the list",
            id="country-next",
        ),
        Binding(
            "up",
            "move(-1)",
            "Previous",
            show=False,
            priority=True,
            tooltip="The country before in the list",
            id="country-previous",
        ),
    ]

    def __init__(self, countries: Sequence[Country], guess: str = "", question: str = "") -> None:
        super().__init__()
        self.countries = list(countries)
        self.guess = guess
        self.question = question or "Which country are you in? The lines you see will be its own."

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False, id="country-question")
            yield Input(placeholder="Type a country's name", id="country-filter")
            yield OptionList(id="country-list")
            yield Static(
                "Up/Down: choose.  Enter: keep it.  Esc: not now.",
                markup=False,
                classes="country-keys",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#country-filter", Input).focus()

    def _prompt(self, country: Country, guessed: bool) -> Text:
        prompt = Text(country.name, style="bold")
        if country.lines:
            prompt.append(f"  {country.lines[0].number}", style="dim")
        if guessed:
            prompt.append("  (this computer's setting)", style="dim italic")
        return prompt

    def _fill(self, typed: str) -> None:
        found = match_countries(self.countries, typed)
        guess = next((c for c in found if c.code == self.guess), None)
        options: list[Option] = []
        if guess is not None and not typed.strip():
            options.append(Option(self._prompt(guess, True), id=guess.code))
        for country in found:
            if country is not guess or typed.strip():
                options.append(
                    Option(self._prompt(country, country.code == self.guess), id=country.code)
                )
        options.append(
            Option(Text("Somewhere else (an international directory)"), id=SOMEWHERE_ELSE)
        )
        listing = self.query_one("#country-list", OptionList)
        listing.set_options(options)
        listing.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose()

    def _choose(self) -> None:
        listing = self.query_one("#country-list", OptionList)
        index = listing.highlighted
        if index is None:
            return
        chosen = listing.get_option_at_index(index).id
        self.dismiss(chosen)

    def action_move(self, step: int) -> None:
        """Up/Down move through the list while the cursor stays in the search field."""
        listing = self.query_one("#country-list", OptionList)
        if listing.option_count:
            current = listing.highlighted if listing.highlighted is not None else 0
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
