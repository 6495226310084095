"""The Python side of the live map: batched deltas out, clicks and layer toggles back.

``MapBridge`` is registered on the page's QWebChannel as ``bridge``. It never re-renders the page: it
collects the ids the city model reports changed and, at most every ``interval_ms`` (80 ms, so twelve
times a second: the map keeps up with the desk's states, which come up to twenty times a second),
sends one compact JSON delta — units as a flat ``[id, lat, lon, code, …]`` array with status, kind, SOS
and staleness packed into ``code`` — and nothing at all while nothing changes. Selection flows both ways
through the shared ``SelectionModel``.

Staleness changes with time alone (a silent handset sends nothing): on each tick of the city model's
clock the bridge re-sends only the units whose stale flag flipped (``StaleWatch``), and tells the page the
desk's time so a stale unit's tooltip can say how long ago it last reported.

Layers contributed by plugins are kept by ``plugin_layers`` (``PluginLayers``, registered on the channel
beside the bridge); the layer switches (``layer_visible``, ``set_layer_visible``, ``layerToggled``) cover
them too, by their ``<plugin id>.<name>`` ids.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import IncidentStatus, UnitKind, UnitStatus
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.domain.state import Incident, State, Unit
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import LanguageManager
from dispatch_desktop.ui.map.page import (
    DEFAULT_VISIBLE,
    INCIDENT_STATUS_ORDER,
    LAYER_ORDER,
    TYPE_CLASSES,
    UNIT_KIND_ORDER,
    UNIT_STATUS_ORDER,
    type_class,
)
from dispatch_desktop.ui.map.plugin_layers import PluginLayers
from dispatch_desktop.ui.map.stale_watch import StaleWatch
from dispatch_desktop.ui.map.symbols import KIND_SHIFT, SOS_BIT, STALE_BIT
from dispatch_desktop.ui.map.texts import LAYER_TITLES, MAP_UI, TYPE_CLASS_TITLES, duration, tr
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel

FOCUS_ZOOM = 16
"""How close ``focus_incident`` brings the map (streets, no clusters); closer views stay as they are."""

_SHOWN_INCIDENT = frozenset({IncidentStatus.NEW, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE})
_STATUS_CODE = {status: n for n, status in enumerate(UNIT_STATUS_ORDER)}
_KIND_CODE = {kind: n << KIND_SHIFT for n, kind in enumerate(UNIT_KIND_ORDER)}
_INCIDENT_STATUS_CODE = {status: n for n, status in enumerate(INCIDENT_STATUS_ORDER)}
_CLASS_CODE = {name: n for n, name in enumerate(TYPE_CLASSES)}
_encode = msgspec.json.Encoder().encode


def unit_code(unit: Unit, stale: bool = False) -> int:
    """Status (bits 0-2), kind (bits 3-5), SOS (bit 6) and stale (bit 7) in one small number."""
    return (_STATUS_CODE[unit.status] | _KIND_CODE[unit.kind] | (SOS_BIT if unit.sos else 0)
            | (STALE_BIT if stale else 0))


def incident_row(incident: Incident) -> list[Any]:
    return [
        incident.id, round(incident.lat, 6), round(incident.lon, 6), incident.priority,
        _CLASS_CODE[type_class(incident.incident_type)], _INCIDENT_STATUS_CODE[incident.status],
        labels.incident_type_name(incident.incident_type), incident.address,
    ]


class MapBridge(QObject):
    # --- to the page (connected in dispatch_map.js) --------------------------------------------------
    delta = Signal(str)
    texts = Signal(str)  # the page's words in the desk's language (JSON)
    selection = Signal(str, str)  # kind ("unit" / "incident"), id
    follow = Signal(str)
    layerVisibility = Signal(str, bool)
    view = Signal(float, float, int)  # centre lat, lon, zoom (0 keeps the zoom)
    focus = Signal(str, float, float, int)  # incident id, lat, lon, the least zoom to show it at
    clock = Signal(float)  # the desk's "now" (ms since the epoch), for the age of a stale unit's report

    # --- to the desk ---------------------------------------------------------------------------------
    pageLoaded = Signal()
    unitClicked = Signal(str)
    incidentClicked = Signal(str)
    mapClicked = Signal(float, float)  # an empty spot: lat, lon (a new incident's location, say)
    cameraClicked = Signal(str)  # a camera's id (to put it on the video wall)
    layerToggled = Signal(str, bool)  # a built-in or contributed layer shown or hidden
    flushed = Signal(int, int, int)  # unit rows, incident rows, bytes of the delta sent

    def __init__(
        self,
        city_model: CityModel,
        selection: SelectionModel,
        language: LanguageManager | None = None,
        city: City | None = None,
        parent: QObject | None = None,
        *,
        staleness: StalenessPolicy = DEFAULT_STALENESS,
        interval_ms: int = 80,
    ) -> None:
        super().__init__(parent)
        self._city_model = city_model
        self._selection = selection
        self._city = city
        self._page_ready = False
        self._dirty_units: set[str] = set()
        self._dirty_incidents: set[str] = set()
        self._reset_pending = True
        self._stale = StaleWatch(staleness)
        self._now_ms: int | None = None  # the clock's last tick; the model's clock until the first one
        self._pending_focus = ""
        self._named: set[str] = set()
        self._on_map_incidents: set[str] = set()
        self._placed: dict[str, tuple[float, float]] = {}  # units drawn between fixes (a replay)
        self._preview: State | None = None  # a replay's drag: the map alone shows this state
        self._visible = {key: key in DEFAULT_VISIBLE for key in LAYER_ORDER}
        self.plugin_layers = PluginLayers(self, interval_ms=interval_ms)
        self.plugin_layers.layerToggled.connect(self.layerToggled)
        self.last_flush_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._interval_ms = interval_ms
        self._last_flush_at = 0.0  # perf_counter() of the last delta sent
        self._timer.timeout.connect(self.flush)
        city_model.unitsChanged.connect(self._mark_units)
        city_model.incidentsChanged.connect(self._mark_incidents)
        city_model.clockTicked.connect(self._on_clock)
        selection.unitSelected.connect(lambda unit_id: self._send_selection("unit", unit_id))
        selection.incidentSelected.connect(lambda incident_id: self._send_selection("incident", incident_id))
        selection.followChanged.connect(self._send_follow)
        if language is not None:
            language.languageChanged.connect(self._on_language_changed)

    # --- state ----------------------------------------------------------------------------------------

    @property
    def page_ready(self) -> bool:
        return self._page_ready

    def layer_visible(self, key: str) -> bool:
        if key in self.plugin_layers:
            return self.plugin_layers.is_visible(key)
        return self._visible[key]

    def set_layer_visible(self, key: str, visible: bool) -> None:
        if key in self.plugin_layers:
            self.plugin_layers.set_visible(key, visible)
            return
        if key not in self._visible:
            raise KeyError(f"no map layer {key!r}; layers are {', '.join([*LAYER_ORDER, *self.plugin_layers.ids()])}")
        if self._visible[key] != visible:
            self._visible[key] = visible
            self.layerToggled.emit(key, visible)
        if self._page_ready:
            self.layerVisibility.emit(key, visible)

    @property
    def staleness(self) -> StalenessPolicy:
        return self._stale.policy

    def stale_units(self) -> frozenset[str]:
        """The units the map shows as stale (as of the last delta)."""
        return self._stale.stale_ids

    def place_between_fixes(self, placed: Mapping[str, tuple[float, float]]) -> None:
        """Draw these units at these (lat, lon) instead of their last fix: a replay moves them between
        their fixes. The state, the tables and the detail keep the fixes themselves."""
        changed = set(placed).symmetric_difference(self._placed)
        changed.update(unit_id for unit_id, where in placed.items() if self._placed.get(unit_id) != where)
        self._placed = dict(placed)
        self._mark_units(changed)

    def show_preview(self, state: State | None) -> None:
        """Draw ``state`` on the map instead of the model's (a replay's drag across its timeline: the map
        follows the cursor, the tables wait for the drag to end); None: the model's state again."""
        if state is self._preview:
            return
        self._preview = state
        self._reset_pending = True
        self._arm()

    def center_on(self, lat: float, lon: float, zoom: int = 0) -> None:
        if self._page_ready:
            self.view.emit(lat, lon, zoom)

    def focus_incident(self, incident_id: str) -> None:
        """Bring an incident into view, close enough to see its street (a closer view is kept), and
        highlight it. An incident not in the desk's state yet (just created, its event still on the way
        back from the hub) is shown as soon as it arrives."""
        self._pending_focus = incident_id
        self._focus_if_known()

    def _focus_if_known(self) -> None:
        incident = self._city_model.state.incidents.get(self._pending_focus)
        if incident is None or not self._page_ready:
            return
        self._pending_focus = ""
        self.flush()  # the page must hold the incident's row before it can highlight it
        self.focus.emit(incident.id, incident.lat, incident.lon, FOCUS_ZOOM)

    # --- collecting changes ---------------------------------------------------------------------------

    def _mark_units(self, unit_ids: Iterable[str]) -> None:
        self._dirty_units.update(unit_ids)
        self._arm()

    def _mark_incidents(self, incident_ids: Iterable[str]) -> None:
        self._dirty_incidents.update(incident_ids)
        self._arm()
        if self._pending_focus:
            self._focus_if_known()

    def _on_clock(self, now_ms: int) -> None:
        self._now_ms = now_ms
        flipped = self._stale.sweep(now_ms, self._city_model.state.units)
        if flipped:
            self._mark_units(flipped)
        if self._page_ready:
            self.clock.emit(float(now_ms))

    def _now(self) -> int:
        return self._now_ms if self._now_ms is not None else self._city_model.now_ms()

    def _arm(self) -> None:
        # At most one flush per interval, none while quiet. The interval runs from the last flush, not from
        # the first change after it: a fixed delay after each change would lock onto the states arriving
        # every 100 ms and send every other one (5 deltas a second). A zero delay still gathers everything
        # one delivery changes into one delta.
        if self._page_ready and not self._timer.isActive():
            since = (time.perf_counter() - self._last_flush_at) * 1000.0
            self._timer.start(max(0, round(self._interval_ms - since)))

    def flush(self) -> int:
        """Send what changed as one delta now; returns the delta's size in bytes (0 if nothing went)."""
        self._timer.stop()
        if not self._page_ready:
            return 0
        started = time.perf_counter()
        state = self._preview if self._preview is not None else self._city_model.state
        payload: dict[str, Any] = {}
        if self._reset_pending:
            payload["reset"] = True
            self._named.clear()
            self._on_map_incidents.clear()
            self._stale.clear()
            unit_ids: Iterable[str] = state.units.keys()
            incident_ids: Iterable[str] = state.incidents.keys()
        else:
            unit_ids, incident_ids = self._dirty_units, self._dirty_incidents
        unit_rows = self._unit_payload(state, unit_ids, payload)
        incident_rows = self._incident_payload(state, incident_ids, payload)
        self._reset_pending = False
        self._dirty_units = set()
        self._dirty_incidents = set()
        if not payload:
            return 0
        text = _encode(payload).decode()
        self._last_flush_at = started
        self.delta.emit(text)
        self.last_flush_ms = (time.perf_counter() - started) * 1000.0
        self.flushed.emit(unit_rows, incident_rows, len(text))
        return len(text)

    def _unit_payload(self, state: State, unit_ids: Iterable[str], payload: dict[str, Any]) -> int:
        units = state.units
        now = self._now()
        flag = self._stale.flag
        placed = self._placed
        flat: list[Any] = []
        removed: list[str] = []
        names: dict[str, str] = {}
        last_reports: dict[str, int] = {}  # of the stale units: their tooltip says how old it is
        for unit_id in unit_ids:
            unit = units.get(unit_id)
            if unit is None:
                removed.append(unit_id)
                self._named.discard(unit_id)
                self._stale.forget(unit_id)
                continue
            stale = flag(unit, now)
            lat, lon = placed.get(unit_id) or (unit.lat, unit.lon)
            flat += (unit_id, round(lat, 6), round(lon, 6), unit_code(unit, stale))
            if stale:
                last_reports[unit_id] = unit.last_report
            if unit_id not in self._named:
                names[unit_id] = unit.name or unit_id
                self._named.add(unit_id)
        if flat:
            payload["u"] = flat
        if removed:
            payload["ur"] = removed
        if names:
            payload["n"] = names
        if last_reports:
            payload["lr"] = last_reports
        return len(flat) // 4

    def _incident_payload(self, state: State, incident_ids: Iterable[str], payload: dict[str, Any]) -> int:
        incidents = state.incidents
        rows: list[list[Any]] = []
        removed: list[str] = []
        for incident_id in incident_ids:
            incident = incidents.get(incident_id)
            if incident is not None and incident.status in _SHOWN_INCIDENT:
                rows.append(incident_row(incident))
                self._on_map_incidents.add(incident_id)
            elif incident_id in self._on_map_incidents:
                removed.append(incident_id)
                self._on_map_incidents.discard(incident_id)
        if rows:
            payload["i"] = rows
        if removed:
            payload["ir"] = removed
        return len(rows)

    # --- labels -------------------------------------------------------------------------------------

    def labels_payload(self) -> dict[str, Any]:
        districts = self._city.districts if self._city is not None else ()
        ui = {key: tr(text) for key, text in MAP_UI.items()}
        # Per-kind limits may differ; the legend names the common one.
        ui["stale"] = ui["stale"].format(limit=duration(self.staleness.default_s))
        return {
            "layers": {key: tr(LAYER_TITLES[key]) for key in LAYER_ORDER},
            "unitStatus": {status.value: labels.unit_status(status) for status in UnitStatus},
            "unitKind": {kind.value: labels.unit_kind(kind) for kind in UnitKind},
            "incidentStatus": {status.value: labels.incident_status(status) for status in IncidentStatus},
            "priority": {str(p): labels.priority(p) for p in range(1, 5)},
            "typeClass": {name: tr(TYPE_CLASS_TITLES[name]) for name in TYPE_CLASSES},
            "districts": {d.adcode: labels.district_name(d.adcode, d.name) for d in districts},
            "ui": ui,
        }

    def _send_labels(self) -> None:
        self.texts.emit(_encode(self.labels_payload()).decode())

    def _on_language_changed(self, _language: str) -> None:
        if self._page_ready:
            self._send_labels()
            # Incident type names travel in the incident rows: send them again in the new language.
            self._mark_incidents(list(self._on_map_incidents))
            self.plugin_layers.retranslate()

    # --- selection ----------------------------------------------------------------------------------

    def _send_selection(self, kind: str, entity_id: str) -> None:
        if self._page_ready:
            self.selection.emit(kind if entity_id else "", entity_id)

    def _send_follow(self, unit_id: str) -> None:
        if self._page_ready:
            self.follow.emit(unit_id)

    # --- called from the page ------------------------------------------------------------------------

    @Slot()
    def pageReady(self) -> None:  # named for JavaScript
        self._page_ready = True
        self._reset_pending = True
        self._send_labels()
        for key, visible in self._visible.items():
            self.layerVisibility.emit(key, visible)
        self.clock.emit(float(self._now()))
        self.flush()
        if self._selection.unit:
            self._send_selection("unit", self._selection.unit)
        elif self._selection.incident:
            self._send_selection("incident", self._selection.incident)
        if self._selection.follow:
            self._send_follow(self._selection.follow)
        if self._pending_focus:
            self._focus_if_known()
        self.plugin_layers.page_ready()
        self.pageLoaded.emit()

    def page_unloaded(self) -> None:
        """The page is gone (reloading): hold deltas until the new one says it is ready."""
        self._page_ready = False
        self._timer.stop()
        self.plugin_layers.page_unloaded()

    @Slot(str)
    def selectUnit(self, unit_id: str) -> None:
        self._selection.select_unit(unit_id)
        self.unitClicked.emit(unit_id)

    @Slot(str)
    def selectIncident(self, incident_id: str) -> None:
        self._selection.select_incident(incident_id)
        self.incidentClicked.emit(incident_id)

    @Slot(str)
    def selectCamera(self, camera_id: str) -> None:
        self.cameraClicked.emit(camera_id)

    @Slot(float, float)
    def clickMap(self, lat: float, lon: float) -> None:
        self.mapClicked.emit(lat, lon)

    @Slot(str, bool)
    def layerChanged(self, key: str, visible: bool) -> None:
        if key in self.plugin_layers:
            self.plugin_layers.layerChanged(key, visible)
        elif key in self._visible and self._visible[key] != visible:
            self._visible[key] = visible
            self.layerToggled.emit(key, visible)
