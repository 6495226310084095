"""What a plugin's panel shows once the plugin was stopped: what went wrong, and the traceback. The same
rendering of faults serves the plugin manager's details.

A fault names where it happened as the host does (``activate``, ``import shift_log.plugin``, ``panel
shift_log.entries``): these words are translated here for the operator, the identifiers kept as they are.
The exception's own line and the traceback stay as Python wrote them (they are for whoever fixes the
plugin), wrapped so that they read without scrolling sideways in a narrow dock.
"""

from __future__ import annotations

import html
import re
import time

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.plugins import guard as guard_module
from dispatch_desktop.ui.plugins.guard import Fault

# Where the host calls into a plugin (the ``what`` of ``PluginGuard.call``): a fixed name, or a prefix
# followed by an identifier.
_PLACES = {
    "activate": QT_TRANSLATE_NOOP("Plugins", "activate hook"),
    "deactivate": QT_TRANSLATE_NOOP("Plugins", "deactivate hook"),
    "event listener": QT_TRANSLATE_NOOP("Plugins", "event listener"),
    "on_change listener": QT_TRANSLATE_NOOP("Plugins", "change listener"),
    "event schemas": QT_TRANSLATE_NOOP("Plugins", "event schemas"),
    "hook registration": QT_TRANSLATE_NOOP("Plugins", "hook registration"),
    "settings schema": QT_TRANSLATE_NOOP("Plugins", "settings schema"),
    "translations": QT_TRANSLATE_NOOP("Plugins", "translations"),
}
_PLACE_PREFIXES = {
    "import ": QT_TRANSLATE_NOOP("Plugins", "import of {id}"),
    "panel ": QT_TRANSLATE_NOOP("Plugins", "panel {id}"),
    "map layer ": QT_TRANSLATE_NOOP("Plugins", "map layer {id}"),
    "incident action ": QT_TRANSLATE_NOOP("Plugins", "incident action {id}"),
    "enabled of ": QT_TRANSLATE_NOOP("Plugins", "enabled check of {id}"),
}
_HELD = re.compile(r"^held the desk for (\d+) ms")
# Frames of the host's own machinery at the top of a plugin's traceback: the guard's call and importlib.
_HOST_FRAME = re.compile(r'^  File "(<frozen importlib\.|.*/importlib/__init__\.py"|'
                         + re.escape(guard_module.__file__) + ")")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Plugins", text)


def fault_place(fault: Fault) -> str:
    """Where the plugin failed, in the desk's language (the host's own words when it is not a known place)."""
    if fault.what in _PLACES:
        return _tr(_PLACES[fault.what])
    for prefix, text in _PLACE_PREFIXES.items():
        if fault.what.startswith(prefix):
            return _tr(text).format(id=fault.what[len(prefix):])
    return fault.what


def fault_message(fault: Fault) -> str:
    """What went wrong: the exception as Python names it, or how long the plugin held the desk."""
    held = _HELD.match(fault.message)
    if held is None:
        return fault.message
    return QCoreApplication.translate("Plugins", "held the desk for {held} ms (the limit is {limit} ms)").format(
        held=held.group(1), limit=f"{guard_module.HOLD_LIMIT_MS:.0f}")


def fault_summary(fault: Fault) -> str:
    """One line for a status bar or an alert: where, and what went wrong."""
    return QCoreApplication.translate("Plugins", "{place}: {message}").format(
        place=fault_place(fault), message=fault_message(fault))


def plugin_traceback(details: str) -> str:
    """The traceback without the host's frames above the plugin's own (the guard's call, importlib's
    machinery), which every fault shares and which hide the lines that matter."""
    kept: list[str] = []
    skipping = False
    for line in details.splitlines():
        if line.startswith("  File "):
            skipping = bool(_HOST_FRAME.match(line))
        elif not line.startswith("    "):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def faults_html(faults: list[Fault]) -> str:
    """The faults, newest first; a traceback the same as the one shown just before is not repeated."""
    parts: list[str] = []
    shown = ""
    for fault in reversed(faults):
        when = time.strftime("%H:%M:%S", time.localtime(fault.at))
        parts.append(f"<p><b>{when}</b> — {html.escape(fault_place(fault))}<br>"
                     f"<code>{html.escape(fault_message(fault))}</code></p>")
        details = plugin_traceback(fault.details).strip()
        if details and details != shown:
            # pre-wrap: a long line wraps in a narrow dock instead of hiding behind a sideways scroll bar.
            parts.append(f"<pre style='white-space: pre-wrap; font-size: small'>{html.escape(details)}</pre>")
        elif details:
            same = QCoreApplication.translate("Plugins", "The same traceback as above.")
            parts.append(f"<p><i>{html.escape(same)}</i></p>")
        shown = details or shown
    return "".join(parts)


def fault_html(plugin_name: str, faults: list[Fault], disabled: bool) -> str:
    translate = QCoreApplication.translate
    head = (translate("Plugins", "The plugin {name} was stopped for this session; the desk goes on without "
                                 "it. Re-enable it in Settings → Plugins after it was fixed.")
            if disabled else translate("Plugins", "The plugin {name} had errors."))
    return f"<p><b>{html.escape(head.format(name=plugin_name))}</b></p>" + faults_html(faults)


class PluginErrorView(QWidget):
    """Takes the place of a stopped plugin's panel (the dock stays where the user put it)."""

    def __init__(self, plugin_name: str, faults: list[Fault], disabled: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plugin_error_view")
        self._shown = (plugin_name, list(faults), disabled)
        self.text = QTextBrowser(self)
        self.text.setObjectName("plugin_error_text")
        self.text.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setHtml(fault_html(*self._shown))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
