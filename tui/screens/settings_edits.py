"""Saving a change on the settings screen when another window may have saved settings meanwhile:
settings only it changed are kept (merged, with a short notice, and shown here); a setting both
changed is shown both ways in ConflictDialog and the person chooses. Never a silent lost update.

A clash found while a number is still being typed is held, not asked about: the question waits
until the field is finished (Enter, moving on, leaving), so it shows the whole number typed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.errors import StaleEditError, ThawError
from tui.core.records.models import Settings
from tui.core.records.rules import SETTING_NAMES
from tui.screens.merged_edit import KEPT_THEIRS, SAVED_YOURS, TRIES, clashing, shown_value
from tui.screens.settings_fields import FIELDS_BY_NAME, THEMES
from tui.widgets.conflict_dialog import ConflictDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from tui.app import ThawApp
    from tui.widgets.conflict_dialog import Clash

CLASH = (
    "This setting was changed in another window while you were changing it. "
    "Here are both; choose which to keep."
)
MERGED = "Saved. A change made to your settings in another window is kept too."
STILL_CHANGING = (
    "Your settings keep changing in another window, so this change was not saved. "
    "The newer settings are shown now."
)


def shown(name: str, value: object, named: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A setting's value in the words the screen uses for it ("on", "Light", "20 minutes");
    `named`: the screen's names for a choice's values (a country's name for its code)."""
    said = (named or {}).get(name, {}).get(str(value))
    if said:
        return said
    if isinstance(value, bool):
        return "on" if value else "off"
    if name == "theme":
        return next((said for said, ident in THEMES if ident == value), str(value))
    if name == "country" and not value:
        return "guessed from your language settings"
    field = FIELDS_BY_NAME.get(name)
    if field is not None:
        return field.kept(replace(Settings(), **{name: value}))  # type: ignore[arg-type]
    return shown_value(value)


class SettingsSave:
    """The settings screen's saving. `show(settings, skip)` puts saved settings in the screen's
    fields, all but those named in `skip` (what the person has just typed or chosen there);
    `named`: the screen's names for choices' values, by setting (see `shown`)."""

    def __init__(
        self,
        app: ThawApp,
        show: Callable[[Settings, Collection[str]], None],
        named: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.app = app
        self.show = show
        self.named = named
        self.asking = False  # the dialog is up: one question at a time
        self.held: dict[str, object] = {}  # clashed while typing; asked when the field is done

    def save(self, changes: Mapping[str, object], *, ask: bool) -> None:
        """Save `changes` over the settings this window has; `ask`: on a clash, ask now (else
        hold the change until `ask_held`)."""
        if self.asking:  # a field let go as the dialog opened: the dialog is about it
            return
        for name in changes:
            self.held.pop(name, None)
        self._attempt(self.app.settings, changes, ask=ask)

    def ask_held(self) -> bool:
        """Ask about changes held from typing (on leaving); True if a question is now up."""
        current = self.app.settings
        held = {k: v for k, v in self.held.items() if getattr(current, k) != v}
        self.held = {}
        if held and not self.asking:
            self._attempt(current, held, ask=True)
        return self.asking

    def _attempt(
        self,
        before: Settings,
        changes: Mapping[str, object],
        *,
        ask: bool,
        said: str = "",
        tries: int = 0,
    ) -> None:
        try:
            saved = self.app.store.save_settings(replace(before, **changes), old=before)  # type: ignore[arg-type]
        except StaleEditError:
            self._settle(before, changes, ask=ask, tries=tries)
            return
        except ThawError as err:  # used for now all the same, as everywhere settings change
            self.app.notify(str(err), severity="warning", markup=False)
            saved = replace(before, **changes)  # type: ignore[arg-type]
        if not said and saved.rev > before.rev + 1:
            said = MERGED
        self._done(saved, said, skip=changes)

    def _settle(
        self, before: Settings, changes: Mapping[str, object], *, ask: bool, tries: int
    ) -> None:
        try:
            theirs = self.app.store.settings()
        except ThawError as err:
            self.app.notify(str(err), severity="warning", markup=False)
            return
        names = clashing(before, theirs, changes)
        if not names:  # the same value chosen there too, or other settings: lay this over
            if tries < TRIES:
                self._attempt(theirs, changes, ask=ask, tries=tries + 1)
            else:
                self.app.notify(STILL_CHANGING, severity="warning", timeout=10)
                self._done(theirs, "", skip=())
            return
        if not ask:
            self.held.update(changes)
            return
        clashes: list[Clash] = [
            (
                SETTING_NAMES.get(n, n),
                shown(n, changes[n], self.named),
                shown(n, getattr(theirs, n), self.named),
            )
            for n in names
        ]

        def chosen(mine: bool | None) -> None:
            self.asking = False
            if mine:
                self._attempt(theirs, changes, ask=True, said=SAVED_YOURS)
            else:
                self._done(theirs, KEPT_THEIRS, skip=())

        self.asking = True
        self.app.push_screen(ConflictDialog(CLASH, clashes), chosen)

    def _done(self, settings: Settings, said: str, *, skip: Collection[str]) -> None:
        self.app.apply_settings(settings)
        if said:  # saved elsewhere too: the fields show what is now kept
            self.show(settings, skip)
            self.app.notify(said, timeout=6)
