"""The supervision order as a PDF, read back with Qt's PDF reader: the Chinese order's text a reader can copy
(Chinese fonts embedded), its number and its text's SHA-256; the English rendering after it for an English desk;
and ``analytics review --order --out FILE.pdf`` writes the same."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from dispatch_desktop.analytics.order import DraftOrder, draft_order, load_template, text_sha256
from dispatch_desktop.analytics.review import review
from dispatch_desktop.commands import analytics_review
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.analytics.review_pdf import order_pdf
from tests.analytics.review_fixture import five_station_city, hand_counts, hand_log_events, station_ids

pytestmark = pytest.mark.gui
DECEMBER_7 = 1_796_608_800_000  # 2026-12-07 10:00 in Guangzhou


def _text(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "order.pdf"
    path.write_bytes(data)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def _drafts(language: str) -> tuple[DraftOrder, DraftOrder]:
    made = review(hand_counts(), five_station_city(), "2026-11", now_ms=DECEMBER_7)
    order, rendering = (draft_order(load_template(), made, station_ids()["B"], five_station_city(), seq=1,
                                    issued_ms=DECEMBER_7, language=chosen) for chosen in ("zh_CN", language))
    return order, rendering


def test_the_chinese_order_reads_back_with_its_number_and_hash(qapp: object, tmp_path: Path) -> None:
    order, _same = _drafts("zh_CN")
    pages = _text(order_pdf(order, "广州市公安局指挥中心", issued=True), tmp_path)
    text = "".join(pages).replace("\n", "").replace(" ", "")
    assert len(pages) == 1 and "督办令" in text and "督办〔2026〕11-01" in text and "有效警情112起" in text
    assert "第1页，共1页" in text and text_sha256(order.text) in text and "草稿" not in text


def test_an_english_desks_pdf_adds_the_rendering_after_the_order(qapp: object, tmp_path: Path) -> None:
    order, rendering = _drafts("en")
    pages = _text(order_pdf(order, "广州市公安局指挥中心", rendering=rendering, issued=False, language="en"),
                  tmp_path)
    text = " ".join(pages).replace("\n", " ")
    assert text.index("督办令") < text.index("English rendering") < text.index("112 valid incidents")
    assert "DRAFT: not issued yet" in text and "Page 1 of" in text


def test_the_command_line_writes_the_pdf(qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with EventStore.open(url) as store:
        store.append(hand_log_events())
    parser = argparse.ArgumentParser()
    analytics_review.add_arguments(parser)
    out = tmp_path / "b.pdf"
    assert analytics_review.run(parser.parse_args(["--month", "2026-11", "--db", url, "--order", station_ids()["B"],
                                                   "--out", str(out), "--timezone", "Asia/Shanghai"])) == 0
    text = "".join(_text(out.read_bytes(), tmp_path)).replace("\n", "")
    assert "督办〔2026〕11-01" in text and "草稿" in text
