"""Recommend and dispatch: the selected incident, its timers, its units, and who to send next.

The ranked list (``domain.recommend``) comes up with the best unit highlighted; Enter or F5 sends the
highlighted unit, 1–9 the unit in that row. Forces a plugin requires for the incident (an activated
emergency plan) head the list, marked, and Ctrl+F5 sends them all (``panel_required``). The ranking
stands still while the dispatcher looks at it (only the units' live statuses update every second); it is
redone when the incident changes or its required forces do, after a dispatch or recall, on F6, and every
``RERANK_INTERVAL_MS`` while the panel does not hold the keyboard focus. F7 transfers a non-police
incident to its department, F8 recalls a unit, F9 closes the incident. Each action shows the hub's
answer: accepted, or refused with the reason.

Timers (call → dispatch, dispatch → arrival, arrival → clear) tick with the city model's clock and are
coloured against their targets (overdue alerting for all incidents is the desk's, in
``controllers.overdue``). An action that cannot apply now is disabled and its key does nothing, silently;
a refusal names units by their call signs and goes away once the incident has moved on. F9 on an
incident with units still on it offers to recall them in the same step, keeping the note.

F6–F9 are incident actions of the desk's registry (``ui.plugins.actions``), beside the plugins' own:
the panel registers them (``panel_requests``) and shows a button for every action of the registry. The
panel is given the desk's registry; a panel built on its own makes a registry of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api.actions import CORE
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import IncidentStatus
from dispatch_desktop.domain.recommend import Recommendation, RecommendConfig, Required, UnitTable, recommend, unmet
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.domain.timers import incident_timers, is_rapid_type
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.action_bar import ActionBar
from dispatch_desktop.ui.dispatch.commands import CommandRunner, SendCommand
from dispatch_desktop.ui.dispatch.describe import unit_name
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.panel_header import department_note, details_text, fill_assigned, title_html
from dispatch_desktop.ui.dispatch.panel_requests import CLOSE, RECALL, RERANK, TRANSFER, RequestsMixin, rank_key
from dispatch_desktop.ui.dispatch.panel_required import REQUIRED_KEY, RequiredMixin
from dispatch_desktop.ui.dispatch.recommend_model import RecommendationModel
from dispatch_desktop.ui.dispatch.required_forces import RequiredForces
from dispatch_desktop.ui.dispatch.widgets import Banner, TimerStrip, rows_tall, titled
from dispatch_desktop.ui.keymap import describe
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.retranslate import RetranslateMixin

RERANK_INTERVAL_MS = 10_000
DEFAULT_PANEL_CONFIG = RecommendConfig(limit=9, include_soon_free=True)  # one number key per row
VISIBLE_ROWS = 5  # both unit lists show at least this many rows, even on a 1366×768 screen


class DispatchPanel(RetranslateMixin, RequestsMixin, RequiredMixin, QWidget):
    dispatched = Signal(str, str)  # (incident id, unit id) the hub accepted

    def __init__(
        self,
        city: City | None,
        model: CityModel,
        send_command: SendCommand,
        selection: SelectionModel,
        parent: QWidget | None = None,
        *,
        config: RecommendConfig = DEFAULT_PANEL_CONFIG,
        operator: Callable[[], str] = lambda: "",
        staleness: StalenessPolicy = DEFAULT_STALENESS,
        actions: IncidentActions | None = None,
        required_forces: RequiredForces | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dispatch")  # names its dock in saved layouts
        self._city = city
        self._model = model
        self._selection = selection
        self._config = config
        self._operator = operator
        self._staleness = staleness
        self._runner = CommandRunner(send_command, self)
        self._incident_id = ""
        self._ranked_for: tuple[str, IncidentStatus, tuple[str, ...]] | None = None
        self._ranked_at = 0
        self._error_for: tuple[str, IncidentStatus, tuple[str, ...]] | None = None  # what a refusal was about
        self._close_note: dict[str, str] = {}  # incident -> the note of a close that did not go through
        self._read_only = ""
        self.active_dialog: ActionDialog | None = None
        # The desk's registry (the Incident menu, the plugins' actions), or the panel's own.
        self._actions = actions if actions is not None else IncidentActions(selection, model, self)
        # What the plugins require per incident (the desk gives its plugins this same board).
        self.required_forces = required_forces if required_forces is not None else RequiredForces(self)
        self._build()
        self._register_actions()
        self.buttons.update({name: self.action_bar.buttons[action_id] for name, action_id in (
            ("rerank", RERANK), ("transfer", TRANSFER), ("recall", RECALL), ("close", CLOSE))})
        self.retranslate()
        selection.incidentSelected.connect(self.show_incident)
        self.required_forces.changed.connect(self._on_required_changed)
        model.stateChanged.connect(self._on_state)
        model.clockTicked.connect(self._on_tick)
        if selection.incident:
            self.show_incident(selection.incident)
        else:
            self._render()

    # --- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.department = QLabel(self)
        self.department.setWordWrap(True)
        self.department.setStyleSheet("color: #e65100; font-weight: bold;")
        self.timers = TimerStrip(self)
        self.banner = Banner(self)

        self.assigned = QTableWidget(0, 3, self)
        self.assigned.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assigned.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assigned.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assigned.verticalHeader().hide()
        self.assigned.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.assigned.setMinimumHeight(rows_tall(self.assigned, VISIBLE_ROWS))
        self.assigned.setMaximumHeight(rows_tall(self.assigned, VISIBLE_ROWS + 1))
        self.assigned_title = QLabel(self)

        self.recommendations = RecommendationModel(self._city)
        self.table = QTableView(self)
        self.table.setModel(self.recommendations)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.doubleClicked.connect(lambda index: self.dispatch_row(index.row()))
        self.table.setMinimumHeight(rows_tall(self.table, VISIBLE_ROWS))
        self.recommend_title = QLabel(self)
        self.required_note = self._note_line("#e65100")  # what the amber rows are, and their key
        self.unmet = self._note_line("#c62828")  # required forces no free unit can fill

        dispatch = QPushButton(self)
        dispatch.clicked.connect(self.dispatch_highlighted)
        required = QPushButton(self)
        required.clicked.connect(self.dispatch_required)
        # The panel's own, by short name.
        self.buttons: dict[str, QPushButton] = {"dispatch": dispatch, "dispatch_required": required}
        self.action_bar = ActionBar(self._actions, [dispatch, required], self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.department)
        layout.addWidget(self.timers)
        # Plugins' sections about the incident (its station on duty, say), between the facts and the units.
        self.sections = QVBoxLayout()
        self.sections.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.sections)
        layout.addWidget(self.banner)
        layout.addWidget(titled(self.assigned_title, self.assigned, self))
        layout.addWidget(titled(self.recommend_title, self.table, self), 1)
        layout.addWidget(self.required_note)
        layout.addWidget(self.unmet)
        layout.addWidget(self.action_bar)

        self._keys: dict[str, list[QShortcut]] = {}
        self._bind("dispatch", ("Return", "Enter"), self.dispatch_highlighted, anywhere=False)
        self._bind("row", tuple(str(n) for n in range(1, 10)), None, anywhere=False)
        self._bind("dispatch_anywhere", ("F5",), self.dispatch_highlighted, anywhere=True)
        self._bind("dispatch_required", (REQUIRED_KEY,), self.dispatch_required, anywhere=True)

    def _bind(self, name: str, keys: tuple[str, ...], slot: Callable[[], None] | None, *, anywhere: bool) -> None:
        """Keys of the panel's own (not incident actions), claimed in the desk's keymap: window-wide, or
        while the keyboard is in the panel."""
        made = []
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut if anywhere
                                else Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot or (lambda row=int(key) - 1: self.dispatch_row(row)))
            self._actions.keymap.claim(key, shortcut, name=f"core.{name}", owner=CORE,
                                       title=lambda: self._key_descriptions()[name], scope=None if anywhere else self)
            made.append(shortcut)
        self._keys[name] = made

    def _key_descriptions(self) -> dict[str, str]:
        return {
            "dispatch": self.tr("Dispatch the highlighted unit"),
            "row": self.tr("Dispatch the unit in that row of the list"),
            "dispatch_anywhere": self.tr("Dispatch the highlighted unit (from anywhere)"),
            "dispatch_required": self.tr("Dispatch every required unit of the list (an emergency plan's forces)"),
        }

    def retranslate(self) -> None:
        self.buttons["dispatch"].setText(self.tr("Dispatch (Enter/F5)"))  # the actions' buttons follow them
        self.buttons["dispatch_required"].setText(self.tr("Dispatch the required forces (%1)")
                                                  .replace("%1", REQUIRED_KEY))
        self.setWindowTitle(self.tr("Dispatch"))  # a dock follows it
        self.assigned.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Kind"), self.tr("Status")])
        self.assigned_title.setText(self.tr("Units on this incident"))
        self.recommend_title.setText(self.tr("Recommended units — Enter sends the highlighted one, 1–9 the nth"))
        self.recommendations.retranslate()
        self.timers.retranslate()
        for name, text in self._key_descriptions().items():
            describe(self._keys[name], text)
        self._render()

    def _recall_offer(self, incident: Incident) -> str:
        """F9's offer to recall the units still on the incident ("" when none). Here and not with the other
        actions' texts: the translation tools see a plural only in ``self.tr`` of the panel's own class."""
        if not incident.units:
            return ""
        names = "、".join(unit_name(self._model.state, unit) for unit in incident.units)
        return self.tr("Also recall the %n unit(s) still on it: %1", "", len(incident.units)).replace("%1", names)

    def set_read_only(self, reason: str) -> None:
        """A desk whose role sends nothing: every action is disabled and says why in its tool tip."""
        self._read_only = reason
        for button in self.buttons.values():
            button.setToolTip(reason)
        self._actions.refresh()
        self._update_buttons(self.incident())

    # --- public ------------------------------------------------------------------------------------

    @property
    def incident_actions(self) -> IncidentActions:
        """The incident actions it shows: the desk's registry, or its own."""
        return self._actions

    @property
    def incident_id(self) -> str:
        return self._incident_id

    def incident(self) -> Incident | None:
        return self._model.state.incidents.get(self._incident_id) if self._incident_id else None

    def show_incident(self, incident_id: str) -> None:
        """Show ``incident_id`` (also what the shared selection does) and rank units for it."""
        if incident_id == self._incident_id:
            return
        self._incident_id = incident_id
        self._ranked_for = None
        self.banner.clear_message()
        self._close_dialog()
        self._render()
        if self._selection.incident != incident_id:
            self._selection.select_incident(incident_id)

    def focus_recommendations(self) -> None:
        """Put the keyboard in the list, on the highlighted unit: the next Enter dispatches it."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def highlighted_unit(self) -> str:
        row = self.table.currentIndex().row()
        rows = self.recommendations.rows()
        return rows[row].unit if 0 <= row < len(rows) else ""

    def dispatch_highlighted(self) -> None:
        row = self.table.currentIndex().row()
        self.dispatch_row(row if row >= 0 else 0)

    def dispatch_row(self, row: int) -> None:
        """Send the unit in ``row`` (0-based) to the incident, unless it cannot go."""
        incident = self.incident()
        self._update_buttons(incident)
        if incident is None or not self.buttons["dispatch"].isEnabled():
            return  # a disabled action does nothing and says nothing
        rows = self.recommendations.rows()
        if not 0 <= row < len(rows):
            self.banner.error(self.tr("There is no unit in row %1.").replace("%1", str(row + 1)))
            return
        rec = rows[row]
        if not self.recommendations.dispatchable(row):
            status = labels.unit_status(self.recommendations.status(row))
            self.banner.error(self.tr("%1 cannot be sent now (%2).").replace("%1", rec.name or rec.unit)
                              .replace("%2", status))
            return
        self.table.setCurrentIndex(self.recommendations.index(row, 0))
        self.banner.info(self.tr("Dispatching %1…").replace("%1", self._send_dispatch(incident, row)))

    # --- reacting ----------------------------------------------------------------------------------

    def _on_state(self, state: State) -> None:
        incident = self.incident()
        if self._error_for is not None and (incident is None or rank_key(incident) != self._error_for):
            # The incident moved on (a unit cleared, another desk acted): the refusal no longer applies.
            self._error_for = None
            self.banner.clear_message()
        if incident is not None and self._ranked_for != rank_key(incident):
            self._render()
            return
        self._refresh_live(state)

    def _on_tick(self, now_ms: int) -> None:
        incident = self.incident()
        self._show_timers(incident, now_ms)
        if (incident is not None and incident.is_open and not self.hasFocus() and not self.isAncestorOf(
                self.focusWidget()) and now_ms - self._ranked_at >= RERANK_INTERVAL_MS):
            self.rerank()

    def _render(self) -> None:
        state = self._model.state
        incident = self.incident()
        self._show_header(incident)
        fill_assigned(self.assigned, incident, state)
        self._show_timers(incident, self._model.now_ms())
        self._rank(state, keep=self.highlighted_unit())

    def _rank(self, state: State, keep: str = "") -> None:
        incident = self.incident()
        rows: list[Recommendation] = []
        missing: tuple[Required, ...] = ()
        if incident is not None and incident.is_open and incident.status is not IncidentStatus.CLEARED:
            now = self._model.now_ms()
            table = UnitTable.from_state(state, now, self._staleness)
            required = self.required_forces.for_incident(incident.id)
            rows = recommend(table, incident, now, rapid_response=is_rapid_type(incident.incident_type),
                             required=required, config=self._config)
            missing = unmet(table, incident, required)
        self._show_required(rows, missing)
        self._ranked_for = rank_key(incident) if incident is not None else None
        self._ranked_at = self._model.now_ms()
        self.recommendations.set_rows(rows)
        if rows:
            row = self.recommendations.row_of(keep) if keep else -1
            if row < 0 or not self.recommendations.dispatchable(row):
                row = next((i for i in range(len(rows)) if self.recommendations.dispatchable(i)), 0)
            self.table.selectionModel().setCurrentIndex(
                self.recommendations.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons(incident)

    def _refresh_live(self, state: State) -> None:
        units = state.units
        self.recommendations.set_live_status({r.unit: units[r.unit].status for r in self.recommendations.rows()
                                              if r.unit in units})
        incident = self.incident()
        fill_assigned(self.assigned, incident, state)
        self._show_header(incident)
        self._show_timers(incident, self._model.now_ms())

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rows = self.recommendations.rows()
        if 0 <= current.row() < len(rows):
            self._selection.select_unit(rows[current.row()].unit)

    # --- showing -----------------------------------------------------------------------------------

    def _show_header(self, incident: Incident | None) -> None:
        self.title.setText(title_html(incident))
        self.details.setText(details_text(incident, self._city))
        note = department_note(incident)
        self.department.setText(note)
        self.department.setVisible(bool(note))

    def _show_timers(self, incident: Incident | None, now_ms: int) -> None:
        if incident is None:
            self.timers.show_timers(None)
            return
        self.timers.show_timers(incident_timers(incident, now_ms,
                                                rapid_response=is_rapid_type(incident.incident_type)))

    def _update_buttons(self, incident: Incident | None) -> None:
        """The Dispatch button; the actions' buttons follow their actions (the transfer one shows only for
        non-police business)."""
        live = incident is not None and self._live(incident.id) is not None
        self.buttons["dispatch"].setEnabled(live and bool(self.recommendations.rows()))
        self._update_required_button(live)
        self.buttons["transfer"].setVisible(department_note(incident) != "")
