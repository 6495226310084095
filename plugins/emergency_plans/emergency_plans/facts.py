"""What the events have said about each incident, kept so that a plan's conditions can be judged at any time.

``FactBook`` folds the desk's core events (fed in gseq order) into one ``IncidentFacts`` per incident: the
units dispatched (less those recalled), acknowledged, arrived and on scene, referrals, field records, notes,
reclassification and closure, each with the ``Mark`` of the event that said it, so that a step ticked by a
condition can say which event ticked it. Facts are kept for every open incident, not only those with a plan
active, because a plan is often activated after the first units were sent: its steps must see them.

A desk started in the middle of a shift never hears the events before it started; ``seed`` rebuilds an
incident's facts from its timeline in the desk's state (those marks carry gseq 0: the timeline keeps no gseq).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from dispatch_desktop.api import AppliedEvent, Incident
from dispatch_desktop.api import events as ev

UnitKindOf = Callable[[str], str | None]
"""The kind (``api.UnitKind`` value) of a unit by its id, as the desk's state or city knows it; None if unknown."""


class Mark(NamedTuple):
    """The event that made a fact true: its place in the log, its time, its kind and the unit it concerns."""

    gseq: int
    time: int
    kind: str
    unit: str = ""


@dataclass
class IncidentFacts:
    incident: str
    call_time: int = 0
    created_at: int = 0
    first_dispatch: int = 0
    first_arrival: int = 0
    dispatched: dict[str, Mark] = field(default_factory=dict)  # unit -> its dispatch; a recall removes it
    acknowledged: dict[str, Mark] = field(default_factory=dict)  # unit -> its first ack (an arrival implies one)
    arrived: dict[str, Mark] = field(default_factory=dict)  # unit -> its first arrival
    on_scene: set[str] = field(default_factory=set)
    # Every arrival with how many units were on scene just after it: "≥ k on scene at the same time" is
    # judged from these, so units clearing later do not take back a step it ticked.
    arrivals_on_scene: list[tuple[Mark, int]] = field(default_factory=list)
    referrals: list[tuple[str, Mark]] = field(default_factory=list)  # (department, event)
    records: list[tuple[str, Mark]] = field(default_factory=list)  # (FieldRecordKind value, event)
    notes: list[tuple[str, Mark]] = field(default_factory=list)  # (text, event)
    reclassifications: list[Mark] = field(default_factory=list)
    closed: Mark | None = None
    ended: Mark | None = None  # closed or referred: the incident's checklists stop counting down

    def anchor(self, name: str) -> int:
        """The time (ms) a deadline of this incident is measured from, 0 while it is not known yet;
        ``activated`` is the checklist's, not the incident's, and is not known here."""
        return {"call": self.call_time, "created": self.created_at, "first_dispatch": self.first_dispatch,
                "first_arrival": self.first_arrival}.get(name, 0)

    def arrive(self, unit: str, mark: Mark) -> None:
        self.arrived.setdefault(unit, mark)
        self.acknowledged.setdefault(unit, mark)
        self.first_arrival = self.first_arrival or mark.time
        self.on_scene.add(unit)
        self.arrivals_on_scene.append((mark, len(self.on_scene)))

    def dispatch(self, unit: str, mark: Mark) -> None:
        self.dispatched[unit] = mark
        self.first_dispatch = self.first_dispatch or mark.time

    def recall(self, unit: str) -> None:
        self.dispatched.pop(unit, None)
        self.on_scene.discard(unit)


