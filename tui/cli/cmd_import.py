"""`thaw import FILE`: Thaw's JSON or CSV, Daylio's CSV or backup, a Pixels backup.

What can't be taken is named (where and why) and the rest is added; never anything twice.
`thaw import --finish` writes the rest of an import that was cut short.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import InputError
from tui.core.paths import command

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def _mood_map(args: argparse.Namespace) -> dict[str, int]:
    from tui.core.exchange.moods import parse_map_file, parse_mood_map
    from tui.core.exchange.session import read_import_file

    mapping: dict[str, int] = {}
    if args.map_file:
        raw = read_import_file(args.map_file)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{args.map_file} isn't UTF-8 text.") from None
        mapping.update(parse_map_file(text, Path(args.map_file).name))
    mapping.update(parse_mood_map(args.mood_map))  # --map wins over the file
    return mapping


def _again_with_deleted(args: argparse.Namespace) -> str:
    """This very import again, asking for deleted entries back: pasteable as printed (the
    file, format and mood placings as given, and --data-dir when this run had one)."""
    import shlex

    words = ["import", args.file]
    if args.format:
        words += ["--format", args.format]
    for placing in args.mood_map:
        words += ["--map", placing]
    if args.map_file:
        words += ["--map-file", args.map_file]
    if args.dry_run:
        words.append("--dry-run")
    words.append("--with-deleted")
    return command(shlex.join(words))


def _finish(ctx: CliContext) -> int:
    from tui.core.exchange.plan import finish_cut_short

    done = finish_cut_short(ctx.store())
    ctx.report_open_problems()
    for line in done:
        ctx.out(line)
    if not done:
        ctx.out("There is no cut-short import to finish; your data is unchanged.")
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.core.exchange import moods, plan
    from tui.core.exchange.session import prepare

    if getattr(args, "finish", False):
        if args.file:
            raise InputError("--finish takes no file: it finishes the import that was cut short.")
        return _finish(ctx)
    if not args.file:
        raise InputError("Which file? For example: " + command("import daylio_export.csv"))
    where = Path(args.file).name
    try:
        mood_map = _mood_map(args)
        prepared = prepare(
            ctx.store(),
            args.file,
            wanted=args.format,
            mood_map=mood_map,
            reference=ctx.clock.now().tzinfo,
            now=ctx.clock.now(),
            with_deleted=args.with_deleted,
        )
        if mood_map and not prepared.read.moods_mapped:
            raise InputError(
                "--map is for Daylio files (and so is --map-file); this one doesn't need them."
            )
        if prepared.read.unknown_moods:
            raise InputError(moods.unknown_moods_sentence(prepared.read.unknown_moods, "it"))
    except InputError as err:
        text = str(err)
        if "nothing was imported" not in text.lower():
            text += " Nothing was imported."
        raise InputError(f"{where}: {text}") from None
    found = prepared.plan
    ctx.report_open_problems()
    ctx.err(f"{where} is {prepared.detected.saw}.")  # what it was read as, said every time
    for line in plan.rejected_lines(found.rejected):
        ctx.err(line)
    noted = []
    if found.brought_back:
        noted.append(f"{found.brought_back:,} of them deleted here before, as you asked")
    if found.skipped:
        noted.append(f"{found.skipped:,} already here")
    already = f" ({'; '.join(noted)})" if noted else ""
    left = f"; {len(found.rejected):,} left out, named above" if found.rejected else ""
    if found.deleted_here:
        left += "; " + plan.deleted_words(found.deleted_here)
    if args.dry_run:
        ctx.out(
            f"Would add {found.summary()}{already}{left}. This was a dry run: nothing was written."
        )
    elif found.is_empty():
        ctx.out(f"Nothing new to add{already}{left}; your data is unchanged.")
    else:
        plan.apply_import(ctx.store(), found, where)
        ctx.out(f"Added {found.summary()}{already}{left}.")
    if found.deleted_here:
        them = "it" if found.deleted_here == 1 else "them"
        ctx.out(f"To bring {them} back too: {_again_with_deleted(args)}")
    return 0
