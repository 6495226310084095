"""The drill runner: a validated scenario played on a real hub from the trainer's desk, on the drill clock.

``start()`` opens the drill (``drill_started`` in live mode: its id, the scenario, the enrolled real units, the
simulated ones), registers the simulated units in drill mode and puts them on duty. ``step()``, called often
(the command line calls it every tenth of a second; a test after moving its fake wall clock), injects what is
due on the drill clock, plays the simulated units on their handsets in drill mode, folds the drill's events
that the desk was published (``observe``, from the desk's ``on_state``) and scores them, saying each inject and
each expectation met or missed through ``say``. The trainer may ``pause``, ``resume``, ``warp``, ``skip`` an
inject, ``inject`` one now, and ``end``; the drill ends by itself ("completed") when its duration is over.

What an inject becomes (PROTOCOL.md 9.8): a call is offered in drill mode by the trainer's desk (``call_offered``,
then ``call_ended`` when the caller hangs up); its incident is the one a desk creates from that call. A simulated
unit's failure, SOS and field record are its own reports. A real enrolled unit cannot be made to report: its
unavailability or breakdown is set from the trainer's desk (``unit_status_set`` in drill mode, or a note on its
drill incident while it works one, where the domain refuses the status); its radio silence, SOS and field
record are not injected, and the runner says so. A camera going dark is ``camera_status`` from the trainer's
desk in drill mode: the camera named, or the one the trainees' video wall shows first for the place of the call
``near`` names (``first_camera``), back online when the inject's ``duration`` is over.

Scoring is on drill time: each event's hub time is turned into drill time by the clock, so a deadline "+01:00
after the call" is a minute of drill time at any warp, and a pause does not count against the trainees.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable, Sequence
from concurrent import futures
from concurrent.futures import Future
from typing import NamedTuple

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.keys import ClientCurve
from dispatch_desktop.bus.sockets import Context
from dispatch_desktop.bus.workstation import CommandReply, Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Mode, UnitStatus
from dispatch_desktop.drill.cameras import first_camera_of
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.injects import CALLER_ON_LINE_MS, InjectPlayer
from dispatch_desktop.drill.loading import drill_unit_kinds
from dispatch_desktop.drill.rejoin import ResumePoint
from dispatch_desktop.drill.scenario import Inject, Scenario, drill_ms, drill_time
from dispatch_desktop.drill.scoring import DrillScore, Outcome, score_on_clock
from dispatch_desktop.drill.sim_units import MotionFactory, SimTimes, SimulatedUnits

log = logging.getLogger(__name__)

_REPLY_S = 10.0


class DrillRefused(RuntimeError):
    """The hub would not start the drill (one already runs, a unit is busy…): the message says why."""


class Said(NamedTuple):
    """One thing the runner says: ``key`` (``started``, ``call``, ``met``, ``missed``, ``not_injected``…, see
    ``DrillRunner._say``'s callers), the values its sentence needs, and the English line itself."""

    key: str
    values: dict[str, str]
    text: str


class DrillRunner(InjectPlayer):
    """One drill of ``scenario`` from the trainer's ``desk``; see the module docstring. ``curve``: the key of a
    simulated unit's handset (None against a plain hub); ``context``: the ZeroMQ context of its handsets;
    ``motion``: how the simulated units move (``sim_units.simulated_motion``)."""

    def __init__(self, scenario: Scenario, city: City, desk: WorkstationClient, field_endpoint: str, *,
                 drill_id: str, clock: DrillClock, motion: MotionFactory, operator: str = "", seed: int = 0,
                 times: SimTimes | None = None,
                 curve: Callable[[str], ClientCurve | None] = lambda _unit: None, context: Context | None = None,
                 say: Callable[[str], None] = lambda _line: None,
                 tell: Callable[[Said], None] = lambda _said: None,
                 first_camera: Callable[[float, float], str | None] | None = None) -> None:
        """``first_camera``: the camera a video wall shows first for a place (a trainer's desk passes its wall's
        choice, so the camera that goes dark is the one the trainees watch; default: the city's cameras, ranked
        as a wall ranks them)."""
        self.scenario, self.city, self.desk, self.clock, self.say, self.tell = scenario, city, desk, clock, say, tell
        self.drill_id, self.operator = drill_id, operator
        starts = {unit.id: self._place(unit.place) for unit in scenario.units.simulated}
        self.units = SimulatedUnits(scenario.units.simulated, starts, motion=motion, seed=seed, times=times)
        self.field_endpoint, self._curve = field_endpoint, curve
        self.fleet = FieldFleet(context=context)  # the hub's own for an in-process hub's inproc:// endpoints
        self.handsets: dict[str, FieldClient] = {}  # the simulated units' own, once the drill started
        self.injected: dict[str, tuple[str, int]] = {}  # inject id -> (its incident, drill ms it came)
        self.skipped: set[str] = set()
        self.started_gseq = 0
        self.ended: ev.DrillEndReason | None = None
        self._calls: dict[str, str] = {}  # call id -> inject id
        self._hangups: list[tuple[int, str]] = []  # (drill ms, call id)
        self._relit: list[tuple[int, str]] = []  # (drill ms, camera id): dark cameras coming back
        self._first_camera = first_camera or first_camera_of(city)
        self._working: dict[str, str] = {}  # real or simulated unit -> the drill incident it works
        self._events: list[tuple[int, ev.Envelope]] = []  # the drill's, as published
        self._inbox: queue.SimpleQueue[list[Published] | None] = queue.SimpleQueue()
        self._orders: list[p.Order] = []
        self._pending: list[tuple[str, Future[CommandReply]]] = []
        self._outcomes: dict[str, Outcome] = {}
        self._kinds = drill_unit_kinds(scenario, city)

    # --- opening and closing ----------------------------------------------------------------------------

    def start(self) -> None:
        """Open the drill on the hub and put its simulated units on duty; ``DrillRefused`` if the hub says no."""
        started = self._wait(self.desk.send_command(ev.DrillStarted(
            drill=self.drill_id, scenario=self.scenario.id, version=self.scenario.version,
            enrolled=self.scenario.units.enrolled, simulated=tuple(unit.id for unit in self.scenario.units.simulated),
            operator=self.operator)))
        if not started.accepted:
            self.fleet.close()
            raise DrillRefused(f"the hub did not start drill {self.drill_id}: {started.message} ({started.code})")
        self.started_gseq = started.gseq
        self.clock.start()
        if self.clock.warp != 1:  # the log's clock starts at ×1 (drill_started has no warp): say it is not
            self._record_clock(ev.DrillClockAction.WARPED)
        self._open_handsets()
        for registration in self.units.registrations():
            self._wait(self._drill(registration))
            self._wait(self._drill(ev.UnitStatusSet(unit=registration.unit, status=UnitStatus.AVAILABLE,
                                                    operator=self.operator)))
        self._say("started", f"drill {self.drill_id} started: {self.scenario.id} version {self.scenario.version}, "
                  f"{len(self.scenario.injects)} injects, {self.scenario.duration} long", drill=self.drill_id,
                  scenario=self.scenario.id, injects=len(self.scenario.injects), duration=self.scenario.duration)

    def _open_handsets(self) -> None:
        for unit in self.scenario.units.simulated:
            self.handsets[unit.id] = self.fleet.add(FieldClient(
                unit.id, self.field_endpoint, context=self.fleet.context, curve=self._curve(unit.id),
                clock=self.clock.wall_seconds, on_order=self._order))

    def rejoin(self, point: ResumePoint) -> None:
        """Take over the drill an interrupted runner left running (instead of ``start``): its clock as the log
        has it, the injects that came (one due before the runner stopped that left no event is taken as done),
        its calls and incidents, the simulated units where they stand and on what; what fell due while no
        runner ran comes now. A drill's camera left dark stays dark to its end."""
        if point.drill.drill != self.drill_id:
            raise ValueError(f"the runner was made for drill {self.drill_id}, not {point.drill.drill}")
        self.started_gseq = point.started_gseq
        self.clock.restore(point.drill.started_at, (item.event for item in point.events))
        now = self.clock.now()
        self._calls = dict(point.calls)
        for inject_id, at_ms in point.came.items():
            self.injected[inject_id] = ("", self.clock.drill_at(at_ms))
        stopped = self.clock.drill_at(point.stopped_ms)
        for inject in self._due(stopped):  # due before the runner stopped, and no event shows it: lost with it
            self.injected[inject.id] = ("", self._due_at(inject, set()) or 0)
        for item in point.events:
            self._take(item.gseq, item.event)
        for call in point.state.calls.values():
            if call.id in self._calls and not call.ended_at:  # the caller hangs up as the runner would have made it
                offered = self.clock.drill_at(call.offered_at)
                self._hangups.append((max(now, offered + CALLER_ON_LINE_MS), call.id))
        self._hangups.sort()
        self._open_handsets()
        orders = {order.unit: order.order for order in point.state.orders.values() if order.incident}
        self.units.take_up(now, {
            unit.id: (unit.lat, unit.lon, unit.status, unit.incident, orders.get(unit.id, ""))
            for unit in point.state.units.values() if unit.id in self.handsets})
        self._say("rejoined", f"{drill_time(now)} drill {self.drill_id} taken over: {len(point.came)} injects came, "
                  f"{len(self._due(now))} due now", at=drill_time(now), drill=self.drill_id, came=len(point.came),
                  due=len(self._due(now)))

    def end(self, reason: ev.DrillEndReason = ev.DrillEndReason.ENDED) -> None:
        """Close the drill on the hub (``drill_ended``) and the simulated units' handsets; idempotent."""
        if self.ended is not None:
            return
        self.ended = reason
        try:
            reply = self._wait(self.desk.send_command(ev.DrillEnded(drill=self.drill_id, reason=reason,
                                                                    operator=self.operator)))
        finally:
            self.fleet.close()
        if not reply.accepted and reply.code != "drill_not_running":  # not running: ended from another desk
            raise DrillRefused(f"the hub did not end drill {self.drill_id}: {reply.message} ({reply.code})")
        at = min(self.clock.now(), self.scenario.duration_ms)
        self._say("ended", f"drill {self.drill_id} {reason.value} at {drill_time(at)}", drill=self.drill_id,
                  reason=reason.value, at=drill_time(at))

    @property
    def started(self) -> bool:
        """Did the hub start the drill (whether it ended since or not)?"""
        return self.started_gseq > 0

    @property
    def running(self) -> bool:
        """Started and not ended (by the trainer, at its duration, or from another desk)."""
        return self.started and self.ended is None

    # --- what the trainer does ---------------------------------------------------------------------------

    def pause(self) -> None:
        self.clock.pause()
        self._record_clock(ev.DrillClockAction.PAUSED)
        self._say("paused", f"{drill_time(self.clock.now())} paused", at=drill_time(self.clock.now()))

    def resume(self) -> None:
        self.clock.resume()
        self._record_clock(ev.DrillClockAction.RESUMED)
        self._say("resumed", f"{drill_time(self.clock.now())} resumed", at=drill_time(self.clock.now()))

    def warp(self, factor: float) -> None:
        self.clock.set_warp(factor)
        self._record_clock(ev.DrillClockAction.WARPED)
        self._say("warped", f"{drill_time(self.clock.now())} warp ×{factor:g}", at=drill_time(self.clock.now()),
                  factor=f"{factor:g}")

    def _record_clock(self, action: ev.DrillClockAction) -> None:
        """Into the log, so that the report reads each event's drill time as the runner does
        (``DrillClock.from_events``). Waited for (a refusal is said by ``step``): the hub stamps it on receipt,
        which the report takes for the moment of the change, so it must not linger behind the runner's clock."""
        if self.running:
            futures.wait([self._drill(ev.DrillClockChanged(
                drill=self.drill_id, action=action, drill_ms=self.clock.now(), factor=self.clock.warp,
                operator=self.operator))], timeout=_REPLY_S)

    def skip(self, inject_id: str) -> None:
        """The inject will not come (those ``after`` it still come, counted from when it was due)."""
        if self.scenario.inject(inject_id) is None or inject_id in self.injected:
            raise ValueError(f'"{inject_id}" is no inject still to come in {self.scenario.id}')
        self.skipped.add(inject_id)
        self._say("skipped", f"{drill_time(self.clock.now())} {inject_id}: skipped", at=drill_time(self.clock.now()),
                  inject=inject_id)

    def inject(self, inject: Inject) -> None:
        """Inject now, whatever its time: one of the scenario's (ahead of its time) or an ad-hoc one."""
        self._fire(inject, self.clock.now())

    # --- running ---------------------------------------------------------------------------------------

    def observe(self, changed: list[Published] | None) -> None:
        """The desk's ``on_state`` (any thread): the events it was published (None: a snapshot replaced them)."""
        self._inbox.put(changed)

    def step(self) -> None:
        """Everything due up to now on the drill clock; ends the drill when its duration is over."""
        if not self.running:
            return
        self.fleet.poll(timeout=0)
        if not self._take_events():
            return  # ended from another desk: its handsets are closed
        for order in self._orders:
            self.units.on_order(order.unit, order.kind, order.incident, order.order)
        self._orders.clear()
        now = min(self.clock.now(), self.scenario.duration_ms)
        for inject in self._due(now):
            self._fire(inject, now)
        while self._hangups and self._hangups[0][0] <= now:
            self._drill(ev.CallEnded(call=self._hangups.pop(0)[1], reason="hangup"))
        while self._relit and self._relit[0][0] <= now:
            self._drill(ev.CameraStatus(camera=self._relit.pop(0)[1], online=True, reason="演练注入：信号恢复",
                                        operator=self.operator))
        for unit, body in self.units.step(now):
            self.handsets[unit].report(body, mode=Mode.DRILL)
        self.fleet.poll(timeout=0)
        self._check_replies()
        self._report_score(now)
        if now >= self.scenario.duration_ms:
            self.end(ev.DrillEndReason.COMPLETED)

    def score(self) -> DrillScore:
        """The score now, on drill time (at the end: at the drill time it ended)."""
        return score_on_clock(self.scenario, self.clock, self.injected, self._events, self.clock.now(),
                              unit_kinds=self._kinds)

    @property
    def events(self) -> Sequence[tuple[int, ev.Envelope]]:
        return tuple(self._events)

    # --- injects ---------------------------------------------------------------------------------------

    def _due(self, now: int) -> list[Inject]:
        """The scenario's injects due by drill time ``now``, in the order they fall due."""
        due = []
        for inject in self.scenario.injects:
            at = self._due_at(inject, set())
            if at is not None and at <= now and inject.id not in self.injected and inject.id not in self.skipped:
                due.append((at, inject))
        return [inject for _at, inject in sorted(due, key=lambda item: item[0])]

    def _due_at(self, inject: Inject, seen: set[str]) -> int | None:
        if inject.id in self.injected:
            return self.injected[inject.id][1]
        if inject.after is None:
            return drill_ms(inject.at or "+00:00")
        before = self.scenario.inject(inject.after.inject)
        if before is None or before.id in seen:
            return None
        # A skipped inject's followers come when they would have: from its own due time.
        base = self._due_at(before, seen | {inject.id})
        if base is None or (before.id not in self.injected and before.id not in self.skipped):
            return None
        return base + drill_ms(inject.after.delay)

    # --- the drill's events ------------------------------------------------------------------------------

    def _take_events(self) -> bool:
        """Fold in what the desk was published; False once the drill has ended (from another desk)."""
        while not self._inbox.empty():
            changed = self._inbox.get()
            if changed is None:  # a snapshot replaced the events in between: read them from the hub's log
                changed = self.desk.request_events(after=self._last_gseq()).result(timeout=30)
            for gseq, event in changed:
                if gseq > self._last_gseq():
                    self._take(gseq, event)
        return self.running

    def _last_gseq(self) -> int:
        return self._events[-1][0] if self._events else self.started_gseq

    def _take(self, gseq: int, event: ev.Envelope) -> None:
        body = event.body
        if event.mode is Mode.LIVE:
            if isinstance(body, ev.DrillEnded) and body.drill == self.drill_id and self.ended is None:
                self.ended = body.reason  # ended from another desk
                self.fleet.close()
                self._say("ended_elsewhere", f"drill {self.drill_id} ended from {event.source} ({body.reason.value})",
                          drill=self.drill_id, desk=event.source)
            return
        self._events.append((gseq, event))
        self.units.observe(body)
        if isinstance(body, ev.IncidentCreated) and body.call in self._calls:
            inject_id = self._calls[body.call]
            self.injected[inject_id] = (body.incident, self.injected.get(inject_id, ("", self.clock.now()))[1])
        elif isinstance(body, ev.UnitDispatched):
            self._working[body.unit] = body.incident
        elif isinstance(body, ev.UnitRecalled | ev.Clearance | ev.IncidentClosed | ev.IncidentReferred):
            for unit, incident in list(self._working.items()):
                if incident == body.incident and (not isinstance(body, ev.UnitRecalled) or unit == body.unit):
                    del self._working[unit]

    def _report_score(self, now: int) -> None:
        for item in self.score().expectations:
            if item.outcome is not Outcome.PENDING and self._outcomes.get(item.id) is not item.outcome:
                self._outcomes[item.id] = item.outcome
                self._say(item.outcome.value, f"{drill_time(now)} {item.outcome.value}: {item.id} "
                          f"({item.expectation.text.en}) {item.earned}/{item.points}", at=drill_time(now),
                          expectation=item.expectation.text.zh, expectation_en=item.expectation.text.en,
                          earned=item.earned, points=item.points)

    # --- plumbing ----------------------------------------------------------------------------------------

    def _say(self, key: str, text: str, **values: object) -> None:
        """What happened, as an English line (``say``: the command line prints it) and as a ``Said`` (``tell``:
        the desk says it in its user's language)."""
        self.say(text)
        self.tell(Said(key, {name: str(value) for name, value in values.items()}, text))

    def _order(self, order: p.Order) -> None:
        self._orders.append(order)  # called while the fleet is polled, on the runner's own thread

    def _drill(self, body: ev.AnyBody) -> Future[CommandReply]:
        future = self.desk.send_command(body, mode=Mode.DRILL)
        self._pending.append((body.kind, future))
        return future

    def _check_replies(self) -> None:
        for kind, future in [item for item in self._pending if item[1].done()]:
            self._pending.remove((kind, future))
            reply = future.result()
            if not reply.accepted:
                self._say("refused", f"{drill_time(self.clock.now())} the hub refused the runner's {kind}: "
                          f"{reply.message} ({reply.code})", at=drill_time(self.clock.now()), kind=kind,
                          message=reply.message)

    def _wait(self, future: Future[CommandReply]) -> CommandReply:
        reply = future.result(timeout=_REPLY_S)
        if (kind_future := next((item for item in self._pending if item[1] is future), None)) is not None:
            self._pending.remove(kind_future)
            if not reply.accepted:
                raise DrillRefused(f"the hub refused the drill's {kind_future[0]}: {reply.message} ({reply.code})")
        return reply

    def _place(self, name: str) -> tuple[float, float]:
        found = self.city.search(name, limit=1)
        if not found:  # the loader checked every place against this city: only another city gets here
            raise ValueError(f'"{name}" is not a place the city\'s search finds: validate the scenario against '
                             "the hub's city (--seed)")
        return found[0].lat, found[0].lon

