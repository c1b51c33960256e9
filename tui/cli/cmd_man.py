"""`thaw man`: print the manual page (roff); `thaw man | man -l -` shows it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.manpage import man_page
from tui.cli.parser_model import thaw_model

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    sys.stdout.write(man_page(thaw_model(), __version__))
    return 0
