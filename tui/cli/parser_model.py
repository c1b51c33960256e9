"""The argparse parser read back as plain data, for the completion scripts and the man page.

Both are made from the parser at run time, so a new option shows up in `thaw completion` and
`thaw man` the moment it is added, and can never drift from what `thaw --help` says.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Option:
    """One option or positional argument."""

    flags: tuple[str, ...]  # ("-e", "--emotion"); empty for a positional
    metavar: str  # "EMOTION", "FILE"; "" for a switch
    help: str
    choices: tuple[str, ...] = ()
    repeats: bool = False  # can be given more than once (append, extend, nargs="+")
    optional: bool = False  # a positional that may be left out

    @property
    def takes_value(self) -> bool:
        return bool(self.metavar)

    @property
    def wants_path(self) -> str:
        """ "file", "dir" or "" (what the shell should offer for the value)."""
        if self.metavar in ("FILE",):
            return "file"
        if self.metavar in ("DIR",):
            return "dir"
        return ""


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    positionals: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Model:
    prog: str
    description: str
    epilog: str
    options: tuple[Option, ...]  # before any command
    commands: tuple[Command, ...]


def _option(action: argparse.Action) -> Option:
    takes = action.nargs != 0
    choices = tuple(str(c) for c in action.choices) if action.choices else ()
    if takes:
        shown = action.metavar if isinstance(action.metavar, str) else None
        metavar = shown or (action.dest.upper() if action.option_strings else action.dest)
    else:
        metavar = ""
    return Option(
        flags=tuple(action.option_strings),
        metavar=metavar,
        help=(action.help or "").replace("%%", "%") if action.help != argparse.SUPPRESS else "",
        choices=choices,
        repeats=isinstance(action, argparse._AppendAction | argparse._ExtendAction)
        or action.nargs in ("+", "*"),
        optional=not action.option_strings and action.nargs in ("?", "*"),
    )


def _split(parser: argparse.ArgumentParser) -> tuple[list[Option], list[Option]]:
    options: list[Option] = []
    positionals: list[Option] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        (options if action.option_strings else positionals).append(_option(action))
    return options, positionals


def read_parser(parser: argparse.ArgumentParser) -> Model:
    """Every command, option, value name, choice and help line of `parser`."""
    options, _ = _split(parser)
    commands: list[Command] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            sub_options, sub_positionals = _split(sub)
            commands.append(
                Command(name, helps.get(name, ""), tuple(sub_options), tuple(sub_positionals))
            )
    return Model(
        prog=parser.prog,
        description=parser.description or "",
        epilog=parser.epilog or "",
        options=tuple(options),
        commands=tuple(commands),
    )


def thaw_model() -> Model:
    """The model of Thaw's own, whole parser."""
    from tui.cli.parser import build_parser

    return read_parser(build_parser())
