"""A personal safety plan (the Stanley-Brown structure), in the person's own words.

The model and its codec live here, apart from the store, so the store only moves bytes: it
keeps one document in safety_plan.json, written like settings (locked, atomic, backed up).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from tui.core.records.rules import NOTE_MAX_CHARS
from tui.core.text import clean_text

if TYPE_CHECKING:
    from tui.core.content import Content

#: The seven parts, in the order the plan is read in a hard moment (content words them).
SECTIONS = (
    "warning_signs",
    "on_my_own",
    "distractions",
    "people",
    "professionals",
    "safer_space",
    "what_matters",
)


@dataclass(frozen=True)
class SafetyPlan:
    """What the person wrote under each heading; "" where nothing is written yet."""

    warning_signs: str = ""
    on_my_own: str = ""
    distractions: str = ""
    people: str = ""
    professionals: str = ""
    safer_space: str = ""
    what_matters: str = ""
    in_summary: bool = False  # shown in the appointment summary only when the person says so
    rev: int = 1

    def text(self, section: str) -> str:
        """What is written under one heading."""
        if section not in SECTIONS:
            raise KeyError(section)
        return str(getattr(self, section))

    def with_text(self, section: str, text: str) -> SafetyPlan:
        """A copy with one heading rewritten (cleaned, trimmed, kept to the note limit)."""
        if section not in SECTIONS:
            raise KeyError(section)
        changes: dict[str, Any] = {section: clean_plan_text(text)}
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        """True while nothing has been written under any heading."""
        return not any(self.text(s) for s in SECTIONS)


def clean_plan_text(text: str) -> str:
    """Control characters out, ends trimmed, at most the length of a note."""
    return clean_text(text).strip()[:NOTE_MAX_CHARS]


def plan_to_doc(plan: SafetyPlan) -> dict[str, object]:
    """The stored document: every heading's text, the summary choice and the revision."""
    doc: dict[str, object] = {s: clean_plan_text(plan.text(s)) for s in SECTIONS}
    doc["in_summary"] = bool(plan.in_summary)
    doc["rev"] = int(plan.rev)
    return doc


def plan_from_doc(doc: Mapping[str, object]) -> SafetyPlan:
    """Read a stored document; a missing or mistyped field reads as empty, never as an error,
    so a hand-edited file still opens (text is cleaned again on the way out)."""
    values: dict[str, object] = {}
    for section in SECTIONS:
        value = doc.get(section, "")
        values[section] = clean_plan_text(value) if isinstance(value, str) else ""
    in_summary = doc.get("in_summary", False)
    values["in_summary"] = in_summary if isinstance(in_summary, bool) else False
    rev = doc.get("rev", 1)
    values["rev"] = rev if isinstance(rev, int) and not isinstance(rev, bool) and rev >= 1 else 1
    known = {f.name for f in fields(SafetyPlan)}
    kept: dict[str, Any] = {k: v for k, v in values.items() if k in known}
    return SafetyPlan(**kept)


def included_sections(plan: SafetyPlan, content: Content) -> list[tuple[str, str]]:
    """(heading, the person's words) for the summary: only when they chose to include it,
    and only the headings with something written."""
    from tui.core.content import ContentError

    if not plan.in_summary or plan.is_empty:
        return []
    try:
        sections = content.safety_plan.sections
    except ContentError:
        return []
    return [(s.title, plan.text(s.id)) for s in sections if plan.text(s.id)]


def summary_lines(sections: Sequence[tuple[str, str]], escape: Callable[[str], str]) -> list[str]:
    """The summary's "My safety plan" section; `escape` makes each line safe Markdown."""
    lines = ["## My safety plan", ""]
    for heading, text in sections:
        lines += [f"**{escape(heading)}**", ""]
        lines += [escape(line) for line in clean_text(text).splitlines()]
        lines.append("")
    return lines
