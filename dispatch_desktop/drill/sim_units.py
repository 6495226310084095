"""A drill's simulated units: where each one is and what it does with the drill's orders, on drill time.

They move as the city simulator's units do (``sim.motion.Fleet``: straight legs at a car's or a walker's speed,
stretched by a detour factor for the roads, with GPS noise), starting still at their scenario ``place``. The
caller hands that motion in (``MotionFactory``; ``simulated_motion`` below builds the simulator's; a test may
give a simpler one). On a
dispatch order a unit acknowledges after a human delay, drives to a spot beside the incident, reports its
arrival and, after ``scene_s`` on scene, the clearance; released (cleared, recalled, the incident closed) it
drives back to where it started and waits there. A failure stops it: radio silence (no position, no answer, its
orders not heard), unavailable or a breakdown (it stands still and reports itself unavailable once it is on no
incident: the domain refuses that status to a unit at work, so the runner tells the desk in a note).

Pure: no clock, no socket. ``step(drill_ms)`` returns what the units say up to that drill time; the runner
sends it on their handsets in drill mode.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import plane_latlon, plane_xy
from dispatch_desktop.domain.enums import OrderKind, UnitKind, UnitStatus
from dispatch_desktop.drill.scenario import SimulatedUnit, UnitFailureKind
from dispatch_desktop.sim import motion as sim_motion
from dispatch_desktop.sim.world import Movement


@dataclass(frozen=True)
class SimTimes:
    """How the simulated units behave, in seconds of drill time (defaults as the city simulator's)."""

    ack_s: tuple[float, float] = (5.0, 15.0)  # order -> acknowledgement
    scene_s: float = 600.0  # arrival -> clearance
    report_every_s: float = 5.0
    detour: float = 1.3  # roads are longer than the straight line
    parking_radius_m: float = 15.0  # they stop beside the scene, not on it
    gps_noise_m: float = 4.0


class Fix(Protocol):
    """Positions of some units (arrays aligned with the query), as ``sim.motion.Fix``."""

    @property
    def x(self) -> np.ndarray: ...
    @property
    def y(self) -> np.ndarray: ...
    @property
    def heading(self) -> np.ndarray: ...
    @property
    def speed(self) -> np.ndarray: ...


class Motion(Protocol):
    """Where each unit is on the city's plane (metres, seconds of drill time), as ``sim.motion.Fleet``: every
    unit standing still at its home at first."""

    def where(self, unit: int, t: float) -> tuple[float, float]: ...
    def go_to(self, unit: int, t: float, x: float, y: float, *, detour: float = 1.0) -> float: ...
    def hold(self, unit: int, t: float, at: tuple[float, float] | None = None) -> None: ...
    def reported(self, units: np.ndarray, t: np.ndarray) -> Fix: ...


MotionFactory = Callable[[Sequence[tuple[float, float]], Sequence[bool], int, float], Motion]
"""(homes on the plane, on foot or not, seed, GPS noise in metres) -> the units' motion."""

Said = tuple[str, ev.AnyBody]
"""What a unit says: (its id, a report body)."""

_ACK, _ARRIVE, _CLEAR, _RECOVER = "ack", "arrive", "clear", "recover"


@dataclass
class _Job:
    incident: str = ""
    order: str = ""
    generation: int = 0  # raised when the unit is re-tasked or released: its planned steps are void


class SimulatedUnits:
    """The scenario's simulated units; ``starts``: each one's starting (lat, lon), its place resolved."""

    def __init__(self, units: Sequence[SimulatedUnit], starts: Mapping[str, tuple[float, float]], *,
                 motion: MotionFactory, seed: int, times: SimTimes | None = None) -> None:
        self.times = times = times or SimTimes()
        self.units = list(units)
        self.index = {unit.id: i for i, unit in enumerate(self.units)}
        homes = [tuple(float(v) for v in plane_xy(*starts[unit.id])) for unit in self.units]
        self.homes = [(x, y) for x, y in homes]
        self.fleet = motion(self.homes, [unit.kind is UnitKind.OFFICER for unit in self.units], seed,
                            times.gps_noise_m)
        self._rng = np.random.default_rng([seed, 0xD2])
        self._jobs = [_Job() for _ in self.units]
        self._scenes: dict[str, tuple[float, float]] = {}
        self._waiting: dict[str, list[tuple[int, str]]] = {}  # incident not yet seen -> (unit, order)
        self._silent_until: dict[int, int] = {}  # unit -> drill ms (math.inf-like: a huge number)
        self._down: set[int] = set()  # unavailable or broken down
        self._queue: list[tuple[int, int, str, int, int]] = []
        self._counter = 0
        self._now = 0
        self._next_report = 0

    # --- the roster -----------------------------------------------------------------------------------

    def registrations(self) -> list[ev.UnitRegistered]:
        """Each unit's roster entry for the drill (sent in drill mode by the trainer's desk)."""
        out = []
        for unit, (x, y) in zip(self.units, self.homes, strict=True):
            lat, lon = plane_latlon(x, y)
            out.append(ev.UnitRegistered(unit=unit.id, unit_kind=unit.kind, station=unit.station,
                                         name=unit.call_sign, lat=round(float(lat), 6), lon=round(float(lon), 6)))
        return out

    def position(self, unit_id: str) -> tuple[float, float]:
        """Where the unit is now (lat, lon)."""
        x, y = self.fleet.where(self.index[unit_id], self._now / 1000.0)
        lat, lon = plane_latlon(x, y)
        return round(float(lat), 6), round(float(lon), 6)

    def incident_of(self, unit_id: str) -> str:
        return self._jobs[self.index[unit_id]].incident

    # --- what they hear -------------------------------------------------------------------------------

    def learn(self, incident: str, lat: float, lon: float) -> None:
        """A drill incident was created: units ordered to it before it was seen set off now."""
        if incident in self._scenes:
            return
        x, y = plane_xy(lat, lon)
        self._scenes[incident] = (float(x), float(y))
        for unit, order in self._waiting.pop(incident, []):
            self._dispatch(unit, incident, order)

    def on_order(self, unit_id: str, kind: str, incident: str, order: str) -> None:
        """A drill order the hub delivered to the unit's handset (each order once)."""
        unit = self.index.get(unit_id)
        if unit is None or self._silent(unit):
            return  # a unit in radio silence does not hear it
        if kind == OrderKind.DISPATCH.value:
            if incident in self._scenes:
                self._dispatch(unit, incident, order)
            else:
                self._waiting.setdefault(incident, []).append((unit, order))
        elif kind == OrderKind.RECALL.value and self._jobs[unit].incident == incident:
            self._release(unit)

    def observe(self, body: ev.AnyBody) -> None:
        """A drill event: an incident to know, or a clearance (by any unit), a referral or a closure that releases
        the units on it (a recall comes as an order)."""
        if isinstance(body, ev.IncidentCreated):
            self.learn(body.incident, body.lat, body.lon)
        elif isinstance(body, ev.Clearance | ev.IncidentClosed | ev.IncidentReferred):
            for unit, job in enumerate(self._jobs):
                if job.incident == body.incident:
                    self._release(unit)

    def take_up(self, now_ms: int, standing: Mapping[str, tuple[float, float, UnitStatus, str, str]]) -> None:
        """Go on from where a drill's units stand, for a runner taking over an interrupted drill: ``standing``
        gives each unit's (lat, lon, status, incident, order) in the drill's state. Each waits at its last
        position; on an incident it goes on with the step its status says (dispatched: it acknowledges; en
        route: it drives on; on scene: it clears after its time there); unavailable, it stays down."""
        self._now = self._next_report = now_ms
        t = now_ms / 1000.0
        for unit_id, (lat, lon, status, incident, order) in standing.items():
            unit = self.index.get(unit_id)
            if unit is None:
                continue
            x, y = plane_xy(lat, lon)
            self.fleet.hold(unit, t, at=(float(x), float(y)))
            if status is UnitStatus.UNAVAILABLE:
                self._down.add(unit)
            if not incident or incident not in self._scenes:
                continue
            job = self._jobs[unit]
            job.generation += 1
            job.incident, job.order = incident, order
            if status is UnitStatus.DISPATCHED:
                self._schedule(now_ms, _ACK, unit)
            elif status is UnitStatus.EN_ROUTE:
                scene = self._scenes[incident]
                arrival = self.fleet.go_to(unit, t, scene[0], scene[1], detour=self.times.detour)
                self._schedule(math.ceil(arrival * 1000), _ARRIVE, unit)
            elif status is UnitStatus.ON_SCENE:
                self._schedule(now_ms + round(self.times.scene_s * 1000), _CLEAR, unit)

    # --- failures -------------------------------------------------------------------------------------

    def fail(self, unit_id: str, kind: UnitFailureKind, duration_ms: int | None) -> list[Said]:
        """The unit fails now, for ``duration_ms`` (None: to the end); returns what it says about it."""
        unit = self.index[unit_id]
        until = self._now + duration_ms if duration_ms is not None else 2**62
        if kind is UnitFailureKind.RADIO_SILENCE:
            self._silent_until[unit] = until
            return []
        self._down.add(unit)
        if kind is UnitFailureKind.BREAKDOWN:
            self.fleet.hold(unit, self._now / 1000.0)
            self._jobs[unit].generation += 1  # it gets nowhere: no arrival, no clearance
        if duration_ms is not None:
            self._schedule(until, _RECOVER, unit)
        return [] if self._jobs[unit].incident else [(unit_id, ev.StatusReport(status=UnitStatus.UNAVAILABLE,
                                                                              note=_NOTES[kind]))]

    def sos(self, unit_id: str) -> Said:
        lat, lon = self.position(unit_id)
        return unit_id, ev.Sos(lat=lat, lon=lon, note="演练：紧急求助")

    # --- time -----------------------------------------------------------------------------------------

    def step(self, drill_ms: int) -> list[Said]:
        """What the units say from the last step up to ``drill_ms``, in time order."""
        out: list[Said] = []
        while self._queue and self._queue[0][0] <= drill_ms:
            when, _, what, unit, generation = heapq.heappop(self._queue)
            self._now = max(self._now, when)
            if what == _RECOVER:
                out += self._recover(unit)
            elif generation == self._jobs[unit].generation:
                out += self._work(what, unit)
        self._now = max(self._now, drill_ms)
        if drill_ms >= self._next_report:
            out += self._positions()
            self._next_report = drill_ms + round(self.times.report_every_s * 1000)
        return [(unit_id, body) for unit_id, body in out if not self._silent(self.index[unit_id])]

    def next_due(self) -> int:
        """The drill time of the next thing a unit will say (a planned step or the next positions)."""
        return min(self._queue[0][0], self._next_report) if self._queue else self._next_report

    # --- internals ------------------------------------------------------------------------------------

    def _dispatch(self, unit: int, incident: str, order: str) -> None:
        job = self._jobs[unit]
        if job.incident == incident:
            return  # a resend of the dispatch it already works
        job.generation += 1
        job.incident, job.order = incident, order
        if unit not in self._down:
            self._schedule(self._now + round(1000 * self._draw(self.times.ack_s)), _ACK, unit)

    def _work(self, what: str, unit: int) -> list[Said]:
        job, unit_id, t = self._jobs[unit], self.units[unit].id, self._now / 1000.0
        if what == _ACK:
            scene = self._scenes[job.incident]
            radius = self.times.parking_radius_m * math.sqrt(self._rng.random())
            angle = 2.0 * math.pi * self._rng.random()
            arrival = self.fleet.go_to(unit, t, scene[0] + radius * math.sin(angle),
                                       scene[1] + radius * math.cos(angle), detour=self.times.detour)
            self._schedule(math.ceil(arrival * 1000), _ARRIVE, unit)
            return [(unit_id, ev.DispatchAck(incident=job.incident, order=job.order))]
        if what == _ARRIVE:
            self._schedule(self._now + round(self.times.scene_s * 1000), _CLEAR, unit)
            return [(unit_id, ev.Arrival(incident=job.incident))]
        incident = job.incident
        self._release(unit)
        return [(unit_id, ev.Clearance(incident=incident, result="resolved", summary="演练：现场处置完毕"))]

    def _release(self, unit: int) -> None:
        job = self._jobs[unit]
        job.generation += 1
        job.incident = job.order = ""
        if unit not in self._down:
            self.fleet.go_to(unit, self._now / 1000.0, *self.homes[unit], detour=self.times.detour)

    def _recover(self, unit: int) -> list[Said]:
        if unit in self._down:
            self._down.discard(unit)
            if not self._jobs[unit].incident:
                return [(self.units[unit].id, ev.StatusReport(status=UnitStatus.AVAILABLE, note="演练：恢复"))]
        return []

    def _positions(self) -> list[Said]:
        everyone = np.arange(len(self.units))
        if not len(everyone):
            return []
        fix = self.fleet.reported(everyone, np.full(len(everyone), self._now / 1000.0))
        lat, lon = plane_latlon(fix.x, fix.y)
        return [(unit.id, ev.Position(lat=round(float(lat[i]), 6), lon=round(float(lon[i]), 6),
                                      heading=round(float(fix.heading[i]), 1) % 360.0,
                                      speed=round(float(fix.speed[i]), 1)))
                for i, unit in enumerate(self.units)]

    def _silent(self, unit: int) -> bool:
        return self._silent_until.get(unit, -1) > self._now

    def _schedule(self, at_ms: int, what: str, unit: int) -> None:
        self._counter += 1
        heapq.heappush(self._queue, (at_ms, self._counter, what, unit, self._jobs[unit].generation))

    def _draw(self, bounds: tuple[float, float]) -> float:
        return bounds[0] + (bounds[1] - bounds[0]) * float(self._rng.random())


_NOTES = {UnitFailureKind.UNAVAILABLE: "演练：暂时无法出警", UnitFailureKind.BREAKDOWN: "演练：车辆故障"}


def simulated_motion(homes: Sequence[tuple[float, float]], on_foot: Sequence[bool], seed: int,
                     gps_noise_m: float) -> sim_motion.Fleet:
    """The city simulator's motion for a drill's simulated units (``drill.sim_units.MotionFactory``): a car's
    or a walker's speed, GPS noise, each unit standing at its home until sent somewhere."""
    movement = Movement()
    speeds = np.array([movement.foot_speed if foot else movement.car_speed for foot in on_foot],
                      dtype=np.float64).reshape(-1, 2)
    fleet = sim_motion.Fleet([np.array([home]) for home in homes], speeds, seed=seed,
                             rng=np.random.default_rng([seed, 0xD1]), gps_noise_m=gps_noise_m)
    for unit, home in enumerate(homes):
        fleet.hold(unit, 0.0, home)  # waiting at its place, not patrolling a loop of one point
    return fleet
