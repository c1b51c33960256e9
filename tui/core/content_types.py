"""The shapes of Thaw's practice, care and suggestion content (see tui/core/content/).

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
    safety: str = ""  # "you can breathe normally at any time": needed when a pattern holds

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
    safety: str = ""  # "open your eyes or stop whenever you like", shown with the intro


@dataclass(frozen=True, slots=True)
class MeditationGuide:
    intro: str  # the short, kind instruction on the timer screen
    settle: str  # shown during the settle-in period
    end: str  # shown when time is up
    after_prompt: str  # "What came up?"
    presets_minutes: tuple[int, ...]  # (1, 2, 5, 10, 20)
    default_minutes: int
    safety: str = ""  # eyes open is fine; stopping is always fine


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
    how: str  # hours and cost as the source says them: "call free, any time"
    source: str = ""  # the public page the number was checked against
    checked: str = ""  # the date it was checked, "2026-12-01"
    region: str = ""  # "Northern Ireland" when the line serves only part of the country


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # "US"
    name: str
    emergency: str  # "911"
    lines: tuple[HelpLine, ...]
    find_therapist: str  # where to look for a psychologist/psychiatrist, in words
    aliases: tuple[str, ...] = ()  # other names people type: "Deutschland", "UK"
    zones: tuple[str, ...] = ()  # IANA time zones that suggest this country
    emergency_source: str = ""  # where the emergency number was checked


@dataclass(frozen=True, slots=True)
class Resources:
    intro: str
    countries: tuple[Country, ...]
    international: str  # the international directory, in words
    not_medical: str  # the plain "Thaw is not a medical device" line
    emergency_intro: str = ""  # one line before the emergency number
    anywhere: str = ""  # help that does not depend on the country, shown last


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
    note_title: str = "A few questions, answered"  # the first line of the note that keeps them
    skip: str = ""  # what "not now" says


@dataclass(frozen=True, slots=True)
class LowMomentWords:
    """The calm pointer to support after a very low check-in, in parts joined in order."""

    opening: str  # "You don't have to hold this alone."
    contact: str  # "{name} is someone you could reach now."
    contact_phone: str  # "... {name} ({phone}) ..."
    line: str  # "{line} is there to listen: {number}, {how}."
    no_line: str  # when no country is chosen
    keys: str  # "F2 shows everyone you can reach."
    keys_later: str = ""  # the same, printed after `thaw checkin` has closed


@dataclass(frozen=True, slots=True)
class SafetyPlanSection:
    id: str  # "warning_signs" ... "what_matters"
    title: str  # "My warning signs"
    prompt: str  # a gentle question that helps someone write it


@dataclass(frozen=True, slots=True)
class SafetyPlanGuide:
    intro: str
    empty: str  # shown under a heading nothing has been written for yet
    sections: tuple[SafetyPlanSection, ...]
