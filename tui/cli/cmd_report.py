"""`python -m tui report`: the appointment summary to the screen, or to a file the person names."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.context import CliContext
from tui.cli.filters import emotion_names, filter_from_args, has_filters
from tui.core.analysis.report import (
    MAX_WEEKS,
    MIN_WEEKS,
    ReportOptions,
    report_from_store,
    write_report,
)
from tui.core.errors import InputError
from tui.core.text import clean_line

if TYPE_CHECKING:
    from tui.core.records.models import CheckIn


def _narrowed_words(args: argparse.Namespace) -> str:
    """'tagged "work", with "numb", holding "office"': what the header says was left out."""
    parts = []
    if args.tag:
        parts.append("tagged " + " or ".join(f'"{clean_line(t)}"' for t in args.tag))
    if args.feeling:
        parts.append("with " + " or ".join(f'"{clean_line(f)}"' for f in args.feeling))
    if args.grep:
        parts.append(f'holding "{clean_line(args.grep)}"')
    return ", ".join(parts)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the summary, or write it to `-o FILE` (0600) and say where. Nothing else is written."""
    weeks: int | None = getattr(args, "weeks", None)
    if weeks is not None and not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InputError(f"--weeks takes a whole number from {MIN_WEEKS} to {MAX_WEEKS}.")
    output: str | None = getattr(args, "output", None)
    if output is not None and not output.strip():
        raise InputError("-o needs a file name, for example -o summary.md.")
    keep = None
    period = None
    if has_filters(args):
        wanted = filter_from_args(args, ctx)
        if wanted.since is not None or wanted.until is not None:
            if weeks is not None:
                raise InputError("--weeks or --from/--to, not both: they each choose the period.")
            now = ctx.clock.now()
            period = (
                now.date() if wanted.since is None else wanted.since.date(),
                now.date() if wanted.until is None else min(wanted.until.date(), now.date()),
            )
            if period[0] < period[1] - timedelta(days=MAX_WEEKS * 7):
                raise InputError(f"A summary covers at most {MAX_WEEKS} weeks; try a later --from.")
        names = emotion_names(ctx) if wanted.words else {}

        def keep(checkin: CheckIn) -> bool:
            return wanted.matches(checkin, names)

    store = ctx.store()
    ctx.report_open_problems()
    options = ReportOptions.from_settings(store.settings(), weeks)
    if period is not None:
        options = replace(options, period=period)
    if keep is not None:
        options = replace(options, narrowed=_narrowed_words(args))
    text = report_from_store(store, ctx.content(), ctx.clock.now(), options, keep)
    if output is None:
        ctx.out(text.rstrip("\n"))
        return 0
    written = write_report(Path(output), text)
    if written.is_file():
        ctx.out(f"Wrote the summary to {written} (only you can read it).")
    else:  # a terminal or a pipe: the page went there, so this line goes apart from it
        ctx.err(f"Wrote the summary to {written}.")
    return 0
