"""Read the care files: ideas, the plan, suggestions, reflection and the safety plan's headings."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.core.content.shapes import SUGGESTION_ACTIONS
from tui.core.content.table import Table, unique

if TYPE_CHECKING:
    from tui.core.content.shapes import Effort
    from tui.core.content_types import (
        IdeaGroup,
        LowMomentWords,
        PlanTemplate,
        Reflection,
        SafetyPlanGuide,
        Suggestion,
    )


#: The seven parts of a Stanley-Brown safety plan, in its order; safety_plan.toml words them.
SAFETY_PLAN_SECTIONS = (
    "warning_signs",
    "on_my_own",
    "distractions",
    "people",
    "professionals",
    "safer_space",
    "what_matters",
)


def load_ideas(root: Table) -> tuple[IdeaGroup, ...]:
    """Ideas grouped by situation; idea ids are unique across groups (they key "tried" marks)."""
    from tui.core.content.shapes import EFFORTS
    from tui.core.content_types import Idea, IdeaGroup

    root.only("groups")
    tables = root.tables("groups")
    groups: list[IdeaGroup] = []
    idea_tables: list[Table] = []
    all_ideas: list[Idea] = []
    for t in tables:
        t.only("id", "name", "intro", "ideas", "openers")
        ideas: list[Idea] = []
        for i in t.tables("ideas"):
            i.only("id", "title", "detail", "effort")
            ideas.append(
                Idea(
                    id=i.text("id"),
                    title=i.text("title"),
                    detail=i.text("detail"),
                    effort=cast("Effort", i.choice("effort", EFFORTS)),
                )
            )
            idea_tables.append(i)
        all_ideas.extend(ideas)
        groups.append(
            IdeaGroup(
                id=t.text("id"),
                name=t.text("name"),
                intro=t.text("intro"),
                ideas=tuple(ideas),
                openers=t.texts("openers", required=False),
            )
        )
    unique(tables, groups, lambda g: g.id, "id")
    unique(idea_tables, all_ideas, lambda i: i.id, "id")
    return tuple(groups)


def load_plan(root: Table) -> tuple[PlanTemplate, ...]:
    """Templates for the longer-term plan checklist."""
    from tui.core.content_types import PlanTemplate

    root.only("templates")
    tables = root.tables("templates")
    templates: list[PlanTemplate] = []
    for t in tables:
        t.only("key", "title", "explanation", "where_to_look", "first_step")
        templates.append(
            PlanTemplate(
                key=t.text("key"),
                title=t.text("title"),
                explanation=t.text("explanation"),
                where_to_look=t.text("where_to_look"),
                first_step=t.text("first_step"),
            )
        )
    unique(tables, templates, lambda p: p.key, "key")
    return tuple(templates)


def load_suggestions(root: Table) -> tuple[tuple[Suggestion, ...], LowMomentWords]:
    """The one-line next steps, plus the words of the pointer to support at a low moment."""
    from tui.core.content_types import LowMomentWords, Suggestion

    root.only("suggestions", "low_moment")
    tables = root.tables("suggestions")
    items: list[Suggestion] = []
    for t in tables:
        t.only("id", "text", "action", "key_hint")
        text = t.text("text")
        if "\n" in text:
            raise t.error("text", "should be one line")
        items.append(
            Suggestion(
                id=t.text("id"),
                text=text,
                action=t.choice("action", SUGGESTION_ACTIONS),
                key_hint=t.text("key_hint"),
            )
        )
    unique(tables, items, lambda s: s.id, "id")
    if not any(s.id == "default" for s in items):
        raise root.error("suggestions", "needs one with id 'default'")
    low = root.data.get("low_moment")
    if not isinstance(low, dict):
        raise root.error("low_moment", "is missing (the words pointing to support)")
    t = Table(root.file, "low_moment", low)
    t.only("opening", "contact", "contact_phone", "line", "no_line", "keys", "keys_later")
    words = LowMomentWords(
        opening=t.text("opening"),
        contact=t.text("contact"),
        contact_phone=t.text("contact_phone"),
        line=t.text("line"),
        no_line=t.text("no_line"),
        keys=t.text("keys"),
        keys_later=t.text("keys_later", default=""),
    )
    for key in ("contact", "contact_phone"):
        if "{name}" not in getattr(words, key):
            raise t.error(key, "needs {name}, where the person's contact goes")
    if "{number}" not in words.line:
        raise t.error("line", "needs {number}, where the support line's number goes")
    return tuple(items), words


def load_reflection(root: Table) -> Reflection:
    """Gentle prompts for noticing blunting; prompts only, never a score."""
    from tui.core.content_types import Reflection, ReflectionPrompt

    root.only("intro", "prompts", "outro", "note_title", "skip")
    tables = root.tables("prompts")
    prompts: list[ReflectionPrompt] = []
    for t in tables:
        t.only("id", "text")
        prompts.append(ReflectionPrompt(t.text("id"), t.text("text")))
    unique(tables, prompts, lambda p: p.id, "id")
    return Reflection(
        intro=root.text("intro"),
        prompts=tuple(prompts),
        outro=root.text("outro"),
        note_title=root.text("note_title", default="A few questions, answered"),
        skip=root.text("skip", default=""),
    )


def load_safety_plan(root: Table) -> SafetyPlanGuide:
    """The safety plan's seven headings and prompts, in the Stanley-Brown order."""
    from tui.core.content_types import SafetyPlanGuide, SafetyPlanSection

    root.only("intro", "empty", "sections")
    tables = root.tables("sections")
    sections: list[SafetyPlanSection] = []
    for t in tables:
        t.only("id", "title", "prompt")
        sections.append(SafetyPlanSection(t.text("id"), t.text("title"), t.text("prompt")))
    unique(tables, sections, lambda s: s.id, "id")
    ids = tuple(s.id for s in sections)
    if ids != SAFETY_PLAN_SECTIONS:
        raise root.error("sections", f"should be, in order: {', '.join(SAFETY_PLAN_SECTIONS)}")
    return SafetyPlanGuide(
        intro=root.text("intro"), empty=root.text("empty"), sections=tuple(sections)
    )
