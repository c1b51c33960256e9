"""`python -m tui` and the `thaw` command: parse, pick the handler, turn errors into exit codes."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from tui.cli.context import CliContext

    Handler = Callable[[argparse.Namespace, CliContext], int]

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
APP_COMMANDS = frozenset({"checkin", "breathe", "meditate", "ground"})


def _handler_module(command: str | None) -> str:
    if command is None or command in APP_COMMANDS:
        return "tui.cli.cmd_app"
    return f"tui.cli.cmd_{command}"


def _load_handler(command: str | None) -> Handler | None:
    """Import only the module for this command, so `due` pays for nothing else."""
    name = _handler_module(command)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name == name:
            return None
        raise
    return cast("Handler", module.run)


def _quick_args(argv: list[str]) -> argparse.Namespace | None:
    """The commands typed at a bare prompt skip building the parser: `due`, `prompt`, `log N`
    and the app itself (`thaw` alone).

    `due` runs at every login, `prompt` before every prompt, and `log 6` is the quickest
    check-in, so all stay cheap. Accepted exactly: `due [--quiet]`, `prompt [--glyph]` or
    `log MOOD`, with `--data-dir DIR` (or `--data-dir=DIR`) before
    or after. Anything else (options, help, typos) goes through argparse as usual, and MOOD is
    checked by the log handler either way.
    """
    rest = list(argv)
    data_dir: str | None = None
    for i, word in enumerate(rest):
        if word.startswith("--data-dir="):
            data_dir = word.split("=", 1)[1]
            del rest[i]
            break
        if word == "--data-dir" and i + 1 < len(rest):
            data_dir = rest[i + 1]
            del rest[i : i + 2]
            break
    from types import SimpleNamespace

    if rest in (["due"], ["due", "--quiet"], ["due", "-q"]):
        args = SimpleNamespace(
            command="due", data_dir=data_dir, plain=None, quiet=len(rest) == 2, install=False,
            uninstall=False, yes=False,
        )  # fmt: skip
    elif rest in (["prompt"], ["prompt", "--glyph"]):
        args = SimpleNamespace(
            command="prompt", data_dir=data_dir, plain=None, glyph=len(rest) == 2
        )
    elif not rest:  # the app itself: building the parser would hold argparse for its life
        args = SimpleNamespace(command=None, data_dir=data_dir, plain=None)
    elif len(rest) == 2 and rest[0] == "log" and not rest[1].startswith("-"):
        args = SimpleNamespace(
            command="log", data_dir=data_dir, plain=None, mood=rest[1], feel=None, emotions=[],
            note="", tags=[], at=None, edit=False,
        )  # fmt: skip
    else:
        return None
    return cast("argparse.Namespace", args)


def _tolerant_output() -> None:
    """Any output encoding works: what it cannot show becomes "?", never a crash.

    Under `PYTHONIOENCODING=ascii` or a Latin-1 locale, "café" or a "—" would otherwise end
    `list` with UnicodeEncodeError before it printed anything.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A closed or unusual stream keeps its own ways.
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="replace")


def _run(argv: list[str]) -> int:
    from tui.cli.context import CliContext
    from tui.core.errors import DataError, InputError
    from tui.core.paths import data_dir, remember_data_dir_flag
    from tui.core.storage import lock

    if not lock.supported():  # Thaw supports Linux and macOS: say so, not an ImportError
        print(f"thaw: {lock.PLATFORM_SENTENCE}", file=sys.stderr)
        return EXIT_DATA

    args = _quick_args(argv)
    if args is None:
        from tui.cli.parser import parse_args

        args = parse_args(argv)
    command: str | None = args.command
    handler = _load_handler(command)
    if handler is None:
        what = f'"{command}"' if command else "the full-screen app"
        print(f"thaw: {what} isn't part of this build yet. Try thaw --help.", file=sys.stderr)
        return EXIT_USAGE
    remember_data_dir_flag(args.data_dir)  # every suggested command then carries it
    ctx = CliContext(data_dir(args.data_dir))
    try:
        return handler(args, ctx)
    except InputError as err:
        ctx.err(str(err))
        return EXIT_USAGE
    except DataError as err:
        ctx.err(str(err))
        return EXIT_DATA
    finally:
        remember_data_dir_flag(None)  # this run's folder only: a caller in-process starts clean


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; a person never sees a traceback."""
    _tolerant_output()
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, and keep Python from complaining
        # about the unflushed stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as err:
        if os.environ.get("THAW_DEBUG"):
            raise
        from tui.core.content import ContentError
        from tui.core.text import clean_line, clean_text

        if isinstance(err, ContentError):
            # Thaw's own words failed to load: the message names the file and key.
            print(
                f"thaw: {clean_text(str(err))}\nReinstalling Thaw puts them back.", file=sys.stderr
            )
            return EXIT_DATA
        from tui.core.paths import command

        print(
            f"thaw: something went wrong that Thaw didn't expect ({type(err).__name__}: "
            f"{clean_line(str(err))[:200]}). `{command('doctor')}` checks your files; "
            "THAW_DEBUG=1 shows the details.",
            file=sys.stderr,
        )
        return EXIT_DATA


if __name__ == "__main__":
    sys.exit(main())
