"""The appointment summary: sections, numbers that match `stats`, and user text that stays text."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.conftest import shared_content
from tests.history_data import fill, generate
from tui.core.analysis import stats
from tui.core.analysis.insights import summary_lines, vocabulary
from tui.core.analysis.report import (
    ReportOptions,
    escape_markdown,
    report_file_name,
    report_from_store,
    report_period,
    summary_folder,
    write_report,
    write_summary,
)
from tui.core.analysis.stats import minutes_cell, minutes_words
from tui.core.clock import FakeClock
from tui.core.errors import DataError
from tui.core.records.models import Settings
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 21, 30, tzinfo=LONDON)  # a Wednesday evening
NASTY = "# heading [link](x) <script>alert(1)</script> | a | b *bold* _it_ `code` ~~x~~ &amp;"

# One load of the words for the whole run (tests/conftest.py).
content = shared_content


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Ten weeks of generated history, a marker, plan items and a nasty note."""
    clock = FakeClock(NOW)
    made = Store(tmp_path / "data", clock)
    fill(made, generate(NOW, days=70, seed=3))
    made.add_checkin(2, feel=1, emotions=("numb",), note=NASTY, at=NOW - timedelta(hours=2))
    made.add_checkin(4, note="- a list?\n1. numbered\n> quote", at=NOW - timedelta(days=1))
    made.add_marker("changed dose | 50mg <b>", "medication", NOW - timedelta(days=3))
    made.add_marker("long ago", "life", NOW - timedelta(days=200))
    made.add_plan_item("Talk therapy: CBT", key="cbt", status="next_step", next_step="[call](GP)")
    made.add_plan_item("Quiet for now", key="yoga")
    made.add_plan_item("# my own | step", status="doing", note="private note")
    made.add_session(
        "idea",
        "blanket",
        started_at=NOW - timedelta(days=2),
        planned_seconds=None,
        actual_seconds=0,
        completed=True,
        rating=4,
        after=5,
    )
    return made


def report(store: Store, **options: object) -> str:
    return report_from_store(store, content(), NOW, ReportOptions(**options))  # type: ignore[arg-type]


def tokens(markdown: str) -> list[Token]:
    """Every token, inline children included, as a CommonMark+tables renderer sees them."""
    found: list[Token] = []
    for token in MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown):
        found.append(token)
        found.extend(token.children or [])
    return found


# --- escaping -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("# heading", r"\# heading"),
        ("[link](x)", r"\[link\](x)"),
        ("<script>", r"\<script\>"),
        ("a | b", r"a \| b"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("12. twelve", r"12\. twelve"),
        ("*x* _y_ `z` ~w~", r"\*x\* \_y\_ \`z\` \~w\~"),
        ("back\\slash", r"back\\slash"),
        ("line one\nline two\tend", "line one line two end"),
        ("\x1b[31mred\x1b[0m \u202eevil", "red evil"),
        ("&amp; !", r"\&amp; \!"),
    ],
)
def test_escape_markdown(raw: str, expected: str) -> None:
    assert escape_markdown(raw) == expected


def test_escaped_text_renders_as_plain_text() -> None:
    html = MarkdownIt("commonmark").enable("table").render(f"- x: {escape_markdown(NASTY)}\n")
    assert "<script>" not in html and "<a " not in html and "<h1>" not in html
    assert "&lt;script&gt;" in html  # shown as the characters typed


# --- sections and numbers ---------------------------------------------------------------------


def test_period_is_whole_weeks_ending_today() -> None:
    start, end = report_period(date(2026, 11, 25), 4)
    assert (start, end) == (date(2026, 11, 2), date(2026, 11, 25))
    assert start.weekday() == 0


def test_sections_present_in_order(store: Store) -> None:
    text = report(store, weeks=4, include_notes=True)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Thaw: a summary to bring to an appointment",
        "## Mood and how much I could feel",
        "## Emotional range",
        "## Practices and what helped",
        "## Changes and events",
        "## My longer-term plan",
        "## Notes I chose to include",
    ]
    assert "Period: 2 Nov 2026 to 25 Nov 2026 (4 weeks)." in text
    assert "not a medical device" in text


def test_choices_leave_sections_out(store: Store) -> None:
    text = report(store, weeks=4, include_notes=False, include_plan=False, include_markers=False)
    assert "## Notes" not in text and "## My longer-term plan" not in text
    assert "## Changes and events" not in text
    assert "private note" not in text and "heading" not in text  # notes are off by default


def test_numbers_match_stats(store: Store) -> None:
    """The same days through `python -m tui stats` give the same averages, range and minutes."""
    text = report(store, weeks=4)
    start, end = report_period(NOW.date(), 4)
    days = (end - start).days + 1
    checkins = store.checkins(since=end - timedelta(days=120), until=end)
    sessions = store.sessions(since=end - timedelta(days=120), until=end)
    summary = "\n".join(summary_lines(checkins, sessions, end, days, vocabulary(content())))

    stats_mood = re.search(r"Mood .* average (\d+\.\d), from (\d+) to (\d+), (\d+) days", summary)
    report_mood = re.search(
        r"check-ins on (\d+) of \d+ days\. Mood averaged (\d+\.\d) over the days with a "
        r"check-in, from (\d+) to (\d+)",
        text,
    )
    assert stats_mood and report_mood
    assert report_mood.group(2) == stats_mood.group(1)
    assert report_mood.group(3, 4) == stats_mood.group(2, 3)
    assert report_mood.group(1) == stats_mood.group(4)

    stats_feel = re.search(r"Feel .* average (\d+\.\d)", summary)
    report_feel = re.search(r"how much I could feel averaged (\d+\.\d)", text)
    assert stats_feel and report_feel and stats_feel.group(1) == report_feel.group(1)

    stats_range = re.search(
        r"Range +(\d+) different feelings named, (\d+) of them pleasant", summary
    )
    report_range = re.search(r"I named (\d+) different feelings?, (\d+) of them pleasant", text)
    assert stats_range and report_range
    assert stats_range.groups() == report_range.groups()

    stats_minutes = re.search(r"Practice +(\d+) minutes", summary)
    report_minutes = re.search(r"(\d+) minutes in all", text)
    assert stats_minutes and report_minutes
    assert stats_minutes.group(1) == report_minutes.group(1)


