"""A knife-attack incident's events as the desk would apply them, for the emergency plans' checklist tests:
units registered and on duty, the incident, dispatches, acks, arrivals, records, notes, this plugin's own
events; each with the next gseq and a time in seconds after the call."""

from __future__ import annotations

from typing import Any

import msgspec
from emergency_plans.events import NAMES, PLUGIN_ID, PlanActivated, PlanEvent, activation_event
from emergency_plans.model import Plan

from dispatch_desktop.api import AppliedEvent, Category, Envelope, UnitKind, UnitStatus
from dispatch_desktop.api import events as ev

CALL_MS = 1_778_025_600_000  # 2026-05-06 08:00 Beijing: the call
INCIDENT = "inc-506"
DESK = "ws-1"
UNITS = {"rrt-1": UnitKind.RAPID_RESPONSE, "rrt-2": UnitKind.RAPID_RESPONSE, "pg-1": UnitKind.PATROL_GROUP,
         "pg-2": UnitKind.PATROL_GROUP, "pg-3": UnitKind.PATROL_GROUP, "tr-1": UnitKind.TRAFFIC}

KNIFE_PLAN: dict[str, Any] = {
    "id": "railway_knife_attack", "version": 3,
    "title": {"zh": "火车站持刀伤人处置预案", "en": "Knife attack at a railway station"},
    "trigger": {"incident_types": ["violent_assault"], "min_priority": 2},
    "forces": [{"capability": "rapid", "count": 1}, {"capability": "patrol", "count": 2}],
    "steps": [
        {"id": "rrt_dispatched", "text": {"zh": "派羊城突击队", "en": "Dispatch the rapid-response team"},
         "deadline": {"minutes": 1, "from": "call"}, "done_when": {"dispatched": {"capability": "rapid"}},
         "escalate": {"to": "shift_commander", "text": "Rapid-response team not dispatched"}},
        {"id": "rrt_arrived", "text": "Rapid-response team on scene", "deadline": {"minutes": 4, "from": "call"},
         "done_when": {"arrived": {"capability": "rapid"}},
         "escalate": {"to": "shift_commander", "text": "Rapid-response team not on scene"}},
        {"id": "patrols_dispatched", "text": "Two patrol groups sent",
         "deadline": {"minutes": 3, "from": "first_dispatch"},
         "done_when": {"dispatched": {"capability": "patrol", "count": 2}}},
        {"id": "scene_held", "text": "Two units hold the scene", "deadline": {"minutes": 5, "from": "first_arrival"},
         "done_when": {"on_scene": {"count": 2}}},
        {"id": "survey", "text": "Scene survey", "owner": "field", "deadline": {"minutes": 20, "from": "first_arrival"},
         "done_when": {"field_record": {"record": "scene_survey"}}},
        {"id": "railway_police", "text": "Tell the railway police", "deadline": {"minutes": 5, "from": "activated"},
         "done_when": {"note": {"words": ["铁路公安", "railway police"]}}},
        {"id": "report_up", "text": "Report to the bureau", "owner": "shift_commander",
         "done_when": {"steps_done": ["rrt_arrived", "scene_held"]}},
        {"id": "press_line", "text": "Agree the press line", "owner": "supervisor", "mandatory": False,
         "deadline": {"minutes": 30, "from": "activated"}},
    ],
}


def knife_plan(**changes: Any) -> Plan:
    return msgspec.convert({**KNIFE_PLAN, **changes}, Plan)


def ms(seconds: float) -> int:
    return CALL_MS + round(seconds * 1000)


class Log:
    """The events of one run, in gseq order; ``units()`` and ``incident()`` start it as the desk sees it."""

    def __init__(self) -> None:
        self.events: list[AppliedEvent] = []
        self._seqs: dict[str, int] = {}

    def add(self, source: str, body: ev.AnyBody, at_s: float) -> AppliedEvent:
        seq = self._seqs[source] = self._seqs.get(source, 0) + 1
        envelope = Envelope(v=1, source=source, seq=seq, t_src=ms(at_s), body=body, t_hub=ms(at_s))
        applied = AppliedEvent(len(self.events) + 1, envelope)
        self.events.append(applied)
        return applied

    def units(self) -> None:
        for unit, kind in UNITS.items():
            self.add(DESK, ev.UnitRegistered(unit=unit, unit_kind=kind, station="s-yuexiu", name=unit), -600)
            self.add(unit, ev.StatusReport(status=UnitStatus.AVAILABLE), -590)

    def incident(self, at_s: float = 20, incident: str = INCIDENT) -> AppliedEvent:
        return self.add(DESK, ev.IncidentCreated(
            incident=incident, call_time=CALL_MS, caller_number="13800000000", lat=23.149, lon=113.258,
            address="广州火车站广场", district="440104", station="s-yuexiu", incident_type="violent_assault",
            priority=1, category=Category.POLICE, description="火车站广场有人持刀砍人"), at_s)

    def dispatch(self, unit: str, at_s: float) -> AppliedEvent:
        return self.add(DESK, ev.UnitDispatched(incident=INCIDENT, unit=unit), at_s)

    def recall(self, unit: str, at_s: float) -> AppliedEvent:
        return self.add(DESK, ev.UnitRecalled(incident=INCIDENT, unit=unit), at_s)

    def ack(self, unit: str, at_s: float) -> AppliedEvent:
        return self.add(unit, ev.DispatchAck(incident=INCIDENT), at_s)

    def arrive(self, unit: str, at_s: float) -> AppliedEvent:
        return self.add(unit, ev.Arrival(incident=INCIDENT), at_s)

    def note(self, text: str, at_s: float) -> AppliedEvent:
        return self.add(DESK, ev.IncidentNote(incident=INCIDENT, text=text), at_s)

    def own(self, data: PlanEvent, at_s: float, desk: str = DESK) -> AppliedEvent:
        """One of the plugin's events, as a desk records it."""
        body = ev.PluginEvent(plugin=PLUGIN_ID, name=NAMES[type(data)], data=msgspec.msgpack.encode(data),
                              incident=INCIDENT, operator="王警官 010203")
        return self.add(desk, body, at_s)

    def activate(self, plan: Plan, at_s: float, activation: str = "act-1", desk: str = DESK) -> PlanActivated:
        activated = activation_event(activation, plan, INCIDENT, by="王警官 010203")
        self.own(activated, at_s, desk)
        return activated
