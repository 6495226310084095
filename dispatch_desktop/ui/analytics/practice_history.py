"""Practice history for the levels: 8 simulated weeks of incidents (daily and weekly rhythm, holidays,
injected surges) written once into ``<data dir>/analytics/history.sqlite3``, so that a new desk, whose
own log holds only the minutes since it started, has normal values to learn and levels to show.

"Generate practice history (simulated, 8 weeks)" in the Analytics menu writes it with
``analytics.history.write_history`` on a thread of its own, behind a progress dialog that can be
cancelled (as the replay's practice hour). The weeks run up to today and through it (the generator
writes whole local days); the desk takes today's hours from it only until its live log begins, so the
levels read at once and nothing is counted twice. It goes through a temporary file renamed only once
complete: a cancelled or failed run leaves nothing half-written, and an earlier history stays until the
new one is whole.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dispatch_desktop.analytics.dashboard import day_start_ms
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.analytics.engine import Toolkit, sqlite_url

translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
PRACTICE_WEEKS = 8
PRACTICE_SEED = 20261207


class HistoryCancelled(Exception):
    """The user cancelled the practice history: nothing was kept."""


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def write_practice_history(path: Path, city: City, toolkit: Toolkit, *, cancelled: threading.Event,
                           progress: Callable[[float], None] | None = None, weeks: int = PRACTICE_WEEKS,
                           scale: float = 1.0, now_ms: int | None = None) -> None:
    """Any thread. Writes the ``weeks`` weeks before today and today itself (whole local days, as the
    generator writes them) to ``path``; raises ``HistoryCancelled`` when cancelled (nothing kept). The desk
    reads it only up to where its live log begins (``engine.splice``), so the rest of today never shows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    _remove_database(partial)
    now = int(time.time() * 1000) if now_ms is None else now_ms
    days = weeks * 7 + 1
    start = day_start_ms(now - (days - 1) * 86_400_000)  # the zone has no DST: whole days of 24 hours
    try:
        with toolkit.open_store(sqlite_url(partial), writing=True) as store:
            toolkit.write_history(store, city, start_ms=start, days=days, seed=PRACTICE_SEED, scale=scale,
                                  progress=(lambda made: progress(made.fraction)) if progress else None,
                                  cancelled=cancelled.is_set)
        if cancelled.is_set():
            raise HistoryCancelled()
        _remove_database(path)  # its -wal and -shm would otherwise belong to the new file
        os.replace(partial, path)
    except BaseException as error:
        _remove_database(partial)
        if cancelled.is_set() and not isinstance(error, HistoryCancelled):
            raise HistoryCancelled() from error  # the writer stopped in its own way
        raise


class _News(QObject):
    advanced = Signal(float)
    finished = Signal(object)  # None: written; an exception: cancelled or failed


class PracticeHistory(QObject):
    """Writes the practice history behind a progress dialog; ``written`` when it is there."""

    written = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, city: City, toolkit: Toolkit, parent: QWidget, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.path = path
        self._city = city
        self._toolkit = toolkit
        self._parent = parent
        self._scale = scale
        self._cancel = threading.Event()
        self._news = _News(self)
        self._news.advanced.connect(self._advanced, Qt.ConnectionType.QueuedConnection)
        self._news.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        self.worker: threading.Thread | None = None

    def start(self) -> None:
        dialog = self.dialog = QProgressDialog(
            translate("AnalyticsHistory", "Writing 8 weeks of simulated incidents for the normal values…"),
            translate("AnalyticsHistory", "Cancel"), 0, 1000, self._parent)
        dialog.setObjectName("analytics_history_progress")
        dialog.setWindowTitle(translate("AnalyticsHistory", "Practice history"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self.worker = threading.Thread(target=self._write, name="analytics-practice-history", daemon=True)
        self.worker.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _write(self) -> None:
        try:
            write_practice_history(self.path, self._city, self._toolkit, cancelled=self._cancel,
                                   progress=self._progress, scale=self._scale)
            result: object = None
        except BaseException as error:  # said on the GUI thread
            result = error
        with contextlib.suppress(RuntimeError):  # the desk closed meanwhile: nobody is left to tell
            self._news.finished.emit(result)

    def _progress(self, fraction: float) -> None:
        with contextlib.suppress(RuntimeError):  # the desk closed meanwhile
            self._news.advanced.emit(fraction)

    def _advanced(self, fraction: float) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(fraction * 1000))
            self.dialog.setLabelText(translate(
                "AnalyticsHistory", "Writing 8 weeks of simulated incidents for the normal values… {percent:.0f} %"
            ).format(percent=fraction * 100))

    def _finished(self, result: object) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if result is None:
            self.written.emit()
        elif isinstance(result, HistoryCancelled):
            self.failed.emit(translate("AnalyticsHistory", "Cancelled: no practice history was kept."))
        else:
            self.failed.emit(translate(
                "AnalyticsHistory", "The practice history could not be written to {path}: {reason}").format(
                path=self.path, reason=result))

