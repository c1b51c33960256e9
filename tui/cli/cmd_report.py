"""`python -m tui report`: the appointment summary to the screen, or to a file the person names."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.context import CliContext
from tui.core.analysis.report import (
    MAX_WEEKS,
    MIN_WEEKS,
    ReportOptions,
    report_from_store,
    write_report,
)
from tui.core.errors import InputError


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the summary, or write it to `-o FILE` (0600) and say where. Nothing else is written."""
    weeks: int | None = getattr(args, "weeks", None)
    if weeks is not None and not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InputError(f"--weeks takes a whole number from {MIN_WEEKS} to {MAX_WEEKS}.")
    output: str | None = getattr(args, "output", None)
    if output is not None and not output.strip():
        raise InputError("-o needs a file name, for example -o summary.md.")
    store = ctx.store()
    ctx.report_open_problems()
    options = ReportOptions.from_settings(store.settings(), weeks)
    text = report_from_store(store, ctx.content(), ctx.clock.now(), options)
    if output is None:
        ctx.out(text.rstrip("\n"))
        return 0
    written = write_report(Path(output), text)
    if written.is_file():
        ctx.out(f"Wrote the summary to {written} (only you can read it).")
    else:  # a terminal or a pipe: the page went there, so this line goes apart from it
        ctx.err(f"Wrote the summary to {written}.")
    return 0
