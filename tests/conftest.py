"""Shared fixtures: a fixed clock, a private data directory, the app's words, one app factory."""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

import tui
from tests.proc_env import REPO, in_checkout
from tui import startup_gc
from tui.core.clock import FakeClock
from tui.core.content import Content

if TYPE_CHECKING:
    from tui.app import ThawApp
    from tui.core.store import Store

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
# pytest-xdist workers get the controlling terminal's size as COLUMNS/LINES; a child on a pty
# would take them over the pty's real size (and ignore every resize).
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)

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


_CONTENT: Content | None = None


def shared_content() -> Content:
    """The app's words, loaded once for the whole run: read-only, and slow to load each time."""
    global _CONTENT
    if _CONTENT is None:
        _CONTENT = Content()
    return _CONTENT


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped content (the same object for every test)."""
    return shared_content()


def make_app(
    data_dir: Path,
    clock: FakeClock,
    start: str = "home",
    start_args: dict[str, object] | None = None,
    *,
    exit_after_checkin: bool = False,
    **settings: object,
) -> tuple[ThawApp, Store]:
    """The one app factory: a ThawApp on a Store over `data_dir` with the fake clock, opened on
    `start`. Keyword `settings` are saved first (say `breath_rounds=3`). Calling it again on the
    same folder is a restart: a new Store reads what the last one wrote."""
    # Imported here: unit tests of the core load this file too and need no Textual.
    from tui.app import ThawApp
    from tui.core.store import Store

    store = Store(data_dir, clock)
    if settings:
        store.save_settings(dataclasses.replace(store.settings(), **settings))  # type: ignore[arg-type]
    app = ThawApp(
        store,
        shared_content(),
        clock,
        start=start,
        start_args=start_args or {},
        exit_after_checkin=exit_after_checkin,
    )
    return app, store
