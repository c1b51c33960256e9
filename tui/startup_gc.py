"""Python's cycle collector during start-up: paused until the first screen is on the terminal.

Starting the app imports Textual and builds the first screen: a few hundred thousand objects,
nearly all of which live as long as the app. The collector, run every 700 new objects, scanned
them about a hundred times before the first paint (about 30 ms of CPU on a slow machine) and found
almost nothing to free. So the app pauses it for that half second, then freezes what start-up
made (later collections need not scan it again) and turns it back on.

Only the full-screen app does this (`tui.cli.cmd_app`); the short commands leave it alone.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting until `resume`; does nothing if the collector is already off."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what exists now and collect as usual again; only undoes our own `pause`."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
