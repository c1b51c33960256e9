"""Load and validate content/*.toml into frozen dataclasses; errors name the file and key.

Files are read lazily, one at a time, on first use: start-up pays only for what it shows.
The dataclass shapes are a contract the screens code against; fields may only be added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, cast

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

#: Screen names a suggestion may open (see tui/screens/__init__.py SCREENS).
SUGGESTION_ACTIONS = ("ground", "breathe", "meditate", "ideas", "plan", "support", "history")

#: Countries with their own crisis lines in content/resources.toml.
COUNTRY_CODES = ("US", "CA", "GB", "IE", "AU", "NZ")


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


if TYPE_CHECKING:
    from tui.core.content_types import BreathPattern as BreathPattern
    from tui.core.content_types import BreathPhase as BreathPhase
    from tui.core.content_types import Country as Country
    from tui.core.content_types import GroundingExercise as GroundingExercise
    from tui.core.content_types import GroundingStep as GroundingStep
    from tui.core.content_types import HelpLine as HelpLine
    from tui.core.content_types import Idea as Idea
    from tui.core.content_types import IdeaGroup as IdeaGroup
    from tui.core.content_types import MeditationGuide as MeditationGuide
    from tui.core.content_types import PlanTemplate as PlanTemplate
    from tui.core.content_types import Reflection as Reflection
    from tui.core.content_types import ReflectionPrompt as ReflectionPrompt
    from tui.core.content_types import Resources as Resources
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
        "ReflectionPrompt",
        "Reflection",
    }
)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in _LAZY_TYPES:
            from tui.core import content_types

            return getattr(content_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ContentError(Exception):
    """A content file is missing or malformed; the message names the file and key."""


def default_root() -> Path:
    """The content folder: inside the installed package first, then the source checkout."""
    package_dir = Path(__file__).resolve().parents[1]  # .../tui
    installed = package_dir / "content"
    if installed.is_dir():
        return installed
    return package_dir.parent / "content"


def guess_country(environ: Mapping[str, str], known: Iterable[str] = COUNTRY_CODES) -> str:
    """Guess a country code from the locale (LC_ALL, LC_MESSAGES, LANG: "en_GB.UTF-8" -> "GB").

    Returns "" when the locale names no country we list, which means "show the
    international directory". Pure: the caller passes os.environ.
    """
    allowed = {code.upper() for code in known}
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if not value:
            continue
        # The first variable that is set wins, as in the C library.
        locale = value.split(".", 1)[0].split("@", 1)[0]
        _, _, territory = locale.partition("_")
        code = territory.upper()
        return code if len(code) == 2 and code in allowed else ""
    return ""


_TYPE_WORDS: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}

T = TypeVar("T")


def _describe(value: object) -> str:
    """Name a TOML value's type in plain words, for error messages."""
    for kind, word in _TYPE_WORDS.items():
        if type(value) is kind:
            return word
    return type(value).__name__


class _Table:
    """One TOML table plus where it sits (file and key path), so errors can say exactly where."""

    def __init__(self, file: str, path: str, data: Mapping[str, object]) -> None:
        self.file = file
        self.path = path
        self.data = data

    def where(self, key: str) -> str:
        """The dotted key path of `key` in this table, e.g. "emotions[12].meaning"."""
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, problem: str) -> ContentError:
        """A ContentError naming the file and key path."""
        return ContentError(f"{self.file}: {self.where(key)} {problem}")

    def only(self, *allowed: str) -> None:
        """Refuse keys we do not know, so a typo in an optional key is not silently ignored."""
        for key in self.data:
            if key not in allowed:
                raise self.error(key, "is not a key this file uses (a typo?)")

    def _get(self, key: str, kind: type | tuple[type, ...], word: str) -> object:
        if key not in self.data:
            raise self.error(key, "is missing")
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            raise self.error(key, f"should be {word}, not {_describe(value)}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A non-empty string (surrounding whitespace trimmed)."""
        if default is not None and key not in self.data:
            return default
        value = cast(str, self._get(key, str, "text")).strip()
        if not value:
            raise self.error(key, "is empty")
        return value

    def integer(self, key: str, default: int | None = None, minimum: int = 0) -> int:
        """A whole number at least `minimum`."""
        if default is not None and key not in self.data:
            return default
        value = cast(int, self._get(key, int, "a whole number"))
        if value < minimum:
            raise self.error(key, f"should be at least {minimum}, not {value}")
        return value

    def number(self, key: str, minimum: float = 0.0, maximum: float = 1e9) -> float:
        """An int or float within [minimum, maximum]."""
        value = float(cast(float, self._get(key, (int, float), "a number")))
        if not minimum <= value <= maximum:
            raise self.error(key, f"should be between {minimum:g} and {maximum:g}, not {value:g}")
        return value

    def choice(self, key: str, options: Iterable[str]) -> str:
        """One of a fixed set of words."""
        allowed = tuple(options)
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"should be one of {', '.join(allowed)}, not {value!r}")
        return value

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if not required and key not in self.data:
            return ()
        items = cast(list[object], self._get(key, list, "a list"))
        result: list[str] = []
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise self.error(f"{key}[{index}]", f"should be text, not {_describe(item)}")
            if not item.strip():
                raise self.error(f"{key}[{index}]", "is empty")
            result.append(item.strip())
        if required and not result:
            raise self.error(key, "is empty")
        return tuple(result)

    def integers(self, key: str) -> tuple[int, ...]:
        """A non-empty list of positive whole numbers."""
        items = cast(list[object], self._get(key, list, "a list"))
        result: list[int] = []
        for index, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, int):
                problem = f"should be a whole number, not {_describe(item)}"
                raise self.error(f"{key}[{index}]", problem)
            if item < 1:
                raise self.error(f"{key}[{index}]", f"should be at least 1, not {item}")
            result.append(item)
        if not result:
            raise self.error(key, "is empty")
        return tuple(result)

    def tables(self, key: str) -> list[_Table]:
        """A non-empty array of tables ([[key]] in TOML)."""
        items = cast(list[object], self._get(key, list, "a list of tables"))
        if not items:
            raise self.error(key, "is empty")
        result: list[_Table] = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.error(f"{key}[{index}]", f"should be a table, not {_describe(item)}")
            result.append(_Table(self.file, self.where(f"{key}[{index}]"), item))
        return result


