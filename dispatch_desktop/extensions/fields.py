"""Reading the fields of one TOML table of a manifest, recording each problem instead of stopping at the
first, so that an author fixes a manifest in one pass."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence

from dispatch_desktop.extensions.problems import Problems

Rule = Callable[[str], str | None]
"""Why a text is not acceptable (a clause), or None."""


def pattern_rule(pattern: re.Pattern[str], description: str) -> Rule:
    def rule(text: str) -> str | None:
        return None if pattern.match(text) else description

    return rule


def choice_rule(choices: Sequence[str]) -> Rule:
    def rule(text: str) -> str | None:
        return None if text in choices else f"it must be one of {', '.join(choices)}"

    return rule


class Table:
    """One table (``[plugin]`` or one ``[[panels]]`` entry) at dotted path ``where``; reports the keys
    it does not know when created (with the closest known one as a hint)."""

    def __init__(self, data: Mapping[str, object], where: str, what: str, known: Sequence[str],
                 problems: Problems) -> None:
        self.data = data
        self.where = where
        self.problems = problems
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                problems.add(self.path(key), f"{self.path(key)} is not a field of {what}{hint}; "
                                             f"the fields are {', '.join(known)}.")

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, *, required: bool = False, rule: Rule | None = None, example: str = "") -> str:
        """The string at ``key`` ("" when absent or bad, after recording why)."""
        value = self.data.get(key)
        if value is None:
            if required:
                hint = f", e.g. {key} = {example}" if example else ""
                self.problems.add(self.path(key), f"{self.path(key)} is missing; it is required{hint}.")
            return ""
        if not isinstance(value, str):
            self.problems.bad_value(self.path(key), value, "it must be a string")
            return ""
        if not value.strip() and required:
            self.problems.bad_value(self.path(key), value, "it must not be empty")
            return ""
        if rule is not None and (why := rule(value)) is not None:
            self.problems.bad_value(self.path(key), value, why)
            return ""
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problems.bad_value(self.path(key), value, "it must be true or false")
            return default
        return value

    def number(self, key: str, default: int, low: int, high: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.bad_value(self.path(key), value, "it must be a whole number")
            return default
        if not low <= value <= high:
            self.problems.bad_value(self.path(key), value, f"it must be between {low} and {high}")
            return default
        return value

    def texts(self, key: str, default: tuple[str, ...], rule: Rule) -> tuple[str, ...]:
        """A list of strings, each checked by ``rule``; ``default`` when absent."""
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, list) or not value:
            self.problems.bad_value(self.path(key), value,
                                    "it must be a non-empty list of strings (leave it out for the default)")
            return default
        good: list[str] = []
        for index, item in enumerate(value):
            where = f"{self.path(key)}[{index}]"
            if not isinstance(item, str):
                self.problems.bad_value(where, item, "it must be a string")
            elif (why := rule(item)) is not None:
                self.problems.bad_value(where, item, why)
            elif item in good:
                self.problems.bad_value(where, item, "it is listed twice")
            else:
                good.append(item)
        return tuple(good)


def tables(data: Mapping[str, object], key: str, problems: Problems) -> list[Mapping[str, object]]:
    """The entries of an array of tables (``[[panels]]``); [] when absent or not one."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.add(key, f"{key} must be a list of tables, each written [[{key}]] followed by its fields.")
        return []
    return value
