"""`thaw stats [--days N]`: the history summary as plain text with sparklines, for SSH."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING

from tui.core.analysis.insights import PATTERN_WINDOW_DAYS, summary_lines, vocabulary

if TYPE_CHECKING:
    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the summary of the last `--days` days (30 unless told); empty data is fine."""
    days = int(args.days)
    today = ctx.clock.now().date()
    store = ctx.store()
    ctx.report_open_problems()
    # Insights look back further than the summary (four weeks before this one, three months
    # of patterns), so read enough for them too.
    since = today - timedelta(days=max(days, PATTERN_WINDOW_DAYS, 35) - 1)
    checkins = store.checkins(since=since, until=today)
    sessions = store.sessions(since=since, until=today)
    for line in summary_lines(checkins, sessions, today, days, vocabulary(ctx.content())):
        ctx.out(line)
    return 0
