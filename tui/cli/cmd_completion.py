"""`thaw completion bash|zsh|fish`: print the completion script for that shell."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui.cli.completion import SCRIPTS
from tui.cli.parser_model import thaw_model

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    # Written as it is: the script is our own text, made from our own parser.
    sys.stdout.write(SCRIPTS[args.shell](thaw_model()))
    return 0
