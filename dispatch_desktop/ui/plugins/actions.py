"""The desk's incident actions: one registry for the built-in ones (re-rank, transfer, recall, close) and
the plugins' alike.

Each action becomes a ``QAction`` on the window (its key works anywhere in it), in the Incident menu,
and a button in the dispatch panel. Triggering it calls its handler with the selected incident (the
shared ``SelectionModel``: the dispatch panel shows that same incident). It is enabled only while an
incident is selected and its predicate (default: the incident is open) says yes, looked at again when
the selection changes, when that incident's record changes, when the desk's mode changes, and right
before the handler runs. Keys are claimed through the window's ``Keymap``: a taken key refuses the
action with ``KeyConflict`` and nothing of it is added.

The registry calls the handlers and predicates it is given as they are: the plugin loader hands it
callables already wrapped in its fault guard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dispatch_desktop.api.actions import CORE, Actions, IncidentAction
from dispatch_desktop.ui.keymap import Keymap
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Registered:
    action: IncidentAction
    owner: str  # "core" or the plugin id
    qaction: QAction


class IncidentActions(QObject):
    """See the module docstring. ``host`` is the widget the actions' keys work in (the main window)."""

    changed = Signal()  # an action was added or removed

    def __init__(self, selection: SelectionModel, model: CityModel, host: QWidget,
                 keymap: Keymap | None = None) -> None:
        super().__init__(host)
        self.setObjectName("incident_actions")
        self._selection = selection
        self._model = model
        self._host = host
        self.keymap = keymap if keymap is not None else Keymap.of(host)
        self._registered: dict[str, Registered] = {}
        self.menu = QMenu(host)
        self.menu.setObjectName("incident_menu")
        self._retitle_menu()
        selection.incidentSelected.connect(lambda _incident: self.refresh())
        model.incidentsChanged.connect(self._on_incidents_changed)
        model.modeChanged.connect(lambda _mode: self.refresh())
        host.installEventFilter(self)  # a language change reaches the host window, not this object

    # --- the registry ----------------------------------------------------------------------------------

    def add(self, action: IncidentAction, owner: str) -> QAction:
        """Register ``action`` of ``owner`` (a plugin id, or ``core``). Raises ``ValueError`` when its id is
        not ``<owner>.<name>`` or is taken, ``KeyConflict`` when its key is; nothing is added then."""
        if action.owner != owner:
            raise ValueError(f"the incident action {action.id} must be named '{owner}.<name>': "
                             f"its id has to start with the id of {_owner_text(owner)}")
        if action.id in self._registered:
            taken = self._registered[action.id]
            raise ValueError(f"there is already an incident action {action.id} (of {_owner_text(taken.owner)}); "
                             "give the new one another id")
        qaction = QAction(self)
        qaction.setObjectName(action.id)
        if action.key:
            key = self.keymap.claim(action.key, qaction, name=action.id, owner=owner, title=action.text)
            qaction.setShortcut(QKeySequence(key))
            qaction.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        qaction.triggered.connect(lambda _checked=False, action_id=action.id: self.trigger(action_id))
        self._registered[action.id] = Registered(action, owner, qaction)
        _retitle(action, qaction)
        self._host.addAction(qaction)
        self._rebuild_menu()
        self._update(self._registered[action.id], self._selection.incident)
        self.changed.emit()
        return qaction

    def owned_by(self, owner: str) -> Actions:
        """What a plugin's ``desk.actions`` is: ``add`` with the plugin as the owner."""
        return _OwnedActions(self, owner)

    def remove_owner(self, owner: str) -> None:
        """Take every action of ``owner`` away (its plugin was disabled): keys, menu entries, buttons."""
        gone = [r for r in self._registered.values() if r.owner == owner]
        for registered in gone:
            del self._registered[registered.action.id]
            self.keymap.release(registered.qaction)
            self._host.removeAction(registered.qaction)
            registered.qaction.deleteLater()
        if gone:
            self._rebuild_menu()
            self.changed.emit()

    def registered(self) -> list[Registered]:
        """Every action, the desk's own first, each group in the order it was added."""
        ordered = list(self._registered.values())
        return [r for r in ordered if r.owner == CORE] + [r for r in ordered if r.owner != CORE]

    def qaction(self, action_id: str) -> QAction:
        return self._registered[action_id].qaction

    # --- applying --------------------------------------------------------------------------------------

    def applies(self, action_id: str) -> bool:
        """Whether the action applies to the selected incident now (and its QAction says so from now on)."""
        registered = self._registered[action_id]
        return self._update(registered, self._selection.incident)

    def trigger(self, action_id: str) -> None:
        """Call the action's handler with the selected incident, if the action applies to it now."""
        incident = self._selection.incident
        if self.applies(action_id):
            self._registered[action_id].action.handler(incident)

    def refresh(self) -> None:
        """Look at every action's predicate again (the desk's mode or role changed, say)."""
        incident = self._selection.incident
        for registered in list(self._registered.values()):
            self._update(registered, incident)

    def _on_incidents_changed(self, incidents: list[str]) -> None:
        if self._selection.incident in incidents:
            self.refresh()

    def _update(self, registered: Registered, incident_id: str) -> bool:
        enabled = self._enabled(registered.action, incident_id)
        registered.qaction.setEnabled(enabled)
        return enabled

    def _enabled(self, action: IncidentAction, incident_id: str) -> bool:
        incident = self._model.state.incidents.get(incident_id) if incident_id else None
        if incident is None:
            return False
        if action.enabled is None:
            return incident.is_open
        return bool(action.enabled(incident_id))

    # --- texts -----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        """Read every title again (in the language just chosen)."""
        self._retitle_menu()
        for registered in self._registered.values():
            _retitle(registered.action, registered.qaction)

    def _retitle_menu(self) -> None:
        self.menu.setTitle(translate("IncidentActions", "&Incident"))

    def _rebuild_menu(self) -> None:
        """The desk's own actions first, then a separator and the plugins'."""
        self.menu.clear()
        registered = self.registered()
        for number, entry in enumerate(registered):
            if number and entry.owner != CORE and registered[number - 1].owner == CORE:
                self.menu.addSeparator()
            self.menu.addAction(entry.qaction)


class _OwnedActions:
    def __init__(self, registry: IncidentActions, owner: str) -> None:
        self._registry = registry
        self._owner = owner

    def add(self, action: IncidentAction) -> None:
        self._registry.add(action, self._owner)


def _retitle(action: IncidentAction, qaction: QAction) -> None:
    title = action.text()
    qaction.setText(title.replace("&", "&&"))  # a plugin's "&" is a character, not a mnemonic
    qaction.setToolTip(title)  # what the keyboard reference shows
    qaction.setStatusTip(title)


def _owner_text(owner: str) -> str:
    return "the desk" if owner == CORE else f"plugin {owner}"
