"""Every text a person can see in a window: labels, buttons, fields' hints, tool tips, titles, menus,
table headers and the cells on screen. Used to check that a Chinese desk shows no English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QStatusBar,
    QWidget,
)

# Words a Chinese desk shows as they are: codes, units of measure, names of things that have no Chinese.
ALLOWED_WORDS = frozenset({
    "SOS", "ETA", "CST", "UTC", "km", "Qt", "Python", "PySide", "Linux", "Dispatch", "Desktop", "sqlite",
    "SIM", "postgresql", "psycopg", "embedded", "dev", "development", "ms", "Enter", "Ctrl", "Shift", "Alt",
    "Esc", "Tab", "Del", "Delete", "Return", "Space", "Up", "Down", "Left", "Right", "PgUp", "PgDown",
    "English",  # the language menu names each language in itself
    "fight",  # the type field's hint shows that English works too: "例如 斗殴 或 fight"
    "pinyin",
})
_WORD = re.compile(r"[A-Za-z]{2,}")
_ID = re.compile(r"^[A-Za-z0-9]*[0-9_.:/\-@][A-Za-z0-9_.:/\-@]*$")  # ws-e2e, J2025…-1, sqlite:///…


def english_words(text: str) -> list[str]:
    """Words of ``text`` a Chinese reader would see as untranslated English."""
    found = []
    for token in re.split(r"[\s,;:()（）·—、/|\[\]<>\"'“”]+", text):
        if not token or _ID.match(token) or "<" in token:
            continue
        for word in _WORD.findall(token):
            if word not in ALLOWED_WORDS and not word.isupper():
                found.append(word)
    return found


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything readable in ``root`` and its children."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root and not isinstance(widget, QMenu):
            continue
        name = f"{type(widget).__name__}({widget.objectName()})"
        if widget.toolTip():
            yield f"{name}.toolTip", widget.toolTip()
        if isinstance(widget, QMainWindow | QDockWidget) or widget.isWindow():
            yield f"{name}.windowTitle", widget.windowTitle()
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            yield f"{name}.text", widget.text()
        elif isinstance(widget, QLabel):
            yield f"{name}.text", re.sub(r"<[^>]+>|&nbsp;", " ", widget.text())
        if isinstance(widget, QAbstractButton):
            yield f"{name}.text", widget.text().replace("&", "")
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{name}.placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name}.item{index}", widget.itemText(index)
        if isinstance(widget, QMenu):
            yield f"{name}.title", widget.title().replace("&", "")
            for action in widget.actions():
                yield f"{name}.action", action.text().replace("&", "")
                yield f"{name}.actionTip", action.toolTip() if action.toolTip() != action.text() else ""
        if isinstance(widget, QStatusBar):
            yield f"{name}.message", widget.currentMessage()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _table_texts(name, widget)


def _table_texts(name: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header:
            yield f"{name}.header{column}", str(header)
    for row in range(min(model.rowCount(), 8)):  # the rows on screen are what people read
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield f"{name}[{row},{column}]", value


def untranslated(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root) if text and english_words(text)]
