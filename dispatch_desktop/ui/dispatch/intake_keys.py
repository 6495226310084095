"""The intake form's keys: F2 / Ctrl+N (a call) and Shift+F2 (a report without a phone) anywhere in the
application; Ctrl+Enter (create), Alt+D (duplicate) and Ctrl+1–4 (priority) in the form; and what each
does, in the user's language, for the keymap. A part of ``IntakeForm`` kept in a module of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from dispatch_desktop.domain.enums import IncidentOrigin
from dispatch_desktop.ui.keymap import describe

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.intake_parts import FormParts
else:
    FormParts = object  # the form's parts, named for the type checker

translate = QCoreApplication.translate  # the form's context: these are the form's texts


class KeysMixin(FormParts):
    """Mixed into ``IntakeForm``."""

    def _make_shortcuts(self) -> None:
        self._keys: dict[str, list[QShortcut]] = {
            "submit": [self._shortcut(key, self.submit) for key in ("Ctrl+Return", "Ctrl+Enter")],
            "duplicate": [self._shortcut("Alt+D", self.toggle_duplicate)],
        }
        for value in (1, 2, 3, 4):
            self._keys[f"priority{value}"] = [self._shortcut(f"Ctrl+{value}", partial(self.priority.set_value, value))]

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def install_shortcuts(self, window: QObject, action: Callable[[], object] | None = None) -> list[QShortcut]:
        """F2 and Ctrl+N anywhere in the application: ``action`` (by default: start or return to a call
        on this form; the desk answers the ringing call first). Shift+F2: a report without a call."""
        made = []
        for keys in ("F2", "Ctrl+N"):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(action or self.start_call)
            made.append(shortcut)
        walk_in = QShortcut(QKeySequence("Shift+F2"), window)
        walk_in.setContext(Qt.ShortcutContext.ApplicationShortcut)
        walk_in.activated.connect(lambda: self.start_report(IncidentOrigin.WALK_IN))
        self._keys["start"] = made
        self._keys["report"] = [walk_in]
        self._describe_keys()
        return [*made, walk_in]

    def _describe_keys(self) -> None:
        descriptions = {
            "start": translate("IntakeForm", "Answer the next ringing 110 call, or start a call by hand (back to "
                               "the call in progress if there is one)"),
            "report": translate("IntakeForm", "Start a report without a phone call (walk-in or found by an officer)"),
            "submit": translate("IntakeForm", "Create the incident"),
            "duplicate": translate("IntakeForm",
                                   "Mark the call as a duplicate of the open incident offered (again: unmark)"),
            **{f"priority{v}": translate("IntakeForm", "Priority %1").replace("%1", str(v)) for v in (1, 2, 3, 4)},
        }
        for name, bindings in self._keys.items():
            describe(bindings, descriptions[name])
