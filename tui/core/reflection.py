"""The reflection questions: when to offer them again, and the note that keeps the answers.

Never a score: the answers are kept as the person wrote them, in a timeline note (a marker),
and the questions are offered again only after a fortnight without one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from tui.core.analysis.stats import local_day
from tui.core.records.models import Marker
from tui.core.text import clean_text

#: The questions come back this long after they were last answered.
OFFER_EVERY = timedelta(days=14)


def last_answered(markers: Sequence[Marker], note_title: str) -> date | None:
    """The day of the newest reflection note, or None when there is none."""
    days = [local_day(m.at) for m in markers if m.text.startswith(note_title)]
    return max(days) if days else None


def is_due(markers: Sequence[Marker], note_title: str, today: date) -> bool:
    """True when no reflection note was kept in the last fortnight."""
    last = last_answered(markers, note_title)
    return last is None or today - last >= OFFER_EVERY


def answers_note(note_title: str, answers: Mapping[str, str], questions: Sequence[str]) -> str:
    """The note: the title, then each question that was answered and the person's words.

    Returns "" when nothing was written (skipping keeps nothing).
    """
    parts: list[str] = []
    for question in questions:
        answer = clean_text(answers.get(question, "")).strip()
        if answer:
            parts.append(f"{question}\n{answer}")
    if not parts:
        return ""
    return note_title + "\n\n" + "\n\n".join(parts)


def history_pointers(
    markers: Sequence[Marker], note_title: str, today: date, first_day: date | None
) -> str:
    """The quiet lines under history's insights: where "what helps" is, and, once a fortnight,
    the reflection questions (skipping them costs nothing; they simply wait). They are first
    offered two weeks after the first check-in, when there is a fortnight to look back on."""
    lines = ["t: what helps me (your ratings, before and after)"]
    looked_back = first_day is not None and today - first_day >= OFFER_EVERY
    if looked_back and is_due(markers, note_title, today):
        lines.append("f: a few gentle questions about how things have been, if you like")
    return "\n".join(lines)
