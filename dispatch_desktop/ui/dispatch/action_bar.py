"""The dispatch panel's buttons: the panel's own (Dispatch) first, then one button per incident action of
the desk's registry — the built-in ones in their order on the first row, the plugins' on a second row
that shows only when there are any. Each button mirrors its action: title and key, enabled with it, and
a click triggers it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from dispatch_desktop.api.actions import CORE
from dispatch_desktop.ui.plugins.actions import IncidentActions


class ActionButton(QPushButton):
    """A push button that shows a ``QAction``: "title (key)", enabled while the action is."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys do the work; the focus stays in the unit list
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        title = self.action.toolTip()  # the plain title (the text escapes "&" for the menu)
        key = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setText(f"{title} ({key})" if key else title)
        self.setEnabled(self.action.isEnabled())


class ActionBar(QWidget):
    """See the module docstring. ``leading`` buttons (the panel's own) come before the actions."""

    def __init__(self, actions: IncidentActions, leading: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.buttons: dict[str, ActionButton] = {}  # by action id
        self._core_row = QHBoxLayout()
        self._plugin_row = QHBoxLayout()
        for button in leading:
            button.setParent(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._core_row.addWidget(button)
        self._leading = len(leading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._core_row)
        layout.addLayout(self._plugin_row)
        actions.changed.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self) -> None:
        registered = self._actions.registered()
        wanted = {r.action.id for r in registered}
        for action_id in [a for a in self.buttons if a not in wanted]:
            button = self.buttons.pop(action_id)
            self.removeAction(button.action)
            button.deleteLater()
        for row in (self._core_row, self._plugin_row):
            while row.count() > (self._leading if row is self._core_row else 0):
                row.takeAt(row.count() - 1)  # the stretch, and the buttons, which go back in order below
        for entry in registered:
            if entry.action.id not in self.buttons:
                self.buttons[entry.action.id] = ActionButton(entry.qaction, self)
                self.buttons[entry.action.id].show()  # now, not when the layout gets round to it
                # Also bound here: the keys keep working while the panel floats in a window of its own.
                self.addAction(entry.qaction)
            button = self.buttons[entry.action.id]
            (self._core_row if entry.owner == CORE else self._plugin_row).addWidget(button)
        self._core_row.addStretch(1)
        self._plugin_row.addStretch(1)
