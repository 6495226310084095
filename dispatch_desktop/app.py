"""The composition root: the one place where the store, hub, bus client, simulator and window meet.

Modelled on qutebrowser's ``app.py``: components take their collaborators as arguments and know
nothing of each other; this module builds them in order and connects their signals. Start-up work
(city, demo clips, store, hub) runs on a worker thread behind a cancellable progress dialog, so the
GUI thread never waits on the database or the bus.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from dispatch_desktop.bus.workstation import CommandReply, Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State
from dispatch_desktop.embedded import Cancelled, EmbeddedServices, Options, StartupError
from dispatch_desktop.paths import APP_NAME
from dispatch_desktop.ui.dispatch.desk import connect_intake_to_panel
from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.video_wall import VideoWall
from dispatch_desktop.ui.video_wall.wiring import follow_selection
from dispatch_desktop.ui.workstation import Workstation, WorkstationSettings

log = logging.getLogger(__name__)


def options_from(args: argparse.Namespace) -> Options:
    return Options(
        database_url=args.db,
        hub=args.hub,
        keys=args.keys,
        seed=args.seed,
        units=args.units,
        cameras=args.cameras,
        speed=args.speed,
        simulate=not args.no_sim,
    )


class _StartupSignals(QObject):
    """Carries the worker thread's progress to the GUI thread (queued across threads)."""

    progressed = Signal(str, int, int)
    finished = Signal(object)  # None on success, else the exception


class Startup(QObject):
    """Runs ``services.start`` on a worker thread behind a progress dialog with a Cancel button."""

    done = Signal(bool)  # True: everything is up

    def __init__(self, services: EmbeddedServices) -> None:
        super().__init__()
        self.services = services
        self._cancel = threading.Event()
        self._signals = _StartupSignals()
        self._signals.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog()
        self.dialog.setWindowTitle(QCoreApplication.translate("Startup", "Dispatch Desktop"))
        self.dialog.setLabelText(QCoreApplication.translate("Startup", "Starting…"))
        self.dialog.setCancelButtonText(QCoreApplication.translate("Startup", "Cancel"))
        self.dialog.setMinimumDuration(300)
        self.dialog.setRange(0, 0)
        self.dialog.canceled.connect(self._cancel.set)

    def begin(self) -> None:
        threading.Thread(target=self._work, name="dispatch-startup", daemon=True).start()

    def _work(self) -> None:
        try:
            self.services.start(self._signals.progressed.emit, self._cancel.is_set)
        except BaseException as error:  # handed to the GUI thread, which tells the user
            self._signals.finished.emit(error)
        else:
            self._signals.finished.emit(None)

    def _on_progress(self, label: str, step: int, steps: int) -> None:
        self.dialog.setRange(0, steps)
        self.dialog.setValue(step)
        self.dialog.setLabelText(QCoreApplication.translate("Startup", label))

    def _on_finished(self, error: BaseException | None) -> None:
        self.dialog.reset()
        self.dialog.hide()
        if error is None and self._cancel.is_set():
            error = Cancelled()
        if error is None:
            self.done.emit(True)
            return
        self.services.stop()
        if not isinstance(error, Cancelled):
            log.error("start-up failed", exc_info=error)
            text = str(error) if isinstance(error, StartupError) else f"{type(error).__name__}: {error}"
            QMessageBox.critical(None, QCoreApplication.translate("Startup", "Dispatch Desktop cannot start"), text)
        self.done.emit(False)


