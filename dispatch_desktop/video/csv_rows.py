"""A camera CSV as rows: decoded as Excel saves it, numbered as a spreadsheet numbers them, and broken
quoting named as such.

Excel in China saves "CSV" as GB18030 and "CSV UTF-8" as UTF-8 with a byte-order mark; both are read.
Rows are numbered as a spreadsheet shows them (the header is row 1). A cell that spans lines is always
an error in a camera file, and almost always the symptom of a missing closing quote: Python's csv
module then either swallows the rest of the file into one cell without complaint, or stops with
"field larger than field limit" or "unexpected end of data", far from the cause. So every such row is
traced back to the line and cell where the quote opened. Qt-free.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 200_000_000  # a 559,000-camera city is ~80 MB of CSV


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str  # as the file's header spells it; "" when the whole row (or the header) is at fault
    message: str
    line: int = 0  # the file's line where the row starts, given when a multi-line cell made them differ

    def __str__(self) -> str:
        where = f"row {self.row}" if self.line in (0, self.row) else f"row {self.row} (line {self.line})"
        return f"{where}, column {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass(frozen=True)
class BrokenQuote:
    """A quoted cell that runs over more than one line."""

    cell: int  # 0-based position of the cell in its row
    opened: int  # file line of the opening quote
    closed: int | None  # file line of the closing quote; None if there is none before `last`
    last: int  # last file line read into the row
    stopped: str = ""  # the csv module's complaint when it gave up reading (then the rest was not read)

    def message(self) -> str:
        after = f"; the reader then gave up ({self.stopped}): the rows after it were not read" if self.stopped else ""
        if self.closed is not None:
            return (f'unclosed quote? the quote (") that opens this cell is closed only on line {self.closed}, '
                    f"so lines {self.opened}–{self.closed} became one cell; add the missing closing quote (a cell "
                    f"may not hold a line break){after}")
        if self.stopped:
            return (f'unclosed quote: the quote (") that opens this cell is still open on line {self.last}, '
                    f"where the reader gave up ({self.stopped}); add the closing quote. The rows after it were "
                    "not read")
        return (f'unclosed quote: the quote (") that opens this cell is never closed, so lines {self.opened}–'
                f"{self.last} (the rest of the file) were read as this one cell; add the closing quote")


@dataclass(frozen=True)
class Record:
    row: int
    line: int  # file line where the row starts
    values: list[str]
    broken: BrokenQuote | None = None  # set: the values are not to be trusted
    unreadable: str = ""  # set: the csv module gave up here for another reason; nothing follows


def read_text(path: Path) -> str:
    """The file as text: UTF-8 (BOM or not) first, GB18030 as the fallback for Chinese Excel."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ValueError(f"{path} is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError(f"{path} is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" or \"CSV\"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as not_utf8:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as not_gb:
            raise ValueError(
                f"{path} is neither UTF-8 (line {_line_at(data, not_utf8.start)} is not) nor GB18030 "
                f"(line {_line_at(data, not_gb.start)} is not); save it from Excel as \"CSV UTF-8\""
            ) from None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


class _Lines:
    """The text's lines, remembering those that went into the row being read (csv reads no further
    ahead than the row it returns), so that a broken row can be looked at as written."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line


def read_records(text: str) -> Iterator[Record]:
    """Every row of the text, the header first, blank rows included (they keep the numbering)."""
    lines = _Lines(text)
    reader = csv.reader(lines)
    row = 0
    while True:
        row += 1
        line = reader.line_num + 1
        lines.taken = []
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            broken = _spanning_quote(lines.taken, line, stopped=str(error))
            yield Record(row, line, [], broken, "" if broken else f"unreadable CSV: {error}")
            return  # the csv module cannot find its place again after this
        joined = "".join(values)  # one scan of the row instead of two per cell
        if "\n" in joined or "\r" in joined:
            yield Record(row, line, values, _spanning_quote(lines.taken, line))
        else:
            yield Record(row, line, values)


def _spanning_quote(raw: Sequence[str], first_line: int, *, stopped: str = "") -> BrokenQuote | None:
    """Find the quoted cell that spans lines in a row's raw lines, following the csv module's own
    (non-strict) reading: a quote opens a cell only at its start, "" inside quotes is a quote, and
    after the closing quote the cell goes on unquoted."""
    cell, at_start, quoted, opened = 0, True, False, 0
    for number, text in enumerate(raw, start=first_line):
        k = 0
        while k < len(text):
            char = text[k]
            if quoted:
                if char == '"':
                    if text.startswith('"', k + 1):
                        k += 1
                    else:
                        quoted = False
                        if number != opened:
                            return BrokenQuote(cell, opened, number, first_line + len(raw) - 1, stopped)
            elif char == '"' and at_start:
                quoted, opened = True, number
            elif char == ",":
                cell += 1
                at_start = True
                k += 1
                continue
            elif char in "\r\n":
                return None  # the row ended before any cell spanned lines
            at_start = False
            k += 1
    return BrokenQuote(cell, opened, None, first_line + len(raw) - 1, stopped) if quoted else None
