"""Plain mode in-process: whole practices on a fake clock, the menu, and when it switches on."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.cli.context import CliContext
from tui.cli.plain import wants_plain
from tui.cli.plain.lines import PlainIO
from tui.cli.plain.practice import Timing, breathe, meditate
from tui.cli.plain.run import run_plain
from tui.core.clock import FakeClock
from tui.core.store import Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=ZoneInfo("Europe/London"))


class FakeTime:
    """A monotonic clock that moves only when slept on: a whole practice runs at once."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def _plain(data: Path, answers: str) -> tuple[CliContext, PlainIO, io.StringIO]:
    out = io.StringIO()
    ctx = CliContext(data, FakeClock(NOW), stdout=out, stderr=out)
    return ctx, PlainIO(io.StringIO(answers), out), out


def test_a_whole_breathing_plan_runs_to_the_end_and_is_saved(tmp_path: Path) -> None:
    ctx, plain, out = _plain(tmp_path / "d", "7\n")
    fake = FakeTime()
    assert breathe(ctx, plain, "4-7-8", Timing(fake.monotonic, fake.sleep)) is True
    text = out.getvalue()
    assert text.count("\aBreathe in, 4 seconds.") + text.count("\aRound") >= 1
    assert "Hold, 7 seconds." in text and "Breathe out, 8 seconds." in text
    assert "That's the last breath." in text
    [session] = Store(tmp_path / "d", FakeClock(NOW)).sessions()
    assert session.completed and session.after == 7 and session.detail == "478"
    assert session.actual_seconds == pytest.approx(fake.slept)
    assert "\x1b" not in text and "\r" not in text


def test_meditation_rings_at_start_and_end_and_says_halfway(tmp_path: Path) -> None:
    ctx, plain, out = _plain(tmp_path / "d", "\n")
    fake = FakeTime()
    assert meditate(ctx, plain, 2.0, Timing(fake.monotonic, fake.sleep)) is True
    text = out.getvalue()
    assert text.count("\a") == 2 and "Halfway." in text
    assert fake.slept == pytest.approx(120.0)
    [session] = Store(tmp_path / "d", FakeClock(NOW)).sessions()
    assert session.kind == "meditate" and session.completed and session.after is None


def test_the_menu_shows_support_lines_and_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    ctx, plain, out = _plain(tmp_path / "d", "s\nq\n")
    assert run_plain(argparse.Namespace(command=None), ctx, plain) == 0
    assert "Samaritans" in out.getvalue()


def test_unknown_feelings_get_suggestions_and_the_list_is_there(tmp_path: Path) -> None:
    import argparse

    ctx, plain, out = _plain(tmp_path / "d", "3\n\n?\nnumbb\nnumb\n\n\n\n")
    assert run_plain(argparse.Namespace(command="checkin"), ctx, plain) == 0
    text = out.getvalue()
    assert 'Did you mean "numb"?' in text
    assert "can't tell" in text  # the whole list, asked for with ?
    [saved] = Store(tmp_path / "d", FakeClock(NOW)).checkins()
    assert saved.emotions == ("numb",) and saved.feel is None


@pytest.mark.parametrize(
    ("flag", "term", "expected"),
    [(True, "xterm", True), (None, "dumb", True), (None, "", False), (None, "xterm", False)],
)
def test_plain_mode_switches_on_when_asked_or_when_the_terminal_is_dumb(
    flag: bool | None, term: str, expected: bool
) -> None:
    import os

    read, write = os.pipe()  # not a terminal: only the flag and TERM=dumb decide
    try:
        assert wants_plain(flag, {"TERM": term}, fd=write) is expected
    finally:
        os.close(read)
        os.close(write)


@pytest.mark.parametrize(
    ("cols", "rows", "term", "expected"),
    [
        (20, 24, "xterm-256color", True),
        (80, 6, "xterm-256color", True),
        (80, 24, "", True),  # a terminal that doesn't say what it is
        (80, 24, "xterm-256color", False),
    ],
)
def test_a_terminal_too_small_or_unnamed_gets_plain_lines(
    cols: int, rows: int, term: str, expected: bool
) -> None:
    import fcntl
    import os
    import struct
    import termios

    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        assert wants_plain(None, {"TERM": term}, fd=slave) is expected
    finally:
        os.close(master)
        os.close(slave)


def test_plain_grounding_asks_each_step_once_and_keeps_what_was_noticed(tmp_path: Path) -> None:
    import argparse

    ctx, plain, out = _plain(tmp_path / "d", "a tree\n?\nsoft\n\n\n\n\n")
    assert run_plain(argparse.Namespace(command="ground", exercise="54321"), ctx, plain) == 0
    text = out.getvalue()
    assert text.count("Name five things you can see.") == 1
    assert "Touch something you like" in text  # the fallback, asked for with ?
    [session] = Store(tmp_path / "d", FakeClock(NOW)).sessions()
    assert (session.kind, session.detail, session.completed) == ("ground", "senses", True)
    assert session.notes[:2] == ("a tree", "soft")
