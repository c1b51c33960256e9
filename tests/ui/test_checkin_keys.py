"""Check-in keys: letters typed are words, not actions; the footer tells the save key that works."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.conftest import make_app
from tests.ui.helpers import text_of
from tests.ui.test_app import FakeSupportScreen, fake_support
from tui.core.clock import FakeClock
from tui.screens.checkin import CheckInScreen
from tui.widgets.emotion_picker import EmotionList, EmotionPicker
from tui.widgets.key_footer import KeyFooter

__all__ = ["fake_support"]  # the fixture, used by name below


def footer_keys(app: object) -> dict[str, str]:
    """Footer key display -> description, for the bindings shown right now."""
    screen = app.screen  # type: ignore[attr-defined]
    shown: dict[str, str] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.show and active.enabled:
            display = screen.app.get_key_display(binding)
            shown[display] = binding.description
    return shown


async def test_letters_typed_in_the_feelings_list_go_to_the_filter(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(EmotionList).focus()
        await pilot.press(*"sad?")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)  # no support, no help
        filter_input = app.screen.query_one("#emotion-filter", Input)
        assert filter_input.value == "sad?"
        assert filter_input.has_focus
        await pilot.press("backspace")
        await pilot.pause()
        ids = [o.id for o in app.screen.query_one(EmotionList).options if not o.disabled]
        assert "sad" in ids


async def test_no_letter_key_fires_from_a_text_field(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for selector in ("#emotion-filter", "#tags"):
            app.screen.query_one(selector).focus()
            await pilot.press(*"sa?")
            await pilot.pause()
            assert isinstance(app.screen, CheckInScreen)
            assert app.screen.query_one(selector, Input).value == "sa?"


async def test_a_note_survives_f2_support_and_coming_back(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        app.screen.query_one("#note").focus()
        await pilot.press(*"a hard day")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FakeSupportScreen)
        draft = store.draft()  # kept on disk too, in case the app closes from over there
        assert draft is not None and draft.note == "a hard day"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one("#note", TextArea).text == "a hard day"


async def test_enter_goes_on_after_saving(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.open_screen("checkin")
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "Enter or Esc: go on" in text_of(app, "#saved-keys")
        assert footer_keys(app).get("⏎") == "Go on"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert len(store.recent_checkins(5)) == 1


async def test_the_footer_shows_the_save_key_that_works_where_the_cursor_is(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query(KeyFooter)
        assert footer_keys(app).get("⏎") == "Save"
        assert "^s" not in footer_keys(app)
        for selector in ("#emotion-filter", "#tags"):
            app.screen.query_one(selector).focus()
            await pilot.pause()
            keys = footer_keys(app)
            assert keys.get("⏎") == "Save" and "^s" not in keys
        await pilot.press("5")  # typed into tags; pick a mood on its row
        app.screen.query_one("#mood").focus()
        await pilot.press("5")
        app.screen.query_one("#note").focus()
        await pilot.pause()
        keys = footer_keys(app)
        assert keys.get("^s") == "Save" and "⏎" not in keys
        await pilot.press("enter")  # a new line in the note
        await pilot.pause()
        assert store.recent_checkins(1) == []
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert [c.mood for c in store.recent_checkins(1)] == [5]


async def test_thanks_are_said_once(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        said = (text_of(app, "#saved-line") + " " + text_of(app, "#suggestion-line")).lower()
        assert said.count("thank") == 1


async def test_a_long_meaning_is_shown_whole_at_80x24(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one(EmotionList)
        option_list.focus()
        option_list.highlighted = option_list.get_option_index("cant_tell")
        await pilot.pause()
        meaning = app.screen.query_one("#emotion-meaning")
        content = app.content.emotion("cant_tell")
        assert content is not None
        assert content.meaning in text_of(app, "#emotion-meaning")
        # Every line of the wrapped meaning has a row of its own.
        width = meaning.content_region.width
        needed = len(f"{content.name}: {content.meaning}") // width + 1
        assert meaning.content_region.height >= needed


async def test_remembered_tags_come_from_the_store(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    store.add_checkin(5, tags=("work", "walk"))
    store.add_checkin(6, tags=("work",))
    calls: list[int | None] = []
    real = store.known_tags

    def spy(recent_days: int | None = None) -> list[str]:
        calls.append(recent_days)
        return real(recent_days=recent_days)

    store.known_tags = spy  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert calls == [120]
        assert "Used before: work, walk" in text_of(app, "#known-tags")
        assert app.screen.query_one(EmotionPicker) is not None


async def test_quitting_with_a_note_typed_keeps_it_as_a_draft(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#note").focus()
        await pilot.press(*"still here")
        await pilot.press("ctrl+q")
        await pilot.pause()
    draft = store.draft()
    assert draft is not None and draft.note == "still here"


async def test_a_draft_kept_while_away_goes_when_the_words_are_taken_out(
    data_dir: Path, clock: FakeClock, fake_support: None
) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.open_screen("checkin")
        await pilot.pause()
        app.screen.query_one("#note").focus()
        await pilot.press("x", "f2")
        await pilot.pause()
        assert store.draft() is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("backspace", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert store.draft() is None
