"""The shapes of Thaw's practice, care and suggestion content (see tui/core/content.py).

Kept apart from the loader so that start-up, which shows only emotions, does not pay for
building fourteen frozen dataclasses it does not use; `tui.core.content` still exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class BreathPhase:
    kind: Literal["in", "hold", "out"]
    seconds: float
    label: str  # what the orb says: "in", "in again", "hold", "out"


@dataclass(frozen=True, slots=True)
class BreathPattern:
    id: str  # "cyclic_sigh", "resonance", "box", "478"
    name: str
    summary: str  # how to do it, one or two lines
    evidence: str  # one line on what is known
    phases: tuple[BreathPhase, ...]
    default_rounds: int  # 0 = use minutes
    default_minutes: float
    caution: str = ""  # e.g. 4-7-8's "stop if you feel dizzy"
    max_rounds: int = 0  # 0 = no cap; 4-7-8 starts with at most 4

    @property
    def cycle_seconds(self) -> float:
        """Length of one round (all phases), in seconds."""
        return sum(phase.seconds for phase in self.phases)


@dataclass(frozen=True, slots=True)
class GroundingStep:
    prompt: str  # "Name five things you can see."
    count: int = 0  # how many things to notice (5-4-3-2-1), 0 when not counted
    fallback: str = ""  # "Nothing there? Name one you like." shown on request


@dataclass(frozen=True, slots=True)
class GroundingExercise:
    id: str  # "senses", "breath", "object", "colour", "ice", "song"
    name: str
    intro: str
    steps: tuple[GroundingStep, ...]
    outro: str


@dataclass(frozen=True, slots=True)
class MeditationGuide:
    intro: str  # the short, kind instruction on the timer screen
    settle: str  # shown during the settle-in period
    end: str  # shown when time is up
    after_prompt: str  # "What came up?"
    presets_minutes: tuple[int, ...]  # (1, 2, 5, 10, 20)
    default_minutes: int


@dataclass(frozen=True, slots=True)
class Idea:
    id: str
    title: str
    detail: str
    effort: Literal["tiny", "small", "bigger"]


@dataclass(frozen=True, slots=True)
class IdeaGroup:
    id: str  # "comfort", "move", "talk", "release", "learn"
    name: str
    intro: str
    ideas: tuple[Idea, ...]
    openers: tuple[str, ...] = ()  # "talk": lines the person can use


@dataclass(frozen=True, slots=True)
class PlanTemplate:
    key: str  # "cbt", "somatic", "emdr", "psychiatrist", "doctor", "meditation", "yoga"
    title: str
    explanation: str
    where_to_look: str
    first_step: str


@dataclass(frozen=True, slots=True)
class HelpLine:
    name: str
    number: str  # what to dial or text
    how: str  # "call or text", "call, any time"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # "US"
    name: str
    emergency: str  # "911"
    lines: tuple[HelpLine, ...]
    find_therapist: str  # where to look for a psychologist/psychiatrist, in words


@dataclass(frozen=True, slots=True)
class Resources:
    intro: str
    countries: tuple[Country, ...]
    international: str  # the international directory, in words
    not_medical: str  # the plain "Thaw is not a medical device" line
    emergency_intro: str = ""  # one line before the emergency number


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str  # "low_feel", "low_mood_repeated", "default"...
    text: str  # one line
    action: str  # screen name to open: "ground", "breathe", "support", "ideas"...
    key_hint: str  # the label for the key that opens it


@dataclass(frozen=True, slots=True)
class ReflectionPrompt:
    id: str  # "not_caring", "detached", "fewer_good", "fewer_any"
    text: str  # a gentle question; never scored


@dataclass(frozen=True, slots=True)
class Reflection:
    intro: str
    prompts: tuple[ReflectionPrompt, ...]
    outro: str
