"""A kind's records month by month, for an export that never holds the whole history at once.

`Collection.read` gathers every month before it returns; an export of thirty years would then
sit in memory whole (as records, then as one JSON document). `by_month` hands out one month's
records at a time instead, oldest first, each the copy `Collection.read` would keep.

The one record that needs more than its own month is one moved to another month by an edit
that a crash interrupted: both copies are left, and the higher revision wins (collection.py,
`_replace`). Only an edited record (revision 2 or more) can have such a twin, so a first pass
over the raw month files notes the highest revision of each edited id (few, however long the
history), and the second pass decodes each month and keeps a twin only where it wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tui.core.collection import Collection
from tui.core.records import codec


def _edited_revisions(collection: Collection[Any]) -> dict[str, int]:
    """The highest revision stored for each id that has been edited (revision above 1)."""
    highest: dict[str, int] = {}
    folder, layout = collection.folder, collection.layout
    for rel in layout.files(folder.root):
        for doc in folder.docs(layout, rel):
            rev = codec.rev_of(doc)
            if rev > 1:
                key = str(doc.get("id"))
                if rev > highest.get(key, 0):
                    highest[key] = rev
    return highest


def by_month(collection: Collection[Any]) -> Iterator[list[Any]]:
    """Lists of one month's records each (stored order, as `Collection.read` sorts: by time),
    oldest month first; single-file kinds give one list. Together exactly `collection.read()`."""
    folder, layout, spec = collection.folder, collection.layout, collection.spec
    edited = _edited_revisions(collection) if layout.folder else {}
    given: set[str] = set()  # edited ids already handed out (twins at the same revision)
    key = spec.time_key
    for rel in layout.files(folder.root):
        best: dict[str, dict[str, Any]] = {}
        for doc in folder.docs(layout, rel):
            doc_id = str(doc.get("id"))
            rev = codec.rev_of(doc)
            if doc_id in edited and (rev < edited[doc_id] or doc_id in given):
                continue  # the older copy of a moved record, or its twin already given
            held = best.get(doc_id)
            if held is None or rev > codec.rev_of(held):
                best[doc_id] = doc
        given.update(doc_id for doc_id in best if doc_id in edited)
        items = folder.decode(rel, best.values(), spec.decode)
        if key:
            items.sort(key=lambda r: getattr(r, key))
        if items:
            yield items
