"""What Thaw tells a person about their files: the problems found and their sentences, kept in
one place so a save, `list` and `doctor` say the same thing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tui.core.paths import command
from tui.core.storage import files
from tui.core.storage.schema import SCHEMA_VERSION

#: Why a damaged file could not be read, by its quarantine reason, as a sentence.
DAMAGE_SENTENCES = {
    "empty": "It was empty, so Thaw could not read it.",
    "torn": "It was cut short or garbled, so Thaw could not read it.",
    "values": "It held values Thaw never writes (such as NaN), so Thaw could not read it.",
    "shape": "It was not laid out the way Thaw writes its files, so Thaw could not read it.",
    "large": "It was far larger than any file Thaw writes, so Thaw did not read it.",
}
UNKNOWN_DAMAGE = "Thaw could not read it."
SET_ASIDE = (
    "Thaw could not read {rel}: {detail}. It was moved aside into quarantine/ and kept "
    "unchanged; nothing was overwritten. {hint}"
)
RESTORE_HINT = "To put back {described}, merged with anything saved since, run: {command}"
NO_BACKUP_HINT = "There is no backup of it yet; Thaw started a fresh file in its place."
LEFT_READ_ONLY = (
    "Thaw could not read {rel}: {detail}. It was left as it is because the data folder is "
    "read-only."
)
NEWER = (
    "{rel} was saved by a newer version of Thaw (format {schema}; this one knows up to "
    "{known}). It is kept exactly as it is and this version will not change it; please update "
    "Thaw to see and edit it."
)
BAD_ENTRY = (
    "An entry in {rel} could not be read, so it is not shown. It stays in the file untouched."
)
READ_ONLY_DIR = (
    "Thaw can't write to {root}: it is read-only here. Your entries are safe and nothing was "
    "changed."
)


class Problem:
    """Something found at open or by doctor, told to the person in `message` (one sentence+).

    A plain class, not a dataclass: every save imports this module, and a dataclass costs more.
    """

    __slots__ = ("message", "moved_to", "path", "serious")

    def __init__(
        self, path: Path, message: str, moved_to: Path | None = None, serious: bool = True
    ) -> None:
        self.path = path
        self.message = message
        self.moved_to = moved_to  # where a quarantined file was kept
        self.serious = serious  # False for notes such as "no backup yet"

    def _key(self) -> tuple[Path, str, Path | None, bool]:
        return (self.path, self.message, self.moved_to, self.serious)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r}, {self.moved_to!r}, {self.serious!r})"


def newer_sentence(rel: str, schema: int) -> str:
    """A file written by a newer Thaw: kept, and this version will not change it."""
    return NEWER.format(rel=rel, schema=schema, known=SCHEMA_VERSION)


def set_aside_problem(
    root: Path, path: Path, bad: files.BadFileError, moved: Path, now: datetime
) -> Problem:
    """What a person is told the moment a damaged file is moved into quarantine/."""
    from tui.core.backup_info import newest_backup

    rel = path.relative_to(root)
    info = newest_backup(root, rel, now)  # every backup there is was taken before this moment
    if info is not None:
        hint = RESTORE_HINT.format(
            described=info.described, command=command(f"doctor --restore {info.day.isoformat()}")
        )
    else:
        hint = NO_BACKUP_HINT
    return Problem(path, SET_ASIDE.format(rel=rel, detail=bad.detail, hint=hint), moved_to=moved)
