"""All of Thaw's words: load and validate content/*.toml into frozen dataclasses.

Files are read lazily, one at a time, on first use: start-up pays only for what it shows.
One module a kind of file (emotions, practices, care, resources), one for the TOML checks;
this facade caches what they return. The dataclass shapes are a contract the screens code
against; fields may only be added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from tui.core.content.shapes import (
    COUNTRY_CODES,
    DESPAIR_FAMILY,
    EFFORTS,
    ENERGIES,
    NUMB_FAMILY,
    PHASE_KINDS,
    SUGGESTION_ACTIONS,
    VALENCES,
    Effort,
    Emotion,
    EmotionFamily,
    Energy,
    PhaseKind,
    Valence,
)
from tui.core.content.table import ContentError, Table

__all__ = [
    "COUNTRY_CODES",
    "DESPAIR_FAMILY",
    "EFFORTS",
    "ENERGIES",
    "NUMB_FAMILY",
    "PHASE_KINDS",
    "SUGGESTION_ACTIONS",
    "VALENCES",
    "Content",
    "ContentError",
    "Effort",
    "Emotion",
    "EmotionFamily",
    "Energy",
    "PhaseKind",
    "Valence",
    "default_root",
    "guess_country",
]


if TYPE_CHECKING:
    from tui.core.content_types import BreathPattern as BreathPattern
    from tui.core.content_types import BreathPhase as BreathPhase
    from tui.core.content_types import Country as Country
    from tui.core.content_types import GroundingExercise as GroundingExercise
    from tui.core.content_types import GroundingStep as GroundingStep
    from tui.core.content_types import HelpLine as HelpLine
    from tui.core.content_types import Idea as Idea
    from tui.core.content_types import IdeaGroup as IdeaGroup
    from tui.core.content_types import LowMomentWords as LowMomentWords
    from tui.core.content_types import MeditationGuide as MeditationGuide
    from tui.core.content_types import PlanTemplate as PlanTemplate
    from tui.core.content_types import Reflection as Reflection
    from tui.core.content_types import ReflectionPrompt as ReflectionPrompt
    from tui.core.content_types import Resources as Resources
    from tui.core.content_types import SafetyPlanGuide as SafetyPlanGuide
    from tui.core.content_types import SafetyPlanSection as SafetyPlanSection
    from tui.core.content_types import Suggestion as Suggestion

# Practice, care and suggestion shapes live in content_types and load on first use (PEP 562).
_LAZY_TYPES = frozenset(
    {
        "BreathPhase",
        "BreathPattern",
        "GroundingStep",
        "GroundingExercise",
        "MeditationGuide",
        "Idea",
        "IdeaGroup",
        "PlanTemplate",
        "HelpLine",
        "Country",
        "Resources",
        "Suggestion",
        "LowMomentWords",
        "ReflectionPrompt",
        "Reflection",
        "SafetyPlanSection",
        "SafetyPlanGuide",
    }
)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in _LAZY_TYPES:
            from tui.core import content_types

            return getattr(content_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_root() -> Path:
    """The content folder: inside the installed package first, then the source checkout."""
    package_dir = Path(__file__).resolve().parents[2]  # .../tui
    installed = package_dir / "content"
    if installed.is_dir():
        return installed
    return package_dir.parent / "content"


def guess_country(
    environ: Mapping[str, str],
    known: Iterable[str] = COUNTRY_CODES,
    zones: Mapping[str, str] | None = None,
    zone: str = "",
) -> str:
    """A country code from the locale, else from the time zone; "" when neither is listed."""
    from tui.core.content.resources import guess_country as guess

    return guess(environ, known, zones, zone)


T = TypeVar("T")


class Content:
    """All of Thaw's words, loaded lazily from a content directory.

    Constructing it reads nothing; each file is parsed and validated the first time one of
    its properties is used, then cached. `files_read` lists what has been read, in order.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_root()
        self.files_read: list[str] = []
        self._cache: dict[str, object] = {}

    # -- reading -------------------------------------------------------------------------

    def _read_text(self, name: str) -> str:
        path = self.root / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ContentError(f"{name}: the file is missing (looked in {self.root})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ContentError(f"{name}: cannot be read ({exc})") from None
        self.files_read.append(name)
        return text

    def _table(self, name: str) -> Table:
        import tomllib  # imported on first use: start-up stays fast

        text = self._read_text(name)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ContentError(f"{name}: is not valid TOML ({exc})") from None
        return Table(name, "", data)

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._cache:
            self._cache[name] = build()
        return cast(T, self._cache[name])

    # -- emotions ------------------------------------------------------------------------

    def _emotion_file(self) -> tuple[tuple[EmotionFamily, ...], tuple[Emotion, ...]]:
        from tui.core.content.emotions import load_emotions

        return self._cached("emotions", lambda: load_emotions(self._table("emotions.toml")))

    @property
    def families(self) -> tuple[EmotionFamily, ...]:
        """Emotion families, in display order."""
        return self._emotion_file()[0]

    @property
    def emotions(self) -> tuple[Emotion, ...]:
        """Every emotion, grouped by family in display order."""
        return self._emotion_file()[1]

    def family(self, family_id: str) -> EmotionFamily | None:
        """The family with this id, or None."""
        return next((f for f in self.families if f.id == family_id), None)

    def emotion(self, emotion_id: str) -> Emotion | None:
        """The emotion with this id, or None. Also accepts its name ("can't tell")."""
        wanted = emotion_id.strip().casefold()
        for emotion in self.emotions:
            if emotion.id == wanted or emotion.name.casefold() == wanted:
                return emotion
        return None

    def emotions_in(self, family_id: str) -> tuple[Emotion, ...]:
        """The emotions of one family."""
        return tuple(e for e in self.emotions if e.family == family_id)

    def is_numbness(self, emotion_id: str) -> bool:
        """True when the emotion belongs to the numbness family."""
        emotion = self.emotion(emotion_id)
        return emotion is not None and emotion.family == NUMB_FAMILY

    def is_despair(self, emotion_id: str) -> bool:
        """True when the emotion belongs to the despair family (hopeless, worthless...)."""
        emotion = self.emotion(emotion_id)
        return emotion is not None and emotion.family == DESPAIR_FAMILY

    def nearest_emotions(self, text: str, limit: int = 3) -> list[Emotion]:
        """Emotions whose id or name is closest to `text`, best first (for "did you mean")."""
        import difflib  # only needed for "did you mean", so not paid at start-up

        wanted = text.strip().casefold().replace(" ", "_")
        if not wanted:
            return []
        by_key: dict[str, Emotion] = {}
        for emotion in self.emotions:
            by_key.setdefault(emotion.id, emotion)
            by_key.setdefault(emotion.name.casefold().replace(" ", "_"), emotion)
        matches = difflib.get_close_matches(wanted, list(by_key), n=limit * 2, cutoff=0.6)
        result: list[Emotion] = []
        for key in matches:
            emotion = by_key[key]
            if emotion not in result:
                result.append(emotion)
        return result[:limit]

    # -- practices -----------------------------------------------------------------------

    @property
    def breathing(self) -> tuple[BreathPattern, ...]:
        """Breathing patterns, in menu order."""
        from tui.core.content.practices import load_breathing

        return self._cached("breathing", lambda: load_breathing(self._table("breathing.toml")))

    def pattern(self, pattern_id: str) -> BreathPattern | None:
        """The breathing pattern with this id, or None."""
        return next((p for p in self.breathing if p.id == pattern_id), None)

    @property
    def grounding(self) -> tuple[GroundingExercise, ...]:
        """Grounding exercises, in menu order."""
        from tui.core.content.practices import load_grounding

        return self._cached("grounding", lambda: load_grounding(self._table("grounding.toml")))

    def exercise(self, exercise_id: str) -> GroundingExercise | None:
        """The grounding exercise with this id, or None."""
        return next((e for e in self.grounding if e.id == exercise_id), None)

    @property
    def meditation(self) -> MeditationGuide:
        """The words and presets for the meditation timer."""
        from tui.core.content.practices import load_meditation

        return self._cached("meditation", lambda: load_meditation(self._table("meditation.toml")))

    # -- care ----------------------------------------------------------------------------

    @property
    def ideas(self) -> tuple[IdeaGroup, ...]:
        """Ideas for what to try now, grouped by situation."""
        from tui.core.content.care import load_ideas

        return self._cached("ideas", lambda: load_ideas(self._table("ideas.toml")))

    def idea(self, idea_id: str) -> Idea | None:
        """The idea with this id (in any group), or None."""
        return next((i for g in self.ideas for i in g.ideas if i.id == idea_id), None)

    @property
    def plan(self) -> tuple[PlanTemplate, ...]:
        """Templates for the longer-term plan checklist."""
        from tui.core.content.care import load_plan

        return self._cached("plan", lambda: load_plan(self._table("plan.toml")))

    def plan_template(self, key: str) -> PlanTemplate | None:
        """The plan template with this key, or None."""
        return next((p for p in self.plan if p.key == key), None)

    @property
    def resources(self) -> Resources:
        """Support lines and emergency numbers by country, each with its source and date."""
        from tui.core.content.resources import load_resources

        return self._cached("resources", lambda: load_resources(self._table("resources.toml")))

    def country(self, code: str) -> Country | None:
        """The country with this code ("gb" works too), or None (show the international line)."""
        wanted = code.strip().upper()
        return next((c for c in self.resources.countries if c.code == wanted), None)

    def _suggestion_file(self) -> tuple[tuple[Suggestion, ...], LowMomentWords]:
        from tui.core.content.care import load_suggestions

        return self._cached(
            "suggestions", lambda: load_suggestions(self._table("suggestions.toml"))
        )

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        """The one-line next steps offered after a check-in (chosen by analysis.suggest)."""
        return self._suggestion_file()[0]

    @property
    def low_moment(self) -> LowMomentWords:
        """The words of the calm pointer to support at a very low check-in."""
        return self._suggestion_file()[1]

    def suggestion(self, suggestion_id: str) -> Suggestion:
        """The suggestion with this id, falling back to the 'default' one."""
        by_id = {s.id: s for s in self.suggestions}
        return by_id.get(suggestion_id, by_id["default"])

    @property
    def reflection(self) -> Reflection:
        """Gentle prompts for noticing blunting; prompts only, never a score."""
        from tui.core.content.care import load_reflection

        return self._cached("reflection", lambda: load_reflection(self._table("reflection.toml")))

    @property
    def safety_plan(self) -> SafetyPlanGuide:
        """The headings and prompts of the personal safety plan (content/safety_plan.toml)."""
        from tui.core.content.care import load_safety_plan

        return self._cached(
            "safety_plan", lambda: load_safety_plan(self._table("safety_plan.toml"))
        )

    @property
    def about(self) -> str:
        """The "about numbness and about Thaw" page, Markdown (content/about.md)."""
        return self._cached("about", self._load_about)

    def _load_about(self) -> str:
        text = self._read_text("about.md").strip()
        if not text:
            raise ContentError("about.md: the file is empty")
        return text
