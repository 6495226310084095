"""The retranslateUi pattern: a widget re-reads its texts when Qt announces a language change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget  # what the checker sees: the mixin's methods are a widget's
else:
    _Widget = object  # at run time a plain mixin, listed before the Qt widget class it goes with


class RetranslateMixin(_Widget):
    """Mix in before the Qt widget class; implement ``retranslate()`` and call it once at the end of
    ``__init__``. Installing or removing a QTranslator sends every widget ``QEvent.LanguageChange``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
