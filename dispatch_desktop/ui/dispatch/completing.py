"""A one-line field that offers matches as you type: the intake's place and incident-type fields.

The form decides what matches (the gazetteer, the taxonomy) and what a pick means; this only shows the
offers under the field, inserts the picked one's completion text and hands its payload back. The
popup never filters by itself (``UnfilteredPopupCompletion``): the matching is the form's, in pinyin
and English as well as Chinese, which Qt's prefix matching could not do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

_PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1
_COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 2

Offer = tuple[str, str, Any]  # (shown in the list, put in the field when picked, payload)


class CompletingField(QObject):
    picked = Signal(object)  # the payload of the offer picked from the list

    def __init__(self, edit: QLineEdit, parent: QWidget, *, visible_items: int = 10) -> None:
        super().__init__(parent)
        self.edit = edit
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, parent)
        self.completer.setWidget(edit)  # not setCompleter: the form decides when it pops up
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(_COMPLETION_ROLE)
        self.completer.setMaxVisibleItems(visible_items)
        # The QModelIndex overload of the signal; PySide6's stubs do not type choosing one by subscript.
        self.completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]

    def offer(self, offers: Sequence[Offer]) -> None:
        """Show these offers under the field (or nothing, for an empty list)."""
        self._model.clear()
        for shown, completion, payload in offers:
            item = QStandardItem(shown)
            item.setData(payload, _PAYLOAD_ROLE)
            item.setData(completion, _COMPLETION_ROLE)
            self._model.appendRow(item)
        if offers:
            self.completer.setCompletionPrefix("")
            self.completer.complete()
        else:
            self.hide()

    def hide(self) -> None:
        popup = self.completer.popup()
        if popup is not None:  # the completer makes its popup with itself; Qt's types allow for none
            popup.hide()

    def _on_activated(self, index: QModelIndex) -> None:
        payload = index.data(_PAYLOAD_ROLE)
        if payload is not None:
            self.picked.emit(payload)
