"""Rules of 110 call intake that do not depend on a screen: caller numbers, incident ids, and what a
point on the map is called.

Incident ids are ``J{yyyymmdd}-{workstation}-{n}``: the call's local date in the command center's zone, the
workstation that took it and that workstation's running number for the day. Numbers are allocated from
the ids already in the state plus the ones this desk has handed out, so two desks never collide and a
restarted desk carries on where it stopped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec
import numpy as np

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import City, Landmark, LandmarkKind, nearest_site, plane_xy
from dispatch_desktop.domain.taxonomy import INCIDENT_TYPES, IncidentType

_SEPARATORS = re.compile(r"[\s\-()（）]")
_PHONE = re.compile(r"^\+?\d{3,20}$")


def normalise_phone(text: str) -> str | None:
    """The caller number without spaces, dashes or brackets; None if it is not a phone number
    (3 to 20 digits, optionally after a "+": 110-style short numbers, landlines, mobiles, abroad)."""
    number = _SEPARATORS.sub("", text.strip())
    return number if _PHONE.match(number) else None


def local_date(ms: int) -> str:
    """"20251122": the command center's local date of an epoch-milliseconds instant (whatever the
    machine's own time zone; see ``domain.localtime``)."""
    return localtime.local_date(ms)


def incident_prefix(workstation: str, call_time_ms: int) -> str:
    return f"J{local_date(call_time_ms)}-{workstation}-"


def next_incident_id(existing: Iterable[str], workstation: str, call_time_ms: int) -> str:
    """The next free id of this workstation on the call's day, after every id in ``existing``."""
    prefix = incident_prefix(workstation, call_time_ms)
    highest = 0
    for incident_id in existing:
        if incident_id.startswith(prefix):
            tail = incident_id[len(prefix):]
            if tail.isdigit():
                highest = max(highest, int(tail))
    return f"{prefix}{highest + 1}"


def search_types(text: str, *, limit: int | None = 12) -> list[IncidentType]:
    """Incident types matching what the call-taker typed, in Chinese or English (or the code), best
    first: an exact name, then names starting with the text, then names containing every word; the
    more common type first within each (a "斗殴" is far more often a fight than an armed brawl)."""
    words = [w.casefold() for w in text.split()]
    if not words:
        return []
    whole = " ".join(words)
    scored: list[tuple[int, float, str, IncidentType]] = []
    for kind in INCIDENT_TYPES:
        names = (kind.name_zh.casefold(), kind.name_en.casefold(), kind.code.casefold())
        if whole in names:
            rank = 0
        elif any(name.startswith(whole) for name in names):
            rank = 1
        elif all(any(w in name for name in names) for w in words):
            rank = 2
        else:
            continue
        scored.append((rank, -kind.daily, kind.code, kind))
    scored.sort(key=lambda row: row[:3])
    hits = [row[3] for row in scored]
    return hits if limit is None else hits[:limit]


class Location(msgspec.Struct, frozen=True):
    """A point resolved against the city: where the incident is and whose area it falls in."""

    lat: float
    lon: float
    district: str  # adcode, "" outside the service area
    station: str  # the responsible station, or the nearest one outside the service area
    place: Landmark | None  # the nearest named place, for the address

    @property
    def inside(self) -> bool:
        return bool(self.district)


_NAMED_PLACES = frozenset(LandmarkKind) - {LandmarkKind.DISTRICT, LandmarkKind.PATROL_AREA}


def nearest_place(city: City, lat: float, lon: float) -> Landmark | None:
    """The nearest gazetteer place that names a spot (not a district or a patrol area)."""
    places = [p for p in city.gazetteer if p.kind in _NAMED_PLACES]
    if not places:
        return None
    px, py = plane_xy(np.array([p.lat for p in places]), np.array([p.lon for p in places]))
    x, y = plane_xy(lat, lon)
    return places[int(nearest_site(x, y, px, py)[0])]


def locate(city: City, lat: float, lon: float) -> Location:
    district = city.district_at(lat, lon)
    station = city.station_at(lat, lon) if district is not None else None
    if station is None and city.stations:
        station = city.nearest_station(lat, lon)
    return Location(
        lat=lat, lon=lon, district=district.adcode if district else "", station=station.id if station else "",
        place=nearest_place(city, lat, lon),
    )
