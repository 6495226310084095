"""A stand-in desk and plans model for the emergency plans' checklist panel and map layer tests (Qt-free).

``FakeModel`` keeps real ``Checklists`` folded from a ``Log`` (``emergency_plans_log``): its commands add the
plugin's event to the log and fold it, as the hub's echo would, then tell the listeners; ``refusal`` makes
the commands fail with that sentence, as ``desk_model.PlanError`` does. ``FakeDesk`` has the knife-attack
incident at Guangzhou railway station in its state, the log's units with call signs, a clock the test moves,
a selection and map layers that keep what they are given. (The model's own tests use
``emergency_plans_fake_desk``, a desk that folds its state from the events.)"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import immutables
from emergency_plans import events as plan_events
from emergency_plans.checklist import Activation, Checklists, StepView
from emergency_plans.model import Plan

from dispatch_desktop.api import Category, Incident, IncidentStatus, State, Unit, UnitStatus
from tests.plugins.emergency_plans_log import CALL_MS, INCIDENT, UNITS, Log, ms
from tests.plugins.fake_desk_parts import Cancel, FakeLayer, Listening

CALL_SIGNS = {unit: f"{unit.upper()} 越秀" for unit in UNITS}


class FakeSelection:
    def __init__(self) -> None:
        self.incident = ""
        self.unit = ""
        self.camera = ""
        self._listeners: list[Callable[[str, str], None]] = []

    def select_incident(self, incident_id: str) -> None:
        self.incident = incident_id
        for listener in list(self._listeners):
            listener("incident", incident_id)

    def select_unit(self, unit_id: str) -> None:
        self.unit = unit_id

    def select_camera(self, camera_id: str) -> None:
        self.camera = camera_id

    def on_change(self, listener: Callable[[str, str], None]) -> Cancel:
        self._listeners.append(listener)
        return Cancel(lambda: self._listeners.remove(listener) if listener in self._listeners else None)


def knife_incident(status: IncidentStatus = IncidentStatus.DISPATCHED) -> Incident:
    return Incident(id=INCIDENT, call_time=CALL_MS, caller_number="13800000000", lat=23.149, lon=113.258,
                    address="广州火车站广场", district="440104", station="s-yuexiu",
                    incident_type="violent_assault", priority=1, category=Category.POLICE, status=status)


def desk_state(*incidents: Incident) -> State:
    units = {unit: Unit(id=unit, kind=kind, station="s-yuexiu", name=CALL_SIGNS[unit],
                        status=UnitStatus.AVAILABLE, lat=23.15, lon=113.26) for unit, kind in UNITS.items()}
    return State(units=immutables.Map(units), incidents=immutables.Map({i.id: i for i in incidents}))


class FakeDesk(Listening):
    schemas = plan_events.SCHEMAS  # type: ignore[assignment]  # msgspec structs, as the manifest declares
    plugin_id = "emergency_plans"
    api_version = "1.2"
    mode = "live"
    time_zone = ZoneInfo("Asia/Shanghai")

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.language = language
        self.read_only = ""
        self.recorded = []
        self.state = desk_state(knife_incident())
        self.now = CALL_MS
        self.selection = FakeSelection()
        self.layers: dict[str, FakeLayer] = {}
        self._catalogue: dict[str, str] = {}

    def now_ms(self) -> int:
        return self.now

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._catalogue.get(text, text)

    def map_layer(self, layer_id: str) -> FakeLayer:
        return self.layers.setdefault(layer_id, FakeLayer(layer_id))

    def set_language(self, language: str, catalogue: dict[str, str]) -> None:
        """Switch language; texts missing from ``catalogue`` stay in English, as an untranslated text does."""
        self.language, self._catalogue = language, catalogue
        for listener in list(self._language_listeners):
            listener(language)


class FakeModel:
    """``PlansModel`` as the panel and the layer use it, on real checklists."""

    def __init__(self, desk: FakeDesk, log: Log, library: dict[str, Plan] | None = None) -> None:
        self.desk = desk
        self.log = log
        self.library = library or {}
        self.checklists = Checklists(lambda unit: UNITS[unit].value if unit in UNITS else None)
        for event in log.events:
            self.checklists.apply(event)
        self.suggested: list[Plan] = []
        self.refusal = ""
        self.commands: list[tuple[str, ...]] = []
        self.listeners: list[Callable[[frozenset[str]], None]] = []

    def on_change(self, listener: Callable[[frozenset[str]], None]) -> Cancel:
        self.listeners.append(listener)
        return Cancel(lambda: self.listeners.remove(listener) if listener in self.listeners else None)

    def suggestions(self, incident_id: str) -> list[Plan]:
        return list(self.suggested)

    def activations(self, incident_id: str) -> list[Activation]:
        found = self.checklists.activations(incident_id)
        return [a for a in found if a.active] + [a for a in found if not a.active]

    def view(self, activation_id: str) -> list[StepView]:
        return self.checklists.view(activation_id, self.desk.now_ms())

    def active_plans(self) -> list[tuple[Activation, Plan | None]]:
        return [(a, self.library.get(a.plan)) for a in self.checklists.activations() if a.active]

    def tick(self, activation_id: str, step_id: str, note: str = "") -> None:
        self._command(("tick", activation_id, step_id, note),
                      plan_events.StepTicked(activation=activation_id, step=step_id, note=note))

    def untick(self, activation_id: str, step_id: str, reason: str) -> None:
        self._command(("untick", activation_id, step_id, reason),
                      plan_events.StepUnticked(activation=activation_id, step=step_id, reason=reason))

    def fold(self, *events: object) -> None:
        """Events the desk applied (the test adds them to the log first): fold them and tell the views."""
        for event in self.log.events[len(self.log.events) - len(events):]:
            self.checklists.apply(event)
        self.changed()

    def changed(self) -> None:
        for listener in list(self.listeners):
            listener(frozenset({INCIDENT}))

    def _command(self, command: tuple[str, ...], data: plan_events.PlanEvent) -> None:
        if self.refusal:
            raise ValueError(self.refusal)
        self.commands.append(command)
        self.checklists.apply(self.log.own(data, (self.desk.now - CALL_MS) / 1000))
        self.changed()


def at_s(seconds: float) -> int:
    return ms(seconds)
