"""Read the practice files: breathing patterns, grounding exercises and the meditation timer."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.core.content.table import Table, unique

if TYPE_CHECKING:
    from tui.core.content.shapes import PhaseKind
    from tui.core.content_types import BreathPattern, GroundingExercise, MeditationGuide


def load_breathing(root: Table) -> tuple[BreathPattern, ...]:
    """Breathing patterns in menu order; each needs an in and an out, and a length."""
    from tui.core.content.shapes import PHASE_KINDS
    from tui.core.content_types import BreathPattern, BreathPhase

    root.only("patterns")
    tables = root.tables("patterns")
    patterns: list[BreathPattern] = []
    for t in tables:
        t.only(
            "id",
            "name",
            "summary",
            "evidence",
            "phases",
            "default_rounds",
            "default_minutes",
            "caution",
            "max_rounds",
            "safety",
        )
        phases: list[BreathPhase] = []
        for p in t.tables("phases"):
            p.only("kind", "seconds", "label")
            phases.append(
                BreathPhase(
                    kind=cast("PhaseKind", p.choice("kind", PHASE_KINDS)),
                    seconds=p.number("seconds", minimum=0.5, maximum=30),
                    label=p.text("label"),
                )
            )
        kinds = {phase.kind for phase in phases}
        if not {"in", "out"} <= kinds:
            raise t.error("phases", "needs at least one 'in' and one 'out'")
        default_rounds = t.integer("default_rounds")
        max_rounds = t.integer("max_rounds", default=0)
        if max_rounds and default_rounds > max_rounds:
            raise t.error("default_rounds", f"is more than max_rounds ({max_rounds})")
        default_minutes = t.number("default_minutes", minimum=0, maximum=60)
        if default_rounds == 0 and default_minutes == 0:
            raise t.error("default_minutes", "must be set when default_rounds is 0")
        safety = t.text("safety", default="")
        if "hold" in kinds and not safety:
            raise t.error("safety", "is needed: this pattern holds the breath")
        patterns.append(
            BreathPattern(
                id=t.text("id"),
                name=t.text("name"),
                summary=t.text("summary"),
                evidence=t.text("evidence"),
                phases=tuple(phases),
                default_rounds=default_rounds,
                default_minutes=default_minutes,
                caution=t.text("caution", default=""),
                max_rounds=max_rounds,
                safety=safety,
            )
        )
    unique(tables, patterns, lambda p: p.id, "id")
    return tuple(patterns)


def load_grounding(root: Table) -> tuple[GroundingExercise, ...]:
    """Grounding exercises in menu order, each a list of steps."""
    from tui.core.content_types import GroundingExercise, GroundingStep

    root.only("exercises", "safety")
    tables = root.tables("exercises")
    exercises: list[GroundingExercise] = []
    for t in tables:
        t.only("id", "name", "intro", "steps", "outro")
        steps: list[GroundingStep] = []
        for s in t.tables("steps"):
            s.only("prompt", "count", "fallback")
            steps.append(
                GroundingStep(
                    prompt=s.text("prompt"),
                    count=s.integer("count", default=0),
                    fallback=s.text("fallback", default=""),
                )
            )
        exercises.append(
            GroundingExercise(
                id=t.text("id"),
                name=t.text("name"),
                intro=t.text("intro"),
                steps=tuple(steps),
                outro=t.text("outro"),
                safety=root.text("safety", default=""),
            )
        )
    unique(tables, exercises, lambda e: e.id, "id")
    return tuple(exercises)


def load_meditation(t: Table) -> MeditationGuide:
    """The words and presets for the meditation timer; its safety note is required."""
    from tui.core.content_types import MeditationGuide

    t.only("intro", "settle", "end", "after_prompt", "presets_minutes", "default_minutes", "safety")
    presets = t.integers("presets_minutes")
    default = t.integer("default_minutes", minimum=1)
    if default not in presets:
        raise t.error("default_minutes", f"{default} is not one of presets_minutes")
    return MeditationGuide(
        intro=t.text("intro"),
        settle=t.text("settle"),
        end=t.text("end"),
        after_prompt=t.text("after_prompt"),
        presets_minutes=presets,
        default_minutes=default,
        safety=t.text("safety"),
    )
