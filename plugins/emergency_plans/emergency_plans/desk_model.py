"""One desk's emergency plans: the library, the suggestions, the checklists folded from the desk's events,
and the commands that record the plugin's facts. Qt-free; everything runs on the desk's GUI thread.

The checklist panel, the map layer, the incident actions and the dispatch section of one desk share one
model (``model_for``); the plugin's ``deactivate`` calls ``close_models``. Views subscribe with
``on_change`` and present what the model says: it tells them which incidents' plans changed — an
activation, a deactivation, a tick or untick (by a condition or by hand), an escalation, a step crossing
into amber or overdue (``tick_clock``, called every second by the plugin's Qt wiring).

The plan library (YAML parsing, about 0.2 s) is read on a worker thread so that no call holds the desk:
until it is in, ``plans()`` and ``suggestions()`` are empty; the checklists need no library (an
activation event carries its plan's checklist), so the events fold from the first one.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Literal

from dispatch_desktop.api import AppliedEvent, DeskContext, Level, Outcome, State, Subscription
from emergency_plans import events as plan_events
from emergency_plans.checklist import Activation, Checklists, StepProgress, StepState, StepView
from emergency_plans.desk_derived import DerivedFacts
from emergency_plans.model import Plan, local
from emergency_plans.plan_loading import LoadedPlans, load_in_background, own_plans_folder
from emergency_plans.report import Report, plan_report, to_csv, to_html

ChangeListener = Callable[[frozenset[str]], None]

EVENT_KINDS = frozenset({
    "plugin_event", "unit_registered", "incident_created", "incident_reclassified", "incident_note",
    "incident_referred", "incident_closed", "unit_dispatched", "unit_recalled", "dispatch_ack", "arrival",
    "clearance", "field_record"})
"""What the checklists are judged on: never the positions and statuses that make most of the traffic."""


class PlanError(ValueError):
    """A command the model refused, with a sentence in the desk's language the UI shows as it is."""


class _Listening:
    def __init__(self, listeners: list[ChangeListener], listener: ChangeListener) -> None:
        self._listeners, self._listener = listeners, listener

    def cancel(self) -> None:
        if self._listener in self._listeners:
            self._listeners.remove(self._listener)


