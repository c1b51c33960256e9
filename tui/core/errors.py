"""Errors a person can cause or meet, each carrying a sentence fit to show them."""

from __future__ import annotations

from pathlib import Path


class ThawError(Exception):
    """Base: `str(err)` is a plain sentence saying what happened and what to do."""


class InputError(ThawError):
    """Bad input from the person (bad number, unknown emotion...). CLI exit code 2."""


class DataError(ThawError):
    """Trouble with the data files (unreadable, read-only, disk full...). CLI exit code 1."""


class ReadOnlyError(DataError):
    """The data directory cannot be written; nothing was changed."""


class DiskFullError(DataError):
    """The disk filled during a save; the previous file is untouched."""


class StaleEditError(DataError):
    """The record was changed elsewhere (another session) since it was read."""


class UnsafePathError(DataError):
    """A symlink or another user's file sits where our data should be."""


class RefusedFileError(UnsafePathError):
    """A symlink, FIFO, device or socket where a data file should be: never opened, and the
    rest of the data is still shown."""


class QuarantinedError(DataError):
    """A data file was unreadable and has been moved aside, kept, not overwritten."""

    def __init__(self, message: str, original: Path, moved_to: Path) -> None:
        super().__init__(message)
        self.original = original
        self.moved_to = moved_to
