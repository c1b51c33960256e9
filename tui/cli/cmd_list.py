"""`thaw list [--days N] [--json]`: recent check-ins as a table or a JSON array."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

from tui.core.paths import command

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.records.models import CheckIn

NOTE_WIDTH = 40
PUBLIC_KEYS = ("id", "at", "mood", "feel", "emotions", "note", "tags")


def _emotion_names(ctx: CliContext) -> dict[str, str]:
    """id -> name ("cant_tell" -> "can't tell"); ids are shown as they are if content fails."""
    try:
        return {e.id: e.name for e in ctx.content().emotions}
    except Exception:  # the list must still show when the words can't load
        return {}


def _first_line(note: str) -> str:
    line = note.strip().split("\n", 1)[0]
    more = "\n" in note.strip()
    if len(line) > NOTE_WIDTH:
        return line[: NOTE_WIDTH - 1] + "…"
    return line + (" …" if more else "")


def format_table(checkins: list[CheckIn], names: dict[str, str]) -> str:
    """Date, time, mood, feel, emotions and the first line of the note, one row a check-in."""
    rows = [("date", "time", "mood", "feel", "emotions", "note")]
    for c in checkins:
        rows.append(
            (
                c.at.strftime("%a %Y-%m-%d"),
                c.at.strftime("%H:%M"),
                str(c.mood),
                "" if c.feel is None else str(c.feel),
                ", ".join(names.get(e, e.replace("_", " ")) for e in c.emotions),
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

    store = ctx.store()
    today = ctx.clock.now().date()
    checkins = store.checkins(since=today - timedelta(days=args.days - 1))
    if args.json:
        records = [{k: checkin_to_dict(c)[k] for k in PUBLIC_KEYS} for c in checkins]
        # Exact, but with C1 controls and bidi overrides as \u escapes: nothing raw reaches the
        # terminal, and the array still reads back to the same notes.
        text = json.dumps(records, ensure_ascii=False, indent=2)
        ctx.write(escape_json(text, ascii_only=not ctx.stdout_takes_unicode()) + "\n")
        return 0
    ctx.report_open_problems()
    if not checkins:
        span = "today" if args.days == 1 else f"the last {args.days} days"
        ctx.out(f"No check-ins in {span}. `{command('log 6')}` or `{command('checkin')}` adds one.")
        return 0
    ctx.out(format_table(checkins, _emotion_names(ctx)))
    return 0
