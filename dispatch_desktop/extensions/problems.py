"""What is wrong with a plugin, as its author or the operator reads it: one sentence per problem, naming
the file, the field (a dotted path such as ``panels[1].area``) and the value found."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem. ``source`` is the file (or the entry point) it was found in, ``field`` the dotted path
    ("" for the file as a whole), ``message`` the whole sentence, field and value included."""

    source: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class ManifestError(Exception):
    """A manifest that cannot be used; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in problems))


def shown(value: object) -> str:
    """A value as the author wrote it in TOML: strings in double quotes, lists in brackets."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | list | int | float):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    return repr(value)


class Problems:
    """Collects the problems of one file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        self.found.append(Problem(self.source, field, message))

    def bad_value(self, field: str, value: object, why: str) -> None:
        """``<field> is <value>; <why>.``"""
        self.add(field, f"{field} is {shown(value)}; {why}.")

    def raise_if_any(self) -> None:
        if self.found:
            raise ManifestError(self.found)
