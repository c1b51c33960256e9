"""Daylio's dates and times as the phone's language wrote them: "7 września", "16 de octubre",
"June 22", "25. September", "6月22日"; "3:26 AM", "10:00 pm", "18:52", "오후 6:50".

Only the old export layout needs the month names (its `date` column beside a `year`); every
newer layout has an ISO `full_date`, which is always preferred.
"""

from __future__ import annotations

import re
from datetime import date, time

from tui.core.exchange.base import fold

# Month names a Daylio export may use, January first: nominative, genitive ("września") and
# the usual short forms. Matched after `fold` (lower case, no accents, no trailing dot).
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


def _table() -> dict[str, int]:
    out: dict[str, int] = {"sept": 9, "mar": 3}
    for row in _MONTH_NAMES + _SHORT:
        for number, name in enumerate(row.split(), start=1):
            out.setdefault(fold(name), number)
    return out


MONTHS = _table()
# "6月22日" (Japanese, Chinese) and "6월 22일" (Korean): the number before 月/월 is the month.
_CJK_MONTH = re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})")
_WORD = re.compile(r"[^\W\d_]+|\d+")


def month_of(word: str) -> int | None:
    """The month a (folded) word names, or None: exact names first, then a prefix that names
    one month only ("wrz" -> 9), so an unknown abbreviation is never guessed at."""
    if word in MONTHS:
        return MONTHS[word]
    if len(word) < 3:
        return None
    found = {number for name, number in MONTHS.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def old_layout_date(year_cell: str, day_cell: str) -> date | None:
    """The old layout's `year` and `date` cells ("2017", "7 września") -> the day, or None."""
    try:
        year = int(year_cell.strip())
    except ValueError:
        return None
    cjk = _CJK_MONTH.search(day_cell)
    if cjk:
        month, day = int(cjk[1]), int(cjk[2])
    else:
        words = [fold(w) for w in _WORD.findall(day_cell)]
        numbers = [int(w) for w in words if w.isdigit()]
        months = [m for w in words if not w.isdigit() and (m := month_of(w)) is not None]
        if len(numbers) != 1 or len(months) != 1:
            return None
        month, day = months[0], numbers[0]
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def iso_date(cell: str) -> date | None:
    """ "2026-11-22" (also "2024-1-5", as some tools write it) -> the day, or None."""
    match = _ISO_DAY.match(cell)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


_CLOCK = re.compile(r"(\d{1,2})\s*[:.h]\s*(\d{2})")
_PM = re.compile(r"\bp\.?\s?m\b\.?|午後|下午|오후", re.IGNORECASE)
_AM = re.compile(r"\ba\.?\s?m\b\.?|午前|上午|오전", re.IGNORECASE)
_LEFTOVER = re.compile(r"[\s.]+")


def clock_time(cell: str) -> time | None:
    """A Daylio time cell -> the time of day, or None when it is not one.

    12- and 24-hour forms in any case, with the marker before or after ("오후 6:50"). Anything
    else left in the cell makes it unreadable rather than guessed at.
    """
    text = cell.strip()
    match = _CLOCK.search(text)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    rest = text[: match.start()] + " " + text[match.end() :]
    pm, am = _PM.search(rest), _AM.search(rest)
    marker = pm or am
    if marker is not None:
        rest = rest[: marker.start()] + rest[marker.end() :]
    if _LEFTOVER.sub("", rest):
        return None
    if marker is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
