"""The plan open in two windows: a step changed in both is merged field by field; where both
changed the same field the person sees both and chooses; a step deleted in the other window
is saved again only when the person says so. Never a silent lost update, never a duplicate."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.conftest import make_app
from tests.ui.helpers import said, text_of, wait_for
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.records.models import PlanItem
from tui.core.store import Store
from tui.screens import plan_edits
from tui.screens.plan import PlanScreen, title_problem
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog
from tui.widgets.conflict_dialog import ConflictDialog

SIZE = (80, 24)
OWN = "Walk with Sam"


def own_step(data_dir: Path, clock: FakeClock) -> PlanItem:
    """The person's own step, added before the plan opens (so it is the first in the list)."""
    return Store(data_dir, clock).add_plan_item(OWN, note="first words")


def stored(data_dir: Path, clock: FakeClock) -> list[PlanItem]:
    return [i for i in Store(data_dir, clock).plan_items() if i.title == OWN or not i.key]


async def write_note(pilot: object, app: ThawApp, words: str) -> None:
    """e on the highlighted step, the note replaced with `words`, Ctrl+S."""
    await pilot.press("e")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))  # type: ignore[arg-type]
    note = app.screen.query_one("#field-note", TextArea)
    note.focus()
    note.text = words
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]


async def test_a_note_here_and_a_status_and_next_step_there_are_all_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        other = Store(data_dir, clock)  # the other window
        other.update_merged(seen, status="doing", next_step="ask Sam on Friday")
        await write_note(pilot, app, "after lunch")
        await wait_for(pilot, lambda: plan_edits.MERGED in said(app))
        (kept,) = stored(data_dir, clock)
        assert (kept.note, kept.status, kept.next_step) == (
            "after lunch",
            "doing",
            "ask Sam on Friday",
        )
        assert "ask Sam on Friday" in text_of(app, "#plan-text")
        assert "after lunch" in text_of(app, "#plan-text")


async def test_both_writing_the_note_shows_both_and_n_keeps_the_other_windows(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).update_merged(seen, note="theirs: rain", status="thinking")
        await write_note(pilot, app, "mine: sun")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your note: mine: sun" in shown
        assert "The other window's note: theirs: rain" in shown
        assert "status" not in shown  # only this window changed the note; status is theirs alone
        assert (stored(data_dir, clock)[0].note, len(stored(data_dir, clock))) == (
            "theirs: rain",
            1,
        )  # nothing is saved until the person chooses
        await pilot.press("enter")  # not an answer: a stray Enter chooses nothing
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        (kept,) = stored(data_dir, clock)
        assert (kept.note, kept.status) == ("theirs: rain", "thinking")
        assert plan_edits.KEPT_THEIRS in said(app)
        assert "theirs: rain" in text_of(app, "#plan-text")


async def test_both_writing_the_note_y_saves_mine_and_keeps_their_status(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).update_merged(seen, note="theirs: rain", status="thinking")
        await write_note(pilot, app, "mine: sun")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        await wait_for(pilot, lambda: stored(data_dir, clock)[0].note == "mine: sun")
        (kept,) = stored(data_dir, clock)
        assert kept.status == "thinking"  # their change to another field stays
        assert plan_edits.SAVED_YOURS in said(app)
        assert "mine: sun" in text_of(app, "#plan-text")


async def test_both_moving_the_status_names_both_statuses(data_dir: Path, clock: FakeClock) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).update_merged(seen, status="doing")
        await pilot.press("space")  # not now -> thinking about it, here
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        shown = text_of(app, "#conflict-text")
        assert "Your status: thinking about it" in shown.replace("Thinking", "thinking")
        assert "The other window's status: doing it" in shown.replace("Doing", "doing")
        await pilot.press("escape")  # Esc keeps the other window's, as n does
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert stored(data_dir, clock)[0].status == "doing"


