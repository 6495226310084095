"""Hand-made events for the store tests: one of every kind, and position reports."""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, FieldRecordKind, Mode, UnitKind, UnitStatus

T0 = 1_763_780_000_000  # 2025-11-22 02:53:20 UTC


def position(unit: str, seq: int, t_hub: int, *, lag: int = 240, mode: Mode = Mode.LIVE) -> ev.Envelope:
    """A GPS fix with handset precision (6 decimals), somewhere in Tianhe."""
    body = ev.Position(lat=round(23.12 + seq % 97 / 1e4, 6), lon=round(113.32 + seq % 89 / 1e4, 6),
                       heading=float(seq * 37 % 360), speed=round(seq % 13 * 1.25, 2))
    return ev.envelope(unit, seq, body, t_src=t_hub - lag, t_hub=t_hub, mode=mode)


def every_kind() -> list[ev.Envelope]:
    """One event of each body kind, with awkward values: Chinese text, nested attachments, a float
    that no fixed point reproduces, a drill event, an event the hub never stamped."""
    attachment = ev.Attachment(sha256="ab" * 32, mime="image/jpeg", size=48_213, name="现场照片.jpg")
    bodies: list[tuple[str, ev.Body]] = [
        ("hub", ev.UnitRegistered(unit="P-0001", unit_kind=UnitKind.PATROL_GROUP, station="S-440106-01",
                                  name="天河巡组一", members=("王伟", "李娜"), lat=23.1291, lon=113.3245)),
        ("P-0001", ev.StatusReport(status=UnitStatus.AVAILABLE, note="上勤")),
        ("P-0001", ev.Position(lat=23.129163, lon=113.264385, heading=359.99, speed=0.1 + 0.2)),
        ("ws-1", ev.IncidentCreated(
            incident="J-20251122-0001", call_time=T0 - 30_000, caller_number="13800138000", lat=23.13,
            lon=113.33, address="天河路 385 号 太古汇", district="440106", station="S-440106-01",
            incident_type="theft", priority=2, category=Category.POLICE, caller_name="陈先生",
            description="手机被抢，嫌疑人往东逃跑")),
        ("ws-1", ev.IncidentReclassified(incident="J-20251122-0001", incident_type="robbery", priority=1,
                                         category=Category.POLICE, reason="weapon seen")),
        ("ws-1", ev.UnitDispatched(incident="J-20251122-0001", unit="P-0001", order="o-1")),
        ("hub", ev.OrderDelivered(order="o-1", unit="P-0001")),
        ("P-0001", ev.DispatchAck(incident="J-20251122-0001", order="o-1")),
        ("P-0001", ev.Arrival(incident="J-20251122-0001")),
        ("P-0001", ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="fr-1",
                                  incident="J-20251122-0001", fields={"证人": "2", "监控": "有"},
                                  attachments=(attachment,))),
        ("P-0001", ev.Sos(lat=23.1301, lon=113.3302, note="嫌疑人持刀")),
        ("ws-1", ev.SosAcknowledged(unit="P-0001", note="增援已派")),
        ("ws-1", ev.IncidentNote(incident="J-20251122-0001", text="嫌疑人已控制")),
        ("P-0001", ev.Clearance(incident="J-20251122-0001", result="arrested", summary="嫌疑人已带回")),
        ("ws-1", ev.IncidentClosed(incident="J-20251122-0001", disposition="resolved")),
        ("ws-1", ev.MessageSent(unit="P-0001", order="m-1", text="回所报到")),
        ("ws-1", ev.UnitStatusSet(unit="P-0001", status=UnitStatus.UNAVAILABLE, reason="meal")),
        ("ws-2", ev.UnitRecalled(incident="J-20251122-0002", unit="P-0001", reason="drill over", order="r-1")),
        ("ws-2", ev.IncidentReferred(incident="J-20251122-0003", department="城管", reason="占道经营")),
        ("hub", ev.Refused(refused_kind="unit_dispatched", code="unit_not_available",
                           message="Unit P-0001 is unavailable", target="P-0001",
                           params={"unit": "P-0001", "status": "unavailable"})),
        ("hub", ev.RefusalsSuppressed(source="P-0002", count=41, codes={"not_assigned": 40, "unknown_incident": 1},
                                      first=T0 + 1_000, last=T0 + 59_000)),
        ("gw-110", ev.CallOffered(call="gw-110:0001", number="02083334444", address="越秀区中山五路 1 号",
                                  location=ev.CallLocation(lat=23.1291, lon=113.2644, accuracy_m=10,
                                                           method="registered"))),
        ("ws-1", ev.CallAnswered(call="gw-110:0001", operator="李娜 010233")),
        ("gw-110", ev.CallEnded(call="gw-110:0001", reason="hangup")),
        ("ws-1", ev.CallClosed(call="gw-110:0001", disposition="advice_given", note="咨询出入境业务",
                               operator="李娜 010233")),
        ("ws-1", ev.PluginEvent(plugin="shift_log", name="entry_added", incident="J-20251122-0001",
                                data=msgspec.msgpack.encode({"text": "交班：嫌疑人已移交", "bytes": b"\x00\xff"}),
                                operator="李娜 010233")),
        ("export@desk-7", ev.RecordExported(incident="J-20251122-0001", start_ms=T0 - 300_000, end_ms=T0 + 900_000,
                                            format=ev.ExportFormat.PDF, sha256="cd" * 32, size=183_204,
                                            file="J-20251122-0001 报告.pdf", operator="李娜 010233")),
        ("ws-1", ev.DrillStarted(drill="D-20251122-01", scenario="knife-station", version=3, enrolled=("P-0001",),
                                 simulated=("X-0001", "X-0002"), operator="张强 010001")),
        ("ws-2", ev.DrillClockChanged(drill="D-20251122-01", action=ev.DrillClockAction.WARPED, drill_ms=95_000,
                                      factor=2.5, operator="张强 010001")),
        ("ws-1", ev.DrillEnded(drill="D-20251122-01", reason=ev.DrillEndReason.ABORTED, operator="张强 010001")),
        ("ws-1", ev.SupervisionOrderIssued(month="2025-10", station="S-440106-03", number="督办〔2025〕10-01",
                                           this_month=412, last_month=350, last_year=None, rank=1, stations=255,
                                           sha256="ef" * 32, operator="王建国 010007")),
        ("ws-2", ev.CameraStatus(camera="C-440104-000123", online=False, reason="演练注入：信号中断",
                                 operator="张强 010001")),
    ]
    seqs: dict[str, int] = {}
    out = []
    for n, (source, body) in enumerate(bodies):
        seqs[source] = seqs.get(source, 0) + 1
        mode = Mode.DRILL if source == "ws-2" else Mode.LIVE
        t_hub = 0 if n == 6 else T0 + n * 1_000  # the hub's own delivery event, unstamped
        out.append(ev.envelope(source, seqs[source], body, t_src=T0 + n * 1_000 - 150, t_hub=t_hub, mode=mode))
    return out
