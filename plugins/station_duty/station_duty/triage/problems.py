"""A problem with a file the triage reads (the rules, labelled calls), as the operator reads it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file (rules or labelled calls), as the operator reads it."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}, {self.field}: {self.message}"


class RulesError(Exception):
    """The rules file (or a labelled calls file it names) cannot be used; ``problems`` lists everything wrong
    (not just the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
