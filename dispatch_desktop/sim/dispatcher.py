"""An automatic dispatcher for the demo city, working the desk the way a person would.

It sees the accepted event stream (``observe``), keeps the same projected state a workstation keeps
(positions aside: it asks the simulator where units are when it needs to), and answers with commands:
the nearest available unit for a police incident, a referral to the owning department for one that is
not police business, and a close once an incident is cleared. Each after a human-sized delay.

It works only the incidents its own desk entered: an incident a person entered is theirs alone, never
dispatched, referred or closed by it. It acts only on what it has seen accepted, so a person at another
desk may still work its incidents: whatever they do first simply makes its own plan moot when its turn
comes.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import immutables
import msgspec
import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import projection, taxonomy
from dispatch_desktop.domain.city import plane_xy
from dispatch_desktop.domain.enums import Category, IncidentStatus, UnitStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.sim.numbers import entered_by

Locate = Callable[[int], tuple[np.ndarray, np.ndarray]]
"""Plane positions (x, y arrays, metres) of every simulated unit at a time in ms."""

_DISPATCH, _REFER, _CLOSE = "dispatch", "refer", "close"


@dataclass(frozen=True)
class DispatchPolicy:
    """How quickly and how the automatic dispatcher works (seconds of simulated time)."""

    dispatch_delay_s: tuple[float, float] = (20.0, 90.0)  # incident entered -> unit dispatched
    refer_delay_s: tuple[float, float] = (30.0, 120.0)  # non-police incident entered -> referred
    close_delay_s: tuple[float, float] = (60.0, 300.0)  # cleared -> closed
    retry_s: float = 30.0  # no unit free: look again after this long
    units_for_priority_1: int = 2  # the most urgent incidents get more than one unit


class AutoDispatcher:
    def __init__(
        self,
        unit_ids: Sequence[str],
        locate: Locate,
        *,
        desk: str,
        operator: str = "",
        seed: int,
        policy: DispatchPolicy | None = None,
        state: State | None = None,
        now_ms: int = 0,
    ) -> None:
        self.policy = policy or DispatchPolicy()
        self.desk = desk  # the workstation it works at: the incidents entered there are its own
        self.operator = operator
        self.unit_ids = list(unit_ids)
        self.index = {unit: i for i, unit in enumerate(self.unit_ids)}
        self.locate = locate
        self.rng = np.random.default_rng([seed, 0xD15A7C4])
        self.free = np.zeros(len(self.unit_ids), dtype=bool)
        # Sent a command about it that is neither refused nor seen accepted yet. Every command is settled
        # one way or the other (the bus client answers even a lost one, with a timeout), never by a clock:
        # at high speed a busy hub's second is a simulated minute or more.
        self._spoken_for = np.zeros(len(self.unit_ids), dtype=bool)
        self._in_flight: dict[str, IncidentStatus] = {}  # incident -> its status when the command went
        self._queue: list[tuple[int, int, str, str]] = []
        self._counter = 0
        self.resync(state if state is not None else State(), now_ms)

    def resync(self, state: State, now_ms: int) -> None:
        """Start over from a whole state (on joining, or after missing part of the stream)."""
        self.state = msgspec.structs.replace(
            state, incidents=immutables.Map({i.id: i for i in state.incidents.values() if i.is_open}))
        self.free[:] = False
        for unit in self.state.units.values():
            self._refresh_unit(unit.id)
        self._in_flight = {i: status for i, status in self._in_flight.items()
                           if i in self.state.incidents and self.state.incidents[i].status is status}
        self._queue.clear()
        # In id order: map order follows string hashing, which changes from one process to the next.
        for incident_id in sorted(self.state.incidents.keys()):
            self._plan(self.state.incidents[incident_id], now_ms)

    # --- what happened -------------------------------------------------------------------------------

    def observe(self, event: ev.Envelope) -> None:
        """Fold one accepted event into the desk's picture and plan what to do about it."""
        body = event.body
        if type(body) is ev.Position:
            return  # positions come from the simulator when needed, not from the stream
        incident_id = getattr(body, "incident", "")
        before = self.state.incidents.get(incident_id) if incident_id else None
        self.state = projection.apply(self.state, event)
        touched = {event.source, getattr(body, "unit", "")}
        if before is not None:
            touched.update(before.units)
        after = self.state.incidents.get(incident_id) if incident_id else None
        if after is not None:
            touched.update(after.units)
            if before is None or before.status is not after.status:
                self._in_flight.pop(incident_id, None)
                if not after.is_open:
                    # Closed and referred incidents are done with: dropping them keeps a long run small.
                    self.state = msgspec.structs.replace(self.state,
                                                         incidents=self.state.incidents.delete(incident_id))
                else:
                    self._plan(after, event.time)
        for unit in touched:
            self._refresh_unit(unit)

    def answered(self, command: ev.AnyBody, accepted: bool, now_ms: int) -> None:
        """The hub's answer to one of our commands. A refused one frees what it had spoken for (someone
        else was quicker) and the incident is looked at again; an accepted one waits to be observed."""
        if accepted:
            return
        unit = self.index.get(getattr(command, "unit", ""))
        if unit is not None:
            self._spoken_for[unit] = False
        incident_id = getattr(command, "incident", "")
        self._in_flight.pop(incident_id, None)
        incident = self.state.incidents.get(incident_id)
        if incident is not None:
            self._plan(incident, now_ms)

    # --- what to do ----------------------------------------------------------------------------------

    def next_time(self) -> int | None:
        return self._queue[0][0] if self._queue else None

    def fire(self, now_ms: int) -> list[ev.AnyBody]:
        """Carry out the earliest planned action (due at or before ``now_ms``); returns its commands."""
        _, _, action, incident_id = heapq.heappop(self._queue)
        incident = self.state.incidents.get(incident_id)
        if incident is None or incident_id in self._in_flight:
            return []  # gone, or our last command about it is unsettled: its outcome plans what is next
        if action == _DISPATCH and incident.status is IncidentStatus.NEW and not incident.units:
            return self._dispatch(incident, now_ms)
        if action == _REFER and incident.status is IncidentStatus.NEW and not incident.units:
            self._in_flight[incident_id] = incident.status
            return [ev.IncidentReferred(incident=incident.id, department=incident.department or _owner(incident),
                                        reason="非警务警情，按职责清单移交", operator=self.operator)]
        if action == _CLOSE and incident.status is IncidentStatus.CLEARED and not incident.units:
            self._in_flight[incident_id] = incident.status
            return [ev.IncidentClosed(incident=incident.id, disposition=incident.disposition or "resolved",
                                      operator=self.operator)]
        return []

    def _dispatch(self, incident: Incident, now_ms: int) -> list[ev.AnyBody]:
        candidates = np.flatnonzero(self.free & ~self._spoken_for)
        if candidates.size == 0:
            self._schedule(now_ms + self._ms(self.policy.retry_s), _DISPATCH, incident.id)
            return []
        x, y = self.locate(now_ms)
        ix, iy = plane_xy(incident.lat, incident.lon)
        distance2 = (x[candidates] - ix) ** 2 + (y[candidates] - iy) ** 2
        wanted = self.policy.units_for_priority_1 if incident.priority == 1 else 1
        chosen = candidates[np.argsort(distance2, kind="stable")[:wanted]]
        sent = sum(1 for entry in incident.timeline if entry.kind == "unit_dispatched")
        self._in_flight[incident.id] = incident.status
        commands: list[ev.AnyBody] = []
        for n, unit_index in enumerate(chosen.tolist(), start=sent + 1):
            unit = self.unit_ids[unit_index]
            self._spoken_for[unit_index] = True
            commands.append(ev.UnitDispatched(incident=incident.id, unit=unit, order=f"{incident.id}:{unit}:{n}",
                                              operator=self.operator))
        return commands

    # --- bookkeeping ---------------------------------------------------------------------------------

    def _plan(self, incident: Incident, now_ms: int) -> None:
        if entered_by(incident) != self.desk:
            return  # a person's incident: theirs alone
        if incident.status is IncidentStatus.NEW and not incident.units:
            police = incident.category is Category.POLICE
            delay = self.policy.dispatch_delay_s if police else self.policy.refer_delay_s
            self._schedule(now_ms + self._draw_ms(delay), _DISPATCH if police else _REFER, incident.id)
        elif incident.status is IncidentStatus.CLEARED:
            self._schedule(now_ms + self._draw_ms(self.policy.close_delay_s), _CLOSE, incident.id)

    def _schedule(self, at_ms: int, action: str, incident_id: str) -> None:
        self._counter += 1
        heapq.heappush(self._queue, (at_ms, self._counter, action, incident_id))

    def _refresh_unit(self, unit_id: str) -> None:
        index = self.index.get(unit_id)
        if index is None:
            return
        unit = self.state.units.get(unit_id)
        free = unit is not None and unit.status is UnitStatus.AVAILABLE and not unit.incident
        self.free[index] = free
        if not free:
            self._spoken_for[index] = False  # its dispatch is seen (or someone else's): nothing pending

    def _draw_ms(self, bounds: tuple[float, float]) -> int:
        lo, hi = bounds
        return self._ms(lo + (hi - lo) * float(self.rng.random()))

    @staticmethod
    def _ms(seconds: float) -> int:
        return round(seconds * 1000.0)


def _owner(incident: Incident) -> str:
    if taxonomy.is_known(incident.incident_type):
        department = taxonomy.incident_type(incident.incident_type).department
        if department is not None:
            return department.value
    return "other"

