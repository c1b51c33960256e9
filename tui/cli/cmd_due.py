"""`thaw due`: one gentle line when there is no check-in today; quiet otherwise. Exit 0.

`due --quiet` prints nothing and answers in its exit status, as `test` does, so that
`thaw due --quiet && echo due` reads as it says: 0 when a check-in is due, 1 when not (and 1
when the data can't be read: a script should not send someone to a check-in that may fail).
`--install`/`--uninstall` live in `tui.cli.login_line`, imported only for them.

It runs at every login, so it stays small: the storage layer's quick path reads only the
current month's file and settings, without the Store, the models or TinyDB. When that path
is unsure (a file that needs setting aside, a link...), the full Store looks instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.errors import DataError, InputError
from tui.core.paths import command
from tui.core.storage.quick import quick_has_checkin_on, quick_setting

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext

DUE_LINE = "No check-in yet today. `{checkin}` takes a minute, whenever you like."
TROUBLE_LINE = "Thaw couldn't read its data just now; `{doctor}` will say why."


def _before_reminder(reminder: object, hour: int, minute: int) -> bool:
    """True when "HH:MM" is still ahead of hour:minute today (a malformed time never hides it:
    "25:99" is checked by the same rule as a typed time, and then any time is the reminder)."""
    if not reminder:
        return False  # most people: no reminder time, and `due` never loads the rules
    from tui.core.records.rules import check_reminder_time  # off the quick path

    try:
        checked = check_reminder_time(reminder)
    except InputError:
        return False
    if not checked:
        return False
    want_hour, want_minute = (int(part) for part in checked.split(":", 1))
    return (hour, minute) < (want_hour, want_minute)


def _checked_in_today(ctx: CliContext) -> tuple[bool, object]:
    """(has a check-in today, reminder time setting), the quick way when it can be trusted."""
    today = ctx.clock.now().date()
    quick = quick_has_checkin_on(ctx.data_dir, today)
    if quick is not None:
        return quick, quick_setting(ctx.data_dir, "reminder_time")
    store = ctx.store()
    return store.has_checkin_on(today), store.settings().reminder_time


def is_due(ctx: CliContext) -> bool | None:
    """True when a check-in is due now, False when not, None when the data can't be read."""
    try:
        done_today, reminder = _checked_in_today(ctx)
    except (DataError, OSError):
        return None
    now = ctx.clock.now()
    return not (done_today or _before_reminder(reminder, now.hour, now.minute))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if getattr(args, "install", False) or getattr(args, "uninstall", False):
        return _login_line(args, ctx)
    due = is_due(ctx)
    if getattr(args, "quiet", False):
        return 0 if due else 1
    if due is None:
        # At login a data problem must not shout: one short line, and doctor explains.
        ctx.out(TROUBLE_LINE.format(doctor=command("doctor")))
    elif due:
        ctx.out(DUE_LINE.format(checkin=command("checkin")))
    return 0


def _login_line(args: argparse.Namespace, ctx: CliContext) -> int:
    import os
    import sys
    from pathlib import Path

    from tui.cli import login_line
    from tui.core.errors import InputError

    if args.install and args.uninstall:
        raise InputError("--install or --uninstall, one at a time.")
    profile = login_line.profile_for(os.environ.get("SHELL", ""), Path.home())
    if args.uninstall:
        return login_line.uninstall(profile, out=ctx.out)
    ask = None
    if args.yes:
        ask = _yes
    elif sys.stdin.isatty() and sys.stdout.isatty():
        ask = login_line.ask_on_tty
    command = login_line.thaw_command(sys.argv[0], args.data_dir)
    return login_line.install(profile, command, ask=ask, out=ctx.out)


def _yes(question: str) -> bool:
    return True
