"""The collector is paused for start-up only, and only our own pause is undone."""

from __future__ import annotations

import gc

import pytest

from tui import startup_gc

pytestmark = pytest.mark.usefixtures("collector_restored")


def test_pause_then_resume_freezes_what_exists_and_collects_again() -> None:
    startup_gc.pause()
    assert not gc.isenabled()
    made: list[list[int]] = [[] for _ in range(10)]  # made while paused, as start-up's objects are
    startup_gc.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    collected_from = {id(o) for o in gc.get_objects()}  # frozen objects are in no generation
    assert not any(id(m) in collected_from for m in made)
    startup_gc.resume()  # a second resume changes nothing
    assert gc.isenabled()


def test_resume_without_our_pause_leaves_the_collector_alone() -> None:
    gc.disable()  # someone else's choice (a test runner, an embedding program)
    startup_gc.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
    startup_gc.pause()  # already off: not ours to undo
    startup_gc.resume()
    assert not gc.isenabled()
