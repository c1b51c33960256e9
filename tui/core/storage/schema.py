"""Schema versions of Thaw's files and the migrations between them, applied in memory on read.

A plain module without dataclasses: `due` reads one file through it at every login.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Doc = dict[str, Any]
Table = dict[str, Doc]
Tables = dict[str, Table]


def _migrate_0_to_1(tables: Tables) -> Tables:
    """Unversioned files (no `_meta`): every record gets a `rev` and a stable `id`."""
    import hashlib

    for name, table in tables.items():
        if name == META_TABLE:
            continue
        for doc in table.values():
            doc.setdefault("rev", 1)
            if not isinstance(doc.get("id"), str) or not doc["id"]:
                # Deterministic, so reading the same old file twice gives the same ids.
                canon = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8")
                doc["id"] = "v0" + hashlib.sha256(canon).hexdigest()[:30]
    return tables


#: MIGRATIONS[n] turns a schema-n file into a schema-(n+1) one. Applied in memory on read; the
#: next write stores the result (with `_meta.schema` = SCHEMA_VERSION).
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _migrate_0_to_1}


def migrate(tables: Tables, version: int) -> Tables:
    """Bring `tables` from `version` up to SCHEMA_VERSION."""
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables


def doc_key(key: str) -> int:
    """A TinyDB document id ("12") as a number, for stored (insertion) order."""
    return int(key) if key.isdigit() else 0


class Loaded:
    """A parsed data file: its tables (migrated to our schema) and the schema found on disk.

    A plain class, not a dataclass: `due` imports this module and must stay quick.
    """

    __slots__ = ("raw", "schema", "tables")

    def __init__(self, tables: Tables, schema: int, raw: bytes = b"") -> None:
        self.tables = tables
        self.schema = schema
        self.raw = raw  # the bytes it was parsed from, kept for the day's backup copy

    @property
    def newer(self) -> bool:
        """Written by a newer Thaw: readable at best, never written by us."""
        return self.schema > SCHEMA_VERSION

    def table(self, name: str) -> list[Doc]:
        """Documents of one table in stored (insertion) order."""
        tab = self.tables.get(name) or {}
        return [tab[k] for k in sorted(tab, key=doc_key)]
