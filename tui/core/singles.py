"""The one-record files: settings.json and safety_plan.json (revision-checked) and draft.json
(an unfinished check-in). Each save reads its file once, inside the lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import TypeVar

from tui.core.datafolder import DataFolder
from tui.core.errors import StaleEditError
from tui.core.records import codec, rules
from tui.core.records.models import Draft, Settings
from tui.core.safety_plan import SafetyPlan, plan_from_doc, plan_to_doc
from tui.core.storage.layout import DRAFT, SAFETY_PLAN, SETTINGS, Layout
from tui.core.storage.schema import Doc

_SINGLE_DOC = "1"  # doc id of the one record in settings.json / draft.json
SAFETY_PLAN_STALE = (
    "Your safety plan was changed in another window, so this change was not saved. The newer "
    "version is shown now."
)
SETTINGS_STALE = (
    "Your settings were changed in another window, so this change was not saved. Please look "
    "at them again."
)


STALE_FIELD = (
    "The {field} in your {where} was changed in another window, so this change was not saved. "
    "Please look at it again."
)


def _setting_word(name: str) -> str:
    return rules.SETTING_NAMES.get(name, name.replace("_", " "))


def _section_word(name: str) -> str:
    return f"“{name.replace('_', ' ')}” section"


def _first(folder: DataFolder, layout: Layout) -> Doc | None:
    docs = folder.docs(layout, Path(layout.file))
    return docs[0] if docs else None


def _stored(doc: Doc | None) -> int:
    return 1 if doc is None else codec.rev_of(doc)


def read_settings(folder: DataFolder) -> Settings:
    """Saved settings; defaults for anything missing or unreadable."""
    doc = _first(folder, SETTINGS)
    return Settings() if doc is None else codec.decode_settings(doc)


def settings_problems(folder: DataFolder) -> dict[str, str]:
    """Stored settings Thaw can't use (the default stands in), by name, each with its sentence."""
    if not (folder.root / SETTINGS.file).is_file():
        return {}  # nothing saved yet: nothing to look at (doctor reads no file twice for it)
    doc = _first(folder, SETTINGS)
    return {} if doc is None else codec.settings_problems(doc)


T = TypeVar("T", Settings, SafetyPlan)


def merged(new: T, old: T | None, current: T, stale: str, name_of: Callable[[str], str]) -> T:
    """`new` laid over `current` (saved since by another window), field by field.

    The fields this edit touched are those where `new` differs from `old`; the other window's
    are those where `current` differs from `old`. Both kept when they are different fields;
    a field both changed refuses the save, naming it. Without `old`, any newer save refuses.
    """
    if old is None:
        raise StaleEditError(stale)
    names = [f.name for f in fields(new) if f.name != "rev"]
    mine = {n for n in names if getattr(new, n) != getattr(old, n)}
    theirs = {n for n in names if getattr(current, n) != getattr(old, n)}
    clash = sorted(mine & theirs)
    if clash:
        raise StaleEditError(STALE_FIELD.format(field=name_of(clash[0]), where=stale_where(new)))
    return replace(current, **{n: getattr(new, n) for n in mine})


def stale_where(record: Settings | SafetyPlan) -> str:
    return "settings" if isinstance(record, Settings) else "safety plan"


def save_settings(folder: DataFolder, new: Settings, old: Settings | None = None) -> Settings:
    """Save if new.rev equals the stored rev; returns with rev+1. A newer stored copy is
    merged with this edit (see `merged`) when `old` is given, else StaleEditError."""
    rel = Path(SETTINGS.file)
    with folder.transaction() as txn:
        tables = txn.writable(rel)
        table = tables.setdefault(SETTINGS.table, {})
        stored = table.get(_SINGLE_DOC)
        if new.rev != _stored(stored):
            current = Settings() if stored is None else codec.decode_settings(stored)
            new = merged(new, old, current, SETTINGS_STALE, _setting_word)
        saved = replace(new, rev=_stored(stored) + 1)
        table[_SINGLE_DOC] = {**(stored or {}), **codec.encode_settings(saved)}
        txn.write(rel, tables)
    return saved


def read_safety_plan(folder: DataFolder) -> SafetyPlan:
    """The person's safety plan; an empty one when none is written or the file is unreadable."""
    doc = _first(folder, SAFETY_PLAN)
    return SafetyPlan() if doc is None else plan_from_doc(doc)


def save_safety_plan(
    folder: DataFolder, plan: SafetyPlan, old: SafetyPlan | None = None
) -> SafetyPlan:
    """Save if plan.rev equals the stored rev; returns with rev+1. A newer stored copy is
    merged section by section when `old` is given, else StaleEditError."""
    rel = Path(SAFETY_PLAN.file)
    with folder.transaction() as txn:
        tables = txn.writable(rel)
        table = tables.setdefault(SAFETY_PLAN.table, {})
        stored = table.get(_SINGLE_DOC)
        if plan.rev != _stored(stored):
            current = SafetyPlan() if stored is None else plan_from_doc(stored)
            plan = merged(plan, old, current, SAFETY_PLAN_STALE, _section_word)
        saved = replace(plan, rev=_stored(stored) + 1)
        table[_SINGLE_DOC] = plan_to_doc(saved)
        txn.write(rel, tables)
    return saved


def read_draft(folder: DataFolder) -> Draft | None:
    """The unfinished check-in, if one was kept."""
    doc = _first(folder, DRAFT)
    if doc is None:
        return None
    found = folder.decode(Path(DRAFT.file), [doc], codec.decode_draft)
    return found[0] if found else None


def save_draft(folder: DataFolder, draft: Draft) -> None:
    """Keep an unfinished check-in (replacing any earlier draft). Text is cleaned."""
    doc = codec.encode_draft(draft, folder.clock.now())
    rel = Path(DRAFT.file)
    with folder.transaction() as txn:
        tables = txn.writable(rel)
        table = tables.setdefault(DRAFT.table, {})
        table[_SINGLE_DOC] = {**table.get(_SINGLE_DOC, {}), **doc}
        txn.write(rel, tables)


def clear_draft(folder: DataFolder) -> None:
    """Forget the unfinished check-in."""
    rel = Path(DRAFT.file)
    if not (folder.root / rel).exists():
        return
    with folder.transaction() as txn:
        tables = txn.writable(rel)
        if tables.get(DRAFT.table):
            tables[DRAFT.table] = {}
            txn.write(rel, tables)
