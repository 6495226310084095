"""The camera registry's CSV import: every row checked for form and meaning, good rows taken, bad rows
reported precisely.

A file is read whole and checked before anything is stored, so an import never leaves half a file
behind: the caller gets the good cameras and a list of ``RowError`` (spreadsheet row number, column as
the file's header spells it, what is wrong) and writes the good ones in one go. Importing again updates
cameras by id.

Columns, in any order, under English or Chinese headers (``csv_columns.HEADERS`` lists every name)::

    id, name, lat, lon, district, station, stream_url, heading, fov, tags   (and address, read only)

``id``, ``lat``, ``lon`` and a ``name`` (or an ``address`` to name the camera by) are required. What
is checked beyond form:

- the point lies in the service area, the city's districts (``service_area``); swapped latitude and
  longitude are recognised and said;
- ``district``, if given, is a district of the city (adcode 440106, 天河区, 天河 or Tianhe) and holds the
  point; it is stored as the adcode, and filled in from the point when empty;
- ``stream_url`` is a source the wall can open (``stream_check``); empty means "not configured yet";
- ``id`` appears once in the file.

``heading`` (degrees clockwise from north) and ``fov`` (degrees) are empty for a dome. ``tags`` are
separated by ``;``. Files may be UTF-8 (with or without BOM) or GB18030 (``csv_rows``).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import msgspec

from dispatch_desktop.domain.city import Camera, City, District
from dispatch_desktop.video.csv_columns import EXPORTED, Columns, DataRows, read_header
from dispatch_desktop.video.csv_rows import Record, RowError, read_records, read_text
from dispatch_desktop.video.service_area import BORDER_TOLERANCE_M, Location, ServiceArea, named
from dispatch_desktop.video.stream_check import check_stream

__all__ = ["COLUMNS", "CsvImport", "RowError", "parse_cameras_csv", "write_cameras_csv"]

COLUMNS = EXPORTED
TAG_SEPARATOR = ";"
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")  # the domain's Id
_MAX_TEXT = 200


@dataclass(frozen=True)
class CsvImport:
    cameras: tuple[Camera, ...]  # the good rows, in file order
    errors: tuple[RowError, ...]  # in row order
    rows: int  # data rows read (good and bad)
    notes: tuple[RowError, ...] = ()  # about rows that were taken all the same

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


def parse_cameras_csv(source: Path | str | TextIO, city: City, *, folder: Path | None = None) -> CsvImport:
    """Check every row of a camera CSV (a path, an open text stream, or the text itself) against
    ``city``. Relative file paths in it are looked up in ``folder``: by default the CSV's own folder,
    or the current directory for text."""
    if isinstance(source, Path):
        text = read_text(source)
        folder = source.parent if folder is None else folder
    else:  # text read by the caller may still start with Excel's byte-order mark
        text = (source if isinstance(source, str) else source.read()).removeprefix("\ufeff")
    folder = Path.cwd() if folder is None else folder
    records = read_records(text)
    header = next(records, None)
    if header is None:
        return CsvImport((), (RowError(1, "", "the file is empty: expected a header row"),), 0)
    if header.broken or header.unreadable:
        problem = header.broken.message() if header.broken else header.unreadable
        return CsvImport((), (RowError(1, "", problem),), 0)
    columns, header_errors = read_header(header.values)
    if header_errors:
        return CsvImport((), tuple(header_errors), 0)
    area = ServiceArea(city)
    errors: list[RowError] = []
    drafts: list[_Draft] = []
    first_row_of: dict[str, int] = {}
    rows = DataRows(records, columns, errors)
    for record in rows:
        drafts.append(_read_row(_Row(record, columns), area, folder, first_row_of))
    cameras = _place(drafts, area)
    errors += (e for d in drafts for e in d.row.errors)
    notes = tuple(n for d in drafts for n in d.row.notes)
    return CsvImport(tuple(cameras), tuple(sorted(errors, key=lambda e: e.row)), rows.count, notes)


class _Row:
    """One data row's cells by column, collecting what is wrong with them."""

    def __init__(self, record: Record, columns: Columns) -> None:
        self._record = record
        self._columns = columns
        self._cells = dict(zip(columns.by_cell, [v.strip() for v in record.values], strict=True))
        self.errors: list[RowError] = []
        self.notes: list[RowError] = []

    @property
    def number(self) -> int:
        return self._record.row

    @property
    def columns(self) -> Columns:
        return self._columns

    def __getitem__(self, column: str) -> str:
        return self._cells.get(column, "")

    def _where(self, column: str, message: str) -> RowError:
        label = "/".join(self._columns.label(c) for c in column.split("/"))
        return RowError(self._record.row, label, message, self._record.line)

    def fail(self, column: str, message: str) -> None:
        self.errors.append(self._where(column, message))

    def note(self, column: str, message: str) -> None:
        self.notes.append(self._where(column, message))


