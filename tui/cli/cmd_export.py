"""`thaw export [--format json|csv|md] [-o FILE]`: everything out, to keep, move or read.

The filters (--from, --to, --tag, --feeling, --grep) narrow the check-ins; a JSON export
keeps everything else (sessions, markers, plan, contacts, settings) whole.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import DataError

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` as a whole (temp file + rename), readable only by its owner."""
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise DataError(
            f"Thaw can't write into {folder.resolve()} ({(err.strerror or str(err)).lower()})."
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(0o600)
        Path(temp).replace(path)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise DataError(
            f"Thaw couldn't write {path} ({(err.strerror or str(err)).lower()})."
        ) from None


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.cli.filters import emotion_names, filter_from_args, has_filters
    from tui.core.exchange import Bundle, bundle_to_json, checkins_to_csv

    wanted = filter_from_args(args, ctx) if has_filters(args) else None
    store = ctx.store()
    checkins = store.checkins()
    if wanted is not None:
        checkins = wanted.apply(checkins, emotion_names(ctx) if wanted.words else {})
    if args.format == "md":
        from tui.core.journal_md import journal_markdown

        text = journal_markdown(checkins, emotion_names(ctx), ctx.clock.now())
        what = f"{len(checkins):,} check-ins as a journal"
    elif args.format == "csv":
        text = checkins_to_csv(checkins)
        what = f"{len(checkins):,} check-ins"
    else:
        bundle = Bundle(
            checkins=tuple(checkins),
            sessions=tuple(store.sessions()),
            markers=tuple(store.markers()),
            plan=tuple(store.plan_items()),
            contacts=tuple(store.contacts()),
            settings=store.settings(),
        )
        text = bundle_to_json(bundle, ctx.clock.now())
        what = (
            f"{len(bundle.checkins):,} check-ins, {len(bundle.sessions):,} practice sessions "
            f"and {len(bundle.markers):,} markers"
        )
    ctx.report_open_problems()
    if args.output and args.output != "-":
        path = Path(args.output).expanduser()
        write_private(path, text)
        ctx.err(f"Exported {what} to {path}. It holds your notes, so keep it somewhere private.")
        return 0
    # Raw on purpose: an export must hold exactly what was saved (JSON escapes control chars;
    # CSV is meant for a file, and the notes in it were cleaned when they were saved).
    sys.stdout.write(text)
    return 0
