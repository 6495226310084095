"""Finds the line of a key in a TOML text, so that a rules problem names the line an editor jumps to.

tomllib gives values without positions; the rules file is simple enough (tables, arrays of tables, one
key per line, arrays spread over lines) that a scan of its headers and keys finds them.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


class Locator:
    def __init__(self, text: str, array_tables: tuple[str, ...]) -> None:
        self.lines = text.splitlines()
        self.array_tables = array_tables
        # (header name, is array, line number) of every table header, in order
        self.headers: list[tuple[str, bool, int]] = []
        for number, line in enumerate(self.lines, 1):
            match = _HEADER.match(line)
            if match and not _KEY.match(line):
                self.headers.append((match.group(2), match.group(1) == "[[", number))

    def line_of(self, path: tuple[str | int, ...], item: str | None = None) -> int | None:
        """The 1-based line of ``path`` (e.g. ``("departments", 3, "strong")``), of ``item`` in it if given."""
        table, rest = self._table(path)
        first, last = self._span(table, rest)
        if first is None:
            return None
        if rest and isinstance(rest[0], int):
            rest = rest[1:]
        if not rest:
            return first if table else None
        key = str(rest[0])
        for number in range(first, last + 1):
            match = _KEY.match(self.lines[number - 1])
            if match and match.group(1).strip('"') == key:
                return self._item_line(number, last, item) if item else number
        return first if table else None

    def _table(self, path: tuple[str | int, ...]) -> tuple[str, tuple[str | int, ...]]:
        head = str(path[0])
        if head in self.array_tables:
            return head, path[1:]
        if len(path) > 1 and isinstance(path[1], str) and f"{head}.{path[1]}" in self.array_tables:
            return f"{head}.{path[1]}", path[2:]
        if len(path) == 1 and not any(name == head for name, _, _ in self.headers):
            return "", path  # a key of the file's top level
        return head, path[1:]

    def _span(self, table: str, rest: tuple[str | int, ...]) -> tuple[int | None, int]:
        """The first and last line of the table (or of the N-th table of an array of tables)."""
        if not table:
            end = self.headers[0][2] - 1 if self.headers else len(self.lines)
            return 1, end
        wanted = rest[0] if rest and isinstance(rest[0], int) else 0
        seen = -1
        for position, (name, _is_array, number) in enumerate(self.headers):
            if name == table:
                seen += 1
                if seen == wanted:
                    end = self.headers[position + 1][2] - 1 if position + 1 < len(self.headers) else len(self.lines)
                    return number, end
        return None, 0

    def _item_line(self, start: int, last: int, item: str) -> int:
        quoted = f'"{item}"'
        for number in range(start, last + 1):
            if number > start and _KEY.match(self.lines[number - 1]):
                break
            if quoted in self.lines[number - 1]:
                return number
        return start