@dataclass(frozen=True)
class _Draft:
    """A row checked for form: the camera but for its district, and where the row claims it is."""

    row: _Row
    camera: Camera  # district still "" (and lat, lon 0 if they were not numbers: then row.errors says so)
    point: tuple[float, float] | None  # (lat, lon) when both are numbers
    district: District | None  # as the row names it


def _read_row(row: _Row, area: ServiceArea, folder: Path, first_row_of: dict[str, int]) -> _Draft:
    camera_id = row["id"]
    if not camera_id:
        row.fail("id", "is empty")
    elif not _ID.match(camera_id):
        row.fail("id", f"{camera_id!r} must be 1–64 characters of A–Z, a–z, 0–9, _ . : -")
    else:
        first = first_row_of.setdefault(camera_id, row.number)
        if first != row.number:
            row.fail("id", f"duplicate id {camera_id!r} (first on row {first})")
    address = _text(row, "address")
    name = _text(row, "name") or address
    if not name:
        row.fail("name", "is empty" + (" (and so is the address)" if "address" in row.columns.labels else ""))
    district = None
    if row["district"]:
        try:
            district = area.district_named(row["district"])
        except ValueError as error:
            row.fail("district", str(error))
    heading = _number(row, "heading", 0.0, 360.0)
    if heading == 360.0:
        heading = 0.0  # 360° is north, as 0° is
    fov = _number(row, "fov", 0.0, 360.0)
    if fov == 0.0:
        row.fail("fov", "must be greater than 0")
    if fov is not None and not row["heading"]:
        row.fail("fov", "a field of view needs a heading; leave both empty for a dome")
    stream_url = ""
    try:
        checked = check_stream(row["stream_url"], folder)
    except ValueError as error:
        row.fail("stream_url", str(error))
    else:
        stream_url = checked.text
        if checked.note:
            row.note("stream_url", checked.note)
    lat = _number(row, "lat", -math.inf, math.inf, required=True)
    lon = _number(row, "lon", -math.inf, math.inf, required=True)
    camera = Camera(
        id=camera_id, name=name, district="", station=_text(row, "station"), lat=lat or 0.0, lon=lon or 0.0,
        heading=heading, fov=fov, tags=tuple(t.strip() for t in row["tags"].split(TAG_SEPARATOR) if t.strip()),
        stream_url=stream_url,
    )
    return _Draft(row, camera, None if lat is None or lon is None else (lat, lon), district)


def _place(drafts: list[_Draft], area: ServiceArea) -> list[Camera]:
    """Locate every row's point at once, refuse the misplaced ones and make cameras of the good rows."""
    located = [(draft, draft.point) for draft in drafts if draft.point is not None]
    locations = area.locate([lat for _, (lat, _) in located], [lon for _, (_, lon) in located])
    cameras = []
    for (draft, point), location in zip(located, locations, strict=True):
        district = _district(draft.row, point, draft.district, location, area)
        if district is not None and not draft.row.errors:
            cameras.append(msgspec.structs.replace(draft.camera, district=district.adcode))
    return cameras


def _district(row: _Row, point: tuple[float, float], claimed: District | None, location: Location,
              area: ServiceArea) -> District | None:
    """The district to store for a located row, or None after saying what is wrong with its place."""
    lat, lon = point
    if location.district is None:
        if location.swapped is not None:
            row.fail("lat/lon", f"latitude and longitude look swapped: {lat}, {lon} is outside the service area, "
                                f"but {lon}, {lat} is in {named(location.swapped)}")
        elif not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            for column, value, bound in (("lat", lat, 90.0), ("lon", lon, 180.0)):
                if not -bound <= value <= bound:
                    row.fail(column, f"{row[column]} is outside {-bound:g} to {bound:g}")
        else:
            row.fail("lat/lon", location.outside(lat, lon))
        return None
    if claimed is None or claimed.adcode == location.district.adcode:
        return location.district
    if area.distance_m(claimed, lat, lon) <= BORDER_TOLERANCE_M:
        return claimed  # on the border: the row's word beats our approximate boundary
    row.fail("district", f"{lat}, {lon} is in {named(location.district)}, not in {named(claimed)}")
    return None


def _text(row: _Row, column: str) -> str:
    value = row[column]
    if len(value) > _MAX_TEXT:
        row.fail(column, f"is {len(value)} characters long; at most {_MAX_TEXT}")
    return value


def _number(row: _Row, column: str, low: float, high: float, *, required: bool = False) -> float | None:
    raw = row[column]
    if not raw:
        if required:
            row.fail(column, "is empty")
        return None
    try:
        value = float(raw)
    except ValueError:
        row.fail(column, f"{raw!r} is not a number")
        return None
    if not math.isfinite(value) or not low <= value <= high:
        row.fail(column, f"{raw} is outside {low:g} to {high:g}" if math.isfinite(value) else f"{raw} is not a number")
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

