"""An export's fingerprint in the log: the ``record_exported`` body, recorded straight into the store, listed
by later records of the incident, and an export kept on disk only once its event is recorded."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.record import (
    ExportNotRecorded,
    ExportNotWritten,
    event_log_csv,
    export_event,
    export_file,
    gpx,
    incident_record,
    kml,
    record_directly,
    record_statistics,
    render,
    sha256_of,
)
from dispatch_desktop.record.exported import export_source
from dispatch_desktop.store import EventStore
from tests.record.story import INCIDENT, OPERATOR

DATA = "警情记录 J-20251122-00001\n".encode()


def _body(file: str | Path = "J-20251122-00001.pdf", fmt: str = "pdf") -> ev.RecordExported:
    return export_event(DATA, fmt, file, incident=INCIDENT, start_ms=1_000, end_ms=2_000, operator=OPERATOR)


def test_the_body_holds_the_files_hash_size_and_name_only() -> None:
    body = _body(Path("/home/李娜/导出/J-20251122-00001.pdf"))
    assert body.sha256 == hashlib.sha256(DATA).hexdigest() == sha256_of(DATA)
    assert (body.size, body.file, body.format, body.operator) == (len(DATA), "J-20251122-00001.pdf",
                                                                  ev.ExportFormat.PDF, OPERATOR)


@pytest.mark.parametrize(("changes", "field"), [
    ({"file": "x" * 300 + ".pdf"}, "$.file"),
    ({"incident": "J 1"}, "$.incident"),
])
def test_a_body_the_hub_would_refuse_is_refused_here_naming_the_field(changes: dict[str, str], field: str) -> None:
    arguments: dict[str, Any] = {"incident": INCIDENT, "start_ms": 0, "end_ms": 1} | changes
    file = arguments.pop("file", "a.csv")
    with pytest.raises(ValueError, match=rf"cannot be recorded as given: .*{re.escape(field)}"):
        export_event(DATA, "csv", file, **arguments)


def test_an_unknown_format_names_the_formats() -> None:
    with pytest.raises(ValueError, match="'docx' is not an export format: choose one of html, csv, kml, gpx, pdf"):
        export_event(DATA, "docx", "a.docx", incident=INCIDENT, start_ms=0, end_ms=1)


def test_the_event_decodes_strictly() -> None:
    wire = msgspec.to_builtins(_body()) | {"kind": "record_exported"}
    for bad in ({"sha256": "AB" * 32}, {"format": "doc"}, {"file": "a/b.pdf"}, {"file": ".."},
                {"start_ms": 3_000}):
        with pytest.raises(msgspec.ValidationError):
            msgspec.convert(wire | bad, ev.AnyBody)


def test_recording_directly_appends_after_the_sources_own_events_and_changes_no_state(
        story_store: EventStore) -> None:
    before = story_store.state_at()
    first = record_directly(story_store, _body())
    second = record_directly(story_store, _body("J-20251122-00001.csv", "csv"), operator="王伟 012345")
    assert (first, second) == (story_store.last_gseq() - 1, story_store.last_gseq())
    stored = [story_store.get(export_source(), seq) for seq in (1, 2)]
    assert [gseq for gseq, _event in stored] == [first, second]  # type: ignore[misc]
    event = stored[1][1]  # type: ignore[index]
    assert (event.mode, event.t_src == event.t_hub, event.body.operator) == (ev.Mode.LIVE, True, "王伟 012345")
    after = story_store.state_at()
    assert (after.incidents, after.units, after.calls) == (before.incidents, before.units, before.calls)
    assert apply(before, event).incidents == before.incidents


def test_a_later_record_lists_the_earlier_exports_and_the_csv_says_so(story_store: EventStore) -> None:
    gseq = record_directly(story_store, _body())
    record = incident_record(story_store, INCIDENT)
    assert record.events[-1].gseq == gseq and record.events[-1].event.kind == "record_exported"
    csv_text = event_log_csv(record).decode("utf-8-sig")
    assert (f"Record exported as PDF to J-20251122-00001.pdf ({len(DATA)} bytes, SHA-256 {sha256_of(DATA)})"
            in csv_text.splitlines()[-1])
    assert OPERATOR in csv_text.splitlines()[-1]


def test_render_gives_the_formats_without_qt(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    statistics = record_statistics(record)
    assert render(record, statistics, "csv") == event_log_csv(record)
    assert render(record, statistics, ev.ExportFormat.KML) == kml(record)
    assert render(record, statistics, "gpx") == gpx(record)
    assert render(record, statistics, "html", "en").startswith(b"<!DOCTYPE html>")
    with pytest.raises(ValueError, match="report_pdf"):
        render(record, statistics, "pdf")


def test_an_export_is_in_place_once_its_event_is_recorded(story_store: EventStore, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    exported = export_file(story_store, folder / "报告.html", DATA, _body("报告.html", "html"))
    assert os.listdir(folder) == ["报告.html"], "no part file left beside it"
    assert (folder / "报告.html").read_bytes() == DATA
    stored = story_store.get(export_source(), 1)
    assert stored is not None and stored[0] == exported.gseq and stored[1].body.sha256 == exported.sha256


class _Failing:
    """A store whose database went away between reading the record and recording the export."""

    def high_water(self, _source: str) -> int:
        return 0

    def append(self, _events: object) -> None:
        raise OSError("disk I/O error")


def test_an_export_whose_event_cannot_be_recorded_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ExportNotRecorded, match=r"could not be recorded in the event log \(disk I/O error\)"):
        export_file(_Failing(), tmp_path / "a.pdf", DATA, _body("a.pdf"))  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []


def test_an_export_that_cannot_be_written_is_not_recorded(story_store: EventStore, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "a.pdf"
    with pytest.raises(ExportNotWritten, match=f"Cannot write the export to {re.escape(str(missing))}: No such file"):
        export_file(story_store, missing, DATA, _body("a.pdf"))
    assert story_store.high_water(export_source()) == 0
