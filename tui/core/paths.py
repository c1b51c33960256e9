"""Where Thaw keeps its data: --data-dir, then $THAW_DATA_DIR, then the platform's data dir."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "THAW_DATA_DIR"
APP_NAME = "thaw"


def data_dir(cli_value: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Resolve the data directory without creating it."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    quick = _linux_xdg_data_dir(env)
    if quick is not None:
        return quick
    # platformdirs costs 10-35 ms to import, and `due` runs at every login: it is asked only
    # where the plain XDG rule below does not settle the answer.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _linux_xdg_data_dir(env: Mapping[str, str]) -> Path | None:
    """platformdirs' answer on ordinary Linux, without importing it (a test holds them equal).

    The XDG rule: $XDG_DATA_HOME/thaw when that is absolute, else $HOME/.local/share/thaw when
    HOME is absolute. Anything unusual (Android, no HOME, relative paths) goes to platformdirs.
    """
    if sys.platform != "linux" or "ANDROID_ROOT" in env or "ANDROID_DATA" in env:
        return None
    xdg = env.get("XDG_DATA_HOME", "")
    if xdg.startswith("/"):
        return Path(xdg) / APP_NAME
    home = env.get("HOME", "")
    if home.startswith("/") and not xdg:
        return Path(home.rstrip("/") or "/") / ".local" / "share" / APP_NAME
    return None


# --- commands Thaw suggests, as they can be pasted -----------------------------------------------
_flag_data_dir: list[str] = []  # the --data-dir this process was given, if any


def remember_data_dir_flag(value: str | None) -> None:
    """Note the --data-dir this run was given, so every command Thaw suggests carries it.

    THAW_DATA_DIR needs no such note: it is in the environment the person pastes into.
    """
    _flag_data_dir[:] = [value] if value else []


def command(rest: str) -> str:
    """'thaw doctor --restore 2026-11-20', with `--data-dir DIR` (shell-quoted) when this run
    was given one: pasted as printed, it looks in the same folder and nowhere else."""
    if not _flag_data_dir:
        return f"{APP_NAME} {rest}"
    import shlex  # only when a folder was named: `due` at login never pays for it

    return f"{APP_NAME} --data-dir {shlex.quote(_flag_data_dir[0])} {rest}"