def _unique(tables: list[_Table], items: list[T], ident: Callable[[T], str], key: str) -> None:
    """Refuse a repeated id, naming the second table that uses it."""
    seen: set[str] = set()
    for table, item in zip(tables, items, strict=True):
        value = ident(item)
        if value in seen:
            raise table.error(key, f"{value!r} is used twice")
        seen.add(value)


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

    def _table(self, name: str) -> _Table:
        import tomllib  # imported on first use: start-up stays fast

        text = self._read_text(name)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ContentError(f"{name}: is not valid TOML ({exc})") from None
        return _Table(name, "", data)

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._cache:
            self._cache[name] = build()
        return cast(T, self._cache[name])

    # -- emotions ------------------------------------------------------------------------

    def _emotion_file(self) -> tuple[tuple[EmotionFamily, ...], tuple[Emotion, ...]]:
        return self._cached("emotions", self._load_emotions)

    def _load_emotions(self) -> tuple[tuple[EmotionFamily, ...], tuple[Emotion, ...]]:
        root = self._table("emotions.toml")
        root.only("families", "emotions")
        family_tables = root.tables("families")
        families: list[EmotionFamily] = []
        for t in family_tables:
            t.only("id", "name", "blurb")
            families.append(EmotionFamily(t.text("id"), t.text("name"), t.text("blurb")))
        _unique(family_tables, families, lambda f: f.id, "id")
        family_ids = {f.id for f in families}

        emotion_tables = root.tables("emotions")
        emotions: list[Emotion] = []
        for t in emotion_tables:
            t.only("id", "name", "family", "meaning", "valence", "energy")
            family = t.text("family")
            if family not in family_ids:
                raise t.error("family", f"{family!r} is not one of the families above")
            emotions.append(
                Emotion(
                    id=t.text("id"),
                    name=t.text("name"),
                    family=family,
                    meaning=t.text("meaning"),
                    valence=cast(Valence, t.choice("valence", VALENCES)),
                    energy=cast(Energy, t.choice("energy", ENERGIES)),
                )
            )
        _unique(emotion_tables, emotions, lambda e: e.id, "id")
        _unique(emotion_tables, emotions, lambda e: e.name.casefold(), "name")
        used = {e.family for e in emotions}
        for t, family_item in zip(family_tables, families, strict=True):
            if family_item.id not in used:
                raise t.error("id", f"family {family_item.id!r} has no emotions")
        return tuple(families), tuple(emotions)

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
        return self._cached("breathing", self._load_breathing)

    def _load_breathing(self) -> tuple[BreathPattern, ...]:
        from tui.core.content_types import BreathPattern, BreathPhase

        root = self._table("breathing.toml")
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
            )
            phases: list[BreathPhase] = []
            for p in t.tables("phases"):
                p.only("kind", "seconds", "label")
                phases.append(
                    BreathPhase(
                        kind=cast(PhaseKind, p.choice("kind", PHASE_KINDS)),
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
                )
            )
        _unique(tables, patterns, lambda p: p.id, "id")
        return tuple(patterns)

    def pattern(self, pattern_id: str) -> BreathPattern | None:
        """The breathing pattern with this id, or None."""
        return next((p for p in self.breathing if p.id == pattern_id), None)

    @property
    def grounding(self) -> tuple[GroundingExercise, ...]:
        """Grounding exercises, in menu order."""
        return self._cached("grounding", self._load_grounding)

    def _load_grounding(self) -> tuple[GroundingExercise, ...]:
        from tui.core.content_types import GroundingExercise, GroundingStep

        root = self._table("grounding.toml")
        root.only("exercises")
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
                )
            )
        _unique(tables, exercises, lambda e: e.id, "id")
        return tuple(exercises)

    def exercise(self, exercise_id: str) -> GroundingExercise | None:
        """The grounding exercise with this id, or None."""
        return next((e for e in self.grounding if e.id == exercise_id), None)

    @property
    def meditation(self) -> MeditationGuide:
        """The words and presets for the meditation timer."""
        return self._cached("meditation", self._load_meditation)

    def _load_meditation(self) -> MeditationGuide:
        from tui.core.content_types import MeditationGuide

        t = self._table("meditation.toml")
        t.only("intro", "settle", "end", "after_prompt", "presets_minutes", "default_minutes")
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
        )

    # -- care ----------------------------------------------------------------------------

    @property
    def ideas(self) -> tuple[IdeaGroup, ...]:
        """Ideas for what to try now, grouped by situation."""
        return self._cached("ideas", self._load_ideas)

    def _load_ideas(self) -> tuple[IdeaGroup, ...]:
        from tui.core.content_types import Idea, IdeaGroup

        root = self._table("ideas.toml")
        root.only("groups")
        tables = root.tables("groups")
        groups: list[IdeaGroup] = []
        idea_tables: list[_Table] = []
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
                        effort=cast(Effort, i.choice("effort", EFFORTS)),
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
        _unique(tables, groups, lambda g: g.id, "id")
        # Idea ids are kept with "tried" marks, so they must be unique across groups.
        _unique(idea_tables, all_ideas, lambda i: i.id, "id")
        return tuple(groups)

    def idea(self, idea_id: str) -> Idea | None:
        """The idea with this id (in any group), or None."""
        return next((i for g in self.ideas for i in g.ideas if i.id == idea_id), None)

    @property
    def plan(self) -> tuple[PlanTemplate, ...]:
        """Templates for the longer-term plan checklist."""
        return self._cached("plan", self._load_plan)

    def _load_plan(self) -> tuple[PlanTemplate, ...]:
        from tui.core.content_types import PlanTemplate

        root = self._table("plan.toml")
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
        _unique(tables, templates, lambda p: p.key, "key")
        return tuple(templates)

    def plan_template(self, key: str) -> PlanTemplate | None:
        """The plan template with this key, or None."""
        return next((p for p in self.plan if p.key == key), None)

    @property
    def resources(self) -> Resources:
        """Crisis lines, emergency numbers and where to find a professional, by country."""
        return self._cached("resources", self._load_resources)

    def _load_resources(self) -> Resources:
        from tui.core.content_types import Country, HelpLine, Resources

        root = self._table("resources.toml")
        root.only("intro", "emergency_intro", "international", "not_medical", "countries")
        tables = root.tables("countries")
        countries: list[Country] = []
        for t in tables:
            t.only("code", "name", "emergency", "lines", "find_therapist")
            code = t.text("code")
            if len(code) != 2 or not code.isalpha() or not code.isupper():
                raise t.error("code", f"should be two capital letters, not {code!r}")
            lines: list[HelpLine] = []
            for line in t.tables("lines"):
                line.only("name", "number", "how")
                lines.append(HelpLine(line.text("name"), line.text("number"), line.text("how")))
            countries.append(
                Country(
                    code=code,
                    name=t.text("name"),
                    emergency=t.text("emergency"),
                    lines=tuple(lines),
                    find_therapist=t.text("find_therapist"),
                )
            )
        _unique(tables, countries, lambda c: c.code, "code")
        return Resources(
            intro=root.text("intro"),
            countries=tuple(countries),
            international=root.text("international"),
            not_medical=root.text("not_medical"),
            emergency_intro=root.text("emergency_intro", default=""),
        )

    def country(self, code: str) -> Country | None:
        """The country with this code ("gb" works too), or None (show the international line)."""
        wanted = code.strip().upper()
        return next((c for c in self.resources.countries if c.code == wanted), None)

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        """The one-line next steps offered after a check-in (see tui.core.analysis.suggest)."""
        return self._cached("suggestions", self._load_suggestions)

    def _load_suggestions(self) -> tuple[Suggestion, ...]:
        from tui.core.content_types import Suggestion

        root = self._table("suggestions.toml")
        root.only("suggestions")
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
        _unique(tables, items, lambda s: s.id, "id")
        if not any(s.id == "default" for s in items):
            raise root.error("suggestions", "needs one with id 'default'")
        return tuple(items)

    def suggestion(self, suggestion_id: str) -> Suggestion:
        """The suggestion with this id, falling back to the 'default' one."""
        by_id = {s.id: s for s in self.suggestions}
        return by_id.get(suggestion_id, by_id["default"])

    @property
    def reflection(self) -> Reflection:
        """Gentle prompts for noticing blunting; prompts only, never a score."""
        return self._cached("reflection", self._load_reflection)

    def _load_reflection(self) -> Reflection:
        from tui.core.content_types import Reflection, ReflectionPrompt

        root = self._table("reflection.toml")
        root.only("intro", "prompts", "outro")
        tables = root.tables("prompts")
        prompts: list[ReflectionPrompt] = []
        for t in tables:
            t.only("id", "text")
            prompts.append(ReflectionPrompt(t.text("id"), t.text("text")))
        _unique(tables, prompts, lambda p: p.id, "id")
        return Reflection(
            intro=root.text("intro"), prompts=tuple(prompts), outro=root.text("outro")
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
