""""Activate a plan…": a small dialog listing every plan of the library, filtered as the dispatcher types
(title in either language, id, incident types), the incident's suggestions first. Enter activates the
highlighted plan; the model's refusal is shown in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emergency_plans.model import LocalText, Plan, local

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole


def searchable(plan: Plan) -> str:
    """Every word a dispatcher might type to find the plan, folded for a case-blind search."""
    titles = [plan.title.zh, plan.title.en] if isinstance(plan.title, LocalText) else [plan.title]
    return " ".join([*titles, plan.id, *plan.trigger.incident_types]).casefold()


class PlanChooser(QDialog):
    def __init__(self, plans: list[Plan], suggested: list[str], language: str, tr: Callable[[str], str],
                 activate: Callable[[str], str], parent: QWidget | None = None) -> None:
        """``activate(plan_id)`` returns "" when done, else the sentence saying why not."""
        super().__init__(parent)
        self.setObjectName("emergency_plans_chooser")
        self.setWindowTitle(tr("Activate a plan"))
        self._activate = activate
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Type to filter the plans"))
        self.list = QListWidget(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Activate"))
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.filter, self.list, self.error, buttons):
            layout.addWidget(widget)
        ordered = sorted(plans, key=lambda plan: (plan.id not in suggested, local(plan.title, language)))
        for plan in ordered:
            mark = "★ " if plan.id in suggested else ""
            item = QListWidgetItem(f"{mark}{local(plan.title, language)}  (v{plan.version})", self.list)
            item.setData(PLAN_ID_ROLE, plan.id)
            item.setData(Qt.ItemDataRole.ToolTipRole, plan.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, searchable(plan))
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.apply_filter("")
        self.resize(520, 420)

    def apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        first: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(word in str(item.data(Qt.ItemDataRole.UserRole + 1)) for word in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)

    def shown_plans(self) -> list[str]:
        return [str(item.data(PLAN_ID_ROLE)) for row in range(self.list.count())
                if not (item := self.list.item(row)).isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the filter move the highlight in the list: the hands stay on the keyboard.
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def choose(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            self._say(self.windowTitle())
            return
        why = self._activate(str(item.data(PLAN_ID_ROLE)))
        if why:
            self._say(why)
        else:
            self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
