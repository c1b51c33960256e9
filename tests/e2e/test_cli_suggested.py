"""Every command Thaw suggests can be pasted and works as printed: given --data-dir, it carries
it (shell-quoted), so it looks in the same folder and never makes an empty one elsewhere."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

from tests.e2e.test_cli import assert_calm
from tests.proc_env import checkout_env, thaw_cmd

# A suggested command ends at a closing backquote, at " stops", or at the end of its line.
SUGGESTED = re.compile(
    r"""thaw --data-dir (?:'[^']*'|"[^"]*"|[^\s'"])+ [^`\n]*?(?=`| stops|$)""", re.MULTILINE
)


def _env(home: Path) -> dict[str, str]:
    """A person's shell: no THAW_DATA_DIR, a HOME of its own, this checkout's code."""
    base = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    base.pop("XDG_DATA_HOME", None)
    return checkout_env(base, TZ="Europe/London", HOME=str(home))


def run(argv: list[str], home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        thaw_cmd(*argv),
        cwd=cwd,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )


def paste(line: str, home: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a printed `thaw ...` command exactly as a shell would split it."""
    words = shlex.split(line)
    assert words[0] == "thaw"
    return run(words[1:], home, cwd)


def suggested(text: str) -> list[str]:
    return [m.group(0).rstrip(". ") for m in SUGGESTED.finditer(text)]


def test_doctor_s_fix_it_commands_work_as_printed_from_another_folder(tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    data = tmp_path / "my data"  # a space: the command must quote it
    given = ["--data-dir", str(data)]
    for argv in (["log", "5"], ["mark", "one"], ["log", "6"]):
        assert run([*given, *argv], home, tmp_path).returncode == 0
    (month,) = (data / "checkins").glob("*.json")
    month.write_text('{"checkins": ')

    done = run([*given, "doctor"], home, tmp_path)
    assert done.returncode == 1
    assert_calm(done)
    commands = suggested(done.stdout)
    quoted = shlex.quote(str(data))
    restore = next(c for c in commands if "--restore" in c)
    keep = next(c for c in commands if "--keep-as-is" in c)
    assert restore.startswith(f"thaw --data-dir {quoted} doctor --restore ")
    assert keep == f"thaw --data-dir {quoted} doctor --keep-as-is"

    put_back = paste(restore, home, elsewhere)
    assert put_back.returncode == 0, put_back.stdout + put_back.stderr
    assert "Put back" in put_back.stdout
    assert json.loads(month.read_text())["checkins"]  # the check-in is back in its file

    # Nothing waits now: the sentence offers --all, which works as printed too.
    again = run([*given, "doctor", "--restore", restore.split()[-1]], home, tmp_path)
    (offered,) = suggested(again.stdout)
    assert offered.endswith("--all")
    every = paste(offered, home, elsewhere)
    assert every.returncode == 0, every.stdout + every.stderr
    assert paste(keep, home, elsewhere).returncode == 0
    # No pasted command ever looked in (or made) the default folder.
    assert not (home / ".local" / "share" / "thaw").exists()
    assert not list(elsewhere.iterdir())


def test_examples_in_messages_carry_the_folder_too(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "it's mine"  # a quote inside the name
    given = ["--data-dir", str(data)]
    wrong = run([*given, "log", "eleven"], home, tmp_path)
    assert wrong.returncode == 2
    (example,) = suggested(wrong.stderr)
    assert example == f"thaw --data-dir {shlex.quote(str(data))} log 6"
    assert paste(example, home, tmp_path).returncode == 0
    assert list((data / "checkins").glob("*.json"))

    due = run([*given, "due"], home, tmp_path)  # today's check-in is there: quiet
    assert due.stdout == ""
    empty = run([*given, "list", "--days", "1"], home, tmp_path)
    assert "No check-ins" not in empty.stdout
    assert not (home / ".local" / "share" / "thaw").exists()


def test_the_due_line_names_the_folder_it_was_given(tmp_path: Path) -> None:
    from tui.cli.parser import parse_args

    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "d"
    due = run(["due", "--data-dir", str(data)], home, tmp_path)
    (line,) = suggested(due.stdout)
    assert line == f"thaw --data-dir {shlex.quote(str(data))} checkin"
    parsed = parse_args(shlex.split(line)[1:])  # the app itself needs a terminal: parse it
    assert (parsed.command, parsed.data_dir) == ("checkin", str(data))


def test_without_a_flag_the_commands_stay_short(tmp_path: Path) -> None:
    """THAW_DATA_DIR is in the shell the command is pasted into: nothing is added."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**_env(home), "THAW_DATA_DIR": str(tmp_path / "d")}
    done = subprocess.run(
        thaw_cmd("log", "eleven"),
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr.strip().endswith("For example: thaw log 6")
