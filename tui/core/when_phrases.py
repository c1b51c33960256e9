"""The days and times people type ("last monday", "Nov 30 9pm") and the ones files carry
("30 November 2024", "7 września", "9:05 PM", "오후 6:50"): one reader for both, so `--at`,
`list --from/--to` and an import agree on what a date means.

A small grammar of our own rather than a date library: the phrases are few and fixed, a
library would cost every `--at` an import of thousands of lines (and its own idea of
"monday", which for a journal must mean the one just past, never the next), and this way the
answer for each phrase is ours, in a table test. It works on wall-clock dates and times only;
`tui.core.when` attaches the zone, so a day across a clock change keeps its written time.

Grammar (any case, spaces collapsed, "at" optional before a time, the time may come first):

    DAY [at TIME]  |  TIME [DAY]  |  N days|weeks ago [at] TIME
    DAY  := today | yesterday | [last|this] WEEKDAY | DATE
    DATE := [WEEKDAY] MONTH D [YYYY]  |  [WEEKDAY] D MONTH [YYYY]   ("30th", "Nov.", "30 de
            noviembre", commas: all read; a weekday given must be that date's)
    TIME := 9pm | 9:30 pm | 21:00 | 21.00 | 18h52 | noon | midday | midnight
            (the am/pm mark before or after, in English, Japanese, Chinese or Korean)

Typed, a DATE without a year is the latest one on or before today. In a file (`calendar_date`)
a DATE needs its year, from the cell or the file's year column; month names in the languages
Daylio writes are read there as well as English; ISO dates take a fast exact path; and a
relative day ("yesterday", "last monday") is refused with its reason (`read_calendar_date`),
since in a file it would otherwise mean the day of the import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

# An am/pm mark as phones write it: "pm", "PM", "p.m.", "p. m." (Spanish), and the Japanese,
# Chinese and Korean ones, which stand before the time ("오후 6:50").
_MARK = r"a\.?\s?m\.?|p\.?\s?m\.?|午前|午後|上午|下午|오전|오후"
_TIME_RE = re.compile(
    rf"^(?:(?P<pre>{_MARK})\s*)?(?P<h>\d{{1,2}})(?:[:.h](?P<m>\d{{2}})(?::(?P<s>\d{{2}}))?)?"
    rf"\s*(?P<post>{_MARK})?$",
    re.IGNORECASE,
)
_PM_MARKS = frozenset(("pm", "午後", "下午", "오후"))
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAYS):
    for _form in (_name, _name[:3], _name[:3] + "."):
        _WEEKDAY[_form] = _i
_WEEKDAY.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, start=1):
    for _form in (_name, _name[:3], _name[:3] + "."):
        _MONTH[_form] = _i
_MONTH["sept"] = 9

_AGO_RE = re.compile(r"^(?P<n>\d+)\s*(?P<unit>d|days?|w|wks?|weeks?)\s+ago$")
_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
# A date's words: runs of letters, or of digits ("30th" is "30", "th"; "6月22日" four parts).
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_FILLERS = frozenset(("de", "d", "del", "of", "the", "r"))  # "16 de octubre", "30th of May"
_ORDINALS = frozenset(("st", "nd", "rd", "th", "er"))  # after a number: "30th", "1er"
_CJK_PARTS = {"年": "year", "년": "year", "月": "month", "월": "month", "日": "day", "일": "day"}
_RELATIVE_WORDS = frozenset(
    ("today", "yesterday", "tomorrow", "tonight", "now", "ago", "last", "next", "this", "past")
)
UNREADABLE = "isn't one Thaw can read"
RELATIVE = "is relative to the day it was written, which the file doesn't say"
NUMBERS_ONLY = "could be day-first or month-first; Thaw reads dates like 2026-11-20"

# Month names a Daylio export may use, January first: nominative, genitive ("września") and
# the usual short forms, matched without accents (`_fold`). English is `_MONTH` above.
_MONTH_NAMES: tuple[str, ...] = (
    # English, German, French, Spanish, Portuguese, Italian, Dutch, Catalan
    "january february march april may june july august september october november december",
    "januar februar marz april mai juni juli august september oktober november dezember",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "gener febrer marc abril maig juny juliol agost setembre octubre novembre desembre",
    # Polish (nominative, genitive), Czech (nominative, genitive), Slovak (genitive)
    "styczen luty marzec kwiecien maj czerwiec lipiec sierpien wrzesien pazdziernik listopad "
    "grudzien",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika listopada "
    "grudnia",
    "leden unor brezen duben kveten cerven cervenec srpen zari rijen listopad prosinec",
    "ledna unora brezna dubna kvetna cervna cervence srpna zari rijna listopadu prosince",
    "januara februara marca aprila maja juna jula augusta septembra oktobra novembra decembra",
    # Russian and Ukrainian (nominative, genitive)
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    # Swedish, Danish/Norwegian, Finnish (genitive), Turkish, Hungarian, Romanian. (Croatian is
    # left out: its "listopada" is October, Polish's November; a month is never guessed.)
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januar februar marts april maj juni juli august september oktober november december",
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesakuuta heinakuuta elokuuta "
    "syyskuuta lokakuuta marraskuuta joulukuuta",
    "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik",
    "januar februar marcius aprilis majus junius julius augusztus szeptember oktober november "
    "december",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
    "decembrie",
    # Greek (genitive)
    "ιανουαριου φεβρουαριου μαρτιου απριλιου μαιου ιουνιου ιουλιου αυγουστου σεπτεμβριου "
    "οκτωβριου νοεμβριου δεκεμβριου",
)
_SHORT: tuple[str, ...] = (
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "jan feb mrz apr mai jun jul aug sep okt nov dez",
    "janv fevr mars avr mai juin juil aout sept oct nov dec",
    "ene feb mar abr may jun jul ago sept oct nov dic",
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A wall-clock reading: the day meant, and the time of day when one was given."""

    day: date
    clock: time | None