def test_weekly_tables_match_stats(store: Store) -> None:
    text = report(store, weeks=3)
    start, end = report_period(NOW.date(), 3)
    inside = store.checkins(since=start, until=end)
    words = vocabulary(content())
    for week in stats.weekly_range(inside, words.valence):
        row = f"| {week.week.day} {week.week:%b} | {week.distinct} | {week.pleasant} |"
        assert row in text
    moods = stats.daily_mood(inside)
    for monday in (start, start + timedelta(weeks=1), start + timedelta(weeks=2)):
        means = [d.mean for d in moods if monday <= d.day < monday + timedelta(days=7)]
        mean = sum(means) / len(means)
        assert f"| {monday.day} {monday:%b} | {len(means)} | {mean:.1f} |" in text


def test_sparkline_chart_one_line_per_week(store: Store) -> None:
    text = report(store, weeks=4)
    block = text.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert block[0].startswith("week of")
    assert [line.split()[0:2] for line in block[1:]] == [
        ["2", "Nov"],
        ["9", "Nov"],
        ["16", "Nov"],
        ["23", "Nov"],
    ]
    assert any(ch in block[1] for ch in stats.SPARK_BLOCKS)


def test_practices_and_what_helped(store: Store) -> None:
    text = report(store, weeks=4)
    assert "| Practice | Rated times | Before (mean) | After (mean) | Change |" in text
    assert "- Wrap up in a blanket: 4.0 (1 time)" in text


def test_markers_in_period_only_with_dates(store: Store) -> None:
    text = report(store, weeks=4)
    assert r"- 22 Nov 2026 (medication): changed dose \| 50mg \<b\>" in text
    assert "long ago" not in text


def test_plan_shows_status_and_next_step(store: Store) -> None:
    text = report(store, weeks=4)
    assert r"- Talk therapy: CBT (status: next step). My next step: \[call\](GP)" in text
    assert r"- \# my own \| step (status: doing it)." in text
    assert "Quiet for now" not in text  # "not now" with nothing written stays out
    assert "private note" not in text


def test_user_text_cannot_break_the_markdown(store: Store) -> None:
    text = report(store, weeks=4, include_notes=True)
    found = tokens(text)
    kinds = {t.type for t in found}
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "link_open" not in kinds and "em_open" not in kinds and "s_open" not in kinds
    assert "code_inline" not in kinds
    headings = [t for t in found if t.type == "heading_open"]
    assert len(headings) == 7
    assert "blockquote_open" not in kinds and "ordered_list_open" not in kinds
    # Every row of every table keeps its header's column count: no `|` splits a cell.
    cells: list[int] = []
    for token in found:
        if token.type == "tr_open":
            cells.append(0)
        elif token.type in ("th_open", "td_open"):
            cells[-1] += 1
        elif token.type == "table_close":
            assert len(set(cells)) == 1, cells
            cells = []
    assert r"\# heading \[link\](x) \<script\>alert(1)\</script\> \| a \| b" in text
    assert r"\- a list? 1. numbered \> quote" in text


def test_empty_store_reads_calmly(tmp_path: Path) -> None:
    empty = Store(tmp_path / "empty", FakeClock(NOW))
    text = report(empty, weeks=2)
    assert "No check-ins in this period." in text
    assert "No practices recorded in this period." in text


# --- writing ------------------------------------------------------------------------------------


def test_write_report_is_private_and_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    written = write_report(target, "# new\n")
    assert written == target and target.read_text() == "# new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_report_to_missing_folder_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        write_report(tmp_path / "no" / "such" / "dir.md", "x")


def test_write_summary_uses_saved_choices(store: Store, tmp_path: Path) -> None:
    folder = summary_folder(tmp_path, store.data_dir)
    assert folder == tmp_path
    target = folder / report_file_name(NOW.date())
    path = write_summary(store, content(), NOW, Settings(report_include_notes=True), target)
    assert path == target and path.name == "thaw-summary-2026-11-25.md"
    assert "## Notes I chose to include" in path.read_text()
    assert summary_folder(tmp_path / "missing", store.data_dir) == store.data_dir


@pytest.mark.parametrize(
    ("minutes", "words", "cell"),
    [
        (0.0, "0 minutes", "0"),
        (0.5, "under a minute", "<1"),
        (1.2, "1 minute", "1"),
        (12.6, "13 minutes", "13"),
    ],
)
def test_minutes_are_said_plainly(minutes: float, words: str, cell: str) -> None:
    assert (minutes_words(minutes), minutes_cell(minutes)) == (words, cell)


def test_a_short_practice_shows_as_under_a_minute_not_zero(tmp_path: Path) -> None:
    made = Store(tmp_path / "data", FakeClock(NOW))
    made.add_session(
        "breathe",
        "box",
        started_at=NOW - timedelta(hours=1),
        planned_seconds=120,
        actual_seconds=25,
        completed=False,
    )
    text = report(made)
    assert "1 practice, under a minute in all." in text
    assert "| Breathing | 1 | 0 | <1 |" in text
    assert "0 minutes" not in text