class Desk:
    """The running workstation: window, panels and the bus client, wired together."""

    def __init__(self, services: EmbeddedServices, settings: WorkstationSettings) -> None:
        assert services.city is not None and services.endpoints is not None
        self.services = services
        city = services.city
        self.feed = StateFeed()
        self.client = WorkstationClient(
            services.options.workstation,
            command_endpoint=services.endpoints.workstation,
            publish_endpoint=services.endpoints.publish,
            curve=services.curve,
            context=services.context,
            on_state=self._on_state,
            on_connection=self.feed.set_connected,
        )
        # The desk's own panels join before the user's saved layout is restored (finish_layout below).
        self.window = Workstation(city, self.feed, dataclasses.replace(settings, restore_layout=False))
        window = self.window

        self.intake = IntakeForm(city, window.city_model, self.send, self.client.name, window.selection)
        self.dispatch = DispatchPanel(city, window.city_model, self.send, window.selection)
        connect_intake_to_panel(self.intake, self.dispatch)
        # Intake shares a tab stack with the incident detail, dispatch with the alerts: a 1080p screen
        # keeps the map, the queue, the unit board and the wall all visible.
        window.add_panel(self.intake, name="intake", tabify_with="incident_detail")
        window.add_panel(self.dispatch, name="dispatch", tabify_with="alerts")
        self.intake.install_shortcuts(window)
        self.intake.activated.connect(lambda: self._raise_dock("intake"))
        window.map_bridge.mapClicked.connect(self.intake.set_location_from_map)
        self.dispatch.alert.connect(self._on_overdue)

        self.wall = VideoWall(services.cameras or city.cameras, blob_directory=services.blob_dir)
        window.add_panel(self.wall, area=Qt.DockWidgetArea.BottomDockWidgetArea, name="video_wall")
        follow_selection(self.wall, window.selection, window.city_model)
        window.map_bridge.cameraClicked.connect(self.wall.put_camera_on_wall)
        self.wall.snapshot_taken.connect(self._on_snapshot)
        self.wall.snapshot_failed.connect(lambda why: window.status_bar.showMessage(why, 10_000))
        self._raise_dock("intake")
        self._raise_dock("dispatch")
        self._layout_restored = window.finish_layout()

    # --- running ----------------------------------------------------------------------------------

    def start(self) -> None:
        self.client.start()
        self.services.start_simulator()
        self.window.show()
        if not self._layout_restored:
            # Dock sizes only hold once the window has its real size: give the map the room.
            wall = self.window.dock("video_wall")
            QTimer.singleShot(0, self.window, lambda: self.window.resizeDocks([wall], [220], Qt.Orientation.Vertical))

    def stop(self) -> None:
        self.wall.shutdown()
        self.services.stop_simulator()
        self.client.stop()
        self.services.stop()

    def send(self, body: ev.Body) -> Future[CommandReply]:
        drill = self.window.city_model.mode is DisplayMode.DRILL
        return self.client.send_command(body, mode=Mode.DRILL if drill else Mode.LIVE)

    # --- reactions --------------------------------------------------------------------------------

    def _on_state(self, state: State, changed: list[Published] | None) -> None:
        """On the bus client's thread: hand over to the GUI thread through the feed."""
        self.feed.push(state, None if changed is None else [event for _gseq, event in changed])

    def _raise_dock(self, name: str) -> None:
        dock = self.window.dock(name)
        dock.show()
        dock.raise_()

    def _on_overdue(self, incident: str, phase: str) -> None:
        text = QCoreApplication.translate("Desk", "{incident}: {phase} overdue").format(incident=incident, phase=phase)
        self.window.status_bar.showMessage(text, 15_000)

    def _on_snapshot(self, incident: str, path: str, sha256: str, body: ev.IncidentNote) -> None:
        future = self.send(body)
        window = self.window

        def answered(done: Future[CommandReply]) -> None:
            failure = done.exception()
            reply = None if failure else done.result()
            ok = reply is not None and reply.accepted
            text = (QCoreApplication.translate("Desk", "Snapshot attached to {incident}") if ok
                    else QCoreApplication.translate("Desk", "Snapshot not attached to {incident}: {why}"))
            why = str(failure) if failure else (reply.message if reply is not None else "")
            QTimer.singleShot(0, window, lambda: window.status_bar.showMessage(
                text.format(incident=incident, why=why), 10_000))

        future.add_done_callback(answered)


def _after(seconds: float, action: Callable[[], None]) -> None:
    QTimer.singleShot(int(seconds * 1000), action)


def _save_screenshot(desk: Desk, path: Path) -> None:
    image = desk.window.grab()
    if image.save(str(path)):
        print(f"dispatch-desktop: screenshot saved to {path}", flush=True)
    else:
        print(f"dispatch-desktop: could not write the screenshot to {path}", file=sys.stderr, flush=True)


def main(args: argparse.Namespace) -> int:
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("指挥调度台 Dispatch Desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = EmbeddedServices(options_from(args))
    startup = Startup(services)
    outcome: dict[str, object] = {}

    def started(ok: bool) -> None:
        if not ok:
            outcome["code"] = 1
            app.quit()
            return
        desk = Desk(services, WorkstationSettings(language=args.lang))
        outcome["desk"] = desk
        app.aboutToQuit.connect(desk.stop)
        desk.start()
        if args.screenshot is not None:
            when = max(1.0, args.quit_after - 0.5) if args.quit_after else 12.0
            _after(when, lambda: _save_screenshot(desk, args.screenshot))
        if args.quit_after:
            _after(args.quit_after, app.quit)

    startup.done.connect(started)
    startup.begin()
    code = app.exec()
    desk = outcome.get("desk")
    if isinstance(desk, Desk):
        # QtWebEngine wants its pages gone before the application object; otherwise it complains on exit.
        shiboken6.delete(desk.window)
    return int(outcome.get("code", code))  # type: ignore[call-overload]
