"""`export -o` and `report -o` at whatever sits at the path: a device or pipe is written to and
left as it was, a link, a folder or another user's file is refused with a sentence.

Run as root (as CI is): the device node is made with mknod in the test's own folder, a copy of
/dev/null's numbers, so a regression replaces a throwaway node and never the machine's.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO
from tests.e2e.test_cli import assert_calm, run_cli
from tui.core.clock import SystemClock
from tui.core.store import Store

ENV = {"PYTHONPATH": str(REPO)}
COMMANDS = [("export",), ("report",)]


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    Store(data, SystemClock()).add_checkin(4, note="a quiet day")
    return data


def _run(args: tuple[str, ...], target: Path, seeded: Path, tmp_path: Path) -> tuple[int, str]:
    done = run_cli(*args, "-o", str(target), data_dir=seeded, cwd=tmp_path, env=ENV)
    assert_calm(done)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_device_node_is_written_to_and_stays_a_device(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    before = node.lstat()
    code, said = _run(args, node, seeded, tmp_path)
    assert code == 0, said
    after = node.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_rdev, after.st_ino, after.st_mode) == (
        before.st_rdev,
        before.st_ino,
        before.st_mode,
    )
    assert str(node) in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "null"]  # no temp file left


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_named_pipe_with_a_reader_gets_the_text_and_stays_a_pipe(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe, 0o600)
    received: list[bytes] = []

    def read() -> None:
        with pipe.open("rb") as reader:  # blocks until the writer opens it
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, said = _run(args, pipe, seeded, tmp_path)
    reader.join(timeout=10)
    assert code == 0, said
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert received and (b"a quiet day" in received[0] or b"# " in received[0])


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_named_pipe_nobody_reads_gets_a_sentence_at_once(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe, 0o600)
    started = time.monotonic()
    code, said = _run(args, pipe, seeded, tmp_path)
    assert time.monotonic() - started < 30  # never waits for a reader that is not coming
    assert code == 1
    assert f"Nothing is reading from {pipe} yet" in said
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_symbolic_link_is_refused_and_what_it_points_at_is_untouched(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    real = tmp_path / "elsewhere.txt"
    real.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, said = _run(args, link, seeded, tmp_path)
    assert code == 2
    assert f"{link} is a symbolic link, so Thaw won't write through it" in said
    assert link.is_symlink() and link.readlink() == real
    assert real.read_text() == "keep me"


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_link_to_nowhere_is_refused_and_nothing_is_made(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "not-there")
    code, said = _run(args, link, seeded, tmp_path)
    assert code == 2
    assert "is a symbolic link" in said
    assert link.is_symlink() and not (tmp_path / "not-there").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_folder_is_refused_with_a_file_name_to_use(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    code, said = _run(args, folder, seeded, tmp_path)
    assert code == 2
    assert f"{folder} is a folder: add a file name after it" in said
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_another_users_file_is_refused_and_kept(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    theirs = tmp_path / "theirs.json"
    theirs.write_text("their words")
    os.chown(theirs, os.geteuid() + 4242, -1)
    code, said = _run(args, theirs, seeded, tmp_path)
    assert code == 2
    assert f"{theirs} belongs to another user, so Thaw won't replace it" in said
    assert theirs.read_text() == "their words"
    assert theirs.stat().st_uid == os.geteuid() + 4242


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_an_own_file_is_replaced_whole_and_private(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.out"
    mine.write_text("old")
    mine.chmod(0o644)
    code, said = _run(args, mine, seeded, tmp_path)
    assert code == 0, said
    assert "old" not in mine.read_text() and mine.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_link_to_standard_output_writes_into_the_pipe_this_was_started_with(
    args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    """What `-o /dev/stdout` is: a link to /proc/self/fd/1. Made here, not the machine's own,
    so a regression would replace a throwaway link and never /dev/stdout itself."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = run_cli(*args, "-o", str(stdout), data_dir=seeded, cwd=tmp_path, env=ENV)
    assert done.returncode == 0, done.stderr
    assert "a quiet day" in done.stdout or done.stdout.startswith("#")
    assert stdout.is_symlink() and str(stdout.readlink()) == "/proc/self/fd/1"