async def test_a_step_deleted_there_is_let_go_here_without_a_duplicate(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).delete_plan_item(seen)
        await write_note(pilot, app, "more words")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = text_of(app, "#confirm-question")
        assert f'"{OWN}", was deleted in another window' in question
        assert text_of(app, ".confirm-keys") == (
            "y saves them as a new step; any other key lets them go."
        )
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanScreen))
        assert stored(data_dir, clock) == []
        assert plan_edits.LET_GO in said(app)
        assert all(item.title != OWN for item in app.screen.items)  # type: ignore[attr-defined]


async def test_a_step_deleted_there_comes_back_once_when_asked(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).delete_plan_item(seen)
        await write_note(pilot, app, "more words")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: len(stored(data_dir, clock)) == 1)
        (back,) = stored(data_dir, clock)
        assert (back.title, back.note, back.key) == (OWN, "more words", "")
        assert back.id != seen.id
        assert "more words" in text_of(app, "#plan-text")


async def test_delete_here_after_a_change_there_keeps_the_step(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).update_merged(seen, note="changed there")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: plan_edits.NOT_DELETED in said(app))
        assert [i.note for i in stored(data_dir, clock)] == ["changed there"]
        assert "changed there" in text_of(app, "#plan-text")  # the newer version is shown


async def test_delete_here_of_a_step_deleted_there_says_so(
    data_dir: Path, clock: FakeClock
) -> None:
    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).delete_plan_item(seen)  # gone there while still listed here
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: plan_edits.ALREADY_GONE in said(app))
        assert stored(data_dir, clock) == []


async def test_a_name_as_long_as_the_store_takes_is_saved_whole(
    data_dir: Path, clock: FakeClock
) -> None:
    title = "Talk to someone " + "x" * 234  # 250 characters: within the store's 300
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
        name = app.screen.query_one("#field-title", Input)
        name.insert_text_at_cursor(title)  # as a paste: all of it, or nothing if too long
        assert name.value == title
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any(i.title == title for i in stored(data_dir, clock)))
    from tui.core.records.rules import PLAN_TITLE_MAX_CHARS

    assert title_problem({"title": "y" * PLAN_TITLE_MAX_CHARS}) is None
    too_long = title_problem({"title": "y" * (PLAN_TITLE_MAX_CHARS + 1)})
    assert too_long is not None and str(PLAN_TITLE_MAX_CHARS) in too_long


async def test_at_40_by_12_the_choice_keys_stay_in_sight_under_long_notes(
    data_dir: Path, clock: FakeClock
) -> None:
    from tests.ui.helpers import drawn_text

    own_step(data_dir, clock)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        (seen,) = stored(data_dir, clock)
        Store(data_dir, clock).update_merged(seen, note="rain " * 80)
        await write_note(pilot, app, "sun " * 80)
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictDialog))
        keys = ("y saves yours", "n or Esc keeps the", "other window's.")  # wrapped at 40
        await wait_for(pilot, lambda: all(k in drawn_text(app) for k in keys))
        await pilot.press("down", "down", "pagedown")  # scrolling does not answer
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert all(k in drawn_text(app) for k in keys)


async def test_at_40_by_12_a_long_name_deleted_there_still_leaves_the_keys_in_sight(
    data_dir: Path, clock: FakeClock
) -> None:
    from tests.ui.helpers import drawn_text

    long_name = "Walk " + "far " * 70  # 285 characters: the store takes it whole
    Store(data_dir, clock).add_plan_item(long_name)
    app, _ = make_app(data_dir, clock, "plan")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        (seen,) = [i for i in Store(data_dir, clock).plan_items() if not i.key]
        Store(data_dir, clock).delete_plan_item(seen)
        await write_note(pilot, app, "more words")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Walk far far" in text_of(app, "#confirm-question")
        assert "…" in text_of(app, "#confirm-question")
        await wait_for(pilot, lambda: "lets them go" in " ".join(drawn_text(app).split()))
        assert "saves them as a new step" in " ".join(drawn_text(app).split())
