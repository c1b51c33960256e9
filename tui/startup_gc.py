"""Python's cycle collector during start-up: only young objects collected until the first paint.

Starting the app imports Textual and builds the first screen: a few hundred thousand objects,
nearly all of which live as long as the app. The full collections, run each time the long-lived
objects grow by a quarter, scanned them again and again before the first paint (about 30 ms of
CPU on a slow machine) and found almost nothing to free. So until that paint the app runs only
the young collections, which look at the newest objects alone and free start-up's short-lived
cycles as they go (switching the collector off altogether kept those until the paint: a third
of a MiB of the app's peak memory). Then it freezes what start-up made (later collections need
not scan it again) and collects as usual.

Only the full-screen app does this (`tui.cli.cmd_app`); the short commands leave it alone.
"""

from __future__ import annotations

import gc

NEVER = 1 << 30
"""A third threshold that a start-up's few thousand young collections never reach."""

_thresholds: tuple[int, int, int] | None = None  # Python's own, while our pause lasts


def pause() -> None:
    """Run only the young collections until `resume`; nothing if the collector is off."""
    global _thresholds
    if gc.isenabled() and _thresholds is None:
        _thresholds = gc.get_threshold()
        gc.set_threshold(_thresholds[0], _thresholds[1], NEVER)


def resume() -> None:
    """Freeze what exists now and collect as usual again; only undoes our own `pause`."""
    global _thresholds
    if _thresholds is not None:
        gc.freeze()
        gc.set_threshold(*_thresholds)
        _thresholds = None


def paused() -> bool:
    """Whether our pause is on (the full collections held back)."""
    return _thresholds is not None
