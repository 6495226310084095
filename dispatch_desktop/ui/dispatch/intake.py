"""The 110 intake form: a call becomes an incident with the keyboard alone.

F2 or Ctrl+N (anywhere in the application, once ``install_shortcuts`` ran) starts a call and puts the
cursor in the caller number. Tab walks caller number → name → location → address → type → priority →
description. Location and type complete as you type (the gazetteer; the taxonomy in Chinese and
English); Enter in them takes the first match, and a map click (``set_location_from_map``) fills the
location, the district, the station and an address. Priority follows the type and 1–4 change it. While
location and type are typed, open incidents nearby of the same kind are offered as duplicates; Alt+D
marks the call as a duplicate of the highlighted one. Enter (in a one-line field) or Ctrl+Enter submits.

Nothing typed is ever lost: a refusal from the hub or a failed send shows above the form and leaves
every field as it was; the form clears only when the hub has accepted the incident.
"""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City, Landmark, LandmarkKind
from dispatch_desktop.domain.duplicates import (
    DEFAULT_DUPLICATE_CONFIG,
    DuplicateCandidate,
    DuplicateConfig,
    find_duplicates,
)
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.intake import Location, locate, next_incident_id, normalise_phone, search_types
from dispatch_desktop.domain.taxonomy import IncidentType
from dispatch_desktop.domain.travel import format_duration
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.commands import CommandRunner, Outcome, SendCommand
from dispatch_desktop.ui.dispatch.widgets import Banner, ErrorLabel, PriorityPicker
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.retranslate import RetranslateMixin

SHORT_MAX = 200  # the events' Short fields
TEXT_MAX = 2000  # the events' Text fields
_PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
_COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 2
_LOCATION_HITS = 12
_DUPLICATE_DELAY_MS = 150


