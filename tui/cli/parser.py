"""The whole argparse parser for every command in DESIGN.md's command-line contract."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from tui import __version__

PROG = "thaw"

# Commands that open the full-screen app: their handler is tui.cli.cmd_app.
APP_COMMANDS = frozenset({"checkin", "breathe", "meditate", "ground"})


class ThawArgumentParser(argparse.ArgumentParser):
    """argparse with messages in our own words, still exiting 2 on bad usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {_our_words(message)}\nFor help: {self.prog} --help\n")


def _our_words(message: str) -> str:
    choice = re.match(r"argument (\w+): invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        what, value, options = choice.groups()
        options = options.replace("'", "")
        if what == "command":
            return f'there\'s no command "{value}". The commands are: {options}.'
        return f'"{value}" isn\'t one of the choices for {what}: {options}.'
    if message.startswith("the following arguments are required:"):
        names = message.split(":", 1)[1].strip()
        return f"this needs {names}."
    if message.startswith("unrecognized arguments:"):
        return f"I don't know what to do with {message.split(':', 1)[1].strip()}."
    return message


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse `type` taking a whole number in [low, high] and saying so when it isn't."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low or (high is not None and value > high):
            top = f" to {high}" if high is not None else " or more"
            raise argparse.ArgumentTypeError(f'"{text}" should be a whole number from {low}{top}')
        return value

    return convert


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 180:
        raise argparse.ArgumentTypeError(f'"{text}" should be a number of minutes from 1 to 180')
    return value


def build_parser() -> ThawArgumentParser:
    """Every command and option, with help written for a person, not a programmer."""
    # --data-dir works before or after the command: subcommands must not reset it when absent.
    common = ThawArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep Thaw's data in DIR (also: THAW_DATA_DIR)",
    )
    parser = ThawArgumentParser(
        prog=PROG,
        description="Thaw: a quiet companion for days when you feel numb. "
        "With no command, the full-screen app opens.",
        epilog="Thaw is not a medical device. "
        "If you are in danger, call your local emergency number.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="keep Thaw's data in DIR (also: THAW_DATA_DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ThawArgumentParser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    add("checkin", "open the check-in at once; Thaw closes after saving")

    log = add("log", "save a check-in from the command line")
    log.add_argument("mood", metavar="MOOD", help="how you are, 1 (lowest) to 10 (best)")
    log.add_argument(
        "--feel", metavar="N", help="how much you can feel right now, 0 (nothing) to 10"
    )
    log.add_argument(
        "-e",
        "--emotion",
        dest="emotions",
        metavar="EMOTION",
        nargs="+",
        action="extend",
        default=[],
        help='emotions by name or id, e.g. -e numb "can\'t tell"',
    )
    log.add_argument("-n", "--note", default="", help="a note, up to 10,000 characters")
    log.add_argument(
        "-t",
        "--tag",
        dest="tags",
        metavar="TAG",
        nargs="+",
        action="extend",
        default=[],
        help="tags, e.g. -t work sleep",
    )
    log.add_argument(
        "--at",
        metavar="WHEN",
        help='when: "2026-11-20 08:30", "08:30", "yesterday 21:00", "2h ago"... (default now)',
    )

    lst = add("list", "show recent check-ins")
    lst.add_argument(
        "--days", type=_whole_number(1), default=14, metavar="N", help="last N days (14)"
    )
    lst.add_argument("--json", action="store_true", help="print a JSON array instead of a table")

    add("due", "one line if there is no check-in today yet, else nothing (for a login script)")

    stats = add("stats", "a short summary with a sparkline")
    stats.add_argument(
        "--days", type=_whole_number(1), default=30, metavar="N", help="last N days (30)"
    )

    export = add("export", "write everything out, to keep or move")
    export.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json: everything, reads back exactly; csv: check-ins for a spreadsheet",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: the screen)"
    )

    imp = add("import", "bring in a Thaw export or a Daylio CSV export")
    imp.add_argument("file", metavar="FILE", help="the file to read")
    imp.add_argument(
        "--format",
        choices=("json", "csv", "daylio"),
        default=None,
        help="the file's format (default: guessed from the file)",
    )
    imp.add_argument(
        "--map",
        dest="mood_map",
        metavar="LABEL=N",
        action="append",
        default=[],
        help="Daylio: place a mood label on 1-10, e.g. --map tired=4 (rad 10, good 8, meh 5, "
        "bad 3 and awful 1 are known already)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="say what would be added; write nothing"
    )

    breathe = add("breathe", "start a breathing practice at once")
    breathe.add_argument(
        "pattern",
        metavar="PATTERN",
        nargs="?",
        default=None,
        help="cyclic_sigh, resonance, box or 478",
    )

    meditate = add("meditate", "start a quiet timer at once")
    meditate.add_argument("--minutes", type=_minutes, default=None, metavar="N", help="how long")

    ground = add("ground", "start a grounding exercise at once")
    ground.add_argument(
        "exercise",
        metavar="EXERCISE",
        nargs="?",
        default=None,
        help="senses, breath, object, colour, ice or song",
    )

    mark = add("mark", 'put a dated note on your timeline, e.g. "changed medication"')
    mark.add_argument("text", metavar="TEXT", help="what happened")
    mark.add_argument("--kind", choices=("medication", "therapy", "life", "other"), default="other")
    mark.add_argument("--at", metavar="WHEN", help="when it happened (default now)")

    report = add("report", "a Markdown summary to bring to an appointment")
    report.add_argument(
        "--weeks",
        type=_whole_number(1, 52),
        default=None,
        metavar="N",
        help="how many weeks back (default from settings, 4)",
    )
    report.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: the screen)"
    )

    doctor = add("doctor", "check the data files, permissions and backups")
    doctor.add_argument(
        "--restore",
        metavar="DAY",
        help="put back the backup from DAY (YYYY-MM-DD); current files are kept aside",
    )
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse `argv` (default: sys.argv[1:]); exits 2 with our message on bad usage."""
    return build_parser().parse_args(sys.argv[1:] if argv is None else argv)
