"""TagInput: comma-separated tags, completing the last one from tags used before."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

from tui.core.text import clean_line


def split_tags(value: str) -> tuple[str, ...]:
    """ "work, sleep ,  walk" -> ("work", "sleep", "walk"): cleaned, no empties, no repeats."""
    seen: list[str] = []
    for part in value.split(","):
        tag = clean_line(part)
        if tag and tag.lower() not in (s.lower() for s in seen):
            seen.append(tag)
    return tuple(seen)


class KnownTagSuggester(Suggester):
    """Suggests the rest of the tag being typed (after the last comma) from remembered tags."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._known = list(known)

    def set_known(self, known: Sequence[str]) -> None:
        """Replace the remembered tags (they are read after the screen opens)."""
        self._known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        _, _, last = value.rpartition(",")
        stem = last.lstrip()
        if not stem:
            return None
        lowered = stem.lower()
        for tag in self._known:
            if tag.lower().startswith(lowered) and tag.lower() != lowered:
                prefix = value[: len(value) - len(stem)]
                return prefix + tag
        return None


class TagInput(Input):
    """One line of tags. Right arrow (or End) accepts the greyed-out completion."""

    # Enter saves the check-in from here; shown, so the footer tells it (Input hides its own).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "submit",
            "Save",
            tooltip="Save, from anywhere except inside the note",
            id="tags-save",
        ),
        # Input's own action for the key, named here so the help can say what it does.
        Binding(
            "right",
            "cursor_right",
            show=False,
            tooltip="In the tags: → takes the remembered tag shown in grey",
            id="tags-accept",
        ),
    ]

    def __init__(
        self,
        known: Sequence[str] = (),
        value: str = "",
        *,
        id: str | None = None,
        compact: bool = True,
    ) -> None:
        super().__init__(
            value=value,
            placeholder="Separated by commas",
            suggester=KnownTagSuggester(known),
            id=id,
            compact=compact,
        )

    def set_known(self, known: Sequence[str]) -> None:
        """Offer these remembered tags from now on."""
        if isinstance(self.suggester, KnownTagSuggester):
            self.suggester.set_known(known)

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags typed so far, cleaned."""
        return split_tags(self.value)