class IntakeForm(RetranslateMixin, QWidget):
    """The call-intake form. Collaborators come in: the city (gazetteer and areas), the city model
    (current state and clock), the command sender and, optionally, the shared selection, which is
    moved to each incident the hub accepts."""

    incidentCreated = Signal(str)  # id of an incident the hub accepted
    duplicateRecorded = Signal(str, str)  # (new incident id, the original it duplicates)
    activated = Signal()  # F2 / Ctrl+N: whoever holds the form should show it (raise its dock)

    def __init__(
        self,
        city: City,
        model: CityModel,
        send_command: SendCommand,
        workstation: str,
        selection: SelectionModel | None = None,
        parent: QWidget | None = None,
        *,
        duplicate_config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intake")  # names its dock in saved layouts
        if not workstation or not all(c.isalnum() or c in "_.:-" for c in workstation):
            raise ValueError(f"workstation id {workstation!r} must be letters, digits or _.:- (it goes into ids)")
        self._city = city
        self._model = model
        self._selection = selection
        self._workstation = workstation
        self._duplicate_config = duplicate_config
        self._runner = CommandRunner(send_command, self)
        self._issued: set[str] = set()
        self._call_time = 0
        self._location: Location | None = None
        self._location_text = ""  # the location field's text when it was resolved
        self._auto_address = ""  # the address we filled in, so a new location may replace it
        self._type: IncidentType | None = None
        self._type_text = ""
        self._duplicate_of = ""
        self._candidates: list[DuplicateCandidate] = []
        self._sending = False
        self._hits: list[Landmark] = []
        self._build()
        self.retranslate()
        self.reset()

    # --- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.call_label = QLabel(self)
        self.call_label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.banner = Banner(self)

        self.caller_number = QLineEdit(self)
        self.caller_number.setMaxLength(SHORT_MAX)
        self.caller_name = QLineEdit(self)
        self.caller_name.setMaxLength(SHORT_MAX)
        self.location = QLineEdit(self)
        self.location.setMaxLength(SHORT_MAX)
        self.location_info = QLabel(self)
        self.location_info.setWordWrap(True)
        self.location_info.setStyleSheet("color: #37474f;")
        self.address = QLineEdit(self)
        self.address.setMaxLength(SHORT_MAX)
        self.incident_type = QLineEdit(self)
        self.type_info = QLabel(self)
        self.type_info.setWordWrap(True)
        self.priority = PriorityPicker(self)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)

        self.errors = {name: ErrorLabel(self) for name in ("caller_number", "location", "address", "type",
                                                            "description")}
        self.duplicates = QListWidget(self)
        self.duplicates.setMaximumHeight(90)
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.clicked.connect(self.toggle_duplicate)
        self.duplicate_note = QLabel(self)
        self.duplicate_note.setStyleSheet("color: #6a1b9a; font-weight: bold;")
        self.submit_button = QPushButton(self)
        self.submit_button.setDefault(False)
        self.submit_button.clicked.connect(self.submit)
        self.discard_button = QPushButton(self)
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.discard_button.clicked.connect(self._discard)

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row_labels: dict[str, QLabel] = {}
        rows: list[tuple[str, list[QWidget]]] = [
            ("caller_number", [self.caller_number, self.errors["caller_number"]]),
            ("caller_name", [self.caller_name]),
            ("location", [self.location, self.location_info, self.errors["location"]]),
            ("address", [self.address, self.errors["address"]]),
            ("type", [self.incident_type, self.type_info, self.errors["type"]]),
            ("priority", [self.priority]),
            ("description", [self.description, self.errors["description"]]),
        ]
        for name, widgets in rows:
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            for widget in widgets:
                box.addWidget(widget)
            label = QLabel(self)
            label.setBuddy(widgets[0])
            self._row_labels[name] = label
            self._form.addRow(label, cell)

        self.duplicates_title = QLabel(self)
        self.duplicates_title.setStyleSheet("font-weight: bold;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_label)
        layout.addWidget(self.banner)
        layout.addLayout(self._form)
        layout.addWidget(self.duplicates_title)
        layout.addWidget(self.duplicates)
        dup_row = QHBoxLayout()
        dup_row.addWidget(self.duplicate_button)
        dup_row.addWidget(self.duplicate_note, 1)
        layout.addLayout(dup_row)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for first, second in ((self.caller_number, self.caller_name), (self.caller_name, self.location),
                              (self.location, self.address), (self.address, self.incident_type),
                              (self.incident_type, self.priority), (self.priority, self.description),
                              (self.description, self.duplicates), (self.duplicates, self.submit_button)):
            QWidget.setTabOrder(first, second)

        self._location_model = QStandardItemModel(self)
        self._location_completer = self._completer(self.location, self._location_model,
                                                   QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._location_completer.activated[QModelIndex].connect(self._on_place_activated)
        self._type_model = QStandardItemModel(self)
        self._type_completer = self._completer(self.incident_type, self._type_model,
                                               QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._type_completer.activated[QModelIndex].connect(self._on_type_activated)

        self.location.textEdited.connect(self._on_location_edited)
        self.location.returnPressed.connect(self._on_location_return)
        self.location.editingFinished.connect(self._resolve_location_text)
        self.incident_type.textEdited.connect(self._on_type_edited)
        self.incident_type.returnPressed.connect(self._on_type_return)
        self.incident_type.editingFinished.connect(self._resolve_type_text)
        for edit in (self.caller_number, self.caller_name, self.address):
            edit.returnPressed.connect(self.submit)
            edit.textEdited.connect(self._note_call_started)
        self.address.textEdited.connect(self._on_address_edited)
        self.caller_number.textEdited.connect(lambda _text: self.errors["caller_number"].show_message(""))
        self.description.textChanged.connect(self._on_description_changed)
        self.priority.changed.connect(lambda _value: self._note_call_started())
        self.priority.entered.connect(self.submit)

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(_DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            self._shortcut(keys, self.submit)
        self._shortcut("Alt+D", self.toggle_duplicate)
        self._shortcut("Ctrl+1", lambda: self.priority.set_value(1))
        self._shortcut("Ctrl+2", lambda: self.priority.set_value(2))
        self._shortcut("Ctrl+3", lambda: self.priority.set_value(3))
        self._shortcut("Ctrl+4", lambda: self.priority.set_value(4))
        self._model.clockTicked.connect(self._refresh_call_label)

    def _completer(self, edit: QLineEdit, model: QStandardItemModel, mode: QCompleter.CompletionMode) -> QCompleter:
        completer = QCompleter(model, self)
        completer.setWidget(edit)  # not setCompleter: we decide when it pops up and what it inserts
        completer.setCompletionMode(mode)
        completer.setCompletionRole(_COMPLETION_ROLE)
        completer.setMaxVisibleItems(10)
        return completer

    def _shortcut(self, keys: str, slot: object) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def install_shortcuts(self, window: QObject) -> list[QShortcut]:
        """F2 and Ctrl+N anywhere in the application start (or return to) a call on this form."""
        made = []
        for keys in ("F2", "Ctrl+N"):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(self.start_call)
            made.append(shortcut)
        return made

    def retranslate(self) -> None:
        names = {
            "caller_number": self.tr("Caller &number"),
            "caller_name": self.tr("Caller na&me"),
            "location": self.tr("&Location"),
            "address": self.tr("&Address"),
            "type": self.tr("Incident &type"),
            "priority": self.tr("&Priority (1–4)"),
            "description": self.tr("D&escription"),
        }
        for name, text in names.items():
            self._row_labels[name].setText(text)
        self.setWindowTitle(self.tr("110 intake"))  # a dock follows it
        self.caller_number.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.location.setPlaceholderText(self.tr("Type a place, station or district — or click the map"))
        self.address.setPlaceholderText(self.tr("Street and number, building, floor…"))
        self.incident_type.setPlaceholderText(self.tr("Type in Chinese or English, e.g. 斗殴 or fight"))
        self.description.setPlaceholderText(self.tr("What the caller says is happening"))
        self.submit_button.setText(self.tr("Create incident (Ctrl+Enter)"))
        self.discard_button.setText(self.tr("Discard call"))
        self.duplicates_title.setText(self.tr("Possible duplicates"))
        self.priority.retranslate()
        if self._type is not None:
            self._type_text = labels.incident_type_name(self._type.code)
            self.incident_type.setText(self._type_text)
        self._refresh_call_label()
        self._show_location_info()
        self._show_type_info()
        self._show_duplicates()

    # --- public actions ----------------------------------------------------------------------------

    @property
    def workstation(self) -> str:
        return self._workstation

    @property
    def duplicate_of(self) -> str:
        return self._duplicate_of

    @property
    def selected_type(self) -> IncidentType | None:
        return self._type

    @property
    def resolved_location(self) -> Location | None:
        return self._location

    def duplicate_candidates(self) -> list[str]:
        """Ids of the open incidents offered as the original of this call, most likely first."""
        return [c.incident.id for c in self._candidates]

    def start_call(self) -> None:
        """F2: a new call if the form is empty, else back to the call in progress."""
        if self.is_pristine():
            self._call_time = self._model.now_ms()
            self._refresh_call_label()
            self.banner.clear_message()
            self.caller_number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._first_empty_field().setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.activated.emit()

    def is_pristine(self) -> bool:
        return not (self.caller_number.text() or self.caller_name.text() or self.location.text()
                    or self.address.text() or self.incident_type.text() or self.description.toPlainText()
                    or self._location is not None)

    def reset(self) -> None:
        """Empty the form for the next call."""
        for edit in (self.caller_number, self.caller_name, self.location, self.address, self.incident_type):
            edit.clear()
        self.description.clear()
        self.priority.set_value(3)
        self._location = None
        self._location_text = ""
        self._auto_address = ""
        self._type = None
        self._type_text = ""
        self._duplicate_of = ""
        self._candidates = []
        self._call_time = 0
        for error in self.errors.values():
            error.show_message("")
        self._show_location_info()
        self._show_type_info()
        self._show_duplicates()
        self._refresh_call_label()

    def set_location_from_map(self, lat: float, lon: float) -> None:
        """A click on the map: the point, its district and station, and the nearest place as address."""
        self._note_call_started()
        location = locate(self._city, lat, lon)
        text = f"{lat:.5f}, {lon:.5f}"
        if location.place is not None:
            text = f"{location.place.name} ({text})"
        self.location.setText(text)
        address = self.tr("near %1").replace("%1", location.place.name) if location.place else text
        self._set_location(location, text, address)

    def submit(self) -> None:
        """Validate, then send the IncidentCreated command; the form clears when the hub accepts it."""
        if self._sending:
            return
        self._resolve_location_text()
        self._resolve_type_text()
        body = self._validated_body()
        if body is None:
            return
        self._send(body)

    def toggle_duplicate(self) -> None:
        """Alt+D: mark the call as a duplicate of the highlighted candidate, or unmark it."""
        if self._duplicate_of:
            self._duplicate_of = ""
        else:
            row = max(self.duplicates.currentRow(), 0)
            if row >= len(self._candidates):
                self.banner.info(self.tr("No open incident nearby to mark as the original."))
                return
            self._duplicate_of = self._candidates[row].incident.id
        self._show_duplicates()

    # --- location ----------------------------------------------------------------------------------

    def _on_location_edited(self, text: str) -> None:
        self._note_call_started()
        self.errors["location"].show_message("")
        self._hits = self._city.search(text, limit=_LOCATION_HITS) if text.strip() else []
        self._location_model.clear()
        for index, place in enumerate(self._hits):
            item = QStandardItem(self._place_text(place))
            item.setData(index, _PLACE_ROLE)
            item.setData(place.name, _COMPLETION_ROLE)
            self._location_model.appendRow(item)
        if self._hits:
            self._location_completer.setCompletionPrefix("")
            self._location_completer.complete()
        else:
            self._location_completer.popup().hide()

    def _place_text(self, place: Landmark) -> str:
        district = self._district_name(place.district)
        return f"{place.name}  ·  {_kind_text(place.kind)}  ·  {district}"

    def _on_place_activated(self, index: QModelIndex) -> None:
        row = index.data(_PLACE_ROLE)
        if row is not None and 0 <= int(row) < len(self._hits):
            self._pick_place(self._hits[int(row)])

    def _pick_place(self, place: Landmark) -> None:
        self.location.setText(place.name)
        location = locate(self._city, place.lat, place.lon)
        self._set_location(location, place.name, place.name)

    def _on_location_return(self) -> None:
        self._resolve_location_text()
        if self._location is not None:
            self.address.setFocus(Qt.FocusReason.TabFocusReason)

    def _resolve_location_text(self) -> None:
        text = self.location.text().strip()
        if not text or text == self._location_text:
            return
        hits = self._city.search(text, limit=1)
        if hits:
            self._pick_place(hits[0])
        else:
            self._location = None
            self._location_text = ""
            self._show_location_info()
            self.errors["location"].show_message(
                self.tr("No place matches “%1”: try another name or click the map.").replace("%1", text))

    def _set_location(self, location: Location, text: str, address: str) -> None:
        self._location = location
        self._location_text = text
        self._location_completer.popup().hide()
        if not self.address.text() or self.address.text() == self._auto_address:
            self.address.setText(address)
            self._auto_address = address
            self.errors["address"].show_message("")
        self.errors["location"].show_message("")
        self._show_location_info()
        self._duplicate_timer.start()

    def _show_location_info(self) -> None:
        location = self._location
        if location is None:
            self.location_info.setText("")
            self.location_info.hide()
            return
        station = self._station_name(location.station)
        if location.inside:
            text = self.tr("%1 · %2 · %3, %4").replace("%1", self._district_name(location.district))
            text = text.replace("%2", station)
        else:
            text = self.tr("Outside the service area · nearest station %2 · %3, %4").replace("%2", station)
        self.location_info.setText(text.replace("%3", f"{location.lat:.5f}").replace("%4", f"{location.lon:.5f}"))
        self.location_info.show()

    def _on_address_edited(self, text: str) -> None:
        self.errors["address"].show_message("")
        if text != self._auto_address:
            self._auto_address = ""

    def _district_name(self, adcode: str) -> str:
        try:
            return labels.district_name(adcode, self._city.district(adcode).name)
        except KeyError:
            return adcode

    def _station_name(self, station_id: str) -> str:
        try:
            return self._city.station(station_id).name
        except KeyError:
            return station_id or "—"

    # --- type --------------------------------------------------------------------------------------

    def _on_type_edited(self, text: str) -> None:
        self._note_call_started()
        self.errors["type"].show_message("")
        if self._type is not None:
            self._type = None
            self._show_type_info()
        self._type_model.clear()
        for kind in search_types(text):
            shown = labels.incident_type_name(kind.code)
            other = kind.name_en if shown == kind.name_zh else kind.name_zh
            item = QStandardItem(f"{shown}  ·  {other}")
            item.setData(kind.code, _PLACE_ROLE)
            item.setData(shown, _COMPLETION_ROLE)
            self._type_model.appendRow(item)
        if self._type_model.rowCount():
            self._type_completer.setCompletionPrefix("")
            self._type_completer.complete()
        else:
            self._type_completer.popup().hide()
        self._duplicate_timer.start()

    def _on_type_activated(self, index: QModelIndex) -> None:
        code = index.data(_PLACE_ROLE)
        if code:
            self._pick_type(taxonomy.incident_type(str(code)))

    def _on_type_return(self) -> None:
        self._resolve_type_text()
        if self._type is not None:
            self.priority.setFocus(Qt.FocusReason.TabFocusReason)

    def _resolve_type_text(self) -> None:
        text = self.incident_type.text().strip()
        if not text or (self._type is not None and text == self._type_text):
            return
        hits = search_types(text, limit=1)
        if hits:
            self._pick_type(hits[0])
        else:
            self._type = None
            self._show_type_info()
            self.errors["type"].show_message(
                self.tr("No incident type matches “%1”.").replace("%1", text))

    def _pick_type(self, kind: IncidentType) -> None:
        self._type = kind
        self._type_text = labels.incident_type_name(kind.code)
        self.incident_type.setText(self._type_text)
        self._type_completer.popup().hide()
        self.priority.set_value(kind.priority)
        self.errors["type"].show_message("")
        self._show_type_info()
        self._duplicate_timer.start()

    def _show_type_info(self) -> None:
        kind = self._type
        if kind is None:
            self.type_info.hide()
            return
        if kind.category is Category.NON_POLICE and kind.department is not None:
            text = self.tr("Not police business: belongs to %1. Create it, then transfer it (F7).")
            text = text.replace("%1", labels.department_name(kind.department.value))
            style = "color: #e65100; font-weight: bold;"
        else:
            text = labels.category(kind.category) + " · " + labels.priority(kind.priority)
            if kind.department is not None:
                text += " · " + self.tr("with %1").replace("%1", labels.department_name(kind.department.value))
            if kind.rapid_response:
                text += " · " + self.tr("rapid-response team first")
            style = "color: #37474f;"
        self.type_info.setText(text)
        self.type_info.setStyleSheet(style)
        self.type_info.show()

    # --- duplicates --------------------------------------------------------------------------------

    def check_duplicates(self) -> None:
        """Offer open incidents near the location of the same kind (runs shortly after each change)."""
        if self._location is None:
            self._candidates = []
        else:
            code = self._type.code if self._type is not None else ""
            found = find_duplicates(
                self._model.state.incidents.values(), self._location.lat, self._location.lon, code,
                self._call_time or self._model.now_ms(), config=self._duplicate_config,
            )
            self._candidates = found
        if self._duplicate_of and self._duplicate_of not in self.duplicate_candidates():
            self._duplicate_of = ""
        self._show_duplicates()

    def _show_duplicates(self) -> None:
        self.duplicates.clear()
        for candidate in self._candidates:
            incident = candidate.incident
            text = self.tr("%1 · %2 · %3 away · %4 ago · %5")
            for marker, value in (("%1", incident.id), ("%2", labels.incident_type_name(incident.incident_type)),
                                  ("%3", texts.distance(candidate.distance_m)),
                                  ("%4", format_duration(abs(candidate.age_s))), ("%5", incident.address)):
                text = text.replace(marker, value)
            item = QListWidgetItem(text, self.duplicates)
            if incident.id == self._duplicate_of:
                item.setForeground(Qt.GlobalColor.darkMagenta)
        has = bool(self._candidates)
        self.duplicates.setVisible(has)
        self.duplicates_title.setVisible(has)
        self.duplicate_button.setVisible(has or bool(self._duplicate_of))
        if has:
            ids = self.duplicate_candidates()
            self.duplicates.setCurrentRow(ids.index(self._duplicate_of) if self._duplicate_of in ids else 0)
        if self._duplicate_of:
            self.duplicate_button.setText(self.tr("Not a duplicate (Alt+D)"))
            self.duplicate_note.setText(self.tr("Will be recorded as a duplicate of %1 and closed.")
                                        .replace("%1", self._duplicate_of))
        else:
            target = self._candidates[0].incident.id if self._candidates else ""
            self.duplicate_button.setText(self.tr("Mark as duplicate of %1 (Alt+D)").replace("%1", target))
            self.duplicate_note.setText("")

    # --- submitting --------------------------------------------------------------------------------

    def _validated_body(self) -> ev.IncidentCreated | None:
        problems: list[tuple[str, QWidget, str]] = []
        number = normalise_phone(self.caller_number.text())
        if number is None:
            problems.append(("caller_number", self.caller_number,
                             self.tr("Enter the caller's number: 3 to 20 digits.")))
        if self._location is None:
            problems.append(("location", self.location, self.tr("Pick a place from the list or click the map.")))
        address = self.address.text().strip()
        if not address:
            problems.append(("address", self.address, self.tr("Enter the address.")))
        if self._type is None:
            problems.append(("type", self.incident_type, self.tr("Choose an incident type from the list.")))
        description = self.description.toPlainText().strip()
        if len(description) > TEXT_MAX:
            problems.append(("description", self.description,
                             self.tr("At most %1 characters.").replace("%1", str(TEXT_MAX))))
        for name, error in self.errors.items():
            error.show_message(next((text for field, _w, text in problems if field == name), ""))
        if problems:
            problems[0][1].setFocus(Qt.FocusReason.OtherFocusReason)
            self.banner.error(self.tr("Check the marked fields."))
            return None
        assert number is not None and self._location is not None and self._type is not None
        if not self._call_time:
            self._call_time = self._model.now_ms()
        kind = self._type
        non_police = kind.category is Category.NON_POLICE
        return ev.IncidentCreated(
            incident=self._allocate_id(), call_time=self._call_time, caller_number=number,
            lat=self._location.lat, lon=self._location.lon, address=address, district=self._location.district,
            station=self._location.station, incident_type=kind.code, priority=self.priority.value,
            category=kind.category,
            department=kind.department.value if non_police and kind.department is not None else "",
            caller_name=self.caller_name.text().strip(), description=description, duplicate_of=self._duplicate_of,
        )

    def _allocate_id(self) -> str:
        existing = set(self._model.state.incidents.keys()) | self._issued
        incident_id = next_incident_id(existing, self._workstation, self._call_time)
        self._issued.add(incident_id)
        return incident_id

    def _send(self, body: ev.IncidentCreated) -> None:
        self._sending = True
        self.submit_button.setEnabled(False)
        self.banner.info(self.tr("Sending %1…").replace("%1", body.incident))
        self._runner.send(body, self._on_created)

    def _on_created(self, outcome: Outcome) -> None:
        self._sending = False
        self.submit_button.setEnabled(True)
        body = outcome.body
        assert isinstance(body, ev.IncidentCreated)
        if outcome.refusal is not None and outcome.refusal.code == "incident_exists":
            # Another desk used the number meanwhile (or our state lagged): take the next one.
            self._send(msgspec.structs.replace(body, incident=self._allocate_id()))
            return
        if outcome.refusal is not None:
            self.banner.error(self.tr("The hub refused the incident: %1")
                              .replace("%1", labels.refusal_text(outcome.refusal.code, outcome.refusal.message)))
            return
        if outcome.error:
            self.banner.error(self.tr("Not sent (%1). Nothing is lost: press Ctrl+Enter to try again.")
                              .replace("%1", outcome.error))
            return
        self.reset()
        if body.duplicate_of:
            self.banner.success(self.tr("%1 recorded as a duplicate of %2.")
                                .replace("%1", body.incident).replace("%2", body.duplicate_of))
            self._runner.send(ev.IncidentClosed(incident=body.incident, disposition="duplicate",
                                                reason=f"duplicate of {body.duplicate_of}"),
                              self._on_duplicate_closed)
            if self._selection is not None:
                self._selection.select_incident(body.duplicate_of)
            self.duplicateRecorded.emit(body.incident, body.duplicate_of)
            return
        self.banner.success(self.tr("%1 created.").replace("%1", body.incident))
        if self._selection is not None:
            self._selection.select_incident(body.incident)
        self.incidentCreated.emit(body.incident)

    def _on_duplicate_closed(self, outcome: Outcome) -> None:
        if outcome.accepted:
            return
        detail = (labels.refusal_text(outcome.refusal.code, outcome.refusal.message)
                  if outcome.refusal is not None else outcome.error)
        self.banner.error(self.tr("The duplicate could not be closed: %1").replace("%1", detail))

    # --- bits --------------------------------------------------------------------------------------

    def _note_call_started(self, *_args: object) -> None:
        if not self._call_time:
            self._call_time = self._model.now_ms()
            self._refresh_call_label()

    def _on_description_changed(self) -> None:
        if self.description.toPlainText():
            self._note_call_started()
        self.errors["description"].show_message("")

    def _refresh_call_label(self, *_args: object) -> None:
        if not self._call_time:
            self.call_label.setText(self.tr("110 intake — F2 starts a call"))
            return
        elapsed = format_duration((self._model.now_ms() - self._call_time) / 1000)
        self.call_label.setText(self.tr("110 call since %1 (%2)").replace("%1", labels.clock_text(self._call_time))
                                .replace("%2", elapsed))

    def _first_empty_field(self) -> QWidget:
        for widget, filled in ((self.caller_number, self.caller_number.text()),
                               (self.location, self._location is not None),
                               (self.address, self.address.text()), (self.incident_type, self._type is not None)):
            if not filled:
                return widget
        return self.description

    def _discard(self) -> None:
        if self.is_pristine():
            return
        answer = QMessageBox.question(self, self.tr("Discard call"),
                                      self.tr("Discard everything typed for this call?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.reset()
            self.banner.clear_message()


def _kind_text(kind: LandmarkKind) -> str:
    return texts.tr(texts.PLACE_KIND[kind])
