"""Writing a drill's report from the desk (Drill → Drill report…): the drill read back from the log, scored,
rendered as HTML or PDF and recorded with its SHA-256 (``record.export_file``), off the GUI thread — as
``dispatch-desktop drill report`` does from a terminal."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from dispatch_desktop import record
from dispatch_desktop.drill.record import UnknownDrill, drill_record
from dispatch_desktop.drill.report_html import drill_report_html
from dispatch_desktop.store import EventStore

if TYPE_CHECKING:
    from dispatch_desktop.ui.drill.controls import DrillControls


class DrillReports(QObject):
    written = Signal(str, str)  # path, SHA-256
    failed = Signal(str)

    def __init__(self, controls: DrillControls) -> None:
        super().__init__(controls)
        self.written.connect(controls._report_written, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(controls._report_failed, Qt.ConnectionType.QueuedConnection)

    def write(self, url: str, drill: str, fmt: str, path: Path, language: str, operator: str) -> threading.Thread:
        def work() -> None:
            try:
                with EventStore.open(url, maintenance=False) as store:
                    read = drill_record(store, drill)
                    if fmt == "pdf":
                        from dispatch_desktop.ui.drill.report_pdf import drill_report_pdf

                        data = drill_report_pdf(read, db=url, language=language)
                    else:
                        data = drill_report_html(read, db=url, language=language)
                    body = record.export_event(data, fmt, path, incident="", start_ms=read.start_ms,
                                               end_ms=read.end_ms, operator=operator)
                    exported = record.export_file(store, path, data, body)
            except (UnknownDrill, ValueError, record.ExportNotWritten, record.ExportNotRecorded) as error:
                self.failed.emit(str(error))
            except Exception as error:  # the desk says it rather than lose it in a thread
                self.failed.emit(f"{type(error).__name__}: {error}")
            else:
                self.written.emit(str(exported.path), exported.sha256)

        thread = threading.Thread(target=work, name=f"drill-report-{drill}", daemon=True)
        thread.start()
        return thread
