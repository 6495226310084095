"""The CSV event log of an incident's record: one row per event, for a spreadsheet (docs/RECORD.md)."""

from __future__ import annotations

import csv
import io

from dispatch_desktop.domain.localtime import date_time_text
from dispatch_desktop.record.model import IncidentRecord
from dispatch_desktop.record.summary import operator_of, summary, unit_of

CSV_COLUMNS = ("gseq", "local_time", "kind", "unit", "operator", "summary")
"""The header row, in order; docs/RECORD.md says what each holds."""

def local_time_text(ms: int) -> str:
    """The command center's local time to the millisecond, in a form Excel reads as a date and time (an
    event's time is never 0, which ``date_time_text`` shows as "—")."""
    return f"{date_time_text(ms)}.{ms % 1000:03d}"


def unit_names(record: IncidentRecord) -> dict[str, str]:
    return {track.unit: track.name for track in record.units}


def event_log_csv(record: IncidentRecord) -> bytes:
    """UTF-8 with a byte order mark (without it Excel reads Chinese as mojibake), Excel's dialect (commas,
    CRLF, quotes where needed), so ``csv.reader`` reads back exactly what was written."""
    names = unit_names(record)
    text = io.StringIO(newline="")
    writer = csv.writer(text, dialect="excel")
    writer.writerow(CSV_COLUMNS)
    for gseq, event in record.events:
        unit = unit_of(event)
        writer.writerow((gseq, local_time_text(event.time), event.kind, names.get(unit, unit), operator_of(event),
                         summary(event, names)))
    return text.getvalue().encode("utf-8-sig")
