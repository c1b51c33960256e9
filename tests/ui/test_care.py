"""Ideas, plan, support and settings, driven by keys the way a person would use them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, OptionList, Static

from tests.conftest import make_app, shared_content
from tests.ui.helpers import assert_drawn_literally, drawn_text, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import Session, Settings
from tui.core.store import Store
from tui.screens.ideas import IdeasScreen, tried_line
from tui.screens.plan import PlanScreen
from tui.screens.settings import SettingsScreen, parse_reminder_time
from tui.screens.support import SOMEWHERE_ELSE, SupportScreen, chosen_country
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog, FormFields
from tui.widgets.feelings_dialog import FeelingsDialog

SIZE = (80, 24)


async def type_text(pilot: object, text: str) -> None:
    """Type characters one key at a time (spaces included)."""
    for char in text:
        await pilot.press("space" if char == " " else char)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def quiet_locale(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No country guessed from the machine running the tests; summaries go to a temp home."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))


# --- ideas ----------------------------------------------------------------------------------


async def test_ideas_show_groups_comfort_first_and_the_highlighted_detail(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, IdeasScreen)
        listing = app.screen.query_one("#ideas-list", OptionList)
        assert listing.get_option_at_index(0).id == "group:comfort"
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "blanket"
        assert "Wrap up in a blanket" in text_of(app, "#idea-text")
        await pilot.press("down")
        assert "Make a warm drink" in text_of(app, "#idea-text")


async def test_talk_ideas_show_the_opening_lines(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#ideas-list", OptionList)
        index = next(i for i, o in enumerate(listing.options) if o.id == "tell_someone")
        listing.highlighted = index
        await pilot.pause()
        detail = text_of(app, "#idea-text")
        assert "Ways to start" in detail
        assert "barely feel anything" in detail


async def test_trying_an_idea_and_rating_it_saves_an_idea_session(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("4", "enter", "3", "enter", "7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, IdeasScreen)
        assert "You tried this once" in text_of(app, "#idea-text")
        listing = app.screen.query_one("#ideas-list", OptionList)
        assert "✓" in str(listing.get_option("blanket").prompt)
    sessions = Store(data_dir, clock).sessions()
    assert len(sessions) == 1
    saved = sessions[0]
    assert (saved.kind, saved.detail, saved.rating) == ("idea", "blanket", 4)
    assert (saved.before, saved.after) == (3, 7)
    assert saved.completed and saved.planned_seconds is None and saved.actual_seconds == 0
    assert saved.started_at == clock.now()


async def test_a_rating_out_of_range_is_explained_and_nothing_is_saved(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("9", "enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "1 to 5" in text_of(app, "#form-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IdeasScreen)
    assert store.sessions() == []


async def test_feelings_list_browses_every_emotion_with_meanings(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, FeelingsDialog)
        listing = app.screen.query_one(OptionList)
        named = [o for o in listing.options if not o.disabled]
        assert len(named) == len(shared_content().emotions)
        first = shared_content().emotions_in(shared_content().families[0].id)[0]
        assert first.meaning in text_of(app, "#feelings-meaning")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IdeasScreen)


# --- plan -----------------------------------------------------------------------------------


async def test_plan_is_built_from_templates_once(data_dir: Path, clock: FakeClock) -> None:
    for _ in range(2):  # open, close, open again: never duplicated
        app, _ = make_app(data_dir, clock, "plan")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PlanScreen)
            detail = text_of(app, "#plan-text")
            assert "Where to look" in detail
    keys = [item.key for item in Store(data_dir, clock).plan_items()]
    assert keys == [t.key for t in shared_content().plan]


async def test_status_note_and_own_steps_survive_a_restart(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "space")  # not now -> thinking -> next step
        await pilot.pause()
        assert "next step" in text_of(app, "#plan-text")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "[b]call[/b] GP")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "[b]call[/b] GP" in text_of(app, "#plan-text")  # literal, not markup
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Walk with Sam")
        await pilot.press("ctrl+s")
        await pilot.pause()
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        items = app.screen.items  # type: ignore[attr-defined]
        assert items[0].status == "next_step"
        assert items[0].next_step == "[b]call[/b] GP"
        assert items[-1].title == "Walk with Sam" and items[-1].key == ""
        assert len(items) == len(shared_content().plan) + 1


async def test_deleting_own_step_asks_first_and_thaws_steps_stay(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.add_plan_item("My own step")
    app, store = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#plan-list", OptionList)
        own = next(i for i, it in enumerate(app.screen.items) if not it.key)  # type: ignore[attr-defined]
        listing.highlighted = own
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert text_of(app, ".confirm-keys") == "y deletes it; any other key keeps it."
        await pilot.press("enter")  # only y deletes: Enter, n, Esc and the rest keep it
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert any(i.title == "My own step" for i in store.plan_items())
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any(i.title == "My own step" for i in store.plan_items())
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not any(i.title == "My own step" for i in store.plan_items())
        listing.highlighted = 0
        await pilot.press("d")  # a step from Thaw is not deleted; d says how to set it aside
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert any("comes with Thaw" in n.message for n in app._notifications)
        assert len(store.plan_items()) == len(shared_content().plan)


async def test_a_plan_status_change_keeps_a_note_written_in_another_window(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = store.plan_items()[0]
        Store(data_dir, clock).update_plan_item(first, note="from another window")
        await pilot.press("space")
        await pilot.pause()
        saved = store.plan_items()[0]  # both changes, merged: neither window's is lost
        assert saved.status == "thinking" and saved.note == "from another window"
        assert "from another window" in text_of(app, "#plan-text")
        assert any("another window" in n.message for n in app._notifications)


async def test_summary_key_asks_where_then_writes_a_private_file(
    data_dir: Path, clock: FakeClock
) -> None:
    app, store = make_app(data_dir, clock, "plan")
    store.add_checkin(5, note="secret")
    written = Path.home() / "thaw-summary-2026-11-25.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)  # asks first: nothing is written yet
        assert dialog.query_one("#field-path", Input).value == str(written)
        assert not written.exists()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert any(str(written) in n.message for n in app._notifications)
    assert written.exists() and (written.stat().st_mode & 0o777) == 0o600
    text = written.read_text()
    assert "## Mood and how much I could feel" in text
    assert "secret" not in text  # notes stay out unless chosen


async def test_summary_esc_writes_nothing_and_a_typed_name_goes_home(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert list(Path.home().iterdir()) == []
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = "/no/such/folder/x.md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "There is no folder /no/such/folder" in text_of(app, "#form-error")
        app.screen.query_one("#field-path", Input).value = "for-dr-lee.md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    assert (Path.home() / "for-dr-lee.md").exists()


async def test_summary_never_replaces_a_file_without_asking(
    data_dir: Path, clock: FakeClock
) -> None:
    existing = Path.home() / "thaw-summary-2026-11-25.md"
    existing.write_text("my own notes\n")
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "already exists" in text_of(app, "#confirm-question")
        await pilot.press("enter")  # not y: the file is kept, and the name can be changed
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert existing.read_text() == "my own notes\n"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert existing.read_text().startswith("# ")


def footer_keys(app: App[Any]) -> set[str]:
    """The keys the footer shows right now (bindings shown and allowed)."""
    return {key for key, active in app.screen.active_bindings.items() if active.binding.show}


async def test_footer_shows_delete_only_on_own_steps(data_dir: Path, clock: FakeClock) -> None:
    Store(data_dir, clock).add_plan_item("My own step")
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        items = app.screen.items  # type: ignore[attr-defined]
        listing = app.screen.query_one("#plan-list", OptionList)
        listing.highlighted = next(i for i, it in enumerate(items) if it.key)
        await pilot.pause()
        assert "d" not in footer_keys(app)  # this step comes with Thaw
        listing.highlighted = next(i for i, it in enumerate(items) if not it.key)
        await pilot.pause()
        assert "d" in footer_keys(app)
        footer_text = " ".join(
            active.binding.description for active in app.screen.active_bindings.values()
        )
        assert "Delete" in footer_text


# --- support --------------------------------------------------------------------------------


def test_country_choice_guess_and_somewhere_else() -> None:
    known = ["US", "GB"]
    assert chosen_country("GB", {"LANG": "en_US.UTF-8"}, known) == "GB"
    assert chosen_country("", {"LANG": "en_GB.UTF-8"}, known) == "GB"
    assert chosen_country("", {"LANG": "fr_FR.UTF-8"}, known) == ""
    assert chosen_country(SOMEWHERE_ELSE, {"LANG": "en_US.UTF-8"}, known) == ""


async def test_support_numbers_come_first_for_the_chosen_country(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.save_settings(Settings(country="GB"))
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        intro = app.screen.query_one("#support-intro", Static)
        people = app.screen.query_one("#contacts", OptionList)
        lines = app.screen.query_one("#support-lines", Static)
        # A warm line first, then the person's own people, then the lines: all at once at 80x24.
        assert intro.region.y <= 2 and "alone" in text_of(app, "#support-intro")
        assert intro.region.bottom <= people.region.y < lines.region.y
        assert lines.region.bottom <= 22
        shown = text_of(app, "#support-lines")
        assert "116 123" in shown and "Samaritans" in shown and "999" in shown
        assert "not a medical device" in text_of(app, "#support-footnote")


async def test_support_guesses_from_locale_and_unknown_shows_the_directory(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app, "#support-lines")
        assert "13 11 14" in shown
        assert "Australia" in shown and "Is this your country? y: yes" in shown  # asked once
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0800 111 0 111" in text_of(app, "#support-lines")  # not only English-speaking
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    monkeypatch.setenv("TZ", "Etc/UTC")  # no zone to guess from either
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app, "#support-lines")
        assert shown.startswith("Which country are you in? Press c to find it by name.")
        assert "findahelpline.com" in shown and "112" in shown


async def test_a_guess_from_the_time_zone_when_the_locale_names_no_country(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0120 279 338" in text_of(app, "#support-lines")


async def test_y_keeps_the_guessed_country_so_it_is_not_asked_again(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_IE.UTF-8")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "y" in footer_keys(app)
        await pilot.press("y")
        await pilot.pause()
        assert "Is this your country" not in text_of(app, "#support-lines")
        assert "y" not in footer_keys(app)
    assert Store(data_dir, clock).settings().country == "IE"
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the saved choice wins over the locale now
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app, "#support-lines")
        assert "Ireland" in shown and "Is this your country" not in shown


@pytest.mark.parametrize(
    ("typed", "code", "number"),
    [("deut", "DE", "0800 111 0 111"), ("españa", "ES", "024"), ("japan", "JP", "0120 279 338")],
)
async def test_typing_a_countrys_name_finds_it_and_the_choice_is_kept(
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    code: str,
    number: str,
) -> None:
    from tui.widgets.country_picker import CountryPicker

    monkeypatch.setenv("TZ", "Etc/UTC")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CountryPicker)
        await pilot.press(*typed)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SupportScreen)
        assert number in text_of(app, "#support-lines")
    assert Store(data_dir, clock).settings().country == code


async def test_somewhere_else_is_a_choice_too(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"somewhere")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "findahelpline.com" in text_of(app, "#support-lines")
    assert Store(data_dir, clock).settings().country == SOMEWHERE_ELSE


async def test_contacts_add_edit_delete_survive_restart(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Sam [red]x[/]")
        await pilot.press("tab")
        await type_text(pilot, "07700 900123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sam [red]x[/]" in str(
            app.screen.query_one("#contacts", OptionList).options[0].prompt
        )
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-note", Input).value = "my sister"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [contact] = Store(data_dir, clock).contacts()
    assert (contact.name, contact.phone, contact.note) == (
        "Sam [red]x[/]",
        "07700 900123",
        "my sister",
    )
    app, store = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "d" in footer_keys(app)  # a person is highlighted, so Delete is offered
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert text_of(app, ".confirm-keys") == "y deletes it; any other key keeps it."
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.contacts()) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "d" not in footer_keys(app)  # no one left to delete
    assert Store(data_dir, clock).contacts() == []


async def test_a_contact_needs_a_name(data_dir: Path, clock: FakeClock) -> None:
    app, store = make_app(data_dir, clock, "support")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "name" in text_of(app, "#form-error")
    assert store.contacts() == []


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "saved"), [("", ""), ("7:05", "07:05"), ("18:30", "18:30"), (" 09.00 ", "09:00")]
)
def test_reminder_time_accepts_clock_times(typed: str, saved: str) -> None:
    assert parse_reminder_time(typed) == saved


@pytest.mark.parametrize("typed", ["25:00", "12:60", "noon", "7", "7:5", "-1:00"])
def test_reminder_time_refuses_others_with_a_sentence(typed: str) -> None:
    from tui.core.errors import InputError

    with pytest.raises(InputError, match="HH:MM"):
        parse_reminder_time(typed)


async def test_reminder_time_is_validated_and_saved(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        field = app.screen.query_one("#reminder_time", Input)
        field.focus()
        await type_text(pilot, "25:00")
        await pilot.press("enter")
        await pilot.pause()
        assert "not a time Thaw understands" in text_of(app, "#settings-error")
        assert Store(data_dir, clock).settings().reminder_time == ""
        field.value = ""
        await type_text(pilot, "7:30")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#settings-error") == ""
        assert field.value == "07:30"
    assert Store(data_dir, clock).settings().reminder_time == "07:30"


async def test_settings_persist_across_a_restart(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#bell", Checkbox).value = False
        screen.query_one("#report_include_notes", Checkbox).value = True
        meditation = screen.query_one("#meditation_minutes", Input)
        meditation.focus()
        meditation.value = "5"
        await pilot.press("enter")
        weeks = screen.query_one("#report_weeks", Input)
        weeks.value = "99"
        weeks.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "from 1 to 52" in text_of(app, "#settings-error")
        from textual.widgets import Select

        screen.query_one("#theme", Select).value = "thaw-light"
        await pilot.pause()
        assert app.theme == "thaw-light"
    saved = Store(data_dir, clock).settings()
    assert saved.bell is False and saved.report_include_notes is True
    assert saved.meditation_minutes == 5 and saved.report_weeks == 4
    assert saved.theme == "thaw-light"
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#bell", Checkbox).value is False
        assert app.screen.query_one("#meditation_minutes", Input).value == "5"


async def test_a_read_only_store_still_shows_the_plan_and_says_why(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.errors import ReadOnlyError

    Store(data_dir, clock).add_plan_item("Already there")
    app, store = make_app(data_dir, clock, "plan")

    def refuse(*args: object, **kwargs: object) -> None:
        raise ReadOnlyError("Thaw can't write here: it is read-only.")

    monkeypatch.setattr(store, "add_plan_item", refuse)
    monkeypatch.setattr(store, "update_plan_item", refuse)
    monkeypatch.setattr(store, "update_merged", refuse)  # what the plan saves edits with
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [i.title for i in app.screen.items] == ["Already there"]  # type: ignore[attr-defined]
        await pilot.press("space")
        await pilot.pause()
        assert any("read-only" in n.message for n in app._notifications)
        assert Store(data_dir, clock).plan_items()[0].status == "not_now"


# --- round two: what a reviewer found by hand -------------------------------------------------


def tried(*ratings: int | None) -> list[Session]:
    when = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    return [
        Session(f"s{i}", "idea", "walk", when, None, 0, True, rating=r)
        for i, r in enumerate(ratings)
    ]


@pytest.mark.parametrize(
    ("ratings", "line"),
    [
        ((4,), "You tried this once in the last year; you said it helped 4 out of 5."),
        ((None,), "You tried this once in the last year."),
        (
            (4, 5, 5),
            "You tried this 3 times in the last year; you said it helped 4.7 out of 5 on "
            "average, over 3 tries.",
        ),
        (
            (4, 4),
            "You tried this 2 times in the last year; "
            + "you said it helped 4 out of 5 on average, over 2 tries.",
        ),
        (
            (3, None, 4),
            "You tried this 3 times in the last year; you said it helped 3.5 out of 5 on "
            "average, over the 2 tries you rated.",
        ),
        (
            (None, 2),
            "You tried this 2 times in the last year; the time you rated it, you said it "
            "helped 2 out of 5.",
        ),
    ],
)
def test_what_an_idea_did_is_said_in_the_persons_terms(
    ratings: tuple[int | None, ...], line: str
) -> None:
    assert tried_line(tried(*ratings)) == line


async def test_one_rated_try_is_quoted_not_averaged(data_dir: Path, clock: FakeClock) -> None:
    app, _ = make_app(data_dir, clock, "ideas")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("4", "enter", "enter", "enter")
        await pilot.pause()
        detail = text_of(app, "#idea-text")
        assert "you said it helped 4 out of 5" in detail
        assert "4.0" not in detail and "on average" not in detail


@pytest.mark.parametrize("size", [(80, 24), (50, 16)])
@pytest.mark.parametrize(
    ("start", "key"),
    [("ideas", "t"), ("plan", "a"), ("plan", "e"), ("support", "a"), ("plan", "r")],
)
async def test_every_form_label_is_shown_whole(
    data_dir: Path, clock: FakeClock, size: tuple[int, int], start: str, key: str
) -> None:
    """No label is cut off at the right edge: a long one wraps onto a second line."""
    app, _ = make_app(data_dir, clock, start)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        labels = list(dialog.query(Label))
        assert labels
        for label in labels:
            text = str(label.render())
            box = label.content_region
            assert box.right <= dialog.size.width, text
            # Every word of the label fits in the lines it was given.
            assert box.width * box.height >= len(text), (text, box)
            assert isinstance(label.parent, Widget)
            assert box.right <= label.parent.content_region.right, text
        # The keys line stays inside the dialog, even on a short terminal: the fields scroll.
        keys = dialog.query_one(".form-keys", Static)
        frame = dialog.query_one("#form-box").region
        assert keys.region.bottom <= frame.bottom - 1 and frame.bottom <= size[1]


async def open_settings(app: ThawApp, pilot: Pilot[None]) -> SettingsScreen:
    """Home first, then settings, so Esc goes back to home the way a person would."""
    await pilot.pause()
    app.open_screen("settings")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def test_a_typed_reminder_time_is_kept_when_leaving_with_esc(
    data_dir: Path, clock: FakeClock
) -> None:
    app, _ = make_app(data_dir, clock, "home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#reminder_time", Input).focus()
        await type_text(pilot, "18:30")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    assert Store(data_dir, clock).settings().reminder_time == "18:30"


async def test_a_wrong_value_left_behind_is_told_and_the_last_good_one_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    Store(data_dir, clock).save_settings(Settings(reminder_time="19:00"))
    app, _ = make_app(data_dir, clock, "home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot)
        field = screen.query_one("#meditation_minutes", Input)
        field.focus()
        await pilot.press("backspace", "1", "2")  # 12 minutes: saved while typing
        await pilot.pause()
        assert Store(data_dir, clock).settings().meditation_minutes == 12
        reminder = screen.query_one("#reminder_time", Input)
        reminder.focus()
        reminder.value = ""
        await type_text(pilot, "7pm")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        said = [n.message for n in app._notifications]
        assert any(
            m.startswith("The reminder time stays any time") and '"7pm"' in m for m in said
        ), said
    saved = Store(data_dir, clock).settings()
    assert saved.meditation_minutes == 12
    assert saved.reminder_time == ""  # emptied on the way to "7pm", which is not a time


@pytest.mark.parametrize(
    ("name", "good", "bad", "expected", "problem"),
    [
        ("settle_seconds", "30", "121", 30, "from 0 to 120"),
        ("interval_bell_minutes", "5", "31", 5, "0 for no interval bells"),
        ("interval_bell_minutes", "0", "x", 0, "0 for no interval bells"),
    ],
)
async def test_settle_in_and_interval_bells_can_be_set(
    data_dir: Path,
    clock: FakeClock,
    name: str,
    good: str,
    bad: str,
    expected: int,
    problem: str,
) -> None:
    Store(data_dir, clock).save_settings(Settings(settle_seconds=10, interval_bell_minutes=2))
    app, _ = make_app(data_dir, clock, "home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot)
        field = screen.query_one(f"#{name}", Input)
        field.focus()
        field.value = ""
        await type_text(pilot, bad)
        await pilot.press("enter")
        await pilot.pause()
        assert problem in text_of(app, "#settings-error")
        field.value = ""
        await type_text(pilot, good)
        await pilot.pause()
        assert text_of(app, "#settings-error") == ""
        assert getattr(app.settings, name) == expected  # what the meditation timer reads
    assert getattr(Store(data_dir, clock).settings(), name) == expected


async def test_on_and_off_differ_in_words_and_in_the_box(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    Store(data_dir, clock).save_settings(Settings(bell=True, reduced_motion=False))
    app, _ = make_app(data_dir, clock, "settings")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bell = str(app.screen.query_one("#bell", Checkbox).render())
        motion = str(app.screen.query_one("#reduced_motion", Checkbox).render())
        assert bell.endswith("bell for cues: on ") and "✓" in bell
        assert motion.endswith("no animation): off ") and "✓" not in motion
        app.screen.query_one("#reduced_motion", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        motion = str(app.screen.query_one("#reduced_motion", Checkbox).render())
        assert "✓" in motion and ": on" in motion


def test_summary_target_reads_what_was_typed(tmp_path: Path) -> None:
    from tui.core.analysis.report import summary_target
    from tui.core.errors import InputError

    assert summary_target("visit.md", tmp_path) == tmp_path / "visit.md"
    assert summary_target(str(tmp_path / "a.md"), Path("/elsewhere")) == tmp_path / "a.md"
    for typed, problem in [
        ("", "file name"),
        (str(tmp_path), "is a folder"),
        ("/nope/x.md", "no folder"),
    ]:
        with pytest.raises(InputError, match=problem):
            summary_target(typed, tmp_path)


# --- shown literally ------------------------------------------------------------------------


async def test_a_contact_with_markup_is_drawn_literally(data_dir: Path, clock: FakeClock) -> None:
    """The support screen as drawn: a name or note written as markup shows as typed."""
    store = Store(data_dir, clock)
    store.add_contact(
        "Sam [bold]x[/]",
        phone="0123",
        note="call first [italic]y[/] [link=https://example.com]go[/link]",
    )
    app, _ = make_app(data_dir, clock, "support")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for(pilot, lambda: "call first" in drawn_text(app), what="the contact")
        assert_drawn_literally(app, "Sam [bold]x[/]", around="Sam")
        assert_drawn_literally(app, "[italic]y[/]", around="call first")
        assert_drawn_literally(app, "[link=https://example.com]go[/link]", around="call first")


async def test_a_plan_step_with_markup_is_drawn_literally(data_dir: Path, clock: FakeClock) -> None:
    """The plan as drawn: a title, next step and note written as markup show as typed."""
    store = Store(data_dir, clock)
    store.add_plan_item(
        "step [bold]x[/]",
        next_step="ring [u]them[/u]",
        note="in the note [italic]y[/] [link=https://example.com]go[/link]",
    )
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for(pilot, lambda: "in the note" in drawn_text(app), what="the plan step")
        assert_drawn_literally(app, "step [bold]x[/]", around="step")
        assert_drawn_literally(app, "ring [u]them[/u]", around="ring")
        assert_drawn_literally(app, "[italic]y[/]", around="in the note")
        assert_drawn_literally(app, "[link=https://example.com]go[/link]", around="in the note")


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_the_reflection_form_opens_with_its_first_question_whole_in_view(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """On a phone's 40x12 the form used to open scrolled to show the whole first answer box,
    cutting the question above it; now the question is whole and the box starts under it."""
    app, _ = make_app(data_dir, clock, start="reflection")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        fields = app.screen.query_one(FormFields)
        question = fields.query(Label).first()
        assert app.focused is not None and app.focused.id == "field-q0"
        assert fields.can_view_entire(question), drawn_text(app)
        assert fields.can_view_partial(app.focused)
