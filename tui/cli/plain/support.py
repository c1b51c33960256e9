"""Support lines as plain lines: for plain mode's last line and for `thaw support`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tui.core.content import COUNTRY_CODES, guess_country

if TYPE_CHECKING:
    from tui.core.content import Content

# The support screen's "none of these" setting (tui.screens.support.SOMEWHERE_ELSE); repeated
# here because that module is a Textual screen, which plain mode must not load.
SOMEWHERE_ELSE = "ZZ"


def support_lines(content: Content, setting: str) -> list[str]:
    """The numbers first: the person's country's lines and emergency number, or the directory."""
    resources = content.resources
    known = [c.code for c in resources.countries] or list(COUNTRY_CODES)
    code = ""
    if setting != SOMEWHERE_ELSE:
        code = setting.upper() if setting.upper() in known else guess_country(os.environ, known)
    country = content.country(code) if code else None
    if country is None:
        return [
            resources.international,
            "In danger right now? Call your local emergency number "
            "(112 in much of the world, 911 in North America).",
        ]
    lines = [f"Support lines in {country.name}:"]
    lines += [f"  {line.number}: {line.name}, {line.how}" for line in country.lines]
    lines.append(f"  {country.emergency}: emergency services")
    if resources.emergency_intro:
        lines.append(resources.emergency_intro)
    return lines
