"""The check-in as questions, one line each: mood, feel, feelings, note, tags; then saved.

Mood is the only answer needed; Enter skips every other question. Ctrl+D or Ctrl+C stops:
what was answered so far is kept as a draft (the app offers it next time), so no word is lost.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.cli.plain.lines import Ended, PlainIO
from tui.core.errors import InputError
from tui.core.records.models import Draft
from tui.core.records.rules import FEEL_MAX, FEEL_MIN, MOOD_MAX, MOOD_MIN, NOTE_MAX_CHARS
from tui.core.text import clean_line, clean_text

if TYPE_CHECKING:
    from tui.cli.context import CliContext
    from tui.core.content import Content
    from tui.core.records.models import CheckIn

INTRO = (
    "Check-in. Mood is the only question you need to answer; Enter skips the others. "
    "Ctrl+D stops at any point, and what you typed is kept."
)


def _number(io: PlainIO, question: str, low: int, high: int, *, needed: bool) -> int | None:
    while True:
        answer = io.ask(question).strip()
        if not answer and not needed:
            return None
        if answer.isdigit() and low <= int(answer) <= high:
            return int(answer)
        io.say(f"A whole number from {low} to {high}, please." + ("" if needed else " Or Enter."))


def _all_feelings(content: Content) -> list[str]:
    """One line a family: "Numb and far away: numb, empty, can't tell..."."""
    return [
        f"{family.name}: {', '.join(e.name for e in content.emotions_in(family.id))}"
        for family in content.families
    ]


def _feelings(io: PlainIO, content: Content) -> tuple[str, ...]:
    from tui.cli.cmd_log import resolve_emotion

    chosen: list[str] = []
    question = (
        'Any feelings, by name, with commas between them? "numb" and "can\'t tell" are real '
        "answers. Type ? to hear them all, or Enter to skip."
    )
    while True:
        answer = io.ask(question).strip()
        if answer == "?":
            for line in _all_feelings(content):
                io.say(line)
            question = "Which feelings? (Enter to skip)"
            continue
        unknown = False
        for name in (part.strip() for part in answer.split(",")):
            if not name:
                continue
            try:
                found = resolve_emotion(content, name)
            except InputError as err:
                io.say(str(err))
                unknown = True
                continue
            if found not in chosen:
                chosen.append(found)
        if not unknown:
            return tuple(chosen)
        names = {e.id: e.name for e in content.emotions}
        kept = ", ".join(names.get(e, e) for e in chosen)
        so_far = f" So far: {kept}." if kept else ""
        question = f"Type that one again, or Enter to go on.{so_far}"


def _note(io: PlainIO, lines: list[str]) -> str:
    """Lines go into `lines` as they come, so a stop halfway keeps those already typed."""
    question = "A note, if you like: as many lines as you want; an empty line ends it."
    while True:
        line = io.ask(question)
        if not line.strip():
            return clean_text("\n".join(lines)).strip()
        lines.append(line)
        question = "(more, or an empty line to end)"


def _keep_as_draft(ctx: CliContext, io: PlainIO, draft: Draft) -> None:
    if draft.mood is None and not draft.note and not draft.emotions and not draft.tags:
        io.say("Nothing saved. Come back whenever you like.")
        return
    store = ctx.store()
    if store.draft() is None:
        store.save_draft(draft)
        io.say("Kept as a draft; it is offered the next time you check in.")
        return
    from tui.cli.editor import keep_note

    lines = [f"mood {draft.mood}", f"feel {draft.feel}", ", ".join(draft.emotions), *draft.tags]
    kept = keep_note("\n".join([*lines, draft.note]), ctx.data_dir, draft.saved_at)
    io.say(f"There was a draft already, so this one is kept in {kept}.")


def run_checkin(ctx: CliContext, io: PlainIO) -> CheckIn | None:
    """Ask, save through the Store, say so. None when the person stopped before saving."""
    content = ctx.content()
    draft = Draft(saved_at=ctx.clock.now())
    typed: list[str] = []
    io.say(INTRO)
    try:
        mood = _number(
            io, f"Mood, {MOOD_MIN} (lowest) to {MOOD_MAX} (best)?", MOOD_MIN, MOOD_MAX, needed=True
        )
        assert mood is not None  # needed=True asks until there is one
        draft = Draft(saved_at=draft.saved_at, mood=mood)
        feel = _number(
            io,
            f"How much can you feel right now, {FEEL_MIN} (nothing) to {FEEL_MAX}? Enter skips.",
            FEEL_MIN,
            FEEL_MAX,
            needed=False,
        )
        draft = Draft(saved_at=draft.saved_at, mood=mood, feel=feel)
        emotions = _feelings(io, content)
        draft = Draft(saved_at=draft.saved_at, mood=mood, feel=feel, emotions=emotions)
        note = _note(io, typed)[:NOTE_MAX_CHARS]
        draft = Draft(saved_at=draft.saved_at, mood=mood, feel=feel, emotions=emotions, note=note)
        answer = io.ask("Tags, with spaces between them? (Enter to skip)")
        tags = tuple(dict.fromkeys(t for t in (clean_line(w) for w in answer.split()) if t))
    except (Ended, KeyboardInterrupt):  # Ctrl+C, or a hang-up, between two questions too
        io.say()
        if typed and not draft.note:
            draft = replace(draft, note=clean_text("\n".join(typed)).strip()[:NOTE_MAX_CHARS])
        _keep_as_draft(ctx, io, draft)
        return None
    saved = ctx.store().add_checkin(mood, feel=feel, emotions=emotions, note=note, tags=tags)
    feel_part = "" if saved.feel is None else f", feel {saved.feel}"
    io.say(f"Saved: mood {saved.mood}{feel_part} at {saved.at:%H:%M}. Thank you for checking in.")
    return saved
