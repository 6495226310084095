"""What each kind of inject becomes when it falls due (PROTOCOL.md 9.8): the drill runner's part that plays them.

A call is offered in drill mode by the trainer's desk (and ended when the caller hangs up); a simulated unit's
failure, SOS and field record are its own handset's reports; a real enrolled unit's unavailability or breakdown
is set from the trainer's desk (or noted on the incident it works); a camera going dark is ``camera_status``.
What cannot be injected (a real unit's radio silence, SOS or field record) is said, not faked.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from dispatch_desktop.bus.field import FieldClient
from dispatch_desktop.bus.workstation import CommandReply
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode, UnitStatus
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.scenario import Call, CameraDark, Inject, Scenario, UnitFailureKind, drill_ms, drill_time
from dispatch_desktop.drill.sim_units import SimulatedUnits

CALLER_ON_LINE_MS = 180_000  # drill time a caller stays on the line (answered or not) before hanging up


class InjectPlayer:
    """The injects' side of ``DrillRunner``, which holds the state named here and does the plumbing below."""

    scenario: Scenario
    clock: DrillClock
    drill_id: str
    operator: str
    units: SimulatedUnits
    handsets: dict[str, FieldClient]
    injected: dict[str, tuple[str, int]]
    _calls: dict[str, str]
    _hangups: list[tuple[int, str]]
    _relit: list[tuple[int, str]]
    _working: dict[str, str]
    _first_camera: Callable[[float, float], str | None]

    def _drill(self, body: ev.AnyBody) -> Future[CommandReply]:
        raise NotImplementedError

    def _say(self, key: str, text: str, **values: object) -> None:
        raise NotImplementedError

    def _place(self, name: str) -> tuple[float, float]:
        raise NotImplementedError

    def _fire(self, inject: Inject, now: int) -> None:
        self.injected[inject.id] = ("", now)
        when = drill_time(now)
        if inject.call is not None:
            self._call(inject.id, inject.call, now)
        elif (failure := inject.unit_failure) is not None:
            self._failure(inject.id, failure.unit, failure.kind, failure.duration)
        elif (record := inject.field_record) is not None:
            incident = self.injected.get(record.inject, ("", 0))[0]
            if record.unit not in self.handsets:
                self._not_injected(inject.id, f"{record.unit} is a real unit: the runner does not report for a "
                                              "real handset; ask its crew for the record")
            elif not incident:
                self._not_injected(inject.id, f"no incident was created from call {record.inject} yet")
            else:
                fields = dict(record.fields)
                self.handsets[record.unit].report(ev.FieldRecord(
                    record=record.record, record_id=f"{self.drill_id}-{inject.id}", incident=incident,
                    fields=fields), mode=Mode.DRILL)
                self._say("field_record", f"{when} {inject.id}: {record.unit} reports {record.record.value} on "
                          f"{incident}", at=when, inject=inject.id, unit=record.unit, incident=incident)
        elif (sos := inject.sos) is not None:
            if sos.unit not in self.handsets:
                self._not_injected(inject.id, f"{sos.unit} is a real unit: ask its crew to press SOS")
            else:
                unit, body = self.units.sos(sos.unit)
                self.handsets[unit].report(body, mode=Mode.DRILL)
                self._say("sos", f"{when} {inject.id}: SOS from {unit}", at=when, inject=inject.id, unit=unit)
        elif (dark := inject.camera_dark) is not None:
            self._camera_dark(inject.id, dark, now)

    def _call(self, inject_id: str, call: Call, now: int) -> None:
        # Named after its inject, as the drill report finds a call's inject (drill.record); an ad-hoc repeat or a
        # long id gets a number instead.
        call_id = f"{self.drill_id}:{inject_id}"
        if call_id in self._calls or len(call_id) > 64:
            call_id = f"{self.drill_id}:C{len(self._calls) + 1:02d}"
        self._calls[call_id] = inject_id
        lat, lon = call.position if call.position is not None else self._place(call.place or "")
        address = call.address or call.place or ""
        self._drill(ev.CallOffered(call=call_id, number=call.number, address=address[:64], simulated=True,
                                   location=ev.CallLocation(lat=lat, lon=lon, accuracy_m=50, method="gnss")))
        self._hangups.append((now + CALLER_ON_LINE_MS, call_id))
        self._hangups.sort()
        self._say("call", f"{drill_time(now)} {inject_id}: 110 call {call_id} from {call.caller} {call.number} at "
                  f"{address} ({call.type}): {call.description}", at=drill_time(now), inject=inject_id,
                  number=call.number, address=address)

    def _failure(self, inject_id: str, unit: str, kind: UnitFailureKind, duration: str | None) -> None:
        when, lasting = drill_time(self.clock.now()), f" for {duration}" if duration else ""
        working = self._working.get(unit, "")
        if unit in self.handsets:
            for source, body in self.units.fail(unit, kind, drill_ms(duration) if duration else None):
                self.handsets[source].report(body, mode=Mode.DRILL)
        elif kind is UnitFailureKind.RADIO_SILENCE:
            self._not_injected(inject_id, f"{unit} is a real unit: its radio cannot be silenced from here; ask "
                                          "its crew to stop answering")
            return
        elif not working:
            self._drill(ev.UnitStatusSet(unit=unit, status=UnitStatus.UNAVAILABLE, reason=f"演练：{kind.value}",
                                         operator=self.operator))
        if working and kind is not UnitFailureKind.RADIO_SILENCE:
            # The domain refuses a status to a unit at work: the desk learns of it as the crew would radio it.
            self._drill(ev.IncidentNote(incident=working, text=f"演练注入：{unit} {_FAILURE_TEXT[kind]}",
                                        operator=self.operator))
        self._say("failure", f"{when} {inject_id}: {unit} {kind.value}{lasting}", at=when, inject=inject_id,
                  unit=unit, failure=kind.value)

    def _camera_dark(self, inject_id: str, dark: CameraDark, now: int) -> None:
        camera = dark.camera
        if camera is None and dark.near is not None:
            near = self.scenario.inject(dark.near)
            call = near.call if near is not None else None
            if call is None:  # the loader checked ``near`` names a call inject: only a hand-made scenario gets here
                self._not_injected(inject_id, f"{dark.near} is not a call of the scenario")
                return
            lat, lon = call.position if call.position is not None else self._place(call.place or "")
            camera = self._first_camera(lat, lon)
            if camera is None:
                self._not_injected(inject_id, f"no camera with a stream near the place of call {dark.near}")
                return
        if camera is None:  # the loader requires a camera or a call near: only a hand-made scenario gets here
            self._not_injected(inject_id, "camera_dark names neither a camera nor a call near it")
            return
        self._drill(ev.CameraStatus(camera=camera, online=False, reason="演练注入：信号中断", operator=self.operator))
        if dark.duration:
            self._relit.append((now + drill_ms(dark.duration), camera))
            self._relit.sort()
        lasting = f" for {dark.duration}" if dark.duration else ""
        self._say("camera_dark", f"{drill_time(now)} {inject_id}: camera {camera} goes dark{lasting}",
                  at=drill_time(now), inject=inject_id, camera=camera)

    def _not_injected(self, inject_id: str, why: str) -> None:
        self._say("not_injected", f"{drill_time(self.clock.now())} {inject_id}: not injected: {why}",
                  at=drill_time(self.clock.now()), inject=inject_id, why=why)


_FAILURE_TEXT = {UnitFailureKind.UNAVAILABLE: "报告暂时无法执行任务",
                 UnitFailureKind.BREAKDOWN: "报告车辆故障，原地待援",
                 UnitFailureKind.RADIO_SILENCE: "失去联络"}
