"""The unit registry's CSV: every row checked, good rows taken, bad rows named by row, column and reason.

A file is read whole and checked before anything is stored (``import_roster`` then writes the good rows
in one transaction), so an import never leaves half a file behind. Columns, in any order, under
English or Chinese headers (``HEADERS``)::

    id, unit_kind, station, name, members, lat, lon   (and district, checked but not stored)

These are the fields of the ``unit_registered`` event the hub writes for each unit. ``id``,
``unit_kind``, ``station`` and ``name`` are required. What is checked beyond form:

- ``id`` follows the protocol's id rule (1–64 of A–Z a–z 0–9 _ . : -) and appears once in the file;
- ``unit_kind`` is a kind of unit (``patrol``, ``rapid``, ``traffic``, ``station``, ``officer``, or
  their Chinese names: 巡组, 突击队, 交警, 派出所警车, 单警);
- ``station`` is a station of the published taxonomy (``resources/taxonomy.json``);
- ``district``, if given, is a district (440106, 天河区, 天河 or Tianhe) and holds the station;
- ``lat`` and ``lon``, if given, are both given and inside the service area; empty: the unit has no
  position until it reports one.

``members`` are separated by ``;`` (or ；, 、). Files may be UTF-8 (with or without BOM) or GB18030.
Qt-free; it needs no generated city.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.store.units import UnitStore, Upserted
from dispatch_desktop.video.csv_columns import Columns, DataRows, match_header
from dispatch_desktop.video.csv_rows import Record, RowError, read_records, read_text

# Each column with the header names understood for it; the first is the one an export writes.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit", "unit_id", "编号", "警力编号", "单位编号"),
    "unit_kind": ("unit_kind", "kind", "type", "类型", "警力类型", "类别"),
    "station": ("station", "派出所", "所属派出所", "所属单位"),
    "name": ("name", "名称", "呼号", "警力名称"),
    "members": ("members", "成员", "人员", "警员"),
    "lat": ("lat", "latitude", "纬度"),
    "lon": ("lon", "lng", "longitude", "经度"),
    # Not stored (a station has one district): checked, because a wrong station is easy to type.
    "district": ("district", "adcode", "区", "行政区", "所属区", "分局"),
}
EXPORTED = tuple(column for column in HEADERS if column != "district")
REQUIRED = ("id", "unit_kind", "station", "name")

_KINDS: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.PATROL_GROUP: ("patrol_group", "patrol group", "巡组", "巡逻组", "巡逻"),
    UnitKind.RAPID_RESPONSE: ("rapid_response", "rapid response", "突击队", "羊城突击队", "快反"),
    UnitKind.TRAFFIC: ("traffic_police", "交警", "铁骑"),
    UnitKind.STATION_CAR: ("station_car", "station car", "派出所警车", "警车", "值班车"),
    UnitKind.OFFICER: ("单警", "民警", "警员"),
}
_KIND_BY_NAME = {_name.casefold(): kind for kind, names in _KINDS.items() for _name in (kind.value, *names)}
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")  # the protocol's Id
_MEMBERS = re.compile(r"[;；、]")
_MAX_TEXT = 200  # the protocol's Short


@dataclass(frozen=True)
class RosterFile:
    units: tuple[ev.UnitRegistered, ...]  # the good rows, in file order
    errors: tuple[RowError, ...]  # in row order
    rows: int  # data rows read (good and bad)


@dataclass(frozen=True)
class UnitImport:
    """What an import did (or, when not ``stored``, would have done)."""

    done: Upserted
    errors: tuple[RowError, ...]
    rows: int
    stored: bool

    @property
    def good(self) -> int:
        return self.done.added + self.done.updated + self.done.unchanged

    @property
    def refused(self) -> int:
        """Rows refused (a row may have several errors)."""
        return len({e.row for e in self.errors})


def import_roster(store: UnitStore, source: Path | str | TextIO, *, dry_run: bool = False,
                  all_or_nothing: bool = False, now_ms: int | None = None) -> UnitImport:
    """Check a roster CSV and store its good rows in one transaction. Nothing is stored on a
    ``dry_run``, nor with ``all_or_nothing`` when a row was refused. Raises ``StoreError`` if the
    database fails (then nothing was stored), ``OSError`` / ``ValueError`` if the file cannot be read."""
    parsed = parse_roster_csv(source)
    store_it = not dry_run and not (all_or_nothing and parsed.errors)
    if not parsed.units:
        done = Upserted(0, 0, 0)
    else:
        done = store.upsert(parsed.units, now_ms=now_ms) if store_it else store.preview(parsed.units)
    return UnitImport(done, parsed.errors, parsed.rows, store_it)


def parse_roster_csv(source: Path | str | TextIO) -> RosterFile:
    """Check every row of a roster CSV: a path, an open text stream, or the text itself."""
    if isinstance(source, Path):
        text = read_text(source)
    else:  # text read by the caller may still start with Excel's byte-order mark
        text = (source if isinstance(source, str) else source.read()).removeprefix("\ufeff")
    records = read_records(text)
    header = next(records, None)
    if header is None:
        return RosterFile((), (RowError(1, "", "the file is empty: expected a header row"),), 0)
    if header.broken or header.unreadable:
        problem = header.broken.message() if header.broken else header.unreadable
        return RosterFile((), (RowError(1, "", problem),), 0)
    columns, header_errors = match_header(header.values, HEADERS, REQUIRED)
    if header_errors:
        return RosterFile((), tuple(header_errors), 0)
    units: list[ev.UnitRegistered] = []
    errors: list[RowError] = []
    first_row_of: dict[str, int] = {}
    rows = DataRows(records, columns, errors)
    for record in rows:
        row = _Row(record, columns)
        unit = row.unit(first_row_of)
        errors += row.errors
        if unit is not None:
            units.append(unit)
    return RosterFile(tuple(units), tuple(errors), rows.count)


class _Row:
    """One data row's cells by column, and what is wrong with them."""

    def __init__(self, record: Record, columns: Columns) -> None:
        self._record = record
        self._columns = columns
        self._cells = dict(zip(columns.by_cell, [v.strip() for v in record.values], strict=True))
        self.errors: list[RowError] = []

    def __getitem__(self, column: str) -> str:
        return self._cells.get(column, "")

    def fail(self, column: str, message: str) -> None:
        label = "/".join(self._columns.label(c) for c in column.split("/"))
        self.errors.append(RowError(self._record.row, label, message, self._record.line))

    def unit(self, first_row_of: dict[str, int]) -> ev.UnitRegistered | None:
        unit_id = self._id(first_row_of)
        kind = self._kind()
        station = self._station()
        name = self._text("name", required=True)
        members = tuple(m.strip() for m in _MEMBERS.split(self["members"]) if m.strip())
        for member in members:
            if len(member) > _MAX_TEXT:
                self.fail("members", f"a member's name is {len(member)} characters long; at most {_MAX_TEXT}")
        lat, lon = self._place()
        if self.errors or kind is None:
            return None
        return ev.UnitRegistered(unit=unit_id, unit_kind=kind, station=station, name=name, members=members,
                                 lat=lat, lon=lon)

    def _id(self, first_row_of: dict[str, int]) -> str:
        unit_id = self["id"]
        if not unit_id:
            self.fail("id", "is empty")
        elif not _ID.match(unit_id):
            self.fail("id", f"{unit_id!r} must be 1–64 characters of A–Z, a–z, 0–9, _ . : - (the protocol's id rule)")
        else:
            first = first_row_of.setdefault(unit_id, self._record.row)
            if first != self._record.row:
                self.fail("id", f"duplicate id {unit_id!r} (first on row {first})")
        return unit_id

    def _kind(self) -> UnitKind | None:
        written = self["unit_kind"]
        kind = _KIND_BY_NAME.get(written.casefold())
        if kind is None:
            known = ", ".join(f"{k.value} ({next(n for n in names if not n.isascii())})" for k, names in _KINDS.items())
            self.fail("unit_kind", f"{written!r} is not a kind of unit; the kinds are {known}" if written
                      else f"is empty; the kinds are {known}")
        return kind

    def _station(self) -> str:
        station_id = self["station"]
        found = taxonomy.station(station_id)
        if not station_id:
            self.fail("station", "is empty")
        elif found is None:
            self.fail("station", f"{station_id!r} is not a station of the published taxonomy "
                                 f"({taxonomy.TAXONOMY_FILE}); {_stations_like(station_id)}")
        written = self["district"]
        if written:
            district = taxonomy.district_named(written)
            if district is None:
                names = ", ".join(f"{d.adcode} {d.name_zh}" for d in taxonomy.DISTRICTS)
                self.fail("district", f"{written!r} is not a district; the districts are {names}")
            elif found is not None and found.district != district.adcode:
                self.fail("station", f"{station_id} is not in {district.name_zh} ({district.adcode}) but in "
                                     f"{_district_name(found.district)}")
        return station_id

    def _text(self, column: str, *, required: bool = False) -> str:
        value = self[column]
        if required and not value:
            self.fail(column, "is empty")
        elif len(value) > _MAX_TEXT:
            self.fail(column, f"is {len(value)} characters long; at most {_MAX_TEXT}")
        return value

    def _place(self) -> tuple[float, float]:
        """(lat, lon) in the service area, or (0, 0) when the row gives no position."""
        if not self["lat"] and not self["lon"]:
            return 0.0, 0.0
        lat, lon = self._degrees("lat"), self._degrees("lon")
        if lat is None or lon is None:
            return 0.0, 0.0
        area = taxonomy.SERVICE_AREA
        if area.contains(lat, lon):
            return lat, lon
        bounds = f"latitude {area.south}–{area.north}, longitude {area.west}–{area.east}"
        if area.contains(lon, lat):
            self.fail("lat/lon", f"latitude and longitude look swapped: {lat}, {lon} is outside the service "
                                 f"area ({bounds}), {lon}, {lat} is inside")
        else:
            self.fail("lat/lon", f"{lat}, {lon} is outside the service area ({bounds})")
        return 0.0, 0.0

    def _degrees(self, column: str) -> float | None:
        raw = self[column]
        if not raw:
            self.fail(column, "is empty; give both lat and lon, or neither")
            return None
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.fail(column, f"{raw!r} is not a number")
            return None
        return value


def _district_name(adcode: str) -> str:
    return next(f"{d.name_zh} ({d.adcode})" for d in taxonomy.DISTRICTS if d.adcode == adcode)


def _stations_like(station_id: str) -> str:
    """Where to look for the right station id, as precisely as the wrong one allows."""
    parts = station_id.split("-")
    if len(parts) == 3 and taxonomy.is_district(parts[1]):
        ids = [s.id for s in taxonomy.STATIONS if s.district == parts[1]]
        return f"{_district_name(parts[1])} has {ids[0]} to {ids[-1]}"
    return "station ids are S-<district adcode>-<number>, e.g. S-440106-01"


def write_roster_csv(units: Iterable[ev.UnitRegistered], out: TextIO) -> None:
    """Write units in the import format (an export re-imports unchanged)."""
    writer = csv.writer(out)
    writer.writerow(EXPORTED)
    for u in units:
        placed = (u.lat, u.lon) != (0.0, 0.0)
        writer.writerow([u.unit, u.unit_kind.value, u.station, u.name, ";".join(u.members),
                         repr(u.lat) if placed else "", repr(u.lon) if placed else ""])
