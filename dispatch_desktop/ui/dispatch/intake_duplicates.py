"""Possible duplicates of the call being taken: open incidents nearby of the same kind, offered under the
form; Alt+D marks the call as a duplicate of the highlighted one (and again unmarks it)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from dispatch_desktop.domain.duplicates import DuplicateCandidate, DuplicateConfig, find_duplicates
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts

translate = QCoreApplication.translate  # the form's own context: these texts are the form's


class DuplicateOffer(QObject):
    changed = Signal()  # the call was marked or unmarked

    def __init__(self, parent: QWidget, config: DuplicateConfig) -> None:
        super().__init__(parent)
        self._config = config
        self.title = QLabel(parent)
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(parent)
        self.list.setMaximumHeight(90)
        self.button = QPushButton(parent)
        self.button.clicked.connect(self.toggle)
        self.note = QLabel(parent)
        self.note.setStyleSheet("color: #6a1b9a; font-weight: bold;")
        self.duplicate_of = ""
        self.candidates: list[DuplicateCandidate] = []

    def ids(self) -> list[str]:
        return [c.incident.id for c in self.candidates]

    def toggle(self) -> bool:
        """Mark the call as a duplicate of the highlighted candidate, or unmark it; False if there is
        nothing to mark it against."""
        if self.duplicate_of:
            self.duplicate_of = ""
        else:
            row = max(self.list.currentRow(), 0)
            if row >= len(self.candidates):
                return False
            self.duplicate_of = self.candidates[row].incident.id
        self.show()
        self.changed.emit()
        return True

    def check(self, incidents: Iterable[Incident], point: tuple[float, float] | None, code: str, at_ms: int) -> None:
        """Open incidents near ``point`` of the same kind (none without a point)."""
        self.candidates = [] if point is None else find_duplicates(incidents, *point, code, at_ms,
                                                                   config=self._config)
        if self.duplicate_of and self.duplicate_of not in self.ids():
            self.duplicate_of = ""
        self.show()

    def clear(self) -> None:
        self.duplicate_of = ""
        self.candidates = []
        self.show()

    def retranslate(self) -> None:
        self.title.setText(translate("IntakeForm", "Possible duplicates"))
        self.show()

    def show(self) -> None:
        self.list.clear()
        for candidate in self.candidates:
            incident = candidate.incident
            text = translate("IntakeForm", "%1 · %2 · %3 away · %4 ago · %5")
            age = labels.duration_text(int(abs(candidate.age_s) * 1000))
            for marker, value in (("%1", incident.id), ("%2", labels.incident_type_name(incident.incident_type)),
                                  ("%3", texts.distance(candidate.distance_m)), ("%4", age), ("%5", incident.address)):
                text = text.replace(marker, value)
            item = QListWidgetItem(text, self.list)
            if incident.id == self.duplicate_of:
                item.setForeground(Qt.GlobalColor.darkMagenta)
        has = bool(self.candidates)
        self.list.setVisible(has)
        self.title.setVisible(has)
        self.button.setVisible(has or bool(self.duplicate_of))
        if has:
            ids = self.ids()
            self.list.setCurrentRow(ids.index(self.duplicate_of) if self.duplicate_of in ids else 0)
        if self.duplicate_of:
            self.button.setText(translate("IntakeForm", "Not a duplicate (Alt+D)"))
            self.note.setText(translate("IntakeForm", "Will be recorded as a duplicate of %1 and closed.")
                              .replace("%1", self.duplicate_of))
        else:
            target = self.candidates[0].incident.id if self.candidates else ""
            self.button.setText(translate("IntakeForm", "Mark as duplicate of %1 (Alt+D)").replace("%1", target))
            self.note.setText("")