class PlansModel:
    def __init__(self, desk: DeskContext, plans: LoadedPlans | None = None) -> None:
        self.desk = desk
        self.checklists = Checklists(self._unit_kind)
        self._plans = plans
        self._loading: Future[LoadedPlans] | None = None
        self._load_problem = ""
        # The views told the library is in, and the dispatcher of its problems (plans given: nothing to tell).
        self._announced = plans is not None
        if plans is None:
            self._loading = load_in_background(desk.city, own_plans_folder(desk), getattr(desk.time_zone, "key", None))
        self._listeners: list[ChangeListener] = []
        self._last_gseq = 0
        self._seen_ms = 0  # the latest time seen (events, resets): a reset before it is a replay going back
        self._states: dict[tuple[str, str], StepState] = {}  # each step's last state seen, for the crossings
        self._escalating: set[tuple[str, str]] = set()  # escalations this desk has asked to record
        self._derived = DerivedFacts(desk, self.checklists)
        self.checklists.reset(desk.state.incidents.values())  # a desk started in the middle of an incident
        self._subscriptions: list[Subscription] = [
            desk.on_event(self._on_event, kinds=EVENT_KINDS),
            desk.on_reset(self._on_reset),
            desk.on_language(lambda _language: self._refresh(self._all_incidents())),
        ]

    def close(self) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()
        self._subscriptions.clear()
        self._listeners.clear()
        self._derived.close()

    # --- listening -----------------------------------------------------------------------------------

    def on_change(self, listener: ChangeListener) -> Subscription:
        self._listeners.append(listener)
        return _Listening(self._listeners, listener)

    # --- reading -------------------------------------------------------------------------------------

    def plans(self) -> list[Plan]:
        loaded = self._loaded()
        return [] if loaded is None else list(loaded.library.plans)

    def problems(self) -> list[str]:
        loaded = self._loaded()
        found = [] if loaded is None else [str(problem) for problem in loaded.library.problems]
        return found + ([self._load_problem] if self._load_problem else [])

    def plan(self, plan_id: str) -> Plan | None:
        loaded = self._loaded()
        return None if loaded is None else loaded.by_id.get(plan_id)

    def suggestions(self, incident_id: str) -> list[Plan]:
        loaded = self._loaded()
        incident = self.desk.state.incidents.get(incident_id)
        if loaded is None or incident is None or not incident.is_open:
            return []
        active = {activation.plan for activation in self.checklists.activations(incident_id) if activation.active}
        return [match.plan for match in loaded.matcher.match(incident) if match.plan.id not in active]

    def activations(self, incident_id: str) -> list[Activation]:
        found = self.checklists.activations(incident_id)
        return [a for a in found if a.active] + [a for a in found if not a.active]

    def activation(self, activation_id: str) -> Activation | None:
        return self.checklists.activation(activation_id)

    def view(self, activation_id: str) -> list[StepView]:
        return self.checklists.view(activation_id, self.desk.now_ms())

    def active_plans(self) -> list[tuple[Activation, Plan | None]]:
        return [(activation, self.plan(activation.plan))
                for activation in self.checklists.activations() if activation.active]

    # --- commands ------------------------------------------------------------------------------------

    def activate(self, incident_id: str, plan_id: str) -> None:
        self._writable()
        plan = self.plan(plan_id)
        if plan is None:
            raise PlanError(self.desk.tr("No plan \u201c{plan}\u201d in the plan library.").format(plan=plan_id))
        incident = self.desk.state.incidents.get(incident_id)
        if incident is None:
            raise PlanError(self.desk.tr("No incident {incident} on this desk.").format(incident=incident_id))
        if not incident.is_open:
            raise PlanError(self.desk.tr("Incident {incident} is closed or referred: a plan is activated on an open "
                                         "incident.").format(incident=incident_id))
        if any(a.plan == plan_id and a.active for a in self.checklists.activations(incident_id)):
            raise PlanError(self.desk.tr("The plan \u201c{plan}\u201d is already active on incident {incident}.")
                            .format(plan=local(plan.title, self.desk.language), incident=incident_id))
        new_id = plan_events.activation_id(incident_id, plan_id, self._last_gseq)
        try:
            event = plan_events.activation_event(new_id, plan, incident_id)
        except ValueError as error:
            raise PlanError(str(error)) from error
        self._record("plan_activated", event, incident_id)

    def deactivate(self, activation_id: str) -> None:
        activation = self._active(activation_id)
        self._record("plan_deactivated", plan_events.PlanDeactivated(activation=activation.id), activation.incident)

    def tick(self, activation_id: str, step_id: str, note: str = "") -> None:
        activation = self._active(activation_id)
        if self._progress(activation, step_id).tick is not None:
            raise PlanError(self.desk.tr("The step \u201c{step}\u201d of \u201c{plan}\u201d is already ticked.")
                            .format(**self._names(activation, step_id)))
        self._record("step_ticked", plan_events.StepTicked(activation=activation.id, step=step_id, note=note[:500]),
                     activation.incident)

    def untick(self, activation_id: str, step_id: str, reason: str) -> None:
        activation = self._active(activation_id)
        if self._progress(activation, step_id).tick is None:
            raise PlanError(self.desk.tr("The step \u201c{step}\u201d of \u201c{plan}\u201d is not ticked: there is "
                                         "no tick to take back.").format(**self._names(activation, step_id)))
        if not reason.strip():
            raise PlanError(self.desk.tr("Say in a few words why the tick of \u201c{step}\u201d is taken back.")
                            .format(step=self._names(activation, step_id)["step"]))
        self._record("step_unticked", plan_events.StepUnticked(activation=activation.id, step=step_id,
                                                               reason=reason.strip()[:500]), activation.incident)

    def report(self, activation_id: str) -> Report:
        try:
            return plan_report(self.checklists, activation_id, self.desk.now_ms(), self.desk.language,
                               self.desk.time_zone, self._unit_name, self.desk.tr)
        except KeyError as error:
            raise PlanError(self._unknown_activation(activation_id)) from error

    def export_report(self, activation_id: str, path: Path, fmt: Literal["html", "csv"]) -> None:
        """Write the report; a writable desk records ``report_exported`` (which file, which format)."""
        report = self.report(activation_id)
        text = to_html(report) if fmt == "html" else "\ufeff" + to_csv(report)  # the BOM: a spreadsheet reads UTF-8
        try:
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise PlanError(self.desk.tr("The report could not be written to {path}: {why}. Choose another folder.")
                            .format(path=str(path), why=error.strerror or str(error))) from error
        activation = self.checklists.activation(activation_id)
        if activation is not None and not self.desk.read_only:
            self._record("report_exported", plan_events.ReportExported(activation=activation.id, format=fmt,
                                                                       file=path.name[-200:]), activation.incident)

    # --- the clock -----------------------------------------------------------------------------------

    def tick_clock(self) -> None:
        """Called every second: take the library once it is loaded, record the escalations due, tell the
        views of steps turning amber or overdue (and raise their alerts)."""
        if not self._announced and (self._loaded() is not None or self._load_problem):
            self._announced = True
            self._emit(self._all_incidents())  # the suggestions are there now
            problems = self.problems()
            if problems:
                self.desk.notify(self.desk.tr("The plan library has {count} problem(s); those plans are left out: "
                                              "{problems}").format(count=len(problems), problems="; ".join(problems)),
                                 Level.WARNING)
        now = self.desk.now_ms()
        if not self.desk.read_only:
            for activation_id, step_id in self.checklists.escalations_due(now):
                asked = (activation_id, step_id)
                if asked not in self._escalating:
                    self._escalating.add(asked)
                    incident = self._incident_of(activation_id)
                    # Refused or unanswered: asked again at the next second (a duplicate is harmless).
                    self._record("step_escalated", plan_events.StepEscalated(activation=activation_id,
                                                                             step=step_id), incident, quiet=True,
                                 on_refused=functools.partial(self._escalating.discard, asked))
        crossed = {activation.incident for activation in self.checklists.activations()
                   if activation.active and self._crossed(activation, now)}
        if crossed:
            self._refresh(crossed)

    # --- folding -------------------------------------------------------------------------------------

    def _on_event(self, event: AppliedEvent) -> None:
        self._last_gseq = max(self._last_gseq, event.gseq)
        self._seen_ms = max(self._seen_ms, event.time)
        changed = self.checklists.apply(event)
        incidents = {self._incident_of(activation_id) for activation_id in changed}
        body_incident = getattr(event.body, "incident", "")
        if isinstance(body_incident, str) and body_incident and self._derived.stands_for(body_incident):
            incidents.add(body_incident)  # a closure ends its requirement and alerts
        if incidents:
            self._refresh(incidents)

    def _on_reset(self, state: State) -> None:
        # What can change at a reset: the incidents with an activation (before it and after) or something
        # standing. Deriving for every incident of the state (a replay's seek into Guangzhou's day: 10,000)
        # held the desk ~30 ms at every seek for nothing; the listeners still hear of every incident.
        before = {activation.incident for activation in self.checklists.activations()} | self._derived.standing()
        if state.time < self._seen_ms:  # a replay went back: start again from its moment
            self.checklists.forget()
            self._states.clear()
            self._escalating.clear()
            self._last_gseq = 0
        self._seen_ms = state.time
        # The open incidents and those with a checklist: a whole day's closed incidents (10,000 in a replay
        # of Guangzhou's day) have no step to tick, and seeding them all held the desk for 100+ ms.
        activated = {activation.incident for activation in self.checklists.activations()}
        changed = self.checklists.reset(incident for incident in state.incidents.values()
                                        if incident.is_open or incident.id in activated)
        after = {activation.incident for activation in self.checklists.activations()}
        self._refresh({self._incident_of(activation_id) for activation_id in changed} | before | after,
                      announce=self._all_incidents())

    def _refresh(self, incidents: set[str], *, announce: set[str] | None = None) -> None:
        """Derive anew for ``incidents``; tell the listeners of ``announce`` (default: the same)."""
        incidents.discard("")
        now = self.desk.now_ms()
        if incidents:
            for activation in self.checklists.activations():
                if activation.incident in incidents:
                    self._crossed(activation, now)
            self._derived.update(incidents, now)
        told = incidents if announce is None else announce | incidents
        told.discard("")
        if told:
            self._emit(told)

    def _crossed(self, activation: Activation, now: int) -> bool:
        """Remember each step's state; True if one changed since last seen."""
        crossed = False
        for view in self.checklists.view(activation.id, now):
            key = (activation.id, view.step.id)
            if self._states.get(key) is not view.state:
                self._states[key] = view.state
                crossed = True
        return crossed

    def _emit(self, incidents: set[str]) -> None:
        changed = frozenset(incidents)
        for listener in list(self._listeners):
            listener(changed)

    # --- helpers -------------------------------------------------------------------------------------

    def _loaded(self) -> LoadedPlans | None:
        if self._plans is None and self._loading is not None and self._loading.done():
            loading, self._loading = self._loading, None
            try:
                self._plans = loading.result()
            except Exception as error:  # a broken library must not stop the checklists
                self._load_problem = self.desk.tr("The plan library could not be loaded: {why}").format(why=error)
        return self._plans

    def wait_for_library(self, timeout_s: float = 10.0) -> None:
        """Block until the library is loaded (command line tools and tests; never on a working desk)."""
        if self._loading is not None:
            with contextlib.suppress(Exception):  # kept as the load problem by _loaded
                self._loading.result(timeout_s)
        self._loaded()

    def loaded_plans(self) -> LoadedPlans | None:
        """The library and its matcher once loaded (a second model on the same plans need not read them again)."""
        return self._loaded()

    def _all_incidents(self) -> set[str]:
        return set(self.desk.state.incidents) | {a.incident for a in self.checklists.activations()}

    def _incident_of(self, activation_id: str) -> str:
        activation = self.checklists.activation(activation_id)
        return "" if activation is None else activation.incident

    def _unit_kind(self, unit_id: str) -> str | None:
        unit = self.desk.state.units.get(unit_id)
        return None if unit is None else unit.kind.value

    def _unit_name(self, unit_id: str) -> str:
        unit = self.desk.state.units.get(unit_id)
        return unit_id if unit is None or not unit.name else unit.name

    def _writable(self) -> None:
        if self.desk.read_only:
            raise PlanError(self.desk.read_only)

    def _unknown_activation(self, activation_id: str) -> str:
        return self.desk.tr("No plan activation {activation} on this desk.").format(activation=activation_id)

    def _active(self, activation_id: str) -> Activation:
        self._writable()
        activation = self.checklists.activation(activation_id)
        if activation is None:
            raise PlanError(self._unknown_activation(activation_id))
        if not activation.active:
            raise PlanError(self.desk.tr("The plan \u201c{plan}\u201d was stood down on incident {incident}.")
                            .format(plan=local(activation.title, self.desk.language), incident=activation.incident))
        return activation

    def _progress(self, activation: Activation, step_id: str) -> StepProgress:
        progress = activation.steps.get(step_id)
        if progress is None:
            raise PlanError(self.desk.tr("The plan \u201c{plan}\u201d has no step {step}.")
                            .format(plan=local(activation.title, self.desk.language), step=step_id))
        return progress

    def _names(self, activation: Activation, step_id: str) -> dict[str, str]:
        language = self.desk.language
        return {"plan": local(activation.title, language), "step": local(activation.steps[step_id].step.text, language)}

    def _record(self, name: str, data: plan_events.PlanEvent | plan_events.ReportExported, incident: str,
                *, quiet: bool = False, on_refused: Callable[[], None] | None = None) -> None:
        def answered(outcome: Outcome) -> None:
            if outcome.accepted:
                return
            if on_refused is not None:
                on_refused()
            if not quiet:
                self.desk.notify(self.desk.tr("Not recorded: {why}").format(why=outcome.message), Level.WARNING)

        self.desk.record(name, data, incident=incident, on_outcome=answered)


_models: dict[int, PlansModel] = {}


def model_for(desk: DeskContext) -> PlansModel:
    """The plans model of ``desk``, made on first use (a panel may be made before the plugin's activate)."""
    model = _models.get(id(desk))
    if model is None or model.desk is not desk:
        model = _models[id(desk)] = PlansModel(desk)
    return model


def close_models() -> None:
    for model in _models.values():
        model.close()
    _models.clear()
