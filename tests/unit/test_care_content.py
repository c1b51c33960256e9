"""What the ideas, plan and support screens rely on from content/: present, worded, complete."""

from __future__ import annotations

import re

import pytest

from tests.conftest import shared_content
from tui.screens.ideas import VOCABULARY_IDEA

PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem|ipsum|placeholder)\b|\?\?\?", re.I)

# One load of the words for the whole run (tests/conftest.py).
content = shared_content


def worded(text: str) -> bool:
    """Real text: a few words, no placeholder, no stray markup brackets."""
    return len(text.split()) >= 2 and not PLACEHOLDER.search(text)


def test_idea_groups_cover_every_situation_in_order() -> None:
    groups = [g.id for g in content().ideas]
    assert groups == ["comfort", "move", "talk", "release", "learn"]  # comfort first


def test_every_idea_is_worded_and_ids_are_unique() -> None:
    ids = []
    for group in content().ideas:
        assert group.name and worded(group.intro)
        assert group.ideas
        for idea in group.ideas:
            assert worded(idea.title), idea.id
            assert worded(idea.detail), idea.id
            assert idea.effort in ("tiny", "small", "bigger")
            ids.append(idea.id)
    assert len(ids) == len(set(ids))


def test_move_goes_from_small_to_bigger_with_childhood_favourites() -> None:
    move = next(g for g in content().ideas if g.id == "move")
    order = {"tiny": 0, "small": 1, "bigger": 2}
    efforts = [order[i.effort] for i in move.ideas]
    assert efforts == sorted(efforts)
    assert any("child" in i.title.lower() or "child" in i.detail.lower() for i in move.ideas)


def test_talk_has_openers_and_alternatives() -> None:
    talk = next(g for g in content().ideas if g.id == "talk")
    assert 2 <= len(talk.openers) <= 4
    assert all(worded(o) for o in talk.openers)
    words = " ".join(i.title.lower() for i in talk.ideas)
    for alternative in ("forum", "group", "therapist"):
        assert alternative in words


def test_learning_idea_opens_the_whole_vocabulary() -> None:
    learn = next(g for g in content().ideas if g.id == "learn")
    assert VOCABULARY_IDEA in {i.id for i in learn.ideas}
    assert len(content().emotions) >= 54
    assert all(worded(e.meaning) for e in content().emotions)
    families = {f.id for f in content().families}
    assert all(e.family in families for e in content().emotions)


def test_plan_templates_cover_the_longer_term_steps() -> None:
    keys = [t.key for t in content().plan]
    for key in ("cbt", "somatic", "emdr", "psychiatrist", "doctor", "meditation", "yoga"):
        assert key in keys
    assert len(keys) == len(set(keys))
    for template in content().plan:
        for text in (
            template.title,
            template.explanation,
            template.where_to_look,
            template.first_step,
        ):
            assert worded(text), template.key


@pytest.mark.parametrize("code", ["US", "CA", "GB", "IE", "AU", "NZ"])
def test_every_country_has_a_crisis_line_and_emergency_number(code: str) -> None:
    country = content().country(code)
    assert country is not None
    assert country.lines, code
    for line in country.lines:
        assert line.name and line.how
        assert re.fullmatch(r"[0-9 ]{3,}", line.number), line.number
    assert re.search(r"\d{3}", country.emergency)
    assert worded(country.find_therapist)


def test_support_words_present() -> None:
    resources = content().resources
    assert "findahelpline.com" in resources.international
    assert "not a medical device" in resources.not_medical
    assert worded(resources.intro)


def test_known_crisis_numbers() -> None:
    """The numbers people will dial: checked against CONTENT-FACTS, not only present."""
    numbers = {c.code: {line.number for line in c.lines} for c in content().resources.countries}
    assert "988" in numbers["US"] and "988" in numbers["CA"]
    assert "116 123" in numbers["GB"] and "116 123" in numbers["IE"]
    assert "13 11 14" in numbers["AU"]


def test_no_placeholder_anywhere_the_care_screens_show() -> None:
    c = content()
    texts = [c.resources.intro, c.resources.international, c.resources.not_medical]
    texts += [t.explanation for t in c.plan]
    texts += [i.detail for g in c.ideas for i in g.ideas]
    for text in texts:
        assert not PLACEHOLDER.search(text), text


# --- every number is checked against a named public source, with the date -----------------


def test_every_crisis_number_names_its_source_and_the_date_it_was_checked() -> None:
    from datetime import date

    countries = content().resources.countries
    assert len(countries) >= 20
    for country in countries:
        assert country.emergency_source.strip(), country.code
        for line in country.lines:
            where = f"{country.code} {line.name}"
            assert re.search(r"[a-z0-9-]+\.[a-z]{2,}", line.source), where  # a site is named
            checked = date.fromisoformat(line.checked)
            assert date(2026, 1, 1) <= checked <= date(2026, 12, 1), where


def test_countries_include_ones_where_english_is_not_the_main_language() -> None:
    codes = {c.code for c in content().resources.countries}
    assert {"DE", "FR", "ES", "NL", "JP", "KR", "BR", "MX"} <= codes


def test_new_zealand_lifeline_is_not_called_any_time_and_1737_is() -> None:
    nz = content().country("NZ")
    assert nz is not None
    lines = {line.number: line for line in nz.lines}
    assert "any time" not in lines["0800 543 354"].how
    assert "midnight" in lines["0800 543 354"].how
    assert "any time" in lines["1737"].how


def test_northern_ireland_has_its_own_line_and_nhs_111_says_where_it_works() -> None:
    gb = content().country("GB")
    assert gb is not None
    lines = {line.number: line for line in gb.lines}
    assert lines["0808 808 8000"].region == "Northern Ireland"
    assert "not Northern Ireland" in lines["111"].region


def test_the_irish_text_line_claims_no_keyword_without_a_source() -> None:
    ie = content().country("IE")
    assert ie is not None
    text_line = next(line for line in ie.lines if line.number == "50808")
    assert "HELLO" not in text_line.how and "free" in text_line.how
