"""Shared fixtures: a fixed clock and a private data directory per test."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

from tui import startup_gc
from tui.core.clock import FakeClock

# Tests see one fixed zone, so dates and snapshots do not depend on the machine.
os.environ["TZ"] = "Europe/London"
time.tzset()
os.environ.pop("THAW_DATA_DIR", None)
os.environ.pop("NO_COLOR", None)

LONDON = ZoneInfo("Europe/London")

# Property tests run on a fixed budget, the same examples every run (derandomized), so CI time
# and results do not vary; THAW_HYPOTHESIS=thorough searches much longer, by hand.
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=10_000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=2_000, deadline=10_000, database=None)
settings.load_profile(os.environ.get("THAW_HYPOTHESIS", "ci"))


@pytest.fixture
def clock() -> FakeClock:
    """Wednesday 25 November 2026, 09:30 in London."""
    return FakeClock(datetime(2026, 11, 25, 9, 30, tzinfo=LONDON))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory path that does not exist yet (the store creates it)."""
    return tmp_path / "thaw-data"


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """For tests that pause or freeze Python's cycle collector: afterwards it is on again,
    nothing is frozen, and `tui.startup_gc` has no pause of its own left to undo."""
    yield
    startup_gc._paused = False
    gc.unfreeze()
    gc.enable()
