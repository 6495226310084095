"""Analytics → Monthly station review…: choose a month, read every station ranked by its rise (the two largest
flagged), select a station to draft its supervision order (督办令), edit it, export it as a PDF, and issue it:
the order goes to the hub as ``supervision_order_issued`` and the outcome is shown in the desk's language.

The log is read off the GUI thread (``ReviewSources.read_counts``, with progress; the orders already issued,
``read_issued``); ranking the counts and drafting the order are quick, and run on the GUI thread. A station's
order already in the log is shown as issued, with its number, time and issuer, and cannot be issued again from
here; a month not over yet (or not whole in the log) is reviewed but marked partial, and no order is issued on it.
"""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.analytics import order as orders
from dispatch_desktop.analytics.review import MonthlyCounts, MonthlyReview, ReviewProblem, month_of, review, shift_month
from dispatch_desktop.bus.command_reply import CommandReply
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.localtime import date_time_text
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.analytics.review_model import ReviewModel
from dispatch_desktop.ui.analytics.review_pdf import order_pdf
from dispatch_desktop.ui.analytics.review_sources import ReviewSources, refusal_text

MONTHS_OFFERED = 25  # the running month and the two years before it

translate = QCoreApplication.translate



class _Posted(QObject):
    """A worker's results, queued to the GUI thread."""

    read = Signal(object, object, object)  # month, counts or None, issued orders or the exception
    progress = Signal(float)
    replied = Signal(object, object, object)  # station, DraftOrder, CommandReply or the exception


