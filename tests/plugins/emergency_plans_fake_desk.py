"""A desk for the emergency plans model's tests: the state folded from the events it is given (as the real
desk's projection does), a clock the test sets, the plugin's recorded events, and the forces it requires and
the alerts it raises, as the dispatch and alerts panels would show them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

import msgspec
from emergency_plans.events import SCHEMAS
from emergency_plans.library import PlanLibrary
from emergency_plans.matching import PlanMatcher
from emergency_plans.model import Plan
from emergency_plans.plan_loading import LoadedPlans
from emergency_plans.reference import Reference

from dispatch_desktop.api import AppliedEvent, ForceRequirement, Level, State
from dispatch_desktop.domain.projection import apply
from tests.plugins.emergency_plans_log import CALL_MS
from tests.plugins.fake_desk_parts import Cancel, Listening, Recorded


def loaded(plans: Sequence[Plan], reference: Reference) -> LoadedPlans:
    library = PlanLibrary(tuple(plans))
    return LoadedPlans(library, PlanMatcher(library.plans, reference, ZoneInfo("Asia/Shanghai")))


class PlansDesk(Listening):
    plugin_id = "emergency_plans"
    schemas: ClassVar[dict[str, type[msgspec.Struct]]] = dict(SCHEMAS)

    def __init__(self, city: object = None, language: str = "en", data_dir: Path | None = None) -> None:
        super().__init__()
        self.city = city
        self.language = language
        self.time_zone = ZoneInfo("Asia/Shanghai")
        self.data_dir = data_dir or Path("/nonexistent")
        self.read_only = ""
        self.recorded: list[Recorded] = []
        self.state = State()
        self.clock = CALL_MS
        self.notices: list[tuple[str, Level]] = []
        self.required: dict[str, tuple[list[ForceRequirement], str]] = {}
        self.alerts: dict[str, tuple[str, str, str]] = {}  # key -> (title, text, incident)
        self._reset_listeners: list[Callable[[State], None]] = []

    def now_ms(self) -> int:
        return self.clock

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return text

    def apply(self, *events: AppliedEvent) -> None:
        """The events applied: the state first (as the desk shows it), then the listeners."""
        for event in events:
            self.state = apply(self.state, event.event)
            self.deliver(event)

    def on_reset(self, listener: Callable[[State], None]) -> Cancel:
        self._reset_listeners.append(listener)
        return Cancel(lambda: None)

    def notify(self, text: str, level: Level = Level.INFO) -> None:
        self.notices.append((text, level))

    def require_forces(self, incident: str, forces: Sequence[ForceRequirement], reason: str) -> Cancel:
        """As the desk: a new requirement for the incident replaces the standing one (whose cancel then
        does nothing)."""
        standing = self.required[incident] = (list(forces), reason)

        def cancel() -> None:
            if self.required.get(incident) is standing:
                del self.required[incident]

        return Cancel(cancel)

    def raise_alert(self, key: str, title: str, text: str, incident: str = "") -> None:
        self.alerts[key] = (title, text, incident)

    def clear_alert(self, key: str) -> None:
        self.alerts.pop(key, None)
