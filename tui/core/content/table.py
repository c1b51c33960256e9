"""One validated TOML table: typed getters whose errors name the file and the key path."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar, cast


class ContentError(Exception):
    """A content file is missing or malformed; the message names the file and key."""


_TYPE_WORDS: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}

T = TypeVar("T")


def describe(value: object) -> str:
    """Name a TOML value's type in plain words, for error messages."""
    for kind, word in _TYPE_WORDS.items():
        if type(value) is kind:
            return word
    return type(value).__name__


class Table:
    """One TOML table plus where it sits (file and key path), so errors can say exactly where."""

    def __init__(self, file: str, path: str, data: Mapping[str, object]) -> None:
        self.file = file
        self.path = path
        self.data = data

    def where(self, key: str) -> str:
        """The dotted key path of `key` in this table, e.g. "emotions[12].meaning"."""
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str, problem: str) -> ContentError:
        """A ContentError naming the file and key path."""
        return ContentError(f"{self.file}: {self.where(key)} {problem}")

    def only(self, *allowed: str) -> None:
        """Refuse keys we do not know, so a typo in an optional key is not silently ignored."""
        for key in self.data:
            if key not in allowed:
                raise self.error(key, "is not a key this file uses (a typo?)")

    def _get(self, key: str, kind: type | tuple[type, ...], word: str) -> object:
        if key not in self.data:
            raise self.error(key, "is missing")
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            raise self.error(key, f"should be {word}, not {describe(value)}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A non-empty string (surrounding whitespace trimmed)."""
        if default is not None and key not in self.data:
            return default
        value = cast(str, self._get(key, str, "text")).strip()
        if not value:
            raise self.error(key, "is empty")
        return value

    def integer(self, key: str, default: int | None = None, minimum: int = 0) -> int:
        """A whole number at least `minimum`."""
        if default is not None and key not in self.data:
            return default
        value = cast(int, self._get(key, int, "a whole number"))
        if value < minimum:
            raise self.error(key, f"should be at least {minimum}, not {value}")
        return value

    def number(self, key: str, minimum: float = 0.0, maximum: float = 1e9) -> float:
        """An int or float within [minimum, maximum]."""
        value = float(cast(float, self._get(key, (int, float), "a number")))
        if not minimum <= value <= maximum:
            raise self.error(key, f"should be between {minimum:g} and {maximum:g}, not {value:g}")
        return value

    def choice(self, key: str, options: Iterable[str]) -> str:
        """One of a fixed set of words."""
        allowed = tuple(options)
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"should be one of {', '.join(allowed)}, not {value!r}")
        return value

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty strings."""
        if not required and key not in self.data:
            return ()
        items = cast(list[object], self._get(key, list, "a list"))
        result: list[str] = []
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise self.error(f"{key}[{index}]", f"should be text, not {describe(item)}")
            if not item.strip():
                raise self.error(f"{key}[{index}]", "is empty")
            result.append(item.strip())
        if required and not result:
            raise self.error(key, "is empty")
        return tuple(result)

    def integers(self, key: str) -> tuple[int, ...]:
        """A non-empty list of positive whole numbers."""
        items = cast(list[object], self._get(key, list, "a list"))
        result: list[int] = []
        for index, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, int):
                problem = f"should be a whole number, not {describe(item)}"
                raise self.error(f"{key}[{index}]", problem)
            if item < 1:
                raise self.error(f"{key}[{index}]", f"should be at least 1, not {item}")
            result.append(item)
        if not result:
            raise self.error(key, "is empty")
        return tuple(result)

    def tables(self, key: str) -> list[Table]:
        """A non-empty array of tables ([[key]] in TOML)."""
        items = cast(list[object], self._get(key, list, "a list of tables"))
        if not items:
            raise self.error(key, "is empty")
        result: list[Table] = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.error(f"{key}[{index}]", f"should be a table, not {describe(item)}")
            result.append(Table(self.file, self.where(f"{key}[{index}]"), item))
        return result


def unique(tables: list[Table], items: list[T], ident: Callable[[T], str], key: str) -> None:
    """Refuse a repeated id, naming the second table that uses it."""
    seen: set[str] = set()
    for table, item in zip(tables, items, strict=True):
        value = ident(item)
        if value in seen:
            raise table.error(key, f"{value!r} is used twice")
        seen.add(value)
