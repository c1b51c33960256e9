"""The whole argparse parser for every command in DESIGN.md's command-line contract."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from tui import __version__
from tui.core.text import clean_text

PROG = "thaw"


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (argparse makes one per option)."""

    def __init__(self, prog: str) -> None:
        try:
            columns = os.get_terminal_size(sys.stdout.fileno()).columns
        except (OSError, ValueError):
            columns = int(os.environ.get("COLUMNS", "80") or 80)
        super().__init__(prog, width=max(40, columns) - 2)


class ThawArgumentParser(argparse.ArgumentParser):
    """argparse with messages in our own words, still exiting 2 on bad usage."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    # The words being parsed, so a message can show them put right (see _order_hint).
    words: list[str] = []

    def error(self, message: str) -> NoReturn:
        # The message quotes what was typed, which may hold escapes (a pasted note, a script).
        said = _order_hint(message, ThawArgumentParser.words) or clean_text(_our_words(message))
        self.exit(2, f"{self.prog}: {said}\nFor help: {self.prog} --help\n")


def _our_words(message: str) -> str:
    choice = re.match(r"argument ([^:]+): invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        what, value, options = choice.groups()
        options = options.replace("'", "")
        if what.lower() == "command":
            return f'there\'s no command "{value}". The commands are: {options}.'
        return f'"{value}" isn\'t one of the choices for {what}: {options}.'
    argument = re.match(r"argument ([^:]+): (.*)", message)
    if argument:
        return f"{argument[1].split('/')[-1]} {argument[2]}."
    if message.startswith("the following arguments are required:"):
        names = message.split(":", 1)[1].strip()
        return f"this needs {names}."
    if message.startswith("unrecognized arguments:"):
        return f"I don't know what to do with {message.split(':', 1)[1].strip()}."
    return message


# About 270 years: more than any history Thaw can hold (it keeps nothing before 1970), and
# small enough that "the last N days" is always a date the calendar has.
MAX_DAYS = 100_000


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse `type` taking a whole number in [low, high] and saying so when it isn't."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f'"{text}" should be a whole number, {span}')
        return value

    return convert


def _days(text: str) -> int:
    """`--days N`: 1 or more, up to what the calendar can count back from today."""
    value = _whole_number(1)(text)
    if value > MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f'"{text}" is more days than Thaw can look back; the most is {MAX_DAYS:,}'
        )
    return value


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 180:
        raise argparse.ArgumentTypeError(
            f'"{text}" should be a number of minutes above 0 and at most 180 (0.5 is half a minute)'
        )
    return value


Adder = Callable[[argparse.ArgumentParser], None]


def _checkin(p: argparse.ArgumentParser) -> None:
    """No options: the app opens on the check-in."""


def _log(p: argparse.ArgumentParser) -> None:
    p.add_argument("mood", metavar="MOOD", help="how you are, 1 (lowest) to 10 (best)")
    p.add_argument("--feel", metavar="N", help="how much you can feel right now, 0 (nothing) to 10")
    p.add_argument(
        "-e",
        "--emotion",
        dest="emotions",
        metavar="EMOTION",
        nargs="+",
        action="extend",
        default=[],
        help='emotions by name or id, e.g. -e numb "can\'t tell"',
    )
    p.add_argument("-n", "--note", default="", help="a note, up to 10,000 characters")
    p.add_argument(
        "-t",
        "--tag",
        dest="tags",
        metavar="TAG",
        nargs="+",
        action="extend",
        default=[],
        help="tags, e.g. -t work sleep",
    )
    p.add_argument(
        "--at",
        metavar="WHEN",
        help='when: "2026-11-20 08:30", "08:30", "yesterday 9pm", "last monday", "Nov 30", '
        '"-2h"... (default now)',
    )
    p.add_argument(
        "--edit",
        action="store_true",
        help="write the note in your editor ($VISUAL or $EDITOR), for a longer one",
    )


def _list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--days", type=_days, default=14, metavar="N", help="last N days (14)")
    p.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    _filters(p)


def _filters(p: argparse.ArgumentParser) -> None:
    """--from, --to, --tag, --feeling, --grep: the same on list, export and report."""
    p.add_argument(
        "--from",
        dest="from_",
        metavar="WHEN",
        help='from this day or time, e.g. 2026-11-01, "last monday", "2 weeks ago"',
    )
    p.add_argument("--to", metavar="WHEN", help="up to this day (the whole day) or time")
    p.add_argument(
        "--tag", dest="tag", metavar="TAG", action="append", default=[], help="only with this tag"
    )
    p.add_argument(
        "--feeling",
        dest="feeling",
        metavar="EMOTION",
        action="append",
        default=[],
        help="only with this feeling, by name or id",
    )
    p.add_argument(
        "--grep", metavar="WORDS", help="only those whose note, tags or feelings hold WORDS"
    )


def _due(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; exit 0 when a check-in is due, 1 when not (for scripts)",
    )
    p.add_argument(
        "--install", action="store_true", help="add `thaw due` to your shell's login file (asks)"
    )
    p.add_argument("--uninstall", action="store_true", help="take that line out again")
    p.add_argument("-y", "--yes", action="store_true", help="with --install: don't ask")


def _stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--days", type=_days, default=30, metavar="N", help="last N days (30)")


def _export(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("json", "csv", "md"),
        default="json",
        help="json: everything, reads back exactly; csv: check-ins for a spreadsheet; "
        "md: check-ins as a journal to read",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: the screen)")
    _filters(p)


def _import(p: argparse.ArgumentParser) -> None:
    p.epilog = (
        "Daylio's moods are read as rad 10, good 8, meh 5, bad 3, awful 1 (Pixels' scores 5-1 and "
        "a .daylio backup's mood groups alike). A Pixels day with several scores becomes one "
        "check-in per score, none averaged away. Records Thaw can't take are named with the "
        "reason and the rest added; importing a file again never adds anything twice. Entries "
        "you deleted here are left out (and counted) unless --with-deleted."
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="the file to read")
    p.add_argument(
        "--format",
        choices=("json", "csv", "daylio", "daylio-backup", "pixels"),
        default=None,
        help="the file's format (default: told from the file; daylio covers Daylio's CSV "
        "export and its .daylio backup)",
    )
    p.add_argument(
        "--map",
        dest="mood_map",
        metavar="LABEL=N",
        action="append",
        default=[],
        help="Daylio CSV: place a mood label on 1-10, e.g. --map tired=4 (rad 10, good 8, "
        "meh 5, bad 3 and awful 1 are known already)",
    )
    p.add_argument(
        "--map-file",
        metavar="FILE",
        default=None,
        help="Daylio CSV: many labels at once, one LABEL=N a line (--map wins over it)",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would be added; write nothing")
    p.add_argument(
        "--with-deleted",
        action="store_true",
        help="bring back entries you deleted here too (left out otherwise, and counted)",
    )
    p.add_argument(
        "--finish",
        action="store_true",
        help="finish an import that was cut short (no FILE); nothing is added twice",
    )


def _breathe(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "pattern",
        metavar="PATTERN",
        nargs="?",
        default=None,
        help="cyclic_sigh, resonance, box, 478 (or 4-7-8) or custom",
    )


def _meditate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--minutes", type=_minutes, default=None, metavar="N", help="how long")


def _ground(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "exercise",
        metavar="EXERCISE",
        nargs="?",
        default=None,
        help="senses (or 54321), breath, object, colour, ice or song",
    )


def _mark(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", metavar="TEXT", help="what happened")
    p.add_argument("--kind", choices=("medication", "therapy", "life", "other"), default="other")
    p.add_argument("--at", metavar="WHEN", help="when it happened (default now)")


def _report(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--weeks",
        type=_whole_number(1, 52),
        default=None,
        metavar="N",
        help="how many weeks back (default from settings, 4)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: the screen)")
    _filters(p)


def _doctor(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--restore",
        metavar="DAY",
        help="put back the files that could not be read from the backup of DAY (YYYY-MM-DD), "
        "merged with anything saved since; the files it replaces are kept aside",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="with --restore: put back every file of that day's backup, each merged the same way",
    )
    p.add_argument(
        "--with-deleted",
        action="store_true",
        help="with --restore: bring back entries deleted since that backup too "
        "(without it they stay deleted)",
    )
    p.add_argument(
        "--keep-as-is",
        action="store_true",
        help="stop reminding about files that could not be read, without putting anything back "
        "(the damaged copies stay in quarantine/)",
    )


def _prompt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--glyph", action="store_true", help="print ❄ instead of the word")


def _completion(p: argparse.ArgumentParser) -> None:
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help="which shell")


def _man(p: argparse.ArgumentParser) -> None:
    """No options."""


# Every command of DESIGN.md's contract, in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, Adder]] = {
    "checkin": ("open the check-in at once; Thaw closes after saving", _checkin),
    "log": ("save a check-in from the command line", _log),
    "list": ("show recent check-ins", _list),
    "due": ("one line if there is no check-in today yet, else nothing (for a login script)", _due),
    "stats": ("a short summary with a sparkline", _stats),
    "export": ("write everything out, to keep or move", _export),
    "import": ("bring in a Thaw export, a Daylio export or backup, or a Pixels backup", _import),
    "breathe": ("start a breathing practice at once", _breathe),
    "meditate": ("start a quiet timer at once", _meditate),
    "ground": ("start a grounding exercise at once", _ground),
    "mark": ('put a dated note on your timeline, e.g. "changed medication"', _mark),
    "report": ("a Markdown summary to bring to an appointment", _report),
    "doctor": ("check the data files, permissions and backups", _doctor),
    "prompt": ('a word for your shell prompt when a check-in is due ("thaw")', _prompt),
    "completion": ("print shell completion for bash, zsh or fish", _completion),
    "man": ("print the manual page (thaw man | man -l -)", _man),
    "support": ("support lines for your country, and the emergency number", _man),
}


def build_parser(only: str | None = None) -> ThawArgumentParser:
    """Every command and option, with help written for a person, not a programmer.

    With `only`, just that command's sub-parser is built: argparse pays for each one, and a
    quick command should not pay for thirteen it will not use.
    """
    # --data-dir works before or after the command: subcommands must not reset it when absent.
    common = ThawArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep Thaw's data in DIR (also: THAW_DATA_DIR)",
    )
    common.add_argument(
        "--plain",
        action="store_true",
        default=argparse.SUPPRESS,
        help="questions and cues line by line, never redrawn (for a screen reader)",
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
    parser.add_argument(
        "--plain",
        action="store_true",
        default=None,
        help="questions and cues line by line, never redrawn: for a screen reader or a "
        "braille display (the default when TERM is dumb)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ThawArgumentParser)
    for name, (help_text, adder) in COMMANDS.items():
        if only is None or name == only:
            adder(sub.add_parser(name, help=help_text, description=help_text, parents=[common]))
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command word in `argv`, when it comes before any request for top-level help.

    "" when there is no command word at all (the full-screen app): no sub-parser is needed.
    """
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word == "--data-dir":
            skip = True
            continue
        if word.startswith("-"):
            if word in ("-h", "--help", "--version"):
                return None
            continue
        return word if word in COMMANDS else None
    return ""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse `argv` (default: sys.argv[1:]); exits 2 with our message on bad usage."""
    words = joined_when_values(sys.argv[1:] if argv is None else argv)
    ThawArgumentParser.words = words
    return build_parser(only=_command_in(words)).parse_args(words)


# Options whose value may start with "-" ("-2h", "-3d"): argparse would take it for an option.
WHEN_OPTIONS = ("--at", "--from", "--to")


def joined_when_values(words: list[str]) -> list[str]:
    """`--at -2h` -> `--at=-2h`, so a negative offset reads as the value it is."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            out.extend(words[i:])
            break
        if word in WHEN_OPTIONS and i + 1 < len(words) and words[i + 1].startswith("-"):
            out.append(f"{word}={words[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def _order_hint(message: str, words: list[str]) -> str | None:
    """`thaw log -e numb 5`: -e took the 5 as an emotion; say to put the mood first, and how."""
    if "required: MOOD" not in message or "log" not in words:
        return None
    from tui.core.text import clean_line  # only when there is a mistake to show

    start = words.index("log") + 1
    rest = words[start:]
    for i, word in enumerate(rest):
        if word.isdigit() and 1 <= int(word) <= 10:
            fixed = [*words[:start], word, *rest[:i], *rest[i + 1 :]]
            shown = clean_line(" ".join(w if " " not in w else f'"{w}"' for w in fixed))
            return f"the mood comes first, straight after log, then the options: {PROG} {shown}"
    return f"this needs MOOD first, straight after log: {PROG} log 5 -e numb"
