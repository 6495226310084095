"""A drill written by hand into an event log, for the drill report's tests.

D-20251122-01 runs the scenario ``report_test`` (version 2) from T0 (10:53:20 in Guangzhou) for 10 minutes,
trainer 王教官 on ws-trainer, with the real rapid-response team RR-01 enrolled and the simulated patrol
DRILL-PG-1. At +00:30 the call ``knife`` rings (call id ``D-20251122-01:knife``) and becomes J-D-1: RR-01 is
sent at +01:40 (10 s after the 1-minute deadline: missed) and DRILL-PG-1 at +00:50; DRILL-PG-1 arrives at
+03:00 (the 5-minute on-scene deadline: met). The call ``noise`` (+02:00, number 13800000002, its call id
saying nothing of the inject) becomes J-D-2, which nobody refers: missed at its deadline. DRILL-PG-1 presses
SOS at +04:00 (the inject ``sos``); at +01:30 the inject ``cams`` darkens camera C-440104-000123 (``camera_status``
from the trainer's desk). The drill ends
at +08:00, "ended" by the trainer.

Around it, what the drill's record must leave out: a live incident J-L-1 with a live call and a dispatch at
the same time, live positions of a live unit, and an earlier drill D-20251121-01 (a day before) with an
incident of its own.
"""

from __future__ import annotations

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, Mode, UnitKind, UnitStatus
from dispatch_desktop.store import EventStore

T0 = 1_763_780_000_000  # 2025-11-22 02:53:20 UTC
S = 1_000
DRILL = "D-20251122-01"
EARLIER_DRILL = "D-20251121-01"
TRAINER = "王教官 900001"

SCENARIO = """\
format: 1
id: report_test
version: 2
title: {zh: 报告测试演练, en: Report test drill}
description: {zh: 测试, en: A test}
duration: "+10:00"
units:
  enrolled: [RR-01]
  simulated: [{id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}]
injects:
  - {id: knife, at: "+00:30", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     description: 持刀伤人}}
  - {id: noise, at: "+02:00", call: {caller: 乙, number: "13800000002", place: 广州站, type: noise,
                                     description: 噪音扰民}}
  - {id: sos, after: {inject: knife, delay: "+03:30"}, sos: {unit: DRILL-PG-1}}
  - {id: cams, after: {inject: knife, delay: "+01:00"}, camera_dark: {near: knife}}
expectations:
  - {id: rapid_sent, text: {zh: 一分钟内派出突击队, en: Rapid-response team sent within a minute}, points: 30,
     deadline: {inject: knife, within: "+01:00"}, dispatched: {kind: rapid}}
  - {id: patrol_sent, text: {zh: 一分钟内派出巡组, en: A patrol sent within a minute}, points: 20,
     deadline: {inject: knife, within: "+01:00"}, dispatched: {kind: patrol}}
  - {id: on_scene, text: {zh: 五分钟内到场, en: On scene within five minutes}, points: 25,
     deadline: {inject: knife, within: "+05:00"}, on_scene: {count: 1}}
  - {id: referred, text: {zh: 噪音移交环保, en: Noise referred to the environment bureau}, points: 10,
     deadline: {inject: noise, within: "+03:00"}, referred_not_dispatched: {department: environment}}
"""


def _created(incident: str, call: str, number: str, incident_type: str, priority: int,
             call_time: int) -> ev.IncidentCreated:
    return ev.IncidentCreated(incident=incident, call_time=call_time, caller_number=number, lat=23.149, lon=113.257,
                              address="广州站 站前广场", district="440104", station="S-440104-14",
                              incident_type=incident_type, priority=priority, category=Category.POLICE,
                              description="演练警情", call=call, operator="李娜 010233")


