"""The Help menu: the keyboard reference (read from the real bindings) and About."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.ui.keymap import KeyBinding, key_bindings

translate = QCoreApplication.translate


class KeyReferenceDialog(QDialog):
    """Every key of the desk, where it works and what it does, generated from the live window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("key_reference")
        self.setWindowTitle(translate("Help", "Keyboard reference"))
        self.resize(760, 640)
        rows = _rows(key_bindings(window))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [translate("Help", "Key"), translate("Help", "Where"), translate("Help", "Does")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        anywhere = translate("Help", "Anywhere")
        for row, (keys, place, description) in enumerate(rows):
            key = QTableWidgetItem(keys)
            key.setFont(_bold(key))
            self.table.setItem(row, 0, key)
            self.table.setItem(row, 1, QTableWidgetItem(place or anywhere))
            self.table.setItem(row, 2, QTableWidgetItem(description))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            translate("Help", "Keys that work anywhere come first; the others work while that panel has the keyboard."),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def _rows(bindings: list[KeyBinding]) -> list[tuple[str, str, str]]:
    """One row per thing a key does in one place: keys that do the same there share it (Return and the
    keypad's Enter, F2 and Ctrl+N)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        shown = grouped.setdefault((binding.place, binding.description), [])
        if binding.shown not in shown:
            shown.append(binding.shown)
    return [(" / ".join(keys), place, description) for (place, description), keys in grouped.items()]


def _bold(item: QTableWidgetItem) -> QFont:
    font = item.font()
    font.setBold(True)
    return font


@dataclass(frozen=True)
class AboutFacts:
    workstation: str
    operator: str
    role: str
    database: str
    hub: str
    plugins: tuple[str, ...] = ()


def version() -> str:
    try:
        return metadata.version("dispatch-desktop")
    except metadata.PackageNotFoundError:
        return "development"


def about_text(facts: AboutFacts) -> str:
    plugins = ", ".join(facts.plugins) if facts.plugins else translate("Help", "none installed")
    rows = [
        (translate("Help", "Version"), version()),
        (translate("Help", "Workstation"), facts.workstation),
        (translate("Help", "Operator"), facts.operator or "—"),
        (translate("Help", "Role"), facts.role),
        (translate("Help", "Event store"), facts.database),
        (translate("Help", "Hub"), facts.hub),
        (translate("Help", "Plugins"), plugins),
        (
            translate("Help", "Runs on"),
            f"Python {platform.python_version()}, PySide6 {pyside_version}, "
            f"{platform.system()} {platform.release()}",
        ),
    ]
    cells = "".join(f"<tr><td><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>" for k, v in rows)
    return f"<h3>指挥调度台 Dispatch Desktop</h3><table cellspacing='6'>{cells}</table>"


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(translate("Help", "About Dispatch Desktop"))
        self.text = QLabel(about_text(facts), self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
