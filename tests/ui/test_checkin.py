"""The check-in screen, told as stories: a digit and Enter is a whole check-in."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from tests.conftest import make_app, shared_content
from tests.ui.helpers import drawn_text, screen_text, text_of, wait_for, wait_for_screen
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.errors import DiskFullError
from tui.core.records.models import Draft
from tui.core.store import Store
from tui.screens import checkin as checkin_module
from tui.screens.checkin import CheckInScreen
from tui.widgets.emotion_picker import EmotionList, EmotionPicker
from tui.widgets.feel_scale import FeelScale
from tui.widgets.mood_scale import MoodScale


async def test_pressing_7_then_enter_saves_a_check_in_with_mood_7(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("7", "enter")
        await pilot.pause()
        saved = store.recent_checkins(5)
        assert [c.mood for c in saved] == [7]
        assert saved[0].feel is None and saved[0].emotions == () and saved[0].note == ""
        assert "Saved: mood 7" in text_of(app, "#saved-line")


async def test_zero_means_ten(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("0", "enter")
        await pilot.pause()
        assert store.recent_checkins(1)[0].mood == 10


async def test_arrows_move_the_mood_and_stop_at_the_ends(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scale = app.screen.query_one(MoodScale)
        await pilot.press("right")
        assert scale.value == 6  # from nothing, arrows start in the middle
        await pilot.press("left", "left")
        assert scale.value == 4
        await pilot.press("9", "right", "right")
        assert scale.value == 10
        await pilot.press("1", "left")
        assert scale.value == 1
        await pilot.press("3", "enter")
        await pilot.pause()
        assert store.recent_checkins(1)[0].mood == 3


async def test_enter_without_a_mood_asks_for_one_in_a_sentence(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Choose a mood from 1 to 10 first" in text_of(app, "#checkin-status")
        assert store.recent_checkins(1) == []


async def test_feel_row_takes_digits_arrows_and_backspace(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5", "tab", "0")
        feel = app.screen.query_one(FeelScale)
        assert feel.value == 0  # "nothing at all" is an answer
        await pilot.press("9", "right", "right")
        assert feel.value == 10
        await pilot.press("backspace")
        assert app.screen.query_one(FeelScale).value is None  # cleared
        await pilot.press("2", "enter")
        await pilot.pause()
        saved = store.recent_checkins(1)[0]
        assert (saved.mood, saved.feel) == (5, 2)


async def test_numbness_family_comes_first_and_meanings_show_as_you_move(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(EmotionList).options
        assert options[0].disabled and options[0].id == "family:numb"
        assert options[1].id == "numb"
        content = shared_content()
        # Every word of the vocabulary is offered.
        offered = {o.id for o in options if not o.disabled}
        assert offered == {e.id for e in content.emotions}
        app.screen.query_one(EmotionList).focus()
        await pilot.pause()
        first = content.emotion(str(options[1].id))
        assert first is not None
        assert first.meaning in text_of(app, "#emotion-meaning")
        await pilot.press("down")
        await pilot.pause()
        second = content.emotion(str(options[2].id))
        assert second is not None
        assert second.meaning in text_of(app, "#emotion-meaning")


async def test_typing_filters_and_enter_picks_the_match(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        app.screen.query_one("#emotion-filter", Input).focus()
        await pilot.press(*"tired")
        await pilot.pause()
        ids = [o.id for o in app.screen.query_one(EmotionList).options if not o.disabled]
        assert "tired" in ids
        assert "numb" not in ids
        await pilot.press("enter")  # picks "tired", clears the filter
        await pilot.pause()
        assert app.screen.query_one(EmotionPicker).picked == ("tired",)
        assert app.screen.query_one("#emotion-filter", Input).value == ""
        await pilot.press("enter")  # empty filter: Enter saves
        await pilot.pause()
        assert store.recent_checkins(1)[0].emotions == ("tired",)


async def test_several_feelings_with_space_including_numb_and_cant_tell(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        option_list = app.screen.query_one(EmotionList)
        option_list.focus()
        await pilot.press("space")  # numb
        option_list.highlighted = option_list.get_option_index("cant_tell")
        await pilot.press("space")
        option_list.highlighted = option_list.get_option_index("calm")
        await pilot.press("space", "space", "space")  # on, off, on again
        await pilot.pause()
        assert "Picked: numb, can't tell, calm" in text_of(app, "#emotion-picked")
        await pilot.press("enter")  # Enter in the list saves
        await pilot.pause()
        assert store.recent_checkins(1)[0].emotions == ("numb", "cant_tell", "calm")


async def test_a_filter_that_matches_nothing_says_so(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#emotion-filter", Input).focus()
        await pilot.press(*"tird")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 0
        meaning = text_of(app, "#emotion-meaning")
        assert "Nothing called that here" in meaning
        assert "tired" in meaning


NASTY = "[bold]x[/] [@click=app.quit]y[/] \x1b[31mred\x1b[0m \u202eevil\u202c done"


async def test_markup_escapes_and_bidi_in_the_note_are_kept_literal_and_cleaned(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        note = app.screen.query_one("#note", TextArea)
        note.focus()
        note.insert(NASTY)
        await pilot.pause()
        assert note.text == "[bold]x[/] [@click=app.quit]y[/] red evil done"
        await pilot.press("enter", *"line two")
        await pilot.press("ctrl+j")  # saves from inside the note
        await pilot.pause()
        assert app.is_running
        saved = store.recent_checkins(1)[0]
        assert saved.note == "[bold]x[/] [@click=app.quit]y[/] red evil done\nline two"


async def test_a_10000_character_note_is_accepted_and_one_more_is_refused_kindly(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        note = app.screen.query_one("#note", TextArea)
        note.text = "a" * 10_001
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "the most a note can hold is 10,000" in text_of(app, "#checkin-status")
        assert store.recent_checkins(1) == []
        note.text = ("word " * 2000)[:9_999] + "!"
        note.focus()
        started = time.perf_counter()
        await pilot.press("end", *"five!", "ctrl+j")
        await pilot.pause()
        assert time.perf_counter() - started < 5  # generous: a freeze would take far longer
        assert "the most a note can hold" in text_of(app, "#checkin-status")
        note.text = ("word " * 2000)[:9_999] + "!"
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert len(store.recent_checkins(1)[0].note) == 10_000


async def test_tags_are_saved_and_remembered_next_time(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        tags = app.screen.query_one("#tags", Input)
        tags.focus()
        await pilot.press(*"walk, work ,walk")
        await pilot.press("enter")  # Enter in tags saves
        await pilot.pause()
        assert store.recent_checkins(1)[0].tags == ("walk", "work")
    app2 = ThawApp(store, shared_content(), clock, start="checkin")
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Used before: " in text_of(app2, "#known-tags")
        tags = app2.screen.query_one("#tags", Input)
        tags.focus()
        await pilot.press(*"sleep, wa")
        await wait_for(pilot, lambda: tags._suggestion == "sleep, walk", what="the completion")
        await pilot.press("right")  # accept the grey completion
        assert tags.value == "sleep, walk"


async def test_one_line_suggestion_after_saving_and_its_key_opens_it(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("6", "tab", "1", "enter")  # feel 1: grounding is offered
        await pilot.pause()
        line = text_of(app, "#suggestion-line")
        assert "\n" not in line.strip()
        assert "grounding" in line.lower()
        assert text_of(app, "#saved-keys").startswith("g: Ground")
        await pilot.press("g")
        await wait_for(pilot, lambda: not isinstance(app.screen, CheckInScreen))
        assert not isinstance(app.screen, CheckInScreen)


async def _check_in_for(store: Store, clock: FakeClock, pilot: object, action: str) -> None:
    """Type a check-in whose one suggestion opens `action` (rules: core/analysis/suggest.py)."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    if action == "ground":
        await pilot.press("6", "tab", "1", "enter")  # can hardly feel anything
    elif action == "breathe":
        await pilot.press("7", "enter")  # nothing in particular: the default, a few breaths
    elif action == "support":
        await pilot.press("1", "enter")  # the third very low check-in (two made beforehand)
    elif action == "ideas":
        await pilot.press("enter")  # the draft holds "tired": a small move is offered


