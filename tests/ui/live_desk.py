"""The whole desk as ``dispatch-desktop run`` builds it, on a real in-process hub and store, with the
bus peers a desk meets: a telephone gateway that rings 110 calls and field units' handsets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from dispatch_desktop.app import Desk
from dispatch_desktop.bus.field import FieldClient
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.domain.events import CallLocation
from dispatch_desktop.embedded import EmbeddedServices, Options
from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.ui.workstation import WorkstationSettings
from tests.ui.dispatch_world import focus_in, type_text

GATEWAY = "sim-phone"  # the in-process hub knows this name as a telephony gateway


class Keyboard:
    """Keys go wherever the keyboard focus is in the desk's window (or its open dialog); counts them."""

    def __init__(self, qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.desk = desk
        self.count = 0

    def window(self) -> QWidget:
        return self.desk.dispatch.active_dialog or self.desk.intake.active_dialog or self.desk.window

    def focus(self) -> QWidget:
        widget = focus_in(self.window())
        assert widget is not None, "the keyboard focus went nowhere"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        self.count += len(text)
        type_text(self.focus(), text)


class Phone:
    """The telephone gateway: rings 110 calls on the desk's hub."""

    _numbers = itertools.count(1)

    def __init__(self, desk: Desk) -> None:
        assert desk.services.endpoints is not None
        self.client = WorkstationClient(GATEWAY, command_endpoint=desk.services.endpoints.workstation,
                                        publish_endpoint=desk.services.endpoints.publish,
                                        context=desk.services.context)
        self.client.start()

    def ring(self, number: str, lat: float, lon: float, accuracy_m: int = 500) -> str:
        call = f"C-test-{next(self._numbers)}"
        reply = self.client.send_command(ev.CallOffered(
            call=call, number=number, location=CallLocation(lat=lat, lon=lon, accuracy_m=accuracy_m, method="cell")))
        assert reply.result(10).accepted
        return call

    def close(self) -> None:
        self.client.stop()


class Handset:
    """A unit's 微察 handset on the bus: answers the orders it receives."""

    def __init__(self, desk: Desk, unit: str) -> None:
        assert desk.services.endpoints is not None
        self.unit = unit
        self.orders: list[str] = []
        self.client = FieldClient(unit, desk.services.endpoints.field, context=desk.services.context,
                                  on_order=lambda order: self.orders.append(order.incident))

    def pump_until(self, qtbot, done: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
        def step() -> bool:
            self.client.pump()
            self.client.resend_due()
            return bool(done())
        qtbot.waitUntil(step, timeout=20_000)

    def on_duty_at(self, qtbot, desk: Desk, lat: float, lon: float) -> None:  # type: ignore[no-untyped-def]
        self.client.report(ev.StatusReport(status=UnitStatus.AVAILABLE))
        self.client.position(lat, lon)
        self.pump_until(qtbot, lambda: (u := desk.window.city_model.state.units[self.unit]).status
                        is UnitStatus.AVAILABLE and (u.lat, u.lon) == (lat, lon))


DeskFactory = Callable[..., Desk]


@pytest.fixture
def make_desk(qtbot, tmp_path: Path) -> Iterator[DeskFactory]:  # type: ignore[no-untyped-def]
    made: list[Desk] = []

    def make(language: str = "zh_CN", *, role: Role = Role.DISPATCHER, workstation: str = "ws-e2e",
             simulate: bool = False, operator: str = "张伟 012345", units: int | None = None,
             state_dir: Path | None = None, plugins: Sequence[Discovered] | None = (), safe_mode: bool = False,
             database: Path | None = None) -> Desk:
        """``plugins``: the plugins the desk considers (none by default; None: those installed)."""
        database = database or tmp_path / f"events-{len(made)}.sqlite3"  # each desk its own hub and log
        options = Options(database_url=f"sqlite:///{database}", simulate=simulate, cameras=0,
                          workstation=workstation, auto_dispatch=False, units=units)
        services = EmbeddedServices(options)
        services.start(lambda *_: None, lambda: False)
        settings = WorkstationSettings(user="tester", config_dir=tmp_path / "config", cache_dir=tmp_path / "cache",
                                       language=language, operator=operator, sound=False)
        desk = Desk(services, settings, role=role, state_dir=state_dir or tmp_path / "desk", plugins=plugins,
                    safe_mode=safe_mode)
        desk.start()
        made.append(desk)
        qtbot.waitExposed(desk.window)
        qtbot.waitUntil(lambda: bool(desk.client.synced.is_set() and len(desk.window.city_model.state.units)),
                        timeout=20_000)
        return desk

    yield make
    for desk in made:
        desk.stop()
        # What the desk's objects posted to the event loop is delivered now, while they all still exist,
        # not in the next test's event loop against a window deleted under it.
        QApplication.processEvents()
        shiboken6.delete(desk.window)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
