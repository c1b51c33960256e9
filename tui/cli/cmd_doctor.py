"""`thaw doctor`: check files, permissions, backups and Thaw's own words; say what to do."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import InputError

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
    "about",
)
SET_ASIDE = {"backups", "quarantine"}  # folders that are not live data


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
    return [
        path
        for path in root.rglob("*")
        if path.is_file()
        and not path.name.startswith(".")
        and not SET_ASIDE.intersection(path.relative_to(root).parts)
    ]


def _restore(day_text: str, store: Store, ctx: CliContext) -> int:
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise InputError(f'"{day_text}" isn\'t a day like 2026-11-20.') from None
    days = store.backups()
    if day not in days:
        known = ", ".join(d.isoformat() for d in days) or "none yet"
        raise InputError(f"There's no backup from {day}. Backups there are: {known}.")
    store.restore_backup(day)
    ctx.out(f"Put back the backup from {day}. The files it replaced were moved aside, not deleted.")
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    if args.restore:
        return _restore(args.restore, store, ctx)
    problems = list(store.problems)
    for problem in store.doctor():
        if problem not in problems:
            problems.append(problem)
    serious = False
    for problem in problems:
        ctx.out(f"- {problem.message}")
        serious = serious or problem.serious
    words = content_problem(ctx)
    if words:
        ctx.out(f"- {words}")
        serious = True
    backups = store.backups()
    if serious:
        if backups:
            days = ", ".join(d.isoformat() for d in backups)
            ctx.out(
                f"Backups you can put back: {days}. "
                f"For example: thaw doctor --restore {backups[0].isoformat()}"
            )
        else:
            ctx.out("There is no backup to put back yet.")
        return 1
    newest = backups[0].isoformat() if backups else "none yet (one is made each day you save)"
    count = len(data_files(store.data_dir))
    ctx.out(
        f"All well. Your data is in {store.data_dir} ({count} file{'s' if count != 1 else ''}); "
        f"newest backup: {newest}."
    )
    return 0
