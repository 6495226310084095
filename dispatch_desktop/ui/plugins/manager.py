"""Settings → Plugins: every plugin installed (or remembered), its version, the API it supports, how it
is doing, its errors with their tracebacks, and a switch to enable or disable it for this user.

A plugin disabled here stops at once and stays off at the next start; one enabled starts at the next
start of the desk (its panels and keys must join before the saved layout is restored). A plugin that is
no longer installed is listed as missing and its choice kept, never an error (napari#7135's lesson).
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QCoreApplication, Qt
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

from dispatch_desktop.extensions.state import PluginStateError
from dispatch_desktop.extensions.status import PluginStatus, Status
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.plugins.startup import DeskPlugins

STATUS_TEXTS = {
    Status.ENABLED: QT_TRANSLATE_NOOP("Plugins", "Enabled"),
    Status.DISABLED: QT_TRANSLATE_NOOP("Plugins", "Disabled by you"),
    Status.CRASHED: QT_TRANSLATE_NOOP("Plugins", "Disabled: crashed the last start"),
    Status.INCOMPATIBLE: QT_TRANSLATE_NOOP("Plugins", "Not for this desk's API"),
    Status.BROKEN: QT_TRANSLATE_NOOP("Plugins", "Broken manifest"),
    Status.MISSING: QT_TRANSLATE_NOOP("Plugins", "No longer installed"),
}
RUNNING = QT_TRANSLATE_NOOP("Plugins", "Running")
STOPPED = QT_TRANSLATE_NOOP("Plugins", "Stopped after errors")
SAFE_MODE = QT_TRANSLATE_NOOP("Plugins", "Not started (safe mode)")
NEXT_START = QT_TRANSLATE_NOOP("Plugins", "Starts at the next start")
COLUMNS = (QT_TRANSLATE_NOOP("Plugins", "Plugin"), QT_TRANSLATE_NOOP("Plugins", "Id"),
           QT_TRANSLATE_NOOP("Plugins", "Version"), QT_TRANSLATE_NOOP("Plugins", "API"),
           QT_TRANSLATE_NOOP("Plugins", "Status"), QT_TRANSLATE_NOOP("Plugins", "Errors"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Plugins", text)


class PluginManagerDialog(QDialog):
    def __init__(self, plugins: DeskPlugins, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plugin_manager")
        self.plugins = plugins
        self._enabled_now: set[str] = set()  # enabled in this dialog: they start at the next start
        self.setWindowTitle(_tr("Plugins"))
        self.resize(900, 560)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("plugin_table")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser(self)
        self.details.setObjectName("plugin_details")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([260, 300])
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if plugins.safe_mode:
            self.note.setText(_tr("Safe mode: no plugin was started. Your choices here apply from the next start."))
        self.enable_button = QPushButton(_tr("Enable"), self)
        self.enable_button.setObjectName("enable_plugin")
        self.disable_button = QPushButton(_tr("Disable"), self)
        self.disable_button.setObjectName("disable_plugin")
        self.enable_button.clicked.connect(lambda: self._choose(True))
        self.disable_button.clicked.connect(lambda: self._choose(False))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.enable_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._show_details)
        plugins.host.changed.connect(self.refresh)
        plugins.host.guard.faulted.connect(lambda _fault: self.refresh())
        self.refresh()
        if self.table.rowCount():
            self.table.selectRow(0)

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
            faults = len(self.plugins.host.guard.faults(status.id))
            name = QCoreApplication.translate(status.id, status.name) if status.name else status.id
            for column, text in enumerate((name, status.id, status.version, status.api, self.status_text(status),
                                           str(faults) if faults else "")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, status.id)
                self.table.setItem(row, column, item)
        if selected:
            self.select(selected)
        self._show_details()

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
        parts: list[str] = []
        manifest = status.plugin.manifest if status.plugin is not None else None
        if manifest is not None:
            name = QCoreApplication.translate(status.id, manifest.name)
            parts.append(f"<h3>{html.escape(name)} {html.escape(manifest.version)}</h3>")
            if manifest.description:
                parts.append(f"<p>{html.escape(QCoreApplication.translate(status.id, manifest.description))}</p>")
        if status.plugin is not None:
            parts.append("<p>" + html.escape(_tr("Package: {name} {version}").format(
                name=status.plugin.distribution, version=status.plugin.distribution_version)) + "</p>")
        if status.detail:
            parts.append("<p>" + "<br>".join(html.escape(line) for line in status.detail.splitlines()) + "</p>")
        for fault in reversed(self.plugins.host.guard.faults(status.id)):
            when = time.strftime("%H:%M:%S", time.localtime(fault.at))
            parts.append(f"<p><b>{when}</b> {html.escape(fault.summary)}</p>")
            if fault.details:
                parts.append(f"<pre style='font-size:small'>{html.escape(fault.details)}</pre>")
        self.details.setHtml("".join(parts))

    # --- changing ---------------------------------------------------------------------------------------

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
            self.note.setText(str(error))
            return
        if enable:
            self._enabled_now.add(plugin_id)
            self.note.setText(_tr("It starts at the next start of the desk."))
        else:
            self._enabled_now.discard(plugin_id)
            self.plugins.host.stop_plugin(plugin_id)
            self.note.setText(_tr("Stopped; it stays off at the next start."))
        self.refresh()
