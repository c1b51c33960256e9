"""The safety plan is kept like settings: in the person's words, locked, atomic, revisioned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.clock import FakeClock
from tui.core.errors import StaleEditError
from tui.core.safety_plan import SECTIONS, SafetyPlan, plan_from_doc, plan_to_doc
from tui.core.store import Store


def test_a_new_person_has_an_empty_plan_and_no_file(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    plan = store.safety_plan()
    assert plan.is_empty and not plan.in_summary
    assert not (data_dir / "safety_plan.json").exists()


def test_what_is_written_is_kept_in_the_persons_words(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    plan = store.safety_plan().with_text("people", "Sam, 07700 900123\nMy sister")
    saved = store.save_safety_plan(plan)
    assert saved.rev == 2
    again = Store(data_dir, clock).safety_plan()
    assert again.people == "Sam, 07700 900123\nMy sister"
    assert again.rev == 2
    assert ((data_dir / "safety_plan.json").stat().st_mode & 0o777) == 0o600


def test_a_stale_edit_is_refused_not_silently_applied(data_dir: Path, clock: FakeClock) -> None:
    first, second = Store(data_dir, clock), Store(data_dir, clock)
    old = first.safety_plan()
    first.save_safety_plan(old.with_text("warning_signs", "Not sleeping"))
    with pytest.raises(StaleEditError):
        second.save_safety_plan(old.with_text("warning_signs", "Something else"))
    assert Store(data_dir, clock).safety_plan().warning_signs == "Not sleeping"


def test_control_characters_never_reach_the_file_or_the_screen(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.save_safety_plan(store.safety_plan().with_text("what_matters", "my cat\x1b[2J\u202e"))
    raw = (data_dir / "safety_plan.json").read_text(encoding="utf-8")
    assert "\\u001b" not in raw and "\x1b" not in raw
    assert store.safety_plan().what_matters == "my cat"


def test_a_hand_edited_file_with_odd_values_still_opens() -> None:
    plan = plan_from_doc({"people": 3, "in_summary": "yes", "rev": True, "on_my_own": "walk"})
    assert plan == SafetyPlan(on_my_own="walk")


def test_the_codec_round_trips_every_heading() -> None:
    plan = SafetyPlan(**{s: f"text for {s}" for s in SECTIONS}, in_summary=True, rev=4)
    assert plan_from_doc(json.loads(json.dumps(plan_to_doc(plan)))) == plan


def test_saving_backs_up_the_days_first_version(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    saved = store.save_safety_plan(store.safety_plan().with_text("people", "Sam"))
    store.save_safety_plan(saved.with_text("people", "Sam and Jo"))
    assert list((data_dir / "backups").glob("*/safety_plan.json"))
