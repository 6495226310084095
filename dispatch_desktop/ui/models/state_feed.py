"""The bridge from the bus client's thread to the GUI thread.

The bus client calls ``push(state, changed_events)`` and ``set_connected(up)`` from its own thread. They
only park the newest state, append the events and union the ids they touch under a lock, and post at most
one queued wake-up to the GUI thread. On the GUI thread the parked batch is taken and re-emitted as Qt
signals: the state with what changed (worked out once, here, for every view), and the events themselves,
in gseq order, for whoever listens to events (plugins). So a city
of 11,000 units reporting every few seconds costs the event loop one delivery per interval however many
events arrived, and nothing ever blocks the GUI on the bus (qutebrowser's pattern: work elsewhere,
results back through a queued signal).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from dispatch_desktop.domain.events import Envelope
from dispatch_desktop.domain.state import State
from dispatch_desktop.ui.models.changes import scan

Published = tuple[int, Envelope]
"""An event as the bus applied it: (gseq, envelope)."""


@dataclass
class StateBatch:
    """What arrived since the last delivery. ``full`` means "anything may have changed": the ids are
    then only a hint (a resync, a replay seek, or a caller that did not say what changed)."""

    state: State
    units: set[str] = field(default_factory=set)
    incidents: set[str] = field(default_factory=set)
    full: bool = False
    events: list[Published] = field(default_factory=list)
    """Every event applied since the last delivery, in gseq order."""
    notable: list[Published] = field(default_factory=list)
    """The same but the position reports (most of a batch), in gseq order."""
    reset: State | None = None
    """The state a wholesale replacement (a snapshot) installed, if one happened in this batch: the
    events before ``reset_index`` came before it; those after, after it (folded onto it)."""
    reset_index: int = 0
    reset_notable: int = 0  # where the reset falls in ``notable``
    reset_gseq: int = 0


class StateFeed(QObject):
    """Thread-safe intake of states; create it on the GUI thread, call ``push`` from any thread."""

    stateArrived = Signal(object)  # StateBatch
    connectionChanged = Signal(bool)
    replayChanged = Signal(bool)

    _wake = Signal()

    def __init__(self, parent: QObject | None = None, *, min_interval_ms: int = 50) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: StateBatch | None = None
        self._connected: bool | None = None  # pending connection news
        self._replay: bool | None = None
        self._scheduled = False
        self._min_interval = min_interval_ms / 1000.0
        self._last_delivery = 0.0
        self._delivered = 0
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self._deliver)
        self._wake.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- any thread -------------------------------------------------------------------------------

    def push(self, state: State, changed_events: Sequence[Published] | None = None, *, gseq: int = 0) -> None:
        """A new state. ``changed_events`` are the ``(gseq, envelope)`` pairs folded in since the previous
        push, in order; None means the state was replaced wholesale (a snapshot as of ``gseq``): the events
        in between are unknown and everything is compared."""
        if not isinstance(state, State):
            raise TypeError(f"StateFeed.push expects a State, got {type(state).__name__}")
        notable: list[Published] = []
        if changed_events is None:
            units: set[str] = set()
            incidents: set[str] = set()
            full = True
        else:
            units, incidents, notable = scan(changed_events)
            full = False
        with self._lock:
            batch = self._pending
            if batch is None:
                batch = self._pending = StateBatch(state, units, incidents, full)
            else:
                batch.state = state
                batch.units |= units
                batch.incidents |= incidents
                batch.full = batch.full or full
            if changed_events is None:
                batch.reset, batch.reset_index, batch.reset_gseq = state, len(batch.events), gseq
                batch.reset_notable = len(batch.notable)
            else:
                batch.events.extend(changed_events)
                batch.notable.extend(notable)
            self._schedule_locked()

    def set_connected(self, up: bool) -> None:
        with self._lock:
            self._connected = bool(up)
            self._schedule_locked()

    def set_replay(self, active: bool) -> None:
        """The desk shows a replay of the log (states pushed are past ones) or the live city again."""
        with self._lock:
            self._replay = bool(active)
            self._schedule_locked()

    def _schedule_locked(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            self._wake.emit()

    # --- GUI thread --------------------------------------------------------------------------------

    @property
    def deliveries(self) -> int:
        """How many batches reached the GUI thread so far (for diagnostics and tests)."""
        return self._delivered

    def flush(self) -> None:
        """Deliver what is parked now, ignoring the interval (tests, shutdown)."""
        self._last_delivery = 0.0
        self._deliver()

    def _deliver(self) -> None:
        wait = self._last_delivery + self._min_interval - time.monotonic()
        if wait > 0:
            if not self._throttle.isActive():
                self._throttle.start(max(1, int(wait * 1000)))
            return
        with self._lock:
            batch, self._pending = self._pending, None
            connected, self._connected = self._connected, None
            replay, self._replay = self._replay, None
            self._scheduled = False
        self._last_delivery = time.monotonic()
        if connected is not None:
            self.connectionChanged.emit(connected)
        if replay is not None:
            self.replayChanged.emit(replay)
        if batch is not None:
            self._delivered += 1
            self.stateArrived.emit(batch)
