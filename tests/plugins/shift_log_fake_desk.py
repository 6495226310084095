"""A stand-in for the desk, as the shift log plugin sees it (``dispatch_desktop.api.DeskContext``): only
the members the plugin uses, each behaving as the real desk documents it, and handles for the tests to
play the hub (deliver events, answer a command) and to look at what the plugin did. Qt-free."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

import immutables
import msgspec
from shift_log.events import EntryAdded

from dispatch_desktop.api import AppliedEvent, Category, Incident, State
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from tests.plugins.fake_desk_parts import FakeLayer, Listening, Recorded

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> int:
    """``"2025-05-06 08:15"`` Beijing time as epoch milliseconds."""
    return int(datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).timestamp() * 1000)


def incident(incident_id: str, *, incident_type: str = "theft", address: str = "天河路 208 号",
             lat: float = 23.1322, lon: float = 113.3270) -> Incident:
    return Incident(id=incident_id, call_time=at("2025-05-06 08:00"), caller_number="13800000000", lat=lat,
                    lon=lon, address=address, district="440106", station="S-1", incident_type=incident_type,
                    priority=2, category=Category.POLICE)


def state_with(*incidents: Incident) -> State:
    return State(incidents=immutables.Map({item.id: item for item in incidents}))


def entry_event(gseq: int, when: str, text: str, *, incident: str = "", operator: str = "王伟 0421",
                plugin: str = "shift_log", name: str = "entry_added", data: bytes | None = None,
                historical: bool = False) -> AppliedEvent:
    """The plugin event an entry arrives as, stamped by the hub at ``when`` (Beijing time)."""
    payload = data if data is not None else msgspec.msgpack.encode(EntryAdded(text=text))
    body = ev.PluginEvent(plugin=plugin, name=name, data=payload, incident=incident, operator=operator)
    return AppliedEvent(gseq, ev.envelope("ws-2", gseq, body, at(when), t_hub=at(when)), historical)




class FakeSelection:
    def __init__(self) -> None:
        self.incident = ""
        self.unit = ""
        self.camera = ""

    def select_incident(self, incident_id: str) -> None:
        self.incident = incident_id

    def select_unit(self, unit_id: str) -> None:
        self.unit = unit_id

    def select_camera(self, camera_id: str) -> None:
        self.camera = camera_id


class FakePanel:
    def __init__(self, panel_id: str) -> None:
        self.id = panel_id
        self.widget: object = None
        self.visible = False

    def show(self) -> None:
        self.visible = True


class FakeDesk(Listening):
    schemas: ClassVar[dict[str, type[msgspec.Struct]]] = {"entry_added": EntryAdded}
    plugin_id = "shift_log"
    api_version = "1.0"
    mode = "live"

    def __init__(self, *, state: State | None = None, now: str = "2025-05-06 10:00",
                 settings: msgspec.Struct | None = None, tr: Callable[[str], str] | None = None,
                 language: str = "en", time_zone: ZoneInfo = SHANGHAI) -> None:
        self.state = state if state is not None else State()
        self.now = at(now)
        self.settings = settings
        self.language = language
        self.time_zone = time_zone  # the command center's zone, as the desk's clocks read
        self.selection = FakeSelection()
        self.panels = {"shift_log.entries": FakePanel("shift_log.entries")}
        self.layers = {"shift_log.places": FakeLayer("shift_log.places")}
        self.recorded: list[Recorded] = []
        self.notices: list[tuple[str, str]] = []
        self.read_only = ""  # what send raises PermissionError with; "" while the desk may send
        self._translate = tr or (lambda text: text)
        super().__init__()

    def now_ms(self) -> int:
        return self.now

    # --- the hub's side, played by the test ----------------------------------------------------------

    def change(self, state: State, incidents: Iterable[str]) -> None:
        self.state = state
        for listener in list(self._change_listeners):
            listener(frozenset(), frozenset(incidents))

    def switch_language(self, language: str) -> None:
        """The dispatcher chose another language (the plugin's catalogue is the test's ``tr``)."""
        self.language = language
        for listener in list(self._language_listeners):
            listener(language)

    # --- DeskContext ---------------------------------------------------------------------------------

    def incident_type_name(self, code: str) -> str:
        """As the desk names types: the taxonomy's name in the desk's language, the code if unknown."""
        if not taxonomy.is_known(code):
            return code
        kind = taxonomy.incident_type(code)
        return kind.name_zh if self.language == "zh_CN" else kind.name_en

    def panel(self, panel_id: str) -> FakePanel:
        return self.panels[panel_id]

    def map_layer(self, layer_id: str) -> FakeLayer:
        return self.layers[layer_id]

    def notify(self, text: str, level: object = "info") -> None:
        self.notices.append((str(level), text))

    @property
    def data_dir(self) -> Path:
        raise AssertionError("the shift log keeps no files")

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._translate(text)
