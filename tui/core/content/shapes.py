"""The small shapes start-up needs (emotions) and the fixed word lists content is checked against.

Kept apart from the loaders so each loader imports this, never the package facade (no cycles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Valence = Literal["pleasant", "unpleasant", "mixed"]
Energy = Literal["high", "low"]
PhaseKind = Literal["in", "hold", "out"]
Effort = Literal["tiny", "small", "bigger"]

VALENCES: tuple[Valence, ...] = ("pleasant", "unpleasant", "mixed")
ENERGIES: tuple[Energy, ...] = ("high", "low")
PHASE_KINDS: tuple[PhaseKind, ...] = ("in", "hold", "out")
EFFORTS: tuple[Effort, ...] = ("tiny", "small", "bigger")

#: The family that holds "numb", "flat", "can't tell"... (check-ins treat it specially).
NUMB_FAMILY = "numb"
#: The family of hopeless, worthless, trapped...: at mood 2 the check-in points to support.
DESPAIR_FAMILY = "despair"

#: Screen names a suggestion may open (see tui/screens/__init__.py SCREENS).
SUGGESTION_ACTIONS = ("ground", "breathe", "meditate", "ideas", "plan", "support", "history")

#: Countries with their own support lines in content/resources.toml, in file order.
COUNTRY_CODES = (
    "US",
    "CA",
    "GB",
    "IE",
    "AU",
    "NZ",
    "DE",
    "FR",
    "ES",
    "NL",
    "SE",
    "NO",
    "FI",
    "JP",
    "KR",
    "IN",
    "SG",
    "PH",
    "BR",
    "MX",
)


@dataclass(frozen=True, slots=True)
class EmotionFamily:
    id: str  # "numb", "low", "calm"...
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
