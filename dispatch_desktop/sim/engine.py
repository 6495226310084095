"""The city simulator: field units, 110 calls and (optionally) a dispatcher, as a pure function of time.

``Engine.step(now_ms)`` returns what the field, the simulated telephony gateway and the simulated desk
send up to ``now_ms``: each item an ``Outgoing`` (who sends it, the body, its simulated time). Orders the
hub routes to units come back in through ``on_order``; accepted events from the hub (or a loopback)
through ``observe``. Nothing here reads a clock, opens a socket or draws from global randomness: the
same seed, start time and inputs give the same output, byte for byte.

What a unit does follows the domain's rules: it reports positions while on duty; on a dispatch order it
acknowledges after a human delay, drives to the scene, reports its arrival, a scene survey and the
clearance after a time that depends on the incident, then goes back to patrol; a recall sends it back
at once. A clearance releases every unit on the incident, so the colleagues this engine runs stop too.

Calls ring at the gateway first (``switchboard``); the simulated desk answers, enters and (with
``auto_dispatch``) dispatches only what nobody else took: a call a person answered, and an incident a
person entered, are theirs alone.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City, plane_latlon, plane_xy
from dispatch_desktop.domain.enums import FieldRecordKind, OrderKind, UnitStatus
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.domain.taxonomy import incident_type, is_known
from dispatch_desktop.sim.calls import NEVER, CallModel, CallStream
from dispatch_desktop.sim.dispatcher import AutoDispatcher, DispatchPolicy
from dispatch_desktop.sim.motion import Fix, Fleet
from dispatch_desktop.sim.numbers import IncidentNumbers
from dispatch_desktop.sim.phone import Telephony
from dispatch_desktop.sim.switchboard import Desks, Switchboard
from dispatch_desktop.sim.world import (
    Movement,
    SimUnit,
    choose_units,
    patrol_loops,
    registration,
    speed_ranges,
)


class Outgoing(NamedTuple):
    source: str  # a unit id, ``SimConfig.desk`` (the simulated desk) or ``SimConfig.phone`` (its gateway)
    body: ev.AnyBody
    t_ms: int  # simulated time the message is made


class Order(Protocol):
    """What the engine needs of an order routed to a unit (``state.PendingOrder`` has it)."""

    @property
    def order(self) -> str: ...
    @property
    def kind(self) -> str: ...  # an OrderKind value
    @property
    def incident(self) -> str: ...


_ORDERS_REMEMBERED = 10_000
# Time on scene by priority, minutes: the most urgent incidents take longest to handle.
_SCENE_MINUTES = {1: (25.0, 40.0), 2: (15.0, 30.0), 3: (10.0, 20.0), 4: (5.0, 12.0)}


@dataclass(frozen=True)
class SimConfig:
    seed: int = 20161
    units: int = 1100  # up to the roster size patrol groups; more splits groups into officers
    report_interval_s: float = 5.0
    incidents_per_day: float | None = None  # None: the taxonomy's total, about 10,000
    auto_answer: bool = True  # the simulated call-taker answers the calls still ringing and enters them
    auto_dispatch: bool = True  # the automatic dispatcher works the incidents the simulated desk entered
    policy: DispatchPolicy = field(default_factory=DispatchPolicy)
    movement: Movement = field(default_factory=Movement)
    gps_noise_m: float = 4.0
    detour: float = 1.3  # roads are longer than the straight line
    ack_delay_s: tuple[float, float] = (5.0, 20.0)
    survey_delay_s: tuple[float, float] = (60.0, 240.0)  # arrival -> scene survey record
    parking_radius_m: float = 15.0  # units stop this close to the scene, not on it
    intake_delay_s: tuple[float, float] = (30.0, 90.0)  # call -> incident entered
    telephony: Telephony = field(default_factory=Telephony)
    call_prefix: str = "C"  # of the gateway's call ids; a runner adds a tag of its start
    desk: str = "sim-desk"  # the simulated desk's workstation id
    phone: str = "sim-phone"  # the simulated telephony gateway's workstation id
    operator: str = "模拟坐席"  # the name on what the simulated desk does

    def __post_init__(self) -> None:
        if self.report_interval_s <= 0:
            raise ValueError(f"report interval must be positive, got {self.report_interval_s}")
        if self.units < 0:
            raise ValueError(f"units must not be negative, got {self.units}")


# What a simulated unit is doing (the engine's side of the domain's unit status).
_PATROL, _ORDERED, _EN_ROUTE, _ON_SCENE = range(4)
# Scheduled steps of a unit's work on an incident.
_ACK, _ARRIVE, _SURVEY, _CLEAR = "ack", "arrive", "survey", "clear"


@dataclass
class _Scene:
    x: float
    y: float
    priority: int
    incident_type: str


class Engine:
    def __init__(self, city: City, config: SimConfig | None = None, *, start_ms: int,
                 state: State | None = None, wire: Callable[[int], int] | None = None) -> None:
        """``state``: the hub's current picture, when joining a running system (units carry on with what
        they were doing); without it every unit reports coming on duty. ``wire``: simulated time to the
        time it goes out as, for the call times the desk enters (the identity by default)."""
        self.config = config = config or SimConfig()
        self.city = city
        self.start_ms = start_ms
        self.now_ms = start_ms
        self.units: list[SimUnit] = choose_units(city, config.units)
        self.ids = [u.id for u in self.units]
        self.index = {unit_id: i for i, unit_id in enumerate(self.ids)}
        n = len(self.units)
        rng = np.random.default_rng([config.seed, 0x5EED])
        loops = patrol_loops(self.units, city, config.movement, rng)
        self.fleet = Fleet(loops, speed_ranges(self.units, config.movement), seed=config.seed, rng=rng,
                           gps_noise_m=config.gps_noise_m)
        self.period_ms = max(1, round(config.report_interval_s * 1000))
        # Spread report phases evenly over the interval, in a shuffled order.
        phase = (rng.permutation(n) * self.period_ms) // max(n, 1)
        self.next_report = start_ms + phase.astype(np.int64)
        self._earliest_report = int(self.next_report.min()) if n else NEVER
        calls = CallStream(CallModel(city, incidents_per_day=config.incidents_per_day), seed=config.seed,
                           start_ms=start_ms, intake_delay_s=config.intake_delay_s, id_prefix=config.call_prefix)
        self.switchboard = Switchboard(
            calls, config.telephony, Desks(phone=config.phone, desk=config.desk, operator=config.operator,
                                           answers=config.auto_answer),
            seed=config.seed, area=city.bbox, numbers=IncidentNumbers(config.desk),
            wire=wire if wire is not None else _same_time,
        )
        self._rng = np.random.default_rng([config.seed, 0xF10E])
        self._mode = [_PATROL] * n
        self._incident = [""] * n
        self._order = [""] * n
        self._generation = [0] * n
        self._queue: list[tuple[int, int, str, int, int]] = []
        self._counter = 0
        self._scenes: dict[str, _Scene] = {}
        self._assigned: dict[str, set[int]] = {}
        self._handled_orders: OrderedDict[str, None] = OrderedDict()  # the newest, to ignore resends
        self._waiting: dict[str, list[tuple[int, str]]] = {}  # incident -> (unit, order) not yet locatable
        self._startup: list[Outgoing] = []
        self.dispatcher = (
            AutoDispatcher(self.ids, self.locate, desk=config.desk, operator=config.operator, seed=config.seed,
                           policy=config.policy, state=state, now_ms=start_ms)
            if config.auto_dispatch else None
        )
        self._join(state)

    # --- the interface ----------------------------------------------------------------------------------

    def step(self, now_ms: int) -> list[Outgoing]:
        """Everything sent from the last step up to and including ``now_ms``, in time order."""
        if now_ms < self.now_ms:
            raise ValueError(f"time cannot go back: {now_ms} is before {self.now_ms}")
        out, self._startup = self._startup, []
        while True:
            when, what = self._next_event()
            if when > now_ms:
                break
            self._report(when, out)
            self.now_ms = max(self.now_ms, when)
            what(out)
        self._report(now_ms + 1, out)
        self.now_ms = now_ms
        return out

    def on_order(self, unit_id: str, order: Order) -> bool:
        """An order the hub delivered to a unit's handset; returns whether the unit acts on it
        (a resent order, or one for a unit this engine does not run, changes nothing)."""
        unit = self.index.get(unit_id)
        if unit is None or not order.order or order.order in self._handled_orders:
            return False
        self._handled_orders[order.order] = None
        if len(self._handled_orders) > _ORDERS_REMEMBERED:
            self._handled_orders.popitem(last=False)
        kind = OrderKind(order.kind)
        if kind is OrderKind.DISPATCH:
            if order.incident not in self._scenes:
                # Entered at another desk and not seen yet: go once the incident is known.
                self._waiting.setdefault(order.incident, []).append((unit, order.order))
                return True
            self._dispatch(unit, order.incident, order.order)
            return True
        if kind is OrderKind.RECALL:
            waiting = self._waiting.get(order.incident, [])
            if any(u == unit for u, _ in waiting):
                self._waiting[order.incident] = [(u, o) for u, o in waiting if u != unit]
                return True
            if self._incident[unit] != order.incident:
                return False
            self._release(unit, self.now_ms)
            return True
        return True  # a text message: read, nothing to do

    def observe(self, event: ev.Envelope) -> None:
        """An event the hub accepted (from anyone, this engine's own included)."""
        body = event.body
        if type(body) is ev.Position:
            return
        if self.dispatcher is not None:
            self.dispatcher.observe(event)
        self.switchboard.observe(event, self.now_ms)
        if isinstance(body, ev.IncidentCreated):
            self._learn(body)
        elif isinstance(body, ev.Clearance):
            for unit in sorted(self._assigned.get(body.incident, ())):
                self._release(unit, self.now_ms)
        elif isinstance(body, ev.UnitRecalled):
            recalled = self.index.get(body.unit)
            if recalled is not None and self._incident[recalled] == body.incident:
                self._release(recalled, self.now_ms)
        elif isinstance(body, ev.IncidentClosed | ev.IncidentReferred):
            # Nobody can still be on it; a unit that thinks so missed its recall.
            for unit in sorted(self._assigned.get(body.incident, ())):
                self._release(unit, self.now_ms)
            self._scenes.pop(body.incident, None)
            self._waiting.pop(body.incident, None)

    def answered(self, command: ev.AnyBody, accepted: bool) -> None:
        """The hub's answer to something this engine's desk or gateway sent (see ``AutoDispatcher.answered``
        and ``Switchboard.answered``)."""
        if self.dispatcher is not None:
            self.dispatcher.answered(command, accepted, self.now_ms)
        self.switchboard.answered(command, accepted, self.now_ms)

    def registrations(self, state: State | None = None) -> list[ev.UnitRegistered]:
        """The roster entries of the simulated units that ``state`` lacks (all of them without one).

        Only the hub registers units (a workstation may not), so these go to the hub's bootstrap: with
        patrol groups they are the city's own ``registration_events``; officers split out of groups
        exist only here."""
        return [registration(u) for u in self.units if state is None or u.id not in state.units]

    def resync(self, state: State) -> None:
        """The hub's whole state, after a gap in the observed stream (the automatic dispatcher starts
        over from it; units keep following their orders)."""
        if self.dispatcher is not None:
            self.dispatcher.resync(state, self.now_ms)
        self.switchboard.resync(state, self.now_ms)

    def locate(self, t_ms: int) -> tuple[np.ndarray, np.ndarray]:
        """True plane positions (metres) of every unit at ``t_ms`` (not before the last step)."""
        everyone = np.arange(len(self.units))
        fix = self.fleet.at(everyone, np.full(len(self.units), self._seconds(t_ms)))
        return fix.x, fix.y

    def status(self, unit_id: str) -> UnitStatus:
        """What the domain should say about the unit, as far as this engine knows."""
        mode = self._mode[self.index[unit_id]]
        return {_PATROL: UnitStatus.AVAILABLE, _ORDERED: UnitStatus.DISPATCHED, _EN_ROUTE: UnitStatus.EN_ROUTE,
                _ON_SCENE: UnitStatus.ON_SCENE}[mode]

    # --- event loop ---------------------------------------------------------------------------------

    def _next_event(self) -> tuple[int, Callable[[list[Outgoing]], None]]:
        candidates: list[tuple[int, int, Callable[[list[Outgoing]], None]]] = []
        if self._queue:
            candidates.append((self._queue[0][0], 0, self._unit_step))
        if self.dispatcher is not None:
            when = self.dispatcher.next_time()
            if when is not None:
                candidates.append((when, 1, self._desk_step))
        candidates.append((self.switchboard.next_time(), 2, self._switchboard_step))
        when, _, handler = min(candidates, key=lambda c: c[:2])
        return max(when, self.now_ms), handler

    def _schedule(self, at_ms: int, what: str, unit: int) -> None:
        self._counter += 1
        heapq.heappush(self._queue, (at_ms, self._counter, what, unit, self._generation[unit]))

    def _unit_step(self, out: list[Outgoing]) -> None:
        _, _, what, unit, generation = heapq.heappop(self._queue)
        if generation != self._generation[unit]:
            return  # the unit was released or re-tasked since this was planned
        t = self.now_ms
        incident = self._incident[unit]
        source = self.ids[unit]
        if incident not in self._scenes:
            self._release(unit, t)  # the incident is gone from under it (closed elsewhere)
            return
        if what == _ACK:
            out.append(Outgoing(source, ev.DispatchAck(incident=incident, order=self._order[unit]), t))
            self._mode[unit] = _EN_ROUTE
            scene = self._scenes[incident]
            x, y = self._parking_spot(scene)
            arrival = self.fleet.go_to(unit, self._seconds(t), x, y, detour=self.config.detour)
            self._schedule(self._ms(arrival), _ARRIVE, unit)
        elif what == _ARRIVE:
            out.append(Outgoing(source, ev.Arrival(incident=incident), t))
            self._on_scene(unit, t)
        elif what == _SURVEY:
            out.append(Outgoing(source, self._survey(unit, incident), t))
        elif what == _CLEAR:
            out.append(Outgoing(source, ev.Clearance(incident=incident, result="resolved",
                                                     summary=f"{self._type_name(incident)}，现场处置完毕"), t))
            for colleague in sorted(self._assigned.get(incident, ())):
                self._release(colleague, t)

    def _desk_step(self, out: list[Outgoing]) -> None:
        assert self.dispatcher is not None
        for body in self.dispatcher.fire(self.now_ms):
            out.append(Outgoing(self.config.desk, body, self.now_ms))

    def _switchboard_step(self, out: list[Outgoing]) -> None:
        for source, body in self.switchboard.fire(self.now_ms):
            out.append(Outgoing(source, body, self.now_ms))

    # --- position reports ---------------------------------------------------------------------------

    def _report(self, before_ms: int, out: list[Outgoing]) -> None:
        """Append every position report due strictly before ``before_ms``, in time order."""
        if before_ms <= self._earliest_report:
            return
        due = np.flatnonzero(self.next_report < before_ms)
        rounds: list[tuple[np.ndarray, np.ndarray, Fix]] = []
        while due.size:  # more than one round only when a step spans more than a report interval
            times = self.next_report[due]
            rounds.append((due, times, self.fleet.reported(due, (times - self.start_ms) / 1000.0)))
            self.next_report[due] = times + self.period_ms
            due = due[self.next_report[due] < before_ms]
        self._earliest_report = int(self.next_report.min())
        if len(rounds) == 1:
            units, times, fix = rounds[0]
            order = np.argsort(times, kind="stable")  # units come in index order: ties stay so
        else:
            units = np.concatenate([r[0] for r in rounds])
            times = np.concatenate([r[1] for r in rounds])
            fix = Fix(*(np.concatenate([getattr(r[2], name) for r in rounds]) for name in Fix.__dataclass_fields__))
            order = np.lexsort((units, times))
        lat, lon = plane_latlon(fix.x[order], fix.y[order])
        lat = lat.round(6).tolist()
        lon = lon.round(6).tolist()
        heading = (fix.heading[order].round(1) % 360.0).tolist()
        speed = fix.speed[order].round(1).tolist()
        ids = self.ids
        position = ev.Position
        append = out.append
        for u, t, la, lo, h, s in zip(units[order].tolist(), times[order].tolist(), lat, lon, heading, speed,
                                      strict=True):
            append(Outgoing(ids[u], position(lat=la, lon=lo, heading=h, speed=s), t))

    # --- a unit's work ------------------------------------------------------------------------------

    def _dispatch(self, unit: int, incident: str, order: str) -> None:
        if self._incident[unit] and self._incident[unit] != incident:
            # A new dispatch means the old job is over (its recall may simply not have arrived yet).
            self._release(unit, self.now_ms)
        if self._incident[unit] == incident and self._mode[unit] != _PATROL:
            return
        self._generation[unit] += 1
        self._mode[unit] = _ORDERED
        self._incident[unit] = incident
        self._order[unit] = order
        self._assigned.setdefault(incident, set()).add(unit)
        self._schedule(self.now_ms + round(1000 * self._draw(self.config.ack_delay_s)), _ACK, unit)

    def _on_scene(self, unit: int, t_ms: int) -> None:
        self._mode[unit] = _ON_SCENE
        scene = self._scenes[self._incident[unit]]
        lo, hi = _SCENE_MINUTES.get(scene.priority, _SCENE_MINUTES[3])
        on_scene_ms = round(60_000 * (lo + (hi - lo) * self._rng.random()))
        survey_ms = round(1000 * self._draw(self.config.survey_delay_s))
        if survey_ms < on_scene_ms:
            self._schedule(t_ms + survey_ms, _SURVEY, unit)
        self._schedule(t_ms + on_scene_ms, _CLEAR, unit)

    def _release(self, unit: int, t_ms: int) -> None:
        """Off the incident and back to patrol (after clearance, a recall, or a colleague's clearance)."""
        incident = self._incident[unit]
        assigned = self._assigned.get(incident)
        if assigned is not None:
            assigned.discard(unit)
            if not assigned:
                del self._assigned[incident]
        was = self._mode[unit]
        self._generation[unit] += 1
        self._mode[unit] = _PATROL
        self._incident[unit] = ""
        self._order[unit] = ""
        if was in (_EN_ROUTE, _ON_SCENE):
            self.fleet.resume_patrol(unit, self._seconds(t_ms), detour=self.config.detour)

    def _learn(self, body: ev.IncidentCreated) -> None:
        if body.incident in self._scenes:
            return
        x, y = plane_xy(body.lat, body.lon)
        self._scenes[body.incident] = _Scene(float(x), float(y), body.priority, body.incident_type)
        for unit, order in self._waiting.pop(body.incident, []):
            self._dispatch(unit, body.incident, order)

    def _survey(self, unit: int, incident: str) -> ev.FieldRecord:
        return ev.FieldRecord(
            record=FieldRecordKind.SCENE_SURVEY,
            record_id=f"{incident}:{self.ids[unit]}:survey",
            incident=incident,
            fields={"警情类别": self._type_name(incident), "现场情况": "已到场核实，正在处置"},
        )

    def _type_name(self, incident: str) -> str:
        scene = self._scenes.get(incident)
        code = scene.incident_type if scene is not None else ""
        return incident_type(code).name_zh if is_known(code) else code

    def _parking_spot(self, scene: _Scene) -> tuple[float, float]:
        radius = self.config.parking_radius_m * math.sqrt(self._rng.random())
        angle = 2.0 * math.pi * self._rng.random()
        return scene.x + radius * math.sin(angle), scene.y + radius * math.cos(angle)

    # --- joining ------------------------------------------------------------------------------------

    def _join(self, state: State | None) -> None:
        """On-duty reports for the first step; with the hub's state, every unit takes up where it was
        and what it was doing."""
        t = self.start_ms
        if state is not None:
            self._startup += [Outgoing(source, body, t) for source, body in self.switchboard.join(state)]
        for unit, spec in enumerate(self.units):
            known = state.units.get(spec.id) if state is not None else None
            if known is not None and known.last_report:
                x, y = plane_xy(known.lat, known.lon)
                self.fleet.hold(unit, 0.0, (float(x), float(y)))
                self.fleet.resume_patrol(unit, 0.0)
            if state is not None and known is not None and known.incident in state.incidents:
                self._resume(unit, known.status, state.incidents[known.incident], state)
            elif known is None or known.status is not UnitStatus.AVAILABLE:
                self._startup.append(Outgoing(spec.id, ev.StatusReport(status=UnitStatus.AVAILABLE, note="上勤"), t))

    def _resume(self, unit: int, status: UnitStatus, incident: Incident, state: State) -> None:
        x, y = plane_xy(incident.lat, incident.lon)
        self._scenes.setdefault(incident.id, _Scene(float(x), float(y), incident.priority, incident.incident_type))
        pending = sorted(o.order for o in state.orders.values() if o.unit == self.ids[unit]
                         and o.incident == incident.id and o.kind == OrderKind.DISPATCH.value)
        self._handled_orders.update(dict.fromkeys(pending))  # the hub may deliver it again: already worked
        self._dispatch(unit, incident.id, pending[0] if pending else "")
        if status is UnitStatus.DISPATCHED:
            return  # the acknowledgement is still to come, as planned by _dispatch
        self._generation[unit] += 1  # already acknowledged: drop the planned acknowledgement
        if status is UnitStatus.EN_ROUTE:
            self._mode[unit] = _EN_ROUTE
            spot = self._parking_spot(self._scenes[incident.id])
            self._schedule(self._ms(self.fleet.go_to(unit, 0.0, *spot, detour=self.config.detour)), _ARRIVE, unit)
        else:
            self.fleet.hold(unit, 0.0, self._parking_spot(self._scenes[incident.id]))
            self._on_scene(unit, self.start_ms)

    # --- helpers ------------------------------------------------------------------------------------

    def _draw(self, bounds: tuple[float, float]) -> float:
        lo, hi = bounds
        return lo + (hi - lo) * float(self._rng.random())

    def _seconds(self, t_ms: int) -> float:
        return (t_ms - self.start_ms) / 1000.0

    def _ms(self, seconds: float) -> int:
        return self.start_ms + math.ceil(seconds * 1000.0)


def _same_time(t_ms: int) -> int:
    return t_ms