class FactBook:
    """Every open incident's facts, folded from the events; the kind of each unit, from its registration
    in the log or, failing that, from ``unit_kind_of`` (the desk's state)."""

    def __init__(self, unit_kind_of: UnitKindOf = lambda _unit: None) -> None:
        self._unit_kind_of = unit_kind_of
        self._kinds: dict[str, str] = {}
        self._incidents: dict[str, IncidentFacts] = {}

    def get(self, incident: str) -> IncidentFacts | None:
        return self._incidents.get(incident)

    def facts(self, incident: str) -> IncidentFacts:
        """The incident's facts; empty ones for an incident no event has named yet."""
        return self._incidents.setdefault(incident, IncidentFacts(incident))

    def unit_kind(self, unit: str) -> str | None:
        return self._kinds.get(unit) or self._unit_kind_of(unit)

    def forget(self, incidents: Iterable[str]) -> None:
        """Drop closed incidents no plan needs any more (the checklist fold decides which)."""
        for incident in incidents:
            self._incidents.pop(incident, None)

    def apply(self, event: AppliedEvent) -> IncidentFacts | None:
        """Fold one event; the facts it changed, or None when it concerns no incident's plan conditions."""
        body = event.body
        if isinstance(body, ev.UnitRegistered):
            self._kinds[body.unit] = body.unit_kind.value
            return None
        incident = getattr(body, "incident", "")
        if not isinstance(incident, str) or not incident or isinstance(body, ev.PluginEvent):
            return None
        unit = _unit_of(event)
        mark = Mark(event.gseq, event.time, event.kind, unit)
        facts = self.facts(incident)
        _fold(facts, body, mark)
        return facts

    def seed(self, incident: Incident) -> IncidentFacts:
        """Rebuild one incident's facts from its timeline in the desk's state (a desk that started, or
        resynchronised, after the incident began); replaces what was folded for it before."""
        facts = IncidentFacts(incident.id, call_time=incident.call_time, created_at=incident.created_at)
        for entry in incident.timeline:
            _fold_entry(facts, Mark(0, entry.time, entry.kind, entry.unit), entry.text)
        self._incidents[incident.id] = facts
        return facts


def _unit_of(event: AppliedEvent) -> str:
    """The unit an event is about: named in a desk's command, the sender itself in a unit's own report."""
    body = event.body
    if isinstance(body, ev.UnitDispatched | ev.UnitRecalled):
        return body.unit
    if isinstance(body, ev.DispatchAck | ev.Arrival | ev.Clearance | ev.FieldRecord):
        return event.event.source
    return ""


def _fold(facts: IncidentFacts, body: ev.AnyBody, mark: Mark) -> None:
    if isinstance(body, ev.IncidentCreated):
        facts.call_time = body.call_time
        facts.created_at = mark.time
    elif isinstance(body, ev.FieldRecord):
        facts.records.append((body.record.value, mark))
    elif isinstance(body, ev.IncidentReferred):
        facts.referrals.append((body.department, mark))
        facts.ended = facts.ended or mark
    elif isinstance(body, ev.IncidentNote):
        facts.notes.append((body.text, mark))
    else:
        _fold_entry(facts, mark, "")


def _fold_entry(facts: IncidentFacts, mark: Mark, text: str) -> None:
    """One timeline line's worth of fact: shared by the live fold and the seeding from a timeline, whose
    lines say the same things (their ``text`` carries the record kind, the department or the note)."""
    kind, unit = mark.kind, mark.unit
    if kind == "unit_dispatched":
        facts.dispatch(unit, mark)
    elif kind == "unit_recalled":
        facts.recall(unit)
    elif kind == "dispatch_ack":
        facts.acknowledged.setdefault(unit, mark)
    elif kind == "arrival":
        facts.arrive(unit, mark)
    elif kind == "incident_reclassified":
        facts.reclassifications.append(mark)
    elif kind == "incident_closed":
        facts.closed = facts.closed or mark
        facts.ended = facts.ended or mark
    elif kind == "incident_referred" and text:
        facts.referrals.append((text.split(":", 1)[0], mark))  # "<department>: <reason>"
        facts.ended = facts.ended or mark
    elif kind == "field_record" and text:
        facts.records.append((text.split(" ", 1)[0], mark))  # "<record kind> <record id> (n)"
    elif kind == "incident_note" and text:
        facts.notes.append((text, mark))
