"""Broken content gets a clear ContentError naming the file and key; loading stays lazy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.content import Content, ContentError, default_root

GOOD_EMOTIONS = """
[[families]]
id = "numb"
name = "Numb and far away"
blurb = "Muted feelings."

[[emotions]]
id = "numb"
name = "numb"
family = "numb"
meaning = "Feelings seem switched off."
valence = "unpleasant"
energy = "low"
"""


def write(root: Path, name: str, text: str) -> Content:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")
    return Content(root)


def error_of(content: Content, attribute: str) -> str:
    with pytest.raises(ContentError) as caught:
        getattr(content, attribute)
    return str(caught.value)


def test_a_good_minimal_file_loads(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS)
    assert [e.id for e in content.emotions] == ["numb"]


def test_missing_key_names_file_and_key_path(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS.replace('meaning = "Feel', 'x = "'))
    message = error_of(content, "emotions")
    assert message.startswith("emotions.toml: emotions[0].")


def test_missing_meaning_is_reported_as_missing(tmp_path: Path) -> None:
    text = "\n".join(line for line in GOOD_EMOTIONS.splitlines() if "meaning" not in line)
    content = write(tmp_path, "emotions.toml", text)
    assert error_of(content, "emotions") == "emotions.toml: emotions[0].meaning is missing"


def test_wrong_type_names_the_key_and_the_types(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS.replace('name = "numb"', "name = 3"))
    assert error_of(content, "emotions") == (
        "emotions.toml: emotions[0].name should be text, not a whole number"
    )


def test_empty_text_is_refused(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS.replace('"Muted feelings."', '"  "'))
    assert error_of(content, "families") == "emotions.toml: families[0].blurb is empty"


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    second = GOOD_EMOTIONS.split("[[emotions]]")[1].replace('name = "numb"', 'name = "numb2"')
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS + "\n[[emotions]]" + second)
    assert error_of(content, "emotions") == "emotions.toml: emotions[1].id 'numb' is used twice"


def test_unknown_family_reference_is_refused(tmp_path: Path) -> None:
    stray = """
[[emotions]]
id = "x"
name = "x"
family = "nope"
meaning = "Something."
valence = "mixed"
energy = "low"
"""
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS + stray)
    message = error_of(content, "emotions")
    assert message == "emotions.toml: emotions[1].family 'nope' is not one of the families above"


def test_bad_choice_lists_the_allowed_words(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS.replace('"low"', '"medium"'))
    message = error_of(content, "emotions")
    assert message.startswith("emotions.toml: emotions[0].energy should be one of high, low")


def test_unknown_key_is_flagged_as_a_typo(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS + 'colour = "blue"\n')
    assert "emotions[0].colour is not a key" in error_of(content, "emotions")


def test_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS + "\nthis is = = not toml\n")
    message = error_of(content, "emotions")
    assert message.startswith("emotions.toml: is not valid TOML")
    assert "line" in message


def test_missing_file_names_it(tmp_path: Path) -> None:
    content = Content(tmp_path)
    assert error_of(content, "breathing").startswith("breathing.toml: the file is missing")
    assert error_of(content, "about").startswith("about.md: the file is missing")


def test_breathing_phase_problems_name_the_nested_key(tmp_path: Path) -> None:
    original = (default_root() / "breathing.toml").read_text(encoding="utf-8")
    content = write(tmp_path, "breathing.toml", original.replace("seconds = 7", 'seconds = "7"'))
    assert error_of(content, "breathing") == (
        "breathing.toml: patterns[3].phases[1].seconds should be a number, not text"
    )
    content = write(tmp_path, "breathing.toml", original.replace('kind = "hold"', 'kind = "wait"'))
    assert "patterns[2].phases[1].kind should be one of in, hold, out" in error_of(
        content, "breathing"
    )


def test_four_seven_eight_default_cannot_exceed_its_cap(tmp_path: Path) -> None:
    original = (default_root() / "breathing.toml").read_text(encoding="utf-8")
    content = write(
        tmp_path, "breathing.toml", original.replace("default_rounds = 4", "default_rounds = 9")
    )
    assert "patterns[3].default_rounds is more than max_rounds" in error_of(content, "breathing")


def test_duplicate_idea_across_groups_is_refused(tmp_path: Path) -> None:
    original = (default_root() / "ideas.toml").read_text(encoding="utf-8")
    content = write(tmp_path, "ideas.toml", original.replace('id = "push_wall"', 'id = "blanket"'))
    assert "'blanket' is used twice" in error_of(content, "ideas")


def test_country_without_lines_is_refused(tmp_path: Path) -> None:
    original = (default_root() / "resources.toml").read_text(encoding="utf-8")
    head, _, _ = original.partition('[[countries]]\ncode = "CA"')
    text = head + '[[countries]]\ncode = "CA"\nname = "Canada"\nemergency = "911"\n'
    text += 'find_therapist = "Ask your doctor."\n'
    content = write(tmp_path, "resources.toml", text)
    assert error_of(content, "resources") == "resources.toml: countries[1].lines is missing"


def test_suggestion_needs_a_known_action_and_a_default(tmp_path: Path) -> None:
    original = (default_root() / "suggestions.toml").read_text(encoding="utf-8")
    content = write(tmp_path, "suggestions.toml", original.replace('"ground"', '"dance"'))
    assert "suggestions[1].action should be one of" in error_of(content, "suggestions")
    content = write(tmp_path, "suggestions.toml", original.replace('id = "default"', 'id = "x"'))
    assert "needs one with id 'default'" in error_of(content, "suggestions")


def test_meditation_default_must_be_a_preset(tmp_path: Path) -> None:
    original = (default_root() / "meditation.toml").read_text(encoding="utf-8")
    content = write(
        tmp_path, "meditation.toml", original.replace("default_minutes = 2", "default_minutes = 3")
    )
    assert error_of(content, "meditation") == (
        "meditation.toml: default_minutes 3 is not one of presets_minutes"
    )


def test_constructing_content_reads_no_file(tmp_path: Path) -> None:
    content = Content(tmp_path / "does-not-exist")
    assert content.files_read == []


def test_each_file_is_read_once_and_only_when_used(tmp_path: Path) -> None:
    # Only emotions.toml exists: using emotions must not touch any other file.
    content = write(tmp_path, "emotions.toml", GOOD_EMOTIONS)
    assert content.files_read == []
    assert content.emotion("numb") is not None
    assert content.families
    assert content.nearest_emotions("nmb")
    assert content.files_read == ["emotions.toml"]


def test_everything_is_cached_after_first_use(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(default_root(), root)
    content = Content(root)
    first = content.breathing
    (root / "breathing.toml").unlink()
    assert content.breathing is first
    assert content.files_read == ["breathing.toml"]
