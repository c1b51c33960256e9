"""Practice keys and small screens: Esc ends then leaves, pause says resume, plain hints, fit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import make_app
from tests.ui.helpers import wait_for
from tests.ui.practice_helpers import breathe_to, running, sessions, sit
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import Settings
from tui.core.store import Store
from tui.screens.breathe import BreatheScreen
from tui.screens.ground import GroundScreen
from tui.screens.help import collect_keys
from tui.screens.meditate import MeditateScreen
from tui.widgets.breathing_orb import BreathingOrb
from tui.widgets.countdown import Countdown
from tui.widgets.feel_rating import HINT_TEXT, FeelRating
from tui.widgets.key_footer import KeyFooter


def on_screen(app: ThawApp) -> object:
    """The screen on top now (a call, so type checkers do not carry an earlier check over)."""
    return app.screen


def footer_keys(app: ThawApp) -> dict[str, str]:
    """What the footer offers now: key -> description, as the Footer reads it."""
    return {key: active.binding.description for key, active in app.screen.active_bindings.items()}


def footer_text(app: ThawApp) -> str:
    """The footer's words as drawn, to be sure the description really reached the screen."""
    footer = app.screen.query_one(KeyFooter)
    return "".join(strip.text for strip in footer.render_lines(footer.region.reset_offset))


def footer_key_in_view(app: ThawApp, description: str) -> bool:
    """True if the footer is drawn where nothing else covers it and shows this key whole."""
    footer = app.screen.query_one(KeyFooter)
    region = footer.region
    if region.height == 0 or region.bottom > app.size.height:
        return False
    widget, _ = app.screen.get_widget_at(region.x, region.y)
    return widget is footer and f" {description} " in footer_text(app)


def visible_text(widget: object) -> str:
    lines = widget.render_lines(widget.region.reset_offset)  # type: ignore[attr-defined]
    return "\n".join(line.text for line in lines)


# --- 1. Esc ends, offers the after rating, Esc again leaves ----------------------------------


async def test_breathing_esc_ends_offers_the_after_rating_and_esc_again_leaves(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        orb = screen.query_one(BreathingOrb)
        assert footer_keys(app)["escape"] == "End"
        await pilot.press("n")
        await breathe_to(pilot, clock, orb, 12.0)
        await pilot.press("escape")
        await pilot.pause()
        assert on_screen(app) is screen and screen.ended  # still here, asking how it went
        after = screen.query_one("#after", FeelRating)
        assert after.display and after.has_focus
        assert footer_keys(app)["escape"] == "Back"
        await pilot.press("7")
        [saved] = sessions(app)
        assert (saved.completed, saved.after) == (False, 7)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(on_screen(app), BreatheScreen))
        assert not isinstance(on_screen(app), BreatheScreen)
        [saved] = sessions(app)
        assert saved.after == 7


async def test_a_short_glance_is_still_asked_and_a_rating_given_is_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 2.0)
        await pilot.press("escape")
        assert app.screen.query_one("#after", FeelRating).has_focus
        assert sessions(app) == []  # nothing rated yet: nothing to keep
        await pilot.press("3")
        [saved] = sessions(app)
        assert (saved.after, saved.completed) == (3, False)


async def test_meditation_esc_ends_offers_the_after_rating_and_esc_again_leaves(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, MeditateScreen)
        assert footer_keys(app)["escape"] == "End"
        assert "End" in footer_text(app)
        await pilot.press("n")
        await sit(pilot, clock, 40)
        await pilot.press("escape")
        await pilot.pause()
        assert on_screen(app) is screen and screen.ended
        assert screen.query_one("#after", FeelRating).has_focus
        assert footer_keys(app)["escape"] == "Back"
        await pilot.press("5")  # after; the "what came up?" line opens
        field = screen.query_one("#notes-input", Input)
        assert field.has_focus
        await pilot.press("q", "u", "i", "e", "t")
        await pilot.press("escape")  # typed but not entered: kept on the way out
        await wait_for(pilot, lambda: not isinstance(on_screen(app), MeditateScreen))
        assert not isinstance(on_screen(app), MeditateScreen)
        [saved] = sessions(app)
        assert (saved.completed, saved.actual_seconds, saved.after) == (False, 40, 5)
        assert saved.notes == ("quiet",)


