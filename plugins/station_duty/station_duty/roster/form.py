"""The roster panel's form: one shift's leader, officers, units and phones, as fields a dispatcher edits.
It knows which fields were typed in (``dirty``) so that nothing typed is overwritten by a refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from station_duty.roster.csv_format import COLUMNS
from station_duty.roster.csv_read import translatable
from station_duty.roster.events import RosterSet

SEPARATOR = "；"
FIELDS: dict[str, str] = {  # CSV column -> the form's label (source text)
    "leader": translatable("Duty leader"),
    "leader_phone": translatable("Leader's phone"),
    "officers": translatable("Duty officers"),
    "officer_phones": translatable("Officers' phones"),
    "units": translatable("Units on shift"),
    "duty_phone": translatable("Duty phone"),
}
assert set(FIELDS) <= set(COLUMNS)


class RosterForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for column in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"roster_{column}")
            edit.textEdited.connect(self._typed)  # typed by the dispatcher, not set by a refresh
            label = QLabel(self)
            label.setBuddy(edit)
            self.edits[column] = edit
            self.labels[column] = label
            layout.addRow(label, edit)
        self.onward = QCheckBox(self)
        self.onward.toggled.connect(self._typed)
        layout.addRow("", self.onward)

    def _typed(self, *_args: object) -> None:
        self.dirty = True

    def retranslate(self, translate: Callable[[str], str]) -> None:
        for column, text in FIELDS.items():
            self.labels[column].setText(translate(text))
        self.edits["officers"].setPlaceholderText(translate("Names separated by ；"))
        self.edits["officer_phones"].setPlaceholderText(translate("One per officer, in the same order"))
        self.edits["units"].setPlaceholderText(translate("Unit ids separated by ；"))
        # Short on the box (the column may be narrow), the whole rule in the tooltip.
        self.onward.setText(translate("Also on later days"))
        self.onward.setToolTip(translate("Also for this shift on later days, until another roster is recorded"))

    def fill(self, roster: RosterSet) -> None:
        """Show ``roster`` (what was typed is gone: call only when not ``dirty`` or on purpose)."""
        values = {
            "leader": roster.leader.name,
            "leader_phone": roster.leader.phone,
            "officers": SEPARATOR.join(person.name for person in roster.officers),
            "officer_phones": SEPARATOR.join(person.phone for person in roster.officers)
            if any(person.phone for person in roster.officers) else "",
            "units": SEPARATOR.join(roster.units),
            "duty_phone": roster.duty_phone,
        }
        for column, value in values.items():
            self.edits[column].setText(value)
            self.edits[column].setCursorPosition(0)
        self.onward.blockSignals(True)
        self.onward.setChecked(False)
        self.onward.blockSignals(False)
        self.dirty = False

    def values(self) -> dict[str, str]:
        return {column: edit.text() for column, edit in self.edits.items()}

    def label_texts(self) -> dict[str, str]:
        return {column: label.text() for column, label in self.labels.items()}

    def set_editable(self, editable: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        self.onward.setEnabled(editable)
