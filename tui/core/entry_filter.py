"""Choosing check-ins by time, tag, feeling and words: `list`, `export`, `report` and search.

One filter for every place that narrows the entries, so `thaw list --tag work` and the same
words typed into Past entries' search agree on what matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from tui.core.errors import InputError

if TYPE_CHECKING:
    from tui.core.records.models import CheckIn

_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """What to keep. Empty parts keep everything; tags and feelings match any one given,
    words must all appear (in the note, the tags or the feelings' names), any case."""

    since: datetime | None = None
    until: datetime | None = None
    tags: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()  # emotion ids
    words: tuple[str, ...] = ()

    @property
    def days(self) -> tuple[date | None, date | None]:
        """The days the range touches (a day wider each way, for entries made in another
        zone), to read no more month files than needed; the exact times are checked after."""
        one = timedelta(days=1)
        return (
            None if self.since is None else self.since.date() - one,
            None if self.until is None else self.until.date() + one,
        )

    def matches(self, checkin: CheckIn, names: Mapping[str, str]) -> bool:
        """True when `checkin` is inside the range and has what was asked for."""
        if self.since is not None and checkin.at < self.since:
            return False
        if self.until is not None and checkin.at > self.until:
            return False
        if self.tags:
            have = {t.casefold() for t in checkin.tags}
            if not any(t.casefold() in have for t in self.tags):
                return False
        if self.feelings and not set(self.feelings) & set(checkin.emotions):
            return False
        if self.words:
            haystack = " ".join(
                (
                    checkin.note,
                    *checkin.tags,
                    *(names.get(e, e.replace("_", " ")) for e in checkin.emotions),
                )
            ).casefold()
            if not all(w.casefold() in haystack for w in self.words):
                return False
        return True

    def apply(self, checkins: Iterable[CheckIn], names: Mapping[str, str]) -> list[CheckIn]:
        return [c for c in checkins if self.matches(c, names)]


def search_filter(text: str, names: Mapping[str, str]) -> EntryFilter:
    """The app's search box: "#work" is a tag, a feeling's own name is that feeling, the rest
    are words to find. Forgiving on purpose: anything typed is a search, never an error."""
    by_name = {name.casefold(): eid for eid, name in names.items()}
    tags: list[str] = []
    words: list[str] = []
    for word in text.split():
        if word.startswith("#") and len(word) > 1:
            tags.append(word[1:])
        else:
            words.append(word)
    feelings = tuple(by_name[w.casefold()] for w in words if w.casefold() in by_name)
    rest = tuple(w for w in words if w.casefold() not in by_name)
    return EntryFilter(tags=tuple(tags), feelings=feelings, words=rest)


def range_bound(text: str, now: datetime, *, end: bool) -> datetime:
    """`--from`/`--to` WHEN: a day alone means the whole day (its start, or its end for `--to`);
    with a time, that moment. Phrases as for `--at` ("monday", "Nov 30", "2 weeks ago")."""
    from tui.core.when import localize, parse_when
    from tui.core.when_phrases import parse_phrase

    cleaned = " ".join(text.split())
    day: date | None = None
    if _ISO_DAY.match(cleaned):
        try:
            day = date.fromisoformat("-".join(part.zfill(2) for part in cleaned.split("-")))
        except ValueError:
            raise InputError(f'"{cleaned}" isn\'t a date on the calendar.') from None
    elif cleaned.lower() in ("today", "now") and end:
        return now
    else:
        phrase = parse_phrase(cleaned, now.date())
        if phrase is not None and phrase.clock is None:
            day = phrase.day
    if day is None:
        return parse_when(cleaned, now)
    if end:
        return localize(datetime.combine(day + timedelta(days=1), time(0)), now.tzinfo) - (
            timedelta(microseconds=1)
        )
    return localize(datetime.combine(day, time(0)), now.tzinfo)


def build_filter(
    since_text: str | None,
    until_text: str | None,
    now: datetime,
    *,
    tags: Iterable[str] = (),
    feelings: Iterable[str] = (),
    words: str | None = None,
) -> EntryFilter:
    """The filter for the command-line options, or InputError saying what to change."""
    since = None if since_text is None else range_bound(since_text, now, end=False)
    until = None if until_text is None else range_bound(until_text, now, end=True)
    if since is not None and until is not None and since > until:
        raise InputError(
            "--from comes after --to, so nothing could match. "
            "For example: --from 2026-11-01 --to 2026-11-30"
        )
    return EntryFilter(
        since=since,
        until=until,
        tags=tuple(t.strip() for t in tags if t.strip()),
        feelings=tuple(feelings),
        words=tuple((words or "").split()),
    )
