"""The dispatch panel's buttons: the panel's own (Dispatch) first, then one button per incident action of
the desk's registry, the built-in ones first in their order, then the plugins'. Each button mirrors its
action: title and key, enabled with it, and a click triggers it. The buttons wrap onto further lines
when the panel is narrow instead of widening it; when they would take more than ``MAX_LINES`` lines (a
1366-wide screen with several plugins: five lines, the recommended units squeezed to two rows and the last
buttons cut off), the plugins' buttons fold into one "More actions" menu button, which lists them with
their keys (the keys, the Incident menu and the keyboard reference are unchanged)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QMenu, QPushButton, QWidget

from dispatch_desktop.api.actions import CORE
from dispatch_desktop.ui.plugins.actions import IncidentActions

MAX_LINES = 3
"""Lines of buttons before the plugins' fold into the "More actions" menu."""


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


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line where the width runs out (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """All on one line, as wide as that takes (the panel's width on a wide screen stays what it was)."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(size.width() for size in shown) + self.spacing() * max(len(shown) - 1, 0)
        return QSize(width, max((size.height() for size in shown), default=0)) + self._margins()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    def _margins(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (or only measure), returning the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():  # a hidden button takes no room
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if place:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class ActionBar(QWidget):
    """See the module docstring. ``leading`` buttons (the panel's own) come before the actions."""

    def __init__(self, actions: IncidentActions, leading: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._leading = leading
        self.buttons: dict[str, ActionButton] = {}  # by action id
        self._plugin_ids: list[str] = []
        self.folded = False  # the plugins' buttons are in the "More actions" menu
        self.more = QPushButton(self)
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more.setMenu(QMenu(self.more))
        self.more.hide()
        self._flow = FlowLayout(self)
        self._flow.setContentsMargins(0, 0, 0, 0)
        for button in leading:
            button.setParent(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions.changed.connect(self._rebuild)
        self._retranslate()
        self._rebuild()

    def _rebuild(self) -> None:
        registered = self._actions.registered()
        wanted = {r.action.id for r in registered}
        for action_id in [a for a in self.buttons if a not in wanted]:
            button = self.buttons.pop(action_id)
            self.removeAction(button.action)
            button.deleteLater()
        while self._flow.count():
            self._flow.takeAt(0)  # the buttons go back in order below
        for entry in registered:
            if entry.action.id not in self.buttons:
                self.buttons[entry.action.id] = ActionButton(entry.qaction, self)
                self.buttons[entry.action.id].show()  # now, not when the layout gets round to it
                # Also bound here: the keys keep working while the panel floats in a window of its own.
                self.addAction(entry.qaction)
        in_order: list[QPushButton] = [*self._leading, *(self.buttons[entry.action.id] for entry in registered)]
        for widget in [*in_order, self.more]:
            self._flow.addWidget(widget)
        self._plugin_ids = [entry.action.id for entry in registered if entry.owner != CORE]
        menu = self.more.menu()
        menu.clear()
        for entry in registered:
            if entry.owner != CORE:
                menu.addAction(entry.qaction)  # shown with its key, enabled with the action
        self._fit()

    def _lines_needed(self, width: int) -> int:
        """Lines the buttons would take at ``width`` with every plugin button shown."""
        plugin_buttons = {self.buttons[action_id] for action_id in self._plugin_ids}
        widths = [button.sizeHint().width() for button in [*self._leading, *self.buttons.values()]
                  if button in plugin_buttons or not button.isHidden()]
        spacing, x, lines = self._flow.spacing(), 0, 1 if widths else 0
        for hint in widths:
            if x and x + hint > width:
                lines, x = lines + 1, 0
            x += hint + spacing
        return lines

    def _fit(self) -> None:
        if self.width() <= 0:
            return
        fold = bool(self._plugin_ids) and self._lines_needed(self.width()) > MAX_LINES
        self.folded = fold
        for action_id in self._plugin_ids:
            self.buttons[action_id].setVisible(not fold)
        self.more.setVisible(fold)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        # A button shown or hidden by the panel (the referral's, the required forces') changes what fits.
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.more.setText(QCoreApplication.translate("ActionBar", "More actions"))
