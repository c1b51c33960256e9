"""Check-ins as a Markdown journal to read (`thaw export --format md`): a day a heading.

Made for a person, not for reading back in (JSON does that): dates written out, feelings by
name, and every piece of the person's own text cleaned so it cannot drive a terminal or a
viewer, and so a note cannot break the page's own headings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from itertools import groupby
from typing import TYPE_CHECKING

from tui.core.text import clean_line, clean_text

if TYPE_CHECKING:
    from tui.core.records.models import CheckIn


def _day_heading(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _note_lines(note: str) -> list[str]:
    """The note as paragraphs; a line that Markdown would read as a heading keeps its "#"."""
    lines = []
    for line in clean_text(note).strip().split("\n"):
        stripped = line.lstrip()
        lines.append("\\" + line if stripped.startswith(("#", "---", "===")) else line)
    return lines


def journal_markdown(
    checkins: Sequence[CheckIn], names: Mapping[str, str], written_at: datetime
) -> str:
    """The whole journal, oldest first; an empty list gives a page that says so."""
    ordered = sorted(checkins, key=lambda c: c.at)
    count = f"{len(ordered):,} check-in{'' if len(ordered) == 1 else 's'}"
    lines = [
        "# Thaw journal",
        "",
        f"Written {written_at.day} {written_at:%b %Y} at {written_at:%H:%M}; {count}. "
        'Mood is 1 (lowest) to 10 (best); "feel" is how much you could feel, 0 to 10.',
    ]
    if not ordered:
        lines += ["", "Nothing here yet, and that is fine."]
    for day, group in groupby(ordered, key=lambda c: c.at.date()):
        lines += ["", f"## {_day_heading(day)}"]
        for c in group:
            feel = "" if c.feel is None else f", feel {c.feel}"
            lines += ["", f"### {c.at:%H:%M}, mood {c.mood}{feel}"]
            details = []
            if c.emotions:
                shown = ", ".join(clean_line(names.get(e, e.replace("_", " "))) for e in c.emotions)
                details.append(f"Feelings: {shown}")
            tags = [clean_line(t) for t in c.tags if clean_line(t)]
            if tags:
                details.append("Tags: " + ", ".join(tags))
            if details:
                lines += ["", *(f"{d}  " for d in details[:-1]), details[-1]]
            if c.note.strip():
                lines += ["", *_note_lines(c.note)]
    return "\n".join(lines) + "\n"
