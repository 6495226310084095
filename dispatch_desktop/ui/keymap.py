"""The desk's key bindings as they really are, read from the live widgets.

The keyboard reference (Help → Keyboard reference) is not a text somebody keeps up to date: it walks
the window's ``QShortcut`` and ``QAction`` objects and lists each key with the description the binding
carries (a shortcut's ``whatsThis``, an action's text or tool tip) and where it works (anywhere in the
window, or inside one panel). A binding without a description is a bug a test catches; so are two
bindings that Qt would find ambiguous (same key, overlapping places: neither would fire).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QWidget

_GLOBAL = (Qt.ShortcutContext.ApplicationShortcut, Qt.ShortcutContext.WindowShortcut)


@dataclass(frozen=True)
class KeyBinding:
    key: str  # portable text, e.g. "Ctrl+Return"
    shown: str  # as the platform writes it
    description: str
    place: str  # the panel it works in; "" when it works anywhere in the window
    owner: QObject

    @property
    def anywhere(self) -> bool:
        return not self.place


def describe(bindings: Iterable[QShortcut], text: str) -> None:
    """Say what these shortcuts do, in the current language (call it again on a language change)."""
    for binding in bindings:
        binding.setWhatsThis(text)


def key_bindings(window: QWidget) -> list[KeyBinding]:
    """Every enabled key binding in the window, in the order a reference lists them."""
    found: list[KeyBinding] = []
    for item in window.findChildren(QShortcut):
        if item.isEnabled() and not item.key().isEmpty():
            found.append(_binding(item.key(), item.whatsThis(), item.context(), item.parent(), item))
    for action in window.findChildren(QAction):
        if action.isEnabled() and action.isVisible():
            for key in action.shortcuts():
                text = action.toolTip() or action.text().replace("&", "")
                found.append(_binding(key, text, action.shortcutContext(), _action_widget(action), action))
    found.sort(key=lambda b: (not b.anywhere, b.place, _key_order(b.key)))
    return found


def conflicts(bindings: list[KeyBinding]) -> list[tuple[KeyBinding, KeyBinding]]:
    """Pairs that Qt would find ambiguous: the same key where both work (anywhere, or the same panel)."""
    clashes = []
    for number, first in enumerate(bindings):
        for second in bindings[number + 1:]:
            if first.key == second.key and first.owner is not second.owner and (
                    first.anywhere or second.anywhere or first.place == second.place):
                clashes.append((first, second))
    return clashes


def _binding(key: QKeySequence, text: str, context: Qt.ShortcutContext, parent: QObject | None,
             owner: QObject) -> KeyBinding:
    place = "" if context in _GLOBAL else _place_of(parent)
    return KeyBinding(key.toString(QKeySequence.SequenceFormat.PortableText),
                      key.toString(QKeySequence.SequenceFormat.NativeText), text, place, owner)


def _action_widget(action: QAction) -> QObject | None:
    widgets = action.associatedObjects()
    return next((w for w in widgets if isinstance(w, QWidget)), action.parent())


def _place_of(widget: QObject | None) -> str:
    """The title of the dock (panel) the widget lives in."""
    while widget is not None:
        if isinstance(widget, QDockWidget):
            return widget.windowTitle()
        widget = widget.parent()
    return ""


def _key_order(key: str) -> tuple[int, str]:
    # F-keys first in their natural order, then the rest alphabetically.
    if key.startswith("F") and key[1:].isdigit():
        return (0, f"{int(key[1:]):02d}")
    return (1, key)
