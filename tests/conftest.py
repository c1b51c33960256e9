"""Shared fixtures: a fixed clock, a private data directory, the app's words, one app factory."""

from __future__ import annotations

import compileall
import dataclasses
import gc
import os
import sys
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


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Three workers per core for `-n auto`: a pty, CLI or timer test spends much of its time
    waiting on the clock or a child process, and the extra workers fill that time. Measured in
    bench/README.md ("Session 5"): on 2 cores, 4 workers kept the cores busy 81% of the run,
    6 workers 94% (203 s -> 178 s); 8 were no faster and cost each worker's start-up again."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS has no affinity call
        cores = os.cpu_count() or 1
    return 3 * cores


def _share_parsed_css() -> None:
    """Parse each piece of Textual CSS once per test process, not once per app.

    Every pilot test builds a new app, and each app's stylesheet parsed the same CSS again
    (Thaw's and every widget's DEFAULT_CSS): about a tenth of booting a screen. Textual keeps
    parsed rules per stylesheet, keyed by the CSS and where it came from; this keeps them per
    process, keyed also by the theme's variables, which are all the parse reads besides. The
    rules are only read once made (Textual shares them between its own re-parses the same way).
    A person's app is one app in one process and parses each piece once either way.
    """
    from textual.css.model import RuleSet
    from textual.css.stylesheet import Stylesheet
    from textual.css.types import CSSLocation

    parse_rules = Stylesheet._parse_rules
    shared: dict[tuple[object, ...], list[RuleSet]] = {}

    def _parse_rules(
        self: Stylesheet,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (tuple(self._variables.items()), css, read_from, is_default_rules, tie_breaker, scope)
        rules = shared.get(key)
        if rules is None:
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            shared[key] = rules
        return rules

    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


def pytest_configure(config: pytest.Config) -> None:
    """Collect cycles less often in the test processes (each xdist worker runs this too).

    Every pilot test builds and drops a whole app, a few hundred thousand objects; with
    Python's default thresholds the collector ran about 60 times a test and took a fifth of a
    UI test's CPU, scanning the same long-lived objects again. Fewer, larger collections free
    the same garbage. The app's own processes (CLI and pty tests) keep Python's defaults.
    """
    gc.set_threshold(20_000, 20, 20)
    _share_parsed_css()
    # Every child process (each `python -m tui` a CLI or pty test starts) imports the checkout's
    # code. Installed, that code is byte-compiled (pip does it); here, with
    # PYTHONDONTWRITEBYTECODE set as on this machine and CI, each child compiled every module it
    # imports again, about 0.2 s of CPU for a full-screen child. Compile once, first, as
    # pip would (`compileall` writes whatever that variable says; an unchanged file is skipped).
    # The test modules' own rewritten copies are kept too, so xdist workers share them.
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(REPO / "tui", quiet=1)
    sys.dont_write_bytecode = False
    if not hasattr(config, "workerinput") and config.getoption("numprocesses", None):
        _rewrite_test_modules_once()


def _rewrite_test_modules_once() -> None:
    """Before xdist starts its workers, let pytest rewrite (and keep) each test module once.

    Each worker imports every test module to collect the suite, and pytest rewrites a module's
    asserts on import unless a rewritten copy is kept. In a fresh checkout (as in CI) none is,
    so every worker rewrote all of them at the same moment: about 3.4 s of CPU each, twice
    what the collection costs with the copies kept. Importing the modules here, first, makes
    pytest's own import hook write them; a checkout whose copies are current skips this.
    """
    import importlib

    from _pytest.assertion.rewrite import PYC_TAIL

    for path in sorted((REPO / "tests").rglob("*.py")):
        if not (path.name.startswith("test_") or path.name == "conftest.py"):
            continue
        kept = path.parent / "__pycache__" / (path.stem + PYC_TAIL)
        if kept.exists() and kept.stat().st_mtime >= path.stat().st_mtime:
            continue
        name = ".".join(path.relative_to(REPO).with_suffix("").parts)
        importlib.import_module(name)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """One full collection, then freeze what is left: pytest's own clean-up collects five
    times more to surface errors raised in `__del__` (still raised here, by this collection),
    and each of those scanned the whole heap again, about 2 s per worker."""
    gc.collect()
    gc.freeze()


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
