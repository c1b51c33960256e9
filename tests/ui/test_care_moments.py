"""The lowest moments, told as stories: a check-in at mood 1, the safety plan, what helps,
the about page and the reflection questions."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea

from tests.conftest import make_app
from tests.ui.helpers import plain, text_of, workers_ended
from tui.core.analysis.report import ReportOptions, report_from_store
from tui.core.clock import FakeClock
from tui.core.records.models import Settings
from tui.core.store import Store
from tui.screens.about import AboutScreen
from tui.screens.checkin import CheckInScreen
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.support import SupportScreen
from tui.screens.what_helps import WhatHelpsScreen
from tui.widgets.care_form import FormDialog

SIZE = (80, 24)


async def wait_until(pilot: object, done: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until `done()` holds (a screen switched, a thread finished)."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the screen never got there"
        await pilot.pause()


def history_ready(app: object) -> Callable[[], bool]:
    """True once history has drawn its insights (it reads the store in a thread)."""

    def ready() -> bool:
        from tui.screens.history import HistoryScreen

        screen = getattr(app, "screen", None)
        return isinstance(screen, HistoryScreen) and "t: what helps me" in text_of(
            screen.app, "#insight-text"
        )

    return ready


@pytest.fixture(autouse=True)
def british(monkeypatch: pytest.MonkeyPatch) -> None:
    """The country comes from the locale here (the UK), so every line is predictable."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


# --- 1. a check-in at the lowest moment -----------------------------------------------------


async def test_a_first_check_in_at_mood_1_points_calmly_to_support(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        line = text_of(app, "#suggestion-line")
        assert "alone" in line and "Samaritans" in line and "116 123" in line and "F2" in line
        assert "walk" not in line and "breathing" not in line
        assert text_of(app, "#saved-keys").startswith("s: Support")
        farewell = line.strip().replace("F2 shows", "In Thaw, F2 shows")
        assert app.farewell == ["Saved: mood 1. Thank you.", farewell]
        assert "116 123: Samaritans" in line.splitlines()[1]
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SupportScreen))


async def test_mood_2_and_hopeless_names_the_trusted_contact_first(
    data_dir: Path, clock: FakeClock
) -> None:
    Store(data_dir, clock).add_contact("Sam", phone="07700 900123")
    app, store = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        app.screen.query_one("#emotion-filter", Input).focus()
        await pilot.press(*"hopeless")
        await pilot.pause()
        await pilot.press("enter")  # picks "hopeless"
        await pilot.press("ctrl+j")
        await pilot.pause()
        line = " ".join(text_of(app, "#suggestion-line").split())
        assert (
            line.index("Sam is someone you could reach out to: 07700 900123")
            < line.index("Samaritans")
            < line.index("F2")
        )
    [saved] = store.checkins()
    assert (saved.mood, saved.emotions) == (2, ("hopeless",))


