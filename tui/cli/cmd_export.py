"""`thaw export [--format json|csv|md] [-o FILE]`: everything out, to keep, move or read.

The filters (--from, --to, --tag, --feeling, --grep) narrow the check-ins; a JSON export
keeps everything else (sessions, markers, plan, contacts, settings) whole.

The export streams: a month of check-ins is read, filtered, turned into text, written and let
go before the next month is read, so thirty years cost about the memory of one month
(bench/README.md, thin links). With -o the pieces go into a temp file beside the target, which
replaces it only once it is whole and on disk (tui/core/output_file.py). The Markdown journal
is written newest first, so it is built from the check-ins read whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.entry_filter import EntryFilter
    from tui.core.records.models import CheckIn

T = TypeVar("T")


def _counted(groups: Iterable[list[T]], counts: dict[str, int], name: str) -> Iterator[list[T]]:
    """The groups as they come, adding up their records in `counts[name]`."""
    counts[name] = 0
    for group in groups:
        counts[name] += len(group)
        yield group


def _narrowed(
    groups: Iterable[list[CheckIn]], wanted: EntryFilter | None, names: dict[str, str]
) -> Iterator[list[CheckIn]]:
    """Each month's check-ins, only those the filters keep (all of them without filters)."""
    for group in groups:
        yield group if wanted is None else wanted.apply(group, names)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.cli.filters import emotion_names, filter_from_args, has_filters
    from tui.core.exchange.stream import by_month
    from tui.core.exchange.thaw_csv import checkins_csv_pieces
    from tui.core.exchange.thaw_json import thaw_json_pieces
    from tui.core.output_file import write_output_chunks
    from tui.core.outward import escape_json

    wanted = filter_from_args(args, ctx) if has_filters(args) else None
    names = emotion_names(ctx) if wanted is not None and wanted.words else {}
    store = ctx.store()
    counts: dict[str, int] = {}
    months = _narrowed(by_month(store.collection("checkins")), wanted, names)
    checkins = _counted(months, counts, "checkins")
    to_file = bool(args.output and args.output != "-")
    pieces: Iterable[str]
    if args.format == "md":
        from tui.core.journal_md import journal_markdown

        every = [c for month in checkins for c in month]
        pieces = [journal_markdown(every, emotion_names(ctx), ctx.clock.now())]
    elif args.format == "csv":
        pieces = checkins_csv_pieces(checkins)  # cells are cleaned as they are written
    else:
        sessions = _counted(by_month(store.collection("sessions")), counts, "sessions")
        markers = store.markers()
        counts["markers"] = len(markers)
        json_pieces = thaw_json_pieces(
            ctx.clock.now(),
            checkins,
            sessions,
            markers,
            store.plan_items(),
            store.contacts(),
            store.settings(),
        )
        # JSON stays exact: unsafe characters become \u escapes, and under an ASCII or Latin-1
        # terminal every non-ASCII letter does too.
        ascii_only = not to_file and not ctx.stdout_takes_unicode()
        pieces = (escape_json(piece, ascii_only=ascii_only) for piece in json_pieces)
    if to_file:
        path = write_output_chunks(Path(args.output), pieces)
    else:
        for piece in pieces:
            ctx.write(piece)
    ctx.report_open_problems()  # what reading found, now that everything has been read
    what = f"{counts['checkins']:,} check-ins"
    if args.format == "md":
        what += " as a journal"
    elif args.format != "csv":
        what += f", {counts['sessions']:,} practice sessions and {counts['markers']:,} markers"
    if to_file:
        ctx.err(f"Exported {what} to {path}. It holds your notes, so keep it somewhere private.")
    return 0
