"""Every fixture in tests/data (each imitates a real export; see tests/data/README.md):
all its rows added, every note found afterwards, and a second import adds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from tui.core.clock import FakeClock
from tui.core.exchange.moods import parse_map_file, parse_mood_map
from tui.core.exchange.plan import apply_import
from tui.core.exchange.session import prepare
from tui.core.store import Store

DATA = Path(__file__).parent.parent / "data"


class Fixture(NamedTuple):
    name: str
    format: str
    rows: int  # data rows (for Pixels: scores) counted by hand
    notes: tuple[str, ...]  # each note as it should read afterwards (a part of it, where noted)
    mapping: tuple[str, ...] = ()  # --map pairs
    map_file: str = ""


FIXTURES = [
    # Daylio's old layout (MichaelCurrin/daylio-csv-parser docs/usage.md).
    Fixture("daylio_7col.csv", "daylio", 4, ("New year, almost.", "Train late again.\nNumb most "
            "of the day.")),
    Fixture("daylio_8col.csv", "daylio", 6, ("Film night\nWatched a film with Sam.\nFelt "
            "something, a little.", "Mum's birthday & cake", "Late")),
    Fixture("daylio_custom_moods.csv", "daylio", 4, (), ("super=9", "tired=4")),
    # kayraucklnc/daylio_visualizer and vee-upatising/Mood-Forecasting daylio_export.csv.
    Fixture("daylio_7col_bom_12h.csv", "daylio", 6, ("Quiet day, nothing much.", "Headache again",
            'Rode to the lake, said "hello" to the ducks', "Could not sleep"), ("Sick=3",)),
    # MichaelCurrin/daylio-csv-parser dayliopy/sample.csv and sample_multiple_moods.csv.
    Fixture("daylio_8col_mixed.csv", "daylio", 5, ("Walk\nWent round the park twice.",
            "Long shift\nHome late, ate toast.", "Woke early", "Film"), ("sad=3", "average=5")),
    # nicofirst1/premura tests/test_parsers/test_daylio.py (the 2026 header with scales).
    Fixture("daylio_9col_scales.csv", "daylio", 3, ("Saturday\nCoffee with Jo, then a long walk."
            "\nScales: Energy: 4 | Stress: 2", "Too tired to cook\nScales: Energy: 1")),
    # kplich/daylio-visualisation daylio_export.csv (Polish, old layout, a short row).
    Fixture("daylio_old_polish.csv", "daylio", 5, ("Deszcz cały dzień", "Nic mi się nie chciało")),
    # noamelf/mood-stats daylio_export.csv.
    Fixture("daylio_old_english.csv", "daylio", 4, ("Burnt the rice", "Went to a party",
            "Did nothing today.")),
    # DavidCDCB/Estados daylio_export.csv (no header, Spanish, seven custom moods).
    Fixture("daylio_headerless_spanish.csv", "daylio", 8, ("Llovió toda la tarde",
            "Examen mañana"), map_file="daylio_spanish.map"),
    # zhafen/moody daylio_export.csv (fourteen custom moods).
    Fixture("daylio_many_moods.csv", "daylio", 15, ("Too many emails", 'Event ran late, "worth '
            'it" though', "Deadline", "Back hurts", "Nobody called"),
            map_file="daylio_many_moods.map"),
    # HTML in notes as charistas/daylio-scribe README.md describes it.
    Fixture("daylio_html_notes.csv", "daylio", 3, ("Small win\nPlanted the beans.\nHands in the "
            "soil felt good.\n\nMore tomorrow & after.", "To do:\n• call Sam\n• post office",
            "I <3 my cat, still felt flat. 2 < 3 is true.")),
    Fixture("daylio_ragged.csv", "daylio", 4, ("Evening\nWalked by the river\nScales: Energy: 3",
            "Sunday shift", "Dinner\nCooked for four")),
    # charistas/daylio-scribe DAYLIO_BACKUP_GUIDE.md, TickleThePanda/dayliextra daylio-export.ts.
    Fixture("daylio_backup.daylio", "daylio-backup", 4, ("Tired\nLong day.\nSlept on the bus.",
            "Sea swim & chips", "Hard end to the year")),
    # Leogendra/YearInPixels-PC pixels.py.
    Fixture("pixels_backup.json", "pixels", 7, ("First snow of the year",
            "Great morning, awful evening", "Tired\nbut ok by night")),
]  # fmt: skip


def _mapping(fixture: Fixture) -> dict[str, int]:
    mapping = {}
    if fixture.map_file:
        text = (DATA / fixture.map_file).read_text(encoding="utf-8")
        mapping.update(parse_map_file(text, fixture.map_file))
    mapping.update(parse_mood_map(list(fixture.mapping)))
    return mapping


def _import(store: Store, fixture: Fixture) -> tuple[int, int]:
    """(added, already here) for one import of the fixture."""
    prepared = prepare(
        store,
        str(DATA / fixture.name),
        wanted=None,
        mood_map=_mapping(fixture),
        reference=store.clock.now().tzinfo,
        now=store.clock.now(),
    )
    assert prepared.detected.format == fixture.format
    assert prepared.read.unknown_moods == {}
    assert prepared.plan.rejected == []
    apply_import(store, prepared.plan, fixture.name)
    return prepared.plan.checkin_count, prepared.plan.skipped


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_every_row_is_added_every_note_kept_and_a_second_import_adds_nothing(
    fixture: Fixture, clock: FakeClock, data_dir: Path
) -> None:
    store = Store(data_dir, clock)
    assert _import(store, fixture) == (fixture.rows, 0)
    stored = store.checkins()
    assert len(stored) == fixture.rows
    notes = [c.note for c in stored]
    for note in fixture.notes:
        assert note in notes, f"{note!r} not among {notes!r}"
    assert len({c.source for c in stored}) == fixture.rows  # each row its own key
    assert _import(store, fixture) == (0, fixture.rows)
    assert store.checkins() == stored


def test_the_daylio_moods_sit_where_each_file_says(clock: FakeClock, data_dir: Path) -> None:
    """Polish names by their language, a backup's moods by their group, Pixels by its score."""
    for name, fmt, moods in (
        # okropnie, tak sobie, wspaniale, źle, dobrze
        ("daylio_old_polish.csv", "daylio", [1, 5, 10, 3, 8]),
        # drained (group 4), hopeful (group 2), rad, awful
        ("daylio_backup.daylio", "daylio-backup", [3, 8, 10, 1]),
        # 4; 5 and 1; 3; 2, 2 and 3
        ("pixels_backup.json", "pixels", [8, 10, 1, 5, 3, 3, 5]),
    ):
        store = Store(data_dir / name, clock)
        _import(store, Fixture(name, fmt, len(moods), ()))
        assert [c.mood for c in store.checkins()] == moods, name