def _drill(drill: str, start: int, *, ended: bool = True) -> list[tuple[int, str, ev.AnyBody, Mode]]:
    """A drill's events: (seconds after ``start``, source, body, mode)."""
    live, drill_mode = Mode.LIVE, Mode.DRILL
    call = f"{drill}:knife"
    first, second = ("J-D-1", "J-D-2") if drill == DRILL else ("J-D-0", "J-D-00")
    events: list[tuple[int, str, ev.AnyBody, Mode]] = [
        (0, "ws-trainer", ev.DrillStarted(drill=drill, scenario="report_test", version=2, enrolled=("RR-01",),
                                          simulated=("DRILL-PG-1",), operator=TRAINER), live),
        (1, "ws-trainer", ev.UnitRegistered(unit="DRILL-PG-1", unit_kind=UnitKind.PATROL_GROUP,
                                            station="S-440104-14", name="演练巡1组"), drill_mode),
        (2, "DRILL-PG-1", ev.StatusReport(status=UnitStatus.AVAILABLE), drill_mode),
        (30, "ws-trainer", ev.CallOffered(call=call, number="13800000001"), drill_mode),
        (35, "ws-1", ev.CallAnswered(call=call, operator="李娜 010233"), drill_mode),
        (40, "ws-1", _created(first, call, "13800000001", "knife_attack", 1, start + 30 * S), drill_mode),
        (50, "ws-1", ev.UnitDispatched(incident=first, unit="DRILL-PG-1", order=f"{drill}-o1"), drill_mode),
        (55, "DRILL-PG-1", ev.DispatchAck(incident=first, order=f"{drill}-o1"), drill_mode),
        (100, "ws-1", ev.UnitDispatched(incident=first, unit="RR-01", order=f"{drill}-o2"), drill_mode),
        (90, "ws-trainer", ev.CameraStatus(camera="C-440104-000123", online=False, reason="演练注入：信号中断"),
         drill_mode),
        (120, "ws-trainer", ev.CallOffered(call=f"{drill}-c2", number="138 0000 0002"), drill_mode),
        (125, "ws-1", ev.CallAnswered(call=f"{drill}-c2"), drill_mode),
        (130, "ws-1", _created(second, f"{drill}-c2", "13800000002", "noise", 4, start + 120 * S), drill_mode),
        (180, "DRILL-PG-1", ev.Arrival(incident=first), drill_mode),
        (240, "DRILL-PG-1", ev.Sos(lat=23.149, lon=113.257), drill_mode),
    ]
    if ended:
        events.append((480, "ws-trainer", ev.DrillEnded(drill=drill, reason=ev.DrillEndReason.ENDED,
                                                        operator=TRAINER), live))
    return events


def _live() -> list[tuple[int, str, ev.AnyBody, Mode]]:
    """Live work beside the drill, and positions every 10 s of the enrolled team, the drill patrol and a
    live patrol."""
    live = Mode.LIVE
    out: list[tuple[int, str, ev.AnyBody, Mode]] = [
        (45, "gw-110", ev.CallOffered(call="gw-110:0001", number="13800000001"), live),
        (50, "ws-2", ev.CallAnswered(call="gw-110:0001"), live),
        (60, "ws-2", _created("J-L-1", "gw-110:0001", "13800000001", "theft", 3, T0 + 45 * S), live),
        (65, "ws-2", ev.UnitDispatched(incident="J-L-1", unit="PG-9", order="o-live"), live),
    ]
    for t in range(-60, 600, 10):
        out.append((t, "RR-01", ev.Position(lat=23.14 + t * 1e-5, lon=113.25), live))
        out.append((t, "PG-9", ev.Position(lat=23.12, lon=113.26), live))
        if t > 2:  # the simulated patrol reports (in drill mode) once registered
            out.append((t, "DRILL-PG-1", ev.Position(lat=23.13 + t * 1e-5, lon=113.257), Mode.DRILL))
    return out


def write_drill_log(store: EventStore, *, ended: bool = True) -> None:
    """The roster, the earlier drill a day before, and the drill with live work beside it (``ended``: False for
    a drill interrupted before its ``drill_ended``: the log goes on to +10:00 with the live positions)."""
    roster: list[tuple[int, str, ev.AnyBody, Mode]] = []
    for n, (unit, kind, name) in enumerate((("RR-01", UnitKind.RAPID_RESPONSE, "羊城突击一队"),
                                            ("PG-9", UnitKind.PATROL_GROUP, "越秀巡组九"))):
        roster.append((n, "hub", ev.UnitRegistered(unit=unit, unit_kind=kind, station="S-440104-14", name=name),
                       Mode.LIVE))
        roster.append((n + 5, unit, ev.StatusReport(status=UnitStatus.AVAILABLE), Mode.LIVE))
    earlier = T0 - 86_400 * S
    timed = [(T0 - 2 * 86_400 * S + seconds * S, source, body, mode) for seconds, source, body, mode in roster]
    timed += [(earlier + seconds * S, source, body, mode) for seconds, source, body, mode
              in _drill(EARLIER_DRILL, earlier)]
    timed += [(T0 + seconds * S, source, body, mode) for seconds, source, body, mode
              in _drill(DRILL, T0, ended=ended) + _live()]
    timed.sort(key=lambda item: item[0])
    seqs: dict[str, int] = {}
    envelopes = []
    for t, source, body, mode in timed:
        seqs[source] = seqs.get(source, 0) + 1
        envelopes.append(ev.envelope(source, seqs[source], body, t_src=t - 100, t_hub=t, mode=mode))
    store.append(envelopes)
