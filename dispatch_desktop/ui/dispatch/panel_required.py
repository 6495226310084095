"""The dispatch panel sending units: the one path every dispatch takes (Enter/F5, 1–9, Ctrl+F5: one
``unit_dispatched`` per unit through the desk's outbox, the hub's answer per unit in the banner), and the
required forces (a plugin's ``desk.require_forces``: an activated emergency plan): the required rows head
the list, marked; Ctrl+F5 (or the button) sends every required unit that can go now; a line under the list
names what no free unit can fill. A part of ``DispatchPanel`` kept in a module of its own; its texts are
the panel's.
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.recommend import Recommendation, Required
from dispatch_desktop.domain.state import Incident
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.commands import Outcome

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.panel_parts import PanelParts
else:
    PanelParts = object  # the panel's parts, named for the type checker

translate = QCoreApplication.translate  # the panel's context: these are the panel's texts

REQUIRED_KEY = "Ctrl+F5"


class RequiredMixin(PanelParts):
    """Mixed into ``DispatchPanel``."""

    def _send_dispatch(self, incident: Incident, row: int) -> str:
        """Send the unit in ``row`` (dispatchable) to ``incident`` as an order of its own; its name."""
        rec = self.recommendations.rows()[row]
        self.recommendations.set_sending(rec.unit, True)
        order = f"o-{uuid.uuid4().hex[:16]}"
        body = ev.UnitDispatched(incident=incident.id, unit=rec.unit, order=order, operator=self._operator())
        self._runner.send(body, functools.partial(self._on_dispatched, name=rec.name or rec.unit))
        return rec.name or rec.unit

    def _on_dispatched(self, outcome: Outcome, name: str) -> None:
        body = outcome.body
        assert isinstance(body, ev.UnitDispatched)
        self.recommendations.set_sending(body.unit, False)
        if self._report(outcome, translate("DispatchPanel", "%1 dispatched — the hub accepted.").replace("%1", name)):
            self.dispatched.emit(body.incident, body.unit)
            if body.incident == self.incident_id:
                self._rank(self._model.state)

    def dispatch_required(self) -> None:
        """Ctrl+F5: send every required unit in the list that can go now."""
        incident = self.incident()
        self._update_buttons(incident)
        if incident is None or not self.buttons["dispatch_required"].isEnabled():
            return  # a disabled action does nothing and says nothing
        model = self.recommendations
        rows = [row for row, rec in enumerate(model.rows()) if rec.required and model.dispatchable(row)]
        names = [self._send_dispatch(incident, row) for row in rows]
        self.banner.info(translate("DispatchPanel", "Dispatching the required forces: %1…")
                         .replace("%1", "、".join(names)))

    def _note_line(self, colour: str) -> QLabel:
        """A line under the list about the required forces (hidden while there is nothing to say)."""
        line = QLabel(self)
        line.setWordWrap(True)
        line.setStyleSheet(f"color: {colour}; font-weight: bold;")
        line.hide()
        return line

    def _update_required_button(self, live: bool) -> None:
        """Shown while the list has required rows; enabled while one of them can be sent."""
        button = self.buttons["dispatch_required"]
        button.setVisible(any(rec.required for rec in self.recommendations.rows()))
        button.setEnabled(live and self.required_ready())

    def required_ready(self) -> bool:
        """Whether a required unit in the list can be sent now."""
        model = self.recommendations
        return any(rec.required and model.dispatchable(row) for row, rec in enumerate(model.rows()))

    def _show_required(self, rows: list[Recommendation], unmet: tuple[Required, ...]) -> None:
        """Say what the amber rows are (the list's "Why" column is often scrolled out of sight) and what
        no free unit can fill."""
        reasons = dict.fromkeys(rec.reasons[0].params["reason"] for rec in rows if rec.required)
        _say(self.required_note, texts.tr(texts.REQUIRED_NOTE).format(reasons="; ".join(reasons), key=REQUIRED_KEY)
             if reasons else "")
        parts = [texts.tr(texts.UNMET_PART).format(count=need.count, kind=labels.unit_kind(need.kind),
                                                   reason=need.reason) for need in unmet]
        _say(self.unmet, texts.tr(texts.UNMET).format(missing="; ".join(parts)) if parts else "")

    def _on_required_changed(self, incident_id: str) -> None:
        if incident_id and incident_id == self.incident_id:
            self._rank(self._model.state, keep=self.highlighted_unit())


def _say(line: QLabel, text: str) -> None:
    line.setText(text)
    line.setVisible(bool(text))
