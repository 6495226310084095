"""The roster panel's form: one shift's leader, officers, units and phones, as fields a dispatcher edits.
It knows which fields were typed in (``dirty``) so that nothing typed is overwritten by a refresh, and
says so (``edited``) so that the panel keeps a draft. Units show by their call sign."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
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
    edited = Signal()  # the dispatcher typed into a field or ticked the box

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
        self.edited.emit()

    def retranslate(self, translate: Callable[[str], str]) -> None:
        for column, text in FIELDS.items():
            self.labels[column].setText(translate(text))
        self.edits["officers"].setPlaceholderText(translate("Names separated by ；"))
        self.edits["officer_phones"].setPlaceholderText(translate("One per officer, in the same order"))
        self.edits["units"].setPlaceholderText(translate("Call signs separated by ；"))
        # Short on the box (the column may be narrow), the whole rule in the tooltip.
        self.onward.setText(translate("Also on later days"))
        self.onward.setToolTip(translate("Also for this shift on later days, until another roster is recorded"))

    def fill(self, roster: RosterSet, call_signs: Mapping[str, str]) -> None:
        """Show ``roster``, its units by call sign (``call_signs``: unit id -> call sign; a unit the desk
        does not know by its id). What was typed is gone: call only when not ``dirty`` or on purpose."""
        values = {
            "leader": roster.leader.name,
            "leader_phone": roster.leader.phone,
            "officers": SEPARATOR.join(person.name for person in roster.officers),
            "officer_phones": SEPARATOR.join(person.phone for person in roster.officers)
            if any(person.phone for person in roster.officers) else "",
            "units": SEPARATOR.join(call_signs.get(unit) or unit for unit in roster.units),
            "duty_phone": roster.duty_phone,
        }
        self._show(values, onward=False)
        self.dirty = False

    def restore(self, values: Mapping[str, str], *, onward: bool) -> None:
        """Show what was typed earlier (a draft): the form is ``dirty`` again."""
        self._show(values, onward=onward)
        self.dirty = True

    def _show(self, values: Mapping[str, str], *, onward: bool) -> None:
        for column, edit in self.edits.items():
            edit.setText(values.get(column, ""))
            edit.setCursorPosition(0)
        self.onward.blockSignals(True)
        self.onward.setChecked(onward)
        self.onward.blockSignals(False)

    def values(self) -> dict[str, str]:
        return {column: edit.text() for column, edit in self.edits.items()}

    def label_texts(self) -> dict[str, str]:
        return {column: label.text() for column, label in self.labels.items()}

    def set_editable(self, editable: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        self.onward.setEnabled(editable)
