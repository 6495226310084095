"""Exporting an incident's record as evidence: the file's bytes (``render``), its SHA-256, and the
``record_exported`` event that puts who exported what, when, into the log (docs/RECORD.md).

**No unrecorded export.** ``export_file`` renders nothing itself: given the bytes, it writes them beside
the target (a hidden part file, flushed to the disk), records the event, and only then renames the part
file into place. If the event cannot be recorded, the part file is removed and no export exists; if the
file cannot be written, nothing is recorded.

**Recording directly in the store.** The command line and the replay window export from the database, with
no hub necessarily running, so ``record_directly`` appends the event to the event store itself, as an
envelope of its own source ``export@<host name>`` (seq = that source's high water + 1, ``t_src`` = ``t_hub``
= now, mode live). This is safe beside a running hub:

- the store takes a second writer process: each append locks the log and re-reads what another process
  wrote since (``EventStore.append``), so the two never give out the same gseq;
- a running hub does not learn of the event: its next event simply has the gseq after it. Its desks'
  copies go on without noticing (their gap check compares the batch's ``prev``, the hub's last published
  gseq, with their own), so a desk does not see the export live; it is in the log for every history
  read, replay and later export;
- and the incidents, units, calls and orders cannot differ between a state that has the event and one
  that has not, because ``record_exported`` changes nothing in them (its projection is a no-op). Only the
  state's counters ``applied`` (events seen) and ``time`` (the newest event's) of the running hub lag a
  state rebuilt from the log by the exports written beside it, until the hub restarts.

Two exports from the same host at the same instant could pick the same seq; the store keeps the first
and answers the second as a duplicate, which is then recorded again under the next seq.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import time
from pathlib import Path
from typing import NamedTuple

import msgspec

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.record.csv_log import event_log_csv
from dispatch_desktop.record.files import ExportNotWritten, write_atomically
from dispatch_desktop.record.model import EXPORT_SOURCE_PREFIX, IncidentRecord
from dispatch_desktop.record.stats import RecordStatistics
from dispatch_desktop.record.tracks import gpx, kml
from dispatch_desktop.store.event_store import EventStore

RECORD_ATTEMPTS = 5


class ExportNotRecorded(RuntimeError):
    """The export's event could not be recorded in the log, so the export was not kept."""


class Exported(NamedTuple):
    path: Path
    size: int
    sha256: str
    gseq: int  # where its record_exported event is in the log


def sha256_of(data: bytes) -> str:
    """64 lowercase hex digits, as ``record_exported.sha256`` holds them (``sha256sum`` prints the same)."""
    return hashlib.sha256(data).hexdigest()


def render(record: IncidentRecord, statistics: RecordStatistics, fmt: ev.ExportFormat | str,
           language: str = "zh_CN") -> bytes:
    """The export in one of the formats that need no Qt: html, csv, kml, gpx. (The PDF is drawn with Qt:
    ``dispatch_desktop.ui.report_pdf.report_pdf``.)"""
    from dispatch_desktop.record.html_report import html_report

    chosen = export_format(fmt)
    if chosen is ev.ExportFormat.HTML:
        return html_report(record, statistics, language=language)
    if chosen is ev.ExportFormat.CSV:
        return event_log_csv(record)
    if chosen is ev.ExportFormat.KML:
        return kml(record)
    if chosen is ev.ExportFormat.GPX:
        return gpx(record)
    raise ValueError("A PDF is drawn with Qt: use dispatch_desktop.ui.report_pdf.report_pdf(record, statistics).")


def export_format(text: ev.ExportFormat | str) -> ev.ExportFormat:
    try:
        return ev.ExportFormat(text)
    except ValueError:
        formats = ", ".join(f.value for f in ev.ExportFormat)
        raise ValueError(f"{text!r} is not an export format: choose one of {formats}.") from None


