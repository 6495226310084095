"""The retranslateUi pattern: a widget re-reads its texts when Qt announces a language change."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class RetranslateMixin:
    """Mix in before the Qt widget class; implement ``retranslate()`` and call it once at the end of
    ``__init__``. Installing or removing a QTranslator sends every widget ``QEvent.LanguageChange``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
