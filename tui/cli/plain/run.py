"""Plain mode's way in: the command (checkin, breathe, meditate), or a short menu for none."""

from __future__ import annotations

import signal
from types import FrameType
from typing import TYPE_CHECKING

from tui.cli.plain.lines import Ended, PlainIO

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext

SUPPORT_LINE = "If things feel hard, `thaw support` shows support lines."
SUPPORT_POINTER = (
    "If things feel hard, `thaw support` shows support lines; you can also type s here."
)
MENU = (
    "What would you like? c to check in, b to breathe, m to sit quietly for a few minutes, "
    "g to ground yourself, s for support lines, q to leave."
)


def _hang_up(signum: int, frame: FrameType | None) -> None:
    # An SSH drop or a kill: end the question being asked the way Ctrl+D does, so the
    # check-in so far is kept as a draft before Thaw goes.
    raise KeyboardInterrupt


def _support(ctx: CliContext, io: PlainIO) -> None:
    from tui.cli.plain.support import support_lines

    for line in support_lines(ctx.content(), ctx.store().settings().country):
        io.say(line)


def _last_words(ctx: CliContext, io: PlainIO) -> None:
    """The line that keeps support one step away, as F2 does in the app."""
    try:
        if io.ask(SUPPORT_POINTER + " Enter to finish.").strip().lower() == "s":
            _support(ctx, io)
    except Ended:
        io.say()


def run_plain(args: argparse.Namespace, ctx: CliContext, io: PlainIO | None = None) -> int:
    from tui.cli.plain import practice
    from tui.cli.plain.checkin import run_checkin

    io = io or PlainIO()
    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, _hang_up)
    command = getattr(args, "command", None)
    if command == "checkin":
        if run_checkin(ctx, io) is None:
            io.say(SUPPORT_LINE)  # stopped: leave at once, with support still named
            return 0
    elif command == "breathe":
        practice.breathe(ctx, io, getattr(args, "pattern", None))
    elif command == "meditate":
        practice.meditate(ctx, io, getattr(args, "minutes", None))
    elif command == "ground":
        from tui.cli.plain.ground import ground

        ground(ctx, io, getattr(args, "exercise", None))
    else:
        io.say("Thaw, in plain lines.")
        while True:
            try:
                choice = io.ask(MENU).strip().lower()
            except Ended:
                io.say()
                return 0
            if choice == "c":
                run_checkin(ctx, io)
            elif choice == "b":
                practice.breathe(ctx, io, None)
            elif choice == "m":
                practice.meditate(ctx, io, None)
            elif choice == "g":
                from tui.cli.plain.ground import ground

                ground(ctx, io, None)
            elif choice == "s":
                _support(ctx, io)
            elif choice in ("q", "quit", "exit"):
                return 0
    _last_words(ctx, io)
    return 0
