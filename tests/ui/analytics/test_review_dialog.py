"""The monthly station review dialog: the stations ranked with the two flagged highlighted, counted off the GUI
thread, the selected station's order drafted and editable, a partial month and an order already issued said
so, the order exported as a PDF, issued as an event and the hub's refusal shown in words."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMainWindow, QMenu

from dispatch_desktop.analytics.order import IssuedOrder, text_sha256
from dispatch_desktop.analytics.review import month_start_ms
from dispatch_desktop.bus.command_reply import CommandReply, CommandTimeout
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.analytics.review_dialog import ReviewDialog
from dispatch_desktop.ui.analytics.review_install import install_review
from dispatch_desktop.ui.analytics.review_model import FLAGGED_COLOUR
from dispatch_desktop.ui.analytics.review_sources import ReviewSources
from tests.analytics.review_fixture import five_station_city, hand_counts, hand_log_events, station_ids

pytestmark = pytest.mark.gui
DECEMBER_7 = month_start_ms("2026-12") + 6 * 86_400_000 + 10 * 3_600_000  # the wall clock: November is over


class Hub:
    """Answers each order as told, and keeps what it was sent."""

    def __init__(self, answer: CommandReply | BaseException) -> None:
        self.answer = answer
        self.sent: list[ev.AnyBody] = []

    def send(self, body: ev.AnyBody) -> Future[CommandReply]:
        self.sent.append(body)
        done: Future[CommandReply] = Future()
        if isinstance(self.answer, BaseException):
            done.set_exception(self.answer)
        else:
            done.set_result(self.answer)
        return done


def _sources(hub: Hub | None = None, *, issued: dict[str, IssuedOrder] | None = None, now_ms: int = DECEMBER_7,
             threads: list[threading.Thread] | None = None, may_issue: str = "") -> ReviewSources:
    def read_counts(progress: Callable[[float], None], _cancelled: Callable[[], bool]) -> object:
        if threads is not None:
            threads.append(threading.current_thread())
        progress(0.5)
        return hand_counts(until_ms=now_ms)

    return ReviewSources(read_counts=read_counts, read_issued=lambda _month, _now: dict(issued or {}),  # type: ignore[arg-type]
                         send=hub.send if hub is not None else None, operator=lambda: "王建国 010007",
                         may_issue=may_issue, now_ms=lambda: now_ms)


def _opened(qtbot, sources: ReviewSources) -> ReviewDialog:  # type: ignore[no-untyped-def]
    dialog = ReviewDialog(five_station_city(), sources)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=10_000)
    return dialog


def _station_of_row(dialog: ReviewDialog, row: int) -> str:
    return str(dialog.model.index(row, 0).data(Qt.ItemDataRole.UserRole))


def test_the_stations_are_ranked_off_the_gui_thread_the_two_flagged_highlighted(qtbot) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []
    dialog = _opened(qtbot, _sources(threads=threads))
    assert threads and threads[0] is not threading.main_thread()
    ids = station_ids()
    assert [_station_of_row(dialog, row) for row in range(5)] == [ids[letter] for letter in "BAECD"]
    assert [dialog.model.index(row, 0).data() for row in range(3)] == ["⚑ 1", "⚑ 2", "3"]
    backgrounds = [dialog.model.index(row, 4).data(Qt.ItemDataRole.BackgroundRole) for row in range(3)]
    assert [brush is not None and brush.color() == FLAGGED_COLOUR for brush in backgrounds] == [True, True, False]
    assert [dialog.model.index(0, column).data() for column in (3, 4, 5, 6, 7)] == [
        "112", "100", "+12.0%", "80", "+40.0%"]
    assert dialog.month.currentData() == "2026-11" and dialog.notice.isHidden()


def test_the_selected_stations_order_is_drafted_and_editable(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, _sources(Hub(CommandReply(seq=1, accepted=True, gseq=7))))
    dialog.table.selectRow(1)
    assert dialog.number.text() == "督办〔2026〕11-01" and "有效警情30起" in dialog.text.toPlainText()
    assert "30 valid incidents in November 2026" in dialog.rendering.toPlainText()
    assert dialog.issue_button.isEnabled()
    dialog.text.setPlainText("")
    assert not dialog.issue_button.isEnabled() and "number and a text" in dialog.issue_button.toolTip()


def test_the_running_month_is_marked_partial_and_no_order_is_issued_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, _sources(Hub(CommandReply(seq=1, accepted=True, gseq=7))))
    dialog.month.setCurrentIndex(0)  # December 2026, running
    qtbot.waitUntil(lambda: dialog.made is not None and dialog.made.coverage.month == "2026-12", timeout=10_000)
    assert dialog.month.currentText().endswith("(running)")
    assert not dialog.notice.isHidden() and "not complete in the log" in dialog.notice.text()
    dialog.table.selectRow(0)
    assert not dialog.issue_button.isEnabled() and "whole month" in dialog.issue_button.toolTip()


def test_an_order_already_in_the_log_is_shown_issued_and_the_next_is_numbered_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = station_ids()
    issued = IssuedOrder(station=ids["B"], month="2026-11", number="督办〔2026〕11-01",
                         issued_ms=DECEMBER_7 - 3_600_000, operator="李娜 010233", sha256="a" * 64, gseq=12)
    dialog = _opened(qtbot, _sources(Hub(CommandReply(seq=1, accepted=True, gseq=7)), issued={ids["B"]: issued}))
    assert dialog.model.index(0, 8).data() == "督办〔2026〕11-01"
    dialog.table.selectRow(0)
    assert not dialog.issue_button.isEnabled()
    assert dialog.outcome.text() == "Already issued: 督办〔2026〕11-01, 2026-12-07 09:00:00, by 李娜 010233."
    dialog.table.selectRow(1)
    assert dialog.number.text() == "督办〔2026〕11-02" and dialog.issue_button.isEnabled()


def test_issuing_sends_the_event_with_the_texts_hash_and_marks_the_station(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = Hub(CommandReply(seq=1, accepted=True, gseq=4321))
    dialog = _opened(qtbot, _sources(hub))
    dialog.table.selectRow(1)
    dialog.text.setPlainText(dialog.text.toPlainText() + "（已电话通知）")
    assert dialog.issue(confirm=False) is not None
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Issued"), timeout=5_000)
    (body,) = hub.sent
    assert isinstance(body, ev.SupervisionOrderIssued)
    assert (body.station, body.number, body.this_month, body.rank, body.operator) == (
        station_ids()["A"], "督办〔2026〕11-01", 30, 2, "王建国 010007")
    assert body.sha256 == text_sha256(dialog.text.toPlainText()) and "gseq 4321" in dialog.outcome.text()
    assert dialog.model.index(1, 8).data() == "督办〔2026〕11-01" and not dialog.issue_button.isEnabled()


@pytest.mark.parametrize(("answer", "said"), [
    (CommandReply(seq=1, accepted=False, code="kind_not_allowed", message="A dispatcher workstation may not send "
                  "supervision_order_issued events."), "from a supervisor's or a commander's desk only"),
    (CommandTimeout("no answer"), "did not answer in time"),
])
def test_a_refusal_is_shown_in_words_and_the_order_can_be_issued_again(qtbot, answer: object, said: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, _sources(Hub(answer)))  # type: ignore[arg-type]
    dialog.table.selectRow(0)
    dialog.issue(confirm=False)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Not issued:"), timeout=5_000)
    assert said in dialog.outcome.text() and dialog.issue_button.isEnabled()


def test_a_desk_that_may_not_issue_drafts_and_says_why(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, _sources(Hub(CommandReply(seq=1, accepted=True)), may_issue="Only a supervisor issues."))
    dialog.table.selectRow(0)
    assert not dialog.issue_button.isEnabled() and dialog.issue_button.toolTip() == "Only a supervisor issues."
    assert dialog.export_button.isEnabled()


def _pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def test_the_pdf_is_a_draft_until_issued_then_the_order_with_its_hash(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, _sources(Hub(CommandReply(seq=1, accepted=True, gseq=9))))
    dialog.table.selectRow(0)
    assert dialog.export_pdf(tmp_path / "draft.pdf") is not None
    draft = _pdf_text(tmp_path / "draft.pdf")
    assert "DRAFT" in draft and "督办令" in draft and "English rendering" in draft  # an English desk's
    dialog.issue(confirm=False)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Issued"), timeout=5_000)
    dialog.export_pdf(tmp_path / "issued.pdf")
    issued = _pdf_text(tmp_path / "issued.pdf").replace("\n", "")
    assert "DRAFT" not in issued and text_sha256(dialog.text.toPlainText()) in issued


def test_the_menu_action_opens_the_review_of_the_desks_log(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with EventStore.open(url) as store:
        store.append(hand_log_events())
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = QMenu(window)
    hub = Hub(CommandReply(seq=1, accepted=True, gseq=1))
    action = install_review(window, menu, five_station_city(), database_url=url, send=hub.send,
                            operator=lambda: "王建国 010007", role=Role.DISPATCHER, data_dir=tmp_path / "data")
    assert action in menu.actions() and action.text() == "Monthly station review…" and action.isEnabled()
    action.trigger()
    dialog = window.findChild(ReviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=20_000)
    dialog.table.selectRow(0)
    assert "supervisor's or a commander's desk" in dialog.why_not_issue()  # a dispatcher's desk drafts only
    nowhere = install_review(window, menu, five_station_city(), database_url=None, send=None,
                             operator=lambda: "", role=Role.SUPERVISOR)
    assert not nowhere.isEnabled() and "does not have" in nowhere.toolTip()
