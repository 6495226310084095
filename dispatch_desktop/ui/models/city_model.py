"""The GUI thread's view of the city: the current ``State`` and fine-grained change signals.

Modelled on napari's evented models: views never poll; they subscribe to the narrow signal they need
(the unit board to ``unitsChanged``, the status bar to ``connectionChanged`` and ``clockTicked`` …)
and read the immutable state they are handed, which can never change under them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import immutables
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from dispatch_desktop.domain.state import State
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.models.state_feed import StateBatch, StateFeed

Clock = Callable[[], int]


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class CityModel(QObject):
    stateChanged = Signal(object)  # the new State, after the fine-grained signals below
    unitsChanged = Signal(list)  # ids of units added, changed or removed
    incidentsChanged = Signal(list)  # ids of incidents added, changed or removed
    refusalsChanged = Signal()
    connectionChanged = Signal(bool)
    modeChanged = Signal(str)  # DisplayMode value
    clockTicked = Signal(object)  # int ms since the epoch (object: too big for a C int)
    # [(gseq, Envelope)] in gseq order, after the state they lead to is shown; then the same without the
    # position reports (most of them), for listeners that do not want those.
    eventsApplied = Signal(list, list)
    stateReset = Signal(object, object)  # (State, gseq): the state was replaced wholesale (a snapshot)

    def __init__(
        self,
        feed: StateFeed | None = None,
        parent: QObject | None = None,
        *,
        clock: Clock = wall_clock_ms,
    ) -> None:
        super().__init__(parent)
        self._state: State | None = None
        self._connected = False
        self._replay = False
        self._replay_now: int | None = None  # the replay's clock, when a replay player drives it
        self._simulated = False
        self._clock = clock
        self._ticker = QTimer(self)
        self._ticker.setSingleShot(True)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._tick)
        if feed is not None:
            feed.stateArrived.connect(self._on_batch)
            feed.connectionChanged.connect(self.set_connected)
            feed.replayChanged.connect(self.set_replay)

    # --- reading ------------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state if self._state is not None else _EMPTY

    @property
    def has_state(self) -> bool:
        return self._state is not None

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def mode(self) -> DisplayMode:
        if self._replay:
            return DisplayMode.REPLAY
        mode = DisplayMode(self.state.mode.value)
        return DisplayMode.SIMULATION if self._simulated and mode is DisplayMode.LIVE else mode

    @property
    def simulated(self) -> bool:
        return self._simulated

    def now_ms(self) -> int:
        """"Now" for elapsed-time displays: the replayed instant in a replay, else the wall clock."""
        if not self._replay:
            return self._clock()
        return self._replay_now if self._replay_now is not None else self.state.time

    # --- changing -----------------------------------------------------------------------------------

    def set_state(self, state: State, units: Iterable[str] = (), incidents: Iterable[str] = (),
                  *, full: bool = False) -> None:
        """Show ``state``. ``units`` / ``incidents`` name what may have changed since the state shown
        before; with ``full`` (or for the first state) everything is compared."""
        old = self._state
        old_mode = self.mode
        self._state = state
        if old is None or full:
            changed_units = _diff(old.units if old else None, state.units)
            changed_incidents = _diff(old.incidents if old else None, state.incidents)
        else:
            incident_ids = set(incidents)
            changed_incidents = _changed(old.incidents, state.incidents, incident_ids)
            # A clearance releases every unit on the incident without naming them in the event.
            unit_ids = set(units)
            for incident_id in incident_ids:
                for snapshot in (old.incidents.get(incident_id), state.incidents.get(incident_id)):
                    if snapshot is not None:
                        unit_ids.update(snapshot.units)
            changed_units = _changed(old.units, state.units, unit_ids)
        if changed_units:
            self.unitsChanged.emit(changed_units)
        if changed_incidents:
            self.incidentsChanged.emit(changed_incidents)
        if old is None or old.refusal_count != state.refusal_count or old.refusals is not state.refusals:
            self.refusalsChanged.emit()
        if self.mode != old_mode:
            self.modeChanged.emit(self.mode.value)
        self.stateChanged.emit(state)

    def set_connected(self, up: bool) -> None:
        if up != self._connected:
            self._connected = up
            self.connectionChanged.emit(up)

    def set_simulated(self, simulated: bool) -> None:
        """The city shown is a simulation (the embedded default): the desk must never say "live"."""
        if simulated != self._simulated:
            old = self.mode
            self._simulated = simulated
            if self.mode != old:
                self.modeChanged.emit(self.mode.value)

    def set_replay(self, active: bool) -> None:
        if active != self._replay:
            self._replay = active
            self.modeChanged.emit(self.mode.value)
            self._tick()

    def set_replay_time(self, time_ms: int) -> None:
        """The replay's instant (a player's clock, which runs between the events): "now" for every elapsed
        time shown, announced at once rather than at the next second."""
        if time_ms != self._replay_now:
            self._replay_now = time_ms
            if self._replay:
                self.clockTicked.emit(time_ms)

    def start_clock(self) -> None:
        """Tick ``clockTicked`` on every wall-clock second from now on."""
        self._tick()

    def stop_clock(self) -> None:
        self._ticker.stop()

    def _tick(self) -> None:
        self.clockTicked.emit(self.now_ms())
        # Re-arm on the next whole second so the clock never drifts or skips a digit.
        self._ticker.start(1000 - wall_clock_ms() % 1000)

    def _on_batch(self, batch: StateBatch) -> None:
        self.set_state(batch.state, batch.units, batch.incidents, full=batch.full)
        events, notable = batch.events, batch.notable
        if batch.reset is None:
            if events:
                self.eventsApplied.emit(events, notable)
            return
        if batch.reset_index:
            self.eventsApplied.emit(events[:batch.reset_index], notable[:batch.reset_notable])
        self.stateReset.emit(batch.reset, batch.reset_gseq)
        if len(events) > batch.reset_index:
            self.eventsApplied.emit(events[batch.reset_index:], notable[batch.reset_notable:])


_EMPTY = State()


def _changed(old: immutables.Map, new: immutables.Map, candidates: set[str]) -> list[str]:
    """Candidates whose record differs (by identity: the projection shares untouched records)."""
    return [key for key in candidates if old.get(key) is not new.get(key)]


def _diff(old: immutables.Map | None, new: immutables.Map) -> list[str]:
    if old is None:
        return list(new.keys())
    changed = [key for key, value in new.items() if old.get(key) is not value]
    changed += [key for key in old if key not in new]
    return changed
