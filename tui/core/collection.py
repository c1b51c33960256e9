"""One generic collection per record kind: add, add many, read, update (revision-checked), delete.

Each kind is described once by a `KindSpec` in `tui.core.kinds` (layout, codec, fields);
the same code saves a check-in, a practice, a marker, a plan item and a contact.

Who owns table operations, decided by measurement: this module, over TinyDB's file format
(`{"table": {"1": {...}}}`); TinyDB is the format, not the engine. A save appends exactly as
TinyDB's `insert` would (next doc id = highest + 1), and tests/unit/test_store.py and
test_store_reads.py prove TinyDB itself reads every file Thaw writes. Why not TinyDB used as
meant (a Storage plus a Middleware for backups and atomic writes, queries through TinyDB):
- TinyDB re-reads its file for every table call, and caching across calls is ruled out (no
  CachingMiddleware: two SSH sessions must see each other's saves). Finding a record, checking
  its revision and writing it back is then two parses of the month at least, against one here
  (bench/bench_table_ops.py: 2 parses and 1.17-1.40x the time per durable edit of a
  300-record month, measured in the same run).
- Importing TinyDB costs a fresh process about 18-30 ms (bench_table_ops, quiet machine), and
  `log` and `due` run in a fresh process every time: `log 6` is at 5-5.5x `python -c pass`
  against a budget of 6x, so TinyDB on the save path would break its budget.
Figures and commands: bench/README.md, "Core redesign".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Generic

from tui.core.datafolder import DataFolder, Transaction
from tui.core.errors import InputError, StaleEditError
from tui.core.kinds import GONE, STALE, KindSpec, Prepared, R, stale_field
from tui.core.records import codec, rules
from tui.core.records.zones import zone_fits
from tui.core.storage import layout as lay
from tui.core.storage.schema import Doc

#: Tombstones an import may lift, by id and by "source:<source>": (file, id, rev of deletion).
Marks = dict[str, tuple[Path, str, int]]
#: Tombstones to take away once their records are back: ids by file.
Lifted = dict[Path, set[str]]


class Collection(Generic[R]):
    """The stored records of one kind in one data folder."""

    def __init__(self, folder: DataFolder, spec: KindSpec[R]) -> None:
        self.folder = folder
        self.spec = spec
        self.layout = spec.layout

    # --- reading ------------------------------------------------------------------------------
    def read(self, since: date | None = None, until: date | None = None) -> list[R]:
        """Records (dated kinds: local date in [since, until], oldest first; others in stored
        order), one per id (highest rev). Reads only the month files the range needs.

        Streams: each file is parsed, decoded and dropped before the next is read, so ten
        years of history never sit in memory twice (raw JSON and records) at once.
        """
        kept: dict[str, R | None] = {}  # None: the winning copy could not be read
        broken_revs: dict[str, int] = {}
        deleted: dict[str, int] = {}
        for rel in self.layout.files(self.folder.root, since, until):
            for doc in self._docs(rel, deleted):
                key = str(doc.get("id"))
                if key in kept:
                    held = kept[key]
                    held_rev = broken_revs[key] if held is None else held.rev
                    if codec.rev_of(doc) <= held_rev:
                        continue  # an older copy left by an interrupted move
                decoded = self.folder.decode(rel, [doc], self.spec.decode)
                kept[key] = decoded[0] if decoded else None
                if not decoded:
                    broken_revs[key] = codec.rev_of(doc)
        items = [
            item
            for item in kept.values()
            if item is not None and deleted.get(item.id, 0) <= item.rev
        ]
        key = self.spec.time_key
        if key:
            items = [
                r
                for r in items
                if (since is None or getattr(r, key).date() >= since)
                and (until is None or getattr(r, key).date() <= until)
            ]
            items.sort(key=lambda r: getattr(r, key))
        return items

    def recent(self, limit: int) -> list[R]:
        """The newest `limit` records of a dated kind, newest first, reading as few files as
        possible (months in order: an older one never holds a newer record)."""
        if limit <= 0:
            return []
        docs: list[Doc] = []
        collected: list[R] = []
        deleted: dict[str, int] = {}
        for name in reversed(self.folder.month_names(self.layout)):
            rel = Path(self.layout.folder) / name
            docs.extend(self._docs(rel, deleted))
            alive = [
                d for d in codec.dedupe(docs) if deleted.get(codec.id_of(d), 0) <= codec.rev_of(d)
            ]
            collected = self.folder.decode(rel, alive, self.spec.decode)
            if len(collected) >= limit:
                break
        key = self.spec.time_key
        collected.sort(key=lambda r: getattr(r, key), reverse=True)
        return collected[:limit]

    def _docs(self, rel: Path, deleted: dict[str, int]) -> list[Doc]:
        """One file's records (parsed once), noting its tombstones (id -> rev of the deletion)
        in `deleted`: a copy a crash mid-move left in another file, with a lower rev, must not
        stand in for a record deleted since."""
        loaded = self.folder.load(rel)
        if loaded is None:
            return []
        for rec_id, mark in codec.deletions(loaded.tables).items():
            deleted[rec_id] = max(deleted.get(rec_id, 0), codec.rev_of(mark))
        return loaded.table(self.layout.table)

    def get(self, rec_id: str) -> R | None:
        """The stored record with this id, however old (None: not stored, or deleted).

        Looks through every file of the kind, one in memory at a time, decoding only the
        matching document: for the rare look-up by id (an unfinished edit's entry), not for
        lists.
        """
        best: Doc | None = None
        best_rel: Path | None = None
        deleted: dict[str, int] = {}
        for rel in reversed(self.layout.files(self.folder.root)):
            for doc in self._docs(rel, deleted):
                if doc.get("id") == rec_id and (
                    best is None or codec.rev_of(doc) > codec.rev_of(best)
                ):
                    best, best_rel = doc, rel
        if best is None or best_rel is None or deleted.get(rec_id, 0) > codec.rev_of(best):
            return None
        found = self.folder.decode(best_rel, [best], self.spec.decode)
        return found[0] if found else None

    def deleted_keys(self) -> tuple[set[str], set[str]]:
        """Ids and sources of this kind's records deleted here (their tombstones), so an
        import can say how many it leaves out, and why, before anything is written."""
        ids: set[str] = set()
        sources: set[str] = set()
        for rel in self.layout.files(self.folder.root):
            loaded = self.folder.load(rel)
            for rec_id, mark in codec.deletions(loaded.tables).items() if loaded else ():
                ids.add(rec_id)
                if mark.get("source"):
                    sources.add(str(mark["source"]))
        return ids, sources

    def has_day(self, day: date) -> bool:
        """Whether a record is dated `day`: one month file, no dates parsed (`due` is fast)."""
        rel = lay.month_file(self.layout.folder, day)
        return lay.has_day(self.folder.docs(self.layout, rel), day, self.spec.time_key)

    # --- adding -------------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any]) -> R:
        """Check, clean and durably save one record; returns it once it is on disk."""
        doc = self.spec.encode(values, self.folder.clock.now())
        doc.update(id=codec.new_id(), rev=1)
        if self.spec.has_source:
            doc["source"] = ""
        with self.folder.transaction() as txn:
            self.insert(txn, [doc])
        return self.spec.decode(doc)

    def prepare(self, item: R | Any) -> Prepared:
        """Check one record to import: its document, and the id it asks to keep ("" for new).

        A well-formed id keeps its rev; a malformed one is remembered as source `thaw:<id>`
        (check-ins), so the same import twice adds nothing twice.
        """
        doc = self.spec.encode(
            {f: getattr(item, f) for f in self.spec.fields}, self.folder.clock.now()
        )
        wanted, fallback = codec.wanted_id(getattr(item, "id", ""))
        tz = getattr(item, "tz", "")
        if isinstance(tz, str) and tz not in ("", doc.get("tz", "")) and "tz" in doc:
            moment = datetime.fromisoformat(doc[self.spec.time_key])
            doc["tz"] = tz if zone_fits(tz, moment) else doc["tz"]
        doc.update(id="", rev=codec.wanted_rev(getattr(item, "rev", 1)) if wanted else 1)
        if self.spec.has_source:
            source = rules.clean_one_line(
                getattr(item, "source", ""), "source", rules.SOURCE_MAX_CHARS
            )
            doc["source"] = source or fallback
        return doc, wanted

    def add_many(self, items: Iterable[Any]) -> list[R]:
        """Save many (import), all checked before any is written; returns those added.

        Left out, as already here: items whose non-empty source is stored, and items whose
        well-formed id is stored.
        """
        prepared = [self.prepare(item) for item in items]
        if not prepared:
            return []
        with self.folder.transaction() as txn:
            fresh, _ = self.keep_new(txn, prepared)
            self.insert(txn, fresh)
        return [self.spec.decode(d) for d in fresh]

    def keep_new(
        self, txn: Transaction, prepared: Sequence[Prepared], with_deleted: bool = False
    ) -> tuple[list[Doc], Lifted]:
        """Give each prepared doc its id, leaving out those already stored (inside the lock).

        Deleted ones count as stored, unless `with_deleted` (the person asked for them back):
        then such a doc comes back with a rev above its tombstone's (readers show it), and the
        tombstones to take away once it is written are returned too (`lift`), as a restore
        `--with-deleted` does. Stored files are read only when some doc brings an id or a
        source to look for.
        """
        ids: set[str] = set()
        sources: set[str] = set()
        marks: Marks = {}
        if any(wanted or doc.get("source") for doc, wanted in prepared):
            ids, sources, marks = self._stored_keys(txn, with_deleted)
        fresh: list[Doc] = []
        lifted: Lifted = {}
        for doc, wanted in prepared:
            source = doc.get("source")
            if (source and source in sources) or (wanted and wanted in ids):
                continue  # this very record is here already
            for key in (wanted, f"source:{source}" if source else ""):
                if key and key in marks:
                    rel, rec_id, rev = marks.pop(key)
                    lifted.setdefault(rel, set()).add(rec_id)
                    if rec_id == wanted:
                        doc = {**doc, "rev": max(codec.rev_of(doc), rev + 1)}
            if source:
                sources.add(source)
            rec_id = wanted or codec.new_id()
            while rec_id in ids:  # vanishingly rare for a fresh id; cheap to rule out
                rec_id = codec.new_id()
            ids.add(rec_id)
            fresh.append({**doc, "id": rec_id})
        return fresh, lifted

    def lift(self, txn: Transaction, lifted: Lifted) -> None:
        """Take away the tombstones of records brought back (after they are written: killed
        in between, the higher rev already shows them, and a restore still sees the mark)."""
        for rel, gone in lifted.items():
            tables = txn.writable(rel)
            marks = codec.deletions(tables)
            codec.set_deletions(tables, {k: v for k, v in marks.items() if k not in gone})
            txn.write(rel, tables)
            txn.forget(rel)

    def _stored_keys(
        self, txn: Transaction, with_deleted: bool = False
    ) -> tuple[set[str], set[str], Marks]:
        """Ids and non-empty sources of every stored record (one file in memory at a time).

        Deleted ones count as here (an import never brings back what was deleted), unless
        `with_deleted`: then their tombstones are returned instead, by id and by
        "source:<source>", each with its file, id and rev.
        """
        ids: set[str] = set()
        sources: set[str] = set()
        marks: Marks = {}
        for rel in self.layout.files(self.folder.root):
            loaded = txn.load(rel)
            for doc in (loaded.tables.get(self.layout.table) or {}).values() if loaded else ():
                ids.add(str(doc.get("id")))
                if doc.get("source"):
                    sources.add(str(doc["source"]))
            for rec_id, mark in codec.deletions(loaded.tables).items() if loaded else ():
                source = str(mark["source"]) if mark.get("source") else ""
                if with_deleted:
                    held = (rel, rec_id, codec.rev_of(mark))
                    marks[rec_id] = held
                    if source:
                        marks[f"source:{source}"] = held
                    continue
                ids.add(rec_id)
                if source:
                    sources.add(source)
            txn.forget(rel)
        return ids, sources, marks

    def insert(self, txn: Transaction, docs: Sequence[Doc]) -> None:
        """Append docs (inside the lock), one atomic write per file touched.

        Every target file is checked before any is written: a newer-schema month refuses the
        whole batch instead of leaving half an import behind. A one-file save parses its file
        once; a batch over many months lets each go after checking it (one month in memory),
        and parses it again when it is written.
        """
        by_file: dict[Path, list[Doc]] = {}
        for doc in docs:
            by_file.setdefault(self.layout.rel_for(doc), []).append(doc)
        rels = list(by_file)
        for index, rel in enumerate(rels):
            txn.writable(rel)
            if index:
                txn.forget(rel)
        for rel in rels:
            tables = txn.writable(rel)
            table = tables.setdefault(self.layout.table, {})
            next_id = max((int(key) for key in table if key.isdigit()), default=0) + 1
            for offset, doc in enumerate(by_file[rel]):
                table[str(next_id + offset)] = dict(doc)
            txn.write(rel, tables)
            if len(rels) > 1:
                txn.forget(rel)

    # --- changing -----------------------------------------------------------------------------
    def update(self, old: R, changes: Mapping[str, object], *, merge: bool = False) -> R:
        """Apply changes if the stored rev still equals old.rev, else StaleEditError.

        `merge`: when another window saved since `old` was read, its change and this one are
        merged field by field if they touched different fields (this edit touches the fields
        whose new value differs from `old`'s); if both touched one, StaleEditError names it.
        Never a silent lost update: either both changes are kept or this one is refused.
        """
        spec = self.spec
        unknown = set(changes) - set(spec.fields)
        if unknown:
            raise TypeError(f"update_{spec.name} cannot change {sorted(unknown)}")
        values: dict[str, Any] = {f: getattr(old, f) for f in spec.fields}
        values.update(changes)
        key = spec.time_key
        if key and key in changes and not isinstance(changes[key], datetime):
            raise InputError(rules.NEEDS_TIME.format(what=spec.when_what))
        keep_time = bool(key) and key not in changes
        if keep_time:
            values[key] = None  # checked as "now"; the stored time is put back just below
        new = spec.encode(values, self.folder.clock.now())
        if keep_time:
            new[key] = getattr(old, key).isoformat()
            new.pop("tz", None)  # the stored zone stays with the stored time
        touched: set[str] | None = None
        if merge:
            mine = spec.decode({**new, "id": old.id, "rev": old.rev})
            touched = {f for f in spec.fields if getattr(mine, f) != getattr(old, f)}
        with self.folder.transaction() as txn:
            doc = self._replace(txn, old, new, touched)
        return spec.decode(doc)

    def delete(self, old: R) -> None:
        """Delete if unchanged since read, else StaleEditError.

        The file remembers the deletion (a tombstone: id, next rev, when, in its `_meta`
        table), so restoring an older backup, merging or importing never brings it back.
        """
        with self.folder.transaction() as txn:
            rel, doc_key_, stored = self._find_current(txn, old)
            tables = txn.writable(rel)
            del tables[self.layout.table][doc_key_]
            marks = codec.deletions(tables)
            marks[old.id] = codec.tombstone(stored, self.folder.clock.now())
            codec.set_deletions(tables, marks)
            txn.write(rel, tables)

    def _old_rel(self, old: R) -> Path:
        if self.layout.folder:
            return self.layout.rel_for(
                {self.layout.date_key: getattr(old, self.spec.time_key).isoformat()}
            )
        return Path(self.layout.file)

    def _find_current(
        self, txn: Transaction, old: R, newer_ok: bool = False
    ) -> tuple[Path, str, Doc]:
        """The stored copy of `old` (inside the lock), refusing a deleted one, and a stale
        one unless `newer_ok` (a merging edit looks at what changed itself)."""
        found = self._find(txn, self._old_rel(old), old.id)
        if found is None:
            raise StaleEditError(GONE.format(what=self.spec.what))
        if codec.rev_of(found[2]) != old.rev and not newer_ok:
            raise StaleEditError(STALE.format(what=self.spec.what))
        return found

    def _find(self, txn: Transaction, rel: Path, rec_id: str) -> tuple[Path, str, Doc] | None:
        """Locate a record: its file, doc id and document (the highest rev, looking in its
        own month first, then the others newest first if another window moved it)."""
        candidates = [rel]
        if self.layout.folder:
            others = reversed(self.layout.files(self.folder.root))
            candidates += [c for c in others if c != rel]
        found: tuple[Path, str, Doc] | None = None
        for cand in candidates:
            loaded = txn.load(cand)
            hit = False
            for key, doc in (loaded.tables.get(self.layout.table) or {}).items() if loaded else ():
                if doc.get("id") == rec_id and (
                    found is None or codec.rev_of(doc) > codec.rev_of(found[2])
                ):
                    found, hit = (cand, key, doc), True
            if found is not None and cand == rel:
                break
            if not hit and cand != rel:
                txn.forget(cand)  # looked in and let go: one month in memory at a time
        return found

    def _replace(
        self, txn: Transaction, old: R, fields: Doc, touched: set[str] | None = None
    ) -> Doc:
        """Stale-checked update (inside the lock). Moves between month files if needed.

        `touched` (merging): the fields this edit changed; a record saved since by another
        window takes only those, when that window changed none of them.
        """
        rel, key, stored = self._find_current(txn, old, touched is not None)
        if touched is not None and codec.rev_of(stored) != old.rev:
            current = self.spec.decode(stored)
            theirs = {f for f in self.spec.fields if getattr(current, f) != getattr(old, f)}
            if theirs & touched:
                raise stale_field(self.spec.what, theirs & touched)
            time_key = self.spec.time_key
            fields = {
                k: v
                for k, v in fields.items()
                if k in touched or (k == "tz" and time_key in touched)
            }
        new_doc = {**stored, **fields, "id": old.id, "rev": codec.rev_of(stored) + 1}
        new_rel = self.layout.rel_for(new_doc)
        if new_rel == rel:
            tables = txn.writable(rel)
            tables[self.layout.table][key] = new_doc
            txn.write(rel, tables)
            return new_doc
        # New copy first: a crash in between leaves two copies, and readers keep the higher
        # rev (the new one), so nothing is lost.
        self.insert(txn, [new_doc])
        tables = txn.writable(rel)
        del tables[self.layout.table][key]
        txn.write(rel, tables)
        return new_doc


def known_tags(checkins: Collection[Any], recent_days: int | None) -> list[str]:
    """Tags used before, most used first (then by name).

    `recent_days` counts only check-ins of the last N days and reads only their month files,
    so offering tags costs the same with ten years of history as with one month. None looks
    at all history (a full read: for export-like uses, not for every screen).
    """
    since = None
    if recent_days is not None:
        since = checkins.folder.clock.now().date() - timedelta(days=max(0, recent_days))
    counts: Counter[str] = Counter()
    for checkin in checkins.read(since=since):
        counts.update(set(checkin.tags))
    return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def import_all(
    collections: Sequence[Collection[Any]],
    batches: Sequence[Iterable[Any]],
    with_deleted: bool = False,
) -> None:
    """One import: every record of every kind checked before anything is written, then all
    written under one lock (ids kept, or records left out, as in `Collection.add_many`;
    deleted ones brought back only `with_deleted`)."""
    prepared = [
        (collection, [collection.prepare(item) for item in items])
        for collection, items in zip(collections, batches, strict=True)
    ]
    if not any(docs for _, docs in prepared) or not collections:
        return
    with collections[0].folder.transaction() as txn:
        for collection, docs in prepared:
            if docs:
                fresh, lifted = collection.keep_new(txn, docs, with_deleted)
                collection.insert(txn, fresh)
                collection.lift(txn, lifted)
