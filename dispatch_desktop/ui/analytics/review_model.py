"""The monthly station review as a table: every station ranked, the two flagged rows highlighted, and the order
already issued to a station named in its row. Only shows ``analytics.review``'s figures; computes nothing."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dispatch_desktop.analytics.order import IssuedOrder
from dispatch_desktop.analytics.review import MonthlyReview, StationChange, percent_text
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui import labels

CONTEXT = "ReviewDialog"
FLAGGED_COLOUR = QColor("#ffd8cc")  # the two largest rises: warm, readable under black text
ISSUED_COLOUR = QColor("#dde8f5")
COLUMNS = ("rank", "station", "district", "this_month", "last_month", "mom", "last_year", "yoy", "order")
_NUMERIC = {"rank", "this_month", "last_month", "mom", "last_year", "yoy"}
_Index = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate



def header_text(column: str) -> str:
    return {
        "rank": translate("ReviewDialog", "Rank"),
        "station": translate("ReviewDialog", "Station"),
        "district": translate("ReviewDialog", "District bureau"),
        "this_month": translate("ReviewDialog", "This month"),
        "last_month": translate("ReviewDialog", "Last month"),
        "mom": translate("ReviewDialog", "MoM"),
        "last_year": translate("ReviewDialog", "Same month\nlast year"),
        "yoy": translate("ReviewDialog", "YoY"),
        "order": translate("ReviewDialog", "Order\nissued"),
    }[column]


class ReviewModel(QAbstractTableModel):
    def __init__(self, city: City, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._city = city
        self.review: MonthlyReview | None = None
        self.issued: Mapping[str, IssuedOrder] = {}

    def set_review(self, review: MonthlyReview | None, issued: Mapping[str, IssuedOrder]) -> None:
        self.beginResetModel()
        self.review, self.issued = review, dict(issued)
        self.endResetModel()

    def mark_issued(self, order: IssuedOrder) -> None:
        self.issued = {**self.issued, order.station: order}
        row = self.row_of(order.station)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def change(self, row: int) -> StationChange | None:
        if self.review is None or not 0 <= row < len(self.review.stations):
            return None
        return self.review.stations[row]

    def row_of(self, station: str) -> int | None:
        if self.review is None:
            return None
        return next((row for row, change in enumerate(self.review.stations) if change.station == station), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() or self.review is None else len(self.review.stations)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        change = self.change(index.row())
        if change is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(change, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if change.flagged:
                return QBrush(FLAGGED_COLOUR)
            return QBrush(ISSUED_COLOUR) if change.station in self.issued else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and change.flagged:
            return translate("ReviewDialog", "One of the two largest rises: a supervision order is due")
        if role == Qt.ItemDataRole.UserRole:
            return change.station
        return None

    def _text(self, change: StationChange, column: str) -> str:
        def count(value: int | None) -> str:
            return "—" if value is None else f"{value:,}"

        if column == "rank":
            return f"⚑ {change.rank}" if change.flagged else str(change.rank)
        if column == "station":
            return change.name
        if column == "district":
            try:
                return labels.district_name(change.district, self._city.district(change.district).name)
            except KeyError:
                return change.district
        if column == "order":
            order = self.issued.get(change.station)
            return order.number if order is not None else ""
        return {"this_month": count(change.this_month), "last_month": count(change.last_month),
                "last_year": count(change.last_year), "mom": percent_text(change.mom),
                "yoy": percent_text(change.yoy)}[column]
