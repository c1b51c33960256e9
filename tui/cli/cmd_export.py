"""`thaw export [--format json|csv|md] [-o FILE]`: everything out, to keep, move or read.

The filters (--from, --to, --tag, --feeling, --grep) narrow the check-ins; a JSON export
keeps everything else (sessions, markers, plan, contacts, settings) whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.cli.filters import emotion_names, filter_from_args, has_filters
    from tui.core.exchange.codec import Bundle
    from tui.core.exchange.thaw_csv import checkins_to_csv
    from tui.core.exchange.thaw_json import bundle_to_json
    from tui.core.output_file import write_output
    from tui.core.outward import escape_json

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
    to_file = bool(args.output and args.output != "-")
    if args.format != "csv":
        # JSON stays exact: unsafe characters become \u escapes, and under an ASCII or Latin-1
        # terminal every non-ASCII letter does too. CSV cells were cleaned as they were written.
        text = escape_json(text, ascii_only=not to_file and not ctx.stdout_takes_unicode())
    if to_file:
        path = write_output(Path(args.output), text)
        ctx.err(f"Exported {what} to {path}. It holds your notes, so keep it somewhere private.")
        return 0
    ctx.write(text)
    return 0
