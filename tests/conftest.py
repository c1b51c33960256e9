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

import tui
from tests.proc_env import REPO, in_checkout
from tui import startup_gc
from tui.core.clock import FakeClock

# The suite tests the code in this checkout, never an installed copy (after a non-editable
# `pip install .` one sits in site-packages): stop at once, loudly, if pytest found that one.
if not in_checkout(tui.__file__):
    raise pytest.UsageError(
        f"The tests imported tui from {tui.__file__}, not from the checkout {REPO}. "
        "Run them from the checkout with `python -m pytest`."
    )

# Tests see one fixed zone, so dates and snapshots do not depend on the machine.
os.environ["TZ"] = "Europe/London"
time.tzset()
os.environ.pop("THAW_DATA_DIR", None)
os.environ.pop("NO_COLOR", None)

LONDON = ZoneInfo("Europe/London")


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
