"""The dispatch panel's incident actions — re-rank (F6), transfer (F7), recall (F8), close (F9) — registered
in the desk's incident-action registry like a plugin's, and what each does: a dialog, the command, the
hub's answer in the banner (for a dispatch too). An action that does not apply now (no open incident, a
replay, a read-only desk, nothing to recall, police business for a transfer) is disabled: its key and
button do nothing. A part of ``DispatchPanel`` kept in a module of its own; its texts are the panel's.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from dispatch_desktop.api.actions import CORE, IncidentAction
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import Category, IncidentStatus
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.commands import Outcome
from dispatch_desktop.ui.dispatch.describe import unit_name
from dispatch_desktop.ui.dispatch.dialogs import ActionDialog
from dispatch_desktop.ui.display_mode import DisplayMode

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.panel_parts import PanelParts
else:
    PanelParts = object  # the panel's parts, named for the type checker

translate = QCoreApplication.translate  # the panel's context: these are the panel's texts

RERANK, TRANSFER, RECALL, CLOSE = "core.rerank", "core.transfer", "core.recall", "core.close"


class RequestsMixin(PanelParts):
    """Mixed into ``DispatchPanel``."""

    def _register_actions(self) -> None:
        """The panel's four incident actions, in the order of their buttons."""
        titles = {  # read again on a language change
            RERANK: lambda: translate("DispatchPanel", "Re-rank units"),
            TRANSFER: lambda: translate("DispatchPanel", "Transfer to department"),
            RECALL: lambda: translate("DispatchPanel", "Recall a unit"),
            CLOSE: lambda: translate("DispatchPanel", "Close the incident"),
        }
        applicable: tuple[tuple[str, str, Callable[[str], Incident | None], Callable[[], None]], ...] = (
            (RERANK, "F6", self._live, self.rerank),
            (TRANSFER, "F7", self._transferable, self.request_transfer),
            (RECALL, "F8", self._recallable, self.request_recall),
            (CLOSE, "F9", self._live, self.request_close),
        )
        for action_id, key, applies, request in applicable:
            self._actions.add(IncidentAction(
                id=action_id, title=titles[action_id], key=key,
                enabled=functools.partial(_applies, applies),
                handler=functools.partial(self._on_action, request=request),
            ), CORE)

    # --- when each applies -----------------------------------------------------------------------------

    def _live(self, incident_id: str) -> Incident | None:
        """The incident, if it is open and this desk may act on it now (not a replay, not read-only)."""
        incident = self._model.state.incidents.get(incident_id) if incident_id else None
        if incident is None or not incident.is_open or self._model.mode is DisplayMode.REPLAY or self._read_only:
            return None
        return incident

    def _transferable(self, incident_id: str) -> Incident | None:
        incident = self._live(incident_id)
        if incident is None or incident.category is not Category.NON_POLICE:
            return None
        return incident if incident.status is IncidentStatus.NEW else None

    def _recallable(self, incident_id: str) -> Incident | None:
        incident = self._live(incident_id)
        return incident if incident is not None and incident.units else None

    def _on_action(self, incident_id: str, request: Callable[[], None]) -> None:
        if incident_id != self.incident_id:
            self.show_incident(incident_id)
        request()

    def _applicable(self, action_id: str) -> Incident | None:
        """The shown incident if the action applies to it now, else None: a disabled action does nothing
        and says nothing (its button is greyed, with a tool tip when the desk is read-only)."""
        return self.incident() if self._actions.applies(action_id) else None

    # --- what each does --------------------------------------------------------------------------------

    def rerank(self) -> None:
        """F6: rank the units again for the shown incident."""
        if self._live(self.incident_id) is not None:
            self._rank(self._model.state, keep=self.highlighted_unit())

    def request_transfer(self) -> None:
        """F7: hand a non-police incident to the department it belongs to, with a reason."""
        incident = self._applicable(TRANSFER)
        if incident is None:
            return
        choices = [(d.value, labels.department_name(d.value)) for d in taxonomy.Department
                   if d not in taxonomy.POLICE_DEPARTMENTS]
        current = incident.department or type_department(incident.incident_type)

        def send(department: str, reason: str, _option: bool) -> None:
            name = labels.department_name(department)
            self._send(ev.IncidentReferred(incident=incident.id, department=department, reason=reason,
                                           operator=self._operator()),
                       translate("DispatchPanel", "Transferred %1 to %2.").replace("%1", incident.id)
                       .replace("%2", name))

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=translate("DispatchPanel", "Transfer to department"),
            prompt=translate("DispatchPanel", "Transfer %1 (%2) to:").replace("%1", incident.id)
            .replace("%2", labels.incident_type_name(incident.incident_type)),
            choice_label=translate("DispatchPanel", "Department"), choices=choices, current=current,
            reason_label=translate("DispatchPanel", "Reason"), reason_required=True, on_accept=send,
        ))

    def request_recall(self) -> None:
        """F8: call a unit back from the incident (the highlighted one in the unit list, if any)."""
        incident = self._applicable(RECALL)
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
            self._send(body, translate("DispatchPanel", "Recalled %1.").replace("%1", name), rerank=True)

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=translate("DispatchPanel", "Recall unit"),
            prompt=translate("DispatchPanel", "Recall a unit from %1:").replace("%1", incident.id),
            choice_label=translate("DispatchPanel", "Unit"), choices=choices, current=current,
            reason_label=translate("DispatchPanel", "Reason"), reason_required=False, on_accept=send,
        ))

    def request_close(self) -> None:
        """F9: close the incident with a disposition; units still on it can be recalled in the same step."""
        incident = self._applicable(CLOSE)
        if incident is None:
            return
        choices = [(code, texts.disposition(code)) for code, _source in texts.DISPOSITIONS]
        current = incident.disposition if incident.disposition in dict(texts.DISPOSITIONS) else "resolved"
        option = self._recall_offer(incident)

        def send(disposition: str, reason: str, recall: bool) -> None:
            self._close_note[incident.id] = reason
            close = ev.IncidentClosed(incident=incident.id, disposition=disposition, reason=reason,
                                      operator=self._operator())
            if recall and incident.units:
                self._recall_then_close(incident, close)
            else:
                self._send(close, translate("DispatchPanel", "Closed %1.").replace("%1", incident.id))

        self._open_dialog(functools.partial(
            ActionDialog, self,
            title=translate("DispatchPanel", "Close incident"),
            prompt=translate("DispatchPanel", "Close %1 as:").replace("%1", incident.id),
            choice_label=translate("DispatchPanel", "Disposition"), choices=choices, current=current,
            reason_label=translate("DispatchPanel", "Note"), reason_required=False, on_accept=send,
            reason=self._close_note.get(incident.id, ""), option=option, option_ticked=bool(option),
        ))

    def _recall_then_close(self, incident: Incident, close: ev.IncidentClosed) -> None:
        """Recall every unit still on the incident; once the hub accepted them all, close it."""
        pending = set(incident.units)
        failed: list[str] = []
        reason = translate("DispatchPanel", "incident closed")
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
                self._show_error(translate("DispatchPanel", "%1 was not closed: %2").replace("%1", incident.id)
                                 .replace("%2", "; ".join(failed)))
                return
            self._send(close, translate("DispatchPanel", "Recalled the units and closed %1.")
                       .replace("%1", incident.id))

        for unit in incident.units:
            self._runner.send(ev.UnitRecalled(incident=incident.id, unit=unit, reason=reason,
                                              order=f"o-{uuid.uuid4().hex[:16]}", operator=self._operator()),
                              recalled)

    # --- sending, and the hub's answer ---------------------------------------------------------------

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
            return translate("DispatchPanel", "Refused: %1").replace("%1", text)
        return translate("DispatchPanel", "Not sent (%1) — try again.").replace("%1", outcome.error)

    def _show_error(self, text: str) -> None:
        """A refusal or failure about the shown incident: it stays until the incident changes."""
        incident = self.incident()
        self._error_for = rank_key(incident) if incident is not None else None
        self.banner.error(text)

    # --- the dialog ------------------------------------------------------------------------------------

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


def _applies(applicable: Callable[[str], Incident | None], incident_id: str) -> bool:
    return applicable(incident_id) is not None


def rank_key(incident: Incident) -> tuple[str, IncidentStatus, tuple[str, ...]]:
    """What the ranking (and a refusal) was about: the incident, its status and the units on it."""
    return (incident.id, incident.status, incident.units)


def type_department(code: str) -> str:
    """The department an incident type belongs to ("" for police business or an unknown type)."""
    if not taxonomy.is_known(code):
        return ""
    department = taxonomy.incident_type(code).department
    return department.value if department is not None else ""
