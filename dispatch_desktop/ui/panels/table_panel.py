"""A search box over a sortable table whose current row is the shared selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QTimer, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from dispatch_desktop.ui.models.proxies import RecordFilterProxy

COLUMN_FIT_SAMPLE = 60


class TablePanel(QWidget):
    """``select(key)`` is called when the user picks a row; ``selected`` tells the panel about a pick
    made elsewhere (the map, another panel), which it then shows and scrolls to."""

    def __init__(
        self,
        proxy: RecordFilterProxy,
        select: Callable[[str], None],
        selected: SignalInstance,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self._select = select
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(proxy.set_search)
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        self.toolbar.addWidget(self.search, 1)

        self.view = QTableView(self)
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Fixed row heights let the view skip measuring thousands of rows.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fit columns to a sample of rows, not to all of thousands.
        self.view.horizontalHeader().setResizeContentsPrecision(COLUMN_FIT_SAMPLE)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._columns_fitted = False
        proxy.rowsInserted.connect(self._fit_columns_once)
        proxy.modelReset.connect(self._fit_columns_once)
        selected.connect(self.show_key)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)

    def current_key(self) -> str:
        index = self.view.currentIndex()
        return self.proxy.key_at(index.row()) if index.isValid() else ""

    def show_key(self, key: str) -> None:
        """Select and reveal the row of ``key`` (nothing if it is filtered out or empty)."""
        row = self.proxy.row_of(key) if key else None
        selection = self.view.selectionModel()
        if row is None:
            selection.clearSelection()
            return
        index = self.proxy.index(row, 0)
        if self.view.currentIndex().row() != row:
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _fit_columns_once(self, *_args: object) -> None:
        # Once there is data to measure; after that the user's column widths stand.
        if not self._columns_fitted and self.proxy.rowCount() > 0:
            self._columns_fitted = True
            self.view.resizeColumnsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._columns_fitted:
            # Words change length with the language: fit again once the models have retranslated.
            QTimer.singleShot(0, self.view, self.view.resizeColumnsToContents)
        super().changeEvent(event)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._select(self.proxy.key_at(current.row()))
