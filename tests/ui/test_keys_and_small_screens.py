"""Issue #15's smaller promises: 10 typed as the number, letters on a scale, the filter's Enter,
any script's capitals in the filter, keys that wait while the window is too small, toasts that
never sit over a sentence, and only keys that can act offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.conftest import make_app
from tests.conftest import make_app as make_practice_app
from tests.ui.helpers import workers_ended
from tests.ui.practice_helpers import running
from tests.ui.test_checkin_keys import footer_keys
from tui.core.clock import FakeClock
from tui.core.content import Emotion, EmotionFamily
from tui.screens.checkin import CheckInScreen
from tui.screens.too_small import TooSmallScreen
from tui.widgets.emotion_picker import EmotionList, fold, matches
from tui.widgets.feel_rating import FeelRating
from tui.widgets.feel_scale import FeelScale
from tui.widgets.mood_scale import MoodScale

# --- 3. one way to enter 10 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "mood", "feel"),
    [
        (("1", "0", "tab", "1", "0"), 10, 10),  # typed as the number on both scales
        (("0", "tab", "0"), 10, 0),  # 0 alone: 10 on the mood (no mood 0), nothing on feel
        (("1", "tab", "1"), 1, 1),
        (("1", "0", "tab", "1", "right", "0"), 10, 0),  # the 1 then 0 is only straight after
    ],
)
async def test_ten_is_typed_as_the_number_on_both_check_in_scales(
    data_dir: Path, clock: FakeClock, keys: tuple[str, ...], mood: int, feel: int
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.query_one(MoodScale).value == mood
        assert app.screen.query_one(FeelScale).value == feel


@pytest.mark.parametrize(
    ("keys", "rating"),
    [(("1", "0"), 10), (("1", "enter"), 1), (("7",), 7), (("0",), 0), (("1", "5"), 5)],
)
async def test_the_practice_rating_takes_ten_the_same_way(
    data_dir: Path, clock: FakeClock, keys: tuple[str, ...], rating: int
) -> None:
    app, _ = make_practice_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        before = app.screen.query_one("#before", FeelRating)
        await pilot.press(*keys)
        await pilot.pause()
        assert before.answered and before.value == rating


async def test_a_lone_1_then_a_letter_keeps_the_1_and_the_letter_lands_in_the_note(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_practice_app(data_dir, clock, "ground", {})
    async with running(app) as (pilot, _):
        before = app.screen.query_one("#before", FeelRating)
        await pilot.press("1", *"tree")
        await pilot.pause()
        assert before.answered and before.value == 1
        assert app.screen.query_one("#note", Input).value == "tree"


# --- 8. letters on a scale, the filter's Enter, any script ------------------------------------


async def test_letters_typed_on_a_scale_go_to_the_feelings_filter(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6", *"numb")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one(MoodScale).value == 6
        filter_input = app.screen.query_one("#emotion-filter", Input)
        assert filter_input.value == "numb" and filter_input.has_focus
        assert footer_keys(app).get("⏎") == "Pick the feeling"
        await pilot.press("enter")
        await pilot.pause()
        assert filter_input.value == ""
        assert footer_keys(app).get("⏎") == "Save"


def test_the_filter_folds_case_for_any_script() -> None:
    """A Turkish keyboard's capital İ finds what i finds; É finds é and e."""
    family = EmotionFamily(id="flat", name="Flat", blurb="")
    tired = Emotion("tired", "tired", "flat", "low on energy", "unpleasant", "low")
    assert fold("İ") == fold("i") == "i"
    for query in ("TİRED", "tired", "Tİ", "TIRED"):
        assert matches(tired, family, query)
    e_acute = Emotion("ennui", "ennui", "flat", "déjà vu of boredom", "unpleasant", "low")
    assert matches(e_acute, family, "DÉJÀ") and matches(e_acute, family, "deja")


async def test_capital_dotted_i_in_the_filter_finds_what_i_finds(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        found: dict[str, list[str | None]] = {}
        for query in ("i", "İ"):
            filter_input = app.screen.query_one("#emotion-filter", Input)
            filter_input.value = query
            await pilot.pause()
            found[query] = [o.id for o in app.screen.query_one(EmotionList).options]
        assert found["İ"] == found["i"]
        assert len(found["i"]) > 2


# --- 7. keys wait while the window is too small -----------------------------------------------


async def test_words_typed_while_the_window_is_too_small_land_in_the_note(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        app.screen.query_one("#note", TextArea).focus()
        await pilot.press(*"one ")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press(*"two")
        assert app.key_order.waiting == 3  # held, not dropped
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert app.screen.query_one("#note", TextArea).text == "one two"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [saved] = store.recent_checkins(1)
        assert saved.note == "one two"


# --- 5. messages never under toasts; only keys that can act ------------------------------------


async def test_an_inline_sentence_clears_the_toasts_over_it(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.notify("Something said a moment ago.")
        await pilot.pause()
        assert app._notifications
        await pilot.press("enter")  # no mood yet: the sentence says so, at the foot
        await pilot.pause()
        assert not app._notifications


async def test_past_entries_offer_edit_and_delete_only_with_an_entry(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="entries")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "d" not in footer_keys(app)
        store.add_checkin(5)
        app.screen.reload()  # type: ignore[attr-defined]
        await pilot.pause()
        assert footer_keys(app).get("d") == "Delete"


# --- 3. one save key in every form ------------------------------------------------------------


async def test_ctrl_s_saves_in_every_form(data_dir: Path, clock: FakeClock) -> None:
    """The same key everywhere: the check-in (from the note), a contact, a plan step, a marker,
    the day to fill in, and your own breathing pattern."""
    app, store = make_app(data_dir, clock, start="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        steps: list[tuple[str, ...]] = [
            ("c", "6", "tab", "tab", "tab", "tab", *"a note", "ctrl+s", "escape"),
            ("s", "a", *"Sam", "ctrl+s", "escape"),
            ("p", "a", *"Call the GP", "ctrl+s", "escape"),
            ("h", "k", "n", *"moved", "ctrl+s", "escape", "escape"),
            ("e", "n", *"yesterday 21:00", "ctrl+s", "4", "ctrl+s", "escape"),
            ("b", "c", "ctrl+u", *"4 2 6 1", "ctrl+s", "escape", "escape"),
        ]
        for keys in steps:
            for key in keys:
                await pilot.press(key)
                await workers_ended(app)
                await pilot.pause()
    moods = sorted((c.mood, c.note) for c in store.recent_checkins(5))
    assert moods == [(4, ""), (6, "a note")]
    assert [c.name for c in store.contacts()] == ["Sam"]
    assert any(item.title == "Call the GP" for item in store.plan_items())
    assert [m.text for m in store.markers()] == ["moved"]
    assert store.settings().custom_breath == (4, 2, 6, 1)
