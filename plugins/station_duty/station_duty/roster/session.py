"""One desk's rosters: the book fed by the plugin's ``roster_set`` events, what the views ask of it, and
who is told of changes. Qt-free; it talks to the desk only through ``DeskContext``.

The panel, the "on duty now" widget and the incident action of one desk share one session
(``session_for``); the plugin's ``activate`` opens it, ``deactivate`` calls ``close_sessions``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from dispatch_desktop.api import (
    AppliedEvent,
    DeskContext,
    Outcome,
    State,
    Station,
    Subscription,
    UnitStatus,
    events,
)
from station_duty.roster.book import Roster, RosterBook, SetEvent
from station_duty.roster.csv_read import Problem, RosterFile, StationRef, check_fields, read_rosters
from station_duty.roster.csv_write import roster_csv
from station_duty.roster.events import RosterSet
from station_duty.roster.shifts import shifts_of, slot_at

EVENT = "roster_set"
PANEL_ID = "station_duty.roster"


class RosterSession:
    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk
        self.shifts = shifts_of(desk.settings)
        self.book = RosterBook(self.shifts, desk.time_zone, self.units_of)
        self._listeners: list[Callable[[], None]] = []
        self._statuses: dict[str, UnitStatus | None] = {}
        self._indexed_state: State | None = None
        self._units_by_station: dict[str, list[str]] = {}
        self._subscriptions: list[Subscription] = [
            desk.on_event(self._on_event, kinds={"plugin_event"}),
            desk.on_change(self._on_change),
            desk.on_language(lambda _language: self._changed()),
        ]

    def close(self) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()
        self._subscriptions.clear()
        self._listeners.clear()

    # --- reading ----------------------------------------------------------------------------------------

    def stations(self) -> tuple[Station, ...]:
        return self.desk.city.stations

    def station_name(self, station_id: str) -> str:
        try:
            return self.desk.city.station(station_id).name
        except KeyError:
            return station_id

    def units_of(self, station_id: str) -> list[str]:
        """The ids of the station's units in the state shown (indexed once per state: the incident
        action asks after every batch of events)."""
        state = self.desk.state
        if state is not self._indexed_state:
            index: dict[str, list[str]] = {}
            for unit in state.units.values():
                index.setdefault(unit.station, []).append(unit.id)
            self._units_by_station = {station: sorted(ids) for station, ids in index.items()}
            self._indexed_state = state
        return self._units_by_station.get(station_id, [])

    def roster(self, station_id: str, day: date, shift_id: str, *, as_of_ms: int | None = None) -> Roster:
        return self.book.roster(station_id, day, shift_id, as_of_ms=as_of_ms)

    def roster_now(self, station_id: str) -> Roster:
        """The roster of the shift under way, with every event this desk has (one stamped by the hub a
        moment ahead of this desk's clock included)."""
        now = slot_at(self.desk.now_ms(), self.shifts, self.desk.time_zone)
        return self.book.roster(station_id, now.day, now.shift.id)

    def roster_at(self, station_id: str, moment_ms: int) -> Roster:
        """Who was on duty at the station at ``moment_ms``, as the log said then."""
        return self.book.roster_at(station_id, moment_ms)

    def free_units(self, roster: Roster) -> tuple[int, int]:
        """(free now, on shift): the roster's units the desk shows available."""
        units = self.desk.state.units
        free = sum(1 for unit_id in roster.data.units
                   if unit_id in units and units[unit_id].status is UnitStatus.AVAILABLE)
        return free, len(roster.data.units)

    def incident_station(self, incident_id: str) -> str | None:
        incident = self.desk.state.incidents.get(incident_id)
        if incident is None:
            return None
        if incident.station:
            return incident.station
        found = self.desk.city.station_at(incident.lat, incident.lon)
        return found.id if found is not None else None

    # --- CSV ----------------------------------------------------------------------------------------------

    def _refs(self) -> list[StationRef]:
        return [StationRef(station.id, station.name, station.short_name) for station in self.stations()]

    def _unit_stations(self) -> dict[str, str]:
        return {unit.id: unit.station for unit in self.desk.state.units.values()}

    def call_signs(self) -> dict[str, str]:
        """Unit id -> its call sign (天河巡12组), what dispatchers know units by."""
        return {unit.id: unit.name for unit in self.desk.state.units.values() if unit.name}

    def read_csv(self, data: bytes, source: str) -> RosterFile:
        return read_rosters(data, stations=self._refs(), shifts=self.shifts, unit_stations=self._unit_stations(),
                            call_signs=self.call_signs(), source=source)

    def check_form(self, fields: Mapping[str, str], labels: Mapping[str, str],
                   onward: bool) -> tuple[RosterSet | None, tuple[Problem, ...]]:
        """The panel's form (``fields`` by CSV column, station and date and shift included) as a roster."""
        return check_fields(fields, labels, stations=self._refs(), shifts=self.shifts,
                            unit_stations=self._unit_stations(), call_signs=self.call_signs(), onward=onward)

    def day_csv(self, day: date, *, encoding: str = "utf-8-sig") -> bytes:
        """Every station's roster of every shift of ``day``, as known now."""
        rosters = [self.book.roster(station.id, day, spec.id).data for station in self.stations()
                   for spec in self.shifts]
        names = {station.id: station.name for station in self.stations()}
        return roster_csv(rosters, station_names=names, shifts=self.shifts, language=self.desk.language,
                          encoding=encoding, call_signs=self.call_signs())

    # --- writing ----------------------------------------------------------------------------------------

    def record(self, roster: RosterSet, on_outcome: Callable[[Outcome], None] | None = None) -> None:
        """Record the roster as a ``roster_set`` event; PermissionError on a desk that sends nothing."""
        self.desk.record(EVENT, roster, on_outcome=on_outcome)

    # --- changes ----------------------------------------------------------------------------------------

    def on_changed(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after a roster event arrived, units changed or the language changed; returns
        the function that stops it."""
        self._listeners.append(listener)

        def cancel() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return cancel

    def tick(self) -> None:
        """Time moved on (a shift may have ended): let the views look again."""
        self._changed()

    def _on_event(self, applied: AppliedEvent) -> None:
        data = self.desk.decode(applied)
        if not isinstance(data, RosterSet):
            return
        body = applied.body
        operator = body.operator if isinstance(body, events.PluginEvent) else ""
        if self.book.add(SetEvent(applied.gseq, applied.time, operator, data)):
            self._changed()

    def _on_change(self, units: frozenset[str], _incidents: frozenset[str]) -> None:
        # Most changes are positions; the views show only how many units are free.
        state = self.desk.state.units
        moved = False
        for unit_id in units:
            status = state[unit_id].status if unit_id in state else None
            if self._statuses.get(unit_id) != status:
                self._statuses[unit_id] = status
                moved = True
        if moved:
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()


_sessions: dict[int, RosterSession] = {}


def session_for(desk: DeskContext) -> RosterSession:
    """The roster session of ``desk``, opened on first use."""
    session = _sessions.get(id(desk))
    if session is None or session.desk is not desk:
        session = _sessions[id(desk)] = RosterSession(desk)
    return session


def close_sessions() -> None:
    for session in _sessions.values():
        session.close()
    _sessions.clear()


def leader_phone(desk: DeskContext, incident_id: str) -> str | None:
    """The phone of the duty leader on shift now at the incident's station (for "Copy / dial the duty
    leader's number"); None when the incident, its station or the number is unknown."""
    session = session_for(desk)
    station = session.incident_station(incident_id)
    if station is None:
        return None
    return session.roster_now(station).data.leader.phone or None
