"""Read content/resources.toml, and find a country by what was typed or by the locale or zone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from tui.core.content.table import Table, unique

if TYPE_CHECKING:
    from tui.core.content_types import Country, Resources

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_resources(root: Table) -> Resources:
    """Countries with their lines; every number names the public source it was checked against
    and the date, so a stale or unchecked number cannot slip in."""
    from tui.core.content_types import Country, HelpLine, Resources

    root.only("intro", "emergency_intro", "international", "anywhere", "not_medical", "countries")
    tables = root.tables("countries")
    countries: list[Country] = []
    for t in tables:
        t.only(
            "code",
            "name",
            "aliases",
            "zones",
            "emergency",
            "emergency_source",
            "lines",
            "find_therapist",
        )
        code = t.text("code")
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise t.error("code", f"should be two capital letters, not {code!r}")
        lines: list[HelpLine] = []
        for line in t.tables("lines"):
            line.only("name", "number", "how", "source", "checked", "region")
            checked = line.text("checked")
            if not _DATE.fullmatch(checked):
                raise line.error("checked", f"should be a date like 2026-12-01, not {checked!r}")
            lines.append(
                HelpLine(
                    name=line.text("name"),
                    number=line.text("number"),
                    how=line.text("how"),
                    source=line.text("source"),
                    checked=checked,
                    region=line.text("region", default=""),
                )
            )
        countries.append(
            Country(
                code=code,
                name=t.text("name"),
                emergency=t.text("emergency"),
                lines=tuple(lines),
                find_therapist=t.text("find_therapist"),
                aliases=t.texts("aliases", required=False),
                zones=t.texts("zones", required=False),
                emergency_source=t.text("emergency_source"),
            )
        )
    unique(tables, countries, lambda c: c.code, "code")
    return Resources(
        intro=root.text("intro"),
        countries=tuple(countries),
        international=root.text("international"),
        not_medical=root.text("not_medical"),
        emergency_intro=root.text("emergency_intro", default=""),
        anywhere=root.text("anywhere", default=""),
    )


def guess_country(
    environ: Mapping[str, str],
    known: Iterable[str],
    zones: Mapping[str, str] | None = None,
    zone: str = "",
) -> str:
    """Guess a country code from the locale ("en_GB.UTF-8" -> "GB"), else from the time zone.

    `zones` maps IANA zone names to codes; `zone` is the machine's zone (the caller finds it).
    Returns "" when neither names a country we list. Pure: the caller passes os.environ.
    """
    allowed = {code.upper() for code in known}
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if not value:
            continue
        # The first variable that is set wins, as in the C library.
        locale = value.split(".", 1)[0].split("@", 1)[0]
        _, _, territory = locale.partition("_")
        code = territory.upper()
        if len(code) == 2 and code in allowed:
            return code
        break
    found = (zones or {}).get(zone.strip(), "")
    return found if found in allowed else ""


def _folded(text: str) -> str:
    """Lower case without accents, so "espana" finds "España" and "mexico" finds "México"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def match_countries(countries: Sequence[Country], typed: str) -> list[Country]:
    """Countries whose name, code or other names fit what was typed: starts first, then contains.

    An empty search lists every country, in file order.
    """
    wanted = _folded(typed)
    if not wanted:
        return list(countries)
    starts: list[Country] = []
    contains: list[Country] = []
    for country in countries:
        names = [_folded(n) for n in (country.name, *country.aliases)]
        if wanted == country.code.casefold() or any(n.startswith(wanted) for n in names):
            starts.append(country)
        elif any(wanted in n for n in names):
            contains.append(country)
    return starts + contains


def zone_countries(countries: Sequence[Country]) -> dict[str, str]:
    """IANA zone name -> country code, from the zones each country lists."""
    return {zone: c.code for c in countries for zone in c.zones}


#: Country setting for "none of these": the international directory, never a guess.
SOMEWHERE_ELSE = "ZZ"


def machine_zone(environ: Mapping[str, str]) -> str:
    """The IANA name of this machine's zone, from $TZ or the /etc/localtime link ("" if unknown)."""
    from pathlib import Path

    name = environ.get("TZ", "").lstrip(":").strip()
    if name:
        return name
    try:
        target = str(Path("/etc/localtime").readlink())
    except OSError:
        return ""
    _, sep, found = target.partition("zoneinfo/")
    return found if sep else ""


def chosen_country(setting: str, environ: Mapping[str, str], countries: Sequence[Country]) -> str:
    """The country to show: the saved choice, else a guess (locale, then zone), else "".

    "" means "show the international directory"; SOMEWHERE_ELSE was chosen on purpose.
    """
    known = [c.code for c in countries]
    if setting == SOMEWHERE_ELSE:
        return ""
    if setting and setting.upper() in known:
        return setting.upper()
    return guess_country(environ, known, zone_countries(countries), machine_zone(environ))
