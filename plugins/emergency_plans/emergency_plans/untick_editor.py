"""The reason asked for before a step's tick is taken back: one line under the checklist, with its question.

Esc puts it away keeping what was typed for that step (``drafts``): opening it again for the same step brings
the text back, so nothing typed is lost; a refused untick leaves it open with the text as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class UntickEditor(QWidget):
    """The reason asked for before a tick is taken back: one line under the list."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.reason = QLineEdit()
        self.confirm = QPushButton()
        self.cancel = QPushButton()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason, 1)
        row.addWidget(self.confirm)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.question)
        layout.addLayout(row)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        self.target: tuple[str, str] | None = None  # (activation id, step id) being unticked
        self.drafts: dict[tuple[str, str], str] = {}  # what was typed for a step and put away with Esc
        self.hide()

    def open(self, target: tuple[str, str], question: str) -> None:
        self.put_away()
        self.target = target
        self.question.setText(question)
        self.reason.setText(self.drafts.pop(target, ""))
        self.confirm.setEnabled(bool(self.reason.text().strip()))
        self.show()
        self.reason.setFocus()

    def put_away(self) -> None:
        """Hide, keeping what was typed for the step."""
        if self.target is not None and self.reason.text():
            self.drafts[self.target] = self.reason.text()
        self.done()

    def done(self) -> None:
        self.target = None
        self.reason.clear()
        self.hide()
