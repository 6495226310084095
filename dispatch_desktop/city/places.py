"""Real, well-known places of Guangzhou (railway stations, the airport, metro stations, hospitals,
universities, malls, parks, sights…), read from ``resources/places/guangzhou_places.csv``.

Where each place is and where the data comes from: ``resources/places/PROVENANCE.md``.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import shapely

from dispatch_desktop.city.districts import CityDataError, DistrictShape
from dispatch_desktop.domain.city import Landmark, LandmarkKind
from dispatch_desktop.paths import RESOURCES

PLACES_CSV = RESOURCES / "places" / "guangzhou_places.csv"
COLUMNS = ("id", "name", "english", "kind", "district", "lat", "lon", "aliases")
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")  # what an event may carry as a place id
# The city's own records are generated, never shipped as places.
_SHIPPABLE = frozenset(LandmarkKind) - {
    LandmarkKind.DISTRICT,
    LandmarkKind.STATION,
    LandmarkKind.PATROL_AREA,
    LandmarkKind.DUTY_POINT,
    LandmarkKind.CHECKPOINT,
}


def read_places(path: Path | str | None = None) -> list[Landmark]:
    """Every row of the places file as a well-known Landmark, in file order. Raises CityDataError,
    naming the row, on anything malformed or repeated."""
    path = Path(path) if path is not None else PLACES_CSV
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            header = tuple(reader.fieldnames or ())
    except FileNotFoundError:
        raise CityDataError(f"places not found: {path}") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CityDataError(f"cannot read places {path}: {exc}") from exc
    if header != COLUMNS:
        raise CityDataError(f"{path}: expected the columns {','.join(COLUMNS)}, found {','.join(map(str, header))}")
    out: list[Landmark] = []
    ids: set[str] = set()
    names: set[str] = set()
    for line, row in enumerate(rows, start=2):
        place = _place(row, f"{path}:{line}")
        if place.id in ids or place.name in names:
            raise CityDataError(f"{path}:{line}: {place.id} {place.name} is listed twice")
        ids.add(place.id)
        names.add(place.name)
        out.append(place)
    return out


def places_in(places: list[Landmark], districts: list[DistrictShape]) -> list[Landmark]:
    """The places that lie inside their own district: with the bundled boundaries that is all of
    them; with other boundaries a place they leave out is dropped rather than shown in the wrong
    place."""
    shapes = {d.district.adcode: d.geometry for d in districts}
    return [p for p in places if p.district in shapes and shapely.contains_xy(shapes[p.district], p.lon, p.lat)]


def _place(row: dict[str, str | None], where: str) -> Landmark:
    if None in row or any(row.get(key) is None for key in COLUMNS):  # DictReader's marks of a short / long row
        raise CityDataError(f"{where}: expected {len(COLUMNS)} fields")
    values = {key: (row[key] or "").strip() for key in COLUMNS}
    if not _ID.match(values["id"]):
        raise CityDataError(f"{where}: bad id {values['id']!r}")
    if not values["name"]:
        raise CityDataError(f"{where}: no name")
    try:
        kind = LandmarkKind(values["kind"])
    except ValueError:
        raise CityDataError(f"{where}: unknown kind {values['kind']!r}") from None
    if kind not in _SHIPPABLE:
        raise CityDataError(f"{where}: {kind.value} records are generated, not listed as places")
    try:
        lat, lon = float(values["lat"]), float(values["lon"])
    except ValueError:
        raise CityDataError(f"{where}: bad coordinates {values['lat']!r}, {values['lon']!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise CityDataError(f"{where}: coordinates out of range {lat}, {lon}")
    aliases = tuple(dict.fromkeys(a.strip() for a in values["aliases"].split("|") if a.strip()))
    return Landmark(
        id=values["id"],
        name=values["name"],
        kind=kind,
        district=values["district"],
        lat=lat,
        lon=lon,
        english=values["english"],
        aliases=aliases,
        well_known=True,
    )
