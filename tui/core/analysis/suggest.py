"""Pick the one gentle next step to offer after a check-in, from what was entered."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.content import Content, Suggestion

#: Moods at or below this count as "very low" (on the 1-10 scale).
VERY_LOW_MOOD = 2
#: How many check-ins (this one included) we look back over, and how many very low ones
#: among them mean we point to support rather than to a practice.
LOOK_BACK = 5
VERY_LOW_NEEDED = 3
#: "How much can you feel" (0-10) at or below this suggests grounding.
LOW_FEEL = 3


def choose_suggestion(
    content: Content,
    mood: int,
    feel: int | None,
    emotions: Sequence[str],
    recent_moods: Sequence[int],
) -> Suggestion:
    """Return the single suggestion to show after a check-in.

    `mood` (1-10), `feel` (0-10, None when skipped) and `emotions` (ids) are this check-in.
    `recent_moods` are the moods of earlier check-ins, newest first, NOT including this one.
    Rules, first match wins:
    1. 3 or more of the last 5 moods (this one included) at 1-2 -> "low_mood_repeated" (support);
    2. feel <= 3, or any emotion from the numbness family -> "low_feel" (grounding);
    3. any unpleasant, high-energy emotion (anxious, angry...) -> "anxious" (breathing);
    4. any unpleasant, low-energy emotion (tired, sad...) -> "move" (ideas);
    5. otherwise -> "default".
    Unknown emotion ids are ignored, so an old check-in never breaks the choice.
    """
    window = [mood, *recent_moods[: LOOK_BACK - 1]]
    if sum(1 for m in window if m <= VERY_LOW_MOOD) >= VERY_LOW_NEEDED:
        return content.suggestion("low_mood_repeated")

    known = [e for e in (content.emotion(i) for i in emotions) if e is not None]
    if (feel is not None and feel <= LOW_FEEL) or any(content.is_numbness(e.id) for e in known):
        return content.suggestion("low_feel")

    unpleasant = [e for e in known if e.valence == "unpleasant"]
    if any(e.energy == "high" for e in unpleasant):
        return content.suggestion("anxious")
    if any(e.energy == "low" for e in unpleasant):
        return content.suggestion("move")
    return content.suggestion("default")
