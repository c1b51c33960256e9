"""Insight sentences appear only when the data supports them, with hand-worked numbers."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.core.analysis.insights import (
    Vocabulary,
    build_insights,
    flat_hint,
    summary_lines,
    vocabulary,
)
from tui.core.analysis.stats import FlatSign
from tui.core.content import Content
from tui.core.records.models import CheckIn, Session, SessionKind

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 25)
_ids = count()


def at(days_back: int, hour: int = 12) -> datetime:
    d = TODAY - timedelta(days=days_back)
    return datetime(d.year, d.month, d.day, hour, tzinfo=LONDON)


def ci(
    days_back: int,
    mood: int,
    feel: int | None = None,
    emotions: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    hour: int = 12,
) -> CheckIn:
    return CheckIn(
        id=str(next(_ids)),
        at=at(days_back, hour),
        mood=mood,
        feel=feel,
        emotions=emotions,
        tags=tags,
    )


def sess(
    days_back: int, kind: SessionKind, detail: str, before: int | None, after: int | None
) -> Session:
    return Session(
        id=str(next(_ids)),
        kind=kind,
        detail=detail,
        started_at=at(days_back),
        planned_seconds=120,
        actual_seconds=120.0,
        completed=True,
        before=before,
        after=after,
    )


def texts(found: list) -> list[str]:  # type: ignore[type-arg]
    return [i.text for i in found]


def keys(found: list) -> list[str]:  # type: ignore[type-arg]
    return [i.key for i in found]


def test_nothing_at_all_gives_no_insight() -> None:
    assert build_insights([], [], TODAY) == []


def test_thin_data_gives_no_insight() -> None:
    # 2 days this week, 7 days before: both below the bar. 4 emotions named. A tag on 2 days.
    # Practices with only 2 rated sessions.
    checkins = [
        ci(0, 7, feel=5, emotions=("calm", "calm"), tags=("walk",)),
        ci(1, 6, feel=5, emotions=("sad", "calm"), tags=("walk",)),
    ]
    checkins += [ci(7 + i, 3, feel=2) for i in range(7)]
    sessions = [
        sess(1, "breathe", "box", 2, 6),
        sess(2, "breathe", "box", 1, 5),
        sess(3, "ground", "senses", 2, 3),
    ]
    assert build_insights(checkins, sessions, TODAY) == []


def test_mood_and_feel_this_week_against_the_four_weeks_before() -> None:
    # This week: moods 6, 7, 8 (days 0-2) -> 7.0. Before: 8 days of mood 5 (days 7..14) -> 5.0.
    # Feel: 4, 4, 5 -> 4.33 against 4 and 5 alternating (4.5): within 0.5, "about the same".
    checkins = [ci(d, m, feel=f) for d, m, f in ((0, 6, 4), (1, 7, 4), (2, 8, 5))]
    checkins += [ci(7 + i, 5, feel=4 if i % 2 else 5) for i in range(8)]  # feel mean 4.5
    found = build_insights(checkins, [], TODAY, names={})
    assert texts(found) == [
        "Your mood this week averaged 7.0, higher than the four weeks before (5.0).",
        "How much you could feel this week averaged 4.3, about the same as the four weeks "
        "before (4.5).",
    ]


def test_several_checkins_a_day_count_as_one_day() -> None:
    # Three check-ins on one day this week are one day, not three: not enough for a comparison.
    checkins = [ci(0, 5, hour=h) for h in (8, 12, 20)]
    checkins += [ci(7 + i, 5) for i in range(10)]
    assert build_insights(checkins, [], TODAY) == []


def test_lower_mood_week() -> None:
    checkins = [ci(d, 3) for d in (0, 3, 6)]  # this week 3.0 (day 6 is still this week)
    checkins += [ci(d, 6) for d in range(7, 35, 3)]  # days 7..34: 10 days of 6
    checkins.append(ci(35, 1))  # 35 days back is outside both windows
    (only,) = build_insights(checkins, [], TODAY)
    assert only.text == "Your mood this week averaged 3.0, lower than the four weeks before (6.0)."


def test_emotions_named_most_with_counts_and_names() -> None:
    # Over the last four weeks: numb 3, calm 2, sad 1 (6 namings); named once is left out.
    # One from 40 days back is outside the window.
    checkins = [
        ci(0, 5, emotions=("numb", "calm")),
        ci(3, 5, emotions=("numb",)),
        ci(10, 5, emotions=("numb", "calm", "sad")),
        ci(40, 5, emotions=("sad",) * 5),
    ]
    found = build_insights(checkins, [], TODAY, names={"numb": "numb", "calm": "calm"})
    assert texts(found) == [
        "The feelings you named most in the last four weeks: numb (3), calm (2)."
    ]


def test_emotion_names_fall_back_to_readable_ids() -> None:
    checkins = [ci(d, 5, emotions=("cant_tell",)) for d in range(5)]
    found = build_insights(checkins, [], TODAY)
    assert texts(found) == ["The feelings you named most in the last four weeks: cant tell (5)."]


def test_practices_that_raised_the_after_rating_most() -> None:
    # box: +4, +2, +3 -> 3.0 over 3. senses: +1, +1, +1, +3 -> 1.5 over 4.
    # meditate: -1, 0, 0 -> not a raise, left out. resonance: +5, +5 -> only 2, left out.
    # One box session with no after rating is ignored.
    sessions = [
        sess(1, "breathe", "box", 1, 5),
        sess(2, "breathe", "box", 2, 4),
        sess(3, "breathe", "box", 3, 6),
        sess(4, "breathe", "box", 3, None),
        sess(1, "ground", "senses", 2, 3),
        sess(2, "ground", "senses", 2, 3),
        sess(3, "ground", "senses", 2, 3),
        sess(5, "ground", "senses", 2, 5),
        sess(1, "meditate", "timer", 3, 2),
        sess(2, "meditate", "timer", 3, 3),
        sess(3, "meditate", "timer", 3, 3),
        sess(1, "breathe", "resonance", 0, 5),
        sess(2, "breathe", "resonance", 0, 5),
    ]
    found = build_insights(
        [], sessions, TODAY, practice_labels={"breathe:box": "box breathing", "senses": "5-4-3-2-1"}
    )
    assert texts(found) == [
        "After box breathing, you rated how much you could feel about 3.0 points higher "
        "on average (3 times in the last three months).",
        "After 5-4-3-2-1, you rated how much you could feel about 1.5 points higher "
        "on average (4 times in the last three months).",
    ]


def test_practices_that_never_helped_give_no_sentence() -> None:
    sessions = [sess(d, "meditate", "timer", 4, 4) for d in range(5)]
    assert build_insights([], sessions, TODAY) == []


def test_tags_with_better_and_worse_days() -> None:
    # 9 days, one check-in each. "walk" on days 0,1,2 with mood 8 -> 8.0; other 6 days: 5,5,5,4,4,4.
    # walk: 8.0 vs 4.5 -> higher. "work" on days 3,4,5 (moods 5,5,4... see below).
    moods = {0: 8, 1: 8, 2: 8, 3: 5, 4: 5, 5: 5, 6: 4, 7: 4, 8: 4}
    tags = {0: ("walk",), 1: ("walk",), 2: ("walk",), 6: ("work",), 7: ("work",), 8: ("work",)}
    checkins = [ci(d, m, tags=tags.get(d, ())) for d, m in moods.items()]
    found = [i for i in build_insights(checkins, [], TODAY) if i.key == "tag"]
    # walk: 8.0 vs (5*3+4*3)/6 = 4.5. work: 4.0 vs (8*3+5*3)/6 = 6.5.
    assert texts(found) == [
        'On days tagged "walk", mood averaged 8.0; on other days, 4.5 (3 days with it, '
        "6 without, last three months). That shows what went together, not why.",
        'On days tagged "work", mood averaged 4.0; on other days, 6.5 (3 days with it, '
        "6 without, last three months). That shows what went together, not why.",
    ]


def test_tag_needs_three_days_with_and_three_without() -> None:
    # "walk" on 3 days but only 2 days without: no sentence.
    checkins = [ci(d, 9, tags=("walk",)) for d in range(3)] + [ci(d, 2) for d in (3, 4)]
    assert [i for i in build_insights(checkins, [], TODAY) if i.key == "tag"] == []
    # A tag used three times on one day is one day with it.
    checkins = [ci(0, 9, tags=("walk",), hour=h) for h in (8, 12, 18)] + [
        ci(d, 2) for d in (3, 4, 5, 6)
    ]
    assert [i for i in build_insights(checkins, [], TODAY) if i.key == "tag"] == []


def test_small_tag_differences_are_not_mentioned() -> None:
    checkins = [ci(d, 5, tags=("walk",)) for d in range(3)] + [ci(d, 5) for d in range(3, 6)]
    assert build_insights(checkins, [], TODAY) == []


def test_no_streak_language_ever() -> None:
    checkins = [
        ci(
            d,
            7 + d % 3 if d % 2 else 3,
            feel=d % 4,
            emotions=("calm", "numb"),
            tags=("walk",) if d % 2 else (),
        )
        for d in range(40)
    ]
    sessions = [sess(d, "breathe", "box", 2, 4) for d in range(10)]
    joined = " ".join(texts(build_insights(checkins, sessions, TODAY))).lower()
    assert joined  # there is something to say
    assert "streak" not in joined and "in a row" not in joined
    assert set(keys(build_insights(checkins, sessions, TODAY))) == {
        "mood_week",
        "feel_week",
        "emotions",
        "practice",
        "tag",
    }


def test_meditation_sessions_of_any_length_count_together() -> None:
    sessions = [
        sess(d, "meditate", minutes, 2, 4) for d, minutes in ((1, "2"), (2, "5"), (3, "10"))
    ]
    found = build_insights([], sessions, TODAY, practice_labels={"meditate": "Meditation"})
    assert texts(found) == [
        "After meditation, you rated how much you could feel about 2.0 points higher "
        "on average (3 times in the last three months)."
    ]


def test_unknown_practice_gets_a_readable_name() -> None:
    sessions = [sess(d, "ground", "ice_cube", 1, 2) for d in range(3)]
    (only,) = build_insights([], sessions, TODAY)
    assert only.text.startswith(
        "After grounding (ice cube), you rated how much you could feel about 1.0 points higher"
    )


def test_old_sessions_fall_outside_the_three_months() -> None:
    sessions = [sess(d, "breathe", "box", 1, 6) for d in (100, 120, 200)]
    assert build_insights([], sessions, TODAY) == []


def test_vocabulary_from_the_shipped_content() -> None:
    words = vocabulary(Content())
    assert words.names["cant_tell"] == "can't tell"
    assert words.valence["calm"] == "pleasant"
    assert words.valence["numb"] == "unpleasant"
    assert words.practices["breathe:box"] == "Box breathing"
    assert words.practices["meditate"] == "Meditation"


def test_vocabulary_survives_missing_content(tmp_path: Path) -> None:
    words = vocabulary(Content(tmp_path))
    assert words.names == {} and words.valence == {}
    assert words.practices == {"meditate": "Meditation"}


WORDS = Vocabulary(
    names={"calm": "calm", "numb": "numb"},
    valence={"calm": "pleasant", "numb": "unpleasant"},
    practices={"breathe:box": "Box breathing"},
)


def test_summary_of_nothing_is_kind() -> None:
    lines = summary_lines([], [], TODAY, 30, WORDS)
    assert lines[0] == "The last 30 days (27 Oct to 25 Nov)"
    assert "Nothing recorded here yet, and that is fine." in lines


def test_summary_with_a_week_of_data() -> None:
    # 25 Nov: 2 and 8 (mean 5); 23 Nov: 10. Feel 0 and 10 on the 25th -> 5.0.
    checkins = [
        ci(0, 2, feel=0, emotions=("calm",), hour=8),
        ci(0, 8, feel=10, emotions=("numb",), hour=20),
        ci(2, 10, emotions=("calm",)),
    ]
    sessions = [sess(1, "breathe", "box", 2, 4), sess(40, "breathe", "box", 2, 4)]
    lines = summary_lines(checkins, sessions, TODAY, 7, WORDS)
    assert lines[0] == "The last 7 days (19 Nov to 25 Nov)"
    # Days 19..25 Nov: nothing x4, 10, nothing, 5. On 1-10, 5 is 4/9 of the way: 3.1 of 7 -> ▄.
    assert lines[1] == "Mood       █ ▄  average 7.5, from 2 to 10, 2 days with a check-in"
    assert lines[2] == "Feel         ▅  average 5.0 (0 to 10)"
    assert lines[3] == "Range  2 different feelings named, 1 of them pleasant"
    assert lines[4] == "Practice  2 minutes (breathing 2)"
    assert len(lines) == 5  # far too little for any insight


def test_summary_says_under_a_minute_for_a_short_practice() -> None:
    """A 20-second breath is practice too: never "0 minutes"; one minute is singular."""
    checkins = [ci(0, 5)]
    brief = dataclasses.replace(sess(0, "breathe", "box", None, None), actual_seconds=20.0)
    lines = summary_lines(checkins, [brief], TODAY, 7, WORDS)
    assert "Practice  under a minute (breathing <1)" in lines
    minute = dataclasses.replace(brief, actual_seconds=60.0)
    grounding = dataclasses.replace(sess(0, "ground", "54321", None, None), actual_seconds=10.0)
    lines = summary_lines(checkins, [minute, grounding], TODAY, 7, WORDS)
    assert "Practice  1 minute (breathing 1, grounding <1)" in lines


def test_summary_sparkline_fits_its_width_for_a_year() -> None:
    checkins = [ci(d, 1 + d % 10) for d in range(365)]
    lines = summary_lines(checkins, [], TODAY, 365, WORDS, spark_width=60)
    mood_line = lines[1]
    spark = mood_line[len("Mood   ") : mood_line.index("  average")]
    assert 50 <= len(spark) <= 60  # 365 days in runs of 7: 53 characters
    assert set(spark) <= set("▁▂▃▄▅▆▇█ ")


def test_flat_feel_adds_one_gentle_sentence() -> None:
    checkins = [ci(d, 4, feel=1) for d in range(10)]
    lines = summary_lines(checkins, [], TODAY, 30, WORDS)
    assert lines[-1] == flat_hint(FlatSign("feel", 1.0, 10))
    assert lines[-1].startswith("How much you can feel has stayed low for about two weeks.")