async def test_grounding_esc_ends_keeps_what_was_typed_and_asks_how_it_went(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ground", {"exercise": "senses"})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, GroundScreen)
        await pilot.press("n", "l", "a", "m", "p")
        clock.advance(30)
        await pilot.press("escape")
        await pilot.pause()
        assert on_screen(app) is screen and screen.ended
        assert not screen.query_one("#note", Input).display  # no field left to type into unseen
        assert screen.query_one("#after", FeelRating).has_focus
        await pilot.press("2", "escape")
        await wait_for(pilot, lambda: not isinstance(on_screen(app), GroundScreen))
        assert not isinstance(on_screen(app), GroundScreen)
        [saved] = sessions(app)
        assert (saved.notes, saved.after, saved.completed) == (("lamp",), 2, False)


# --- 2. Paused says Resume -------------------------------------------------------------------


async def test_paused_breathing_offers_resume_in_the_footer(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        assert footer_keys(app)["space"] == "Pause"
        await pilot.press("space")
        await wait_for(pilot, lambda: footer_keys(app)["space"] == "Resume")
        assert footer_keys(app)["space"] == "Resume"
        assert "Resume" in footer_text(app) and "Pause" not in footer_text(app)
        await pilot.press("space")
        await wait_for(pilot, lambda: footer_keys(app)["space"] == "Pause")
        assert footer_keys(app)["space"] == "Pause"
        assert not app.screen.query_one(BreathingOrb).paused


async def test_paused_meditation_offers_resume_in_the_footer(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 10)
        await pilot.press("space")
        await wait_for(pilot, lambda: footer_keys(app)["space"] == "Resume")
        assert footer_keys(app)["space"] == "Resume"
        assert "Resume" in footer_text(app)
        await sit(pilot, clock, 100)
        assert app.screen.query_one(Countdown).value == "01:50"
        await pilot.press("space")
        await wait_for(pilot, lambda: footer_keys(app)["space"] == "Pause")
        assert footer_keys(app)["space"] == "Pause"


# --- 3. The rating hint in plain words, on one 80-column line -------------------------------


@pytest.mark.parametrize("start", ["breathe", "meditate", "ground"])
async def test_the_rating_hint_is_plain_and_fits_one_line_at_80_columns(
    data_dir: Path, clock: FakeClock, start: str
) -> None:
    app, _ = make_app(data_dir, clock, start, {})
    async with running(app):
        before = app.screen.query_one("#before", FeelRating)
        assert HINT_TEXT == "type 0 to 10 · n or Enter to skip"
        assert HINT_TEXT in str(before.render())
        assert before.region.height == 1
        assert HINT_TEXT in visible_text(before)


# --- 4. Small terminals keep the orb and its countdown in view -------------------------------


@pytest.mark.parametrize("size", [(40, 12), (50, 16)])
@pytest.mark.parametrize("pattern", ["cyclic_sigh", "resonance", "box", "478"])
async def test_the_orb_and_its_countdown_stay_in_view_on_a_small_terminal(
    data_dir: Path, clock: FakeClock, size: tuple[int, int], pattern: str
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": pattern})
    async with running(app, size=size) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        orb = screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 0.5)
        footer = screen.query_one(KeyFooter)
        assert orb.region.height >= 3
        assert orb.region.bottom <= footer.region.y  # nothing of it under the footer
        assert not screen.query_one("#pattern-evidence").display
        # The phase label ("in 4") is drawn in the orb's visible rows.
        assert orb.caption.startswith(orb.state().phase.label)  # type: ignore[union-attr]
        assert orb.caption in visible_text(orb)
        if pattern == "478":
            assert "dizzy" in visible_text(screen.query_one("#pattern-caution"))
        await wait_for(pilot, lambda: footer_key_in_view(app, "End"))
        assert footer_key_in_view(app, "End")


async def test_a_roomy_terminal_still_shows_the_evidence(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app, size=(80, 24)) as (pilot, _):
        assert app.screen.query_one("#pattern-evidence").display
        await pilot.resize_terminal(40, 12)
        await wait_for(pilot, lambda: not app.screen.query_one("#pattern-evidence").display)
        assert not app.screen.query_one("#pattern-evidence").display


@pytest.mark.parametrize("size", [(40, 12), (50, 16)])
async def test_the_meditation_countdown_stays_in_view_on_a_small_terminal(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app, size=size) as (pilot, _):
        countdown = app.screen.query_one(Countdown)
        footer = app.screen.query_one(KeyFooter)
        assert countdown.region.height == 3
        assert countdown.region.bottom <= footer.region.y
        assert "02:00" not in visible_text(countdown)  # Digits draws big figures...
        assert visible_text(countdown).strip()  # ...and they are on screen
        await wait_for(pilot, lambda: footer_key_in_view(app, "End"))
        assert footer_key_in_view(app, "End")


@pytest.mark.parametrize("size", [(40, 12), (50, 16)])
async def test_the_grounding_prompt_and_field_stay_in_view_on_a_small_terminal(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app, _ = make_app(data_dir, clock, "ground", {"exercise": "senses"})
    async with running(app, size=size) as (pilot, _):
        await pilot.press("n")
        screen = app.screen
        footer = screen.query_one(KeyFooter)
        prompt = screen.query_one("#prompt")
        field = screen.query_one("#note", Input)
        assert prompt.region.height >= 1 and field.region.height >= 1
        assert field.region.bottom <= footer.region.y
        assert visible_text(prompt).strip()
        await wait_for(pilot, lambda: footer_key_in_view(app, "End"))
        assert footer_key_in_view(app, "End")  # first in the footer, so a narrow one keeps it


# --- 5. The reduced-motion cue is centred ----------------------------------------------------


async def test_the_reduced_motion_cue_is_centred(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"}, reduced_motion=True)
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 0.5)
        cue, dots = [row for row in visible_text(orb).splitlines() if row.strip()]
        assert cue.strip() == "Breathe in  ·  4"
        assert dots.strip() == "● ○ ○ ○"  # the still pacing bar under it (#15)
        for line in (cue, dots):
            left = len(line) - len(line.lstrip())
            right = len(line) - len(line.rstrip())
            assert abs(left - right) <= 1


# --- 6. Arrows reach the pattern from an empty field; the help uses our words ----------------


async def test_arrows_from_an_empty_field_change_the_pattern_but_edit_a_filled_one(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        await pilot.press("n", "c")
        field = screen.query_one("#custom-input", Input)
        assert field.has_focus and field.value
        await pilot.press("end", "left")  # moves the cursor in "4 0 6 0"
        assert screen.pattern is not None and screen.pattern.id == "custom"
        assert field.cursor_position == len(field.value) - 1 and bool(screen.field_open)
        field.value = ""
        await pilot.press("right")  # empty: the key is the screen's
        assert screen.pattern.id == "cyclic_sigh"
        assert not screen.field_open and not field.has_focus


async def test_the_help_lists_our_own_words_for_our_keys(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        keys = dict((desc, key) for key, desc in collect_keys(app.screen))
        assert keys["Another pattern: ← the one before, → the next"] == "←→"
        assert "Next pattern" not in keys and "Previous pattern" not in keys  # one row for two
        assert "End here and say how it went; Esc again leaves" in keys
        # Only keys that can act now: Space pauses while going, and carries on once paused.
        assert "Pause where you are" in keys and "Carry on from where you paused" not in keys
        # The rating row says how ten is typed (1 then 0), with the keys beside it.
        assert any("0 to 10" in desc and key.startswith("0") for desc, key in keys.items())
        await pilot.press("space")
        await pilot.pause()
        keys = dict((desc, key) for key, desc in collect_keys(app.screen))
        assert "Carry on from where you paused" in keys and "Pause where you are" not in keys


# --- 7. The phase bell is kept once Settings has a place for it -----------------------------


@dataclasses.dataclass(frozen=True)
class BellSettings(Settings):
    """Settings as they will be once the lead adds the field."""

    breath_bell: bool = False


async def test_the_phase_bell_is_read_from_and_saved_to_settings_when_it_exists(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    monkeypatch.setattr(app, "_settings", BellSettings(breath_bell=True))
    saved: list[Settings] = []

    def save_settings(new: Settings) -> Settings:
        saved.append(new)
        monkeypatch.setattr(app, "_settings", new)
        return new

    monkeypatch.setattr(app, "save_settings", save_settings)
    async with running(app) as (pilot, bells):
        screen = app.screen
        assert isinstance(screen, BreatheScreen)
        assert bool(screen.phase_bell)  # on from settings
        orb = screen.query_one(BreathingOrb)
        await pilot.press("n")
        await breathe_to(pilot, clock, orb, 4.5)  # in -> hold: a phase bell
        assert bells == [1]
        await pilot.press("b")
        assert not screen.phase_bell
        assert [getattr(s, "breath_bell", None) for s in saved] == [False]


async def test_the_phase_bell_set_with_b_is_there_next_time(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {})
    async with running(app) as (pilot, _):
        await pilot.press("n", "b")
        assert getattr(app.store.settings(), "breath_bell", None) is True
    again, _ = make_app(data_dir, clock, "breathe", {})
    async with running(again):
        screen = again.screen
        assert isinstance(screen, BreatheScreen)
        assert screen.phase_bell is True


async def test_on_a_tall_terminal_the_countdown_sits_right_under_the_orb(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app, size=(200, 60)) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await breathe_to(pilot, clock, orb, 3.9)  # nearly full
        lines = visible_text(orb).splitlines()
        drawn = [i for i, line in enumerate(lines) if line.strip()]
        caption_row = next(i for i, line in enumerate(lines) if orb.caption in line)
        orb_rows = [i for i in drawn if i != caption_row]
        assert caption_row - max(orb_rows) <= 3  # not twenty rows further down
        above, below = min(orb_rows), len(lines) - 1 - caption_row
        assert abs(above - below) <= 4  # the orb and its words sit in the middle


# --- Closing the app part way keeps what was done, rated and typed --------------------------


async def test_closing_the_app_while_breathing_keeps_the_breaths_and_the_rating(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "breathe", {"pattern": "box"})
    async with running(app) as (pilot, _):
        orb = app.screen.query_one(BreathingOrb)
        await pilot.press("3")
        await breathe_to(pilot, clock, orb, 20.0)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [saved] = Store(data_dir, clock).sessions()
    assert (saved.before, saved.completed, saved.actual_seconds) == (3, False, 20.0)


async def test_closing_the_app_keeps_words_typed_after_a_sit_but_not_entered(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {"minutes": 1.0})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 60.1)
        await pilot.press("6", "s", "o", "f", "t")
        await pilot.press("ctrl+q")
        await pilot.pause()
    [saved] = Store(data_dir, clock).sessions()
    assert (saved.after, saved.notes, saved.completed) == (6, ("soft",), True)


async def test_closing_the_app_mid_sit_keeps_the_time_sat(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "meditate", {})
    async with running(app) as (pilot, _):
        await pilot.press("n")
        await sit(pilot, clock, 50)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [saved] = Store(data_dir, clock).sessions()
    assert (saved.actual_seconds, saved.completed) == (50, False)


async def test_closing_the_app_part_way_through_grounding_keeps_what_was_typed(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ground", {"exercise": "senses"})
    async with running(app) as (pilot, _):
        await pilot.press("n", "s", "k", "y", "enter", "c", "a", "t")
        clock.advance(40)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [saved] = Store(data_dir, clock).sessions()
    assert (saved.notes, saved.completed) == (("sky", "cat"), False)
