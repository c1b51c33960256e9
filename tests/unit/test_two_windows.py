"""Two windows on one data folder (two Store objects): a change from the other window is merged
field by field when the two touched different fields, and refused, naming the field, when they
touched the same one. Never a silent lost update, never a duplicate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.clock import FakeClock
from tui.core.errors import StaleEditError
from tui.core.store import Store


def windows(data_dir: Path, clock: FakeClock) -> tuple[Store, Store]:
    return Store(data_dir, clock), Store(data_dir, clock)


def test_settings_theme_in_one_window_and_bell_in_the_other_keeps_both(
    data_dir: Path, clock: FakeClock
) -> None:
    one, two = windows(data_dir, clock)
    seen_one, seen_two = one.settings(), two.settings()  # both windows open
    one.save_settings(replace(seen_one, theme="thaw-light"), old=seen_one)
    saved = two.save_settings(replace(seen_two, bell=False), old=seen_two)
    assert (saved.theme, saved.bell) == ("thaw-light", False)
    assert Store(data_dir, clock).settings() == saved
    assert saved.rev == 3


def test_settings_both_changing_the_reminder_time_is_refused_and_named(
    data_dir: Path, clock: FakeClock
) -> None:
    one, two = windows(data_dir, clock)
    seen_one, seen_two = one.settings(), two.settings()
    one.save_settings(replace(seen_one, reminder_time="18:00"), old=seen_one)
    with pytest.raises(StaleEditError, match="The reminder time in your settings was changed"):
        two.save_settings(replace(seen_two, reminder_time="19:00", bell=False), old=seen_two)
    kept = Store(data_dir, clock).settings()
    assert (kept.reminder_time, kept.bell) == ("18:00", True)  # nothing half-applied


def test_safety_plan_sections_written_in_two_windows_are_both_kept(
    data_dir: Path, clock: FakeClock
) -> None:
    one, two = windows(data_dir, clock)
    seen_one, seen_two = one.safety_plan(), two.safety_plan()
    one.save_safety_plan(seen_one.with_text("people", "Sam"), old=seen_one)
    saved = two.save_safety_plan(seen_two.with_text("warning_signs", "Not sleeping"), old=seen_two)
    assert (saved.people, saved.warning_signs) == ("Sam", "Not sleeping")
    with pytest.raises(StaleEditError, match="people"):
        one.save_safety_plan(seen_one.with_text("people", "Ann"), old=seen_one)
    assert Store(data_dir, clock).safety_plan().people == "Sam"


def test_contacts_edit_edit_different_fields_and_the_same_field(
    data_dir: Path, clock: FakeClock
) -> None:
    one, two = windows(data_dir, clock)
    ann = one.add_contact("Ann", phone="0123")
    (seen,) = two.contacts()
    one.update_merged(ann, phone="999")
    both = two.update_merged(seen, name="Ann", note="my sister")  # name as it was: untouched
    assert (both.name, both.phone, both.note) == ("Ann", "999", "my sister")
    with pytest.raises(StaleEditError, match="The phone number of this contact was changed"):
        two.update_merged(seen, phone="555")
    assert Store(data_dir, clock).contacts() == [both]


def test_contacts_edit_delete(data_dir: Path, clock: FakeClock) -> None:
    one, two = windows(data_dir, clock)
    ann = one.add_contact("Ann")
    (seen,) = two.contacts()
    one.delete_contact(ann)
    with pytest.raises(StaleEditError, match="deleted in another window"):
        two.update_merged(seen, note="call on Sundays")
    assert Store(data_dir, clock).contacts() == []  # not brought back, no duplicate
    bob = one.add_contact("Bob")
    (seen_bob,) = two.contacts()
    one.update_merged(bob, phone="1")
    with pytest.raises(StaleEditError, match="changed in another window"):
        two.delete_contact(seen_bob)  # a delete never throws away a change it did not see
    assert [c.phone for c in Store(data_dir, clock).contacts()] == ["1"]


def test_plan_items_status_in_one_window_note_in_the_other(
    data_dir: Path, clock: FakeClock
) -> None:
    one, two = windows(data_dir, clock)
    item = one.add_plan_item("Walk on Sundays")
    (seen,) = two.plan_items()
    one.update_merged(item, status="doing")
    both = two.update_merged(seen, note="start small")
    assert (both.status, both.note, both.rev) == ("doing", "start small", 3)
    with pytest.raises(StaleEditError, match="The status of this plan item"):
        two.update_merged(seen, status="done")
    one.delete_plan_item(both)
    with pytest.raises(StaleEditError, match="deleted"):
        two.update_merged(both, title="Walk every day")
    assert Store(data_dir, clock).plan_items() == []


def test_markers_text_in_one_window_kind_in_the_other(data_dir: Path, clock: FakeClock) -> None:
    one, two = windows(data_dir, clock)
    marker = one.add_marker("moved house")
    (seen,) = two.markers()
    one.update_merged(marker, text="moved flat")
    both = two.update_merged(seen, kind="life")
    assert (both.text, both.kind, both.at) == ("moved flat", "life", marker.at)
    with pytest.raises(StaleEditError, match="The words of this marker"):
        two.update_merged(seen, text="moved town")
    one.delete_marker(both)
    with pytest.raises(StaleEditError, match="deleted"):
        two.update_merged(both, kind="other")
    assert Store(data_dir, clock).markers() == []


def test_check_ins_note_in_one_window_tags_in_the_other(data_dir: Path, clock: FakeClock) -> None:
    one, two = windows(data_dir, clock)
    entry = one.add_checkin(5, note="tired")
    (seen,) = two.recent_checkins(1)
    one.update_merged(entry, note="tired, then better")
    # The check-in screen passes every field; only those that differ from `seen` are its own.
    both = two.update_merged(seen, mood=5, feel=None, emotions=[], note="tired", tags=["walk"])
    assert (both.note, both.tags, both.mood) == ("tired, then better", ("walk",), 5)
    with pytest.raises(StaleEditError, match="The note of this entry"):
        two.update_merged(seen, note="something else")
    again = Store(data_dir, clock).checkins()
    assert again == [both]  # one entry, both changes, no duplicate


def test_check_ins_edit_moving_the_time_while_the_other_window_edits_the_mood(
    data_dir: Path, clock: FakeClock
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    one, two = windows(data_dir, clock)
    entry = one.add_checkin(5)
    (seen,) = two.recent_checkins(1)
    earlier = datetime(2026, 10, 20, 8, 0, tzinfo=ZoneInfo("Europe/London"))
    one.update_merged(entry, at=earlier)  # moved into October's file
    both = two.update_merged(seen, mood=3)
    assert (both.at, both.mood) == (earlier, 3)
    assert Store(data_dir, clock).checkins() == [both]


def test_check_ins_edit_delete(data_dir: Path, clock: FakeClock) -> None:
    one, two = windows(data_dir, clock)
    entry = one.add_checkin(5)
    (seen,) = two.recent_checkins(1)
    one.delete_checkin(entry)
    with pytest.raises(StaleEditError, match="deleted in another window"):
        two.update_merged(seen, note="more words")
    assert Store(data_dir, clock).checkins() == []
