"""A small log with one incident told from the 110 call to its closing, for the record's tests.

J-20251122-00001 (a snatch theft, priority 2, from call gw-110:0007 at T0): P-0001 is dispatched at +120 s,
acknowledges at +150 s, arrives at +600 s and clears at +1500 s; R-0001 is dispatched at +180 s and
recalled at +300 s; the incident is closed at +1800 s. Around it, what a record must leave out: another
call, another incident with its own unit (P-0099), and every unit reporting its position every 5 s from
T0 - 20 min to T0 + 45 min, except P-0001, silent from +900 s to +1400 s (a gap longer than 5 minutes).
P-0001 drives due north 0.0001° (about 11 m) per fix, so its distance is known.
"""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, FieldRecordKind, UnitKind, UnitStatus
from dispatch_desktop.store import EventStore

T0 = 1_763_780_000_000  # 2025-11-22 02:53:20 UTC, 10:53:20 in Guangzhou
S = 1_000
INCIDENT = "J-20251122-00001"
OTHER_INCIDENT = "J-20251122-00002"
CALL = "gw-110:0007"
OPERATOR = "李娜 010233"
NOTE = '嫌疑人已控制, "穿红衣", 往东\nsecond line'  # commas, quotes and a line break for the CSV
GAP = (900 * S, 1400 * S)  # P-0001 silent in between (relative to T0)
STEP_DEG = 0.0001
UNITS = {"P-0001": ("天河巡组一", UnitKind.PATROL_GROUP), "R-0001": ("突击一队", UnitKind.RAPID_RESPONSE),
         "P-0099": ("越秀巡组九", UnitKind.PATROL_GROUP)}


def p0001_lat(t_ms: int) -> float:
    return round(23.10 + (t_ms - (T0 - 1200 * S)) // (5 * S) * STEP_DEG, 6)


def _positions() -> list[tuple[int, str, ev.Body]]:
    out: list[tuple[int, str, ev.Body]] = []
    for t in range(T0 - 1200 * S, T0 + 2700 * S, 5 * S):
        if not GAP[0] < t - T0 < GAP[1]:
            out.append((t, "P-0001", ev.Position(lat=p0001_lat(t), lon=113.30, speed=2.2)))
        out.append((t + 1, "R-0001", ev.Position(lat=23.15, lon=113.35)))
        out.append((t + 2, "P-0099", ev.Position(lat=23.13, lon=113.27)))
    return out


def _story(incident_type: str) -> list[tuple[int, str, ev.Body]]:
    at = lambda seconds: T0 + seconds * S  # noqa: E731 - reads as the story's own clock
    created = ev.IncidentCreated(
        incident=INCIDENT, call_time=T0, caller_number="13800138000", lat=23.135, lon=113.325,
        address="天河路 385 号 太古汇", district="440106", station="S-440106-01", incident_type=incident_type,
        priority=2, category=Category.POLICE, description="手机被抢，嫌疑人往东逃跑", call=CALL, operator=OPERATOR)
    other = msgspec.structs.replace(created, incident=OTHER_INCIDENT, call="", address="中山五路 1 号")
    return [
        (at(0), "gw-110", ev.CallOffered(call=CALL, number="13800138000")),
        (at(2), "gw-110", ev.CallOffered(call="gw-110:0008", number="13900139000")),
        (at(5), "ws-1", ev.CallAnswered(call=CALL, operator=OPERATOR)),
        (at(60), "ws-1", created),
        (at(70), "ws-2", other),
        (at(90), "gw-110", ev.CallEnded(call=CALL)),
        (at(120), "ws-1", ev.UnitDispatched(incident=INCIDENT, unit="P-0001", order="o-1", operator=OPERATOR)),
        (at(122), "hub", ev.OrderDelivered(order="o-1", unit="P-0001")),
        (at(130), "ws-2", ev.UnitDispatched(incident=OTHER_INCIDENT, unit="P-0099", order="o-9")),
        (at(131), "hub", ev.OrderDelivered(order="o-9", unit="P-0099")),
        (at(150), "P-0001", ev.DispatchAck(incident=INCIDENT, order="o-1")),
        (at(180), "ws-1", ev.UnitDispatched(incident=INCIDENT, unit="R-0001", order="o-2", operator=OPERATOR)),
        (at(200), "R-0001", ev.DispatchAck(incident=INCIDENT, order="o-2")),
        (at(300), "ws-1", ev.UnitRecalled(incident=INCIDENT, unit="R-0001", reason="not needed", operator=OPERATOR)),
        (at(600), "P-0001", ev.Arrival(incident=INCIDENT)),
        (at(700), "P-0001", ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="fr-1", incident=INCIDENT,
                                           fields={"证人": "2"})),
        (at(800), "ws-1", ev.IncidentNote(incident=INCIDENT, text=NOTE, operator=OPERATOR)),
        (at(900), "ws-1", ev.PluginEvent(plugin="emergency_plans", name="step_done", incident=INCIDENT,
                                         data=msgspec.msgpack.encode({"step": 1}), operator=OPERATOR)),
        (at(1500), "P-0001", ev.Clearance(incident=INCIDENT, result="arrested", summary="嫌疑人已带回")),
        (at(1800), "ws-1", ev.IncidentClosed(incident=INCIDENT, disposition="resolved", operator=OPERATOR)),
    ]


def write_story(store: EventStore, *, incident_type: str = "snatch") -> None:
    roster: list[tuple[int, str, ev.Body]] = []
    for n, (unit, (name, kind)) in enumerate(UNITS.items()):
        roster.append((T0 - 1300 * S + n, "hub", ev.UnitRegistered(unit=unit, unit_kind=kind, station="S-440106-01",
                                                                   name=name)))
        roster.append((T0 - 1250 * S + n, unit, ev.StatusReport(status=UnitStatus.AVAILABLE)))
    items = sorted(roster + _positions() + _story(incident_type), key=lambda item: item[0])
    seqs: dict[str, int] = {}
    envelopes = []
    for t, source, body in items:
        seqs[source] = seqs.get(source, 0) + 1
        envelopes.append(ev.envelope(source, seqs[source], body, t_src=t - 100, t_hub=t))
    for start in range(0, len(envelopes), 2_000):
        store.append(envelopes[start:start + 2_000])
