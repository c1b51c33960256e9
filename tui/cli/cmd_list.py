"""`thaw list [--days N] [--from/--to/--tag/--feeling/--grep] [--json]`: check-ins as a table.

With --from or --to the range replaces --days; the other filters narrow either.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

from tui.cli.filters import emotion_names, filter_from_args, has_filters
from tui.core.paths import command
from tui.core.text import clean_line

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.records.models import CheckIn

NOTE_WIDTH = 40
PUBLIC_KEYS = ("id", "at", "mood", "feel", "emotions", "note", "tags")


def _first_line(note: str) -> str:
    line = note.strip().split("\n", 1)[0]
    more = "\n" in note.strip()
    if len(line) > NOTE_WIDTH:
        return line[: NOTE_WIDTH - 1] + "…"
    return line + (" …" if more else "")


def format_table(checkins: list[CheckIn], names: dict[str, str]) -> str:
    """Date, time, mood, feel, emotions, tags and the note's first line, one row a check-in."""
    rows = [("date", "time", "mood", "feel", "emotions", "tags", "note")]
    for c in checkins:
        rows.append(
            (
                c.at.strftime("%a %Y-%m-%d"),
                c.at.strftime("%H:%M"),
                str(c.mood),
                "" if c.feel is None else str(c.feel),
                ", ".join(names.get(e, e.replace("_", " ")) for e in c.emotions),
                " ".join(f"#{clean_line(t)}" for t in c.tags),
                _first_line(c.note),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.core.exchange.codec import checkin_to_dict
    from tui.core.outward import escape_json

    wanted = filter_from_args(args, ctx)
    store = ctx.store()
    today = ctx.clock.now().date()
    names = emotion_names(ctx) if wanted.words else {}
    if wanted.since is None and wanted.until is None:
        checkins = wanted.apply(store.checkins(since=today - timedelta(days=args.days - 1)), names)
    else:
        since, until = wanted.days
        checkins = wanted.apply(store.checkins(since=since, until=until), names)
    if args.json:
        records = [{k: checkin_to_dict(c)[k] for k in PUBLIC_KEYS} for c in checkins]
        # Exact, but with C1 controls and bidi overrides as \u escapes: nothing raw reaches the
        # terminal, and the array still reads back to the same notes.
        text = json.dumps(records, ensure_ascii=False, indent=2)
        ctx.write(escape_json(text, ascii_only=not ctx.stdout_takes_unicode()) + "\n")
        return 0
    ctx.report_open_problems()
    if not checkins:
        if has_filters(args):
            ctx.out("No check-ins match that. Fewer filters, or a wider --from/--to, show more.")
            return 0
        span = "today" if args.days == 1 else f"the last {args.days} days"
        ctx.out(f"No check-ins in {span}. `{command('log 6')}` or `{command('checkin')}` adds one.")
        return 0
    ctx.out(format_table(checkins, names or emotion_names(ctx)))
    return 0
