"""Export and import formats: Thaw JSON and CSV, Daylio's CSV layouts (pure parsing)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.errors import InputError
from tui.core.exchange import checks, daylio_csv
from tui.core.exchange.base import FileRead, ReadOptions
from tui.core.exchange.codec import Bundle, checkin_as_new
from tui.core.exchange.detect import detect
from tui.core.exchange.moods import parse_mood_map
from tui.core.exchange.thaw_csv import checkins_to_csv, parse_thaw_csv
from tui.core.exchange.thaw_json import bundle_to_json, parse_thaw_json
from tui.core.records.models import (
    CheckIn,
    Contact,
    Marker,
    NewCheckIn,
    PlanItem,
    Session,
    Settings,
)

LONDON = ZoneInfo("Europe/London")
DATA = Path(__file__).parent.parent / "data"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)


def _read(name: str) -> str:
    return (DATA / name).read_bytes().decode("utf-8-sig")


def _daylio(text: str, mapping: dict[str, int] | None = None) -> FileRead:
    return daylio_csv.read(text.encode(), ReadOptions(LONDON, mapping or {}))


def parse_daylio_csv(
    text: str, reference: ZoneInfo, mapping: dict[str, int] | None = None
) -> list[NewCheckIn]:
    """The check-ins a Daylio file gives, when every mood in it is known."""
    read = daylio_csv.read(text.encode(), ReadOptions(reference, mapping or {}))
    assert read.unknown_moods == {} and read.rejected == []
    return read.checkins


def _sample_bundle() -> Bundle:
    return Bundle(
        checkins=(
            CheckIn(
                id="c1",
                at=datetime(2026, 11, 20, 8, 30, tzinfo=LONDON),
                mood=3,
                feel=1,
                emotions=("numb", "cant_tell"),
                note='Line one, with "quotes"; and a comma\nline two\ttabbed',
                tags=("work", "sleep"),
                tz="Europe/London",
                rev=2,
            ),
            CheckIn(
                id="c2",
                at=datetime(2026, 7, 1, 22, 0, tzinfo=LONDON),
                mood=7,
                source="daylio:abc",
            ),
        ),
        sessions=(
            Session(
                id="s1",
                kind="breathe",
                detail="cyclic_sigh",
                started_at=datetime(2026, 11, 21, 7, 0, tzinfo=LONDON),
                planned_seconds=120,
                actual_seconds=118.5,
                completed=True,
                before=2,
                after=4,
                notes=("tingly hands",),
            ),
        ),
        markers=(
            Marker(
                id="m1",
                at=datetime(2026, 11, 1, 12, 0, tzinfo=LONDON),
                text="new dose",
                kind="medication",
            ),
        ),
        plan=(PlanItem(id="p1", title="Find a therapist", status="thinking", key="cbt"),),
        contacts=(Contact(id="k1", name="Sam", phone="+44 7700 900000"),),
        settings=Settings(country="GB", reminder_time="20:00", custom_breath=(4.0, 1.0, 6.0, 0.0)),
    )


def test_json_export_reads_back_to_identical_records() -> None:
    bundle = _sample_bundle()
    assert parse_thaw_json(bundle_to_json(bundle, NOW)) == bundle


def test_json_keeps_offsets_and_unicode_exactly() -> None:
    text = bundle_to_json(_sample_bundle(), NOW)
    assert '"at": "2026-07-01T22:00:00+01:00"' in text
    assert '"format": "thaw-export"' in text


def test_a_bare_list_of_checkins_is_accepted_as_json() -> None:
    text = json.dumps([{"id": "x", "at": "2026-11-20T08:30:00+00:00", "mood": 5, "feel": None}])
    bundle = parse_thaw_json(text)
    assert bundle.checkins[0].mood == 5
    assert bundle.checkins[0].feel is None


def _doc(**parts: object) -> str:
    return json.dumps({"format": "thaw-export", "version": 1, **parts})


AT = "2026-11-20T08:30:00+00:00"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "isn't readable JSON"),
        ('{"hello": 1}', "isn't a Thaw export"),
        ('{"format": "thaw-export", "version": 99}', "newer Thaw"),
        (_doc(checkins=[{"id": "a", "at": "yesterday", "mood": 5}]), "check-in 1"),
        (_doc(checkins=[{"id": "a", "at": "2026-11-20T08:30:00", "mood": 5}]), "UTC offset"),
        (_doc(checkins=[{"id": "a", "at": AT, "mood": "5"}]), "whole number"),
        (_doc(checkins={"a": 1}), "should be a list"),
        (_doc(markers=[{"id": "a", "at": AT, "text": "x", "kind": "party"}]), "marker 1"),
        (_doc(sessions=[{"id": "a", "kind": "nap", "started_at": AT}]), "session 1"),
    ],
)
def test_malformed_json_is_refused_with_a_sentence(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_thaw_json(text)


def test_checks_name_out_of_range_and_future_records() -> None:
    fine = [checkin_as_new(c) for c in _sample_bundle().checkins]
    assert [checks.checkin(c, NOW) for c in fine] == [None, None]
    bad_mood = NewCheckIn(at=NOW, mood=11)
    future = NewCheckIn(at=datetime(2027, 1, 1, tzinfo=LONDON), mood=5)
    long_note = NewCheckIn(at=NOW, mood=5, note="x" * 10_001)
    for item, fragment in (
        (bad_mood, "mood 11 isn't between 1 and 10"),
        (future, "in the future"),
        (long_note, "10,001 characters; Thaw keeps up to 10,000"),
    ):
        assert fragment in (checks.checkin(item, NOW) or "")


def test_csv_has_one_row_a_checkin_with_lists_joined() -> None:
    text = checkins_to_csv(_sample_bundle().checkins)
    lines = text.split("\r\n")
    assert lines[0] == "date,time,mood,feel,emotions,tags,note,at,tz,id,source"
    assert lines[1].startswith("2026-11-20,08:30,3,1,numb; cant_tell,work; sleep,")


def test_csv_reads_back_to_the_same_checkins() -> None:
    """Everything but the edit counter (`rev`), which a spreadsheet has no use for."""
    checkins = _sample_bundle().checkins
    back = parse_thaw_csv(checkins_to_csv(checkins), LONDON)
    assert back == tuple(replace(c, rev=1) for c in checkins)
    assert back[1].at.utcoffset() == timedelta(hours=1)


def test_a_hand_made_csv_with_only_date_time_and_mood_is_read() -> None:
    text = "Date,Time,Mood,Note\n2026-11-20,21:00,6,fine\n2026-11-21,,4,\n"
    rows = parse_thaw_csv(text, LONDON)
    assert [(r.at, r.mood) for r in rows] == [
        (datetime(2026, 11, 20, 21, 0, tzinfo=LONDON), 6),
        (datetime(2026, 11, 21, 12, 0, tzinfo=LONDON), 4),
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("name,age\nbob,3\n", "no date, time, mood column"),
        ("date,time,mood\n2026-11-20,08:00,seven\n", "Line 2: the mood"),
        ("date,time,mood\n20/11/2026,08:00,7\n", "Line 2: the date"),
    ],
)
def test_bad_csv_names_the_line(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_thaw_csv(text, LONDON)


# --- Daylio ---------------------------------------------------------------------------------------
def test_daylio_8_column_export_with_bom_12_hour_times_and_several_a_day() -> None:
    items = parse_daylio_csv(_read("daylio_8col.csv"), LONDON)
    assert len(items) == 6
    at_and_mood = [(i.at, i.mood) for i in items]
    assert at_and_mood[:3] == [
        (datetime(2026, 11, 22, 21, 15, tzinfo=LONDON), 8),  # 9:15 pm, good
        (datetime(2026, 11, 22, 13, 5, tzinfo=LONDON), 5),  # 1:05 pm, meh
        (datetime(2026, 11, 22, 8, 40, tzinfo=LONDON), 1),  # 8:40 am, awful
    ]
    assert at_and_mood[3] == (datetime(2026, 11, 21, 23, 59, tzinfo=LONDON), 10)
    assert at_and_mood[4] == (datetime(2026, 11, 21, 0, 30, tzinfo=LONDON), 3)  # 12:30 am
    assert at_and_mood[5][1] == 5  # "Meh": labels are matched in any case


def test_daylio_activities_become_tags_and_notes_keep_their_lines() -> None:
    first, _, third, fourth, fifth, _ = parse_daylio_csv(_read("daylio_8col.csv"), LONDON)
    assert first.tags == ("friends", "movies", "good sleep")
    assert first.note == "Film night\nWatched a film with Sam.\nFelt something, a little."
    assert third.note == "Woke at 4.\nCould not get back to sleep.\n\nEverything grey."
    assert third.tags == ()
    assert fourth.note == "Mum's birthday & cake"
    assert fifth.note == "Late"


def test_daylio_7_column_layout_with_24_hour_times() -> None:
    items = parse_daylio_csv(_read("daylio_7col.csv"), LONDON)
    assert [(i.at, i.mood) for i in items] == [
        (datetime(2019, 12, 31, 23, 45, tzinfo=LONDON), 10),
        (datetime(2019, 12, 31, 18, 10, tzinfo=LONDON), 8),
        (datetime(2019, 12, 30, 9, 5, tzinfo=LONDON), 3),
        (datetime(2019, 12, 29, 14, 0, tzinfo=LONDON), 1),
    ]
    assert items[2].note == "Train late again.\nNumb most of the day."
    assert items[2].tags == ("work", "commute")


def test_daylio_sources_are_stable_and_distinct() -> None:
    text = _read("daylio_8col.csv")
    first = [i.source for i in parse_daylio_csv(text, LONDON)]
    again = [i.source for i in parse_daylio_csv(text, LONDON)]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(s.startswith("daylio:") for s in first)


def test_identical_daylio_rows_are_both_kept() -> None:
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    row = '2026-11-10,November 10,Tuesday,20:00,good,"","",""\n'
    items = parse_daylio_csv(header + row + row, LONDON)
    assert len(items) == 2
    assert items[0].source != items[1].source


def test_unknown_daylio_moods_are_counted_and_their_rows_held_back() -> None:
    read = _daylio(_read("daylio_custom_moods.csv"))
    # "tired" and "Tired" are one label, named once under its first spelling.
    assert read.unknown_moods == {"super": 1, "tired": 2}
    assert [c.mood for c in read.checkins] == [8]  # only "good" is known
    assert read.rejected == []


def test_mapped_daylio_moods_are_read() -> None:
    mapping = parse_mood_map(["super=9", "Tired = 4"])
    items = parse_daylio_csv(_read("daylio_custom_moods.csv"), LONDON, mapping)
    assert [i.mood for i in items] == [9, 4, 8, 4]


@pytest.mark.parametrize("pair", ["super", "=4", "super=11", "super=0", "super=nine"])
def test_bad_mood_maps_are_refused(pair: str) -> None:
    with pytest.raises(InputError, match="--map"):
        parse_mood_map([pair])


def test_a_daylio_row_with_a_bad_time_is_named_and_the_rest_read() -> None:
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    text = header + "2026-11-10,x,y,teatime,good,,,\n2026-11-11,x,y,08:00,bad,,,\n"
    read = _daylio(text)
    assert [(r.where, r.reason) for r in read.rejected] == [
        ("Line 2", 'the time "teatime" isn\'t one Thaw can read')
    ]
    assert [c.mood for c in read.checkins] == [3]


def test_a_file_that_is_not_daylio_is_refused() -> None:
    with pytest.raises(InputError, match="doesn't look like a Daylio export"):
        _daylio("date,time,mood\n")


def test_format_is_detected_from_the_content() -> None:
    def fmt(text: str) -> str:
        return detect(text.encode()).format

    assert fmt(_read("daylio_8col.csv")) == "daylio"
    assert fmt(_read("daylio_7col.csv")) == "daylio"
    assert fmt('{"format": "thaw-export"}') == "json"
    assert fmt("date,time,mood\n") == "csv"