def export_event(data: bytes, fmt: ev.ExportFormat | str, file: str | os.PathLike[str], *, incident: str,
                 start_ms: int, end_ms: int, operator: str = "") -> ev.RecordExported:
    """The ``record_exported`` body for ``data`` written as ``file`` (only its name is kept), checked as
    strictly as the hub would decode it. Raises ``ValueError`` with a sentence naming the wrong field."""
    body = ev.RecordExported(incident=incident, start_ms=start_ms, end_ms=end_ms, format=export_format(fmt),
                             sha256=sha256_of(data), size=len(data), file=Path(file).name, operator=operator)
    try:  # a Struct's constructor does not check the constraints; decoding does
        return msgspec.msgpack.decode(msgspec.msgpack.encode(body), type=ev.RecordExported)
    except msgspec.ValidationError as error:
        raise ValueError(f"The export cannot be recorded as given: {error} (file {Path(file).name!r}).") from None


def export_source() -> str:
    """``export@<this host's name>``, reduced to the characters a source may hold."""
    host = re.sub(r"[^A-Za-z0-9_.:\-]", "-", socket.gethostname()) or "localhost"
    return (EXPORT_SOURCE_PREFIX + host)[:64]


def record_directly(store: EventStore, body: ev.RecordExported, *, source: str | None = None,
                    operator: str | None = None) -> int:
    """Appends ``body`` to the store as ``source``'s next event (default ``export_source()``), stamped now;
    ``operator``, if given, is who exported it. Returns its gseq. Raises ``ExportNotRecorded``."""
    if operator is not None:
        body = msgspec.structs.replace(body, operator=operator)
    source = source or export_source()
    try:
        for _attempt in range(RECORD_ATTEMPTS):
            now = int(time.time() * 1000)
            event = ev.envelope(source, store.high_water(source) + 1, body, now, t_hub=now, mode=Mode.LIVE)
            (appended,) = store.append([event])
            if not appended.duplicate:  # else another export took that seq first: take the next one
                return appended.gseq
    except Exception as error:  # the database's own errors vary by backend; the sentence is what matters
        raise ExportNotRecorded(
            f"The export of {body.file} could not be recorded in the event log ({error}); it was not kept. "
            "Check that the database is reachable and writable, then export again."
        ) from error
    raise ExportNotRecorded(f"The export of {body.file} could not be given a sequence number after "
                            f"{RECORD_ATTEMPTS} tries (other exports from {source} at the same moment); export again.")


def export_file(store: EventStore, path: str | os.PathLike[str], data: bytes, body: ev.RecordExported, *,
                source: str | None = None) -> Exported:
    """Writes ``data`` beside ``path``, records ``body`` (``record_directly``), then renames the file into
    place: an export exists only if its event is in the log. Raises ``ExportNotWritten`` (nothing recorded)
    or ``ExportNotRecorded`` (nothing left on disk)."""
    target = Path(path)
    if target.is_dir():
        raise ExportNotWritten(f"Cannot write the export to {target}: it is a folder. Give a file name in it.")
    staged = target.parent / f".{target.name}.{os.getpid()}.staged"
    try:
        write_atomically(staged, data)
    except ExportNotWritten as error:  # named after the file asked for, not the part file
        reason = getattr(error.__cause__, "strerror", None) or str(error.__cause__ or error)
        raise ExportNotWritten(
            f"Cannot write the export to {target}: {reason}. Choose a folder that exists, that you may write to "
            "and that has free space; nothing was written or recorded."
        ) from error
    try:
        gseq = record_directly(store, body, source=source)
        os.replace(staged, target)
    except ExportNotRecorded:
        _remove(staged)
        raise
    except OSError as error:
        _remove(staged)
        raise ExportNotWritten(
            f"Cannot put the export in place at {target}: {error.strerror or error}. Its event is in the log "
            f"(SHA-256 {body.sha256}) but the file is not: choose another file name and export again."
        ) from error
    return Exported(target, body.size, body.sha256, gseq)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
