"""The suite's shared CSS parse (tests/conftest.py): the rules parsed before for the same CSS
and theme variables, parsed again with their own values for other variables."""

from __future__ import annotations

from textual.color import Color
from textual.css.stylesheet import Stylesheet

CSS = "Label { color: $accent; }"


def test_the_same_css_and_variables_give_the_rules_parsed_before() -> None:
    first, second = Stylesheet(variables={"accent": "red"}), Stylesheet(variables={"accent": "red"})
    assert first._parse_rules(CSS, ("t", "a")) is second._parse_rules(CSS, ("t", "a"))


def test_other_variables_are_parsed_again_with_their_own_values() -> None:
    red = Stylesheet(variables={"accent": "red"})._parse_rules(CSS, ("t", "b"))
    blue = Stylesheet(variables={"accent": "blue"})._parse_rules(CSS, ("t", "b"))
    assert red is not blue
    assert (red[0].styles.color, blue[0].styles.color) == (Color(255, 0, 0), Color(0, 0, 255))
