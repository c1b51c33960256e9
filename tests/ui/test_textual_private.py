"""Pins what `tui.textual_private` relies on in Textual, and that it is still needed."""

from __future__ import annotations

import pytest
from textual import keys as _textual_keys
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

from tui import textual_private
from tui.textual_private import CoveredScreensWait, allow_switching_away


class First(Screen[object]):
    DEFAULT_CSS = "First Label { width: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Label("first")


class Second(Screen[object]):
    def compose(self) -> ComposeResult:
        yield Label("second")


class Host(App[None]):
    """A bare app whose first screen is its default screen, as Thaw's is."""

    def __init__(self, *, allow: bool) -> None:
        super().__init__()
        self.allow = allow

    def get_default_screen(self) -> Screen[object]:
        screen = First()
        if self.allow:
            allow_switching_away(screen)
        return screen


async def test_the_default_screen_cannot_be_switched_away_without_it() -> None:
    """If this starts failing, Textual fixed `switch_screen`: delete `allow_switching_away`."""
    app = Host(allow=False)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        with pytest.raises(IndexError):
            app.switch_screen(Second())


async def test_with_it_the_default_screen_is_replaced_and_nothing_is_left_under() -> None:
    app = Host(allow=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        first = app.screen
        await app.switch_screen(Second())
        await pilot.pause()
        assert isinstance(app.screen, Second)
        assert app.screen_stack == [app.screen] and first not in app.screen_stack
        app.switch_screen(First())  # the screen put in place can be replaced in turn
        await pilot.pause()
        assert isinstance(app.screen, First) and len(app.screen_stack) == 1


class Opaque(Screen[object]):
    DEFAULT_CSS = "Opaque { background: #000000; }"

    def compose(self) -> ComposeResult:
        yield Label("on top")


class Translucent(Screen[object]):
    DEFAULT_CSS = "Translucent { background: #000000 50%; }"

    def compose(self) -> ComposeResult:
        yield Label("a dialog")


class Covering(CoveredScreensWait):
    def get_default_screen(self) -> Screen[object]:
        return First()


async def test_textual_lays_out_the_screen_under_an_opaque_one_and_ours_does_not() -> None:
    """If Textual's own list stops naming the covered screen, the override can go."""
    plain = Host(allow=False)
    async with plain.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        first = plain.screen
        await plain.push_screen(Opaque())
        assert plain._background_screens == [first]  # Textual: laid out on every resize
    ours = Covering()
    async with ours.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        first = ours.screen
        await ours.push_screen(Opaque())
        assert ours._background_screens == []
        await pilot.resize_terminal(30, 12)
        await pilot.pause()
        assert first.query_one(Label).size.width == 40  # covered: not laid out for it
        ours.pop_screen()
        await pilot.pause()
        assert first.query_one(Label).size.width == 30  # shown again: laid out for it
        await ours.push_screen(Translucent())
        assert ours._background_screens == [first]  # it shows through a dialog


@pytest.mark.parametrize("key", sorted(textual_private.KNOWN_KEY_CHARACTERS))
def test_the_key_table_gives_textuals_own_answer(key: str) -> None:
    """If one fails, Textual changed `key_to_character`: update the table (or drop it)."""
    assert textual_private.KNOWN_KEY_CHARACTERS[key] == _textual_keys.key_to_character(key)


def test_screens_ask_the_table_and_other_keys_still_reach_textual() -> None:
    """`Screen._binding_chain` calls the name `key_to_character` in `textual.screen`."""
    import textual.screen

    assert vars(textual.screen)["key_to_character"] is textual_private.key_to_character
    assert textual_private.key_to_character("f1") is None
    assert textual_private.key_to_character("x") == "x"
    assert textual_private.key_to_character("full_stop") == "."
