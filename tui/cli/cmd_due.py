"""`thaw due`: one gentle line when there is no check-in today; quiet otherwise. Always exit 0.

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


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        done_today, reminder = _checked_in_today(ctx)
    except (DataError, OSError):
        # At login a data problem must not shout: one short line, and doctor explains.
        ctx.out(TROUBLE_LINE.format(doctor=command("doctor")))
        return 0
    now = ctx.clock.now()
    if done_today or _before_reminder(reminder, now.hour, now.minute):
        return 0
    ctx.out(DUE_LINE.format(checkin=command("checkin")))
    return 0
