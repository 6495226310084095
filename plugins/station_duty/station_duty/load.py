"""Station load: what each police station has on its hands now, from the desk's state. Qt-free.

Per station (``Incident.station``, ``Unit.station``):

- **incidents today**: incidents whose call came in today, the local day in the command center's zone
  (``desk.time_zone``), from 00:00;
- **open**: incidents not closed and not referred (``Incident.is_open``: new, dispatched, on scene,
  cleared but not yet closed), whatever day they came in;
- **non-police share**: of today's incidents, the share whose category is non-police;
- **overdue**: open incidents whose current step is late against its priority's target (below);
- **units on shift**: the station's units that are not off duty;
- **open per unit**: open incidents per unit on shift (what the map layer colours by).

Overdue: an open incident is overdue when the step it is in has lasted longer than its target — not yet
dispatched: from the call; dispatched, nobody on scene yet: from the first dispatch; on scene, not cleared:
from the first arrival. A cleared incident waiting to be closed is not overdue. The targets are the desk's
own (``api.response_targets``: by priority, or the rapid-response team's minute-level targets for terror
and extreme violence), so the panel and the map count what the desk's overdue alerts show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from types import MappingProxyType
from zoneinfo import ZoneInfo

from dispatch_desktop.api import Category, Incident, State, UnitStatus, response_targets


@dataclass(frozen=True, slots=True)
class StationLoad:
    station: str
    incidents_today: int = 0
    open: int = 0
    non_police_today: int = 0
    overdue: int = 0
    units_on_shift: int = 0

    @property
    def non_police_share(self) -> float | None:
        """Non-police incidents among today's, 0..1; None with no incidents today."""
        return self.non_police_today / self.incidents_today if self.incidents_today else None

    @property
    def open_per_unit(self) -> float:
        """Open incidents per unit on shift; infinite when incidents are open and no unit is on shift."""
        if self.units_on_shift:
            return self.open / self.units_on_shift
        return math.inf if self.open else 0.0


def day_start_ms(now_ms: int, zone: ZoneInfo) -> int:
    """Midnight that began the local day of ``now_ms`` in ``zone``, as epoch milliseconds."""
    local = datetime.fromtimestamp(now_ms / 1000, zone)
    return int(datetime.combine(local.date(), time(0), tzinfo=zone).timestamp() * 1000)


def is_overdue(incident: Incident, now_ms: int) -> bool:
    """See the module docstring."""
    if not incident.is_open or incident.cleared_at:
        return False
    targets = response_targets(incident)
    if not incident.dispatched_at:
        return now_ms - incident.call_time > targets.dispatch_s * 1000
    if not incident.arrived_at:
        return now_ms - incident.dispatched_at > targets.arrival_s * 1000
    return now_ms - incident.arrived_at > targets.clear_s * 1000


_last: tuple[State, int, ZoneInfo, tuple[str, ...], Mapping[str, StationLoad]] | None = None


def station_loads(state: State, now_ms: int, zone: ZoneInfo,
                  stations: tuple[str, ...] = ()) -> Mapping[str, StationLoad]:
    """The load of every station in ``stations`` (all zero when nothing is going on) and of any other
    station the state's incidents or units name; one pass over the incidents and one over the units.
    The map layer and the panel ask for the same state in the same moment: the second is answered from
    the first (states are immutable, and the answer is read-only)."""
    global _last
    last = _last
    if last is not None and last[0] is state and last[1:4] == (now_ms, zone, stations):
        return last[4]
    loads = MappingProxyType(_count(state, now_ms, zone, stations))
    _last = (state, now_ms, zone, stations, loads)
    return loads


def _count(state: State, now_ms: int, zone: ZoneInfo, stations: Iterable[str]) -> dict[str, StationLoad]:
    counts: dict[str, list[int]] = {station: [0, 0, 0, 0, 0] for station in stations}
    today = day_start_ms(now_ms, zone)
    for incident in state.incidents.values():
        row = counts.get(incident.station)
        if row is None:
            row = counts[incident.station] = [0, 0, 0, 0, 0]
        if incident.call_time >= today:
            row[0] += 1
            if incident.category == Category.NON_POLICE:
                row[2] += 1
        if incident.is_open:
            row[1] += 1
            if is_overdue(incident, now_ms):
                row[3] += 1
    for unit in state.units.values():
        if unit.status == UnitStatus.OFF_DUTY:
            continue
        row = counts.get(unit.station)
        if row is None:
            row = counts[unit.station] = [0, 0, 0, 0, 0]
        row[4] += 1
    return {station: StationLoad(station, *row) for station, row in counts.items()}


# --- the map's classes ----------------------------------------------------------------------------------

CLASS_BOUNDS = (0.5, 1.0, 2.0)
"""Open incidents per unit on shift: below 0.5 | 0.5 to 1 | 1 to 2 | 2 or more (or none on shift)."""


def load_class(load: StationLoad) -> int:
    """0 (light) … 3 (overloaded): how many of ``CLASS_BOUNDS`` the station's open-per-unit reaches."""
    ratio = load.open_per_unit
    return sum(1 for bound in CLASS_BOUNDS if ratio >= bound)
