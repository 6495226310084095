"""The panel "Plan checklist" (``emergency_plans.checklist``), docked beside the dispatch panel.

It follows the selected incident and shows each plan activated on it (title, version, who activated it when;
ended ones greyed), and under each its steps: number, text in the desk's language (mandatory ones marked
with * and bold), owner, the deadline's countdown (amber from 75 % of it, red overdue) and how the step
was done (green: by which unit's event, or by whom by hand) or escalated.

Keys while the panel has focus: 1–9 tick step n of the selected plan (the first active one when none is
selected), Enter the selected step; a ticked step is unticked instead, after a reason typed in a small
editor under the list (Esc puts it away; what was typed comes back when that step is unticked again).

Everything shown comes from ``PlansModel`` (``desk_model.model_for``): the panel refreshes when the model
says the incident's plans changed, and once a second it rewrites the countdowns in place — the rows are
built again only when the plans or steps shown change, so the selection and the scroll stay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api import DeskContext, Subscription
from emergency_plans.checklist import Activation, StepState, StepView
from emergency_plans.checklist_rows import MAX_KEYED_STEPS, ActivationRows, StepRow, activation_rows, step_cell
from emergency_plans.desk_model import model_for
from emergency_plans.model import Plan, local
from emergency_plans.plan_actions import SUGGESTED_KEY
from emergency_plans.untick_editor import UntickEditor

CHOOSE_KEY = "Ctrl+Alt+P"
"""The manifest's key of the incident action "Activate a plan…", named by the empty state (as ``SUGGESTED_KEY``)."""
COUNTDOWN_MS = 1000
COLUMNS = ("#", "Step", "Deadline")
STEP_COLUMN, DEADLINE_COLUMN = 1, 2  # the step's cell: its text, owner, how it was done, its escalation
KEY_ROLE = Qt.ItemDataRole.UserRole  # (activation id, step id, number); step "" and 0 on an activation's row
STATE_COLOURS: dict[StepState, tuple[str, str]] = {  # (background, text): readable in a light and a dark theme
    StepState.AMBER: ("#ffd966", "#3d2b00"),
    StepState.OVERDUE: ("#e06666", "#ffffff"),
    StepState.DONE: ("#b6d7a8", "#1b3d12"),
}
ENDED_TEXT = "#8a8a8a"


class PlansModelView(Protocol):
    """What the panel reads and asks of ``desk_model.PlansModel``."""

    def on_change(self, listener: Callable[[frozenset[str]], None]) -> Subscription: ...

    def suggestions(self, incident_id: str) -> list[Plan]: ...

    def activations(self, incident_id: str) -> list[Activation]: ...

    def view(self, activation_id: str) -> list[StepView]: ...

    def tick(self, activation_id: str, step_id: str, note: str = "") -> None: ...

    def untick(self, activation_id: str, step_id: str, reason: str) -> None: ...


