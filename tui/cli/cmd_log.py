"""`thaw log MOOD ...`: save a check-in without opening the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.errors import InputError
from tui.core.paths import command
from tui.core.records.rules import FEEL_MAX, FEEL_MIN, MOOD_MAX, MOOD_MIN, NOTE_MAX_CHARS
from tui.core.text import clean_line, clean_text

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.content import Content


def parse_scale(text: str, low: int, high: int, what: str, example: str) -> int:
    """A whole number in [low, high], or InputError with a sentence that shows how."""
    shown = clean_line(text)[:20]
    try:
        value = int(text.strip())
    except ValueError:
        raise InputError(
            f'{what} is a whole number from {low} to {high}, so "{shown}" doesn\'t fit. '
            f"For example: {example}"
        ) from None
    if not low <= value <= high:
        raise InputError(
            f"{what} goes from {low} to {high}, so {value} doesn't fit. For example: {example}"
        )
    return value


def resolve_emotion(content: Content, text: str) -> str:
    """An emotion id from its id or name, any case: "can't tell", "cant tell", "cant_tell"."""
    candidates = (text, text.replace("'", "").replace("’", ""), text.replace(" ", "_"))
    for candidate in (*candidates, candidates[1].replace(" ", "_")):
        emotion = content.emotion(candidate)
        if emotion is not None:
            return emotion.id
    shown = clean_line(text)[:40]
    near = content.nearest_emotions(text)
    if near:
        names = ", ".join(f'"{e.name}"' for e in near)
        raise InputError(f'Thaw doesn\'t know the emotion "{shown}". Did you mean {names}?')
    raise InputError(
        f'Thaw doesn\'t know the emotion "{shown}". '
        "Open the check-in (thaw checkin) to see them all."
    )


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Validate everything first, then save once; nothing is written when anything is wrong."""
    mood = parse_scale(args.mood, MOOD_MIN, MOOD_MAX, "Mood", command("log 6"))
    feel = None
    if args.feel is not None:
        feel = parse_scale(
            args.feel, FEEL_MIN, FEEL_MAX, "How much you can feel", command("log 6 --feel 2")
        )
    note = clean_text(args.note)
    if len(note) > NOTE_MAX_CHARS and not getattr(args, "edit", False):
        raise InputError(
            f"That note is {len(note):,} characters; a note can hold up to {NOTE_MAX_CHARS:,}. "
            "Nothing was saved."
        )
    tags = tuple(dict.fromkeys(t for t in (clean_line(t) for t in args.tags) if t))
    emotions: tuple[str, ...] = ()
    if args.emotions:
        content = ctx.content()
        emotions = tuple(dict.fromkeys(resolve_emotion(content, e) for e in args.emotions))
    at = None
    if args.at is not None:
        from tui.core.when import parse_when

        at = parse_when(args.at, ctx.clock.now())
    if getattr(args, "edit", False):
        note = _note_in_editor(note, ctx)
    store = ctx.store()
    saved = store.add_checkin(mood, feel=feel, emotions=emotions, note=note, tags=tags, at=at)
    when = saved.at.strftime("%H:%M") if at is None else saved.at.strftime("%a %d %b, %H:%M")
    feel_part = "" if saved.feel is None else f", feel {saved.feel}"
    ctx.out(f"Saved: mood {saved.mood}{feel_part} at {when}. Thank you for checking in.")
    # A damaged month set aside by this save is told, not hidden.
    ctx.report_open_problems(imports=False)
    return 0


def _note_in_editor(initial: str, ctx: CliContext) -> str:
    """The note from $EDITOR, opened only once everything else is known to be right."""
    import os

    from tui.cli.editor import edit_note, too_long

    now = ctx.clock.now()
    note = clean_text(edit_note(initial, ctx.data_dir, now, os.environ)).strip()
    if len(note) > NOTE_MAX_CHARS:
        raise too_long(note, ctx.data_dir, now, NOTE_MAX_CHARS)
    return note
