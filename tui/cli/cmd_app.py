"""Open the full-screen app: home, or straight onto the check-in or a practice."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from tui.core.errors import InputError

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.content import Content


def _names(known: list[str]) -> str:
    """'a, b or c'."""
    return known[0] if len(known) == 1 else f"{', '.join(known[:-1])} or {known[-1]}"


def resolve_pattern(wanted: str, content: Content) -> str:
    """The breathing pattern id for what was typed ("4-7-8", "Box", "sigh", "custom")."""
    # The practices screen module holds the aliases; it is loaded now because the app opens it.
    from tui.core.practice import CUSTOM_PATTERN_ID, resolve_id
    from tui.screens.breathe import PATTERN_ALIASES

    known = [p.id for p in content.breathing] + [CUSTOM_PATTERN_ID]
    found = resolve_id(wanted, known, PATTERN_ALIASES)
    if found is None:
        raise InputError(
            f'There is no breathing pattern called "{wanted}". The patterns are: {_names(known)}.'
        )
    return found


def resolve_exercise(wanted: str, content: Content) -> str:
    """The grounding exercise id for what was typed ("54321", "Senses", "color")."""
    from tui.core.practice import resolve_id
    from tui.screens.ground import EXERCISE_ALIASES

    known = [g.id for g in content.grounding]
    found = resolve_id(wanted, known, EXERCISE_ALIASES)
    if found is None:
        raise InputError(
            f'There is no grounding exercise called "{wanted}". The exercises are: {_names(known)}.'
        )
    return found


def start_for(args: argparse.Namespace, content: Content) -> tuple[str, dict[str, object]]:
    """The first screen and its arguments for this command; unknown names are refused up front."""
    command: str | None = getattr(args, "command", None)
    if command == "checkin":
        return "checkin", {}
    if command == "breathe":
        pattern = getattr(args, "pattern", None)
        if pattern is None:
            return "breathe", {}
        return "breathe", {"pattern": resolve_pattern(pattern, content)}
    if command == "meditate":
        minutes = getattr(args, "minutes", None)
        return "meditate", ({} if minutes is None else {"minutes": float(minutes)})
    if command == "ground":
        exercise = getattr(args, "exercise", None)
        if exercise is None:
            return "ground", {}
        return "ground", {"exercise": resolve_exercise(exercise, content)}
    return "home", {}


def real_size_wins() -> bool:
    """Forget COLUMNS and LINES when the terminal can say its own size. True if it can.

    Textual asks `shutil.get_terminal_size`, which believes those variables first: a shell that
    exported them once (or a `sudo`, `screen` or script that kept them) left the app drawing for
    a size the window is not, even after a resize. They are dropped for this process only.
    """
    for stream in (sys.__stdout__, sys.__stderr__, sys.__stdin__):
        try:
            if stream is not None:
                os.get_terminal_size(stream.fileno())
                break
        except (OSError, ValueError):
            continue
    else:
        return False
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)
    return True


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run the app until the person leaves (or a signal ends it: see `tui.signals`); Textual
    restores the terminal on the way out."""
    import os

    from tui.cli.plain import wants_plain

    if wants_plain(getattr(args, "plain", None), os.environ):
        from tui.cli.plain.run import run_plain

        return run_plain(args, ctx)
    from tui import startup_gc

    startup_gc.pause()  # the app turns it back on once its first screen is painted
    content = ctx.content()
    start, start_args = start_for(args, content)
    from tui.cli.terminal_watch import missing_terminal, watch_for_hangup

    problem = missing_terminal()
    if problem is not None:
        # `thaw < /dev/null` or `thaw | cat` would draw a screen nobody can answer, forever.
        raise InputError(problem)
    watch_for_hangup()  # before anything that could wait: opening the data is one
    store = ctx.store()
    from tui import signals

    real_size_wins()
    from tui.app import ThawApp

    app = ThawApp(
        store,
        content,
        ctx.clock,
        start=start,
        start_args=start_args,
        exit_after_checkin=start == "checkin",
    )
    code = signals.run(app)
    if app.farewell:
        # After the full screen has gone: the saved line and its one suggestion stay visible,
        # wrapped between words to the window (a phone's 40 columns would cut "call" in two).
        print(farewell_lines(app.farewell))
    return code


def farewell_lines(lines: list[str], width: int | None = None) -> str:
    """The farewell as printed: each line cleaned and wrapped at word boundaries to `width`
    (the terminal's columns when not given)."""
    import os
    import sys
    import textwrap

    from tui.core.text import clean_line

    if width is None:
        try:  # the window itself, not COLUMNS (which may be stale)
            width = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            width = 80
    columns = width
    parts = [clean_line(part) for line in lines for part in line.splitlines()]
    return "\n".join(
        wrapped for part in parts for wrapped in textwrap.wrap(part, max(columns - 1, 20)) or [""]
    )
