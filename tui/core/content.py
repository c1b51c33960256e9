"""Load and validate content/*.toml into frozen dataclasses; errors name the file and key.

CONTRACT (loader in progress; the dataclass shapes are fixed, screens code against them).
Files are read lazily, one at a time, on first use: start-up pays only for what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Valence = Literal["pleasant", "unpleasant", "mixed"]
Energy = Literal["high", "low"]


@dataclass(frozen=True, slots=True)
class EmotionFamily:
    id: str  # "numb", "sad", "calm"...
    name: str  # "Numb and far away"
    blurb: str  # one line about the family


@dataclass(frozen=True, slots=True)
class Emotion:
    id: str  # "cant_tell"
    name: str  # "can't tell"
    family: str  # EmotionFamily.id
    meaning: str  # one plain line
    valence: Valence
    energy: Energy


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


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str  # "low_feel", "low_mood_repeated", "default"...
    text: str  # one line
    action: str  # screen name to open: "ground", "breathe", "support", "ideas"...
    key_hint: str  # the label for the key that opens it


class ContentError(Exception):
    """A content file is missing or malformed; the message names the file and key."""


class Content:
    """All of Thaw's words, loaded lazily from a content directory."""

    def __init__(self, root: Path | None = None) -> None:
        raise NotImplementedError

    @property
    def families(self) -> tuple[EmotionFamily, ...]: ...
    @property
    def emotions(self) -> tuple[Emotion, ...]: ...
    def emotion(self, emotion_id: str) -> Emotion | None: ...
    def nearest_emotions(self, text: str, limit: int = 3) -> list[Emotion]: ...
    @property
    def breathing(self) -> tuple[BreathPattern, ...]: ...
    @property
    def grounding(self) -> tuple[GroundingExercise, ...]: ...
    @property
    def meditation(self) -> MeditationGuide: ...
    @property
    def ideas(self) -> tuple[IdeaGroup, ...]: ...
    @property
    def plan(self) -> tuple[PlanTemplate, ...]: ...
    @property
    def resources(self) -> Resources: ...
    @property
    def suggestions(self) -> tuple[Suggestion, ...]: ...
    @property
    def about(self) -> str: ...  # content/about.md