class ReviewDialog(QDialog):
    def __init__(self, city: City, sources: ReviewSources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_review")
        self.city = city
        self.sources = sources
        self.language = labels.current_language()
        self.counts: MonthlyCounts | None = None
        self.made: MonthlyReview | None = None
        self.issued_texts: dict[str, str] = {}  # station -> the text issued from here (exported without "draft")
        self.sending: str = ""  # the station whose order awaits the hub's answer
        self._cancel = threading.Event()
        self._posted = _Posted(self)
        self._posted.read.connect(self._on_read)
        self._posted.progress.connect(lambda fraction: self.progress.setValue(round(fraction * 1000)))
        self._posted.replied.connect(self._on_replied)
        self.template: orders.OrderTemplate | None = None
        self.template_problem = ""
        try:
            self.template = orders.load_template(sources.template)
        except orders.TemplateProblem as problem:
            self.template_problem = str(problem)
        self._build()
        self.finished.connect(lambda _result: self._cancel.set())
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(translate("ReviewDialog", "Monthly station review"))
        self.month = QComboBox()
        now = self.sources.now_ms()
        running = month_of(now)
        for back in range(MONTHS_OFFERED):
            month = shift_month(running, -back)
            name = orders.month_name(month, self.language)
            self.month.addItem(name + (translate("ReviewDialog", " (running)") if back == 0 else ""), month)
        self.month.setCurrentIndex(1)  # the last whole month: the one a review is made of
        self.month.currentIndexChanged.connect(lambda _index: self.refresh(recount=False))
        self.refresh_button = QPushButton(translate("ReviewDialog", "Read the log again"))
        self.refresh_button.clicked.connect(lambda: self.refresh(recount=True))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ReviewDialog", "Month:")))
        top.addWidget(self.month)
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        self.notice = QLabel()
        self.notice.setObjectName("review_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #fff4ce; padding: 4px; }")
        self.notice.hide()

        self.model = ReviewModel(self.city, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self.select_row(current.row()))

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.order_title = QLabel(translate("ReviewDialog", "Select a station to draft its supervision order."))
        self.order_title.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("ReviewDialog", "Order number"))
        self.number.textChanged.connect(lambda _text: self._enable())
        self.text = QPlainTextEdit()
        self.text.setObjectName("order_text")
        self.text.textChanged.connect(self._enable)
        self.rendering = QPlainTextEdit()
        self.rendering.setObjectName("order_rendering")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, translate("ReviewDialog", "Order (Chinese, as issued)"))
        if not self.language.startswith("zh"):
            self.tabs.addTab(self.rendering, translate("ReviewDialog", "English rendering"))
        number_row = QHBoxLayout()
        number_row.addWidget(QLabel(translate("ReviewDialog", "Number:")))
        number_row.addWidget(self.number, 1)
        self.export_button = QPushButton(translate("ReviewDialog", "Export PDF…"))
        self.export_button.clicked.connect(self.ask_export)
        self.issue_button = QPushButton(translate("ReviewDialog", "Issue…"))
        self.issue_button.setObjectName("issue_order")
        self.issue_button.clicked.connect(lambda: self.issue(confirm=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.issue_button)
        self.outcome = QLabel()
        self.outcome.setObjectName("order_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.order_title)
        column.addLayout(number_row)
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)
        column.addWidget(self.outcome)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        screen = self.screen().availableGeometry()
        self.resize(min(1500, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))
        self._enable()

    # --- reading the log ---------------------------------------------------------------------------------

    @property
    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def refresh(self, *, recount: bool = True) -> None:
        """Read the log (the counts when ``recount`` or none yet, and the orders issued) off the GUI thread."""
        month, sources, cancel = self.chosen_month, self.sources, self._cancel
        counting = recount or self.counts is None
        self.progress.setValue(0)
        self.progress.show()
        self.refresh_button.setEnabled(False)

        def work() -> None:
            try:
                counts = sources.read_counts(self._posted.progress.emit, cancel.is_set) if counting else None
                issued: dict[str, orders.IssuedOrder] | BaseException = sources.read_issued(month, sources.now_ms())
            except Exception as error:  # the log's own errors vary by backend; the sentence is what matters
                counts, issued = None, error
            if not cancel.is_set():
                with contextlib.suppress(RuntimeError):  # the dialog was deleted meanwhile: nobody to tell
                    self._posted.read.emit(month, counts, issued)

        threading.Thread(target=work, name="station-review", daemon=True).start()

    def _on_read(self, month: str, counts: MonthlyCounts | None,
                 issued: dict[str, orders.IssuedOrder] | BaseException) -> None:
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        if counts is not None:
            self.counts = counts
        if isinstance(issued, BaseException):
            self._say_notice(translate("ReviewDialog", "The log could not be read: {error}").format(error=issued))
            return
        if month != self.chosen_month:  # the month was changed meanwhile: its own read follows
            return
        self.show_review(issued)

    def show_review(self, issued: dict[str, orders.IssuedOrder]) -> None:
        if self.counts is None:
            return
        try:
            self.made = review(self.counts, self.city, self.chosen_month, now_ms=self.sources.now_ms())
        except ReviewProblem as problem:
            self.made = None
            self.model.set_review(None, {})
            self._say_notice(str(problem))
            self._clear_order()
            return
        self.model.set_review(self.made, issued)
        self._say_notice(self._coverage_text(self.made))
        self._clear_order()
        if self.made.stations:
            self.table.selectRow(0)

    def _coverage_text(self, made: MonthlyReview) -> str:
        cover, words = made.coverage, []
        if cover.partial:
            words.append(translate("ReviewDialog", "{month} is not complete in the log (it holds it until {until}): "
                                   "the figures are partial, and no order is issued on it.").format(
                month=orders.month_name(cover.month, self.language),
                until=date_time_text(min(cover.counted_until_ms, cover.end_ms))))
        if not cover.last_month_whole:
            words.append(translate("ReviewDialog", "The log does not hold {month} whole: no month-on-month "
                                   "figures.").format(month=orders.month_name(cover.last_month, self.language)))
        if not cover.year_ago_whole:
            words.append(translate("ReviewDialog", "The log does not reach back to {month}: no year-on-year "
                                   "figures.").format(month=orders.month_name(cover.year_ago, self.language)))
        if self.template_problem:
            words.append(translate("ReviewDialog", "The supervision order template cannot be used: {problem}").format(
                problem=self.template_problem))
        return " ".join(words)

    def _say_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # --- the order ---------------------------------------------------------------------------------------

    def station(self) -> str:
        change = self.model.change(self.table.currentIndex().row())
        return change.station if change is not None else ""

    def select_row(self, row: int) -> None:
        change = self.model.change(row)
        if change is None or self.made is None or self.template is None:
            self._clear_order()
            return
        issued = self.model.issued.get(change.station)
        seq = orders.next_seq(self.model.issued, self.template, self.made.coverage.month)
        now = self.sources.now_ms()
        draft = orders.draft_order(self.template, self.made, change.station, self.city, seq=seq, issued_ms=now)
        district = labels.district_name(change.district, self.city.district(change.district).name)
        self.order_title.setText(translate("ReviewDialog", "Supervision order to {station} ({district}), rank "
                                           "{rank}").format(station=change.name, district=district, rank=change.rank))
        self.number.setText(issued.number if issued is not None else draft.number)
        self.text.setPlainText(self.issued_texts.get(change.station, draft.text))
        rendering = orders.draft_order(self.template, self.made, change.station, self.city, seq=seq, issued_ms=now,
                                       language="en")
        self.rendering.setPlainText(rendering.text)
        self.outcome.setText(self._issued_text(issued) if issued is not None else "")
        self._enable()

    def _issued_text(self, issued: orders.IssuedOrder) -> str:
        return translate("ReviewDialog", "Already issued: {number}, {time}, by {operator}.").format(
            number=issued.number, time=date_time_text(issued.issued_ms), operator=issued.operator or "—")

    def _clear_order(self) -> None:
        self.number.clear()
        self.text.clear()
        self.rendering.clear()
        self.outcome.clear()
        self._enable()

    def why_not_issue(self) -> str:
        """Why the selected order cannot be issued now ("" when it can)."""
        station = self.station()
        if self.sources.send is None or self.sources.may_issue:
            return self.sources.may_issue or translate("ReviewDialog", "This desk is not connected to a hub.")
        if self.made is None or not station or self.template is None:
            return translate("ReviewDialog", "Select a station.")
        if self.made.coverage.partial:
            return translate("ReviewDialog", "The month is not complete: a supervision order is issued on a whole "
                             "month.")
        if station in self.model.issued:
            return self._issued_text(self.model.issued[station])
        if self.sending:
            return translate("ReviewDialog", "Waiting for the hub's answer.")
        if not self.text.toPlainText().strip() or not self.number.text().strip():
            return translate("ReviewDialog", "The order needs a number and a text.")
        return ""

    def _enable(self) -> None:
        why = self.why_not_issue()
        self.issue_button.setEnabled(not why)
        self.issue_button.setToolTip(why)
        self.export_button.setEnabled(bool(self.station()) and bool(self.text.toPlainText().strip()))

    def current_order(self) -> orders.DraftOrder:
        template = self.template
        assert template is not None and self.made is not None
        return orders.DraftOrder(number=self.number.text().strip(), language="zh_CN", title=template.zh_CN.title,
                                 text=self.text.toPlainText(), station=self.station(), month=self.made.coverage.month)

    def issue(self, *, confirm: bool = True) -> Future[CommandReply] | None:
        """Send the selected order (after asking, with ``confirm``); the answer comes back to ``outcome``."""
        if self.why_not_issue() or self.made is None or self.sources.send is None:
            return None
        order = self.current_order()
        change = self.made.station(order.station)
        question = translate("ReviewDialog", "Issue {number} to {station}? It goes into the event log and cannot be "
                             "withdrawn.").format(number=order.number, station=change.name)
        if confirm and QMessageBox.question(self, translate("ReviewDialog", "Issue the supervision order?"),
                                            question) != QMessageBox.StandardButton.Yes:
            return None
        try:
            body = orders.order_event(self.made, order.station, order.number, order.text, self.sources.operator())
        except ValueError as error:
            self._say_outcome(str(error), ok=False)
            return None
        self.sending = order.station
        self._enable()
        sent = self.sources.send(body)
        posted = self._posted

        def answered(done: Future[CommandReply]) -> None:  # on the bus client's thread
            error = done.exception()
            with contextlib.suppress(RuntimeError):  # the dialog was closed and deleted before the answer
                posted.replied.emit(order.station, order, error if error is not None else done.result())

        sent.add_done_callback(answered)
        return sent

    def _on_replied(self, station: str, order: orders.DraftOrder, outcome: Any) -> None:
        self.sending = ""
        if isinstance(outcome, CommandReply) and outcome.accepted:
            issued = orders.IssuedOrder(station=station, month=order.month, number=order.number,
                                        issued_ms=self.sources.now_ms(), operator=self.sources.operator(),
                                        sha256=orders.text_sha256(order.text), gseq=outcome.gseq)
            self.issued_texts[station] = order.text
            self.model.mark_issued(issued)
            said = translate("ReviewDialog", "Issued {number}: recorded in the event log (gseq {gseq}), SHA-256 "
                             "{sha256}.").format(number=order.number, gseq=outcome.gseq, sha256=issued.sha256)
            self._say_outcome(said, ok=True)
        else:
            reason = refusal_text(outcome)
            self._say_outcome(translate("ReviewDialog", "Not issued: {reason}").format(reason=reason), ok=False)
        self._enable()

    def _say_outcome(self, text: str, *, ok: bool) -> None:
        self.outcome.setStyleSheet("" if ok else "QLabel { color: #b00020; }")
        self.outcome.setText(text)

    # --- the PDF -----------------------------------------------------------------------------------------

    def ask_export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = "".join(character if character.isalnum() or character in "-_" else "_"
                       for character in self.number.text().strip()) or "order"
        path, _filter = QFileDialog.getSaveFileName(self, translate("ReviewDialog", "Export the order as PDF"),
                                                    str(Path(folder) / f"{name}.pdf"), "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> bytes | None:
        """Write the order as shown (an English desk's with its rendering) to ``path``: a draft's mark until it
        is issued from here."""
        if self.template is None or self.made is None or not self.station():
            return None
        order = self.current_order()
        rendering = None
        if not self.language.startswith("zh"):
            rendering = orders.DraftOrder(number=order.number, language="en", title=self.template.en.title,
                                          text=self.rendering.toPlainText(), station=order.station, month=order.month)
        issued = self.issued_texts.get(order.station) == order.text
        issuer = self.template.zh_CN.issuer  # the order is the Chinese document, whoever exports it
        data = order_pdf(order, issuer, rendering=rendering, issued=issued, language=self.language)
        try:
            path.write_bytes(data)
        except OSError as error:
            said = translate("ReviewDialog", "The PDF could not be written to {path}: {error}. Choose a folder you "
                             "may write to.").format(path=path, error=error.strerror or error)
            self._say_outcome(said, ok=False)
            return None
        self._say_outcome(translate("ReviewDialog", "Written: {path}").format(path=path), ok=True)
        return data
