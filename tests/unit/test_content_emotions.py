"""The emotion vocabulary: big enough, every word explained, numbness first-class."""

from __future__ import annotations

from tui.core.content import NUMB_FAMILY, Content

NUMB_IDS = ("numb", "flat", "detached", "empty", "foggy", "cant_tell", "nothing")
OTHERS_NEED = (
    "calm", "content", "hopeful", "sad", "lonely", "anxious", "angry", "tired", "joyful",
    "grateful",
)  # fmt: skip


def test_vocabulary_has_54_or_more_emotions_each_explained() -> None:
    emotions = Content().emotions
    assert len(emotions) >= 54
    for emotion in emotions:
        assert emotion.meaning.strip(), emotion.id
        assert emotion.valence in ("pleasant", "unpleasant", "mixed")
        assert emotion.energy in ("high", "low")


def test_numbness_family_holds_the_numb_words() -> None:
    content = Content()
    for emotion_id in NUMB_IDS:
        emotion = content.emotion(emotion_id)
        assert emotion is not None, emotion_id
        assert emotion.family == NUMB_FAMILY
        assert content.is_numbness(emotion_id)
    assert content.emotion("cant_tell").name == "can't tell"  # type: ignore[union-attr]
    assert content.emotion("nothing").name == "nothing"  # type: ignore[union-attr]
    assert not content.is_numbness("calm")


def test_ids_other_screens_rely_on_exist() -> None:
    content = Content()
    for emotion_id in OTHERS_NEED:
        assert content.emotion(emotion_id) is not None, emotion_id


def test_every_family_is_used_and_every_emotion_has_a_family() -> None:
    content = Content()
    family_ids = {f.id for f in content.families}
    used = {e.family for e in content.emotions}
    assert used == family_ids
    for family in content.families:
        assert family.blurb.strip()
        assert content.emotions_in(family.id)


def test_ids_and_names_are_unique() -> None:
    emotions = Content().emotions
    assert len({e.id for e in emotions}) == len(emotions)
    assert len({e.name for e in emotions}) == len(emotions)


def test_nearest_emotions_suggests_for_typos() -> None:
    content = Content()
    assert content.nearest_emotions("anxous")[0].id == "anxious"
    assert content.nearest_emotions("cant tell")[0].id == "cant_tell"
    assert content.nearest_emotions("lonley")[0].id == "lonely"
    assert content.nearest_emotions("zzzzzzzz") == []
    assert content.nearest_emotions("") == []
    assert len(content.nearest_emotions("s", limit=2)) <= 2


def test_emotion_lookup_accepts_names() -> None:
    content = Content()
    assert content.emotion("Can't Tell") == content.emotion("cant_tell")
    assert content.emotion("on autopilot") == content.emotion("autopilot")
    assert content.emotion("no-such-feeling") is None