def parse_clock_time(text: str) -> time | None:
    """ "08:30", "8:30 pm", "9:05 PM", "21:00", "21.00", "9pm", "noon", "오후 6:50" -> time, or
    None when it is not a time of day (a bare "8" is too ambiguous to guess at)."""
    stripped = text.strip().lower()
    if stripped in _NAMED_TIMES:
        return _NAMED_TIMES[stripped]
    match = _TIME_RE.match(stripped)
    if not match or (match["pre"] and match["post"]):
        return None
    mark = re.sub(r"[.\s]", "", match["pre"] or match["post"] or "")
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    second = int(match["s"] or 0)
    if not match["m"] and not mark:
        return None
    if mark:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if mark in _PM_MARKS else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def iso_day(text: str) -> date | None:
    """ "2026-11-22" (also "2024-1-5", as Pixels writes it) -> the day, or None: the fast exact
    path for the machine-written dates most files carry."""
    match = _ISO_DAY_RE.match(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _fold(word: str) -> str:
    """Lower case without accents: "Września" -> "wrzesnia" (how month names are matched)."""
    import unicodedata  # only files in other languages get here

    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_FOREIGN: dict[str, int] = {}


def _foreign_months() -> dict[str, int]:
    """Every name in `_MONTH_NAMES` and `_SHORT`, folded, built once when first needed."""
    if not _FOREIGN:
        for row in _MONTH_NAMES + _SHORT:
            for number, name in enumerate(row.split(), start=1):
                _FOREIGN.setdefault(_fold(name), number)
    return _FOREIGN


def _english_month(word: str) -> int | None:
    return _MONTH.get(word)


def _any_month(word: str) -> int | None:
    """The month a word names in any language Daylio writes: exact names first, then a prefix
    that names one month only ("wrz" -> 9), so an unknown abbreviation is never guessed at."""
    if word in _MONTH:
        return _MONTH[word]
    folded = _fold(word)
    table = _foreign_months()
    if folded in table:
        return table[folded]
    if len(folded) < 3:
        return None
    found = {number for name, number in table.items() if name.startswith(folded)}
    return found.pop() if len(found) == 1 else None


# A date as written, before a year is chosen for it: (day, month, year, weekday). A plain
# tuple, not a dataclass: making a dataclass costs `--at` a millisecond and a half at import.
_Written = tuple[int, int, int | None, int | None]


def _written_date(text: str, month_of: Callable[[str], int | None]) -> _Written | None:
    """The day, month, year and weekday a date's words give, or None when they are not one
    date: one month, one day number, at most one year and one weekday, nothing else."""
    tokens = _TOKEN_RE.findall(text)
    numbers: list[str] = []
    placed: dict[str, int] = {}  # "6月22日": the number before each CJK mark is that part
    month: int | None = None
    weekday: int | None = None
    for place, token in enumerate(tokens):
        if token.isdecimal():
            numbers.append(token)
            continue
        part = _CJK_PARTS.get(token)
        if part is not None:
            if not numbers or part in placed:
                return None
            placed[part] = int(numbers.pop())
            continue
        word = token.lower()
        if word in _ORDINALS and place and tokens[place - 1].isdecimal():
            continue
        if word in _FILLERS:
            continue
        if word in _WEEKDAY and weekday is None:
            weekday = _WEEKDAY[word]
            continue
        named = month_of(word)
        if named is None or month is not None:
            return None
        month = named
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(years) + len(days) != len(numbers) or len(years) > 1 or len(days) > 1:
        return None
    if "month" in placed:
        if month is not None:
            return None
        month = placed["month"]
    if ("day" in placed and days) or ("year" in placed and years):
        return None
    day = placed.get("day", days[0] if days else None)
    year = placed.get("year", years[0] if years else None)
    if month is None or day is None:
        return None
    return day, month, year, weekday


def read_calendar_date(text: str, year: int | None = None) -> date | str:
    """A date written in a file -> the day, or why not (a clause to follow 'the date "..."').

    ISO first ("2025-11-30", exact and fast), then DATE with its year ("30 Nov 2025",
    "Saturday, November 30, 2024", "30 listopada 2024"), or without one when `year` (the
    file's year column) gives it. A year in the text must agree with `year`. Relative days are
    refused: in a file they would mean the day of the import, not the day written.
    """
    cleaned = " ".join(text.split())
    iso = iso_day(cleaned)
    if iso is not None:
        return iso
    try:
        return date.fromisoformat(cleaned)  # the basic "20251130" too
    except ValueError:
        pass
    written = _written_date(cleaned, _any_month)
    if written is None:
        tokens = [token.lower() for token in _TOKEN_RE.findall(cleaned)]
        words = set(tokens)
        if words & _RELATIVE_WORDS or (words and words <= _WEEKDAY.keys()):
            return RELATIVE
        if len(tokens) == 3 and all(token.isdecimal() for token in tokens):
            return NUMBERS_ONLY  # "03/04/2024": 3 April, or March 4?
        return UNREADABLE
    day_number, month, written_year, weekday = written
    if written_year is not None and year is not None and written_year != year:
        return f"says {written_year}, but the file's year for it is {year}"
    chosen = written_year if written_year is not None else year
    if chosen is None:
        return "has no year, and the file gives none"
    try:
        found = date(chosen, month, day_number)
    except ValueError:
        return "isn't a day on the calendar"
    if weekday is not None and found.weekday() != weekday:
        return (
            f"says {WEEKDAYS[weekday].capitalize()}, but {found.day} "
            f"{MONTHS[found.month - 1].capitalize()} {found.year} was a "
            f"{WEEKDAYS[found.weekday()].capitalize()}"
        )
    return found


def calendar_date(text: str, year: int | None = None) -> date | None:
    """`read_calendar_date` without the reason: the day, or None."""
    found = read_calendar_date(text, year)
    return found if isinstance(found, date) else None


def _weekday(words: list[str], today: date) -> date | None:
    """ "monday" is the latest Monday, today included; "last monday" the one before today."""
    if len(words) == 2 and words[0] in ("last", "this", "past"):
        strict = words[0] == "last"
        name = words[1]
    elif len(words) == 1:
        strict = False
        name = words[0]
    else:
        return None
    if name not in _WEEKDAY:
        return None
    back = (today.weekday() - _WEEKDAY[name]) % 7
    if back == 0 and strict:
        back = 7
    return today - timedelta(days=back)


def _month_day(words: list[str], today: date) -> date | None:
    """ "nov 30", "30 november", "nov 30, 2025", "sat 30 nov"; no year: the latest one past."""
    written = _written_date(" ".join(words), _english_month)
    if written is None:
        return None
    day_number, month, year, weekday = written
    try:
        if year is not None:
            found = date(year, month, day_number)
        else:
            found = date(today.year, month, day_number)
            if found > today:
                found = date(today.year - 1, month, day_number)
    except ValueError:
        return None  # 31 Nov, or 29 Feb in a year without one
    if weekday is not None and found.weekday() != weekday:
        return None
    return found


def _day(words: list[str], today: date) -> date | None:
    if words == ["today"]:
        return today
    if words == ["yesterday"]:
        return today - timedelta(days=1)
    match = _AGO_RE.match(" ".join(words))
    if match:
        per = 7 if match["unit"].startswith("w") else 1
        return today - timedelta(days=int(match["n"]) * per)
    return _weekday(words, today) or _month_day(words, today)


def _split_time(words: list[str]) -> tuple[list[str], time | None] | None:
    """The words of the day and the time of day, with the time at either end (or absent)."""
    for size in (2, 1):  # "9 pm" is two words
        if len(words) > size:
            clock = parse_clock_time(" ".join(words[-size:]))
            if clock is not None:
                rest = words[:-size]
                if rest and rest[-1] == "at":
                    rest = rest[:-1]
                return rest, clock
            clock = parse_clock_time(" ".join(words[:size]))
            if clock is not None:
                return words[size:], clock
    return None


def parse_phrase(text: str, today: date) -> Phrase | None:
    """Read a day phrase with an optional time, or None when `text` is none of the grammar.

    Only a relative amount of days or weeks *with* a time ("3 days ago 9pm") is read here:
    "3 days ago" alone counts elapsed time, which `tui.core.when` does.
    """
    words = text.lower().split()
    if not words:
        return None
    clock = parse_clock_time(" ".join(words[1:] if words[0] == "at" else words))
    if clock is not None:
        return Phrase(today, clock)
    split = _split_time(words)
    if split is not None:
        rest, clock = split
        day = _day(rest, today) if rest else today
        return None if day is None else Phrase(day, clock)
    if _AGO_RE.match(" ".join(words)):
        return None
    day = _day(words, today)
    return None if day is None else Phrase(day, None)
