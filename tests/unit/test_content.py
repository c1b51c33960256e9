"""Every content file loads, carries real text, and holds what the screens rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.content import COUNTRY_CODES, Content, default_root, guess_country

CONTENT_DIR = default_root()


def content_files() -> list[Path]:
    """Every shipped content file (dotfiles such as .keep are not content)."""
    return sorted(p for p in CONTENT_DIR.iterdir() if not p.name.startswith("."))


PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|lorem|ipsum|xxx+|placeholder)\b", re.IGNORECASE)


# `content`: the shared fixture in tests/conftest.py.


def test_every_content_file_loads(content: Content) -> None:
    assert content.families and content.emotions
    assert content.breathing and content.grounding and content.meditation
    assert content.ideas and content.plan and content.resources
    assert content.suggestions and content.reflection and content.about
    assert content.safety_plan and content.low_moment
    files = {path.name for path in content_files()}
    assert set(content.files_read) == files  # nothing shipped that the loader ignores


def test_no_placeholder_words_anywhere() -> None:
    for path in content_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not PLACEHOLDER.search(line), f"{path.name}:{number}: {line}"


def test_no_clinical_promises_or_medication_advice() -> None:
    banned = re.compile(r"\b(cure[sd]?|guarantee[sd]?|diagnos[ei]s you|stop taking)\b", re.I)
    for path in content_files():
        text = path.read_text(encoding="utf-8")
        assert not banned.search(text), f"{path.name}: {banned.search(text)}"


def test_breathing_patterns(content: Content) -> None:
    ids = [p.id for p in content.breathing]
    assert ids == ["cyclic_sigh", "resonance", "box", "478"]
    for pattern in content.breathing:
        assert pattern.summary and pattern.evidence and pattern.name
        assert 4 <= pattern.cycle_seconds <= 30, pattern.id
        assert pattern.default_rounds > 0 or pattern.default_minutes > 0
        assert all(phase.label for phase in pattern.phases)


def test_cyclic_sigh_is_two_breaths_in_and_a_long_one_out(content: Content) -> None:
    sigh = content.pattern("cyclic_sigh")
    assert sigh is not None
    assert [(p.kind, p.seconds) for p in sigh.phases] == [("in", 2), ("in", 1), ("out", 6)]
    assert "Balban" in sigh.evidence


def test_resonance_is_about_six_breaths_a_minute(content: Content) -> None:
    resonance = content.pattern("resonance")
    assert resonance is not None
    assert 5.0 <= 60 / resonance.cycle_seconds <= 7.0
    assert [p.kind for p in resonance.phases] == ["in", "out"]


def test_box_is_four_fours(content: Content) -> None:
    box = content.pattern("box")
    assert box is not None
    assert [(p.kind, p.seconds) for p in box.phases] == [
        ("in", 4),
        ("hold", 4),
        ("out", 4),
        ("hold", 4),
    ]


def test_478_has_its_caution_and_at_most_four_rounds(content: Content) -> None:
    pattern = content.pattern("478")
    assert pattern is not None
    assert [(p.kind, p.seconds) for p in pattern.phases] == [("in", 4), ("hold", 7), ("out", 8)]
    assert "dizzy" in pattern.caution
    assert pattern.default_rounds == 4
    assert pattern.max_rounds == 4


def test_grounding_exercises_have_steps(content: Content) -> None:
    ids = {e.id for e in content.grounding}
    assert ids >= {"senses", "breath", "object", "colour", "ice", "song"}
    for exercise in content.grounding:
        assert exercise.intro and exercise.outro and exercise.steps
        assert all(step.prompt for step in exercise.steps)


def test_senses_counts_down_with_a_fallback_at_every_step(content: Content) -> None:
    senses = content.exercise("senses")
    assert senses is not None
    assert [s.count for s in senses.steps] == [5, 4, 3, 2, 1]
    assert all("like" in s.fallback for s in senses.steps)


def test_object_exercise_covers_weight_texture_temperature(content: Content) -> None:
    exercise = content.exercise("object")
    assert exercise is not None
    text = " ".join(s.prompt for s in exercise.steps).lower()
    for word in ("weight", "smooth", "temperature"):
        assert word in text


def test_meditation_guide(content: Content) -> None:
    guide = content.meditation
    assert guide.presets_minutes == (1, 2, 5, 10, 20)
    assert guide.default_minutes == 2
    assert "no wrong way" in guide.intro
    assert guide.settle and guide.end and guide.after_prompt


def test_ideas_groups_and_text(content: Content) -> None:
    assert [g.id for g in content.ideas] == ["comfort", "move", "talk", "release", "learn"]
    ids = [i.id for g in content.ideas for i in g.ideas]
    assert len(ids) == len(set(ids))
    for group in content.ideas:
        assert group.name and group.intro and group.ideas
        for idea in group.ideas:
            assert idea.title and idea.detail
            assert idea.effort in ("tiny", "small", "bigger")
    talk = next(g for g in content.ideas if g.id == "talk")
    assert 2 <= len(talk.openers) <= 3
    assert content.idea("push_wall") is not None
    assert content.idea("nope") is None


def test_move_ideas_run_from_small_to_bigger(content: Content) -> None:
    move = next(g for g in content.ideas if g.id == "move")
    order = {"tiny": 0, "small": 1, "bigger": 2}
    efforts = [order[i.effort] for i in move.ideas]
    assert efforts == sorted(efforts)


def test_plan_templates(content: Content) -> None:
    keys = [p.key for p in content.plan]
    assert keys == ["cbt", "somatic", "emdr", "psychiatrist", "doctor", "meditation", "yoga"]
    for template in content.plan:
        assert template.title and template.explanation
        assert template.where_to_look and template.first_step
    psychiatrist = content.plan_template("psychiatrist")
    assert psychiatrist is not None
    assert "six weeks" in psychiatrist.explanation
    assert "never on your own" in psychiatrist.explanation
    doctor = content.plan_template("doctor")
    assert doctor is not None and "head injury" in doctor.explanation


def test_every_country_has_a_crisis_line_and_an_emergency_number(content: Content) -> None:
    resources = content.resources
    assert resources.intro and resources.international and resources.not_medical
    assert "findahelpline.com" in resources.international
    codes = tuple(c.code for c in resources.countries)
    assert codes == COUNTRY_CODES
    for country in resources.countries:
        assert re.search(r"\d", country.emergency), country.code
        assert country.lines, country.code
        assert country.find_therapist, country.code
        for line in country.lines:
            assert line.name and line.how and re.search(r"\d", line.number)


@pytest.mark.parametrize(
    ("code", "emergency", "line"),
    [
        ("US", "911", "988"),
        ("CA", "911", "988"),
        ("GB", "999", "116 123"),
        ("IE", "112 or 999", "116 123"),
        ("AU", "000", "13 11 14"),
        ("NZ", "111", "1737"),
    ],
)
def test_country_numbers(content: Content, code: str, emergency: str, line: str) -> None:
    country = content.country(code.lower())
    assert country is not None
    assert country.emergency == emergency
    assert line in [help_line.number for help_line in country.lines]


def test_unknown_country_is_none(content: Content) -> None:
    assert content.country("IT") is None
    assert content.country("") is None


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GB"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "en_AU.UTF-8"}, "AU"),
        ({"LC_MESSAGES": "en_NZ", "LANG": "en_US.UTF-8"}, "NZ"),
        ({"LANG": "ga_IE.UTF-8@euro"}, "IE"),
        ({"LANG": "fr_CA.UTF-8"}, "CA"),
        ({"LANG": "it_IT.UTF-8"}, ""),
        ({"LANG": "C.UTF-8"}, ""),
        ({"LANG": "POSIX"}, ""),
        ({"LC_ALL": "", "LANG": "en_US"}, "US"),
        ({}, ""),
    ],
)
def test_guess_country_from_locale(environ: dict[str, str], expected: str) -> None:
    assert guess_country(environ) == expected


def test_guess_country_can_accept_any_listed_code() -> None:
    assert guess_country({"LANG": "de_DE.UTF-8"}, known=("DE",)) == "DE"


def test_suggestions_cover_every_rule(content: Content) -> None:
    ids = {s.id for s in content.suggestions}
    assert ids >= {"low_feel", "move", "low_mood_repeated", "anxious", "default"}
    assert content.suggestion("low_feel").action == "ground"
    assert content.suggestion("low_mood_repeated").action == "support"
    assert content.suggestion("missing").id == "default"


def test_reflection_prompts_cover_the_four_areas_without_a_score(content: Content) -> None:
    reflection = content.reflection
    assert [p.id for p in reflection.prompts] == [
        "not_caring",
        "detached",
        "fewer_good",
        "fewer_any",
    ]
    assert all(p.text.endswith("?") for p in reflection.prompts)
    assert "no score" in reflection.intro


def test_about_page_says_what_thaw_is_not(content: Content) -> None:
    about = content.about
    assert about.startswith("# ")
    assert "not a medical device" in about
    assert "head injury" in about


def test_content_files_are_plain_utf8_without_control_characters() -> None:
    for path in content_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text), path.name


def test_default_root_is_the_source_checkout_or_the_installed_package() -> None:
    assert (CONTENT_DIR / "emotions.toml").is_file()
    assert CONTENT_DIR.name == "content"
    assert Content().root == CONTENT_DIR
    assert Content(Path("/elsewhere")).root == Path("/elsewhere")
