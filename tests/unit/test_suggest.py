"""The one-line suggestion after a check-in follows simple, predictable rules."""

from __future__ import annotations

import pytest

from tui.core.analysis.suggest import choose_suggestion
from tui.core.content import Content

# `content`: the shared fixture in tests/conftest.py.


def test_three_very_low_moods_in_the_last_five_point_to_support(content: Content) -> None:
    # This one (2) plus two earlier ones at 1 make three of the last five.
    s = choose_suggestion(content, 2, 7, ["calm"], [1, 6, 1, 7])
    assert s.id == "low_mood_repeated"
    assert s.action == "support"


def test_very_low_moods_older_than_five_check_ins_do_not_count(content: Content) -> None:
    s = choose_suggestion(content, 2, 7, [], [6, 6, 6, 6, 1, 1])
    assert s.id != "low_mood_repeated"


def test_two_very_low_moods_are_not_enough_for_support(content: Content) -> None:
    assert choose_suggestion(content, 2, 7, [], [2, 5, 5, 5]).id == "default"


def test_support_wins_over_numbness(content: Content) -> None:
    assert choose_suggestion(content, 2, 0, ["numb"], [1, 1]).id == "low_mood_repeated"


@pytest.mark.parametrize("feel", [0, 1, 3])
def test_low_feel_suggests_grounding(content: Content, feel: int) -> None:
    s = choose_suggestion(content, 5, feel, [], [])
    assert (s.id, s.action) == ("low_feel", "ground")


@pytest.mark.parametrize("emotion", ["numb", "cant_tell", "nothing", "foggy"])
def test_numbness_emotions_suggest_grounding(content: Content, emotion: str) -> None:
    assert choose_suggestion(content, 6, None, ["calm", emotion], []).id == "low_feel"


def test_feel_of_four_is_not_low(content: Content) -> None:
    assert choose_suggestion(content, 6, 4, [], []).id == "default"


def test_high_energy_unpleasant_suggests_breathing(content: Content) -> None:
    s = choose_suggestion(content, 5, 6, ["anxious"], [])
    assert (s.id, s.action) == ("anxious", "breathe")
    assert choose_suggestion(content, 5, 6, ["angry", "tired"], []).id == "anxious"


def test_low_energy_unpleasant_suggests_moving(content: Content) -> None:
    s = choose_suggestion(content, 4, 6, ["tired"], [])
    assert (s.id, s.action) == ("move", "ideas")
    assert choose_suggestion(content, 4, None, ["sad", "grateful"], []).id == "move"


def test_pleasant_or_nothing_entered_gives_default(content: Content) -> None:
    assert choose_suggestion(content, 8, 8, ["joyful", "calm"], [8, 7]).id == "default"
    assert choose_suggestion(content, 5, None, [], []).id == "default"


def test_unknown_emotions_are_ignored(content: Content) -> None:
    assert choose_suggestion(content, 7, None, ["no_such_feeling"], []).id == "default"


def test_every_suggestion_is_one_short_line(content: Content) -> None:
    for suggestion in content.suggestions:
        assert "\n" not in suggestion.text
        assert len(suggestion.text) <= 76, suggestion.id  # fits an 80-column screen
        assert suggestion.key_hint


# --- the calm pointer to support at a very low moment -------------------------------------


def test_a_first_check_in_at_mood_1_points_to_support_not_a_walk(content: Content) -> None:
    s = choose_suggestion(content, 1, None, ["hopeless"], [])
    assert (s.id, s.action) == ("low_moment", "support")
    assert "walk" not in s.text
    assert "F2" in s.text


def test_mood_2_with_a_despair_feeling_points_to_support(content: Content) -> None:
    for feeling in ("hopeless", "worthless", "trapped"):
        assert choose_suggestion(content, 2, 5, [feeling], [7, 7]).id == "low_moment"


def test_mood_2_with_other_feelings_keeps_the_usual_rules(content: Content) -> None:
    assert choose_suggestion(content, 2, 7, ["tired"], [7, 7]).id == "move"
    assert choose_suggestion(content, 3, 7, ["hopeless"], [7, 7]).id != "low_moment"


def test_the_pointer_names_the_persons_own_contact_first_then_the_countrys_line(
    content: Content,
) -> None:
    from tui.core.records.models import Contact

    sam = Contact(id="c1", name="Sam", phone="07700 900123")
    s = choose_suggestion(content, 1, None, [], [], contacts=[sam], country=content.country("GB"))
    lines = s.text.splitlines()
    assert lines[1] == "Sam is someone you could reach out to: 07700 900123."
    assert lines[2].startswith("116 123: Samaritans")  # the number first: it never wraps
    assert lines[-1].startswith("F2")


def test_the_pointer_without_a_contact_or_a_country_still_says_where_help_is(
    content: Content,
) -> None:
    s = choose_suggestion(content, 1, None, [], [])
    assert "helpline" in s.text and "F2" in s.text
    assert "{" not in s.text


def test_a_contacts_control_characters_never_reach_the_line(content: Content) -> None:
    from tui.core.records.models import Contact

    sneaky = Contact(id="c1", name="Jo\x1b[31m", phone="")
    text = choose_suggestion(content, 1, None, [], [], contacts=[sneaky]).text
    assert "\x1b" not in text and "Jo" in text
