"""The camera CSV's header: which columns there are, under their English or Chinese names.

Registries exported from Chinese video platforms and spreadsheets kept by district bureaus name their
columns in Chinese, often with a unit in brackets (``经度(WGS84)``); English headers come with spaces,
underscores or capitals. All of these are matched after dropping a trailing bracketed note, spaces,
``_`` and ``-``, case-insensitively. The matching and the row checks that do not depend on what a
row means (``match_header``, ``broken_row``) serve the unit roster's CSV too. Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dispatch_desktop.video.csv_rows import Record, RowError

# Each column with the header names understood for it; the first is the one an export writes.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号", "设备编号", "点位编号", "摄像头编号"),
    "name": ("name", "名称", "点位名称", "设备名称", "摄像头名称"),
    "lat": ("lat", "latitude", "纬度"),
    "lon": ("lon", "lng", "longitude", "经度"),
    "district": ("district", "adcode", "区划", "行政区", "行政区划", "区", "所属区", "分局"),
    "station": ("station", "派出所", "所属派出所"),
    # The registry keeps no addresses; a row without a name is named by its address (what the name
    # column of such registries usually holds anyway).
    "address": ("address", "地址", "安装地址", "点位地址"),
    "stream_url": ("stream_url", "stream", "url", "视频流", "流地址", "视频流地址", "视频地址", "取流地址"),
    "heading": ("heading", "朝向", "方向角"),
    "fov": ("fov", "视角", "视场角"),
    "tags": ("tags", "标签"),
}
EXPORTED = tuple(column for column in HEADERS if column != "address")  # what write_cameras_csv writes
REQUIRED = ("id", "lat", "lon")  # and a name or an address

_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_IGNORED = re.compile(r"[\s_\-]+")


def _key(header: str) -> str:
    return _IGNORED.sub("", _NOTE.sub("", header.strip())).casefold()




@dataclass(frozen=True)
class Columns:
    """The header as read: the column of each cell, and each column's header as the file spells it
    (so that a refusal names the column the user sees in the spreadsheet)."""

    by_cell: tuple[str, ...]
    labels: dict[str, str]

    def label(self, column: str) -> str:
        return self.labels.get(column, column)


def read_header(cells: list[str]) -> tuple[Columns, list[RowError]]:
    columns, errors = match_header(cells, HEADERS, REQUIRED)
    if "name" not in columns.labels and "address" not in columns.labels:
        errors.append(RowError(1, "name", "required column is missing (an address column may stand in for it)"))
    return columns, errors


def match_header(cells: list[str], headers: dict[str, tuple[str, ...]],
                 required: tuple[str, ...]) -> tuple[Columns, list[RowError]]:
    """The columns of a header row, by ``headers`` (each column with the names understood for it), and
    what is wrong with it: an unknown or repeated column, a required one missing."""
    by_key = {_key(name): column for column, names in headers.items() for name in names}
    by_cell: list[str] = []
    labels: dict[str, str] = {}
    errors: list[RowError] = []
    for raw in cells:
        written = raw.strip()
        column = by_key.get(_key(raw), "")
        if not column:
            errors.append(RowError(1, written, f"unknown column; the columns understood are {understood(headers)}"))
        elif column in labels:
            errors.append(RowError(1, written, f"is the {column} column again (already as {labels[column]!r})"))
        else:
            labels[column] = written
        by_cell.append(column)
    errors += [RowError(1, column, "required column is missing") for column in required if column not in labels]
    return Columns(tuple(by_cell), labels), errors


def broken_row(record: Record, columns: Columns) -> RowError | None:
    """The refusal of a row that could not be split into its cells."""
    if record.unreadable:
        return RowError(record.row, "", f"{record.unreadable}; the rows after it were not read", record.line)
    if record.broken:
        cell = record.broken.cell
        column = columns.label(columns.by_cell[cell]) if cell < len(columns.by_cell) else f"(cell {cell + 1})"
        return RowError(record.row, column, record.broken.message(), record.line)
    if len(record.values) != len(columns.by_cell):
        return RowError(record.row, "", f"has {len(record.values)} fields, the header has {len(columns.by_cell)}",
                        record.line)
    return None


class DataRows:
    """The rows of a CSV body that hold data, for ``for record in DataRows(...)``: blank lines (which
    spreadsheet exports leave) skipped, rows that cannot be split refused into ``errors``; ``count`` is
    how many were not blank, refused ones included (the "N rows read" of a summary)."""

    def __init__(self, records: Iterable[Record], columns: Columns, errors: list[RowError]) -> None:
        self._records = records
        self._columns = columns
        self._errors = errors
        self.count = 0

    def __iter__(self) -> Iterator[Record]:
        for record in self._records:
            if not any(v.strip() for v in record.values) and not (record.broken or record.unreadable):
                continue
            self.count += 1
            refusal = broken_row(record, self._columns)
            if refusal is not None:
                self._errors.append(refusal)
            else:
                yield record


def understood(headers: dict[str, tuple[str, ...]] = HEADERS) -> str:
    """One line: each column with its first Chinese header, e.g. ``id (编号)``."""
    return ", ".join(f"{column} ({next(n for n in names if not n.isascii())})" for column, names in headers.items())


def header_help(headers: dict[str, tuple[str, ...]] = HEADERS) -> str:
    """The header names understood, a column a line, for ``--help``."""
    return "\n".join(f"  {column:<11}{', '.join(names[1:])}" for column, names in headers.items())