SUGGESTED = {
    "ground": ("g", "GroundScreen"),
    "breathe": ("b", "BreatheScreen"),
    "support": ("s", "SupportScreen"),
    "ideas": ("i", "IdeasScreen"),
}


def _prepare(store: Store, clock: FakeClock, action: str) -> None:
    if action == "support":
        for hours in (30, 20):
            store.add_checkin(1, at=clock.now() - timedelta(hours=hours))
    if action == "ideas":
        store.save_draft(Draft(saved_at=clock.now(), mood=6, emotions=("tired",)))


@pytest.mark.parametrize("action", list(SUGGESTED))
@pytest.mark.parametrize("quick", [True, False], ids=["thaw checkin", "from home"])
async def test_the_suggestion_key_opens_the_suggested_place(
    data_dir: Path, clock: FakeClock, action: str, quick: bool
) -> None:
    key, screen_name = SUGGESTED[action]
    store = Store(data_dir, clock)
    _prepare(store, clock, action)
    if quick:
        app = ThawApp(store, shared_content(), clock, start="checkin", exit_after_checkin=True)
    else:
        app = ThawApp(store, shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if not quick:
            await pilot.press("c")
            await pilot.pause()
        await _check_in_for(store, clock, pilot, action)
        await pilot.pause()
        assert text_of(app, "#saved-keys").startswith(f"{key}: ")
        await pilot.press(key)
        await wait_for_screen(pilot, screen_name)
        assert type(app.screen).__name__ == screen_name
        assert app.is_running  # the quick check-in stays open for what was chosen
        await pilot.press("escape")
        if action in ("ground", "breathe"):  # a practice asks how it went; Esc again leaves
            await pilot.pause()
            await pilot.press("escape")
        await wait_for_screen(pilot, "HomeScreen")
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.recent_checkins(1)[0].id  # the check-in itself was kept


async def test_quick_check_in_closes_after_saving(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkin_module, "QUICK_EXIT_SECONDS", 0.05)
    app, store = make_app(data_dir, clock, start="checkin", exit_after_checkin=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("8", "enter")
        await wait_for(pilot, lambda: not app.is_running, what="the app to close")
        assert not app.is_running
    assert store.recent_checkins(1)[0].mood == 8


async def test_a_full_disk_keeps_everything_typed_and_offers_a_draft(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")

    def full(*args: object, **kwargs: object) -> None:
        raise DiskFullError("The disk is full, so nothing was saved; the old file is untouched.")

    monkeypatch.setattr(store, "add_checkin", full)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        app.screen.query_one("#note", TextArea).insert("please keep me")
        await pilot.press("tab", "enter")
        await pilot.pause()
        status = text_of(app, "#checkin-status")
        assert "The disk is full" in status and "Ctrl+D keeps it as a draft" in status
        assert app.screen.query_one("#note", TextArea).text == "please keep me"
        assert app.screen.query_one(MoodScale).value == 4
        await pilot.press("ctrl+d")
        await pilot.pause()
    draft = store.draft()
    assert draft is not None and draft.mood == 4 and draft.note == "please keep me"


async def test_hangup_while_typing_keeps_a_draft_and_exits(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "tab", "2")
        app.screen.query_one("#note", TextArea).insert("half a thought")
        app.handle_hangup()
        # The hang-up itself closes the app and keeps the draft: not the test's own exit.
        await wait_for(pilot, lambda: not app.is_running, what="the hang-up to close the app")
        assert store.draft() is not None
    assert app.return_code == 0
    draft = store.draft()
    assert draft is not None
    assert (draft.mood, draft.feel, draft.note) == (3, 2, "half a thought")
    assert store.recent_checkins(1) == []


async def test_a_draft_is_picked_up_when_checking_in_and_cleared_after_saving(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.save_draft(
        Draft(clock.now() - timedelta(minutes=30), mood=3, emotions=("numb",), note="earlier")
    )
    app = ThawApp(store, shared_content(), clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Picked up your unfinished check-in from 09:00" in text_of(app, "#checkin-notice")
        assert app.screen.query_one(MoodScale).value == 3
        await pilot.press("enter")
        await pilot.pause()
    saved = store.recent_checkins(1)[0]
    assert (saved.mood, saved.emotions, saved.note) == (3, ("numb",), "earlier")
    assert store.draft() is None


async def test_start_fresh_drops_the_draft(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_draft(Draft(clock.now(), mood=3, note="earlier"))
    app = ThawApp(store, shared_content(), clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one(MoodScale).value is None
        assert app.screen.query_one("#note", TextArea).text == ""
    assert store.draft() is None


async def test_escape_with_something_typed_keeps_it_as_a_draft(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert "unfinished check-in" in screen_text(app)
    draft = store.draft()
    assert draft is not None and draft.mood == 2


async def test_escape_with_nothing_typed_keeps_nothing(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert store.draft() is None


@pytest.fixture(params=[False, True], ids=["colour", "no-colour"])
def no_color(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each test twice: with colour, and with NO_COLOR set as a person's shell sets it."""
    if request.param:
        monkeypatch.setenv("NO_COLOR", "1")
    return bool(request.param)


async def test_the_focused_text_field_stands_out_even_without_colour(
    data_dir: Path, clock: FakeClock, no_color: bool
) -> None:
    """With NO_COLOR the focused and unfocused borders were the same grey; a heavy line now
    shows where typing goes. With colour the calm rounded border stays."""
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.no_color is no_color
        note = app.screen.query_one("#note", TextArea)
        tags = app.screen.query_one("#tags", Input)
        note.focus()
        await pilot.pause()
        assert note.styles.border_top[0] == ("heavy" if no_color else "round")
        assert tags.styles.border_top[0] == "round"
        tags.focus()
        await pilot.pause()
        assert note.styles.border_top[0] == "round"
        assert tags.styles.border_top[0] == ("heavy" if no_color else "round")


async def test_the_focused_scale_stands_out_even_without_colour(
    data_dir: Path, clock: FakeClock, no_color: bool
) -> None:
    """Without colour the focused scale's numbers are underlined (with colour, they brighten)."""
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        mood = app.screen.query_one(MoodScale)
        feel = app.screen.query_one(FeelScale)
        for focused, other in ((mood, feel), (feel, mood)):
            focused.focus()
            await pilot.pause()
            assert bool(focused.get_component_rich_style("scale--cell").underline) is no_color
            assert not other.get_component_rich_style("scale--cell").underline


async def test_the_no_mood_sentence_is_scrolled_into_the_window_at_80x24(
    data_dir: Path, clock: FakeClock
) -> None:
    """With remembered tags the form is taller than 24 rows; the sentence sits at its foot and
    was scrolled towards before it had a place, so it stayed below the window."""
    store = Store(data_dir, clock)
    store.add_checkin(5, tags=("friends", "family", "work", "rain", "poor sleep", "walk"))
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        status = app.screen.query_one("#checkin-status")
        body = app.screen.query_one("#checkin-body")
        # The scroll towards the sentence may be animated: wait until it has arrived.
        await wait_for(pilot, lambda: body.region.contains_region(status.region), what="scroll")
        assert "Choose a mood from 1 to 10 first" in text_of(app, "#checkin-status")
        assert body.region.contains_region(status.region)


async def test_a_feeling_named_in_full_in_the_search_is_picked_when_saving(
    data_dir: Path, clock: FakeClock
) -> None:
    """The word "nothing" typed and saved at once (no Enter to pick it) is the answer given."""
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        app.screen.query_one("#emotion-filter", Input).focus()
        await pilot.press(*"nothing", "ctrl+s")
        await wait_for(pilot, lambda: store.recent_checkins(1) != [])
    (saved,) = store.recent_checkins(1)
    assert (saved.mood, saved.emotions, saved.note) == (1, ("nothing",), "")


async def search_with(pilot: Pilot[None], mood: str, words: str, *then: str) -> None:
    """Give a mood, then type `words` with the feelings list focused (its letters go to the
    search, as when a note is typed one Tab too early), then press `then`."""
    await pilot.pause()
    await pilot.press(mood)
    pilot.app.screen.query_one(EmotionList).focus()
    await pilot.press(*["space" if c == " " else c for c in words], *then)


async def test_words_left_in_the_feelings_search_go_to_the_note_not_away(
    data_dir: Path, clock: FakeClock
) -> None:
    """A note typed one Tab too early (in the list, whose letters go to the search) is kept:
    the save moves it to the note and says so, and the next Ctrl+S saves it."""
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await search_with(pilot, "2", "cant feel a thing", "ctrl+s")
        await wait_for(pilot, lambda: "in your note now" in text_of(app, "#checkin-status"))
        assert store.recent_checkins(1) == []  # nothing saved before the person has seen it
        assert app.screen.query_one("#note", TextArea).text == "cant feel a thing"
        assert app.screen.query_one("#emotion-filter", Input).value == ""
        await pilot.press(*"!!", "ctrl+s")  # typing on, in the note, goes after the words
        await wait_for(pilot, lambda: store.recent_checkins(1) != [])
    (saved,) = store.recent_checkins(1)
    assert (saved.mood, saved.note, saved.emotions) == (2, "cant feel a thing!!", ())


@pytest.mark.parametrize(
    ("ending", "typed", "kept"),
    [
        ("hang-up", "so far away", ("so far away", ())),
        ("ctrl+q", "so far away", ("so far away", ())),
        ("hang-up", "numb", ("", ("numb",))),
    ],
)
async def test_words_left_in_the_feelings_search_are_kept_in_the_draft(
    data_dir: Path, clock: FakeClock, ending: str, typed: str, kept: tuple[str, tuple[str, ...]]
) -> None:
    """An SSH drop (or Ctrl+Q) with words still in the feelings search: the draft keeps them in
    its note, as a save would have, and a feeling named in full is kept picked."""
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await search_with(pilot, "3", typed)
        assert app.screen.query_one("#emotion-filter", Input).value == typed
        if ending == "hang-up":
            app.handle_hangup()
        else:
            await pilot.press("ctrl+q")
        await pilot.pause()
    draft = Store(data_dir, clock).draft()
    assert draft is not None
    assert (draft.mood, draft.note, draft.emotions) == (3, *kept)


async def test_support_opened_over_a_search_keeps_the_words_in_a_draft_and_the_form_as_it_was(
    data_dir: Path, clock: FakeClock
) -> None:
    """F2 over words in the feelings search: the draft kept meanwhile holds them in its note,
    and back on the form they are still in the search, the note untouched."""
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await search_with(pilot, "4", "flat again", "f2")
        await wait_for_screen(pilot, "SupportScreen")
        draft = store.draft()
        assert draft is not None and (draft.mood, draft.note) == (4, "flat again")
        await pilot.press("escape")
        await wait_for_screen(pilot, "CheckInScreen")
        assert app.screen.query_one("#emotion-filter", Input).value == "flat again"
        assert app.screen.query_one("#note", TextArea).text == ""


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_picked_up_draft_says_so_at_the_top_of_a_small_window(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """Back after an SSH drop on a phone: the check-in opens at its top, the sentence saying the
    unfinished one was picked up in view (Textual's auto focus used to scroll it away at 40x12)
    and the mood row focused under it."""
    app, store = make_app(data_dir, clock)
    store.save_draft(
        Draft(saved_at=clock.now(), mood=2, feel=None, emotions=(), note="cannot feel my hands")
    )
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await wait_for_screen(pilot, "CheckInScreen")
        await pilot.wait_for_scheduled_animations()
        assert "Picked up your unfinished" in drawn_text(app)
        assert isinstance(app.focused, MoodScale) and app.focused.value == 2
