"""The outbox as a table: commands sent and not yet answered by the hub, and those held from the last run.

``controllers.outbox.Outbox`` tells of changes on whatever thread made them (answers come on the bus
client's); this model takes them over to the GUI thread with a queued signal and shows the newest list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor

from dispatch_desktop.controllers.outbox import Entry, EntryState, Outbox
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.describe import describe
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel

SENT = QT_TRANSLATE_NOOP("Outbox", "Given at")
COMMAND = QT_TRANSLATE_NOOP("Outbox", "Command")
STATE = QT_TRANSLATE_NOOP("Outbox", "State")
ATTEMPTS = QT_TRANSLATE_NOOP("Outbox", "Tries")

STATE_TEXT = {
    EntryState.SENDING: QT_TRANSLATE_NOOP("Outbox", "Sending…"),
    EntryState.QUEUED: QT_TRANSLATE_NOOP("Outbox", "Queued: no answer from the hub yet, retrying"),
    EntryState.HELD: QT_TRANSLATE_NOOP("Outbox", "Held from before the restart: send again or withdraw"),
}
STATE_COLOR = {EntryState.SENDING: "#e3f2fd", EntryState.QUEUED: "#fff3e0", EntryState.HELD: "#fce4ec"}


def state_text(state: EntryState) -> str:
    return QCoreApplication.translate("Outbox", STATE_TEXT[state])


class OutboxModel(KeyedTableModel):
    context = "Outbox"

    changed = Signal()  # on the GUI thread, after the rows were brought up to date
    _arrived = Signal(object)  # list[Entry], from any thread

    def __init__(self, outbox: Outbox, city_model: CityModel, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(SENT, lambda e: labels.clock_text(int(e.submitted_at * 1000)), sort=lambda e: e.submitted_at),
                Column(COMMAND, lambda e: describe(e.body, city_model.state)),
                Column(STATE, lambda e: state_text(e.state), background=lambda e: QColor(STATE_COLOR[e.state]),
                       tooltip=lambda e: e.last_error),
                Column(ATTEMPTS, lambda e: str(e.attempts), sort=lambda e: e.attempts,
                       align=Qt.AlignmentFlag.AlignRight),
            ],
            parent,
        )
        self.outbox = outbox
        self._entries: dict[str, Entry] = {}
        self._arrived.connect(self._on_entries, Qt.ConnectionType.QueuedConnection)
        outbox.subscribe(self._arrived.emit)
        self._on_entries(outbox.entries())

    def record(self, key: str) -> Entry | None:
        return self._entries.get(key)

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def count(self, *states: EntryState) -> int:
        return sum(1 for e in self._entries.values() if not states or e.state in states)

    def _on_entries(self, entries: list[Entry]) -> None:
        new = {str(e.key): e for e in entries}
        touched = set(self._entries) | set(new)
        self._entries = new
        self.sync(sorted(touched))
        self.changed.emit()
