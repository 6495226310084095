"""How one entry of the log is drawn: a bold line saying when, who and about which incident, then the
text, wrapped to the panel's width. The item's plain text (what a screen reader or a copy reads) holds
both lines too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

HEADING_ROLE = Qt.ItemDataRole.UserRole + 2
BODY_ROLE = Qt.ItemDataRole.UserRole + 3
PADDING = 5
WRAP = Qt.TextFlag.TextWordWrap

Index = QModelIndex | QPersistentModelIndex


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width() if option.rect.isValid() else self._view.viewport().width()
        return max(width - 2 * PADDING, 40)

    def _layout(self, option: QStyleOptionViewItem, index: Index, width: int) -> tuple[QFont, QRect, QRect]:
        bold = QFont(option.font)
        bold.setBold(True)
        heading = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10_000), int(WRAP), str(index.data(HEADING_ROLE)))
        body = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 10_000), int(WRAP), str(index.data(BODY_ROLE)))
        return bold, heading, body

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._width(option)
        _bold, heading, body = self._layout(option, index, width)
        return QSize(width + 2 * PADDING, heading.height() + body.height() + 2 * PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect: QRect = option.rect
        width = self._width(option)
        bold, heading, body = self._layout(option, index, width)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.save()
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        left, top = rect.left() + PADDING, rect.top() + PADDING
        painter.setFont(bold)
        painter.drawText(QRect(left, top, width, heading.height()), int(WRAP), str(index.data(HEADING_ROLE)))
        painter.setFont(option.font)
        painter.drawText(QRect(left, top + heading.height() + 2, width, body.height()), int(WRAP),
                         str(index.data(BODY_ROLE)))
        painter.restore()
