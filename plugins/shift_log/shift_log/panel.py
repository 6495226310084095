"""The "Shift log" panel (值班日志): the entries of the shift under way, and a box to add one.

What it shows comes only from the log's events (through the session), never from what was typed here,
so every desk shows the same entries. What the dispatcher typed stays in the box until the hub has
stored it: while it is sent the box is locked, and a refusal or a timeout unlocks it with the reason.
On a desk that sends nothing (``desk.read_only``: a supervisor's key from the start, a replay later) the
box is disabled with the desk's reason, and enabled again when the desk may send.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api import DeskContext, Outcome
from shift_log.book import Entry, entry_problem
from shift_log.entry_view import BODY_ROLE, HEADING_ROLE, EntryDelegate
from shift_log.events import MAX_TEXT, EntryAdded
from shift_log.session import EVENT, session_for
from shift_log.shifts import Span, clock, stamp

INCIDENT_ROLE = Qt.ItemDataRole.UserRole
GSEQ_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b3261e;"
Row = tuple[int, str, str, str]  # gseq, the heading (when, who, which incident), the text, the incident


class ShiftLogPanel(QWidget):
    """The panel ``shift_log.entries``; the desk builds it with ``ShiftLogPanel(desk)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shift_log_panel")
        self._desk = desk
        self._session = session_for(desk)
        self._span = Span.SHIFT
        self._about = ""  # the incident the entry being written concerns
        self._sending = False
        self._read_only = ""  # why this desk cannot write the log ("" while it can)
        self._rows: list[Row] | None = None

        self.this_shift = QRadioButton(self)
        self.last_day = QRadioButton(self)
        self.this_shift.setChecked(True)
        spans = QButtonGroup(self)
        for button in (self.this_shift, self.last_day):
            spans.addButton(button)
        self.this_shift.toggled.connect(self._span_switched)
        self.window_label = QLabel(self)
        self.entries = QListWidget(self)
        self.entries.setObjectName("shift_log_entries")
        self.entries.setWordWrap(True)
        self.entries.setAlternatingRowColors(True)
        self.entries.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when the panel is resized
        self.entries.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.entries.setItemDelegate(EntryDelegate(self.entries))
        self.entries.itemDoubleClicked.connect(self._open)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.about_label = QLabel(self)
        self.about_clear = QToolButton(self)
        self.about_clear.setText("×")
        self.about_clear.clicked.connect(lambda: self._set_about(""))
        self.editor = QLineEdit(self)
        self.editor.setObjectName("shift_log_editor")
        self.editor.returnPressed.connect(self.add_entry)
        self.editor.textChanged.connect(self._count)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_entry)
        self.counter = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lay_out()

        cancel = self._session.on_changed(self.refresh)
        self.destroyed.connect(lambda _object=None: cancel())
        self.retranslate()  # also disables the box at once on a desk that sends nothing
        self._set_about("")
        self._count()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.this_shift)
        header.addWidget(self.last_day)
        header.addStretch(1)
        header.addWidget(self.window_label)
        about = QHBoxLayout()
        about.addWidget(self.about_label, 1)
        about.addWidget(self.about_clear)
        about.addWidget(self.counter)
        writing = QHBoxLayout()
        writing.addWidget(self.editor, 1)
        writing.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(about)
        layout.addLayout(writing)
        layout.addWidget(self.message)

    # --- texts ----------------------------------------------------------------------------------------

    def _tr(self, text: str) -> str:
        return self._desk.tr(text)

    def retranslate(self) -> None:
        self.this_shift.setText(self._tr("This shift"))
        self.last_day.setText(self._tr("Last 24 h"))
        self.entries.setToolTip(self._tr("Newest first. Double-click an entry about an incident to select it."))
        self.editor.setPlaceholderText(self._tr("Write an entry for the shift log and press Enter"))
        self.add_button.setText(self._tr("Add"))
        self.about_clear.setToolTip(self._tr("The entry concerns no incident"))
        self._rows = None  # the texts of the rows change too
        self.refresh()
        self._set_about(self._about)
        if self._read_only:
            self._show_read_only()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the entries ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the entries of the chosen span again (they arrived, time moved on, an incident changed),
        and whether this desk may write now."""
        self._follow_read_only()
        session = self._session
        window = session.window(self._span)
        if self._span is Span.SHIFT and window.end_ms is not None:
            self.window_label.setText(f"{clock(window.start_ms, session.zone)}–{clock(window.end_ms, session.zone)}")
        else:
            self.window_label.setText(self._tr("since {time}").format(
                time=stamp(window.start_ms, session.zone, self._desk.now_ms())))
        rows = [self._row(entry) for entry in session.book.entries(window)]
        self.empty_label.setText(self._tr("No entries in this shift yet.") if self._span is Span.SHIFT
                                 else self._tr("No entries in the last 24 hours."))
        self.empty_label.setVisible(not rows)
        if rows == self._rows:
            return
        self._rows = rows
        chosen = self.entries.currentItem()
        chosen_gseq = chosen.data(GSEQ_ROLE) if chosen is not None else None
        self.entries.clear()
        for gseq, heading, text, incident in rows:
            item = QListWidgetItem(f"{heading}\n{text}")
            item.setData(HEADING_ROLE, heading)
            item.setData(BODY_ROLE, text)
            item.setData(INCIDENT_ROLE, incident)
            item.setData(GSEQ_ROLE, gseq)
            if incident:
                item.setToolTip(self._tr("Double-click to select the incident {incident} on the desk.").format(
                    incident=incident))
            self.entries.addItem(item)
            if gseq == chosen_gseq:
                self.entries.setCurrentItem(item)

    def _row(self, entry: Entry) -> Row:
        session = self._session
        heading = [stamp(entry.time_ms, session.zone, self._desk.now_ms())]
        if entry.operator:
            heading.append(entry.operator)
        if entry.incident:
            heading.append(session.incident_label(entry.incident))
        return entry.gseq, "  ·  ".join(heading), entry.text, entry.incident

    def shown_entries(self) -> list[str]:
        """The rows as shown, top to bottom (what a reader of the panel sees)."""
        return [self.entries.item(row).text() for row in range(self.entries.count())]

    def _span_switched(self) -> None:
        self._span = Span.SHIFT if self.this_shift.isChecked() else Span.DAY
        self.refresh()

    def _open(self, item: QListWidgetItem) -> None:
        incident = item.data(INCIDENT_ROLE)
        if incident:
            self._desk.selection.select_incident(str(incident))

    # --- writing ----------------------------------------------------------------------------------------

    def note_incident(self, incident_id: str) -> None:
        """Start an entry about the incident: its id, type and address in the box, the cursor after them."""
        self.editor.setFocus()
        self._follow_read_only()
        if self._sending or self._read_only:
            return
        self._set_about(incident_id)
        typed = self.editor.text().strip()
        if incident_id not in typed:
            reference = self._session.incident_reference(incident_id)
            self.editor.setText(f"{reference}: {typed}" if typed else f"{reference}: ")
        self.editor.end(False)

    def add_entry(self) -> None:
        """Enter / Add: record the box's text as an entry (it shows when the log's event comes back)."""
        self._follow_read_only()
        if self._sending or self._read_only:
            return
        text = self.editor.text().strip()
        problem = entry_problem(text)
        if problem is not None:
            self._say(self._tr(problem).format(count=f"{len(text):,}", limit=f"{MAX_TEXT:,}"), error=True)
            return
        self._set_sending(True)  # before recording: an answer may come at once
        try:
            self._desk.record(EVENT, EntryAdded(text=text), incident=self._about, on_outcome=self._on_outcome)
        except PermissionError as error:  # the desk stopped sending since the panel last looked
            self._set_sending(False)
            self._set_read_only(str(error) or self._tr("This desk cannot write to the log."))

    def _on_outcome(self, outcome: Outcome) -> None:
        self._set_sending(False)
        if outcome.accepted:
            self.editor.clear()
            self._set_about("")
            self._say("")
            return
        if outcome.code == "timeout":
            why = self._tr("Not confirmed: the hub did not answer in time, so the entry may be missing from the "
                           "log. Your text is kept: if it does not appear in the list, press Enter to send it "
                           "again.")
        else:
            why = self._tr("Not added: {reason}. Your text is kept: correct it if needed and press Enter to try "
                           "again.").format(reason=outcome.message or outcome.code)
        self._say(why, error=True)
        self.editor.setFocus()

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.editor.setReadOnly(sending)
        self.add_button.setEnabled(not sending and not self._read_only)
        if sending:
            self._say(self._tr("Sending the entry…"))

    def _follow_read_only(self) -> None:
        self._set_read_only(self._desk.read_only)

    def _set_read_only(self, why: str) -> None:
        """Disable the box with ``why`` (the text typed stays in it), or enable it again for ``""``."""
        if why == self._read_only:
            return
        self._read_only = why
        for widget in (self.editor, self.about_clear):
            widget.setEnabled(not why)
        self.add_button.setEnabled(not why and not self._sending)
        if why:
            self._show_read_only()
        else:
            self.editor.setToolTip("")
            self._say("")

    def _show_read_only(self) -> None:
        text = self._tr("{reason} The shift log can be read here, not written.").format(reason=self._read_only)
        self.editor.setToolTip(text)  # a disabled box still shows its tooltip: why it takes no text
        self._say(text)

    def _set_about(self, incident_id: str) -> None:
        self._about = incident_id
        self.about_label.setText(self._tr("About {incident}").format(
            incident=self._session.incident_label(incident_id)) if incident_id else "")
        self.about_clear.setVisible(bool(incident_id))

    def _count(self) -> None:
        count = len(self.editor.text())
        self.counter.setText(f"{count:,} / {MAX_TEXT:,}")
        self.counter.setStyleSheet(ERROR_STYLE if count > MAX_TEXT else "")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))
