"""警力状态: every unit, its status and where it is working, searchable and filterable by status."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.domain.state import Unit
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.proxies import RecordFilterProxy
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.models.unit_table import CALL_SIGN, UnitTableModel
from dispatch_desktop.ui.panels.table_panel import TablePanel
from dispatch_desktop.ui.retranslate import RetranslateMixin

_BUSY = frozenset({UnitStatus.DISPATCHED, UnitStatus.EN_ROUTE, UnitStatus.ON_SCENE})

# (label, test) for the status filter; None shows every unit.
STATUS_FILTERS: tuple[tuple[str, Callable[[Unit], bool] | None], ...] = (
    (QT_TRANSLATE_NOOP("UnitBoard", "All units"), None),
    (QT_TRANSLATE_NOOP("UnitBoard", "On duty"), lambda u: u.status is not UnitStatus.OFF_DUTY),
    (QT_TRANSLATE_NOOP("UnitBoard", "Available"), lambda u: u.status is UnitStatus.AVAILABLE),
    (QT_TRANSLATE_NOOP("UnitBoard", "Busy on incidents"), lambda u: u.status in _BUSY),
    (QT_TRANSLATE_NOOP("UnitBoard", "Unavailable"), lambda u: u.status is UnitStatus.UNAVAILABLE),
    (QT_TRANSLATE_NOOP("UnitBoard", "Off duty"), lambda u: u.status is UnitStatus.OFF_DUTY),
    (QT_TRANSLATE_NOOP("UnitBoard", "SOS"), lambda u: u.sos),
)
ON_DUTY_FILTER = 1


class UnitBoardPanel(RetranslateMixin, TablePanel):
    def __init__(self, model: UnitTableModel, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(RecordFilterProxy(model), selection.select_unit, selection.unitSelected, parent)
        self.model = model
        self.selection = selection
        self.setObjectName("unit_board")
        self.status_filter = QComboBox(self)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)
        self.follow_button = QPushButton(self)
        self.follow_button.setCheckable(True)
        self.follow_button.toggled.connect(self._on_follow_toggled)
        self.toolbar.addWidget(self.status_filter)
        self.toolbar.addWidget(self.follow_button)
        selection.followChanged.connect(self._on_follow_changed)
        selection.unitSelected.connect(self._update_follow_button)
        self.view.sortByColumn(model.column_titled(CALL_SIGN), Qt.SortOrder.AscendingOrder)
        self.retranslate()
        self.status_filter.setCurrentIndex(ON_DUTY_FILTER)  # off-duty units are not on the street
        self._update_follow_button()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("UnitBoard", "Unit status"))
        self.search.setPlaceholderText(QCoreApplication.translate("UnitBoard", "Search call sign, station, incident…"))
        current = max(0, self.status_filter.currentIndex())
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItems(
            [QCoreApplication.translate("UnitBoard", label) for label, _test in STATUS_FILTERS]
        )
        self.status_filter.setCurrentIndex(current)
        self.status_filter.blockSignals(False)
        self.follow_button.setText(QCoreApplication.translate("UnitBoard", "Follow on map"))
        self.follow_button.setToolTip(
            QCoreApplication.translate("UnitBoard", "Keep the map centred on the selected unit")
        )

    def _on_status_filter(self, index: int) -> None:
        if 0 <= index < len(STATUS_FILTERS):
            self.proxy.set_record_test(STATUS_FILTERS[index][1])

    def _on_follow_toggled(self, checked: bool) -> None:
        self.selection.set_follow(self.selection.unit if checked else "")

    def _on_follow_changed(self, _unit_id: str) -> None:
        self._update_follow_button()

    def _update_follow_button(self, *_args: object) -> None:
        # Checked while the map follows someone (unchecking stops it); checking follows the selected unit.
        following = self.selection.follow
        self.follow_button.blockSignals(True)
        self.follow_button.setEnabled(bool(self.selection.unit) or bool(following))
        self.follow_button.setChecked(bool(following))
        self.follow_button.blockSignals(False)
