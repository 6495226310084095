"""A practice hour to replay: a simulated Guangzhou evening hour, written once into the user's data folder.

A new user's log (the demo's) holds only the minutes since they started the desk; a supervisor trying the
replay wants a busy hour. "Replay a practice hour" in the Replay menu writes one, the first time, with the
same simulator as ``dispatch-desktop db generate`` (1,100 patrol groups; ~800,000 events and ~530
incidents, 58 MB, written in ~20 s on this machine), behind a progress dialog that can be cancelled, then
opens it; afterwards it opens at once. The hour is yesterday's 18:00–19:00 in the command
center's zone, so its times read as recent. It is written beside the real log, never into it, under a
temporary name renamed only once complete: a cancelled or failed run leaves nothing half-written behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dispatch_desktop.domain.localtime import zone

PRACTICE_FILE = "practice-hour.sqlite3"
PRACTICE_SEED = 20161
PRACTICE_UNITS = 1100
START_HOUR = 18


def practice_path(data_dir: Path) -> Path:
    return data_dir / "replay" / PRACTICE_FILE


def practice_start_ms(today: dt.date | None = None) -> int:
    """Yesterday 18:00 in the command center's zone."""
    day = (today or dt.datetime.now(zone()).date()) - dt.timedelta(days=1)
    return int(dt.datetime(day.year, day.month, day.day, START_HOUR, tzinfo=zone()).timestamp() * 1000)


def write_practice_hour(path: Path, *, cancelled: threading.Event, progress: PracticeProgress | None = None,
                        units: int = PRACTICE_UNITS, minutes: int = 60) -> bool:
    """Any thread. Writes the hour to ``path`` (through a temporary file); False if cancelled (nothing kept)."""
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.sim.engine import SimConfig
    from dispatch_desktop.sim.fast_forward import fast_forward
    from dispatch_desktop.store import EventStore

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    _remove_database(partial)
    start = practice_start_ms()
    try:
        with EventStore.open(f"sqlite:///{partial}") as store:
            outcome = fast_forward(
                store, generate_city(cameras=0), SimConfig(seed=PRACTICE_SEED, units=units),
                start_ms=start, end_ms=start + minutes * 60_000, cancelled=cancelled.is_set,
                progress=(lambda made: progress.advanced.emit(made.fraction, made.events)) if progress else None)
        if outcome.stopped:
            _remove_database(partial)
            return False
        os.replace(partial, path)
        return True
    except BaseException:
        _remove_database(partial)
        raise


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


class PracticeProgress(QObject):
    """The writing thread's news, queued to the GUI thread."""

    advanced = Signal(float, int)  # fraction done, events written
    finished = Signal(object)  # True: written; False: cancelled; an exception: failed


class PracticeHour(QObject):
    """Writes the practice hour behind a progress dialog, then hands its path to ``ready``."""

    ready = Signal(str)  # the practice log's SQLAlchemy URL
    failed = Signal(str)

    def __init__(self, data_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = practice_path(data_dir)
        self._parent = parent
        self._cancel = threading.Event()
        self._progress = PracticeProgress(self)
        self._progress.advanced.connect(self._advanced, Qt.ConnectionType.QueuedConnection)
        self._progress.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def start(self) -> None:
        if self.path.exists():
            self.ready.emit(self.url)
            return
        translate = QCoreApplication.translate
        dialog = self.dialog = QProgressDialog(
            translate("PracticeHour", "Writing a practice hour: a simulated Guangzhou evening, 1,100 patrol groups…"),
            translate("PracticeHour", "Cancel"), 0, 1000, self._parent)
        dialog.setWindowTitle(translate("PracticeHour", "Practice hour"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        dialog.show()
        threading.Thread(target=self._write, name="practice-hour", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    def _write(self) -> None:
        try:
            result: object = write_practice_hour(self.path, cancelled=self._cancel, progress=self._progress)
        except BaseException as error:  # said on the GUI thread
            result = error
        self._progress.finished.emit(result)

    def _advanced(self, fraction: float, events: int) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(fraction * 1000))
            self.dialog.setLabelText(QCoreApplication.translate(
                "PracticeHour", "Writing a practice hour: {events:,} events so far ({percent:.0f} %)…").format(
                events=events, percent=fraction * 100))

    def _finished(self, result: object) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if result is True:
            self.ready.emit(self.url)
        elif isinstance(result, BaseException):
            self.failed.emit(QCoreApplication.translate(
                "PracticeHour", "The practice hour could not be written: {reason}").format(reason=result))
        else:
            self.failed.emit(QCoreApplication.translate("PracticeHour", "Cancelled: no practice hour was kept."))
