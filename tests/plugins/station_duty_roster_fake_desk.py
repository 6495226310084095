"""A stand-in desk for the station duty roster's tests (``DeskContext`` as the roster uses it): the
generated city, units with statuses, a clock, and handles for the test to play the hub. Qt-free."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

import immutables
import msgspec
from station_duty.roster.events import RosterSet

from dispatch_desktop.api import AppliedEvent, Category, City, Incident, State, Unit, UnitStatus
from dispatch_desktop.city.generate import generate_city
from dispatch_desktop.domain import events as ev
from tests.plugins.fake_desk_parts import Cancel, FakeLayer, Listening, Recorded

SHANGHAI = ZoneInfo("Asia/Shanghai")
STATION = "S-440106-03"


def at(text: str) -> int:
    """``"2025-05-06 08:15"`` Beijing time as epoch milliseconds."""
    return int(datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).timestamp() * 1000)


def city() -> City:
    return generate_city(cameras=0)


def units(statuses: dict[str, UnitStatus] | None = None) -> dict[str, Unit]:
    """The generated city's units, available unless ``statuses`` says otherwise."""
    given = statuses or {}
    return {spec.id: Unit(id=spec.id, kind=spec.kind, station=spec.station, name=spec.name, members=spec.members,
                          status=given.get(spec.id, UnitStatus.AVAILABLE), lat=spec.lat, lon=spec.lon)
            for spec in city().units}


def incident(incident_id: str, station: str = STATION) -> Incident:
    return Incident(id=incident_id, call_time=at("2025-05-06 09:00"), caller_number="13800000000",
                    lat=23.13, lon=113.33, address="天河路 208 号", district="440106", station=station,
                    incident_type="theft", priority=2, category=Category.POLICE)


def state(statuses: dict[str, UnitStatus] | None = None, *incidents: Incident) -> State:
    return State(units=immutables.Map(units(statuses)), incidents=immutables.Map({i.id: i for i in incidents}))


def set_event(gseq: int, when: str, roster: RosterSet, *, operator: str = "王伟 0421",
              historical: bool = False) -> AppliedEvent:
    body = ev.PluginEvent(plugin="station_duty", name="roster_set", data=msgspec.msgpack.encode(roster),
                          operator=operator)
    return AppliedEvent(gseq, ev.envelope("ws-2", gseq, body, at(when), t_hub=at(when)), historical)




@dataclass
class FakePanel:
    """A panel of the plugin as the desk docked it: its widget, and how often it was brought to the front."""

    widget: object
    raised: int = 0

    def show(self) -> None:
        self.raised += 1


class FakeDesk(Listening):
    schemas: ClassVar[dict[str, type[msgspec.Struct]]] = {"roster_set": RosterSet}
    plugin_id = "station_duty"
    api_version = "1.0"
    mode = "live"

    def __init__(self, *, state: State | None = None, now: str = "2025-05-06 10:00", settings: object = None,
                 language: str = "en", tr: Callable[[str], str] | None = None, data_dir: Path | None = None) -> None:
        self.state = state if state is not None else globals()["state"]()
        self.city = city()
        self.now = at(now)
        self.settings = settings
        self.language = language
        self.time_zone = SHANGHAI
        self.read_only = ""
        self.recorded: list[Recorded] = []
        self.notices: list[tuple[str, str]] = []
        self.sections: list[tuple[object, Callable[[str], None]]] = []
        self._translate = tr or (lambda text: text)
        if data_dir is None:  # the plugin's own folder: a fresh one, gone with the desk
            self._folder = tempfile.TemporaryDirectory(prefix="station_duty_")
            data_dir = Path(self._folder.name)
        self.data_dir = data_dir
        self.panels: dict[str, FakePanel] = {}  # the test docks the panels it builds
        self.layers = {"station_duty.load": FakeLayer("station_duty.load")}
        super().__init__()

    def now_ms(self) -> int:
        return self.now

    # --- the hub's side, played by the test ----------------------------------------------------------

    def change(self, new_state: State, unit_ids: Iterable[str]) -> None:
        self.state = new_state
        for listener in list(self._change_listeners):
            listener(frozenset(unit_ids), frozenset())

    # --- DeskContext ---------------------------------------------------------------------------------

    def panel(self, panel_id: str) -> FakePanel:
        return self.panels[panel_id]

    def map_layer(self, layer_id: str) -> FakeLayer:
        return self.layers[layer_id]

    def on_reset(self, listener: Callable[[State], None]) -> Cancel:
        return Cancel(lambda: None)  # this desk never replaces its state wholesale

    def add_dispatch_section(self, widget: object, show_incident: Callable[[str], None]) -> None:
        self.sections.append((widget, show_incident))

    def notify(self, text: str, level: object = "info") -> None:
        self.notices.append((str(level), text))

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._translate(text)
