"""Export from the replay window: the followed incident's record as a report (HTML, PDF), its event log
(CSV) or its units' tracks (KML, GPX), with its SHA-256 recorded in the log (``record.exported``).

The file is rendered and written off the GUI thread; the dialog shows that it works and can be cancelled
until the event is being recorded (after that it is a matter of milliseconds, and an export either exists
with its event or not at all). It ends by showing the file, its size and its hash, to copy.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.localtime import local
from dispatch_desktop.record import ExportNotWritten
from dispatch_desktop.record.exported import Exported, ExportNotRecorded, export_event, export_file, render
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from dispatch_desktop.record import IncidentRecord, RecordStatistics
    from dispatch_desktop.ui.replay.window import ReplayDesk

FORMATS = (
    (ev.ExportFormat.HTML, "html",
     QT_TRANSLATE_NOOP("ReplayExport", "HTML report, opens offline in any browser (*.html)")),
    (ev.ExportFormat.PDF, "pdf", QT_TRANSLATE_NOOP("ReplayExport", "PDF report (*.pdf)")),
    (ev.ExportFormat.CSV, "csv", QT_TRANSLATE_NOOP("ReplayExport", "Event log, CSV for Excel (*.csv)")),
    (ev.ExportFormat.KML, "kml", QT_TRANSLATE_NOOP("ReplayExport", "Unit tracks, KML for Google Earth (*.kml)")),
    (ev.ExportFormat.GPX, "gpx", QT_TRANSLATE_NOOP("ReplayExport", "Unit tracks, GPX (*.gpx)")),
)


def build_export(record: IncidentRecord, statistics: RecordStatistics, fmt: ev.ExportFormat, language: str) -> bytes:
    if fmt is ev.ExportFormat.PDF:
        from dispatch_desktop.ui.report_pdf import report_pdf

        return report_pdf(record, statistics, language=language)
    return render(record, statistics, fmt, language)


def default_name(incident: str, fmt: ev.ExportFormat, now_ms: int) -> str:
    return f"{incident}-{local(now_ms).strftime('%Y%m%d-%H%M')}.{fmt.value}"


class ExportDialog(QDialog):
    def __init__(self, desk: ReplayDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replay_export")
        self._desk = desk
        self._cancelled = False
        self._running = False
        self.result_path: Path | None = None
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("ReplayExport", "Export the record"))
        self.incident = QComboBox(self)
        for record in desk.records:
            self.incident.addItem(f"{record.incident.id}", record.incident.id)
        self.format = QComboBox(self)
        for fmt, _ext, text in FORMATS:
            self.format.addItem(translate("ReplayExport", text), fmt)
        self.path = QLineEdit(self)
        self.path.setObjectName("export_path")
        browse = QPushButton(translate("ReplayExport", "Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("ReplayExport", "Incident"), self.incident)
        form.addRow(translate("ReplayExport", "Format"), self.format)
        form.addRow(translate("ReplayExport", "File"), row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(self.message.textInteractionFlags()
                                             | self.message.textInteractionFlags().TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(translate("ReplayExport", "Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = self.buttons.addButton(translate("ReplayExport", "Copy SHA-256"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _index: self._suggest())
        self.incident.currentIndexChanged.connect(lambda _index: self._suggest())
        self._folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                            or Path.home())
        self._suggest()
        self.resize(640, self.sizeHint().height())

    # --- choosing ---------------------------------------------------------------------------------------

    def chosen_format(self) -> ev.ExportFormat:
        return ev.ExportFormat(self.format.currentData())

    def _suggest(self) -> None:
        current = Path(self.path.text()) if self.path.text() else None
        folder = current.parent if current is not None else self._folder
        name = default_name(str(self.incident.currentData()), self.chosen_format(), int(time.time() * 1000))
        self.path.setText(str(folder / name))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        text = next(text for each, _ext, text in FORMATS if each is fmt)
        chosen, _filter = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(),
                                                      QCoreApplication.translate("ReplayExport", text))
        if chosen:
            self.path.setText(chosen)

    # --- exporting --------------------------------------------------------------------------------------

    def start(self) -> None:
        translate = QCoreApplication.translate
        text = self.path.text().strip()
        if not text:
            self.message.setText(translate("ReplayExport", "Give the file to write."))
            return
        desk = self._desk
        record = next(each for each in desk.records if each.incident.id == self.incident.currentData())
        statistics = desk.record_statistics[record.incident.id]
        fmt = self.chosen_format()
        language = desk.window.language.language
        operator = desk.window.settings.operator
        store = desk.opened.store
        target = Path(text).expanduser()
        self._running, self._cancelled = True, False
        self.export_button.setEnabled(False)
        self.progress.show()
        self.message.setText(translate("ReplayExport", "Writing {file}…").format(file=target.name))

        def work() -> Exported | None:
            data = build_export(record, statistics, fmt, language)
            if self._cancelled:
                return None
            body = export_event(data, fmt, target, incident=record.incident.id, start_ms=record.start_ms,
                                end_ms=record.end_ms, operator=operator)
            return export_file(store, target, data, body)

        desk.background(work, self._done, self._failed)

    def _done(self, exported: object) -> None:
        self._running = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        if not isinstance(exported, Exported):  # cancelled before anything was written
            self.message.setText(QCoreApplication.translate("ReplayExport", "Cancelled: nothing was written."))
            return
        self.result_path = exported.path
        self.message.setText(QCoreApplication.translate(
            "ReplayExport", "Written {path} ({size:,} bytes).\nSHA-256 {sha256}\nThe export is recorded in the log "
            "(event {gseq}).").format(path=exported.path, size=exported.size, sha256=exported.sha256,
                                      gseq=exported.gseq))
        self.copy_button.show()
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(exported.sha256))
        self._desk.window.status_bar.showMessage(QCoreApplication.translate(
            "ReplayExport", "Exported {file}, SHA-256 {sha256}").format(file=exported.path.name,
                                                                         sha256=exported.sha256), 15_000)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.progress.hide()
        self.export_button.setEnabled(True)
        translate = QCoreApplication.translate
        if isinstance(error, ExportNotWritten):
            text = translate("ReplayExport", "Not exported: the file could not be written. Choose a folder that "
                             "exists, that you may write to and that has free space; nothing was recorded.")
        elif isinstance(error, ExportNotRecorded):
            text = translate("ReplayExport", "Not exported: the export could not be recorded in the event log, so "
                             "no file was kept. Check that the database is reachable and writable, then try again.")
        else:
            text = translate("ReplayExport", "Not exported: the record could not be rendered.")
        self.message.setText(f"{text}\n({error})")  # the detail as the system gave it, for whoever fixes it

    def _cancel(self) -> None:
        if self._running:
            self._cancelled = True
            self.message.setText(QCoreApplication.translate("ReplayExport", "Cancelling…"))
            return
        self.reject()
