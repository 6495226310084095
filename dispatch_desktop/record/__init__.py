"""An incident's record from the event log alone (Qt-free, headless): its events, units and tracks
(``model``), its statistics (``stats``) and its exports as CSV, KML and GPX, written atomically.
docs/RECORD.md describes the formats field by field."""

from dispatch_desktop.record.csv_log import CSV_COLUMNS, event_log_csv
from dispatch_desktop.record.files import ExportNotWritten, write_atomically
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
    "CSV_COLUMNS",
    "DEFAULT_MARGIN_MS",
    "GAP_MS",
    "Assignment",
    "ExportNotWritten",
    "Fix",
    "IncidentRecord",
    "RecordStatistics",
    "RecordedEvent",
    "UnitTrack",
    "UnknownIncident",
    "event_log_csv",
    "gpx",
    "incident_record",
    "kml",
    "record_statistics",
    "write_atomically",
]
