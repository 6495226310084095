"""An incident's record from the event log alone (Qt-free, headless): its events, units and tracks
(``model``), its statistics (``stats``) and its exports as CSV, KML, GPX and an offline HTML report, written
atomically, each recorded in the log with its SHA-256 (``exported``); the PDF is drawn with Qt
(``ui.report_pdf``).
docs/RECORD.md describes the formats field by field."""

from dispatch_desktop.record.csv_log import CSV_COLUMNS, event_log_csv
from dispatch_desktop.record.exported import (
    Exported,
    ExportNotRecorded,
    export_event,
    export_file,
    record_directly,
    render,
    sha256_of,
)
from dispatch_desktop.record.files import ExportNotWritten, write_atomically
from dispatch_desktop.record.html_report import html_report
from dispatch_desktop.record.lanes import CALL_STATUS, Bar, Lane, LaneKind, Tick, TickCategory, lanes_of
from dispatch_desktop.record.model import (
    DEFAULT_MARGIN_MS,
    Assignment,
    Fix,
    IncidentRecord,
    RecordedEvent,
    UnitTrack,
    UnknownIncident,
    incident_record,
)
from dispatch_desktop.record.stats import GAP_MS, RecordStatistics, record_statistics
from dispatch_desktop.record.tracks import gpx, kml

__all__ = [
    "CALL_STATUS",
    "CSV_COLUMNS",
    "DEFAULT_MARGIN_MS",
    "GAP_MS",
    "Assignment",
    "Bar",
    "ExportNotRecorded",
    "ExportNotWritten",
    "Exported",
    "Fix",
    "IncidentRecord",
    "Lane",
    "LaneKind",
    "RecordStatistics",
    "RecordedEvent",
    "Tick",
    "TickCategory",
    "UnitTrack",
    "UnknownIncident",
    "event_log_csv",
    "export_event",
    "export_file",
    "gpx",
    "html_report",
    "incident_record",
    "kml",
    "lanes_of",
    "record_directly",
    "record_statistics",
    "render",
    "sha256_of",
    "write_atomically",
]
