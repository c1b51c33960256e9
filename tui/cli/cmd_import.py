"""`thaw import FILE`: Thaw's JSON or CSV, or a Daylio CSV export. All or nothing, never twice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import InputError

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext

MAX_BYTES = 200 * 1024 * 1024  # far beyond any real export; keeps a wrong file from eating memory


def read_import_file(name: str) -> str:
    """The file's text, or InputError with a sentence naming it."""
    path = Path(name).expanduser()
    if not path.exists():
        raise InputError(
            f"There's no file at {path}. Check the name and try again. Nothing was imported."
        )
    if not path.is_file():
        raise InputError(
            f"{path} is a folder, not a file. Give the export file itself. Nothing was imported."
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path} is too big to be an export. Nothing was imported.")
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(
            f"Thaw can't read {path} ({(err.strerror or str(err)).lower()}). Nothing was imported."
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{path} isn't UTF-8 text, so it can't be a Thaw or Daylio export. "
            "Nothing was imported."
        ) from None


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.core import exchange

    text = read_import_file(args.file)
    fmt = args.format or exchange.detect_format(args.file, text)
    if fmt == "csv" and exchange.looks_like_daylio(text):
        fmt = "daylio"
    if args.mood_map and fmt != "daylio":
        raise InputError("--map is for Daylio files; this one doesn't need it.")
    mood_map = exchange.parse_mood_map(args.mood_map)
    tz = ctx.clock.now().tzinfo
    where = Path(args.file).name
    try:
        if fmt == "daylio":
            items = exchange.parse_daylio_csv(text, tz, mood_map)
            exchange.validate_new_checkins(items, ctx.clock.now())
            plan = exchange.plan_checkin_import(ctx.store(), items)
        else:
            if fmt == "json":
                bundle = exchange.parse_thaw_json(text)
            else:
                bundle = exchange.Bundle(checkins=exchange.parse_thaw_csv(text, tz))
            exchange.validate_bundle(bundle, ctx.clock.now())
            plan = exchange.plan_bundle_import(ctx.store(), bundle)
    except InputError as err:
        raise InputError(f"{where}: {err} Nothing was imported.") from None
    ctx.report_open_problems()
    already = f" ({plan.skipped:,} already here)" if plan.skipped else ""
    if args.dry_run:
        ctx.out(f"Would add {plan.summary()}{already}. This was a dry run: nothing was written.")
        return 0
    if plan.is_empty():
        ctx.out(f"Nothing new to add{already}; your data is unchanged.")
        return 0
    exchange.apply_import(ctx.store(), plan)
    ctx.out(f"Added {plan.summary()}{already}.")
    return 0
