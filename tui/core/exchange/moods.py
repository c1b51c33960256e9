"""Mood labels onto Thaw's 1-10: Daylio's built-in five, and the person's own `--map`/`--map-file`.

Daylio's five faces sit at 10, 8, 5, 3 and 1 whatever they are called; the same places serve
Pixels' five scores and a Daylio backup's five mood groups, so one history reads the same
whichever file it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.core.errors import InputError
from tui.core.exchange.base import fold, mood_label
from tui.core.records.rules import MOOD_MAX, MOOD_MIN
from tui.core.text import clean_line

#: Daylio's five faces (and Pixels' five scores, and a backup's mood groups 1-5, best first).
FIVE_FACES: tuple[int, ...] = (10, 8, 5, 3, 1)

# Daylio's own names for its five moods, best first, in the languages seen in real exports.
# A language's names count only in a file written in that language (told by its weekday
# names), so an English file's custom mood "super" is asked about, not taken as German "Super".
_DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("rad", "good", "meh", "bad", "awful"),
    "de": ("super", "gut", "ok", "schlecht", "lausig"),
    "pl": ("wspaniale", "dobrze", "tak sobie", "źle", "okropnie"),
}
_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
}
_LANGUAGE_OF_WEEKDAY = {fold(day): lang for lang, days in _WEEKDAYS.items() for day in days}


def default_moods(weekdays: Iterable[str]) -> dict[str, int]:
    """Daylio's built-in mood names for the language(s) of these weekday cells (English always)."""
    languages = {"en"} | {lang for day in weekdays if (lang := _LANGUAGE_OF_WEEKDAY.get(fold(day)))}
    return {
        mood_label(name): FIVE_FACES[place]
        for lang in sorted(languages)
        for place, name in enumerate(_DEFAULT_NAMES[lang])
    }


def english_defaults() -> str:
    """ "rad 10, good 8, meh 5, bad 3, awful 1", for sentences."""
    return ", ".join(
        f"{name} {value}" for name, value in zip(_DEFAULT_NAMES["en"], FIVE_FACES, strict=True)
    )


def _pair(pair: str, where: str) -> tuple[str, int]:
    label, sep, number = pair.rpartition("=")
    label = mood_label(label)
    if not sep or not label:
        raise InputError(f'{where} needs LABEL=N, like "super good=9"; got "{clean_line(pair)}".')
    try:
        value = int(number.strip())
    except ValueError:
        value = 0
    if not MOOD_MIN <= value <= MOOD_MAX:
        raise InputError(
            f'{where} "{clean_line(pair)}": the number should be a whole number from 1 to 10.'
        )
    return label, value


def parse_mood_map(pairs: Sequence[str]) -> dict[str, int]:
    """["super=9", "Tired = 4"] -> {"super": 9, "tired": 4}; InputError naming a bad pair."""
    return dict(_pair(pair, "--map") for pair in pairs)


def parse_map_file(text: str, name: str) -> dict[str, int]:
    """A --map-file: one LABEL=N a line; blank lines and lines starting with # are skipped."""
    out: dict[str, int] = {}
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label, value = _pair(line, f"Line {number} of {name}")
        out[label] = value
    return out


def map_file_text(mapping: dict[str, int]) -> str:
    """A --map-file holding `mapping`, one LABEL=N a line (what `parse_map_file` reads)."""
    return "".join(f"{label}={value}\n" for label, value in mapping.items())


def unknown_moods_sentence(unknown: dict[str, int], what: str) -> str:
    """One sentence naming each unplaced label once, and how to place them.

    `unknown` maps each label (as written in the file) to how many rows use it.
    """
    names = ", ".join(f'"{label}"' for label in unknown)
    example = " ".join(f'--map "{label}=N"' for label in list(unknown)[:2])
    many = len(unknown) > 1
    return (
        f"{what[0].upper()}{what[1:]} uses {'moods' if many else 'a mood'} Thaw doesn't know "
        f"yet ({names}), so nothing was imported: say where "
        f"{'each one sits' if many else 'it sits'} from 1 (worst) to 10 (best) with {example}, "
        f"or one LABEL=N a line in a file given with --map-file FILE "
        f"(Daylio's own five are read as {english_defaults()})."
    )
