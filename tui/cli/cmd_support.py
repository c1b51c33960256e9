"""`thaw support`: the support lines for your country, as plain lines (also over SSH)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.plain.support import support_lines

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        setting = ctx.store().settings().country
    except Exception:  # the numbers must show even when the data can't be read
        setting = ""
    for line in support_lines(ctx.content(), setting):
        ctx.out(line)
    return 0
