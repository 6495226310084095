"""States for UI tests, made the only way the desk ever sees them: by applying events with
``projection.apply``. ``EventLog`` keeps the state and the events folded in since the last ``take()``,
which is exactly what the bus client hands ``StateFeed.push``."""

from __future__ import annotations

import random
from collections import defaultdict

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.domain.state import State

T0 = 1_763_780_000_000  # 2025-11-22 02:53:20 UTC
WORKSTATION = "ws-test"


class EventLog:
    def __init__(self, mode: Mode = Mode.LIVE) -> None:
        self.state = State(mode=mode)
        self.time = T0
        self._seq: dict[str, int] = defaultdict(int)
        self._pending: list[ev.Envelope] = []
        self.gseq = 0  # as the hub would number the events
        self._published: list[tuple[int, ev.Envelope]] = []

    def emit(self, source: str, body: ev.Body, *, mode: Mode = Mode.LIVE) -> ev.Envelope:
        self._seq[source] += 1
        self.time += 1000
        event = ev.envelope(source, self._seq[source], body, self.time, t_hub=self.time, mode=mode)
        self.state = apply(self.state, event)
        self._pending.append(event)
        self.gseq += 1
        self._published.append((self.gseq, event))
        return event

    def take(self) -> list[ev.Envelope]:
        """The events applied since the last take."""
        out, self._pending = self._pending, []
        self._published = []
        return out

    def take_published(self) -> list[tuple[int, ev.Envelope]]:
        """The events applied since the last take, with their gseqs: what the bus client pushes."""
        out, self._published = self._published, []
        self._pending = []
        return out

    # --- units -----------------------------------------------------------------------------------

    def register(self, unit: str, *, kind: UnitKind = UnitKind.PATROL_GROUP, station: str = "S-1",
                 name: str = "", lat: float = 23.13, lon: float = 113.32) -> None:
        self.emit("hub", ev.UnitRegistered(unit=unit, unit_kind=kind, station=station, name=name or unit,
                                           lat=lat, lon=lon))

    def on_duty(self, unit: str) -> None:
        self.emit(unit, ev.StatusReport(status=UnitStatus.AVAILABLE))

    def move(self, unit: str, lat: float, lon: float) -> None:
        self.emit(unit, ev.Position(lat=lat, lon=lon, heading=90.0, speed=8.0))

    def sos(self, unit: str, lat: float = 23.13, lon: float = 113.32) -> None:
        self.emit(unit, ev.Sos(lat=lat, lon=lon, note="help"))

    # --- incidents -------------------------------------------------------------------------------

    def create(self, incident: str, *, priority: int = 2, incident_type: str = "fight", lat: float = 23.13,
               lon: float = 113.33, address: str = "天河路 385 号", station: str = "S-1",
               category: Category = Category.POLICE, mode: Mode = Mode.LIVE) -> None:
        self.emit(WORKSTATION, ev.IncidentCreated(
            incident=incident, call_time=self.time, caller_number="13800138000", lat=lat, lon=lon,
            address=address, district="440106", station=station, incident_type=incident_type,
            priority=priority, category=category, description="两名男子在商场门口打架",
        ), mode=mode)

    def dispatch(self, incident: str, unit: str) -> None:
        self.emit(WORKSTATION, ev.UnitDispatched(incident=incident, unit=unit, order=f"o-{incident}-{unit}"))

    def acknowledge(self, incident: str, unit: str) -> None:
        self.emit(unit, ev.DispatchAck(incident=incident, order=f"o-{incident}-{unit}"))

    def arrive(self, incident: str, unit: str) -> None:
        self.emit(unit, ev.Arrival(incident=incident))

    def clear(self, incident: str, unit: str) -> None:
        self.emit(unit, ev.Clearance(incident=incident, result="resolved", summary="调解完毕"))

    def close(self, incident: str) -> None:
        self.emit(WORKSTATION, ev.IncidentClosed(incident=incident, disposition="resolved"))


def city_log(city: City, *, on_duty: int | None = None, incidents: int = 0, seed: int = 7) -> EventLog:
    """The city's roster registered, ``on_duty`` of them on patrol near home, and some open incidents
    (a third dispatched, a third on scene)."""
    rng = random.Random(seed)
    log = EventLog()
    for spec in city.units:
        log.register(spec.id, kind=spec.kind, station=spec.station, name=spec.name, lat=spec.lat, lon=spec.lon)
    chosen = city.units if on_duty is None else city.units[:on_duty]
    for spec in chosen:
        log.on_duty(spec.id)
        log.move(spec.id, spec.lat + rng.uniform(-0.004, 0.004), spec.lon + rng.uniform(-0.004, 0.004))
    types = ["fight", "theft", "traffic_injury", "burglary", "noise", "robbery", "dispute", "knife_attack"]
    free = list(chosen)
    for n in range(incidents):
        station = rng.choice(city.stations)
        incident_id = f"J{n + 1:05d}"
        incident_type = rng.choice(types)
        log.create(incident_id, priority=rng.randint(1, 4), incident_type=incident_type,
                   lat=station.lat + rng.uniform(-0.01, 0.01), lon=station.lon + rng.uniform(-0.01, 0.01),
                   address=f"{station.name[:3]}某路{n + 1}号", station=station.id,
                   category=taxonomy.incident_type(incident_type).category)
        if n % 3 and free:
            unit = free.pop()
            log.dispatch(incident_id, unit.id)
            if n % 3 == 2:
                log.acknowledge(incident_id, unit.id)
                log.arrive(incident_id, unit.id)
    log.take()
    return log
