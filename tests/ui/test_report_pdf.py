"""The PDF report of the story's incident, read back with Qt's own PDF reader: its pages, and the text a
reader finds on them (Chinese included, so the glyphs are really in the file)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from PySide6.QtPdf import QPdfDocument

from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.record import IncidentRecord, incident_record, record_statistics
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.report_pdf import report_pdf
from tests.record.story import INCIDENT, write_story

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IncidentRecord]:
    before = zone().key
    set_zone("Asia/Shanghai")
    with EventStore.open(f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'story.db'}") as store:
        write_story(store)
        yield incident_record(store, INCIDENT)
    set_zone(before)


def _pages(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as a PDF reader extracts it."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def test_the_pdf_has_the_summary_the_map_and_the_events(record: IncidentRecord, qapp: object,
                                                        tmp_path: Path) -> None:
    data = report_pdf(record, record_statistics(record), language="zh_CN")
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 3
    summary, track_map, events = _pages(data, tmp_path)
    assert f"警情记录报告 {INCIDENT}" in summary and "派警 → 到场" in summary and "临近超时" in summary
    assert "天河巡组一" in track_map and "突击一队" in track_map and "1 km" in track_map
    # A cell wraps its text where its width ends: the extracted text has a line break there.
    assert "嫌疑人已带回" in re.sub(r"\s", "", events) and "第 3 页，共 3 页" in events


def test_the_english_pdf_names_the_steps_in_english_and_keeps_what_was_typed(record: IncidentRecord,
                                                                            qapp: object, tmp_path: Path) -> None:
    summary, _track_map, events = _pages(report_pdf(record, record_statistics(record), language="en"), tmp_path)
    assert f"Incident record {INCIDENT}" in summary and "dispatch → arrival" in summary
    assert "天河路 385 号 太古汇" in summary  # the address as typed
    assert "arrived" in events and "Page 3 of 3" in events


def test_a_long_event_table_runs_over_pages_each_with_its_header(record: IncidentRecord, qapp: object,
                                                                 tmp_path: Path) -> None:
    long = msgspec.structs.replace(record, events=record.events * 12)  # 192 rows
    pages = _pages(report_pdf(long, record_statistics(long), language="en"), tmp_path)
    assert len(pages) >= 5
    for number, text in enumerate(pages[2:], start=3):
        assert "Summary" in text and "Operator" in text, f"page {number} repeats the table's header"
        assert f"Page {number} of {len(pages)}" in text
