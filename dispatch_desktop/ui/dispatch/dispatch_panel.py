"""Recommend and dispatch: the selected incident, its timers, its units, and who to send next.

The ranked list (``domain.recommend``) comes up with the best unit highlighted; Enter or F5 sends the
highlighted unit, 1–9 the unit in that row. The ranking stands still while the dispatcher looks at it
(only the units' live statuses update every second); it is redone when the incident changes, after a
dispatch or recall, on F6, and every ``RERANK_INTERVAL_MS`` while the panel does not hold the keyboard
focus. F7 transfers a non-police incident to its department, F8 recalls a unit, F9 closes the
incident. Each action shows the hub's answer: accepted, or refused with the reason.

Timers (call → dispatch, dispatch → arrival, arrival → clear) tick with the city model's clock and are
coloured against their targets (overdue alerting for all incidents is the desk's, in
``controllers.overdue``). An action that cannot apply now is disabled and its key does nothing, silently;
a refusal names units by their call signs and goes away once the incident has moved on. F9 on an
incident with units still on it offers to recall them in the same step, keeping the note.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.recommend import RecommendConfig, UnitTable, recommend
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.domain.timers import incident_timers, is_rapid_type
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.commands import CommandRunner, Outcome, SendCommand
from dispatch_desktop.ui.dispatch.describe import unit_name
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.dispatch.recommend_model import RecommendationModel
from dispatch_desktop.ui.dispatch.widgets import Banner, TimerStrip, rows_tall, titled
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.keymap import describe
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.palette import INCIDENT_STATUS_COLOR, MODE_COLOR, PRIORITY_COLOR
from dispatch_desktop.ui.retranslate import RetranslateMixin

RERANK_INTERVAL_MS = 10_000
DEFAULT_PANEL_CONFIG = RecommendConfig(limit=9, include_soon_free=True)  # one number key per row
_UNIT_STEPS = ("unit_dispatched", "dispatch_ack", "arrival", "clearance", "unit_recalled")


VISIBLE_ROWS = 5  # both unit lists show at least this many rows, even on a 1366×768 screen


class DispatchPanel(RetranslateMixin, QWidget):
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
        self._build()
        self.retranslate()
        selection.incidentSelected.connect(self.show_incident)
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

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, slot in (("dispatch", self.dispatch_highlighted), ("rerank", self.rerank),
                           ("transfer", self.request_transfer), ("recall", self.request_recall),
                           ("close", self.request_close)):
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys do the work; focus stays in the list
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.department)
        layout.addWidget(self.timers)
        layout.addWidget(self.banner)
        layout.addWidget(titled(self.assigned_title, self.assigned, self))
        layout.addWidget(titled(self.recommend_title, self.table, self), 1)
        layout.addLayout(bar)

        local = Qt.ShortcutContext.WidgetWithChildrenShortcut
        window = Qt.ShortcutContext.WindowShortcut
        self._keys: dict[str, list[QShortcut]] = {}
        self._bind("dispatch", ("Return", "Enter"), self.dispatch_highlighted, local)
        self._bind("row", tuple(str(n) for n in range(1, 10)), None, local)
        self._bind("dispatch_anywhere", ("F5",), self.dispatch_highlighted, window)
        self._bind("rerank", ("F6",), self.rerank, window)
        self._bind("transfer", ("F7",), self.request_transfer, window)
        self._bind("recall", ("F8",), self.request_recall, window)
        self._bind("close", ("F9",), self.request_close, window)

    def _bind(self, name: str, keys: tuple[str, ...], slot: Callable[[], None] | None,
              context: Qt.ShortcutContext) -> None:
        made = []
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot or (lambda row=int(key) - 1: self.dispatch_row(row)))
            made.append(shortcut)
        self._keys[name] = made

    def retranslate(self) -> None:
        names = {
            "dispatch": self.tr("Dispatch (Enter/F5)"),
            "rerank": self.tr("Re-rank (F6)"),
            "transfer": self.tr("Transfer to department (F7)"),
            "recall": self.tr("Recall (F8)"),
            "close": self.tr("Close (F9)"),
        }
        for name, text in names.items():
            self.buttons[name].setText(text)
        self.setWindowTitle(self.tr("Dispatch"))  # a dock follows it
        self.assigned.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Kind"), self.tr("Status")])
        self.assigned_title.setText(self.tr("Units on this incident"))
        self.recommend_title.setText(self.tr("Recommended units — Enter sends the highlighted one, 1–9 the nth"))
        self.recommendations.retranslate()
        self.timers.retranslate()
        describe(self._keys["dispatch"], self.tr("Dispatch the highlighted unit"))
        describe(self._keys["row"], self.tr("Dispatch the unit in that row of the list"))
        describe(self._keys["dispatch_anywhere"], self.tr("Dispatch the highlighted unit (from anywhere)"))
        describe(self._keys["rerank"], self.tr("Rank the units again"))
        describe(self._keys["transfer"], self.tr("Transfer a non-police incident to its department"))
        describe(self._keys["recall"], self.tr("Recall a unit from the incident"))
        describe(self._keys["close"], self.tr("Close the incident (offers to recall units still on it)"))
        self._render()

    def set_read_only(self, reason: str) -> None:
        """A desk whose role sends nothing: every action is disabled and says why in its tool tip."""
        self._read_only = reason
        for button in self.buttons.values():
            button.setToolTip(reason)
        self._update_buttons(self.incident())

    # --- public ------------------------------------------------------------------------------------

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
        incident = self._actionable("dispatch")
        if incident is None:
            return
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
        self.recommendations.set_sending(rec.unit, True)
        self.banner.info(self.tr("Dispatching %1…").replace("%1", rec.name or rec.unit))
        order = f"o-{uuid.uuid4().hex[:16]}"
        body = ev.UnitDispatched(incident=incident.id, unit=rec.unit, order=order, operator=self._operator())
        self._runner.send(body, functools.partial(self._on_dispatched, name=rec.name or rec.unit))

    def rerank(self) -> None:
        if self.buttons["rerank"].isEnabled():
            self._rank(self._model.state, keep=self.highlighted_unit())

    def request_transfer(self) -> None:
        """F7: hand a non-police incident to the department it belongs to, with a reason."""
        incident = self._actionable("transfer")
        if incident is None:
            return
        choices = [(d.value, labels.department_name(d.value)) for d in taxonomy.Department
                   if d not in taxonomy.POLICE_DEPARTMENTS]
        current = incident.department or _type_department(incident.incident_type)

        def send(department: str, reason: str, _option: bool) -> None:
            name = labels.department_name(department)
            self._send(ev.IncidentReferred(incident=incident.id, department=department, reason=reason,
                                           operator=self._operator()),
                       self.tr("Transferred %1 to %2.").replace("%1", incident.id).replace("%2", name))

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=self.tr("Transfer to department"),
            prompt=self.tr("Transfer %1 (%2) to:").replace("%1", incident.id)
            .replace("%2", labels.incident_type_name(incident.incident_type)),
            choice_label=self.tr("Department"), choices=choices, current=current,
            reason_label=self.tr("Reason"), reason_required=True, on_accept=send,
        ))

    def request_recall(self) -> None:
        """F8: call a unit back from the incident (the highlighted one in the unit list, if any)."""
        incident = self._actionable("recall")
        if incident is None:
            return
        units = self._model.state.units
        choices = [(u, (units[u].name if u in units else u) or u) for u in incident.units]
        row = self.assigned.currentRow()
        current_item = self.assigned.item(row, 0) if row >= 0 else None
        current = str(current_item.data(Qt.ItemDataRole.UserRole)) if current_item is not None else incident.units[0]

        def send(unit: str, reason: str, _option: bool) -> None:
            name = units[unit].name if unit in units else unit
            body = ev.UnitRecalled(incident=incident.id, unit=unit, reason=reason, order=f"o-{uuid.uuid4().hex[:16]}",
                                   operator=self._operator())
            self._send(body, self.tr("Recalled %1.").replace("%1", name), rerank=True)

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=self.tr("Recall unit"), prompt=self.tr("Recall a unit from %1:").replace("%1", incident.id),
            choice_label=self.tr("Unit"), choices=choices, current=current,
            reason_label=self.tr("Reason"), reason_required=False, on_accept=send,
        ))

    def request_close(self) -> None:
        """F9: close the incident with a disposition; units still on it can be recalled in the same step."""
        incident = self._actionable("close")
        if incident is None:
            return
        choices = [(code, texts.disposition(code)) for code, _source in texts.DISPOSITIONS]
        current = incident.disposition if incident.disposition in dict(texts.DISPOSITIONS) else "resolved"
        state = self._model.state
        names = "、".join(unit_name(state, unit) for unit in incident.units)
        option = (self.tr("Also recall the %n unit(s) still on it: %1", "", len(incident.units)).replace("%1", names)
                  if incident.units else "")

        def send(disposition: str, reason: str, recall: bool) -> None:
            self._close_note[incident.id] = reason
            close = ev.IncidentClosed(incident=incident.id, disposition=disposition, reason=reason,
                                      operator=self._operator())
            if recall and incident.units:
                self._recall_then_close(incident, close)
            else:
                self._send(close, self.tr("Closed %1.").replace("%1", incident.id))

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=self.tr("Close incident"), prompt=self.tr("Close %1 as:").replace("%1", incident.id),
            choice_label=self.tr("Disposition"), choices=choices, current=current,
            reason_label=self.tr("Note"), reason_required=False, on_accept=send,
            reason=self._close_note.get(incident.id, ""), option=option, option_ticked=bool(option),
        ))

    def _recall_then_close(self, incident: Incident, close: ev.IncidentClosed) -> None:
        """Recall every unit still on the incident; once the hub accepted them all, close it."""
        pending = set(incident.units)
        failed: list[str] = []
        reason = self.tr("incident closed")
        self.banner.info(texts.tr(texts.SENDING))

        def recalled(outcome: Outcome) -> None:
            body = outcome.body
            assert isinstance(body, ev.UnitRecalled)
            pending.discard(body.unit)
            if not outcome.accepted:
                failed.append(self._outcome_text(outcome))
            if pending:
                return
            if failed:
                self._show_error(self.tr("%1 was not closed: %2").replace("%1", incident.id)
                                 .replace("%2", "; ".join(failed)))
                return
            self._send(close, self.tr("Recalled the units and closed %1.").replace("%1", incident.id))

        for unit in incident.units:
            self._runner.send(ev.UnitRecalled(incident=incident.id, unit=unit, reason=reason,
                                              order=f"o-{uuid.uuid4().hex[:16]}", operator=self._operator()),
                              recalled)

    # --- reacting ----------------------------------------------------------------------------------

    def _on_state(self, state: State) -> None:
        incident = self.incident()
        if self._error_for is not None and (incident is None or _rank_key(incident) != self._error_for):
            # The incident moved on (a unit cleared, another desk acted): the refusal no longer applies.
            self._error_for = None
            self.banner.clear_message()
        if incident is not None and self._ranked_for != _rank_key(incident):
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
        self._show_assigned(incident, state)
        self._show_timers(incident, self._model.now_ms())
        self._rank(state, keep=self.highlighted_unit())

    def _rank(self, state: State, keep: str = "") -> None:
        incident = self.incident()
        if incident is None or not incident.is_open or incident.status is IncidentStatus.CLEARED:
            rows = []
        else:
            now = self._model.now_ms()
            table = UnitTable.from_state(state, now, self._staleness)
            rows = recommend(table, incident, now, rapid_response=is_rapid_type(incident.incident_type),
                             config=self._config)
        self._ranked_for = _rank_key(incident) if incident is not None else None
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
        self._show_assigned(incident, state)
        self._show_header(incident)
        self._show_timers(incident, self._model.now_ms())

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rows = self.recommendations.rows()
        if 0 <= current.row() < len(rows):
            self._selection.select_unit(rows[current.row()].unit)

    # --- showing -----------------------------------------------------------------------------------

    def _show_header(self, incident: Incident | None) -> None:
        if incident is None:
            self.title.setText(self.tr("No incident selected — F2 takes a new call"))
            self.details.setText("")
            self.department.hide()
            return
        status_color = INCIDENT_STATUS_COLOR[incident.status]
        badge = self.tr("SIMULATION")
        simulated = (f"<span style='background:{MODE_COLOR['simulation']};color:white'>&nbsp;"
                     f"{_escape(badge)}&nbsp;</span> &nbsp;" if incident.simulated else "")
        self.title.setText(
            f"{simulated}<b>{incident.id}</b> &nbsp; "
            f"<span style='background:{PRIORITY_COLOR.get(incident.priority, '#999')};"
            f"color:white'>&nbsp;P{incident.priority}&nbsp;</span> &nbsp;"
            f"<b>{_escape(labels.incident_type_name(incident.incident_type))}</b> &nbsp;"
            f"<span style='color:{status_color}'>{_escape(labels.incident_status(incident.status))}</span>"
        )
        parts = [incident.address, self._place_of(incident)]
        caller = " ".join(p for p in (incident.caller_name, incident.caller_number) if p)
        if caller:
            parts.append(self.tr("caller %1").replace("%1", caller))
        if incident.duplicate_of:
            parts.append(self.tr("duplicate of %1").replace("%1", incident.duplicate_of))
        text = " · ".join(p for p in parts if p)
        if incident.description:
            text += "\n" + incident.description
        self.details.setText(text)
        if incident.category is Category.NON_POLICE:
            department = labels.department_name(incident.department or _type_department(incident.incident_type))
            if incident.status is IncidentStatus.REFERRED:
                self.department.setText(self.tr("Transferred to %1.").replace("%1", department))
            else:
                self.department.setText(self.tr("Not police business: belongs to %1 — transfer with F7.")
                                        .replace("%1", department))
            self.department.show()
        else:
            self.department.hide()

    def _place_of(self, incident: Incident) -> str:
        if self._city is None:
            return incident.station
        parts = []
        with contextlib.suppress(KeyError):
            district = self._city.district(incident.district)
            parts.append(labels.district_name(district.adcode, district.name))
        with contextlib.suppress(KeyError):
            parts.append(self._city.station(incident.station).short_name)
        return " ".join(parts)

    def _show_assigned(self, incident: Incident | None, state: State) -> None:
        steps: dict[str, tuple[str, int]] = {}
        if incident is not None:
            for entry in incident.timeline:
                if entry.unit and entry.kind in _UNIT_STEPS:
                    steps[entry.unit] = (entry.kind, entry.time)
        current = self.assigned.currentRow()
        self.assigned.setRowCount(len(steps))
        for row, (unit_id, (kind, time)) in enumerate(steps.items()):
            unit = state.units.get(unit_id)
            name = QTableWidgetItem(unit.name if unit is not None and unit.name else unit_id)
            name.setData(Qt.ItemDataRole.UserRole, unit_id)
            self.assigned.setItem(row, 0, name)
            self.assigned.setItem(row, 1, QTableWidgetItem(labels.unit_kind(unit.kind) if unit is not None else ""))
            self.assigned.setItem(row, 2, QTableWidgetItem(f"{texts.unit_step(kind)} {labels.clock_text(time)}"))
        if steps:
            self.assigned.setCurrentCell(min(max(current, 0), len(steps) - 1), 0)

    def _show_timers(self, incident: Incident | None, now_ms: int) -> None:
        if incident is None:
            self.timers.show_timers(None)
            return
        self.timers.show_timers(incident_timers(incident, now_ms,
                                                rapid_response=is_rapid_type(incident.incident_type)))

    def _update_buttons(self, incident: Incident | None) -> None:
        live = (incident is not None and incident.is_open and self._model.mode is not DisplayMode.REPLAY
                and not self._read_only)
        non_police = incident is not None and incident.category is Category.NON_POLICE
        self.buttons["dispatch"].setEnabled(live and bool(self.recommendations.rows()))
        self.buttons["rerank"].setEnabled(live)
        self.buttons["transfer"].setVisible(non_police)
        self.buttons["transfer"].setEnabled(live and non_police and incident is not None
                                            and incident.status is IncidentStatus.NEW)
        self.buttons["recall"].setEnabled(live and incident is not None and bool(incident.units))
        self.buttons["close"].setEnabled(live)

    # --- sending -----------------------------------------------------------------------------------

    def _actionable(self, action: str) -> Incident | None:
        """The shown incident if ``action`` applies to it now, else None: a disabled action's key does
        nothing and says nothing (its button is greyed, with a tool tip when the desk is read-only)."""
        self._update_buttons(self.incident())
        if not self.buttons[action].isEnabled() or not self.buttons[action].isVisibleTo(self):
            return None
        return self.incident()

    def _on_dispatched(self, outcome: Outcome, name: str) -> None:
        body = outcome.body
        assert isinstance(body, ev.UnitDispatched)
        self.recommendations.set_sending(body.unit, False)
        if self._report(outcome, self.tr("%1 dispatched — the hub accepted.").replace("%1", name)):
            self.dispatched.emit(body.incident, body.unit)
            if body.incident == self._incident_id:
                self._rank(self._model.state)

    def _send(self, body: ev.AnyBody, success: str, *, rerank: bool = False) -> None:
        self.banner.info(texts.tr(texts.SENDING))

        def done(outcome: Outcome) -> None:
            if self._report(outcome, success) and rerank:
                self._rank(self._model.state)
            self._render_header_only()

        self._runner.send(body, done)

    def _render_header_only(self) -> None:
        incident = self.incident()
        self._show_header(incident)
        self._update_buttons(incident)

    def _report(self, outcome: Outcome, success: str) -> bool:
        if not outcome.accepted:
            self._show_error(self._outcome_text(outcome))
            return False
        self.banner.success(success)
        return True

    def _outcome_text(self, outcome: Outcome) -> str:
        if outcome.refusal is not None:
            state = self._model.state
            text = labels.refusal_text(outcome.refusal.code, outcome.refusal.message,
                                       unit_name=lambda unit: unit_name(state, unit))
            return self.tr("Refused: %1").replace("%1", text)
        return self.tr("Not sent (%1) — try again.").replace("%1", outcome.error)

    def _show_error(self, text: str) -> None:
        """A refusal or failure about the shown incident: it stays until the incident changes."""
        incident = self.incident()
        self._error_for = _rank_key(incident) if incident is not None else None
        self.banner.error(text)

    def _open_dialog(self, make: Callable[[], ActionDialog]) -> None:
        """Closes the dialog that is open, if any, then opens the one ``make`` builds."""
        self._close_dialog()
        dialog = make()
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.active_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ActionDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
            self.focus_recommendations()
        dialog.deleteLater()

    def _close_dialog(self) -> None:
        if self.active_dialog is not None:
            self.active_dialog.reject()


def _rank_key(incident: Incident) -> tuple[str, IncidentStatus, tuple[str, ...]]:
    return (incident.id, incident.status, incident.units)


def _type_department(code: str) -> str:
    if not taxonomy.is_known(code):
        return ""
    department = taxonomy.incident_type(code).department
    return department.value if department is not None else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
