"""Only young objects are collected during start-up, and only our own pause is undone."""

from __future__ import annotations

import gc
import weakref

import pytest

from tui import startup_gc

pytestmark = pytest.mark.usefixtures("collector_restored")


def test_pause_then_resume_freezes_what_exists_and_collects_again() -> None:
    own = gc.get_threshold()
    startup_gc.pause()
    assert gc.isenabled() and startup_gc.paused()
    assert gc.get_threshold() == (own[0], own[1], startup_gc.NEVER)  # no full collections
    made: list[list[int]] = [[] for _ in range(10)]  # made while paused, as start-up's objects are
    startup_gc.resume()
    assert gc.isenabled() and not startup_gc.paused()
    assert gc.get_threshold() == own
    assert gc.get_freeze_count() >= len(made)
    collected_from = {id(o) for o in gc.get_objects()}  # frozen objects are in no generation
    assert not any(id(m) in collected_from for m in made)
    startup_gc.resume()  # a second resume changes nothing
    assert gc.isenabled() and gc.get_threshold() == own


def test_start_up_garbage_is_freed_while_paused() -> None:
    """Cycles made and dropped during start-up go in the young collections as they come,
    without anyone calling the collector (switched off, it kept them all until the paint)."""

    class Node:
        def __init__(self) -> None:
            self.me = self

    startup_gc.pause()
    watched = []
    for _ in range(5000):
        watched.append(weakref.ref(Node()))  # each a cycle nothing else refers to
    alive = sum(1 for ref in watched if ref() is not None)
    startup_gc.resume()
    assert alive < 1000


def test_resume_without_our_pause_leaves_the_collector_alone() -> None:
    gc.disable()  # someone else's choice (a test runner, an embedding program)
    startup_gc.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
    startup_gc.pause()  # already off: not ours to undo
    assert not startup_gc.paused()
    startup_gc.resume()
    assert not gc.isenabled()
