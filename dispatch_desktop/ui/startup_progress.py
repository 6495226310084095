"""Start-up behind a progress dialog: the city, the demo clips, the store and the hub are prepared on a
worker thread (``EmbeddedServices.start``) while the GUI thread shows each step with a Cancel button, so it
never waits on the database or the bus; a start-up error is told in the user's language."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from dispatch_desktop.embedded import Cancelled, EmbeddedServices, StartupError
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("dispatch_desktop.app")


STARTUP_STEPS = (
    QT_TRANSLATE_NOOP("Startup", "Preparing the demo camera clips"),
    QT_TRANSLATE_NOOP("Startup", "Generating the city"),
    QT_TRANSLATE_NOOP("Startup", "Opening the event store"),
    QT_TRANSLATE_NOOP("Startup", "Starting the hub"),
    QT_TRANSLATE_NOOP("Startup", "Reading this workstation's key"),
    QT_TRANSLATE_NOOP("Startup", "Ready"),
)
"""The labels ``EmbeddedServices.start`` reports its steps with, as source texts for the catalogues (the
Qt-free side names its steps in English; a test keeps the two lists equal)."""


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
            from dispatch_desktop.ui.startup_errors import startup_error_text, title

            # A StartupError is a situation its message explains (a damaged store, a missing key); anything
            # else is a bug, whose traceback belongs in the log.
            if isinstance(error, StartupError):
                log.error("start-up failed: %s", error)
            else:
                log.error("start-up failed", exc_info=error)
            QMessageBox.critical(None, title(), startup_error_text(error))
        self.done.emit(False)
