"""User text can never drive the terminal: escapes, controls and bidi overrides are removed."""

from __future__ import annotations

from tui.core.text import clean_line, clean_text


def test_plain_text_and_newlines_and_tabs_survive() -> None:
    assert clean_text("a calm day\n\tthen tired") == "a calm day\n\tthen tired"


def test_windows_and_old_mac_newlines_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_whole_escape_sequences_are_removed_not_just_the_escape_byte() -> None:
    assert clean_text("\x1b[31mred\x1b[0m and \x1b]0;title\x07done") == "red and done"


def test_c0_c1_and_delete_characters_are_removed() -> None:
    assert clean_text("bell\x07 back\x08 del\x7f c1\x9b") == "bell back del c1"


def test_bidi_overrides_and_isolates_are_removed() -> None:
    assert clean_text("abc\u202edcba\u2066x\u2069") == "abcdcbax"


def test_markup_like_text_is_left_as_text() -> None:
    # Markup is neutralised at display time (markup off), not by mangling what was written.
    assert clean_text("[bold]hi[/] [@click=app.quit]") == "[bold]hi[/] [@click=app.quit]"


def test_clean_line_folds_whitespace_for_one_line_fields() -> None:
    assert clean_line("  work \n stress\t ") == "work stress"
