"""The "Duty roster" panel (值班表), ``station_duty.roster``: a station's roster for a date and shift, as
known now or as of a past moment; edited in place (saving records a ``roster_set`` event); CSV import and
export.

What it shows comes from the session (the events), never from what was typed: a saved roster shows when
its event comes back. What the dispatcher typed stays in the form until the hub stored it; a refusal or
a timeout leaves it there with the reason. It is also kept as a draft of its station, date and shift
(``drafts``, in the plugin's data folder) until it is saved or undone: switching shift or station, or
closing the desk, loses nothing, and the panel lists the shifts with unsaved drafts. Units are shown and
typed by their call sign (ids are understood too). Imports are all or nothing: any bad row, and nothing is
recorded; every problem is listed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api import DeskContext, Level, Outcome
from station_duty.roster.book import Roster
from station_duty.roster.draft_list import DraftList
from station_duty.roster.drafts import Draft, DraftKey, DraftStore
from station_duty.roster.form import RosterForm
from station_duty.roster.panel_files import RosterFiles
from station_duty.roster.session import session_for
from station_duty.roster.shifts import slot_at
from station_duty.roster.texts import origin, shift_name, shift_title

ERROR_STYLE = "color: #b3261e;"


class RosterPanel(RosterFiles, QWidget):
    """The panel ``station_duty.roster``; the desk builds it with ``RosterPanel(desk)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_duty_roster_panel")
        self._desk = desk
        self._session = session_for(desk)
        self._sending = False
        self._importing = 0  # rosters of an import still unanswered
        self.drafts = DraftStore(Path(desk.data_dir))
        self.confirm: Callable[[str], bool] = self._ask  # the tests answer for the dispatcher

        self.station = QComboBox(self)
        self.station.setEditable(True)
        self.station.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for item in self._session.stations():
            self.station.addItem(item.name, item.id)
        completer = QCompleter(self.station.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "永亭" finds 天河区永亭派出所
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.station.setCompleter(completer)
        # As narrow as the right column of a laptop's desk allows: not as wide as the longest station name.
        self.station.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.station.setMinimumContentsLength(8)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.shift = QComboBox(self)
        self.now_button = QPushButton(self)
        self.as_of = QCheckBox(self)
        self.moment = QDateTimeEdit(self)
        self.moment.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.moment.setTimeZone(QTimeZone(desk.time_zone.key.encode()))
        self.moment.setEnabled(False)
        self.slot_label = QLabel(self)
        self.origin_label = QLabel(self)
        self.origin_label.setWordWrap(True)
        self.units_label = QLabel(self)
        self.units_label.setWordWrap(True)
        self.form = RosterForm(self)
        self.draft_list = DraftList(desk, self._session.shifts, self)
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        self._lay_out()
        self._connect()
        self.retranslate()
        self.go_to_now()
        if self.drafts.problem:  # a notice in the alerts panel: it stays until read
            desk.notify(self._tr(self.drafts.problem).format(**self.drafts.problem_params), Level.WARNING)
        cancel = self._session.on_changed(self.refresh)
        self.destroyed.connect(lambda _object=None: cancel())

    def _lay_out(self) -> None:
        picking = QHBoxLayout()
        picking.addWidget(self.station, 2)
        picking.addWidget(self.day)
        picking.addWidget(self.shift)
        picking.addWidget(self.now_button)
        moment = QHBoxLayout()
        moment.addWidget(self.as_of)
        moment.addWidget(self.moment)
        moment.addStretch(1)
        buttons = QVBoxLayout()  # editing, then files: two short rows fit a narrow column
        for pair in ((self.save_button, self.revert_button), (self.import_button, self.export_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addLayout(picking)
        layout.addLayout(moment)
        layout.addWidget(self.slot_label)
        layout.addWidget(self.origin_label)
        layout.addWidget(self.form)
        layout.addWidget(self.draft_list)
        layout.addWidget(self.units_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)

    def _connect(self) -> None:
        self.station.currentIndexChanged.connect(lambda _index: self._load())
        self.day.dateChanged.connect(lambda _day: self._load())
        self.shift.currentIndexChanged.connect(lambda _index: self._load())
        self.now_button.clicked.connect(lambda _checked=False: self.go_to_now())
        self.as_of.toggled.connect(self._as_of_switched)
        self.moment.dateTimeChanged.connect(lambda _moment: self._moment_changed())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.discard_draft)
        self.form.edited.connect(self._keep_draft)
        self.draft_list.chosen.connect(self._open_draft)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)

    # --- texts ----------------------------------------------------------------------------------------

    def _tr(self, text: str) -> str:
        return self._desk.tr(text)

    def retranslate(self) -> None:
        line = self.station.lineEdit()
        if line is not None:  # the box is editable: it has one
            line.setPlaceholderText(self._tr("Station: type part of its name"))
        chosen = self.shift.currentIndex()
        self.shift.blockSignals(True)
        self.shift.clear()
        for spec in self._session.shifts:
            self.shift.addItem(shift_name(spec, self._tr, self._desk.language), spec.id)
        self.shift.setCurrentIndex(max(chosen, 0))
        self.shift.blockSignals(False)
        self.now_button.setText(self._tr("Now"))
        self.now_button.setToolTip(self._tr("The shift under way now"))
        self.as_of.setText(self._tr("As of"))
        self.as_of.setToolTip(self._tr("Show the roster as it was recorded at that moment (who was on duty "
                                       "when something happened)"))
        self.form.retranslate(self._tr)
        self.save_button.setText(self._tr("Save roster"))
        self.revert_button.setText(self._tr("Undo changes"))
        self.revert_button.setToolTip(self._tr("Discard what was typed for this shift (its draft) and show the "
                                               "roster as recorded"))
        self.import_button.setText(self._tr("Import CSV…"))
        self.export_button.setText(self._tr("Export day CSV…"))
        self.draft_list.show_drafts(self.drafts.all(), self.draft_key())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is shown -----------------------------------------------------------------------------------

    def station_id(self) -> str:
        return str(self.station.currentData() or "")

    def chosen_day(self) -> date:
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())

    def chosen_moment_ms(self) -> int | None:
        return self.moment.dateTime().toMSecsSinceEpoch() if self.as_of.isChecked() else None

    def shown_roster(self) -> Roster | None:
        station = self.station_id()
        if not station or self.shift.currentData() is None:
            return None
        return self._session.roster(station, self.chosen_day(), str(self.shift.currentData()),
                                    as_of_ms=self.chosen_moment_ms())

    def show_station(self, station_id: str, day: date | None = None, shift_id: str | None = None) -> None:
        """Choose the station (and the date and shift) to show."""
        self.station.setCurrentIndex(max(self.station.findData(station_id), 0))
        if day is not None:
            self.day.setDate(QDate(day.year, day.month, day.day))
        if shift_id is not None:
            self.shift.setCurrentIndex(max(self.shift.findData(shift_id), 0))

    def select_station(self, station_id: str) -> None:
        """The station's duty on the shift under way (a click on its area on the map)."""
        self.go_to_now(station_id)

    def go_to_now(self, station_id: str | None = None) -> None:
        """Show the shift under way now, of ``station_id`` (None: the station shown)."""
        now = slot_at(self._desk.now_ms(), self._session.shifts, self._desk.time_zone)
        self.as_of.setChecked(False)
        self.show_station(station_id or self.station_id(), now.day, now.shift.id)
        self.moment.setDateTime(QDateTime.fromMSecsSinceEpoch(self._desk.now_ms(),
                                                               QTimeZone(self._desk.time_zone.key.encode())))
        self._load()

    def _as_of_switched(self, checked: bool) -> None:
        self.moment.setEnabled(checked)
        self._moment_changed()

    def _moment_changed(self) -> None:
        moment = self.chosen_moment_ms()
        if moment is not None:  # the shift under way at that moment
            at = slot_at(moment, self._session.shifts, self._desk.time_zone)
            self.show_station(self.station_id(), at.day, at.shift.id)
        self._load()

    def draft_key(self) -> DraftKey | None:
        station, shift = self.station_id(), self.shift.currentData()
        return (station, self.chosen_day().isoformat(), str(shift)) if station and shift is not None else None

    def _load(self) -> None:
        """Show the chosen roster in the form, or the draft typed for it (never in a past moment's view)."""
        key = self.draft_key()
        draft = self.drafts.get(key) if key is not None and not self.as_of.isChecked() else None
        if draft is not None:
            self.form.restore(draft.fields, onward=draft.onward)
        else:
            self.form.dirty = False
        self._say("")
        self.refresh()
        self.draft_list.show_drafts(self.drafts.all(), key)

    def _keep_draft(self) -> None:
        key = self.draft_key()
        if key is None or self._read_only_reason():
            return
        try:
            self.drafts.put(Draft(*key, fields=self.form.values(), onward=self.form.onward.isChecked()))
        except OSError as error:
            self._say(self._tr("What you typed cannot be kept as a draft in {file}: {reason}. Save the roster "
                               "before you switch shift or close the desk.").format(
                file=self.drafts.path, reason=error.strerror or error), error=True)
        self.draft_list.show_drafts(self.drafts.all(), key)

    def discard_draft(self) -> None:
        """Forget what was typed for the shift shown and show its roster as recorded."""
        key = self.draft_key()
        if key is not None:
            self.drafts.discard(key)
        self._load()

    def _open_draft(self, key: DraftKey) -> None:
        station, day, shift = key
        self.as_of.setChecked(False)
        self.show_station(station, date.fromisoformat(day), shift)

    def refresh(self) -> None:
        """Show the chosen roster again (an event arrived, units changed); the form only when nothing
        was typed in it and nothing is being sent."""
        roster = self.shown_roster()
        if roster is None:
            return
        zone = self._desk.time_zone
        self.slot_label.setText(shift_title(roster.slot, zone, self._tr, self._desk.language))
        self.origin_label.setText(origin(roster, zone, self._tr))
        free, total = self._session.free_units(roster)
        self.units_label.setText(self._tr("{total} units on shift, {free} free now").format(total=total, free=free))
        if not self.form.dirty and not self._sending:
            self.form.fill(roster.data, self._session.call_signs())
        why = self._read_only_reason()
        self.form.set_editable(not why and not self._sending)
        self.save_button.setEnabled(not why and not self._sending)
        self.revert_button.setEnabled(not why and not self._sending)
        self.import_button.setEnabled(not self._desk.read_only and not self._importing)
        self.save_button.setToolTip(why)

    def _read_only_reason(self) -> str:
        if self._desk.read_only:
            return self._tr("{reason} Rosters can be read here, not changed.").format(reason=self._desk.read_only)
        if self.as_of.isChecked():
            return self._tr("A past moment's roster is shown; untick \"As of\" to change the roster.")
        return ""

    # --- editing ----------------------------------------------------------------------------------------

    def save(self) -> None:
        """Record the form as the roster of the chosen station and shift."""
        if self._sending or self._read_only_reason():
            return
        fields = {**self.form.values(), "station": self.station_id(), "date": self.chosen_day().isoformat(),
                  "shift": str(self.shift.currentData())}
        roster, problems = self._session.check_form(fields, self.form.label_texts(), self.form.onward.isChecked())
        if roster is None:
            self._say("\n".join(problem.text(self._tr) for problem in problems), error=True)
            return
        self._set_sending(True)
        key = self.draft_key()
        try:
            self._session.record(roster, lambda outcome: self._saved(outcome, key))
        except PermissionError as error:
            self._set_sending(False)
            self._say(str(error), error=True)

    def _saved(self, outcome: Outcome, key: DraftKey | None) -> None:
        self._set_sending(False)
        if outcome.accepted:
            if key is not None:
                self.drafts.discard(key)
            self._load()  # the shift shown now: the one saved, or another one's draft
            self._say(self._tr("Saved."))
            return
        if outcome.code == "timeout":
            why = self._tr("Not confirmed: the hub did not answer in time. What you typed is kept: if the roster "
                           "does not show as recorded, save it again.")
        else:
            why = self._tr("Not saved: {reason}. What you typed is kept: correct it and save again.").format(
                reason=outcome.message or outcome.code)
        self._say(why, error=True)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        if sending:
            self._say(self._tr("Saving the roster…"))
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))
