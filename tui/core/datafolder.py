"""One data folder: reading its files (a bad one is set aside and told), and transactions.

A transaction holds the flock and reads each file at most once: what it read (and wrote) is
kept until the lock is let go, so an update that looks in a file, checks it and rewrites it
parses it once. Outside a transaction every read is fresh: another window may have saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from tui.core import problems as pr
from tui.core.clock import Clock
from tui.core.errors import ReadOnlyError, RefusedFileError
from tui.core.problems import Problem
from tui.core.storage import backups, files, lock, quarantine
from tui.core.storage.layout import Layout, month_files
from tui.core.storage.schema import Doc, Loaded, Tables

T = TypeVar("T")
NOTHING_SAVED = "Nothing was saved."


class DataFolder:
    """The data directory, the problems met in it so far, and the way into a transaction.

    `read_only` is True when the directory cannot be written; a transaction then raises
    ReadOnlyError. A data directory that is a symlink or another user's raises UnsafePathError.
    """

    def __init__(self, root: Path, clock: Clock) -> None:
        self.root = root
        self.clock = clock
        self.problems: list[Problem] = []
        self.read_only = False
        try:
            files.ensure_private_dir(root)
        except ReadOnlyError:
            self.read_only = True
            return
        if not os.access(root, os.W_OK):
            self.read_only = True

    def add_problem(self, problem: Problem) -> None:
        """Remember a problem once (the same file and sentence are told once)."""
        if all((p.path, p.message) != (problem.path, problem.message) for p in self.problems):
            self.problems.append(problem)

    def forget_problems(self, paths: Iterable[Path]) -> None:
        """Drop problems about files that were just put right."""
        gone = set(paths)
        self.problems = [p for p in self.problems if p.path not in gone]

    def rel(self, path: Path) -> str:
        """`path` relative to the data folder, for sentences."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    # --- reading outside a transaction --------------------------------------------------------
    def load(self, rel: Path) -> Loaded | None:
        """Load one file. A bad file is set aside (under the lock) and reads as missing; a
        symlink, FIFO, device or socket is refused with a sentence and reads as missing (another
        user's file raises UnsafePathError: nothing of theirs is read)."""
        path = self.root / rel
        try:
            loaded = files.load_file(path)
        except files.BadFileError as bad:
            if self.read_only:
                message = pr.LEFT_READ_ONLY.format(rel=self.rel(path), detail=bad.detail)
                self.add_problem(Problem(path, message))
                return None
            try:
                with self.transaction() as txn:
                    return txn.load(rel)
            except RefusedFileError as exc:
                self.add_problem(Problem(path, str(exc)))
                return None
        except RefusedFileError as exc:
            self.add_problem(Problem(path, str(exc)))
            return None
        if loaded is not None and loaded.newer:
            self.add_problem(Problem(path, pr.newer_sentence(self.rel(path), loaded.schema)))
        return loaded

    def docs(self, layout: Layout, rel: Path) -> list[Doc]:
        """The documents of one file's table, in stored order."""
        loaded = self.load(rel)
        return [] if loaded is None else loaded.table(layout.table)

    def files_of(self, layout: Layout) -> list[Path]:
        """Every file of a kind present, oldest month first."""
        return layout.files(self.root)

    def month_names(self, layout: Layout) -> list[str]:
        """Month file names of a partitioned kind, oldest first."""
        return month_files(self.root / layout.folder)

    def decode(self, rel: Path, docs: Iterable[Doc], decode: Callable[[Doc], T]) -> list[T]:
        """Records of `docs`; one that cannot be read is left out and told (the file is kept)."""
        out: list[T] = []
        for doc in docs:
            try:
                out.append(decode(doc))
            except (KeyError, TypeError, ValueError, OverflowError):
                self.add_problem(Problem(self.root / rel, pr.BAD_ENTRY.format(rel=rel)))
        return out

    # --- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Hold the flock for one read-modify-write; files are read at most once inside."""
        if self.read_only:
            raise ReadOnlyError(pr.READ_ONLY_DIR.format(root=self.root))
        files.ensure_private_dir(self.root)
        with lock.locked(self.root):
            yield Transaction(self)


class Transaction:
    """Inside the lock: each file parsed once, bad ones set aside, writes backed up first."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self._seen: dict[Path, Loaded | None] = {}

    def load(self, rel: Path) -> Loaded | None:
        """The file as stored (None: missing, or just set aside). UnsafePathError is raised:
        nothing is written where a link or a device sits."""
        if rel in self._seen:
            return self._seen[rel]
        folder = self.folder
        path = folder.root / rel
        try:
            loaded = files.load_file(path)
        except files.BadFileError as bad:
            stamp = folder.clock.now().strftime(quarantine.STAMP_FORMAT)
            moved = quarantine.quarantine(folder.root, path, bad.kind, stamp)
            folder.add_problem(
                pr.set_aside_problem(folder.root, path, bad, moved, folder.clock.now())
            )
            loaded = None
        if loaded is not None and loaded.newer:
            folder.add_problem(Problem(path, pr.newer_sentence(folder.rel(path), loaded.schema)))
        self._seen[rel] = loaded
        return loaded

    def forget(self, rel: Path) -> None:
        """Let go of a file's contents (a long import holds one month at a time)."""
        self._seen.pop(rel, None)

    def writable(self, rel: Path) -> Tables:
        """A file's tables, ready to change: a bad file is moved aside first, a newer-schema
        file refuses the write. A missing file gives empty tables."""
        files.ensure_private_tree(self.folder.root, rel.parent)
        try:
            loaded = self.load(rel)
        except RefusedFileError as exc:
            raise RefusedFileError(f"{exc} {NOTHING_SAVED}") from None
        if loaded is None:
            self._seen[rel] = loaded = Loaded({}, 0)
        if loaded.newer:
            sentence = pr.newer_sentence(self.folder.rel(self.folder.root / rel), loaded.schema)
            raise files.NewerSchemaError(sentence)
        return loaded.tables

    def write(self, rel: Path, tables: Tables) -> None:
        """Replace one file atomically, after keeping the day's first version as a backup."""
        folder = self.folder
        path = folder.root / rel
        data = files.dump_tables(tables)
        held = self._seen.get(rel)
        raw = held.raw if held is not None else None
        if raw or rel not in self._seen:
            backups.backup_before_write(folder.root, path, folder.clock.now().date(), raw or None)
        files.atomic_write(path, data)
        self._seen[rel] = Loaded(tables, 0, data)
