"""What each desk derives from the plan events and never records itself: the forces an active plan requires
(``desk.require_forces``) and an alert for each overdue step (``desk.raise_alert``). Every desk and every
replay works out the same from the same events, so nothing here is sent to the hub.

A requirement stands while an activation is active on an open incident (several active plans on one
incident: per kind the larger count, their titles as the reason); an alert stands while its step is
overdue on an active activation of an open incident.
"""

from __future__ import annotations

from datetime import datetime

from dispatch_desktop.api import DeskContext, ForceRequirement, Subscription, UnitKind
from emergency_plans.checklist import Activation, Checklists, StepState
from emergency_plans.model import local


class DerivedFacts:
    def __init__(self, desk: DeskContext, checklists: Checklists) -> None:
        self.desk = desk
        self.checklists = checklists
        self._required: dict[str, tuple[tuple[tuple[UnitKind, int], ...], str, Subscription]] = {}
        self._alerts: dict[str, set[str]] = {}  # incident -> the alert keys raised for it

    def stands_for(self, incident: str) -> bool:
        """Has ``incident`` a requirement or an alert standing (its closure must take them away)? Asked for
        every incident event, so a lookup: a replay at ×64 hears hundreds a second."""
        return incident in self._required or bool(self._alerts.get(incident))

    def standing(self) -> set[str]:
        """The incidents with a requirement or an alert standing."""
        return set(self._required) | {incident for incident, keys in self._alerts.items() if keys}

    def close(self) -> None:
        for _forces, _reason, subscription in self._required.values():
            subscription.cancel()
        self._required.clear()
        for keys in self._alerts.values():
            for key in keys:
                self.desk.clear_alert(key)
        self._alerts.clear()

    def update(self, incidents: set[str], now_ms: int) -> None:
        for incident in incidents:
            active = [a for a in self.checklists.activations(incident) if a.active] if self._open(incident) else []
            self._require(incident, active)
            self._raise_overdue(incident, active, now_ms)

    def _open(self, incident: str) -> bool:
        facts = self.checklists.facts.get(incident)
        record = self.desk.state.incidents.get(incident)
        return (facts is None or facts.ended is None) and (record is None or record.is_open)

    def _require(self, incident: str, active: list[Activation]) -> None:
        counts: dict[UnitKind, int] = {}
        for activation in active:
            for force in activation.forces:
                counts[force.capability] = max(counts.get(force.capability, 0), force.count)
        forces = tuple(counts.items())
        reason = " / ".join(local(a.title, self.desk.language) for a in active if a.forces)
        standing = self._required.get(incident)
        if standing is not None and standing[:2] == (forces, reason):
            return  # unchanged: the dispatch panel keeps its list as it is
        if standing is not None:
            standing[2].cancel()
            del self._required[incident]
        if forces:
            subscription = self.desk.require_forces(
                incident, [ForceRequirement(kind, count) for kind, count in forces], reason=reason)
            self._required[incident] = (forces, reason, subscription)

    def _raise_overdue(self, incident: str, active: list[Activation], now_ms: int) -> None:
        raised = self._alerts.setdefault(incident, set())
        wanted: set[str] = set()
        for activation in active:
            plan_title = local(activation.title, self.desk.language)
            for view in self.checklists.view(activation.id, now_ms):
                if view.state is not StepState.OVERDUE or view.due_ms is None:
                    continue
                key = f"{activation.id}/{view.step.id}"
                wanted.add(key)
                due = datetime.fromtimestamp(view.due_ms / 1000, self.desk.time_zone).strftime("%H:%M")
                text = self.desk.tr("{plan}: {step} (due {due})").format(
                    plan=plan_title, step=local(view.step.text, self.desk.language), due=due)
                self.desk.raise_alert(key, title=self.desk.tr("Plan step overdue"), text=text, incident=incident)
        for key in raised - wanted:
            self.desk.clear_alert(key)
        self._alerts[incident] = wanted
