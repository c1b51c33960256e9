"""Read content/emotions.toml: the families and the feelings a check-in can name."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.core.content.table import Table, unique

if TYPE_CHECKING:
    from tui.core.content.shapes import Emotion, EmotionFamily, Energy, Valence


def load_emotions(root: Table) -> tuple[tuple[EmotionFamily, ...], tuple[Emotion, ...]]:
    """Families in display order and every emotion, each checked against its family."""
    from tui.core.content.shapes import ENERGIES, VALENCES, Emotion, EmotionFamily

    root.only("families", "emotions")
    family_tables = root.tables("families")
    families: list[EmotionFamily] = []
    for t in family_tables:
        t.only("id", "name", "blurb")
        families.append(EmotionFamily(t.text("id"), t.text("name"), t.text("blurb")))
    unique(family_tables, families, lambda f: f.id, "id")
    family_ids = {f.id for f in families}

    emotion_tables = root.tables("emotions")
    emotions: list[Emotion] = []
    for t in emotion_tables:
        t.only("id", "name", "family", "meaning", "valence", "energy")
        family = t.text("family")
        if family not in family_ids:
            raise t.error("family", f"{family!r} is not one of the families above")
        emotions.append(
            Emotion(
                id=t.text("id"),
                name=t.text("name"),
                family=family,
                meaning=t.text("meaning"),
                valence=cast("Valence", t.choice("valence", VALENCES)),
                energy=cast("Energy", t.choice("energy", ENERGIES)),
            )
        )
    unique(emotion_tables, emotions, lambda e: e.id, "id")
    unique(emotion_tables, emotions, lambda e: e.name.casefold(), "name")
    used = {e.family for e in emotions}
    for t, family_item in zip(family_tables, families, strict=True):
        if family_item.id not in used:
            raise t.error("id", f"family {family_item.id!r} has no emotions")
    return tuple(families), tuple(emotions)
