"""Opening replays from the live desk: "Replay this incident" (Ctrl+Shift+R, in the Incident menu and the
dispatch panel, through the same registry as the plugins' actions), "Replay a time range…" and "Replay a
practice hour" (the Replay menu; ``practice``). The log is opened off the GUI thread; a refusal (no log,
an empty one, a range outside it) is said in the desk's language; the live desk goes on meanwhile. Each
replay is its own window and can stay open.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QMenu, QWidget

from dispatch_desktop import paths
from dispatch_desktop.api.actions import IncidentAction
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.localtime import local, zone
from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.replay.opening import OpenedLog, ReplayRefused, ReplayRequest, open_log
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.replay.practice import PracticeHour
from dispatch_desktop.ui.replay.window import ReplayDesk, show_replay
from dispatch_desktop.ui.workstation import Workstation

REPLAY_INCIDENT_KEY = "Ctrl+Shift+R"


def refusal_text(error: ReplayRefused) -> str:
    """The refusal in the desk's language."""
    translate = QCoreApplication.translate
    values = error.values
    if error.code == "no_log":
        return translate("ReplayLauncher", "There is no event log at {url}: start the desk with --db pointing at the "
                         "hub's log to replay it.").format(url=values.get("url", ""))
    if error.code == "empty_log":
        return translate("ReplayLauncher", "The event log holds no events yet: there is nothing to replay.")
    if error.code == "unknown_incident":
        return translate("ReplayLauncher", "The log holds no incident {incident}.").format(
            incident=values.get("incident", ""))
    if error.code == "unknown_drill":
        return translate("ReplayLauncher", "The log holds no drill {drill}.").format(drill=values.get("drill", ""))
    if error.code == "outside_log":
        first, last = values["first"], values["last"]
        assert isinstance(first, int) and isinstance(last, int)
        return translate("ReplayLauncher", "The log runs from {first} to {last}; the time asked lies outside it."
                         ).format(first=labels.date_time_text(first), last=labels.date_time_text(last))
    return str(error)


class TimeRangeDialog(QDialog):
    """From / to, in the command center's time zone; the last hour by default."""

    def __init__(self, now_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replay_range")
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("ReplayLauncher", "Replay a time range"))
        self.start = QDateTimeEdit(command_center_time(now_ms - 3_600_000), self)
        self.end = QDateTimeEdit(command_center_time(now_ms), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            edit.setCalendarPopup(True)
        form = QFormLayout(self)
        form.addRow(translate("ReplayLauncher", "From"), self.start)
        form.addRow(translate("ReplayLauncher", "To"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def request(self) -> ReplayRequest:
        return ReplayRequest(start_ms=epoch_ms(self.start.dateTime()), end_ms=epoch_ms(self.end.dateTime()))


# The edits show and take the command center's wall-clock time whatever the machine's zone (Qt's own zone
# database may not know the zone): a QDateTime holding its date and time as plain fields, read back in the zone.
def command_center_time(ms: int) -> QDateTime:
    moment = local(ms)
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second),
                     QTimeZone.utc())


def epoch_ms(edited: QDateTime) -> int:
    day, clock = edited.date(), edited.time()
    moment = dt.datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second(),
                         tzinfo=zone())
    return int(moment.timestamp() * 1000)