def test_activities_and_pixels_tags_become_tags(clock: FakeClock, data_dir: Path) -> None:
    store = Store(data_dir, clock)
    _import(store, FIXTURES[-1])
    first = store.checkins()[0]
    assert first.tags == ("calm", "grateful", "snow")
    store = Store(data_dir / "b", clock)
    _import(store, FIXTURES[4])
    tags = {t for c in store.checkins() for t in c.tags}
    assert {"clean", "music", "bad sleep", "stomachache", "cook", "nature / walk"} <= tags


def test_a_backup_that_lists_no_moods_still_means_daylios_five(
    clock: FakeClock, data_dir: Path, tmp_path: Path
) -> None:
    import base64
    import json
    import zipfile

    entry = {"id": 1, "year": 2025, "month": 1, "day": 9, "hour": 7, "minute": 0, "mood": 2,
             "note": "", "note_title": "", "tags": []}  # fmt: skip
    packed = base64.b64encode(json.dumps({"version": 15, "dayEntries": [entry]}).encode())
    path = tmp_path / "old.daylio"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("backup.daylio", packed)
    store = Store(data_dir, clock)
    prepared = prepare(
        store, str(path), wanted=None, mood_map={}, reference=clock.now().tzinfo, now=clock.now()
    )
    assert [(c.mood, c.at.month) for c in prepared.read.checkins] == [(8, 2)]  # good; February
