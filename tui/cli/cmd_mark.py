"""`thaw mark TEXT [--kind KIND] [--at WHEN]`: put a dated note on the timeline."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, cast

from tui.core.analysis.history_view import marker_when
from tui.core.errors import InputError
from tui.core.records.models import MARKER_KINDS, MarkerKind
from tui.core.text import clean_line

if TYPE_CHECKING:
    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Check the text, kind and time first, then save once; nothing is written on bad input."""
    text = clean_line(args.text)
    if not text:
        raise InputError('A marker needs a few words, for example: thaw mark "started therapy"')
    kind = args.kind or "other"
    if kind not in MARKER_KINDS:  # argparse refuses these already; kept for direct callers
        raise InputError(f"A marker's kind is one of: {', '.join(MARKER_KINDS)}.")
    at = marker_when(args.at, ctx.clock.now()) if args.at else None
    store = ctx.store()
    ctx.report_open_problems()
    marker = store.add_marker(text, cast(MarkerKind, kind), at)
    kind_note = "" if marker.kind == "other" else f" ({marker.kind})"
    ctx.out(f"Marked {marker.at.day} {marker.at:%b %Y}: {marker.text}{kind_note}")
    return 0