class ChecklistPanel(QWidget):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None, *,
                 model: PlansModelView | None = None) -> None:
        super().__init__(parent)
        if model is None:
            model = model_for(desk)  # the desk's one model, shared with the map layer and the actions
        self._desk = desk
        self._model = model
        self._incident = ""
        self._shown: tuple[tuple[str, bool, tuple[str, ...]], ...] = ()  # what the rows were built for
        self._items: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []  # per activation: its row, its steps
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.message = QLabel()  # the empty state: what to do
        self.message.setWordWrap(True)
        self.error = QLabel()  # the model's refusal, in the desk's language
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold")
        self.error.hide()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # A dock beside the dispatch panel is narrow: the step's text takes what the number and the
        # countdown leave, and wraps.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STEP_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DEADLINE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())  # wrapped rows take their new height
        self.tree.installEventFilter(self)
        self.editor = UntickEditor(self)
        self.editor.reason.returnPressed.connect(self._confirm_untick)
        self.editor.confirm.clicked.connect(self._confirm_untick)
        self.editor.cancel.clicked.connect(self._cancel_untick)
        self.editor.reason.installEventFilter(self)
        self.legend = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.message, self.tree, self.error, self.editor, self.legend):
            layout.addWidget(widget)
        layout.setStretchFactor(self.tree, 1)
        self.setFocusProxy(self.tree)
        self.countdown = QTimer(self)
        self.countdown.setInterval(COUNTDOWN_MS)
        self.countdown.timeout.connect(self._tick)
        subscriptions: list[Subscription] = [
            model.on_change(self._plans_changed),
            desk.selection.on_change(self._selected),
            desk.on_change(lambda _units, incidents: self.refresh() if self._incident in incidents else None),
            desk.on_language(lambda _language: self.retranslate()),
        ]
        self.destroyed.connect(lambda _object=None: cancel_all(subscriptions))
        self.retranslate()
        self.show_incident(desk.selection.incident)

    # --- following the desk ---------------------------------------------------------------------

    def show_incident(self, incident_id: str) -> None:
        if incident_id != self._incident:
            self.editor.put_away()
            self.error.hide()
        self._incident = incident_id
        self.refresh()

    def retranslate(self) -> None:
        tr = self._desk.tr
        self.tree.setHeaderLabels([tr(text) for text in COLUMNS])
        self.legend.setText(tr("* mandatory step · keys 1–9 tick or untick a step"))
        self.editor.confirm.setText(tr("Take back the tick"))
        self.editor.cancel.setText(tr("Cancel"))
        self.editor.reason.setPlaceholderText(tr("Why is it not done?"))
        self._shown = ()  # the rows' texts are built again in the new language
        self.refresh()

    def _tick(self) -> None:
        if self.isVisible():  # a panel behind another tab is brought up to date when it is shown
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _selected(self, what: str, item_id: str) -> None:
        if what == "incident":
            self.show_incident(item_id)

    def _plans_changed(self, incidents: frozenset[str]) -> None:
        if self._incident in incidents:
            self.refresh()

    # --- showing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the incident's checklists now: rows built again only when what they list changed, the
        texts and colours of the rows there are rewritten in place."""
        rows = self._rows()
        self._set_empty_state(rows)
        shown = tuple((r.activation_id, r.active, tuple(s.step_id for s in r.steps)) for r in rows)
        if shown != self._shown:
            self._rebuild(rows)
            self._shown = shown
        for (top, children), activation in zip(self._items, rows, strict=True):
            self._write_activation(top, children, activation)
        # The clock runs only while something counts down (a desk with no plan active does no work).
        counting = any(r.active and any(s.countdown for s in r.steps) for r in rows)
        if counting and not self.countdown.isActive():
            self.countdown.start()
        elif not counting:
            self.countdown.stop()

    def _rows(self) -> list[ActivationRows]:
        desk, incident = self._desk, self._incident
        if not incident:
            return []
        state = desk.state
        record = state.incidents.get(incident)
        incident_open = record is None or record.is_open
        now = desk.now_ms()

        def unit_name(unit_id: str) -> str:
            unit = desk.state.units.get(unit_id)
            return unit.name if unit is not None and unit.name else unit_id

        return [activation_rows(activation, self._model.view(activation.id), tr=desk.tr, language=desk.language,
                                zone=desk.time_zone, now_ms=now, stopped=not (activation.active and incident_open),
                                unit_name=unit_name)
                for activation in self._model.activations(incident)]

    def _set_empty_state(self, rows: list[ActivationRows]) -> None:
        tr = self._desk.tr
        if not self._incident:
            self.title.setText("")
            text = tr("Select an incident to see the checklists of its plans.")
        else:
            record = self._desk.state.incidents.get(self._incident)  # the dock's title already says "Plan checklist"
            self.title.setText(tr("Incident {incident}: {address}").format(
                incident=self._incident, address=record.address if record is not None else "?"))
            text = "" if rows else self._no_plan_text()
        self.title.setVisible(bool(self.title.text()))
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.tree.setVisible(bool(rows))

    def _no_plan_text(self) -> str:
        tr = self._desk.tr
        suggestions = self._model.suggestions(self._incident)
        if suggestions:
            return tr("No plan active for this incident — {key} activates the suggested one: {title}.").format(
                key=SUGGESTED_KEY, title=local(suggestions[0].title, self._desk.language))
        return tr("No plan active for this incident, and none suggested — {key} chooses one from the "
                  "plan library.").format(key=CHOOSE_KEY)

    def _rebuild(self, rows: list[ActivationRows]) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, KEY_ROLE) if current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        self.tree.clear()
        self._items = []
        for activation in rows:
            top = QTreeWidgetItem([""] * len(COLUMNS))
            top.setData(0, KEY_ROLE, (activation.activation_id, "", 0))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            children = []
            for step in activation.steps:
                child = QTreeWidgetItem([""] * len(COLUMNS))
                child.setData(0, KEY_ROLE, (activation.activation_id, step.step_id, step.number))
                child.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                top.addChild(child)
                children.append(child)
            top.setExpanded(True)
            self._items.append((top, children))
            for item in (top, *children):
                if keep is not None and item.data(0, KEY_ROLE) == keep:
                    self.tree.setCurrentItem(item)
        self.tree.verticalScrollBar().setValue(scroll)

    def _write_activation(self, top: QTreeWidgetItem, children: list[QTreeWidgetItem],
                          activation: ActivationRows) -> None:
        _set_text(top, 0, f"{activation.heading}\n{activation.byline}")
        _set_colours(top, None if activation.active else QColor(ENDED_TEXT), None)
        for child, step in zip(children, activation.steps, strict=True):
            self._write_step(child, step, activation.active)

    def _write_step(self, item: QTreeWidgetItem, step: StepRow, active: bool) -> None:
        tr = self._desk.tr
        _set_text(item, 0, str(step.number))
        _set_text(item, STEP_COLUMN, step_cell(step))
        _set_text(item, DEADLINE_COLUMN, step.countdown or ("" if step.done else "—"))
        item.setToolTip(STEP_COLUMN, tr("Mandatory step") if step.mandatory else tr("Optional step"))
        colours = STATE_COLOURS.get(step.state)
        if not active:
            _set_colours(item, QColor(ENDED_TEXT), None)
        elif colours is None:
            _set_colours(item, None, None)
        else:
            _set_colours(item, QColor(colours[1]), QColor(colours[0]))

    # --- keys and commands ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.editor.reason:
            if key == Qt.Key.Key_Escape:
                self._cancel_untick()
                return True
            return False
        if watched is not self.tree or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.toggle_step(int(key) - int(Qt.Key.Key_0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            activation, step_id, number = self._current()
            if step_id:
                self._toggle(activation, step_id, number)
                return True
        return False

    def toggle_step(self, number: int) -> None:
        """Key ``number``: tick step ``number`` of the selected checklist (or the first active one), or
        ask why its tick is taken back."""
        activation = self._current()[0]
        if not activation:
            active = [a for a in self._model.activations(self._incident) if a.active]
            activation = active[0].id if active else ""
        views = self._model.view(activation) if activation else []
        if not 1 <= number <= min(len(views), MAX_KEYED_STEPS):
            self._show_error(self._desk.tr("This checklist has no step {n}.").format(n=number))
            return
        self._toggle(activation, views[number - 1].step.id, number)

    def _current(self) -> tuple[str, str, int]:
        """(activation id, step id, step number) of the selected row; ("", "", 0) when none is."""
        current = self.tree.currentItem()
        data = current.data(0, KEY_ROLE) if current is not None else None
        return (str(data[0]), str(data[1]), int(data[2])) if isinstance(data, tuple) else ("", "", 0)

    def _toggle(self, activation: str, step_id: str, number: int) -> None:
        view = next((v for v in self._model.view(activation) if v.step.id == step_id), None)
        if view is not None and view.tick is not None:
            self.error.hide()
            self.editor.open((activation, step_id), self._desk.tr(
                "Why is step {n} ({step}) not done? The tick is taken back with your reason.").format(
                    n=number, step=local(view.step.text, self._desk.language)))
            return
        self._command(lambda: self._model.tick(activation, step_id))

    def _confirm_untick(self) -> None:
        target, reason = self.editor.target, self.editor.reason.text().strip()
        if target is None or not reason:
            return
        if self._command(lambda: self._model.untick(target[0], target[1], reason)):
            self.editor.done()
            self.tree.setFocus()

    def _cancel_untick(self) -> None:
        self.editor.put_away()
        self.tree.setFocus()

    def _command(self, command: Callable[[], None]) -> bool:
        """Run a command of the model; its refusal (a sentence in the desk's language) is shown here."""
        try:
            command()
        except ValueError as refusal:  # PlanError: read-only desk, step unknown, plan ended …
            self._show_error(str(refusal))
            return False
        self.error.hide()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _set_text(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.text(column) != text:  # an unchanged row is not repainted
        item.setText(column, text)


def _set_colours(item: QTreeWidgetItem, text: QColor | None, background: QColor | None) -> None:
    for column in range(len(COLUMNS)):
        foreground = QBrush(text) if text is not None else QBrush()
        fill = QBrush(background) if background is not None else QBrush()
        if item.foreground(column) != foreground:
            item.setForeground(column, foreground)
        if item.background(column) != fill:
            item.setBackground(column, fill)


def cancel_all(subscriptions: list[Subscription]) -> None:
    # Not a method: by the time ``destroyed`` is emitted the panel's Python side is gone.
    for subscription in subscriptions:
        subscription.cancel()
