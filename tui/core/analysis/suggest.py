"""Pick the one gentle next step to offer after a check-in, from what was entered.

At a very low moment (mood 1, or mood 2 with a feeling like hopeless or trapped) that step
is a calm pointer to support: the person's own trusted contact first, then their country's
line, then F2. The app and `thaw checkin` both take the words from `choose_suggestion`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from tui.core.content import Content, Suggestion

if TYPE_CHECKING:
    from tui.core.content import Country
    from tui.core.records.models import Contact, Settings

#: Moods at or below this count as "very low" (on the 1-10 scale).
VERY_LOW_MOOD = 2
#: A check-in at this mood always points to support; at VERY_LOW_MOOD, a despair feeling does.
LOWEST_MOOD = 1
#: How many check-ins (this one included) we look back over, and how many very low ones
#: among them mean we point to support rather than to a practice.
LOOK_BACK = 5
VERY_LOW_NEEDED = 3
#: "How much can you feel" (0-10) at or below this suggests grounding.
LOW_FEEL = 3


def is_low_moment(content: Content, mood: int, emotions: Sequence[str]) -> bool:
    """Mood 1, or mood 2 with a feeling from the despair family (hopeless, worthless...)."""
    if mood <= LOWEST_MOOD:
        return True
    return mood <= VERY_LOW_MOOD and any(content.is_despair(e) for e in emotions)


def support_words(content: Content, contacts: Sequence[Contact], country: Country | None) -> str:
    """A few calm lines: the person's own person first, then a line they can call, then F2.

    Text from the person's own contacts is cleaned of control characters by the caller's
    widget (markup off); here it is only placed into the sentence.
    """
    from tui.core.text import clean_line

    words = content.low_moment
    parts = [words.opening]
    first = next((c for c in contacts if clean_line(c.name)), None)
    if first is not None:
        name, phone = clean_line(first.name), clean_line(first.phone)
        template = words.contact_phone if phone else words.contact
        parts.append(template.format(name=name, phone=phone))
    line = country.lines[0] if country is not None and country.lines else None
    if line is not None:
        parts.append(words.line.format(line=line.name, number=line.number, how=line.how))
    else:
        parts.append(words.no_line)
    parts.append(words.keys)
    # One short line each, the number first on its own: it never breaks on a narrow screen.
    return "\n".join(parts)


def farewell_text(content: Content, suggestion: Suggestion) -> str:
    """The suggestion as printed once `thaw checkin` has closed: a key that only works inside
    the app is named as such."""
    words = content.low_moment
    text = suggestion.text
    if suggestion.id != "low_moment" or not words.keys_later:
        return text
    return text.replace(words.keys, words.keys_later)


def choose_suggestion(
    content: Content,
    mood: int,
    feel: int | None,
    emotions: Sequence[str],
    recent_moods: Sequence[int],
    *,
    contacts: Sequence[Contact] = (),
    country: Country | None = None,
) -> Suggestion:
    """Return the single suggestion to show after a check-in.

    `mood` (1-10), `feel` (0-10, None when skipped) and `emotions` (ids) are this check-in.
    `recent_moods` are the moods of earlier check-ins, newest first, NOT including this one.
    `contacts` and `country` fill in the pointer to support. Rules, first match wins:
    1. mood 1, or mood 2 with a despair feeling -> "low_moment" (support, with who to reach);
    2. 3 or more of the last 5 moods (this one included) at 1-2 -> "low_mood_repeated";
    3. feel <= 3, or any emotion from the numbness family -> "low_feel" (grounding);
    4. any unpleasant, high-energy emotion (anxious, angry...) -> "anxious" (breathing);
    5. any unpleasant, low-energy emotion (tired, sad...) -> "move" (ideas);
    6. otherwise -> "default".
    Unknown emotion ids are ignored, so an old check-in never breaks the choice.
    """
    if is_low_moment(content, mood, emotions):
        pointer = content.suggestion("low_moment")
        return replace(pointer, text=support_words(content, contacts, country))

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


class _ContactSource(Protocol):
    def contacts(self) -> Sequence[Contact]: ...


def support_context(
    content: Content, store: _ContactSource, settings: Settings
) -> tuple[Sequence[Contact], Country | None]:
    """The person's trusted contacts and their country, for the pointer to support.

    Either may be missing (unreadable file, no country chosen): the pointer still reads well.
    """
    import os

    from tui.core.content import ContentError
    from tui.core.content.resources import chosen_country
    from tui.core.errors import ThawError

    try:
        contacts: Sequence[Contact] = store.contacts()
    except ThawError:
        contacts = ()
    try:
        countries = content.resources.countries
    except ContentError:
        return contacts, None
    code = chosen_country(settings.country, os.environ, countries)
    return contacts, next((c for c in countries if c.code == code), None)
