"""A small, known city and a fake hub for the intake and dispatch tests.

The city (``tests.domain.dispatch_city``) is two districts cut as rectangles with three stations and a
few landmarks; units stand at known places. ``FakeHub`` is the command sender the widgets are given:
it checks each command against the state with ``projection.check`` exactly as the hub does, applies
accepted ones with ``projection.apply`` and pushes the new state into the ``CityModel``; refusals come
back as the projection's ``Refusal``. Field units' reports (acknowledgement, arrival, clearance) are
fed with ``report``.
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply, check
from dispatch_desktop.domain.state import Refusal, State
from dispatch_desktop.ui.models.changes import touched_ids
from dispatch_desktop.ui.models.city_model import CityModel
from tests.domain.dispatch_city import make_city

# 2025-11-22 15:00 Guangzhou time: off-peak.
T0 = 1_763_794_800_000
WORKSTATION = "ws-7"


# (id, kind, station, call sign, lat, lon): distances are from 天河体育中心.
UNITS = (
    ("PG-1", UnitKind.PATROL_GROUP, "S-440106-01", "天河巡01组", 23.1395, 113.3245),  # ~220 m
    ("PG-2", UnitKind.PATROL_GROUP, "S-440106-01", "天河巡02组", 23.1330, 113.3300),  # ~750 m
    ("PG-3", UnitKind.PATROL_GROUP, "S-440106-02", "天河巡03组", 23.1480, 113.3560),  # ~3.3 km
    ("RR-1", UnitKind.RAPID_RESPONSE, "S-440106-01", "突击队一队", 23.1505, 113.3250),  # ~1.4 km
    ("PG-4", UnitKind.PATROL_GROUP, "S-440104-01", "越秀巡01组", 23.1250, 113.2700),  # ~5.8 km
)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Chinese too (``QTest.keyClicks`` only takes ASCII): what an input
    method delivers, one committed character per key event."""
    for char in text:
        key = ord(char.upper()) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def focus_in(window: QWidget) -> QWidget | None:
    """The widget that has the keyboard in ``window``. The offscreen platform leaves a completer's
    popup window active after it hides (a real window system hands activation back), so the window
    is re-activated first, as it would be on a desktop."""
    QApplication.processEvents()
    popup = QApplication.activePopupWidget()
    if popup is not None and popup.isVisible():
        return popup
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()
    return QApplication.focusWidget()


class Clock:
    def __init__(self, now: int = T0) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now

    def advance(self, seconds: float) -> int:
        self.now += int(seconds * 1000)
        return self.now


class FakeHub:
    """Applies commands to a ``State`` the way the hub does and answers with the outcome."""

    def __init__(self, model: CityModel, clock: Clock, state: State | None = None) -> None:
        self.model = model
        self.clock = clock
        self.state = state if state is not None else State()
        self.seqs: dict[str, int] = {}
        self.commands: list[ev.Body] = []
        self.refuse_with: Refusal | None = None  # answer the next command with this refusal
        self.fail_with: Exception | None = None  # fail the next command as undeliverable
        self.hold = False  # leave futures pending (a slow hub)
        self.held: list[Future[Refusal | None]] = []

    def __call__(self, body: ev.Body) -> Future[Refusal | None]:
        self.commands.append(body)
        future: Future[Refusal | None] = Future()
        if self.hold:
            self.held.append(future)
            return future
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            future.set_exception(error)
            return future
        if self.refuse_with is not None:
            refusal, self.refuse_with = self.refuse_with, None
            future.set_result(refusal)
            return future
        future.set_result(self._apply(WORKSTATION, body))
        return future

    def report(self, unit: str, body: ev.Body) -> Refusal | None:
        """A field unit's report, as it reaches the hub."""
        return self._apply(unit, body)

    def _apply(self, source: str, body: ev.Body) -> Refusal | None:
        self.seqs[source] = self.seqs.get(source, 0) + 1
        event = ev.envelope(source, self.seqs[source], body, t_src=self.clock(), t_hub=self.clock())
        refusal = check(self.state, event)
        self.state = apply(self.state, event)
        units, incidents = touched_ids([event])
        self.model.set_state(self.state, units, incidents)
        return refusal

    def of_kind(self, kind: type[ev.Body]) -> list[ev.Body]:
        return [c for c in self.commands if isinstance(c, kind)]


def world(clock: Clock) -> tuple[City, CityModel, FakeHub]:
    """The city, a model showing the roster on duty, and a hub over it."""
    model = CityModel(clock=clock)
    hub = FakeHub(model, clock)
    for unit_id, kind, station, name, lat, lon in UNITS:
        hub.report("hub", ev.UnitRegistered(unit=unit_id, unit_kind=kind, station=station, name=name,
                                            lat=lat, lon=lon))
        hub.report(unit_id, ev.StatusReport(status=UnitStatus.AVAILABLE))
    model.set_state(hub.state, full=True)
    return make_city(), model, hub
