"""Pins what `tui.textual_private` relies on in Textual, and that it is still needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import keys as _textual_keys
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from tests.conftest import make_app
from tests.ui.helpers import drawn_text, wait_for_screen
from tui import textual_private
from tui.core.clock import FakeClock
from tui.core.records.models import Draft
from tui.textual_private import CoveredScreensWait, FocusedOnceLaidOut, allow_switching_away


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


class FarField(FocusedOnceLaidOut[object]):
    """A field wholly below a 40x12 window, focused on opening."""

    AUTO_FOCUS = "#field"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Static("\n".join(f"line {n}" for n in range(30)))
            yield Input(id="field")


class ScreenHost(App[None]):
    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.first = screen

    def get_default_screen(self) -> Screen[object]:
        return self.first


async def test_a_first_focus_out_of_view_is_still_scrolled_to() -> None:
    app = ScreenHost(FarField())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert app.focused is not None and app.focused.id == "field"
        assert app.screen.query_one("#body", VerticalScroll).scroll_y > 0


@pytest.mark.parametrize("textuals_own", [True, False])
async def test_a_first_focus_leaves_the_words_above_it_in_view(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, textuals_own: bool
) -> None:
    """The check-in over a picked-up draft at 40x12: with Textual's own first focus its sentence
    scrolls away (if that stops, Textual no longer centres it: FocusedOnceLaidOut can go)."""
    if textuals_own:
        monkeypatch.setattr(FocusedOnceLaidOut, "set_focus", Screen.set_focus)
    app, store = make_app(data_dir, clock)
    store.save_draft(Draft(saved_at=clock.now(), mood=2, feel=None, emotions=(), note="numb"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await wait_for_screen(pilot, "CheckInScreen")
        await pilot.wait_for_scheduled_animations()
        assert ("Picked up your unfinished" in drawn_text(app)) is not textuals_own
