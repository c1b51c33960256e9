"""The feelings filter, on its own in a small host app: typing finds a feeling by its name, by
words in its meaning, or by the name of its family."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.conftest import shared_content
from tests.ui.helpers import wait_for
from tui.widgets.emotion_picker import EmotionList, EmotionPicker, matches

SIZE = (80, 24)


class PickerHost(App[None]):
    """Only the picker, over the shipped feelings: nothing else to build or wait for."""

    def compose(self) -> ComposeResult:
        content = shared_content()
        yield EmotionPicker(content.families, content.emotions, id="picker")


def listed(app: App[None]) -> list[str]:
    """Ids of the feelings the list shows now (family headings left out)."""
    options = app.query_one(EmotionList).options
    return [o.id for o in options if o.id and not o.id.startswith("family:")]


async def filtered(app: App[None], pilot: object, text: str) -> list[str]:
    """Type `text` into the filter (as one burst of keys) and read the list."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: app.query_one("#emotion-filter").value == text)  # type: ignore[arg-type, attr-defined]
    return listed(app)


async def test_typing_a_name_finds_that_feeling() -> None:
    app = PickerHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        everything = listed(app)
        assert "numb" in everything and "detached" in everything
        found = await filtered(app, pilot, "detached")
        assert found == ["detached"]


async def test_words_from_a_meaning_find_the_feeling_they_describe() -> None:
    """ "behind glass" is only in the meaning of "detached", not in any name."""
    content = shared_content()
    assert not any("behind glass" in e.name.lower() for e in content.emotions)
    app = PickerHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found = await filtered(app, pilot, "behind glass")
    assert found == ["detached"]


async def test_a_family_name_finds_every_feeling_in_that_family() -> None:
    """ "tangled" is in the family "Mixed and tangled", in no feeling's own words."""
    content = shared_content()
    family = next(f for f in content.families if "tangled" in f.name.lower())
    members = [e.id for e in content.emotions if e.family == family.id]
    assert members
    assert not any(
        "tangled" in f"{e.name} {e.id} {e.meaning}".lower()
        for e in content.emotions
        if e.family == family.id
    )
    app = PickerHost()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found = await filtered(app, pilot, "tangled")
    assert sorted(found) == sorted(members)


def test_matches_looks_in_the_name_id_meaning_and_family() -> None:
    content = shared_content()
    detached = next(e for e in content.emotions if e.id == "detached")
    numb_family = next(f for f in content.families if f.id == detached.family)
    assert matches(detached, numb_family, "DETACHED")
    assert matches(detached, numb_family, "behind glass")
    assert matches(detached, numb_family, "far away")  # "Numb and far away"
    assert not matches(detached, None, "far away")
    assert not matches(detached, numb_family, "sunshine")
    assert matches(detached, numb_family, "   ")


class PickerThenNote(App[None]):
    """The picker with a field after it, as the check-in has its note."""

    def compose(self) -> ComposeResult:
        content = shared_content()
        yield EmotionPicker(content.families, content.emotions, id="picker")
        yield Input(id="after")


async def test_with_nothing_found_tab_goes_on_past_the_empty_list() -> None:
    app = PickerThenNote()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#emotion-filter").focus()
        assert await filtered(app, pilot, "zzqx") == []
        await pilot.press("tab", *"words")
        await wait_for(pilot, lambda: app.query_one("#after", Input).value == "words")
        assert app.query_one("#emotion-filter", Input).value == "zzqx"
        # Found again, the list is a stop once more: Tab from the filter lands in it.
        app.query_one("#emotion-filter", Input).value = ""
        app.query_one("#emotion-filter").focus()
        await pilot.press(*"numb", "tab")
        await wait_for(pilot, lambda: isinstance(app.focused, EmotionList))


async def test_tab_from_a_feeling_named_in_full_picks_it() -> None:
    """Typing "nothing" then Tab keeps that answer, as Enter would, before moving on."""
    app = PickerThenNote()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#emotion-filter").focus()
        await filtered(app, pilot, "nothing")
        await pilot.press("tab")
        picker = app.query_one(EmotionPicker)
        await wait_for(pilot, lambda: picker.picked == ("nothing",))
        assert app.query_one("#emotion-filter", Input).value == ""
        assert not app.query_one("#emotion-filter", Input).has_focus  # Tab still moved on
        app.query_one("#emotion-filter").focus()
        await pilot.press(*"noth", "tab")  # a part of a name is a search: nothing picked
        await pilot.pause()
        assert picker.picked == ("nothing",)
        assert app.query_one("#emotion-filter", Input).value == "noth"
