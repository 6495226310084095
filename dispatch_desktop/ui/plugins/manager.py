"""Settings → Plugins: every plugin installed (or remembered), its version, the API it supports, how it
is doing, its errors with their tracebacks, and a switch to enable or disable it for this user.

A plugin disabled here stops at once and stays off at the next start; one enabled starts at the next
start of the desk (its panels and keys must join before the saved layout is restored). A plugin that is
no longer installed is listed as missing and its choice kept, never an error (napari#7135's lesson).

The dialog fits the screen it opens on (a 1366×768 desk too), its columns fit their texts in either
language, and the table is as tall as its rows so that the details (the errors) get the room.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api.version import API_VERSION
from dispatch_desktop.extensions.state import PluginStateError
from dispatch_desktop.extensions.status import PluginStatus, Status
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.plugins.error_view import fault_summary, faults_html
from dispatch_desktop.ui.plugins.guard import Fault
from dispatch_desktop.ui.plugins.startup import DeskPlugins

STATUS_TEXTS = {
    Status.ENABLED: QT_TRANSLATE_NOOP("Plugins", "Enabled"),
    Status.DISABLED: QT_TRANSLATE_NOOP("Plugins", "Disabled by you"),
    Status.CRASHED: QT_TRANSLATE_NOOP("Plugins", "Disabled: crashed the last start"),
    Status.INCOMPATIBLE: QT_TRANSLATE_NOOP("Plugins", "Not for this desk's API"),
    Status.BROKEN: QT_TRANSLATE_NOOP("Plugins", "Broken manifest"),
    Status.MISSING: QT_TRANSLATE_NOOP("Plugins", "No longer installed"),
}
# Why a plugin does not run, for the details (``PluginStatus.detail`` says it in English for the CLI).
WHY_TEXTS = {
    Status.DISABLED: QT_TRANSLATE_NOOP("Plugins", "You disabled it. Enable it here, or with "
                                                  "'dispatch-desktop plugins enable {id}'."),
    Status.CRASHED: QT_TRANSLATE_NOOP("Plugins", "The desk stopped unexpectedly while starting it at the last "
                                                 "start, so it was disabled. Enable it again once it was fixed."),
    Status.INCOMPATIBLE: QT_TRANSLATE_NOOP("Plugins", "It supports the plugin API {api}; this desk offers "
                                                      "{version}. Install a version of the plugin made for it."),
    Status.BROKEN: QT_TRANSLATE_NOOP("Plugins", "Its manifest has errors; whoever maintains the plugin can "
                                                "fix them:"),
    Status.MISSING: QT_TRANSLATE_NOOP("Plugins", "It is no longer installed; your choice is kept in case it "
                                                 "comes back."),
}
RUNNING = QT_TRANSLATE_NOOP("Plugins", "Running")
STOPPED = QT_TRANSLATE_NOOP("Plugins", "Stopped after errors")
SAFE_MODE = QT_TRANSLATE_NOOP("Plugins", "Not started (safe mode)")
NEXT_START = QT_TRANSLATE_NOOP("Plugins", "Starts at the next start")
COLUMNS = (QT_TRANSLATE_NOOP("Plugins", "Plugin"), QT_TRANSLATE_NOOP("Plugins", "Id"),
           QT_TRANSLATE_NOOP("Plugins", "Version"), QT_TRANSLATE_NOOP("Plugins", "API"),
           QT_TRANSLATE_NOOP("Plugins", "Status"), QT_TRANSLATE_NOOP("Plugins", "Errors"))
PREFERRED_SIZE = QSize(960, 640)
SCREEN_SHARE = 0.9  # of the screen's free area at most: the window behind stays in sight around it
COLUMN_MARGIN = 16  # px beside a fitted column's text, so that neighbouring columns do not run together
TABLE_ROWS = (3, 8)  # the table shows at least and at most this many rows before it scrolls


def _tr(text: str) -> str:
    return QCoreApplication.translate("Plugins", text)


class PluginManagerDialog(QDialog):
    def __init__(self, plugins: DeskPlugins, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plugin_manager")
        # Opened anew from the menu each time: the closed one goes, with its connections to the host.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plugins = plugins
        self._enabled_now: set[str] = set()  # enabled in this dialog: they start at the next start
        self._table_fitted = False
        self.setWindowTitle(QCoreApplication.translate("Plugins", "Plugins"))
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("plugin_table")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # what is left
        self.details = QTextBrowser(self)
        self.details.setObjectName("plugin_details")
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(1, 1)
        self.note = QLabel(self)
        self.note.setObjectName("plugin_note")
        self.note.setWordWrap(True)
        self.note.hide()  # shown with its first text
        if plugins.safe_mode and plugins.states is not None:
            self._say(QCoreApplication.translate(
                "Plugins", "Safe mode: no plugin was started. Your choices here apply from the next start."))
        elif plugins.safe_mode:  # the plugins were not even looked for: nothing to list or change here
            self._say(QCoreApplication.translate(
                "Plugins", "Safe mode: no plugin was started. Start the desk without --safe-mode to see and "
                           "change the plugins."))
        self.enable_button = QPushButton(QCoreApplication.translate("Plugins", "Enable"), self)
        self.enable_button.setObjectName("enable_plugin")
        self.disable_button = QPushButton(QCoreApplication.translate("Plugins", "Disable"), self)
        self.disable_button.setObjectName("disable_plugin")
        self.enable_button.clicked.connect(self._enable)
        self.disable_button.clicked.connect(self._disable)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.enable_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._show_details)
        plugins.host.changed.connect(self.refresh)
        plugins.host.guard.faulted.connect(self._on_fault)
        self.refresh()
        if self.table.rowCount():
            self.table.selectRow(0)
        self.resize(self.fitting_size())

    def fitting_size(self) -> QSize:
        """The preferred size, within the free area of the screen the dialog opens on."""
        screen = (self.parentWidget() or self).screen()
        free = screen.availableGeometry().size()
        return PREFERRED_SIZE.boundedTo(QSize(int(free.width() * SCREEN_SHARE), int(free.height() * SCREEN_SHARE)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._table_fitted:
            self._table_fitted = True
            self._fit_table_height()

    def _fit_table_height(self) -> None:
        """The table as tall as its rows (within TABLE_ROWS); the details below get the rest."""
        rows = min(max(self.table.rowCount(), TABLE_ROWS[0]), TABLE_ROWS[1])
        wanted = (self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth())
        total = sum(self.splitter.sizes())
        table = min(wanted, total // 2)
        self.splitter.setSizes([table, total - table])

    # --- reading ----------------------------------------------------------------------------------------

    def status_text(self, status: PluginStatus) -> str:
        host, states = self.plugins.host, self.plugins.states
        chosen_off = states is not None and not states.is_enabled(status.id)
        if status.status in (Status.ENABLED, Status.DISABLED) and chosen_off:
            return _tr(STATUS_TEXTS[Status.DISABLED])
        if status.id in self._enabled_now or (status.status is Status.DISABLED and not chosen_off):
            return _tr(NEXT_START)
        if status.status is Status.ENABLED:
            if self.plugins.safe_mode:
                return _tr(SAFE_MODE)
            if host.guard.is_disabled(status.id):
                return _tr(STOPPED)
            if status.id in host.plugins:
                return _tr(RUNNING)
            return _tr(NEXT_START)
        return _tr(STATUS_TEXTS[status.status])

    def refresh(self) -> None:
        selected = self.selected_id()
        statuses = self.plugins.statuses
        self.table.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            faults = self.plugins.host.guard.faults(status.id)
            name = QCoreApplication.translate(status.id, status.name) if status.name else status.id
            texts = (name, status.id, status.version, status.api, self.status_text(status),
                     str(len(faults)) if faults else "")
            # A long name is cut short by a narrow dialog; the count of errors tells the last one.
            tips = {0: name, len(texts) - 1: fault_summary(faults[-1]) if faults else ""}
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, status.id)
                item.setToolTip(tips.get(column, ""))
                self.table.setItem(row, column, item)
        self._fit_columns()
        if selected:
            self.select(selected)
        self._show_details()

    def _fit_columns(self) -> None:
        """Every column but the name as wide as its widest text, header included, with a margin: the
        statuses are long in English and the headers short in Chinese."""
        for column in range(1, self.table.columnCount()):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_MARGIN)

    def selected_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, plugin_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == plugin_id:
                self.table.selectRow(row)
                return

    def _status(self, plugin_id: str) -> PluginStatus | None:
        return next((s for s in self.plugins.statuses if s.id == plugin_id), None)

    def _show_details(self) -> None:
        status = self._status(self.selected_id())
        self.enable_button.setEnabled(False)
        self.disable_button.setEnabled(False)
        if status is None:
            self.details.clear()
            return
        states = self.plugins.states
        enabled = states is not None and states.is_enabled(status.id)
        self.enable_button.setEnabled(states is not None and not enabled)
        self.disable_button.setEnabled(states is not None and enabled and status.status is not Status.MISSING)
        self.details.setHtml(self._details_html(status))

    def _details_html(self, status: PluginStatus) -> str:
        parts: list[str] = []
        manifest = status.plugin.manifest if status.plugin is not None else None
        name = QCoreApplication.translate(status.id, manifest.name) if manifest is not None else status.id
        version = manifest.version if manifest is not None else ""
        parts.append(f"<h3>{html.escape(name)} {html.escape(version)}</h3>")
        if manifest is not None and manifest.description:
            parts.append(f"<p>{html.escape(QCoreApplication.translate(status.id, manifest.description))}</p>")
        if status.plugin is not None:
            parts.append("<p>" + html.escape(QCoreApplication.translate("Plugins", "Package: {name} {version}").format(
                name=status.plugin.distribution, version=status.plugin.distribution_version)) + "</p>")
        if status.status in WHY_TEXTS:
            why = _tr(WHY_TEXTS[status.status]).format(
                id=status.id, api=status.api, version=API_VERSION)
            parts.append(f"<p>{html.escape(why)}</p>")
        if status.status is Status.BROKEN and status.detail:
            parts.append(f"<pre style='white-space: pre-wrap'>{html.escape(status.detail)}</pre>")
        parts.append(faults_html(self.plugins.host.guard.faults(status.id)))
        return "".join(parts)

    # --- changing ---------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _on_fault(self, _fault: Fault) -> None:
        self.refresh()

    def _enable(self) -> None:
        self._choose(True)

    def _disable(self) -> None:
        self._choose(False)

    def _choose(self, enable: bool) -> None:
        plugin_id = self.selected_id()
        states = self.plugins.states
        if not plugin_id or states is None:
            return
        if enable:
            states.enable(plugin_id)
        else:
            states.disable(plugin_id)
        try:
            states.save()
        except PluginStateError as error:
            self._say(str(error))
            return
        if enable:
            self._enabled_now.add(plugin_id)
            self._say(QCoreApplication.translate("Plugins", "It starts at the next start of the desk."))
        else:
            self._enabled_now.discard(plugin_id)
            self.plugins.host.stop_plugin(plugin_id)
            self._say(QCoreApplication.translate("Plugins", "Stopped; it stays off at the next start."))
        self.refresh()
