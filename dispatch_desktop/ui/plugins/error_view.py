"""What a plugin's panel shows once the plugin was stopped: what went wrong, and the traceback."""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from dispatch_desktop.ui.plugins.guard import Fault


def fault_html(plugin_name: str, faults: list[Fault], disabled: bool) -> str:
    translate = QCoreApplication.translate
    head = (translate("Plugins", "The plugin {name} was stopped for this session; the desk goes on without "
                                 "it. Re-enable it in Settings → Plugins after it was fixed.")
            if disabled else translate("Plugins", "The plugin {name} had errors."))
    parts = [f"<p><b>{html.escape(head.format(name=plugin_name))}</b></p>"]
    for fault in reversed(faults):
        when = time.strftime("%H:%M:%S", time.localtime(fault.at))
        parts.append(f"<p>{when} — {html.escape(fault.summary)}</p>")
        parts.append(f"<pre style='font-size:small'>{html.escape(fault.details)}</pre>")
    return "".join(parts)


class PluginErrorView(QWidget):
    """Takes the place of a stopped plugin's panel (the dock stays where the user put it)."""

    def __init__(self, plugin_name: str, faults: list[Fault], disabled: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plugin_error_view")
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(fault_html(plugin_name, faults, disabled))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
