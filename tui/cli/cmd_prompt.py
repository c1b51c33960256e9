"""`thaw prompt`: a short word for a shell prompt when a check-in is due, else nothing.

It runs before every prompt, so it costs what `due` costs and no more: the same quick path,
nothing printed on trouble (a prompt is no place for an error), always exit 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.cmd_due import is_due

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext

WORD = "thaw"
GLYPH = "❄"


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if is_due(ctx):
        ctx.out(GLYPH if getattr(args, "glyph", False) else WORD)
    return 0
