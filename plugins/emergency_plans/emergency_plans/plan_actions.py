"""The plugin's incident actions: activate the suggested plan, activate a plan chosen from the library,
export the plan report. Handlers never block the desk: the dialogs open modeless-fast (``open()``) and
act when answered. A command the model refuses is told to the dispatcher in its own sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from dispatch_desktop.api import DeskContext, Level
from emergency_plans.desk_model import PlanError, model_for
from emergency_plans.model import local
from emergency_plans.plan_chooser import PlanChooser

SUGGESTED_KEY = "Ctrl+Shift+P"
"""The key of "Activate the suggested plan" (the manifest's; the dispatch section names it)."""

_dialogs: dict[int, QDialog] = {}  # the dialog each desk has open (one at a time), kept alive while open


def open_dialog(desk: DeskContext) -> QDialog | None:
    """The chooser or file dialog open on ``desk`` (tests reach it here)."""
    return _dialogs.get(id(desk))


def _keep(desk: DeskContext, dialog: QDialog) -> None:
    previous = _dialogs.pop(id(desk), None)
    if previous is not None:
        previous.close()
    _dialogs[id(desk)] = dialog
    dialog.finished.connect(lambda _result: _dialogs.pop(id(desk)) if _dialogs.get(id(desk)) is dialog else None)


def close_dialogs() -> None:
    for dialog in list(_dialogs.values()):
        dialog.close()
    _dialogs.clear()


def _told(command: Callable[[], None]) -> str:
    """Run a model command; "" when done, else the model's refusal, a sentence for the dispatcher."""
    try:
        command()
    except PlanError as refusal:
        return str(refusal)
    return ""


def _run(desk: DeskContext, command: Callable[[], None], done: str) -> None:
    """Run a model command from an action: ``done`` in the status bar, or the refusal in the alerts panel."""
    why = _told(command)
    desk.notify(why or done, Level.WARNING if why else Level.INFO)


def can_activate_suggested(desk: DeskContext, incident_id: str) -> bool:
    return not desk.read_only and bool(model_for(desk).suggestions(incident_id))


def activate_suggested(desk: DeskContext, incident_id: str) -> None:
    suggestions = model_for(desk).suggestions(incident_id)
    if not suggestions:
        desk.notify(desk.tr("No plan is suggested for incident {incident}.").format(incident=incident_id),
                    Level.WARNING)
        return
    _run(desk, lambda: model_for(desk).activate(incident_id, suggestions[0].id),
         desk.tr("Plan activated: {plan}").format(plan=local(suggestions[0].title, desk.language)))


def can_choose_plan(desk: DeskContext, incident_id: str) -> bool:
    return not desk.read_only and incident_id in desk.state.incidents and bool(model_for(desk).plans())


def choose_plan(desk: DeskContext, incident_id: str) -> None:
    model = model_for(desk)
    suggested = [plan.id for plan in model.suggestions(incident_id)]
    chooser = PlanChooser(model.plans(), suggested, desk.language, desk.tr,
                          lambda plan_id: _told(lambda: model.activate(incident_id, plan_id)),
                          QApplication.activeWindow())
    _keep(desk, chooser)
    chooser.open()
    chooser.filter.setFocus()


def can_export_report(desk: DeskContext, incident_id: str) -> bool:
    return bool(model_for(desk).activations(incident_id))


def export_report(desk: DeskContext, incident_id: str) -> None:
    activations = model_for(desk).activations(incident_id)
    if not activations:
        desk.notify(desk.tr("No plan was activated on incident {incident}.").format(incident=incident_id),
                    Level.WARNING)
        return
    activation = activations[0]
    html_filter, csv_filter = desk.tr("Web page (*.html)"), desk.tr("Spreadsheet (*.csv)")
    dialog = QFileDialog(QApplication.activeWindow(), desk.tr("Export the plan report"),
                         str(Path.home() / f"plan-report-{incident_id}.html"), f"{html_filter};;{csv_filter}")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)

    def chosen(path: str) -> None:
        csv = path.lower().endswith(".csv") or (dialog.selectedNameFilter() == csv_filter
                                                and not path.lower().endswith(".html"))
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".csv" if csv else ".html")
        fmt: Literal["html", "csv"] = "csv" if csv else "html"
        _run(desk, lambda: model_for(desk).export_report(activation.id, target, fmt),
             desk.tr("Plan report written to {path}").format(path=str(target)))

    dialog.fileSelected.connect(chosen)
    _keep(desk, dialog)
    dialog.open()
