"""Text on its way out: the same cleaning as on the way in, JSON kept exact, CSV never a formula."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tui.core.exchange.thaw_csv import checkins_to_csv, parse_thaw_csv
from tui.core.outward import csv_cell, csv_cell_read, escape_json, shown_line, shown_text
from tui.core.records.models import CheckIn

LONDON = ZoneInfo("Europe/London")
UNSAFE = "\x1b]52;c;SGVsbG8=\x07\x1b[31m\u009b6n\u202e\u2066\x7f\x00"


def test_shown_text_removes_what_the_way_in_removes_and_keeps_lines_and_tabs() -> None:
    assert shown_text(f"one{UNSAFE}\n\ttwo") == "one6n\n\ttwo"


def test_shown_line_folds_to_one_line_and_cuts_after_cleaning() -> None:
    assert shown_line(f"{UNSAFE}a  b\nc") == "6na b c"
    assert shown_line(f"{UNSAFE}abcdef", limit=4) == "6nab"


def test_a_lone_surrogate_from_a_hand_edited_file_is_dropped() -> None:
    stored = json.loads('"a\\ud800b"')  # what json.loads gives for a planted half pair
    assert shown_text(stored) == "ab"
    assert shown_line(stored) == "ab"


def test_json_keeps_every_character_but_writes_unsafe_ones_as_escapes() -> None:
    document = {"note": f"café 🌱 {UNSAFE} [b]x[/b]", "tags": ["\u200eleft"]}
    text = escape_json(json.dumps(document, ensure_ascii=False))
    for char in "\u009b\u202e\u2066\u200e\x7f\x1b":
        assert char not in text
    assert "café 🌱" in text  # ordinary letters stay readable
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text) == document


def test_json_writes_a_lone_surrogate_as_an_escape_so_the_output_can_be_encoded() -> None:
    """A lone surrogate (a hand-edited file can hold one) is not something the way in removes,
    yet written raw it would make the output unencodable as UTF-8: it is escaped like C1."""
    text = escape_json(json.dumps({"note": "a\ud800b"}, ensure_ascii=False))
    assert "\ud800" not in text
    assert "\\ud800" in text
    text.encode("utf-8")  # raises on a raw surrogate
    assert json.loads(text) == {"note": "a\ud800b"}


def test_json_for_an_ascii_output_escapes_everything_beyond_ascii() -> None:
    document = {"note": "café 🌱 —\u009b\x7f"}
    text = escape_json(json.dumps(document, ensure_ascii=False), ascii_only=True)
    assert text.isascii() and "\x7f" not in text
    assert "\\ud83c\\udf31" in text  # the seedling as a surrogate pair, as JSON spells it
    assert json.loads(text) == document


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+x", "'+x"),
        ("-2 today", "'-2 today"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("'=already quoted", "''=already quoted"),
        ("plain", "plain"),
        ("it's = fine", "it's = fine"),
        ("'", "'"),
        ("", ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_get_one_quote(stored: str, cell: str) -> None:
    assert csv_cell(stored) == cell
    assert csv_cell_read(cell) == stored


def test_a_carriage_return_at_the_start_becomes_a_newline_and_is_guarded_like_text() -> None:
    # The way in turns CR into a newline, so a cell never starts with CR once cleaned.
    assert csv_cell("\r=1") == "\n=1"


def test_csv_export_neutralises_formulas_and_reads_back_unchanged() -> None:
    at = datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)
    checkins = [
        CheckIn(id="a" * 32, at=at, mood=5, note="=cmd|' /C calc'!A0", tags=("+x", "@y")),
        CheckIn(id="b" * 32, at=at, mood=4, note="- a list\n- of things", emotions=("numb",)),
        CheckIn(id="c" * 32, at=at, mood=3, note="'=quoted already", tags=("-minus",)),
    ]
    text = checkins_to_csv(checkins)
    for row in list(csv.reader(io.StringIO(text, newline="")))[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t")), row
    back = parse_thaw_csv(text, LONDON)
    assert [(c.note, c.tags, c.emotions) for c in back] == [
        (c.note, c.tags, c.emotions) for c in checkins
    ]


def test_csv_export_holds_no_control_character_even_from_a_planted_note() -> None:
    at = datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)
    text = checkins_to_csv([CheckIn(id="d" * 32, at=at, mood=5, note=f"x{UNSAFE}", tags=("t",))])
    assert not set(text) & set("\x1b\u009b\u202e\u2066\x7f\x00\x07")
