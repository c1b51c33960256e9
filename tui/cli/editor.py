"""`log MOOD --edit`: write a longer note in the person's own editor, as git and jrnl do.

The note is written in a file of its own (0600) in a private temporary folder (0700) that is
removed afterwards, so nobody else on the machine can read it on the way. If the editor fails,
or the note is too long to save, what was written is first copied into the data folder
(`notes-kept/`, 0600) and the message says where: no word is lost.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from tui.core.errors import DataError, InputError
from tui.core.storage.files import atomic_write

KEPT_FOLDER = "notes-kept"


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """$VISUAL, else $EDITOR, else vi; split as a shell would ("code --wait" works)."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    return ["vi"]


def keep_note(text: str, data_dir: Path, now: datetime) -> Path:
    """Copy the words into `notes-kept/` in the data folder (0600) and return where."""
    folder = data_dir / KEPT_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"note-{now:%Y-%m-%d-%H%M%S}.txt"
    atomic_write(path, text.encode("utf-8"))
    return path


def edit_note(initial: str, data_dir: Path, now: datetime, environ: Mapping[str, str]) -> str:
    """Open the editor on `initial`; the text written, or DataError (words kept) if it fails."""
    command = editor_command(environ)
    folder = Path(tempfile.mkdtemp(prefix="thaw-note-"))  # 0700 by mkdtemp's promise
    try:
        path = folder / "note.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial + "\n" if initial and not initial.endswith("\n") else initial)
        try:
            code = subprocess.run([*command, str(path)], check=False).returncode
            failure = "" if code == 0 else f"stopped with exit status {code}"
            hint = ""
        except OSError as err:
            failure = f"could not start ({err.strerror or err})"
            hint = " Set $VISUAL or $EDITOR to the editor you like."
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""  # the editor removed or replaced the file: nothing to read back
        if failure:
            where = ""
            if text.strip() and text != initial:
                where = f" What you wrote is kept in {keep_note(text, data_dir, now)}."
            raise DataError(
                f"The editor ({shlex.join(command)}) {failure}, so nothing was saved.{where}{hint}"
            )
        return text
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def too_long(text: str, data_dir: Path, now: datetime, limit: int) -> InputError:
    """The note is over the limit: keep it, and say so with the numbers."""
    kept = keep_note(text, data_dir, now)
    return InputError(
        f"That note is {len(text):,} characters; a note can hold up to {limit:,}. "
        f"Nothing was saved; what you wrote is kept in {kept}."
    )
