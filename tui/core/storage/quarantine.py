"""Setting damaged files aside: moved into quarantine/, kept byte for byte, never overwritten.

quarantine/<path>.<stamp>[-n].<reason>[.resolved]
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from tui.core.storage import files

QUARANTINE_DIR = "quarantine"
#: Why a file was set aside because it could not be read (also the quarantined copy's suffix).
DAMAGE_REASONS = ("empty", "torn", "values", "shape", "large")
#: Added to a damaged copy's name once it is settled (restored, or kept as it is on request).
RESOLVED_SUFFIX = ".resolved"
STAMP_FORMAT = "%Y%m%dT%H%M%S"
#: A kept copy's name (compiled when first needed: a quick save never reads quarantine/).
_NAME = (
    r"^(?P<name>.+)\.(?P<stamp>\d{8}T\d{6})(?:-\d+)?\.(?P<reason>[a-z-]+)"
    r"(?P<resolved>" + re.escape(RESOLVED_SUFFIX) + r")?$"
)


def _target(root: Path, rel: Path, reason: str, stamp: str) -> Path:
    """A free name quarantine/<relpath>.<stamp>[-n].<reason> (its folder made private)."""
    target_dir = files.ensure_private_tree(root, Path(QUARANTINE_DIR) / rel.parent)
    target = target_dir / f"{rel.name}.{stamp}.{reason}"
    n = 1
    while target.exists() or target.with_name(target.name + RESOLVED_SUFFIX).exists():
        n += 1
        target = target_dir / f"{rel.name}.{stamp}-{n}.{reason}"
    return target


def quarantine(root: Path, path: Path, reason: str, stamp: str) -> Path:
    """Move a bad file to quarantine/<relpath>.<stamp>.<reason>, kept byte for byte."""
    target = _target(root, path.relative_to(root), reason, stamp)
    try:
        path.rename(target)
    except OSError as exc:
        raise files.write_error(exc, path) from exc
    files.fsync_dir(path.parent)
    files.fsync_dir(target.parent)
    return target


def keep_copy(root: Path, path: Path, raw: bytes, reason: str, stamp: str) -> Path:
    """Write a copy of `path`'s bytes into quarantine, leaving `path` itself in place.

    Used before a restore replaces a live file: the live file stays whole throughout.
    """
    target = _target(root, path.relative_to(root), reason, stamp)
    files.atomic_write(target, raw)
    return target


def quarantined_files(root: Path) -> list[Path]:
    """Every file kept in quarantine, sorted."""
    base = root / QUARANTINE_DIR
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.is_file())


class KeptCopy:
    """A file kept in quarantine, read from its name `<name>.<stamp>[-n].<reason>[.resolved]`."""

    __slots__ = ("path", "reason", "rel", "resolved", "stamp")

    def __init__(self, path: Path, rel: Path, stamp: datetime, reason: str, resolved: bool) -> None:
        self.path = path  # the kept copy itself
        self.rel = rel  # the data file it was, relative to the data dir
        self.stamp = stamp  # when it was set aside (naive, the clock's local time)
        self.reason = reason
        self.resolved = resolved

    @property
    def damaged(self) -> bool:
        """Set aside because it could not be read (not a copy replaced by a restore)."""
        return self.reason in DAMAGE_REASONS


def kept_copies(root: Path) -> list[KeptCopy]:
    """Every quarantined file whose name Thaw can read, oldest first."""
    base = root / QUARANTINE_DIR
    found: list[KeptCopy] = []
    for path in quarantined_files(root):
        match = re.match(_NAME, path.name)
        if match is None:
            continue
        try:
            stamp = datetime.strptime(match["stamp"], STAMP_FORMAT)
        except ValueError:
            continue
        rel = path.parent.relative_to(base) / match["name"]
        found.append(KeptCopy(path, rel, stamp, match["reason"], bool(match["resolved"])))
    return sorted(found, key=lambda c: (c.stamp, str(c.path)))


def damaged_copies(root: Path) -> list[KeptCopy]:
    """Damaged files set aside and not yet settled, oldest first."""
    return [c for c in kept_copies(root) if c.damaged and not c.resolved]


def mark_resolved(copy: KeptCopy) -> Path:
    """Settle a damaged copy by renaming it `<name>.resolved` (kept, never deleted)."""
    target = copy.path.with_name(copy.path.name + RESOLVED_SUFFIX)
    try:
        copy.path.rename(target)
    except OSError as exc:
        raise files.write_error(exc, copy.path) from exc
    files.fsync_dir(target.parent)
    return target
