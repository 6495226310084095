"""The checklists of the plans activated on incidents, folded from the events in gseq order.

``Checklists.apply`` takes every event the desk applies — core events and this plugin's own — and keeps, for
each activation (one plan on one incident), each step's tick: by which event its condition was met (gseq,
kind, unit) or by whom by hand, and when. It keeps no clock: ``view(activation, now_ms)`` works out each
step's deadline (absolute, once its anchor is known), its state (on time, amber at 75 % of the deadline,
overdue, done), and ``escalations_due(now_ms)`` the overdue steps whose escalation no desk has recorded.
Every desk folding the same events sees the same checklist, and a replay of the log reproduces it.

Rules a dispatcher relies on:
- a step once ticked stays ticked (a unit recalled later does not undo "dispatched within a minute");
- a tick taken back by hand stays off until a NEW event meets the step's condition again;
- activating a plan already active on the incident (two desks at once) adds nothing: the second
  activation's id then names the first, so ticks recorded under either land on the same checklist;
- a checklist stops counting down when its incident is closed or referred, or the plan is deactivated.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from dispatch_desktop.api import AppliedEvent, Incident
from emergency_plans import events as plan_events
from emergency_plans.conditions import NEVER_UNTICKED, Judge, met_by
from emergency_plans.facts import FactBook, IncidentFacts, Mark, UnitKindOf
from emergency_plans.model import Anchor, ForceRequirement, Step, Text

AMBER_SHARE = 0.75
"""A step turns amber once this share of its deadline has elapsed."""


class StepState(enum.StrEnum):
    ON_TIME = "on_time"
    AMBER = "amber"
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True)
class Tick:
    """How a step was done: by the event that met its condition, or by hand (``manual``, ``by``, ``note``)."""

    time: int
    mark: Mark  # the event: the one meeting the condition, or the step_ticked event of a manual tick
    manual: bool = False
    by: str = ""
    note: str = ""


@dataclass(frozen=True)
class Untick:
    gseq: int
    time: int
    by: str
    reason: str
    undid: Tick


@dataclass
class StepProgress:
    step: Step
    tick: Tick | None = None
    unticks: list[Untick] = field(default_factory=list)
    escalated: Mark | None = None

    @property
    def since(self) -> int:
        """The gseq only after which the step's condition may tick it again (the last manual untick)."""
        return self.unticks[-1].gseq if self.unticks else NEVER_UNTICKED


@dataclass
class Activation:
    id: str
    plan: str
    version: int
    incident: str
    title: Text
    forces: tuple[ForceRequirement, ...]
    by: str
    activated: Mark
    steps: dict[str, StepProgress]  # in the plan's order
    deactivated: Mark | None = None
    deactivated_by: str = ""

    @property
    def active(self) -> bool:
        return self.deactivated is None


@dataclass(frozen=True)
class StepView:
    """One step as the checklist panel and the report show it at ``now``."""

    step: Step
    state: StepState
    tick: Tick | None
    due_ms: int | None  # None while its anchor has not happened (no dispatch yet …) or it has no deadline
    anchor_ms: int | None
    escalated: Mark | None

    @property
    def late(self) -> bool:
        """Done after its deadline."""
        return self.tick is not None and self.due_ms is not None and self.tick.time > self.due_ms


