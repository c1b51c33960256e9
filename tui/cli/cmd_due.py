"""`thaw due`: one gentle line when there is no check-in today; quiet otherwise. Always exit 0.

It runs at every login, so it stays small: no content, no argparse work beyond parsing, and
only the newest data file is read (the Store's `has_checkin_on`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.errors import DataError

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext

DUE_LINE = "No check-in yet today. `thaw checkin` takes a minute, whenever you like."


def _before_reminder(reminder: str, hour: int, minute: int) -> bool:
    """True when "HH:MM" is still ahead of hour:minute today (a malformed time never hides it)."""
    try:
        want_hour, want_minute = (int(part) for part in reminder.split(":", 1))
    except ValueError:
        return False
    return (hour, minute) < (want_hour, want_minute)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        store = ctx.store()
        now = ctx.clock.now()
        if store.has_checkin_on(now.date()):
            return 0
        reminder = store.settings().reminder_time
        if reminder and _before_reminder(reminder, now.hour, now.minute):
            return 0
    except DataError:
        # At login a data problem must not shout: one short line, and doctor explains.
        ctx.out("Thaw couldn't read its data just now; `thaw doctor` will say why.")
        return 0
    ctx.out(DUE_LINE)
    return 0
