"""The desk's key bindings as they really are, read from the live widgets, and the keymap that hands
keys out.

The keyboard reference (Help → Keyboard reference) is not a text somebody keeps up to date: it walks
the window's ``QShortcut`` and ``QAction`` objects and lists each key with the description the binding
carries (a shortcut's ``whatsThis``, an action's text or tool tip) and where it works (anywhere in the
window, or inside one panel). A binding without a description is a bug a test catches; so are two
bindings that Qt would find ambiguous (same key, overlapping places: neither would fire).

``Keymap`` is the one place a binding claims its key (one per window, ``Keymap.of(window)``): a key that
is already claimed, or already bound by a live shortcut or action of the window, where both would work is
refused with ``KeyConflict`` naming the key and both owners, so the binding that came first keeps it.
A claimed action is listed in the reference even while it is disabled (F9 closes an incident, whether
one is selected now or not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QWidget

from dispatch_desktop.api.actions import CORE, KeyConflict

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


def key_bindings(window: QWidget, *, only: str = "", keymaps: list[Keymap] | None = None) -> list[KeyBinding]:
    """Every enabled key binding in the window, and every one claimed through a keymap, in the order a
    reference lists them; with ``only`` (a key in portable text), just the bindings on that key, found
    without describing all the others (claiming a key asks this once per key). ``keymaps``: the window's
    keymaps when the caller knows them (looking them up walks the whole window)."""
    claimed = {id(claim.binding) for keymap in (keymaps if keymaps is not None else _keymaps(window))
               for claim in keymap.claims()}
    portable = QKeySequence.SequenceFormat.PortableText

    def wanted(key: QKeySequence) -> bool:
        return not key.isEmpty() and (not only or key.toString(portable) == only)

    found: list[KeyBinding] = []
    for item in window.findChildren(QShortcut):
        if item.isEnabled() and wanted(item.key()):
            found.append(_binding(item.key(), item.whatsThis(), item.context(), item.parent(), item))
    for action in window.findChildren(QAction):
        if action.isVisible() and (action.isEnabled() or id(action) in claimed):
            for key in action.shortcuts():
                if wanted(key):
                    text = action.toolTip() or action.text().replace("&", "")
                    found.append(_binding(key, text, action.shortcutContext(), _action_widget(action), action))
    if not only:
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


def portable_key(key: str) -> str:
    """``key`` as Qt writes it in portable text ("ctrl+shift+l" → "Ctrl+Shift+L"); ValueError when Qt
    does not read it as a key."""
    sequence = QKeySequence.fromString(key, QKeySequence.SequenceFormat.PortableText)
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    parts = text.split(", ")  # an unknown key comes back as an empty part ("Ctrl+K, Bogus" → "Ctrl+K, ")
    if sequence.isEmpty() or len(parts) != sequence.count() or not all(parts):
        raise ValueError(f"{key!r} is not a key Qt knows: write it like 'F10', 'Ctrl+Shift+L' or 'Alt+1'")
    return text


@dataclass(frozen=True)
class KeyClaim:
    key: str  # portable text
    title: Callable[[], str]  # what the binding does, in the current language
    owner: str  # "core" or the plugin id
    name: str  # the binding's id, e.g. "shift_log.note_incident"
    binding: QObject  # the QAction or QShortcut
    scope: QWidget | None  # where it works: None anywhere in the window, else inside this widget


class Keymap(QObject):
    """Who holds which key in one window. Every binding of the desk should ``claim`` its key here."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keymap")
        self._window = window
        self._claims: list[KeyClaim] = []

    @staticmethod
    def of(window: QWidget) -> Keymap:
        """The window's keymap, made on first use."""
        found = window.findChild(Keymap, "keymap", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, Keymap) else Keymap(window)

    def claims(self) -> list[KeyClaim]:
        return list(self._claims)

    def claim(self, key: str, binding: QObject, *, name: str, owner: str, title: str | Callable[[], str],
              scope: QWidget | None = None) -> str:
        """Give ``key`` to ``binding`` (window-wide, or only inside ``scope``) and return it in portable
        text. Raises ``KeyConflict`` when a claimed or live binding of the window already has the key where
        both would work, ``ValueError`` when Qt cannot read ``key``."""
        portable = portable_key(key)
        for held in self._claims:
            if held.key == portable and held.binding is not binding and _overlap(held.scope, scope):
                raise KeyConflict(portable, holder=held.title(), holder_owner=held.owner, claimant=name,
                                  claimant_owner=owner)
        claimed = {id(c.binding) for c in self._claims}
        for live in key_bindings(self._window, only=portable, keymaps=[self]):
            if (live.owner is not binding and id(live.owner) not in claimed
                    and _overlap(_scope_of(live.owner), scope)):
                raise KeyConflict(portable, holder=live.description or live.shown, holder_owner=_owner_of(live.owner),
                                  claimant=name, claimant_owner=owner)
        text = title if callable(title) else (lambda: title)
        self._claims.append(KeyClaim(portable, text, owner, name, binding, scope))
        return portable

    def release(self, binding: QObject) -> None:
        """Give back every key ``binding`` holds (its plugin was unloaded)."""
        self._claims = [c for c in self._claims if c.binding is not binding]


def _keymaps(window: QWidget) -> list[Keymap]:
    own = window.findChildren(Keymap)
    return [keymap for keymap in own if isinstance(keymap, Keymap)]


def _overlap(first: QWidget | None, second: QWidget | None) -> bool:
    """Whether a key bound in both places could reach both (a window-wide one reaches every panel)."""
    if first is None or second is None:
        return True
    return first is second or first.isAncestorOf(second) or second.isAncestorOf(first)


def _scope_of(binding: QObject) -> QWidget | None:
    """Where a live binding works: None for anywhere in the window, else the widget it works inside."""
    if isinstance(binding, QAction):
        where = None if binding.shortcutContext() in _GLOBAL else _action_widget(binding)
    elif isinstance(binding, QShortcut):
        where = None if binding.context() in _GLOBAL else binding.parent()
    else:
        where = None
    return where if isinstance(where, QWidget) else None


def _owner_of(binding: QObject) -> str:
    """The plugin a live binding belongs to, from the dock it lives in (a plugin's panels are named
    "<plugin id>.<name>"); the desk's own otherwise."""
    widget: QObject | None = binding
    while widget is not None:
        if isinstance(widget, QDockWidget):
            name = widget.objectName().removeprefix("dock_")
            return name.split(".", 1)[0] if "." in name else CORE
        widget = widget.parent()
    return CORE


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
