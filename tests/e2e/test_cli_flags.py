"""The command line people expect: --at phrases, filters, tags, md export, due/prompt, --edit.

Most run in-process on a fixed clock (a Wednesday evening in London) through the same parser
and handlers `python -m tui` uses; a few run the real process where the process matters.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.test_cli import run_cli
from tui.__main__ import _load_handler
from tui.cli.context import CliContext
from tui.cli.parser import parse_args
from tui.core.clock import FakeClock
from tui.core.errors import DataError, InputError
from tui.core.records.models import NewCheckIn
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 21, 30, tzinfo=LONDON)  # a Wednesday evening


def thaw(data: Path, *argv: str, now: datetime = NOW) -> tuple[int, str, str]:
    """Run one command as `python -m tui` would, on a fixed clock: (exit code, out, err)."""
    out, err = io.StringIO(), io.StringIO()
    args = parse_args(list(argv))
    handler = _load_handler(args.command)
    assert handler is not None
    ctx = CliContext(data, FakeClock(now), stdout=out, stderr=err)
    try:
        with contextlib.redirect_stdout(out):  # export writes its raw text to sys.stdout
            code = handler(args, ctx)
    except InputError as error:
        ctx.err(str(error))
        code = 2
    except DataError as error:
        ctx.err(str(error))
        code = 1
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    """Four check-ins over two years: tags, feelings and notes to filter on."""
    data = tmp_path / "data"
    Store(data, FakeClock(NOW)).add_checkins(
        [
            NewCheckIn(at=datetime(2025, 12, 30, 9, 0, tzinfo=LONDON), mood=3, tags=("sleep",)),
            NewCheckIn(
                at=datetime(2026, 11, 20, 8, 0, tzinfo=LONDON),
                mood=4,
                emotions=("numb",),
                note="flat at the office",
                tags=("work",),
            ),
            NewCheckIn(
                at=datetime(2026, 11, 23, 20, 0, tzinfo=LONDON),
                mood=6,
                feel=5,
                emotions=("calm",),
                note="walked by the river\n# not a heading",
                tags=("Work", "walk"),
            ),
            NewCheckIn(at=datetime(2026, 11, 25, 7, 0, tzinfo=LONDON), mood=5, note="tea"),
        ]
    )
    return data


def _moods(table: str) -> list[str]:
    return [line.split()[3] for line in table.splitlines()[1:]]


# --- --at ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("-2h", datetime(2026, 11, 25, 19, 30, tzinfo=LONDON)),
        ("last monday", datetime(2026, 11, 23, 12, 0, tzinfo=LONDON)),
        ("yesterday at 9pm", datetime(2026, 11, 24, 21, 0, tzinfo=LONDON)),
        ("3 days ago 9pm", datetime(2026, 11, 22, 21, 0, tzinfo=LONDON)),
        ("Nov 30", datetime(2025, 11, 30, 12, 0, tzinfo=LONDON)),
        ("noon", datetime(2026, 11, 25, 12, 0, tzinfo=LONDON)),
    ],
)
def test_log_at_reads_phrases_and_negative_offsets(
    tmp_path: Path, when: str, expected: datetime
) -> None:
    code, _, err = thaw(tmp_path / "d", "log", "5", "--at", when)
    assert (code, err) == (0, "")
    [saved] = Store(tmp_path / "d", FakeClock(NOW)).checkins()
    assert saved.at == expected


def test_the_real_process_takes_at_minus_two_hours(tmp_path: Path) -> None:
    done = run_cli("log", "5", "--at", "-2h", data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Saved: mood 5" in done.stdout


def test_mood_after_the_options_gets_the_right_order_shown(tmp_path: Path) -> None:
    done = run_cli("log", "-e", "numb", "5", data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 2
    assert "the mood comes first" in done.stderr
    assert "thaw log 5 -e numb" in done.stderr
    assert not (tmp_path / "d").exists()


# --- list, export, report filters ---------------------------------------------------------------
def test_list_shows_tags_in_the_table(diary: Path) -> None:
    code, out, _ = thaw(diary, "list")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "date",
        "time",
        "mood",
        "feel",
        "emotions",
        "tags",
        "note",
    ]
    assert "#work #walk" in out  # tags are kept in lower case


@pytest.mark.parametrize(
    ("argv", "moods"),
    [
        (["--tag", "work"], ["4", "6"]),  # any case
        (["--tag", "walk", "--tag", "sleep"], ["6"]),  # sleep is older than 14 days
        (["--feeling", "numb"], ["4"]),
        (["--grep", "river"], ["6"]),
        (["--grep", "CALM"], ["6"]),  # a feeling's name is searched too
        (["--from", "monday"], ["6", "5"]),
        (["--from", "2026-11-20", "--to", "2026-11-23"], ["4", "6"]),
        (["--from", "2025-01-01", "--tag", "sleep"], ["3"]),
        (["--to", "-3d"], ["3", "4"]),
    ],
)
def test_list_filters(diary: Path, argv: list[str], moods: list[str]) -> None:
    code, out, err = thaw(diary, "list", *argv)
    assert (code, err) == (0, "")
    assert _moods(out) == moods


def test_list_filters_that_match_nothing_say_so(diary: Path) -> None:
    assert thaw(diary, "list", "--grep", "zebra")[1].startswith("No check-ins match that.")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--feeling", "nmb"], 'Did you mean "numb"'),
        (["--from", "today", "--to", "yesterday"], "--from comes after --to"),
        (["--from", "someday"], "couldn't read"),
    ],
)
def test_bad_filters_are_usage_mistakes(diary: Path, argv: list[str], said: str) -> None:
    code, _, err = thaw(diary, "list", *argv)
    assert code == 2 and said in err


def test_export_md_is_a_readable_journal_with_the_same_filters(diary: Path) -> None:
    code, out, _ = thaw(diary, "export", "--format", "md", "--tag", "work")
    assert code == 0
    assert out.startswith("# Thaw journal\n")
    assert "## Friday 20 November 2026" in out and "## Monday 23 November 2026" in out
    assert "### 20:00, mood 6, feel 5" in out
    assert "Feelings: numb" in out and "Tags: work, walk" in out
    assert "\\# not a heading" in out  # a note cannot add a heading of its own
    assert "tea" not in out and "2025" not in out


def test_export_md_cleans_what_the_files_hold(tmp_path: Path) -> None:
    import json

    data = tmp_path / "d"
    Store(data, FakeClock(NOW)).add_checkin(5, note="fine", tags=("x",))
    month = data / "checkins" / "2026-11.json"
    raw = json.loads(month.read_text())
    for doc in raw["checkins"].values():
        doc["note"] = "hi \x1b[31mred\x1b[0m \u202eevil"
    month.write_text(json.dumps(raw))
    code, out, _ = thaw(data, "export", "--format", "md")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out and "hi red evil" in out


def test_export_csv_and_json_take_the_filters_too(diary: Path) -> None:
    import csv
    import json

    _, csv_text, _ = thaw(diary, "export", "--format", "csv", "--feeling", "calm")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert [r["mood"] for r in rows] == ["6"]
    _, json_text, _ = thaw(diary, "export", "--from", "2026-11-21")
    assert [c["mood"] for c in json.loads(json_text)["checkins"]] == [6, 5]


def test_report_from_to_covers_those_days_and_says_what_was_left_out(diary: Path) -> None:
    code, out, _ = thaw(
        diary, "report", "--from", "2026-11-16", "--to", "2026-11-22", "--tag", "work"
    )
    assert code == 0
    assert "Period: 16 Nov 2026 to 22 Nov 2026 (7 days)." in out
    assert 'Only check-ins tagged "work".' in out
    assert "1 check-ins on 1 of 7 days" in out
    code, _, err = thaw(diary, "report", "--weeks", "2", "--from", "monday")
    assert code == 2 and "not both" in err


def test_stats_names_the_years_when_the_range_spans_them(diary: Path) -> None:
    assert thaw(diary, "stats", "--days", "3000")[1].splitlines()[0] == (
        "The last 3000 days (9 Sep 2018 to 25 Nov 2026)"
    )
    assert thaw(diary, "stats")[1].splitlines()[0] == "The last 30 days (27 Oct to 25 Nov)"


# --- due, prompt --------------------------------------------------------------------------------
def test_due_quiet_answers_in_its_exit_status_only(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert thaw(data, "due", "--quiet") == (0, "", "")
    assert thaw(data, "prompt") == (0, "thaw\n", "")
    assert thaw(data, "prompt", "--glyph") == (0, "❄\n", "")
    Store(data, FakeClock(NOW)).add_checkin(6)
    assert thaw(data, "due", "-q") == (1, "", "")
    assert thaw(data, "prompt") == (0, "", "")


def test_due_quiet_in_a_real_shell_reads_as_it_says(tmp_path: Path) -> None:
    import subprocess

    env = {**os.environ, "THAW_DATA_DIR": str(tmp_path / "d")}
    line = f"{sys.executable} -m tui due --quiet && echo due"
    done = subprocess.run(["sh", "-c", line], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout == "due\n" and done.stderr == ""


@pytest.mark.parametrize(
    ("shell", "existing", "profile"),
    [
        ("/bin/bash", [], ".profile"),
        ("/bin/bash", [".bash_profile"], ".bash_profile"),
        ("/usr/bin/zsh", [], ".zprofile"),
        ("/usr/bin/fish", [], ".config/fish/conf.d/thaw.fish"),
    ],
)
def test_due_install_adds_the_line_once_and_uninstall_takes_it_out(
    tmp_path: Path, shell: str, existing: list[str], profile: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    for name in existing:
        (home / name).write_text("# mine\n")
    env = {"HOME": str(home), "SHELL": shell}
    path = home / profile
    before = path.read_text() if path.exists() else None
    refused = run_cli("due", "--install", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
    assert refused.returncode == 2 and "--yes" in refused.stderr  # no tty: nobody to ask
    assert (path.read_text() if path.exists() else None) == before
    for _ in range(2):
        done = run_cli("due", "--install", "--yes", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
    text = path.read_text()
    assert text.count("# thaw: a gentle check-in reminder") == 1
    assert text.count(" due\n") == 1 and f"{sys.executable} -m tui" in text
    if existing:
        assert text.startswith("# mine\n")
    done = run_cli("due", "--uninstall", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
    assert done.returncode == 0
    assert path.read_text() == (before or "")


def test_the_installed_line_runs_due_at_login(tmp_path: Path) -> None:
    import subprocess

    home = tmp_path / "home"
    home.mkdir()
    (home / ".profile").write_text("export KEEP=1\n")
    (home / ".profile").chmod(0o640)
    env = {"HOME": str(home), "SHELL": "/bin/sh"}
    run_cli("due", "--install", "--yes", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
    assert stat.S_IMODE((home / ".profile").stat().st_mode) == 0o640  # its own mode kept
    login = subprocess.run(
        ["sh", "-c", f". {home / '.profile'}"],
        env={**os.environ, "HOME": str(home), "THAW_DATA_DIR": str(tmp_path / "d")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert login.stdout.startswith("No check-in yet today.")


def test_install_follows_a_profile_kept_as_a_link(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "dotfiles").mkdir(parents=True)
    (home / "dotfiles" / "zprofile").write_text("# kept in git\n")
    (home / ".zprofile").symlink_to(home / "dotfiles" / "zprofile")
    env = {"HOME": str(home), "SHELL": "/bin/zsh"}
    run_cli("due", "--install", "-y", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
    assert (home / ".zprofile").is_symlink()
    assert "thaw due --uninstall" in (home / "dotfiles" / "zprofile").read_text()


# --- log --edit ---------------------------------------------------------------------------------
def _editor(tmp_path: Path, body: str, status: int) -> Path:
    script = tmp_path / "editor.sh"
    seen = tmp_path / "seen"
    script.write_text(
        "#!/bin/sh\n"
        f'stat -c %a "$1" > {seen}; stat -c %a "$(dirname "$1")" >> {seen}\n'
        f'echo "$1" >> {seen}\n'
        f"printf '{body}' >> \"$1\"\n"
        f"exit {status}\n"
    )
    script.chmod(0o755)
    return script


def test_log_edit_opens_the_editor_on_a_private_file_and_saves_the_note(tmp_path: Path) -> None:
    editor = _editor(tmp_path, "a longer note\\nover two lines\\n", 0)
    env = {"VISUAL": str(editor), "EDITOR": "false"}
    done = run_cli(
        "log", "4", "-n", "start", "--edit", data_dir=tmp_path / "d", cwd=tmp_path, env=env
    )
    assert done.returncode == 0, done.stderr
    file_mode, dir_mode, path = (tmp_path / "seen").read_text().split()
    assert (file_mode, dir_mode) == ("600", "700")
    assert not Path(path).exists() and not Path(path).parent.exists()  # removed after
    [saved] = Store(tmp_path / "d", FakeClock(NOW)).checkins()
    assert saved.note == "start\na longer note\nover two lines"


def test_a_failing_editor_keeps_every_word(tmp_path: Path) -> None:
    editor = _editor(tmp_path, "words I wrote", 3)
    done = run_cli(
        "log", "4", "--edit", data_dir=tmp_path / "d", cwd=tmp_path, env={"EDITOR": str(editor)}
    )
    assert done.returncode == 1
    assert "exit status 3" in done.stderr and "kept in" in done.stderr
    [kept] = (tmp_path / "d" / "notes-kept").iterdir()
    assert kept.read_text() == "words I wrote"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert Store(tmp_path / "d", FakeClock(NOW)).checkins() == []
    _, _, path = (tmp_path / "seen").read_text().split()
    assert not Path(path).parent.exists()


def test_an_editor_that_is_not_there_says_how_to_choose_one(tmp_path: Path) -> None:
    env = {"EDITOR": str(tmp_path / "no-such-editor"), "VISUAL": ""}
    done = run_cli("log", "4", "--edit", data_dir=tmp_path / "d", cwd=tmp_path, env=env)
    assert done.returncode == 1 and "$EDITOR" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("answer", "added"), [("y", True), ("n", False), ("", False)])
def test_due_install_on_a_terminal_asks_first(tmp_path: Path, answer: str, added: bool) -> None:
    from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv

    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "SHELL": "/bin/bash", "PYTHONPATH": str(REPO)}
    argv = thaw_argv("--data-dir", str(tmp_path / "d"), "due", "--install")
    with PtyProcess(argv, env=env, cwd=tmp_path) as proc:
        proc.wait_for_text("[y/N]")
        proc.send(f"{answer}\r")
        assert proc.wait() == 0
        said = proc.text()
    profile = home / ".profile"
    assert profile.exists() is added
    assert ("Added to" in said) is added and ("Nothing changed." in said) is not added