class Checklists:
    """Every activation's checklist, and the facts of the incidents their conditions are judged on."""

    def __init__(self, unit_kind_of: UnitKindOf = lambda _unit: None) -> None:
        self._unit_kind_of = unit_kind_of
        self.facts = FactBook(unit_kind_of)
        self._activations: dict[str, Activation] = {}
        self._aliases: dict[str, str] = {}  # a duplicate activation's id -> the activation it duplicates
        self._by_incident: dict[str, list[Activation]] = {}  # most events concern one incident: no full scan

    def activation(self, activation_id: str) -> Activation | None:
        return self._activations.get(self._aliases.get(activation_id, activation_id))

    def activations(self, incident: str | None = None) -> list[Activation]:
        """The activations (of one incident), oldest first; deactivated ones included (for the report)."""
        if incident is None:
            return list(self._activations.values())
        return list(self._by_incident.get(incident, ()))

    def apply(self, event: AppliedEvent) -> set[str]:
        """Fold one event; the ids of the activations whose checklist it changed."""
        decoded = plan_events.decode(event)
        if decoded is not None:
            return self._apply_own(event, decoded)
        facts = self.facts.apply(event)
        if facts is None:
            return set()
        changed = {a.id for a in self._active_on(facts.incident) if self._evaluate(a, facts)}
        if facts.ended is not None and facts.incident not in self._by_incident:
            self.facts.forget([facts.incident])  # nothing will ever be judged on it again
        return changed

    def forget(self) -> None:
        """The desk went back in time (a replay seeking backwards): what was folded belongs to a later
        moment. The plan events up to the new moment come again (as history)."""
        self.facts = FactBook(self._unit_kind_of)
        self._activations.clear()
        self._aliases.clear()
        self._by_incident.clear()

    def reset(self, incidents: Iterable[Incident]) -> set[str]:
        """The desk replaced its state wholesale: rebuild the incidents' facts from their timelines and tick
        what they now meet (the ticks already made stay)."""
        for incident in incidents:
            self.facts.seed(incident)
        return {a.id for a in self._activations.values() if a.active
                and self._evaluate(a, self.facts.facts(a.incident))}

    def view(self, activation_id: str, now_ms: int) -> list[StepView]:
        """Each step of the activation's checklist at ``now_ms``, in the plan's order."""
        activation = self.activation(activation_id)
        if activation is None:
            return []
        facts = self.facts.facts(activation.incident)
        now = _frozen_at(activation, facts, now_ms)
        return [_step_view(progress, activation, facts, now) for progress in activation.steps.values()]

    def escalations_due(self, now_ms: int) -> list[tuple[str, str]]:
        """(activation id, step id) of every overdue step with an escalation that no desk has recorded yet, on
        the active checklists of open incidents: the desk records a ``step_escalated`` for each."""
        due: list[tuple[str, str]] = []
        for activation in self._activations.values():
            facts = self.facts.facts(activation.incident)
            if not activation.active or facts.ended is not None:
                continue
            for view in self.view(activation.id, now_ms):
                if view.state is StepState.OVERDUE and view.step.escalate is not None and view.escalated is None:
                    due.append((activation.id, view.step.id))
        return due

    # --- folding -----------------------------------------------------------------------------------

    def _active_on(self, incident: str) -> list[Activation]:
        return [a for a in self._by_incident.get(incident, ()) if a.active]

    def _apply_own(self, event: AppliedEvent, decoded: plan_events.PlanEvent) -> set[str]:
        mark = Mark(event.gseq, event.time, plan_events.NAMES[type(decoded)])
        operator = str(getattr(event.body, "operator", "") or event.event.source)
        if isinstance(decoded, plan_events.PlanActivated):
            return self._activate(decoded, mark, decoded.by or operator)
        if isinstance(decoded, plan_events.ReportExported):
            return set()  # a record of who exported the report: the checklist is unchanged
        activation = self.activation(decoded.activation)
        if activation is None:
            return set()  # an activation this desk never heard of (its plan event was refused): nothing to change
        if isinstance(decoded, plan_events.PlanDeactivated):
            if activation.deactivated is not None:
                return set()
            activation.deactivated, activation.deactivated_by = mark, decoded.by or operator
            return {activation.id}
        progress = activation.steps.get(decoded.step)
        if progress is None:
            return set()
        if isinstance(decoded, plan_events.StepEscalated):
            if progress.escalated is not None:
                return set()  # a second desk's record of the same escalation
            progress.escalated = mark
        elif isinstance(decoded, plan_events.StepTicked):
            if progress.tick is not None:
                return set()
            progress.tick = Tick(mark.time, mark, manual=True, by=decoded.by or operator, note=decoded.note)
            self._evaluate(activation, self.facts.facts(activation.incident))  # steps waiting on it
        elif isinstance(decoded, plan_events.StepUnticked):
            if progress.tick is None:
                return set()
            progress.unticks.append(Untick(mark.gseq, mark.time, decoded.by or operator, decoded.reason,
                                           progress.tick))
            progress.tick = None
        return {activation.id}

    def _activate(self, decoded: plan_events.PlanActivated, mark: Mark, by: str) -> set[str]:
        for existing in self._active_on(decoded.incident):
            if existing.plan == decoded.plan:
                self._aliases[decoded.activation] = existing.id
                return set()
        if decoded.activation in self._activations:
            return set()  # the same event heard twice (historical, then live)
        activation = Activation(
            id=decoded.activation, plan=decoded.plan, version=decoded.version, incident=decoded.incident,
            title=decoded.title, forces=decoded.forces, by=by, activated=mark,
            steps={step.id: StepProgress(step) for step in decoded.steps})
        self._activations[activation.id] = activation
        self._by_incident.setdefault(activation.incident, []).append(activation)
        # Units sent before the plan was activated count: tick what the incident's facts already meet.
        self._evaluate(activation, self.facts.facts(decoded.incident))
        return {activation.id}

    def _evaluate(self, activation: Activation, facts: IncidentFacts) -> bool:
        """Tick every step whose condition the facts now meet; repeated while ticks free ``steps_done``
        steps. True if any step was ticked."""
        judge = Judge(facts, self.facts.unit_kind, lambda step: _done_mark(activation, step))
        ticked_any = False
        ticked = True
        while ticked:
            ticked = False
            for progress in activation.steps.values():
                condition = progress.step.done_when
                if progress.tick is not None or condition is None:
                    continue
                mark = met_by(condition, judge, progress.since)
                if mark is not None:
                    progress.tick = Tick(mark.time, mark)
                    ticked = ticked_any = True
        return ticked_any


def _done_mark(activation: Activation, step_id: str) -> Mark | None:
    progress = activation.steps.get(step_id)
    return None if progress is None or progress.tick is None else progress.tick.mark


def _frozen_at(activation: Activation, facts: IncidentFacts, now_ms: int) -> int:
    """The clock a checklist reads: ``now_ms``, stopped when its incident ended or it was deactivated."""
    stops = [mark.time for mark in (facts.ended, activation.deactivated) if mark is not None]
    return min([now_ms, *stops])


def anchor_time(anchor: Anchor, activation: Activation, facts: IncidentFacts) -> int | None:
    """When a deadline measured from ``anchor`` starts on this checklist; None while it has not happened."""
    moment = activation.activated.time if anchor is Anchor.ACTIVATED else facts.anchor(anchor.value)
    return moment or None


def _step_view(progress: StepProgress, activation: Activation, facts: IncidentFacts, now: int) -> StepView:
    deadline = progress.step.deadline
    anchor = None if deadline is None else anchor_time(deadline.from_, activation, facts)
    due = None if deadline is None or anchor is None else anchor + deadline.ms
    if progress.tick is not None:
        state = StepState.DONE
    elif due is None or anchor is None:
        state = StepState.ON_TIME
    elif now >= due:
        state = StepState.OVERDUE
    elif now - anchor >= AMBER_SHARE * (due - anchor):
        state = StepState.AMBER
    else:
        state = StepState.ON_TIME
    return StepView(progress.step, state, progress.tick, due, anchor, progress.escalated)
