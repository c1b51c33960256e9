"""`thaw due --install` / `--uninstall`: the login reminder line in the person's shell profile.

The line goes in once, after asking, under a marker comment that `--uninstall` finds again;
nothing else in the file is touched, and the file is replaced whole (temp file, fsync,
rename) with its own permissions, so a crash leaves either the old profile or the new one.
A profile that is a symbolic link (dotfiles kept in a repository) is edited where it points.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tui.core.errors import DataError, InputError

MARKER = "# thaw: a gentle check-in reminder at login (thaw due --uninstall removes it)"


def profile_for(shell: str, home: Path) -> Path:
    """The file this shell reads once at login: the right place for a once-a-login line."""
    name = Path(shell).name
    if name == "zsh":
        return home / ".zprofile"
    if name == "fish":
        return home / ".config" / "fish" / "conf.d" / "thaw.fish"
    if name == "bash":
        # bash reads the first of these that exists, and only that one.
        for candidate in (".bash_profile", ".bash_login"):
            if (home / candidate).exists():
                return home / candidate
    return home / ".profile"


def thaw_command(argv0: str, data_dir: str | None) -> list[str]:
    """How this very install is started again: its `thaw` script, or this Python `-m tui`."""
    script = Path(argv0)
    words = [str(script.resolve())] if script.name == "thaw" else [sys.executable, "-m", "tui"]
    if data_dir:
        words += ["--data-dir", str(Path(data_dir).expanduser().resolve())]
    return words


def login_line(command: list[str], fish: bool) -> str:
    """The line itself; it stays silent if Thaw is later removed (no error at every login)."""
    quoted = " ".join(shlex.quote(w) for w in command)
    test = f"test -x {shlex.quote(command[0])}"
    if fish:  # conf.d runs for every fish started; the reminder is for logins only
        return f"status is-login; and {test}; and {quoted} due"
    return f"{test} && {quoted} due"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"Thaw couldn't read {path} ({err}); it was left as it is.") from None


def _write(path: Path, text: str) -> None:
    """Replace `path` whole with `text`, keeping its mode (new files: 0644, as profiles are)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".thaw-tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        Path(temp).replace(path)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise DataError(f"Thaw couldn't write {path} ({err.strerror or err}).") from None


def _without_block(text: str) -> str:
    """`text` with the marker and the line under it taken out, everything else as it was."""
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    skip = False
    for line in lines:
        if skip:
            skip = False
            continue
        if line.rstrip("\n") == MARKER:
            skip = True
            continue
        kept.append(line)
    return "".join(kept)


def install(
    profile: Path,
    command: list[str],
    *,
    ask: Callable[[str], bool] | None,
    out: Callable[[str], None],
) -> int:
    """Add the line once. `ask` is None when there is nobody to ask (no tty and no --yes)."""
    target = profile.resolve()
    text = _read(target)
    if MARKER in text.splitlines():
        out(f"The reminder is already in {profile}; nothing changed.")
        return 0
    line = login_line(command, fish=profile.suffix == ".fish")
    if ask is None:
        raise InputError(
            f"This would add one line to {profile}. Run it in a terminal to be asked, "
            "or add --yes to say yes now."
        )
    if not ask(f"Add this line to {profile}, so `thaw due` greets you at login?\n  {line}\n"):
        out("Nothing changed.")
        return 0
    joiner = "" if not text or text.endswith("\n") else "\n"
    _write(target, f"{text}{joiner}{MARKER}\n{line}\n")
    out(f"Added to {profile}. `thaw due --uninstall` takes it out again.")
    return 0


def uninstall(profile: Path, *, out: Callable[[str], None]) -> int:
    """Take the line out again; nothing to do is fine too."""
    target = profile.resolve()
    text = _read(target)
    if MARKER not in text.splitlines():
        out(f"There's no Thaw line in {profile}; nothing changed.")
        return 0
    _write(target, _without_block(text))
    out(f"Took the reminder out of {profile}.")
    return 0


def ask_on_tty(question: str) -> bool:
    """y/N on the terminal; anything but y or yes (or end of input) is no."""
    try:
        answer = input(f"{question}[y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")
