"""The CSV event log (Excel reads it, the csv module reads back what was written) and the atomic write."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from dispatch_desktop.record import CSV_COLUMNS, ExportNotWritten, event_log_csv, incident_record, write_atomically
from dispatch_desktop.store import EventStore
from tests.record.story import INCIDENT, NOTE, OPERATOR
from tests.record.test_incident_record import STORY_KINDS


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_chinese(story_store: EventStore) -> None:
    data = event_log_csv(incident_record(story_store, INCIDENT))
    assert data.startswith(b"\xef\xbb\xbf")
    assert "天河巡组一" in data.decode("utf-8-sig")


def test_one_row_per_event_under_the_documented_header(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    header, *rows = _rows(event_log_csv(record))
    assert tuple(header) == CSV_COLUMNS
    assert [row[2] for row in rows] == STORY_KINDS
    assert [int(row[0]) for row in rows] == [gseq for gseq, _event in record.events]


def test_a_row_reads_in_the_command_centers_time_with_names_and_operator(story_store: EventStore) -> None:
    _header, *rows = _rows(event_log_csv(incident_record(story_store, INCIDENT)))
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row[2], row)  # the first of each kind
    assert by_kind["call_offered"][1] == "2025-11-22 10:53:20.000"  # 02:53:20 UTC in Guangzhou
    assert by_kind["unit_dispatched"][3:] == ["天河巡组一", OPERATOR, "天河巡组一 dispatched (order o-1)"]
    assert by_kind["arrival"][3:] == ["天河巡组一", "", "天河巡组一 arrived on scene"]
    assert by_kind["unit_recalled"][5] == "突击一队 recalled — not needed"
    assert by_kind["clearance"][5] == "天河巡组一 reported the incident handled — arrested — 嫌疑人已带回"


def test_commas_quotes_and_line_breaks_round_trip(story_store: EventStore) -> None:
    _header, *rows = _rows(event_log_csv(incident_record(story_store, INCIDENT)))
    note = next(row for row in rows if row[2] == "incident_note")
    assert note[5] == f"Note — {NOTE}"


def test_an_export_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "J-1.csv"
    write_atomically(target, "第一行\n")
    assert target.read_bytes() == "第一行\n".encode()
    write_atomically(target, b"replaced")
    assert target.read_bytes() == b"replaced"
    assert os.listdir(tmp_path) == ["J-1.csv"]


def test_a_folder_that_does_not_exist_is_named_and_nothing_is_left(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "J-1.kml"
    with pytest.raises(ExportNotWritten, match=r"Cannot write the export to .*missing/J-1\.kml: No such file"):
        write_atomically(target, b"<kml/>")
    assert os.listdir(tmp_path) == []


def test_a_failed_rename_keeps_the_old_file_and_removes_the_new_one(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "J-1.gpx"
    target.write_bytes(b"the old export")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ExportNotWritten, match=r"No space left on device\. Choose a folder"):
        write_atomically(target, b"the new export")
    assert target.read_bytes() == b"the old export"
    assert os.listdir(tmp_path) == ["J-1.gpx"]


def test_a_folder_given_as_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportNotWritten, match="it is a folder"):
        write_atomically(tmp_path, b"x")
