"""The camera registry's CSV import: every row checked, good rows taken, bad rows reported precisely.

A file is read whole and checked before anything is stored, so an import never leaves half a file
behind: the caller gets the good cameras and a list of ``RowError`` (spreadsheet row number, column,
what is wrong) and writes the good ones in one go. Importing again updates cameras by id.

Columns (header names in English or Chinese, any order, case-insensitive)::

    id, name, lat, lon, district, station, stream_url, heading, fov, tags

``id``, ``name``, ``lat`` and ``lon`` are required. ``stream_url`` is an RTSP or HTTP(-MJPEG) URL,
``file://`` URL or path, or a device number; empty means "not configured yet". ``heading`` (degrees
clockwise from north) and ``fov`` (degrees) are empty for a dome. ``tags`` are separated by ``;``.
Files may be UTF-8 (with or without BOM, as Excel writes it) or GB18030 (older Chinese Excel).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.video.address import StreamAddress

COLUMNS = ("id", "name", "lat", "lon", "district", "station", "stream_url", "heading", "fov", "tags")
REQUIRED = frozenset({"id", "name", "lat", "lon"})
ALIASES = {
    "编号": "id", "名称": "name", "纬度": "lat", "经度": "lon", "区": "district", "分局": "district",
    "派出所": "station", "视频流地址": "stream_url", "视频地址": "stream_url", "朝向": "heading",
    "视角": "fov", "标签": "tags", "latitude": "lat", "longitude": "lon", "lng": "lon", "url": "stream_url",
    "stream": "stream_url",
}
TAG_SEPARATOR = ";"
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")  # the domain's Id
_MAX_TEXT = 200
MAX_BYTES = 200_000_000  # a 559,000-camera city is ~80 MB of CSV


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str  # "" when the whole row (or the header) is at fault
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class CsvImport:
    cameras: tuple[Camera, ...]  # the good rows, in file order
    errors: tuple[RowError, ...]
    rows: int  # data rows read (good and bad)

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


def read_text(path: Path) -> str:
    """The file as text, UTF-8 (BOM or not) first, GB18030 as the fallback for older Chinese Excel."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ValueError(f"{path} is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError(f"{path} is neither UTF-8 nor GB18030 text") from None


def parse_cameras_csv(source: Path | str | TextIO) -> CsvImport:
    """Check every row of a camera CSV (a path, or an open text stream, or the text itself)."""
    if isinstance(source, Path):
        text: TextIO = io.StringIO(read_text(source))
    elif isinstance(source, str):
        text = io.StringIO(source)
    else:
        text = source
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        return CsvImport((), (RowError(1, "", "the file is empty: expected a header row"),), 0)
    except csv.Error as error:
        return CsvImport((), (RowError(1, "", f"unreadable CSV: {error}"),), 0)
    columns, header_errors = _read_header(header)
    if header_errors:
        return CsvImport((), tuple(header_errors), 0)
    cameras: list[Camera] = []
    errors: list[RowError] = []
    first_row_of: dict[str, int] = {}
    rows = 0
    for row_number, values in _records(reader, errors):
        if not any(v.strip() for v in values):
            continue  # a blank line in a spreadsheet export is not a camera
        rows += 1
        row_errors: list[RowError] = []
        if len(values) != len(columns):
            row_errors.append(RowError(row_number, "", f"has {len(values)} fields, the header has {len(columns)}"))
        else:
            record = dict(zip(columns, values, strict=True))
            camera = _camera(row_number, record, row_errors)
            if camera is not None:
                first = first_row_of.setdefault(camera.id, row_number)
                if first != row_number:
                    row_errors.append(RowError(row_number, "id", f"duplicate id {camera.id!r} (first on row {first})"))
                else:
                    cameras.append(camera)
        errors += row_errors
    return CsvImport(tuple(cameras), tuple(errors), rows)


def _records(reader: Iterator[list[str]], errors: list[RowError]) -> Iterator[tuple[int, list[str]]]:
    row_number = 1
    while True:
        row_number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            errors.append(RowError(row_number, "", f"unreadable CSV: {error}"))
            return  # the parser cannot resynchronise after a broken quote
        yield row_number, values


