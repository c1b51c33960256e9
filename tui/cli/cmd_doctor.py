"""`thaw doctor`: check files, permissions, backups and Thaw's own words; say what to do."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import InputError
from tui.core.paths import command
from tui.core.storage import layout

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.store import Store

CONTENT_PARTS = (
    "families",
    "emotions",
    "breathing",
    "grounding",
    "meditation",
    "ideas",
    "plan",
    "resources",
    "suggestions",
    "reflection",
    "safety_plan",
    "about",
)
KEEP_AS_IS_HINT = (
    "If you would rather leave things as they are, {command} stops these "
    "reminders; the damaged copies stay in quarantine/."
)


def content_problem(ctx: CliContext) -> str | None:
    """Load every content file; the loader's message names the file and key when one is bad."""
    from tui.core.content import ContentError

    try:
        content = ctx.content()
        for part in CONTENT_PARTS:
            getattr(content, part)
    except ContentError as err:
        return f"{err} Reinstalling Thaw puts its own files back."
    return None


def data_files(root: Path) -> list[Path]:
    """The live data files (not backups, quarantined files, the lock or temp files)."""
    if not root.is_dir():
        return []
    return [root / rel for rel in layout.data_files(root) if (root / rel).is_file()]


def _backup_day(day_text: str, store: Store) -> date:
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise InputError(f'"{day_text}" isn\'t a day like 2026-11-20.') from None
    days = store.backups()
    if day not in days:
        known = ", ".join(d.isoformat() for d in days) or "none yet"
        raise InputError(f"There's no backup from {day}. Backups there are: {known}.")
    return day


def _restore(args: argparse.Namespace, store: Store, ctx: CliContext) -> int:
    """Put back the damaged files (or, with --all, every file) from one day's backup."""
    day = _backup_day(args.restore, store)
    if args.all:
        results = store.restore_backup(day, with_deleted=args.with_deleted)
    else:
        waiting = store.damaged_files()
        if not waiting:
            ctx.out(
                "No file is waiting to be put back, so nothing was changed. To put back every "
                "file of that day's backup anyway, merged with what you saved since: "
                + command(f"doctor --restore {day.isoformat()} --all")
            )
            return 0
        results = store.restore_damaged(day)
    for result in results:
        ctx.out(result.message)
    left = store.damaged_files() if not args.all else []
    for damaged in left:
        if damaged.backup is not None:
            ctx.out(
                f"{damaged.rel} was not put back: the backup from {day.isoformat()} was taken "
                f"after it was set aside. To put back {damaged.backup.described}, run: "
                f"{damaged.restore_command}"
            )
        else:
            ctx.out(f"{damaged.rel} has no backup from before it was set aside to put back.")
    if not results:
        if args.all:
            ctx.out("That day's backup holds no files, so nothing was changed.")
        return 1
    return 1 if left else 0


def _keep_as_is(store: Store, ctx: CliContext) -> int:
    marked = store.keep_as_is()
    if not marked:
        ctx.out("No file is waiting to be put back, so there is nothing to settle.")
        return 0
    names = ", ".join(d.rel for d in marked)
    ctx.out(
        f"Left as they are: {names}. Thaw will stop reminding you about "
        f"{'it' if len(marked) == 1 else 'them'}. The damaged "
        f"cop{'y stays' if len(marked) == 1 else 'ies stay'} in quarantine/, nothing was deleted."
    )
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.all and not args.restore:
        raise InputError(
            "--all goes with --restore DAY, e.g. " + command("doctor --restore 2026-11-20 --all")
        )
    if args.with_deleted and not args.all:
        raise InputError(
            "--with-deleted goes with --restore DAY --all, e.g. "
            + command("doctor --restore 2026-11-20 --all --with-deleted")
        )
    if args.keep_as_is and args.restore:
        raise InputError("Use either --restore or --keep-as-is, not both at once.")
    store = ctx.store()
    if args.restore or args.keep_as_is:
        store.scan()  # the full check first, so a file damaged since is found and set aside
        return _restore(args, store, ctx) if args.restore else _keep_as_is(store, ctx)
    problems = store.doctor()  # the full check: every file read once
    serious = False
    for problem in problems:
        ctx.out(f"- {problem.message}")
        serious = serious or problem.serious
    wrong_settings = store.settings_problems()
    for sentence in wrong_settings.values():
        ctx.out(f"- {sentence}")
    words = content_problem(ctx)
    if words:
        ctx.out(f"- {words}")
        serious = True
    ahead = store.future_backups()
    # A folder dated after today is told above; the days offered are those up to today.
    backups = [day for day in store.backups() if day not in ahead]
    if serious:
        if store.damaged_files():
            ctx.out(KEEP_AS_IS_HINT.format(command=command("doctor --keep-as-is")))
        elif backups:
            days = ", ".join(d.isoformat() for d in backups)
            ctx.out(
                f"Backups kept: {days}. To put back every file of one day, merged with what "
                f"you saved since: {command(f'doctor --restore {backups[0].isoformat()} --all')}"
            )
        else:
            ctx.out("There is no backup to put back yet.")
        return 1
    newest = backups[0].isoformat() if backups else "none yet (one is made each day you save)"
    count = len(data_files(store.data_dir))
    # Told above, not trouble with the files: a setting is put right on the settings screen.
    well = "Otherwise all well" if ahead or wrong_settings else "All well"
    ctx.out(
        f"{well}. Your data is in {store.data_dir} ({count} file{'s' if count != 1 else ''}); "
        f"newest backup: {newest}."
    )
    return 0