class ReplayLauncher(QObject):
    """The live desk's way into replays."""

    _opened = Signal(object, object)  # ReplayRequest, OpenedLog | BaseException (from the opening thread)

    def __init__(self, window: Workstation, city: City, database_url: str, actions: IncidentActions,
                 parent: QObject | None = None, *, plugins: Sequence[Discovered] | None = None,
                 safe_mode: bool = False, state_dir: Path | None = None, data_dir: Path | None = None) -> None:
        """``plugins``, ``safe_mode``: as the live desk's, so that a replay shows the same plugins;
        ``data_dir``: where the practice hour is kept (default: the user data dir)."""
        super().__init__(parent or window)
        self._data_dir = data_dir or paths.data_dir()
        self._plugins = plugins
        self._safe_mode = safe_mode
        self._state_dir = state_dir
        self._window = window
        self._city = city
        self._url = database_url
        self.replays: list[ReplayDesk] = []
        self.opening = 0
        self.on_opened: Callable[[ReplayDesk], None] | None = None  # tests
        self._opened.connect(self._on_opened, Qt.ConnectionType.QueuedConnection)
        actions.add(IncidentAction(
            id="core.replay_incident",
            title=lambda: QCoreApplication.translate("ReplayLauncher", "Replay this incident"),
            key=REPLAY_INCIDENT_KEY, enabled=lambda _incident: True, handler=self.replay_incident,
        ), owner="core")
        self.menu = QMenu(window)
        self.menu.setObjectName("replay_menu")
        self.range_action = self.menu.addAction("")
        self.range_action.setObjectName("replay_range_action")
        self.range_action.triggered.connect(self.ask_time_range)
        self.practice_action = self.menu.addAction("")
        self.practice_action.setObjectName("replay_practice_action")
        self.practice_action.triggered.connect(self.open_practice_hour)
        self.practice: PracticeHour | None = None
        window.menuBar().insertMenu(window.settings_menu.menuAction(), self.menu)
        window.language.languageChanged.connect(lambda _language: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.menu.setTitle(translate("ReplayLauncher", "&Replay"))
        self.range_action.setText(translate("ReplayLauncher", "Replay a time range…"))
        self.practice_action.setText(translate("ReplayLauncher", "Replay a practice hour (simulated)…"))
        self.practice_action.setToolTip(translate(
            "ReplayLauncher", "A simulated Guangzhou evening hour, written once beside your log, to try the replay on"))

    # --- asking -----------------------------------------------------------------------------------------

    def replay_incident(self, incident_id: str) -> None:
        self.open(ReplayRequest(incidents=(incident_id,)))

    def ask_time_range(self) -> None:
        dialog = TimeRangeDialog(int(time.time() * 1000), self._window)
        dialog.accepted.connect(lambda: self.open(dialog.request()))
        dialog.open()

    def open_practice_hour(self) -> None:
        """The practice hour (written the first time, behind a progress dialog), replayed from its start."""
        if self.practice is not None and self.practice.dialog is not None:
            self.practice.dialog.raise_()
            return
        practice = self.practice = PracticeHour(self._data_dir, self._window)
        practice.ready.connect(lambda url: self.open(ReplayRequest(), url=url))
        practice.failed.connect(lambda text: self._window.status_bar.showMessage(text, 15_000))
        practice.start()

    def open(self, request: ReplayRequest, *, url: str | None = None) -> None:
        """Open the log for ``request`` (the desk's, or ``url``) off the GUI thread; the window appears when
        it is read."""
        url = url or self._url
        self.opening += 1
        self._window.status_bar.showMessage(QCoreApplication.translate("ReplayLauncher", "Opening the replay…"))

        def work() -> None:
            try:
                result: object = open_log(url, request)
            except BaseException as error:  # said on the GUI thread, whatever it is
                result = error
            self._opened.emit(request, result)

        threading.Thread(target=work, name="replay-open", daemon=True).start()

    def _on_opened(self, request: ReplayRequest, result: object) -> None:
        self.opening -= 1
        status = self._window.status_bar
        if isinstance(result, ReplayRefused):
            status.showMessage(refusal_text(result), 15_000)
            return
        if isinstance(result, BaseException):
            status.showMessage(QCoreApplication.translate("ReplayLauncher", "The replay could not open the log: "
                                                          "{reason}").format(reason=result), 15_000)
            return
        assert isinstance(result, OpenedLog)
        status.clearMessage()
        desk = show_replay(result, self._city, self._window.settings, request, plugins=self._plugins,
                           safe_mode=self._safe_mode, state_dir=self._state_dir)
        desk.window.language.set_language(self._window.language.language)
        self.replays.append(desk)
        desk.window.closed.connect(lambda: self.replays.remove(desk) if desk in self.replays else None)
        if self.on_opened is not None:
            self.on_opened(desk)

    def close_all(self) -> None:
        for desk in list(self.replays):
            desk.window.close()
            desk.close()
        self.replays.clear()
