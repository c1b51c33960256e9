"""The real `python -m tui` in a subprocess: check-ins, `due`, `doctor`, and every bad input."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.proc_env import checkout_env, thaw_cmd
from tui.cli.context import CliContext
from tui.core.clock import FakeClock
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")


def run_cli(
    *args: str, data_dir: Path | None, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui ARGS` as a person would, with THAW_DATA_DIR pointing at `data_dir`."""
    environ = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    environ["TZ"] = "Europe/London"
    if data_dir is not None:
        environ["THAW_DATA_DIR"] = str(data_dir)
    environ.update(env or {})
    return subprocess.run(
        thaw_cmd(*args),
        cwd=cwd,
        env=checkout_env(environ),
        capture_output=True,
        text=True,
        timeout=60,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (except the lock) with its bytes: to prove nothing was written."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def assert_calm(done: subprocess.CompletedProcess[str]) -> None:
    """No traceback ever reaches the person."""
    assert "Traceback" not in done.stderr + done.stdout
    assert 'File "' not in done.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding one check-in, shared by tests that must leave it unchanged."""
    root = tmp_path_factory.mktemp("seeded")
    data = root / "data"
    done = run_cli("log", "5", "-n", "first", data_dir=data, cwd=root)
    assert done.returncode == 0, done.stderr
    return data


# --- the basics ---------------------------------------------------------------------------------
def test_version_says_thaw_0_1_0(tmp_path: Path) -> None:
    done = run_cli("--version", data_dir=None, cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == "thaw 0.1.0"


def test_help_lists_every_command_of_the_contract(tmp_path: Path) -> None:
    done = run_cli("--help", data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 0
    for command in [
        "checkin",
        "log",
        "list",
        "due",
        "stats",
        "export",
        "import",
        "breathe",
        "meditate",
        "ground",
        "mark",
        "report",
        "doctor",
    ]:
        assert f"    {command} " in done.stdout
    assert not (tmp_path / "d").exists()


def test_log_then_list_shows_the_checkin_with_names_and_tags(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_cli(
        "log", "6", "--feel", "2", "-e", "Numb", "can't tell", "-e", "cant_tell", "-n",
        "walked\nin the rain", "-t", "walk", "rain", data_dir=data, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Saved: mood 6, feel 2 at ")
    table = run_cli("list", data_dir=data, cwd=tmp_path)
    assert table.returncode == 0
    header, row = table.stdout.strip().split("\n")
    assert header.split() == ["date", "time", "mood", "feel", "emotions", "tags", "note"]
    assert "numb, can't tell" in row
    assert "#walk #rain" in row  # issue 17: the table shows tags
    assert row.endswith("walked …")
    records = json.loads(run_cli("list", "--json", data_dir=data, cwd=tmp_path).stdout)
    assert len(records) == 1
    record = records[0]
    assert set(record) == {"id", "at", "mood", "feel", "emotions", "note", "tags"}
    assert (record["mood"], record["feel"]) == (6, 2)
    assert record["emotions"] == ["numb", "cant_tell"]
    assert record["tags"] == ["walk", "rain"]
    assert record["note"] == "walked\nin the rain"


def test_log_at_yesterday_evening_is_dated_then(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = run_cli("log", "4", "--at", "yesterday 21:00", data_dir=data, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(run_cli("list", "--json", data_dir=data, cwd=tmp_path).stdout)[0]
    at = datetime.fromisoformat(record["at"])
    assert (at.hour, at.minute) == (21, 0)
    assert (datetime.now(LONDON).date() - at.date()).days == 1


def test_data_dir_option_works_before_and_after_the_command(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    assert (
        run_cli("--data-dir", str(before), "log", "3", data_dir=None, cwd=tmp_path).returncode == 0
    )
    assert (
        run_cli("log", "4", "--data-dir", str(after), data_dir=None, cwd=tmp_path).returncode == 0
    )
    assert len(json.loads(run_cli("list", "--json", data_dir=before, cwd=tmp_path).stdout)) == 1
    assert (
        json.loads(run_cli("list", "--json", data_dir=after, cwd=tmp_path).stdout)[0]["mood"] == 4
    )


def test_control_and_escape_characters_are_stripped_from_notes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    note = "a\x1b[31mred\x1b[0m\x07 b\u202e c\x1b]0;title\x07 d"
    done = run_cli("log", "5", "-n", note, "-t", "x\x1b[2Jy", data_dir=data, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(run_cli("list", "--json", data_dir=data, cwd=tmp_path).stdout)[0]
    assert record["note"] == "ared b c d"
    assert record["tags"] == ["xy"]
    table = run_cli("list", data_dir=data, cwd=tmp_path)
    assert "\x1b" not in table.stdout
    assert "\x07" not in table.stdout


# --- bad input: a sentence, exit 2, nothing written ---------------------------------------------
BAD_LOGS = [
    (["log", "0"], "from 1 to 10, so 0 doesn't fit"),
    (["log", "11"], "from 1 to 10, so 11 doesn't fit"),
    (["log", "seven"], '"seven" doesn\'t fit'),
    (["log", "6.5"], '"6.5" doesn\'t fit'),
    (["log", "6", "--feel", "11"], "from 0 to 10"),
    (["log", "6", "-e", "numbb"], 'Thaw doesn\'t know the emotion "numbb". Did you mean "numb"'),
    (["log", "6", "-n", "x" * 10_001], "10,001 characters; a note can hold up to 10,000"),
    (["log", "6", "--at", "tomorrow"], '"tomorrow" is still to come. A check-in can be for now'),
    (["log", "6", "--at", "2999-01-01 08:00"], "still to come"),
    (["log", "6", "--at", "someday"], '"yesterday 21:00"'),
    (["log"], "this needs MOOD"),
    (["log", "6", "--mood", "3"], "I don't know what to do with --mood"),
    (["frobnicate"], 'there\'s no command "frobnicate"'),
    (["list", "--days", "0"], '--days "0" should be a whole number, 1 or more'),
]


@pytest.mark.parametrize(("args", "message"), BAD_LOGS, ids=[" ".join(a)[:30] for a, _ in BAD_LOGS])
def test_bad_input_is_refused_and_nothing_is_written(
    args: list[str], message: str, seeded: Path, tmp_path: Path
) -> None:
    before = snapshot(seeded)
    done = run_cli(*args, data_dir=seeded, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert_calm(done)
    assert snapshot(seeded) == before


@pytest.mark.parametrize(
    ("args", "message"), BAD_LOGS[:10], ids=[" ".join(a)[:30] for a, _ in BAD_LOGS[:10]]
)
def test_bad_input_on_a_fresh_machine_creates_nothing(
    args: list[str], message: str, tmp_path: Path
) -> None:
    fresh = tmp_path / "never"
    done = run_cli(*args, data_dir=fresh, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert not fresh.exists()


# --- data trouble: a sentence, exit 1 -----------------------------------------------------------
@pytest.mark.parametrize("where", ["under_a_file", "proc"])
def test_an_unwritable_data_dir_is_exit_1_with_a_sentence(where: str, tmp_path: Path) -> None:
    plain_file = tmp_path / "plain.txt"
    plain_file.write_text("not a folder")
    data = plain_file / "thaw" if where == "under_a_file" else Path("/proc/thaw-test/data")
    done = run_cli("log", "6", data_dir=data, cwd=tmp_path)
    assert done.returncode == 1
    assert_calm(done)
    assert str(data) in done.stderr or "/proc" in done.stderr
    assert plain_file.read_text() == "not a folder"


def test_doctor_on_a_fresh_dir_is_all_well(tmp_path: Path) -> None:
    done = run_cli("doctor", data_dir=tmp_path / "data", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All well" in done.stdout
    assert str(tmp_path / "data") in done.stdout


def test_doctor_names_a_torn_file_and_exits_1(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("log", "5", data_dir=data, cwd=tmp_path).returncode == 0
    (month,) = (data / "checkins").glob("*.json")
    month.write_text('{"checkins": {"1": {"mood"')
    done = run_cli("doctor", data_dir=data, cwd=tmp_path)
    assert done.returncode == 1
    assert_calm(done)
    assert f"checkins/{month.name}" in done.stdout
    assert "backup" in done.stdout.lower()
    # The torn file was kept, not overwritten.
    kept = list((data / "quarantine").rglob("*"))
    assert any(p.is_file() and p.read_text() == '{"checkins": {"1": {"mood"' for p in kept)


# --- due ----------------------------------------------------------------------------------------
def test_due_says_one_line_until_there_is_a_checkin_today(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_cli("due", data_dir=data, cwd=tmp_path)
    assert first.returncode == 0
    assert len(first.stdout.strip().splitlines()) == 1
    assert "check-in" in first.stdout
    assert run_cli("log", "6", data_dir=data, cwd=tmp_path).returncode == 0
    after = run_cli("due", data_dir=data, cwd=tmp_path)
    assert (after.returncode, after.stdout, after.stderr) == (0, "", "")


def test_due_never_fails_loudly_at_login(tmp_path: Path) -> None:
    plain_file = tmp_path / "plain.txt"
    plain_file.write_text("x")
    done = run_cli("due", data_dir=plain_file / "thaw", cwd=tmp_path)
    assert done.returncode == 0
    assert len((done.stdout + done.stderr).strip().splitlines()) == 1
    assert_calm(done)


def _due_with_clock(data: Path, now: datetime) -> tuple[int, str]:
    import argparse
    import io

    from tui.cli import cmd_due

    out = io.StringIO()
    ctx = CliContext(data, FakeClock(now), stdout=out, stderr=out)
    code = cmd_due.run(argparse.Namespace(command="due", data_dir=None), ctx)
    return code, out.getvalue()


def test_due_stays_quiet_before_the_reminder_time(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data, FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=LONDON)))
    store.save_settings(replace(store.settings(), reminder_time="20:00"))
    assert _due_with_clock(data, datetime(2026, 11, 25, 19, 59, tzinfo=LONDON)) == (0, "")
    code, text = _due_with_clock(data, datetime(2026, 11, 25, 20, 0, tzinfo=LONDON))
    assert code == 0
    assert "No check-in yet today" in text


def test_a_command_whose_handler_is_missing_gets_a_sentence() -> None:
    from tui.__main__ import _load_handler

    assert _load_handler("no_such_command") is None
    assert _load_handler("due") is not None


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`thaw export | head -c 10`: the pipe closes under a long export, quietly."""
    from tui.core.records.models import NewCheckIn

    data = tmp_path / "data"
    start = datetime(2025, 1, 1, 8, 0, tzinfo=LONDON)
    Store(data, FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=LONDON))).add_checkins(
        NewCheckIn(at=start + timedelta(hours=7 * i), mood=5, note="a longer note " * 10)
        for i in range(1500)
    )
    environ = checkout_env(THAW_DATA_DIR=str(data), TZ="Europe/London")
    reader = subprocess.Popen(
        thaw_cmd("export"),
        cwd=tmp_path,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(10) == b'{\n  "forma'
    reader.stdout.close()
    errors = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 0
    assert errors == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["due"],
        ["--data-dir", "/x", "due"],
        ["due", "--data-dir=/x"],
        ["log", "6"],
        ["log", "seven", "--data-dir", "/x"],
        [],
        ["--data-dir", "/x"],
        ["--data-dir=/x"],
    ],
)
def test_the_quick_paths_read_argv_exactly_as_the_parser_does(argv: list[str]) -> None:
    """`due`, `log N` and the bare app skip argparse for speed; they must never disagree."""
    from tui.__main__ import _quick_args
    from tui.cli.parser import parse_args

    quick = _quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["log", "-3"], ["log", "6", "-n", "x"], ["due", "--help"], ["list"], ["--plain"], ["-h"]],
)
def test_anything_else_goes_through_the_parser(argv: list[str]) -> None:
    from tui.__main__ import _quick_args

    assert _quick_args(argv) is None


def test_due_still_speaks_after_a_check_in_earlier_in_the_same_month(tmp_path: Path) -> None:
    """`due` looks for today, not for this month: one check-in on the 3rd must not silence it
    for the rest of November (nor one on the 25th of October, on the same day number)."""
    data = tmp_path / "data"
    store = Store(data, FakeClock(datetime(2026, 11, 25, 9, 20, tzinfo=LONDON)))
    store.add_checkin(5, at=datetime(2026, 11, 3, 8, 0, tzinfo=LONDON))
    store.add_checkin(6, at=datetime(2026, 10, 25, 8, 0, tzinfo=LONDON))
    code, text = _due_with_clock(data, datetime(2026, 11, 25, 9, 30, tzinfo=LONDON))
    assert code == 0
    assert "No check-in yet today" in text
    assert store.has_checkin_on(date(2026, 11, 25)) is False
    assert store.has_checkin_on(date(2026, 11, 3)) is True
    store.add_checkin(7, at=datetime(2026, 11, 25, 9, 10, tzinfo=LONDON))
    assert _due_with_clock(data, datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)) == (0, "")