async def test_mood_2_without_despair_keeps_the_usual_gentle_step(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="checkin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert "Samaritans" not in text_of(app, "#suggestion-line")
        assert isinstance(app.screen, CheckInScreen)


# --- 3. the safety plan ---------------------------------------------------------------------


async def write_under(pilot: object, words: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    dialog.query_one(TextArea).text = words
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_safety_plan_is_one_key_from_support_and_keeps_the_persons_words(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, start="support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        screen = app.screen
        assert isinstance(screen, SafetyPlanScreen)
        listing = screen.query_one("#plan-sections", OptionList)
        titles = [plain(o.prompt).splitlines()[0] for o in listing.options]
        assert titles == [
            "My warning signs",
            "Things I can do on my own",
            "People and places that take my mind off things",
            "People I can ask for help",
            "Professionals and services",
            "Making my space safer",
            "What matters to me",
        ]
        await write_under(pilot, "Not sleeping\nSkipping meals")
        await pilot.press("down", "down", "down")
        await write_under(pilot, "Sam, 07700 900123")
        assert "Not sleeping" in plain(listing.options[0].prompt)
    plan = Store(data_dir, clock).safety_plan()
    assert (plan.warning_signs, plan.people) == (
        "Not sleeping\nSkipping meals",
        "Sam, 07700 900123",
    )
    # Edited later, in another run of the app: the words come back to be changed.
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one(TextArea).text == "Not sleeping\nSkipping meals"
        dialog.query_one(TextArea).text = "Not sleeping"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert Store(data_dir, clock).safety_plan().warning_signs == "Not sleeping"
    assert store.safety_plan().rev == 4


async def test_the_whole_safety_plan_can_be_read_at_40x12(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    plan = store.safety_plan()
    for section in ("warning_signs", "people", "what_matters"):
        plan = plan.with_text(section, f"{section} words\nand a second line")
    store.save_safety_plan(plan)
    app, _ = make_app(data_dir, clock, start="safety_plan")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#plan-sections", OptionList)
        assert listing.region.height >= 6  # the intro steps aside on a short terminal
        assert listing.option_count == 7
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted == 6
        last = listing.region.intersection(app.screen.region)
        assert last.height > 0 and listing.scroll_offset.y > 0  # scrolled to the end
        await pilot.press("home")
        await pilot.pause()
        assert listing.scroll_offset.y == 0


async def test_the_plan_joins_the_appointment_summary_only_when_asked(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.save_safety_plan(store.safety_plan().with_text("on_my_own", "Walk the dog # [x](y)"))
    options = ReportOptions.from_settings(Settings())
    app, _ = make_app(data_dir, clock, start="safety_plan")
    assert "My safety plan" not in report_from_store(store, app.content, clock.now(), options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Kept out of your summary" in text_of(app, "#plan-status")
        await pilot.press("i")
        await pilot.pause()
        assert "In your appointment summary" in text_of(app, "#plan-status")
    page = report_from_store(store, app.content, clock.now(), options)
    assert "## My safety plan" in page and "**Things I can do on my own**" in page
    assert "Walk the dog \\# \\[x\\](y)" in page  # the person's text stays literal
    assert "My warning signs" not in page  # empty headings are left out


# --- 4. what helps me -------------------------------------------------------------------------


def seed_practice(store: Store, clock: FakeClock) -> None:
    start = clock.now() - timedelta(days=10)
    for day in range(5):
        store.add_session(
            "breathe",
            "cyclic_sigh",
            started_at=start + timedelta(days=day),
            planned_seconds=180,
            actual_seconds=180,
            completed=True,
            before=3,
            after=5,
        )
    for rating in (4, 4, 5):
        store.add_session(
            "idea",
            "walk_room",
            started_at=start,
            planned_seconds=None,
            actual_seconds=0,
            completed=True,
            rating=rating,
        )


async def test_what_helps_says_what_was_rated_after_each_practice_without_claiming_a_cause(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    seed_practice(store, clock)
    app, _ = make_app(data_dir, clock, start="home")
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WhatHelpsScreen)
        await workers_ended(pilot.app)
        await pilot.pause()
        shown = " ".join(text_of(app, "#helps-rows").split())
        assert (
            "Cyclic sigh: after it you rated how much you could feel about 2 points higher, "
            "over 5 times." in shown
        )
        assert "Walk around the room: you said it helped about 4 of 5, over 3 times." in shown
        for claim in ("raised", "because", "improves", "works"):
            assert claim not in shown


async def test_what_helps_grows_into_a_table_on_a_wide_window(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    seed_practice(store, clock)
    for day in range(6):
        store.add_checkin(
            7 if day % 2 else 4,
            tags=["walk"] if day % 2 else [],
            at=clock.now() - timedelta(days=day),
        )
    app, _ = make_app(data_dir, clock, start="what_helps")
    async with app.run_test(size=(200, 50)) as pilot:
        await workers_ended(pilot.app)
        await pilot.pause()
        rows = app.screen.query_one("#helps-rows")
        assert rows.region.width > 150
        table = text_of(app, "#helps-rows")
        assert "Your feel rating after" in table and "about 2 points higher" in table
        tags = " ".join(text_of(app, "#helps-tags").split())
        assert 'On days you tagged "walk", your mood averaged 7.0; on other days, 4.0' in tags
        assert "what went together, not why" in tags


# --- 6. about, and the reflection questions ------------------------------------------------


async def test_the_about_page_is_reachable_from_the_keys_screen(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, start="home")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, AboutScreen))
        assert "not a medical device" in app.screen.query_one("#about-text").source  # type: ignore[attr-defined]


async def test_reflection_is_offered_from_history_then_rests_for_a_fortnight(
    data_dir: Path, clock: FakeClock
) -> None:
    seed = Store(data_dir, clock)
    seed.add_checkin(5, at=clock.now() - timedelta(days=3))
    app, _ = make_app(data_dir, clock, start="history")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, history_ready(app))
        assert "f: a few gentle questions" not in text_of(app, "#insight-text")  # too soon
    seed.add_checkin(5, at=clock.now() - timedelta(days=20))
    app, store = make_app(data_dir, clock, start="history")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, history_ready(app))
        assert "f: a few gentle questions" in text_of(app, "#insight-text")
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query(TextArea).first().text = "Music doesn't move me much lately"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Nothing is scored" in text_of(app, "#reflection-text")
    [note] = store.markers()
    assert note.text.startswith("A few questions, answered")
    assert "Music doesn't move me much lately" in note.text
    assert not any(ch.isdigit() for ch in note.text.split("\n", 1)[0])  # no score anywhere
    app, _ = make_app(data_dir, clock, start="history")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, history_ready(app))
        assert "f: a few gentle questions" not in text_of(app, "#insight-text")


async def test_skipping_the_questions_keeps_nothing(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, start="reflection")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Not now is fine" in text_of(app, "#reflection-text")
    assert store.markers() == []


# --- 7. a plan for a new user ---------------------------------------------------------------


async def test_a_new_users_plan_reads_as_an_invitation(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, start="plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#plan-list", OptionList)
        shown = " ".join(plain(o.prompt) for o in listing.options)
        assert listing.option_count >= 5 and "not now" not in shown
        assert "Nothing has to happen" in text_of(app, "#plan-text")