def _read_header(header: list[str]) -> tuple[list[str], list[RowError]]:
    columns: list[str] = []
    errors: list[RowError] = []
    for raw in header:
        name = raw.strip().lower()
        name = ALIASES.get(name, name)
        if name not in COLUMNS:
            errors.append(RowError(1, raw.strip(), f"unknown column; expected some of {', '.join(COLUMNS)}"))
        elif name in columns:
            errors.append(RowError(1, raw.strip(), f"column {name} appears twice"))
        columns.append(name)
    for missing in sorted(REQUIRED - set(columns)):
        errors.append(RowError(1, missing, "required column is missing"))
    return columns, errors


def _camera(row: int, record: dict[str, str], errors: list[RowError]) -> Camera | None:
    before = len(errors)

    def fail(column: str, message: str) -> None:
        errors.append(RowError(row, column, message))

    camera_id = record.get("id", "").strip()
    if not camera_id:
        fail("id", "is empty")
    elif not _ID.match(camera_id):
        fail("id", f"{camera_id!r} must be 1–64 characters of A–Z, a–z, 0–9, _ . : -")
    name = _text(record, "name", fail, required=True)
    district = _text(record, "district", fail)
    station = _text(record, "station", fail)
    lat = _number(record, "lat", fail, -90.0, 90.0, required=True)
    lon = _number(record, "lon", fail, -180.0, 180.0, required=True)
    heading = _number(record, "heading", fail, 0.0, 360.0)
    if heading is not None and heading == 360.0:
        heading = 0.0  # 360° is north, as 0° is
    fov = _number(record, "fov", fail, 0.0, 360.0)
    if fov is not None and fov == 0.0:
        fail("fov", "must be greater than 0")
    if fov is not None and _blank(record, "heading"):
        fail("fov", "a field of view needs a heading; leave both empty for a dome")
    stream_url = record.get("stream_url", "").strip()
    if stream_url:
        try:
            StreamAddress.parse(stream_url)
        except ValueError as error:
            fail("stream_url", str(error))
    tags = tuple(t.strip() for t in record.get("tags", "").split(TAG_SEPARATOR) if t.strip())
    if len(errors) > before:
        return None
    assert lat is not None and lon is not None  # required: checked above
    return Camera(
        id=camera_id, name=name, district=district, station=station, lat=lat, lon=lon, heading=heading,
        fov=fov, tags=tags, stream_url=stream_url,
    )


def _blank(record: dict[str, str], column: str) -> bool:
    return not record.get(column, "").strip()


def _text(record: dict[str, str], column: str, fail: Callable[[str, str], None], *, required: bool = False) -> str:
    value = record.get(column, "").strip()
    if required and not value:
        fail(column, "is empty")
    elif len(value) > _MAX_TEXT:
        fail(column, f"is {len(value)} characters long; at most {_MAX_TEXT}")
    return value


def _number(record: dict[str, str], column: str, fail: Callable[[str, str], None], low: float, high: float,
            *, required: bool = False) -> float | None:
    raw = record.get(column, "").strip()
    if not raw:
        if required:
            fail(column, "is empty")
        return None
    try:
        value = float(raw)
    except ValueError:
        fail(column, f"{raw!r} is not a number")
        return None
    if not math.isfinite(value) or not low <= value <= high:
        fail(column, f"{raw} is outside {low:g} to {high:g}")
        return None
    return value


def write_cameras_csv(cameras: Iterable[Camera], out: TextIO) -> None:
    """Write cameras in the import format (an export re-imports unchanged)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for c in cameras:
        writer.writerow([
            c.id, c.name, repr(c.lat), repr(c.lon), c.district, c.station, c.stream_url,
            "" if c.heading is None else repr(c.heading), "" if c.fov is None else repr(c.fov),
            TAG_SEPARATOR.join(c.tags),
        ])


@dataclass
class CameraRegistry:
    """The cameras by id, in insertion order; an import adds new ids and updates known ones."""

    cameras: dict[str, Camera] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.cameras)

    def __iter__(self) -> Iterator[Camera]:
        return iter(self.cameras.values())

    def get(self, camera_id: str) -> Camera | None:
        return self.cameras.get(camera_id)

    def upsert(self, cameras: Iterable[Camera]) -> tuple[int, int]:
        """Add or replace by id; returns (added, updated). Unchanged cameras count as neither."""
        added = updated = 0
        for camera in cameras:
            old = self.cameras.get(camera.id)
            if old is None:
                added += 1
            elif old != camera:
                updated += 1
            self.cameras[camera.id] = camera
        return added, updated
