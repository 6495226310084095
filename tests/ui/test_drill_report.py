"""The drill report as a PDF, read back with Qt's own PDF reader: every page carries the banner and the
watermark "演练 DRILL" (as text a reader finds, and as red ink in the middle of the rendered page), and the
content is the HTML report's, in Chinese and English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument

from dispatch_desktop.cli import main
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.drill.record import DrillRecord, drill_record
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.drill.report_pdf import drill_report_pdf
from tests.drill.drill_log import DRILL, SCENARIO, write_drill_log

pytestmark = pytest.mark.gui
DB = "sqlite:///events.sqlite3"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DrillRecord]:
    before = zone().key
    set_zone("Asia/Shanghai")
    folder = tmp_path_factory.mktemp("drill_pdf")
    (folder / "report_test.yaml").write_text(SCENARIO, encoding="utf-8")
    with EventStore.open(f"sqlite:///{folder / 'drill.db'}") as store:
        write_drill_log(store)
        yield drill_record(store, DRILL, scenario_file=folder / "report_test.yaml")
    set_zone(before)


def _read(data: bytes, tmp_path: Path) -> tuple[list[str], list[QImage]]:
    """Each page's text as a reader extracts it, and its picture (A4 at 100 dpi)."""
    path = tmp_path / "drill.pdf"
    path.write_bytes(data)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    images = [document.render(page, QSize(827, 1169)) for page in range(document.pageCount())]
    document.close()
    return pages, images


def _watermark_ink(image: QImage) -> int:
    """Pixels of the page's middle band in the watermark's see-through red: Qt renders the page on a transparent
    ground, so where nothing else is drawn the watermark keeps its own translucency (alpha 40 of 255)."""
    count = 0
    for y in range(image.height() * 2 // 5, image.height() * 3 // 5, 3):
        for x in range(0, image.width(), 3):
            colour = QColor.fromRgba(image.pixel(x, y))
            if 10 < colour.alpha() < 160 and colour.red() > 150 and colour.green() < 80:
                count += 1
    return count


@pytest.mark.parametrize(("language", "title", "banner", "page_two"), [
    ("zh_CN", "演练报告 D-20251122-01", "演练 · 非实战", "第 2 页，共"),
    ("en", "Drill report D-20251122-01", "DRILL · NOT LIVE", "Page 2 of"),
])
def test_every_page_has_the_banner_and_the_watermark(drill: DrillRecord, qapp: object, tmp_path: Path,
                                                     language: str, title: str, banner: str, page_two: str) -> None:
    data = drill_report_pdf(drill, db=DB, language=language)
    assert data.startswith(b"%PDF-")
    pages, images = _read(data, tmp_path)
    assert len(pages) >= 2 and len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == len(pages)
    assert title in pages[0] and page_two in pages[1]
    for text, image in zip(pages, images, strict=True):
        assert banner in text and "演练 DRILL" in text.replace("\n", " ")
        assert _watermark_ink(image) > 200  # drawn, and translucent: pale red, not the banner's deep red


def test_the_pdf_shows_the_score_the_injects_and_the_replay_command(drill: DrillRecord, qapp: object,
                                                                   tmp_path: Path) -> None:
    pages, _images = _read(drill_report_pdf(drill, db=DB, language="en"), tmp_path)
    text = " ".join(pages)
    assert "45 / 85" in text and "10 s late" in text and "0 / 30" in text
    assert "+00:30 (10:53:50)" in text and "J-D-2" in text
    assert f"replay open --db sqlite:///events.sqlite3 --drill {drill.drill_id}" in re.sub(r"\s+", " ", text)


def test_the_command_line_writes_the_pdf_and_records_its_fingerprint(qapp: object, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'drill.db'}"
    with EventStore.open(url) as store:
        write_drill_log(store)
    (tmp_path / "report_test.yaml").write_text(SCENARIO, encoding="utf-8")
    out = tmp_path / f"{DRILL}.pdf"
    before = zone().key
    try:
        code = main(["drill", "report", "--drill", DRILL, "--format", "pdf", "--out", str(out), "--db", url,
                     "--scenario", str(tmp_path / "report_test.yaml"), "--timezone", "Asia/Shanghai"])
    finally:
        set_zone(before)
    assert code == 0
    pages, _images = _read(out.read_bytes(), tmp_path)
    assert all("演练 DRILL" in page for page in pages) and "45 / 85" in pages[0]
    with EventStore.open(url) as store:
        (recorded,) = [event.body for _gseq, event in store.read() if isinstance(event.body, ev.RecordExported)]
    assert (recorded.format, recorded.file, recorded.incident) == (ev.ExportFormat.PDF, out.name, "")
