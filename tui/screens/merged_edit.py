"""Saving an edit to a record another window may have changed meanwhile, the same way for
contacts, markers and check-ins: fields only one window changed are merged with a short notice;
where both changed one field, ConflictDialog shows both versions and the person chooses.

One place for it, so every kind says the same few words and none loses an update silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic

from tui.core.errors import StaleEditError, ThawError
from tui.core.outward import shown_line, shown_text
from tui.core.ports import Editable
from tui.widgets.conflict_dialog import ConflictDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from textual.app import App

    from tui.core.ports import StorePort
    from tui.widgets.conflict_dialog import Clash

CLASH = (
    "This {what} was changed in another window while you were changing it. "
    "Here are both; choose which to keep."
)
MERGED = "Saved. A change made to this {what} in another window is kept too."
KEPT_THEIRS = "Kept the other window's version. Yours was not saved."
SAVED_YOURS = "Saved yours over the other window's."
STILL_CHANGING = (
    "This {what} keeps changing in another window, so your change was not saved. "
    "The newer version is shown now."
)
TRIES = 3  # merges onto a newer version in a row before saying it keeps changing


def shown_value(value: object) -> str:
    """A field's value as the dialog shows it: the person's words never as markup, and an
    empty field said in words (a blank after "Your note:" reads like a fault)."""
    if value is None or value == "" or value == ():
        return "(none)"
    if isinstance(value, tuple):
        return ", ".join(shown_line(str(v)) for v in value)
    if isinstance(value, datetime):
        return f"{value:%a %d %b %Y}"
    return shown_text(str(value))


@dataclass(frozen=True)
class EditKind(Generic[Editable]):
    """What differs between record kinds: what one is called, what each field is called,
    how a field is shown (`shown` may return None for "as `shown_value` does"), and how to
    read the stored version again (None: deleted meanwhile)."""

    what: str
    names: Mapping[str, str]
    find: Callable[[StorePort, Editable], Editable | None]
    shown: Callable[[str, object], str | None] = lambda _name, _value: None

    def show(self, name: str, value: object) -> str:
        said = self.shown(name, value)
        return shown_value(value) if said is None else said


def own_changes(old: object, changes: Mapping[str, object]) -> dict[str, object]:
    """The fields this window changed: only these are saved, so a field the form merely passed
    through unchanged never undoes what another window wrote there."""
    return {k: v for k, v in changes.items() if getattr(old, k) != v}


def clashing(old: object, newer: object, mine: Mapping[str, object]) -> list[str]:
    """The fields of `mine` the other window changed too (from `old` to `newer`), to another
    value: what the person must choose between. Settings ask the same question."""
    return [
        name
        for name, value in mine.items()
        if getattr(newer, name) != getattr(old, name) and getattr(newer, name) != value
    ]


def clashes(
    kind: EditKind[Editable], old: Editable, newer: Editable, mine: Mapping[str, object]
) -> list[Clash]:
    """Fields both windows changed, to different values: (what it is called, yours, theirs)."""
    return [
        (
            kind.names.get(name, name.replace("_", " ")),
            kind.show(name, mine[name]),
            kind.show(name, getattr(newer, name)),
        )
        for name in clashing(old, newer, mine)
    ]


class MergedEdit(Generic[Editable]):
    """One edit on its way to the store; the screen says what happens through its callbacks.

    `saved(record, said)`: stored (`said` is the notice to give, "" for none); `failed(err)`:
    not stored, `err` says why in a sentence; `gone(old, mine)`: deleted in another window,
    the person's changes in `mine`; `kept(newer)`: the person chose the other window's version;
    `seen(newer)` (optional): the stored version was read again (None: deleted), before any
    question, so a screen can show it underneath.
    """

    def __init__(
        self,
        app: App[Any],
        store: StorePort,
        kind: EditKind[Editable],
        *,
        saved: Callable[[Editable, str], None],
        failed: Callable[[ThawError], None],
        gone: Callable[[Editable, dict[str, object]], None],
        kept: Callable[[Editable], None],
        seen: Callable[[Editable | None], None] | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.kind: EditKind[Editable] = kind
        self._saved: Callable[[Editable, str], None] = saved
        self._failed = failed
        self._gone: Callable[[Editable, dict[str, object]], None] = gone
        self._kept: Callable[[Editable], None] = kept
        self._seen: Callable[[Editable | None], None] | None = seen

    def save(self, old: Editable, changes: Mapping[str, object]) -> None:
        """Save the fields of `changes` that differ from `old` (the version first read)."""
        mine = own_changes(old, changes)
        if not mine:
            self._saved(old, "")
            return
        self._save_over(old, mine, old.rev)

    def _save_over(
        self, old: Editable, mine: dict[str, object], read_rev: int, tries: int = 0, said: str = ""
    ) -> None:
        try:
            stored = self.store.update_merged(old, **mine)
        except StaleEditError:
            self._settle(old, mine, read_rev, tries)
            return
        except ThawError as err:
            self._failed(err)
            return
        if not said and stored.rev > read_rev + 1:  # another window saved in between
            said = MERGED.format(what=self.kind.what)
        self._saved(stored, said)

    def _settle(self, old: Editable, mine: dict[str, object], read_rev: int, tries: int) -> None:
        """Another window changed or deleted the record meanwhile: ask, or merge once more."""
        try:
            newer = self.kind.find(self.store, old)
        except ThawError as err:
            self._failed(err)
            return
        if self._seen is not None:
            self._seen(newer)
        if newer is None:
            self._gone(old, mine)
            return
        found = clashes(self.kind, old, newer, mine)
        if not found:  # changed again just now, in other fields: merge onto that
            if tries < TRIES:
                self._save_over(newer, mine, read_rev, tries + 1)
            else:
                self._failed(StaleEditError(STILL_CHANGING.format(what=self.kind.what)))
            return

        def chosen(keep_mine: bool | None) -> None:
            if keep_mine:
                self._save_over(newer, mine, read_rev, said=SAVED_YOURS)
            else:
                self._kept(newer)

        heading = CLASH.format(what=self.kind.what)
        self.app.push_screen(ConflictDialog(heading, found), chosen)
